// The report's tables on plain figures: what suppression hides is what the tables and charts show as hidden.
#include <catch2/catch.hpp>

#include "core/report_content.hpp"

using namespace mitra;

namespace {

// The value of the summary row `key`.
std::string summary(const ProgrammeFigures& f, const std::string& key) {
    const auto tables = report_tables(f);
    const auto& table = tables.at(0);
    REQUIRE(table.key == "summary");
    for (std::size_t r = 0; r < table.row_keys.size(); ++r)
        if (table.row_keys[r] == key) return table.rows[r][1];
    FAIL("no summary row " << key);
    return {};
}

// Two countries adding up to the programme's people; 10 hours attended.
ProgrammeFigures programme(long long first, long long second) {
    ProgrammeFigures f;
    f.filter.from = *parse_date("2026-01-01");
    f.filter.to = *parse_date("2026-06-30");
    f.countries = {{"NP", first, first, 600}, {"JP", second, second, 600}};
    f.enrolled = f.completed = first + second;
    f.attended_minutes = 600;
    return f;
}

}  // namespace

TEST_CASE("a programme of 4 people hides its people, their rate and their hours; of 5 it shows them",
          "[core][suppression][report]") {
    const auto four = programme(4, 0);
    CHECK(summary(four, "people enrolled") == "<5");
    CHECK(summary(four, "completion rate") == "suppressed");
    CHECK(summary(four, "participant hours attended") == "suppressed");
    const auto five = programme(5, 0);
    CHECK(summary(five, "people enrolled") == "5");
    CHECK(summary(five, "completion rate") == "100%");
    CHECK(summary(five, "participant hours attended") == "10");
}

TEST_CASE("a country of 4 is shown as <5 and the country that would give it back as suppressed, in tables and charts",
          "[core][suppression][report]") {
    const auto f = programme(4, 20);
    const auto tables = report_tables(f);
    const auto& countries = tables.at(1);
    REQUIRE(countries.key == "countries");
    CHECK(countries.rows.at(0).at(1) == "<5");
    CHECK(countries.rows.at(1).at(1) == "suppressed");
    CHECK(countries.rows.at(1).at(3) == "suppressed");  // its rate would give it back too
    CHECK(summary(f, "people enrolled") == "24");
    const auto charts = report_charts(f);
    const auto& enrolled = charts.by_country.at(0).bars;
    CHECK(enrolled.at(0).suppressed);
    CHECK(enrolled.at(0).value == 0);
    CHECK(enrolled.at(1).suppressed);
    CHECK(enrolled.at(1).shown == "suppressed");

    const auto shown = report_tables(programme(5, 20)).at(1);
    CHECK(shown.rows.at(0).at(1) == "5");
    CHECK(shown.rows.at(1).at(1) == "20");
}

TEST_CASE("the practice table shows counts of 5 and hours of 5 people, and hides them at 4",
          "[core][suppression][report]") {
    auto f = programme(20, 6);
    CHECK(report_tables(f).back().key != "practice");  // no curriculum in scope asks for it
    f.practice_rules = true;
    auto& np = f.countries[0];
    np.observed_met = 5;
    np.observed_repeat = 4;
    np.observed_held = 0;
    np.supervision_one_to_one_minutes = 600;
    np.supervision_group_minutes = 90;
    np.supervised_people = 5;
    np.past_deadline = 1;
    auto& jp = f.countries[1];
    jp.observed_met = 6;
    jp.supervision_one_to_one_minutes = 240;
    jp.supervised_people = 4;
    const auto tables = report_tables(f);
    const auto& practice = tables.back();
    REQUIRE(practice.key == "practice");
    REQUIRE(practice.row_keys == std::vector<std::string>{"NP", "JP"});
    CHECK(practice.rows[0] == std::vector<std::string>{"NP", "5", "<5", "0", "10", "1.5", "<5"});
    // Four people supervised: their hours would tell about each of them.
    CHECK(practice.rows[1] == std::vector<std::string>{"JP", "6", "0", "0", "suppressed", "suppressed", "0"});
}
