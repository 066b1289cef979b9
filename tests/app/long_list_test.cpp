// A long list in a section: the first rows at once, the rest added between keystrokes, the row chosen kept.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>

#include "app/browse_panel.hpp"
#include "app/cohort_pages.hpp"
#include "app/cohort_panel.hpp"
#include "app/main_frame.hpp"
#include "fixture.hpp"
#include "store/repos.hpp"

using namespace mitra;
using namespace mitra::app_test;

namespace {

constexpr unsigned kMany = 12'000;  // more than PagedListModel::kFirstRows, so the view grows in steps

// Lets the list's timer add rows until it holds the whole result (at most a few seconds).
void pump_until_grown(app::BrowsePanel* panel) {
    const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (panel->model()->growing() && std::chrono::steady_clock::now() < end) pump(20);
    pump(50);  // and lays itself out again
}

// Lets the search's count come from its own connection (at most a few seconds).
template <class Searching>
void pump_until_counted(Searching* searching) {
    const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (searching->counting() && std::chrono::steady_clock::now() < end) pump(5);
}

// The row at the top of the list once it has scrolled to `row` (GTK animates it): only a view that holds `row`
// can show it.
unsigned top_after_scrolling_to(app::BrowsePanel* panel, unsigned row) {
    panel->list()->EnsureVisible(panel->model()->GetItem(row));
    unsigned top = 0, last = static_cast<unsigned>(-1);
    for (int i = 0; i < 40 && top != last; ++i) {
        last = top;
        pump(50);
        const wxDataViewItem item = panel->list()->GetTopItem();
        top = item.IsOk() ? panel->model()->GetRow(item) : 0;
    }
    return top;
}

unsigned selected_row(app::BrowsePanel* panel) {
    const wxDataViewItem item = panel->list()->GetSelection();
    return item.IsOk() ? panel->model()->GetRow(item) : static_cast<unsigned>(-1);
}

}  // namespace

TEST_CASE("a long list shows its first rows at once and the rest between keystrokes", "[gui][sections][long]") {
    Programme programme;
    auto many = numbered_people("B-", "Bulk Person", kMany);
    store::ParticipantRepo(programme.db()).save_all(many);
    const unsigned everyone = kMany + 40;

    Window frame(programme.context);
    frame->show_section(app::MainFrame::participants);
    auto* people = frame->section(app::MainFrame::participants);
    auto* model = people->model();
    pump_until_grown(people);
    REQUIRE(model->rows_in_view() == everyone);

    SECTION("a narrow search, then clearing it: the first rows at once, all of them a moment later") {
        people->search_for("Bulk Person 1234");
        CHECK(people->row_count() == 1);
        CHECK(model->rows_in_view() == 1);
        people->search_for("");
        CHECK(people->row_count() == everyone);
        CHECK(model->rows_in_view() == app::PagedListModel::kFirstRows);
        CHECK(model->growing());
        CHECK(top_after_scrolling_to(people, app::PagedListModel::kFirstRows - 1) >
              app::PagedListModel::kFirstRows - 100);
        pump_until_grown(people);
        CHECK(model->rows_in_view() == everyone);
        CHECK(top_after_scrolling_to(people, everyone - 1) > everyone - 100);
        CHECK(model->row(everyone - 1)->at(0) == "P-040");  // ref order: B-00001 ... B-12000, P-001 ... P-040
    }

    SECTION("a result a few rows shorter keeps the list and drops its last rows, without a reset") {
        const int resets = model->resets();
        people->search_for("Bulk");
        pump_until_counted(people);
        CHECK(people->row_count() == kMany);
        CHECK(model->rows_in_view() == kMany);
        CHECK_FALSE(model->growing());
        CHECK(model->resets() == resets);
        CHECK(model->row(0)->at(1) == "Bulk Person 1");
        CHECK(model->row(kMany - 1)->at(0) == "B-12000");
        CHECK(top_after_scrolling_to(people, kMany - 1) > kMany - 100);
        // And back: the forty rows come back at the end.
        people->list()->EnsureVisible(model->GetItem(0));
        pump(50);
        people->search_for("");
        CHECK(model->rows_in_view() == everyone);
        CHECK(model->resets() == resets);
        CHECK(model->row(everyone - 1)->at(0) == "P-040");
    }

    SECTION("a broad search shows its first page at once and its count a moment later; a stale count is dropped") {
        // 1, 10-19, 100-199, 1000-1999, 10000-12000: more than a page, so counted on the other connection.
        people->search_for("Bulk Person 1");
        CHECK(people->counting());
        CHECK(people->row_count() == everyone);  // the list keeps its length meanwhile
        CHECK(model->row(0)->at(1) == "Bulk Person 1");
        CHECK(model->row(1)->at(1) == "Bulk Person 10");
        CHECK(model->row(199)->at(0) == "B-01088");  // the first page is the new result's
        pump_until_counted(people);
        CHECK_FALSE(people->counting());
        CHECK(people->row_count() == 3112);
        CHECK(model->rows_in_view() == 3112);
        CHECK(model->row(3111)->at(0) == "B-12000");

        // A key typed before the count comes: only the newest search's count is taken.
        people->search_for("Bulk");
        REQUIRE(people->counting());
        people->search_for("Bulk Person 1234");  // one row: a page that is not full is the whole result
        CHECK_FALSE(people->counting());
        pump(300);
        CHECK(people->row_count() == 1);
        CHECK(model->rows_in_view() == 1);
        people->search_for("Bulk Person 2");  // 2, 20-29, 200-299, 2000-2999
        people->search_for("Bulk Person 1");
        pump_until_counted(people);
        pump(300);
        CHECK(people->row_count() == 3112);
    }

    SECTION("a cohort's enrol page finds among many the same way, and enrols the rows chosen") {
        auto* enrol = frame->open_cohort(programme.cohort)->enrol();
        enrol->search_for("Bulk Person 1");
        CHECK(enrol->counting());
        pump_until_counted(enrol);
        CHECK(enrol->found_count() == 3112);
        enrol->select_rows({0, 3111});
        enrol->enrol_selected();
        std::vector<std::string> refs;
        for (const auto& e : store::CohortRepo(programme.db()).enrolments(programme.cohort))
            if (e.participant_ref.rfind("B-", 0) == 0) refs.push_back(e.participant_ref);
        std::sort(refs.begin(), refs.end());
        CHECK(refs == std::vector<std::string>{"B-00001", "B-12000"});
    }

    SECTION("the row chosen stays chosen while the list grows, and a row not in the view yet can be chosen") {
        people->search_for("Bulk Person 1234");
        people->search_for("");
        REQUIRE(model->growing());
        people->select_row(3);
        pump_until_grown(people);
        CHECK(selected_row(people) == 3);

        people->search_for("Bulk Person 1234");
        people->search_for("");
        REQUIRE(model->rows_in_view() < 11'000);
        people->select_row(11'000);
        CHECK(model->rows_in_view() > 11'000);
        CHECK(selected_row(people) == 11'000);
        CHECK(model->row(11'000)->at(0) == "B-11001");
        pump_until_grown(people);
        CHECK(selected_row(people) == 11'000);
    }

    SECTION("a space typed at the end asks nothing again") {
        people->search_for("Bulk Person 12");
        pump(50);
        const int pages = model->pages_fetched();
        const int resets = model->resets();
        people->search_for("Bulk Person 12 ");
        pump(50);
        CHECK(model->pages_fetched() == pages);
        CHECK(model->resets() == resets);
        CHECK(people->row_count() == 112);  // 12, 120-129, 1200-1299, 12000
    }
}
