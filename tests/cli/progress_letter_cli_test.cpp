// mitra-cli progress letter (issue 21): a person asked to repeat reads, in words, what to show again; the file is
// the owner's only; a held-back result stays to come; a refusal writes nothing.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <cstdio>
#include <filesystem>

#include "names.hpp"
#include "run_cli.hpp"

using namespace mitra;
using namespace mitra::cli_test;
namespace fs = std::filesystem;

namespace {

const std::string kCohort = "KTM-2026-1";

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

}  // namespace

TEST_CASE("a person asked to repeat gets a letter in words, owner-only; a held-back result stays to come",
          "[cli][practice][letter]") {
    Workspace ws;
    ws.ok({"init"});
    ws.ok({"curriculum", "import", std::string(MITRA_SOURCE_DIR) + "/tests/data/psf-practice.toml"});
    ws.ok({"participant", "import", ws.file("people.csv", people_csv())});
    ws.ok({"trainer", "add", "--ref", "T-1", "--name", "Tara Lama", "--country", "NP", "--languages", "ne"});
    ws.ok({"cohort", "create", "--code", kCohort, "--curriculum", "PSF", "--site", "Patan", "--country", "NP",
           "--language", "ne", "--start", "2026-01-05", "--trainer", "T-1"});
    ws.ok({"cohort", "enrol", kCohort, "P-001", "P-002", "--on", "2026-01-01"});
    // P-001: released, criterion 2 at level 1. P-002: the same levels, held back.
    for (const std::string ref : {"P-001", "P-002"}) {
        std::vector<std::string> args{"assessment",  "observe", kCohort,        ref,       "M04",          "--rater",
                                      "T-1",         "--on",    "2026-03-02",   "--level", "following=3",  "--level",
                                      "listening=1", "--level", "reflecting=2", "--level", "uncertainty=2"};
        if (ref == "P-001") args.insert(args.end(), {"--released", "2026-03-03"});
        ws.ok(args);
    }
    const fs::path dir = fs::path(ws.file("placeholder", "")).parent_path();

    const fs::path repeat = dir / "P-001-letter.pdf";
    const auto made =
        ws.json({"progress", "letter", "P-001", "--out", repeat.string(), "--language", "en", "--today", "2026-06-30"});
    CHECK(made["file"] == repeat.string());
    CHECK(made["asked_to_repeat"] == true);
    CHECK(made["deadline"] == "2027-07-01");
    struct stat st {};
    REQUIRE(stat(repeat.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    const std::string text = pdf_words(repeat);
    INFO(text);
    CHECK(text.find(kYamada) != std::string::npos);  // greeted by name, as stored
    CHECK(text.find("asked to repeat criterion 2, Listening without advice (level 1, needs 2)") != std::string::npos);
    CHECK(text.find("1 July 2027") != std::string::npos);
    CHECK(text.find("Tara Lama, your lead trainer") != std::string::npos);
    CHECK(lower(text).find("fail") == std::string::npos);

    const fs::path held = dir / "P-002-letter.pdf";
    CHECK(ws.json({"progress", "letter", "P-002", "--out", held.string(), "--language", "en", "--today",
                   "2026-06-30"})["asked_to_repeat"] == false);
    const std::string held_text = pdf_words(held);
    INFO(held_text);
    CHECK(held_text.find("the result of your observed practice on 2 March 2026 is still to come") != std::string::npos);
    CHECK(held_text.find("Listening without advice") == std::string::npos);
    CHECK(held_text.find("level 1") == std::string::npos);

    SECTION("a refusal writes nothing") {
        const fs::path none = dir / "none.pdf";
        const auto before = ws.dump();
        for (const std::vector<std::string>& args :
             {std::vector<std::string>{"progress", "letter", "P-999", "--out", none.string()},
              {"progress", "letter", "P-001", "--out", none.string(), "--cohort", "NOPE-1"},
              {"progress", "letter", "P-003", "--out", none.string()},
              {"progress", "letter", "P-001", "--out", none.string(), "--language", "xx"}}) {
            const auto result = ws.run(args);
            INFO(args[2] << " " << result.err);
            CHECK(result.status == 2);
            CHECK_FALSE(result.err.empty());
            CHECK_FALSE(fs::exists(none));
        }
        CHECK(ws.dump() == before);
        for (const auto& entry : fs::directory_iterator(dir))
            CHECK(entry.path().filename().string().find(".tmp-") == std::string::npos);
    }
}
