// What the words_* tests share: a refusal that must change nothing, and a curriculum file with a mistake of each
// kind the reader finds, with the keys its refusals name as they are.
#pragma once
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "run_cli.hpp"

namespace mitra::cli_test {

// Runs an import that must be refused; the database must be as before. Returns stderr.
inline std::string refused(const Workspace& ws, const std::vector<std::string>& args) {
    const auto before = ws.dump();
    const auto result = ws.run(args);
    INFO("stderr: " << result.err);
    CHECK(result.status == 2);
    CHECK(result.out.empty());
    CHECK(ws.dump() == before);
    return result.err;
}

// A curriculum file with a wrong type (line 3), an unknown key (line 4), a title of 300 characters (line 5) and a
// module without its minutes (line 7).
inline std::string broken_curriculum_toml() {
    return "[curriculum]\n"
           "code = \"PSF\"\n"
           "version = 2026\n"
           "colour = \"blue\"\n"
           "title = { en = \"" +
           std::string(300, 'a') +
           "\" }\n"
           "\n"
           "[[module]]\n"
           "code = \"M01\"\n"
           "kind = \"theory\"\n"
           "title = { en = \"Listening\" }\n";
}

// The curriculum file's keys and values that a refusal names as they are: codes, not words to translate.
inline const std::vector<std::string> kCurriculumKeys{"curriculum",
                                                      "version",
                                                      "colour",
                                                      "code",
                                                      "title",
                                                      "module",
                                                      "minutes",
                                                      "kind",
                                                      "electives_required",
                                                      "ethics_code",
                                                      "translated_from",
                                                      "completion_months",
                                                      "referees_required",
                                                      "supervision_agreement",
                                                      "lived_experience_attestation",
                                                      "en",
                                                      "TOML"};

}  // namespace mitra::cli_test
