// Look-alike names: the six "John Smith"s of issue 18 kept apart at the door, found by search, and their keys
// kept right by the migration, edits and erasure.
#include <catch2/catch.hpp>
#include <soci/soci.h>

#include "core/names.hpp"
#include "store/app_queries.hpp"
#include "store/migrations.hpp"
#include "store/privacy.hpp"
#include "store/repos.hpp"
#include "temp_dir.hpp"
#include "undo_practice.hpp"

using namespace mitra;
using namespace mitra::store;
using mitra::store_test::TempDir;

namespace {

Participant person(const std::string& ref, const std::string& name, const std::string& latin = "") {
    Participant p;
    p.ref = ref;
    p.full_name = name;
    p.latin_name = latin;
    p.country = "GB";
    p.language = "en";
    return p;
}

// A row as an older Mitra kept it, before the door refused invisible characters and before migration 7.
void insert_old_row(Database& db, const std::string& ref, const std::string& name) {
    db.sql() << "INSERT INTO participants (uuid, ref, full_name, latin_name, country, language, email, phone, "
                "created_at, created_by, updated_at, updated_by) VALUES (:u, :r, :n, '', 'GB', 'en', '', '', "
                "'2025-01-01T00:00:00Z', 'old', '2025-01-01T00:00:00Z', 'old')",
        soci::use("uuid-" + ref), soci::use(ref), soci::use(name);
}

// The six records of the issue that all print "John Smith": P-1 and P-2 (an exact duplicate, allowed at the
// time), P-3 with a Cyrillic о, and three kept before the door checks: a zero-width space, a trailing
// left-to-right mark, a no-break space. Their keys are filled as migration 7 fills them.
void six_john_smiths(Database& db) {
    ParticipantRepo repo(db);
    auto p1 = person("P-1", "John Smith");
    repo.add(p1);
    auto p2 = person("P-2", "John Smith");
    repo.add(p2, Lookalikes::allow);
    auto p3 = person("P-3", "J\u043Ehn Smith");
    repo.add(p3, Lookalikes::allow);
    db.write([&] {
        insert_old_row(db, "P-4", "John\u200B Smith");
        insert_old_row(db, "P-5", "John Smith\u200E");
        insert_old_row(db, "P-6", "John\u00A0Smith");
        name_skeleton_migration().after(db);
    });
}

std::vector<std::string> found_by(Database& db, const std::string& search) {
    ParticipantQuery q;
    q.search = search;
    std::vector<std::string> refs;
    for (const auto& p : ParticipantRepo(db).list(q)) refs.push_back(p.ref);
    return refs;
}

const std::vector<std::string> kSix = {"P-1", "P-2", "P-3", "P-4", "P-5", "P-6"};

}  // namespace

TEST_CASE("migration 7 gives every person kept before it the skeletons of their names", "[store][names]") {
    TempDir dir;
    auto db = Database::open(dir.db("people.db"));
    six_john_smiths(*db);
    std::string kept;
    soci::indicator ind = soci::i_null;
    for (const auto& ref : kSix) {
        INFO(ref);
        db->sql() << "SELECT name_skeleton FROM participants WHERE ref = :r", soci::into(kept, ind), soci::use(ref);
        REQUIRE(ind == soci::i_ok);
        CHECK(kept == name_skeleton("John Smith"));
    }
}

TEST_CASE("a new person who looks like someone is refused, naming every look-alike by ref, unless allowed",
          "[store][names]") {
    TempDir dir;
    auto db = Database::open(dir.db("people.db"));
    six_john_smiths(*db);
    ParticipantRepo repo(*db);
    const auto before = repo.count();

    for (const std::string name : {"John Smith", "JOHN SMITH", "J\u043Ehn Smith", "John  Smith"}) {
        INFO(name);
        auto again = person("P-7", name);
        try {
            repo.add(again);
            FAIL("added");
        } catch (const LookalikeError& e) {
            REQUIRE(e.found.size() == 1);
            CHECK(e.found[0].field == "full_name");
            CHECK(e.found[0].refs == kSix);
            REQUIRE(e.problems.size() == 1);
            CHECK(e.problems[0].field == "full_name");
            CHECK(e.problems[0].message.find("P-1, P-2, P-3, P-4, P-5, P-6") != std::string::npos);
            CHECK(e.problems[0].message.find("John") == std::string::npos);  // by ref, never by name
            CHECK(e.problems[0].message.find("J\u043Ehn") == std::string::npos);
        }
        CHECK(repo.count() == before);
    }

    SECTION("a Latin name that looks like someone's full name is one too") {
        auto latin = person("P-7", "ジョン スミス", "John Smith");
        REQUIRE_THROWS_AS(repo.add(latin), LookalikeError);
        try {
            repo.add(latin);
        } catch (const LookalikeError& e) {
            CHECK(e.found[0].field == "latin_name");
        }
    }
    SECTION("someone else is taken without a word") {
        auto jane = person("P-7", "Jane Smith");
        repo.add(jane);
        CHECK(repo.count() == before + 1);
    }
    SECTION("with leave to go on, the look-alike is added") {
        auto again = person("P-7", "John Smith");
        repo.add(again, Lookalikes::allow);
        CHECK(repo.count() == before + 1);
    }
    SECTION("an erased person is no one's look-alike") {
        erase_participant(*db, "P-1", "asked in writing");
        auto again = person("P-7", "John Smith");
        try {
            repo.add(again);
            FAIL("added");
        } catch (const LookalikeError& e) {
            CHECK(e.found[0].refs == std::vector<std::string>{"P-2", "P-3", "P-4", "P-5", "P-6"});
        }
    }
}

TEST_CASE("renaming someone into a look-alike is refused; saving them unchanged, or changing the rest, is not",
          "[store][names]") {
    TempDir dir;
    auto db = Database::open(dir.db("people.db"));
    six_john_smiths(*db);
    ParticipantRepo repo(*db);
    auto jane = person("P-7", "Jane Smith");
    repo.add(jane);

    jane.full_name = "J\u043Ehn Smith";
    REQUIRE_THROWS_AS(repo.save(jane), LookalikeError);
    CHECK(repo.find("P-7")->full_name == "Jane Smith");
    std::vector<Participant> imported = {jane};
    REQUIRE_THROWS_AS(repo.save_all(imported), LookalikeError);
    CHECK(repo.find("P-7")->full_name == "Jane Smith");

    // P-2 was allowed as a look-alike of P-1 once: a new e-mail address or the same row again asks nothing.
    auto p2 = *repo.find("P-2");
    p2.email = "john.smith@example.org";
    CHECK(repo.save(p2) == Saved::updated);
    std::vector<Participant> same = {p2, *repo.find("P-1")};
    CHECK(repo.save_all(same).unchanged == 2);

    jane.full_name = "J\u043Ehn Smith";
    CHECK(repo.save(jane, Lookalikes::allow) == Saved::updated);
    CHECK(found_by(*db, "John Smith").size() == 7);
}

TEST_CASE("an import is refused for people who look like someone kept, or like an earlier row of the same file",
          "[store][names]") {
    TempDir dir;
    auto db = Database::open(dir.db("people.db"));
    six_john_smiths(*db);
    ParticipantRepo repo(*db);
    const auto before = repo.count();
    std::vector<Participant> file = {person("P-10", "Mary Jones"), person("P-11", "John Smith\u00A0"),
                                     person("P-12", "Priya Sharma"), person("P-13", "MARY JONES"),
                                     person("P-14", "प्रिया शर्मा", "Priya Sharma")};
    try {
        repo.save_all(file);
        FAIL("imported");
    } catch (const LookalikeError& e) {
        REQUIRE(e.found.size() == 3);
        CHECK(e.found[0].index == 1);
        CHECK(e.found[0].refs == kSix);
        CHECK(e.found[0].earlier.empty());
        CHECK(e.found[1].index == 3);  // MARY JONES: like row 0 of the file
        CHECK(e.found[1].refs.empty());
        CHECK(e.found[1].earlier == std::vector<std::size_t>{0});
        CHECK(e.found[2].index == 4);  // a Latin name like row 2's full name
        CHECK(e.found[2].field == "latin_name");
        CHECK(e.found[2].earlier == std::vector<std::size_t>{2});
        CHECK(e.problems.size() == 3);
    }
    CHECK(repo.count() == before);

    const auto counts = repo.save_all(file, Lookalikes::allow);
    CHECK(counts.created == 5);
    // The same file again changes nothing and asks nothing: no one's name is new.
    CHECK(repo.save_all(file).unchanged == 5);
}

TEST_CASE("a search for a name finds every look-alike of it, old rows included", "[store][names][search]") {
    TempDir dir;
    auto db = Database::open(dir.db("people.db"));
    six_john_smiths(*db);
    ParticipantRepo repo(*db);
    auto jane = person("P-7", "Jane Smith");
    repo.add(jane);
    auto someone = person("P-8", "ジョン スミス", "John Smith");  // found by the Latin name
    repo.add(someone, Lookalikes::allow);

    const std::vector<std::string> all = {"P-1", "P-2", "P-3", "P-4", "P-5", "P-6", "P-8"};
    AppQueries queries(*db);
    for (const std::string search :
         {"John Smith", "john smith", "J\u043Ehn Smith", "John\u200B Smith", "JOHN  SMITH"}) {
        INFO(search);
        CHECK(found_by(*db, search) == all);
        CHECK(queries.count_participants(search) == 7);
    }
    // A part of a name still finds what it did, and the spaces-only search nothing more.
    CHECK(found_by(*db, "Jane") == std::vector<std::string>{"P-7"});
    CHECK(found_by(*db, "Smith").size() == 8);
    CHECK(queries.count_participants(" ") == 7);  // everyone but P-6 (a no-break space), not all 8 by an empty key
}

// Database::migrate runs a migration's C++ step (Migration::after) after its statements, in the same transaction.
// The file is taken back to version 6 (the later migrations undone too), then opened.
TEST_CASE("opening a database from before migration 7 fills in its people's skeletons", "[store][names][wiring]") {
    TempDir dir;
    const auto target = dir.db("old.db");
    {
        auto db = Database::open(target);
        db->write([&] {
            insert_old_row(*db, "P-4", "John\u200B Smith");
            for (const char* statement : mitra::store_test::kUndoPracticeMigration) db->sql() << statement;
            for (const char* statement :
                 {"DROP INDEX participants_name_skeleton", "DROP INDEX participants_latin_skeleton",
                  "ALTER TABLE participants DROP COLUMN name_skeleton",
                  "ALTER TABLE participants DROP COLUMN latin_skeleton",
                  "ALTER TABLE certificates DROP COLUMN revocation_category", "DROP TABLE settings",
                  "DROP INDEX audit_participant", "DROP INDEX audit_session",
                  "ALTER TABLE audit_log DROP COLUMN participant_uuid",
                  "ALTER TABLE audit_log DROP COLUMN session_uuid", "DELETE FROM schema_migrations WHERE version >= 7"})
                db->sql() << statement;
        });
    }
    auto db = Database::open(target);
    std::string kept;
    soci::indicator ind = soci::i_null;
    db->sql() << "SELECT name_skeleton FROM participants WHERE ref = 'P-4'", soci::into(kept, ind);
    REQUIRE(ind == soci::i_ok);
    CHECK(kept == name_skeleton("John Smith"));
}
