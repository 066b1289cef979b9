// Recorded audit values taken apart for the front ends to phrase: one case per form the store records.
#include <catch2/catch.hpp>

#include "core/audit.hpp"

using namespace mitra;
using Kind = AuditValue::Kind;

TEST_CASE("a recorded mark is taken apart into status, minutes and note", "[core][audit]") {
    const auto late = parse_audit_value("attendance", "late:150");
    CHECK(late.kind == Kind::attendance);
    CHECK(late.status == AttendanceStatus::late);
    CHECK(late.minutes == std::optional<int>(150));
    CHECK(late.note.empty());

    const auto present = parse_audit_value("attendance", "present");
    CHECK(present.kind == Kind::attendance);
    CHECK(present.status == AttendanceStatus::present);
    CHECK_FALSE(present.minutes);

    const auto noted = parse_audit_value("attendance", "left_early:90 (bus at 4 (the last one))");
    CHECK(noted.status == AttendanceStatus::left_early);
    CHECK(noted.minutes == std::optional<int>(90));
    CHECK(noted.note == "bus at 4 (the last one)");

    CHECK(parse_audit_value("attendance", "(erased)").kind == Kind::erased);
    for (const char* odd : {"tardy", "late:", "late:many", ""}) {
        INFO(odd);
        const auto v = parse_audit_value("attendance", odd);
        CHECK(v.kind == Kind::text);  // not in the recorded form: shown as recorded
        CHECK(v.text == odd);
    }
}

TEST_CASE("assessments, practice, ethics and decisions are taken apart too; other values stay text", "[core][audit]") {
    const auto repeat = parse_audit_value("assessment", "M04 not passed 2026-03-02");
    CHECK(repeat.kind == Kind::assessment);
    CHECK(repeat.module == "M04");
    CHECK_FALSE(repeat.passed);
    CHECK(repeat.on == parse_date("2026-03-02"));
    CHECK(parse_audit_value("assessment", "M04 passed 2026-03-09").passed);

    const auto practice = parse_audit_value("practicum", "90 minutes on 2026-03-02, signed off");
    CHECK(practice.kind == Kind::practicum);
    CHECK(practice.minutes == std::optional<int>(90));
    CHECK(practice.signed_off);
    CHECK(practice.on == parse_date("2026-03-02"));
    CHECK_FALSE(parse_audit_value("practicum", "45 minutes on 2026-03-03").signed_off);

    const auto ethics = parse_audit_value("ethics", "2025.1 on 2026-01-05");
    CHECK(ethics.kind == Kind::ethics);
    CHECK(ethics.text == "2025.1");
    CHECK(ethics.on == parse_date("2026-01-05"));

    const auto decision = parse_audit_value("override", "not complete: missed the whole module: ill");
    CHECK(decision.kind == Kind::decision);
    CHECK_FALSE(decision.complete);
    CHECK(decision.text == "missed the whole module: ill");
    CHECK(parse_audit_value("override", "complete: made up with the Pokhara cohort").complete);

    const auto serial = parse_audit_value("certificate", "PSF-2026-000123 to P-001");
    CHECK(serial.kind == Kind::text);
    CHECK(serial.text == "PSF-2026-000123 to P-001");
}
