// Every screen a person works in, shown one after another for a check: the main window's views, the cohort
// workspace's pages and every dialog (the keyboard, large text and contrast tests walk them all).
#pragma once
#include <wx/toplevel.h>
#include <wx/window.h>

#include <functional>
#include <string>

#include "fixture.hpp"

namespace mitra::app_test {

struct Screen {
    std::string what;       // "view Curricula", "page Enrol", "dialog CohortDialog"
    wxTopLevelWindow* top;  // the window it is in (the main window for views and pages)
    wxWindow* area;         // what is shown: the view's or page's panel, or the dialog itself
};

// Shows each screen in turn (a dialog as a person sees it, but not modal; the help as F1 opens it) and calls
// `check` while it is on the screen.
void every_screen(Programme& programme, Window& frame, const std::function<void(const Screen&)>& check);

// The main window of `programme` opened at 1360x900 and every screen shown in it: what `problems_of` finds on each,
// together (a failed check when fewer than 30 screens were shown).
wxString problems_on_every_screen(Programme& programme, const std::function<wxString(const Screen&)>& problems_of);

}  // namespace mitra::app_test
