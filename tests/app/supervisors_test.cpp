// Supervisors of practice kept in the desktop program by keyboard (issue 21): View ▸ Supervisors… (Ctrl+8) or the
// Trainers view's "Supervisors…" lists them with kind and credential; "Add supervisor…" and "Add credential…" (a
// renewal) keep what is typed, and a bad credential is refused naming the field.
#include <catch2/catch.hpp>

#include <wx/dataview.h>
#include <wx/menu.h>

#include "app/main_frame.hpp"
#include "app/practice_dialogs.hpp"
#include "app/sections.hpp"
#include "fixture.hpp"
#include "store/practice_repo.hpp"

using namespace mitra;
using namespace mitra::app_test;

namespace {

wxString row_text(wxDataViewListCtrl* list, unsigned row) {
    wxString out;
    for (unsigned col = 0; col < list->GetColumnCount(); ++col) out << list->GetTextValue(row, col) << "|";
    return out;
}

}  // namespace

TEST_CASE("a supervisor who is a trainer is added by keyboard with a credential, then renewed, and the list shows it",
          "[gui][supervisors]") {
    Programme programme;
    Window frame(programme.context);
    app::SupervisorsDialog dialog(frame.get(), programme.context);
    dialog.Show();
    pump();
    CHECK(dialog.list()->GetItemCount() == 0);

    wxString names;
    {
        KeyboardAnswer answer("SupervisorDialog", [&](wxDialog* d, wxUIActionSimulator& sim) {
            accessible_names(d, names);
            type_at(sim, 'r', "S-09");
            type_at(sim, 'n', "Asha");
            key(sim, 't', wxMOD_ALT);  // a trainer: the trainer choice opens with the first one
            type_at(sim, 'e', "Certified Peer Supervisor");
            type_at(sim, 'v', "2025-01-01");
            type_at(sim, 'x', "2026-02-28");
            key(sim, WXK_RETURN);
        });
        CHECK(dialog.add_supervisor());
        CHECK_FALSE(answer.timed_out);
    }
    INFO(names);
    CHECK_FALSE(names.Contains(": \n"));
    CHECK(names.Contains("ref: Ref\n"));
    CHECK(names.Contains("trainer: Which trainer\n"));
    CHECK(names.Contains("expires: Expires (YYYY-MM-DD)\n"));

    auto kept = store::PracticeRepo(programme.db()).supervisor("S-09");
    REQUIRE(kept);
    CHECK(kept->name == "Asha");
    CHECK(kept->kind == SupervisorKind::trainer);
    CHECK(kept->trainer_ref == "T-NP-01");
    REQUIRE(kept->credentials.size() == 1);
    CHECK(kept->credentials[0].expires_on == Date{2026, 2, 28});
    REQUIRE(dialog.list()->GetItemCount() == 1);
    // Today is 2026-03-02: the credential has ended, and the list says so.
    CHECK(row_text(dialog.list(), 0) == "S-09|Asha|trainer T-NP-01|Certified Peer Supervisor|2026-02-28|no|");

    {
        KeyboardAnswer answer("CredentialDialog", [&](wxDialog*, wxUIActionSimulator& sim) {
            type_at(sim, 'v', "2026-03-01");
            type_at(sim, 'x', "2028-02-29");
            key(sim, WXK_RETURN);
        });
        CHECK(dialog.add_credential());
        CHECK_FALSE(answer.timed_out);
    }
    kept = store::PracticeRepo(programme.db()).supervisor("S-09");
    REQUIRE(kept->credentials.size() == 2);
    CHECK(kept->credentials[1].name == "Certified Peer Supervisor");  // the last one's name, offered again
    CHECK(kept->credentials[1].valid_from == Date{2026, 3, 1});
    CHECK(row_text(dialog.list(), 0) == "S-09|Asha|trainer T-NP-01|Certified Peer Supervisor|2028-02-29|yes|");
    dialog.Hide();
}

TEST_CASE("a supervisor whose credential expires before it is valid is refused naming Expires, and nothing is kept",
          "[gui][supervisors]") {
    Programme programme;
    Window frame(programme.context);
    app::SupervisorsDialog dialog(frame.get(), programme.context);
    DialogAnswer answer("SupervisorDialog", [&](wxDialog* d) {
        type_into(d, "ref", "S-10");
        type_into(d, "name", "Outside supervisor");
        type_into(d, "credential", "Registered Peer Supervisor");
        type_into(d, "valid_from", "2026-01-01");
        type_into(d, "expires", "2025-12-31");
    });
    CHECK_FALSE(dialog.add_supervisor());
    CHECK(answer.shown == 2);
    REQUIRE(programme.messages.size() == 1);
    INFO(programme.messages.front());
    CHECK(programme.messages.front().Contains("Expires"));
    CHECK(programme.messages.front().Contains("the credential expires before it is valid"));
    CHECK(store::PracticeRepo(programme.db()).supervisors().empty());
}

TEST_CASE("the supervisors are reached from the Trainers view and View ▸ Supervisors…, and Esc closes them",
          "[gui][supervisors]") {
    Programme programme;
    Window frame(programme.context);
    frame->show_section(app::MainFrame::trainers);
    pump();
    auto* button = wxWindow::FindWindowByName("supervisors", frame->section(app::MainFrame::trainers));
    REQUIRE(button);
    {
        KeyboardAnswer closed("SupervisorsDialog", [](wxDialog*, wxUIActionSimulator& sim) { key(sim, WXK_ESCAPE); });
        click(button);
        pump();
        CHECK(closed.shown == 1);
        CHECK_FALSE(closed.timed_out);
    }
    const int item = frame->GetMenuBar()->FindMenuItem(_("&View"), wxString::FromUTF8("&Supervisors…"));
    REQUIRE(item != wxNOT_FOUND);
    CHECK(frame->GetMenuBar()->FindItem(item)->GetItemLabel().Contains("Ctrl+8"));
}
