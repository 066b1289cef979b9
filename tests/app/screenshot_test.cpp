// Pictures of the main window with a cohort open, names in many scripts: written to /tmp/gui-shots for a person to look at.
#include <catch2/catch.hpp>

#include <wx/image.h>

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
