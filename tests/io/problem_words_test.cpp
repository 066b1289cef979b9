// Every refusal code the store gives is worded once (io::problem_phrase), for the desktop program and mitra-cli: in
// every catalog's language, without English left over and without a command name.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "io/catalog.hpp"
#include "io/reason_words.hpp"

using namespace mitra;
using namespace mitra::io;

namespace {

// The catalogs shipped (po/LINGUAS).
const std::vector<std::string> kLanguages{"ja",  "zh_CN", "zh_TW", "ko", "th", "id",
                                          "fil", "hi",    "ne",    "ur", "si", "ta"};

std::vector<Problem> every_code() {
    std::vector<Problem> all;
    for (int c = 1; c <= static_cast<int>(ProblemCode::last); ++c) {
        Problem p{"", 0, 0, "ref", "UNWORDED"};
        p.code = static_cast<ProblemCode>(c);
        p.values = {"V-1", "V-2", "V-3", "V-4", "V-5"};
        all.push_back(p);
    }
    return all;
}

}  // namespace

TEST_CASE("every refusal code has its English words, which are the store's message", "[catalog][refusal]") {
    for (const auto& p : every_code()) {
        INFO("code " << static_cast<int>(p.code));
        const std::string english = problem_phrase(p, catalog(""));
        CHECK(!english.empty());
        CHECK(english != "UNWORDED");  // not left to the message: the switch words it
        CHECK(english.find("mitra-cli") == std::string::npos);
        CHECK(english.find('%') == std::string::npos);  // every slot filled
    }
    Problem plain{"", 0, 0, "", "said only in its message"};
    CHECK(problem_phrase(plain, catalog("ja")) == "said only in its message");
    Problem cohort{"", 0, 0, "cohort", ""};
    cohort.code = ProblemCode::no_cohort;
    cohort.values = {"JP-2026-01"};
    CHECK(problem_phrase(cohort, catalog("")) == "no cohort has code JP-2026-01");
}

TEST_CASE("every refusal code is worded in every catalog's language, with no English msgid left and no command",
          "[catalog][refusal][language]") {
    for (const auto& language : kLanguages) {
        const Catalog& words = catalog(language);
        REQUIRE(words.translated());
        for (const auto& p : every_code()) {
            const std::string english = problem_phrase(p, catalog(""));
            const std::string shown = problem_phrase(p, words);
            INFO(language << ": " << english);
            CHECK(shown != english);
            CHECK(shown.find("mitra-cli") == std::string::npos);
            CHECK((shown.find("V-1") != std::string::npos || english.find("V-1") == std::string::npos));
        }
    }
}
