// Issue 20: why a certificate is not given or cannot be printed, a backup that cannot be restored, a name's
// characters and an input file that cannot be read, said to a reader of Japanese with no English left; in English
// as mitra-cli said them before.
#include <catch2/catch.hpp>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <filesystem>
#include <fstream>

#include "cohort_setup.hpp"
#include "damage.hpp"
#include "names.hpp"
#include "run_cli.hpp"

namespace mitra::cli_test {
namespace {

namespace fs = std::filesystem;

// The words of these runs that are not English: names of people and places, products and the test's values.
const std::vector<std::string> kAllowed = {"Sita", "Rai", "Dr",    "Lee", "Patan", "Community", "Centre",
                                           "ja",   "ne",  "pdf",   "csv", "db",    "Mitra",     "SQLite",
                                           "CSV",  "UTF", "Excel", "Ann", "Person"};

#define CHECK_NO_ENGLISH(run)                                                                  \
    do {                                                                                       \
        const Output& shown_ = (run);                                                          \
        INFO(shown_.out << shown_.err);                                                        \
        CHECK(english_words(shown_.out + shown_.err, kAllowed) == std::vector<std::string>{}); \
    } while (false)

const std::string kKawi = "\xF0\x91\xBC\x92\xF0\x91\xBC\x84";  // U+11F12 U+11F04: no font Mitra ships has it

}  // namespace

TEST_CASE("certificate issue says in Japanese who is left out and why: not yet eligible, a name no font prints",
          "[cli][certificate][language][words][printwords]") {
    Workspace ws;
    set_up_cohort(ws);  // P-001 and P-003 complete, P-002 all but the code of ethics, P-013 nothing
    ws.execute("UPDATE participants SET full_name = :n WHERE ref = 'P-003'", kKawi);  // kept before the door check
    const std::string out = (ws.dir / "certs").string();
    ws.environment = {"LANGUAGE=ja"};
    const auto issued = ws.run({"certificate", "issue", kCohort, "--out", out, "--today", kToday});
    REQUIRE(issued.status == 0);
    CHECK_NO_ENGLISH(issued);
    CHECK_FALSE(contains(issued.out + issued.err, kKawi));  // named by ref only
    for (const std::string ref : {"P-002", "P-003", "P-013"}) CHECK(contains(issued.out, ref));
    CHECK(contains(issued.out, "U+11F12"));
    CHECK(contains(issued.out, "2026"));  // P-002's code of ethics, by its version

    ws.environment = {};
    const auto english = ws.run({"certificate", "issue", kCohort, "--out", out, "--today", kToday});
    REQUIRE(english.status == 0);
    CHECK(contains(english.out,
                   "left out  P-003: their name has a character (U+11F12) that no font Mitra ships can "
                   "print; correct the name, then issue again"));
    CHECK(contains(english.out, "left out  P-002: code of ethics "));
}

TEST_CASE("a damaged or foreign backup is refused in Japanese and nothing changes", "[cli][backup][language][sqlite]") {
    Workspace ws;
    set_up_scheduled_cohort(ws);
    const fs::path garbage = ws.dir / "garbage.db";
    { std::ofstream(garbage) << std::string(8192, 'x'); }
    const fs::path foreign = ws.dir / "foreign.db";
    {
        soci::session sql(*soci::factory_sqlite3(), "db=\"" + foreign.string() + "\"");
        sql << "CREATE TABLE notes (x TEXT)";
        sql << "INSERT INTO notes VALUES ('a')";
    }
    const fs::path damaged = ws.dir / "damaged.db";
    ws.ok({"backup", "--out", damaged.string()});
    {  // its schema page, then pages in the middle (as restore_test damages a file)
        std::fstream f(damaged, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(100);
        const std::string noise(3000, '\x5A');
        f.write(noise.data(), static_cast<std::streamsize>(noise.size()));
    }
    damage_middle(damaged, 8);
    for (const auto& file : {garbage, foreign}) {
        const auto before = ws.dump();
        ws.environment = {"LANGUAGE=ja"};
        const auto refused = ws.run({"restore", file.string()});
        INFO(file);
        CHECK(refused.status == 2);
        CHECK_NO_ENGLISH(refused);
        CHECK(contains(refused.err, file.string()));
        CHECK(ws.dump() == before);
        ws.environment = {};
        const auto english = ws.run({"restore", file.string()});
        CHECK(english.status == 2);
        CHECK(contains(english.err,
                       file.string() + (file == garbage ? " is not an SQLite database" : " is not a Mitra database")));
        CHECK(contains(english.err, "(nothing was changed)"));
    }
    ws.environment = {"LANGUAGE=ja"};
    const auto before = ws.dump();
    const auto refused = ws.run({"restore", damaged.string()});
    CHECK(refused.status == 2);
    CHECK_NO_ENGLISH(refused);
    CHECK(ws.dump() == before);
}

TEST_CASE(
    "a participants file that is not UTF-8, or a name with an invisible or direction character, is refused "
    "in Japanese",
    "[cli][participant][language][words][printwords]") {
    Workspace ws;
    set_up_scheduled_cohort(ws);
    ws.environment = {"LANGUAGE=ja"};
    const auto refused = [&](const std::vector<std::string>& args) {
        const auto before = ws.dump();
        const auto result = ws.run(args);
        INFO(result.out << result.err);
        CHECK(result.status == 2);
        CHECK(ws.dump() == before);
        CHECK_NO_ENGLISH(result);
        return result.err;
    };
    // Shift_JIS, as an older Excel saves it: 山田 is 0x8E 0x52 0x93 0x63.
    const std::string sjis = ws.file("sjis.csv", kPeopleHeader + "P-200,\x8E\x52\x93\x63,,JP,ja,\n");
    CHECK(contains(refused({"participant", "import", sjis}), sjis + ":2"));
    const std::string rtl = ws.file("rtl.csv", kPeopleHeader +
                                                   "P-201,Ann\xE2\x80\xAE"
                                                   "a Person,,JP,ja,\n" +
                                                   "P-202,Ann\xE2\x80\x8B"
                                                   "a Person,,JP,ja,\n");
    const std::string err = refused({"participant", "import", rtl});
    CHECK(contains(err, rtl + ":2:2: full_name: "));
    CHECK(contains(err, "U+202E"));
    CHECK(contains(err, rtl + ":3:2: full_name: "));
    CHECK(contains(err, "U+200B"));
    const auto added = refused({"participant", "add", "--ref", "P-203", "--name",
                                "Ann\xE2\x80\xAE"
                                "a",
                                "--country", "JP", "--language", "ja"});
    CHECK(contains(added, "U+202E"));
    const std::string big = (ws.dir / "big.csv").string();
    { std::ofstream(big) << kPeopleHeader << std::string(60'000'000, ' '); }
    CHECK(contains(refused({"participant", "import", big}), big + ": "));

    ws.environment = {};
    const auto english = ws.run({"participant", "import", rtl});
    CHECK(contains(english.err, rtl + ":2:2: full_name: contains U+202E RIGHT-TO-LEFT OVERRIDE, a direction control "
                                      "that changes how the name is shown"));
}

}  // namespace mitra::cli_test
