// CohortRepo::change_enrolment_date: a person's enrolment date moved afterwards, with its audit entry, never past
// a mark they already have.
#include <catch2/catch.hpp>
#include <soci/soci.h>

#include "core/problem.hpp"
#include "store/repos.hpp"
#include "temp_dir.hpp"

using namespace mitra;
using namespace mitra::store;
using mitra::store_test::shipped_curriculum;
using mitra::store_test::TempDir;

namespace {

Date day(const char* text) { return *parse_date(text); }

std::string enrolled_on(Database& db, const std::string& ref) {
    for (const auto& e : CohortRepo(db).enrolments("KTM-1"))
        if (e.participant_ref == ref) return to_string(e.enrolled_on);
    return "";
}

}  // namespace

TEST_CASE("an enrolment date can be moved, with an audit entry, but never past a mark the person has",
          "[store][enrolment]") {
    TempDir dir;
    auto db = Database::open(dir.db("e.db"), "coordinator");
    auto psf = shipped_curriculum();
    CurriculumRepo(*db).import(psf);
    std::vector<Participant> people;
    for (const char* ref : {"P-1", "P-2"}) {
        Participant p;
        p.ref = ref;
        p.full_name = std::string("山田 ") + ref;
        p.country = "NP";
        p.language = "ne";
        people.push_back(p);
    }
    ParticipantRepo(*db).save_all(people, Lookalikes::allow);
    Cohort c;
    c.code = "KTM-1";
    c.curriculum_code = "PSF";
    c.site = "Kathmandu";
    c.country = "NP";
    c.time_zone = "Asia/Kathmandu";
    c.language = "ne";
    c.start_date = day("2026-01-05");
    CohortRepo cohorts(*db);
    cohorts.create(c);
    cohorts.enrol("KTM-1", {"P-1", "P-2"}, day("2026-03-01"));  // enrolled "today", long after the start
    const auto plan = SessionRepo(*db).schedule("KTM-1", 7, LocalTime{10, 0});
    REQUIRE(to_string(plan[1].date) == "2026-01-12");
    auto audit_entries = [&] {
        int n = 0;
        db->sql() << "SELECT COUNT(*) FROM audit_log WHERE entity = 'enrolment' AND action = 'redate'", soci::into(n);
        return n;
    };

    SECTION("moved back to the cohort's start: saved, and the history has the old and the new day") {
        cohorts.change_enrolment_date("KTM-1", "P-1", day("2026-01-05"));
        CHECK(enrolled_on(*db, "P-1") == "2026-01-05");
        CHECK(enrolled_on(*db, "P-2") == "2026-03-01");
        std::string before, after;
        db->sql() << "SELECT old_value, new_value FROM audit_log WHERE entity = 'enrolment' AND action = 'redate'",
            soci::into(before), soci::into(after);
        CHECK(before == "2026-03-01");
        CHECK(after == "2026-01-05");

        SECTION("moving it after a mark it has is refused, naming the session, and nothing changes") {
            AttendanceRepo(*db).mark("KTM-1", {{Attendance{plan[1].id, "P-1", AttendanceStatus::absent, {}, ""}, 0}});
            try {
                cohorts.change_enrolment_date("KTM-1", "P-1", day("2026-01-20"));
                FAIL("moved past a mark");
            } catch (const InputError& e) {
                const std::string message = e.what();
                CHECK(message.find("session " + std::to_string(plan[1].id)) != std::string::npos);
                CHECK(message.find("2026-01-12") != std::string::npos);
                CHECK(e.problems.at(0).field == "enrolment date");
            }
            CHECK(enrolled_on(*db, "P-1") == "2026-01-05");
            CHECK(audit_entries() == 1);
            // On the marked session's own day it is still allowed.
            cohorts.change_enrolment_date("KTM-1", "P-1", day("2026-01-12"));
            CHECK(enrolled_on(*db, "P-1") == "2026-01-12");
        }
    }
    SECTION("the same day again changes nothing and records nothing") {
        cohorts.change_enrolment_date("KTM-1", "P-2", day("2026-03-01"));
        CHECK(audit_entries() == 0);
    }
    SECTION("someone not enrolled, or an unknown cohort, is refused") {
        CHECK_THROWS_AS(cohorts.change_enrolment_date("KTM-1", "P-9", day("2026-01-05")), InputError);
        CHECK_THROWS_AS(cohorts.change_enrolment_date("NOPE", "P-1", day("2026-01-05")), InputError);
        CHECK(audit_entries() == 0);
    }
}
