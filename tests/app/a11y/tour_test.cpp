// The accessibility tour: every view, cohort page and dialog shown in turn for tests/app/a11y/walk.py, which reads
// each through AT-SPI (as a screen reader does) while this program waits. Hidden: only the walker runs it.
#include <catch2/catch.hpp>

#include <poll.h>
#include <unistd.h>

#include <wx/app.h>
#include <wx/textdlg.h>

#include <iostream>
#include <string>

#include "app/cohort_pages.hpp"
#include "app/cohort_panel.hpp"
#include "app/dialogs.hpp"
#include "app/main_frame.hpp"
#include "app/record_dialogs.hpp"
#include "app/trainer_dialogs.hpp"
#include "../fixture.hpp"
#include "store/app_queries.hpp"
#include "store/repos.hpp"

using namespace mitra;
using namespace mitra::app_test;

namespace {

// Says what is shown ("STOP <what>" on its own line) and lets the windows run until the walker answers "next".
void stop(const std::string& what) {
    std::cout << "STOP " << what << std::endl;
    pump(150);
    for (;;) {
        pollfd input{STDIN_FILENO, POLLIN, 0};
        if (poll(&input, 1, 0) > 0) {
            std::string answer;
            REQUIRE(std::getline(std::cin, answer));  // the walker gone: stop here
            REQUIRE(answer == "next");
            return;
        }
        pump(20);
    }
}

// A dialog shown as a person sees it, but not modal: the tour goes on once the walker has read it.
template <typename Dialog, typename... Args>
void visit(const std::string& what, Args&&... args) {
    auto* dialog = new Dialog(std::forward<Args>(args)...);
    dialog->Show();
    dialog->Raise();
    stop("dialog " + what);
    dialog->Destroy();
    pump(20);
}

}  // namespace

TEST_CASE("the accessibility tour: every view, cohort page and dialog, one after another", "[.a11y_tour]") {
    Programme programme;
    Window frame(programme.context);
    pump(300);
    const char* views[] = {"Curricula", "Trainers", "Participants", "Cohorts", "Certificates"};
    for (int s = app::MainFrame::curricula; s <= app::MainFrame::certificates; ++s) {
        frame->show_section(app::MainFrame::Section(s));
        stop(std::string("view ") + views[s]);
    }
    frame->show_reports();
    stop("view Reports");
    frame->show_renewals();
    stop("view Renewals");

    auto* panel = frame->open_cohort(programme.cohort);
    pump(200);
    const char* pages[] = {"Enrol", "Sessions", "Attendance", "Completion", "Print"};
    for (int p = app::CohortPanel::enrol_page; p <= app::CohortPanel::print_page; ++p) {
        panel->show_page(app::CohortPanel::Page(p));
        stop(std::string("page ") + pages[p]);
    }
    // The screen reader's attendance: the walker marks a person present through AT-SPI and reads the database.
    panel->show_page(app::CohortPanel::attendance_page);
    stop("attendance " + (programme.dir / "mitra.db").string());

    auto& db = programme.db();
    const auto curriculum = store::CurriculumRepo(db).find("PSF");
    std::vector<app::CodeAndTitle> modules;
    std::vector<std::string> codes;
    for (const auto& m : curriculum->modules) {
        modules.emplace_back(m.code, m.title.in("en"));
        codes.push_back(m.code);
    }
    const auto trainers = store::TrainerRepo(db).list();
    const Date today{2026, 3, 2};
    wxWindow* parent = frame.get();
    visit<app::OpenDialog>("OpenDialog", parent);
    visit<app::PreferencesDialog>("PreferencesDialog", parent, "https://verify.example.org", true);
    visit<app::ParticipantDialog>("ParticipantDialog", parent);
    visit<app::ReasonDialog>("ReasonDialog", parent, "Reason", "Why?");
    visit<app::OverrideDialog>("OverrideDialog", parent, "P-001", modules);
    visit<app::TrainerDialog>("TrainerDialog", parent, codes);
    visit<app::SessionDialog>("SessionDialog", parent, modules, trainers, programme.sessions.front(), true);
    visit<app::CohortDialog>("CohortDialog", parent, std::vector<std::string>{"PSF"}, trainers, today);
    visit<app::HistoryDialog>("HistoryDialog", parent, "P-001", std::vector<store::AuditEntry>{});
    visit<app::LearningDialog>("LearningDialog", parent, "P-001", today);
    app::RecordSetting setting{*curriculum, Date{2026, 2, 2}, today, codes.front(), "T-NP-01"};
    for (auto kind : {app::RecordKind::assessment, app::RecordKind::practice, app::RecordKind::ethics})
        visit<app::RecordDialog>("RecordDialog", parent, kind, "P-001", setting);
    if (const auto cohort = store::AppQueries(db).find_cohort(programme.cohort))
        visit<app::ScheduleDialog>("ScheduleDialog", parent, *curriculum, *cohort, trainers,
                                   store::TrainerRepo(db).qualifications());
    visit<app::QualifyDialog>("QualifyDialog", parent, "T-NP-01", modules, std::vector<std::string>{});
    visit<app::TrainerCertificationDialog>("TrainerCertificationDialog", parent, "T-NP-01", "", today);
    visit<wxTextEntryDialog>("minutes", parent,
                             "Minutes P-001 attended of this 120-minute session:", "Minutes attended", "120");
    // The help window, as F1 opens it (modal): read from inside its own event loop, then closed.
    wxTheApp->CallAfter([] {
        stop("dialog Help");
        for (wxWindow* w : wxTopLevelWindows)
            if (auto* dialog = dynamic_cast<wxDialog*>(w); dialog && dialog->IsModal()) dialog->EndModal(wxID_OK);
    });
    wxCommandEvent help(wxEVT_MENU, wxID_HELP);
    frame->GetEventHandler()->ProcessEvent(help);
    std::cout << "END" << std::endl;
}
