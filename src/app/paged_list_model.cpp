// A virtual list for wxDataViewCtrl: knows only how many rows there are and fetches pages of them on demand.
#include "app/paged_list_model.hpp"

#include <algorithm>

namespace mitra::app {

namespace {
constexpr std::size_t kPagesKept = 16;
}

PagedListModel::PagedListModel(unsigned columns, int page_size)
    : wxDataViewVirtualListModel(0), columns_(columns), page_size_(page_size) {}

void PagedListModel::reset(long long count, Fetch fetch) {
    pages_.clear();
    recent_.clear();
    fetch_ = std::move(fetch);
    const auto n = static_cast<unsigned>(std::max(0LL, count));
    if (n == count_ && n > 0 && on_screen_) {
        if (const auto shown = on_screen_(); shown && shown->first == 0) {
            for (unsigned r = 0; r <= shown->second && r < n; ++r) RowChanged(r);
            return;
        }
    }
    count_ = n;
    ++resets_;
    Reset(count_);
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
