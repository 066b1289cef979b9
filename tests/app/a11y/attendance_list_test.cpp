// The attendance list a screen reader reads (instead of the grid, which GTK does not expose): the grid's keys, the
// same marks in the database, and each row's words saying who, which session and the mark.
#include <catch2/catch.hpp>

#include <wx/choice.h>
#include <wx/dataview.h>

#include <gtk/gtk.h>

#include "../fixture.hpp"
#include "app/accessibility.hpp"
#include "app/cohort_pages.hpp"
#include "app/cohort_panel.hpp"
#include "store/repos.hpp"

using namespace mitra;
using namespace mitra::app_test;

namespace {

// A key as GTK gives it to the program first (wxEVT_CHAR_HOOK), typed in the list.
void type_in(wxDataViewListCtrl* list, int key_code, int modifiers = 0) {
    wxKeyEvent event(wxEVT_CHAR_HOOK);
    event.m_keyCode = key_code;
    event.SetShiftDown((modifiers & wxMOD_SHIFT) != 0);
    event.SetControlDown((modifiers & wxMOD_CONTROL) != 0);
    event.SetEventObject(list);
    list->GetParent()->GetEventHandler()->ProcessEvent(event);
    pump(5);
}

std::optional<Attendance> mark_of(store::Database& db, long long session, const std::string& ref) {
    for (auto& a : store::AttendanceRepo(db).for_session(session))
        if (a.participant_ref == ref) return a;
    return std::nullopt;
}

wxString plain(wxString text) {
    text.Replace(wxString(wxUniChar(0x200E)), "");
    text.Replace(wxString(wxUniChar(0x2068)), "");
    text.Replace(wxString(wxUniChar(0x2069)), "");
    return text;
}

}  // namespace

TEST_CASE("attendance as a list for a screen reader: the grid's keys, the same marks, words for each row",
          "[gui][a11y]") {
    Programme programme;
    app::want_attendance_list(true);  // as Preferences keep it; a running screen reader does the same
    Window frame(programme.context);
    auto* panel = frame->open_cohort(programme.cohort);
    pump();
    app::want_attendance_list(false);
    auto* page = panel->attendance();
    auto* list = dynamic_cast<wxDataViewListCtrl*>(page->FindWindow("attendance_people"));
    auto* chooser = dynamic_cast<wxChoice*>(page->FindWindow("attendance_session"));
    REQUIRE(list);
    REQUIRE(chooser);
    CHECK(list->IsShownOnScreen());
    CHECK_FALSE(page->grid()->IsShown());
    REQUIRE(list->GetItemCount() == static_cast<int>(programme.refs.size()));

    // Left to the first session (the list opens, like the grid, at the session nearest today).
    for (int i = 0; i < 20; ++i) type_in(list, WXK_LEFT);
    CHECK(chooser->GetSelection() == 0);
    const Session first = programme.sessions.front();
    const int sukarno = page->row_of("P-008");
    list->SelectRow(static_cast<unsigned>(sukarno));
    CHECK(plain(list->GetTextValue(static_cast<unsigned>(sukarno), 0)) ==
          "Sukarno, session 1, " + wxString::FromUTF8(to_string(first.date)) + ": not marked");

    SECTION("P marks present and says so in the row, which keeps the keyboard; Ctrl+Z takes it back") {
        // What a screen reader is told: the row's new words, as news of the row (app::say_row_news; Orca speaks it).
        AtkObject* cell = atk_table_ref_at(ATK_TABLE(gtk_widget_get_accessible(list->GtkGetTreeView())), sukarno, 0);
        REQUIRE(cell);
        std::vector<wxString> news;
        const auto heard = +[](AtkObject* told, GParamSpec*, gpointer to) {
            if (const char* words = atk_object_get_description(told); words && *words)
                static_cast<std::vector<wxString>*>(to)->push_back(wxString::FromUTF8(words));
        };
        g_signal_connect(cell, "notify::accessible-description", G_CALLBACK(heard), &news);
        type_in(list, 'P');
        g_signal_handlers_disconnect_by_data(cell, &news);
        g_object_unref(cell);
        REQUIRE(news.size() == 1);
        CHECK(plain(news.front()) == "Sukarno, session 1, " + wxString::FromUTF8(to_string(first.date)) + ": present");
        REQUIRE(mark_of(programme.db(), first.id, "P-008"));
        CHECK(mark_of(programme.db(), first.id, "P-008")->status == AttendanceStatus::present);
        CHECK(plain(list->GetTextValue(static_cast<unsigned>(sukarno), 0)).EndsWith(": present"));
        // Unlike the grid's cursor, the list stays on the row: a screen reader says its new mark (keyboard.py).
        CHECK(list->GetSelectedRow() == sukarno);
        type_in(list, 'Z', wxMOD_CONTROL);
        CHECK_FALSE(mark_of(programme.db(), first.id, "P-008"));
        CHECK(plain(list->GetTextValue(static_cast<unsigned>(sukarno), 0)).EndsWith(": not marked"));
    }
    SECTION("L asks the minutes and says them; A and E mark; Right moves to the next session") {
        page->set_ask_minutes([](const wxString&, const Session& s) { return std::optional<int>(s.minutes - 30); });
        type_in(list, 'L');
        list->SelectRow(static_cast<unsigned>(sukarno + 1));  // as Down does
        type_in(list, 'A');
        list->SelectRow(static_cast<unsigned>(sukarno + 2));
        type_in(list, 'E');
        CHECK(mark_of(programme.db(), first.id, "P-008")->status == AttendanceStatus::late);
        CHECK(mark_of(programme.db(), first.id, "P-009")->status == AttendanceStatus::absent);
        CHECK(mark_of(programme.db(), first.id, "P-010")->status == AttendanceStatus::excused);
        CHECK(plain(list->GetTextValue(static_cast<unsigned>(sukarno), 0))
                  .EndsWith(wxString::Format(": late, %d minutes attended", first.minutes - 30)));
        type_in(list, WXK_RIGHT);
        CHECK(chooser->GetSelection() == 1);
        CHECK(plain(list->GetTextValue(static_cast<unsigned>(sukarno), 0)).Contains(", session 2, "));
    }
    SECTION("Shift+P marks everyone not yet marked present; Enter on a row (its action) marks present") {
        type_in(list, 'P', wxMOD_SHIFT);
        CHECK(store::AttendanceRepo(programme.db()).for_session(first.id).size() == programme.refs.size());
        type_in(list, WXK_RIGHT);
        wxDataViewEvent activated(wxEVT_DATAVIEW_ITEM_ACTIVATED, list, list->RowToItem(sukarno));
        list->GetEventHandler()->ProcessEvent(activated);
        pump(5);
        const Session second = programme.sessions.at(1);
        REQUIRE(mark_of(programme.db(), second.id, "P-008"));
        CHECK(plain(list->GetTextValue(static_cast<unsigned>(sukarno), 0)).EndsWith(": present"));
        CHECK(list->GetSelectedRow() == sukarno);  // as after P: the row keeps the keyboard
    }
}

TEST_CASE("the attendance list takes the grid's place when asked for after the cohort was opened", "[gui][a11y]") {
    Programme programme;
    Window frame(programme.context);
    auto* panel = frame->open_cohort(programme.cohort);
    pump();
    auto* page = panel->attendance();
    CHECK_FALSE(page->FindWindow("attendance_people"));  // no screen reader here: the grid
    CHECK(page->grid()->IsShownOnScreen());
    app::want_attendance_list(true);
    panel->show_page(app::CohortPanel::completion_page);
    panel->show_page(app::CohortPanel::attendance_page);  // shown again: read again
    pump();
    app::want_attendance_list(false);
    auto* list = dynamic_cast<wxDataViewListCtrl*>(page->FindWindow("attendance_people"));
    REQUIRE(list);
    CHECK(list->IsShownOnScreen());
    CHECK_FALSE(page->grid()->IsShown());
    CHECK(list->GetItemCount() == static_cast<int>(programme.refs.size()));
}
