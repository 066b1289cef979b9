// Completion deadlines in the cohort's workspace (issue 21): the Completion page's "Deadlines…" (Cohort ▸ Completion
// deadlines…, Ctrl+Shift+D) lists who is near or past their deadline as `cohort deadlines` does (core's
// deadline_rows), and "Extend deadline…" keeps a new date with its reason, granted by the database's actor.
#include <catch2/catch.hpp>

#include <wx/checkbox.h>
#include <wx/dataview.h>
#include <wx/menu.h>

#include "app/cohort_pages.hpp"
#include "app/cohort_panel.hpp"
#include "app/main_frame.hpp"
#include "app/practice_dialogs.hpp"
#include "fixture.hpp"
#include "io/curriculum_toml.hpp"
#include "store/repos.hpp"

using namespace mitra;
using namespace mitra::app_test;

namespace {

// PSF with an 18-month completion window (tests/data/psf-practice.toml), a cohort on it from 2026-02-02 with P-001
// and P-002 enrolled that day: their deadline is 2027-08-02.
Cohort cohort_with_window(Programme& programme) {
    const Cohort c = programme.add_practice_cohort("PKR-2026-9", Date{2026, 2, 2}, {"P-001", "P-002"});
    return c;
}

std::optional<Deadline> deadline_of(store::Database& db, const std::string& cohort, const std::string& ref,
                                    const Date& today) {
    for (const auto& p : store::cohort_completion(db, cohort, today))
        if (p.ref == ref) return p.deadline;
    return std::nullopt;
}

}  // namespace

TEST_CASE("people near their deadline are listed, and an extension is kept by keyboard with its reason",
          "[gui][deadlines]") {
    Programme programme;
    auto& db = programme.db();
    const Cohort c = cohort_with_window(programme);
    programme.context.set_today([] { return Date{2027, 7, 1}; });  // a month before the deadline
    Window frame(programme.context);

    app::DeadlinesDialog dialog(frame.get(), programme.context, c.code);
    dialog.Show();
    pump();
    INFO(dialog.summary_text());
    CHECK(dialog.summary_text() ==
          "As of 2027-07-01: 2 near their deadline, 0 past it, of 2 not yet complete with a "
          "deadline.");
    REQUIRE(dialog.list()->GetItemCount() == 2);
    CHECK(dialog.list()->GetTextValue(0, 0) == "P-001");
    CHECK(dialog.list()->GetTextValue(0, 1) == "2027-08-02");
    CHECK(dialog.list()->GetTextValue(0, 2) == "near the deadline");
    dialog.list()->SelectRow(0);

    wxString names;
    {
        KeyboardAnswer cancelled("ExtendDialog", [](wxDialog*, wxUIActionSimulator& sim) {
            type_at(sim, 'n', "2027-12-31");
            key(sim, WXK_ESCAPE);
        });
        CHECK_FALSE(dialog.extend_selected());
        CHECK_FALSE(cancelled.timed_out);
        CHECK(deadline_of(db, c.code, "P-001", Date{2027, 7, 1})->due == Date{2027, 8, 2});
    }
    {
        KeyboardAnswer answer("ExtendDialog", [&](wxDialog* d, wxUIActionSimulator& sim) {
            accessible_names(d, names);
            type_at(sim, 'n', "2027-12-31");
            type_at(sim, 'r', "placement postponed by the host");
            key(sim, WXK_RETURN);
        });
        CHECK(dialog.extend_selected());
        CHECK_FALSE(answer.timed_out);
    }
    CHECK(names.Contains("until: New deadline (YYYY-MM-DD)\n"));
    CHECK(names.Contains("reason: Reason\n"));
    const auto extended = deadline_of(db, c.code, "P-001", Date{2027, 7, 1});
    REQUIRE(extended);
    CHECK(extended->due == Date{2027, 12, 31});
    REQUIRE(extended->extension);
    CHECK(extended->extension->reason == "placement postponed by the host");
    CHECK_FALSE(extended->extension->granted_by.empty());
    // P-001 has time left now: only P-002 is listed, until everyone is asked for.
    REQUIRE(dialog.list()->GetItemCount() == 1);
    CHECK(dialog.list()->GetTextValue(0, 0) == "P-002");
    auto* everyone = static_cast<wxCheckBox*>(dialog.FindWindow("everyone"));
    everyone->SetValue(true);
    wxCommandEvent ticked(wxEVT_CHECKBOX, everyone->GetId());
    ticked.SetEventObject(everyone);
    everyone->ProcessWindowEvent(ticked);
    REQUIRE(dialog.list()->GetItemCount() == 2);
    CHECK(dialog.list()->GetTextValue(0, 2) == "time left");
    CHECK(dialog.list()->GetTextValue(0, 5) == "placement postponed by the host");
    dialog.Hide();
}

TEST_CASE("an extension to a day before the current deadline, or without a reason, is refused naming the fields",
          "[gui][deadlines]") {
    Programme programme;
    const Cohort c = cohort_with_window(programme);
    programme.context.set_today([] { return Date{2027, 9, 1}; });  // past the deadline
    Window frame(programme.context);
    app::DeadlinesDialog dialog(frame.get(), programme.context, c.code);
    REQUIRE(dialog.list()->GetItemCount() == 2);
    CHECK(dialog.list()->GetTextValue(0, 2) == "past the deadline");
    dialog.list()->SelectRow(0);
    DialogAnswer answer("ExtendDialog", [&](wxDialog* d) { type_into(d, "until", "2027-08-01"); });
    CHECK_FALSE(dialog.extend_selected());
    CHECK(answer.shown == 2);
    REQUIRE(programme.messages.size() == 1);
    INFO(programme.messages.front());
    CHECK(programme.messages.front().Contains("New deadline"));
    CHECK(programme.messages.front().Contains("the new deadline must come after 2027-08-02"));
    CHECK(programme.messages.front().Contains("Reason"));
    CHECK_FALSE(deadline_of(programme.db(), c.code, "P-001", Date{2027, 9, 1})->extension);
}

TEST_CASE("the deadlines are reached from the Completion page and the Cohort menu", "[gui][deadlines]") {
    Programme programme;
    const Cohort c = cohort_with_window(programme);
    Window frame(programme.context);
    auto* panel = frame->open_cohort(c.code);
    panel->show_page(app::CohortPanel::completion_page);
    pump();
    auto* button = wxWindow::FindWindowByName("deadlines", panel->completion());
    REQUIRE(button);
    KeyboardAnswer closed("DeadlinesDialog", [](wxDialog*, wxUIActionSimulator& sim) { key(sim, WXK_ESCAPE); });
    click(button);
    pump();
    CHECK(closed.shown == 1);
    CHECK_FALSE(closed.timed_out);
    const int item = frame->GetMenuBar()->FindMenuItem(_("&Cohort"), wxString::FromUTF8("Completion &deadlines…"));
    REQUIRE(item != wxNOT_FOUND);
    CHECK(frame->GetMenuBar()->FindItem(item)->GetItemLabel().Contains("Ctrl+Shift+D"));
}
