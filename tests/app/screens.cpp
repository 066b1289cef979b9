// Every screen a person works in, shown one after another for a check.
#include "screens.hpp"

#include <catch2/catch.hpp>

#include <wx/app.h>
#include <wx/choice.h>
#include <wx/dataview.h>
#include <wx/dialog.h>

#include "app/browse_panel.hpp"
#include "app/certification_view.hpp"
#include "app/cohort_pages.hpp"
#include "app/cohort_panel.hpp"
#include "app/dialogs.hpp"
#include "app/main_frame.hpp"
#include "app/practice_dialogs.hpp"
#include "app/record_dialogs.hpp"
#include "app/reports_panel.hpp"
#include "app/trainer_dialogs.hpp"
#include "io/curriculum_toml.hpp"
#include "store/app_queries.hpp"
#include "store/practice_repo.hpp"
#include "store/repos.hpp"

namespace mitra::app_test {
namespace {

// Shows a dialog made and set up by the caller, checks it, and closes it.
void show_and_check(wxDialog* dialog, const std::string& what, const std::function<void(const Screen&)>& check) {
    dialog->Show();
    dialog->Raise();
    pump_until_laid_out(dialog);
    check(Screen{"dialog " + what, dialog, dialog});
    dialog->Destroy();
    pump(20);
}

// Checks the modal dialog that `open` shows, from inside its own event loop, then cancels it (as Esc does).
void check_modal(const std::string& what, const std::function<void(const Screen&)>& check,
                 const std::function<void()>& open) {
    bool checked = false;
    wxTheApp->CallAfter([&] {
        pump(60);
        for (wxWindow* w : wxTopLevelWindows)
            if (auto* dialog = dynamic_cast<wxDialog*>(w); dialog && dialog->IsModal()) {
                pump_until_laid_out(dialog, 20);
                check(Screen{"dialog " + what, dialog, dialog});
                checked = true;
                dialog->EndModal(wxID_CANCEL);
                break;
            }
    });
    open();
    pump(20);
    INFO(what);
    CHECK(checked);
}

template <typename Dialog, typename... Args>
void visit(const std::string& what, const std::function<void(const Screen&)>& check, Args&&... args) {
    show_and_check(new Dialog(std::forward<Args>(args)...), what, check);
}

}  // namespace

void every_screen(Programme& programme, Window& frame, const std::function<void(const Screen&)>& check) {
    frame->Show();
    pump(200);
    const char* views[] = {"Curricula", "Trainers", "Participants", "Cohorts", "Certificates"};
    for (int s = app::MainFrame::curricula; s <= app::MainFrame::certificates; ++s) {
        frame->show_section(app::MainFrame::Section(s));
        frame->section(app::MainFrame::Section(s))->select_row(0);  // its details and their buttons shown too
        pump(60);
        check(Screen{std::string("view ") + views[s], frame.get(), frame->section(app::MainFrame::Section(s))});
    }
    frame->show_reports();
    pump(60);
    check(Screen{"view Reports", frame.get(), frame->reports()});
    frame->show_renewals();
    pump(60);
    check(Screen{"view Renewals", frame.get(), frame->renewals()});

    auto* panel = frame->open_cohort(programme.cohort);
    pump(200);
    const char* pages[] = {"Enrol", "Sessions", "Attendance", "Completion", "Print"};
    for (int p = app::CohortPanel::enrol_page; p <= app::CohortPanel::print_page; ++p) {
        panel->show_page(app::CohortPanel::Page(p));
        pump(60);
        check(Screen{std::string("page ") + pages[p], frame.get(), panel->notebook()->GetCurrentPage()});
    }

    auto& db = programme.db();
    const auto curriculum = store::CurriculumRepo(db).find("PSF");
    REQUIRE(curriculum);
    std::vector<app::CodeAndTitle> modules;
    std::vector<std::string> codes;
    for (const auto& m : curriculum->modules) {
        modules.emplace_back(m.code, m.title.in("en"));
        codes.push_back(m.code);
    }
    const auto trainers = store::TrainerRepo(db).list();
    const Date today{2026, 3, 2};
    wxWindow* parent = frame.get();
    visit<app::OpenDialog>("OpenDialog", check, parent);
    visit<app::PreferencesDialog>("PreferencesDialog", check, parent, "https://verify.example.org", true);
    visit<app::ParticipantDialog>("ParticipantDialog", check, parent);
    visit<app::ReasonDialog>("ReasonDialog", check, parent, "Reason", "&Why?");
    {
        // As revoking asks: with the revocation list's categories.
        auto* dialog = new app::ReasonDialog(parent, "Revoke", "&Why?");
        dialog->offer_revocation_categories();
        show_and_check(dialog, "ReasonDialog with categories", check);
    }
    visit<app::OverrideDialog>("OverrideDialog", check, parent, "P-001", modules);
    visit<app::TrainerDialog>("TrainerDialog", check, parent, codes);
    visit<app::SessionDialog>("SessionDialog", check, parent, modules, trainers, programme.sessions.front(), true);
    visit<app::CohortDialog>("CohortDialog", check, parent, std::vector<std::string>{"PSF"}, trainers, today);
    visit<app::HistoryDialog>("HistoryDialog", check, parent, "P-001", std::vector<store::AuditEntry>{});
    visit<app::LearningDialog>("LearningDialog", check, parent, "P-001", today);
    app::RecordSetting setting{*curriculum, Date{2026, 2, 2}, today, codes.front(), "T-NP-01"};
    const char* kinds[] = {"assessment", "practice", "ethics"};
    int k = 0;
    for (auto kind : {app::RecordKind::assessment, app::RecordKind::practice, app::RecordKind::ethics})
        visit<app::RecordDialog>(std::string("RecordDialog ") + kinds[k++], check, parent, kind, "P-001", setting);
    const auto cohort = store::AppQueries(db).find_cohort(programme.cohort);
    REQUIRE(cohort);
    visit<app::ScheduleDialog>("ScheduleDialog", check, parent, *curriculum, *cohort, trainers,
                               store::TrainerRepo(db).qualifications());
    visit<app::QualifyDialog>("QualifyDialog", check, parent, "T-NP-01", modules, std::vector<std::string>{});
    visit<app::TrainerCertificationDialog>("TrainerCertificationDialog", check, parent, "T-NP-01", "", today);
    // The observed assessment, on a curriculum whose modules have rubrics (tests/data/psf-practice.toml, issue 21's):
    // as it opens, and with a second rater chosen, which shows each criterion's second level.
    auto practice = io::read_curriculum_file(std::string(MITRA_SOURCE_DIR) + "/tests/data/psf-practice.toml");
    REQUIRE(practice.ok());
    app::ObservationSetting observing{
        {practice.value, Date{2026, 2, 2}, today, "M04", programme.context.language()}, trainers, "T-NP-01"};
    visit<app::ObservationDialog>("ObservationDialog", check, parent, "P-001", observing);
    {
        auto* dialog = new app::ObservationDialog(parent, "P-001", observing);
        auto* second = static_cast<wxChoice*>(dialog->FindWindow("second_rater"));
        REQUIRE(second);
        second->SetSelection(1);
        wxCommandEvent chosen(wxEVT_CHOICE, second->GetId());
        chosen.SetEventObject(second);
        second->GetEventHandler()->ProcessEvent(chosen);
        show_and_check(dialog, "ObservationDialog with a second rater", check);
    }

    // Issue 21's supervised practice, on PSF with its rules as a version of its own (tests/data/psf-practice.toml as
    // 2026.2; the fixture's cohort stays on 2026.1): a cohort begun on 2024-09-02 with P-001 and P-002 enrolled that
    // day, whose 18-month window ends on 2026-03-02, today (near); two supervisors, one whose credential ended
    // before their entry (kept, not counted) and one whose entry counts; P-001's agreement signed.
    practice.value.version = "2026.2";
    store::CurriculumRepo(db).import(practice.value);
    const Cohort rules = programme.add_cohort("PKR-2024-9", Date{2024, 9, 2});
    store::CohortRepo(db).enrol(rules.code, {"P-001", "P-002"}, rules.start_date);
    programme.add_two_supervisors();
    programme.log_late_and_counted_supervision(rules.code);
    store::PracticeRepo records(db);
    records.attest({"P-001", AttestationKind::supervision_agreement, true, Date{2024, 9, 2}});

    // The person's details with their supervision, progress letter and verification.
    {
        auto* people = show_details_of(frame, "P-001");
        if (auto* cohorts = dynamic_cast<wxChoice*>(wxWindow::FindWindowByName("record_cohort", people)))
            cohorts->SetStringSelection(wxString::FromUTF8(rules.code));
        pump(60);
        check(Screen{"view Participants with supervision", frame.get(), people});
    }
    app::SupervisionSetting supervising{
        {practice.value, rules.start_date, today, "M10", programme.context.language()}, records.supervisors(), "S-OUT"};
    visit<app::SupervisionDialog>("SupervisionDialog", check, parent, "P-001", supervising);
    check_modal("SignedRecordsDialog", check,
                [&] { app::signed_records_for(parent, programme.context, rules.code, "P-001"); });
    visit<app::PracticeRecordDialog>("PracticeRecordDialog", check, parent, programme.context, "P-001", rules.code);
    {
        auto* dialog = new app::SupervisorsDialog(parent, programme.context);
        show_and_check(dialog, "SupervisorsDialog", check);
    }
    {
        app::SupervisorsDialog supervisors(parent, programme.context);
        supervisors.Show();
        pump(60);
        check_modal("SupervisorDialog", check, [&] { supervisors.add_supervisor(); });
        supervisors.list()->SelectRow(0);
        check_modal("CredentialDialog", check, [&] { supervisors.add_credential(); });
    }
    {
        auto* dialog = new app::DeadlinesDialog(parent, programme.context, rules.code);
        show_and_check(dialog, "DeadlinesDialog", check);
    }
    {
        app::DeadlinesDialog deadlines(parent, programme.context, rules.code);
        deadlines.Show();
        pump(60);
        REQUIRE(deadlines.list()->GetItemCount() > 0);
        deadlines.list()->SelectRow(0);
        check_modal("ExtendDialog", check, [&] { deadlines.extend_selected(); });
    }

    // The help, as F1 opens it (modal): checked from inside its own event loop, then closed.
    bool helped = false;
    wxTheApp->CallAfter([&] {
        pump(60);
        for (wxWindow* w : wxTopLevelWindows)
            if (auto* dialog = dynamic_cast<wxDialog*>(w); dialog && dialog->IsModal()) {
                check(Screen{"dialog Help", dialog, dialog});
                helped = true;
                dialog->EndModal(wxID_OK);
            }
    });
    wxCommandEvent help(wxEVT_MENU, wxID_HELP);
    frame->GetEventHandler()->ProcessEvent(help);
    CHECK(helped);
}

wxString problems_on_every_screen(Programme& programme, const std::function<wxString(const Screen&)>& problems_of) {
    Window frame(programme.context);
    frame->SetSize(0, 0, 1360, 900);
    wxString problems;
    int screens = 0;
    every_screen(programme, frame, [&](const Screen& screen) {
        ++screens;
        problems << problems_of(screen);
    });
    CHECK(screens >= 30);
    return problems;
}

}  // namespace mitra::app_test
