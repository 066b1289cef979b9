// Country names in a language: the programme's English names, ICU's (CLDR) in every other language.
#include "core/country.hpp"

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <map>

namespace mitra {
namespace {

bool is_english(std::string_view language) {
    return language.empty() || language == "en" || language.substr(0, 3) == "en-" || language.substr(0, 3) == "en_";
}

}  // namespace

std::string country_name(const std::string& iso_code, std::string_view language) {
    if (iso_code.size() != 2) return iso_code;
    if (is_english(language)) {
        static const std::map<std::string, std::string> names = {
            {"AF", "Afghanistan"}, {"BD", "Bangladesh"}, {"BT", "Bhutan"},      {"KH", "Cambodia"},
            {"CN", "China"},       {"HK", "Hong Kong"},  {"IN", "India"},       {"ID", "Indonesia"},
            {"JP", "Japan"},       {"KR", "Korea"},      {"LA", "Lao PDR"},     {"MO", "Macao"},
            {"MY", "Malaysia"},    {"MV", "Maldives"},   {"MN", "Mongolia"},    {"MM", "Myanmar"},
            {"NP", "Nepal"},       {"PK", "Pakistan"},   {"PH", "Philippines"}, {"SG", "Singapore"},
            {"LK", "Sri Lanka"},   {"TW", "Taiwan"},     {"TH", "Thailand"},    {"TL", "Timor-Leste"},
            {"VN", "Viet Nam"},    {"AU", "Australia"},  {"NZ", "New Zealand"}, {"FJ", "Fiji"},
        };
        if (const auto it = names.find(iso_code); it != names.end()) return it->second;
    }
    UErrorCode status = U_ZERO_ERROR;
    const icu::Locale display = icu::Locale::forLanguageTag(is_english(language) ? "en" : language, status);
    if (U_FAILURE(status)) return iso_code;
    const icu::Locale region("", iso_code.c_str());
    icu::UnicodeString name;
    region.getDisplayCountry(display, name);
    std::string out;
    name.toUTF8String(out);
    // ICU gives back the code itself for a region it does not know.
    return out.empty() ? iso_code : out;
}

}  // namespace mitra
