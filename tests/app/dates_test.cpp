// Dates in the cohort workspace: the enrolment date offered and changed, Shift+P at sessions held before and
// after enrolment, the session nearest today on opening, `mitra --cohort`, and marks at sessions still to come.
#include <catch2/catch.hpp>

#include <wx/grid.h>

#include "app/cohort_pages.hpp"
#include "app/cohort_panel.hpp"
#include "app/guard.hpp"
#include "app/main_frame.hpp"
#include "fixture.hpp"
#include "store/repos.hpp"

using namespace mitra;
using namespace mitra::app_test;

namespace {

// The fixture's today is 2026-03-02; its cohort KTM-2026-1 started on 2026-02-02 with 40 people and 30 sessions
// every three days (the tenth, 2026-03-01, is the nearest today).
void create_cohort(Programme& programme, const std::string& code, const Date& start, bool schedule = true) {
    programme.add_cohort(code, start);
    if (schedule) store::SessionRepo(programme.db()).schedule(code, 3, LocalTime{10, 0});
}

std::map<std::string, Date> enrolled_on(Programme& programme, const std::string& cohort) {
    std::map<std::string, Date> out;
    for (const auto& e : store::CohortRepo(programme.db()).enrolments(cohort)) out[e.participant_ref] = e.enrolled_on;
    return out;
}

std::size_t marks_at(Programme& programme, long long session) {
    return store::AttendanceRepo(programme.db()).for_session(session).size();
}

// Answers yes-or-no questions and keeps them.
struct Questions {
    std::vector<wxString> asked;
    bool answer = false;
    Questions() {
        app::set_question_sink([this](wxWindow*, const wxString& q) {
            asked.push_back(q);
            return answer;
        });
    }
    ~Questions() { app::set_question_sink({}); }
};

}  // namespace

TEST_CASE(
    "people enrolled in a cohort's first week are enrolled from its start, and Shift+P then marks them at the "
    "sessions already held",
    "[gui][dates]") {
    Programme programme;
    create_cohort(programme, "PKR-2026-2", Date{2026, 2, 23});  // a week ago: sessions on 23 and 26 Feb, 1 Mar
    Window frame(programme.context);
    auto* panel = frame->open_cohort("PKR-2026-2");
    pump();
    auto* enrol = panel->enrol();
    REQUIRE(panel->notebook()->GetSelection() == app::CohortPanel::enrol_page);
    CHECK(enrol->enrol_on() == Date{2026, 2, 23});

    enrol->search_for("Peer 2");  // Peer 20 ... Peer 29
    enrol->select_rows({0, 1, 2});
    enrol->enrol_selected();
    auto dates = enrolled_on(programme, "PKR-2026-2");
    REQUIRE(dates.size() == 3);
    for (const auto& [ref, day] : dates) CHECK(day == Date{2026, 2, 23});

    panel->show_page(app::CohortPanel::attendance_page);
    auto* page = panel->attendance();
    auto* cells = page->grid()->GetGridWindow();
    const auto sessions = store::SessionRepo(programme.db()).list("PKR-2026-2");
    const int first = page->column_of(sessions[0].id);
    page->grid()->GoToCell(0, first);
    CHECK(page->grid()->GetCellValue(0, first).empty());  // to be marked, not "—"
    press(cells, 'P', wxMOD_SHIFT);
    CHECK(marks_at(programme, sessions[0].id) == 3);
    CHECK(page->grid()->GetCellValue(2, first) == "P");

    SECTION("with no one left, Shift+P says everyone is marked already") {
        press(cells, 'P', wxMOD_SHIFT);
        CHECK(page->summary().Contains("marked already"));
        CHECK(marks_at(programme, sessions[0].id) == 3);
    }
    SECTION("someone enrolled later counts from their day; moving their enrolment back lets Shift+P mark them") {
        enrol->search_for("Peer 3");  // Peer 30 ...
        enrol->select_rows({0});
        enrol->set_enrol_on(Date{2026, 2, 25});
        enrol->enrol_selected();
        const std::string late = "P-030";
        REQUIRE(enrolled_on(programme, "PKR-2026-2")[late] == Date{2026, 2, 25});
        page->refresh();
        page->grid()->GoToCell(0, first);
        pump();  // moving the cursor shows the session's counts; what Shift+P says comes after
        CHECK(page->grid()->GetCellValue(page->row_of(late), first) == wxString::FromUTF8("—"));
        press(cells, 'P', wxMOD_SHIFT);
        CHECK(page->summary().Contains("marked already"));
        CHECK(marks_at(programme, sessions[0].id) == 3);

        enrol->refresh();
        enrol->select_enrolled(late);
        enrol->set_enrolled_on(Date{2026, 2, 23});
        REQUIRE(enrol->change_selected_enrolment_date());
        CHECK(enrolled_on(programme, "PKR-2026-2")[late] == Date{2026, 2, 23});
        page->refresh();
        page->grid()->GoToCell(0, first);
        press(cells, 'P', wxMOD_SHIFT);
        CHECK(marks_at(programme, sessions[0].id) == 4);

        // Now marked at the first session, the enrolment cannot move after it: refused in words, nothing changed.
        enrol->select_enrolled(late);
        enrol->set_enrolled_on(Date{2026, 2, 28});
        CHECK_FALSE(enrol->change_selected_enrolment_date());
        REQUIRE_FALSE(programme.messages.empty());
        CHECK(programme.messages.back().Contains(wxString::Format("session %lld", sessions[0].id)));
        CHECK(enrolled_on(programme, "PKR-2026-2")[late] == Date{2026, 2, 23});
    }
}

TEST_CASE("Shift+P with no one to mark says why: everyone enrolled after the session, or no one enrolled",
          "[gui][dates]") {
    Programme programme;
    create_cohort(programme, "PKR-2026-3", Date{2026, 2, 2});  // started a month ago: enrolments start today
    Window frame(programme.context);
    auto* panel = frame->open_cohort("PKR-2026-3");
    pump();
    auto* page = panel->attendance();
    const auto sessions = store::SessionRepo(programme.db()).list("PKR-2026-3");

    SECTION("no one enrolled") {
        panel->show_page(app::CohortPanel::attendance_page);
        page->everyone_present();
        CHECK(page->summary().Contains("no one is enrolled"));
    }
    SECTION("everyone enrolled after the session") {
        auto* enrol = panel->enrol();
        CHECK(enrol->enrol_on() == Date{2026, 3, 2});  // today: the cohort's first week is long past
        enrol->search_for("Peer 2");
        enrol->select_rows({0, 1});
        enrol->enrol_selected();
        panel->show_page(app::CohortPanel::attendance_page);
        page->grid()->GoToCell(0, page->column_of(sessions[0].id));
        pump();  // moving the cursor shows the session's counts; what Shift+P says comes after
        press(page->grid()->GetGridWindow(), 'P', wxMOD_SHIFT);
        CHECK(page->summary().Contains("enrolled after this session"));
        CHECK_FALSE(page->summary().Contains("marked already"));
        CHECK(marks_at(programme, sessions[0].id) == 0);
    }
}

TEST_CASE("a cohort opens on the session nearest today, in view, with the keyboard on the grid", "[gui][dates]") {
    Programme programme;
    Window frame(programme.context);
    frame->SetSize(0, 0, 1024, 600);
    pump();
    auto* panel = frame->open_cohort(programme.cohort);
    pump(300);
    auto* page = panel->attendance();
    auto* grid = page->grid();
    REQUIRE(panel->notebook()->GetSelection() == app::CohortPanel::attendance_page);
    REQUIRE(programme.sessions[9].date == (Date{2026, 3, 1}));
    const int nearest = page->column_of(programme.sessions[9].id);
    CHECK(page->nearest_column() == nearest);
    CHECK(grid->GetGridCursorCol() == nearest);
    CHECK(grid->GetGridCursorRow() == 0);
    CHECK(grid->IsVisible(0, nearest, true));
    const wxWindow* focus = wxWindow::FindFocus();
    CHECK((focus == grid || focus == grid->GetGridWindow()));
    const std::string shots = MITRA_SHOTS_DIR;
    std::filesystem::create_directories(shots);
    CHECK(save_screenshot(frame.get(), shots + "/dates-attendance-open.png"));

    // The keys work at once: P marks the nearest session.
    press(grid->GetGridWindow(), 'P');
    CHECK(marks_at(programme, programme.sessions[9].id) == 1);
}

TEST_CASE("mitra --cohort CODE opens that cohort, an unknown code says so, and the last one open comes back",
          "[gui][dates]") {
    Programme programme;
    SECTION("--cohort with a known code") {
        Window frame(programme.context);
        frame->open_at_start(programme.cohort);
        pump();
        CHECK(frame->sidebar()->GetString(frame->sidebar()->GetSelection()).EndsWith(wxString(programme.cohort)));
        CHECK(programme.messages.empty());
    }
    SECTION("--cohort with an unknown code: a message in words, and the program as usual") {
        Window frame(programme.context);
        frame->open_at_start("KTM-2026-9");
        pump();
        REQUIRE(programme.messages.size() == 1);
        CHECK(programme.messages[0].Contains("no cohort with the code KTM-2026-9"));
        CHECK_FALSE(programme.messages[0].Contains("mitra-cli"));
        CHECK(frame->sidebar()->GetSelection() == app::MainFrame::cohorts);
    }
    SECTION("the cohort open when the program closed opens again, on this database only") {
        {
            Window frame(programme.context);
            frame->open_cohort(programme.cohort);
            pump();
        }
        Window again(programme.context);
        again->open_at_start("");
        pump();
        CHECK(again->sidebar()->GetString(again->sidebar()->GetSelection()).EndsWith(wxString(programme.cohort)));
        CHECK(programme.messages.empty());
    }
}

TEST_CASE("a mark at a session still to come asks first; No records nothing", "[gui][dates]") {
    Programme programme;
    Questions questions;
    Window frame(programme.context);
    auto* panel = frame->open_cohort(programme.cohort);
    pump();
    auto* page = panel->attendance();
    auto* cells = page->grid()->GetGridWindow();
    const Session later = programme.sessions[10];  // 2026-03-04, two days after today
    const int col = page->column_of(later.id);

    page->grid()->GoToCell(0, col);
    press(cells, 'P');
    press(cells, 'P', wxMOD_SHIFT);
    REQUIRE(questions.asked.size() == 2);
    CHECK(questions.asked[0].Contains(wxString::Format("Session %lld", later.id)));
    CHECK(questions.asked[0].Contains("2026-03-04"));
    CHECK(marks_at(programme, later.id) == 0);
    CHECK(page->grid()->GetCellValue(0, col).empty());
    CHECK(page->grid()->GetGridCursorRow() == 0);

    // A session held asks nothing.
    page->grid()->GoToCell(0, page->column_of(programme.sessions[9].id));
    press(cells, 'P');
    CHECK(questions.asked.size() == 2);
    CHECK(marks_at(programme, programme.sessions[9].id) == 1);

    // Yes records it.
    questions.answer = true;
    page->grid()->GoToCell(0, col);
    press(cells, 'P');
    CHECK(questions.asked.size() == 3);
    CHECK(marks_at(programme, later.id) == 1);
}

TEST_CASE("the Enrol page's dates at 1024x600, looked at", "[gui][dates]") {
    Programme programme;
    Window frame(programme.context);
    frame->SetSize(0, 0, 1024, 600);
    auto* panel = frame->open_cohort(programme.cohort);
    panel->show_page(app::CohortPanel::enrol_page);
    panel->enrol()->select_enrolled("P-003");
    pump(300);
    const std::string shots = MITRA_SHOTS_DIR;
    std::filesystem::create_directories(shots);
    CHECK(save_screenshot(frame.get(), shots + "/dates-enrol.png"));
}
