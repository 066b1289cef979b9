// Column widths that grow with the text.
#include "app/columns.hpp"

#include <wx/window.h>

#include <gtk/gtk.h>

#include <algorithm>
#include <cmath>

namespace mitra::app {

double text_scale() {
    // GTK sets the screen's resolution from the desktop's font setting times GDK_DPI_SCALE (-1 when unknown).
    GdkScreen* screen = gdk_screen_get_default();
    const double dpi = screen ? gdk_screen_get_resolution(screen) : -1;
    return dpi > 0 ? std::max(1.0, dpi / 96.0) : 1.0;
}

int column_width(wxWindow* list, const wxString& header, int dips) {
    const int sample = static_cast<int>(std::lround(list->FromDIP(dips) * text_scale()));
    // A GTK header button's padding and the room a sort arrow takes.
    const int words = list->GetTextExtent(header).x + list->FromDIP(12) + list->GetCharHeight();
    return std::max(sample, words);
}

}  // namespace mitra::app
