// The main window's sections: virtual lists with search as you type, details, certificates verified, revoked and
// printed again.
#include <catch2/catch.hpp>

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/menu.h>
#include <wx/testing.h>
#include <wx/textctrl.h>
#include <wx/xrc/xmlres.h>

#include <cstdio>

#include "app/dialogs.hpp"
#include "../store/printer.hpp"
#include "app/guard.hpp"
#include "app/i18n.hpp"
#include "app/main_frame.hpp"
#include "app/sections.hpp"
#include "fixture.hpp"
#include "store/certificates.hpp"
#include "io/keys.hpp"
#include "workflow/verifier_site.hpp"

using namespace mitra;
using namespace mitra::app_test;

namespace {

// Answers the reason dialog as a person would: types the reason and presses OK (no reason: Cancel); counts
// how often it was shown.
class AnswerReason : public wxExpectModalBase<app::ReasonDialog, AnswerReason> {
public:
    AnswerReason(std::string reason, int* shown) : reason_(std::move(reason)), shown_(shown) {}

protected:
    int OnInvoked(app::ReasonDialog* dialog) const override {
        ++*shown_;
        if (reason_.empty()) return wxID_CANCEL;
        XRCCTRL(*dialog, "reason", wxTextCtrl)->SetValue(wxString::FromUTF8(reason_));
        return wxID_OK;
    }

private:
    std::string reason_;
    int* shown_;
};

// Answers the revoke dialog: a reason and, from the category list it offers, the one at `category` (0: not said).
class AnswerRevocation : public wxExpectModalBase<app::ReasonDialog, AnswerRevocation> {
public:
    AnswerRevocation(std::string reason, int category) : reason_(std::move(reason)), category_(category) {}

protected:
    int OnInvoked(app::ReasonDialog* dialog) const override {
        auto* choice = XRCCTRL(*dialog, "category", wxChoice);
        REQUIRE(choice->IsShown());
        REQUIRE(choice->GetCount() == 4);
        XRCCTRL(*dialog, "reason", wxTextCtrl)->SetValue(wxString::FromUTF8(reason_));
        choice->SetSelection(category_);
        return wxID_OK;
    }

private:
    std::string reason_;
    int category_;
};

}  // namespace

TEST_CASE("the sections list what the database holds, searched as you type", "[gui][sections]") {
    Programme programme;
    Window frame(programme.context);
    pump();
    REQUIRE(frame->sidebar()->GetCount() == 7);  // five sections, Reports and Renewals due

    auto* people = frame->section(app::MainFrame::participants);
    CHECK(people->row_count() == 40);
    people->search_for(wxString::FromUTF8("ශ්‍රියා"));
    CHECK(people->row_count() == 1);
    people->search_for("Peer 3");
    CHECK(people->row_count() == 10);  // Peer 30 ... Peer 39
    people->search_for("");
    CHECK(people->row_count() == 40);
    CHECK(people->model()->row(5)->at(1) == wxString::FromUTF8("عائشہ خان"));

    CHECK(frame->section(app::MainFrame::curricula)->row_count() == 1);
    CHECK(frame->section(app::MainFrame::trainers)->row_count() == 1);
    CHECK(frame->section(app::MainFrame::cohorts)->row_count() == 1);
    frame->section(app::MainFrame::cohorts)->search_for("nothing like this");
    CHECK(frame->section(app::MainFrame::cohorts)->row_count() == 0);

    SECTION("a certificate is found by name, verified, and revoked") {
        programme.make_complete({"P-001"});
        const auto key = io::load_or_create_signing_key(io::default_key_path());
        const auto issued = store::CertificateRepo(programme.db())
                                .issue_for_cohort(programme.cohort, "completion", "", "completion", key,
                                                  Date{2026, 3, 2}, mitra::store_test::accept_all());
        REQUIRE(issued.issued.size() == 1);
        const std::string serial = issued.issued.front().record.serial;
        auto* certificates = static_cast<app::CertificatesPanel*>(frame->section(app::MainFrame::certificates));
        certificates->search_for(wxString::FromUTF8("山田"));
        REQUIRE(certificates->row_count() == 1);
        CHECK(certificates->verify(serial).StartsWith("GENUINE"));
        certificates->select_row(0);
        pump(50);
        wxTEST_DIALOG(certificates->revoke_selected(), AnswerRevocation("issued in error", 3));
        const auto revoked = store::CertificateRepo(programme.db()).find(serial);
        CHECK(revoked->revocation_reason == "issued in error");
        CHECK(revoked->revocation_category == "withdrawn");
        CHECK(store::CertificateRepo(programme.db()).revocations().front().category == "withdrawn");
        const auto verdict = certificates->verify(serial);
        CHECK(verdict.StartsWith("REVOKED"));
        CHECK(verdict.Contains("(withdrawn): issued in error"));
    }
}

TEST_CASE("a copy of a certificate is printed with a reason and counted, never of a revoked one", "[gui][sections]") {
    Programme programme;
    programme.make_complete({"P-001"});
    const auto key = io::load_or_create_signing_key(io::default_key_path());
    const auto issued = store::CertificateRepo(programme.db())
                            .issue_for_cohort(programme.cohort, "completion", "", "completion", key, Date{2026, 3, 2},
                                              mitra::store_test::accept_all());
    REQUIRE(issued.issued.size() == 1);
    const std::string serial = issued.issued.front().record.serial;
    const auto saved_dir = programme.dir / "copies";
    std::filesystem::create_directories(saved_dir);
    std::vector<wxString> suggested, questions;
    app::set_save_path_sink([&](wxWindow*, const wxString& name) {
        suggested.push_back(name);
        return wxString::FromUTF8((saved_dir / name.utf8_string()).string());
    });
    app::set_question_sink([&](wxWindow*, const wxString& q) {
        questions.push_back(q);
        return false;  // open no viewer
    });

    Window frame(programme.context);
    frame->show_section(app::MainFrame::certificates);
    auto* certificates = static_cast<app::CertificatesPanel*>(frame->section(app::MainFrame::certificates));
    certificates->search_for(wxString::FromUTF8(serial));
    REQUIRE(certificates->row_count() == 1);
    certificates->select_row(0);
    pump(50);
    auto* print_copy = wxWindow::FindWindowByName("print_copy", certificates);
    REQUIRE(print_copy);

    int asked = 0;
    wxTEST_DIALOG(click(print_copy), AnswerReason("lost copy", &asked));
    CHECK(asked == 1);
    REQUIRE(suggested.size() == 1);
    CHECK(suggested.front() == wxString::FromUTF8(serial + ".pdf"));
    const auto file = saved_dir / (serial + ".pdf");
    REQUIRE(std::filesystem::exists(file));
    const std::string text = output_of("pdftotext '" + file.string() + "' - 2>&1");
    INFO(text);
    CHECK(text.find(serial) != std::string::npos);
    CHECK(text.find("山田") != std::string::npos);
    CHECK(store::CertificateRepo(programme.db()).find(serial)->prints == 1);
    REQUIRE(questions.size() == 1);
    CHECK(questions.front().Contains("Open it now?"));

    SECTION("cancelling the reason prints nothing") {
        wxTEST_DIALOG(click(print_copy), AnswerReason("", &asked));
        CHECK(asked == 2);
        CHECK(suggested.size() == 1);
        CHECK(store::CertificateRepo(programme.db()).find(serial)->prints == 1);
    }

    SECTION("a revoked certificate is refused, with the reason in words, before any reason is asked") {
        store::CertificateRepo(programme.db()).revoke(serial, "issued in error");
        certificates->refresh();
        certificates->select_row(0);
        pump(50);
        std::filesystem::remove(file);
        wxTEST_DIALOG(click(print_copy), AnswerReason("lost again", &asked).Optional());
        CHECK(asked == 1);  // the reason dialog did not come up
        REQUIRE_FALSE(programme.messages.empty());
        CHECK(programme.messages.back().Contains("revoked"));
        CHECK(programme.messages.back().Contains("issued in error"));
        CHECK_FALSE(std::filesystem::exists(file));
        CHECK(store::CertificateRepo(programme.db()).find(serial)->prints == 1);
    }
    app::set_save_path_sink({});
    app::set_question_sink({});
}

TEST_CASE("the interface speaks the chosen language, from the catalogs the build compiled", "[gui][sections]") {
    Programme programme;
    for (const auto& [code, attendance] : {std::pair<wxString, const char*>{"ja", "出欠"},
                                           {"zh_CN", "考勤"},
                                           {"id", "Kehadiran"},
                                           {"hi", "उपस्थिति"},
                                           {"ur", "حاضری"},
                                           {"ne", "हाजिरी"},
                                           {"si", "පැමිණීම"},
                                           {"ta", "வருகை"}}) {
        app::set_up_translations(code);
        CHECK(wxGetTranslation("Attendance") == wxString::FromUTF8(attendance));
    }
    app::set_up_translations("ja");
    {
        Window frame(programme.context);
        frame->SetSize(0, 0, 1360, 900);
        frame->open_cohort(programme.cohort);
        CHECK(frame->GetMenuBar()->GetMenuLabelText(0) == wxString::FromUTF8("ファイル"));
        std::filesystem::create_directories(MITRA_SHOTS_DIR);
        CHECK(save_screenshot(frame.get(), std::string(MITRA_SHOTS_DIR) + "/japanese.png"));
    }
    app::set_up_translations("en");
    CHECK(wxGetTranslation("Attendance") == "Attendance");
}

TEST_CASE("the Certificates view writes the verification site that mitra-cli verifier site writes", "[gui][sections]") {
    Programme programme;
    store::CertificateRepo(programme.db()).register_key(io::load_or_create_signing_key(io::default_key_path()));
    Window frame(programme.context);
    frame->show_section(app::MainFrame::certificates);
    auto* certificates = frame->section(app::MainFrame::certificates);
    auto* write_site = wxWindow::FindWindowByName("write_verifier_site", certificates);
    REQUIRE(write_site);
    CHECK(static_cast<wxButton*>(write_site)->GetLabelText() == wxString::FromUTF8("Write verification site…"));

    const auto folder = programme.dir / "site";
    int asked = 0;
    app::set_folder_sink([&](wxWindow*) {
        ++asked;
        return wxString::FromUTF8(folder.string());
    });
    click(write_site);
    app::set_folder_sink({});
    CHECK(asked == 1);
    for (const char* name : {"index.html", "keys.txt", "revocations.txt"}) {
        INFO(name);
        CHECK(std::filesystem::file_size(folder / name) > 0);
    }
    CHECK(bytes_of(folder / "index.html").find("data-verdict") != std::string::npos);
    CHECK(bytes_of(folder / "keys.txt") ==
          io::public_key_text(io::load_or_create_signing_key(io::default_key_path())) + "\n");
    REQUIRE_FALSE(programme.messages.empty());
    CHECK(programme.messages.back().Contains("verification site was written"));

    // A revocation writes the site again there, as mitra-cli certificate revoke does, and says so.
    programme.make_complete({"P-001"});
    const auto issued = store::CertificateRepo(programme.db())
                            .issue_for_cohort(programme.cohort, "completion", "", "completion",
                                              io::load_or_create_signing_key(io::default_key_path()), Date{2026, 3, 2},
                                              mitra::store_test::accept_all());
    REQUIRE(issued.issued.size() == 1);
    const std::string serial = issued.issued.front().record.serial;
    CHECK(bytes_of(folder / "revocations.txt").find(serial) == std::string::npos);
    auto* panel = static_cast<app::CertificatesPanel*>(certificates);
    panel->refresh();
    panel->search_for(wxString::FromUTF8(serial));
    REQUIRE(panel->row_count() == 1);
    panel->select_row(0);
    pump(50);
    wxTEST_DIALOG(panel->revoke_selected(), AnswerRevocation("issued in error", 1));
    CHECK(bytes_of(folder / "revocations.txt").find(serial + " ") != std::string::npos);
    REQUIRE_FALSE(programme.messages.empty());
    CHECK(programme.messages.back().Contains("written again"));
}

TEST_CASE("a revocation stands when the verification site's folder is gone, and the view says it was not updated",
          "[gui][sections]") {
    Programme programme;
    const auto key = io::load_or_create_signing_key(io::default_key_path());
    const auto folder = programme.dir / "site";
    workflow::write_verifier_site(programme.db(), key, folder);
    std::filesystem::remove_all(folder);
    programme.make_complete({"P-001"});
    const auto issued = store::CertificateRepo(programme.db())
                            .issue_for_cohort(programme.cohort, "completion", "", "completion", key, Date{2026, 3, 2},
                                              mitra::store_test::accept_all());
    REQUIRE(issued.issued.size() == 1);
    const std::string serial = issued.issued.front().record.serial;
    Window frame(programme.context);
    frame->show_section(app::MainFrame::certificates);
    auto* panel = static_cast<app::CertificatesPanel*>(frame->section(app::MainFrame::certificates));
    panel->search_for(wxString::FromUTF8(serial));
    REQUIRE(panel->row_count() == 1);
    panel->select_row(0);
    pump(50);
    wxTEST_DIALOG(panel->revoke_selected(), AnswerRevocation("issued in error", 1));
    CHECK(store::CertificateRepo(programme.db()).find(serial)->revoked_at.has_value());
    CHECK_FALSE(std::filesystem::exists(folder));
    REQUIRE_FALSE(programme.messages.empty());
    CHECK(programme.messages.back().Contains("was not updated"));
    CHECK(programme.messages.back().Contains(wxString::FromUTF8(folder.string())));
}
