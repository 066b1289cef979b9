// The store's and the workflows' refusals reach a reader of Japanese in Japanese (issue 20): each is a code with
// values that mitra-cli words from the catalog, with no English left and nothing changed.
#include <catch2/catch.hpp>

#include <filesystem>

#include "names.hpp"
#include "run_cli.hpp"

using namespace mitra::cli_test;

namespace {

const std::string kCode = "KTM-2026-1";

void set_up(const Workspace& ws) {
    ws.ok({"init"});
    ws.ok({"trainer", "add", "--ref", "T-NP-01", "--name", kSita, "--country", "NP", "--languages", "ne,en",
           "--qualified", "M01,M02,M03"});
    ws.ok({"participant", "import", ws.file("people.csv", people_csv())});
    ws.ok({"cohort", "create", "--code", kCode, "--curriculum", "PSF", "--site", "Patan Community Centre", "--country",
           "NP", "--language", "ne", "--start", "2026-01-05", "--trainer", "T-NP-01"});
    ws.ok({"cohort", "enrol", kCode, "P-001", "P-002", "--on", "2026-01-01"});  // P-003 in none
    ws.ok({"session", "schedule", kCode, "--every", "7", "--at", "10:00"});
}

}  // namespace

TEST_CASE("the store's and the workflows' refusals are said in Japanese, without English, and change nothing",
          "[cli][language][refusal]") {
    Workspace ws;
    set_up(ws);
    const auto pack = ws.file("taken.pack", "already here");
    const auto before = ws.dump();
    ws.environment = {"LANGUAGE=ja"};

    struct Refused {
        std::vector<std::string> args;
        std::string japanese;  // a piece of the catalog's words for the code
    };
    const auto nowhere = (ws.dir / "nowhere.pack").string();
    const auto no_folder = (ws.dir / "no" / "such").string();
    const std::vector<Refused> cases{
        {{"pack", "merge", nowhere}, "ファイル " + nowhere + " はありません"},
        {{"pack", "merge", ws.file("marks.csv", "session,ref,status,minutes\n1,P-001,present,\n")},
         "は現地パックではありません"},
        {{"pack", "export", kCode, "--out", pack}, pack + " はすでにあります。別の名前を選んでください"},
        {{"pack", "export", kCode, "--out", no_folder + "/x.pack"}, "フォルダー " + no_folder + " はありません"},
        {{"settings", "set", "colour", "blue"}, "設定 'colour' はありません"},
        {{"settings", "set", "verifier-site", "site"}, "'site' はフォルダーの絶対パスではありません"},
        {{"settings", "set", "verify-url", "ftp://verify.example.org/"}, "(または http://) で始めてください"},
        {{"learning", "add", "P-001", "--title", "x", "--provider", "y", "--date", "2026-05-01", "--hours", "1",
          "--category", "Ethics"},
         "'Ethics' は区分名ではありません"},
        {{"progress", "letter", "P-003", "--out", (ws.dir / "letter.pdf").string()},
         "P-003 はどのコホートにも登録されていません"},
    };
    for (const auto& c : cases) {
        const auto refused = ws.run(c.args);
        INFO(c.args[0] << " " << c.args[1] << ": " << refused.err);
        CHECK(refused.status == 2);
        CHECK(refused.err.find(c.japanese) != std::string::npos);
        // Field names the store gives are in capitals in another language (SETTING); Mitra and SQLite are names.
        CHECK(english_words(refused.err, {"colour", "site", "Ethics", "Mitra", "SQLite"}).empty());
    }
    CHECK(!std::filesystem::exists(ws.dir / "letter.pdf"));
    CHECK(ws.dump() == before);
}
