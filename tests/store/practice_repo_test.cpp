// PracticeRepo (issue 21): supervisors, supervision, observed assessments held back until released, attestations,
// referees and deadline extensions kept, refused without change, in the history, and read by completion.
#include <catch2/catch.hpp>
#include <soci/soci.h>

#include "core/problem.hpp"
#include "io/curriculum_toml.hpp"
#include "store/practice_repo.hpp"
#include "store/privacy.hpp"
#include "store/repos.hpp"
#include "temp_dir.hpp"

using namespace mitra;
using namespace mitra::store;
using mitra::store_test::TempDir;

namespace {

Date day(const char* text) { return *parse_date(text); }

long long rows(Database& db, const std::string& table) {
    long long n = 0;
    db.sql() << "SELECT COUNT(*) FROM " + table, soci::into(n);
    return n;
}

// The field an input error names (its first problem's).
template <typename Write>
std::string refused_field(Write&& write) {
    try {
        write();
    } catch (const InputError& e) {
        return e.problems.empty() ? "" : e.problems[0].field;
    }
    return "(not refused)";
}

const ModuleCompletion& module(const ParticipantCompletion& p, const std::string& code) {
    for (const auto& m : p.modules)
        if (m.code == code) return m;
    FAIL("no module " << code);
    throw;
}

struct Programme {
    TempDir dir;
    std::unique_ptr<Database> db = Database::open(dir.db("practice.db"), "coordinator");
    PracticeRepo repo{*db};

    Programme() {
        // The shipped curriculum with issue 21's rules in use.
        auto read = io::read_curriculum_file(std::string(MITRA_SOURCE_DIR) + "/tests/data/psf-practice.toml");
        REQUIRE(read.ok());
        CurriculumRepo(*db).import(read.value);
        Participant p;
        p.ref = "P-1";
        p.full_name = "山田 花子";
        p.country = "NP";
        p.language = "ja";
        std::vector<Participant> people{p};
        ParticipantRepo(*db).save_all(people);
        Cohort c;
        c.code = "KTM-1";
        c.curriculum_code = "PSF";
        c.site = "Patan";
        c.country = "NP";
        c.time_zone = "Asia/Kathmandu";
        c.language = "ne";
        c.start_date = day("2026-01-05");
        CohortRepo(*db).create(c);
        CohortRepo(*db).enrol("KTM-1", {"P-1"}, day("2026-01-01"));
        Supervisor s;
        s.ref = "S-1";
        s.name = "Outside supervisor";
        s.credentials = {{"Certified Peer Supervisor", day("2024-04-01"), day("2026-03-31")}};
        repo.add_supervisor(s);
    }
    ParticipantCompletion completion(const char* today) { return cohort_completion(*db, "KTM-1", day(today))[0]; }
    SupervisionEntry entry(SupervisionFormat format, int minutes, const char* on, std::string module = "M10") {
        return SupervisionEntry{"", "P-1", std::move(module), "S-1", format, minutes, day(on), "reviewed two calls"};
    }
};

std::vector<std::string> actions(const std::vector<AuditEntry>& history, const std::string& entity) {
    std::vector<std::string> out;
    for (const auto& e : history)
        if (e.entity == entity) out.push_back(e.action);
    return out;
}

}  // namespace

TEST_CASE("supervision counts while the supervisor's credential is valid, and a refresher counts from its day",
          "[store][practice]") {
    Programme p;
    auto one = p.entry(SupervisionFormat::one_to_one, 1200, "2026-03-31");  // the credential's last day
    auto group = p.entry(SupervisionFormat::group, 600, "2026-04-01");      // the day after
    p.repo.log_supervision("KTM-1", one);
    p.repo.log_supervision("KTM-1", group);
    CHECK(p.repo.supervision("P-1").size() == 2);

    const auto before = module(p.completion("2026-06-30"), "M10");
    REQUIRE(before.supervision);
    CHECK(before.supervision->one_to_one == 1200);
    CHECK(before.supervision->group == 0);
    CHECK(before.reason.find("600 minutes with supervisor S-1 do not count: no valid credential on 2026-04-01") !=
          std::string::npos);

    p.repo.add_credential("S-1", {"Certified Peer Supervisor (refresher)", day("2026-04-01"), day("2028-03-31")});
    const auto after = module(p.completion("2026-06-30"), "M10");
    CHECK(after.supervision->group == 600);
    CHECK(after.supervision->total == 1800);
    CHECK(after.reason.find("supervised practice: 30 hours of 40 hours") != std::string::npos);
    CHECK(p.repo.supervisor("S-1")->credentials.size() == 2);

    const auto history = audit_history(*p.db, "P-1", "");
    CHECK(actions(history, "supervision") == std::vector<std::string>{"log", "log"});
    // One person's completion reads the same records as the cohort's.
    const auto own = participant_completion(*p.db, "P-1", day("2026-06-30")).at("KTM-1");
    CHECK(own.reason == p.completion("2026-06-30").reason);
    CHECK(module(own, "M10").supervision->total == 1800);
}

TEST_CASE("bad practice records are refused naming the field, and nothing changes", "[store][practice]") {
    Programme p;
    const auto audit = rows(*p.db, "audit_log");
    auto stranger = p.entry(SupervisionFormat::one_to_one, 60, "2026-03-01");
    stranger.supervisor_ref = "S-9";
    CHECK(refused_field([&] { p.repo.log_supervision("KTM-1", stranger); }) == "supervisor");
    auto theory = p.entry(SupervisionFormat::one_to_one, 60, "2026-03-01", "M01");
    CHECK(refused_field([&] { p.repo.log_supervision("KTM-1", theory); }) == "module");
    auto none = p.entry(SupervisionFormat::one_to_one, 0, "2026-03-01");
    CHECK(refused_field([&] { p.repo.log_supervision("KTM-1", none); }) == "minutes");
    ObservedAssessment a{"", "P-1", "M04", day("2026-03-02"), ObservationMethod::role_play, "T-1", "", {}, {}};
    a.ratings = {{"following", 5, std::nullopt},
                 {"listening", 2, std::nullopt},
                 {"reflecting", 2, std::nullopt},
                 {"uncertainty", 2, std::nullopt}};
    CHECK(refused_field([&] { p.repo.observe("KTM-1", a); }) == "level");
    DeadlineExtension early{"P-1", "", day("2027-06-30"), "illness", "", ""};  // the window ends 2027-07-01
    CHECK(refused_field([&] { p.repo.extend_deadline("KTM-1", early); }) == "deadline");
    DeadlineExtension no_reason{"P-1", "", day("2027-12-31"), " ", "", ""};
    CHECK(refused_field([&] { p.repo.extend_deadline("KTM-1", no_reason); }) == "reason");
    Supervisor twice;
    twice.ref = "S-1";
    twice.name = "Someone else";
    CHECK(refused_field([&] { p.repo.add_supervisor(twice); }) == "ref");
    CHECK(rows(*p.db, "supervision_entries") == 0);
    CHECK(rows(*p.db, "observed_assessments") == 0);
    CHECK(rows(*p.db, "observed_ratings") == 0);
    CHECK(rows(*p.db, "deadline_extensions") == 0);
    CHECK(rows(*p.db, "supervisors") == 1);
    CHECK(rows(*p.db, "audit_log") == audit);
}

TEST_CASE("an observed assessment is held back until released; the coordinator sees it meanwhile",
          "[store][practice]") {
    Programme p;
    ObservedAssessment a{"",    "P-1", "M04", day("2026-03-02"), ObservationMethod::direct_observation, "T-1",
                         "S-1", {},    {}};
    a.ratings = {
        {"following", 3, 3}, {"listening", 2, 1}, {"reflecting", std::nullopt, std::nullopt}, {"uncertainty", 2, 2}};
    p.repo.observe("KTM-1", a);
    const auto m04 = module(p.completion("2026-06-30"), "M04");
    REQUIRE(m04.observation);
    CHECK(m04.observation->outcome == ObservedOutcome::asked_to_repeat);
    CHECK(m04.observation->raters_differ);
    CHECK_FALSE(m04.observation_released);
    CHECK(m04.reason.find("criterion 2, Listening without advice: level 1, needs 2") != std::string::npos);

    const auto kept = p.repo.observations("P-1");
    REQUIRE(kept.size() == 1);
    CHECK_FALSE(kept[0].released_on);
    CHECK(kept[0].ratings.size() == 4);
    CHECK(p.repo.release("KTM-1", "P-1", "M04", day("2026-03-03")) == 1);
    CHECK(p.repo.release("KTM-1", "P-1", "M04", day("2026-03-04")) == 0);
    CHECK(p.repo.observations("P-1")[0].released_on == day("2026-03-03"));
    CHECK(module(p.completion("2026-06-30"), "M04").observation_released);
    CHECK(actions(audit_history(*p.db, "P-1", ""), "observed_assessment") ==
          std::vector<std::string>{"observe", "release"});
}

TEST_CASE("a deadline extension moves the completion window; attestations and referees are kept as yes/no and a day",
          "[store][practice]") {
    Programme p;
    const auto late = p.completion("2027-08-01");  // 18 months from 2026-01-01 is 2027-07-01
    REQUIRE(late.deadline);
    CHECK(late.deadline->due == day("2027-07-01"));
    CHECK(late.missing.back().kind == Shortfall::Kind::deadline_passed);
    CHECK_FALSE(late.on_track);

    DeadlineExtension x{"P-1", "", day("2027-12-31"), "a long illness", "", ""};
    p.repo.extend_deadline("KTM-1", x);
    CHECK(x.granted_by == "coordinator");
    const auto extended = p.completion("2027-08-01");
    CHECK(extended.deadline->due == day("2027-12-31"));
    CHECK(extended.deadline->window_end == day("2027-07-01"));
    CHECK(extended.missing.back().kind != Shortfall::Kind::deadline_passed);

    p.repo.attest({"P-1", AttestationKind::lived_experience, true, day("2026-01-10")});
    p.repo.add_referee({"P-1", "R-1", day("2026-02-01")});
    CHECK(rows(*p.db, "attestations") == 1);
    CHECK(rows(*p.db, "referee_questionnaires") == 1);
    const auto history = audit_history(*p.db, "P-1", "");
    CHECK(actions(history, "deadline_extension") == std::vector<std::string>{"extend"});
    CHECK(actions(history, "attestation") == std::vector<std::string>{"record"});
    CHECK(actions(history, "referee_questionnaire") == std::vector<std::string>{"receive"});
}

TEST_CASE("erasing a person erases the words of their practice records and keeps what counts", "[store][practice]") {
    Programme p;
    auto entry = p.entry(SupervisionFormat::one_to_one, 60, "2026-02-02");
    p.repo.log_supervision("KTM-1", entry);
    DeadlineExtension extension{"P-1", "", day("2027-12-31"), "a long illness", "", ""};
    p.repo.extend_deadline("KTM-1", extension);
    p.repo.add_referee({"P-1", "Dr Referee One", day("2026-02-01")});
    p.repo.add_referee({"P-1", "Referee Two", day("2026-02-03")});
    p.repo.add_referee({"P-1", "Dr Referee One", day("2026-02-05")});  // the same referee again
    auto distinct_referees = [&] {
        long long n = 0;
        p.db->sql() << "SELECT COUNT(DISTINCT referee) FROM referee_questionnaires", soci::into(n);
        return n;
    };
    REQUIRE(distinct_referees() == 2);
    const auto before = p.completion("2026-03-01");

    erase_participant(*p.db, "P-1", "their own request by letter");

    std::string note, reason;
    p.db->sql() << "SELECT note FROM supervision_entries", soci::into(note);
    p.db->sql() << "SELECT reason FROM deadline_extensions", soci::into(reason);
    CHECK(note.empty());
    CHECK(reason == "(erased)");
    CHECK(distinct_referees() == 2);
    long long named = 0;
    p.db->sql() << "SELECT COUNT(*) FROM referee_questionnaires WHERE referee IN ('Dr Referee One', 'Referee Two')",
        soci::into(named);
    CHECK(named == 0);
    for (const auto& e : audit_history(*p.db, "P-1", "")) {
        INFO(e.entity << " " << e.action << " " << e.new_value.value_or(""));
        CHECK(e.new_value.value_or("").find("illness") == std::string::npos);
        CHECK(e.new_value.value_or("").find("Referee") == std::string::npos);
    }
    // What counts stays: the minutes, the deadline, the referees.
    const auto after = p.completion("2026-03-01");
    CHECK(after.deadline->due == before.deadline->due);
    CHECK(after.missing.size() == before.missing.size());
}

TEST_CASE("a person's signed records are read back oldest first, with only the yes or no and the day",
          "[store][practice]") {
    Programme p;
    CHECK(read_signed_records(*p.db, "P-1").attestations.empty());
    p.repo.attest({"P-1", AttestationKind::supervision_agreement, false, day("2026-01-20")});
    p.repo.attest({"P-1", AttestationKind::supervision_agreement, true, day("2026-01-10")});
    p.repo.add_referee({"P-1", "R-2", day("2026-02-03")});
    p.repo.add_referee({"P-1", "R-1", day("2026-02-01")});
    const auto kept = read_signed_records(*p.db, "P-1");
    REQUIRE(kept.attestations.size() == 2);
    CHECK(kept.attestations[0].on == day("2026-01-10"));
    CHECK(kept.attestations[0].is_signed);
    CHECK(kept.attestations[1].on == day("2026-01-20"));
    CHECK_FALSE(kept.attestations[1].is_signed);
    CHECK_FALSE(attested(kept.attestations, AttestationKind::supervision_agreement));  // the later one says no
    REQUIRE(kept.referees.size() == 2);
    CHECK(kept.referees[0].referee == "R-1");
    CHECK(kept.referees[1].referee == "R-2");
    CHECK(read_signed_records(*p.db, "P-404").referees.empty());
}
