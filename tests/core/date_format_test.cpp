// Dates as a certificate's language writes them.
#include <catch2/catch.hpp>

#include "core/date_format.hpp"

using namespace mitra;

TEST_CASE("a date is written the way its language writes it", "[core][date_format]") {
    const Date d{2026, 1, 5};
    CHECK(format_date(d, "en") == "5 January 2026");
    CHECK(format_date(d, "ja") == "2026年1月5日");
    CHECK(format_date(d, "zh-Hans") == "2026年1月5日");
    CHECK(format_date(d, "zh-Hant") == "2026年1月5日");
    CHECK(format_date(d, "ko") == "2026년 1월 5일");
    CHECK(format_date(d, "id") == "5 Januari 2026");
    CHECK(format_date(d, "hi") == "5 जनवरी 2026");
    CHECK(format_date(d, "ne") == "२०२६ जनवरी ५");
    CHECK(format_date(d, "si") == "2026 ජනවාරි 5");
    CHECK(format_date(d, "ur") == "5 جنوری، 2026");
    CHECK(format_date(d, "vi") == "5 tháng 1, 2026");
    CHECK(format_date(d, "fil") == "Enero 5, 2026");
    CHECK(format_date(d, "bn") == "৫ জানুয়ারী, ২০২৬");
    CHECK(format_date(Date{2026, 12, 31}, "en-GB") == "31 December 2026");
}

TEST_CASE("Thai dates count years in the Buddhist era", "[core][date_format]") {
    CHECK(format_date(Date{2026, 1, 5}, "th") == "5 มกราคม 2569");
    CHECK(format_date(Date{2025, 12, 31}, "th") == "31 ธันวาคม 2568");
}

TEST_CASE("an unknown language falls back to English", "[core][date_format]") {
    CHECK(format_date(Date{2026, 3, 30}, "xx") == "30 March 2026");
    CHECK(format_date(Date{2026, 3, 30}, "") == "30 March 2026");
}

TEST_CASE("a range shares what both ends share", "[core][date_format]") {
    const Date start{2026, 1, 5};
    SECTION("one day, or no end") {
        CHECK(format_date_range(start, std::nullopt, "en") == "5 January 2026");
        CHECK(format_date_range(start, start, "en") == "5 January 2026");
    }
    SECTION("same month") { CHECK(format_date_range(start, Date{2026, 1, 9}, "en") == "5–9 January 2026"); }
    SECTION("same year") {
        CHECK(format_date_range(start, Date{2026, 3, 30}, "en") == "5 January – 30 March 2026");
        CHECK(format_date_range(start, Date{2026, 3, 30}, "ja") == "2026年1月5日～3月30日");
        CHECK(format_date_range(start, Date{2026, 3, 30}, "ko") == "2026년 1월 5일 ~ 3월 30일");
        CHECK(format_date_range(start, Date{2026, 3, 30}, "th") == "5 มกราคม – 30 มีนาคม 2569");
    }
    SECTION("across years") {
        CHECK(format_date_range(Date{2025, 11, 3}, start, "en") == "3 November 2025 – 5 January 2026");
        CHECK(format_date_range(Date{2025, 11, 3}, start, "ja") == "2025年11月3日～2026年1月5日");
    }
}
