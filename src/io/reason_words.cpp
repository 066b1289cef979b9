// What completion, a pathway and a renewal still need, phrased from core's parts in a catalog's language.
#include "io/reason_words.hpp"

#include <vector>

#include "io/record_words.hpp"

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

// A TOML value's type, wanted or found, from its key in a toml_wrong_type problem (toml_checker.cpp gives them);
// "[[frame]]" is a list of [[frame]] tables. A key not known here is shown as it is.
std::string toml_type_words(const std::string& key, const Catalog& words) {
    // TRANSLATORS: the types of value a curriculum or certificate template file (TOML) holds, said in "should be
    // %s, but is %s". "text in quotes" is a value written between double quotes.
    if (key == "text") return words.trc("TOML type", "text");
    if (key == "text_in_quotes") return words.trc("TOML type", "text in quotes");
    if (key == "integer") return words.trc("TOML type", "a whole number");
    if (key == "float") return words.trc("TOML type", "a number with decimals");
    // TRANSLATORS: true and false are written as they are in the file: keep them.
    if (key == "boolean") return words.trc("TOML type", "true or false");
    if (key == "table") return words.trc("TOML type", "a table");
    if (key == "array") return words.trc("TOML type", "a list");
    if (key == "date") return words.trc("TOML type", "a date or time");
    if (key == "nothing") return words.trc("TOML type", "nothing");
    if (key == "number") return words.trc("TOML type", "a number");
    // TRANSLATORS: en = "..." is how the file writes the English text: keep it as it is.
    if (key == "localized") return words.trc("TOML type", "a table of texts by language (en = \"...\")");
    if (key == "share") return words.trc("TOML type", "a number such as 0.8");
    if (key == "session_numbers") return words.trc("TOML type", "a list of session numbers such as [1, 4]");
    if (key == "session_number") return words.trc("TOML type", "a session number");
    if (key == "hours") return words.trc("TOML type", "a number of hours such as 36 or 1.5");
    // TRANSLATORS: [[module.rubric.criterion]] is how the file writes such a table: keep it as it is.
    if (key == "criteria") return words.trc("TOML type", "one or more [[module.rubric.criterion]] tables");
    // TRANSLATORS: %s is how the file writes such a table ([[module]], [[frame]]): it is kept as it is.
    if (key.size() > 4 && key.rfind("[[", 0) == 0) return format(words.trc("TOML type", "a list of %s tables"), {key});
    return key;
}

std::string value_at(const Problem& p, std::size_t i) { return i < p.values.size() ? p.values[i] : std::string(); }

// A renewal shortfall carried by a problem's values from `first` on: category, minutes done, minutes needed.
RenewalShortfall renewal_shortfall_of(const Problem& p, std::size_t first) {
    const auto minutes = [&](std::size_t i) {
        const std::string text = value_at(p, i);
        return !text.empty() && text.find_first_not_of("0123456789") == std::string::npos && text.size() < 9
                   ? std::stoi(text)
                   : 0;
    };
    return RenewalShortfall{value_at(p, first), minutes(first + 1), minutes(first + 2)};
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

// One switch for every code: a new code gets its words here (tests/io/reason_words_test.cpp walks them all).
std::string problem_phrase(const Problem& p, const Catalog& words) {
    std::vector<FormatArg> v;
    for (const auto& value : p.values) v.emplace_back(value);
    using Code = ProblemCode;
    switch (p.code) {
        case Code::none: return p.message;
        case Code::no_cohort: return format(words.tr("no cohort has code %s"), v);
        case Code::no_participant: return format(words.tr("no participant has ref %s"), v);
        case Code::no_trainer: return format(words.tr("no trainer has ref %s"), v);
        case Code::no_supervisor: return format(words.tr("no supervisor has ref %s"), v);
        case Code::no_session: return format(words.tr("no session has id %s"), v);
        case Code::no_certificate: return format(words.tr("no certificate has serial %s"), v);
        case Code::no_module: return format(words.tr("curriculum %s has no module %s"), v);
        case Code::no_mark: return format(words.tr("%s has no mark for session %s"), v);
        case Code::not_enrolled: return format(words.tr("%s is not enrolled in cohort %s"), v);
        case Code::not_enrolled_in_curriculum:
            return format(words.tr("%s is not enrolled in cohort %s nor in another cohort of curriculum %s"), v);
        case Code::cohort_exists: return format(words.tr("a cohort with code %s exists already"), v);
        case Code::trainer_exists: return format(words.tr("a trainer with ref %s exists already"), v);
        case Code::participant_exists: return format(words.tr("a participant with ref %s exists already"), v);
        case Code::override_needs_reason: return words.tr("an override needs a written reason");
        case Code::revocation_needs_reason: return words.tr("a revocation needs a written reason");
        case Code::reprint_needs_reason: return words.tr("a reprint needs a written reason");
        case Code::no_assessment: return format(words.tr("module %s has no assessment"), v);
        case Code::no_supervised_practice: return format(words.tr("module %s has no supervised practice"), v);
        case Code::practice_needs_minutes: return words.tr("supervised practice needs a positive number of minutes");
        case Code::practice_needs_supervisor: return words.tr("supervised practice needs the supervisor's name");
        case Code::revoked_already: return format(words.tr("%s was revoked already on %s"), v);
        case Code::reprint_of_revoked: return format(words.tr("%s is revoked; issue a new certificate instead"), v);
        case Code::reprint_of_erased:
            return format(words.tr("%s belongs to someone whose personal data was erased; it cannot be printed"), v);
        case Code::not_a_revocation_category:
            // TRANSLATORS: the three categories in brackets are codes: keep them as they are.
            return format(words.tr("'%s' is not a revocation category (issued-in-error, replaced, withdrawn)"), v);
        case Code::date_in_future: return format(words.tr("%s is in the future"), v);
        case Code::cohort_full:
            return format(words.tr("cohort %s holds %s people; enrolling %s more would make %s"), v);
        case Code::mark_before_enrolment:
            return format(words.tr("%s has a mark at session %s (%s, %s), before %s; choose that day or earlier, or "
                                   "clear the mark first"),
                          v);
        case Code::co_facilitator_without_lead:
            return words.tr("a session with a co-facilitator needs a trainer to lead it");
        case Code::co_facilitator_leads:
            return format(words.tr("%s leads the session already; name another trainer"), v);
        case Code::sessions_exist:
            return format(words.tr("cohort %s has %s sessions already; add or move sessions one by one instead"), v);
        case Code::session_negative: return format(words.tr("a session cannot last %s minutes"), v);
        case Code::session_too_long: return words.tr("a session cannot last more than 1440 minutes");
        case Code::session_has_marks:
            return format(words.tr("session %s has %s attendance marks; it cannot be removed (move it instead)"), v);
        case Code::version_in_use:
            return format(words.tr("curriculum %s version %s is used by %s cohort(s) and this file changes its rules "
                                   "(modules, minutes or requirements); give the file a new version"),
                          v);
        case Code::erasure_asked:
            return format(words.tr("%s asked for their personal data to be erased; leave them out"), v);
        case Code::erased: return format(words.tr("%s's personal data was erased at their request"), v);
        case Code::erased_already: return format(words.tr("%s's personal data was erased already"), v);
        case Code::erasure_needs_reason: return words.tr("say on whose request and why (it is recorded)");
        case Code::qualify_needs_module: return format(words.tr("choose at least one module to qualify %s for"), v);
        case Code::no_imported_module: return format(words.tr("no imported curriculum has a module %s"), v);
        case Code::no_pathway:
            return format(
                words.tr(
                    "%s is on no pathway to a certification (enrolled in no cohort of a curriculum that leads to it)"),
                v);
        case Code::no_pathway_to:
            return format(
                words.tr("%s is on no pathway to %s (enrolled in no cohort of a curriculum that leads to it)"), v);
        case Code::several_pathways:
            return format(words.tr("%s is on several pathways; name the certification's code"), v);
        case Code::certified_already:
            return format(words.tr("%s holds %s already (%s, valid until %s); renew it instead"), v);
        case Code::nothing_to_renew: return format(words.tr("%s holds no current certification to renew"), v);
        case Code::nothing_to_renew_of: return format(words.tr("%s holds no current %s certification to renew"), v);
        case Code::trainer_level_needed:
            return words.tr("a trainer certification needs a level, such as trainer or senior trainer");
        case Code::months_out_of_range: return words.tr("should be from 1 to 240");
        case Code::issued_in_future:
            return format(words.tr("%s is after today; record a certification once it is issued"), v);
        case Code::curriculum_not_imported: return format(words.tr("no curriculum %s has been imported"), v);
        case Code::curriculum_version_not_imported:
            return format(words.tr("no curriculum %s version %s has been imported"), v);
        case Code::no_completion_certificate:
            return format(words.tr("%s has completed %s but holds no completion certificate yet"), v);
        case Code::not_a_pack: return format(words.tr("%s is a Mitra database but not a field pack"), v);
        // Core's checks of a field (FieldError), said after the field's name.
        case Code::field_required:
            return p.values.empty() ? words.tr("is required") : format(words.tr("is required (such as %s)"), v);
        case Code::field_not_a_code:
            // TRANSLATORS: keep A-Z, '-', '_' and '.' as they are: they are the characters allowed.
            return format(words.tr("'%s' may hold only letters A-Z, digits, '-', '_' and '.' (at most 64)"), v);
        case Code::field_not_a_country:
            return format(words.tr("'%s' is not an ISO 3166-1 country code (such as JP, IN, LK)"), v);
        case Code::field_not_a_language:
            return format(words.tr("'%s' is not a BCP 47 language tag (such as ja, zh-Hant, ur)"), v);
        case Code::field_too_long:
            return format(words.tr("is longer than %d characters"), {static_cast<int>(kMaxNameLength)});
        case Code::field_not_utf8: return format(words.tr("is not valid UTF-8 (byte %s)"), v);
        case Code::field_blank: return words.tr("is blank");
        case Code::field_not_an_email: return format(words.tr("'%s' is not an e-mail address"), v);
        case Code::field_not_a_phone:
            return format(words.tr("'%s' is not a phone number (digits, spaces, + - ( ) .)"), v);
        // A file refused as a whole, then the CSV reader's problems with a row.
        case Code::file_too_large: return format(words.tr("the file is larger than %s MB; is it the right file?"), v);
        case Code::file_utf16:
            // TRANSLATORS: "CSV UTF-8" is the name of the file type in Excel's Save As: keep it as Excel shows it.
            return words.tr("the file is UTF-16; save the file as UTF-8 (in Excel: \"CSV UTF-8\")");
        case Code::file_empty: return words.tr("the file is empty; its first line should name the columns");
        case Code::csv_stray_quote:
            return words.tr(
                "a quote (\") in the middle of a field; put the whole field in quotes and write each "
                "quote inside it twice (\"\")");
        case Code::csv_unclosed_quote: return words.tr("a quote opened here is never closed");
        case Code::csv_after_quote:
            return words.tr(
                "characters after the closing quote; a quote inside a quoted field is written twice (\"\")");
        case Code::csv_field_too_long:
            return format(words.tr("field of unreasonable length (%s bytes; at most %s)"), v);
        case Code::csv_nul_byte:
            // TRANSLATORS: "CSV UTF-8" is the name of the file type in Excel's Save As: keep it as Excel shows it.
            return words.tr("contains a NUL byte; save the file as UTF-8 (in Excel: \"CSV UTF-8\")");
        case Code::csv_not_utf8:
            // TRANSLATORS: "CSV UTF-8" is the name of the file type in Excel's Save As: keep it as Excel shows it.
            return format(words.tr("line %s is not valid UTF-8 (byte %s of this field); save the file as UTF-8 (in "
                                   "Excel: \"CSV UTF-8\")"),
                          v);
        case Code::csv_too_many_fields:
            return format(words.tr("too many fields: the header has %s columns, this row has %s; is there a comma in "
                                   "a value without quotes?"),
                          v);
        case Code::csv_too_few_fields:
            return format(words.tr("too few fields: the header has %s columns, this row has %s"), v);
        case Code::more_problems: return format(words.tr("and %s more problems not shown"), v);
        case Code::column_unnamed: return words.tr("this column has no name");
        case Code::column_unknown:
            // TRANSLATORS: the column names are codes the file must use: they are not translated.
            return p.values.size() > 2 && !p.values[2].empty()
                       ? format(words.tr("unknown column '%s'; the columns are %s and optionally %s"), v)
                       : format(words.tr("unknown column '%s'; the columns are %s"), v);
        case Code::column_twice: return format(words.tr("column '%s' appears twice (first as column %s)"), v);
        case Code::column_missing: return format(words.tr("the header has no '%s' column"), v);
        case Code::not_a_date: return format(words.tr("'%s' is not a date in the form YYYY-MM-DD"), v);
        case Code::duplicate_ref: return format(words.tr("duplicate ref %s, first on line %s"), v);
        case Code::session_required: return words.tr("is required (the session number)");
        case Code::not_a_session_number:
            return format(words.tr("'%s' is not a session number (a whole number such as 12)"), v);
        case Code::status_required:
            // TRANSLATORS: the statuses are codes the file must use: keep them as they are.
            return words.tr("is required (present, late, left_early, excused or absent)");
        case Code::not_a_status:
            // TRANSLATORS: the statuses and their letters are codes the file must use: keep them as they are.
            return format(words.tr("'%s' is not an attendance status (present, late, left_early, excused, absent, or "
                                   "P, L, E, A)"),
                          v);
        case Code::minutes_required:
            // TRANSLATORS: %s is a status code (late, left_early), kept as it is.
            return format(words.tr("is required when the status is %s: the minutes the person attended"), v);
        case Code::not_minutes: return format(words.tr("'%s' is not a number of minutes from 0 to 1440"), v);
        case Code::minutes_not_for_status:
            // TRANSLATORS: late, left_early and %s are status codes, kept as they are.
            return format(words.tr("minutes only go with late or left_early; leave it empty for %s"), v);
        case Code::marked_twice: return format(words.tr("session %s is marked twice for %s, first on line %s"), v);
        case Code::no_file: return format(words.tr("there is no file %s"), v);
        case Code::pack_into_itself: return words.tr("a pack cannot be merged into itself");
        case Code::not_a_mitra_database: return format(words.tr("%s is not a Mitra database, so not a field pack"), v);
        case Code::not_a_readable_pack:
            return format(words.tr("%s is not a field pack (not an SQLite database Mitra can read)"), v);
        case Code::pack_from_newer_mitra:
            return format(words.tr("%s was made by a newer Mitra (schema version %s, this program knows up to %s); "
                                   "merge it with the newer program. Nothing was merged"),
                          v);
        case Code::pack_from_before_packs:
            return format(
                words.tr("%s is a Mitra database from before field packs (schema version %s), not a field pack"), v);
        case Code::pack_needs_out: return words.tr("name the pack file to write");
        case Code::pack_exists:
            return format(words.tr("%s exists already; choose another name (a pack is never written over)"), v);
        case Code::no_folder: return format(words.tr("the folder %s does not exist"), v);
        case Code::no_setting: return format(words.tr("there is no setting '%s' (there is: %s)"), v);
        case Code::site_folder_empty: return words.tr("the verification site's folder is empty");
        case Code::site_folder_control_character:
            return words.tr("the verification site's folder holds a control character");
        case Code::site_folder_not_absolute:
            return format(words.tr("'%s' is not an absolute folder path (such as /srv/verify)"), v);
        case Code::verify_url_empty: return words.tr("the verification address is empty");
        case Code::verify_url_too_long: return words.tr("the verification address is longer than 200 characters");
        case Code::verify_url_not_ascii:
            // TRANSLATORS: "xn--" is the form of a host name in ASCII (punycode): keep it as it is.
            return words.tr(
                "the verification address must be plain ASCII without spaces (write a non-ASCII host in its xn-- "
                "form)");
        case Code::verify_url_no_scheme:
            return words.tr("the verification address must start with https:// (or http://)");
        case Code::verify_url_no_host: return words.tr("the verification address has no host");
        case Code::verify_url_hash:
            return words.tr("the verification address must not hold '#': the certificate's code goes there");
        case Code::text_needed: return words.tr("is needed");
        case Code::text_too_long: return format(words.tr("is not text of at most %s characters"), v);
        case Code::credential_expires_first: return words.tr("the credential expires before it is valid");
        case Code::not_a_ref: return format(words.tr("'%s' is not a ref (letters, digits, '-', '_', '.')"), v);
        case Code::supervisor_exists: return format(words.tr("a supervisor already has ref %s"), v);
        case Code::supervisor_needs_trainer: return words.tr("a trainer who supervises is named by their trainer ref");
        case Code::supervisor_not_a_trainer: return words.tr("only a supervisor of kind trainer names a trainer");
        case Code::practice_minutes_out_of_range:
            return words.tr("supervised practice is from 1 to 1440 minutes a day");
        case Code::no_rubric: return format(words.tr("module %s has no observed-practice rubric"), v);
        case Code::no_completion_window: return format(words.tr("curriculum %s has no completion window to extend"), v);
        case Code::deadline_not_later:
            return format(words.tr("the new deadline must come after the current one, %s"), v);
        case Code::not_a_certificate_kind:
            // TRANSLATORS: 'completion' and 'module' are codes: keep them as they are.
            return format(words.tr("is 'completion' or 'module', not '%s'"), v);
        case Code::seed_needs_empty_database: return words.tr("the benchmark seed needs a database without people");
        case Code::learning_needs_title: return words.tr("a learning entry needs a title");
        case Code::learning_needs_provider: return words.tr("a learning entry needs a provider (who ran it)");
        case Code::hours_not_positive: return words.tr("should be more than 0");
        case Code::hours_too_many: return words.tr("should be at most 1000 hours for one entry");
        case Code::learning_needs_category:
            return words.tr("a learning entry needs a category, such as ethics or elective");
        case Code::not_a_category:
            return format(words.tr("'%s' is not a category name (lower case letters, digits and _)"), v);
        case Code::not_a_learning_source:
            // TRANSLATORS: external, cohort and teaching are codes: keep them as they are.
            return format(words.tr("is external, cohort or teaching, not '%s'"), v);
        case Code::session_not_in_cohort: return format(words.tr("session %s is not a session of cohort %s"), v);
        case Code::marked_twice_in_batch: return format(words.tr("%s is marked twice for session %s"), v);
        case Code::attended_minutes_needed: return format(words.tr("%s needs the minutes actually attended"), v);
        case Code::minutes_over_session: return format(words.tr("%s minutes is more than the session's %s"), v);
        case Code::minutes_only_when_partial:
            // TRANSLATORS: late and left_early are the attendance file's codes: keep them as they are.
            return words.tr("minutes only go with late or left_early");
        case Code::enrolled_nowhere: return format(words.tr("%s is not enrolled in any cohort"), v);
        case Code::enrolled_in_several: return format(words.tr("%s is enrolled in several cohorts (%s): name one"), v);
        case Code::no_supervision_entry:
            return format(words.tr("supervisor %s has no supervision entry for %s in cohort %s"), v);
        case Code::unprintable_character:
            return format(words.tr("contains %s (%s), which no font Mitra ships can print on a certificate"), v);
        // The curriculum and certificate template files (TOML).
        case Code::toml_not_valid:
            // toml++ says what it found wrong in English only: another language says where instead (the problem's
            // line and column), without it.
            if (words.translated())
                return words.tr(
                    "not valid TOML: a bracket, quote, comma or equals sign is missing or out of place "
                    "at this line and column");
            return format(words.tr("not valid TOML: %s"), v);
        case Code::toml_wrong_type:
            return format(words.tr("should be %s, but is %s"),
                          {toml_type_words(p.values.size() > 0 ? p.values[0] : "", words),
                           toml_type_words(p.values.size() > 1 ? p.values[1] : "", words)});
        case Code::toml_unknown_key:
            // TRANSLATORS: the keys are the file's own names: they are not translated.
            return format(words.tr("unknown key '%s'; the keys here are %s"), v);
        case Code::toml_too_long: return format(words.tr("is %s characters long; the most is %s"), v);
        case Code::toml_not_a_language_tag:
            return format(words.tr("'%s' is not a BCP 47 language tag (such as en, ja, zh-Hant)"), v);
        case Code::toml_empty: return words.tr("is empty");
        case Code::toml_no_texts: return words.tr("has no texts");
        case Code::toml_needs_english:
            // TRANSLATORS: en = "..." is how the file writes the English text: keep it as it is.
            return words.tr("needs an English text (en = \"...\"), the fallback");
        case Code::toml_out_of_range: return format(words.tr("%s is out of range: it should be from %s to %s"), v);
        case Code::toml_not_a_share: return words.tr("should be more than 0 and at most 1 (such as 0.8)");
        case Code::toml_not_a_fingerprint:
            // TRANSLATORS: the fingerprint is a code Mitra prints for a curriculum's English texts.
            return words.tr(
                "is not the fingerprint of English texts (16 digits 0-9 and a-f, as Mitra shows it "
                "with the curriculum)");
        case Code::toml_not_a_category: return words.tr("is not a category name");
        case Code::ethics_code_empty: return words.tr("is empty; leave the key out when no code of ethics applies");
        case Code::curriculum_no_modules:
            // TRANSLATORS: [[module]] is how the file writes a module: keep it as it is.
            return words.tr("the curriculum has no modules; add at least one [[module]]");
        case Code::module_code_twice: return format(words.tr("module code %s is used twice, first on line %s"), v);
        case Code::session_not_in_module:
            // TRANSLATORS: "sessions =" is the file's key for the number of sessions: keep it as it is.
            return format(words.tr("session %s does not exist: the module has %s session(s) (sessions =)"), v);
        case Code::session_listed_twice: return format(words.tr("session %s is listed twice"), v);
        case Code::split_without_supervision:
            // TRANSLATORS: supervised_minutes is a key of the file: keep it as it is.
            return words.tr("splits supervised practice, but the module has none (give supervised_minutes, the total)");
        case Code::split_over_supervision:
            // TRANSLATORS: supervised_minutes is a key of the file: keep it as it is.
            return format(words.tr("one-to-one and group minimums (%s minutes) are more than supervised_minutes (%s)"),
                          v);
        case Code::group_max_below_minimum:
            // TRANSLATORS: supervised_group_minutes is a key of the file: keep it as it is.
            return format(words.tr("%s is less than supervised_group_minutes (%s)"), v);
        case Code::criterion_twice: return format(words.tr("criterion %s is used twice, first on line %s"), v);
        case Code::not_a_module_kind:
            // TRANSLATORS: theory, practice, art_community and practicum are codes the file must use: keep them.
            return format(words.tr("'%s' is not a kind of module (theory, practice, art_community or practicum)"), v);
        case Code::not_an_assessment_kind:
            // TRANSLATORS: "pass_fail" is a code the file must use: keep it as it is.
            return format(words.tr("'%s' is not a kind of assessment; the only one is \"pass_fail\""), v);
        case Code::hours_out_of_range: return words.tr("should be from 0 to 10000 hours");
        case Code::electives_over_modules:
            // TRANSLATORS: "required = false" is how the file marks an elective module: keep it as it is.
            return format(words.tr("%s electives are required, but the curriculum has only %s (modules with "
                                   "required = false)"),
                          v);
        case Code::no_shipped_curricula:
            // TRANSLATORS: MITRA_DATA_DIR is the name of a setting of the environment: keep it as it is.
            return words.tr("cannot find the shipped curricula folder (set MITRA_DATA_DIR)");
        case Code::not_one_of:
            // TRANSLATORS: the second %s lists the codes the file may use ("A4", "Letter"): they are not translated.
            return format(words.tr("'%s' is not one of %s"), v);
        case Code::not_a_colour: return format(words.tr("'%s' is not a colour like \"#1F3A5F\""), v);
        case Code::not_a_placeholder:
            // TRANSLATORS: the names in braces are placeholders the file must use: keep them as they are.
            return format(words.tr("'%s' is not a placeholder; use {full_name}, {latin_name}, {curriculum_title}, "
                                   "{curriculum_title_en}, {site_and_dates}, {trainers}, {serial} or {issued_on}"),
                          v);
        case Code::not_a_text_field:
            // TRANSLATORS: the fields are codes the file must use: keep them as they are.
            return format(words.tr("'%s' is not a field; the fields are full_name, latin_name, curriculum_title, "
                                   "curriculum_title_en, modules, site_and_dates, trainers, serial, issued_on"),
                          v);
        case Code::field_or_text:
            // TRANSLATORS: field = "..." and text = { en = "..." } are written in the file as they are: keep them.
            return words.tr("give either field = \"...\" or text = { en = \"...\" }, one of the two");
        case Code::only_for_modules:
            // TRANSLATORS: field = "modules" is written in the file as it is: keep it.
            return words.tr("is only for a block with field = \"modules\"");
        // A certificate template's image; the first %s is its file name as the template gives it.
        case Code::image_not_png_or_jpeg_name:
            return format(words.tr("image '%s' should be a PNG or JPEG file (.png, .jpg)"), v);
        case Code::image_control_character:
            return format(words.tr("image '%s' has a control character in its name"), v);
        case Code::image_absolute:
            return format(words.tr("image '%s' is an absolute path; name it relative to the template's folder, where "
                                   "it must be"),
                          v);
        case Code::image_outside_folder:
            return format(
                words.tr("image '%s' leads out of the template's folder with '..'; keep images beside the template"),
                v);
        case Code::image_missing: return format(words.tr("image '%s' is not there (looked for %s)"), v);
        case Code::image_link_outside:
            return format(words.tr("image '%s' is a link leading out of the template's folder (to %s)"), v);
        case Code::image_cannot_open: return format(words.tr("image '%s' cannot be opened"), v);
        case Code::image_not_a_file: return format(words.tr("image '%s' is not a file"), v);
        case Code::image_too_many_bytes: return format(words.tr("image '%s' is %s MB; the most is %s MB"), v);
        case Code::image_png_no_header:
            // TRANSLATORS: IHDR is the name of a PNG file's header: keep it as it is.
            return format(words.tr("image '%s' is damaged: a PNG file must begin with its IHDR header"), v);
        case Code::image_png_bad_header:
            // TRANSLATORS: IHDR is the name of a PNG file's header: keep it as it is.
            return format(words.tr("image '%s' is damaged: its PNG header (IHDR) holds impossible values"), v);
        case Code::image_jpeg_cut_short:
            // TRANSLATORS: SOF is the name of a JPEG file's frame header: keep it as it is.
            return format(words.tr("image '%s' is damaged: the JPEG file ends before its frame header (SOF)"), v);
        case Code::image_jpeg_no_frame:
            // TRANSLATORS: SOF is the name of a JPEG file's frame header: keep it as it is.
            return format(words.tr("image '%s' is damaged: no JPEG frame header (SOF) before byte %s"), v);
        case Code::image_jpeg_unusual:
            return format(words.tr("image '%s' is a lossless, hierarchical or arithmetic-coded JPEG, which PDF "
                                   "readers cannot show; save it as an ordinary (baseline) JPEG"),
                          v);
        case Code::image_jpeg_unreadable:
            return format(words.tr("image '%s' is a JPEG that PDF readers cannot show (it should have 8 bits, 1, 3 "
                                   "or 4 colour components and its size in its frame header); save it again as an "
                                   "ordinary JPEG"),
                          v);
        case Code::image_neither:
            return format(words.tr("image '%s' is neither a PNG nor a JPEG file (its first bytes say so)"), v);
        case Code::image_misnamed:
            // TRANSLATORS: %1$s is an image's file name, %2$s PNG or JPEG, %3$s the end of its name (.jpg).
            return format(words.tr("image '%1$s' is a %2$s file, but its name ends in %3$s; rename it"), v);
        case Code::image_too_large:
            // TRANSLATORS: %1$s is an image's file name, %2$s and %3$s its width and height in pixels, %4$s the most
            // pixels a side, %5$s the most millions of pixels in all.
            return format(words.tr("image '%1$s' is %2$s x %3$s pixels; the most is %4$s a side and %5$s million in "
                                   "all (a 300 dpi A4 page is 3508 x 2480)"),
                          v);
        // Why someone is given no certificate, and why one cannot be printed (said by ref, never quoting the name).
        case Code::not_yet_complete: return words.tr("the programme is not yet complete");
        case Code::module_not_yet_complete: return format(words.tr("module %s is not yet complete"), v);
        case Code::module_not_in_curriculum:
            return format(words.tr("the module %s is not part of their curriculum"), v);
        case Code::personal_data_erased: return words.tr("their personal data was erased at their request");
        case Code::name_unprintable:
            // TRANSLATORS: %s is a character's number, such as U+11F12.
            return format(words.tr("their name has a character (%s) that no font Mitra ships can print; correct the "
                                   "name, then issue again"),
                          v);
        case Code::reprint_unprintable:
            // TRANSLATORS: %1$s is a certificate's serial, %2$s a character's number, such as U+11F12.
            return format(words.tr("%1$s cannot be printed: the name has a character (%2$s) that no font Mitra ships "
                                   "can print; correct the name, then reprint it"),
                          v);
        case Code::renewal_unprintable:
            // TRANSLATORS: %1$s is a person's ref, %2$s a character's number, such as U+11F12.
            return format(words.tr("%1$s's renewed certificate cannot be printed: their name has a character (%2$s) "
                                   "that no font Mitra ships can print; correct the name, then renew again"),
                          v);
        // A backup that cannot be restored.
        case Code::backup_not_a_file: return format(words.tr("%s is not a file"), v);
        case Code::backup_damaged: return format(words.tr("%s is damaged (SQLite's integrity check failed)"), v);
        case Code::backup_not_mitra: return format(words.tr("%s is not a Mitra database"), v);
        case Code::backup_from_newer_mitra:
            return format(words.tr("%s was made by a newer Mitra (schema version %s)"), v);
        case Code::backup_not_sqlite: return format(words.tr("%s is not an SQLite database"), v);
        // An input file that cannot be read (the file is the problem's place).
        case Code::input_missing: return words.tr("there is no such file");
        case Code::input_is_folder: return words.tr("this is a folder, not a file");
        case Code::input_read_denied: return words.tr("Mitra is not allowed to read this file");
        case Code::input_unreadable:
            // TRANSLATORS: %s is what the system said, in English.
            return format(words.tr("the file cannot be read (%s)"), v);
        // A name's characters (core's name_fault), said after the field's name; %s is U+XXXX and its Unicode name.
        case Code::name_control_character:
            return format(words.tr("contains the control character %s (such as a line break or NUL)"), v);
        case Code::name_line_break: return format(words.tr("contains a line break (%s)"), v);
        case Code::name_joiner:
            return format(words.tr("contains %s, which is kept only inside a word of a script that needs it (such as "
                                   "Sinhala, Devanagari or Urdu)"),
                          v);
        case Code::name_direction_control:
            return format(words.tr("contains %s, a direction control that changes how the name is shown"), v);
        case Code::name_not_a_character: return format(words.tr("contains %s, which is not a character"), v);
        case Code::name_private_use: return format(words.tr("contains %s, a private-use character"), v);
        case Code::name_noncharacter: return format(words.tr("contains %s, a noncharacter"), v);
        case Code::name_unassigned: return format(words.tr("contains %s, which is not an assigned character"), v);
        case Code::name_invisible: return format(words.tr("contains %s, an invisible character"), v);
        case Code::name_emoji: return format(words.tr("contains %s, an emoji or pictograph"), v);
        case Code::name_starts_with_mark: return format(words.tr("starts with a combining mark (%s)"), v);
        case Code::name_mark_after_space:
            return format(words.tr("has a combining mark (%s) after a space, with no letter under it"), v);
        case Code::name_no_letter: return words.tr("has no letter (a name needs at least one)");
        // A cohort's other fields.
        case Code::not_a_time_zone:
            // TRANSLATORS: IANA is the body that names time zones; Asia/Kolkata is a zone's name: keep both.
            return format(words.tr("'%s' is not an IANA time zone name (such as Asia/Kolkata)"), v);
        case Code::unknown_time_zone:
            return p.values.size() > 1 && !p.values[1].empty()
                       ? format(words.tr("'%s' is not in the time zone database (did you mean %s?)"), v)
                       : format(words.tr("'%s' is not in the time zone database"), v);
        case Code::end_before_start: return format(words.tr("the end date %s is before the start date %s"), v);
        case Code::capacity_negative: return words.tr("cannot be negative");
        case Code::not_ready_to_certify:
            // TRANSLATORS: %1$s is a person's ref, %2$s a certification's code, %3$s what is still needed.
            return format(words.tr("%1$s cannot be certified %2$s yet: %3$s"), v);
        case Code::not_ready_to_renew:
            // TRANSLATORS: %1$s is a person's ref, %2$s a certification's code, %3$s what the renewal still needs
            // (in total: 3 hours of 36 hours).
            return format(words.tr("%1$s cannot renew %2$s yet: %3$s"),
                          {value_at(p, 0), value_at(p, 1), renewal_phrase(renewal_shortfall_of(p, 2), words)});
        case Code::trainer_not_ready_to_renew:
            // TRANSLATORS: %1$s is a trainer's ref, %2$s their level (trainer, senior trainer), %3$s the renewal
            // rule's code, %4$s what the renewal still needs (ethics: 2 hours of 3 hours).
            return format(words.tr("%1$s cannot renew %2$s (%3$s) yet: %4$s"),
                          {value_at(p, 0), trainer_level_words(value_at(p, 1), words), value_at(p, 2),
                           renewal_phrase(renewal_shortfall_of(p, 3), words)});
    }
    return p.message;
}

std::string left_out_phrase(const Problem& why, const ParticipantCompletion& completion, const Catalog& words) {
    if (why.code == ProblemCode::not_yet_complete && !completion.missing.empty())
        return completion_phrase(completion, words);
    if (why.code == ProblemCode::module_not_yet_complete && !why.values.empty())
        if (const auto* m = find_module(completion, why.values[0]); m && !m->missing.empty())
            return shortfalls_phrase(*m, words);
    return problem_phrase(why, words);
}

Problem coded_problem(Problem place, ProblemCode code, std::vector<std::string> values) {
    place.code = code;
    place.values = std::move(values);
    place.message = problem_phrase(place, catalog(""));
    return place;
}

std::string field_error_phrase(const FieldError& error, const Catalog& words) {
    return problem_phrase(to_problem(error), words);
}

std::string problem_line(const Problem& problem, const Catalog& words) {
    Problem shown = problem;
    shown.message = problem_phrase(problem, words);
    if (!shown.file.empty() || shown.line <= 0) return to_string(shown);
    std::string place = shown.column > 0 ? format(words.tr("line %d, column %d"), {shown.line, shown.column})
                                         : format(words.tr("line %d"), {shown.line});
    shown.line = shown.column = 0;
    return place + ": " + to_string(shown);
}

}  // namespace mitra::io
