// Trainers in the desktop program: added, qualified and certified in the Trainers view, then put on sessions in the
// Sessions page, which says on each session why no one may teach it and what would fix it, in its own words.
#include <catch2/catch.hpp>

#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/modalhook.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/xrc/xmlres.h>

#include <functional>

#include "app/cohort_pages.hpp"
#include "app/cohort_panel.hpp"
#include "app/main_frame.hpp"
#include "app/sections.hpp"
#include "app/trainer_dialogs.hpp"
#include "fixture.hpp"
#include "store/certification_repo.hpp"
#include "store/repos.hpp"

using namespace mitra;
using namespace mitra::app_test;

namespace {

using Answer = DialogAnswer;  // the first showing answered, a later one cancelled

void type(wxDialog* dialog, const char* field, const wxString& text) { type_into(dialog, field, text); }

// Selects the trainer with `ref` in the Trainers view, as a click would.
void choose(app::BrowsePanel* trainers, const std::string& ref) {
    for (unsigned row = 0; row < trainers->row_count(); ++row) {
        trainers->select_row(row);
        const auto item = trainers->list()->GetSelection();
        wxVariant value;
        trainers->model()->GetValue(value, item, 0);
        if (value.GetString() == wxString::FromUTF8(ref)) return;
    }
    FAIL("no trainer " << ref << " in the list");
}

wxString cell(wxDataViewListCtrl* list, unsigned row, unsigned column) { return list->GetTextValue(row, column); }

const Date kStart{2028, 1, 10};  // after T-NP-01's certification (2025 to 2027) ends: only the new trainer is left

// The cohort both tests plan, led by T-NP-05, made in `db`.
Cohort create_cohort(store::Database& db) {
    Cohort c;
    c.code = "KTM-2028-1";
    c.curriculum_code = "PSF";
    c.site = "Patan Community Centre";
    c.country = "NP";
    c.time_zone = "Asia/Kathmandu";
    c.language = "en";
    c.start_date = kStart;
    c.trainer_refs = {"T-NP-05"};
    store::CohortRepo(db).create(c);
    return c;
}

}  // namespace

TEST_CASE("a new trainer is added, qualified and certified in the Trainers view, then put on sessions",
          "[gui][trainers]") {
    Programme programme;
    auto& db = programme.db();
    Window frame(programme.context);
    frame->show_section(app::MainFrame::trainers);
    auto* trainers = static_cast<app::TrainersPanel*>(frame->section(app::MainFrame::trainers));
    {
        Answer added("TrainerDialog", [](wxDialog* d) {
            type(d, "ref", "T-NP-05");
            type(d, "name", wxString::FromUTF8("आशा लामा"));
            type(d, "country", "NP");
            type(d, "languages", "ne");
        });
        trainers->add_trainer();
        CHECK(added.shown == 1);
    }
    REQUIRE(store::TrainerRepo(db).find("T-NP-05"));
    CHECK(store::TrainerRepo(db).find("T-NP-05")->qualified_modules.empty());

    const Cohort c = create_cohort(db);

    auto* panel = frame->open_cohort(c.code);
    panel->show_page(app::CohortPanel::sessions_page);
    pump();
    auto* page = panel->sessions();
    programme.messages.clear();
    wxString said;  // what the schedule dialog said before anything was kept
    {
        Answer scheduled("ScheduleDialog", [&](wxDialog* d) {
            auto* dialog = static_cast<app::ScheduleDialog*>(d);
            said = dialog->trainer_note();
            // Only "No trainer" is offered: T-NP-05 may teach none of the sessions, T-NP-01 is no longer certified.
            auto* trainer = dynamic_cast<wxChoice*>(d->FindWindow("trainer"));
            REQUIRE(trainer);
            CHECK(trainer->GetCount() == 1);
        });
        REQUIRE(page->plan_from_curriculum());
        CHECK(scheduled.shown == 1);
    }
    const auto planned = store::SessionRepo(db).list(c.code);
    REQUIRE(planned.size() > 2);
    const std::string first_module = planned.front().module_code;

    // Said once, before anything was kept: how many sessions will have no trainer, why, and what would fix it,
    // naming no command.
    CHECK(programme.messages.empty());
    CHECK(said.Contains(wxString::Format("%d of the %d sessions will have no trainer", static_cast<int>(planned.size()),
                                         static_cast<int>(planned.size()))));
    CHECK(said.Contains("T-NP-05 is not qualified for " + first_module));
    CHECK(said.Contains("Qualify a trainer for " + first_module));
    CHECK(said.Contains("in Trainers."));
    CHECK_FALSE(said.Contains("mitra-cli"));

    // Each session says so itself.
    auto* list = page->list();
    REQUIRE(static_cast<std::size_t>(list->GetItemCount()) == planned.size());
    CHECK(cell(list, 0, 6) == "No trainer: T-NP-05 is not qualified for " + first_module);
    CHECK(page->summary()->GetLabelText().Contains(wxString::Format(
        "%d of %d sessions have no trainer", static_cast<int>(planned.size()), static_cast<int>(planned.size()))));
    list->SelectRow(0);
    page->refresh();
    list->SelectRow(0);
    wxDataViewEvent selected(wxEVT_DATAVIEW_SELECTION_CHANGED, list, list->RowToItem(0));
    list->ProcessWindowEvent(selected);
    CHECK(page->details_line()->GetLabelText().Contains("Qualify a trainer for " + first_module + " in Trainers."));
    for (unsigned row = 0; row < planned.size(); ++row) CHECK_FALSE(cell(list, row, 6).Contains("mitra-cli"));

    // Putting them on a session now is refused, in the program's words: what is wrong and where to fix it.
    programme.messages.clear();
    list->SelectRow(0);
    {
        Answer refused("SessionDialog", [](wxDialog* d) {
            auto* choice = dynamic_cast<wxChoice*>(d->FindWindow("trainer"));
            REQUIRE(choice);
            for (unsigned i = 0; i < choice->GetCount(); ++i)
                if (choice->GetString(i).EndsWith("  T-NP-05")) choice->SetSelection(static_cast<int>(i));
        });
        page->move_selected();
        CHECK(refused.shown == 2);  // shown again after the refusal, then cancelled
    }
    REQUIRE(programme.messages.size() == 1);
    CHECK(programme.messages.front().Contains("T-NP-05 cannot teach " + first_module));
    CHECK(programme.messages.front().Contains("Qualify a trainer for " + first_module + " in Trainers."));
    CHECK_FALSE(programme.messages.front().Contains("mitra-cli"));
    CHECK(store::SessionRepo(db).list(c.code).front().trainer_ref.empty());

    // Qualified for every module through the Trainers view's checklist.
    frame->show_section(app::MainFrame::trainers);
    trainers->refresh();
    choose(trainers, "T-NP-05");
    const std::vector<std::string> every = module_codes(db, "PSF");
    {
        Answer qualified("QualifyDialog", [&](wxDialog* d) {
            auto* modules = dynamic_cast<wxCheckListBox*>(d->FindWindow(XRCID("modules")));
            REQUIRE(modules);
            CHECK(modules->GetCount() == every.size());
            static_cast<app::QualifyDialog*>(d)->check(every);
        });
        trainers->qualify_selected();
        CHECK(qualified.shown == 1);
    }
    CHECK(store::TrainerRepo(db).find("T-NP-05")->qualified_modules == every);
    page->refresh();
    CHECK(cell(list, 0, 6) == "No trainer: T-NP-05 holds no trainer certification");

    // Certified: level, issued, months.
    choose(trainers, "T-NP-05");
    {
        Answer certified("TrainerCertificationDialog", [](wxDialog* d) {
            auto* standing = dynamic_cast<wxStaticText*>(d->FindWindow(XRCID("standing")));
            REQUIRE(standing);
            CHECK(standing->GetLabelText() == "Not certified as a trainer.");
            static_cast<app::TrainerCertificationDialog*>(d)->fill("trainer", "2026-03-02", 36);
        });
        trainers->certify_selected();
        CHECK(certified.shown == 1);
    }
    const auto held = store::CertificationRepo(db).trainer_certifications("T-NP-05");
    REQUIRE(held.size() == 1);
    CHECK(held.front().level == "trainer");
    CHECK(held.front().issued_on == Date{2026, 3, 2});
    CHECK(held.front().expires_on == Date{2029, 3, 1});
    CHECK(app::standing_text(held, programme.context.today()) == "Certified as trainer until 2029-03-01.");

    // The sessions now say who may teach them, and the Sessions page puts the trainer on two of them.
    page->refresh();
    CHECK(cell(list, 0, 6) == "No trainer yet: T-NP-05 may teach it");
    for (unsigned row : {0u, 1u}) {
        list->SelectRow(row);
        Answer assigned("SessionDialog", [](wxDialog* d) {
            auto* choice = dynamic_cast<wxChoice*>(d->FindWindow("trainer"));
            REQUIRE(choice);
            for (unsigned i = 0; i < choice->GetCount(); ++i)
                if (choice->GetString(i).EndsWith("  T-NP-05")) choice->SetSelection(static_cast<int>(i));
        });
        page->move_selected();
        CHECK(assigned.shown == 1);
    }
    const auto after = store::SessionRepo(db).list(c.code);
    CHECK(after[0].trainer_ref == "T-NP-05");
    CHECK(after[1].trainer_ref == "T-NP-05");
    CHECK(after[2].trainer_ref.empty());
    CHECK(cell(list, 0, 6).Contains("(T-NP-05)"));
    CHECK(page->summary()->GetLabelText().Contains(wxString::Format(
        "%d of %d sessions have no trainer", static_cast<int>(planned.size()) - 2, static_cast<int>(planned.size()))));
}

TEST_CASE("bad input in the Trainers view is refused, naming the field, and nothing is stored", "[gui][trainers]") {
    Programme programme;
    auto& db = programme.db();
    Trainer six{"", "T-NP-06", "Trainer six", "", "NP", {"ne"}, {}};
    store::TrainerRepo(db).add(six);
    Window frame(programme.context);
    frame->show_section(app::MainFrame::trainers);
    auto* trainers = static_cast<app::TrainersPanel*>(frame->section(app::MainFrame::trainers));
    choose(trainers, "T-NP-06");
    programme.messages.clear();

    SECTION("a certification valid for 0 months") {
        Answer answer("TrainerCertificationDialog", [](wxDialog* d) {
            static_cast<app::TrainerCertificationDialog*>(d)->fill("trainer", "2026-03-02", 0);
        });
        trainers->certify_selected();
        CHECK(answer.shown == 2);  // shown again after the refusal, then cancelled
        REQUIRE(programme.messages.size() == 1);
        CHECK(programme.messages.front().Contains("Months valid"));
        CHECK(store::CertificationRepo(db).trainer_certifications("T-NP-06").empty());
    }
    SECTION("a certification issued in the future") {
        const wxString later = wxString::FromUTF8(to_string(add_days(today_utc(), 30)));
        Answer answer("TrainerCertificationDialog", [&](wxDialog* d) {
            static_cast<app::TrainerCertificationDialog*>(d)->fill("trainer", later, 24);
        });
        trainers->certify_selected();
        CHECK(answer.shown == 2);
        REQUIRE(programme.messages.size() == 1);
        CHECK(programme.messages.front().Contains("Issued on"));
        CHECK(programme.messages.front().Contains("after today"));
        CHECK(store::CertificationRepo(db).trainer_certifications("T-NP-06").empty());
    }
    SECTION("a day that is not a date") {
        Answer answer("TrainerCertificationDialog", [](wxDialog* d) {
            static_cast<app::TrainerCertificationDialog*>(d)->fill("trainer", "2026-02-30", 24);
        });
        trainers->certify_selected();
        CHECK(answer.shown == 2);
        REQUIRE(programme.messages.size() == 1);
        CHECK(programme.messages.front().Contains("Issued on"));
        CHECK(store::CertificationRepo(db).trainer_certifications("T-NP-06").empty());
    }
    SECTION("qualifying with no module ticked") {
        Answer answer("QualifyDialog", [](wxDialog*) {});
        trainers->qualify_selected();
        CHECK(answer.shown == 2);
        REQUIRE(programme.messages.size() == 1);
        CHECK(programme.messages.front().Contains("Modules to add"));
        CHECK(programme.messages.front().Contains("choose at least one module"));
        CHECK(store::TrainerRepo(db).find("T-NP-06")->qualified_modules.empty());
    }
    for (const auto& m : programme.messages) CHECK_FALSE(m.Contains("mitra-cli"));
}

TEST_CASE("screenshots at 1024x600 of the Sessions page saying why no one may teach, and of the Trainers view",
          "[gui][trainers][trainer_shots]") {
    Programme programme;
    auto& db = programme.db();
    Trainer asha{"", "T-NP-05", "आशा लामा", "Asha Lama", "NP", {"ne"}, {"M01"}};
    store::TrainerRepo(db).add(asha);
    const Cohort c = create_cohort(db);
    store::SessionRepo(db).schedule(c.code, 7, LocalTime{10, 0});
    std::filesystem::create_directories(MITRA_SHOTS_DIR);
    const std::string shots = MITRA_SHOTS_DIR;

    Window frame(programme.context);
    frame->SetSize(0, 0, 1024, 600);
    frame->Show();
    auto* panel = frame->open_cohort(c.code);
    panel->show_page(app::CohortPanel::sessions_page);
    auto* list = panel->sessions()->list();
    list->SelectRow(2);
    wxDataViewEvent selected(wxEVT_DATAVIEW_SELECTION_CHANGED, list, list->RowToItem(2));
    list->ProcessWindowEvent(selected);
    pump(300);
    CHECK(panel->sessions()->details_line()->IsShownOnScreen());
    CHECK(panel->sessions()->details_line()->GetLabelText().Contains("in Trainers."));
    REQUIRE(save_screenshot(frame.get(), shots + "/trainers-sessions-1024x600.png"));

    frame->show_section(app::MainFrame::trainers);
    auto* trainers = frame->section(app::MainFrame::trainers);
    trainers->refresh();
    choose(trainers, "T-NP-05");
    pump(300);
    REQUIRE(save_screenshot(frame.get(), shots + "/trainers-view-1024x600.png"));

    app::TrainerCertificationDialog certify(frame.get(), "T-NP-05", "Not certified as a trainer.",
                                            programme.context.today());
    certify.Show();
    pump(300);
    REQUIRE(save_screenshot(&certify, shots + "/trainers-certify-dialog.png"));
    certify.Hide();
    std::vector<app::CodeAndTitle> modules;
    const auto psf = store::CurriculumRepo(db).find("PSF");
    for (const auto& m : psf->modules) modules.emplace_back(m.code, m.title.in("en"));
    app::QualifyDialog qualify(frame.get(), "T-NP-05", modules, {"M01"});
    qualify.Show();
    pump(300);
    REQUIRE(save_screenshot(&qualify, shots + "/trainers-qualify-dialog.png"));
    qualify.Hide();
}

// The Trainer dialog's fields and its list of modules share the dialog's height: only the list grows, so the list's
// label follows the last field, with no empty gap between them (at large text, the gap was as tall as the list).
TEST_CASE("in the Trainer dialog, the list of modules follows the fields with no empty gap", "[gui][trainers]") {
    Programme programme;
    Window frame(programme.context);
    auto* dialog = new app::TrainerDialog(frame.get(), module_codes(programme.db(), "PSF"));
    dialog->Show();
    pump_until_laid_out(dialog);
    const wxWindow* last_field = dialog->FindWindow("languages");
    const wxWindow* modules = dialog->FindWindow("modules");
    REQUIRE(last_field);
    REQUIRE(modules);
    const wxWindow* label = nullptr;  // "Qualified to teach", just above the list
    for (const wxWindow* w : dialog->GetChildren())
        if (dynamic_cast<const wxStaticText*>(w) && w->GetRect().GetBottom() < modules->GetRect().GetTop() &&
            (!label || w->GetRect().GetTop() > label->GetRect().GetTop()))
            label = w;
    REQUIRE(label);
    const int gap = label->GetRect().GetTop() - last_field->GetRect().GetBottom();
    INFO("between the last field and the list's label: " << gap << " pixels");
    CHECK(gap <= dialog->FromDIP(10) + 2);  // the fields' border, as between the list and its buttons
    dialog->Destroy();
}
