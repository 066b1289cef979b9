// Enrolling people into a cohort from the workspace's Enrol page.
#include <catch2/catch.hpp>

#include <wx/stattext.h>
#include <wx/statusbr.h>

#include <fstream>

#include "app/cohort_pages.hpp"
#include "app/guard.hpp"
#include "app/cohort_panel.hpp"
#include "app/main_frame.hpp"
#include "app/problems_view.hpp"
#include "fixture.hpp"
#include "store/app_queries.hpp"
#include "store/repos.hpp"

using namespace mitra;
using namespace mitra::app_test;

namespace {

std::string write_file(const std::filesystem::path& path, const std::string& content) {
    std::ofstream(path, std::ios::binary) << content;
    return path.string();
}

const std::string kHeader = "ref,full_name,latin_name,country,language,email\n";

}  // namespace

TEST_CASE("a CSV file with bad rows lists every bad row and enrols no one", "[gui][enrol]") {
    Programme programme;
    Cohort c;
    c.code = "PKR-2026-1";
    c.curriculum_code = "PSF";
    c.site = "Pokhara";
    c.country = "NP";
    c.time_zone = "Asia/Kathmandu";
    c.language = "ne";
    c.start_date = Date{2026, 3, 9};
    store::CohortRepo(programme.db()).create(c);

    Window frame(programme.context);
    auto* panel = frame->open_cohort("PKR-2026-1");
    pump();
    auto* enrol = panel->enrol();
    REQUIRE(panel->notebook()->GetSelection() == app::CohortPanel::enrol_page);

    const auto bad = write_file(programme.dir / "people.csv",
                                kHeader +
                                    "N-001,ශ්‍රියානි පෙරේරා,Sriyani Perera,LK,si,\n"
                                    "N-002,Dorji Wangmo,,Bhutan,dz,\n"  // line 3: country is not a code
                                    "N-003,ចាន់ ស្រីពៅ,Chan Sreypov,KH,km,\n"
                                    "N-004,Ali,,PK,ur,not-an-address\n");  // line 5: the email
    CHECK_FALSE(enrol->import_csv(bad));

    SECTION("every bad row is listed with its line, column and field") {
        auto* problems = enrol->problems();
        REQUIRE(problems->IsShown());
        REQUIRE(problems->GetItemCount() >= 2);
        std::vector<wxString> lines;
        for (long i = 0; i < problems->GetItemCount(); ++i) {
            lines.push_back(problems->GetItemText(i, 0));
            CHECK_FALSE(problems->GetItemText(i, 1).empty());  // the column
            CHECK_FALSE(problems->GetItemText(i, 3).empty());  // the message
        }
        CHECK(std::count(lines.begin(), lines.end(), "3") == 1);
        CHECK(std::count(lines.begin(), lines.end(), "5") == 1);
        CHECK(problems->GetItemText(0, 2) == "Country");
    }
    SECTION("nothing changed: no one new, no one enrolled") {
        CHECK(store::CohortRepo(programme.db()).enrolments("PKR-2026-1").empty());
        CHECK_FALSE(store::ParticipantRepo(programme.db()).find("N-001"));
        CHECK(enrol->enrolled()->GetItemCount() == 0);
    }
    SECTION("the corrected file enrols everyone in it, and the list of problems goes away") {
        const auto good = write_file(programme.dir / "people-fixed.csv",
                                     kHeader +
                                         "N-001,ශ්‍රියානි පෙරේරා,Sriyani Perera,LK,si,\n"
                                         "N-002,Dorji Wangmo,,BT,dz,\n"
                                         "N-003,ចាន់ ស្រីពៅ,Chan Sreypov,KH,km,\n"
                                         "N-004,Ali,,PK,ur,ali@example.org\n"
                                         "P-001,山田 花子,Yamada Hanako,JP,ja,\n");
        REQUIRE(enrol->import_csv(good));
        CHECK_FALSE(enrol->problems()->IsShown());
        CHECK(store::CohortRepo(programme.db()).enrolments("PKR-2026-1").size() == 5);
        CHECK(enrol->enrolled()->GetItemCount() == 5);
        CHECK(store::ParticipantRepo(programme.db()).find("N-001")->full_name ==
              "ශ්‍රියානි පෙරේරා");
    }
}

TEST_CASE("people found by search are enrolled with one action", "[gui][enrol]") {
    Programme programme;
    Cohort c;
    c.code = "PKR-2026-2";
    c.curriculum_code = "PSF";
    c.site = "Pokhara";
    c.country = "NP";
    c.time_zone = "Asia/Kathmandu";
    c.language = "ne";
    c.start_date = Date{2026, 3, 9};
    store::CohortRepo(programme.db()).create(c);
    Window frame(programme.context);
    auto* enrol = frame->open_cohort("PKR-2026-2")->enrol();
    enrol->search_for(wxString::FromUTF8("山田"));
    REQUIRE(enrol->found_count() == 1);
    enrol->search_for("Peer 2");  // Peer 20 ... Peer 29 (P-002 writes her name in Hangul)
    REQUIRE(enrol->found_count() == 10);
    enrol->select_rows({0, 1, 2});
    enrol->enrol_selected();
    CHECK(store::CohortRepo(programme.db()).enrolments("PKR-2026-2").size() == 3);
    CHECK(enrol->enrolled()->GetItemCount() == 3);

    // The cohort's header and the status bar count what was just done, without another page being opened.
    pump();
    auto* header = dynamic_cast<wxStaticText*>(frame->open_cohort("PKR-2026-2")->GetChildren().front());
    REQUIRE(header);
    CHECK(header->GetLabel().EndsWith(wxString::FromUTF8(" · 3 people")));
    enrol->select_rows({3});
    enrol->enrol_selected();
    pump();
    CHECK(header->GetLabel().EndsWith(wxString::FromUTF8(" · 4 people")));
    const auto people = store::AppQueries(programme.db()).count_participants("");
    CHECK(frame->GetStatusBar()->GetStatusText(1).StartsWith(wxString::Format("%lld people", people)));
}

TEST_CASE("importing look-alikes on the Enrol page asks first, by ref, and goes on only when told to", "[gui][enrol]") {
    Programme programme;
    Window frame(programme.context);
    auto* panel = frame->open_cohort(programme.cohort);
    pump();
    auto* enrol = panel->enrol();
    // P-008 is Sukarno; N-002 is the same name in capitals, N-003 a Cyrillic-о copy of N-001.
    const auto file = write_file(programme.dir / "lookalikes.csv", kHeader +
                                                                       "N-001,John Smith,,GB,en,\n"
                                                                       "N-002,SUKARNO,,ID,id,\n"
                                                                       "N-003,J\u043Ehn Smith,,GB,en,\n");
    std::vector<wxString> questions;
    bool go_on = false;
    app::set_question_sink([&](wxWindow*, const wxString& q) {
        questions.push_back(q);
        return go_on;
    });
    const auto enrolled_before = store::CohortRepo(programme.db()).enrolments(programme.cohort).size();

    CHECK_FALSE(enrol->import_csv(file));
    REQUIRE(questions.size() == 1);
    CHECK(questions[0].Contains("Line 3: N-002 looks like P-008."));
    CHECK(questions[0].Contains("Line 4: N-003 looks like N-001 on line 2."));
    CHECK_FALSE(questions[0].Contains("Sukarno"));
    CHECK_FALSE(questions[0].Contains("SUKARNO"));
    CHECK_FALSE(questions[0].Contains("Smith"));
    CHECK_FALSE(store::ParticipantRepo(programme.db()).find("N-001"));
    CHECK(store::CohortRepo(programme.db()).enrolments(programme.cohort).size() == enrolled_before);

    go_on = true;
    CHECK(enrol->import_csv(file));
    CHECK(questions.size() == 2);
    CHECK(store::ParticipantRepo(programme.db()).find("N-003"));
    CHECK(store::CohortRepo(programme.db()).enrolments(programme.cohort).size() == enrolled_before + 3);
    app::set_question_sink({});
}
