// Calendar dates and wall-clock times.
#include "core/calendar.hpp"

#include <chrono>
#include <cstdio>

namespace mitra {
namespace {

bool all_digits(std::string_view s) {
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return !s.empty();
}

int to_int(std::string_view s) {
    int v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
}

std::chrono::sys_days to_sys(const Date& d) {
    return std::chrono::sys_days{std::chrono::year{d.year} / std::chrono::month{static_cast<unsigned>(d.month)} /
                                 std::chrono::day{static_cast<unsigned>(d.day)}};
}

Date from_sys(std::chrono::sys_days days) {
    std::chrono::year_month_day ymd{days};
    return Date{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
                static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

}  // namespace

std::optional<Date> parse_date(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    auto y = s.substr(0, 4), m = s.substr(5, 2), d = s.substr(8, 2);
    if (!all_digits(y) || !all_digits(m) || !all_digits(d)) return std::nullopt;
    Date date{to_int(y), to_int(m), to_int(d)};
    if (date.year < 1900 || date.year > 2999) return std::nullopt;
    std::chrono::year_month_day ymd{std::chrono::year{date.year}, std::chrono::month{static_cast<unsigned>(date.month)},
                                    std::chrono::day{static_cast<unsigned>(date.day)}};
    if (!ymd.ok()) return std::nullopt;
    return date;
}

std::string to_string(const Date& d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buf;
}

Date add_days(const Date& d, int days) { return from_sys(to_sys(d) + std::chrono::days{days}); }

int days_between(const Date& from, const Date& to) { return static_cast<int>((to_sys(to) - to_sys(from)).count()); }

int weekday(const Date& d) {
    std::chrono::weekday wd{to_sys(d)};
    return static_cast<int>(wd.iso_encoding()) - 1;
}

Date today_utc() { return from_sys(std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())); }

std::optional<LocalTime> parse_time(std::string_view s) {
    if (s.size() != 5 || s[2] != ':') return std::nullopt;
    auto h = s.substr(0, 2), m = s.substr(3, 2);
    if (!all_digits(h) || !all_digits(m)) return std::nullopt;
    LocalTime t{to_int(h), to_int(m)};
    if (t.hour > 23 || t.minute > 59) return std::nullopt;
    return t;
}

std::string to_string(const LocalTime& t) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d:%02d", t.hour, t.minute);
    return buf;
}

bool looks_like_time_zone(std::string_view name) {
    if (name.empty() || name.size() > 64 || name.front() == '/' || name.back() == '/') return false;
    if (name.find("..") != std::string_view::npos || name.find("//") != std::string_view::npos) return false;
    for (char c : name) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '/' ||
                        c == '_' || c == '-' || c == '+';
        if (!ok) return false;
    }
    return true;
}

std::string utc_timestamp_now() {
    using namespace std::chrono;
    const auto now = system_clock::now();
    const auto days = floor<std::chrono::days>(now);
    const year_month_day ymd{days};
    const hh_mm_ss hms{floor<milliseconds>(now - days)};
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                  static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                  static_cast<int>(hms.seconds().count()), static_cast<int>(hms.subseconds().count()));
    return buf;
}

}  // namespace mitra
