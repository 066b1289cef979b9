// Dates written the way a certificate's language writes them ("5 January 2026", "2026年1月5日", "5 มกราคม 2569").
#pragma once
#include <optional>
#include <string>

#include "core/calendar.hpp"

namespace mitra {

// The long date in `language` (a BCP 47 tag; only its primary subtag counts, so "zh-Hant" is "zh").
// Known: en, ja, zh, ko, th (Buddhist era, 2026 -> 2569), id, ms, hi, ne (Devanagari digits), bn
// (Bengali digits), ta, si, ur, vi, fil/tl. Any other language gets English.
std::string format_date(const Date& date, const std::string& language);

// A span of dates, sharing what both ends share where the language allows:
// en "5 January – 30 March 2026", "5–9 January 2026"; ja "2026年1月5日～3月30日".
// Without an end (or an end equal to the start) it is the one date.
std::string format_date_range(const Date& start, const std::optional<Date>& end, const std::string& language);

}  // namespace mitra
