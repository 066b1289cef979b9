// The dates that decide attendance (see attendance_dates.hpp).
#include "core/attendance_dates.hpp"

#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <cstdlib>
#include <memory>
#include <string>

namespace mitra {

Date default_enrolment_date(const Date& cohort_start, const Date& today) {
    return today <= add_days(cohort_start, kEnrolFromStartDays) ? cohort_start : today;
}

bool counts_at_session(const std::optional<Date>& enrolled_on, const Date& session_date) {
    return enrolled_on && !(session_date < *enrolled_on);
}

std::optional<NobodyToMark> nobody_to_mark(const std::vector<std::optional<Date>>& enrolled_on,
                                           const std::vector<bool>& marked, const Date& session_date) {
    bool anyone_enrolled = false, anyone_counts = false;
    for (std::size_t i = 0; i < enrolled_on.size(); ++i) {
        if (!enrolled_on[i]) continue;
        anyone_enrolled = true;
        if (!counts_at_session(enrolled_on[i], session_date)) continue;
        anyone_counts = true;
        if (i >= marked.size() || !marked[i]) return std::nullopt;
    }
    if (!anyone_enrolled) return NobodyToMark::nobody_enrolled;
    if (!anyone_counts) return NobodyToMark::enrolled_later;
    return NobodyToMark::all_marked;
}

bool is_future_session(const Date& session_date, const Date& today_at_site) { return today_at_site < session_date; }

Date today_in(std::string_view time_zone, std::chrono::system_clock::time_point now) {
    using namespace std::chrono;
    const auto ms = duration_cast<milliseconds>(now.time_since_epoch()).count();
    long long offset_ms = 0;
    const std::unique_ptr<icu::TimeZone> zone(
        icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(std::string(time_zone))));
    if (*zone != icu::TimeZone::getUnknown()) {
        int32_t raw = 0, dst = 0;
        UErrorCode status = U_ZERO_ERROR;
        zone->getOffset(static_cast<UDate>(ms), false, raw, dst, status);
        if (U_SUCCESS(status)) offset_ms = static_cast<long long>(raw) + dst;
    }
    const auto local = floor<days>(sys_time<milliseconds>(milliseconds(ms + offset_ms)));
    const year_month_day ymd(local);
    return Date{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
                static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

Date today_in(std::string_view time_zone) { return today_in(time_zone, std::chrono::system_clock::now()); }

std::optional<std::size_t> nearest_session(const std::vector<Date>& session_dates, const Date& today) {
    std::optional<std::size_t> best;
    int best_distance = 0;
    for (std::size_t i = 0; i < session_dates.size(); ++i) {
        const int distance = std::abs(days_between(today, session_dates[i]));
        if (!best || distance < best_distance) best = i, best_distance = distance;
    }
    return best;
}

}  // namespace mitra
