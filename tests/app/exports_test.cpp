// What the desktop program writes for people outside it: the programme report as PDF from the Reports view,
// and the audit history as CSV from the History dialog, each read back.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <wx/button.h>
#include <wx/filepicker.h>
#include <wx/xrc/xmlres.h>

#include <cstdio>
#include <fstream>

#include "app/dialogs.hpp"
#include "app/guard.hpp"
#include "app/history_dialog.hpp"
#include "app/main_frame.hpp"
#include "app/reports_panel.hpp"
#include "fixture.hpp"
#include "io/csv.hpp"
#include "io/report_labels.hpp"
#include "store/privacy.hpp"
#include "store/repos.hpp"

using namespace mitra;
using namespace mitra::app_test;

TEST_CASE("the Reports view writes the programme report as PDF with charts, in the report's language",
          "[gui][exports]") {
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
    CHECK(reports->format() == "pdf");  // what a funder reads, offered first

    SECTION("through the Write button: the extension is added, the labels are Japanese and extractable") {
        reports->fill("2026-01-01", "2026-06-30", "", "PSF", "", "ja", "pdf");
        const auto chosen = programme.dir / "funder-report";
        XRCCTRL(*reports, "file", wxFilePickerCtrl)->SetPath(wxString::FromUTF8(chosen.string()));
        pump(200);
        std::filesystem::create_directories(MITRA_SHOTS_DIR);
        REQUIRE(save_screenshot(frame.get(), std::string(MITRA_SHOTS_DIR) + "/reports-pdf.png"));
        click(XRCCTRL(*reports, "write", wxButton));
        const auto file = programme.dir / "funder-report.pdf";
        REQUIRE(std::filesystem::exists(file));
        CHECK(bytes_of(file).rfind("%PDF-", 0) == 0);
        REQUIRE(questions.size() == 1);
        CHECK(questions.front().Contains("funder-report.pdf"));

        const std::string text = output_of("pdftotext '" + file.string() + "' -");
        for (const char* english : {"Programme report", "people enrolled", "completion rate"}) {
            INFO(english);
            const std::string japanese = io::report_label(english, "ja");
            REQUIRE(japanese != english);
            CHECK(text.find(japanese) != std::string::npos);
        }
        CHECK(text.find(io::country_name("NP", "ja")) != std::string::npos);  // the chart's country, by its name
        CHECK(text.find("Programme report") == std::string::npos);
    }

    SECTION("a refused period writes no PDF") {
        reports->fill("2026-06-30", "2026-01-01", "", "", "", "en", "pdf");
        const auto file = programme.dir / "refused.pdf";
        CHECK_FALSE(reports->write(wxString::FromUTF8(file.string())));
        CHECK_FALSE(std::filesystem::exists(file));
        REQUIRE_FALSE(programme.messages.empty());
        CHECK(programme.messages.back().Contains("the period ends before it starts"));
        CHECK(questions.empty());
    }
    app::set_question_sink({});
}

TEST_CASE("the History dialog exports its changes as CSV, readable by its owner only", "[gui][exports]") {
    Programme programme;
    const long long session = programme.sessions.front().id;
    store::AttendanceRepo(programme.db())
        .mark(programme.cohort, {{{session, "P-002", AttendanceStatus::present, {}, ""}, 0}});
    store::AttendanceRepo(programme.db())
        .mark(programme.cohort, {{{session, "P-002", AttendanceStatus::late, 60, "bus, \"late\""}, 0}});
    programme.make_complete({"P-002"});
    const auto entries = store::audit_history(programme.db(), "", programme.cohort);
    REQUIRE(entries.size() >= 3);

    std::vector<wxString> suggested;
    wxString answer;
    app::set_history_save_sink([&](wxWindow*, const wxString& name) {
        suggested.push_back(name);
        return answer;
    });
    app::HistoryDialog dialog(nullptr, wxString::FromUTF8(programme.cohort), entries);
    auto* export_button = XRCCTRL(dialog, "export", wxButton);
    REQUIRE(export_button);
    CHECK(export_button->IsEnabled());

    SECTION("the file has the columns of mitra-cli audit --out, one row per change, oldest first") {
        answer = wxString::FromUTF8((programme.dir / "cohort-history").string());
        click(export_button);
        REQUIRE(suggested.size() == 1);
        CHECK(suggested.front() == "history-KTM-2026-1.csv");
        const auto file = programme.dir / "cohort-history.csv";
        REQUIRE(std::filesystem::exists(file));
        struct stat info {};
        REQUIRE(stat(file.c_str(), &info) == 0);
        CHECK((info.st_mode & 0777) == 0600);

        const std::string csv = bytes_of(file);
        CHECK(csv.rfind("\xEF\xBB\xBF"
                        "at,actor,entity,action,subject,old_value,new_value\r\n",
                        0) == 0);
        const auto read = io::read_csv(csv, file.string());
        REQUIRE(read.ok());
        REQUIRE(read.value.rows.size() == entries.size());
        bool changed = false;
        for (std::size_t i = 0; i < entries.size(); ++i) {
            const auto& f = read.value.rows[i].fields;
            REQUIRE(f.size() == 7);
            CHECK(f[0].text == entries[i].at);
            CHECK(f[1].text == entries[i].actor);
            CHECK(f[4].text == entries[i].subject);
            CHECK(f[5].text == entries[i].old_value.value_or(""));
            CHECK(f[6].text == entries[i].new_value.value_or(""));
            if (f[2].text == "attendance" && f[3].text == "change") {
                changed = true;
                CHECK(f[4].text.find("P-002") != std::string::npos);
            }
        }
        CHECK(changed);
        REQUIRE_FALSE(programme.messages.empty());
        CHECK(programme.messages.back().Contains("cohort-history.csv"));
    }

    SECTION("cancelling the file dialog writes nothing and says nothing") {
        answer.clear();
        const auto said = programme.messages.size();
        click(export_button);
        CHECK(suggested.size() == 1);
        CHECK(programme.messages.size() == said);
        std::size_t csv_files = 0;
        for (const auto& e : std::filesystem::directory_iterator(programme.dir))
            csv_files += e.path().extension() == ".csv";
        CHECK(csv_files == 0);
    }

    SECTION("a folder that cannot be written to is named, and nothing is left behind") {
        answer = "/nonexistent-folder/history.csv";
        CHECK_FALSE(app::write_history_csv(&dialog, entries, answer));
        REQUIRE_FALSE(programme.messages.empty());
        CHECK(programme.messages.back().Contains("/nonexistent-folder"));
    }

    SECTION("a history with nothing in it offers no export") {
        app::HistoryDialog empty(nullptr, "P-040", {});
        CHECK_FALSE(XRCCTRL(empty, "export", wxButton)->IsEnabled());
    }
    app::set_history_save_sink({});
}
