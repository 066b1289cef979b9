// Country names in a language, once for the whole program: certificates, reports and charts all ask here.
#pragma once
#include <string>
#include <string_view>

namespace mitra {

// `iso_code` (ISO 3166-1 alpha-2) named in `language` (BCP 47): in English the programme's own names, as its
// certificates have always printed them ("Korea", "Hong Kong", "Viet Nam"); in any other language ICU's (CLDR)
// name ("NP", "ja" -> "ネパール"); the code itself when neither knows it.
std::string country_name(const std::string& iso_code, std::string_view language);

}  // namespace mitra
