// A virtual list for wxDataViewCtrl: knows only how many rows there are and fetches pages of them on demand.
#pragma once
#include <wx/dataview.h>

#include <functional>
#include <list>
#include <optional>
#include <utility>
#include <unordered_map>
#include <vector>

namespace mitra::app {

using TextRow = std::vector<wxString>;

class PagedListModel : public wxDataViewVirtualListModel {
public:
    // Reads `limit` rows from `offset`.
    using Fetch = std::function<std::vector<TextRow>(int offset, int limit)>;

    explicit PagedListModel(unsigned columns, int page_size = 200);

    // The rows on screen, first and last (an empty optional when not known). GTK measures a far-down row after
    // every reset: a row whose page is not read yet and that is not on screen (or near it) is given blank
    // instead of read, and read when scrolled to. A new result of as many rows as the last one, shown from its
    // top, redraws the rows on screen instead of resetting the list (which costs GTK tens of ms at 100,000).
    using OnScreen = std::function<std::optional<std::pair<unsigned, unsigned>>()>;

    // A new result: `count` rows, read through `fetch` as they are shown.
    void reset(long long count, Fetch fetch);
    void set_on_screen(OnScreen on_screen) { on_screen_ = std::move(on_screen); }
    const TextRow* row(unsigned index) const;  // fetched on demand; nullptr past the end
    unsigned count() const { return count_; }
    int pages_fetched() const { return pages_fetched_; }
    int resets() const { return resets_; }  // full resets of the list, for tests and the benchmark

    unsigned GetColumnCount() const override { return columns_; }
    wxString GetColumnType(unsigned) const override { return "string"; }
    void GetValueByRow(wxVariant& value, unsigned row, unsigned column) const override;
    bool SetValueByRow(const wxVariant&, unsigned, unsigned) override { return false; }

private:
    unsigned columns_;
    int page_size_;
    unsigned count_ = 0;
    Fetch fetch_;
    OnScreen on_screen_;
    mutable std::unordered_map<int, std::vector<TextRow>> pages_;
    mutable std::list<int> recent_;  // most recently used page first; a few pages are kept
    mutable int pages_fetched_ = 0;
    int resets_ = 0;
};

}  // namespace mitra::app
