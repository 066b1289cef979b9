// mitra-cli session sheet, cohort roster, cohort form: paper forms for field sites, as printable A4 PDFs.
#include "cli/context.hpp"
#include "core/date_format.hpp"
#include "io/files.hpp"
#include "pdf/forms.hpp"
#include "store/repos.hpp"

namespace mitra::cli {
namespace {

struct SessionSheetOptions {
    long long session = 0;
    std::string out;
};

struct CohortRosterOptions {
    std::string cohort;
    std::string out;
};

struct CohortFormOptions {
    std::string cohort;
    std::string out;
    std::string language;
};

std::vector<pdf::FormPerson> people_of(store::Database& db, const std::string& cohort_code) {
    store::ParticipantQuery query;
    query.cohort_code = cohort_code;
    std::vector<pdf::FormPerson> out;
    for (const auto& p : store::ParticipantRepo(db).list(query))
        out.push_back({p.ref, p.full_name, p.latin_name, p.language, p.country});
    return out;
}

std::string trainer_name(store::Database& db, const std::string& ref) {
    if (ref.empty()) return "";
    const auto t = store::TrainerRepo(db).find(ref);
    if (!t) return ref;
    return t->name + (t->latin_name.empty() || t->latin_name == t->name ? "" : " (" + t->latin_name + ")");
}

std::string end_time(const LocalTime& start, int minutes) {
    const int end = (start.hour * 60 + start.minute + minutes) % (24 * 60);
    return to_string(LocalTime{end / 60, end % 60});
}

Cohort find_cohort(store::Database& db, const std::string& code) {
    auto cohort = store::CohortRepo(db).find(code);
    if (!cohort) bad_option("cohort", ProblemCode::no_cohort, {code});
    return *cohort;
}

void run_session_sheet(Context& ctx, const SessionSheetOptions& options) {
    auto& db = ctx.db();
    const auto session = store::SessionRepo(db).find(options.session);
    if (!session) bad_option("session", ProblemCode::no_session, {std::to_string(options.session)});
    const Cohort cohort = find_cohort(db, session->cohort_code);
    const Curriculum curriculum = store::CohortRepo(db).curriculum_of(cohort);
    const Module* module = curriculum.module(session->module_code);

    pdf::SignInSheet s;
    s.session_id = session->id;
    s.cohort_code = cohort.code;
    s.language = cohort.language;
    s.curriculum_title = curriculum.title.in(cohort.language);
    s.module_code = session->module_code;
    s.module_title = module ? module->title.in(cohort.language) : "";
    s.module_title_en = module ? module->title.in("en") : "";
    s.site = cohort.site;
    s.date = format_date(session->date, cohort.language);
    s.iso_date = to_string(session->date);
    s.start_time = to_string(session->start_time);
    s.end_time = end_time(session->start_time, session->minutes);
    s.time_zone = cohort.time_zone;
    s.trainer = trainer_name(db, !session->trainer_ref.empty()  ? session->trainer_ref
                                 : !cohort.trainer_refs.empty() ? cohort.trainer_refs.front()
                                                                : "");
    s.people = people_of(db, cohort.code);
    pdf::FontStack fonts;
    // Names on paper are personal data: the file is the owner's only.
    io::write_file_atomically(options.out, pdf::render_sign_in_sheet(fonts, s), true);
    ctx.print(
        json{{"file", options.out}, {"session", s.session_id}, {"cohort", s.cohort_code}, {"people", s.people.size()}},
        // TRANSLATORS: %1$s is the PDF written, %2$d the session's id, %3$s its module's code, %4$s its date
        // (YYYY-MM-DD), %5$s its start (HH:MM), %6$d the people on the sheet.
        io::format(ctx.words().trn("Wrote %1$s: sign-in sheet for session %2$d (%3$s, %4$s %5$s), %6$d person",
                                   "Wrote %1$s: sign-in sheet for session %2$d (%3$s, %4$s %5$s), %6$d people",
                                   static_cast<long long>(s.people.size())),
                   {options.out, static_cast<long long>(s.session_id), s.module_code, s.iso_date, s.start_time,
                    s.people.size()}));
}

void run_cohort_roster(Context& ctx, const CohortRosterOptions& options) {
    auto& db = ctx.db();
    const Cohort cohort = find_cohort(db, options.cohort);
    const Curriculum curriculum = store::CohortRepo(db).curriculum_of(cohort);
    pdf::Roster r;
    r.cohort_code = cohort.code;
    r.curriculum_title = curriculum.title.in(cohort.language);
    r.site = cohort.site;
    r.country = cohort.country;
    r.time_zone = cohort.time_zone;
    r.language = cohort.language;
    r.dates = format_date_range(cohort.start_date, cohort.end_date, cohort.language);
    for (const auto& ref : cohort.trainer_refs) r.trainers.push_back(trainer_name(db, ref));
    r.people = people_of(db, cohort.code);
    pdf::FontStack fonts;
    io::write_file_atomically(options.out, pdf::render_roster(fonts, r), true);
    ctx.print(
        json{{"file", options.out}, {"cohort", r.cohort_code}, {"people", r.people.size()}},
        // TRANSLATORS: %1$s is the PDF written, %2$s the cohort's code, %3$d the people on the roster.
        io::format(ctx.words().trn("Wrote %1$s: roster of %2$s, %3$d person", "Wrote %1$s: roster of %2$s, %3$d people",
                                   static_cast<long long>(r.people.size())),
                   {options.out, r.cohort_code, r.people.size()}));
}

void run_cohort_form(Context& ctx, const CohortFormOptions& options) {
    auto& db = ctx.db();
    const Cohort cohort = find_cohort(db, options.cohort);
    const Curriculum curriculum = store::CohortRepo(db).curriculum_of(cohort);
    pdf::EnrolmentForm f;
    f.language = options.language.empty() ? cohort.language : options.language;
    f.cohort_code = cohort.code;
    f.curriculum_title = curriculum.title.in(f.language);
    f.site = cohort.site;
    f.country = cohort.country;
    const auto known = pdf::enrolment_form_languages();
    const std::string primary = f.language.substr(0, f.language.find('-'));
    const bool translated = std::find(known.begin(), known.end(), primary) != known.end();
    pdf::FontStack fonts;
    io::write_file_atomically(options.out, pdf::render_enrolment_form(fonts, f));
    ctx.print(json{{"file", options.out}, {"cohort", f.cohort_code}, {"language", translated ? primary : "en"}},
              translated
                  // TRANSLATORS: %1$s is the PDF written, %2$s the cohort's code, %3$s the form's language code (ja).
                  ? io::format(ctx.words().tr("Wrote %1$s: enrolment form for %2$s in %3$s"),
                               {options.out, f.cohort_code, primary})
                  // TRANSLATORS: %1$s is the PDF written, %2$s the cohort's code, %3$s the language asked for (a code),
                  // %4$s the language codes the form has (en, ja, ko).
                  : io::format(ctx.words().tr("Wrote %1$s: enrolment form for %2$s in English (no translation for %3$s "
                                              "yet; have: %4$s)"),
                               {options.out, f.cohort_code, f.language, join(known, ", ")}));
}

}  // namespace

void add_forms_commands(CLI::App& app, Context& ctx) {
    const io::Catalog& words = ctx.words();
    // TRANSLATORS: the descriptions of commands and options that `mitra-cli ... --help` shows.
    auto sheeted = std::make_shared<SessionSheetOptions>();
    auto* sheet = app.get_subcommand("session")->add_subcommand(
        "sheet",
        words.tr("A printable A4 sign-in sheet for a session: every enrolled person, signature and status boxes"));
    sheet->add_option("session", sheeted->session, words.tr("The session's id"))->required();
    sheet->add_option("--out", sheeted->out, words.tr("The PDF file to write"))->required();
    sheet->callback([&ctx, sheeted] { run_session_sheet(ctx, *sheeted); });

    auto* cohort_group = app.get_subcommand("cohort");
    auto rostered = std::make_shared<CohortRosterOptions>();
    auto* roster =
        cohort_group->add_subcommand("roster", words.tr("A printable A4 roster: every person, their ref and language"));
    roster->add_option("cohort", rostered->cohort, words.tr("The cohort's code"))->required();
    roster->add_option("--out", rostered->out, words.tr("The PDF file to write"))->required();
    roster->callback([&ctx, rostered] { run_cohort_roster(ctx, *rostered); });

    auto formed = std::make_shared<CohortFormOptions>();
    auto* form = cohort_group->add_subcommand("form", words.tr("A blank A4 enrolment form in the cohort's language"));
    form->add_option("cohort", formed->cohort, words.tr("The cohort's code"))->required();
    form->add_option("--out", formed->out, words.tr("The PDF file to write"))->required();
    form->add_option("--language", formed->language, words.tr("Another language than the cohort's"));
    form->callback([&ctx, formed] { run_cohort_form(ctx, *formed); });
}

}  // namespace mitra::cli
