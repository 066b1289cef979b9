// A virtual list for wxDataViewCtrl: knows only how many rows there are and fetches pages of them on demand.
#pragma once
#include <wx/dataview.h>

#include <functional>
#include <list>
#include <unordered_map>
#include <vector>

namespace mitra::app {

using TextRow = std::vector<wxString>;

class PagedListModel : public wxDataViewVirtualListModel {
public:
    // Reads `limit` rows from `offset`.
    using Fetch = std::function<std::vector<TextRow>(int offset, int limit)>;

    explicit PagedListModel(unsigned columns, int page_size = 200);

    // A new result: `count` rows, read through `fetch` as they are shown.
    void reset(long long count, Fetch fetch);
    const TextRow* row(unsigned index) const;  // fetched on demand; nullptr past the end
    unsigned count() const { return count_; }
    int pages_fetched() const { return pages_fetched_; }

    unsigned GetColumnCount() const override { return columns_; }
    wxString GetColumnType(unsigned) const override { return "string"; }
    void GetValueByRow(wxVariant& value, unsigned row, unsigned column) const override;
    bool SetValueByRow(const wxVariant&, unsigned, unsigned) override { return false; }

private:
    unsigned columns_;
    int page_size_;
    unsigned count_ = 0;
    Fetch fetch_;
    mutable std::unordered_map<int, std::vector<TextRow>> pages_;
    mutable std::list<int> recent_;  // most recently used page first; a few pages are kept
    mutable int pages_fetched_ = 0;
};

}  // namespace mitra::app
