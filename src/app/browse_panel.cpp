// One section of the main window: a search box, a virtual list and a details pane, with the section's actions.
#include "app/browse_panel.hpp"

#include <wx/intl.h>
#include <wx/persist/dataview.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/wrapsizer.h>

#include <algorithm>
#include <optional>

#include "app/columns.hpp"
#include "app/guard.hpp"
#include "app/text.hpp"

namespace mitra::app {

BrowsePanel::BrowsePanel(wxWindow* parent, AppContext& context, const wxString& name)
    : wxPanel(parent, wxID_ANY), context_(context) {
    SetName(name);
}

void BrowsePanel::build() {
    auto* splitter = new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxSP_LIVE_UPDATE);
    auto* left = new wxPanel(splitter);
    auto* left_column = new wxBoxSizer(wxVERTICAL);
    // The search box keeps room to type in, and the section's buttons their labels: they go on a second line
    // when the list's pane is narrow.
    auto* bar = new wxWrapSizer(wxHORIZONTAL, wxEXTEND_LAST_ON_EACH_LINE);
    search_ = new wxSearchCtrl(left, wxID_ANY);
    search_->SetDescriptiveText(_("Search"));
    search_->ShowCancelButton(true);
    search_->SetMinSize(wxSize(FromDIP(180), -1));
    bar->Add(search_, 1, wxEXPAND | wxRIGHT | wxBOTTOM, 6);
    add_actions(left, bar);
    left_column->Add(bar, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 6);

    const auto specs = columns();
    list_ = new wxDataViewCtrl(left, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                               (multiple_selection() ? wxDV_MULTIPLE : wxDV_SINGLE) | wxDV_ROW_LINES);
    list_->SetName(GetName() + "_list");
    model_ = new PagedListModel(static_cast<unsigned>(specs.size()));
    list_->AssociateModel(model_.get());
    model_->set_on_screen([this]() -> std::optional<std::pair<unsigned, unsigned>> {
        const wxDataViewItem top = list_->GetTopItem();
        if (!top.IsOk()) return std::nullopt;
        const unsigned first = model_->GetRow(top);
        return std::make_pair(first, first + static_cast<unsigned>(std::max(1, list_->GetCountPerPage())));
    });
    for (unsigned i = 0; i < specs.size(); ++i)
        list_->AppendTextColumn(specs[i].title, i, wxDATAVIEW_CELL_INERT,
                                column_width(list_, specs[i].title, specs[i].width), wxALIGN_LEFT,
                                wxDATAVIEW_COL_RESIZABLE);
    left_column->Add(list_, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 6);
    left->SetSizer(left_column);

    details_ = new DetailsView(splitter);
    splitter->SplitVertically(left, details_, FromDIP(560));
    splitter->SetSashGravity(0.5);
    // The first real size decides the split: the list a little wider than the details.
    splitter->Bind(wxEVT_SIZE, [splitter](wxSizeEvent& e) {
        e.Skip();
        if (e.GetSize().x < 700 || splitter->GetClientData()) return;
        splitter->SetClientData(splitter);
        const int width = e.GetSize().x;
        splitter->CallAfter([splitter, width] { splitter->SetSashPosition(width * 45 / 100); });
    });
    splitter->SetMinimumPaneSize(FromDIP(200));
    auto* column = new wxBoxSizer(wxVERTICAL);
    column->Add(splitter, 1, wxEXPAND);
    SetSizer(column);
    wxPersistentRegisterAndRestore(list_, GetName() + "_list");

    search_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { typed(); });
    search_->Bind(wxEVT_SEARCHCTRL_CANCEL_BTN, [this](wxCommandEvent&) { search_->Clear(); });
    list_->Bind(wxEVT_DATAVIEW_SELECTION_CHANGED, [this](wxDataViewEvent&) { on_selection(); });
    list_->Bind(wxEVT_DATAVIEW_ITEM_ACTIVATED, [this](wxDataViewEvent&) {
        if (const TextRow* row = selected()) {
            const TextRow copy = *row;
            guarded(this, [&] { activated(copy); });
        }
    });
    // A section shows what was changed elsewhere in the window (people enrolled, certificates issued) when it is
    // shown again, not only after a new search.
    Bind(wxEVT_SHOW, [this](wxShowEvent& e) {
        e.Skip();
        if (e.IsShown()) CallAfter([this] { refresh_if_changed(); });
    });
    refresh();
}

void BrowsePanel::refresh_if_changed() {
    if (!model_ || !context_.is_open() || context_.db().committed_writes() == read_at_) return;
    const TextRow* chosen = selected();
    const std::optional<wxString> key = chosen && !chosen->empty() ? std::optional(chosen->front()) : std::nullopt;
    wxDataViewItemArray items;
    const int row = chosen && list_->GetSelections(items) > 0 ? static_cast<int>(model_->GetRow(items[0])) : -1;
    refresh();
    if (key && row >= 0 && static_cast<unsigned>(row) < model_->count()) {
        model_->grow_to(static_cast<unsigned>(row) + 1);
        const TextRow* again = model_->row(static_cast<unsigned>(row));
        if (again && !again->empty() && again->front() == *key) select_row(static_cast<unsigned>(row));
    }
}

void BrowsePanel::refresh() {
    if (!model_) return;
    guarded(this, [&] {
        if (context_.is_open()) read_at_ = context_.db().committed_writes();
        const std::string search = search_text();
        searched_ = search;
        list_->UnselectAll();  // a new result: the row that was chosen is someone else's now
        auto read = [this, search](int offset, int limit) {
            std::vector<TextRow> rows;
            guarded(this, [&] { rows = fetch(search, offset, limit); });
            return rows;
        };
        const bool open = context_.is_open();
        show_search_result(this, *model_, read, counter_, open ? context_.db().target() : "",
                           open ? count_elsewhere(search) : BackgroundCount::Count{},
                           [this, open, search] { return open ? count(search) : 0; });
    });
    details_->clear();
    details_->done();
}

void BrowsePanel::typed() {
    // A space typed at either end asks the same search again: its result is on screen already.
    if (search_text() != searched_) refresh();
}

void BrowsePanel::search_for(const wxString& text) {
    search_->ChangeValue(text);
    typed();
}

std::string BrowsePanel::search_text() const { return search_ ? utf8(search_->GetValue().Strip(wxString::both)) : ""; }

const TextRow* BrowsePanel::selected() const {
    const wxDataViewItem item = list_->GetSelection();
    if (!item.IsOk()) {
        wxDataViewItemArray items;
        if (list_->GetSelections(items) == 0) return nullptr;
        return model_->row(model_->GetRow(items[0]));
    }
    return model_->row(model_->GetRow(item));
}

std::vector<TextRow> BrowsePanel::all_selected() const {
    std::vector<TextRow> out;
    wxDataViewItemArray items;
    list_->GetSelections(items);
    for (const auto& item : items)
        if (const TextRow* r = model_->row(model_->GetRow(item))) out.push_back(*r);
    return out;
}

void BrowsePanel::select_row(unsigned row) {
    if (row >= model_->count()) return;
    model_->grow_to(row + 1);  // the view may not hold that far a row yet
    list_->Select(model_->GetItem(row));
    list_->EnsureVisible(model_->GetItem(row));
    on_selection();
}

void BrowsePanel::on_selection() {
    details_->Freeze();
    details_->clear();
    if (const TextRow* row = selected()) {
        const TextRow copy = *row;
        guarded(this, [&] { show_details(copy); });
    }
    details_->done();
    details_->Thaw();
}

}  // namespace mitra::app
