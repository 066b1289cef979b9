// Field packs: a cohort exported to an SQLite file, worked on offline, and merged back into the hub.
#include <catch2/catch.hpp>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <chrono>
#include <fstream>
#include <thread>

#include "core/names.hpp"
#include "core/problem.hpp"
#include "store/certification_repo.hpp"
#include "store/pack.hpp"
#include "store/privacy.hpp"
#include "store/repos.hpp"
#include "temp_dir.hpp"
#include "undo_practice.hpp"

using namespace mitra;
using namespace mitra::store;
using mitra::store_test::shipped_curriculum;
using mitra::store_test::TempDir;

namespace {

Date day(const char* text) { return *parse_date(text); }

// Stamps are in milliseconds: let the clock move so "later" means later.
void tick() { std::this_thread::sleep_for(std::chrono::milliseconds(5)); }

Cohort cohort_of(const std::string& code, const char* start) {
    Cohort c;
    c.code = code;
    c.curriculum_code = "PSF";
    c.site = "Site of " + code;
    c.country = "NP";
    c.time_zone = "Asia/Kathmandu";
    c.language = "ne";
    c.start_date = day(start);
    c.trainer_refs = {"T-1"};
    return c;
}

// The n-th session of a cohort (by date) in this database; its id is this database's own.
Session nth(Database& db, const std::string& cohort, std::size_t n) { return SessionRepo(db).list(cohort).at(n); }

void mark(Database& db, const std::string& cohort, std::size_t n, const std::string& ref, AttendanceStatus status,
          std::optional<int> minutes = std::nullopt, const std::string& note = "") {
    AttendanceRepo(db).mark(cohort, {{Attendance{nth(db, cohort, n).id, ref, status, minutes, note}, 0}});
}

// PSF; trainer T-1; P-1..P-4 in K1, P-5 in K2; both scheduled; P-1 present and P-2 absent at K1's first session.
void set_up(Database& db) {
    auto psf = shipped_curriculum();
    CurriculumRepo(db).import(psf);
    Trainer t;
    t.ref = "T-1";
    t.name = "सीता राई";
    t.country = "NP";
    t.languages = {"ne"};
    t.qualified_modules = {"M01"};
    TrainerRepo(db).add(t);
    std::vector<Participant> people;
    for (const auto& [ref, name] :
         {std::pair{"P-1", "山田 花子"}, std::pair{"P-2", "김민준"}, std::pair{"P-3", store_test::kSriyani.c_str()},
          std::pair{"P-4", "Sukarno"}, std::pair{"P-5", "สมชาย ใจดี"}}) {
        Participant p;
        p.ref = ref;
        p.full_name = name;
        p.country = "NP";
        p.language = "ne";
        people.push_back(p);
    }
    ParticipantRepo(db).save_all(people);
    CohortRepo cohorts(db);
    Cohort k1 = cohort_of("K1", "2026-01-05"), k2 = cohort_of("K2", "2026-01-06");
    cohorts.create(k1);
    cohorts.create(k2);
    cohorts.enrol("K1", {"P-1", "P-2", "P-3", "P-4"}, day("2026-01-01"));
    cohorts.enrol("K2", {"P-5"}, day("2026-01-01"));
    SessionRepo(db).schedule("K1", 7, LocalTime{10, 0});
    SessionRepo(db).schedule("K2", 7, LocalTime{14, 0});
    mark(db, "K1", 0, "P-1", AttendanceStatus::present);
    mark(db, "K1", 0, "P-2", AttendanceStatus::absent);
}

}  // namespace

namespace {

struct Mark {
    std::string status;
    std::optional<int> minutes;
    std::string note;
};

std::optional<Mark> mark_in(Database& db, const std::string& cohort, std::size_t n, const std::string& ref) {
    const long long id = nth(db, cohort, n).id;
    for (const auto& a : AttendanceRepo(db).for_session(id))
        if (a.participant_ref == ref) return Mark{to_string(a.status), a.minutes, a.note};
    return std::nullopt;
}

long long count(Database& db, const std::string& table) {
    long long n = 0;
    db.sql() << "SELECT COUNT(*) FROM " + table, soci::into(n);
    return n;
}

// Every row of the tables a merge writes, without local ids: two equal ones mean the same programme.
std::string content(Database& db) {
    std::string out;
    for (const char* query :
         {"SELECT uuid || '|' || ref || '|' || full_name || '|' || updated_at FROM participants ORDER BY uuid",
          "SELECT uuid || '|' || module_code || '|' || session_date || '|' || start_time || '|' || updated_at FROM "
          "sessions ORDER BY uuid",
          "SELECT uuid || '|' || session_uuid || '|' || participant_uuid || '|' || status || '|' || "
          "COALESCE(CAST(minutes AS TEXT), '-') || '|' || note || '|' || updated_at FROM attendance ORDER BY uuid",
          "SELECT uuid || '|' || cohort_uuid || '|' || participant_uuid FROM enrolments ORDER BY uuid",
          "SELECT uuid || '|' || module_code || '|' || CAST(complete AS TEXT) || '|' || reason FROM "
          "completion_overrides ORDER BY uuid"}) {
        soci::rowset<std::string> rows = db.sql().prepare << query;
        for (const auto& r : rows) out += r + "\n";
        out += "--\n";
    }
    return out;
}

const MergeConflict* conflict_about(const MergeReport& report, const std::string& what) {
    for (const auto& c : report.conflicts)
        if (c.what.find(what) != std::string::npos) return &c;
    return nullptr;
}

}  // namespace

TEST_CASE(
    "a pack holds the cohort's curriculum, people, trainers, sessions, marks and records, and opens as a database",
    "[store][pack]") {
    TempDir dir;
    auto hub = Database::open(dir.db("hub.db"), "coordinator");
    set_up(*hub);
    RecordsRepo(*hub).acknowledge_ethics({"P-1", "2026.1", day("2026-01-05")});
    RecordsRepo(*hub).override_completion("K1", {"P-2", "M01", true, "took M01 in Pokhara", "", ""});
    mark(*hub, "K2", 0, "P-1", AttendanceStatus::present);  // a make-up in the other cohort

    const auto pack_file = dir.file("k1.pack");
    const auto done = export_pack(*hub, "K1", pack_file);
    CHECK(done.participants == 4);
    CHECK(done.trainers == 1);
    CHECK(done.sessions == 31);  // K1's 30 and the K2 session of P-1's make-up
    CHECK(done.marks == 3);
    CHECK(done.records == 2);
    CHECK(std::filesystem::exists(pack_file));
    for (const auto& entry : std::filesystem::directory_iterator(dir.path))  // no partial file left behind
        CHECK(entry.path().filename().string().find("partial") == std::string::npos);

    auto pack = Database::open(pack_file, "field");
    CHECK(pack->schema_version() == hub->schema_version());
    REQUIRE(CohortRepo(*pack).find("K1"));
    CHECK(CohortRepo(*pack).find("K1")->trainer_refs == std::vector<std::string>{"T-1"});
    CHECK(ParticipantRepo(*pack).find("P-3")->full_name == store_test::kSriyani);
    CHECK(!ParticipantRepo(*pack).find("P-5"));  // not in this cohort
    CHECK(SessionRepo(*pack).list("K1").size() == 30);
    // Completion in the field is what it is at the hub, make-up and override included.
    const auto at_hub = cohort_completion(*hub, "K1", day("2026-12-31"));
    const auto in_field = cohort_completion(*pack, "K1", day("2026-12-31"));
    REQUIRE(at_hub.size() == in_field.size());
    for (std::size_t i = 0; i < at_hub.size(); ++i) {
        CHECK(at_hub[i].ref == in_field[i].ref);
        CHECK(at_hub[i].reason == in_field[i].reason);
    }

    SECTION("a pack is never written over") { CHECK_THROWS_AS(export_pack(*hub, "K1", pack_file), InputError); }
    SECTION("an unknown cohort is refused and leaves no file") {
        CHECK_THROWS_AS(export_pack(*hub, "NOPE", dir.file("nope.pack")), InputError);
        CHECK(!std::filesystem::exists(dir.file("nope.pack")));
    }
}

TEST_CASE(
    "merging a pack brings back the field's marks, notes, sessions and people, and merging it again changes "
    "nothing",
    "[store][pack]") {
    TempDir dir;
    auto hub = Database::open(dir.db("hub.db"), "coordinator");
    set_up(*hub);
    const auto pack_file = dir.file("k1.pack");
    export_pack(*hub, "K1", pack_file);

    {
        auto field = Database::open(pack_file, "trainer-in-the-field");
        mark(*field, "K1", 1, "P-1", AttendanceStatus::present);                                // new
        mark(*field, "K1", 1, "P-3", AttendanceStatus::late, 60, "bus broke down");             // new, with a note
        mark(*field, "K1", 0, "P-2", AttendanceStatus::excused, std::nullopt, "had a letter");  // changed
        Participant newcomer;
        newcomer.ref = "P-9";
        newcomer.full_name = "عائشہ خان";
        newcomer.country = "NP";
        newcomer.language = "ur";
        ParticipantRepo(*field).add(newcomer);
        CohortRepo(*field).enrol("K1", {"P-9"}, day("2026-01-01"));
        Session extra;
        extra.cohort_code = "K1";
        extra.module_code = "M01";
        extra.date = day("2026-02-20");
        extra.start_time = LocalTime{9, 30};
        const auto added = SessionRepo(*field).add(extra);
        mark(*field, "K1", 0, "P-9", AttendanceStatus::present);
        AttendanceRepo(*field).mark("K1", {{Attendance{added.id, "P-9", AttendanceStatus::present, {}, ""}, 0}});
    }
    const auto before = content(*hub);
    const auto first = merge_pack(*hub, pack_file);
    CHECK(first.changed_anything());
    CHECK(first.conflicts.empty());
    CHECK(first.cohort_code == "K1");
    CHECK(first.by_entity.at("attendance").added == 4);
    CHECK(first.by_entity.at("attendance").changed == 1);
    CHECK(first.by_entity.at("participants").added == 1);
    CHECK(first.by_entity.at("enrolments").added == 1);
    CHECK(first.by_entity.at("sessions").added == 1);
    CHECK(content(*hub) != before);

    CHECK(mark_in(*hub, "K1", 1, "P-1")->status == "present");
    CHECK(mark_in(*hub, "K1", 1, "P-3")->minutes == 60);
    CHECK(mark_in(*hub, "K1", 1, "P-3")->note == "bus broke down");
    CHECK(mark_in(*hub, "K1", 0, "P-2")->status == "excused");
    CHECK(ParticipantRepo(*hub).find("P-9")->full_name == "عائشہ خان");
    const auto sessions = SessionRepo(*hub).list("K1");
    REQUIRE(sessions.size() == 31);
    const auto extra =
        std::find_if(sessions.begin(), sessions.end(), [](const Session& s) { return s.date == day("2026-02-20"); });
    REQUIRE(extra != sessions.end());
    CHECK(AttendanceRepo(*hub).for_session(extra->id).size() == 1);
    // The field's history came along: who marked what, and when.
    long long field_entries = 0;
    hub->sql() << "SELECT COUNT(*) FROM audit_log WHERE actor = 'trainer-in-the-field'", soci::into(field_entries);
    CHECK(field_entries >= 5);

    const auto after_first = content(*hub);
    const auto audit_after_first = count(*hub, "audit_log");
    const auto second = merge_pack(*hub, pack_file);
    CHECK(!second.changed_anything());
    CHECK(second.conflicts.empty());
    CHECK(content(*hub) == after_first);
    CHECK(count(*hub, "audit_log") == audit_after_first);

    SECTION("the field goes on with the same pack and it is merged again: only the new work comes in") {
        {
            auto field = Database::open(pack_file, "trainer-in-the-field");
            tick();
            mark(*field, "K1", 2, "P-4", AttendanceStatus::absent);
            mark(*field, "K1", 1, "P-3", AttendanceStatus::present);  // changed again, after the first merge
        }
        const auto third = merge_pack(*hub, pack_file);
        CHECK(third.conflicts.empty());  // the hub's copy of P-3's mark came from this very pack
        CHECK(third.by_entity.at("attendance").added == 1);
        CHECK(third.by_entity.at("attendance").changed == 1);
        CHECK(mark_in(*hub, "K1", 1, "P-3")->status == "present");
        CHECK(!merge_pack(*hub, pack_file).changed_anything());
    }
}

TEST_CASE(
    "when the hub and the field changed the same mark, the later change wins, the other goes to the audit "
    "history, and the merge says so",
    "[store][pack]") {
    TempDir dir;
    auto hub = Database::open(dir.db("hub.db"), "coordinator");
    set_up(*hub);
    const auto pack_file = dir.file("k1.pack");
    export_pack(*hub, "K1", pack_file);
    auto field = Database::open(pack_file, "field");

    SECTION("the field's change is later") {
        mark(*hub, "K1", 0, "P-1", AttendanceStatus::excused, std::nullopt, "hub says excused");
        tick();
        mark(*field, "K1", 0, "P-1", AttendanceStatus::late, 45, "field says late");
        field.reset();
        const auto report = merge_pack(*hub, pack_file);
        REQUIRE(report.conflicts.size() == 1);
        const auto& c = report.conflicts[0];
        CHECK(c.entity == "attendance");
        CHECK(c.what == "P-1 at M01 session of 2026-01-05");
        CHECK(c.kept == "pack");
        CHECK(c.hub_value.find("hub says excused") != std::string::npos);
        CHECK(c.pack_value.find("field says late") != std::string::npos);
        CHECK(c.hub_changed_by == "coordinator");
        CHECK(c.pack_changed_by == "field");
        CHECK(mark_in(*hub, "K1", 0, "P-1")->status == "late");
        std::string lost;
        hub->sql() << "SELECT old_value FROM audit_log WHERE action LIKE 'merge conflict%'", soci::into(lost);
        CHECK(lost.find("hub says excused") != std::string::npos);
    }
    SECTION("the hub's change is later") {
        mark(*field, "K1", 0, "P-1", AttendanceStatus::late, 45, "field says late");
        field.reset();
        tick();
        mark(*hub, "K1", 0, "P-1", AttendanceStatus::excused, std::nullopt, "hub says excused");
        const auto report = merge_pack(*hub, pack_file);
        REQUIRE(report.conflicts.size() == 1);
        CHECK(report.conflicts[0].kept == "hub");
        CHECK(mark_in(*hub, "K1", 0, "P-1")->status == "excused");
        std::string lost;
        hub->sql() << "SELECT old_value FROM audit_log WHERE action LIKE 'merge conflict%'", soci::into(lost);
        CHECK(lost.find("field says late") != std::string::npos);
        // And again: the conflict was settled; nothing more is recorded or reported.
        const auto audit = count(*hub, "audit_log");
        const auto again = merge_pack(*hub, pack_file);
        CHECK(again.conflicts.empty());
        CHECK(!again.changed_anything());
        CHECK(count(*hub, "audit_log") == audit);
    }
    SECTION("both marked someone the hub had not marked: the same mark, made twice") {
        mark(*field, "K1", 3, "P-4", AttendanceStatus::present);
        field.reset();
        tick();
        mark(*hub, "K1", 3, "P-4", AttendanceStatus::absent);
        const auto report = merge_pack(*hub, pack_file);
        REQUIRE(report.conflicts.size() == 1);
        CHECK(report.conflicts[0].kept == "hub");
        CHECK(mark_in(*hub, "K1", 3, "P-4")->status == "absent");
        long long marks = 0;
        hub->sql() << "SELECT COUNT(*) FROM attendance a JOIN participants p ON p.uuid = a.participant_uuid WHERE "
                      "p.ref = 'P-4'",
            soci::into(marks);
        CHECK(marks == 1);
    }
    SECTION("a coordinator's override and a person's name") {
        RecordsRepo(*field).override_completion("K1", {"P-3", "M01", true, "field: attended in Pokhara", "", ""});
        Participant renamed = *ParticipantRepo(*field).find("P-4");
        renamed.latin_name = "Soekarno";
        ParticipantRepo(*field).save(renamed);
        field.reset();
        tick();
        RecordsRepo(*hub).override_completion("K1", {"P-3", "M01", false, "hub: not enough evidence", "", ""});
        Participant hub_renamed = *ParticipantRepo(*hub).find("P-4");
        hub_renamed.latin_name = "Sukarno (Bung Karno)";
        ParticipantRepo(*hub).save(hub_renamed);
        const auto report = merge_pack(*hub, pack_file);
        CHECK(report.conflicts.size() == 2);
        REQUIRE(conflict_about(report, "P-3 M01"));
        CHECK(conflict_about(report, "P-3 M01")->kept == "hub");
        REQUIRE(conflict_about(report, "P-4"));
        CHECK(ParticipantRepo(*hub).find("P-4")->latin_name == "Sukarno (Bung Karno)");
    }
}

TEST_CASE("two packs with different work merge to the same result in either order", "[store][pack]") {
    TempDir dir;
    auto origin = Database::open(dir.db("origin.db"), "coordinator");
    set_up(*origin);
    const auto seed = dir.file("seed.pack"), a = dir.file("a.pack"), b = dir.file("b.pack");
    export_pack(*origin, "K1", seed);
    export_pack(*origin, "K1", a);
    export_pack(*origin, "K1", b);
    {
        auto field_a = Database::open(a, "team-a");
        mark(*field_a, "K1", 1, "P-1", AttendanceStatus::present);
        mark(*field_a, "K1", 1, "P-2", AttendanceStatus::left_early, 30);
        auto field_b = Database::open(b, "team-b");
        mark(*field_b, "K1", 2, "P-3", AttendanceStatus::absent);
        mark(*field_b, "K1", 0, "P-2", AttendanceStatus::excused);
    }
    // Two hubs holding the same programme (the same UUIDs): the second is made from a pack of the first.
    auto one = Database::open(dir.db("one.db"), "coordinator");
    auto two = Database::open(dir.db("two.db"), "coordinator");
    merge_pack(*one, seed);
    merge_pack(*two, seed);
    REQUIRE(content(*one) == content(*two));

    CHECK(merge_pack(*one, a).conflicts.empty());
    CHECK(merge_pack(*one, b).conflicts.empty());
    CHECK(merge_pack(*two, b).conflicts.empty());
    CHECK(merge_pack(*two, a).conflicts.empty());
    CHECK(content(*one) == content(*two));
    CHECK(mark_in(*one, "K1", 1, "P-2")->minutes == 30);
    CHECK(mark_in(*two, "K1", 0, "P-2")->status == "excused");
}

TEST_CASE("sessions are matched by UUID, never by their local number", "[store][pack]") {
    TempDir dir;
    auto hub = Database::open(dir.db("hub.db"), "coordinator");
    set_up(*hub);
    const auto pack_file = dir.file("k2.pack");
    export_pack(*hub, "K2", pack_file);
    Session hub_extra, field_extra;
    hub_extra.cohort_code = "K1";
    hub_extra.module_code = "M01";
    hub_extra.date = day("2026-03-01");
    hub_extra = SessionRepo(*hub).add(hub_extra);
    {
        auto field = Database::open(pack_file, "field");
        field_extra.cohort_code = "K2";
        field_extra.module_code = "M02";
        field_extra.date = day("2026-03-02");
        field_extra = SessionRepo(*field).add(field_extra);
        AttendanceRepo(*field).mark("K2", {{Attendance{field_extra.id, "P-5", AttendanceStatus::present, {}, ""}, 0}});
    }
    merge_pack(*hub, pack_file);
    CHECK(AttendanceRepo(*hub).for_session(hub_extra.id).empty());  // K1's extra session is untouched
    const auto k2 = SessionRepo(*hub).list("K2");
    REQUIRE(k2.size() == 31);
    const auto merged = std::find_if(
        k2.begin(), k2.end(), [](const Session& s) { return s.module_code == "M02" && s.date == day("2026-03-02"); });
    REQUIRE(merged != k2.end());
    CHECK(merged->uuid == field_extra.uuid);
    CHECK(merged->id != hub_extra.id);
    REQUIRE(AttendanceRepo(*hub).for_session(merged->id).size() == 1);
    CHECK(AttendanceRepo(*hub).for_session(merged->id)[0].participant_ref == "P-5");
}

TEST_CASE("a session removed in the field goes from the hub unless the hub marked it meanwhile", "[store][pack]") {
    TempDir dir;
    auto hub = Database::open(dir.db("hub.db"), "coordinator");
    set_up(*hub);
    const auto pack_file = dir.file("k1.pack");
    export_pack(*hub, "K1", pack_file);
    const auto last = nth(*hub, "K1", 29), before_last = nth(*hub, "K1", 28);
    {
        auto field = Database::open(pack_file, "field");
        SessionRepo(*field).remove(nth(*field, "K1", 29).id);
        SessionRepo(*field).remove(nth(*field, "K1", 28).id);
    }
    AttendanceRepo(*hub).mark("K1", {{Attendance{before_last.id, "P-1", AttendanceStatus::present, {}, ""}, 0}});
    const auto report = merge_pack(*hub, pack_file);
    CHECK(report.by_entity.at("sessions").removed == 1);
    CHECK(!SessionRepo(*hub).find(last.id));
    CHECK(SessionRepo(*hub).find(before_last.id));  // it has a mark now: kept, and said
    REQUIRE(report.conflicts.size() == 1);
    CHECK(report.conflicts[0].kept == "hub");
    CHECK(!merge_pack(*hub, pack_file).changed_anything());
}

TEST_CASE("a pack from a newer Mitra, or a file that is not a pack, is refused and nothing is merged",
          "[store][pack]") {
    TempDir dir;
    auto hub = Database::open(dir.db("hub.db"), "coordinator");
    set_up(*hub);
    const auto pack_file = dir.file("k1.pack");
    export_pack(*hub, "K1", pack_file);
    {
        auto field = Database::open(pack_file, "field");
        mark(*field, "K1", 1, "P-1", AttendanceStatus::present);
    }
    const auto before = content(*hub);
    const auto audit = count(*hub, "audit_log");

    SECTION("newer") {
        {
            soci::session raw(soci::sqlite3, pack_file);
            raw << "INSERT INTO schema_migrations (version, applied_at) VALUES (99, '2030-01-01T00:00:00.000Z')";
        }
        try {
            merge_pack(*hub, pack_file);
            FAIL("merged a pack from a newer Mitra");
        } catch (const InputError& e) {
            CHECK(e.summary().find("newer Mitra") != std::string::npos);
        }
    }
    SECTION("an ordinary database, not a pack") {
        auto plain = Database::open(dir.file("plain.db"));
        plain.reset();
        CHECK_THROWS_AS(merge_pack(*hub, dir.file("plain.db")), InputError);
    }
    SECTION("not a database at all") {
        std::ofstream(dir.file("notes.txt")) << "ref,status\nP-1,present\n";
        CHECK_THROWS_AS(merge_pack(*hub, dir.file("notes.txt")), InputError);
    }
    SECTION("no such file") { CHECK_THROWS_AS(merge_pack(*hub, dir.file("missing.pack")), InputError); }
    CHECK(content(*hub) == before);
    CHECK(count(*hub, "audit_log") == audit);
}

namespace {

// T-1 and T-2 certified as trainers and qualified for M01 and M02; K1's sessions of those, by id.
std::vector<long long> certified_trainers(Database& db) {
    Trainer t;
    t.ref = "T-2";
    t.name = "Ayu Lestari";
    t.country = "NP";
    t.languages = {"ne"};
    t.qualified_modules = {"M01", "M02"};
    TrainerRepo(db).add(t);
    TrainerRepo(db).qualify("T-1", {"M02"});
    CertificationRepo(db).certify_trainer("T-1", "trainer", day("2025-06-01"), 24);
    CertificationRepo(db).certify_trainer("T-2", "trainer", day("2025-06-01"), 24);
    std::vector<long long> m01;
    for (const auto& s : SessionRepo(db).list("K1"))
        if (s.module_code == "M01" || s.module_code == "M02") m01.push_back(s.id);
    REQUIRE(m01.size() >= 3);
    return m01;
}

Session session_with_uuid(Database& db, const std::string& uuid) {
    for (const auto& s : SessionRepo(db).list("K1"))
        if (s.uuid == uuid) return s;
    FAIL("no session " + uuid);
    return {};
}

LearningEntry learning(const std::string& title, const char* on, int minutes, const std::string& category) {
    LearningEntry e;
    e.title = title;
    e.provider = "Regional network";
    e.on = day(on);
    e.minutes = minutes;
    e.category = category;
    return e;
}

}  // namespace

TEST_CASE("a pack carries co-facilitators both ways, the trainers' certifications and the people's learning",
          "[store][pack]") {
    TempDir dir;
    auto hub = Database::open(dir.db("hub.db"), "coordinator");
    set_up(*hub);
    const auto m01 = certified_trainers(*hub);
    SessionRepo(*hub).assign(m01[0], "T-1", "T-2");
    const std::string first = SessionRepo(*hub).find(m01[0])->uuid, second = SessionRepo(*hub).find(m01[1])->uuid,
                      third = SessionRepo(*hub).find(m01[2])->uuid;
    CertificationRepo(*hub).add_learning("P-1", learning("Boundaries", "2025-11-02", 180, "ethics"));

    const auto pack_file = dir.file("k1.pack");
    const auto done = export_pack(*hub, "K1", pack_file);
    CHECK(done.trainers == 2);  // T-2 leads no cohort: they came as the co-facilitator
    CHECK(done.trainer_certifications == 2);
    CHECK(done.learning_entries == 1);
    {
        auto field = Database::open(pack_file, "trainer-in-the-field");
        CHECK(session_with_uuid(*field, first).co_facilitator_ref == "T-2");
        CHECK(CertificationRepo(*field).ledger("P-1", day("2026-12-31")).size() == 1);
        // The session rule works offline: certified trainers may be assigned, an uncertified one is refused.
        SessionRepo(*field).assign(session_with_uuid(*field, second).id, "T-2", "T-1");
        Trainer newcomer;
        newcomer.ref = "T-3";
        newcomer.name = "Field Trainer";
        newcomer.country = "NP";
        newcomer.languages = {"ne"};
        newcomer.qualified_modules = {"M01", "M02"};
        TrainerRepo(*field).add(newcomer);
        CHECK_THROWS_AS(SessionRepo(*field).assign(session_with_uuid(*field, third).id, "T-3", ""), InputError);
        CertificationRepo(*field).add_learning("P-2",
                                               learning("Peer practice circle", "2026-01-10", 120, "peer_practice"));
    }
    const auto report = merge_pack(*hub, pack_file);
    CHECK(report.conflicts.empty());
    CHECK(report.by_entity.at("sessions").changed == 1);
    CHECK(report.by_entity.at("learning_entries").added == 1);
    CHECK(report.not_merged.empty());
    CHECK(SessionRepo(*hub).find(m01[1])->trainer_ref == "T-2");
    CHECK(SessionRepo(*hub).find(m01[1])->co_facilitator_ref == "T-1");
    CHECK(SessionRepo(*hub).find(m01[0])->co_facilitator_ref == "T-2");
    const auto ledger = CertificationRepo(*hub).ledger("P-2", day("2026-12-31"));
    REQUIRE(ledger.size() == 1);
    CHECK(ledger[0].minutes == 120);
    CHECK(ledger[0].category == "peer_practice");
    CHECK(CertificationRepo(*hub).ledger("P-1", day("2026-12-31")).size() == 1);  // not doubled
    CHECK(!merge_pack(*hub, pack_file).changed_anything());

    SECTION("the hub and the field both changed a session's co-facilitator: the later one wins, reported") {
        tick();
        SessionRepo(*hub).assign(m01[2], "T-1", "T-2");
        tick();
        {
            auto field = Database::open(pack_file, "trainer-in-the-field");
            SessionRepo(*field).assign(session_with_uuid(*field, third).id, "T-2", "T-1");
        }
        const auto again = merge_pack(*hub, pack_file);
        REQUIRE(again.conflicts.size() == 1);
        CHECK(again.conflicts[0].entity == "sessions");
        CHECK(again.conflicts[0].kept == "pack");
        CHECK(SessionRepo(*hub).find(m01[2])->trainer_ref == "T-2");
        CHECK(SessionRepo(*hub).find(m01[2])->co_facilitator_ref == "T-1");
    }
    SECTION("a trainer certification recorded in the field is reported, not taken") {
        {
            auto field = Database::open(pack_file, "trainer-in-the-field");
            CertificationRepo(*field).certify_trainer("T-3", "trainer", day("2026-01-01"), 24);
        }
        const auto before = count(*hub, "trainer_certifications");
        const auto again = merge_pack(*hub, pack_file);
        CHECK(again.field_trainer_certifications == 1);  // counted, for each front end to word
        CHECK(again.not_merged.empty());
        CHECK(count(*hub, "trainer_certifications") == before);
    }
}

namespace {

// Turns a pack back into one written before migration 5 (and 6, 7): no co-facilitators, ledger,
// certifications, search index or name skeletons, as an older Mitra in the field would have left it.
void make_older_pack(const std::string& file) {
    soci::session raw(soci::sqlite3, file);
    raw << "PRAGMA foreign_keys = OFF";
    for (const char* statement : mitra::store_test::kUndoPracticeMigration) raw << statement;
    for (const char* statement :
         {"DROP TABLE learning_entries",
          "DROP TABLE trainer_certifications",
          "DROP TABLE certifications",
          "DROP TABLE certification_definitions",
          "ALTER TABLE sessions DROP COLUMN co_facilitator_uuid",
          "DROP INDEX certificates_live",
          "CREATE UNIQUE INDEX certificates_live ON certificates (participant_uuid, cohort_uuid, kind, module_code) "
          "WHERE revoked_at IS NULL",
          "DROP TRIGGER participant_search_insert",
          "DROP TRIGGER participant_search_delete",
          "DROP TRIGGER participant_search_update",
          "DROP TABLE participant_search",
          "DROP TABLE participant_search_paused",
          "DROP INDEX participants_name_skeleton",
          "DROP INDEX participants_latin_skeleton",
          "ALTER TABLE participants DROP COLUMN name_skeleton",
          "ALTER TABLE participants DROP COLUMN latin_skeleton",
          "ALTER TABLE certificates DROP COLUMN revocation_category",
          "DROP TABLE settings",
          "DROP INDEX audit_participant",
          "DROP INDEX audit_session",
          "ALTER TABLE audit_log DROP COLUMN participant_uuid",
          "ALTER TABLE audit_log DROP COLUMN session_uuid",
          "DELETE FROM schema_migrations WHERE version >= 5"})
        raw << statement;
}

}  // namespace

TEST_CASE("a pack from before co-facilitators is migrated and merged, and leaves the hub's co-facilitators alone",
          "[store][pack]") {
    TempDir dir;
    auto hub = Database::open(dir.db("hub.db"), "coordinator");
    set_up(*hub);
    const auto m01 = certified_trainers(*hub);
    const std::string first = SessionRepo(*hub).find(m01[0])->uuid;
    const auto pack_file = dir.file("k1.pack");
    export_pack(*hub, "K1", pack_file);
    {
        auto field = Database::open(pack_file, "trainer-in-the-field");
        SessionRepo(*field).move(session_with_uuid(*field, first).id, day("2026-01-07"), LocalTime{11, 0});
        mark(*field, "K1", 1, "P-3", AttendanceStatus::present);
    }
    make_older_pack(pack_file);
    {
        soci::session raw(soci::sqlite3, pack_file);
        int version = 0;
        raw << "SELECT MAX(version) FROM schema_migrations", soci::into(version);
        REQUIRE(version == 4);
    }
    tick();
    SessionRepo(*hub).assign(m01[0], "T-1", "T-2");  // the hub names a co-facilitator meanwhile

    const auto report = merge_pack(*hub, pack_file);
    CHECK(report.migrated);
    CHECK(report.pack_schema_version == 4);
    CHECK(report.by_entity.at("attendance").added == 1);
    const auto moved = SessionRepo(*hub).find(m01[0]);
    // The field's move is earlier than the hub's assignment: the hub's row stands, co-facilitator and all.
    CHECK(moved->co_facilitator_ref == "T-2");
    CHECK(report.conflicts.size() == 1);
    CHECK(mark_in(*hub, "K1", 1, "P-3")->status == "present");
    CHECK(!merge_pack(*hub, pack_file).changed_anything());

    SECTION("a later change in the field keeps the hub's co-facilitator, which the older pack never knew") {
        {
            soci::session raw(soci::sqlite3, pack_file);
            raw << "UPDATE sessions SET start_time = '15:00', trainer_uuid = (SELECT uuid FROM trainers WHERE ref = "
                   "'T-1'), updated_at = '2099-01-01T00:00:00.000Z', updated_by = 'trainer-in-the-field' WHERE uuid = "
                   ":u",
                soci::use(first);
        }
        const auto later = merge_pack(*hub, pack_file);
        CHECK(later.conflicts.empty());  // the hub has not changed it since the first merge
        CHECK(later.by_entity.at("sessions").changed == 1);
        const auto session = SessionRepo(*hub).find(m01[0]);
        CHECK(session->start_time == LocalTime{15, 0});
        CHECK(session->trainer_ref == "T-1");
        CHECK(session->co_facilitator_ref == "T-2");
    }
    SECTION("when the older pack's later change leaves the session without a lead, no co-facilitator is left alone") {
        {
            soci::session raw(soci::sqlite3, pack_file);
            raw << "UPDATE sessions SET start_time = '15:00', trainer_uuid = NULL, updated_at = "
                   "'2099-01-01T00:00:00.000Z', updated_by = 'trainer-in-the-field' WHERE uuid = :u",
                soci::use(first);
        }
        merge_pack(*hub, pack_file);
        const auto session = SessionRepo(*hub).find(m01[0]);
        CHECK(session->start_time == LocalTime{15, 0});
        CHECK(session->trainer_ref.empty());
        CHECK(session->co_facilitator_ref.empty());
    }
}

namespace {

Participant person(const std::string& ref, const std::string& name) {
    Participant p;
    p.ref = ref;
    p.full_name = name;
    p.country = "NP";
    p.language = "ne";
    return p;
}

}  // namespace

TEST_CASE("a person erased at the hub travels erased, and one erased in the field comes back erased", "[store][pack]") {
    TempDir dir;
    auto hub = Database::open(dir.db("hub.db"), "coordinator");
    set_up(*hub);
    erase_participant(*hub, "P-4", "asked in writing");
    const auto pack_file = dir.file("k1.pack");
    export_pack(*hub, "K1", pack_file);
    {
        auto field = Database::open(pack_file, "trainer-in-the-field");
        CHECK(is_erased(*field, "P-4"));
        // The field refuses to bring their data back, as the hub would.
        std::vector<Participant> again = {person("P-4", "Sukarno")};
        CHECK_THROWS_AS(ParticipantRepo(*field).save_all(again), InputError);
        CHECK(ParticipantRepo(*field).find("P-4")->full_name.empty());
        erase_participant(*field, "P-3", "asked at the session");
    }
    const auto report = merge_pack(*hub, pack_file);
    CHECK(is_erased(*hub, "P-3"));
    CHECK(ParticipantRepo(*hub).find("P-3")->full_name.empty());
    CHECK(is_erased(*hub, "P-4"));
    CHECK(report.not_merged.empty());
}

TEST_CASE("what the field changed about a person erased at the hub meanwhile is not taken; the erasure stands",
          "[store][pack]") {
    TempDir dir;
    auto hub = Database::open(dir.db("hub.db"), "coordinator");
    set_up(*hub);
    const auto pack_file = dir.file("k1.pack");
    export_pack(*hub, "K1", pack_file);
    erase_participant(*hub, "P-2", "asked in writing");
    tick();
    {
        auto field = Database::open(pack_file, "trainer-in-the-field");
        std::vector<Participant> renamed = {person("P-2", "Kim Min-jun (corrected)")};
        ParticipantRepo(*field).save_all(renamed);  // later than the erasure: it would win a plain conflict
    }
    const auto report = merge_pack(*hub, pack_file);
    CHECK(is_erased(*hub, "P-2"));
    CHECK(ParticipantRepo(*hub).find("P-2")->full_name.empty());
    REQUIRE(report.not_merged.size() == 1);
    CHECK(report.not_merged[0].find("P-2") != std::string::npos);
    CHECK(report.not_merged[0].find("Kim") == std::string::npos);  // people are named by ref only
    for (const auto& entry : audit_history(*hub, "P-2", "")) {
        CHECK(entry.old_value.value_or("").find("Kim") == std::string::npos);
        CHECK(entry.new_value.value_or("").find("Kim") == std::string::npos);
    }
    const auto again = merge_pack(*hub, pack_file);
    CHECK_FALSE(again.changed_anything());
    CHECK(again.not_merged.empty());
}

TEST_CASE("a pack carries the certification its curriculum leads to, and a hub without the curriculum takes it",
          "[store][pack]") {
    TempDir dir;
    auto hub = Database::open(dir.db("hub.db"), "coordinator");
    set_up(*hub);
    const auto at_hub = CurriculumRepo(*hub).find("PSF")->certification;
    REQUIRE(at_hub);  // the shipped curriculum leads to one
    const auto pack_file = dir.file("k1.pack");
    export_pack(*hub, "K1", pack_file);
    const auto same_rule = [&](const std::optional<CertificationDefinition>& d) {
        REQUIRE(d);
        CHECK(d->code == at_hub->code);
        CHECK(d->valid_months == at_hub->valid_months);
        CHECK(d->renewal.period_months == at_hub->renewal.period_months);
        CHECK(d->renewal.total_minutes == at_hub->renewal.total_minutes);
        CHECK(d->renewal.minimum_minutes == at_hub->renewal.minimum_minutes);
    };
    {
        auto field = Database::open(pack_file, "trainer-in-the-field");
        same_rule(CurriculumRepo(*field).find("PSF")->certification);
    }
    auto other = Database::open(dir.db("other.db"), "coordinator");
    merge_pack(*other, pack_file);
    same_rule(CurriculumRepo(*other).find("PSF")->certification);
}

TEST_CASE("people from a pack keep true look-alike keys: the export fills the pack's, a merge the hub's",
          "[store][pack][names]") {
    TempDir dir;
    auto hub = Database::open(dir.db("hub.db"), "coordinator");
    set_up(*hub);
    const auto pack_file = dir.file("k1.pack");
    export_pack(*hub, "K1", pack_file);
    auto missing_keys = [](Database& db) {
        long long n = -1;
        db.sql() << "SELECT COUNT(*) FROM participants WHERE name_skeleton IS NULL", soci::into(n);
        return n;
    };
    {
        auto field = Database::open(pack_file, "trainer-in-the-field");
        CHECK(missing_keys(*field) == 0);
        // In the field: Sukarno (P-4, at the hub) is found as a look-alike, then two John Smiths come in.
        auto again = person("P-8", "SUKARNO");
        REQUIRE_THROWS_AS(ParticipantRepo(*field).add(again), LookalikeError);
        auto newcomer = person("P-9", "John Smith");
        ParticipantRepo(*field).add(newcomer);
        CohortRepo(*field).enrol("K1", {"P-9"}, day("2026-01-01"));
        auto renamed = *ParticipantRepo(*field).find("P-1");
        renamed.full_name = "J\u043Ehn Smith";
        ParticipantRepo(*field).save(renamed, Lookalikes::allow);
    }
    tick();
    merge_pack(*hub, pack_file);
    CHECK(missing_keys(*hub) == 0);
    std::string key;
    for (const char* ref : {"P-1", "P-9"}) {
        INFO(ref);
        hub->sql() << "SELECT name_skeleton FROM participants WHERE ref = :r", soci::into(key),
            soci::use(std::string(ref));
        CHECK(key == name_skeleton("John Smith"));
    }
    auto third = person("P-10", "John Smith");
    try {
        ParticipantRepo(*hub).add(third);
        FAIL("added");
    } catch (const LookalikeError& e) {
        CHECK(e.found.at(0).refs == std::vector<std::string>{"P-1", "P-9"});
    }
    ParticipantQuery q;
    q.search = "John Smith";
    CHECK(ParticipantRepo(*hub).list(q).size() == 2);
}
