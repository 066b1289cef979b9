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

    const auto setting = parse_audit_value("setting", "https://verify.example.org/psf to P-001");
    CHECK(setting.kind == Kind::text);
    CHECK(setting.text == "https://verify.example.org/psf to P-001");
}

TEST_CASE("certificates and certifications in the history are taken apart; a reprint's reason stays text",
          "[core][audit]") {
    const auto issued = parse_audit_value("certificate", "PSF-NP-2026-000001-X to P-001");
    CHECK(issued.kind == AuditValue::Kind::issued);
    CHECK(issued.text == "PSF-NP-2026-000001-X");
    CHECK(issued.by == "P-001");
    CHECK(issued.note.empty());
    const auto renewing =
        parse_audit_value("certificate", "PSF-NP-2029-000007-K to P-001, renewing PSF-NP-2026-000001-X");
    CHECK(renewing.kind == AuditValue::Kind::issued);
    CHECK(renewing.by == "P-001");
    CHECK(renewing.note == "PSF-NP-2026-000001-X");
    const auto revoked = parse_audit_value("certificate", "revoked: issued to the wrong person");
    CHECK(revoked.kind == AuditValue::Kind::revoked);
    CHECK(revoked.note == "issued to the wrong person");
    // A reprint's value is the reason as typed.
    CHECK(parse_audit_value("certificate", "the printer jammed, sent to Ann").kind == AuditValue::Kind::text);
    CHECK(parse_audit_value("certificate", "moved to Patan").kind == AuditValue::Kind::text);

    const auto granted = parse_audit_value("certification", "PSF PSF-NP-2026-000001-X from 2026-03-02 to 2029-03-01");
    CHECK(granted.kind == AuditValue::Kind::certified);
    CHECK(granted.module == "PSF");
    CHECK(granted.text == "PSF-NP-2026-000001-X");
    CHECK(granted.on == Date{2026, 3, 2});
    CHECK(granted.until == Date{2029, 3, 1});
    CHECK(parse_audit_value("certification", "revoked with certificate PSF-NP-2026-000001-X").kind ==
          AuditValue::Kind::revoked_with);
    CHECK(parse_audit_value("certification", "superseded by PSF-NP-2029-000007-K").text == "PSF-NP-2029-000007-K");
    CHECK(parse_audit_value("certification", "current").kind == AuditValue::Kind::text);
    const auto erased = parse_audit_value("participant", "personal data erased: asked at the last session");
    CHECK(erased.kind == AuditValue::Kind::erasure);
    CHECK(erased.note == "asked at the last session");
}
