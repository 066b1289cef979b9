// The model's small rules: dates, codes, names, language fallback, the schedule plan.
#include <catch2/catch.hpp>

#include "core/calendar.hpp"
#include "core/identity.hpp"
#include "core/model.hpp"
#include "core/schedule.hpp"
#include "core/text.hpp"
#include "core/validation.hpp"

using namespace mitra;

TEST_CASE("dates are strict calendar days", "[core][calendar]") {
    CHECK(parse_date("2026-02-28"));
    CHECK(parse_date("2028-02-29"));
    CHECK_FALSE(parse_date("2026-02-29"));
    CHECK_FALSE(parse_date("2026-13-01"));
    CHECK_FALSE(parse_date("2026-1-01"));
    CHECK_FALSE(parse_date("26-01-01"));
    CHECK_FALSE(parse_date("2026-01-01T00"));
    CHECK(to_string(add_days(*parse_date("2026-12-30"), 3)) == "2027-01-02");
    CHECK(weekday(*parse_date("2026-11-25")) == 2);  // a Wednesday
    CHECK(parse_time("09:30") == LocalTime{9, 30});
    CHECK_FALSE(parse_time("24:00"));
    CHECK_FALSE(parse_time("9:30"));
}

TEST_CASE("uuids are version 7 and unique", "[core][identity]") {
    const auto a = new_uuid(), b = new_uuid();
    CHECK(is_uuid(a));
    CHECK(a != b);
    CHECK(a[14] == '7');
}

TEST_CASE("country codes and language tags of the region are recognised", "[core][identity]") {
    for (auto cc : {"JP", "KR", "CN", "HK", "TW", "TH", "ID", "PH", "IN", "NP", "LK", "PK"}) CHECK(is_country_code(cc));
    CHECK_FALSE(is_country_code("XX"));
    CHECK_FALSE(is_country_code("jp"));
    CHECK_FALSE(is_country_code("JPN"));
    for (auto tag : {"ja", "zh-Hans", "zh-Hant-TW", "ur-PK", "si", "fil", "en-Latn-IN"}) CHECK(is_language_tag(tag));
    for (auto tag : {"", "-", "j@", "zh--Hans", "1a", "toolongtag"}) CHECK_FALSE(is_language_tag(tag));
}

TEST_CASE("names in any script are taken; broken, blank and overlong ones are refused", "[core][validation]") {
    for (std::string name : {"山田 花子", "김민준", "สมชาย ใจดี", "प्रिया शर्मा", "ශ්‍රියානි",
                             "عائشہ خان", "Nguyễn Thị Minh Khai", "Sukarno", "Robert'); DROP TABLE participants;--"})
        CHECK(check_name("full_name", name, true).empty());
    CHECK_FALSE(check_name("full_name", "", true).empty());
    CHECK_FALSE(check_name("full_name", "a\nb", true).empty());
    CHECK_FALSE(check_name("full_name", std::string("a\0b", 3), true).empty());
    CHECK_FALSE(check_name("full_name", "\xC3\x28", true).empty());
    CHECK_FALSE(check_name("full_name", std::string(201, 'x'), true).empty());
    CHECK(check_name("full_name", std::string(200, 'x'), true).empty());
    CHECK(invalid_utf8_at("\xF0\x9F\x98\x80") == std::nullopt);  // a 4-byte character
    CHECK(invalid_utf8_at("a\xED\xA0\x80") == std::size_t{1});   // a surrogate
    CHECK(invalid_utf8_at("\xC0\xAF") == std::size_t{0});        // an overlong
}

TEST_CASE("a participant needs a ref, a name, a country and a language", "[core][validation]") {
    Participant p{"", "P-1", "Sukarno", "", "ID", "id", "", "", std::nullopt};
    CHECK(validate(p).empty());
    p.country = "XX";
    p.email = "not-an-address";
    p.ref = "has space";
    const auto errors = validate(p);
    REQUIRE(errors.size() == 3);
    CHECK(errors[0].field == "ref");
    CHECK(errors[1].field == "country");
    CHECK(errors[2].field == "email");
}

TEST_CASE("localized text falls back from region to language to English", "[core][text]") {
    LocalizedText t{{{"en", "Ethics"}, {"zh-Hant", "倫理"}, {"ja", "倫理と境界"}}};
    CHECK(t.in("ja") == "倫理と境界");
    CHECK(t.in("zh-Hant-TW") == "倫理");
    CHECK(t.in("ko") == "Ethics");
    CHECK(LocalizedText{}.in("ja").empty());
}

TEST_CASE("a schedule plans each module's sessions in order, a week apart", "[core][schedule]") {
    Curriculum c;
    Module m1, m2;
    m1.code = "M1", m1.minutes = 360, m1.sessions = 2;
    m2.code = "M2", m2.minutes = 200, m2.sessions = 3;
    c.modules = {m1, m2};
    Cohort cohort;
    cohort.code = "C1";
    cohort.start_date = *parse_date("2026-01-05");
    cohort.trainer_refs = {"T1"};
    const auto plan = plan_schedule(c, cohort, 7, LocalTime{10, 0});
    REQUIRE(plan.size() == 5);
    CHECK(plan[0].module_code == "M1");
    CHECK(plan[0].minutes == 180);
    CHECK(to_string(plan[1].date) == "2026-01-12");
    CHECK(plan[2].module_code == "M2");
    CHECK(plan[2].minutes + plan[3].minutes + plan[4].minutes == 200);
    CHECK(plan[4].trainer_ref == "T1");
}

TEST_CASE("attendance statuses are read in any case, by word or letter, and nothing else is taken for one",
          "[core][model]") {
    using S = AttendanceStatus;
    const std::vector<std::pair<std::string, S>> known = {{"present", S::present},
                                                          {"P", S::present},
                                                          {"Present", S::present},
                                                          {"LATE", S::late},
                                                          {"l", S::late},
                                                          {"left_early", S::left_early},
                                                          {"Left-Early", S::left_early},
                                                          {"early", S::left_early},
                                                          {"excused", S::excused},
                                                          {"E", S::excused},
                                                          {"absent", S::absent},
                                                          {"a", S::absent}};
    for (const auto& [text, status] : known) {
        INFO(text);
        CHECK(parse_attendance_status(text) == status);
    }
    for (const auto& status : {S::present, S::late, S::left_early, S::excused, S::absent})
        CHECK(parse_attendance_status(to_string(status)) == status);
    for (const char* text : {"", " p", "p ", "presen", "presentt", "x", "absent\n", "ABSENT!", "l\u0307", "\xC4\xB0"})
        CHECK_FALSE(parse_attendance_status(text).has_value());
}

TEST_CASE("one UTF-8 decoder: code points, their offsets, and every broken form refused", "[core][text]") {
    std::vector<std::uint32_t> offsets;
    CHECK(decode_utf8("aé山𝄞", &offsets) == U"aé山𝄞");
    CHECK(offsets == std::vector<std::uint32_t>{0, 1, 3, 6, 10});
    for (std::string_view broken : {"\x80", "\xC3", "\xC0\xAF", "\xE0\x80\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80",
                                    "\xF8\x88\x80\x80\x80", "a\xE5\xB1"}) {
        INFO(std::string(broken));
        CHECK_THROWS_AS(decode_utf8(broken), std::invalid_argument);
        CHECK(invalid_utf8_at(broken));
    }
    CHECK(code_point_at("ශ්‍ර", 6)->cp == U'\u200D');  // the Sinhala ZWJ after the virama
    CHECK_FALSE(code_point_at("abc", 3));
}
