// Dates in mitra-cli: the enrolment date offered and changed afterwards, and marks at sessions still to come.
#include <catch2/catch.hpp>

#include "core/attendance_dates.hpp"
#include "names.hpp"
#include "run_cli.hpp"

using namespace mitra;
using namespace mitra::cli_test;

namespace {

const std::string kZone = "Asia/Kathmandu";

// Today at the cohorts' site, moved by `days`: the cohorts here are dated around the real today.
std::string site_day(int days) { return to_string(add_days(today_in(kZone), days)); }

void set_up(const Workspace& ws) {
    ws.ok({"init"});
    ws.ok({"participant", "import", ws.file("people.csv", people_csv())});
}

void create_cohort(const Workspace& ws, const std::string& code, const std::string& start) {
    ws.ok({"cohort", "create", "--code", code, "--curriculum", "PSF", "--site", "Patan", "--country", "NP",
           "--language", "ne", "--time-zone", kZone, "--start", start});
}

std::string enrolled_on(const Workspace& ws, const std::string& cohort, const std::string& ref) {
    const auto shown = ws.json({"cohort", "show", cohort});  // kept: the loop must not outlive it
    for (const auto& e : shown["enrolled"])
        if (e["ref"] == ref) return e["on"].get<std::string>();
    return "";
}

}  // namespace

TEST_CASE("cohort enrol without --on enrols from the cohort's start until a week after it, then from today",
          "[cli][dates]") {
    Workspace ws;
    set_up(ws);
    create_cohort(ws, "SOON", site_day(20));
    create_cohort(ws, "JUST", site_day(-7));
    create_cohort(ws, "LONG", site_day(-8));
    ws.ok({"cohort", "enrol", "SOON", "P-001"});
    ws.ok({"cohort", "enrol", "JUST", "P-001"});
    ws.ok({"cohort", "enrol", "LONG", "P-001"});
    ws.ok({"cohort", "enrol", "LONG", "P-002", "--on", site_day(-8)});
    CHECK(enrolled_on(ws, "SOON", "P-001") == site_day(20));
    CHECK(enrolled_on(ws, "JUST", "P-001") == site_day(-7));
    CHECK(enrolled_on(ws, "LONG", "P-001") == site_day(0));
    CHECK(enrolled_on(ws, "LONG", "P-002") == site_day(-8));

    SECTION("the date can be moved afterwards, but not past a mark the person has") {
        ws.ok({"cohort", "enrolment-date", "LONG", "P-001", site_day(-8)});
        CHECK(enrolled_on(ws, "LONG", "P-001") == site_day(-8));
        ws.ok({"session", "schedule", "LONG"});
        const auto first = ws.json({"session", "list", "LONG"})[0];
        REQUIRE(first["date"] == site_day(-8));
        const auto id = std::to_string(first["id"].get<long long>());
        ws.ok({"attendance", "mark", id, "--absent", "P-001"});
        const auto before = ws.dump();
        const auto refused = ws.run({"cohort", "enrolment-date", "LONG", "P-001", site_day(-1)});
        CHECK(refused.status == 2);
        CHECK(refused.err.find("session " + id) != std::string::npos);
        CHECK(ws.dump() == before);
        CHECK(enrolled_on(ws, "LONG", "P-001") == site_day(-8));
    }
}

TEST_CASE("a mark at a session still to come needs --allow-future; refused, it names the session and records nothing",
          "[cli][dates]") {
    Workspace ws;
    set_up(ws);
    create_cohort(ws, "NOW", site_day(-10));  // weekly: sessions 10 and 3 days ago, then in 4 days
    ws.ok({"cohort", "enrol", "NOW", "P-001", "P-002", "--on", site_day(-10)});
    ws.ok({"session", "schedule", "NOW"});
    const auto sessions = ws.json({"session", "list", "NOW"});
    REQUIRE(sessions[1]["date"] == site_day(-3));
    REQUIRE(sessions[2]["date"] == site_day(4));
    const auto held = std::to_string(sessions[1]["id"].get<long long>());
    const auto to_come = std::to_string(sessions[2]["id"].get<long long>());
    const auto to_come_module = sessions[2]["module"].get<std::string>();

    SECTION("attendance mark") {
        const auto before = ws.dump();
        const auto refused = ws.run({"attendance", "mark", to_come, "--present", "P-001"});
        INFO(refused.err);
        CHECK(refused.status == 2);
        CHECK(refused.err.find("session " + to_come + " (" + to_come_module + ", " + site_day(4) +
                               ") has not happened yet") != std::string::npos);
        CHECK(refused.err.find("--allow-future") != std::string::npos);
        CHECK(ws.dump() == before);
        CHECK(ws.run({"attendance", "mark", to_come, "--everyone-present"}).status == 2);
        CHECK(ws.count("attendance") == 0);

        ws.ok({"attendance", "mark", held, "--everyone-present"});  // a session held: no question
        CHECK(ws.count("attendance") == 2);
        ws.ok({"attendance", "mark", to_come, "--present", "P-001", "--allow-future"});
        CHECK(ws.count("attendance") == 3);
    }
    SECTION("attendance import names the file, the line and the field of every row at a session to come") {
        const auto file =
            ws.file("marks.csv", "session,ref,status,minutes\n" + held + ",P-001,present,\n" + to_come +
                                     ",P-001,present,\n" + held + ",P-002,absent,\n" + to_come + ",P-002,excused,\n");
        const auto before = ws.dump();
        const auto refused = ws.run({"attendance", "import", "NOW", file});
        INFO(refused.err);
        CHECK(refused.status == 2);
        CHECK(refused.err.find(file + ":3: session: session " + to_come) != std::string::npos);
        CHECK(refused.err.find(file + ":5: session: session " + to_come) != std::string::npos);
        CHECK(refused.err.find(file + ":2:") == std::string::npos);
        CHECK(ws.dump() == before);

        ws.ok({"attendance", "import", "NOW", file, "--allow-future"});
        CHECK(ws.count("attendance") == 4);
    }
}
