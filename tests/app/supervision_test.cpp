// A supervision entry recorded in the desktop program by keyboard (issue 21): the Completion page's chosen person
// (Cohort ▸ Log supervision…, or the person's details) gets a dialog that says, before anything is kept, whether the
// entry will count (core: the supervisor's credential valid that day); Enter keeps it, Esc keeps nothing.
#include <catch2/catch.hpp>

#include <wx/choice.h>
#include <wx/radiobut.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "app/cohort_pages.hpp"
#include "app/cohort_panel.hpp"
#include "app/main_frame.hpp"
#include "app/sections.hpp"
#include "app/practice_dialogs.hpp"
#include "fixture.hpp"
#include "io/curriculum_toml.hpp"
#include "store/practice_repo.hpp"
#include "store/repos.hpp"

using namespace mitra;
using namespace mitra::app_test;

namespace {

// PSF with issue 21's rules (tests/data/psf-practice.toml) as a new version, a cohort on it from 2026-02-02 with
// P-001 enrolled, and two supervisors: S-LEAD, the cohort's lead trainer, whose credential ended on 2026-02-15, and
// S-OUT, an outside professional credentialed until 2027.
Cohort cohort_with_supervisors(Programme& programme) {
    const Cohort c = programme.add_practice_cohort("PKR-2026-9", Date{2026, 2, 2});
    programme.add_two_supervisors();
    return c;
}

app::CompletionPage* completion_of(Window& frame, const std::string& cohort) {
    auto* panel = frame->open_cohort(cohort);
    panel->show_page(app::CohortPanel::completion_page);
    pump();
    auto* page = panel->completion();
    page->list()->SelectRow(0);
    pump();
    return page;
}

}  // namespace

TEST_CASE(
    "a supervision entry is logged by keyboard, saying before it is kept whether it will count, and Esc keeps "
    "nothing",
    "[gui][supervision]") {
    Programme programme;
    auto& db = programme.db();
    const Cohort c = cohort_with_supervisors(programme);
    Window frame(programme.context);
    auto* page = completion_of(frame, c.code);

    {
        KeyboardAnswer cancelled("SupervisionDialog", [](wxDialog*, wxUIActionSimulator& sim) {
            type_at(sim, 'i', "60");
            key(sim, WXK_ESCAPE);
        });
        CHECK_FALSE(page->supervise_selected());
        CHECK(cancelled.shown == 1);
        CHECK_FALSE(cancelled.timed_out);  // Esc closed it
        CHECK(store::PracticeRepo(db).supervision("P-001").empty());
    }

    wxString module_shown, lead_counts, expired_counts, outside_counts, names;
    std::size_t kept_while_shown = 99;
    KeyboardAnswer answer("SupervisionDialog", [&](wxDialog* d, wxUIActionSimulator& sim) {
        auto* dialog = static_cast<app::SupervisionDialog*>(d);
        module_shown = static_cast<wxChoice*>(d->FindWindow("module"))->GetStringSelection();
        accessible_names(d, names);
        lead_counts = dialog->counts_text();  // the lead, today: their credential has ended
        type_at(sim, 'd', "2026-02-10");
        expired_counts = dialog->counts_text();  // the lead, on a day their credential was valid
        key(sim, 'r', wxMOD_ALT);                // the supervisor: the next one, S-OUT
        key(sim, WXK_DOWN);
        outside_counts = dialog->counts_text();
        key(sim, 'g', wxMOD_ALT);  // in a group
        type_at(sim, 'i', "90");
        type_at(sim, 'n', "reviewed two calls");
        kept_while_shown = store::PracticeRepo(db).supervision("P-001").size();
        key(sim, WXK_RETURN);
    });
    CHECK(page->supervise_selected());
    CHECK(answer.shown == 1);
    CHECK_FALSE(answer.timed_out);  // Enter saved

    CHECK(module_shown.StartsWith("M10"));  // the practice module the person has not completed
    CHECK(lead_counts == "This entry will be kept but will not count: S-LEAD has no credential valid on 2026-03-02.");
    CHECK(expired_counts == "This entry will count: S-LEAD's credential is valid on 2026-02-10.");
    CHECK(outside_counts == "This entry will count: S-OUT's credential is valid on 2026-02-10.");
    CHECK(kept_while_shown == 0);
    INFO(names);
    CHECK_FALSE(names.Contains(": \n"));
    CHECK(names.Contains("supervisor: Supervisor\n"));
    CHECK(names.Contains("minutes: Minutes\n"));
    CHECK(names.Contains("day: Day (YYYY-MM-DD)\n"));
    CHECK(names.Contains("note: Note (optional)\n"));
    CHECK(names.Contains("group: Group\n"));

    const auto kept = store::PracticeRepo(db).supervision("P-001");
    REQUIRE(kept.size() == 1);
    CHECK(kept[0].module_code == "M10");
    CHECK(kept[0].supervisor_ref == "S-OUT");
    CHECK(kept[0].format == SupervisionFormat::group);
    CHECK(kept[0].minutes == 90);
    CHECK(kept[0].day == Date{2026, 2, 10});
    CHECK(kept[0].note == "reviewed two calls");
}

TEST_CASE("a supervision entry with bad minutes and day is refused naming both fields, and nothing is kept",
          "[gui][supervision]") {
    Programme programme;
    auto& db = programme.db();
    const Cohort c = cohort_with_supervisors(programme);
    Window frame(programme.context);
    DialogAnswer answer("SupervisionDialog", [&](wxDialog* d) {
        type_into(d, "minutes", "0");
        type_into(d, "day", "2026-02-31");
    });
    CHECK_FALSE(app::supervise_for(frame.get(), programme.context, c.code, "P-001"));
    CHECK(answer.shown == 2);  // refused, shown again, cancelled
    REQUIRE(programme.messages.size() == 1);
    const wxString& refusal = programme.messages.front();
    INFO(refusal);
    CHECK(refusal.Contains("Minutes"));
    CHECK(refusal.Contains("'0' is not a number of minutes from 1 to 1440"));
    CHECK(refusal.Contains("'2026-02-31' is not a date"));
    CHECK(store::PracticeRepo(db).supervision("P-001").empty());
}

TEST_CASE("the person's details offer the supervision entry beside the observed assessment", "[gui][supervision]") {
    Programme programme;
    const Cohort c = cohort_with_supervisors(programme);
    Window frame(programme.context);
    frame->show_section(app::MainFrame::participants);
    auto* people = frame->section(app::MainFrame::participants);
    people->search_for("P-001");
    people->select_row(0);
    pump(100);
    auto* cohorts = dynamic_cast<wxChoice*>(wxWindow::FindWindowByName("record_cohort", people));
    REQUIRE(cohorts);
    REQUIRE(cohorts->SetStringSelection(wxString::FromUTF8(c.code)));
    CHECK(wxWindow::FindWindowByName("record_observation", people));
    auto* button = wxWindow::FindWindowByName("record_supervision", people);
    REQUIRE(button);
    DialogAnswer answer("SupervisionDialog", [&](wxDialog* d) {
        type_into(d, "minutes", "45");
        type_into(d, "day", "2026-02-20");
    });
    click(button);
    pump();
    CHECK(answer.shown == 1);
    const auto kept = store::PracticeRepo(programme.db()).supervision("P-001");
    REQUIRE(kept.size() == 1);
    CHECK(kept[0].format == SupervisionFormat::one_to_one);
    CHECK(kept[0].minutes == 45);
}
