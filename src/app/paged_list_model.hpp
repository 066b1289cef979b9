// A virtual list for wxDataViewCtrl: knows only how many rows there are and fetches pages of them on demand.
#pragma once
#include <wx/dataview.h>
#include <wx/timer.h>

#include <functional>
#include <list>
#include <optional>
#include <utility>
#include <unordered_map>
#include <vector>

namespace mitra::app {

using TextRow = std::vector<wxString>;

// GTK's list keeps a node per row: giving it 100,000 rows at once costs ~35 ms (building them, then setting
// each one's height), one row added or removed costs ~1 µs. So a new result is handed to the view as a few
// thousand rows at once (or as the few rows it gained or lost), and the rest is added in steps between keystrokes.
class PagedListModel : public wxDataViewVirtualListModel {
public:
    // Reads `limit` rows from `offset`.
    using Fetch = std::function<std::vector<TextRow>(int offset, int limit)>;

    static constexpr unsigned kFirstRows = 5000;    // given to the view at once: many screenfuls, ~2 ms of GTK
    static constexpr unsigned kRowsChanged = 2000;  // rows added or removed one by one rather than a reset
    static constexpr unsigned kGrowStep = 5000;     // rows added per step afterwards (~4 ms, then ~10 ms of redrawing)

    explicit PagedListModel(unsigned columns, int page_size = 200);

    // The rows on screen, first and last (an empty optional when not known). GTK measures a far-down row after
    // every reset: a row whose page is not read yet and that is not on screen (or near it) is given blank
    // instead of read, and read when scrolled to. A new result shown from the top that differs from the last in
    // a few rows only redraws the rows on screen and adds or removes the difference at the end.
    using OnScreen = std::function<std::optional<std::pair<unsigned, unsigned>>()>;

    // A new result: `count` rows, read through `fetch` as they are shown; `first_page`, when given, is its
    // first page, read already.
    void reset(long long count, Fetch fetch, std::vector<TextRow> first_page = {});
    // The same result has `count` rows after all (its count came after its first rows): the rows on screen
    // stay, the others are added or removed.
    void set_count(long long count);
    int page_size() const { return page_size_; }
    void set_on_screen(OnScreen on_screen) { on_screen_ = std::move(on_screen); }
    const TextRow* row(unsigned index) const;  // fetched on demand; nullptr past the end
    unsigned count() const { return count_; }  // the result's rows, all of them

    // The rows the view holds so far (at most count()); a timer adds the others in steps of kGrowStep.
    unsigned rows_in_view() const { return GetCount(); }
    bool growing() const { return rows_in_view() < count_; }
    void grow(unsigned most = kGrowStep);  // one step, as the timer takes it
    void grow_to(unsigned rows);           // at once, e.g. before selecting a row far down

    int pages_fetched() const { return pages_fetched_; }
    int resets() const { return resets_; }  // full resets of the list, for tests and the benchmark

    unsigned GetColumnCount() const override { return columns_; }
    wxString GetColumnType(unsigned) const override { return "string"; }
    void GetValueByRow(wxVariant& value, unsigned row, unsigned column) const override;
    bool SetValueByRow(const wxVariant&, unsigned, unsigned) override { return false; }

private:
    void show(long long count, bool new_rows);
    void append_rows(unsigned rows);
    void remove_rows_after(unsigned rows);

    unsigned columns_;
    int page_size_;
    unsigned count_ = 0;
    Fetch fetch_;
    OnScreen on_screen_;
    wxTimer grow_timer_;
    mutable std::unordered_map<int, std::vector<TextRow>> pages_;
    mutable std::list<int> recent_;  // most recently used page first; a few pages are kept
    mutable int pages_fetched_ = 0;
    int resets_ = 0;
};

}  // namespace mitra::app
