// The attendance for a screen reader, instead of the grid (app/attendance_page.cpp draws the grid).
#pragma once
#include <wx/panel.h>
#include <wx/string.h>

class wxChoice;
class wxDataViewListCtrl;

namespace mitra::app {

class AttendancePage;

// The marks as a screen reader reads them (the grid draws its cells itself, and GTK exposes none of them): a session
// chooser and a native list with one row per person, whose text says who, which session and the mark ("Sukarno,
// session 2, 2026-02-05: present"). The keys are the grid's, handled by the page as the grid's are: the list only
// puts the grid's cursor on its row and session first. Shown instead of the grid when a screen reader runs, or when
// Preferences ask for it.
class AttendanceList : public wxPanel {
public:
    explicit AttendanceList(AttendancePage& page);

    // The list instead of the grid, from the first time the page is built or shown with a screen reader running (or
    // Preferences asking for it); it then stays.
    static void add_if_wanted(AttendancePage& page);
    wxDataViewListCtrl* people() const { return people_; }
    // Rows and sessions read again from the page; the selection follows the grid's cursor.
    void show();

private:
    // The grid's cursor on the list's row and chosen session: where the page's keys act.
    void put_cursor();
    // One of the page's keys on the list's row; false when it is not one. A mark keeps the list on its row.
    bool press(int key, int modifiers);
    wxString row_text(int row, int col) const;

    AttendancePage& page_;
    wxChoice* session_;
    wxDataViewListCtrl* people_;
};

}  // namespace mitra::app
