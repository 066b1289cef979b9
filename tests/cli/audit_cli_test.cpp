// mitra-cli audit in words, every change of a mark included; and a cohort's time zone checked at the door.
#include <catch2/catch.hpp>

#include <sstream>

#include "cohort_setup.hpp"
#include "run_cli.hpp"
#include "store/app_queries.hpp"
#include "store/database.hpp"

using namespace mitra;
using namespace mitra::cli_test;

namespace {

// The line of the table that says `what`, or empty.
std::string line_saying(const std::string& table, const std::string& what) {
    std::istringstream lines(table);
    for (std::string line; std::getline(lines, line);)
        if (line.find(what) != std::string::npos) return line;
    return "";
}

}  // namespace

TEST_CASE("audit says each change of a mark in words, from the first mark to its clearing", "[cli][audit]") {
    Workspace ws;
    set_up_cohort(ws);
    long long session = 0;
    {
        auto db = store::Database::open(ws.db, "coordinator");
        session = store::AppQueries(*db).attendance_sheet(kCohort).sessions.back().id;  // nobody is marked there
    }
    ws.ok({"attendance", "mark", std::to_string(session), "--present", "P-002"});
    ws.ok({"attendance", "mark", std::to_string(session), "--late", "P-002:120"});
    {
        auto db = store::Database::open(ws.db, "coordinator");  // as the desktop program's Delete clears it
        store::AppQueries(*db).unmark(session, "P-002");
    }

    for (const auto& args : {std::vector<std::string>{"audit", "--participant", "P-002"},
                             std::vector<std::string>{"audit", "--cohort", kCohort}}) {
        INFO(args[1]);
        const std::string table = ws.ok(args).out;
        const std::string cleared = line_saying(table, "Attendance mark cleared");
        REQUIRE_FALSE(cleared.empty());
        CHECK(cleared.find("late, 120 minutes") != std::string::npos);
        CHECK(cleared.substr(cleared.find_last_not_of(' ') - 6, 7) == "cleared");
        const std::string changed = line_saying(table, "Attendance changed");
        CHECK(changed.find("present") != std::string::npos);
        CHECK(changed.find("late, 120 minutes") != std::string::npos);
        CHECK(table.find("late:120") == std::string::npos);  // not the recorded form
    }
    // Machines keep the recorded values.
    bool unmark_recorded = false;
    for (const auto& e : ws.json({"audit", "--participant", "P-002"}))
        unmark_recorded =
            unmark_recorded || (e["action"] == "unmark" && e["old_value"] == "late:120" && e["new_value"].is_null());
    CHECK(unmark_recorded);
}

TEST_CASE("a cohort whose time zone is misspelt is refused, naming the option and the nearest zone", "[cli][audit]") {
    Workspace ws;
    ws.ok({"init"});
    const auto before = ws.dump();
    const auto refused =
        ws.run({"cohort", "create", "--code", "BKK-1", "--curriculum", "PSF", "--site", "Silom", "--country", "TH",
                "--language", "th", "--start", "2026-01-05", "--time-zone", "Asia/Bangkokk"});
    CHECK(refused.status == 2);
    CHECK(refused.err.find("--time-zone: ") != std::string::npos);
    CHECK(refused.err.find("did you mean Asia/Bangkok?") != std::string::npos);
    CHECK(ws.dump() == before);
}
