// One recorded change from the append-only audit history: what, old value, new value, who, when.
#pragma once
#include <optional>
#include <string>

namespace mitra {

struct AuditEntry {
    std::string at;       // UTC, ISO 8601
    std::string actor;    // the OS user, or the hub role
    std::string entity;   // "attendance", "override", "certificate", …
    std::string action;   // "mark", "change", "issue", …
    std::string subject;  // the participant's ref, session id or serial it concerns, when known
    std::optional<std::string> old_value, new_value;  // none: the change created or removed it
};

}  // namespace mitra
