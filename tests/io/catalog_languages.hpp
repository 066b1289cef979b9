// The interface catalogs shipped (po/CMakeLists.txt's MITRA_LANGUAGES without vi, which holds the report only), for
// the tests that walk every worded code in every language.
#pragma once
#include <string>
#include <vector>

namespace mitra::io_test {

inline const std::vector<std::string> kLanguages{"ja",  "zh_CN", "zh_TW", "ko", "th", "id",
                                                 "fil", "hi",    "ne",    "ur", "si", "ta"};

}  // namespace mitra::io_test
