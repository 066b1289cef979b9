// Column widths that grow with the text: GTK's text scaling (GDK_DPI_SCALE, the desktop's font resolution) makes
// words wider but leaves a width in DIPs as it is, so at scale 2 a header sized in DIPs alone is cut.
#pragma once
#include <wx/string.h>

class wxWindow;

namespace mitra::app {

// How much larger than at 96 dots per inch text is drawn: 1 usually, 2 under GDK_DPI_SCALE=2 (never less than 1).
double text_scale();

// A list column's width: `dips` (chosen for a sample of the column's words at the usual text size) grown with the
// text's scale, and at least the header's words in `list`'s font with room for the header's padding and sort arrow.
int column_width(wxWindow* list, const wxString& header, int dips);

}  // namespace mitra::app
