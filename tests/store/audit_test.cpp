// The audit history of marks: every change, clearing included, stays findable by person and by cohort.
#include <catch2/catch.hpp>
#include <soci/soci.h>

#include "core/problem.hpp"
#include "store/app_queries.hpp"
#include "store/privacy.hpp"
#include "store/repos.hpp"
#include "temp_dir.hpp"

using namespace mitra;
using namespace mitra::store;
using mitra::store_test::shipped_curriculum;
using mitra::store_test::TempDir;

namespace {

struct MarkedCohort {
    TempDir dir;
    std::unique_ptr<Database> db = Database::open(dir.db("audit.db"), "coordinator");
    long long first = 0, second = 0;  // two sessions' ids

    MarkedCohort() {
        auto psf = shipped_curriculum();
        CurriculumRepo(*db).import(psf);
        std::vector<Participant> people;
        for (const char* ref : {"P-1", "P-2"}) {
            Participant p;
            p.ref = ref;
            p.full_name = std::string("Person ") + ref;
            p.country = "NP";
            p.language = "ne";
            people.push_back(p);
        }
        ParticipantRepo(*db).save_all(people);
        Cohort c;
        c.code = "KTM-1";
        c.curriculum_code = "PSF";
        c.site = "Kathmandu";
        c.country = "NP";
        c.time_zone = "Asia/Kathmandu";
        c.language = "en";
        c.start_date = *parse_date("2026-01-05");
        CohortRepo(*db).create(c);
        CohortRepo(*db).enrol("KTM-1", {"P-1", "P-2"}, c.start_date);
        const auto plan = SessionRepo(*db).schedule("KTM-1", 7, LocalTime{10, 0});
        first = plan.at(0).id;
        second = plan.at(1).id;
    }

    void mark(long long session, const std::string& ref, AttendanceStatus status, std::optional<int> minutes = {},
              const std::string& note = "") {
        AttendanceRepo(*db).mark("KTM-1", {{Attendance{session, ref, status, minutes, note}, 0}});
    }
};

std::vector<std::string> actions_of(const std::vector<AuditEntry>& entries, const std::string& entity) {
    std::vector<std::string> out;
    for (const auto& e : entries)
        if (e.entity == entity) out.push_back(e.action);
    return out;
}

}  // namespace

TEST_CASE("a cleared mark stays in the history of the person and of the cohort, with what it was", "[store][audit]") {
    MarkedCohort cohort;
    cohort.mark(cohort.first, "P-1", AttendanceStatus::present);
    cohort.mark(cohort.first, "P-1", AttendanceStatus::late, 150);
    cohort.mark(cohort.first, "P-2", AttendanceStatus::absent);
    AppQueries(*cohort.db).unmark(cohort.first, "P-1");  // Delete on the grid, or Ctrl+Z back to empty

    const auto person = audit_history(*cohort.db, "P-1", "");
    CHECK(actions_of(person, "attendance") == std::vector<std::string>{"mark", "change", "unmark"});
    REQUIRE(person.size() == 3);
    const auto& cleared = person.back();
    CHECK(cleared.old_value == std::optional<std::string>("late:150"));
    CHECK(!cleared.new_value);
    CHECK(cleared.subject == "P-1 " + std::to_string(cohort.first));

    const auto of_cohort = audit_history(*cohort.db, "", "KTM-1");
    std::vector<std::string> p1_actions;
    for (const auto& e : of_cohort)
        if (e.entity == "attendance" && e.subject == "P-1 session " + std::to_string(cohort.first))
            p1_actions.push_back(e.action);
    CHECK(p1_actions == std::vector<std::string>{"mark", "change", "unmark"});
    CHECK(actions_of(audit_history(*cohort.db, "P-2", ""), "attendance") == std::vector<std::string>{"mark"});

    SECTION("marked again after clearing, the whole story is there once, in order") {
        cohort.mark(cohort.first, "P-1", AttendanceStatus::excused);
        CHECK(actions_of(audit_history(*cohort.db, "P-1", ""), "attendance") ==
              std::vector<std::string>{"mark", "change", "unmark", "mark"});
    }
    SECTION("erasing the person erases the words of the cleared mark's note too") {
        cohort.mark(cohort.second, "P-1", AttendanceStatus::absent, std::nullopt, "at the clinic");
        AppQueries(*cohort.db).unmark(cohort.second, "P-1");
        erase_participant(*cohort.db, "P-1", "their own request by letter");
        for (const auto& e : audit_history(*cohort.db, "P-1", "")) {
            if (e.entity != "attendance") continue;
            INFO(e.action);
            CHECK(e.old_value.value_or("(erased)") == "(erased)");
            CHECK(e.new_value.value_or("(erased)") == "(erased)");
        }
    }
}

TEST_CASE("clearing a mark that does not exist is refused and writes nothing", "[store][audit]") {
    MarkedCohort cohort;
    CHECK_THROWS_AS(AppQueries(*cohort.db).unmark(cohort.first, "P-1"), InputError);
    long long entries = -1;
    cohort.db->sql() << "SELECT COUNT(*) FROM audit_log WHERE entity = 'attendance'", soci::into(entries);
    CHECK(entries == 0);
}
