// Counts a search's rows on a thread and a database connection of its own.
#include "app/background_count.hpp"

#include <wx/app.h>

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <optional>

#include "app/guard.hpp"
#include "store/app_queries.hpp"
#include "store/database.hpp"

namespace mitra::app {

struct BackgroundCount::Shared {
    struct Request {
        std::string target;
        Count count;
        Counted counted;
    };
    std::mutex mutex;
    std::condition_variable asked;
    std::optional<Request> waiting;  // guarded by mutex
    bool stop = false;               // guarded by mutex
    unsigned long generation = 0;    // the newest request's; read and written on the UI thread only
};

BackgroundCount::BackgroundCount() : shared_(std::make_shared<Shared>()) {}

BackgroundCount::~BackgroundCount() {
    if (!thread_.joinable()) return;  // never asked to count
    {
        std::lock_guard<std::mutex> lock(shared_->mutex);
        shared_->stop = true;
        shared_->waiting.reset();
    }
    shared_->asked.notify_one();
    thread_.join();
    ++shared_->generation;  // answers already posted find nothing to answer (and shared_ gone once they run)
}

void BackgroundCount::start(const std::string& target, Count count, Counted counted) {
    const unsigned long generation = ++shared_->generation;
    pending_ = true;
    // The answer reaches this object only while it lives, and only if it answers the newest request.
    std::weak_ptr<Shared> weak = shared_;
    Counted answer = [this, weak, generation, counted = std::move(counted)](long long n) {
        const auto shared = weak.lock();
        if (!shared || shared->generation != generation) return;
        pending_ = false;
        counted(n);
    };
    {
        std::lock_guard<std::mutex> lock(shared_->mutex);
        shared_->waiting = Shared::Request{target, std::move(count), std::move(answer)};
    }
    shared_->asked.notify_one();
    if (!thread_.joinable()) thread_ = std::thread([this] { run(); });  // on the first count, and kept
}

void BackgroundCount::cancel() {
    ++shared_->generation;
    pending_ = false;
    std::lock_guard<std::mutex> lock(shared_->mutex);
    shared_->waiting.reset();
}

void BackgroundCount::run() {
    const std::shared_ptr<Shared> shared = shared_;
    std::unique_ptr<store::Database> db;
    for (;;) {
        Shared::Request request;
        {
            std::unique_lock<std::mutex> lock(shared->mutex);
            shared->asked.wait(lock, [&] { return shared->stop || shared->waiting; });
            if (shared->stop) return;
            request = std::move(*shared->waiting);
            shared->waiting.reset();
        }
        long long n = -1;
        try {
            if (!db || db->target() != request.target) {
                db.reset();
                db = store::Database::open_for_reading(request.target);
            }
            n = request.count(*db);
        } catch (const std::exception&) {
            db.reset();  // the UI thread counts again on its own connection, and shows what went wrong
        }
        if (wxTheApp) wxTheApp->CallAfter([answer = std::move(request.counted), n] { answer(n); });
    }
}

BackgroundCount::Count participant_count(const std::string& search) {
    if (search.empty()) return {};
    return [search](store::Database& db) { return store::AppQueries(db).count_participants(search); };
}

void show_search_result(wxWindow* window, PagedListModel& model, PagedListModel::Fetch read, BackgroundCount& counter,
                        const std::string& target, BackgroundCount::Count elsewhere,
                        const std::function<long long()>& here) {
    counter.cancel();
    if (!elsewhere) {
        model.reset(here(), std::move(read));
        return;
    }
    const int page = model.page_size();
    auto first = read(0, page);
    if (first.size() < static_cast<std::size_t>(page)) {
        const auto n = static_cast<long long>(first.size());
        model.reset(n, std::move(read), std::move(first));
        return;
    }
    // Until the count comes, the rows on screen are right and the list keeps its length (or a page's).
    model.reset(std::max<long long>(page, model.rows_in_view()), std::move(read), std::move(first));
    counter.start(target, std::move(elsewhere), [window, &model, here](long long n) {
        guarded(window, [&] { model.set_count(n >= 0 ? n : here()); });
    });
}

}  // namespace mitra::app
