// One recorded change from the append-only audit history: what, old value, new value, who, when; and a recorded
// value taken apart for the front ends to say in words.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "core/model.hpp"

namespace mitra {

struct AuditEntry {
    std::string at;       // UTC, ISO 8601
    std::string actor;    // the OS user, or the hub role
    std::string entity;   // "attendance", "override", "certificate", …
    std::string action;   // "mark", "change", "issue", …
    std::string subject;  // the participant's ref, session id or serial it concerns, when known
    std::optional<std::string> old_value, new_value;  // none: the change created or removed it
};

// What a recorded value says, in parts: the store writes "late:150 (note)", "M01 passed 2026-03-02",
// "90 minutes on 2026-03-02, signed off", "v2 on 2026-03-02", "complete: reason", "M10 60 minutes group on
// 2026-07-01 with S-1", "M03 on 2026-07-01 (video): met, released", "PSF-NP-2026-000001-X to P-001",
// "PSF PSF-NP-2026-000001-X from 2026-03-02 to 2029-03-01"; each front end phrases the parts
// ("late, 150 minutes") in its own words and language.
struct AuditValue {
    enum class Kind {
        text,           // no parts known: `text` as recorded (a certificate's serial, a setting, a merge's summary)
        erased,         // the person's data were erased: what it was is no longer kept
        attendance,     // status, minutes (late or left early), note
        assessment,     // module, passed, on
        practicum,      // minutes, on, signed_off
        ethics,         // text (the code's version), on
        decision,       // a coordinator's decision on a module: complete, text (the reason)
        supervision,    // module, minutes, text (the format's code), on, by (the supervisor's ref)
        observation,    // module, on, text (the method's code), note (the outcome's code), differ, released
        released,       // an observed assessment's result held back (released false) or released on `on`
        attestation,    // text (the attestation's kind code), signed_off (signed or not), on
        referee,        // text (the referee), on
        issued,         // a certificate: text (its serial), by (the person's ref), note (the serial it renews, if any)
        revoked,        // a certificate revoked: note (the reason)
        certified,      // a certification: module (its code), text (the certificate's serial), on, until
        revoked_with,   // a certification revoked with its certificate: text (the certificate's serial)
        superseded_by,  // a certification superseded: text (the serial of the certificate that renews it)
        erasure,        // a person's data erased at their request: note (the reason)
    };
    Kind kind = Kind::text;
    std::string text;
    AttendanceStatus status = AttendanceStatus::present;
    std::optional<int> minutes;
    std::string note, module, by;
    bool passed = false, signed_off = false, complete = false, differ = false, released = false;
    std::optional<Date> on, until;
};

// A kind of change the store records: what it is about (entity) and what was done (action).
struct AuditKind {
    std::string_view entity, action;
};

// Every kind of change the store records (store::record_audit refuses any other), so that each can be worded and a
// test can walk them all. Besides these, a field pack's merge conflicts: the table as entity, kMergeConflict and
// what was in conflict as action.
inline constexpr AuditKind kAuditKinds[] = {
    {"attendance", "mark"},
    {"attendance", "change"},
    {"attendance", "unmark"},
    {"assessment", "record"},
    {"practicum", "log"},
    {"ethics", "acknowledge"},
    {"override", "set"},
    {"override", "change"},
    {"enrolment", "redate"},
    {"session", "assign"},
    {"session", "move"},
    {"session", "remove"},
    {"certificate", "issue"},
    {"certificate", "revoke"},
    {"certificate", "reprint"},
    {"certification", "grant"},
    {"certification", "renew"},
    {"certification", "revoke"},
    {"certification", "restore"},
    {"certification", "supersede"},
    {"learning", "add"},
    {"trainer_certification", "certify"},
    {"trainer_certification", "renew"},
    {"supervisor", "add"},
    {"supervisor_credential", "add"},
    {"supervision", "log"},
    {"observed_assessment", "observe"},
    {"observed_assessment", "release"},
    {"attestation", "record"},
    {"referee_questionnaire", "receive"},
    {"deadline_extension", "extend"},
    {"participant", "erase"},
    {"setting", "set"},
    {"pack", "export"},
    {"pack", "merge"},
};
inline constexpr std::string_view kMergeConflict = "merge conflict: ";

// Whether the store records changes of this kind: one of kAuditKinds, or a merge conflict.
bool is_audit_kind(std::string_view entity, std::string_view action);

// Takes apart a value recorded for `entity` ("attendance", "assessment", "practicum", "ethics", "override",
// "supervision", "observed_assessment", "attestation", "referee_questionnaire"); a value of another entity, or one
// not in the form its entity records, is Kind::text.
AuditValue parse_audit_value(const std::string& entity, const std::string& value);

}  // namespace mitra
