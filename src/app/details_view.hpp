// The details pane beside a list: labelled values (names in their own scripts) and room for more below.
#pragma once
#include <wx/scrolwin.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

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
    // Long values (a pathway's missing items, a reason) wrap to the pane's width instead of running off its edge.
    void wrap_values();

    wxBoxSizer* column_;
    wxFlexGridSizer* fields_;
    std::vector<std::pair<wxStaticText*, wxString>> values_;  // each value, and its text unwrapped
    std::vector<wxStaticText*> labels_;
    int wrapped_at_ = 0;
};

}  // namespace mitra::app
