// Certification over time in the desktop program: the pathway at a glance, renewals due with the reason,
// continuing education recorded, and a renewal that issues a new linked certificate only when the rules are met
// and writes its PDF before recording it.
#include <catch2/catch.hpp>

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/stattext.h>

#include <cstdio>
#include <fstream>

#include "app/browse_panel.hpp"
#include "../store/printer.hpp"
#include "app/certification_view.hpp"
#include "app/dialogs.hpp"
#include "app/guard.hpp"
#include "app/main_frame.hpp"
#include "fixture.hpp"
#include "io/keys.hpp"
#include "store/certificates.hpp"
#include "store/repos.hpp"

using namespace mitra;
using namespace mitra::app_test;

namespace {

LearningEntry learning(const std::string& title, int hours, const std::string& category, const Date& on) {
    LearningEntry e;
    e.title = title;
    e.provider = "Regional peer network";
    e.on = on;
    e.minutes = hours * 60;
    e.category = category;
    e.source = "external";
    return e;
}

}  // namespace

TEST_CASE("a coordinator sees who must renew and why, records learning and renews", "[gui][certification]") {
    Programme programme;
    programme.make_complete({"P-001", "P-002"});
    const auto key = io::load_or_create_signing_key(io::default_key_path());
    store::CertificateRepo(programme.db())
        .issue_for_cohort(programme.cohort, "completion", "", "completion", key, Date{2026, 3, 2},
                          mitra::store_test::accept_all());
    const auto first = store::CertificationRepo(programme.db()).current("P-001");
    REQUIRE(first);
    // Two months before the certification ends.
    programme.context.set_today([] { return Date{2028, 1, 2}; });
    std::vector<wxString> questions;
    app::set_question_sink([&](wxWindow*, const wxString& q) {
        questions.push_back(q);
        return !q.Contains("Open it now?");  // renew, but open no viewer
    });
    const auto saved_dir = programme.dir / "saved";
    std::filesystem::create_directories(saved_dir);
    int folders_asked = 0;
    app::set_folder_sink([&](wxWindow*) {
        ++folders_asked;
        return wxString::FromUTF8(saved_dir.string());
    });

    Window frame(programme.context);
    frame->SetSize(0, 0, 1300, 760);
    frame->show_renewals();
    pump(100);
    auto* renewals = frame->renewals();
    REQUIRE(renewals->items().size() == 2);
    auto* list = renewals->list();
    CHECK((list->GetItemText(0, 3) == wxString::FromUTF8(first->serial) ||
           list->GetItemText(1, 3) == wxString::FromUTF8(first->serial)));
    CHECK(list->GetItemText(0, 4).Contains(wxString::FromUTF8(to_string(first->expires_on))));
    CHECK(list->GetItemText(0, 5).Contains("ethics"));  // the reason: no learning yet
    std::filesystem::create_directories(MITRA_SHOTS_DIR);
    REQUIRE(save_screenshot(frame.get(), std::string(MITRA_SHOTS_DIR) + "/renewals.png"));

    SECTION("renewing before the hours are there is refused, naming what is missing, and changes nothing") {
        CHECK_FALSE(app::renew_certification(renewals, programme.context, "P-001", "PSC"));
        REQUIRE(questions.size() == 1);
        CHECK(questions.front().Contains(wxString::FromUTF8(first->serial)));
        REQUIRE_FALSE(programme.messages.empty());
        CHECK(programme.messages.back().Contains("refused"));
        CHECK(store::CertificationRepo(programme.db()).current("P-001")->serial == first->serial);
        CHECK(std::filesystem::is_empty(saved_dir));  // nothing written for a renewal refused
    }

    SECTION("a renewal whose certificate cannot be written records nothing: the old certification holds") {
        REQUIRE(app::add_learning(renewals, programme.context, "P-001",
                                  learning("Ethics refresher", 3, "ethics", Date{2026, 5, 10})));
        REQUIRE(app::add_learning(renewals, programme.context, "P-001",
                                  learning("Peer practice circle", 33, "peer_practice", Date{2026, 9, 1})));
        const auto in_the_way = programme.dir / "in-the-way";
        { std::ofstream(in_the_way) << "a file, not a folder\n"; }
        app::set_folder_sink([&](wxWindow*) { return wxString::FromUTF8((in_the_way / "certs").string()); });
        CHECK_FALSE(app::renew_certification(renewals, programme.context, "P-001", "PSC"));
        REQUIRE_FALSE(programme.messages.empty());
        CHECK(programme.messages.back().Contains("cannot be printed"));
        CHECK(store::CertificationRepo(programme.db()).current("P-001")->serial == first->serial);
        CHECK(store::CertificateRepo(programme.db()).list().size() == 2);  // P-001's and P-002's first only
    }

    SECTION("the dialog refuses a bad entry field by field; learning that meets the rules renews with a new serial") {
        app::LearningDialog dialog(frame.get(), "P-001", Date{2028, 1, 2});
        dialog.fill("", "Network", "2027-02-30", "lots", "ethics", "");
        try {
            (void)dialog.entry();
            FAIL("a bad entry was accepted");
        } catch (const InputError& e) {
            CHECK(e.problems.size() == 3);  // title, date, hours
        }
        dialog.fill("Ethics refresher", "Regional peer network", "2026-05-10", "3", "ethics", "attendance sheet");
        const auto ethics = dialog.entry();
        CHECK(ethics.minutes == 180);
        const bool added = app::add_learning(renewals, programme.context, "P-001", ethics);
        INFO((programme.messages.empty() ? wxString() : programme.messages.back()).utf8_string());
        REQUIRE(added);
        REQUIRE(app::add_learning(renewals, programme.context, "P-001",
                                  learning("Peer practice circle", 33, "peer_practice", Date{2026, 9, 1})));
        renewals->refresh();
        CHECK(renewals->list()->GetItemText(0, 5).Contains("renewed now"));

        REQUIRE(app::renew_certification(renewals, programme.context, "P-001", "PSC"));
        const auto renewed = store::CertificationRepo(programme.db()).current("P-001");
        REQUIRE(renewed);
        CHECK(renewed->serial != first->serial);
        CHECK(renewed->previous_serial == first->serial);
        CHECK(programme.messages.back().Contains(wxString::FromUTF8(renewed->serial)));
        // The new certificate's PDF, SERIAL.pdf in the folder asked for before the renewal was recorded, rendered
        // with the person's name and the new serial.
        CHECK(folders_asked == 1);
        const auto pdf_file = saved_dir / (renewed->serial + ".pdf");
        REQUIRE(std::filesystem::exists(pdf_file));
        const std::string text = output_of("pdftotext '" + pdf_file.string() + "' - 2>&1");
        INFO(text);
        CHECK(text.find(renewed->full_name) != std::string::npos);
        CHECK(text.find(renewed->serial) != std::string::npos);
        CHECK(text.find(first->serial) == std::string::npos);
        CHECK(questions.back().Contains("Open it now?"));
        renewals->refresh();
        CHECK(renewals->items().size() == 1);  // P-001 renewed: only P-002 is due

        // The person's details: the pathway at a glance, with the renewal's validity.
        auto* people = show_details_of(frame, "P-001");
        const wxString shown = all_text(people);
        CHECK(shown.Contains("Certified Peer Supporter"));
        CHECK(shown.Contains(wxString::FromUTF8("✓ ")));
        CHECK(shown.Contains(wxString::FromUTF8(renewed->serial)));
        CHECK(shown.Contains(wxString::FromUTF8(to_string(renewed->expires_on))));
        CHECK(wxWindow::FindWindowByName("renew", people));
        CHECK(wxWindow::FindWindowByName("record_learning", people));
        REQUIRE(save_screenshot(frame.get(), std::string(MITRA_SHOTS_DIR) + "/pathway.png"));
    }
    app::set_question_sink({});
    app::set_folder_sink({});
}
