// cohort_completion: completion derived from the store's records, make-ups in another cohort included.
#include <catch2/catch.hpp>

#include <map>

#include "core/problem.hpp"
#include "store/repos.hpp"
#include "temp_dir.hpp"

using namespace mitra;
using namespace mitra::store;
using mitra::store_test::shipped_curriculum;
using mitra::store_test::TempDir;

namespace {

Date day(const char* text) { return *parse_date(text); }

Cohort cohort_of(const std::string& code, const char* start) {
    Cohort c;
    c.code = code;
    c.curriculum_code = "PSF";
    c.site = "Site of " + code;
    c.country = "NP";
    c.time_zone = "Asia/Kathmandu";
    c.language = "en";
    c.start_date = day(start);
    return c;
}

const ModuleCompletion& module(const ParticipantCompletion& p, const std::string& code) {
    for (const auto& m : p.modules)
        if (m.code == code) return m;
    FAIL("no module " << code);
    throw;
}

const ParticipantCompletion& person(const std::vector<ParticipantCompletion>& all, const std::string& ref) {
    for (const auto& p : all)
        if (p.ref == ref) return p;
    FAIL("no completion for " << ref);
    throw;
}

LocatedMark mark(long long session, const std::string& ref, AttendanceStatus status,
                 std::optional<int> minutes = std::nullopt) {
    return {Attendance{session, ref, status, minutes, ""}, 0};
}

// `count` people, refs prefix-(first..), of one country and language.
std::vector<Participant> numbered_people(const std::string& prefix, int first, int count, const std::string& country,
                                         const std::string& language) {
    std::vector<Participant> people;
    for (int i = 0; i < count; ++i) {
        Participant p;
        p.ref = prefix + std::to_string(first + i);
        p.full_name = "Person " + std::to_string(i + 1);
        p.country = country;
        p.language = language;
        people.push_back(p);
    }
    return people;
}

// How many people the regional report says are complete, on track, and not on track on `today`, after checking
// each of its rows against cohort_completion of that cohort.
struct Tally {
    int complete = 0, on_track = 0, not_on_track = 0;
};
Tally compare_regional_with_cohorts(Database& db, const Date& today, std::size_t cohorts) {
    Tally tally;
    const auto report = regional_completion(db, today);
    REQUIRE(report.size() == cohorts);
    for (const auto& row : report) {
        INFO("cohort " << row.cohort_code);
        const auto each = cohort_completion(db, row.cohort_code, today);
        int row_complete = 0, row_on_track = 0;
        for (const auto& p : each) {
            row_complete += p.complete;
            row_on_track += p.on_track;
        }
        CHECK(row.curriculum_code == "PSF");
        CHECK(row.enrolled == static_cast<int>(each.size()));
        CHECK(row.complete == row_complete);
        CHECK(row.on_track == row_on_track);
        tally.complete += row_complete;
        tally.on_track += row_on_track;
        tally.not_on_track += static_cast<int>(each.size()) - row_on_track;
    }
    return tally;
}

// Checks participant_completion of each person of each cohort against cohort_completion of that cohort (the slow,
// obvious twin), field by field; how many people's results were compared.
int compare_people_with_cohorts(Database& db, const Date& today, const std::vector<std::string>& cohorts) {
    int compared = 0;
    for (const auto& code : cohorts)
        for (const auto& expected : cohort_completion(db, code, today)) {
            INFO("cohort " << code << ", " << expected.ref);
            const auto all = participant_completion(db, expected.ref, today);
            REQUIRE(all.count(code));
            const auto& got = all.at(code);
            CHECK(got.ref == expected.ref);
            CHECK(got.complete == expected.complete);
            CHECK(got.on_track == expected.on_track);
            CHECK(got.electives_complete == expected.electives_complete);
            CHECK(got.reason == expected.reason);
            REQUIRE(got.modules.size() == expected.modules.size());
            for (std::size_t m = 0; m < got.modules.size(); ++m) {
                const auto &g = got.modules[m], &e = expected.modules[m];
                INFO("module " << e.code);
                CHECK(g.code == e.code);
                CHECK(g.complete == e.complete);
                CHECK(g.on_track == e.on_track);
                CHECK(g.overridden == e.overridden);
                CHECK(g.scheduled_minutes == e.scheduled_minutes);
                CHECK(g.attended_minutes == e.attended_minutes);
                CHECK(g.required_minutes == e.required_minutes);
                CHECK(g.missed_before_enrolment == e.missed_before_enrolment);
                CHECK(g.absences == e.absences);
                CHECK(g.reason == e.reason);
            }
            ++compared;
        }
    return compared;
}

}  // namespace

TEST_CASE("completion of a small cohort counts its own sessions, enrolment dates and a make-up in another cohort",
          "[store][completion]") {
    TempDir dir;
    auto db = Database::open(dir.db("c.db"), "coordinator");
    auto psf = shipped_curriculum();
    CurriculumRepo(*db).import(psf);
    std::vector<Participant> people;
    for (const auto& [ref, name] : {std::pair{"P-1", "山田 花子"}, std::pair{"P-2", "김민준"},
                                    std::pair{"P-3", store_test::kSriyani.c_str()}, std::pair{"P-4", "Sukarno"}}) {
        Participant p;
        p.ref = ref;
        p.full_name = name;
        p.country = "NP";
        p.language = "ne";
        people.push_back(p);
    }
    ParticipantRepo(*db).save_all(people);

    CohortRepo cohorts(*db);
    Cohort ktm = cohort_of("KTM-1", "2026-01-05"), pkr = cohort_of("PKR-1", "2026-01-06");
    cohorts.create(ktm);
    cohorts.create(pkr);
    cohorts.enrol("KTM-1", {"P-1", "P-2"}, day("2026-01-01"));
    cohorts.enrol("KTM-1", {"P-3"}, day("2026-01-10"));  // after KTM-1's first session
    cohorts.enrol("PKR-1", {"P-4"}, day("2026-01-01"));
    SessionRepo sessions(*db);
    const auto ktm_plan = sessions.schedule("KTM-1", 7, LocalTime{10, 0});
    const auto pkr_plan = sessions.schedule("PKR-1", 7, LocalTime{14, 0});
    REQUIRE(ktm_plan.size() == 30);
    REQUIRE(pkr_plan.size() == 30);
    const long long ktm_m01_1 = ktm_plan[0].id, ktm_m01_2 = ktm_plan[1].id;  // 2026-01-05, 2026-01-12
    const long long pkr_m01_2 = pkr_plan[1].id;                              // 2026-01-13
    REQUIRE(ktm_plan[1].module_code == "M01");
    REQUIRE(pkr_plan[1].module_code == "M01");

    AttendanceRepo attendance(*db);
    attendance.mark("KTM-1", {mark(ktm_m01_1, "P-1", AttendanceStatus::present),
                              mark(ktm_m01_1, "P-2", AttendanceStatus::present)});
    attendance.mark(
        "KTM-1", {mark(ktm_m01_2, "P-1", AttendanceStatus::late, 150), mark(ktm_m01_2, "P-2", AttendanceStatus::absent),
                  mark(ktm_m01_2, "P-3", AttendanceStatus::present)});
    attendance.mark("PKR-1", {mark(pkr_m01_2, "P-4", AttendanceStatus::present)});

    auto results = cohort_completion(*db, "KTM-1", day("2026-12-31"));
    REQUIRE(results.size() == 3);  // P-4 is in the other cohort only
    CHECK(results[0].ref == "P-1");
    CHECK(results[2].ref == "P-3");

    const auto& p1 = module(person(results, "P-1"), "M01");
    CHECK(p1.scheduled_minutes == 360);  // the cohort's own sessions only
    CHECK(p1.attended_minutes == 330);
    CHECK(p1.required_minutes == 288);
    CHECK(p1.complete);

    const auto& p2 = module(person(results, "P-2"), "M01");
    CHECK(p2.attended_minutes == 180);
    CHECK(p2.absences == 1);
    CHECK(!p2.complete);
    CHECK(p2.reason == "M01 Lived Experience and Mutuality: attended 180 of 360 minutes, needs 288");

    const auto& p3 = module(person(results, "P-3"), "M01");
    CHECK(p3.missed_before_enrolment == 1);
    CHECK(p3.absences == 0);  // a session before enrolment is not an absence
    CHECK(p3.attended_minutes == 180);
    CHECK(p3.reason ==
          "M01 Lived Experience and Mutuality: attended 180 of 360 minutes, needs 288 (1 session(s) "
          "held before enrolment on 2026-01-10 can be made up in another cohort)");

    SECTION("a make-up session in another cohort of the same curriculum counts") {
        attendance.mark("PKR-1", {mark(pkr_m01_2, "P-2", AttendanceStatus::present),
                                  mark(pkr_m01_2, "P-3", AttendanceStatus::left_early, 120)});
        results = cohort_completion(*db, "KTM-1", day("2026-12-31"));
        const auto& p2_after = module(person(results, "P-2"), "M01");
        CHECK(p2_after.attended_minutes == 360);
        CHECK(p2_after.complete);
        CHECK(p2_after.scheduled_minutes == 360);
        const auto& p3_after = module(person(results, "P-3"), "M01");
        CHECK(p3_after.attended_minutes == 300);
        CHECK(p3_after.complete);
        // The other cohort's own view counts P-4 only.
        const auto pkr_results = cohort_completion(*db, "PKR-1", day("2026-12-31"));
        REQUIRE(pkr_results.size() == 1);
        CHECK(module(pkr_results[0], "M01").attended_minutes == 180);
    }
    SECTION("before the sessions to come are held, a person who can still make it is on track") {
        results = cohort_completion(*db, "KTM-1", day("2026-01-13"));
        const auto& p1_early = person(results, "P-1");
        CHECK(!p1_early.complete);
        CHECK(p1_early.on_track);
        CHECK(module(p1_early, "M02").on_track);
        CHECK(!module(person(results, "P-2"), "M01").on_track);
    }
    SECTION("records complete the rest: assessment, supervised practice, ethics, and an override") {
        RecordsRepo records(*db);
        records.record_assessment("KTM-1", {"P-1", "M03", true, day("2026-02-23"), "सीता राई"});
        records.log_practicum("KTM-1", {"P-1", "M10", 2400, "Dr. Lee", day("2026-07-01"), day("2026-07-02")});
        records.acknowledge_ethics({"P-1", "2026.1", day("2026-01-05")});
        mitra::store_test::record_practice(*db, "KTM-1", "P-1", day("2026-07-01"));
        records.override_completion("KTM-1", {"P-2", "M01", true, "took M01 in Pokhara in 2025", "", ""});
        results = cohort_completion(*db, "KTM-1", day("2026-12-31"));
        const auto& p1_after = person(results, "P-1");
        CHECK(module(p1_after, "M03").reason ==
              "M03 Ethics, Confidentiality and Boundaries: attended 0 of 540 "
              "minutes, needs 432");
        CHECK(module(p1_after, "M10").reason == "M10 Supervised Practicum: attended 0 of 540 minutes, needs 540");
        CHECK(p1_after.reason.find("code of ethics") == std::string::npos);
        const auto& p2_after = module(person(results, "P-2"), "M01");
        CHECK(p2_after.complete);
        CHECK(p2_after.overridden);
        CHECK_THROWS_AS(records.override_completion("KTM-1", {"P-2", "M01", true, "  ", "", ""}), InputError);
    }
}

TEST_CASE("records are refused for people outside the curriculum's cohorts and for modules that do not have them",
          "[store][completion]") {
    TempDir dir;
    auto db = Database::open(dir.db("r.db"));
    auto psf = shipped_curriculum();
    CurriculumRepo(*db).import(psf);
    std::vector<Participant> people(2);
    people[0].ref = "P-1";
    people[1].ref = "P-2";
    for (auto& p : people) p.full_name = "Sukarno", p.country = "ID", p.language = "id";
    ParticipantRepo(*db).save_all(people, Lookalikes::allow);  // two people of one name
    Cohort ktm = cohort_of("KTM-1", "2026-01-05");
    CohortRepo(*db).create(ktm);
    CohortRepo(*db).enrol("KTM-1", {"P-1"}, day("2026-01-01"));

    RecordsRepo records(*db);
    CHECK_NOTHROW(records.record_assessment("KTM-1", {"P-1", "M03", true, day("2026-02-23"), "A"}));
    CHECK_THROWS_AS(records.record_assessment("KTM-1", {"P-2", "M03", true, day("2026-02-23"), "A"}), InputError);
    CHECK_THROWS_AS(records.record_assessment("KTM-1", {"P-1", "M01", true, day("2026-02-23"), "A"}), InputError);
    CHECK_THROWS_AS(records.log_practicum("KTM-1", {"P-2", "M10", 60, "Dr. Lee", day("2026-07-01"), std::nullopt}),
                    InputError);
    CHECK_THROWS_AS(records.log_practicum("KTM-1", {"P-1", "M01", 60, "Dr. Lee", day("2026-07-01"), std::nullopt}),
                    InputError);
    CHECK_THROWS_AS(records.override_completion("KTM-1", {"P-2", "M01", true, "elsewhere", "", ""}), InputError);
    const auto results = cohort_completion(*db, "KTM-1", day("2026-12-31"));
    REQUIRE(results.size() == 1);
    CHECK(module(results[0], "M03").reason.find("assessment") == std::string::npos);  // the pass was kept
}

TEST_CASE("the regional report counts what cohort_completion says of each cohort, make-ups and overrides included",
          "[store][completion]") {
    TempDir dir;
    auto db = Database::open(dir.db("c.db"), "coordinator");
    auto psf = shipped_curriculum();
    CurriculumRepo(*db).import(psf);
    auto people = numbered_people("R-", 101, 12, "NP", "ne");
    ParticipantRepo(*db).save_all(people);
    CohortRepo cohorts(*db);
    SessionRepo sessions(*db);
    AttendanceRepo attendance(*db);
    const std::vector<std::string> codes = {"KTM-1", "PKR-1", "BRT-1"};
    std::map<std::string, std::vector<Session>> plans;
    for (std::size_t c = 0; c < codes.size(); ++c) {
        Cohort cohort = cohort_of(codes[c], c == 0 ? "2026-01-05" : c == 1 ? "2026-01-06" : "2026-02-02");
        cohorts.create(cohort);
        std::vector<std::string> refs;
        for (std::size_t k = 0; k < 4; ++k) refs.push_back(people[c * 4 + k].ref);
        cohorts.enrol(codes[c], {refs[0], refs[1], refs[2]}, day("2026-01-01"));
        cohorts.enrol(codes[c], {refs[3]}, day("2026-01-20"));  // after the first sessions
        plans[codes[c]] = sessions.schedule(codes[c], 7, LocalTime{10, 0});
        // Most sessions held and marked: present, late, left early, excused or absent by turns.
        std::vector<LocatedMark> marks;
        for (std::size_t s = 0; s < 24; ++s)
            for (std::size_t k = 0; k < refs.size(); ++k) {
                const auto& session = plans[codes[c]][s];
                if (k == 3 && session.date < day("2026-01-20")) continue;
                const auto roll = (s * 7 + k * 3 + c) % 10;
                if (k == 0 || roll < 6) marks.push_back(mark(session.id, refs[k], AttendanceStatus::present));
                else if (roll == 6)
                    marks.push_back(mark(session.id, refs[k], AttendanceStatus::late, session.minutes / 2));
                else if (roll == 7) marks.push_back(mark(session.id, refs[k], AttendanceStatus::left_early, 30));
                else if (roll == 8) marks.push_back(mark(session.id, refs[k], AttendanceStatus::excused));
                else marks.push_back(mark(session.id, refs[k], AttendanceStatus::absent));
            }
        attendance.mark(codes[c], marks);
    }
    // A make-up: KTM-1's late enrollee attends PKR-1's first sessions.
    attendance.mark("PKR-1", {mark(plans["PKR-1"][0].id, people[3].ref, AttendanceStatus::present),
                              mark(plans["PKR-1"][1].id, people[3].ref, AttendanceStatus::present)});
    RecordsRepo records(*db);
    // Someone complete by the coordinator's decisions, with the code of ethics acknowledged.
    for (const auto& m : psf.modules)
        records.override_completion("PKR-1", {people[5].ref, m.code, true, "recognised prior learning", "", ""});
    records.acknowledge_ethics({people[5].ref, psf.ethics_code, day("2026-01-06")});
    mitra::store_test::sign_attestations(*db, people[5].ref, day("2026-01-06"));
    records.override_completion("KTM-1", {people[0].ref, "M01", false, "left the programme", "", ""});
    records.record_assessment("KTM-1", {people[1].ref, "M03", true, day("2026-02-23"), "Sita Rai"});

    // One person in two cohorts: each judged on its own sessions, its own overrides.
    cohorts.enrol("BRT-1", {people[3].ref}, day("2026-02-01"));
    records.override_completion("KTM-1", {people[3].ref, "M02", true, "recognised prior learning", "", ""});

    Tally all;
    for (const char* today : {"2026-01-15", "2026-03-01", "2026-06-01", "2027-01-01"}) {
        INFO("today " << today);
        CHECK(compare_people_with_cohorts(*db, day(today), codes) == 13);
        const auto t = compare_regional_with_cohorts(*db, day(today), codes.size());
        all.complete += t.complete;
        all.on_track += t.on_track;
        all.not_on_track += t.not_on_track;
    }
    // The programme has people in each state, so the comparison above could tell them apart.
    CHECK(all.complete > 0);
    CHECK(all.on_track > all.complete);
    CHECK(all.not_on_track > 0);
}

TEST_CASE("the regional report agrees with cohort_completion when its reading and judging are shared between threads",
          "[store][completion]") {
    // Six cohorts of ten, 24 sessions each: more marks than one batch handed between the report's threads, and
    // more cohorts than the processor has cores.
    TempDir dir;
    auto db = Database::open(dir.db("c.db"), "coordinator");
    auto psf = shipped_curriculum();
    CurriculumRepo(*db).import(psf);
    auto people = numbered_people("S-", 1001, 60, "LK", "si");
    ParticipantRepo(*db).save_all(people);
    CohortRepo cohorts(*db);
    SessionRepo sessions(*db);
    AttendanceRepo attendance(*db);
    std::size_t marked = 0;
    for (int c = 0; c < 6; ++c) {
        const std::string code = "CMB-" + std::to_string(c + 1);
        Cohort cohort = cohort_of(code, "2026-01-05");
        cohorts.create(cohort);
        std::vector<std::string> refs;
        for (int k = 0; k < 10; ++k) refs.push_back(people[static_cast<std::size_t>(c * 10 + k)].ref);
        cohorts.enrol(code, refs, day("2026-01-01"));
        const auto plan = sessions.schedule(code, 7, LocalTime{10, 0});
        std::vector<LocatedMark> marks;
        for (std::size_t s = 0; s < 24 && s < plan.size(); ++s)
            for (std::size_t k = 0; k < refs.size(); ++k) {
                // Most people attend everything; the others miss some sessions, enough to fall short.
                const auto roll = (s * 13 + k * 7 + static_cast<std::size_t>(c) * 5) % 17;
                const bool absent = k >= 6 && roll < 5;
                marks.push_back(
                    mark(plan[s].id, refs[k], absent ? AttendanceStatus::absent : AttendanceStatus::present));
            }
        marked += marks.size();
        attendance.mark(code, marks);
    }
    REQUIRE(marked > 1024);

    Tally all;
    for (const char* today : {"2026-02-01", "2027-01-01"}) {
        INFO("today " << today);
        const auto t = compare_regional_with_cohorts(*db, day(today), 6);
        all.on_track += t.on_track;
        all.not_on_track += t.not_on_track;
    }
    CHECK(all.on_track > 0);
    CHECK(all.not_on_track > 0);
}
