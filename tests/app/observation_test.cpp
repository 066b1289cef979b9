// An observed assessment recorded in the desktop program by keyboard (issue 21): the Completion page's
// "Observed assessment…" opens a dialog with the module's rubric, each chosen level's descriptor and the outcome it
// will record in words before anything is kept; Enter keeps it, held back, and the person's completion changes.
#include <catch2/catch.hpp>

#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/uiaction.h>

#include "app/cohort_pages.hpp"
#include "app/guard.hpp"
#include "app/cohort_panel.hpp"
#include "app/main_frame.hpp"
#include "app/record_dialogs.hpp"
#include "fixture.hpp"
#include "io/curriculum_toml.hpp"
#include "store/practice_repo.hpp"
#include "store/repos.hpp"

using namespace mitra;
using namespace mitra::app_test;

namespace {

// Alt+digit to the criterion's level, then Down `times` from no level (the first Down gives level 0).
void rate(wxUIActionSimulator& sim, char criterion, int downs) {
    key(sim, criterion, wxMOD_ALT);
    for (int i = 0; i < downs; ++i) key(sim, WXK_DOWN);
}

// PSF with issue 21's rules (tests/data/psf-practice.toml) as a new version, a cohort on it from 2026-02-02 and P-001
// enrolled in it (the fixture's cohort keeps the version without rubrics).
Cohort cohort_with_rubrics(Programme& programme) {
    const Cohort c = programme.add_practice_cohort("PKR-2026-9", Date{2026, 2, 2});
    return c;
}

std::string reason_of(store::Database& db, const std::string& cohort, const std::string& ref,
                      const std::string& module) {
    for (const auto& p : store::cohort_completion(db, cohort, Date{2026, 3, 2}))
        if (p.ref == ref)
            for (const auto& m : p.modules)
                if (m.code == module) return m.reason;
    return "(none)";
}

}  // namespace

TEST_CASE(
    "an observed assessment is recorded by keyboard: each level's descriptor and the outcome in words shown before "
    "it is kept, held back, and the person's completion follows it",
    "[gui][observation]") {
    Programme programme;
    auto& db = programme.db();
    const Cohort c = cohort_with_rubrics(programme);
    const auto curriculum = store::CohortRepo(db).curriculum_of(c);
    REQUIRE(curriculum.module("M04"));
    REQUIRE(curriculum.module("M04")->rubric);
    const auto& rubric = *curriculum.module("M04")->rubric;
    REQUIRE(rubric.criteria.size() >= 3);
    REQUIRE(rubric.criteria[1].key == "listening");

    Window frame(programme.context);
    auto* panel = frame->open_cohort(c.code);
    panel->show_page(app::CohortPanel::completion_page);
    pump();
    auto* page = panel->completion();
    page->list()->SelectRow(0);
    pump();

    {
        KeyboardAnswer cancelled("ObservationDialog",
                                 [](wxDialog*, wxUIActionSimulator& sim) { key(sim, WXK_ESCAPE); });
        CHECK_FALSE(page->observe_selected());
        CHECK(cancelled.shown == 1);
        CHECK_FALSE(cancelled.timed_out);  // Esc closed it
        CHECK(store::PracticeRepo(db).observations("P-001").empty());
    }

    // Every criterion at 2 (three Downs from none) but the second, listening without advice, at 1.
    wxString outcome_before, outcome_shown, descriptor_shown, module_shown, names;
    std::size_t kept_while_shown = 99;
    {
        KeyboardAnswer answer("ObservationDialog", [&](wxDialog* d, wxUIActionSimulator& sim) {
            auto* dialog = static_cast<app::ObservationDialog*>(d);
            module_shown = static_cast<wxChoice*>(dialog->FindWindow("module"))->GetStringSelection();
            outcome_before = dialog->outcome_text();
            accessible_names(dialog, names);
            for (std::size_t i = 0; i < rubric.criteria.size(); ++i)
                rate(sim, static_cast<char>('1' + i), i == 1 ? 2 : 3);
            key(sim, 'd', wxMOD_ALT);  // the day
            key(sim, 'a', wxMOD_CONTROL);
            sim.Text("2026-02-27");
            pump(50);
            descriptor_shown = dialog->descriptor(1);
            outcome_shown = dialog->outcome_text();
            kept_while_shown = store::PracticeRepo(db).observations("P-001").size();
            key(sim, WXK_RETURN);
        });
        CHECK(page->observe_selected());
        CHECK(answer.shown == 1);
        CHECK_FALSE(answer.timed_out);  // Enter saved
    }

    CHECK(module_shown.StartsWith("M04"));  // the first module with a rubric the person has not completed
    CHECK(outcome_before.Contains("Choose a level for every criterion"));
    CHECK(descriptor_shown == wxString::FromUTF8(rubric.criteria[1].levels[1].in("en")));
    CHECK(outcome_shown.Contains("\"asked to repeat\", held back until released"));
    CHECK(kept_while_shown == 0);
    // Every field named for a screen reader from its label (the naming pass run on every window shown), without the
    // label's mnemonic; each second rater's level with its criterion's number.
    INFO(names);
    CHECK_FALSE(names.Contains(": \n"));
    CHECK(names.Contains("level_2: 2. Listening without advice\n"));
    CHECK(names.Contains("second_level_2: Second rater's level (2)\n"));
    CHECK(names.Contains("day: Day (YYYY-MM-DD)\n"));
    CHECK(names.Contains("held_back: Hold the result back until released\n"));

    const auto kept = store::PracticeRepo(db).observations("P-001");
    REQUIRE(kept.size() == 1);
    CHECK(kept[0].module_code == "M04");
    CHECK(kept[0].observed_on == Date{2026, 2, 27});
    CHECK(kept[0].rater == "T-NP-01");  // the cohort's lead, offered first
    CHECK(kept[0].second_rater.empty());
    CHECK_FALSE(kept[0].released_on);  // held back
    REQUIRE(kept[0].ratings.size() == rubric.criteria.size());
    for (const auto& r : kept[0].ratings) CHECK(r.level == (r.criterion == "listening" ? 1 : 2));
    CHECK(reason_of(db, c.code, "P-001", "M04").find("criterion 2, Listening without advice: level 1, needs 2") !=
          std::string::npos);
    CHECK(page->still_needed()->GetValue().Contains("level 1, needs 2"));

    // Rated again with listening at 2: met, and completion no longer asks for it.
    outcome_shown.clear();
    KeyboardAnswer again("ObservationDialog", [&](wxDialog* d, wxUIActionSimulator& sim) {
        auto* dialog = static_cast<app::ObservationDialog*>(d);
        for (std::size_t i = 0; i < rubric.criteria.size(); ++i) rate(sim, static_cast<char>('1' + i), 3);
        outcome_shown = dialog->outcome_text();
        // The keyboard is on the last level's choice, where Enter opens its list (GTK): Alt+S saves.
        key(sim, 's', wxMOD_ALT);
    });
    CHECK(page->observe_selected());
    CHECK_FALSE(again.timed_out);
    CHECK(outcome_shown.Contains("\"met\""));
    CHECK(store::PracticeRepo(db).observations("P-001").size() == 2);
    CHECK(reason_of(db, c.code, "P-001", "M04").find("Listening without advice") == std::string::npos);

    // Released after the session: asked first, naming the person by ref and the module; "keep held back" keeps them.
    std::vector<wxString> questions;
    bool answer_yes = false;
    app::set_question_sink([&](wxWindow*, const wxString& q) {
        questions.push_back(q);
        return answer_yes;
    });
    CHECK_FALSE(page->release_selected());
    for (const auto& a : store::PracticeRepo(db).observations("P-001")) CHECK_FALSE(a.released_on);
    answer_yes = true;
    CHECK(page->release_selected());
    REQUIRE(questions.size() == 2);
    CHECK(questions[1].Contains("P-001 in M04"));
    for (const auto& a : store::PracticeRepo(db).observations("P-001")) CHECK(a.released_on == Date{2026, 3, 2});
    programme.messages.clear();
    CHECK_FALSE(page->release_selected());  // nothing left held back: said, not asked
    CHECK(questions.size() == 2);
    REQUIRE(programme.messages.size() == 1);
    CHECK(programme.messages[0].Contains("No result is held back for P-001"));
    app::set_question_sink({});
}

TEST_CASE("an observed assessment with a criterion left unrated is refused naming it, and nothing is kept",
          "[gui][observation]") {
    Programme programme;
    auto& db = programme.db();
    const Cohort c = cohort_with_rubrics(programme);

    Window frame(programme.context);
    int shown = 0;
    DialogAnswer answer(
        "ObservationDialog",
        [&](wxDialog* d) {
            ++shown;
            static_cast<wxChoice*>(d->FindWindow("level_1"))->SetSelection(2);  // the others left unrated
            static_cast<wxTextCtrl*>(d->FindWindow("day"))->ChangeValue("2026-02-31");
        },
        false);
    CHECK_FALSE(app::observe_for(frame.get(), programme.context, c.code, "P-001"));
    CHECK(shown == 1);
    REQUIRE(programme.messages.size() == 1);
    const wxString& refusal = programme.messages.front();
    INFO(refusal);
    CHECK(refusal.Contains("Criterion 2, Listening without advice"));
    CHECK(refusal.Contains("'2026-02-31' is not a date"));
    CHECK(store::PracticeRepo(db).observations("P-001").empty());
}
