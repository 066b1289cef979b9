// The audit history in a catalog's language (see audit_words.hpp).
#include "io/audit_words.hpp"

#include "io/reason_words.hpp"

namespace mitra::io {

std::string change_words(const std::string& entity, const std::string& action, const Catalog& words) {
    const std::string key = entity + " " + action;
    if (key == "attendance mark") return words.tr("Attendance marked");
    if (key == "attendance change") return words.tr("Attendance changed");
    if (key == "attendance unmark") return words.tr("Attendance mark cleared");
    if (key == "assessment record") return words.tr("Assessment recorded");
    if (key == "practicum log") return words.tr("Supervised practice logged");
    if (key == "ethics acknowledge") return words.tr("Code of ethics acknowledged");
    if (key == "enrolment redate") return words.tr("Enrolment date changed");
    if (key == "override set") return words.tr("Coordinator's decision on a module");
    if (key == "override change") return words.tr("Coordinator's decision changed");
    if (key == "certificate issue") return words.tr("Certificate issued");
    if (key == "certificate revoke") return words.tr("Certificate revoked");
    if (key == "certificate reprint") return words.tr("Certificate printed again");
    if (key == "session trainer" || key == "session assign") return words.tr("Session's trainer changed");
    if (key == "session move") return words.tr("Session moved");
    if (key == "session remove") return words.tr("Session removed");
    if (key == "certification grant") return words.tr("Certification granted");
    if (key == "certification renew") return words.tr("Certification renewed");
    if (key == "certification revoke") return words.tr("Certification revoked");
    if (key == "certification restore") return words.tr("Certification made current again");
    if (key == "certification supersede") return words.tr("Certification replaced by a renewal");
    if (key == "learning add") return words.tr("Continuing education recorded");
    if (key == "trainer_certification certify") return words.tr("Trainer certified");
    return key;  // a change this version has no words for yet (merge conflicts, future kinds)
}

std::string audit_value_words(const std::string& entity, const std::string& value, const Catalog& words) {
    const AuditValue v = parse_audit_value(entity, value);
    const std::string on = v.on ? to_string(*v.on) : "";
    switch (v.kind) {
        case AuditValue::Kind::text: return v.text;
        case AuditValue::Kind::erased: return words.tr("(erased)");
        case AuditValue::Kind::attendance: {
            // TRANSLATORS: an attendance mark in the history: %s is its status (late, left early), %d the minutes.
            std::string out = v.minutes
                                  ? format(words.tr("%s, %d minutes"), {attendance_words(v.status, words), *v.minutes})
                                  : attendance_words(v.status, words);
            if (!v.note.empty()) out += " (" + v.note + ")";
            return out;
        }
        case AuditValue::Kind::assessment:
            // TRANSLATORS: an assessment in the history: %s is a module's code, then the day (YYYY-MM-DD).
            return format(v.passed ? words.tr("%s passed, %s") : words.tr("%s to be repeated, %s"), {v.module, on});
        case AuditValue::Kind::practicum:
            return format(
                v.signed_off ? words.tr("%d minutes on %s, signed off") : words.tr("%d minutes on %s, not signed off"),
                {v.minutes.value_or(0), on});
        case AuditValue::Kind::ethics:
            // TRANSLATORS: %s is the code of ethics' version, then the day it was acknowledged.
            return format(words.tr("code of ethics %s acknowledged on %s"), {v.text, on});
        case AuditValue::Kind::decision:
            // TRANSLATORS: a coordinator's decision on a module in the history; %s is their reason.
            return format(v.complete ? words.tr("complete: %s") : words.tr("not complete: %s"), {v.text});
    }
    return value;
}

std::string removed_value_words(const std::string& entity, const Catalog& words) {
    return entity == "attendance" ? words.tr("cleared") : words.tr("(none)");
}

std::string audit_subject_words(const std::string& subject, const Catalog& words) {
    const auto at = subject.rfind("session ");
    if (at == std::string::npos || (at > 0 && subject[at - 1] != ' ')) return subject;
    const std::string id = subject.substr(at + 8);
    if (id.empty() || id.find_first_not_of("0123456789") != std::string::npos) return subject;
    // TRANSLATORS: what a change in the history is about: %s is a session's id.
    const std::string session = format(words.tr("session %s"), {id});
    return at == 0 ? session : subject.substr(0, at - 1) + ", " + session;
}

}  // namespace mitra::io
