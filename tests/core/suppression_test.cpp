// Small-count suppression at its edges: 4 hidden, 5 shown; a small cell and the sums that could give it back.
#include <catch2/catch.hpp>

#include "core/suppression.hpp"

using namespace mitra;

namespace {

// Two countries, their people enrolled and completed, adding up to the programme's.
ProgrammeFigures two_countries(long long first_enrolled, long long second_enrolled) {
    ProgrammeFigures f;
    f.countries = {{"NP", first_enrolled, 0, 0}, {"JP", second_enrolled, 0, 0}};
    f.enrolled = first_enrolled + second_enrolled;
    return f;
}

ModuleFigures module_with(const char* code, long long attendances) {
    ModuleFigures m;
    m.curriculum = "PSF";
    m.code = code;
    m.attendances = attendances;
    return m;
}

}  // namespace

TEST_CASE("a count of 4 is suppressed and a count of 5 is shown; 0 is shown", "[core][suppression]") {
    CHECK_FALSE(is_suppressed(0));
    CHECK(is_suppressed(1));
    CHECK(is_suppressed(4));
    CHECK_FALSE(is_suppressed(5));
    CHECK(shown_count(4) == "<5");
    CHECK(shown_count(5) == "5");
    CHECK(shown_count(0) == "0");
    CHECK(primary(4) == Hidden::small);
    CHECK(primary(5) == Hidden::no);
    CHECK(primary(0) == Hidden::no);
}

TEST_CASE("a rate is suppressed when its part or its whole is 1 to 4, and shown from 5", "[core][suppression]") {
    CHECK(shown_rate(4, 10) == "suppressed");
    CHECK(shown_rate(5, 10) == "50%");
    CHECK(shown_rate(0, 4) == "suppressed");
    CHECK(shown_rate(0, 5) == "0%");
    CHECK(shown_rate(5, 5) == "100%");
    CHECK(shown_rate(0, 0) == "-");
    CHECK(shown_rate(2, 3) == "suppressed");  // 67% of a handful says who
}

TEST_CASE("a sum with one cell of 4 hides a second cell; with 5 it hides nothing", "[core][suppression]") {
    const std::vector<SumLine> line = {{{1, 2, 3}, 0}};
    SECTION("one below the limit") {
        const auto hidden = suppress_cells({34, 4, 10, 20}, line);
        CHECK(hidden[1] == Hidden::small);
        CHECK(hidden[2] == Hidden::complementary);  // the next-smallest
        CHECK(hidden[3] == Hidden::no);
        CHECK(hidden[0] == Hidden::no);
    }
    SECTION("exactly at the limit") {
        for (auto h : suppress_cells({35, 5, 10, 20}, line)) CHECK(h == Hidden::no);
    }
    SECTION("a zero is not taken for the complementary cell while a non-zero one is left") {
        const auto hidden = suppress_cells({24, 4, 0, 20}, line);
        CHECK(hidden[1] == Hidden::small);
        CHECK(hidden[2] == Hidden::no);
        CHECK(hidden[3] == Hidden::complementary);
    }
}

TEST_CASE("the report hides a second country only when the countries add up to the programme's people",
          "[core][suppression]") {
    SECTION("4 people in one country, 20 in the other: the 20 goes too") {
        const auto hide = report_suppression(two_countries(4, 20));
        CHECK(hide.country_enrolled == std::vector<Hidden>{Hidden::small, Hidden::complementary});
        CHECK(hide.enrolled == Hidden::no);
    }
    SECTION("5 people in one country: everything is shown") {
        const auto hide = report_suppression(two_countries(5, 20));
        CHECK(hide.country_enrolled == std::vector<Hidden>{Hidden::no, Hidden::no});
        CHECK(hide.enrolled == Hidden::no);
    }
    SECTION("a person counted in both countries: no sum is published, so only the small count is hidden") {
        auto f = two_countries(4, 20);
        f.enrolled = 23;
        const auto hide = report_suppression(f);
        CHECK(hide.country_enrolled == std::vector<Hidden>{Hidden::small, Hidden::no});
    }
    SECTION("a programme of 4 people hides its total as well") {
        const auto hide = report_suppression(two_countries(4, 0));
        CHECK(hide.enrolled == Hidden::small);
        CHECK(hide.country_enrolled == std::vector<Hidden>{Hidden::small, Hidden::no});
    }
}

TEST_CASE("module and month attendances both add up to the programme's attendances", "[core][suppression]") {
    ProgrammeFigures f;
    f.modules = {module_with("M01", 4), module_with("M02", 30), module_with("M03", 40)};
    f.months = {{"2026-01", 2, 34}, {"2026-02", 2, 40}};
    SECTION("a module of 4 attendances hides the next-smallest module") {
        const auto hide = report_suppression(f);
        CHECK(hide.module_attendances == std::vector<Hidden>{Hidden::small, Hidden::complementary, Hidden::no});
        CHECK(hide.month_attendances == std::vector<Hidden>{Hidden::no, Hidden::no});
        CHECK(hide.attendances == Hidden::no);
    }
    SECTION("a month of 4 attendances hides the other month, when the months add up") {
        f.modules[0].attendances = 10;
        f.months = {{"2026-01", 1, 4}, {"2026-02", 3, 76}};
        const auto hide = report_suppression(f);
        CHECK(hide.month_attendances == std::vector<Hidden>{Hidden::small, Hidden::complementary});
        CHECK(hide.module_attendances == std::vector<Hidden>{Hidden::no, Hidden::no, Hidden::no});
    }
    SECTION("months that do not add up (marks outside the period) hide only their small counts") {
        f.modules[0].attendances = 10;
        f.months = {{"2026-01", 1, 4}, {"2026-02", 3, 70}};
        const auto hide = report_suppression(f);
        CHECK(hide.month_attendances == std::vector<Hidden>{Hidden::small, Hidden::no});
    }
}
