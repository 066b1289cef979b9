// The details pane beside a list: labelled values (names in their own scripts) and room for more below.
#include "app/details_view.hpp"

#include <wx/settings.h>
#include <wx/stattext.h>

namespace mitra::app {

DetailsView::DetailsView(wxWindow* parent) : wxScrolledWindow(parent, wxID_ANY) {
    SetScrollRate(0, 10);
    column_ = new wxBoxSizer(wxVERTICAL);
    fields_ = new wxFlexGridSizer(2, wxSize(12, 6));
    fields_->AddGrowableCol(1, 1);
    column_->Add(fields_, 0, wxEXPAND | wxALL, 12);
    SetSizer(column_);
}

void DetailsView::clear() {
    Freeze();
    fields_->Clear(true);
    while (column_->GetItemCount() > 1) {
        wxSizerItem* item = column_->GetItem(static_cast<size_t>(1));
        if (wxWindow* w = item->GetWindow()) {
            column_->Detach(w);
            w->Destroy();
        } else {
            column_->Remove(1);
        }
    }
    Thaw();
}

void DetailsView::set_heading(const wxString& heading) {
    auto* title = new wxStaticText(this, wxID_ANY, heading);
    title->SetFont(title->GetFont().Scaled(1.4f).Bold());
    fields_->Add(title, 0, wxBOTTOM, 6);
    fields_->AddSpacer(0);
}

void DetailsView::add_field(const wxString& label, const wxString& value) {
    auto* l = new wxStaticText(this, wxID_ANY, label);
    l->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    auto* v = new wxStaticText(this, wxID_ANY, value);
    fields_->Add(l, 0, wxALIGN_TOP);
    fields_->Add(v, 1, wxEXPAND);
}

void DetailsView::add_window(wxWindow* window, int proportion) {
    column_->Add(window, proportion, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 12);
}

void DetailsView::done() {
    FitInside();
    Layout();
}

}  // namespace mitra::app
