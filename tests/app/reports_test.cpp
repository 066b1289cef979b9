// The Reports view: the programme report with its filters, on screen and written as CSV or XLSX, in a language.
#include <catch2/catch.hpp>

#include <wx/listctrl.h>

#include <fstream>

#include "app/guard.hpp"
#include "app/main_frame.hpp"
#include "app/reports_panel.hpp"
#include "fixture.hpp"
#include "io/report_labels.hpp"
#include "store/repos.hpp"

using namespace mitra;
using namespace mitra::app_test;

namespace {

std::string bytes_of(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

bool list_has(wxListCtrl* list, const wxString& item, const wxString& text) {
    for (long r = 0; r < list->GetItemCount(); ++r)
        if (list->GetItemText(r, 1) == item && list->GetItemText(r, 2).Contains(text)) return true;
    return false;
}

}  // namespace

TEST_CASE("the Reports view shows the programme's figures and writes them for a funder", "[gui][reports]") {
    Programme programme;
    std::vector<store::LocatedMark> marks;
    for (const auto& ref : programme.refs) marks.push_back({{programme.sessions.front().id, ref, AttendanceStatus::present, {}, ""}, 0});
    store::AttendanceRepo(programme.db()).mark(programme.cohort, marks);
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
