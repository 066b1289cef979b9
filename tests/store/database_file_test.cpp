// The database file: read-only is not damage, a write waiting on a lock says so, and damaged copies are not kept.
#include <catch2/catch.hpp>
#include <soci/soci.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iterator>

#include "read_only_view.hpp"
#include "store/backup.hpp"
#include "store/database.hpp"
#include "store/repos.hpp"
#include "temp_dir.hpp"
#include "test_backend.hpp"

using namespace mitra;
using namespace mitra::store;
using mitra::store_test::ReadOnlyView;
using mitra::store_test::TempDir;
namespace fs = std::filesystem;

namespace {

Participant person(const std::string& ref, const std::string& name) {
    return Participant{"", ref, name, "", "LK", "si", "", "", std::nullopt};
}

std::string bytes_of(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

// Sets an environment variable for one test.
struct ScopedEnvironment {
    ScopedEnvironment(const char* name, const char* value) : name_(name) { ::setenv(name, value, 1); }
    ~ScopedEnvironment() { ::unsetenv(name_); }
    const char* name_;
};

}  // namespace

TEST_CASE("a read-only database file opens for reading, and a change is refused as read-only, never as damage",
          "[store][database][sqlite]") {
    TempDir dir;
    const auto folder = dir.path / "data";
    fs::create_directory(folder);
    const auto file = (folder / "mitra.db").string();
    {
        auto db = Database::open(file);
        auto p = person("P-1", store_test::kSriyani);
        ParticipantRepo(*db).add(p);
    }
    const std::string before = bytes_of(file);

    ReadOnlyView view(folder);
    if (view.path.empty()) {
        WARN("no read-only view could be made here (root without the right to mount): not tested");
        return;
    }
    INFO("read-only through " << view.how);
    const auto read_only_file = (view.path / "mitra.db").string();
    std::unique_ptr<Database> db;
    REQUIRE_NOTHROW(db = Database::open(read_only_file));
    CHECK(db->read_only());
    CHECK(ParticipantRepo(*db).find("P-1"));
    CHECK(ParticipantRepo(*db).count() == 1);

    auto late = person("P-2", "Sukarno");
    try {
        ParticipantRepo(*db).add(late);
        FAIL("a read-only file was written to");
    } catch (const DatabaseReadOnly& e) {
        const std::string message = e.what();
        CHECK(message.find("is read-only") != std::string::npos);
        CHECK(message.find("nothing was changed") != std::string::npos);
        CHECK(message.find("damaged") == std::string::npos);
        CHECK(message.find("restore") == std::string::npos);
    }
    // A copy elsewhere is a read, and works; replacing the content from a backup is a write, and is refused.
    const auto copy = dir.path / "copy.db";
    backup_to(*db, copy);
    CHECK(check_backup(copy).empty());
    CHECK_THROWS_AS(restore_from(*db, copy, 10), DatabaseReadOnly);
    db.reset();
    CHECK(bytes_of(file) == before);
    CHECK_FALSE(fs::exists(folder / "backups"));
}

TEST_CASE(
    "a write blocked by another connection's transaction says within a second that it waits, and gives up "
    "after the limit with nothing changed",
    "[store][database]") {
    ScopedEnvironment limit("MITRA_LOCK_WAIT_SECONDS", "2");
    TempDir dir;
    const auto target = dir.db("locked.db");
    auto db = Database::open(target, "", false);
    auto p = person("P-1", "Sukarno");
    ParticipantRepo(*db).add(p);
    CHECK(db->lock_wait_limit() == std::chrono::seconds(2));

    // The other program: a transaction holding the lock the write needs (SQLite: the file; PostgreSQL: the row).
    auto other = Database::open(target, "", false);
    if (other->backend() == Backend::sqlite) {
        other->sql() << "BEGIN IMMEDIATE";
    } else {
        other->sql() << "BEGIN";
        other->sql() << "UPDATE participants SET full_name = full_name WHERE ref = 'P-1'";
    }
    auto rename = [&] { db->sql() << "UPDATE participants SET full_name = 'Hatta' WHERE ref = 'P-1'"; };

    std::vector<std::chrono::milliseconds> told;
    const auto started = std::chrono::steady_clock::now();
    SECTION("told within about a second, then given up after the limit") {
        db->on_waiting([&](std::chrono::milliseconds waited, std::chrono::seconds limit) {
            told.push_back(waited);
            CHECK(limit == std::chrono::seconds(2));
            return true;
        });
        try {
            db->write(rename);
            FAIL("the write went through a lock held by another transaction");
        } catch (const ConflictError& e) {
            const std::string message = e.what();
            CHECK(message.find("other people were changing the same records at the same moment") != std::string::npos);
            CHECK(message.find("nothing was changed, please try again") != std::string::npos);
        }
        const auto took = std::chrono::steady_clock::now() - started;
        REQUIRE_FALSE(told.empty());
        CHECK(told.front() < std::chrono::milliseconds(1500));
        CHECK(took >= std::chrono::seconds(2));
        CHECK(took < std::chrono::seconds(5));
    }
    SECTION("the one told may stop waiting") {
        db->on_waiting([&](std::chrono::milliseconds waited, std::chrono::seconds) {
            told.push_back(waited);
            return false;
        });
        CHECK_THROWS_AS(db->write(rename), WriteCancelled);
        CHECK(told.size() == 1);
        CHECK(std::chrono::steady_clock::now() - started < std::chrono::milliseconds(1900));
    }
    other->sql() << "ROLLBACK";
    CHECK(ParticipantRepo(*db).find("P-1")->full_name == "Sukarno");
    // Once the other program is done, the write goes through.
    db->write(rename);
    CHECK(ParticipantRepo(*db).find("P-1")->full_name == "Hatta");
}

TEST_CASE("a backup of a file with a damaged page is not kept, and never pushes a good backup out",
          "[store][backup][sqlite]") {
    TempDir dir;
    const auto file = dir.file("mitra.db");
    {
        auto db = Database::open(file);
        db->write([&] {
            for (int i = 0; i < 2000; ++i) {
                auto p = person("P-" + std::to_string(i), "Person number " + std::to_string(i));
                ParticipantRepo(*db).add(p);
            }
        });
        backup_rotating(*db, "manual", 2);
        backup_rotating(*db, "manual", 2);
        db->sql() << "PRAGMA wal_checkpoint(TRUNCATE)";
    }
    const auto good = list_backups(file);
    REQUIRE(good.size() == 2);
    const std::string newest_good = bytes_of(good.front());
    {
        // One page in the middle, past the schema, as a failing disk would leave it: the file still opens.
        const auto size = fs::file_size(file);
        std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(static_cast<std::streamoff>(size / 2 / 4096 * 4096));
        std::string noise(4096, '\0');
        for (std::size_t i = 0; i < noise.size(); ++i) noise[i] = static_cast<char>((i * 2654435761u) >> 13);
        f.write(noise.data(), static_cast<std::streamsize>(noise.size()));
    }
    auto db = Database::open(file);  // today's backup is there, so no whole-file check on this open

    try {
        backup_rotating(*db, "manual", 1);
        FAIL("a damaged copy was kept");
    } catch (const BackupDamaged& e) {
        const std::string message = e.what();
        CHECK(message.find("damaged") != std::string::npos);
        CHECK(message.find("was not kept") != std::string::npos);
        CHECK(e.latest_good_backup == good.front().string());
        CHECK(message.find(good.front().string()) != std::string::npos);
    }
    CHECK(list_backups(file) == good);
    CHECK(bytes_of(good.front()) == newest_good);

    const auto out = dir.path / "elsewhere.db";
    CHECK_THROWS_AS(backup_to(*db, out), BackupDamaged);
    CHECK_FALSE(fs::exists(out));
    for (const auto& entry : fs::directory_iterator(dir.path))
        CHECK(entry.path().filename().string().find("elsewhere") == std::string::npos);  // no temporary left
}
