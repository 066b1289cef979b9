// Issue 20: a curriculum file with mistakes, imported by a reader of Japanese, is refused line by line in Japanese
// (file:line:column: field: kept), nothing imported; and mitra-cli --help's descriptions start at one display
// column in Korean, Thai and Japanese, whatever the translated words before them take in bytes.
#include <catch2/catch.hpp>

#include <set>
#include <sstream>
#include <vector>

#include "cohort_setup.hpp"
#include "io/display_width.hpp"
#include "run_cli.hpp"
#include "words_fixture.hpp"

using namespace mitra::cli_test;

namespace {

// The display column where each option's or command's description starts, for the lines that have one beside the
// name ("  --db TEXT      The database ..."): the first run of two spaces after the name ends it.
std::set<int> description_columns(const std::string& help) {
    std::set<int> columns;
    std::istringstream lines(help);
    for (std::string line; std::getline(lines, line);) {
        if (line.size() < 3 || line.compare(0, 2, "  ") != 0 || line[2] == ' ') continue;
        const auto gap = line.find("  ", 2);
        if (gap == std::string::npos) continue;
        const auto start = line.find_first_not_of(' ', gap);
        if (start == std::string::npos) continue;
        columns.insert(mitra::io::display_width(line.substr(0, start)));
    }
    return columns;
}

// Lines whose name is narrower than the column but whose description was put on the next line anyway (CLI11 breaks
// the line when the name's bytes reach the column: Thai's three bytes a character do).
int needless_breaks(const std::string& help, int column) {
    std::vector<std::string> all;
    std::istringstream lines(help);
    for (std::string line; std::getline(lines, line);) all.push_back(line);
    int breaks = 0;
    for (std::size_t i = 0; i + 1 < all.size(); ++i) {
        const std::string& line = all[i];
        if (line.size() < 3 || line.compare(0, 2, "  ") != 0 || line[2] == ' ' ||
            line.find("  ", 2) != std::string::npos)
            continue;
        if (mitra::io::display_width(line) < column && all[i + 1].compare(0, 3, "   ") == 0) ++breaks;
    }
    return breaks;
}

}  // namespace

TEST_CASE("a broken curriculum file is refused in Japanese, each line with its place; in English as before",
          "[cli][curriculum][language][toml]") {
    Workspace ws;
    ws.ok({"init"});
    const auto file = ws.file("psf.toml", broken_curriculum_toml());
    ws.environment = {"LANGUAGE=ja"};
    const auto err = refused(ws, {"curriculum", "import", file});
    CHECK(english_words(err, kCurriculumKeys).empty());
    CHECK(contains(err, file + ":3:11: curriculum.version: "));
    CHECK(contains(err, file + ":4:1: curriculum.colour: "));
    CHECK(contains(err, file + ":5:16: curriculum.title.en: "));
    CHECK(contains(err, file + ":7:1: module[1].minutes: "));
    CHECK(contains(err, "300"));
    CHECK(!contains(err, "should be"));
    CHECK(!contains(err, "is required"));

    const auto broken = ws.file("broken.toml", "[curriculum\ncode = \"PSF\"\n");
    const auto err_broken = refused(ws, {"curriculum", "import", broken});
    CHECK(contains(err_broken, broken + ":1:12: "));
    CHECK(!contains(err_broken, "not valid TOML"));  // toml++'s own description may stay English after it

    ws.environment = {};
    const auto english = refused(ws, {"curriculum", "import", file});
    CHECK(contains(english, file + ":3:11: curriculum.version: should be text in quotes, but is a whole number"));
    CHECK(contains(english, file + ":4:1: curriculum.colour: unknown key 'colour'; the keys here are code, version, "
                                   "electives_required, ethics_code, title, translated_from, completion_months, "
                                   "referees_required, supervision_agreement, lived_experience_attestation"));
    CHECK(contains(english, file + ":5:16: curriculum.title.en: is 300 characters long; the most is 200"));
    CHECK(contains(english, file + ":7:1: module[1].minutes: is required"));
    CHECK(contains(refused(ws, {"curriculum", "import", broken}), broken + ":1:12: not valid TOML: "));
}

TEST_CASE("mitra-cli --help's descriptions start at one display column in Korean, Thai and Japanese",
          "[cli][language][help][toml]") {
    Workspace ws;
    const std::vector<std::vector<std::string>> helps{{"--help"},
                                                      {"curriculum", "--help"},
                                                      {"curriculum", "import", "--help"},
                                                      {"certificate", "issue", "--help"},
                                                      {"attendance", "import", "--help"}};
    for (const std::string language : {"ko", "th", "ja", "en"}) {
        ws.environment = {"LANGUAGE=" + language};
        for (const auto& args : helps) {
            const auto help = ws.run_bare(args);
            INFO(language << ": mitra-cli " << args.front() << " ...\n" << help.out);
            CHECK(help.status == 0);
            const auto columns = description_columns(help.out);
            CHECK(columns.size() == 1);
            CHECK(needless_breaks(help.out, 30) == 0);  // CLI11's column, 30
        }
    }
}
