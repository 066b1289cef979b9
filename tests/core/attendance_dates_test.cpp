// The dates that decide attendance: the enrolment date offered, sessions to come, the session nearest today.
#include <catch2/catch.hpp>

#include "core/attendance_dates.hpp"

using namespace mitra;

namespace {

std::chrono::system_clock::time_point utc(int y, unsigned m, unsigned d, int hour, int minute) {
    using namespace std::chrono;
    return sys_days(year_month_day(year(y), month(m), day(d))) + hours(hour) + minutes(minute);
}

}  // namespace

TEST_CASE("people enrolled before a cohort starts or in its first week are enrolled from its start",
          "[core][attendance_dates]") {
    const Date start{2026, 2, 2};
    CHECK(default_enrolment_date(start, Date{2026, 1, 20}) == start);  // not started yet
    CHECK(default_enrolment_date(start, start) == start);
    CHECK(default_enrolment_date(start, Date{2026, 2, 9}) == start);               // the seventh day after the start
    CHECK(default_enrolment_date(start, Date{2026, 2, 10}) == Date{2026, 2, 10});  // later: from today
    CHECK(default_enrolment_date(start, Date{2026, 3, 2}) == Date{2026, 3, 2});
}

TEST_CASE("a person counts at sessions on or after their enrolment day, a make-up visitor at none",
          "[core][attendance_dates]") {
    const Date enrolled{2026, 2, 10};
    CHECK_FALSE(counts_at_session(enrolled, Date{2026, 2, 9}));
    CHECK(counts_at_session(enrolled, Date{2026, 2, 10}));
    CHECK(counts_at_session(enrolled, Date{2026, 2, 11}));
    CHECK_FALSE(counts_at_session(std::nullopt, Date{2026, 2, 11}));
}

TEST_CASE("when everyone present finds no one to mark, it says why", "[core][attendance_dates]") {
    const Date session{2026, 2, 5};
    const std::optional<Date> early = Date{2026, 2, 2}, late = Date{2026, 2, 20};
    CHECK(nobody_to_mark({}, {}, session) == NobodyToMark::nobody_enrolled);
    CHECK(nobody_to_mark({std::nullopt}, {false}, session) == NobodyToMark::nobody_enrolled);  // a visitor only
    CHECK(nobody_to_mark({late, late}, {false, false}, session) == NobodyToMark::enrolled_later);
    CHECK(nobody_to_mark({early, late}, {true, false}, session) == NobodyToMark::all_marked);
    CHECK(nobody_to_mark({early, early}, {true, false}, session) == std::nullopt);  // one is left
    CHECK(nobody_to_mark({early, std::nullopt}, {false, false}, session) == std::nullopt);
}

TEST_CASE("a session is still to come when its day at the site is after today there", "[core][attendance_dates]") {
    CHECK(is_future_session(Date{2026, 3, 3}, Date{2026, 3, 2}));
    CHECK_FALSE(is_future_session(Date{2026, 3, 2}, Date{2026, 3, 2}));  // today's session has begun or will soon
    CHECK_FALSE(is_future_session(Date{2026, 3, 1}, Date{2026, 3, 2}));

    SECTION("today at the site is the site's calendar day, not UTC's") {
        // 20:00 UTC on 2 March is 01:45 on 3 March in Kathmandu (UTC+5:45) and still 2 March in London.
        const auto now = utc(2026, 3, 2, 20, 0);
        CHECK(today_in("Asia/Kathmandu", now) == Date{2026, 3, 3});
        CHECK(today_in("Europe/London", now) == Date{2026, 3, 2});
        CHECK(today_in("UTC", now) == Date{2026, 3, 2});
        // 18:14 UTC is 23:59 in Kathmandu: still the 2nd.
        CHECK(today_in("Asia/Kathmandu", utc(2026, 3, 2, 18, 14)) == Date{2026, 3, 2});
        // Summer time counts: 23:30 UTC on 1 July is 00:30 on 2 July in London (UTC+1).
        CHECK(today_in("Europe/London", utc(2026, 7, 1, 23, 30)) == Date{2026, 7, 2});
        // West of UTC the day is behind: 03:00 UTC on 3 March is the evening of the 2nd in Honolulu.
        CHECK(today_in("Pacific/Honolulu", utc(2026, 3, 3, 3, 0)) == Date{2026, 3, 2});
        // So a session on 3 March is to come in London but not in Kathmandu.
        CHECK(is_future_session(Date{2026, 3, 3}, today_in("Europe/London", now)));
        CHECK_FALSE(is_future_session(Date{2026, 3, 3}, today_in("Asia/Kathmandu", now)));
    }
    SECTION("an unknown zone counts as UTC") {
        CHECK(today_in("Asia/Bangkokk", utc(2026, 3, 2, 20, 0)) == Date{2026, 3, 2});
    }
}

TEST_CASE("the session nearest today is today's, else the closer neighbour, the earlier on a tie",
          "[core][attendance_dates]") {
    const std::vector<Date> dates{{2026, 2, 2}, {2026, 2, 5}, {2026, 2, 8}, {2026, 2, 11}};
    CHECK(nearest_session(dates, Date{2026, 2, 5}) == 1u);
    CHECK(nearest_session(dates, Date{2026, 2, 6}) == 1u);
    CHECK(nearest_session(dates, Date{2026, 2, 7}) == 2u);
    CHECK(nearest_session(dates, Date{2026, 1, 1}) == 0u);                         // before the cohort: the first
    CHECK(nearest_session(dates, Date{2026, 12, 1}) == 3u);                        // after it: the last
    CHECK(nearest_session({{2026, 2, 2}, {2026, 2, 4}}, Date{2026, 2, 3}) == 0u);  // a tie: the earlier
    CHECK_FALSE(nearest_session({}, Date{2026, 2, 3}));
}
