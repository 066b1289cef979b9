// A person's progress letter: gathered from the store in their view, worded from the catalogs, rendered, written.
#include "workflow/progress_letter.hpp"

#include "core/date_format.hpp"
#include "io/durable.hpp"
#include "io/reason_words.hpp"
#include "store/app_queries.hpp"
#include "store/person_view.hpp"
#include "store/repos.hpp"
#include "store/rows.hpp"

namespace mitra::workflow {
namespace {

using store::refuse;

bool right_to_left(const std::string& language) {
    const std::string primary = language.substr(0, language.find_first_of("-_"));
    return primary == "ur" || primary == "ar" || primary == "fa" || primary == "he" || primary == "ps" ||
           primary == "sd" || primary == "dv";
}

// One thing that remains, kindly: a result to come or a criterion to show again in the letter's own words,
// anything else as the person's pathway says it.
std::string step_words(const LetterStep& step, const std::string& language, const io::Catalog& words) {
    using Kind = Shortfall::Kind;
    const Shortfall& s = step.shortfall;
    std::string text;
    switch (s.kind) {
        case Kind::observation_result_pending:
            text = io::format(words.tr("the result of your observed practice on %s is still to come"),
                              {format_date(s.on, language)});
            break;
        case Kind::criterion_below_level:
            text = s.note.empty() ? io::format(words.tr("you are asked to repeat criterion %d (level %d, needs %d), "
                                                        "observed on %s"),
                                               {s.number, s.done, s.needed, format_date(s.on, language)})
                                  : io::format(words.tr("you are asked to repeat criterion %d, %s (level %d, needs "
                                                        "%d), observed on %s"),
                                               {s.number, s.note, s.done, s.needed, format_date(s.on, language)});
            break;
        case Kind::criteria_not_observed:
            text = io::format(words.trn("you are asked to repeat your observed practice: %d criterion could not be "
                                        "observed on %s, at most %d may be",
                                        "you are asked to repeat your observed practice: %d criteria could not be "
                                        "observed on %s, at most %d may be",
                                        s.done),
                              {s.done, format_date(s.on, language), s.needed});
            break;
        default: text = io::shortfall_phrase(s, words);
    }
    if (step.module_code.empty()) return text;
    return io::format(words.tr("%s %s: %s"), {step.module_code, step.module_title, text});
}

}  // namespace

std::string enrolled_cohort(store::Database& db, const std::map<std::string, ParticipantCompletion>& by_cohort,
                            const std::string& ref, const std::string& requested) {
    std::string code = requested;
    if (code.empty()) {
        if (by_cohort.empty()) refuse("ref", ProblemCode::enrolled_nowhere, {ref});
        if (by_cohort.size() > 1) {
            std::string codes;
            for (const auto& [c, _] : by_cohort) codes += (codes.empty() ? "" : ", ") + c;
            refuse("cohort", ProblemCode::enrolled_in_several, {ref, codes});
        }
        code = by_cohort.begin()->first;
    }
    if (!store::AppQueries(db).find_cohort(code)) refuse("cohort", ProblemCode::no_cohort, {code});
    if (!by_cohort.count(code)) refuse("cohort", ProblemCode::not_enrolled, {ref, code});
    return code;
}

std::string letter_language(const LetterRequest& request, const std::string& person_language,
                            const std::string& cohort_language) {
    if (!request.language.empty()) return io::catalog_language(request.language);
    for (const auto* language : {&person_language, &cohort_language}) {
        if (language->empty()) continue;
        const std::string found = io::catalog_language(*language);
        if (!found.empty() || language->rfind("en", 0) == 0) return found;
    }
    return "";
}

GatheredLetter gather_progress_letter(store::Database& db, const LetterRequest& request) {
    const auto person = store::ParticipantRepo(db).find(request.ref);
    if (!person) refuse("ref", ProblemCode::no_participant, {request.ref});
    // Judged once in English to find the cohort; again in the letter's language once it is known.
    auto by_cohort = store::participant_completion_as_seen(db, request.ref, request.today, "en");
    const std::string code = enrolled_cohort(db, by_cohort, request.ref, request.cohort_code);
    const auto cohort = store::AppQueries(db).find_cohort(code);

    GatheredLetter out;
    out.catalog = letter_language(request, person->language, cohort->language);
    const std::string content = io::content_language(out.catalog);
    by_cohort = store::participant_completion_as_seen(db, request.ref, request.today, content);
    const auto curriculum = store::CurriculumRepo(db).find(cohort->curriculum_code, cohort->curriculum_version);
    LetterAddress to;
    to.ref = person->ref;
    to.full_name = person->full_name;
    to.language = content;
    to.cohort_code = code;
    to.curriculum_title = curriculum ? curriculum->title.in(content) : cohort->curriculum_code;
    if (!cohort->trainer_refs.empty())
        if (const auto lead = store::TrainerRepo(db).find(cohort->trainer_refs.front())) to.contact = lead->name;
    to.written_on = request.today;
    out.letter = progress_letter(to, by_cohort.at(code));
    return out;
}

pdf::LetterText word_progress_letter(const ProgressLetter& letter, const io::Catalog& words) {
    const LetterAddress& to = letter.address;
    const std::string& lang = to.language;
    pdf::LetterText t;
    t.language = lang;
    t.right_to_left = right_to_left(lang);
    t.title = io::format(words.tr("Your progress in %s"), {to.curriculum_title});
    t.date_line = format_date(to.written_on, lang);
    t.greeting = io::format(words.tr("Dear %s,"), {to.full_name});
    t.opening = letter.complete
                    ? io::format(words.tr("You have done everything %s asks (cohort %s). Congratulations, and thank "
                                          "you for your work."),
                                 {to.curriculum_title, to.cohort_code})
                    : io::format(words.tr("Thank you for your work in %s (cohort %s). This letter says what you have "
                                          "done so far, what remains, and by when."),
                                 {to.curriculum_title, to.cohort_code});
    if (letter.asked_to_repeat)
        t.opening += " " + words.tr(
                               "You are asked to repeat part of your observed practice. This is a usual step in "
                               "learning, and your trainer will agree a new day with you.");

    pdf::LetterSection done{words.tr("What you have done"), "", {}};
    for (const auto& m : letter.done) done.items.push_back(m.code + " " + m.title);
    if (letter.done.empty()) done.lead = words.tr("You have not completed a module yet, and there is time.");
    if (letter.supervised_minutes > 0 || letter.one_to_one_minutes > 0 || letter.group_minutes > 0)
        done.items.push_back(io::format(
            words.tr("supervised practice so far: %s one-to-one, %s in groups"),
            {io::hours_words(letter.one_to_one_minutes, words), io::hours_words(letter.group_minutes, words)}));
    t.sections.push_back(done);

    if (!letter.remaining.empty()) {
        pdf::LetterSection remains{words.tr("What remains"), words.tr("One step at a time:"), {}};
        for (const auto& step : letter.remaining) remains.items.push_back(step_words(step, lang, words));
        t.sections.push_back(remains);
    }

    if (letter.deadline && !letter.complete) {
        const Deadline& d = *letter.deadline;
        pdf::LetterSection deadline{words.tr("Your deadline"), "", {}};
        if (letter.deadline_passed)
            deadline.lead = io::format(words.tr("Your deadline, %s, has passed. Please talk to us about what comes "
                                                "next: an extension is possible."),
                                       {format_date(d.due, lang)});
        else if (d.extension)
            deadline.lead = io::format(words.tr("Your deadline has been extended to %s."), {format_date(d.due, lang)});
        else deadline.lead = io::format(words.tr("Please complete by %s."), {format_date(d.due, lang)});
        t.sections.push_back(deadline);
    }

    pdf::LetterSection contact{words.tr("Who to contact"), "", {}};
    contact.lead =
        to.contact.empty()
            ? words.tr("Your coordinator is glad to help with any question.")
            : io::format(words.tr("%s, your lead trainer, is glad to help with any question."), {to.contact});
    t.sections.push_back(contact);
    t.closing = words.tr("With best wishes,");
    t.signature = to.contact.empty() ? words.tr("The training team") : to.contact;
    t.footer = to.ref + " · " + to.cohort_code + " · " + to_string(to.written_on);
    return t;
}

LetterOutcome write_progress_letter(store::Database& db, pdf::FontStack& fonts, const LetterRequest& request,
                                    const std::filesystem::path& file) {
    auto gathered = gather_progress_letter(db, request);
    const io::Catalog& words = io::catalog(gathered.catalog);
    const std::string bytes = pdf::render_progress_letter(fonts, word_progress_letter(gathered.letter, words));
    io::write_file_atomically(file, bytes, io::Access::owner_only);
    return {file, std::move(gathered.letter), gathered.catalog};
}

}  // namespace mitra::workflow
