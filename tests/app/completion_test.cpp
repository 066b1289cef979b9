// Completion in the workspace: it follows the marks, says why not in words, and takes a coordinator's override.
#include <catch2/catch.hpp>

#include <wx/textctrl.h>

#include <wx/button.h>

#include "app/cohort_pages.hpp"
#include "app/cohort_panel.hpp"
#include "app/dialogs.hpp"
#include "app/forms.hpp"
#include "app/main_frame.hpp"
#include "fixture.hpp"
#include "store/repos.hpp"

using namespace mitra;
using namespace mitra::app_test;

namespace {

const ModuleCompletion& module_of(const ParticipantCompletion& p, const std::string& code) {
    for (const auto& m : p.modules)
        if (m.code == code) return m;
    throw std::runtime_error("no module " + code);
}

}  // namespace

TEST_CASE("completion changes as attendance is marked, and says why not in words", "[gui][completion]") {
    Programme programme;
    Window frame(programme.context);
    auto* panel = frame->open_cohort(programme.cohort);
    panel->show_page(app::CohortPanel::completion_page);
    pump();
    auto* completion = panel->completion();
    REQUIRE(completion->results().size() == 40);
    const auto before = module_of(completion->results().front(), "M01");
    CHECK(before.attended_minutes == 0);
    CHECK_FALSE(completion->results().front().complete);
    CHECK_FALSE(completion->results().front().reason.empty());
    CHECK(completion->list()->GetTextValue(0, 3) == wxString::FromUTF8(completion->results().front().reason));
    // The whole of it, wrapped under the lists, for the person chosen (the column cuts a long one off).
    CHECK(completion->still_needed()->GetValue().empty());
    completion->list()->SelectRow(0);
    wxDataViewEvent chosen(wxEVT_DATAVIEW_SELECTION_CHANGED, completion->list(), wxDataViewItem());
    completion->list()->GetEventHandler()->ProcessEvent(chosen);
    CHECK(completion->still_needed()->GetValue() == completion->list()->GetTextValue(0, 3));
    CHECK(completion->still_needed()->GetValue().length() > 200);

    // Mark P-001 present at both M01 sessions through the grid.
    panel->show_page(app::CohortPanel::attendance_page);
    auto* attendance = panel->attendance();
    auto* cells = attendance->grid()->GetGridWindow();
    for (const auto& s : programme.sessions) {
        if (s.module_code != "M01") continue;
        attendance->grid()->GoToCell(attendance->row_of("P-001"), attendance->column_of(s.id));
        press(cells, 'P');
    }
    panel->show_page(app::CohortPanel::completion_page);
    const auto after = module_of(completion->results().front(), "M01");
    CHECK(after.attended_minutes == 360);
    CHECK(after.complete);
    CHECK(after.reason.empty());
    CHECK(completion->results().front().reason != completion->results()[1].reason);

    SECTION("an override needs a reason: the dialog cannot be accepted without one") {
        std::vector<app::CodeAndTitle> modules;
        for (const auto& m : completion->results()[1].modules) modules.emplace_back(m.code, m.title);
        app::OverrideDialog dialog(frame.get(), "김민준 (P-002)", modules);
        dialog.fill(0, true, "");
        dialog.UpdateWindowUI(wxUPDATE_UI_RECURSE);
        CHECK_FALSE(dialog.FindWindow(wxID_OK)->IsEnabled());
        dialog.fill(0, true, "took M01 in Pokhara in 2025");
        dialog.UpdateWindowUI(wxUPDATE_UI_RECURSE);
        CHECK(dialog.FindWindow(wxID_OK)->IsEnabled());
        REQUIRE(completion->apply_override(dialog.decision("P-002")));
        const auto& m01 = module_of(completion->results()[1], "M01");
        CHECK(m01.complete);
        CHECK(m01.overridden);
    }
    SECTION("the store refuses an override without a reason, and the user is told") {
        CHECK_FALSE(completion->apply_override({"P-002", "M01", true, "  ", "", ""}));
        REQUIRE_FALSE(programme.messages.empty());
        CHECK(programme.messages.back().Contains("reason"));
    }
}
