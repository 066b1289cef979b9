// A supervisor's verification and the coordinator's practice record: gathered from the store, accounted by core,
// worded from the catalogs, rendered, written owner-only.
#include "workflow/practice_record.hpp"

#include <algorithm>

#include "core/date_format.hpp"
#include "core/identity.hpp"
#include "io/durable.hpp"
#include "io/practice_words.hpp"
#include "io/reason_words.hpp"
#include "store/practice_repo.hpp"
#include "store/repos.hpp"
#include "store/rows.hpp"
#include "workflow/progress_letter.hpp"

namespace mitra::workflow {
namespace {

using store::refuse;

std::string day_words(const Date& day, const GatheredPractice& p) { return format_date(day, p.language); }

// What people typed, and dates, inside a right-to-left language's sentence, each kept whole in its own direction (a
// bidi isolate): a cohort's code and a Latin title with the comma between them read as one left-to-right run.
std::string typed(const std::string& value, const GatheredPractice& p) {
    return is_right_to_left(p.language) ? "\u2068" + value + "\u2069" : value;
}

std::string credential_words(const SupervisorCredential& c, const GatheredPractice& p, const io::Catalog& words) {
    return io::format(words.tr("%s, valid %s to %s"),
                      {typed(c.name, p), typed(day_words(c.valid_from, p), p), typed(day_words(c.expires_on, p), p)});
}

// Whether the entry counts, and why not when it does not.
std::string standing_words(const AccountedEntry& a, const GatheredPractice& p, const io::Catalog& words) {
    switch (a.standing) {
        case EntryStanding::counted: return words.tr("counted");
        case EntryStanding::over_group_maximum:
            return a.counted_minutes == 0
                       ? words.tr("not counted toward the total: past the group maximum")
                       : io::format(words.tr("%d of %d minutes counted toward the total: past the group maximum"),
                                    {a.counted_minutes, a.entry.minutes});
        case EntryStanding::credential_expired:
            return io::format(words.tr("not counted: credential expired on %s"),
                              {day_words(a.credential->expires_on, p)});
        case EntryStanding::credential_not_yet_valid:
            return io::format(words.tr("not counted: credential valid only from %s"),
                              {day_words(a.credential->valid_from, p)});
        case EntryStanding::no_credential: return words.tr("not counted: no credential on record");
    }
    return {};
}

// The module's rules beside what counts: of this supervisor (when `supervisor_ref` is given) and of everyone.
pdf::RecordTable totals_table(const ModulePractice& m, const std::string& supervisor_ref, const io::Catalog& words) {
    const CountedMinutes all = counted_minutes(m.entries);
    const CountedMinutes own = counted_minutes(m.entries, supervisor_ref);
    const bool mine = !supervisor_ref.empty();
    pdf::RecordTable t;
    t.header = {words.tr("Rule"), words.tr("Asked")};
    if (mine) t.header.push_back(words.tr("Counted with this supervisor"));
    t.header.push_back(words.tr("Counted in all"));
    t.shares = mine ? std::vector<double>{0.34, 0.22, 0.22, 0.22} : std::vector<double>{0.46, 0.27, 0.27};
    auto row = [&](const std::string& rule, const std::string& asked, int own_minutes, int all_minutes) {
        std::vector<std::string> r{rule, asked};
        if (mine) r.push_back(io::hours_words(own_minutes, words));
        r.push_back(io::hours_words(all_minutes, words));
        t.rows.push_back(std::move(r));
    };
    const std::string none = words.tr("no minimum");
    row(words.tr("supervised practice in all"),
        m.supervised_minutes > 0 ? io::hours_words(m.supervised_minutes, words) : none, own.total, all.total);
    row(words.tr("one-to-one"),
        m.rule.one_to_one_minutes > 0
            ? io::format(words.tr("at least %s"), {io::hours_words(m.rule.one_to_one_minutes, words)})
            : none,
        own.one_to_one, all.one_to_one);
    std::string group = m.rule.group_minutes > 0
                            ? io::format(words.tr("at least %s"), {io::hours_words(m.rule.group_minutes, words)})
                            : none;
    if (m.rule.group_max_minutes > 0)
        group += "; " + io::format(words.tr("at most %s toward the total"),
                                   {io::hours_words(m.rule.group_max_minutes, words)});
    row(words.tr("in groups"), group, own.group, all.group);
    return t;
}

std::string attestation_words(const GatheredPractice& p, AttestationKind kind, bool required,
                              const io::Catalog& words) {
    const Attestation* latest = nullptr;
    for (const auto& a : p.attestations)
        if (a.kind == kind && (!latest || !(a.on < latest->on))) latest = &a;
    const std::string what = kind == AttestationKind::supervision_agreement
                                 ? words.tr("Supervisory agreement")
                                 : words.tr("Attestation of lived experience");
    std::string state = !latest ? words.tr("not recorded")
                        : latest->is_signed
                            ? io::format(words.tr("signed: yes, on %s"), {day_words(latest->on, p)})
                            : io::format(words.tr("signed: no, recorded on %s"), {day_words(latest->on, p)});
    if (required) state += " " + words.tr("(the curriculum asks for it)");
    return io::format(words.tr("%s: %s"), {what, state});
}

std::string about_person(const GatheredPractice& p, const io::Catalog& words) {
    return io::format(words.tr("%s (%s), cohort %s, %s"), {typed(p.person.full_name, p), typed(p.person.ref, p),
                                                           typed(p.cohort.code, p), typed(p.curriculum_title, p)});
}

}  // namespace

const Supervisor* GatheredPractice::supervisor(const std::string& ref) const {
    for (const auto& s : supervisors)
        if (s.ref == ref) return &s;
    return nullptr;
}

GatheredPractice gather_practice(store::Database& db, const PracticeRequest& request, Reader reader) {
    const auto person = store::ParticipantRepo(db).find(request.ref);
    if (!person) refuse("ref", ProblemCode::no_participant, {request.ref});
    // The coordinator's view: every result, held back or not.
    const auto by_cohort = store::participant_completion(db, request.ref, request.today, "en");
    const std::string code = enrolled_cohort(db, by_cohort, request.ref, request.cohort_code);
    store::CohortRepo cohorts(db);
    const auto cohort = cohorts.find(code);
    if (!cohort) refuse("cohort", ProblemCode::no_cohort, {code});

    GatheredPractice out;
    out.person = *person;
    out.cohort = *cohort;
    out.today = request.today;
    out.catalog = letter_language(LetterRequest{request.ref, code, request.language, request.today},
                                  reader == Reader::person ? person->language : "", cohort->language);
    out.language = io::content_language(out.catalog);
    const Curriculum curriculum = cohorts.curriculum_of(*cohort);
    out.curriculum_title = curriculum.title.in(out.language);
    out.programme = curriculum.programme;
    out.deadline = by_cohort.at(code).deadline;

    std::map<std::string, ParticipantRecord> one{{person->uuid, ParticipantRecord{}}};
    one[person->uuid].ref = person->ref;
    db.read([&] {
        store::read_practice_records(db, cohort->uuid, one);
        out.supervisors = store::read_supervisors(db);
    });
    ParticipantRecord& record = one[person->uuid];

    for (const auto& m : curriculum.modules) {
        auto entries = account_supervision(m, record.supervision, out.supervisors);
        if (entries.empty() && m.supervised_minutes <= 0 && !m.supervision.any()) continue;
        out.modules.push_back(
            {m.code, m.title.in(out.language), m.supervised_minutes, m.supervision, std::move(entries)});
    }
    std::stable_sort(record.observations.begin(), record.observations.end(),
                     [](const auto& a, const auto& b) { return a.observed_on < b.observed_on; });
    for (const auto& a : record.observations) {
        const Module* m = curriculum.module(a.module_code);
        if (!m || !m->rubric) continue;
        ObservationRecord r{a, m->title.in(out.language), {}, m->rubric->pass_level, judge_observation(*m->rubric, a)};
        for (const auto& c : m->rubric->criteria) r.criterion_titles.push_back(c.title.in(out.language));
        out.observations.push_back(std::move(r));
    }
    out.attestations = record.attestations;
    out.referees = record.referees;
    std::stable_sort(out.referees.begin(), out.referees.end(),
                     [](const auto& a, const auto& b) { return a.received_on < b.received_on; });
    out.extensions = record.extensions;
    std::stable_sort(out.extensions.begin(), out.extensions.end(),
                     [](const auto& a, const auto& b) { return a.granted_at < b.granted_at; });
    return out;
}

pdf::RecordText word_supervisor_verification(const GatheredPractice& p, const std::string& supervisor_ref,
                                             const io::Catalog& words) {
    const Supervisor* s = p.supervisor(supervisor_ref);
    if (!s) refuse("supervisor", ProblemCode::no_supervisor, {supervisor_ref});
    pdf::RecordText t;
    t.language = p.language;
    t.right_to_left = is_right_to_left(p.language);
    t.title = words.tr("Verification of supervised practice");
    t.about = {io::format(words.tr("Supervisor: %s (%s)"), {s->name, s->ref}),
               io::format(words.tr("Supervised: %s"), {about_person(p, words)}),
               io::format(words.tr("As of %s"), {day_words(p.today, p)})};

    pdf::RecordSection credentials{words.tr("The supervisor's credentials"), {}, {}, {}};
    for (const auto& c : s->credentials) credentials.items.push_back(credential_words(c, p, words));
    if (s->credentials.empty()) credentials.paragraphs.push_back(words.tr("No credential on record."));
    t.sections.push_back(std::move(credentials));

    bool any = false;
    for (const auto& m : p.modules) {
        pdf::RecordTable entries{{words.tr("Day"), words.tr("Format"), words.tr("Minutes"), words.tr("Counts")},
                                 {},
                                 {0.22, 0.16, 0.12, 0.50}};
        // Notes are not printed: the person agreed to their supervision being recorded, not to its notes being
        // shown to whoever this paper reaches (an auditor, a certification body). Days and minutes suffice to verify.
        for (const auto& a : m.entries)
            if (a.entry.supervisor_ref == supervisor_ref)
                entries.rows.push_back({day_words(a.entry.day, p), io::supervision_format_words(a.entry.format, words),
                                        std::to_string(a.entry.minutes), standing_words(a, p, words)});
        if (entries.rows.empty()) continue;
        any = true;
        pdf::RecordSection section{io::format(words.tr("%s %s"), {m.code, m.title}), {}, {}, {}};
        section.tables.push_back(std::move(entries));
        section.tables.push_back(totals_table(m, supervisor_ref, words));  // the running total, beside the rules
        t.sections.push_back(std::move(section));
    }
    if (!any) refuse("supervisor", ProblemCode::no_supervision_entry, {supervisor_ref, p.person.ref, p.cohort.code});
    pdf::RecordSection sign{words.tr("Verified by the supervisor"),
                            {words.tr("I confirm that I supervised the practice listed above on the days shown.")},
                            {},
                            {}};
    t.sections.push_back(std::move(sign));
    t.signatures = {words.tr("Supervisor's signature"), words.tr("Date")};
    t.footer = p.person.ref + " · " + p.cohort.code + " · " + s->ref + " · " + to_string(p.today);
    return t;
}

pdf::RecordText word_practice_record(const GatheredPractice& p, const io::Catalog& words) {
    pdf::RecordText t;
    t.language = p.language;
    t.right_to_left = is_right_to_left(p.language);
    t.title = words.tr("Record of supervised practice and observed assessment");
    t.about = {about_person(p, words), io::format(words.tr("As of %s"), {day_words(p.today, p)}),
               words.tr("For the coordinator and the auditor only: personal data, not to be shared further.")};

    for (const auto& m : p.modules) {
        pdf::RecordSection section{io::format(words.tr("Supervised practice: %s %s"), {m.code, m.title}), {}, {}, {}};
        section.tables.push_back(totals_table(m, "", words));
        pdf::RecordTable entries{{words.tr("Day"), words.tr("Supervisor"), words.tr("Credential valid that day"),
                                  words.tr("Format"), words.tr("Minutes"), words.tr("Counts")},
                                 {},
                                 {0.14, 0.17, 0.23, 0.11, 0.09, 0.26}};
        for (const auto& a : m.entries) {
            const Supervisor* s = p.supervisor(a.entry.supervisor_ref);
            const bool valid = a.credential && a.standing != EntryStanding::credential_expired &&
                               a.standing != EntryStanding::credential_not_yet_valid;
            entries.rows.push_back({day_words(a.entry.day, p),
                                    s ? s->name + " (" + s->ref + ")" : a.entry.supervisor_ref,
                                    valid ? credential_words(*a.credential, p, words) : words.tr("none"),
                                    io::supervision_format_words(a.entry.format, words),
                                    std::to_string(a.entry.minutes), standing_words(a, p, words)});
        }
        if (entries.rows.empty()) section.paragraphs.push_back(words.tr("No supervision recorded yet."));
        else section.tables.push_back(std::move(entries));
        t.sections.push_back(std::move(section));
    }

    for (const auto& o : p.observations) {
        const ObservedAssessment& a = o.assessment;
        pdf::RecordSection section{io::format(words.tr("Observed assessment: %s %s, %s"),
                                              {a.module_code, o.module_title, day_words(a.observed_on, p)}),
                                   {},
                                   {},
                                   {}};
        section.paragraphs.push_back(
            io::format(words.tr("Method: %s. Rater: %s."), {io::observation_method_words(a.method, words), a.rater}) +
            (a.second_rater.empty() ? "" : " " + io::format(words.tr("Second rater: %s."), {a.second_rater})));
        section.paragraphs.push_back(
            io::format(words.tr("Outcome: %s."),
                       {o.judgement.outcome == ObservedOutcome::met ? words.tr("met") : words.tr("asked to repeat")}) +
            " " +
            (a.released_on ? io::format(words.tr("Released to the person on %s."), {day_words(*a.released_on, p)})
                           : words.tr("Held back: not yet released to the person.")));
        const bool two = !a.second_rater.empty();
        pdf::RecordTable levels;
        levels.header = {"#", words.tr("Criterion"), words.tr("Level")};
        if (two) levels.header.push_back(words.tr("Second rater's level"));
        levels.header.push_back(words.tr("Counts"));
        levels.shares =
            two ? std::vector<double>{0.06, 0.44, 0.14, 0.18, 0.18} : std::vector<double>{0.06, 0.54, 0.2, 0.2};
        auto level = [&](const std::optional<int>& l) { return l ? std::to_string(*l) : words.tr("N/O"); };
        for (std::size_t i = 0; i < o.judgement.criteria.size(); ++i) {
            const CriterionResult& c = o.judgement.criteria[i];
            std::vector<std::string> row{std::to_string(c.number),
                                         i < o.criterion_titles.size() ? o.criterion_titles[i] : c.key, level(c.first)};
            if (two) row.push_back(level(c.second));
            row.push_back(c.below ? io::format(words.tr("%s (needs %d)"), {level(c.level), o.pass_level})
                                  : level(c.level));
            levels.rows.push_back(std::move(row));
        }
        section.tables.push_back(std::move(levels));
        t.sections.push_back(std::move(section));
    }
    if (p.observations.empty())
        t.sections.push_back({words.tr("Observed assessment"), {words.tr("No observed assessment recorded.")}, {}, {}});

    pdf::RecordSection signed_{words.tr("Agreement and attestation"), {}, {}, {}};
    signed_.items.push_back(
        attestation_words(p, AttestationKind::supervision_agreement, p.programme.supervision_agreement, words));
    signed_.items.push_back(
        attestation_words(p, AttestationKind::lived_experience, p.programme.lived_experience_attestation, words));
    t.sections.push_back(std::move(signed_));

    pdf::RecordSection referees{words.tr("Referees"), {}, {}, {}};
    referees.paragraphs.push_back(
        io::format(words.tr("%d received, %d asked."), {referees_received(p.referees), p.programme.referees_required}));
    for (const auto& r : p.referees)
        referees.items.push_back(io::format(words.tr("%s: received on %s"), {r.referee, day_words(r.received_on, p)}));
    t.sections.push_back(std::move(referees));

    pdf::RecordSection deadline{words.tr("Deadline"), {}, {}, {}};
    if (!p.deadline) deadline.paragraphs.push_back(words.tr("The curriculum sets no completion window."));
    else {
        deadline.paragraphs.push_back(
            io::format(words.tr("The completion window ends on %s; due on %s."),
                       {day_words(p.deadline->window_end, p), day_words(p.deadline->due, p)}));
        for (const auto& x : p.extensions)
            deadline.items.push_back(io::format(words.tr("extended to %s by %s at %s: %s"),
                                                {day_words(x.new_deadline, p), x.granted_by, x.granted_at, x.reason}));
    }
    t.sections.push_back(std::move(deadline));
    t.footer = p.person.ref + " · " + p.cohort.code + " · " + to_string(p.today);
    return t;
}

PracticeOutcome write_supervisor_verification(store::Database& db, pdf::FontStack& fonts,
                                              const PracticeRequest& request, const std::string& supervisor_ref,
                                              const std::filesystem::path& file) {
    auto practice = gather_practice(db, request, Reader::person);
    const std::string bytes = pdf::render_practice_record(
        fonts, word_supervisor_verification(practice, supervisor_ref, io::catalog(practice.catalog)));
    io::write_file_atomically(file, bytes, io::Access::owner_only);
    return {file, std::move(practice)};
}

PracticeOutcome write_practice_record(store::Database& db, pdf::FontStack& fonts, const PracticeRequest& request,
                                      const std::filesystem::path& file) {
    auto practice = gather_practice(db, request, Reader::coordinator);
    const std::string bytes =
        pdf::render_practice_record(fonts, word_practice_record(practice, io::catalog(practice.catalog)));
    io::write_file_atomically(file, bytes, io::Access::owner_only);
    return {file, std::move(practice)};
}

}  // namespace mitra::workflow
