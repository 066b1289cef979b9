// mitra-cli participant erase, audit: a person's right to be forgotten, and who changed what.
#include <map>

#include "cli/context.hpp"
#include "core/audit.hpp"
#include "io/export.hpp"
#include "io/files.hpp"
#include "store/privacy.hpp"

namespace mitra::cli {
namespace {

struct ParticipantEraseOptions {
    std::string ref;
    std::string reason;
};

struct AuditOptions {
    std::string participant;
    std::string cohort;
    std::string out;
};

// An audit entry's entity and action in English (the desktop program says it in the interface's language).
std::string what_changed(const AuditEntry& e) {
    static const std::map<std::string, std::string> words = {
        {"attendance mark", "attendance marked"},
        {"attendance change", "attendance changed"},
        {"attendance unmark", "attendance mark cleared"},
        {"assessment record", "assessment recorded"},
        {"practicum log", "supervised practice logged"},
        {"ethics acknowledge", "code of ethics acknowledged"},
        {"enrolment redate", "enrolment date changed"},
        {"override set", "coordinator's decision on a module"},
        {"override change", "coordinator's decision changed"},
    };
    const auto found = words.find(e.entity + " " + e.action);
    return found == words.end() ? e.entity + " " + e.action : found->second;
}

std::string status_words(AttendanceStatus status) {
    switch (status) {
        case AttendanceStatus::present: return "present";
        case AttendanceStatus::late: return "late";
        case AttendanceStatus::left_early: return "left early";
        case AttendanceStatus::excused: return "excused";
        case AttendanceStatus::absent: return "absent";
    }
    return to_string(status);
}

// A recorded value in English, from the parts core takes it apart into: "late:150" -> "late, 150 minutes".
std::string value_words(const std::string& entity, const std::string& value) {
    const AuditValue v = parse_audit_value(entity, value);
    const std::string on = v.on ? to_string(*v.on) : "";
    switch (v.kind) {
        case AuditValue::Kind::text: return v.text;
        case AuditValue::Kind::erased: return "(erased)";
        case AuditValue::Kind::attendance:
            return status_words(v.status) + (v.minutes ? ", " + std::to_string(*v.minutes) + " minutes" : "") +
                   (v.note.empty() ? "" : " (" + v.note + ")");
        case AuditValue::Kind::assessment: return v.module + (v.passed ? " passed" : " to be repeated") + ", " + on;
        case AuditValue::Kind::practicum:
            return std::to_string(v.minutes.value_or(0)) + " minutes on " + on +
                   (v.signed_off ? ", signed off" : ", not signed off");
        case AuditValue::Kind::ethics: return "code of ethics " + v.text + " acknowledged on " + on;
        case AuditValue::Kind::decision: return (v.complete ? "complete: " : "not complete: ") + v.text;
    }
    return value;
}

// What the change went from and to, in words: a mark that is gone was cleared, anything else removed.
std::pair<std::string, std::string> change_words(const AuditEntry& e) {
    const std::string from = e.old_value ? value_words(e.entity, *e.old_value) : "-";
    std::string to = e.new_value ? value_words(e.entity, *e.new_value) : "-";
    if (!e.new_value && e.old_value) to = e.entity == "attendance" ? "cleared" : "removed";
    return {from, to};
}

void run_participant_erase(Context& ctx, const ParticipantEraseOptions& options) {
    const auto result = store::erase_participant(ctx.db(), options.ref, options.reason);
    ctx.print(json{{"ref", result.ref},
                   {"erased", true},
                   {"certificates_kept", result.certificates_kept},
                   {"notes_cleared", result.notes_cleared}},
              "Erased the personal data of " + result.ref + "; " + std::to_string(result.certificates_kept) +
                  " certificate(s) stay verifiable by serial");
}

void run_audit(Context& ctx, const AuditOptions& options) {
    if (options.participant.empty() && options.cohort.empty())
        bad_option("--participant", "name a person or a cohort (--cohort)");
    const auto entries = store::audit_history(ctx.db(), options.participant, options.cohort);
    json items = json::array();
    std::vector<std::vector<std::string>> rows{{"WHEN", "WHO", "WHAT", "ABOUT", "FROM", "TO"}};
    for (const auto& e : entries) {
        items.push_back({{"at", e.at},
                         {"actor", e.actor},
                         {"entity", e.entity},
                         {"action", e.action},
                         {"subject", e.subject},
                         {"old_value", e.old_value ? json(*e.old_value) : json(nullptr)},
                         {"new_value", e.new_value ? json(*e.new_value) : json(nullptr)}});
        const auto [from, to] = change_words(e);
        rows.push_back({e.at.substr(0, 19), e.actor, what_changed(e), e.subject, from, to});
    }
    if (!options.out.empty()) {
        io::write_file_atomically(options.out, io::audit_csv(entries), true);  // refs and notes: owner only
        ctx.print(items, "Wrote " + std::to_string(entries.size()) + " change(s) to " + options.out);
    } else {
        ctx.print(items, rows.size() > 1 ? table(rows) : "No changes recorded");
    }
}

}  // namespace

void add_privacy_commands(CLI::App& app, Context& ctx) {
    auto erased = std::make_shared<ParticipantEraseOptions>();
    auto* erase =
        app.get_subcommand("participant")
            ->add_subcommand("erase",
                             "Erase a person's personal data on request (certificates stay verifiable by serial)");
    erase->add_option("ref", erased->ref, "The person's ref")->required();
    erase->add_option("--reason", erased->reason, "On whose request and why (recorded)")->required();
    erase->callback([&ctx, erased] { run_participant_erase(ctx, *erased); });

    auto audited = std::make_shared<AuditOptions>();
    auto* audit = app.add_subcommand("audit", "The history of changes about a person or a cohort: what, by whom, when");
    auto* by_person = audit->add_option("--participant", audited->participant, "A person's ref");
    auto* by_cohort = audit->add_option("--cohort", audited->cohort, "A cohort's code");
    by_person->excludes(by_cohort);
    audit->add_option("--out", audited->out, "Write it as CSV to this file (UTF-8 with byte-order mark)");
    audit->callback([&ctx, audited] { run_audit(ctx, *audited); });
}

}  // namespace mitra::cli
