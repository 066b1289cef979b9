// A virtual list for wxDataViewCtrl: knows only how many rows there are and fetches pages of them on demand.
#include "app/paged_list_model.hpp"

#include <algorithm>

namespace mitra::app {

namespace {
constexpr std::size_t kPagesKept = 16;
// Growth starts once typing pauses (a keystroke stops it) and leaves room between its steps for drawing and keys.
constexpr int kFirstStepPause = 100;  // ms
constexpr int kStepPause = 20;
}  // namespace

PagedListModel::PagedListModel(unsigned columns, int page_size)
    : wxDataViewVirtualListModel(0), columns_(columns), page_size_(page_size) {
    grow_timer_.Bind(wxEVT_TIMER, [this](wxTimerEvent&) {
        grow();
        if (growing()) grow_timer_.StartOnce(kStepPause);
    });
}

void PagedListModel::reset(long long count, Fetch fetch, std::vector<TextRow> first_page) {
    pages_.clear();
    recent_.clear();
    fetch_ = std::move(fetch);
    if (!first_page.empty()) {
        pages_.emplace(0, std::move(first_page));
        recent_.push_front(0);
    }
    show(count, true);
}

void PagedListModel::set_count(long long count) { show(count, false); }

void PagedListModel::show(long long count, bool new_rows) {
    grow_timer_.Stop();
    const unsigned held = rows_in_view();
    count_ = static_cast<unsigned>(std::max(0LL, count));
    // The view needs its first screenfuls now and no row past the result's end; the rest comes in steps.
    const unsigned at_once = count_ <= kFirstRows + kRowsChanged ? count_ : kFirstRows;
    unsigned wanted = std::clamp(held, at_once, count_);
    if (count_ - wanted <= kRowsChanged) wanted = count_;
    const unsigned change = wanted > held ? wanted - held : held - wanted;
    std::optional<std::pair<unsigned, unsigned>> shown;
    if (held > 0 && change <= kRowsChanged && on_screen_) shown = on_screen_();
    // New rows keep the list only when it shows its top (their rows on screen are redrawn); a count that came
    // late keeps it unless many rows go (GTK removes rows one by one, ~1 µs each, and a reset is quicker).
    const bool keep = new_rows ? shown && shown->first == 0 : wanted >= held || change <= kRowsChanged;
    if (keep) {
        if (wanted < held) remove_rows_after(wanted);
        else append_rows(wanted - held);
        if (new_rows)
            for (unsigned r = 0; r <= shown->second && r < wanted; ++r) RowChanged(r);
    } else {
        ++resets_;
        Reset(at_once);
    }
    if (growing()) grow_timer_.StartOnce(kFirstStepPause);
}

void PagedListModel::grow(unsigned most) {
    const unsigned held = rows_in_view();
    if (held < count_) append_rows(std::min(most, count_ - held));
}

void PagedListModel::grow_to(unsigned rows) {
    const unsigned held = rows_in_view();
    const unsigned wanted = std::min(rows, count_);
    if (held < wanted) append_rows(wanted - held);
}

void PagedListModel::append_rows(unsigned rows) {
    for (unsigned i = 0; i < rows; ++i) RowAppended();
}

void PagedListModel::remove_rows_after(unsigned rows) {
    wxArrayInt gone;
    for (unsigned r = rows; r < rows_in_view(); ++r) gone.Add(static_cast<int>(r));
    if (!gone.empty()) RowsDeleted(gone);
}

const TextRow* PagedListModel::row(unsigned index) const {
    if (index >= count_ || !fetch_) return nullptr;
    const int page = static_cast<int>(index / page_size_);
    auto found = pages_.find(page);
    if (found == pages_.end()) {
        found = pages_.emplace(page, fetch_(page * page_size_, page_size_)).first;
        ++pages_fetched_;
        if (recent_.size() >= kPagesKept) {
            pages_.erase(recent_.back());
            recent_.pop_back();
        }
    } else {
        recent_.remove(page);
    }
    recent_.push_front(page);
    const auto& rows = found->second;
    const std::size_t at = index % page_size_;
    return at < rows.size() ? &rows[at] : nullptr;
}

void PagedListModel::GetValueByRow(wxVariant& value, unsigned index, unsigned column) const {
    const bool read = page_size_ > 0 && pages_.count(static_cast<int>(index / page_size_)) > 0;
    if (!read && on_screen_) {
        // A screenful of margin either way, so rows scrolled into view are never left blank.
        if (const auto shown = on_screen_()) {
            const unsigned screen = shown->second - shown->first + 1;
            if (index + screen < shown->first || index > shown->second + screen) {
                value = wxString();
                return;
            }
        }
    }
    const TextRow* r = row(index);
    value = r && column < r->size() ? (*r)[column] : wxString();
}

}  // namespace mitra::app
