// Backups with SQLite's online backup API: consistent copies, rotation, and restores that check first.
#include <catch2/catch.hpp>
#include <soci/soci.h>
#include <sys/stat.h>

#include <fstream>

#include "core/problem.hpp"
#include "store/backup.hpp"
#include "store/migrations.hpp"
#include "store/repos.hpp"
#include "temp_dir.hpp"

using namespace mitra;
using namespace mitra::store;
using mitra::store_test::TempDir;

namespace {

Participant person(const std::string& ref, const std::string& name) {
    return Participant{"", ref, name, "", "LK", "si", "", "", std::nullopt};
}

}  // namespace

TEST_CASE("a backup is a consistent, owner-only copy that opens as a database", "[store][backup]") {
    TempDir dir;
    auto db = Database::open(dir.file("mitra.db"));
    auto p = person("P-1", store_test::kSriyani);
    ParticipantRepo(*db).add(p);

    const auto copy = dir.path / "copy.db";
    backup_to(*db, copy);
    struct stat info {};
    REQUIRE(::stat(copy.c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0600);
    CHECK(check_backup(copy).empty());
    CHECK_FALSE(std::filesystem::exists(copy.string() + ".partial"));

    auto reopened = Database::open(copy.string());
    auto found = ParticipantRepo(*reopened).find("P-1");
    REQUIRE(found);
    CHECK(found->full_name == store_test::kSriyani);
}

TEST_CASE("rotating backups keep only the newest ones", "[store][backup]") {
    TempDir dir;
    auto db = Database::open(dir.file("mitra.db"));
    for (int i = 0; i < 5; ++i) backup_rotating(*db, "daily", 3);
    const auto kept = list_backups(dir.file("mitra.db"));
    REQUIRE(kept.size() == 3);
    CHECK(kept.front().filename().string() > kept.back().filename().string());
    CHECK(backup_folder(dir.file("mitra.db")) == dir.path / "backups");
}

TEST_CASE("a restore brings back the backup's content and keeps what it replaced", "[store][backup]") {
    TempDir dir;
    auto db = Database::open(dir.file("mitra.db"));
    auto a = person("P-1", "Sukarno");
    ParticipantRepo(*db).add(a);
    const auto saved = dir.path / "saved.db";
    backup_to(*db, saved);
    auto b = person("P-2", "عائشہ خان");
    ParticipantRepo(*db).add(b);

    restore_from(*db, saved, 10);
    CHECK(ParticipantRepo(*db).find("P-1"));
    CHECK_FALSE(ParticipantRepo(*db).find("P-2"));
    // The replaced content was backed up first.
    const auto before = list_backups(dir.file("mitra.db"));
    REQUIRE(before.size() == 1);
    CHECK(before.front().filename().string().find("before-restore") != std::string::npos);
    auto old = Database::open(before.front().string());
    CHECK(ParticipantRepo(*old).find("P-2"));
}

TEST_CASE("a damaged or foreign file is never restored, and nothing changes", "[store][backup]") {
    TempDir dir;
    auto db = Database::open(dir.file("mitra.db"));
    auto a = person("P-1", "Sukarno");
    ParticipantRepo(*db).add(a);

    const auto garbage = dir.path / "garbage.db";
    std::ofstream(garbage) << "this is not a database";
    CHECK_FALSE(check_backup(garbage).empty());
    CHECK_THROWS_AS(restore_from(*db, garbage, 10), mitra::InputError);

    const auto foreign = dir.path / "foreign.db";
    {
        soci::session other("sqlite3", "db=" + foreign.string());
        other << "CREATE TABLE t (x INTEGER)";
    }
    CHECK(check_backup(foreign).find("not a Mitra database") != std::string::npos);
    CHECK_THROWS_AS(restore_from(*db, foreign, 10), mitra::InputError);

    const auto damaged = dir.path / "damaged.db";
    backup_to(*db, damaged);
    {
        std::fstream f(damaged, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(100);  // past the file header, into the schema's b-tree page
        const std::string noise(3000, '\xA5');
        f.write(noise.data(), static_cast<std::streamsize>(noise.size()));
    }
    CHECK_FALSE(check_backup(damaged).empty());
    CHECK_THROWS_AS(restore_from(*db, damaged, 10), mitra::InputError);

    CHECK(ParticipantRepo(*db).find("P-1"));
    CHECK(list_backups(dir.file("mitra.db")).empty());  // refused before anything was touched
}

TEST_CASE("opening an existing database backs it up once a day, and before bringing it up to date",
          "[store][backup][sqlite]") {
    TempDir dir;
    const auto file = dir.file("mitra.db");
    { auto db = Database::open(file); }  // made now: nothing to back up yet
    CHECK(list_backups(file).empty());
    { auto db = Database::open(file); }  // opened again: today's backup
    REQUIRE(list_backups(file).size() == 1);
    CHECK(list_backups(file).front().filename().string().find("daily") != std::string::npos);
    { auto db = Database::open(file); }  // and only one a day
    CHECK(list_backups(file).size() == 1);

    // A database made by the Mitra before the last migration (every migration but the latest applied, as that
    // Mitra did) is copied before it is migrated, and the copy is the database as it was.
    const auto latest = static_cast<int>(migrations().size());
    const auto older = dir.file("older.db");
    {
        soci::session raw("sqlite3", "db=" + older);
        raw << "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)";
        for (int version = 1; version < latest; ++version) {
            for (const auto& statement :
                 migrations()[static_cast<std::size_t>(version - 1)].statements(Backend::sqlite))
                raw << statement;
            raw << "INSERT INTO schema_migrations (version, applied_at) VALUES (" << version
                << ", '2026-01-01T00:00:00Z')";
        }
    }
    {
        auto db = Database::open(older);
        CHECK(db->schema_version() == latest);
    }
    const auto copies = list_backups(older);
    REQUIRE(copies.size() == 1);
    CHECK(copies.front().filename().string().find("before-migration-" + std::to_string(latest)) != std::string::npos);
    soci::session copy("sqlite3", "db=" + copies.front().string());
    int version = 0;
    copy << "SELECT MAX(version) FROM schema_migrations", soci::into(version);
    CHECK(version == latest - 1);
}

TEST_CASE("a damaged database is refused on open with the latest good backup named, and left alone",
          "[store][backup][sqlite][commands]") {
    TempDir dir;
    const auto file = dir.file("mitra.db");
    {
        auto db = Database::open(file);
        auto p = person("P-1", "Sukarno");
        ParticipantRepo(*db).add(p);
        backup_rotating(*db, "manual", 10);
        db->sql() << "PRAGMA wal_checkpoint(TRUNCATE)";
    }
    {
        std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(100);
        const std::string noise(3000, '\x5A');
        f.write(noise.data(), static_cast<std::streamsize>(noise.size()));
    }
    const auto size = std::filesystem::file_size(file);
    try {
        auto db = Database::open(file);
        FAIL("a damaged file opened");
    } catch (const DatabaseDamaged& e) {
        const std::string message = e.what();
        CHECK(message.find("damaged") != std::string::npos);
        CHECK(message.find(list_backups(file).front().string()) != std::string::npos);
        // The backup is named for each front end to say how to put it in place; the store names no command.
        CHECK(e.latest_good_backup == list_backups(file).front().string());
        CHECK(message.find("mitra-cli") == std::string::npos);
    }
    CHECK(std::filesystem::file_size(file) == size);
}

TEST_CASE("a damaged database file is refused with a typed error, and its backup put in its place beside it",
          "[store][backup][sqlite]") {
    TempDir dir;
    const auto file = dir.file("mitra.db");
    {
        auto db = Database::open(file);
        auto p = person("P-1", "Sukarno");
        ParticipantRepo(*db).add(p);
        backup_rotating(*db, "manual", 10);
        auto late = person("P-2", store_test::kSriyani);  // after the backup: the backup cannot hold it
        ParticipantRepo(*db).add(late);
    }
    const auto good = list_backups(file).front();
    // A -wal beside the damaged file belongs to it: it goes aside with it.
    std::ofstream(file + "-wal", std::ios::binary) << "the damaged file's own log";
    {
        std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(100);
        const std::string noise(3000, '\x5A');
        f.write(noise.data(), static_cast<std::streamsize>(noise.size()));
    }
    std::ifstream in(file, std::ios::binary);
    const std::string damaged{std::istreambuf_iterator<char>(in), {}};

    std::string backup;
    try {
        auto db = Database::open(file);
        FAIL("a damaged file opened");
    } catch (const DatabaseDamaged& e) {
        CHECK(e.path == file);
        backup = e.latest_good_backup;
        CHECK(backup == good.string());
        CHECK(e.backup_time.size() == std::string("2026-11-25 08:24 UTC").size());
        CHECK(std::string(e.what()).find(good.string()) != std::string::npos);
        CHECK(std::string(e.what()).find("mitra-cli") == std::string::npos);  // each front end says how to restore
    }
    REQUIRE(backup == latest_good_backup(file).string());

    SECTION("a backup that fails its check is refused before anything moves") {
        const auto bad = dir.path / "bad.db";
        std::ofstream(bad) << "not a database";
        CHECK_THROWS_AS(restore_damaged(file, bad), mitra::InputError);
        std::ifstream again(file, std::ios::binary);
        CHECK(std::string{std::istreambuf_iterator<char>(again), {}} == damaged);
        CHECK(std::filesystem::exists(file + "-wal"));
    }

    SECTION("restored: the damaged file and its log are kept aside, the copy is owner-only and opens") {
        const auto aside = restore_damaged(file, backup);
        CHECK(aside.filename().string().rfind("mitra.db.damaged-", 0) == 0);
        std::ifstream kept(aside, std::ios::binary);
        CHECK(std::string{std::istreambuf_iterator<char>(kept), {}} == damaged);
        CHECK(std::filesystem::exists(aside.string() + "-wal"));
        CHECK_FALSE(std::filesystem::exists(file + "-wal"));
        struct stat info {};
        REQUIRE(::stat(file.c_str(), &info) == 0);
        CHECK((info.st_mode & 0777) == 0600);
        CHECK(std::filesystem::exists(good));  // the backup itself is left as it was
        auto db = Database::open(file);
        CHECK(ParticipantRepo(*db).find("P-1"));
        CHECK_FALSE(ParticipantRepo(*db).find("P-2"));

        // Done again (a second damage in the same second), nothing is overwritten: the second goes aside too.
        db.reset();
        const auto second = restore_damaged(file, backup);
        CHECK(second != aside);
        CHECK(std::filesystem::exists(aside));
        CHECK(std::filesystem::exists(second));
    }
}
