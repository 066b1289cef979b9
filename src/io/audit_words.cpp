// The audit history in a catalog's language (see audit_words.hpp).
#include "io/audit_words.hpp"

#include "io/practice_words.hpp"
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
    if (key == "trainer_certification renew") return words.tr("Trainer certification renewed");
    if (key == "supervisor add") return words.tr("Supervisor added");
    if (key == "supervisor_credential add") return words.tr("Supervisor's credential recorded");
    if (key == "supervision log") return words.tr("Supervision logged");
    if (key == "observed_assessment observe") return words.tr("Observed practice assessed");
    if (key == "observed_assessment release") return words.tr("Observed practice result released");
    if (key == "attestation record") return words.tr("Attestation recorded");
    if (key == "referee_questionnaire receive") return words.tr("Referee questionnaire received");
    if (key == "deadline_extension extend") return words.tr("Completion deadline extended");
    if (key == "participant erase") return words.tr("Personal data erased");
    if (key == "setting set") return words.tr("Setting changed");
    if (key == "pack export") return words.tr("Field pack exported");
    if (key == "pack merge") return words.tr("Field pack merged");
    if (action.rfind(kMergeConflict, 0) == 0)
        // TRANSLATORS: a change in the history: a field pack and the hub both changed a record; %s is which record,
        // as the merge names it.
        return format(words.tr("Field pack merge conflict: %s"), {action.substr(kMergeConflict.size())});
    return key;  // a change this version has no words for (one recorded by a later version of Mitra)
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
        case AuditValue::Kind::supervision: {
            const auto kind = parse_supervision_format(v.text);
            // TRANSLATORS: supervision in the history: %1$s is a module's code, %2$d minutes, %3$s the format
            // (one-to-one, group), %4$s the day, %5$s the supervisor's ref.
            return format(
                words.trn("%1$s: %2$d minute, %3$s, on %4$s with %5$s", "%1$s: %2$d minutes, %3$s, on %4$s with %5$s",
                          v.minutes.value_or(0)),
                {v.module, v.minutes.value_or(0), kind ? supervision_format_words(*kind, words) : v.text, on, v.by});
        }
        case AuditValue::Kind::observation: {
            const auto method = parse_observation_method(v.text);
            const std::string outcome = v.note == "met"               ? words.tr("met")
                                        : v.note == "asked_to_repeat" ? words.tr("asked to repeat")
                                                                      : v.note;
            // TRANSLATORS: an observed assessment in the history: %1$s is a module's code, %2$s the day, %3$s the
            // method (video, role play), %4$s the outcome (met, asked to repeat).
            std::string out =
                format(words.tr("%1$s on %2$s (%3$s): %4$s"),
                       {v.module, on, method ? observation_method_words(*method, words) : v.text, outcome});
            if (v.differ) out += "; " + words.tr("the raters differ");
            return out + "; " + (v.released ? words.tr("result released") : words.tr("result held back"));
        }
        case AuditValue::Kind::released:
            return v.released ? format(words.tr("result released on %s"), {on}) : words.tr("result held back");
        case AuditValue::Kind::attestation: {
            const auto kind = parse_attestation_kind(v.text);
            const std::string what = !kind ? v.text
                                     : *kind == AttestationKind::supervision_agreement
                                         ? words.tr("Supervisory agreement")
                                         : words.tr("Attestation of lived experience");
            return format(v.signed_off ? words.tr("%s: signed on %s") : words.tr("%s: not signed, recorded on %s"),
                          {what, on});
        }
        case AuditValue::Kind::referee:
            // TRANSLATORS: a referee questionnaire in the history: %1$s is the referee, %2$s the day it came.
            return format(words.tr("from %1$s, received on %2$s"), {v.text, on});
        case AuditValue::Kind::issued:
            // TRANSLATORS: a certificate issued, in the history: %1$s is its serial, %2$s the person's ref, %3$s the
            // serial of the certificate it renews.
            return v.note.empty() ? format(words.tr("%1$s, given to %2$s"), {v.text, v.by})
                                  : format(words.tr("%1$s, given to %2$s, renewing %3$s"), {v.text, v.by, v.note});
        case AuditValue::Kind::revoked:
            // TRANSLATORS: a certificate revoked, in the history: %s is the reason as the coordinator typed it.
            return format(words.tr("revoked: %s"), {v.note});
        case AuditValue::Kind::certified:
            // TRANSLATORS: a certification granted or renewed, in the history: %1$s is its code (PSF), %2$s the
            // certificate's serial, %3$s and %4$s the first and last days it is valid (YYYY-MM-DD).
            return format(words.tr("%1$s with certificate %2$s, valid from %3$s to %4$s"),
                          {v.module, v.text, on, v.until ? to_string(*v.until) : ""});
        case AuditValue::Kind::revoked_with:
            // TRANSLATORS: a certification revoked with its certificate, in the history: %s is the serial.
            return format(words.tr("revoked with certificate %s"), {v.text});
        case AuditValue::Kind::superseded_by:
            // TRANSLATORS: a certification renewed by a later one, in the history: %s is the new certificate's serial.
            return format(words.tr("superseded by certificate %s"), {v.text});
        case AuditValue::Kind::erasure:
            // TRANSLATORS: a person's data erased at their request, in the history: %s is the reason as typed.
            return format(words.tr("personal data erased: %s"), {v.note});
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
