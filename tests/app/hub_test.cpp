// The desktop program on a hub (PostgreSQL): a broad search's count comes from a second, read-only connection.
#include <catch2/catch.hpp>
#include <soci/soci.h>

#include <chrono>
#include <filesystem>
#include <random>

#include "app/browse_panel.hpp"
#include "app/main_frame.hpp"
#include "fixture.hpp"
#include "store/database.hpp"
#include "store/repos.hpp"
#include "test_backend.hpp"

using namespace mitra;
using namespace mitra::app_test;
namespace fs = std::filesystem;

TEST_CASE("on a hub, a broad search shows its first page at once and its count comes from a second connection",
          "[gui][.hub]") {  // hidden: run by gui_hub, with the server script/test starts
    test_backend::Schema schema;
    const fs::path data = fs::temp_directory_path() / ("mitra-gui-hub-" + std::to_string(std::random_device()()));
    fs::create_directories(data);
    ::setenv("XDG_DATA_HOME", data.c_str(), 1);
    app::AppContext context;
    context.open(schema.url);
    auto people = numbered_people("H-", "Hub Person", 1200);
    store::ParticipantRepo(context.db()).save_all(people);
    {
        Window frame(context);
        frame->show_section(app::MainFrame::participants);
        auto* list = frame->section(app::MainFrame::participants);
        pump(50);
        REQUIRE(list->row_count() == 1200);

        // 1, 10-19, 100-199, 1000-1200: more than a page.
        list->search_for("Hub Person 1");
        CHECK(list->counting());
        CHECK(list->model()->row(0)->at(0) == "H-00001");
        const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        while (list->counting() && std::chrono::steady_clock::now() < end) pump(5);
        CHECK_FALSE(list->counting());
        CHECK(list->row_count() == 312);
        CHECK(list->model()->row(311)->at(0) == "H-01200");

        // The count was asked of a second session, read-only, of the same database.
        auto probe = store::Database::open_for_reading(schema.url);
        int sessions = 0;
        probe->sql() << "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> "
                        "pg_backend_pid() AND backend_type = 'client backend'",
            soci::into(sessions);
        CHECK(sessions >= 2);                // the program's own, and the one that counts
        list->search_for("Hub Person 120");  // 120, 1200: a page that is not full is the whole result
        CHECK_FALSE(list->counting());
        CHECK(list->row_count() == 2);
    }
    std::error_code ec;
    fs::remove_all(data, ec);
}
