// One recorded change from the append-only audit history: what, old value, new value, who, when; and a recorded
// value taken apart for the front ends to say in words.
#pragma once
#include <optional>
#include <string>

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
// "90 minutes on 2026-03-02, signed off", "v2 on 2026-03-02", "complete: reason"; each front end phrases the parts
// ("late, 150 minutes") in its own words and language.
struct AuditValue {
    enum class Kind {
        text,        // no parts known: `text` as recorded (a certificate's serial, a setting, a merge's summary)
        erased,      // the person's data were erased: what it was is no longer kept
        attendance,  // status, minutes (late or left early), note
        assessment,  // module, passed, on
        practicum,   // minutes, on, signed_off
        ethics,      // text (the code's version), on
        decision,    // a coordinator's decision on a module: complete, text (the reason)
    };
    Kind kind = Kind::text;
    std::string text;
    AttendanceStatus status = AttendanceStatus::present;
    std::optional<int> minutes;
    std::string note, module;
    bool passed = false, signed_off = false, complete = false;
    std::optional<Date> on;
};

// Takes apart a value recorded for `entity` ("attendance", "assessment", "practicum", "ethics", "override"); a
// value of another entity, or one not in the form its entity records, is Kind::text.
AuditValue parse_audit_value(const std::string& entity, const std::string& value);

}  // namespace mitra
