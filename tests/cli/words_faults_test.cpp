// mitra-cli says what went wrong (a damaged database, a lock held, a newer schema, a key file, a file it could not
// write) in the language LANGUAGE asks for, in io's words (as the desktop program says them), with its own advice.
#include <catch2/catch.hpp>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <pwd.h>
#include <unistd.h>

#include <fstream>

#include "damage.hpp"
#include "io/catalog.hpp"
#include "io/fault_words.hpp"
#include "read_only_view.hpp"
#include "run_cli.hpp"
#include "test_backend.hpp"

using namespace mitra::cli_test;
using mitra::Fault;
using mitra::FaultCode;
namespace fs = std::filesystem;

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The Japanese of `fault`, which must be translated (not its English msgid).
std::string japanese(FaultCode code, std::vector<std::string> values) {
    const Fault fault{code, std::move(values), ""};
    const std::string ja = mitra::io::fault_phrase(fault, mitra::io::catalog("ja"));
    REQUIRE(mitra::io::catalog("ja").translated());
    CHECK(ja != mitra::io::fault_phrase(fault, mitra::io::catalog("")));
    return ja;
}

// What mitra-cli printed holds `phrase` and no English word. Each line's "mitra-cli: " goes first (english_words
// reads from "mitra-cli" to the end of the line as a command); the program's name is no English word.
void said_in_japanese(const Output& run, const std::string& phrase) {
    INFO(run.err);
    CHECK(run.status != 0);
    CHECK(contains(run.err, phrase));
    std::string prose = "\n" + run.err;
    for (std::size_t at; (at = prose.find("\nmitra-cli: ")) != std::string::npos;) prose.erase(at + 1, 11);
    CHECK(english_words(prose, {"Mitra"}).empty());
}

void damage_schema(const fs::path& file) {
    std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(100);
    const std::string noise(3000, '\x5A');
    f.write(noise.data(), static_cast<std::streamsize>(noise.size()));
}

const std::vector<std::string> kAddSomeone{"participant", "add",       "--ref", "LATE-1",     "--name",
                                           "Nimal Silva", "--country", "LK",    "--language", "si"};

}  // namespace

TEST_CASE("a damaged database is said in Japanese, with its latest good backup and the restore command",
          "[cli][faults][language][sqlite]") {
    if (mitra::test_backend::postgresql()) return;  // a file's damage
    Workspace w;
    w.ok({"demo"});
    w.ok({"backup", "--out", (w.dir / "elsewhere.db").string()});  // checkpoints the WAL into the file
    const auto good = w.json({"backup"})["backup"].get<std::string>();
    damage_schema(w.db);
    w.environment.push_back("LANGUAGE=ja");

    SECTION("with a good backup") {
        const auto refused = w.run({"participant", "list"});
        const std::string made =
            contains(refused.err, " UTC") ? refused.err.substr(refused.err.find(" UTC") - 16, 20) : std::string();
        said_in_japanese(refused, japanese(FaultCode::damaged, {w.db, good, made}));
        CHECK(contains(refused.err, "mitra-cli --db '" + w.db + "' restore '" + good + "'"));
        CHECK(!contains(refused.err, "is damaged"));
    }
    SECTION("without one") {
        fs::remove_all(w.dir / "backups");
        const auto refused = w.run({"participant", "list"});
        said_in_japanese(refused, japanese(FaultCode::damaged_no_backup, {w.db, (w.dir / "backups").string()}));
        CHECK(!contains(refused.err, "restore"));
    }
}

TEST_CASE("a lock another program holds is said in Japanese while waiting and when giving up",
          "[cli][faults][language]") {
    Workspace w;
    w.environment = {"MITRA_LOCK_WAIT_SECONDS=2", "LANGUAGE=ja"};
    w.ok({"participant", "add", "--ref", "P-1", "--name", "Sukarno", "--country", "ID", "--language", "id"});
    std::unique_ptr<soci::session> other;
    if (mitra::test_backend::postgresql()) {
        other = std::make_unique<soci::session>("postgresql", w.db);
        *other << "BEGIN";
        *other << "LOCK TABLE participants IN EXCLUSIVE MODE";
    } else {
        other = std::make_unique<soci::session>("sqlite3", "db=" + w.db);
        *other << "BEGIN IMMEDIATE";
    }
    const auto waited = w.run(kAddSomeone);
    *other << "ROLLBACK";
    const auto& ja = mitra::io::catalog("ja");
    // The target is shown as the store shows it (a hub's password hidden), and how long it waited and how many
    // tries vary: each sentence is checked from its last value on.
    const auto after_last = [](const std::string& text) { return text.substr(text.rfind('\x01') + 1); };
    const std::string waiting = mitra::io::format(
        ja.tr("another program is changing the database %s; waiting for it to finish (up to %d s)"), {"\x01", 2});
    CHECK(!contains(waiting, "waiting"));
    said_in_japanese(waited, after_last(waiting));
    CHECK(contains(waited.err, after_last(japanese(FaultCode::lock_held, {"\x01", "\x01", "\x01"}))));
    CHECK(waited.err_lines() == 2);
}

TEST_CASE("a database made by a newer Mitra is said in Japanese, and nothing is changed", "[cli][faults][language]") {
    Workspace w;
    w.ok({"init"});
    w.execute("INSERT INTO schema_migrations (version, applied_at) VALUES (999, :v)", "2099-01-01T00:00:00Z");
    const std::string before = w.dump();
    w.environment.push_back("LANGUAGE=ja");
    const auto refused = w.run({"participant", "list"});
    // The English run says as it did; it gives the target as shown (a hub's password hidden) and this version.
    w.environment.pop_back();
    const auto english = w.run({"participant", "list"});
    REQUIRE(contains(english.err, "mitra-cli: the database "));
    REQUIRE(contains(english.err, "this program knows up to "));
    const auto at = english.err.find("the database ") + 13;
    const std::string shown = english.err.substr(at, english.err.find(" was made by a newer Mitra") - at);
    const auto from = english.err.find("this program knows up to ") + 25;
    const std::string latest = english.err.substr(from, english.err.find(')', from) - from);
    said_in_japanese(refused, japanese(FaultCode::newer_schema, {shown, "999", latest}));
    CHECK(w.dump() == before);
}

TEST_CASE("a key file missing, or there already, is said in Japanese with the command that makes one",
          "[cli][faults][language]") {
    Workspace w;
    w.environment.push_back("LANGUAGE=ja");
    const std::string missing = (w.dir / "none.key").string();
    const auto not_there = w.run({"key", "export", "--key", missing});
    said_in_japanese(not_there, japanese(FaultCode::key_missing, {missing}));
    CHECK(contains(not_there.err, "mitra-cli key new --key " + missing));
    CHECK(!contains(not_there.err, "does not exist"));

    const std::string taken = w.file("taken.key", "not a key\n");
    const auto there = w.run({"key", "new", "--key", taken});
    said_in_japanese(there, japanese(FaultCode::key_exists, {taken}));
    CHECK(mitra::cli_test::bytes_of(taken) == "not a key\n");
}

TEST_CASE("a file that cannot be written where a folder should be is said in Japanese",
          "[cli][faults][language][sqlite]") {
    Workspace w;
    w.ok({"init"});
    const std::string not_a_folder = w.file("plain.txt", "x");
    w.environment.push_back("LANGUAGE=ja");
    const auto refused = w.run({"backup", "--out", not_a_folder + "/copy.db"});
    said_in_japanese(refused, japanese(FaultCode::file_failed, {not_a_folder}));
    CHECK(!fs::exists(not_a_folder + "/copy.db"));
}

TEST_CASE("a change to a read-only database file is said in Japanese as read-only, never as damage",
          "[cli][faults][language][sqlite]") {
    Workspace w;
    w.ok({"demo"});
    mitra::store_test::ReadOnlyView view(w.dir);
    if (view.path.empty()) {
        WARN("no read-only view could be made here (root without the right to mount): not tested");
        return;
    }
    const std::string db = (view.path / "mitra.db").string();
    w.environment.push_back("LANGUAGE=ja");
    const auto refused = w.run_bare({"--db", db, "participant", "add", "--ref", "LATE-1", "--name", "Nimal Silva",
                                     "--country", "LK", "--language", "si"});
    // Root sees a read-only mount; anyone else a file they may not write to.
    const passwd* user = ::getpwuid(::geteuid());
    said_in_japanese(refused, ::geteuid() == 0 ? japanese(FaultCode::read_only_mount, {db})
                                               : japanese(FaultCode::read_only_file, {db, user->pw_name}));
    CHECK(!contains(refused.err, "破損"));
}
