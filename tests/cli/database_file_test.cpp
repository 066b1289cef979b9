// mitra-cli and the database file: read-only is said as such, a lock wait is said and ends, damaged copies are
// not kept, and restore without a file takes the newest backup that passes its check.
#include <catch2/catch.hpp>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <chrono>
#include <fstream>

#include "read_only_view.hpp"
#include "damage.hpp"
#include "run_cli.hpp"
#include "test_backend.hpp"

using namespace mitra::cli_test;
using mitra::store_test::ReadOnlyView;
namespace fs = std::filesystem;

namespace {

// Damage every open notices: the schema page.
void damage_schema(const fs::path& file) {
    std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(100);
    const std::string noise(3000, '\x5A');
    f.write(noise.data(), static_cast<std::streamsize>(noise.size()));
}

std::vector<fs::path> backups_in(const fs::path& dir) {
    std::vector<fs::path> out;
    if (fs::is_directory(dir / "backups"))
        for (const auto& e : fs::directory_iterator(dir / "backups")) out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

const std::vector<std::string> kAddSomeone{"participant", "add",       "--ref", "LATE-1",     "--name",
                                           "Nimal Silva", "--country", "LK",    "--language", "si"};

}  // namespace

TEST_CASE(
    "on a read-only database file, reading commands work and a change is refused as read-only, never as "
    "damage",
    "[cli][database][sqlite]") {
    Workspace w;
    w.ok({"demo"});
    const auto people = w.json({"participant", "list"});
    const std::string before = bytes_of(w.db);

    ReadOnlyView view(w.dir);
    if (view.path.empty()) {
        WARN("no read-only view could be made here (root without the right to mount): not tested");
        return;
    }
    INFO("read-only through " << view.how);
    const std::string db = (view.path / "mitra.db").string();

    const auto listed = w.run_bare({"--db", db, "--json", "participant", "list"});
    REQUIRE(listed.status == 0);
    CHECK(nlohmann::json::parse(listed.out) == people);
    CHECK(w.run_bare({"--db", db, "cohort", "list"}).status == 0);

    const auto refused = w.run_bare({"--db", db, "participant", "add", "--ref", "LATE-1", "--name", "Nimal Silva",
                                     "--country", "LK", "--language", "si"});
    CHECK(refused.status != 0);
    CHECK(refused.err.find("the database " + db + " is read-only (") != std::string::npos);
    CHECK(refused.err.find("nothing was changed") != std::string::npos);
    CHECK(refused.err.find("damaged") == std::string::npos);
    CHECK(refused.err.find("restore") == std::string::npos);
    CHECK(refused.err_lines() == 1);

    // A backup to a writable place is a read, and works.
    const auto copy = (w.dir.parent_path() / (w.dir.filename().string() + "-copy.db")).string();
    const auto backed_up = w.run_bare({"--db", db, "backup", "--out", copy});
    CHECK(backed_up.status == 0);
    CHECK(fs::exists(copy));
    fs::remove(copy);

    CHECK(bytes_of(w.db) == before);
}

TEST_CASE(
    "a change waiting on another program's lock says so at once on one line, and gives up after the limit "
    "with nothing changed",
    "[cli][database]") {
    Workspace w;
    w.environment.push_back("MITRA_LOCK_WAIT_SECONDS=2");
    w.ok({"participant", "add", "--ref", "P-1", "--name", "Sukarno", "--country", "ID", "--language", "id"});
    const std::string before = w.dump();

    // The other program: a transaction holding the lock the change needs (SQLite: the file; PostgreSQL: the table).
    std::unique_ptr<soci::session> other;
    if (mitra::test_backend::postgresql()) {
        other = std::make_unique<soci::session>("postgresql", w.db);
        *other << "BEGIN";
        *other << "LOCK TABLE participants IN EXCLUSIVE MODE";
    } else {
        other = std::make_unique<soci::session>("sqlite3", "db=" + w.db);
        *other << "BEGIN IMMEDIATE";
    }
    const auto started = std::chrono::steady_clock::now();
    const auto waited = w.run(kAddSomeone);
    const auto took = std::chrono::steady_clock::now() - started;
    *other << "ROLLBACK";

    CHECK(waited.status != 0);
    CHECK(waited.err.find("another program is changing the database") != std::string::npos);
    CHECK(waited.err.find("waiting for it to finish (up to 2 s)") != std::string::npos);
    CHECK(waited.err.find("other people were changing the same records at the same moment") != std::string::npos);
    CHECK(waited.err.find("nothing was changed, please try again") != std::string::npos);
    CHECK(waited.err_lines() == 2);  // the wait, said once, and the giving up
    CHECK(took < std::chrono::seconds(6));
    CHECK(w.dump() == before);

    // The lock gone, the same change goes through without a word about waiting.
    const auto done = w.run(kAddSomeone);
    CHECK(done.status == 0);
    CHECK(done.err.find("waiting") == std::string::npos);
}

TEST_CASE("a backup of a database with a damaged page fails loudly and never pushes a good backup out",
          "[cli][backup][sqlite]") {
    Workspace w;
    w.ok({"demo"});
    w.ok({"backup", "--keep", "2"});
    w.ok({"backup", "--keep", "2"});
    w.ok({"backup", "--out", (w.dir / "elsewhere.db").string()});  // checkpoints the WAL into the file
    fs::remove(w.dir / "elsewhere.db");
    const auto good = backups_in(w.dir);
    REQUIRE(good.size() == 2);
    const std::string newest_good = bytes_of(good.back());
    damage_middle(w.db, 1);

    const auto refused = w.run({"backup", "--keep", "1"});
    CHECK(refused.status != 0);
    CHECK(refused.err.find("damaged") != std::string::npos);
    CHECK(refused.err.find("was not kept") != std::string::npos);
    CHECK(refused.err.find(good.back().string()) != std::string::npos);  // the latest good one is named
    CHECK(refused.out.empty());
    CHECK(backups_in(w.dir) == good);
    CHECK(bytes_of(good.back()) == newest_good);

    const auto elsewhere = w.run({"backup", "--out", (w.dir / "elsewhere.db").string()});
    CHECK(elsewhere.status != 0);
    CHECK_FALSE(fs::exists(w.dir / "elsewhere.db"));
}

TEST_CASE(
    "restore without a file, and the advice for a damaged database, take the newest backup that passes its "
    "check",
    "[cli][backup][sqlite]") {
    Workspace w;
    w.ok({"demo"});
    const auto people = w.json({"participant", "list"});
    const auto good = w.json({"backup"})["backup"].get<std::string>();  // the newest good one: demo made a daily
    // A newer backup that is itself damaged (a copy made before copies were checked, or harmed since).
    const auto newest = w.dir / "backups" / "mitra-29991231T235959-999Z-manual.db";
    fs::copy_file(good, newest);
    damage_schema(newest);
    w.ok(kAddSomeone);

    SECTION("over a sound database") {
        const auto restored = w.json({"restore"});
        CHECK(restored["restored"] == good);
        CHECK(w.json({"participant", "list"}) == people);
    }
    SECTION("in place of a damaged one") {
        w.ok({"backup", "--out", (w.dir / "elsewhere.db").string()});  // checkpoints the WAL into the file
        damage_schema(w.db);
        const auto refused = w.run({"participant", "list"});
        CHECK(refused.status != 0);
        CHECK(refused.err.find("restore '" + good + "'") != std::string::npos);
        CHECK(refused.err.find(newest.string()) == std::string::npos);
        const auto restored = w.json({"restore"});
        CHECK(restored["restored"] == good);
        CHECK(restored.contains("damaged_kept_as"));
        CHECK(w.json({"participant", "list"}) == people);
    }
    SECTION("with no good backup, it refuses and nothing moves") {
        for (const auto& backup : backups_in(w.dir))
            if (backup != newest) fs::remove(backup);
        const std::string before = bytes_of(w.db);
        const auto refused = w.run({"restore"});
        CHECK(refused.status == 2);
        CHECK(refused.err.find("passes its check") != std::string::npos);
        CHECK(bytes_of(w.db) == before);
    }
}
