// What completion, a pathway and a renewal still need, phrased from core's parts in a catalog's language.
#include "io/reason_words.hpp"

#include <vector>

namespace mitra::io {
namespace {

std::string joined(const std::vector<std::string>& parts, const std::string& between) {
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : between) + p;
    return out;
}

const ModuleCompletion* find_module(const ParticipantCompletion& person, const std::string& code) {
    for (const auto& m : person.modules)
        if (m.code == code) return &m;
    return nullptr;
}

std::string module_of(const ParticipantCompletion& person, const std::string& code, const Catalog& words) {
    const auto* m = find_module(person, code);
    return m ? module_phrase(*m, m->title, words) : code;
}

}  // namespace

std::string category_words(const std::string& category, const Catalog& words) {
    if (category == "ethics") return words.tr("ethics");
    if (category == "peer_practice") return words.tr("peer practice");
    if (category == "elective") return words.tr("elective");
    if (category == "teaching") return words.tr("teaching");
    return category;
}

std::string hours_words(int minutes, const Catalog& words) {
    return minutes % 60 == 0 ? format(words.trn("%d hour", "%d hours", minutes / 60), {minutes / 60})
                             : format(words.tr("%.1f hours"), {minutes / 60.0});
}

// One switch for every kind core knows: a new kind gets its words here.
std::string shortfall_phrase(const Shortfall& s, const Catalog& words) {
    using Kind = Shortfall::Kind;
    switch (s.kind) {
        case Kind::attendance:
            return format(
                words.trn("attended %d of %d minute, needs %d", "attended %d of %d minutes, needs %d", s.scheduled),
                {s.done, s.scheduled, s.needed});
        case Kind::assessment_not_taken: return words.tr("assessment not yet taken");
        case Kind::assessment_not_passed: return format(words.tr("assessment not passed (%s)"), {to_string(s.on)});
        case Kind::supervised_practice:
            return format(words.tr("supervised practice: %s of %s signed off"),
                          {hours_words(s.done, words), hours_words(s.needed, words)});
        case Kind::marked_not_complete: return format(words.tr("marked not complete by %s (%s)"), {s.by, s.note});
        case Kind::ethics_not_acknowledged:
            return format(words.tr("code of ethics %s not yet acknowledged"), {s.version});
        case Kind::module: return s.module_code;  // phrased with the person's modules (completion_phrase)
        case Kind::electives: return format(words.tr("electives: %d of %d needed are complete"), {s.done, s.needed});
        // Issue 21's shortfalls: supervised practice, observed assessment, referees, agreement, attestation, deadline.
        case Kind::mandatory_session_missed:
            return format(words.tr("session %d (%s) must be attended, and was not"), {s.number, to_string(s.on)});
        case Kind::mandatory_session_to_come:
            return format(words.tr("session %d (%s) must be attended"), {s.number, to_string(s.on)});
        case Kind::sessions_missed:
            return format(
                words.trn("%d session missed, at most %d may be", "%d sessions missed, at most %d may be", s.done),
                {s.done, s.needed});
        case Kind::one_to_one_practice:
            return format(words.trn("one-to-one supervision: %d minute short (%s of %s)",
                                    "one-to-one supervision: %d minutes short (%s of %s)", s.needed - s.done),
                          {s.needed - s.done, hours_words(s.done, words), hours_words(s.needed, words)});
        case Kind::group_practice:
            return format(words.trn("group supervision: %d minute short (%s of %s)",
                                    "group supervision: %d minutes short (%s of %s)", s.needed - s.done),
                          {s.needed - s.done, hours_words(s.done, words), hours_words(s.needed, words)});
        case Kind::supervision_not_counted:
            return format(words.trn("%d minute with supervisor %s does not count: no valid credential on %s",
                                    "%d minutes with supervisor %s do not count: no valid credential on %s", s.done),
                          {s.done, s.by, to_string(s.on)});
        case Kind::observation_not_taken: return words.tr("observed practice not yet assessed");
        case Kind::observation_result_pending:
            return format(words.tr("observed practice on %s: the result is still to come"), {to_string(s.on)});
        case Kind::criterion_below_level:
            return s.note.empty()
                       ? format(words.tr("criterion %d: level %d, needs %d"), {s.number, s.done, s.needed})
                       : format(words.tr("criterion %d, %s: level %d, needs %d"), {s.number, s.note, s.done, s.needed});
        case Kind::criteria_not_observed:
            return format(words.trn("%d criterion could not be observed on %s, at most %d may be",
                                    "%d criteria could not be observed on %s, at most %d may be", s.done),
                          {s.done, to_string(s.on), s.needed});
        case Kind::referees: return format(words.tr("referee questionnaires: %d of %d received"), {s.done, s.needed});
        case Kind::agreement_not_signed: return words.tr("supervisory agreement not yet signed");
        case Kind::attestation_not_signed: return words.tr("attestation of lived experience not yet signed");
        case Kind::deadline_passed:
            return s.by.empty() ? format(words.tr("the deadline %s has passed"), {to_string(s.on)})
                                : format(words.tr("the deadline %s has passed (extended by %s: %s)"),
                                         {to_string(s.on), s.by, s.note});
    }
    return {};
}

std::string shortfalls_phrase(const ModuleCompletion& m, const Catalog& words) {
    if (m.missing.empty()) return m.reason;  // parts not kept (a record from elsewhere): its words as they are
    std::vector<std::string> parts;
    for (const auto& s : m.missing) parts.push_back(shortfall_phrase(s, words));
    std::string text = joined(parts, "; ");
    if (m.can_make_up)
        text += " " + format(words.trn("(%d session held before enrolment on %s can be made up in another cohort)",
                                       "(%d sessions held before enrolment on %s can be made up in another cohort)",
                                       m.missed_before_enrolment),
                             {m.missed_before_enrolment, to_string(m.enrolled_on)});
    return text;
}

std::string module_phrase(const ModuleCompletion& m, const std::string& title, const Catalog& words) {
    if (m.missing.empty()) return m.reason;
    return format(words.tr("%s %s: %s"), {m.code, title, shortfalls_phrase(m, words)});
}

std::string completion_phrase(const ParticipantCompletion& person, const Catalog& words) {
    if (person.missing.empty()) return person.reason;
    std::vector<std::string> reasons;
    for (const auto& s : person.missing) {
        if (s.kind == Shortfall::Kind::module) {
            reasons.push_back(module_of(person, s.module_code, words));
        } else if (s.kind == Shortfall::Kind::electives) {
            std::string text = shortfall_phrase(s, words);
            std::vector<std::string> details;
            for (const auto& code : s.started) details.push_back(module_of(person, code, words));
            if (!s.not_started.empty())
                details.push_back(format(words.tr("not started: %s"), {joined(s.not_started, ", ")}));
            if (!details.empty()) text += " (" + joined(details, "; ") + ")";
            reasons.push_back(text);
        } else {
            reasons.push_back(shortfall_phrase(s, words));
        }
    }
    return joined(reasons, "; ");
}

std::string requirement_phrase(const Requirement& q, const std::string& language, const Catalog& words) {
    using Kind = Requirement::Kind;
    switch (q.kind) {
        case Kind::completion: {
            if (q.cohort_code.empty()) return words.tr("programme completion");
            if (q.done) return format(words.tr("%s completed in cohort %s"), {q.curriculum_code, q.cohort_code});
            std::vector<std::string> reasons;
            for (const auto& l : q.lacking) {
                const std::string title = l.title.in(language);
                reasons.push_back(module_phrase(l.completion, title.empty() ? l.completion.title : title, words));
            }
            if (q.electives_done < q.electives_needed)
                reasons.push_back(format(words.tr("electives: %d of %d"), {q.electives_done, q.electives_needed}));
            return format(words.tr("%s not yet complete in cohort %s: %s"),
                          {q.curriculum_code, q.cohort_code, joined(reasons, "; ")});
        }
        case Kind::ethics:
            return format(q.done ? words.tr("code of ethics %s acknowledged")
                                 : words.tr("code of ethics %s not yet acknowledged"),
                          {q.version});
        case Kind::supervised_practice:
            if (q.recognised)
                return format(words.tr("supervised practice: %s recognised by a coordinator"),
                              {joined(q.modules, ", ")});
            return format(words.tr("supervised practice: %s of %s signed off"),
                          {hours_words(q.done_minutes, words), hours_words(q.needed_minutes, words)});
        case Kind::assessment:
            if (q.recognised)
                return format(words.tr("assessment %s: module recognised by a coordinator"), {q.module_code});
            if (!q.taken) return format(words.tr("assessment %s: not yet taken"), {q.module_code});
            return format(q.done ? words.tr("assessment %s: passed on %s") : words.tr("assessment %s: not passed (%s)"),
                          {q.module_code, to_string(q.on)});
    }
    return q.detail;
}

std::string renewal_phrase(const RenewalShortfall& s, const Catalog& words) {
    if (s.category.empty())
        return format(words.tr("in total: %s of %s"),
                      {hours_words(s.done_minutes, words), hours_words(s.needed_minutes, words)});
    return format(words.tr("%s: %s of %s"), {category_words(s.category, words), hours_words(s.done_minutes, words),
                                             hours_words(s.needed_minutes, words)});
}

std::string renewal_phrases(const std::vector<RenewalShortfall>& shortfalls, const Catalog& words) {
    std::string out;
    for (const auto& s : shortfalls) out += (out.empty() ? "" : "; ") + renewal_phrase(s, words);
    return out;
}

std::string gap_phrase(const Pathway& p, const PathwayGap& gap, const std::string& language, const Catalog& words) {
    switch (gap.kind) {
        case PathwayGap::Kind::requirement:
            return gap.requirement < p.requirements.size()
                       ? requirement_phrase(p.requirements[gap.requirement], language, words)
                       : std::string();
        case PathwayGap::Kind::renewal:
            return format(words.tr("for renewal, %s"), {renewal_phrase(gap.renewal, words)});
        case PathwayGap::Kind::certificate_not_issued: return words.tr("the completion certificate is not yet issued");
    }
    return {};
}

std::string standing_words(const std::string& standing, const Catalog& words) {
    if (standing == "valid") return words.tr("valid");
    if (standing == "expiring") return words.tr("valid, expiring soon");
    if (standing == "expired") return words.tr("expired");
    if (standing == "revoked") return words.tr("revoked");
    if (standing == "superseded") return words.tr("replaced by a renewal");
    if (standing == "not certified") return words.tr("not certified yet");
    return standing;
}

std::string attendance_words(AttendanceStatus status, const Catalog& words) {
    switch (status) {
        // TRANSLATORS: an attendance mark: the person was at the session.
        case AttendanceStatus::present: return words.tr("present");
        // TRANSLATORS: an attendance mark: the person came late to the session.
        case AttendanceStatus::late: return words.tr("late");
        // TRANSLATORS: an attendance mark: the person left the session early.
        case AttendanceStatus::left_early: return words.tr("left early");
        // TRANSLATORS: an attendance mark: the person was absent with a reason accepted.
        case AttendanceStatus::excused: return words.tr("excused");
        // TRANSLATORS: an attendance mark: the person did not come.
        case AttendanceStatus::absent: return words.tr("absent");
    }
    return to_string(status);
}

std::string certificate_kind_words(const std::string& kind, const std::string& module_code, const Catalog& words) {
    // TRANSLATORS: a certificate's kind: for completing the whole programme.
    if (kind == "completion") return words.tr("completion");
    // TRANSLATORS: a certificate's kind: participation in one module; %s is its code.
    if (kind == "module")
        // TRANSLATORS: a certificate's kind: participation in a module (its code not known here).
        return module_code.empty() ? words.trc("certificate kind", "module")
                                   : format(words.tr("module %s"), {module_code});
    // TRANSLATORS: a certificate's kind: a certification (or its renewal); %s is the certification's code.
    if (kind == "certification")
        // TRANSLATORS: a certificate's kind: a certification (its code not known here).
        return module_code.empty() ? words.trc("certificate kind", "certification")
                                   : format(words.tr("certification %s"), {module_code});
    return kind + (module_code.empty() ? "" : " " + module_code);
}

std::string verdict_heading(Verdict verdict, const Catalog& words) {
    // TRANSLATORS: the headings of a certificate's verification, in capitals where the language has them.
    switch (verdict) {
        case Verdict::genuine: return words.tr("GENUINE");
        case Verdict::revoked: return words.tr("REVOKED");
        case Verdict::expired: return words.tr("EXPIRED");
        case Verdict::superseded: return words.tr("SUPERSEDED");
        case Verdict::forged: return words.tr("NOT GENUINE");
        case Verdict::unknown_key: return words.tr("UNKNOWN KEY");
        case Verdict::damaged: return words.tr("DAMAGED");
    }
    return words.tr("DAMAGED");
}

std::string learning_source_words(const std::string& source, const Catalog& words) {
    // TRANSLATORS: where an entry of a person's continuing-education ledger comes from: recorded from outside Mitra.
    if (source == "external") return words.trc("learning", "outside");
    // TRANSLATORS: the entry is a session the person attended in one of Mitra's cohorts.
    if (source == "cohort") return words.trc("learning", "cohort session");
    // TRANSLATORS: the entry is a session the person taught.
    if (source == "teaching") return words.trc("learning", "teaching");
    return source;
}

std::string left_out_phrase(const Problem& why, const ParticipantCompletion& completion, const Catalog& words) {
    if (why.code == ProblemCode::not_yet_complete && !completion.missing.empty())
        return completion_phrase(completion, words);
    if (why.code == ProblemCode::module_not_yet_complete && !why.values.empty())
        if (const auto* m = find_module(completion, why.values[0]); m && !m->missing.empty())
            return shortfalls_phrase(*m, words);
    return problem_phrase(why, words);
}

}  // namespace mitra::io
