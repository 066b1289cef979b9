// One section of the main window: a search box, a virtual list and a details pane, with the section's actions.
#pragma once
#include <wx/dataview.h>
#include <wx/panel.h>
#include <wx/srchctrl.h>
#include <wx/timer.h>

#include <string>
#include <utility>
#include <vector>

#include "app/app_context.hpp"
#include "app/background_count.hpp"
#include "app/details_view.hpp"
#include "app/paged_list_model.hpp"

class wxBoxSizer;

namespace mitra::app {

struct ColumnSpec {
    wxString title;
    int width;  // in DIPs
};

class BrowsePanel : public wxPanel {
public:
    BrowsePanel(wxWindow* parent, AppContext& context, const wxString& name);

    // Builds the list (call once from the subclass's constructor) and shows the first rows.
    void build();
    // Runs the search again (after a change), keeping the typed text.
    void refresh();
    // Runs the search again when this window has written to the database since the list was read (each section
    // does when it is shown), keeping the selected row when it is still the same one.
    void refresh_if_changed();
    // Types into the search box, as a person would (each call is one keystroke's search).
    void search_for(const wxString& text);

    wxDataViewCtrl* list() const { return list_; }
    PagedListModel* model() const { return model_.get(); }
    unsigned row_count() const { return model_ ? model_->count() : 0; }
    // The result's first rows are shown, and its count is still being worked out (row_count() is a guess).
    bool counting() const { return counter_.pending(); }
    // Selects a row and shows its details, as a click would.
    void select_row(unsigned row);

protected:
    virtual std::vector<ColumnSpec> columns() const = 0;
    virtual long long count(const std::string& search) = 0;
    // How to count a search on another connection, for a section whose searches can be slow to count: then a
    // keystroke shows the first page at once, and the count follows. Empty (the default, or a search quick to
    // count): count() at once.
    virtual BackgroundCount::Count count_elsewhere(const std::string& search) { return {}; }
    virtual std::vector<TextRow> fetch(const std::string& search, int offset, int limit) = 0;
    virtual void show_details(const TextRow& row) = 0;
    virtual void add_actions(wxWindow* parent, wxBoxSizer* bar) {}
    virtual void activated(const TextRow& row) {}
    virtual bool multiple_selection() const { return false; }

    // The selected row (the first one when several are), if any.
    const TextRow* selected() const;
    std::vector<TextRow> all_selected() const;
    std::string search_text() const;

    AppContext& context_;
    DetailsView* details_ = nullptr;

private:
    void on_selection();
    void typed();  // the search box changed: a new search unless only spaces at its ends did

    wxSearchCtrl* search_ = nullptr;
    wxDataViewCtrl* list_ = nullptr;
    wxObjectDataPtr<PagedListModel> model_;
    std::string searched_;            // the search whose result is shown
    unsigned long long read_at_ = 0;  // the database's committed_writes() when the list was read
    BackgroundCount counter_;
};

}  // namespace mitra::app
