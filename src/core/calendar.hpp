// Calendar dates and wall-clock times as people at the site write them: never shifted by a time zone.
#pragma once
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace mitra {

struct Date {
    int year = 1970, month = 1, day = 1;
    auto operator<=>(const Date&) const = default;
};

// Strict YYYY-MM-DD with a real calendar day (2026-02-30 is refused).
std::optional<Date> parse_date(std::string_view text);
std::string to_string(const Date& date);
Date add_days(const Date& date, int days);
int days_between(const Date& from, const Date& to);  // to - from
int weekday(const Date& date);                       // 0 = Monday ... 6 = Sunday
Date today_utc();

struct LocalTime {
    int hour = 0, minute = 0;
    auto operator<=>(const LocalTime&) const = default;
};

// Strict HH:MM, 00:00 to 23:59.
std::optional<LocalTime> parse_time(std::string_view text);
std::string to_string(const LocalTime& time);

// An IANA zone name in its usual shape ("Asia/Kolkata", "UTC"); whether the zone exists is
// checked against the zone database by the io layer.
bool looks_like_time_zone(std::string_view name);

// Now, in UTC, as "YYYY-MM-DDTHH:MM:SS.mmmZ": the form every change is stamped with.
std::string utc_timestamp_now();

}  // namespace mitra
