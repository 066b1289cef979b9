// The attendance for a screen reader: a session chooser and a native list (see attendance_list.hpp).
#include "app/attendance_list.hpp"

#include <wx/choice.h>
#include <wx/dataview.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <algorithm>

#include "app/accessibility.hpp"
#include "app/cohort_pages.hpp"
#include "app/reason_words.hpp"
#include "app/text.hpp"

namespace mitra::app {

AttendanceList::AttendanceList(AttendancePage& page) : wxPanel(&page, wxID_ANY), page_(page) {
    SetName("attendance_list");
    auto* column = new wxBoxSizer(wxVERTICAL);
    auto* line = new wxBoxSizer(wxHORIZONTAL);
    line->Add(new wxStaticText(this, wxID_ANY, _("&Session:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    session_ = new wxChoice(this, wxID_ANY);
    session_->SetName("attendance_session");
    line->Add(session_, 1);
    column->Add(line, 0, wxEXPAND | wxBOTTOM, 6);
    people_ = new wxDataViewListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                     wxDV_SINGLE | wxDV_ROW_LINES | wxDV_NO_HEADER);
    people_->SetName("attendance_people");
    people_->AppendTextColumn(_("Person, session and mark"), wxDATAVIEW_CELL_INERT, -1);
    column->Add(people_, 1, wxEXPAND);
    SetSizer(column);
    set_accessible_name(people_, _("Attendance"));

    session_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        put_cursor();
        page_.show_summary();
    });
    // Enter on a row, a double click, or the row's "activate" action through AT-SPI: present, as P is.
    people_->Bind(wxEVT_DATAVIEW_ITEM_ACTIVATED, [this](wxDataViewEvent& e) {
        const int row = people_->ItemToRow(e.GetItem());
        if (row < 0) return;
        if (people_->GetSelectedRow() != row) people_->SelectRow(static_cast<unsigned>(row));
        press('P', wxMOD_NONE);
    });
    // The keyboard's row, moved by the arrows (GTK moves the selection with it): where the page's keys act.
    people_->Bind(wxEVT_DATAVIEW_SELECTION_CHANGED, [this](wxDataViewEvent& e) {
        e.Skip();
        put_cursor();
    });
    // Before the list sees the key: the list's own search and the arrows up and down stay the list's.
    Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& e) {
        const auto* from = dynamic_cast<wxWindow*>(e.GetEventObject());
        if (!from || (from != people_ && from != people_->GetMainWindow() && from->GetParent() != people_))
            return e.Skip();
        const int key = e.GetKeyCode(), modifiers = e.GetModifiers();
        if (modifiers == wxMOD_NONE && (key == WXK_LEFT || key == WXK_RIGHT)) {
            const int to = session_->GetSelection() + (key == WXK_LEFT ? -1 : 1);
            if (to >= 0 && to < static_cast<int>(session_->GetCount())) {
                session_->SetSelection(to);
                put_cursor();
                page_.show_summary();
            }
            return;
        }
        if (!press(key, modifiers)) e.Skip();
    });
}

bool AttendanceList::press(int key, int modifiers) {
    put_cursor();
    const int row = page_.grid_->GetGridCursorRow(), col = page_.grid_->GetGridCursorCol();
    if (!page_.handle_key(key, modifiers)) return false;
    // A mark moves the grid's cursor down; the list stays on the row, so that the screen reader says its new mark
    // (moving on, it would say the next row instead, cutting the mark off). Down goes on.
    const bool mark = modifiers == wxMOD_NONE && (key == 'P' || key == 'L' || key == 'F' || key == 'E' || key == 'A');
    if (mark && row >= 0 && page_.grid_->GetGridCursorRow() != row) {
        page_.grid_->SetGridCursor(row, col);
        show();
    }
    // Everyone present changes rows the keyboard is not on: the session's counts say what it did.
    if (modifiers == wxMOD_SHIFT && key == 'P' && people_->GetSelectedRow() >= 0)
        say_row_news(people_, static_cast<unsigned>(people_->GetSelectedRow()), page_.summary());
    return true;
}

void AttendanceList::show() {
    const auto& sheet = page_.sheet_;
    const int row = page_.grid_->GetGridCursorRow(), col = page_.grid_->GetGridCursorCol();
    if (session_->GetCount() != sheet.sessions.size()) {
        session_->Clear();
        for (std::size_t c = 0; c < sheet.sessions.size(); ++c)
            session_->Append(wxString::Format(_("Session %zu · %s · %s"), c + 1, wx(sheet.sessions[c].module_code),
                                              wx(sheet.sessions[c].date)));
    }
    if (col >= 0 && col < static_cast<int>(session_->GetCount())) session_->SetSelection(col);
    const int selected = people_->GetSelectedRow();
    bool selected_changed = false;  // the words of the row the keyboard is on
    if (static_cast<std::size_t>(people_->GetItemCount()) != sheet.people.size()) {
        people_->DeleteAllItems();
        for (std::size_t r = 0; r < sheet.people.size(); ++r) {
            wxVector<wxVariant> values;
            values.push_back(wxVariant(row_text(static_cast<int>(r), col)));
            people_->AppendItem(values);
        }
    } else {
        // Only rows whose words changed: GTK then tells the screen reader that this row's text changed.
        for (std::size_t r = 0; r < sheet.people.size(); ++r) {
            const wxString text = row_text(static_cast<int>(r), col);
            if (people_->GetTextValue(static_cast<unsigned>(r), 0) == text) continue;
            people_->SetTextValue(text, static_cast<unsigned>(r), 0);
            // A changed value only redraws the cell on GTK; a changed row is what its accessible side hears.
            people_->GetModel()->ItemChanged(people_->RowToItem(static_cast<int>(r)));
            selected_changed = selected_changed || static_cast<int>(r) == selected;
        }
    }
    if (row >= 0 && row < people_->GetItemCount() && selected != row) {
        // The keyboard's row too, not only the selection (GTK's cursor): the screen reader follows it and reads the
        // row, and the arrows go on from there.
        const wxDataViewItem item = people_->RowToItem(row);
        people_->SetCurrentItem(item);
        people_->Select(item);
        people_->EnsureVisible(item);
    } else if (selected_changed) {
        say_row_news(people_, static_cast<unsigned>(selected),
                     people_->GetTextValue(static_cast<unsigned>(selected), 0));
    }
}

void AttendanceList::put_cursor() {
    const int row = people_->GetSelectedRow(), col = session_->GetSelection();
    if (col < 0 || page_.grid_->GetNumberRows() == 0) return;
    if (page_.grid_->GetGridCursorRow() != std::max(0, row) || page_.grid_->GetGridCursorCol() != col)
        page_.grid_->SetGridCursor(std::max(0, row), col);
    show();
}

wxString AttendanceList::row_text(int row, int col) const {
    const auto& sheet = page_.sheet_;
    const auto& person = sheet.people[static_cast<std::size_t>(row)];
    if (col < 0 || col >= static_cast<int>(sheet.sessions.size())) return wx(person.full_name);
    const Session& session = sheet.sessions[static_cast<std::size_t>(col)];
    wxString mark;
    const auto found = page_.marks_.find({session.id, person.ref});
    if (found == page_.marks_.end())
        mark = page_.counts_here(person, session) ? _("not marked") : _("not enrolled yet");
    else switch (found->second.status) {
            case AttendanceStatus::present: mark = attendance_words(AttendanceStatus::present); break;
            case AttendanceStatus::late:
                mark = wxString::Format(_("late, %d minutes attended"), found->second.minutes.value_or(0));
                break;
            case AttendanceStatus::left_early:
                mark = wxString::Format(_("left early, %d minutes attended"), found->second.minutes.value_or(0));
                break;
            case AttendanceStatus::excused: mark = attendance_words(AttendanceStatus::excused); break;
            case AttendanceStatus::absent: mark = attendance_words(AttendanceStatus::absent); break;
        }
    // The left-to-right mark keeps the line in reading order (an Urdu name first would turn it round).
    return wxString(wxUniChar(0x200E)) + wxString::Format(_("%s, session %d, %s: %s"), isolated(wx(person.full_name)),
                                                          col + 1, wx(session.date), mark);
}

namespace {

bool attendance_as_list() { return attendance_list_wanted() || assistive_technology_running(); }

}  // namespace

void AttendanceList::add_if_wanted(AttendancePage& page) {
    if (page.list_ || !attendance_as_list()) return;
    page.list_ = new AttendanceList(page);
    if (auto* column = page.GetSizer()) {
        column->Add(page.list_, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 8);
        page.Layout();
    }
    page.grid_->Hide();  // it stays the list's cursor and keys, unseen
}

}  // namespace mitra::app
