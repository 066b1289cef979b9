// Pictures of the main window with a cohort open, names in many scripts: written to /tmp/gui-shots for a person to look at.
#include <catch2/catch.hpp>

#include <wx/button.h>
#include <wx/image.h>
#include <wx/scrolwin.h>
#include <wx/srchctrl.h>
#include <wx/stattext.h>

#include <functional>
#include <set>

#include "app/browse_panel.hpp"
#include "app/cohort_pages.hpp"
#include "app/cohort_panel.hpp"
#include "app/main_frame.hpp"
#include "fixture.hpp"

using namespace mitra;
using namespace mitra::app_test;

namespace {

// A picture of a real window has many colours; a blank or black capture has one or two.
std::size_t colours_in(const std::string& png) {
    wxImage image;
    if (!image.LoadFile(wxString::FromUTF8(png), wxBITMAP_TYPE_PNG)) return 0;
    std::set<unsigned long> colours;
    const unsigned char* data = image.GetData();
    for (int i = 0; i < image.GetWidth() * image.GetHeight(); i += 7)
        colours.insert((data[3 * i] << 16) | (data[3 * i + 1] << 8) | data[3 * i + 2]);
    return colours.size();
}

}  // namespace

TEST_CASE("screenshots of a cohort's workspace with names in many scripts", "[gui][screenshot]") {
    Programme programme;
    programme.make_complete({"P-001", "P-003"});
    std::filesystem::create_directories(MITRA_SHOTS_DIR);
    Window frame(programme.context);
    frame->SetSize(0, 0, 1360, 900);
    frame->Show();
    auto* panel = frame->open_cohort(programme.cohort);
    auto* attendance = panel->attendance();
    auto* cells = attendance->grid()->GetGridWindow();
    attendance->set_ask_minutes([](const wxString&, const Session& s) { return std::optional<int>(s.minutes - 45); });
    press(cells, 'P', wxMOD_SHIFT);
    press(cells, WXK_DOWN);
    press(cells, WXK_DOWN);
    press(cells, 'A');
    press(cells, WXK_DOWN);
    press(cells, 'L');
    press(cells, 'E');
    press(cells, WXK_RIGHT);
    press(cells, WXK_UP);
    press(cells, WXK_UP);
    press(cells, WXK_UP);
    press(cells, WXK_UP);
    press(cells, WXK_UP);
    press(cells, WXK_UP);
    pump(300);

    const std::string shots = MITRA_SHOTS_DIR;
    REQUIRE(save_screenshot(frame.get(), shots + "/attendance.png"));
    CHECK(colours_in(shots + "/attendance.png") > 20);

    panel->show_page(app::CohortPanel::completion_page);
    pump(200);
    REQUIRE(save_screenshot(frame.get(), shots + "/completion.png"));

    panel->show_page(app::CohortPanel::enrol_page);
    pump(200);
    REQUIRE(save_screenshot(frame.get(), shots + "/enrol.png"));

    frame->show_section(app::MainFrame::participants);
    frame->section(app::MainFrame::participants)->select_row(5);
    pump(200);
    REQUIRE(save_screenshot(frame.get(), shots + "/participants.png"));

    frame->show_section(app::MainFrame::curricula);
    frame->section(app::MainFrame::curricula)->select_row(0);
    pump(200);
    REQUIRE(save_screenshot(frame.get(), shots + "/curricula.png"));

    panel = frame->open_cohort(programme.cohort);
    panel->show_page(app::CohortPanel::print_page);
    panel->print()->preview();
    pump(200);
    REQUIRE(save_screenshot(frame.get(), shots + "/print.png"));
}

namespace {

// Labels and buttons on screen whose text does not fit the room they were given (cut off, or their label lost),
// named for the failure message. A control counts when it is shown and inside what its parents show of it.
std::vector<std::string> cut_off(wxWindow* top) {
    std::vector<std::string> found;
    std::function<void(wxWindow*)> walk = [&](wxWindow* w) {
        if (!w->IsShownOnScreen()) return;
        const bool label = dynamic_cast<wxStaticText*>(w) != nullptr;
        const bool button = dynamic_cast<wxButton*>(w) != nullptr;
        if ((label || button) && !w->GetLabel().empty()) {
            const bool wraps = label && w->HasFlag(wxST_ELLIPSIZE_END | wxST_ELLIPSIZE_MIDDLE | wxST_ELLIPSIZE_START);
            const wxSize need = w->GetBestSize();
            const wxSize have = w->GetSize();
            if (!wraps && (have.x + 1 < need.x || have.y + 1 < need.y))
                found.push_back(wxString(w->GetClassInfo()->GetClassName()).ToStdString() + " '" +
                                w->GetLabel().ToStdString(wxConvUTF8).substr(0, 60) + "' needs " +
                                std::to_string(need.x) + "x" + std::to_string(need.y) + ", has " +
                                std::to_string(have.x) + "x" + std::to_string(have.y));
            // Inside its parent's client area: not pushed out of sight by a narrow pane.
            if (auto* parent = w->GetParent(); parent && !w->IsTopLevel()) {
                const wxRect inside(wxPoint(0, 0), parent->GetClientSize());
                const wxRect at = w->GetRect();
                // A pane that scrolls (only up and down, as the details pane does) may hide rows below, not ends.
                const bool scrolls = dynamic_cast<wxScrolledWindow*>(parent) != nullptr;
                if (scrolls ? at.GetRight() >= inside.GetRight() + 1 && at.GetLeft() < inside.GetRight()
                            : !inside.Contains(at) && inside.Intersects(at))
                    found.push_back(wxString(w->GetClassInfo()->GetClassName()).ToStdString() + " '" +
                                    w->GetLabel().ToStdString(wxConvUTF8).substr(0, 60) +
                                    "' reaches out of its parent's room");
            }
        }
        // The desktop program speaks its own words: never a command of mitra-cli.
        if (w->GetLabel().Find("mitra-cli") != wxNOT_FOUND || w->GetToolTipText().Find("mitra-cli") != wxNOT_FOUND)
            found.push_back("'" + w->GetLabel().ToStdString(wxConvUTF8).substr(0, 60) + "' names a command");
        if (auto* search = dynamic_cast<wxSearchCtrl*>(w); search && search->GetSize().x < search->FromDIP(120))
            found.push_back("a search box " + std::to_string(search->GetSize().x) + " pixels wide");
        for (wxWindow* child : w->GetChildren()) walk(child);
    };
    walk(top);
    return found;
}

}  // namespace

TEST_CASE("at 1024x600 nothing is cut off in a cohort's workspace or the sections", "[gui][screenshot]") {
    Programme programme;
    programme.make_complete({"P-001", "P-003"});
    std::filesystem::create_directories(MITRA_SHOTS_DIR);
    Window frame(programme.context);
    frame->SetSize(0, 0, 1024, 600);
    frame->Show();
    pump(200);
    const std::string shots = MITRA_SHOTS_DIR;
    auto* panel = frame->open_cohort(programme.cohort);
    const std::pair<app::CohortPanel::Page, const char*> pages[] = {{app::CohortPanel::enrol_page, "enrol"},
                                                                    {app::CohortPanel::sessions_page, "sessions"},
                                                                    {app::CohortPanel::attendance_page, "attendance"},
                                                                    {app::CohortPanel::completion_page, "completion"},
                                                                    {app::CohortPanel::print_page, "print"}};
    for (const auto& [page, name] : pages) {
        panel->show_page(page);
        pump(250);
        REQUIRE(save_screenshot(frame.get(), shots + "/small-" + name + ".png"));
        INFO("the " << name << " page");
        CHECK(cut_off(frame.get()) == std::vector<std::string>{});
    }
    const std::pair<app::MainFrame::Section, const char*> sections[] = {{app::MainFrame::curricula, "curricula"},
                                                                        {app::MainFrame::trainers, "trainers"},
                                                                        {app::MainFrame::participants, "people"},
                                                                        {app::MainFrame::cohorts, "cohorts"},
                                                                        {app::MainFrame::certificates, "certificates"}};
    for (const auto& [section, name] : sections) {
        frame->show_section(section);
        if (frame->section(section)->row_count() > 0) frame->section(section)->select_row(0);
        pump(250);
        REQUIRE(save_screenshot(frame.get(), shots + "/small-" + std::string(name) + ".png"));
        INFO("the " << name << " section");
        CHECK(cut_off(frame.get()) == std::vector<std::string>{});
    }
    frame->show_reports();
    pump(250);
    REQUIRE(save_screenshot(frame.get(), shots + "/small-reports.png"));
    CHECK(cut_off(frame.get()) == std::vector<std::string>{});
}
