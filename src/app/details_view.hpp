// The details pane beside a list: labelled values (names in their own scripts) and room for more below.
#pragma once
#include <wx/scrolwin.h>
#include <wx/sizer.h>

#include <utility>
#include <vector>

namespace mitra::app {

class DetailsView : public wxScrolledWindow {
public:
    explicit DetailsView(wxWindow* parent);

    void clear();
    void set_heading(const wxString& heading);
    void add_field(const wxString& label, const wxString& value);
    // A window made by the caller with this view as its parent, placed under the fields.
    void add_window(wxWindow* window, int proportion = 1);
    void done();  // lays out after a batch of changes

private:
    wxBoxSizer* column_;
    wxFlexGridSizer* fields_;
};

}  // namespace mitra::app
