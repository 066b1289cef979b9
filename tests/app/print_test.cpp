// Printing a cohort's certificates from the workspace: a preview, then the batch, files that open as PDFs.
#include <catch2/catch.hpp>

#include <wx/statbmp.h>
#include <wx/textctrl.h>
#include <wx/xrc/xmlres.h>

#include <cstdio>
#include <cstdlib>
#include <memory>

#include "app/browse_panel.hpp"
#include "app/cohort_pages.hpp"
#include "app/cohort_panel.hpp"
#include "app/dialogs.hpp"
#include "app/guard.hpp"
#include "app/main_frame.hpp"
#include "fixture.hpp"
#include "store/certificates.hpp"
#include "store/settings.hpp"

using namespace mitra;
using namespace mitra::app_test;

namespace {

// The page count pdfinfo reads from the file: 0 when it cannot read it as a PDF.
int pages_of(const std::filesystem::path& pdf) {
    const std::string info = output_of("pdfinfo '" + pdf.string() + "' 2>&1");
    const auto at = info.find("Pages:");
    return at == std::string::npos ? 0 : std::atoi(info.c_str() + at + 6);
}

}  // namespace

TEST_CASE("a cohort's certificates are previewed, then printed for everyone eligible", "[gui][print]") {
    Programme programme;
    programme.make_complete({"P-001", "P-003", "P-006"});  // Japanese, Thai and Urdu names
    Window frame(programme.context);
    auto* panel = frame->open_cohort(programme.cohort);
    panel->show_page(app::CohortPanel::print_page);
    pump();
    auto* print = panel->print();

    REQUIRE(print->preview());
    CHECK(std::filesystem::exists(print->preview_pdf()));
    CHECK(store::CertificateRepo(programme.db()).list().empty());  // a preview records nothing

    const auto folder = programme.dir / "certificates";
    REQUIRE(print->issue(folder));
    REQUIRE(print->written().size() == 3);
    for (const auto& file : print->written()) {
        CHECK(std::filesystem::exists(file));
        CHECK(pages_of(file) == 1);
    }
    REQUIRE(std::filesystem::exists(print->print_file()));
    CHECK(pages_of(print->print_file()) == 3);
    const std::string text = output_of("pdftotext '" + print->print_file().string() + "' - 2>&1");
    INFO(text);
    CHECK(text.find("山田") != std::string::npos);  // names stay extractable (the text layer)
    CHECK(store::CertificateRepo(programme.db()).list().size() == 3);

    SECTION("issuing again keeps everyone's serial") {
        REQUIRE(print->issue(folder));
        CHECK(store::CertificateRepo(programme.db()).list().size() == 3);
    }
}

TEST_CASE("the first batch without a verification address asks for it, refuses a wrong one, and keeps it",
          "[gui][print]") {
    Programme programme;
    programme.make_complete({"P-001"});
    Window frame(programme.context);
    auto* panel = frame->open_cohort(programme.cohort);
    panel->show_page(app::CohortPanel::print_page);
    pump();
    auto* print = panel->print();
    REQUIRE(store::SettingsRepo(programme.db()).verify_url().empty());

    std::vector<wxString> answers = {"verify.example.org/psf", "https://verify.example.org/psf/"};
    std::vector<wxString> asked;
    app::set_text_sink([&](wxWindow*, const wxString& question) {
        asked.push_back(question);
        if (answers.empty()) return wxString();
        const wxString answer = answers.front();
        answers.erase(answers.begin());
        return answer;
    });
    SECTION("cancelled: nothing is kept, nothing is issued") {
        answers = {""};
        CHECK_FALSE(print->verify_url_known());
        CHECK(store::SettingsRepo(programme.db()).verify_url().empty());
    }
    SECTION("a wrong address is said and asked again; the right one is kept and printed under the QR code") {
        CHECK(print->verify_url_known());
        CHECK(asked.size() == 2);
        REQUIRE_FALSE(programme.messages.empty());
        CHECK(programme.messages.back().Find("https://") != wxNOT_FOUND);
        CHECK(store::SettingsRepo(programme.db()).verify_url() == "https://verify.example.org/psf/");
        CHECK(print->verify_url_known());  // kept: not asked again
        CHECK(asked.size() == 2);
        const auto folder = programme.dir / "certificates";
        REQUIRE(print->issue(folder));
        const std::string text = output_of("pdftotext '" + print->written().at(0).string() + "' - 2>&1");
        INFO(text);
        CHECK(text.find("verify.example.org/psf") != std::string::npos);
    }
    app::set_text_sink({});
}

TEST_CASE("Preferences shows the programme's verification address, editable only with a database open",
          "[gui][print]") {
    Programme programme;
    Window frame(programme.context);
    app::PreferencesDialog open(frame.get(), "https://verify.example.org/psf/", true);
    open.Show();
    pump();
    CHECK(open.verify_url() == "https://verify.example.org/psf/");
    auto* field = XRCCTRL(open, "verify_url", wxTextCtrl);
    REQUIRE(field);
    CHECK(field->IsEnabled());
    CHECK(field->GetToolTipText().Contains("QR code"));
    std::filesystem::create_directories(MITRA_SHOTS_DIR);
    REQUIRE(save_screenshot(&open, std::string(MITRA_SHOTS_DIR) + "/preferences.png"));
    app::PreferencesDialog closed(frame.get(), "", false);
    CHECK_FALSE(XRCCTRL(closed, "verify_url", wxTextCtrl)->IsEnabled());
}

TEST_CASE("the Certificates section shows a batch printed in a cohort's workspace when it is shown again",
          "[gui][print]") {
    Programme programme;
    programme.make_complete({"P-001", "P-003"});
    store::SettingsRepo(programme.db()).set(store::kVerifyUrlSetting, "https://verify.example.org/psf/");
    Window frame(programme.context);
    frame->show_section(app::MainFrame::certificates);
    pump();
    auto* certificates = frame->section(app::MainFrame::certificates);
    REQUIRE(certificates->row_count() == 0);

    auto* panel = frame->open_cohort(programme.cohort);
    panel->show_page(app::CohortPanel::print_page);
    pump();
    REQUIRE(panel->print()->issue(programme.dir / "certificates"));
    frame->show_section(app::MainFrame::certificates);
    pump();
    CHECK(certificates->row_count() == 2);  // no new search was typed

    SECTION("after another change, the list is read again and the row chosen stays chosen") {
        certificates->select_row(1);
        const wxString chosen = certificates->model()->row(1)->front();
        frame->open_cohort(programme.cohort);
        pump();
        const auto writes = programme.db().committed_writes();
        REQUIRE(panel->print()->issue(programme.dir / "certificates"));  // the same serials, printed again
        REQUIRE(programme.db().committed_writes() > writes);
        frame->show_section(app::MainFrame::certificates);
        pump();
        REQUIRE(certificates->list()->GetSelection().IsOk());
        CHECK(certificates->model()->GetRow(certificates->list()->GetSelection()) == 1);
        CHECK(certificates->model()->row(1)->front() == chosen);
    }
}
