// Issue 20's "done when": a Korean, Thai, Nepali or Urdu-speaking trainer runs a cohort without meeting a word of
// English. The same trainer's round of mitra-cli (completion, the cohort and its people, sessions, attendance,
// trainers, certifications, supervision and deadlines, a few refusals and --help) in every language of the
// programme written without Latin letters: any English word left fails, naming the language and the command. And
// the coordinator's round (curricula and a broken curriculum file, certificates issued with people left out,
// certifying too soon, records refused, the history, a hostile participants file) the same way.
#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>

#include "cohort_setup.hpp"
#include "run_cli.hpp"
#include "words_fixture.hpp"

using namespace mitra::cli_test;

namespace {

// The fixture's own words printed back: people's and places' names in Latin letters, language codes, the values
// the refusals below type ("soon"), and the program's name.
const std::vector<std::string> kAllowed{
    "Yamada", "Hanako", "Kim", "Min", "jun", "Somchai", "Jaidee", "Priya", "Sharma", "Aisha", "Khan", "Nguy", "Th",
    "Minh", "Khai", "Sukarno", "Robert", "Sita", "Rai", "Patan", "Community", "Centre", "Dr", "Lee", "ja", "ko", "th",
    "hi", "ur", "vi", "id", "en", "si", "ne", "soon", "Mitra",
    // a fixture's name, printed as it is kept
    "participants",
    // a method's own name, which the curriculum's Thai title keeps beside its translation
    "Open", "Dialogue"};

// The languages of the programme written without Latin letters.
const std::vector<std::string> kLanguages{"ja", "zh_CN", "zh_TW", "ko", "th", "hi", "ne", "ur", "si", "ta"};

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

// Runs each command of `round` in each language: it must end as given (0, or 2 for a refusal) and say no English
// word but `allowed` (and, in --help, the command names `in_help`).
void check_round(Workspace& ws, const std::vector<std::pair<std::vector<std::string>, int>>& round,
                 const std::vector<std::string>& allowed) {
    auto in_help = allowed;
    for (const auto& name : command_names(ws)) in_help.push_back(name);
    REQUIRE(std::find(in_help.begin(), in_help.end(), "supervision") != in_help.end());
    for (const std::string& language : kLanguages) {
        ws.environment = {"LANGUAGE=" + language};
        for (const auto& [args, status] : round) {
            const Output o = ws.run(args);
            std::string command;
            for (const auto& a : args) command += " " + a;
            INFO(language << ":" << command << "\n" << o.out << o.err);
            CHECK(o.status == status);
            const bool help = args.back() == "--help";
            CHECK(english_words(o.out + o.err, help ? in_help : allowed) == std::vector<std::string>{});
        }
    }
    ws.environment = {};
}

}  // namespace

TEST_CASE("a trainer's round of mitra-cli meets no English in any language written without Latin letters",
          "[cli][language][words]") {
    Workspace ws;
    set_up_cohort(ws);
    const auto sessions = ws.json({"session", "list", kCohort});
    REQUIRE(!sessions.empty());
    const std::string first = std::to_string(sessions.front()["id"].get<long long>());

    // What the trainer runs, and how it is meant to end (a refusal exits 2).
    const std::vector<std::pair<std::vector<std::string>, int>> round{
        {{"completion", kCohort, "--today", kToday}, 0},
        {{"cohort", "list"}, 0},
        {{"cohort", "show", kCohort}, 0},
        {{"participant", "list"}, 0},
        {{"participant", "show", "P-001"}, 0},
        {{"session", "list", kCohort}, 0},
        {{"attendance", "list", first}, 0},
        {{"trainer", "list"}, 0},
        {{"trainer", "show", "T-NP-01", "--today", kToday}, 0},
        {{"certification", "due", "--within", "800d", "--today", kToday}, 0},
        {{"supervisor", "list"}, 0},
        {{"cohort", "deadlines", kCohort, "--today", kToday}, 0},
        {{"cohort", "show", "NOPE-1"}, 2},
        {{"attendance", "mark", first, "--late", "P-001"}, 2},  // late without its minutes
        {{"certification", "due", "--within", "soon"}, 2},
        {{"completion"}, 2},  // a mistake CLI11 finds
        {{"--help"}, 0},
        {{"attendance", "mark", "--help"}, 0},
        {{"completion", "--help"}, 0},
    };
    check_round(ws, round, kAllowed);
}

TEST_CASE("a coordinator's round of mitra-cli meets no English in any language written without Latin letters",
          "[cli][language][words]") {
    Workspace ws;
    set_up_cohort(ws);  // P-001 and P-003 complete, P-002 all but the code of ethics, P-013 nothing
    const std::string out = (ws.dir / "certs").string();
    // A curriculum with a mistake of each kind the reader finds: a wrong type, an unknown key, a text too long, a
    // module without its minutes; and one that is not TOML at all.
    const std::string broken = ws.file("broken.toml", broken_curriculum_toml());
    const std::string not_toml = ws.file("not.toml", "[curriculum\ncode = \"PSF\"\n");
    // A participants file with a right-to-left override and a zero-width space hidden in names.
    const std::string hostile = ws.file("hostile.csv", kPeopleHeader + "P-201,Ann\xE2\x80\xAE" + "a Person,,JP,ja,\n" +
                                                           "P-202,Ann\xE2\x80\x8B" + "a Person,,JP,ja,\n");

    const std::vector<std::pair<std::vector<std::string>, int>> round{
        {{"curriculum", "list"}, 0},
        {{"curriculum", "show", "PSF"}, 0},
        {{"curriculum", "import", broken}, 2},
        {{"curriculum", "import", not_toml}, 2},
        {{"certificate", "issue", kCohort, "--out", out, "--today", kToday}, 0},  // P-002 and P-013 left out
        {{"certificate", "list", "--cohort", kCohort}, 0},
        {{"certificate", "show", "NOPE"}, 2},
        {{"certification", "grant", "P-002", "--today", kToday}, 2},  // the code of ethics is missing
        {{"assessment", "record", kCohort, "P-013", "M01", "--passed", "--assessor", " ", "--on", "2025-12-01"}, 2},
        {{"trainer", "list"}, 0},
        {{"audit", "--participant", "P-002"}, 0},
        {{"participant", "import", hostile}, 2},
        {{"curriculum", "import", "--help"}, 0},
        {{"certificate", "issue", "--help"}, 0},
    };
    auto allowed = kAllowed;
    allowed.insert(allowed.end(), kCurriculumKeys.begin(), kCurriculumKeys.end());
    // The curriculum's code, the files' endings, the hostile file's names, the translations' language tags.
    for (const std::string word :
         {"PSF", "toml", "csv", "Ann", "Person", "full_name", "fil", "ta", "zh", "Hans", "Hant"})
        allowed.push_back(word);
    check_round(ws, round, allowed);
}
