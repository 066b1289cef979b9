// Counts a search's rows on a thread and a database connection of its own, so that a keystroke waits only for
// the rows it shows. Counting a broad search reads every row (20-25 ms among 100,000 people); showing its
// first screenful needs one page (a few ms).
#pragma once
#include <functional>
#include <memory>
#include <string>
#include <thread>

#include "app/paged_list_model.hpp"

class wxWindow;

namespace mitra::store {
class Database;
}

namespace mitra::app {

class BackgroundCount {
public:
    using Count = std::function<long long(store::Database&)>;  // run on the counting thread
    using Counted = std::function<void(long long)>;            // run on the UI thread; -1: the count failed

    BackgroundCount();
    ~BackgroundCount();  // waits for a count under way (one query), and drops its answer
    // The thread and its connection are made on the first count, and kept for the next ones.
    BackgroundCount(const BackgroundCount&) = delete;
    BackgroundCount& operator=(const BackgroundCount&) = delete;

    // Counts with `count` on a connection to `target` (opened once, and again when the target changes), then
    // calls `counted` on the UI thread. The newest request wins: it replaces one still waiting, and the answer
    // of one already under way is dropped.
    void start(const std::string& target, Count count, Counted counted);
    // Drops the answer of everything asked so far.
    void cancel();
    // A count was asked for and its answer has not come (nor was it cancelled).
    bool pending() const { return pending_; }

private:
    struct Shared;
    void run();

    std::shared_ptr<Shared> shared_;
    bool pending_ = false;
    std::thread thread_;
};

// Counting a participant search (Participants, a cohort's Enrol page) there; empty for no search, whose count
// (every row of one table) is quick enough to take at once.
BackgroundCount::Count participant_count(const std::string& search);

// A new search result in `model`, read through `read`. With `elsewhere`, its first page is read at once: a page
// that is not full is the whole result, and a full one is shown (the list keeps its length meanwhile) while
// `counter` counts the result on a connection to `target`. Without it, or when that count fails, `here` counts
// it (a failure then shown over `window`).
void show_search_result(wxWindow* window, PagedListModel& model, PagedListModel::Fetch read, BackgroundCount& counter,
                        const std::string& target, BackgroundCount::Count elsewhere,
                        const std::function<long long()>& here);

}  // namespace mitra::app
