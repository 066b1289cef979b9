// The programme report's figures on a small known programme: counts, rates, drop-out, and suppression.
#include <catch2/catch.hpp>

#include <functional>
#include <map>
#include <set>

#include "io/report_labels.hpp"
#include "store/report_queries.hpp"
#include "store/repos.hpp"
#include "temp_dir.hpp"

using namespace mitra;
using namespace mitra::store;
using mitra::store_test::shipped_curriculum;
using mitra::store_test::TempDir;

namespace {

Date day(const char* text) { return *parse_date(text); }

const ReportTable& table_named(const std::vector<ReportTable>& tables, const std::string& name) {
    for (const auto& t : tables)
        if (t.name == name) return t;
    FAIL("no table " << name);
    throw;
}

// The row whose first cell is `first`.
const std::vector<std::string>& row_of(const ReportTable& table, const std::string& first) {
    for (const auto& r : table.rows)
        if (!r.empty() && r[0].rfind(first, 0) == 0) return r;
    FAIL("no row " << first << " in " << table.name);
    throw;
}

std::string cell(const ReportTable& table, const std::string& row, const std::string& column) {
    const auto& r = row_of(table, row);
    for (std::size_t c = 0; c < table.header.size(); ++c)
        if (table.header[c] == column) return r.at(c);
    FAIL("no column " << column << " in " << table.name);
    throw;
}

const ModuleFigures& module_figures(const ProgrammeFigures& f, const std::string& code) {
    for (const auto& m : f.modules)
        if (m.code == code) return m;
    FAIL("no module " << code);
    throw;
}

// What a careful reader can work out: every value each hidden small cell may take, given the shown cells,
// every published sum, and that a small cell is 1 to 4 and any other hidden cell 0 or 5 and over (up to
// `largest`). Tries every combination, so only for small tables.
std::map<std::size_t, std::set<long long>> possible_values(const std::vector<long long>& counts,
                                                           const std::vector<Hidden>& hidden,
                                                           const std::vector<SumLine>& lines, long long largest) {
    std::vector<std::size_t> unknown;
    for (std::size_t i = 0; i < counts.size(); ++i)
        if (hidden[i] != Hidden::no) unknown.push_back(i);
    std::map<std::size_t, std::set<long long>> out;
    std::vector<long long> guess = counts;  // shown cells as shown; hidden ones overwritten below
    std::function<void(std::size_t)> tryall = [&](std::size_t k) {
        if (k == unknown.size()) {
            for (const auto& line : lines) {
                long long sum = 0;
                for (auto p : line.parts) sum += guess[p];
                if (sum != guess[line.total]) return;
            }
            for (auto i : unknown)
                if (hidden[i] == Hidden::small) out[i].insert(guess[i]);
            return;
        }
        const auto i = unknown[k];
        for (long long v = 0; v <= largest; ++v) {
            if (hidden[i] == Hidden::small ? (v < 1 || v > 4) : (v >= 1 && v <= 4)) continue;
            guess[i] = v;
            tryall(k + 1);
        }
    };
    tryall(0);
    return out;
}

// Whether some hidden small cell has only one value left: it can be worked back out.
bool some_small_cell_recoverable(const std::vector<long long>& counts, const std::vector<Hidden>& hidden,
                                 const std::vector<SumLine>& lines, long long largest) {
    const auto values = possible_values(counts, hidden, lines, largest);
    for (std::size_t i = 0; i < counts.size(); ++i)
        if (hidden[i] == Hidden::small && values.count(i) && values.at(i).size() == 1) return true;
    return false;
}

std::vector<Hidden> primary_only(const std::vector<long long>& counts) {
    std::vector<Hidden> hidden;
    for (auto c : counts) hidden.push_back(is_suppressed(c) ? Hidden::small : Hidden::no);
    return hidden;
}

// Kathmandu: seven people, five of them complete (by override), one who stopped after the first session.
// Tokyo: three people who came to everything. One trainer leads both.
struct Programme {
    TempDir dir;
    std::unique_ptr<Database> db = Database::open(dir.file("r.db"), "coordinator");
    std::vector<Session> ktm, tky;

    Programme() {
        auto psf = shipped_curriculum();
        CurriculumRepo(*db).import(psf);
        Trainer t;
        t.ref = "T-1";
        t.name = "सीता राई";
        t.country = "NP";
        t.languages = {"ne"};
        TrainerRepo(*db).add(t);
        std::vector<Participant> people;
        auto person = [&](const std::string& ref, const std::string& name, const std::string& country,
                          const std::string& language) {
            Participant p;
            p.ref = ref;
            p.full_name = name;
            p.country = country;
            p.language = language;
            people.push_back(p);
        };
        for (int i = 1; i <= 7; ++i) person("P-0" + std::to_string(i), "व्यक्ति " + std::to_string(i), "NP", "ne");
        person("J-1", "山田 花子", "JP", "ja");
        person("J-2", "佐藤 太郎", "JP", "ja");
        person("J-3", "鈴木 一郎", "JP", "ja");
        ParticipantRepo(*db).save_all(people);

        CohortRepo cohorts(*db);
        Cohort a;
        a.code = "KTM-1";
        a.curriculum_code = "PSF";
        a.site = "Patan";
        a.country = "NP";
        a.time_zone = "Asia/Kathmandu";
        a.language = "ne";
        a.start_date = day("2026-01-05");
        a.trainer_refs = {"T-1"};
        Cohort b = a;
        b.code = "TKY-1";
        b.site = "Tokyo";
        b.country = "JP";
        b.time_zone = "Asia/Tokyo";
        b.language = "ja";
        b.start_date = day("2026-01-06");
        cohorts.create(a);
        cohorts.create(b);
        cohorts.enrol("KTM-1", {"P-01", "P-02", "P-03", "P-04", "P-05", "P-06", "P-07"}, day("2026-01-01"));
        cohorts.enrol("TKY-1", {"J-1", "J-2", "J-3"}, day("2026-01-01"));
        SessionRepo sessions(*db);
        ktm = sessions.schedule("KTM-1", 7, LocalTime{10, 0});
        tky = sessions.schedule("TKY-1", 7, LocalTime{14, 0});

        AttendanceRepo marks(*db);
        auto mark_all = [&](const std::string& cohort, long long session, const std::vector<std::string>& present,
                            const std::vector<std::string>& absent) {
            std::vector<LocatedMark> m;
            for (const auto& ref : present)
                m.push_back({Attendance{session, ref, AttendanceStatus::present, {}, ""}, 0});
            for (const auto& ref : absent) m.push_back({Attendance{session, ref, AttendanceStatus::absent, {}, ""}, 0});
            marks.mark(cohort, m);
        };
        const std::vector<std::string> six = {"P-01", "P-02", "P-03", "P-04", "P-05", "P-06"};
        auto seven = six;
        seven.push_back("P-07");
        mark_all("KTM-1", ktm[0].id, seven, {});                                              // 2026-01-05
        mark_all("KTM-1", ktm[1].id, six, {"P-07"});                                          // 2026-01-12
        mark_all("KTM-1", ktm[2].id, six, {"P-07"});                                          // 2026-01-19
        for (int i = 0; i < 3; ++i) mark_all("TKY-1", tky[i].id, {"J-1", "J-2", "J-3"}, {});  // 01-06, 13, 20

        // Five people complete: every module decided by a coordinator, and the code of ethics acknowledged.
        RecordsRepo records(*db);
        for (const auto& ref : {"P-01", "P-02", "P-03", "P-04", "P-05"}) {
            for (const auto& m : psf.modules)
                records.override_completion("KTM-1",
                                            CompletionOverride{ref, m.code, true, "recognised prior learning", "", ""});
            records.acknowledge_ethics(EthicsAcknowledgement{ref, psf.ethics_code, day("2026-01-05")});
            mitra::store_test::sign_attestations(*db, ref, day("2026-01-05"));
        }
    }

    ProgrammeFigures figures(ReportFilter f = {}) {
        if (f.from == Date{}) f.from = day("2026-01-01");
        if (f.to == Date{}) f.to = day("2026-01-20");
        return programme_figures(*db, f);
    }
};

}  // namespace

TEST_CASE("small counts are suppressed and so are rates made from them", "[store][report]") {
    CHECK(shown_count(0) == "0");
    CHECK(shown_count(1) == "<5");
    CHECK(shown_count(4) == "<5");
    CHECK(shown_count(5) == "5");
    CHECK(shown_count(120) == "120");
    CHECK(shown_rate(5, 10) == "50%");
    CHECK(shown_rate(0, 7) == "0%");
    CHECK(shown_rate(3, 10) == "suppressed");
    CHECK(shown_rate(6, 3) == "suppressed");
    CHECK(shown_rate(0, 0) == "-");
    CHECK(shown_rate(2, 3) == "suppressed");
    CHECK(shown_rate(19, 20) == "95%");
}

TEST_CASE("the report counts people, completion, sessions, attendance and drop-out of a known programme",
          "[store][report]") {
    Programme p;
    REQUIRE(p.ktm[0].module_code == "M01");
    REQUIRE(p.ktm[1].module_code == "M01");
    const std::string third = p.ktm[2].module_code;
    REQUIRE(third != "M01");
    const auto f = p.figures();

    CHECK(f.cohorts == 2);
    CHECK(f.enrolled == 10);
    CHECK(f.completed == 5);
    CHECK(f.sessions == 6);  // three each between 1 and 20 January
    CHECK(f.session_minutes == p.ktm[0].minutes + p.ktm[1].minutes + p.ktm[2].minutes + p.tky[0].minutes +
                                   p.tky[1].minutes + p.tky[2].minutes);
    CHECK(f.trainers_active == 1);
    CHECK(f.certificates_issued == 0);
    CHECK(f.never_attended == 0);
    REQUIRE(f.countries.size() == 2);
    CHECK(f.countries[0].country == "JP");
    CHECK(f.countries[0].enrolled == 3);
    CHECK(f.countries[0].completed == 0);
    CHECK(f.countries[1].country == "NP");
    CHECK(f.countries[1].enrolled == 7);
    CHECK(f.countries[1].completed == 5);

    const auto& m01 = module_figures(f, "M01");
    CHECK(m01.sessions == 4);
    CHECK(m01.attendances == 7 + 6 + 3 + 3);
    CHECK(m01.expected == 7 * 2 + 3 * 2);
    CHECK(m01.attended_people == 10);
    CHECK(m01.completed == 5 + 1 + 3);  // five by override, and P-06 and Tokyo's three attended both sessions
    CHECK(m01.dropped == 1);            // P-07: came once, then missed the next two sessions
    const auto& next = module_figures(f, third);
    CHECK(next.attendances == 6 + 3);
    CHECK(next.dropped == 0);
    REQUIRE(f.months.size() == 1);
    CHECK(f.months[0].month == "2026-01");
    CHECK(f.months[0].attendances == 19 + 9);

    SECTION("the tables show aggregates with small counts suppressed, and no one's name or ref") {
        const auto tables = report_tables(f);
        const auto& summary = table_named(tables, "Summary");
        CHECK(cell(summary, "people enrolled", "value") == "10");
        CHECK(cell(summary, "people completed", "value") == "5");
        CHECK(cell(summary, "completion rate", "value") == "50%");
        CHECK(cell(summary, "trainers active", "value") == "<5");
        CHECK(cell(summary, "certificates issued", "value") == "0");
        const auto& countries = table_named(tables, "Countries");
        CHECK(cell(countries, "JP", "enrolled") == "<5");
        CHECK(cell(countries, "JP", "completion rate") == "suppressed");
        // Nepal's 7 would give Japan's 3 back from the programme's 10: hidden too (secondary suppression).
        CHECK(cell(countries, "NP", "enrolled") == "suppressed");
        CHECK(cell(countries, "NP", "completed") == "5");
        const auto& modules = table_named(tables, "Modules");
        CHECK(cell(modules, "M01", "attendances") == "19");
        CHECK(cell(modules, "M01", "attendance rate") == "95%");
        CHECK(cell(modules, "M01", "dropped out after") == "<5");
        for (const auto& t : tables)
            for (const auto& r : t.rows)
                for (const auto& c : r) {
                    INFO(t.name << ": " << c);
                    CHECK(c.find("P-0") == std::string::npos);
                    CHECK(c.find("J-1") == std::string::npos);
                    CHECK(c.find("山田") == std::string::npos);
                    CHECK(c.find("व्यक्ति") == std::string::npos);
                }
    }

    SECTION("a suppressed count is never drawn to scale") {
        const auto charts = report_charts(f);
        REQUIRE(charts.by_country.size() == 2);
        const auto& jp = charts.by_country[0].bars[0];
        CHECK(jp.label == "JP");
        CHECK(jp.suppressed);
        CHECK(jp.value == 0);
        CHECK(jp.shown == "<5");
        CHECK(charts.by_country[0].bars[1].suppressed);  // Nepal's 7, hidden beside Japan's <5
        CHECK(charts.by_country[1].bars[1].value == 5);
        CHECK(charts.funnel.bars.front().value == 9);
    }
}

TEST_CASE("the report's filters narrow it to a country, a cohort or a period", "[store][report]") {
    Programme p;
    ReportFilter japan;
    japan.country = "JP";
    const auto jp = p.figures(japan);
    CHECK(jp.cohorts == 1);
    CHECK(jp.enrolled == 3);
    const auto jp_tables = report_tables(jp);
    CHECK(cell(table_named(jp_tables, "Summary"), "people enrolled", "value") == "<5");
    CHECK(cell(table_named(jp_tables, "Summary"), "completion rate", "value") == "suppressed");
    CHECK(cell(table_named(jp_tables, "Summary"), "participant hours attended", "value") == "suppressed");

    ReportFilter one;
    one.cohort = "KTM-1";
    CHECK(p.figures(one).enrolled == 7);

    ReportFilter before;
    before.from = day("2025-01-01");
    before.to = day("2025-12-31");
    const auto none = p.figures(before);
    CHECK(none.cohorts == 0);
    CHECK(none.enrolled == 0);
    CHECK(cell(table_named(report_tables(none), "Summary"), "completion rate", "value") == "-");

    ReportFilter first_week;
    first_week.to = day("2026-01-07");
    const auto week = p.figures(first_week);
    CHECK(week.sessions == 2);
    CHECK(module_figures(week, "M01").dropped == 0);  // too early to call anyone gone
}

TEST_CASE("secondary suppression: a small count cannot be worked back out from a total and the other cells",
          "[store][report][suppression]") {
    SECTION("people by country: one small country and the programme's total") {
        // Nepal 3 (shown <5), Japan 12, India 20; the programme's 35 people are published.
        const std::vector<long long> counts = {35, 3, 12, 20};
        const std::vector<SumLine> lines = {{{1, 2, 3}, 0}};
        // Without it: 35 - 12 - 20 gives Nepal's 3 back.
        REQUIRE(some_small_cell_recoverable(counts, primary_only(counts), lines, 40));
        CHECK(possible_values(counts, primary_only(counts), lines, 40).at(1) == std::set<long long>{3});

        const auto hidden = suppress_cells(counts, lines);
        CHECK(hidden[1] == Hidden::small);
        CHECK(hidden[2] == Hidden::complementary);  // the next-smallest, Japan's 12
        CHECK(hidden[3] == Hidden::no);
        CHECK(hidden[0] == Hidden::no);
        CHECK_FALSE(some_small_cell_recoverable(counts, hidden, lines, 40));
        CHECK(possible_values(counts, hidden, lines, 40).at(1) == std::set<long long>{1, 2, 3, 4});
    }

    SECTION("the next-smallest cell alone may still pin the small one down; then another goes") {
        // 1 and 5 hidden leave a sum of 6: the small cell could only be 1 (2 to 4 would make the other 2 to 4,
        // which would have been shown as small). A third cell must go too.
        const std::vector<long long> counts = {26, 1, 5, 20};
        const std::vector<SumLine> lines = {{{1, 2, 3}, 0}};
        std::vector<Hidden> standard_rule = primary_only(counts);
        standard_rule[2] = Hidden::complementary;
        CHECK(some_small_cell_recoverable(counts, standard_rule, lines, 30));

        const auto hidden = suppress_cells(counts, lines);
        CHECK(hidden[2] == Hidden::complementary);
        CHECK(hidden[3] == Hidden::complementary);
        CHECK_FALSE(some_small_cell_recoverable(counts, hidden, lines, 30));
    }

    SECTION("a two-way table: rows and columns add up, and the totals too") {
        //            M01  M02 | total
        //   Jan        2    9 |  11
        //   Feb        8    6 |  14
        //   total     10   15 |  25
        // cells: 0 Jan-M01, 1 Jan-M02, 2 Feb-M01, 3 Feb-M02, 4 Jan, 5 Feb, 6 M01, 7 M02, 8 all
        const std::vector<long long> counts = {2, 9, 8, 6, 11, 14, 10, 15, 25};
        const std::vector<SumLine> lines = {{{0, 1}, 4}, {{2, 3}, 5}, {{0, 2}, 6},
                                            {{1, 3}, 7}, {{4, 5}, 8}, {{6, 7}, 8}};
        REQUIRE(some_small_cell_recoverable(counts, primary_only(counts), lines, 25));
        const auto hidden = suppress_cells(counts, lines);
        CHECK(hidden[0] == Hidden::small);
        // Its row and its column each lose another cell, and so on until every line hides two or none.
        for (const auto& line : lines) {
            int n = hidden[line.total] != Hidden::no;
            for (auto p : line.parts) n += hidden[p] != Hidden::no;
            CHECK(n != 1);
        }
        CHECK_FALSE(some_small_cell_recoverable(counts, hidden, lines, 25));
        CHECK(hidden[8] == Hidden::no);  // the grand total stays
    }

    SECTION("nothing small, nothing hidden; a small total hides itself") {
        const std::vector<long long> big = {30, 10, 20};
        for (auto h : suppress_cells(big, {{{1, 2}, 0}})) CHECK(h == Hidden::no);
        const std::vector<long long> small = {3, 3, 0};  // one country of three people, and one of none
        const auto hidden = suppress_cells(small, {{{1, 2}, 0}});
        CHECK(hidden[0] == Hidden::small);
        CHECK(hidden[1] == Hidden::small);
        CHECK(hidden[2] == Hidden::no);  // the total is hidden too, so the zero says nothing
    }
}

TEST_CASE("the report hides a complementary country so a small one is not the total less the rest",
          "[store][report][suppression]") {
    Programme p;
    const auto f = p.figures();
    // Japan's 3 people are <5; Nepal's 7 and the programme's 10 would give them back.
    REQUIRE(f.enrolled == f.countries[0].enrolled + f.countries[1].enrolled);
    const auto hide = report_suppression(f);
    CHECK(hide.country_enrolled[0] == Hidden::small);
    CHECK(hide.country_enrolled[1] == Hidden::complementary);
    CHECK(hide.enrolled == Hidden::no);
    const auto tables = report_tables(f);
    const auto& countries = table_named(tables, "Countries");
    CHECK(cell(countries, "JP", "enrolled") == "<5");
    CHECK(cell(countries, "NP", "enrolled") == "suppressed");
    CHECK(cell(countries, "NP", "completion rate") == "suppressed");  // 5 of 7 would give the 7 back
    CHECK(cell(countries, "NP", "completed") == "5");
    CHECK(cell(table_named(tables, "Summary"), "people enrolled", "value") == "10");
    const auto charts = report_charts(f);
    CHECK(charts.by_country[0].bars[1].suppressed);  // Nepal's enrolled bar is not drawn to scale either
    CHECK(charts.by_country[0].bars[1].value == 0);
    CHECK(charts.by_country[1].bars[1].value == 5);
}

TEST_CASE("the report speaks the language asked for, names countries in it and keeps keys for machines",
          "[store][report][language]") {
    Programme p;
    const auto f = p.figures();
    const ReportWords ja{"ja", &io::report_label, &io::country_name};
    const auto tables = report_tables(f, ja);
    const auto& summary = tables.front();
    CHECK(summary.key == "summary");
    CHECK(summary.name == "概要");
    CHECK(summary.header == std::vector<std::string>{"項目", "値"});
    CHECK(summary.columns == std::vector<std::string>{"figure", "value"});
    bool found = false;
    for (std::size_t r = 0; r < summary.rows.size(); ++r)
        if (summary.row_keys[r] == "people enrolled") {
            CHECK(summary.rows[r][0] == "登録者数");
            CHECK(summary.rows[r][1] == "10");
            found = true;
        }
    CHECK(found);
    const auto& countries = tables[1];
    REQUIRE(countries.row_keys == std::vector<std::string>{"JP", "NP"});
    CHECK(countries.rows[0][0] == "日本");
    CHECK(countries.rows[1][0] == "ネパール");
    CHECK(countries.rows[1][1] == "非表示");  // the complementary cell, in Japanese
    CHECK(tables[2].rows[0][0].find("当事者としての経験と相互性") != std::string::npos);  // M01's title

    const auto content = report_content(f, ReportWords{"hi", &io::report_label, &io::country_name});
    CHECK(content.title == "कार्यक्रम रिपोर्ट");
    CHECK(content.charts.by_country.front().bars[1].label == "नेपाल");
    CHECK(content.charts.funnel_title == "पूर्णता फ़नल: हर मॉड्यूल पूरा करने वाले लोग");
    CHECK(content.csv_header == std::vector<std::string>{"तालिका", "मद", "माप", "मान"});
    CHECK(content.key_figures.front().first == "नामांकित लोग");
    CHECK(content.subtitle_lines.front().find("2026-01-01 से 2026-01-20") != std::string::npos);
    for (const auto& t : content.tables) CHECK(t.header.size() == t.columns.size());

    // Without words: English, country codes, as before.
    CHECK(report_tables(f).front().rows.front()[0] == "period");
    CHECK(report_tables(f)[1].rows[0][0] == "JP");
}
