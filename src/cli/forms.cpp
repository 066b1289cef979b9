// mitra-cli session sheet, cohort roster, cohort form: paper forms for field sites, as printable A4 PDFs.
#include "cli/context.hpp"
#include "core/date_format.hpp"
#include "io/files.hpp"
#include "pdf/forms.hpp"
#include "store/repos.hpp"

namespace mitra::cli {
namespace {

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
    if (!cohort) bad_option("cohort", "no cohort has code " + code);
    return *cohort;
}

}  // namespace

void add_forms_commands(CLI::App& app, Context& ctx) {
    auto* sheet = app.get_subcommand("session")->add_subcommand(
        "sheet", "A printable A4 sign-in sheet for a session: every enrolled person, signature and status boxes");
    static long long session_id = 0;
    static std::string sheet_out;
    sheet->add_option("session", session_id, "The session's id")->required();
    sheet->add_option("--out", sheet_out, "The PDF file to write")->required();
    sheet->callback([&ctx] {
        auto& db = ctx.db();
        const auto session = store::SessionRepo(db).find(session_id);
        if (!session) bad_option("session", "no session has id " + std::to_string(session_id));
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
        s.trainer = trainer_name(db, !session->trainer_ref.empty()      ? session->trainer_ref
                                     : !cohort.trainer_refs.empty() ? cohort.trainer_refs.front()
                                                                     : "");
        s.people = people_of(db, cohort.code);
        pdf::FontStack fonts;
        // Names on paper are personal data: the file is the owner's only.
        io::write_file_atomically(sheet_out, pdf::render_sign_in_sheet(fonts, s), true);
        ctx.print(json{{"file", sheet_out}, {"session", s.session_id}, {"cohort", s.cohort_code},
                       {"people", s.people.size()}},
                  "Wrote " + sheet_out + ": sign-in sheet for session " + std::to_string(s.session_id) + " (" +
                      s.module_code + ", " + s.iso_date + " " + s.start_time + "), " + std::to_string(s.people.size()) +
                      " people");
    });

    auto* cohort_group = app.get_subcommand("cohort");
    auto* roster = cohort_group->add_subcommand("roster", "A printable A4 roster: every person, their ref and language");
    static std::string roster_cohort, roster_out;
    roster->add_option("cohort", roster_cohort, "The cohort's code")->required();
    roster->add_option("--out", roster_out, "The PDF file to write")->required();
    roster->callback([&ctx] {
        auto& db = ctx.db();
        const Cohort cohort = find_cohort(db, roster_cohort);
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
        io::write_file_atomically(roster_out, pdf::render_roster(fonts, r), true);
        ctx.print(json{{"file", roster_out}, {"cohort", r.cohort_code}, {"people", r.people.size()}},
                  "Wrote " + roster_out + ": roster of " + r.cohort_code + ", " + std::to_string(r.people.size()) +
                      " people");
    });

    auto* form = cohort_group->add_subcommand("form", "A blank A4 enrolment form in the cohort's language");
    static std::string form_cohort, form_out, form_language;
    form->add_option("cohort", form_cohort, "The cohort's code")->required();
    form->add_option("--out", form_out, "The PDF file to write")->required();
    form->add_option("--language", form_language, "Another language than the cohort's");
    form->callback([&ctx] {
        auto& db = ctx.db();
        const Cohort cohort = find_cohort(db, form_cohort);
        const Curriculum curriculum = store::CohortRepo(db).curriculum_of(cohort);
        pdf::EnrolmentForm f;
        f.language = form_language.empty() ? cohort.language : form_language;
        f.cohort_code = cohort.code;
        f.curriculum_title = curriculum.title.in(f.language);
        f.site = cohort.site;
        f.country = cohort.country;
        const auto known = pdf::enrolment_form_languages();
        const std::string primary = f.language.substr(0, f.language.find('-'));
        const bool translated = std::find(known.begin(), known.end(), primary) != known.end();
        pdf::FontStack fonts;
        io::write_file_atomically(form_out, pdf::render_enrolment_form(fonts, f));
        ctx.print(json{{"file", form_out}, {"cohort", f.cohort_code}, {"language", translated ? primary : "en"}},
                  "Wrote " + form_out + ": enrolment form for " + f.cohort_code +
                      (translated ? " in " + primary
                                  : " in English (no translation for " + f.language + " yet; have: " +
                                        join(known, ", ") + ")"));
    });
}

}  // namespace mitra::cli
