// Scheduling and dates typed in the cohort workspace: "Schedule from the curriculum…" as one dialog that shows the
// plan before anything is kept and is answered from the keyboard, the Sessions page's whole titles, and the
// enrolment dates typed as every date in Mitra (YYYY-MM-DD).
#include <catch2/catch.hpp>

#include <wx/choice.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/uiaction.h>
#include <wx/xrc/xmlres.h>

#include <tuple>

#include "app/cohort_pages.hpp"
#include "app/cohort_panel.hpp"
#include "app/dialogs.hpp"
#include "app/i18n.hpp"
#include "app/main_frame.hpp"
#include "core/schedule.hpp"
#include "fixture.hpp"
#include "store/certification_repo.hpp"
#include "store/repos.hpp"

using namespace mitra;
using namespace mitra::app_test;

namespace {

// A trainer qualified for every module of PSF, certified from `issued` for `months` (none when 0).
void add_trainer(Programme& programme, const std::string& ref, const std::string& name, const Date& issued, int months,
                 bool qualified = true) {
    std::vector<std::string> modules;
    const auto psf = store::CurriculumRepo(programme.db()).find("PSF");
    if (qualified)
        for (const auto& m : psf->modules) modules.push_back(m.code);
    Trainer t{"", ref, name, "", "NP", {"ne"}, modules};
    store::TrainerRepo(programme.db()).add(t);
    if (months > 0) store::CertificationRepo(programme.db()).certify_trainer(ref, "trainer", issued, months);
}

std::vector<Session> plan_of(Programme& programme, const Cohort& c, int every_days) {
    const auto curriculum = store::CohortRepo(programme.db()).curriculum_of(c);
    return plan_schedule(curriculum, c, every_days, LocalTime{10, 0});
}

void keys(wxUIActionSimulator& sim, const char* text) {
    sim.Text(text);
    pump(50);
}

}  // namespace

TEST_CASE(
    "Schedule from the curriculum is one dialog: the plan shown before anything is kept, answered by keyboard, and "
    "kept with the chosen trainer",
    "[gui][schedule]") {
    Programme programme;
    auto& db = programme.db();
    add_trainer(programme, "T-NP-02", "गीता थापा", Date{2026, 1, 1}, 36);
    const Cohort c = programme.add_cohort("PKR-2026-3", Date{2026, 3, 9}, "T-NP-01");
    const auto plan = plan_of(programme, c, 3);
    REQUIRE(plan.size() > 2);

    Window frame(programme.context);
    auto* panel = frame->open_cohort(c.code);
    panel->show_page(app::CohortPanel::sessions_page);
    pump();
    auto* page = panel->sessions();

    {
        KeyboardAnswer cancelled("ScheduleDialog", [](wxDialog*, wxUIActionSimulator& sim) { key(sim, WXK_ESCAPE); });
        CHECK_FALSE(page->plan_from_curriculum());
        CHECK(cancelled.shown == 1);
        CHECK_FALSE(cancelled.timed_out);  // Esc closed it
        CHECK(store::SessionRepo(db).list(c.code).empty());
    }

    wxString shown_plan, shown_note, trainers_offered;
    std::size_t kept_while_shown = 99;
    KeyboardAnswer answer("ScheduleDialog", [&](wxDialog* d, wxUIActionSimulator& sim) {
        auto* dialog = static_cast<app::ScheduleDialog*>(d);
        // Each Alt+letter moves the keyboard to its field: what lands where proves it (wx's idea of the focus is
        // not told of moves inside a window the virtual display's absent window manager never activated).
        key(sim, 'd', wxMOD_ALT);  // Days between sessions
        key(sim, 'a', wxMOD_CONTROL);
        keys(sim, "3");
        key(sim, 'a', wxMOD_ALT);  // Sessions start at
        key(sim, 'a', wxMOD_CONTROL);
        keys(sim, "09:30");
        key(sim, 't', wxMOD_ALT);  // Trainer
        auto* trainer = dynamic_cast<wxChoice*>(d->FindWindow("trainer"));
        REQUIRE(trainer);
        for (unsigned i = 0; i < trainer->GetCount(); ++i) trainers_offered << trainer->GetString(i) << "\n";
        CHECK(trainer->GetStringSelection().Contains("T-NP-01"));  // the cohort's lead, offered first
        key(sim, WXK_DOWN);                                        // the next: T-NP-02 (Down in the days: 2)
        shown_plan = dialog->plan_text();
        shown_note = dialog->trainer_note();
        kept_while_shown = store::SessionRepo(db).list(c.code).size();
        key(sim, WXK_RETURN);
    });
    CHECK(page->plan_from_curriculum());
    CHECK(answer.shown == 1);
    CHECK_FALSE(answer.timed_out);  // Enter scheduled

    // Before anything was kept, the dialog said how many sessions, the first and last days and who teaches.
    CHECK(kept_while_shown == 0);
    const auto days = [&](const Date& d) { return wxString::FromUTF8(to_string(d)); };
    INFO("plan shown: " << shown_plan << "\ntrainers offered: " << trainers_offered);
    CHECK(shown_plan.Contains(wxString::Format("%d sessions for", static_cast<int>(plan.size()))));
    CHECK(shown_plan.Contains("each starting at 09:30"));
    CHECK(shown_plan.Contains("First: Monday " + days(plan.front().date)));
    CHECK(shown_plan.Contains(days(plan.back().date)));
    CHECK(trainers_offered.Contains(wxString::Format("T-NP-02 — all %d sessions", static_cast<int>(plan.size()))));
    CHECK(trainers_offered.StartsWith("No trainer\n"));
    CHECK(shown_note.empty());  // T-NP-02 may teach every one

    // Kept as shown, in one go: every third day from the start at 09:30, all with T-NP-02.
    const auto kept = store::SessionRepo(db).list(c.code);
    REQUIRE(kept.size() == plan.size());
    for (std::size_t i = 0; i < kept.size(); ++i) {
        INFO("session " << i);
        CHECK(kept[i].date == plan[i].date);
        CHECK(kept[i].module_code == plan[i].module_code);
        CHECK(kept[i].start_time == LocalTime{9, 30});
        CHECK(kept[i].trainer_ref == "T-NP-02");
    }
    // Every session has a trainer: no line above the list says otherwise, not even an empty one.
    CHECK_FALSE(page->summary()->IsShown());

    SECTION("a second schedule is not offered: the cohort has sessions already") {
        programme.messages.clear();
        KeyboardAnswer again("ScheduleDialog",
                             [](wxDialog*, wxUIActionSimulator&) { FAIL("the dialog was shown again"); });
        CHECK_FALSE(page->plan_from_curriculum());
        CHECK(again.shown == 0);
        REQUIRE(programme.messages.size() == 1);
        CHECK(programme.messages.front().Contains(
            wxString::Format("This cohort has %d sessions already", static_cast<int>(plan.size()))));
        CHECK(store::SessionRepo(db).list(c.code).size() == plan.size());
    }
}

TEST_CASE(
    "with no trainer who may teach, the schedule dialog says why in words before anything is kept, and a wrong "
    "start time is refused naming the field",
    "[gui][schedule]") {
    Programme programme;
    auto& db = programme.db();
    // T-NP-01's certification ends with 2027; the lead, T-NP-09, is certified but qualified for nothing.
    add_trainer(programme, "T-NP-09", "राम गुरुङ", Date{2026, 1, 1}, 36, false);
    const Cohort c = programme.add_cohort("PKR-2028-1", Date{2028, 1, 10}, "T-NP-09");
    const auto plan = plan_of(programme, c, 7);
    const std::string first_module = plan.front().module_code;

    Window frame(programme.context);
    auto* panel = frame->open_cohort(c.code);
    panel->show_page(app::CohortPanel::sessions_page);
    pump();
    auto* page = panel->sessions();

    int showings = 0;
    unsigned offered = 0;
    wxString note;
    DialogAnswer answer(
        "ScheduleDialog",
        [&](wxDialog* d) {
            ++showings;
            offered = dynamic_cast<wxChoice*>(d->FindWindow("trainer"))->GetCount();
            note = static_cast<app::ScheduleDialog*>(d)->trainer_note();
            type_into(d, "start_time", showings == 1 ? "25:00" : "08:00");
        },
        true);
    CHECK(page->plan_from_curriculum());
    CHECK(showings == 2);  // shown again after the refusal, kept the second time

    // Only "No trainer" was offered, and the dialog said why and what would fix it, naming no command.
    CHECK(offered == 1);
    INFO("note: " << note);
    CHECK(note.Contains(wxString::Format("%d of the %d sessions will have no trainer", static_cast<int>(plan.size()),
                                         static_cast<int>(plan.size()))));
    CHECK(note.Contains("T-NP-09 is not qualified for " + first_module));
    CHECK(note.Contains("Qualify a trainer for " + first_module));
    CHECK_FALSE(note.Contains("mitra-cli"));

    // The wrong time was refused naming the field; nothing was kept until the right one.
    REQUIRE(programme.messages.size() == 1);
    CHECK(programme.messages.front().Contains("Sessions start at: '25:00' is not a time in the form HH:MM"));
    const auto kept = store::SessionRepo(db).list(c.code);
    REQUIRE(kept.size() == plan.size());
    for (const auto& s : kept) {
        CHECK(s.trainer_ref.empty());
        CHECK(s.start_time == LocalTime{8, 0});
    }
    CHECK(page->summary()->IsShown());
    CHECK(page->summary()->GetLabelText().Contains("have no trainer"));
}

TEST_CASE("the Sessions page shows a session's whole title on hover and in the details line, and no empty summary",
          "[gui][schedule]") {
    Programme programme;  // KTM-2026-1: every session taught by T-NP-01
    Window frame(programme.context);
    auto* panel = frame->open_cohort(programme.cohort);
    panel->show_page(app::CohortPanel::sessions_page);
    pump();
    auto* page = panel->sessions();
    page->refresh();
    auto* list = page->list();
    REQUIRE(list->GetItemCount() > 0);

    CHECK_FALSE(page->summary()->IsShown());
    CHECK(page->summary()->GetLabelText().empty());
    CHECK_FALSE(page->details_line()->IsShown());  // nothing chosen: no line

    // The Title column ends a long title in "…"; the whole of it is in the tooltip's words and the details line.
    CHECK(list->GetColumn(2)->GetRenderer()->GetEllipsizeMode() == wxELLIPSIZE_END);
    const wxString title = list->GetTextValue(0, 2);
    REQUIRE_FALSE(title.empty());
    list->SelectRow(0);
    wxDataViewEvent selected(wxEVT_DATAVIEW_SELECTION_CHANGED, list, list->RowToItem(0));
    list->ProcessWindowEvent(selected);
    pump();
    CHECK(page->session_text(0).Contains(title));
    CHECK(page->session_text(0).Contains(wxString::FromUTF8(to_string(programme.sessions.front().date))));
    CHECK(page->details_line()->IsShown());
    wxString details = page->details_line()->GetLabelText();
    details.Replace("\n", " ");
    CHECK(details.Contains(title));
}

TEST_CASE(
    "enrolment dates are typed as YYYY-MM-DD, Up and Down move a day, and a wrong one is refused naming the field",
    "[gui][schedule]") {
    Programme programme;
    const Cohort c = programme.add_cohort("PKR-2026-2", Date{2026, 2, 23}, "T-NP-01");
    store::SessionRepo(programme.db()).schedule(c.code, 3, LocalTime{10, 0});
    Window frame(programme.context);
    auto* panel = frame->open_cohort(c.code);
    pump();
    auto* enrol = panel->enrol();
    auto* from = enrol->enrol_from();
    CHECK(from->GetValue() == "2026-02-23");  // core's default: the start, in the cohort's first week

    const auto enrolled_on = [&](const std::string& ref) -> std::optional<Date> {
        for (const auto& e : store::CohortRepo(programme.db()).enrolments(c.code))
            if (e.participant_ref == ref) return e.enrolled_on;
        return std::nullopt;
    };

    // Typed wrong: refused naming the field, no one enrolled.
    from->SetFocus();
    from->SelectAll();
    from->WriteText("25/02/2026");
    enrol->search_for("Peer 30");
    enrol->select_rows({0});
    enrol->enrol_selected();
    REQUIRE(programme.messages.size() == 1);
    CHECK(programme.messages.front().Contains("Enrol from: '25/02/2026' is not a date in the form YYYY-MM-DD"));
    CHECK_FALSE(enrolled_on("P-030"));

    // Typed right, then Up a day from the keyboard: kept as typed, through a refresh.
    from->SelectAll();
    from->WriteText("2026-02-25");
    press(from, WXK_UP);
    CHECK(from->GetValue() == "2026-02-26");
    press(from, WXK_DOWN);
    press(from, WXK_DOWN);
    CHECK(from->GetValue() == "2026-02-24");
    enrol->refresh();
    CHECK(from->GetValue() == "2026-02-24");
    enrol->search_for("Peer 30");
    enrol->select_rows({0});
    enrol->enrol_selected();
    CHECK(enrolled_on("P-030") == Date{2026, 2, 24});

    // The selected person's date shows as stored, ISO; a wrong one typed there is refused the same way.
    enrol->select_enrolled("P-030");
    auto* changed = enrol->enrolled_from();
    CHECK(changed->GetValue() == "2026-02-24");
    programme.messages.clear();
    changed->SelectAll();
    changed->WriteText("2026-2-30");
    CHECK_FALSE(enrol->change_selected_enrolment_date());
    REQUIRE(programme.messages.size() == 1);
    CHECK(programme.messages.front().Contains("Enrolled on: '2026-2-30' is not a date in the form YYYY-MM-DD"));
    CHECK(enrolled_on("P-030") == Date{2026, 2, 24});
    changed->SelectAll();
    changed->WriteText("2026-02-23");
    CHECK(enrol->change_selected_enrolment_date());
    CHECK(enrolled_on("P-030") == Date{2026, 2, 23});
}

TEST_CASE("screenshots at 1024x600 of the schedule dialog, the Sessions page and the Enrol page",
          "[gui][schedule][schedule_shots]") {
    Programme programme;
    add_trainer(programme, "T-NP-02", "गीता थापा", Date{2026, 1, 1}, 36);
    const Cohort c = programme.add_cohort("PKR-2026-3", Date{2026, 3, 9}, "T-NP-01");
    std::filesystem::create_directories(MITRA_SHOTS_DIR);
    const std::string shots = std::string(MITRA_SHOTS_DIR) + "/schedule-";

    Window frame(programme.context);
    frame->SetSize(0, 0, 1024, 600);
    frame->Show();
    auto* panel = frame->open_cohort(c.code);
    pump();
    panel->enrol()->search_for("Peer 3");
    pump(200);
    CHECK(save_screenshot(frame.get(), shots + "enrol.png"));

    panel->show_page(app::CohortPanel::sessions_page);
    pump();
    bool saved = false;
    KeyboardAnswer answer("ScheduleDialog", [&](wxDialog* d, wxUIActionSimulator& sim) {
        key(sim, 'd', wxMOD_ALT);
        key(sim, 'a', wxMOD_CONTROL);
        keys(sim, "3");
        pump(100);
        saved = save_screenshot(d, shots + "dialog.png");
        key(sim, WXK_RETURN);
    });
    CHECK(panel->sessions()->plan_from_curriculum());
    CHECK(saved);
    auto* list = panel->sessions()->list();
    list->SelectRow(1);
    wxDataViewEvent selected(wxEVT_DATAVIEW_SELECTION_CHANGED, list, list->RowToItem(1));
    list->ProcessWindowEvent(selected);
    pump(200);
    CHECK(save_screenshot(frame.get(), shots + "sessions.png"));
}

TEST_CASE("the schedule dialog speaks the interface's language, weekdays included, with no English left",
          "[gui][schedule][schedule_shots]") {
    Programme programme;
    const Cohort c = programme.add_cohort("PKR-2026-3", Date{2026, 3, 9});
    std::filesystem::create_directories(MITRA_SHOTS_DIR);
    for (const auto& [code, monday, sessions] :
         {std::tuple<wxString, const char*, const char*>{"ja", "月曜日", "セッション"},
          {"zh_CN", "星期一", "课程"},
          {"id", "Senin", "sesi"}}) {
        app::set_up_translations(code);
        Window frame(programme.context);
        frame->SetSize(0, 0, 1024, 600);
        auto* panel = frame->open_cohort(c.code);
        panel->show_page(app::CohortPanel::sessions_page);
        pump();
        wxString plan, title;
        bool saved = false;
        KeyboardAnswer answer("ScheduleDialog", [&](wxDialog* d, wxUIActionSimulator& sim) {
            plan = static_cast<app::ScheduleDialog*>(d)->plan_text();
            title = d->GetTitle();
            saved =
                save_screenshot(d, std::string(MITRA_SHOTS_DIR) + "/schedule-dialog-" + code.utf8_string() + ".png");
            key(sim, WXK_ESCAPE);
        });
        CHECK_FALSE(panel->sessions()->plan_from_curriculum());
        CHECK(answer.shown == 1);
        CHECK(saved);
        INFO(code << ": " << title << "\n" << plan);
        CHECK(plan.Contains(wxString::FromUTF8(std::string(monday) + " 2026-03-09")));
        CHECK(plan.Contains(wxString::FromUTF8(sessions)));
        for (const char* english : {"session", "First", "Last", "Monday", "starting"})
            CHECK_FALSE(plan.Contains(english));
        CHECK_FALSE(title.Contains("Schedule"));
    }
    app::set_up_translations("en");
}
