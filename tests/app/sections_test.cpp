// The main window's sections: virtual lists with search as you type, details, certificates verified and revoked.
#include <catch2/catch.hpp>

#include <wx/menu.h>

#include "app/i18n.hpp"
#include "app/main_frame.hpp"
#include "app/sections.hpp"
#include "fixture.hpp"
#include "store/certificates.hpp"
#include "io/keys.hpp"

using namespace mitra;
using namespace mitra::app_test;

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
                                .issue_for_cohort(programme.cohort, "completion", "", "completion", key, Date{2026, 3, 2});
        REQUIRE(issued.issued.size() == 1);
        const std::string serial = issued.issued.front().record.serial;
        auto* certificates = static_cast<app::CertificatesPanel*>(frame->section(app::MainFrame::certificates));
        certificates->search_for(wxString::FromUTF8("山田"));
        REQUIRE(certificates->row_count() == 1);
        CHECK(certificates->verify(serial).StartsWith("GENUINE"));
        store::CertificateRepo(programme.db()).revoke(serial, "issued in error");
        CHECK(certificates->verify(serial).StartsWith("NOT VALID"));
    }
}

TEST_CASE("the interface speaks the chosen language, from the catalogs the build compiled", "[gui][sections]") {
    Programme programme;
    for (const auto& [code, attendance] : {std::pair<wxString, const char*>{"ja", "出欠"}, {"zh_CN", "考勤"},
                                           {"id", "Kehadiran"}}) {
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
