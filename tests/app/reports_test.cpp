// The Reports view: the programme report with its filters, on screen and written as CSV or XLSX, in a language.
#include <catch2/catch.hpp>

#include <wx/dcmemory.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>

#include <fstream>

#include "app/guard.hpp"
#include "app/main_frame.hpp"
#include "app/report_charts.hpp"
#include "app/reports_panel.hpp"
#include "fixture.hpp"
#include "io/report_labels.hpp"
#include "store/repos.hpp"

using namespace mitra;
using namespace mitra::app_test;

namespace {

bool list_has(wxListCtrl* list, const wxString& item, const wxString& text) {
    for (long r = 0; r < list->GetItemCount(); ++r)
        if (list->GetItemText(r, 1) == item && list->GetItemText(r, 2).Contains(text)) return true;
    return false;
}

// The charts drawn into a bitmap of `size`: how many pixels are in the bars' first colour (the PDF's blue).
std::size_t blue_pixels(app::ReportChartsPanel* charts, const wxSize& size) {
    wxBitmap bitmap(size.GetWidth(), size.GetHeight(), 24);
    {
        wxMemoryDC dc(bitmap);
        charts->draw(dc, size);
    }
    const wxImage image = bitmap.ConvertToImage();
    std::size_t blue = 0;
    for (int y = 0; y < image.GetHeight(); ++y)
        for (int x = 0; x < image.GetWidth(); ++x)
            if (image.GetRed(x, y) == 0 && image.GetGreen(x, y) == 114 && image.GetBlue(x, y) == 178) ++blue;
    return blue;
}

}  // namespace

TEST_CASE("the Reports view shows the programme's figures and writes them for a funder", "[gui][reports]") {
    Programme programme;
    programme.mark_first_session_present();
    programme.make_complete({"P-001", "P-002", "P-003", "P-004", "P-005", "P-006"});
    std::vector<wxString> questions;
    app::set_question_sink([&](wxWindow*, const wxString& q) {
        questions.push_back(q);
        return false;  // not opened: no viewer under the test display
    });
    Window frame(programme.context);
    frame->SetSize(0, 0, 1200, 760);
    frame->show_reports();
    auto* reports = frame->reports();
    REQUIRE(reports);
    reports->fill("2026-01-01", "2026-06-30", "np", "PSF", "", "en", "csv");

    REQUIRE(reports->show_figures());
    CHECK(reports->figures()->GetItemCount() > 5);
    const wxString enrolled = wxString::FromUTF8(io::report_label("people enrolled", "en"));
    CHECK(list_has(reports->figures(), enrolled, "40"));
    pump(200);
    std::filesystem::create_directories(MITRA_SHOTS_DIR);
    REQUIRE(save_screenshot(frame.get(), std::string(MITRA_SHOTS_DIR) + "/reports.png"));
    const std::size_t bars = reports->charts()->bars_drawn();
    CHECK(bars == 13);  // two series of one country, one month, the funnel's ten modules

    SECTION("at 1024x600 the charts still draw every bar") {
        frame->SetSize(0, 0, 1024, 600);
        pump(300);
        reports->charts()->Refresh();
        reports->charts()->Update();
        pump(200);
        REQUIRE(save_screenshot(frame.get(), std::string(MITRA_SHOTS_DIR) + "/reports-small.png"));
        CHECK(reports->charts()->bars_drawn() == bars);
    }

    SECTION("CSV with a byte-order mark, then the offer to open it") {
        const auto file = programme.dir / "report.csv";
        REQUIRE(reports->write(wxString::FromUTF8(file.string())));
        const std::string csv = bytes_of(file);
        CHECK(csv.rfind("\xEF\xBB\xBF", 0) == 0);
        CHECK(csv.find(io::report_label("people enrolled", "en")) != std::string::npos);
        REQUIRE(questions.size() == 1);
        CHECK(questions.front().Contains("Open it now?"));
    }

    SECTION("XLSX in Japanese") {
        reports->fill("2026-01-01", "2026-06-30", "", "", "KTM-2026-1", "ja", "xlsx");
        const auto file = programme.dir / "report.xlsx";
        REQUIRE(reports->write(wxString::FromUTF8(file.string())));
        CHECK(bytes_of(file).rfind("PK", 0) == 0);
        reports->show_figures();
        CHECK(list_has(reports->figures(), wxString::FromUTF8(io::report_label("people enrolled", "ja")), "40"));
    }

    SECTION("a bad period or an unknown cohort is refused, naming the field, and nothing is written") {
        reports->fill("2026-13-01", "2026-01-31", "", "", "NO-SUCH", "en", "csv");
        const auto file = programme.dir / "refused.csv";
        CHECK_FALSE(reports->write(wxString::FromUTF8(file.string())));
        CHECK_FALSE(std::filesystem::exists(file));
        REQUIRE_FALSE(programme.messages.empty());
        CHECK(programme.messages.back().Contains("From"));
        CHECK(programme.messages.back().Contains("2026-13-01"));
        CHECK(programme.messages.back().Contains("NO-SUCH"));
    }
    app::set_question_sink({});
}

TEST_CASE("the Reports view draws the report's charts beside its figures, in the report's language", "[gui][reports]") {
    Programme programme;
    programme.mark_first_session_present();
    programme.make_complete({"P-001", "P-002", "P-003"});  // 3 completed: a count the report suppresses
    Window frame(programme.context);
    frame->SetSize(0, 0, 1280, 800);
    frame->show_reports();
    auto* reports = frame->reports();
    REQUIRE(reports);
    auto* charts = reports->charts();
    REQUIRE(charts);
    const wxSize size(1000, 560);

    // Before the figures are read there is nothing to draw but a hint.
    CHECK(blue_pixels(charts, size) == 0);
    CHECK(charts->bars_drawn() == 0);

    reports->fill("2026-01-01", "2026-06-30", "", "", "", "en", "pdf");
    REQUIRE(reports->show_figures());
    CHECK(blue_pixels(charts, size) > 2000);  // the enrolled, attendance and funnel bars, to scale
    // Two bars (enrolled, completed) per country, one per month, one per module.
    const ReportContent content = store::report_content(store::programme_figures(programme.db(), reports->filter()),
                                                        store::ReportWords{"en", &io::report_label, &io::country_name});
    std::size_t expected = content.charts.funnel.bars.size() + content.charts.over_time.bars.size();
    std::size_t suppressed = 0;
    for (const auto& s : content.charts.by_country) expected += s.bars.size();
    for (const auto& s : content.charts.by_country)
        for (const auto& b : s.bars) suppressed += b.suppressed ? 1 : 0;
    for (const auto& b : content.charts.funnel.bars) suppressed += b.suppressed ? 1 : 0;
    REQUIRE(expected > 3);
    CHECK(charts->bars_drawn() == expected);
    CHECK(suppressed > 0);  // 3 completed people: shown as "<5", never to scale
    CHECK(charts->suppressed_drawn() == suppressed);

    // The charts page is the one shown, and on screen it has drawn bars too.
    auto* views = XRCCTRL(*reports, "views", wxNotebook);
    REQUIRE(views);
    CHECK(views->GetCurrentPage()->IsShownOnScreen());
    CHECK(charts->IsShownOnScreen());
    pump(200);
    std::filesystem::create_directories(MITRA_SHOTS_DIR);
    REQUIRE(save_screenshot(frame.get(), std::string(MITRA_SHOTS_DIR) + "/reports-charts.png"));

    SECTION("in Urdu, the charts' labels shaped right to left") {
        reports->fill("2026-01-01", "2026-06-30", "", "", "", "ur", "pdf");
        REQUIRE(reports->show_figures());
        CHECK(blue_pixels(charts, size) > 2000);
        CHECK(charts->bars_drawn() == expected);
        REQUIRE(save_screenshot(frame.get(), std::string(MITRA_SHOTS_DIR) + "/reports-charts-ur.png"));
    }
    SECTION("in Japanese") {
        reports->fill("2026-01-01", "2026-06-30", "", "", "", "ja", "pdf");
        REQUIRE(reports->show_figures());
        CHECK(charts->bars_drawn() == expected);
        REQUIRE(save_screenshot(frame.get(), std::string(MITRA_SHOTS_DIR) + "/reports-charts-ja.png"));
    }
    SECTION("a period with nothing in it draws no bars") {
        reports->fill("2020-01-01", "2020-01-31", "", "", "", "en", "pdf");
        REQUIRE(reports->show_figures());
        CHECK(blue_pixels(charts, size) == 0);
    }
}
