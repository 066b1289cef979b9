// The details pane beside a list: labelled values (names in their own scripts) and room for more below.
#include "app/details_view.hpp"

#include <wx/settings.h>
#include <wx/stattext.h>

#include <algorithm>

#include "app/accessibility.hpp"

namespace mitra::app {

DetailsView::DetailsView(wxWindow* parent) : wxScrolledWindow(parent, wxID_ANY) {
    SetScrollRate(0, 10);
    column_ = new wxBoxSizer(wxVERTICAL);
    fields_ = new wxFlexGridSizer(2, wxSize(12, 6));
    fields_->AddGrowableCol(1, 1);
    column_->Add(fields_, 0, wxEXPAND | wxALL, 12);
    SetSizer(column_);
    Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        e.Skip();
        if (GetClientSize().x != wrapped_at_) CallAfter([this] { wrap_values(); });
    });
}

void DetailsView::clear() {
    Freeze();
    values_.clear();
    labels_.clear();
    fields_->Clear(true);
    // Everything but the fields' grid: the heading above it, and what was added below.
    for (std::size_t i = column_->GetItemCount(); i-- > 0;) {
        wxSizerItem* item = column_->GetItem(i);
        if (item->GetSizer() == fields_) continue;
        if (wxWindow* w = item->GetWindow()) {
            column_->Detach(w);
            w->Destroy();
        } else {
            column_->Remove(static_cast<int>(i));
        }
    }
    Thaw();
}

void DetailsView::set_heading(const wxString& heading) {
    auto* title = new wxStaticText(this, wxID_ANY, heading);
    title->SetFont(title->GetFont().Scaled(1.4f).Bold());
    // Above the fields, not in their label column: a long heading would widen that column past the pane.
    column_->Insert(0, title, 0, wxLEFT | wxRIGHT | wxTOP, 12);
}

void DetailsView::add_field(const wxString& label, const wxString& value) {
    auto* l = new wxStaticText(this, wxID_ANY, label);
    l->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    auto* v = new wxStaticText(this, wxID_ANY, value);
    fields_->Add(l, 0, wxALIGN_TOP);
    fields_->Add(v, 1, wxEXPAND);
    values_.emplace_back(v, value);
    labels_.push_back(l);
}

void DetailsView::wrap_values() {
    wrapped_at_ = GetClientSize().x;
    int label_width = 0;
    for (wxStaticText* label : labels_) label_width = std::max(label_width, label->GetBestSize().x);
    const int room = wrapped_at_ - label_width - FromDIP(12 + 24 + 4);
    if (room < FromDIP(80)) return;
    for (auto& [text, whole] : values_) {
        text->SetLabel(whole);
        text->Wrap(room);
    }
    FitInside();
    Layout();
}

void DetailsView::add_window(wxWindow* window, int proportion) {
    column_->Add(window, proportion, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 12);
}

void DetailsView::done() {
    // What was added after the pane was shown (a curriculum's list of modules, a person's buttons) has had no
    // accessible names given yet.
    name_controls(this);
    wrap_values();
    FitInside();
    Layout();
}

}  // namespace mitra::app
