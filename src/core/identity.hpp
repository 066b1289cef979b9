// Stable identifiers (UUIDs) and the region's codes: countries, languages.
#pragma once
#include <string>
#include <string_view>

namespace mitra {

// A new random UUID (version 7: time-ordered, so new rows cluster in indexes), lower-case text.
std::string new_uuid();
bool is_uuid(std::string_view text);

// ISO 3166-1 alpha-2, upper case, officially assigned ("JP", "HK", "TW", "LK").
bool is_country_code(std::string_view code);

// A well-formed BCP 47 language tag ("ja", "zh-Hant", "ur-PK", "en-Latn-IN").
bool is_language_tag(std::string_view tag);

// Whether a language is written right to left (Urdu, Arabic, Persian, Hebrew, ...), by its primary subtag.
bool is_right_to_left(std::string_view tag);

}  // namespace mitra
