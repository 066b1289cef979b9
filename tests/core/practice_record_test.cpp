// Each supervision entry accounted for (issue 21's verification and auditor's record), at its edges: the
// credential's last day and the day after, a refresher, a supervisor not on record, and group minutes crossing the
// group maximum part-way through an entry; the counted minutes agree with tally_supervision.
#include <catch2/catch.hpp>

#include "core/model.hpp"
#include "core/practice_record.hpp"
#include "practice_support.hpp"

using namespace mitra;

namespace {

Module module(int group_max) {
    Module m;
    m.code = "M9";
    m.supervised_minutes = 1200;
    m.supervision = {600, 300, group_max};
    return m;
}

}  // namespace

TEST_CASE("an entry counts on its credential's last day, not the day after; a refresher counts with its own",
          "[core][practice][record]") {
    Supervisor s;
    s.ref = "S1";
    s.credentials = {{"Certified", d("2024-04-01"), d("2026-03-31")}, {"Refresher", d("2026-05-01"), d("2028-04-30")}};
    const auto one = SupervisionFormat::one_to_one;
    const std::vector<SupervisionEntry> entries{entry("S1", one, 60, "2026-04-01"), entry("S1", one, 60, "2026-03-31"),
                                                entry("S1", one, 60, "2026-05-01"), entry("S1", one, 60, "2024-03-31"),
                                                entry("S9", one, 60, "2026-03-01"), entry("S1", one, 60, "2026-04-30")};
    const auto a = account_supervision(module(0), entries, {s});
    REQUIRE(a.size() == 6);
    // By day: 2024-03-31, 2026-03-01 (S9), 2026-03-31, 2026-04-01, 2026-04-30, 2026-05-01.
    CHECK(a[0].standing == EntryStanding::credential_not_yet_valid);
    CHECK(a[0].credential->name == "Certified");
    CHECK(a[1].standing == EntryStanding::no_credential);
    CHECK_FALSE(a[1].credential);
    CHECK(a[2].standing == EntryStanding::counted);
    CHECK(a[2].counted_minutes == 60);
    CHECK(a[3].standing == EntryStanding::credential_expired);
    CHECK(a[3].credential->expires_on == d("2026-03-31"));
    CHECK(a[3].counted_minutes == 0);
    CHECK(a[4].standing == EntryStanding::credential_expired);  // between the two: the first lapsed, the next not begun
    CHECK(a[5].standing == EntryStanding::counted);
    CHECK(a[5].credential->name == "Refresher");
    const CountedMinutes m = counted_minutes(a);
    CHECK(m.one_to_one == 120);
    CHECK(m.total == tally_supervision(module(0), entries, {s}, {}).total);
}

TEST_CASE("group minutes past the group maximum stop counting toward the total part-way through an entry",
          "[core][practice][record]") {
    Supervisor s;
    s.ref = "S1";
    s.credentials = {{"Certified", d("2024-01-01"), d("2028-12-31")}};
    const auto group = SupervisionFormat::group;
    // Given out of order: by day the 240 reach 240 of 300, the 120 cross it (60 count), the 90 are all over.
    const std::vector<SupervisionEntry> entries{
        entry("S1", group, 90, "2026-03-01"), entry("S1", group, 240, "2026-01-10"),
        entry("S1", SupervisionFormat::one_to_one, 600, "2026-02-20"), entry("S1", group, 120, "2026-02-01")};
    const auto a = account_supervision(module(300), entries, {s});
    REQUIRE(a.size() == 4);
    CHECK(a[0].counted_minutes == 240);
    CHECK(a[0].standing == EntryStanding::counted);
    CHECK(a[1].counted_minutes == 60);
    CHECK(a[1].standing == EntryStanding::over_group_maximum);
    CHECK(a[2].counted_minutes == 600);  // one-to-one: no maximum
    CHECK(a[3].counted_minutes == 0);
    CHECK(a[3].standing == EntryStanding::over_group_maximum);
    const CountedMinutes m = counted_minutes(a);
    CHECK(m.group == 450);  // all of them count toward the group minimum
    CHECK(m.total == 900);
    const SupervisionTally t = tally_supervision(module(300), entries, {s}, {});
    CHECK(m.total == t.total);
    CHECK(m.group == t.group);
    // Without a maximum, every minute counts.
    CHECK(counted_minutes(account_supervision(module(0), entries, {s})).total == 1050);
}
