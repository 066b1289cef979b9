// Field packs carry issue 21's records: supervision, observed assessments (levels, release), attestations,
// referees, deadline extensions and the supervisors they name, worked on offline and merged back.
#include <catch2/catch.hpp>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <chrono>
#include <set>
#include <thread>

#include "core/problem.hpp"
#include "io/curriculum_toml.hpp"
#include "store/pack.hpp"
#include "store/practice_repo.hpp"
#include "store/privacy.hpp"
#include "store/repos.hpp"
#include "temp_dir.hpp"

using namespace mitra;
using namespace mitra::store;
using mitra::store_test::TempDir;

namespace {

Date day(const char* text) { return *parse_date(text); }

void tick() { std::this_thread::sleep_for(std::chrono::milliseconds(5)); }

long long count(Database& db, const std::string& table) {
    long long n = 0;
    db.sql() << "SELECT COUNT(*) FROM " + table, soci::into(n);
    return n;
}

Cohort cohort_of(const std::string& code) {
    Cohort c;
    c.code = code;
    c.curriculum_code = "PSF";
    c.site = "Site of " + code;
    c.country = "NP";
    c.time_zone = "Asia/Kathmandu";
    c.language = "ne";
    c.start_date = day("2026-01-05");
    c.trainer_refs = {"T-1"};
    return c;
}

ObservedAssessment observation(const std::string& ref, const char* on, int listening) {
    ObservedAssessment a{"", ref, "M04", day(on), ObservationMethod::role_play, "T-1", "", {}, {}};
    a.ratings = {{"following", 3, std::nullopt},
                 {"listening", listening, std::nullopt},
                 {"reflecting", std::nullopt, std::nullopt},
                 {"uncertainty", 2, std::nullopt}};
    return a;
}

SupervisionEntry supervision(const std::string& ref, const std::string& supervisor, SupervisionFormat format,
                             int minutes, const char* on) {
    return SupervisionEntry{"", ref, "M10", supervisor, format, minutes, day(on), "reviewed two calls"};
}

// The practice curriculum; P-1 and P-2 in K1, P-3 in K2; supervisor S-1 (outside, credentialed) and S-T (trainer
// T-1). At the hub: P-1 supervised by S-1, observed at M04 (held back), agreement signed, one referee; P-3 supervised.
void set_up(Database& db) {
    auto read = io::read_curriculum_file(std::string(MITRA_SOURCE_DIR) + "/tests/data/psf-practice.toml");
    REQUIRE(read.ok());
    CurriculumRepo(db).import(read.value);
    Trainer t;
    t.ref = "T-1";
    t.name = "सीता राई";
    t.country = "NP";
    t.languages = {"ne"};
    t.qualified_modules = {"M01"};
    TrainerRepo(db).add(t);
    std::vector<Participant> people;
    for (const char* ref : {"P-1", "P-2", "P-3"}) {
        Participant p;
        p.ref = ref;
        p.full_name = std::string("Person ") + ref;
        p.country = "NP";
        p.language = "ne";
        people.push_back(p);
    }
    ParticipantRepo(db).save_all(people);
    CohortRepo cohorts(db);
    auto k1 = cohort_of("K1"), k2 = cohort_of("K2");
    cohorts.create(k1);
    cohorts.create(k2);
    cohorts.enrol("K1", {"P-1", "P-2"}, day("2026-01-01"));
    cohorts.enrol("K2", {"P-3"}, day("2026-01-01"));
    PracticeRepo repo(db);
    Supervisor outside;
    outside.ref = "S-1";
    outside.name = "Outside supervisor";
    outside.credentials = {{"Certified Peer Supervisor", day("2024-04-01"), day("2027-03-31")}};
    repo.add_supervisor(outside);
    Supervisor trainer;
    trainer.ref = "S-T";
    trainer.name = "सीता राई";
    trainer.kind = SupervisorKind::trainer;
    trainer.trainer_ref = "T-1";
    trainer.credentials = {{"Registered Peer Supervisor", day("2025-01-01"), day("2026-12-31")}};
    repo.add_supervisor(trainer);
    Supervisor unused;  // names no entry of K1 and is no trainer of it: stays at the hub
    unused.ref = "S-9";
    unused.name = "Another supervisor";
    repo.add_supervisor(unused);

    auto entry = supervision("P-1", "S-1", SupervisionFormat::one_to_one, 600, "2026-02-10");
    repo.log_supervision("K1", entry);
    auto other = supervision("P-3", "S-9", SupervisionFormat::group, 120, "2026-02-11");
    repo.log_supervision("K2", other);
    auto seen = observation("P-1", "2026-03-02", 1);
    repo.observe("K1", seen);
    repo.attest({"P-1", AttestationKind::supervision_agreement, true, day("2026-01-10")});
    repo.add_referee({"P-1", "Referee A", day("2026-02-01")});
}

// Everything issue 21 keeps about the cohort's people, as the repository reads it: two equal ones are the same.
std::string practice(Database& db) {
    PracticeRepo repo(db);
    std::string out;
    std::set<std::string> named;  // the supervisors the entries name
    for (const char* ref : {"P-1", "P-2"}) {
        for (const auto& e : repo.supervision(ref)) {
            named.insert(e.supervisor_ref);
            out += std::string(ref) + " supervision " + e.uuid + " " + e.module_code + " " + e.supervisor_ref + " " +
                   to_string(e.format) + " " + std::to_string(e.minutes) + " " + to_string(e.day) + " " + e.note + "\n";
        }
        for (const auto& a : repo.observations(ref)) {
            out += std::string(ref) + " observed " + a.uuid + " " + a.module_code + " " + to_string(a.observed_on) +
                   " " + to_string(a.method) + " " + a.rater + " " + a.second_rater + " released " +
                   (a.released_on ? to_string(*a.released_on) : "no") + ":";
            for (const auto& r : a.ratings)
                out += " " + r.criterion + "=" + (r.level ? std::to_string(*r.level) : "N/O") + "/" +
                       (r.second ? std::to_string(*r.second) : "-");
            out += "\n";
        }
    }
    for (const auto& s : repo.supervisors()) {
        if (!named.count(s.ref)) continue;
        out += "supervisor " + s.uuid + " " + s.ref + " " + s.name + " " + to_string(s.kind) + " " + s.trainer_ref;
        for (const auto& c : s.credentials)
            out += " [" + c.name + " " + to_string(c.valid_from) + ".." + to_string(c.expires_on) + "]";
        out += "\n";
    }
    soci::rowset<std::string> rows =
        db.sql().prepare
        << "SELECT p.ref || ' ' || x.kind || ' ' || CAST(x.is_signed AS TEXT) || ' ' || x.signed_on || ' ' || "
           "x.updated_at FROM attestations x JOIN participants p ON p.uuid = x.participant_uuid ORDER BY x.uuid";
    for (const auto& r : rows) out += r + "\n";
    soci::rowset<std::string> referees =
        db.sql().prepare << "SELECT p.ref || ' ' || x.referee || ' ' || x.received_on FROM referee_questionnaires x "
                            "JOIN participants p ON p.uuid = x.participant_uuid ORDER BY x.uuid";
    for (const auto& r : referees) out += r + "\n";
    soci::rowset<std::string> extensions =
        db.sql().prepare << "SELECT p.ref || ' ' || x.new_deadline || ' ' || x.reason || ' ' || x.created_by FROM "
                            "deadline_extensions x JOIN participants p ON p.uuid = x.participant_uuid ORDER BY x.uuid";
    for (const auto& r : extensions) out += r + "\n";
    return out;
}

std::string completion_of(Database& db) {
    std::string out;
    for (const auto& p : cohort_completion(db, "K1", day("2026-12-31"))) out += p.ref + ": " + p.reason + "\n";
    return out;
}

}  // namespace

TEST_CASE(
    "a pack carries the cohort's supervision, observed assessments and the supervisors they name; worked offline and "
    "merged back, the hub reads what the field does",
    "[store][pack][practice]") {
    TempDir dir;
    auto hub = Database::open(dir.db("hub.db"), "coordinator");
    set_up(*hub);
    const auto pack_file = dir.file("k1.pack");
    const auto done = export_pack(*hub, "K1", pack_file);
    CHECK(done.supervisors == 2);       // S-1 named by an entry, S-T a trainer of the pack; not S-9
    CHECK(done.practice_records == 4);  // P-1's entry, observation, agreement and referee; not P-3's entry

    {
        auto field = Database::open(pack_file, "trainer-in-the-field");
        CHECK(practice(*field) == practice(*hub));  // all of it, levels and held-back state included
        CHECK(completion_of(*field) == completion_of(*hub));
        CHECK(!PracticeRepo(*field).supervisor("S-9"));
        PracticeRepo repo(*field);
        // Offline: an assessment observed, supervision logged (with a supervisor added in the field), a result
        // released, an agreement, a referee and an extension recorded.
        auto seen = observation("P-2", "2026-03-05", 3);
        repo.observe("K1", seen);
        auto by_trainer = supervision("P-2", "S-T", SupervisionFormat::group, 90, "2026-03-06");
        repo.log_supervision("K1", by_trainer);
        Supervisor newcomer;
        newcomer.ref = "S-2";
        newcomer.name = "Field supervisor";
        newcomer.credentials = {{"Peer Supervisor", day("2025-06-01"), day("2027-05-31")}};
        repo.add_supervisor(newcomer);
        auto with_newcomer = supervision("P-1", "S-2", SupervisionFormat::one_to_one, 60, "2026-03-07");
        repo.log_supervision("K1", with_newcomer);
        CHECK(repo.release("K1", "P-1", "M04", day("2026-03-08")) == 1);
        repo.attest({"P-2", AttestationKind::lived_experience, true, day("2026-03-09")});
        repo.add_referee({"P-2", "Referee B", day("2026-03-10")});
        DeadlineExtension later{"P-1", "", day("2027-12-31"), "family illness", "", ""};
        repo.extend_deadline("K1", later);
    }
    std::string in_field, field_completion;
    {
        auto field = Database::open(pack_file, "trainer-in-the-field");
        in_field = practice(*field);
        field_completion = completion_of(*field);
    }
    REQUIRE(in_field != practice(*hub));

    const auto report = merge_pack(*hub, pack_file);
    CHECK(report.conflicts.empty());
    CHECK(report.by_entity.at("observed_assessments").added == 1);
    CHECK(report.by_entity.at("observed_assessments").changed == 1);  // the release
    CHECK(report.by_entity.at("observed_ratings").added == 4);
    CHECK(report.by_entity.at("supervision_entries").added == 2);
    CHECK(report.by_entity.at("supervisors").added == 1);
    CHECK(report.by_entity.at("supervisor_credentials").added == 1);
    CHECK(report.by_entity.at("attestations").added == 1);
    CHECK(report.by_entity.at("referee_questionnaires").added == 1);
    CHECK(report.by_entity.at("deadline_extensions").added == 1);
    // Read back from the hub: identical to the field's, and completion says the same.
    CHECK(practice(*hub) == in_field);
    CHECK(completion_of(*hub) == field_completion);
    CHECK(PracticeRepo(*hub).supervision("P-3").size() == 1);  // K2's, never in the pack, untouched
    CHECK(PracticeRepo(*hub).supervisor("S-9"));
    // The field's history came along.
    bool released_in_field = false;
    for (const auto& e : audit_history(*hub, "P-1", ""))
        if (e.entity == "observed_assessment" && e.action == "release" && e.actor == "trainer-in-the-field")
            released_in_field = true;
    CHECK(released_in_field);

    const auto audit = count(*hub, "audit_log");
    const auto after = practice(*hub);
    CHECK(!merge_pack(*hub, pack_file).changed_anything());
    CHECK(practice(*hub) == after);
    CHECK(count(*hub, "audit_log") == audit);
    CHECK(count(*hub, "observed_ratings") == 8);
}

TEST_CASE(
    "when the hub and the field both released a held-back result, the later release wins and the other goes to "
    "the history",
    "[store][pack][practice]") {
    TempDir dir;
    auto hub = Database::open(dir.db("hub.db"), "coordinator");
    set_up(*hub);
    const auto pack_file = dir.file("k1.pack");
    export_pack(*hub, "K1", pack_file);
    auto field = Database::open(pack_file, "field");
    auto released_at_hub = [&] { return PracticeRepo(*hub).observations("P-1").at(0).released_on; };

    SECTION("the field's release is later") {
        PracticeRepo(*hub).release("K1", "P-1", "M04", day("2026-03-03"));
        tick();
        PracticeRepo(*field).release("K1", "P-1", "M04", day("2026-03-04"));
        field.reset();
        const auto report = merge_pack(*hub, pack_file);
        REQUIRE(report.conflicts.size() == 1);
        const auto& c = report.conflicts[0];
        CHECK(c.entity == "observed_assessments");
        CHECK(c.what == "P-1 M04 observed on 2026-03-02");
        CHECK(c.kept == "pack");
        CHECK(c.hub_value.find("released_on=2026-03-03") != std::string::npos);
        CHECK(c.pack_value.find("released_on=2026-03-04") != std::string::npos);
        CHECK(released_at_hub() == day("2026-03-04"));
        std::string lost;
        hub->sql() << "SELECT old_value FROM audit_log WHERE action LIKE 'merge conflict%'", soci::into(lost);
        CHECK(lost.find("released_on=2026-03-03") != std::string::npos);
        CHECK(PracticeRepo(*hub).observations("P-1").at(0).ratings.size() == 4);  // levels neither lost nor doubled
    }
    SECTION("the hub's release is later") {
        PracticeRepo(*field).release("K1", "P-1", "M04", day("2026-03-04"));
        field.reset();
        tick();
        PracticeRepo(*hub).release("K1", "P-1", "M04", day("2026-03-03"));
        const auto report = merge_pack(*hub, pack_file);
        REQUIRE(report.conflicts.size() == 1);
        CHECK(report.conflicts[0].kept == "hub");
        CHECK(released_at_hub() == day("2026-03-03"));
        std::string lost;
        hub->sql() << "SELECT old_value FROM audit_log WHERE action LIKE 'merge conflict%'", soci::into(lost);
        CHECK(lost.find("released_on=2026-03-04") != std::string::npos);
        const auto audit = count(*hub, "audit_log");
        CHECK(!merge_pack(*hub, pack_file).changed_anything());
        CHECK(count(*hub, "audit_log") == audit);
    }
    SECTION("both added a supervisor with the same ref: one supervisor, the field's entries name it") {
        Supervisor at_hub;
        at_hub.ref = "S-5";
        at_hub.name = "Supervisor five";
        PracticeRepo(*hub).add_supervisor(at_hub);
        Supervisor in_field = at_hub;
        in_field.credentials = {{"Peer Supervisor", day("2025-06-01"), day("2027-05-31")}};
        PracticeRepo(*field).add_supervisor(in_field);
        auto entry = supervision("P-2", "S-5", SupervisionFormat::one_to_one, 45, "2026-03-06");
        PracticeRepo(*field).log_supervision("K1", entry);
        field.reset();
        merge_pack(*hub, pack_file);
        CHECK(PracticeRepo(*hub).supervisors().size() == 4);
        CHECK(PracticeRepo(*hub).supervisor("S-5")->credentials.size() == 1);
        REQUIRE(PracticeRepo(*hub).supervision("P-2").size() == 1);
        CHECK(PracticeRepo(*hub).supervision("P-2")[0].supervisor_ref == "S-5");
    }
}

TEST_CASE("a pack whose practice records are broken is refused whole, and the hub is unchanged",
          "[store][pack][practice]") {
    TempDir dir;
    auto hub = Database::open(dir.db("hub.db"), "coordinator");
    set_up(*hub);
    const auto pack_file = dir.file("k1.pack");
    export_pack(*hub, "K1", pack_file);
    {
        auto field = Database::open(pack_file, "field");
        PracticeRepo(*field).add_referee({"P-2", "Referee B", day("2026-03-10")});
        auto entry = supervision("P-2", "S-1", SupervisionFormat::one_to_one, 45, "2026-03-06");
        PracticeRepo(*field).log_supervision("K1", entry);
    }
    {
        soci::session raw(soci::sqlite3, pack_file);  // an entry naming a supervisor nobody has
        raw << "PRAGMA foreign_keys = OFF";
        raw << "UPDATE supervision_entries SET supervisor_uuid = 'no-such-supervisor' WHERE minutes = 45";
    }
    const auto before = practice(*hub);
    const auto audit = count(*hub, "audit_log");
    CHECK_THROWS(merge_pack(*hub, pack_file));
    CHECK(practice(*hub) == before);  // not even the referee, merged before the broken entry
    CHECK(count(*hub, "audit_log") == audit);
}
