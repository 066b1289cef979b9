// The dates that decide attendance: when an enrolment starts, whether a session is still to come at its site,
// and which session a trainer opening a cohort most likely wants.
#pragma once
#include <chrono>
#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "core/calendar.hpp"

namespace mitra {

// How long after its start a cohort still enrols people "from the start": someone who joins in the first week
// is one the trainer counts as there from the first session.
inline constexpr int kEnrolFromStartDays = 7;

// The enrolment date offered when people are enrolled: the cohort's start date when it has not started yet or
// started at most kEnrolFromStartDays ago (so its earlier sessions are theirs to be marked); later, today.
Date default_enrolment_date(const Date& cohort_start, const Date& today);

// Whether a person counts at a session: enrolled in its cohort (not a make-up) on or before the session's day.
// A session before the enrolment is not an absence; nobody is marked there by "everyone present".
bool counts_at_session(const std::optional<Date>& enrolled_on, const Date& session_date);

// Why "everyone present" found no one to mark at a session.
enum class NobodyToMark {
    nobody_enrolled,  // the cohort has no one enrolled (make-up visitors are never marked in bulk)
    enrolled_later,   // everyone enrolled joined after this session
    all_marked,       // everyone who counts here has a mark already
};
// The reason, given the cohort's enrolment dates (nullopt for a make-up visitor) and whether each is marked at
// the session; nullopt when someone is left to mark.
std::optional<NobodyToMark> nobody_to_mark(const std::vector<std::optional<Date>>& enrolled_on,
                                           const std::vector<bool>& marked, const Date& session_date);

// A session is still to come when its date, at the site, is after today at the site. `today_at_site` is
// today_in(cohort's time zone).
bool is_future_session(const Date& session_date, const Date& today_at_site);

// The calendar day at `now` in an IANA time zone ("Asia/Kathmandu"); an unknown zone counts as UTC.
Date today_in(std::string_view time_zone, std::chrono::system_clock::time_point now);
Date today_in(std::string_view time_zone);  // now

// The index of the session (by date, in order) nearest to today: the one on today, else the closer of the last
// before and the first after (the earlier one on a tie, since it may still need marking). Empty: nullopt.
std::optional<std::size_t> nearest_session(const std::vector<Date>& session_dates, const Date& today);

}  // namespace mitra
