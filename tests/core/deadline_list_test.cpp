// deadline_rows: who of a cohort `cohort deadlines` and the desktop program's Deadlines list show, and where each
// stands (issue 21).
#include <catch2/catch.hpp>

#include "core/deadline_list.hpp"

using namespace mitra;

namespace {

ParticipantCompletion person(const char* ref, bool complete, std::optional<Date> due) {
    ParticipantCompletion p;
    p.ref = ref;
    p.complete = complete;
    if (due) p.deadline = Deadline{*due, *due, std::nullopt};
    return p;
}

}  // namespace

TEST_CASE("deadline rows: everyone not complete with a deadline, in order, standing at its edges", "[deadlines]") {
    const Date today{2027, 6, 1};
    const std::vector<ParticipantCompletion> people{
        person("P-1", false, Date{2027, 5, 31}),  // passed yesterday
        person("P-2", false, Date{2027, 6, 1}),   // due today: near, not passed
        person("P-3", true, Date{2027, 5, 1}),    // complete: not listed however late
        person("P-4", false, std::nullopt),       // no completion window
        person("P-5", false, Date{2027, 7, 31}),  // 60 days away: near
        person("P-6", false, Date{2027, 8, 1}),   // 61 days away: open
    };
    const auto rows = deadline_rows(people, today);
    REQUIRE(rows.size() == 4);
    CHECK(rows[0].ref == "P-1");
    CHECK(rows[0].standing == DeadlineStanding::passed);
    CHECK(rows[1].ref == "P-2");
    CHECK(rows[1].standing == DeadlineStanding::near);
    CHECK(rows[2].ref == "P-5");
    CHECK(rows[2].standing == DeadlineStanding::near);
    CHECK(rows[3].ref == "P-6");
    CHECK(rows[3].standing == DeadlineStanding::open);
    CHECK(deadline_rows(people, today, 61)[3].standing == DeadlineStanding::near);
}
