// Issue 20's "done when": a Korean, Thai, Nepali or Urdu-speaking trainer runs a cohort without meeting a word of
// English. The same trainer's round of mitra-cli (completion, the cohort and its people, sessions, attendance,
// trainers, certifications, supervision and deadlines, a few refusals and --help) in every language of the
// programme written without Latin letters: any English word left fails, naming the language and the command.
#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>

#include "cohort_setup.hpp"
#include "run_cli.hpp"

using namespace mitra::cli_test;

namespace {

// The fixture's own words printed back: people's and places' names in Latin letters, language codes, the values
// the refusals below type ("soon"), and the program's name.
const std::vector<std::string> kAllowed{
    "Yamada", "Hanako", "Kim", "Min", "jun", "Somchai", "Jaidee", "Priya", "Sharma", "Aisha", "Khan", "Nguy", "Th",
    "Minh", "Khai", "Sukarno", "Robert", "Sita", "Rai", "Patan", "Community", "Centre", "Dr", "Lee", "ja", "ko", "th",
    "hi", "ur", "vi", "id", "en", "si", "ne", "soon", "Mitra",
    // a trainer's certification level and a fixture's name, printed as they are kept
    "trainer", "participants",
    // a method's own name, which the curriculum's Thai title keeps beside its translation
    "Open", "Dialogue"};

// The names of mitra-cli's commands and arguments, as its English --help-all lists them: in --help they are code
// (what one types), whatever the language.
std::vector<std::string> command_names(const Workspace& ws) {
    std::vector<std::string> names;
    std::istringstream lines(ws.ok({"--help-all"}).out);
    for (std::string line; std::getline(lines, line);) {
        // A group alone on its line ("supervision"), or a command indented before its description ("    list  …").
        const auto at = line.find_first_not_of(' ');
        if (at == std::string::npos || line[at] < 'a' || line[at] > 'z') continue;
        if (at == 0 && line.find(' ') != std::string::npos) continue;
        const auto end = line.find_first_of(" ,", at);
        names.push_back(line.substr(at, end - at));
    }
    return names;
}

}  // namespace

TEST_CASE("a trainer's round of mitra-cli meets no English in any language written without Latin letters",
          "[cli][language][words]") {
    Workspace ws;
    set_up_cohort(ws);
    const auto sessions = ws.json({"session", "list", kCohort});
    REQUIRE(!sessions.empty());
    const std::string first = std::to_string(sessions.front()["id"].get<long long>());

    // What the trainer runs, and whether it is meant to succeed (a refusal exits 2).
    const std::vector<std::pair<std::vector<std::string>, bool>> round{
        {{"completion", kCohort, "--today", kToday}, true},
        {{"cohort", "list"}, true},
        {{"cohort", "show", kCohort}, true},
        {{"participant", "list"}, true},
        {{"participant", "show", "P-001"}, true},
        {{"session", "list", kCohort}, true},
        {{"attendance", "list", first}, true},
        {{"trainer", "list"}, true},
        {{"trainer", "show", "T-NP-01", "--today", kToday}, true},
        {{"certification", "due", "--within", "800d", "--today", kToday}, true},
        {{"supervisor", "list"}, true},
        {{"cohort", "deadlines", kCohort, "--today", kToday}, true},
        {{"cohort", "show", "NOPE-1"}, false},
        {{"attendance", "mark", first, "--late", "P-001"}, false},  // late without its minutes
        {{"certification", "due", "--within", "soon"}, false},
        {{"completion"}, false},  // a mistake CLI11 finds
        {{"--help"}, true},
        {{"attendance", "mark", "--help"}, true},
        {{"completion", "--help"}, true},
    };
    auto in_help = kAllowed;
    for (const auto& name : command_names(ws)) in_help.push_back(name);
    REQUIRE(std::find(in_help.begin(), in_help.end(), "supervision") != in_help.end());
    for (const std::string language : {"ja", "zh_CN", "zh_TW", "ko", "th", "hi", "ne", "ur", "si", "ta"}) {
        ws.environment = {"LANGUAGE=" + language};
        for (const auto& [args, succeeds] : round) {
            const Output o = ws.run(args);
            std::string command;
            for (const auto& a : args) command += " " + a;
            INFO(language << ":" << command << "\n" << o.out << o.err);
            CHECK(o.status == (succeeds ? 0 : 2));
            const bool help = args.back() == "--help";
            CHECK(english_words(o.out + o.err, help ? in_help : kAllowed) == std::vector<std::string>{});
        }
    }
}
