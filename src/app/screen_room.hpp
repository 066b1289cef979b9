// A window's room on its screen: dialogs sized to their contents, but never larger than the display's work area, and
// words wrapped to what the screen has room for (GTK's large text makes both grow).
#pragma once
#include <wx/gdicmn.h>

class wxScrolledWindow;
class wxTopLevelWindow;
class wxWindow;

namespace mitra::app {

// The work area (the screen less its panels and docks) of the display `w` is on, or of the first display.
wxRect screen_room(const wxWindow* w);
// The width to wrap words at in `w`: `wanted` (in its DIPs) where the screen has room for it, else a share of the
// screen's width, so a window with text beside the wrapped words still fits.
int wrap_width(const wxWindow* w, int wanted);
// Fits `top` to its contents, no larger than its display's work area and wholly on it, and makes what they need its
// least size. With `pane` (a scrolled window in `top`'s sizer, scrolling up and down), the pane takes the height the
// rest leaves it and scrolls the rest of its contents, instead of the window growing past the screen's bottom with its
// buttons.
void fit_to_screen(wxTopLevelWindow* top, wxScrolledWindow* pane = nullptr);

}  // namespace mitra::app
