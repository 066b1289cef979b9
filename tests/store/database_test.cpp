// The database: migrations, file mode, pragmas, and transactions that keep all or nothing.
#include <catch2/catch.hpp>
#include <soci/soci.h>
#include <sys/stat.h>

#include "io/durable.hpp"

#include <stdexcept>

#include "store/backup.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"
#include "core/problem.hpp"
#include "store/repos.hpp"
#include "temp_dir.hpp"
#include "test_backend.hpp"

using namespace mitra;
using namespace mitra::store;
using mitra::store_test::TempDir;

namespace {
Participant someone(const std::string& ref, const std::string& name) {
    Participant p;
    p.ref = ref;
    p.full_name = name;
    p.country = "LK";
    p.language = "si";
    return p;
}
}  // namespace

TEST_CASE("a new file is migrated to the latest schema, and reopening does not migrate again", "[store][database]") {
    TempDir dir;
    const auto path = dir.db("new.db");
    REQUIRE(!std::filesystem::exists(path));
    std::string applied_at;
    {
        auto db = Database::open(path, "tester");
        CHECK(db->schema_version() == static_cast<int>(migrations().size()));
        CHECK(db->backend() == (test_backend::postgresql() ? Backend::postgresql : Backend::sqlite));
        CHECK(db->actor() == "tester");
        int rows = 0;
        db->sql() << "SELECT COUNT(*) FROM schema_migrations", soci::into(rows);
        CHECK(rows == static_cast<int>(migrations().size()));
        db->sql() << "SELECT applied_at FROM schema_migrations WHERE version = 1", soci::into(applied_at);
        Participant p = someone("P-1", store_test::kSriyani);
        ParticipantRepo(*db).add(p);
    }
    auto again = Database::open(path, "tester");
    CHECK(again->schema_version() == static_cast<int>(migrations().size()));
    int rows = 0;
    std::string applied_again;
    again->sql() << "SELECT COUNT(*) FROM schema_migrations", soci::into(rows);
    again->sql() << "SELECT applied_at FROM schema_migrations WHERE version = 1", soci::into(applied_again);
    CHECK(rows == static_cast<int>(migrations().size()));
    CHECK(applied_again == applied_at);
    CHECK(ParticipantRepo(*again).count() == 1);  // the data survived the reopening
}

TEST_CASE("the database file is created readable by its owner only", "[store][database][sqlite]") {
    TempDir dir;
    const auto path = dir.db("private.db");
    auto db = Database::open(path);
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
}

TEST_CASE("foreign keys are enforced and the journal is a write-ahead log", "[store][database][sqlite]") {
    TempDir dir;
    auto db = Database::open(dir.db("pragmas.db"));
    int foreign_keys = 0;
    std::string journal;
    db->sql() << "PRAGMA foreign_keys", soci::into(foreign_keys);
    db->sql() << "PRAGMA journal_mode", soci::into(journal);
    CHECK(foreign_keys == 1);
    CHECK(journal == "wal");
    // And it is not just reported: an enrolment of nobody in no cohort is refused.
    CHECK_THROWS(db->sql() << "INSERT INTO enrolments (uuid, cohort_uuid, participant_uuid, enrolled_on, created_at, "
                              "created_by, updated_at, updated_by) VALUES ('e', 'nope', 'nope', '2026-01-01', 'a', "
                              "'b', 'c', 'd')");
}

TEST_CASE("a write that throws halfway keeps nothing it wrote, and the exception comes out", "[store][database]") {
    TempDir dir;
    auto db = Database::open(dir.db("rollback.db"));
    ParticipantRepo people(*db);
    Participant kept = someone("P-0", "Sukarno");
    people.add(kept);

    SECTION("an exception of the caller's own") {
        CHECK_THROWS_WITH(db->write([&] {
            Participant a = someone("P-1", store_test::kSriyani);
            people.add(a);
            Participant b = someone("P-2", "김민준");
            people.save(b);
            throw std::runtime_error("halfway");
        }),
                          "halfway");
    }
    SECTION("a refusal from a repository") {
        CHECK_THROWS_AS(db->write([&] {
            Participant a = someone("P-1", store_test::kSriyani);
            people.add(a);
            Participant again = someone("P-1", "someone else");
            people.add(again);  // refused: the ref exists
        }),
                        InputError);
    }
    SECTION("the database refusing a statement") {
        CHECK_THROWS_AS(db->write([&] {
            Participant a = someone("P-1", store_test::kSriyani);
            people.add(a);
            Participant clash = someone("P-2", "clash");
            clash.uuid = kept.uuid;  // the primary key is taken
            people.save(clash);
        }),
                        DatabaseError);
    }
    CHECK(people.count() == 1);
    CHECK(!people.find("P-1"));
    CHECK(!people.find("P-2"));
    // And the connection is usable afterwards.
    Participant after = someone("P-3", "Nguyễn Thị Minh Khai");
    people.add(after);
    CHECK(people.count() == 2);
}

TEST_CASE("a nested write is part of the outer transaction", "[store][database]") {
    TempDir dir;
    auto db = Database::open(dir.db("nested.db"));
    ParticipantRepo people(*db);
    SECTION("the outer one failing undoes the inner one") {
        CHECK_THROWS(db->write([&] {
            db->write([&] {
                Participant a = someone("P-1", "山田 花子");
                people.add(a);
            });
            CHECK(people.count() == 1);  // seen inside the transaction
            throw std::runtime_error("outer fails after the inner one finished");
        }));
        CHECK(people.count() == 0);
    }
    SECTION("both succeeding keep both") {
        db->write([&] {
            db->write([&] {
                Participant a = someone("P-1", "山田 花子");
                people.add(a);
            });
            Participant b = someone("P-2", "김민준");
            people.add(b);
        });
        CHECK(people.count() == 2);
    }
}

TEST_CASE("two connections to one file work together: one writes while the other reads", "[store][database]") {
    TempDir dir;
    const auto path = dir.db("shared.db");
    auto writer = Database::open(path, "writer");
    auto reader = Database::open(path, "reader");
    ParticipantRepo written(*writer), read(*reader);
    Participant first = someone("P-1", "Sukarno");
    written.add(first);
    CHECK(read.count() == 1);

    writer->write([&] {
        Participant second = someone("P-2", store_test::kSriyani);
        written.add(second);
        // The reader is not blocked and sees the last committed state.
        CHECK(read.count() == 1);
        CHECK(!read.find("P-2"));
    });
    CHECK(read.count() == 2);
    REQUIRE(read.find("P-2"));
    CHECK(read.find("P-2")->full_name == store_test::kSriyani);

    // And the other one can write too, once the first has committed.
    Participant third = someone("P-3", "Sukarno");
    read.add(third, Lookalikes::allow);  // another Sukarno
    CHECK(written.count() == 3);
}

TEST_CASE("a connection for reading sees what the other one commits, and cannot write", "[store][database]") {
    TempDir dir;
    const auto path = dir.db("shared.db");
    auto writer = Database::open(path, "writer");
    auto reader = Database::open_for_reading(writer->target());
    CHECK(reader->backend() == writer->backend());
    ParticipantRepo written(*writer), read(*reader);
    Participant first = someone("P-1", "Sukarno");
    written.add(first);
    CHECK(read.count() == 1);
    Participant second = someone("P-2", store_test::kSriyani);
    CHECK_THROWS(read.add(second));
    CHECK(written.count() == 1);
    CHECK(reader->schema_version() == writer->schema_version());
    if (!test_backend::postgresql()) CHECK_THROWS_AS(Database::open_for_reading(dir.db("missing.db")), DatabaseError);
}

TEST_CASE("the folders made for the database and its backups are readable by their owner only",
          "[store][database][sqlite]") {
    TempDir dir;
    const auto file = dir.path / "new" / "nested" / "mitra.db";
    auto db = Database::open(file.string());
    backup_to(*db, backup_folder(file) / "first.db");
    for (const auto& folder : {dir.path / "new", dir.path / "new" / "nested", backup_folder(file)}) {
        INFO(folder.string());
        struct stat st {};
        REQUIRE(::stat(folder.c_str(), &st) == 0);
        CHECK((st.st_mode & 0777) == 0700);
    }
    // A folder that was there already is left as it was.
    struct stat st {};
    REQUIRE(::stat(dir.path.c_str(), &st) == 0);
    const auto before = st.st_mode & 0777;
    io::create_private_folders(dir.path);
    REQUIRE(::stat(dir.path.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == before);
}
