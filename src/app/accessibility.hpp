// Accessible names for GTK's accessibility bridge (AT-SPI): what a screen reader says for each control.
#pragma once
#include <wx/string.h>

class wxDataViewCtrl;
class wxWindow;

namespace mitra::app {

// Names every control under `top` that has no accessible name yet: a field gets the text of the label before it in
// its sizer (and the label points at it, so its mnemonic moves there), a control in a titled box without a label of
// its own gets the box's title, else its tooltip or hint. install_accessible_names() runs it on every window shown.
void name_controls(wxWindow* top);
// One control's accessible name, said instead of what GTK would say (lists, the sidebar, icon-only buttons).
void set_accessible_name(wxWindow* control, const wxString& name);
// Says `words` through the screen reader as news of the list's row `row`, the one with the keyboard: its own words just
// changed (a new mark), or a key changed other rows (the session's counts). Orca 43 reads a row when the keyboard comes
// to it, but not when its words change under the keyboard: it drops a table cell's name change as noise, and does not
// speak inserted text nobody typed. It does speak a new description of what has the keyboard, so the row's
// description says the words for a moment.
void say_row_news(wxDataViewCtrl* list, unsigned row, const wxString& words);
// Runs name_controls on each window as it is shown, for the rest of the program (the first call does it).
void install_accessible_names();
// True when a screen reader (or other assistive technology) runs in this session: the session's org.a11y.Status
// says so, as Orca sets it.
bool assistive_technology_running();
// Attendance as a list for a screen reader even when none runs (Preferences; kept in the configuration).
bool attendance_list_wanted();
void want_attendance_list(bool wanted);

}  // namespace mitra::app
