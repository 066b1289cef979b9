// The audit history in the desktop program: who changed what and when, about a person or a cohort, in words.
#include <catch2/catch.hpp>

#include <wx/button.h>
#include <wx/listctrl.h>

#include "app/dialogs.hpp"
#include "app/main_frame.hpp"
#include "app/sections.hpp"
#include "fixture.hpp"
#include "store/privacy.hpp"
#include "store/repos.hpp"

using namespace mitra;
using namespace mitra::app_test;

namespace {

wxString cell(wxListCtrl* list, long row, int column) { return list->GetItemText(row, column); }

long find_row(wxListCtrl* list, const wxString& what) {
    for (long r = 0; r < list->GetItemCount(); ++r)
        if (cell(list, r, 2) == what) return r;
    return -1;
}

}  // namespace

TEST_CASE("a person's and a cohort's history say who changed what, when, from what to what", "[gui][history]") {
    Programme programme;
    const long long session = programme.sessions.front().id;
    store::AttendanceRepo(programme.db())
        .mark(programme.cohort, {{{session, "P-002", AttendanceStatus::present, {}, ""}, 0}});
    store::AttendanceRepo(programme.db())
        .mark(programme.cohort, {{{session, "P-002", AttendanceStatus::late, 60, ""}, 0}});
    programme.make_complete({"P-002"});

    const auto entries = store::audit_history(programme.db(), "P-002", "");
    REQUIRE(entries.size() >= 3);
    app::HistoryDialog dialog(nullptr, "P-002", entries);
    auto* list = dialog.changes();
    REQUIRE(list->GetItemCount() == static_cast<int>(entries.size()));
    const long marked = find_row(list, "Attendance marked"), changed = find_row(list, "Attendance changed");
    REQUIRE(marked >= 0);
    REQUIRE(changed > marked);  // oldest first
    CHECK(cell(list, changed, 1) == wxString::FromUTF8(entries.front().actor));
    CHECK(cell(list, changed, 4).Contains(wxString::FromUTF8(" → ")));
    CHECK(cell(list, changed, 0).StartsWith("20"));
    CHECK_FALSE(cell(list, changed, 0).Contains("T"));
    CHECK(find_row(list, "Coordinator's decision on a module") >= 0);
    CHECK(find_row(list, "Code of ethics acknowledged") >= 0);
    CHECK(app::describe_change("pack", "merge") == "Field pack merged");
    CHECK(app::describe_change("pack", "unpack") == "pack unpack");  // a later version's kind: shown as recorded
    CHECK(app::describe_change("enrolment", "redate") == "Enrolment date changed");

    dialog.SetSize(0, 0, 900, 420);
    dialog.Show();
    std::filesystem::create_directories(MITRA_SHOTS_DIR);
    REQUIRE(save_screenshot(&dialog, std::string(MITRA_SHOTS_DIR) + "/history.png"));
    dialog.Hide();

    SECTION("the cohort's history holds every person's changes and its sessions'") {
        const auto of_cohort = store::audit_history(programme.db(), "", programme.cohort);
        app::HistoryDialog cohort_dialog(nullptr, wxString::FromUTF8(programme.cohort), of_cohort);
        CHECK(cohort_dialog.changes()->GetItemCount() == static_cast<int>(of_cohort.size()));
        CHECK(find_row(cohort_dialog.changes(), "Attendance changed") >= 0);
    }

    SECTION("the details of a person and of a cohort offer their history") {
        Window frame(programme.context);
        for (auto s : {app::MainFrame::participants, app::MainFrame::cohorts}) {
            frame->show_section(s);
            frame->section(s)->select_row(1 % frame->section(s)->row_count());
            pump(50);
            auto* button = dynamic_cast<wxButton*>(wxWindow::FindWindowByName("history", frame->section(s)));
            REQUIRE(button);
            CHECK(button->IsShownOnScreen());
        }
    }
}
