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
    count_ = static_cast<unsigned>(std::max(0LL, count));
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
    const TextRow* r = row(index);
    value = r && column < r->size() ? (*r)[column] : wxString();
}

}  // namespace mitra::app
