// A window's room on its screen: dialogs fitted to the display's work area, words wrapped to it.
#include "app/screen_room.hpp"

#include <wx/choice.h>
#include <wx/combobox.h>
#include <wx/dataview.h>
#include <wx/display.h>
#include <wx/listbox.h>
#include <wx/listctrl.h>
#include <wx/scrolwin.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/textctrl.h>
#include <wx/toplevel.h>

#include <algorithm>

namespace mitra::app {

wxRect screen_room(const wxWindow* w) {
    const int at = w ? wxDisplay::GetFromWindow(w) : wxNOT_FOUND;
    return wxDisplay(at == wxNOT_FOUND ? 0u : static_cast<unsigned>(at)).GetClientArea();
}

int wrap_width(const wxWindow* w, int wanted) { return std::min(w->FromDIP(wanted), screen_room(w).width * 2 / 5); }

namespace {

// Fields and lists under `w` no wider than 2/5 of the screen's `room` (and lists and many-line fields no taller than
// 2/5 of it): their words scroll or end in "…" where they are longer, as in a narrow window. A choice of long module
// titles, or a field sized in dialog units (which grow with the text), would otherwise take the window past the
// screen's edge. A document read on screen (a read-only many-line text: the practice record) keeps 3/5 of the room
// each way, as the window is there for it.
void narrow_fields(wxWindow* w, wxSize room) {
    for (wxWindow* child : w->GetChildren()) {
        if (dynamic_cast<wxTopLevelWindow*>(child)) continue;
        const bool one_line = dynamic_cast<wxChoice*>(child) || dynamic_cast<wxComboBox*>(child) ||
                              (dynamic_cast<wxTextCtrl*>(child) && !child->HasFlag(wxTE_MULTILINE));
        const bool scrolls = (dynamic_cast<wxTextCtrl*>(child) && child->HasFlag(wxTE_MULTILINE)) ||
                             dynamic_cast<wxListBox*>(child) || dynamic_cast<wxDataViewCtrl*>(child) ||
                             dynamic_cast<wxListCtrl*>(child);
        if (one_line || scrolls) {
            const bool document = scrolls && dynamic_cast<wxTextCtrl*>(child) && child->HasFlag(wxTE_READONLY);
            const wxSize most = document ? room * 3 / 5 : room * 2 / 5;
            const wxSize needs = child->GetEffectiveMinSize();
            wxSize least = child->GetMinSize();
            if (needs.x > most.x) least.x = most.x;
            if (scrolls && needs.y > most.y) least.y = most.y;
            if (least != child->GetMinSize()) child->SetMinSize(least);
        }
        narrow_fields(child, room);
    }
}

}  // namespace

void fit_to_screen(wxTopLevelWindow* top, wxScrolledWindow* pane) {
    const wxRect room = screen_room(top);
    // The least size the window was given as it was loaded (its sizer's then, the fields' whole widths and the pane's
    // whole contents) would keep Fit() from making it any smaller: it took the whole screen even where the narrowed
    // fields needed less. It gets its least size again below, from what its contents need once fitted.
    top->SetMinSize(wxDefaultSize);
    top->Fit();
    // Wider than 4/5 of the screen is too wide as well: a field sized in dialog units beside a short label (Urdu's
    // reason for an override at twice the text size) took all but 19 pixels of it.
    if (top->GetSize().x > room.width * 4 / 5 || top->GetSize().y > room.height) narrow_fields(top, room.GetSize());
    if (pane && pane->GetSizer()) {
        const wxSize contents = pane->GetSizer()->GetMinSize();
        // The window's height without the pane's contents: what the rest takes.
        pane->SetMinSize(wxSize(contents.x, 0));
        top->Fit();
        const int rest = top->GetSize().y;
        const int least = 4 * pane->GetCharHeight();
        const int high = std::min(contents.y, std::max(room.height - rest, least));
        // Room for the scroll bar beside the contents when they scroll, so it covers none of them.
        const int bar = high < contents.y ? wxSystemSettings::GetMetric(wxSYS_VSCROLL_X, pane) : 0;
        pane->SetMinSize(wxSize(contents.x + bar, high));
        pane->FitInside();
    }
    // Its least size: what its contents need now, no larger than the screen (a person may make it larger).
    if (wxSizer* sizer = top->GetSizer()) {
        wxSize least = top->ClientToWindowSize(sizer->GetMinSize());
        least.DecTo(room.GetSize());
        top->SetMinSize(least);
    }
    top->Fit();
    wxSize size = top->GetSize();
    size.DecTo(room.GetSize());
    if (size != top->GetSize()) top->SetSize(size);
    // Back onto the screen where a shown window that grew ran past an edge (it keeps its corner). One not shown yet
    // is left where it is: GTK places it over its parent, within the screen.
    if (!top->IsShown()) return;
    wxPoint at = top->GetPosition();
    at.x = std::clamp(at.x, room.GetLeft(), room.GetRight() + 1 - size.x);
    at.y = std::clamp(at.y, room.GetTop(), room.GetBottom() + 1 - size.y);
    if (at != top->GetPosition()) top->Move(at);
}

}  // namespace mitra::app
