// Certification over time in the store: certifications, ledger, renewal, trainer certifications.
#include <catch2/catch.hpp>
#include <soci/soci.h>

#include "core/problem.hpp"
#include "printer.hpp"
#include "core/serial.hpp"
#include "store/certificates.hpp"
#include "store/certification_repo.hpp"
#include "store/repos.hpp"
#include "temp_dir.hpp"

using namespace mitra;
using namespace mitra::store;
using mitra::store_test::shipped_curriculum;
using mitra::store_test::TempDir;

namespace {

Date day(const char* text) { return *parse_date(text); }

// What a refusal said, one problem a line; empty when nothing was refused.
template <typename Work>
std::string refusal(Work work) {
    try {
        work();
    } catch (const InputError& e) {
        std::string out;
        for (const auto& p : e.problems) out += p.field + ": " + p.message + "\n";
        return out;
    }
    return {};
}

long long count(Database& db, const std::string& sql) {
    long long n = 0;
    db.sql() << sql, soci::into(n);
    return n;
}

Participant person(const std::string& ref, const std::string& name) {
    Participant p;
    p.ref = ref;
    p.full_name = name;
    p.country = "NP";
    p.language = "en";
    return p;
}

// The shipped programme (PSF, leading to PSC: 24 months, 36 hours of which 3 in ethics) with one person,
// P-1, complete in cohort NP-1 and given the completion certificate on 31 March 2026.
struct Programme {
    TempDir dir;
    std::unique_ptr<Database> db = Database::open(dir.db("certification"), "coordinator");
    SigningKey key = new_signing_key();
    std::string first_serial;

    Programme() {
        auto psf = shipped_curriculum();
        CurriculumRepo(*db).import(psf);
        auto p = person("P-1", "सीता राई");
        ParticipantRepo(*db).add(p);
        cohort("NP-1", "2026-01-05");
        CohortRepo(*db).enrol("NP-1", {"P-1"}, day("2026-01-01"));
        RecordsRepo records(*db);
        records.acknowledge_ethics({"P-1", "2026.1", day("2026-01-05")});
        mitra::store_test::sign_attestations(*db, "P-1", day("2026-01-05"));
        for (const auto& m : shipped_curriculum().modules)
            records.override_completion("NP-1",
                                        CompletionOverride{"P-1", m.code, true, "recognised prior learning", "", ""});
        const auto issued = CertificateRepo(*db).issue_for_cohort("NP-1", "completion", "", "completion", key,
                                                                  day("2026-03-31"), mitra::store_test::accept_all());
        REQUIRE(issued.issued.size() == 1);
        first_serial = issued.issued.front().record.serial;
    }

    void cohort(const std::string& code, const char* start, const std::vector<std::string>& trainers = {}) {
        Cohort c;
        c.code = code;
        c.curriculum_code = "PSF";
        c.site = "Patan";
        c.country = "NP";
        c.time_zone = "Asia/Kathmandu";
        c.language = "en";
        c.start_date = day(start);
        c.trainer_refs = trainers;
        CohortRepo(*db).create(c);
    }

    // A second person, enrolled in a new cohort and nothing more.
    void on_the_way(const std::string& ref, const std::string& cohort_code) {
        auto p = person(ref, "Kim");
        ParticipantRepo(*db).add(p);
        cohort(cohort_code, "2026-01-05");
        CohortRepo(*db).enrol(cohort_code, {ref}, day("2026-01-01"));
    }

    void learn(const char* on, double hours, const std::string& category) {
        LearningEntry e;
        e.title = "Workshop on " + category;
        e.provider = "Regional network";
        e.on = day(on);
        e.minutes = static_cast<int>(hours * 60);
        e.category = category;
        e.evidence = "attendance letter";
        CertificationRepo(*db).add_learning("P-1", e);
    }
};

void add_trainer(Database& db, const std::string& ref, const std::vector<std::string>& modules) {
    Trainer t{"", ref, "Trainer " + ref, "", "NP", {"en"}, modules};
    TrainerRepo(db).add(t);
}

Session session(const std::string& cohort, const std::string& module, const char* on, const std::string& trainer = "",
                const std::string& co = "") {
    Session s;
    s.cohort_code = cohort;
    s.module_code = module;
    s.date = day(on);
    s.trainer_ref = trainer;
    s.co_facilitator_ref = co;
    return s;
}

}  // namespace

TEST_CASE("the completion certificate grants the certification, valid on its last day and expired the next",
          "[store][certification]") {
    Programme f;
    CertificationRepo repo(*f.db);
    const auto held = repo.current("P-1");
    REQUIRE(held);
    CHECK(held->code == "PSC");
    CHECK(held->serial == f.first_serial);
    CHECK(to_string(held->issued_on) == "2026-03-31");
    CHECK(to_string(held->expires_on) == "2028-03-30");  // 24 months, the day before
    CHECK(held->status == "current");
    CHECK(count(*f.db, "SELECT COUNT(*) FROM audit_log WHERE entity = 'certification' AND action = 'grant'") == 1);

    SECTION("the definition came from the curriculum's [certification] table") {
        const auto definition = find_definition(*f.db, "PSC");
        REQUIRE(definition);
        CHECK(definition->valid_months == 24);
        CHECK(definition->renewal.total_minutes == 36 * 60);
        CHECK(definition->renewal.minimum_minutes.at("ethics") == 180);
        CHECK(definition->title.in("en") == "Certified Peer Supporter");
    }
    SECTION("expiring today: still valid (expiring), expired tomorrow") {
        CHECK(standing_on(*held, day("2028-03-30")) == "expiring");
        CHECK(standing_on(*held, day("2028-03-31")) == "expired");
        CHECK(standing_on(*held, day("2027-06-01")) == "valid");
    }
    SECTION("the renewal list: due within the window, with what is missing; not before") {
        CHECK(repo.due(day("2027-12-01"), 90).empty());  // 120 days ahead
        const auto due = repo.due(day("2028-03-30"), 0);
        REQUIRE(due.size() == 1);
        CHECK(due[0].ref == "P-1");
        CHECK(due[0].serial == f.first_serial);
        CHECK(due[0].days_left == 0);
        CHECK(due[0].validity == "expiring");
        CHECK(due[0].missing ==
              std::vector<std::string>{"in total: 0 hours of 36 hours", "ethics: 0 hours of 3 hours"});
        const auto late = repo.due(day("2028-04-02"), 30);
        REQUIRE(late.size() == 1);
        CHECK(late[0].validity == "expired");
        CHECK(late[0].days_left == -3);
    }
    SECTION("issuing the certificate again grants nothing more") {
        CertificateRepo(*f.db).issue_for_cohort("NP-1", "completion", "", "completion", f.key, day("2026-04-30"),
                                                mitra::store_test::accept_all());
        CHECK(repo.history("P-1").size() == 1);
    }
    SECTION("the pathway shows every requirement done and the certification held") {
        const auto paths = repo.pathways("P-1", day("2026-06-01"));
        REQUIRE(paths.size() == 1);
        CHECK(paths[0].ready);
        CHECK(paths[0].standing == "valid");
        REQUIRE(paths[0].current);
        for (const auto& q : paths[0].requirements) CHECK(q.done);
        CHECK(paths[0].missing == std::vector<std::string>{"for renewal, in total: 0 hours of 36 hours",
                                                           "for renewal, ethics: 0 hours of 3 hours"});
    }
}

TEST_CASE("renewal needs the hours: exactly the minimum renews, an ethics hour short does not",
          "[store][certification][renewal]") {
    Programme f;
    CertificationRepo repo(*f.db);
    f.learn("2026-03-30", 10, "elective");  // the day before certification: does not count
    f.learn("2026-05-10", 31, "elective");
    f.learn("2026-06-10", 2, "ethics");
    f.learn("2026-07-10", 2, "peer_practice");
    const auto certificates = count(*f.db, "SELECT COUNT(*) FROM certificates");

    SECTION("an ethics hour short (and an hour in total): refused, saying what is missing, nothing changed") {
        const auto why = refusal([&] { repo.renew("P-1", day("2026-10-01"), f.key); });
        CHECK(why.find("in total: 35 hours of 36 hours") != std::string::npos);
        CHECK(why.find("ethics: 2 hours of 3 hours") != std::string::npos);
        CHECK(count(*f.db, "SELECT COUNT(*) FROM certificates") == certificates);
        CHECK(repo.current("P-1")->serial == f.first_serial);
    }
    SECTION("the ethics hour that was missing, on the day: renewed with a new serial linked to the old") {
        f.learn("2026-10-01", 1, "ethics");
        const auto renewed = repo.renew("P-1", day("2026-10-01"), f.key);
        const auto& k = renewed.certification;
        CHECK(k.serial != f.first_serial);
        CHECK(is_valid_serial(k.serial));
        CHECK(k.serial.rfind("PSC-NP-2026-", 0) == 0);
        CHECK(k.previous_serial == f.first_serial);
        CHECK(k.status == "current");
        CHECK(to_string(k.issued_on) == "2026-10-01");
        CHECK(to_string(k.valid_from) == "2028-03-31");  // early: runs on from the old end
        CHECK(to_string(k.expires_on) == "2030-03-30");
        CHECK(renewed.certificate.record.kind == "certification");
        CHECK(renewed.certificate.content.curriculum_title.in("en") == "Certified Peer Supporter");
        CHECK(count(*f.db, "SELECT COUNT(*) FROM certificates") == certificates + 1);

        const auto old = repo.for_serial(f.first_serial);
        REQUIRE(old);
        CHECK(old->status == "superseded");
        CHECK(old->renewed_by_serial == k.serial);
        CHECK(repo.history("P-1").size() == 2);
        CHECK(count(*f.db,
                    "SELECT COUNT(*) FROM audit_log WHERE entity = 'certification' AND action IN "
                    "('supersede', 'renew')") == 2);
        // The new certificate is a real one, signed and found by its serial.
        const auto record = CertificateRepo(*f.db).find(k.serial);
        REQUIRE(record);
        CHECK(check_payload(record->payload, CertificateRepo(*f.db).trusted_keys()).genuine);

        SECTION("revoking the renewal's certificate gives the old certification its place back") {
            CertificateRepo(*f.db).revoke(k.serial, "issued in error");
            CHECK(repo.for_serial(k.serial)->status == "revoked");
            CHECK(repo.current("P-1")->serial == f.first_serial);
        }
    }
    SECTION("a print that throws records nothing: no serial, no supersession, not even a new key") {
        f.learn("2026-10-01", 1, "ethics");
        const auto other_key = new_signing_key();
        const auto keys = count(*f.db, "SELECT COUNT(*) FROM signing_keys");
        const auto audits = count(*f.db, "SELECT COUNT(*) FROM audit_log");
        std::string printed;
        CHECK_THROWS_WITH(repo.renew("P-1", day("2026-10-01"), other_key, "",
                                     [&](const IssuedCertificate& c) {
                                         printed = c.record.serial;  // signed and numbered when handed over
                                         CHECK(check_payload(c.record.payload, {other_key}).genuine);
                                         throw std::runtime_error("the disk is full");
                                     }),
                          "the disk is full");
        CHECK(is_valid_serial(printed));
        CHECK(count(*f.db, "SELECT COUNT(*) FROM certificates") == certificates);
        CHECK(count(*f.db, "SELECT COUNT(*) FROM signing_keys") == keys);
        CHECK(count(*f.db, "SELECT COUNT(*) FROM audit_log") == audits);
        CHECK(repo.current("P-1")->serial == f.first_serial);
        CHECK(repo.history("P-1").size() == 1);
        // The same renewal printed: the serial that was given back is the one it gets.
        const auto renewed = repo.renew("P-1", day("2026-10-01"), other_key, "", [](const IssuedCertificate&) {});
        CHECK(renewed.certification.serial == printed);
    }
    SECTION("renewed after expiry: valid from the renewal's day") {
        f.learn("2026-10-01", 1, "ethics");
        const auto renewed = repo.renew("P-1", day("2028-05-01"), f.key);
        CHECK(to_string(renewed.certification.valid_from) == "2028-05-01");
        CHECK(to_string(renewed.certification.expires_on) == "2030-04-30");
    }
    SECTION("someone with no certification has nothing to renew") {
        auto p = person("P-2", "Kim");
        ParticipantRepo(*f.db).add(p);
        CHECK(refusal([&] { repo.renew("P-2", day("2026-10-01"), f.key); }).find("holds no current") !=
              std::string::npos);
    }
}

TEST_CASE("the ledger holds learning entered, Mitra's own sessions after certification, and teaching",
          "[store][certification][ledger]") {
    Programme f;
    CertificationRepo repo(*f.db);
    f.learn("2026-05-10", 1.5, "ethics");

    SECTION("bad entries are refused, all problems at once, nothing written") {
        LearningEntry bad;
        bad.on = day("2026-05-01");
        bad.category = "Ethics!";
        const auto why = refusal([&] { repo.add_learning("P-1", bad); });
        CHECK(why.find("title:") != std::string::npos);
        CHECK(why.find("provider:") != std::string::npos);
        CHECK(why.find("hours:") != std::string::npos);
        CHECK(why.find("category:") != std::string::npos);
        CHECK(refusal([&] {
                  LearningEntry e{"t", "p", day("2026-05-01"), 60, "ethics", "", ""};
                  repo.add_learning("NOBODY", e);
              }).find("no participant has ref NOBODY") != std::string::npos);
        CHECK(count(*f.db, "SELECT COUNT(*) FROM learning_entries") == 1);
    }
    SECTION("a later cohort's sessions count as source cohort; the trainer's teaching as source teaching") {
        // P-1 is also a trainer (same ref) now, certified to teach M04.
        add_trainer(*f.db, "P-1", {"M04"});
        repo.certify_trainer("P-1", "trainer", day("2026-04-01"), 24);
        f.cohort("NP-2", "2026-04-06");
        CohortRepo(*f.db).enrol("NP-2", {"P-1"}, day("2026-04-01"));
        SessionRepo sessions(*f.db);
        const auto attended = sessions.add(session("NP-2", "M05", "2026-04-10"));
        sessions.add(session("NP-2", "M04", "2026-04-20", "P-1"));
        sessions.add(session("NP-2", "M04", "2026-12-20", "P-1"));  // after "today": not yet
        AttendanceRepo(*f.db).mark("NP-2", {{{attended.id, "P-1", AttendanceStatus::present, std::nullopt, ""}, 0}});

        const auto ledger = repo.ledger("P-1", day("2026-11-01"));
        REQUIRE(ledger.size() == 3);
        CHECK(ledger[0].source == "cohort");
        CHECK(to_string(ledger[0].on) == "2026-04-10");
        CHECK(ledger[0].minutes == 180);
        CHECK(ledger[0].category == "peer_practice");
        CHECK(ledger[1].source == "teaching");
        CHECK(ledger[1].category == "teaching");
        CHECK(ledger[1].minutes == 180);
        CHECK(ledger[2].source == "external");
        CHECK(ledger[2].minutes == 90);

        const auto taught = repo.teaching("P-1", day("2026-01-01"), day("2026-12-31"));
        CHECK(taught.sessions == 2);
        CHECK(taught.minutes == 360);
        CHECK(taught.cohorts == std::vector<std::string>{"NP-2"});
        const auto standing = repo.trainer_standing("P-1", day("2026-11-01"));
        CHECK(standing.standing == "valid");
        CHECK(standing.teaching.sessions == 1);
    }
    SECTION("sessions before the certification do not count") {
        f.cohort("NP-0", "2026-01-05");
        CohortRepo(*f.db).enrol("NP-0", {"P-1"}, day("2026-01-01"));
        const auto before = SessionRepo(*f.db).add(session("NP-0", "M05", "2026-03-01"));
        AttendanceRepo(*f.db).mark("NP-0", {{{before.id, "P-1", AttendanceStatus::present, std::nullopt, ""}, 0}});
        CHECK(repo.ledger("P-1", day("2026-11-01")).size() == 1);
    }
}

TEST_CASE("a trainer teaches only modules they are qualified for, while certified; so does a co-facilitator",
          "[store][certification][trainer]") {
    Programme f;
    CertificationRepo repo(*f.db);
    add_trainer(*f.db, "T-1", {"M01"});
    add_trainer(*f.db, "T-2", {"M01", "M02"});
    f.cohort("NP-2", "2026-01-05", {"T-1"});  // T-2 comes in as a session's co-facilitator
    SessionRepo sessions(*f.db);
    const auto none = count(*f.db, "SELECT COUNT(*) FROM sessions");

    CHECK(refusal([&] { sessions.add(session("NP-2", "M01", "2026-01-10", "T-1")); }) ==
          "trainer: T-1 cannot teach M01 on 2026-01-10: holds no trainer certification\n");
    try {  // the reason comes as a code too, for each front end to phrase (the store names no command)
        sessions.add(session("NP-2", "M02", "2026-01-10", "T-1"));
        FAIL("T-1 taught M02");
    } catch (const TeachingRefusal& e) {
        CHECK(e.trainer_ref == "T-1");
        CHECK(e.bar.reason == TeachingBar::Reason::not_qualified);
        CHECK(e.bar.module_code == "M02");
        CHECK(e.problems.front().message.find("mitra-cli") == std::string::npos);
    }
    CHECK(refusal([&] {
              sessions.add(session("NP-2", "M02", "2026-01-10", "T-1"));
          }).find("not qualified to teach M02") != std::string::npos);
    repo.certify_trainer("T-1", "trainer", day("2024-01-01"), 24);  // ends 2025-12-31
    CHECK(refusal([&] {
              sessions.add(session("NP-2", "M01", "2026-01-10", "T-1"));
          }).find("trainer certification expired on 2025-12-31") != std::string::npos);
    CHECK(count(*f.db, "SELECT COUNT(*) FROM sessions") == none);
    CHECK(refusal([&] { sessions.add(session("NP-2", "M01", "2025-12-31", "T-1")); }).empty());  // its last day

    repo.certify_trainer("T-1", "trainer", day("2026-01-01"), 24);
    const auto led = sessions.add(session("NP-2", "M01", "2026-01-10", "T-1"));
    CHECK(led.trainer_ref == "T-1");
    CHECK(repo.trainer_certifications("T-1").size() == 2);
    CHECK(to_string(repo.trainer_certifications("T-1").front().expires_on) == "2027-12-31");
    CHECK(count(*f.db, "SELECT COUNT(*) FROM audit_log WHERE entity = 'trainer_certification'") == 2);
    const auto all = TrainerRepo(*f.db).qualifications();  // what the Sessions page judges sessions by
    REQUIRE(all.size() == 2);
    CHECK(all[0].ref == "T-1");
    CHECK(all[0].qualified_modules == std::vector<std::string>{"M01"});
    CHECK(all[0].certifications.size() == 2);
    CHECK(all[1].qualified_modules == std::vector<std::string>{"M01", "M02"});
    CHECK(all[1].certifications.empty());
    CHECK(cover_session("M02", day("2026-01-10"), all, {"T-1"}).bar.reason == TeachingBar::Reason::not_qualified);

    SECTION("a co-facilitator is held to the same rule") {
        CHECK(refusal([&] {
                  sessions.add(session("NP-2", "M01", "2026-01-12", "T-1", "T-2"));
              }).find("co-facilitator: T-2 cannot teach M01 on 2026-01-12: holds no trainer certification") !=
              std::string::npos);
        CHECK(refusal([&] {
                  sessions.add(session("NP-2", "M01", "2026-01-12", "T-1", "T-1"));
              }).find("leads the session already") != std::string::npos);
        CHECK(refusal([&] { sessions.add(session("NP-2", "M01", "2026-01-12", "", "T-1")); }).find("needs a trainer") !=
              std::string::npos);
        repo.certify_trainer("T-2", "senior trainer", day("2025-06-01"), 36);
        const auto both = sessions.add(session("NP-2", "M01", "2026-01-12", "T-1", "T-2"));
        CHECK(sessions.find(both.id)->co_facilitator_ref == "T-2");
        CHECK(sessions.list("NP-2").back().co_facilitator_ref == "T-2");

        // The completion certificate names both.
        auto p = person("P-9", "Priya");
        ParticipantRepo(*f.db).add(p);
        CohortRepo(*f.db).enrol("NP-2", {"P-9"}, day("2026-01-01"));
        RecordsRepo(*f.db).acknowledge_ethics({"P-9", "2026.1", day("2026-01-05")});
        mitra::store_test::sign_attestations(*f.db, "P-9", day("2026-01-05"));
        for (const auto& m : shipped_curriculum().modules)
            RecordsRepo(*f.db).override_completion("NP-2", CompletionOverride{"P-9", m.code, true, "prior", "", ""});
        const auto issued = CertificateRepo(*f.db).issue_for_cohort("NP-2", "completion", "", "completion", f.key,
                                                                    day("2026-03-31"), mitra::store_test::accept_all());
        REQUIRE(issued.issued.size() == 1);
        const auto& trainers = issued.issued[0].content.trainers;
        REQUIRE(trainers.size() == 2);
        CHECK(trainers[0].name == "Trainer T-1");
        CHECK(trainers[0].role == "trainer");
        CHECK(trainers[1].name == "Trainer T-2");
        CHECK(trainers[1].role == "co-facilitator");
    }
    SECTION("assigning and moving follow the rule too") {
        CHECK(refusal([&] {
                  sessions.move(led.id, day("2028-01-01"), LocalTime{9, 0});
              }).find("expired on 2027-12-31") != std::string::npos);
        CHECK(refusal([&] { sessions.assign(led.id, "T-2", ""); }).find("holds no trainer certification") !=
              std::string::npos);
        CHECK(sessions.find(led.id)->trainer_ref == "T-1");
        sessions.assign(led.id, "", "");
        CHECK(sessions.find(led.id)->trainer_ref.empty());
    }
    SECTION("a schedule leaves the lead's sessions they may not teach without a trainer, saying why") {
        std::vector<TeachingRefusal> unassigned;
        f.cohort("NP-3", "2026-02-02", {"T-1"});
        const auto plan = sessions.schedule("NP-3", 7, LocalTime{9, 0}, &unassigned);
        int led_by_t1 = 0;
        for (const auto& s : plan) led_by_t1 += s.trainer_ref == "T-1";
        CHECK(led_by_t1 == 2);  // M01's two sessions
        CHECK(unassigned.size() == plan.size() - 2);
        CHECK(unassigned.front().problems.front().message.find("not qualified to teach M02") != std::string::npos);
        CHECK(unassigned.front().bar.reason == TeachingBar::Reason::not_qualified);
    }
    SECTION("a schedule may name another lead than the cohort's, or none, and an unknown one keeps nothing") {
        repo.certify_trainer("T-2", "trainer", day("2026-01-01"), 24);
        std::vector<TeachingRefusal> unassigned;
        f.cohort("NP-3", "2026-02-02", {"T-1"});
        const auto plan = sessions.schedule("NP-3", 7, LocalTime{9, 0}, &unassigned, std::string("T-2"));
        int led_by_t2 = 0, of_m01_m02 = 0;
        for (const auto& s : plan) {
            led_by_t2 += s.trainer_ref == "T-2";
            of_m01_m02 += s.module_code == "M01" || s.module_code == "M02";
        }
        CHECK(of_m01_m02 > 2);
        CHECK(led_by_t2 == of_m01_m02);  // every session of the two modules T-2 may teach
        CHECK(unassigned.size() == plan.size() - static_cast<std::size_t>(of_m01_m02));
        for (const auto& s : sessions.list("NP-3")) CHECK(s.trainer_ref != "T-1");

        f.cohort("NP-4", "2026-02-02", {"T-1"});
        for (const auto& s : sessions.schedule("NP-4", 7, LocalTime{9, 0}, &unassigned, std::string()))
            CHECK(s.trainer_ref.empty());
        CHECK(unassigned.empty());  // no one was asked to teach: nothing refused

        f.cohort("NP-5", "2026-02-02", {"T-1"});
        CHECK(refusal([&] {
                  sessions.schedule("NP-5", 7, LocalTime{9, 0}, nullptr, std::string("T-9"));
              }).find("T-9") != std::string::npos);
        CHECK(sessions.list("NP-5").empty());
    }
}

TEST_CASE("a person on the way: the pathway names what is missing and the first certification waits for it",
          "[store][certification][pathway]") {
    Programme f;
    CertificationRepo repo(*f.db);
    f.on_the_way("P-2", "NP-2");
    const auto paths = repo.pathways("P-2", day("2026-06-01"));
    REQUIRE(paths.size() == 1);
    CHECK_FALSE(paths[0].ready);
    CHECK(paths[0].standing == "not certified");
    std::map<std::string, bool> done;
    for (const auto& q : paths[0].requirements) done[q.name] = q.done;
    CHECK_FALSE(done.at("programme completion"));
    CHECK_FALSE(done.at("code of ethics"));
    CHECK_FALSE(done.at("supervised practice"));
    CHECK_FALSE(done.at("assessment"));
    const auto why = refusal([&] { repo.certify("P-2", day("2026-06-01")); });
    CHECK(why.find("code of ethics 2026.1 not yet acknowledged") != std::string::npos);
    CHECK(why.find("supervised practice: 0 hours of 40 hours signed off") != std::string::npos);
    CHECK(repo.history("P-2").empty());

    SECTION("a certificate issued before certifications were kept: grant links it") {
        // As if issued before migration 5: the certificate exists, the certification does not.
        f.db->sql() << "DELETE FROM audit_log WHERE entity = 'certification'";
        f.db->sql() << "DELETE FROM certifications";
        CHECK(repo.history("P-1").empty());
        const auto k = repo.certify("P-1", day("2026-06-01"));
        CHECK(k.serial == f.first_serial);
        CHECK(to_string(k.expires_on) == "2028-03-30");
        CHECK(refusal([&] { repo.certify("P-1", day("2026-06-01")); }).find("renew it instead") != std::string::npos);
    }
}

TEST_CASE("the pathway counts practice signed off, the latest assessment and the curriculum's ethics version",
          "[store][certification][pathway]") {
    Programme f;
    CertificationRepo repo(*f.db);
    f.on_the_way("P-2", "NP-2");
    RecordsRepo records(*f.db);
    records.acknowledge_ethics({"P-2", "2025.0", day("2026-01-05")});
    records.log_practicum("NP-2", PracticumLog{"P-2", "M10", 2400, "A. Supervisor", day("2026-02-01"), std::nullopt});
    records.log_practicum("NP-2",
                          PracticumLog{"P-2", "M10", 2370, "A. Supervisor", day("2026-02-02"), day("2026-02-03")});
    records.record_assessment("NP-2", AssessmentResult{"P-2", "M03", true, day("2026-02-01"), "assessor"});
    records.record_assessment("NP-2", AssessmentResult{"P-2", "M03", false, day("2026-03-01"), "assessor"});
    const auto detail = [&](const std::string& name) {
        const auto paths = repo.pathways("P-2", day("2026-06-01"));
        REQUIRE(paths.size() == 1);
        for (const auto& q : paths[0].requirements)
            if (q.name == name) return q.detail;
        FAIL("no requirement " << name);
        return std::string{};
    };
    CHECK(detail("code of ethics") == "code of ethics 2026.1 not yet acknowledged");
    CHECK(detail("supervised practice") == "supervised practice: 39.5 hours of 40 hours signed off");
    CHECK(detail("assessment") == "assessment M03: not passed (2026-03-01)");

    records.acknowledge_ethics({"P-2", "2026.1", day("2026-01-06")});
    records.log_practicum("NP-2",
                          PracticumLog{"P-2", "M10", 30, "A. Supervisor", day("2026-02-04"), day("2026-02-04")});
    records.record_assessment("NP-2", AssessmentResult{"P-2", "M03", true, day("2026-04-01"), "assessor"});
    CHECK(detail("code of ethics") == "code of ethics 2026.1 acknowledged");
    CHECK(detail("supervised practice") == "supervised practice: 40 hours of 40 hours signed off");
    CHECK(detail("assessment") == "assessment M03: passed on 2026-04-01");
}

TEST_CASE("a trainer renews on their teaching and learning: exactly the minimum renews, an ethics hour short does not",
          "[store][certification][trainer]") {
    Programme f;  // P-1 is a person, and here also a trainer: their learning entries count for the trainer
    CertificationRepo repo(*f.db);
    add_trainer(*f.db, "P-1", {"M01", "M02"});
    add_trainer(*f.db, "T-2", {"M01", "M02"});
    repo.certify_trainer("P-1", "trainer", day("2025-01-01"), 24);  // ends 2026-12-31
    repo.certify_trainer("T-2", "trainer", day("2025-01-01"), 24);
    f.cohort("NP-2", "2026-01-05", {"P-1"});
    SessionRepo sessions(*f.db);
    // 12 hours of teaching: M01 sessions led, one co-facilitated.
    int taught = 0;
    for (const char* on : {"2026-01-10", "2026-01-17", "2026-01-24"})
        taught += sessions.add(session("NP-2", "M01", on, "P-1")).minutes;
    taught += sessions.add(session("NP-2", "M01", "2026-01-31", "T-2", "P-1")).minutes;
    REQUIRE(taught == 12 * 60);
    f.learn("2026-02-01", 3, "elective");

    SECTION("an ethics hour short: refused, saying what is missing, and nothing recorded") {
        f.learn("2026-02-02", 2, "ethics");
        const auto state = repo.trainer_renewal("P-1", day("2026-11-01"));
        CHECK(state.default_rule);
        CHECK(state.rule.code == "PST");
        CHECK(state.check.total_minutes == 17 * 60);
        CHECK(refusal([&] { repo.renew_trainer("P-1", day("2026-11-01")); }) ==
              "trainer: P-1 cannot renew trainer (PST) yet: in total: 17 hours of 18 hours\n"
              "trainer: P-1 cannot renew trainer (PST) yet: ethics: 2 hours of 3 hours\n");
        CHECK(repo.trainer_certifications("P-1").size() == 1);
    }
    SECTION("exactly at the minimum: renewed from the day after the current one ends") {
        f.learn("2026-02-02", 3, "ethics");
        const auto renewed = repo.renew_trainer("P-1", day("2026-11-01"));
        CHECK(to_string(renewed.issued_on) == "2026-11-01");
        CHECK(to_string(renewed.expires_on) == "2028-12-31");
        CHECK(renewed.level == "trainer");
        CHECK(repo.trainer_certifications("P-1").size() == 2);
        CHECK(repo.trainer_standing("P-1", day("2027-06-01")).standing == "valid");
        // The next renewal counts from the new certification: nothing yet.
        CHECK(refusal([&] { repo.renew_trainer("P-1", day("2026-11-02")); }).find("teaching: 0 hours of 12 hours") !=
              std::string::npos);
    }
    SECTION("an hour of teaching short") {
        f.learn("2026-02-02", 4, "ethics");
        sessions.remove(sessions.list("NP-2").back().id);  // the co-facilitated session: 3 hours less teaching
        CHECK(refusal([&] { repo.renew_trainer("P-1", day("2026-11-01")); }).find("teaching: 9 hours of 12 hours") !=
              std::string::npos);
    }
    SECTION("a curriculum's trainer certification of that level rules instead of the default") {
        auto tot = shipped_curriculum();
        tot.code = "TOT";
        tot.certification->code = "TST";
        tot.certification->for_trainers = true;
        tot.certification->level = "trainer";
        tot.certification->valid_months = 12;
        tot.certification->renewal.total_minutes = 15 * 60;
        tot.certification->renewal.minimum_minutes = {{"teaching", 12 * 60}};
        CurriculumRepo(*f.db).import(tot);
        const auto state = repo.trainer_renewal("P-1", day("2026-11-01"));
        CHECK(!state.default_rule);
        CHECK(state.rule.code == "TST");
        CHECK(state.check.met);
        CHECK(to_string(repo.renew_trainer("P-1", day("2026-11-01")).expires_on) == "2027-12-31");
    }
    SECTION("a trainer without a certification has nothing to renew") {
        add_trainer(*f.db, "T-3", {"M01"});
        CHECK(refusal([&] { repo.renew_trainer("T-3", day("2026-11-01")); }).find("holds no trainer certification") !=
              std::string::npos);
    }
}
