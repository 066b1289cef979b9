// The History dialog in words: a mark cleared with Delete or Ctrl+Z is there as "cleared"; a cohort's misspelt time
// zone is refused in the cohort dialog with the field in words and the nearest zone.
#include <catch2/catch.hpp>

#include <wx/listctrl.h>
#include <wx/textctrl.h>
#include <wx/xrc/xmlres.h>

#include "app/cohort_pages.hpp"
#include "app/cohort_panel.hpp"
#include "app/dialogs.hpp"
#include "app/guard.hpp"
#include "app/main_frame.hpp"
#include "fixture.hpp"
#include "store/privacy.hpp"

using namespace mitra;
using namespace mitra::app_test;

namespace {

// The "Change" cell of the row whose "What" is `what` and whose "About" starts with `about`, or "(no such row)".
wxString change_of(wxListCtrl* list, const wxString& what, const wxString& about) {
    for (long r = 0; r < list->GetItemCount(); ++r)
        if (list->GetItemText(r, 2) == what && list->GetItemText(r, 3).StartsWith(about))
            return list->GetItemText(r, 4);
    return "(no such row)";
}

}  // namespace

TEST_CASE("a mark cleared with Delete or Ctrl+Z shows in the History as cleared, from what it was, in words",
          "[gui][history]") {
    Programme programme;
    Window frame(programme.context);
    auto* page = frame->open_cohort(programme.cohort)->attendance();
    pump();
    auto* cells = page->grid()->GetGridWindow();
    const Session first = programme.sessions.front();
    page->grid()->GoToCell(0, page->column_of(first.id));  // a cohort opens at the session nearest today
    REQUIRE(page->grid()->GetGridCursorCol() == page->column_of(first.id));
    REQUIRE(page->grid()->GetGridCursorRow() == 0);
    page->set_ask_minutes([](const wxString&, const Session& s) { return std::optional<int>(s.minutes - 30); });

    press(cells, 'L');  // P-001 late, and down to P-002
    press(cells, 'P');  // P-002 present, and down
    press(cells, WXK_UP);
    press(cells, WXK_UP);              // back on P-001
    press(cells, WXK_DELETE);          // P-001's mark cleared
    press(cells, 'Z', wxMOD_CONTROL);  // the clearing undone: P-001 late again
    press(cells, 'Z', wxMOD_CONTROL);  // P-002's first mark undone: back to empty
    pump();

    const wxString late = wxString::Format("late, %d minutes", first.minutes - 30);
    const wxString arrow = wxString::FromUTF8(" → ");
    {
        const auto entries = store::audit_history(programme.db(), "P-001", "");
        app::HistoryDialog dialog(nullptr, "P-001", entries);
        auto* list = dialog.changes();
        CHECK(change_of(list, "Attendance marked", "P-001") == late);
        CHECK(change_of(list, "Attendance mark cleared", "P-001") == late + arrow + "cleared");
    }
    const auto of_cohort = store::audit_history(programme.db(), "", programme.cohort);
    app::HistoryDialog dialog(nullptr, wxString::FromUTF8(programme.cohort), of_cohort);
    auto* list = dialog.changes();
    CHECK(change_of(list, "Attendance mark cleared", "P-002") == "present" + arrow + "cleared");
    CHECK(change_of(list, "Attendance mark cleared", "P-001") == late + arrow + "cleared");
    for (long r = 0; r < list->GetItemCount(); ++r) {
        INFO(list->GetItemText(r, 4));
        CHECK_FALSE(list->GetItemText(r, 4).Contains(":"));  // no recorded form such as late:150
    }

    dialog.SetSize(0, 0, 1024, 600);
    dialog.Show();
    pump();
    std::filesystem::create_directories(MITRA_SHOTS_DIR);
    REQUIRE(save_screenshot(&dialog, std::string(MITRA_SHOTS_DIR) + "/history-cleared.png"));
    dialog.Hide();
}

TEST_CASE("the cohort dialog refuses a misspelt time zone, naming the field in words and the nearest zone",
          "[gui][history]") {
    Programme programme;
    app::CohortDialog dialog(nullptr, {"PSF"}, {}, *parse_date("2026-01-05"));
    XRCCTRL(dialog, "code", wxTextCtrl)->SetValue("BKK-1");
    XRCCTRL(dialog, "site", wxTextCtrl)->SetValue("Silom");
    XRCCTRL(dialog, "country", wxTextCtrl)->SetValue("TH");
    XRCCTRL(dialog, "time_zone", wxTextCtrl)->SetValue("Asia/Bangkokk");
    CHECK_FALSE(app::guarded(&dialog, [&] { dialog.cohort(); }));
    REQUIRE(programme.messages.size() == 1);
    INFO(programme.messages.back());
    CHECK(programme.messages.back().Contains(
        "Time zone: 'Asia/Bangkokk' is not in the time zone database (did you mean Asia/Bangkok?)"));
    CHECK_FALSE(programme.messages.back().Contains("time_zone"));

    XRCCTRL(dialog, "time_zone", wxTextCtrl)->SetValue("Asia/Bangkok");
    CHECK(app::guarded(&dialog, [&] { CHECK(dialog.cohort().time_zone == "Asia/Bangkok"); }));
    CHECK(programme.messages.size() == 1);

    SECTION("every refusal the desktop program phrases names its field in words") {
        CHECK(app::describe(Problem{"", 0, 0, "full_name", "is required"}) == "Full name: is required");
        CHECK(app::describe(Problem{"people.csv", 3, 0, "latin_name", "x"}) ==
              "people.csv, line 3, Name in Latin letters: x");
    }
}
