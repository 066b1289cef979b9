// Marking attendance from the keyboard in the cohort's attendance grid; every mark is in the database at once.
#include <catch2/catch.hpp>

#include <soci/soci.h>
#include <wx/choice.h>
#include <wx/dialog.h>
#include <wx/modalhook.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "app/cohort_pages.hpp"
#include "app/cohort_panel.hpp"
#include "app/main_frame.hpp"
#include "fixture.hpp"
#include "store/certification_repo.hpp"
#include "store/repos.hpp"

using namespace mitra;
using namespace mitra::app_test;

namespace {

std::map<std::string, Attendance> marks_of(store::Database& db, long long session) {
    std::map<std::string, Attendance> out;
    for (auto& a : store::AttendanceRepo(db).for_session(session)) out[a.participant_ref] = a;
    return out;
}

}  // namespace

TEST_CASE("a session is marked from the keyboard and every mark is saved at once", "[gui][attendance]") {
    Programme programme;
    Window frame(programme.context);
    auto* panel = frame->open_cohort(programme.cohort);
    pump();
    // A cohort with people and sessions opens on its attendance grid, at the session nearest today (dates_test.cpp
    // has more); this test marks the first session.
    REQUIRE(panel->notebook()->GetSelection() == app::CohortPanel::attendance_page);
    auto* page = panel->attendance();
    auto* cells = page->grid()->GetGridWindow();
    const Session first = programme.sessions.front();
    REQUIRE(page->grid()->GetGridCursorCol() == page->nearest_column());
    REQUIRE(page->grid()->GetGridCursorRow() == 0);
    page->grid()->GoToCell(0, page->column_of(first.id));
    int asked = 0;
    page->set_ask_minutes([&](const wxString&, const Session& s) {
        ++asked;
        return std::optional<int>(s.minutes - 30);
    });

    SECTION("P marks present and moves down; arrows move; L asks the minutes; A, E mark") {
        press(cells, 'P');
        CHECK(page->grid()->GetGridCursorRow() == 1);
        press(cells, WXK_DOWN);
        press(cells, WXK_DOWN);
        press(cells, 'L');  // row 3
        press(cells, 'A');  // row 4
        press(cells, 'E');  // row 5
        CHECK(asked == 1);
        auto marks = marks_of(programme.db(), first.id);
        REQUIRE(marks.size() == 4);
        CHECK(marks["P-001"].status == AttendanceStatus::present);
        CHECK(marks["P-004"].status == AttendanceStatus::late);
        CHECK(marks["P-004"].minutes == first.minutes - 30);
        CHECK(marks["P-005"].status == AttendanceStatus::absent);
        CHECK(marks["P-006"].status == AttendanceStatus::excused);
        CHECK(page->grid()->GetCellValue(3, page->column_of(first.id)) == wxString::Format("L %d", first.minutes - 30));

        SECTION("Ctrl+Z undoes the last mark: a first mark is removed again, with an audit entry") {
            press(cells, 'Z', wxMOD_CONTROL);
            marks = marks_of(programme.db(), first.id);
            CHECK(marks.size() == 3);
            CHECK_FALSE(marks.count("P-006"));
            int unmarks = 0;
            programme.db().sql() << "SELECT COUNT(*) FROM audit_log WHERE entity = 'attendance' AND action = 'unmark'",
                soci::into(unmarks);
            CHECK(unmarks == 1);
            CHECK(page->grid()->GetGridCursorRow() == 5);
        }
        SECTION("Ctrl+Z after a change restores the earlier status") {
            press(cells, WXK_UP);
            press(cells, WXK_UP);  // back on P-005 (absent)
            press(cells, 'P');
            CHECK(marks_of(programme.db(), first.id)["P-005"].status == AttendanceStatus::present);
            press(cells, 'Z', wxMOD_CONTROL);
            CHECK(marks_of(programme.db(), first.id)["P-005"].status == AttendanceStatus::absent);
        }
    }

    SECTION("a 40-person session takes at most 45 keystrokes: everyone present, then the exceptions") {
        int keystrokes = 0;
        auto key = [&](int code, int modifiers = 0) {
            press(cells, code, modifiers);
            ++keystrokes;
        };
        key('P', wxMOD_SHIFT);  // everyone present
        for (int i = 0; i < 7; ++i) key(WXK_DOWN);
        key('A');  // P-008 absent
        for (int i = 0; i < 13; ++i) key(WXK_DOWN);
        key('L');  // P-022 late (the minutes dialog: three digits and Enter)
        keystrokes += 4;
        for (int i = 0; i < 15; ++i) key(WXK_DOWN);
        key('E');  // P-038 excused
        CHECK(keystrokes <= 45);
        const auto marks = marks_of(programme.db(), first.id);
        REQUIRE(marks.size() == 40);
        int present = 0;
        for (const auto& [ref, a] : marks) present += a.status == AttendanceStatus::present ? 1 : 0;
        CHECK(present == 37);
        CHECK(marks.at("P-008").status == AttendanceStatus::absent);
        CHECK(marks.at("P-022").status == AttendanceStatus::late);
        CHECK(marks.at("P-038").status == AttendanceStatus::excused);

        SECTION("Ctrl+Z undoes everyone present as one step, keeping the later marks' order") {
            key('Z', wxMOD_CONTROL);  // E
            key('Z', wxMOD_CONTROL);  // L
            key('Z', wxMOD_CONTROL);  // A
            key('Z', wxMOD_CONTROL);  // everyone present
            CHECK(marks_of(programme.db(), first.id).empty());
        }
    }
}

TEST_CASE("the grid reads its cells from the sheet: colours follow marks, undo and a refresh", "[gui][attendance]") {
    Programme programme;
    Window frame(programme.context);
    auto* panel = frame->open_cohort(programme.cohort);
    auto* page = panel->attendance();
    auto* grid = page->grid();
    REQUIRE(grid->GetNumberRows() == 40);
    REQUIRE(grid->GetNumberCols() == static_cast<int>(programme.sessions.size()));
    CHECK(dynamic_cast<wxGridStringTable*>(grid->GetTable()) == nullptr);  // virtual: nothing stored per cell
    CHECK(grid->GetRowLabelValue(0).Contains(wxString::FromUTF8("山田 花子")));
    CHECK(grid->GetColLabelValue(0).Contains(wxString::FromUTF8(programme.sessions.front().module_code)));

    const int col = page->column_of(programme.sessions.front().id);
    grid->GoToCell(2, col);
    const wxColour untouched = grid->GetCellBackgroundColour(2, col);
    press(grid->GetGridWindow(), 'A');
    CHECK(grid->GetCellValue(2, col) == "A");
    CHECK(grid->GetCellBackgroundColour(2, col) == wxColour(248, 212, 212));
    page->undo();
    CHECK(grid->GetCellValue(2, col).empty());
    CHECK(grid->GetCellBackgroundColour(2, col) == untouched);

    // Another window adds a mark; showing the page again reads it, and a person enrolled later shows "—" before.
    store::AttendanceRepo(programme.db())
        .mark(programme.cohort, {{{programme.sessions.front().id, "P-040", AttendanceStatus::excused, {}, ""}, 0}});
    page->refresh();
    CHECK(grid->GetNumberRows() == 40);
    CHECK(grid->GetCellValue(page->row_of("P-040"), col) == "E");
    CHECK(grid->GetCellBackgroundColour(page->row_of("P-040"), col) == wxColour(214, 228, 248));
}

namespace {

// Answers the session dialog as a person would: picks a trainer in one of its choices and presses OK; the next
// time it is shown (after a refusal), Cancel.
struct SessionDialogAnswer : wxModalDialogHook {
    std::string choice, ref;
    int shown = 0;
    SessionDialogAnswer(std::string choice_name, std::string trainer_ref)
        : choice(std::move(choice_name)), ref(std::move(trainer_ref)) {
        Register();
    }
    ~SessionDialogAnswer() override { Unregister(); }
    int Enter(wxDialog* dialog) override {
        if (dialog->GetName() != "SessionDialog" || ++shown > 1) return wxID_CANCEL;
        auto* list = dynamic_cast<wxChoice*>(dialog->FindWindow(choice));
        if (!list) return wxID_CANCEL;
        for (unsigned i = 0; i < list->GetCount(); ++i)
            if (list->GetString(i).EndsWith(wxString::FromUTF8("  " + ref))) list->SetSelection(static_cast<int>(i));
        return wxID_OK;
    }
    void Exit(wxDialog*) override {}
};

}  // namespace

TEST_CASE(
    "a session's trainers are checked by the rule: an uncertified trainer is refused with the reason, a "
    "certified co-facilitator is saved",
    "[gui][attendance][sessions]") {
    Programme programme;
    auto& db = programme.db();
    std::vector<std::string> modules;
    const auto curriculum = store::CurriculumRepo(db).find("PSF");
    for (const auto& m : curriculum->modules) modules.push_back(m.code);
    Trainer ram{"", "T-NP-02", "राम थापा", "Ram Thapa", "NP", {"ne"}, modules};  // qualified, never certified
    store::TrainerRepo(db).add(ram);
    Trainer maya{"", "T-NP-03", "माया गुरुङ", "Maya Gurung", "NP", {"ne"}, modules};
    store::TrainerRepo(db).add(maya);
    store::CertificationRepo(db).certify_trainer("T-NP-03", "trainer", Date{2025, 6, 1}, 36);

    Window frame(programme.context);
    auto* panel = frame->open_cohort(programme.cohort);
    panel->show_page(app::CohortPanel::sessions_page);
    pump();
    auto* page = panel->sessions();
    REQUIRE(static_cast<std::size_t>(page->list()->GetItemCount()) == programme.sessions.size());
    REQUIRE(page->list()->GetColumnCount() == 8);
    CHECK(page->list()->GetColumn(7)->GetTitle() == "Co-facilitator");
    const Session first = programme.sessions.front();
    page->list()->SelectRow(0);

    SECTION("an uncertified trainer is refused, with the reason in words, and nothing changes") {
        SessionDialogAnswer answer("trainer", "T-NP-02");
        page->move_selected();
        CHECK(answer.shown == 2);  // shown again after the refusal, then cancelled
        REQUIRE(programme.messages.size() == 1);
        const wxString& said = programme.messages.front();
        CHECK(said.Contains("refused"));
        CHECK(said.Contains("T-NP-02 cannot teach " + first.module_code));
        CHECK(said.Contains("holds no trainer certification"));
        const auto kept = store::SessionRepo(db).find(first.id);
        REQUIRE(kept);
        CHECK(kept->trainer_ref == "T-NP-01");
        CHECK(kept->co_facilitator_ref.empty());
    }

    SECTION("a certified co-facilitator is saved and shown in the list") {
        SessionDialogAnswer answer("co_facilitator", "T-NP-03");
        page->move_selected();
        CHECK(answer.shown == 1);
        CHECK(programme.messages.empty());
        const auto saved = store::SessionRepo(db).find(first.id);
        REQUIRE(saved);
        CHECK(saved->trainer_ref == "T-NP-01");
        CHECK(saved->co_facilitator_ref == "T-NP-03");
        CHECK(page->list()->GetTextValue(0, 7).Contains("T-NP-03"));
        CHECK(page->list()->GetTextValue(0, 7).Contains(wxString::FromUTF8("माया गुरुङ")));
    }
}

namespace {}  // namespace

TEST_CASE("every mark reads at WCAG contrast in any theme and is told by its letter, not its colour alone",
          "[gui][attendance]") {
    Programme programme;
    Window frame(programme.context);
    auto* panel = frame->open_cohort(programme.cohort);
    pump();
    auto* page = panel->attendance();
    auto* cells = page->grid()->GetGridWindow();
    const Session first = programme.sessions.front();
    const int col = page->column_of(first.id);
    page->grid()->GoToCell(0, col);
    page->set_ask_minutes([](const wxString&, const Session& s) { return std::optional<int>(s.minutes - 30); });
    for (int key : {'P', 'L', 'F', 'E', 'A'}) press(cells, key);  // rows 0 to 4, one mark of each kind
    pump();
    std::set<wxString> letters;
    for (int row = 0; row < 5; ++row) {
        wxGridCellAttr* attr = page->grid()->GetTable()->GetAttr(row, col, wxGridCellAttr::Any);
        REQUIRE(attr);
        const wxString value = page->grid()->GetCellValue(row, col);
        INFO("row " << row << " '" << value << "'");
        // The text colour is the mark's own, not the theme's (a dark theme's light text on these light cells).
        CHECK(attr->HasTextColour());
        CHECK(wcag_contrast(attr->GetTextColour(), attr->GetBackgroundColour()) >= 4.5);
        CHECK_FALSE(value.empty());
        letters.insert(value.Left(1));
        attr->DecRef();
    }
    CHECK(letters == std::set<wxString>{"P", "L", "F", "E", "A"});
}
