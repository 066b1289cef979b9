// Time zones checked against the IANA zone database (the copy ICU carries), and the nearest name to a misspelt one.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace mitra {

// Whether `name` is a zone of the IANA database, spelt as it spells it ("Asia/Kolkata", "Asia/Calcutta", "UTC").
// ICU's own compatibility names that IANA lacks ("IST", "SystemV/…") are not: a cohort's zone must mean the same
// on every computer.
bool time_zone_known(std::string_view name);

// The known zone closest to `name` (case aside, within two typing slips), to suggest for a misspelt one:
// "Asia/Bangkokk" -> "Asia/Bangkok". None when nothing is that close.
std::optional<std::string> nearest_time_zone(std::string_view name);

}  // namespace mitra
