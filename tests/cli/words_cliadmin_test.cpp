// Issue 20: the coordinator's commands (curriculum, backup, key, verifier, settings, exports, forms, pack, audit,
// report), their tables and mitra-cli's help frame say nothing in English to a reader of Japanese; and a table's
// columns line up whatever script the names are in.
#include <catch2/catch.hpp>
#include <filesystem>
#include <set>
#include <sstream>

#include "cohort_setup.hpp"
#include "names.hpp"
#include "run_cli.hpp"
#include "test_backend.hpp"

namespace mitra::cli_test {
namespace {

// The words of this file's runs that are not English: names of people and places, positionals' names (a refusal
// names the value it refuses, as --help does), and the test's own values.
const std::vector<std::string> kAllowed = {"Sita", "Rai", "Dr", "Lee", "Patan", "Community", "Centre", "code", "file",
                                           "serial", "session", "cohort", "ja", "ne", "en", "pdf", "csv", "xlsx",
                                           // language codes (a curriculum's translations)
                                           "fil", "hi", "id", "ko", "si", "ta", "th", "ur", "vi",
                                           // values the test types (a date, a language) and a standard's name
                                           "soon", "xx", "Open", "Badges", "PostgreSQL", "Mitra",
                                           // the report's own word for a hidden count, in the report's language (en)
                                           "suppressed"};

// Every English word left in a run's output, with the run's words for a failure's message.
std::vector<std::string> english_of(const Output& run) { return english_words(run.out + run.err, kAllowed); }

#define CHECK_NO_ENGLISH(run)                                    \
    do {                                                         \
        const Output& shown_ = (run);                            \
        INFO(shown_.out << shown_.err);                          \
        CHECK(english_of(shown_) == std::vector<std::string>{}); \
    } while (false)

}  // namespace

TEST_CASE("the coordinator's commands say what they did, their tables and their refusals in Japanese",
          "[cli][language][words][cliadmin]") {
    Workspace ws;
    set_up_cohort(ws);
    const std::string dir = ws.dir.string();
    long long session = ws.json({"session", "list", kCohort}).front()["id"].get<long long>();
    const auto issued = issue(ws, ws.dir / "certs");
    const std::string serial = item_for(issued, "P-001")["serial"];
    // A mark of P-013's, changed: what audit shows of them (the records of issue 21 are worded by the store).
    ws.ok({"attendance", "mark", std::to_string(session), "--late", "P-013:30"});
    ws.ok({"attendance", "mark", std::to_string(session), "--present", "P-013"});
    ws.environment = {"LANGUAGE=ja"};

    SECTION("init, curriculum import, list and show") {
        const auto init = ws.ok({"init"});
        CHECK_NO_ENGLISH(init);
        CHECK(contains(init.out, "最新"));
        CHECK_NO_ENGLISH(ws.ok(
            {"curriculum", "import", std::string(MITRA_SOURCE_DIR) + "/curricula/peer-support-foundations.toml"}));
        const auto list = ws.ok({"curriculum", "list"});
        CHECK_NO_ENGLISH(list);
        CHECK(contains(list.out, "バージョン"));
        const auto shown = ws.ok({"curriculum", "show", "PSF", "--language", "ja"});
        CHECK_NO_ENGLISH(shown);
        CHECK(contains(shown.out, "選択"));
        const auto refused = ws.run({"curriculum", "show", "NOPE"});
        CHECK(refused.status == 2);
        CHECK_NO_ENGLISH(refused);
        CHECK(contains(refused.err, "NOPE"));
    }
    SECTION("backup") {
        if (mitra::test_backend::postgresql()) {  // a hub is backed up with pg_dump: refused, in Japanese
            CHECK_NO_ENGLISH(ws.ok({"backup", "--list"}));
            const auto refused = ws.run({"backup", "--out", dir + "/copy.db"});
            CHECK(refused.status != 0);
            CHECK_NO_ENGLISH(refused);
            return;
        }
        CHECK_NO_ENGLISH(ws.ok({"backup", "--list"}));
        const auto backed_up = ws.ok({"backup", "--out", dir + "/copy.db"});
        CHECK_NO_ENGLISH(backed_up);
        CHECK(contains(backed_up.out, "バックアップ"));
    }
    SECTION("key and verifier site") {
        CHECK_NO_ENGLISH(ws.ok({"key", "new", "--key", dir + "/second.key"}));
        CHECK_NO_ENGLISH(ws.ok({"key", "export", "--key", dir + "/second.key", "--out", dir + "/public.txt"}));
        const auto site = ws.ok({"verifier", "site", "--out", dir + "/site"});
        CHECK_NO_ENGLISH(site);
        CHECK(contains(site.out, "検証サイト"));
    }
    SECTION("settings") {
        CHECK_NO_ENGLISH(ws.ok({"settings", "set", "verify-url", kVerifyUrl}));
        const auto list = ws.ok({"settings", "list"});
        CHECK_NO_ENGLISH(list);
        CHECK(contains(list.out, "設定"));
        const auto unset = ws.ok({"settings", "get", "verifier-site"});
        CHECK_NO_ENGLISH(unset);
    }
    SECTION("exports and the badge") {
        const auto refused = ws.run({"participant", "export", "--out", dir + "/people.csv"});
        CHECK(refused.status == 2);
        CHECK_NO_ENGLISH(refused);
        CHECK(contains(refused.err, "個人情報"));
        CHECK_NO_ENGLISH(ws.ok({"participant", "export", "--out", dir + "/people.csv", "--include-personal-data"}));
        CHECK_NO_ENGLISH(ws.ok({"cohort", "export", "--out", dir + "/cohorts.csv"}));
        CHECK_NO_ENGLISH(ws.ok({"completion", "export", kCohort, "--out", dir + "/done.csv", "--today", kToday}));
        const auto bad_day = ws.run({"completion", "export", kCohort, "--out", dir + "/done.csv", "--today", "soon"});
        CHECK(bad_day.status == 2);
        CHECK_NO_ENGLISH(bad_day);
        CHECK_NO_ENGLISH(ws.ok({"certificate", "badge", serial, "--out", dir + "/badge.json"}));
        const auto no_badge = ws.run({"certificate", "badge", "NOPE-1", "--out", dir + "/badge.json"});
        CHECK(no_badge.status == 2);
        CHECK_NO_ENGLISH(no_badge);
    }
    SECTION("paper forms") {
        const auto sheet = ws.ok({"session", "sheet", std::to_string(session), "--out", dir + "/sheet.pdf"});
        CHECK_NO_ENGLISH(sheet);
        CHECK(contains(sheet.out, "署名"));
        const auto no_session = ws.run({"session", "sheet", "999999", "--out", dir + "/sheet.pdf"});
        CHECK(no_session.status == 2);
        CHECK_NO_ENGLISH(no_session);
        CHECK_NO_ENGLISH(ws.ok({"cohort", "roster", kCohort, "--out", dir + "/roster.pdf"}));
        CHECK_NO_ENGLISH(ws.ok({"cohort", "form", kCohort, "--out", dir + "/form.pdf", "--language", "ja"}));
        CHECK_NO_ENGLISH(ws.ok({"cohort", "form", kCohort, "--out", dir + "/form.pdf", "--language", "ne"}));
    }
    SECTION("a pack out and back") {
        const auto exported = ws.ok({"pack", "export", kCohort, "--out", dir + "/field.mitrapack"});
        CHECK_NO_ENGLISH(exported);
        const auto merged = ws.ok({"pack", "merge", dir + "/field.mitrapack"});
        CHECK_NO_ENGLISH(merged);
    }
    SECTION("audit and erasure") {
        const auto history = ws.ok({"audit", "--participant", "P-013"});
        CHECK_NO_ENGLISH(history);
        CHECK(contains(history.out, "出席を変更"));
        CHECK(contains(history.out, "遅刻、30 分"));
        CHECK_NO_ENGLISH(ws.ok({"audit", "--cohort", kCohort, "--out", dir + "/audit.csv"}));
        const auto refused = ws.run({"audit"});
        CHECK(refused.status == 2);
        CHECK_NO_ENGLISH(refused);
        CHECK_NO_ENGLISH(ws.ok({"participant", "erase", "P-013", "--reason", "asked"}));
    }
    SECTION("the programme report") {
        const auto written =
            ws.ok({"report", "--from", "2026-01-01", "--to", "2026-12-31", "--out", dir + "/report.csv"});
        CHECK_NO_ENGLISH(written);
        const auto backwards =
            ws.run({"report", "--from", "2026-12-31", "--to", "2026-01-01", "--out", dir + "/report.csv"});
        CHECK(backwards.status == 2);
        CHECK_NO_ENGLISH(backwards);
        const auto unknown = ws.run(
            {"report", "--from", "2026-01-01", "--to", "2026-12-31", "--out", dir + "/r.csv", "--language", "xx"});
        CHECK(unknown.status == 2);
        CHECK_NO_ENGLISH(unknown);
    }
}

TEST_CASE(
    "mitra-cli's help is in Japanese: its usage line, headings, an option's kind of value and the "
    "coordinator's commands' descriptions",
    "[cli][language][words][cliadmin][help]") {
    Workspace ws;
    ws.environment = {"LANGUAGE=ja"};
    const auto help = ws.run_bare({"backup", "--help"});
    CHECK(help.status == 0);
    INFO(help.out);
    CHECK(contains(help.out, "使い方"));
    CHECK(!contains(help.out, "Usage"));
    CHECK(!contains(help.out, "OPTIONS"));
    CHECK(!contains(help.out, "TEXT"));
    CHECK(!contains(help.out, "Print this help"));
    // The commands' own descriptions too.
    CHECK(contains(help.out, "バックアップ用フォルダーのバックアップを新しい順に一覧します"));
    CHECK(!contains(help.out, "newest first"));
    const auto group = ws.run_bare({"key", "--help"});
    INFO(group.out);
    CHECK(contains(group.out, "新しい署名鍵を作ります"));
    CHECK(!contains(group.out, "Make a new signing key"));
    ws.environment = {};
    const auto english = ws.run_bare({"backup", "--help"});
    CHECK(contains(english.out, "Usage:"));
    CHECK(contains(english.out, "OPTIONS"));
}

TEST_CASE("a table's columns start at one display column whatever script the names before them are in",
          "[cli][table][cliadmin]") {
    Workspace ws;
    ws.ok({"init"});
    // Each name with the columns a terminal gives it (python3's unicodedata: Mn, Me and Cf take none, East Asian
    // wide and fullwidth characters two): Sinhala with U+0DC0-U+0DC6, with a ZWJ, Devanagari, Thai, Hangul, Latin.
    const std::vector<std::pair<std::string, int>> names = {
        {"\u0DC5\u0DB8\u0DBA\u0DCF \u0DC0\u0DD9\u0DC4\u0DD9\u0DBB", 10},
        {kSriyani, 5},
        {kSita, 8},
        {kPriya, 10},
        {kSomchai, 9},
        {kMinjun, 6},
        {"Maria Lopez", 11}};
    const std::vector<std::string> latin = {"Amara", "Bimal", "Chandra", "Deepa", "Eka", "Farid", "Gita"};
    for (std::size_t i = 0; i < names.size(); ++i)
        ws.ok({"participant", "add", "--ref", "P-W" + std::to_string(i), "--name", names[i].first, "--latin-name",
               latin[i], "--country", "LK", "--language", "si"});
    const std::string listed = ws.ok({"participant", "list"}).out;
    std::set<int> starts;  // where the column after the name starts, in display columns
    std::size_t rows = 0;
    std::istringstream lines(listed);
    for (std::string line; std::getline(lines, line);)
        for (std::size_t i = 0; i < names.size(); ++i)
            if (const auto at = line.find(names[i].first + " "); at != std::string::npos) {
                const auto& [name, width] = names[i];
                ++rows;
                const auto next = line.find_first_not_of(' ', at + name.size());
                REQUIRE(next != std::string::npos);
                INFO(line);
                CHECK(line.compare(next, latin[i].size(), latin[i]) == 0);
                // The ref before the name is ASCII: one column a byte.
                starts.insert(static_cast<int>(at) + width + static_cast<int>(next - at - name.size()));
            }
    INFO(listed);
    CHECK(starts.size() == 1);
    CHECK(rows == names.size());
}

}  // namespace mitra::cli_test
