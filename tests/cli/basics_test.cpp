// mitra-cli's help and its demo programme.
#include <catch2/catch.hpp>

#include "cohort_setup.hpp"
#include "core/calendar.hpp"
#include "run_cli.hpp"
#include "store/practice_repo.hpp"

using namespace mitra::cli_test;

TEST_CASE("--help exits 0 and lists the commands", "[cli]") {
    Workspace ws;
    const auto help = ws.run_bare({"--help"});
    CHECK(help.status == 0);
    for (const char* command :
         {"init", "curriculum", "participant", "cohort", "session", "attendance", "completion", "demo"})
        CHECK(help.out.find(command) != std::string::npos);
    CHECK(!std::filesystem::exists(ws.dir / "xdg"));  // asking for help makes no database

    const auto all = ws.run_bare({"--help-all"});
    CHECK(all.status == 0);
    CHECK(all.out.find("override") != std::string::npos);
    CHECK(all.out.find("--today") != std::string::npos);

    const auto sub = ws.run_bare({"participant", "import", "--help"});
    CHECK(sub.status == 0);
    CHECK(sub.out.find("ref,full_name") != std::string::npos);
}

TEST_CASE("no command at all is bad input", "[cli]") {
    Workspace ws;
    const auto none = ws.run_bare({});
    CHECK(none.status == 2);
    CHECK(!none.err.empty());
}

TEST_CASE("demo builds the cohort DEMO-KTM in the database it is given, and running it twice changes nothing",
          "[cli][demo]") {
    Workspace ws;
    const auto first = ws.json({"demo"});
    CHECK(first["cohort"] == "DEMO-KTM");
    CHECK(first["database"] == ws.db);
    CHECK(first["participants"] == 12);
    CHECK(first["sessions"] == 30);
    // Nothing in the default place (a hub's demo keeps its certificates in the installation's data folder).
    if (ws.db.rfind("postgresql://", 0) != 0) CHECK(!std::filesystem::exists(ws.dir / "xdg" / "mitra"));

    const auto cohort = ws.json({"cohort", "show", "DEMO-KTM"});
    CHECK(cohort["enrolled"].size() == 12);
    CHECK(cohort["trainers"] == nlohmann::json({"T-NP-01", "T-JP-01"}));
    const auto people = ws.json({"participant", "list", "--cohort", "DEMO-KTM"});
    REQUIRE(people.size() == 12);
    CHECK(people[4]["full_name"] == "\u0DC1\u0DCA\u200D\u0DBB\u0DD2\u0DBA\u0DCF\u0DB1\u0DD2");
    CHECK(ws.count("attendance") > 0);
    const auto completion = ws.json({"completion", "DEMO-KTM"});
    CHECK(completion.size() == 12);

    const auto before = ws.dump();
    const auto second = ws.json({"demo"});
    CHECK(second["participants"] == 12);
    CHECK(second["sessions"] == 30);
    CHECK(ws.dump() == before);
    CHECK(ws.json({"cohort", "list"}).size() == 3);
}

// What a new user meets in the demo: people at every stage (issue 15).
TEST_CASE("the demo has people at every stage: on track, not on track, complete, certified, due to renew",
          "[cli][demo]") {
    Workspace ws;
    const auto made = ws.json({"demo"});
    CHECK(made["finished_cohorts"] == nlohmann::json({"DEMO-BKK", "DEMO-CMB"}));
    std::map<std::string, int> statuses;
    for (const char* cohort : {"DEMO-KTM", "DEMO-BKK", "DEMO-CMB"})
        for (const auto& person : ws.json({"completion", cohort}))
            ++statuses[person["complete"].get<bool>()   ? "complete"
                       : person["on_track"].get<bool>() ? "on track"
                                                        : "not on track"];
    CHECK(statuses["on track"] > 0);
    CHECK(statuses["not on track"] >= 2);  // one under way, one who missed too much of a finished cohort
    CHECK(statuses["complete"] == 9);

    // Certified: Colombo's three certificates are valid and grant a certification; the fourth complete person's
    // practice was signed off after them, so they are complete and still waiting for theirs.
    std::map<std::string, std::string> serial_of;
    for (const auto& c : ws.json({"certificate", "list"})) serial_of[c["ref"]] = c["serial"];
    CHECK(serial_of.size() == 8);
    CHECK(serial_of.count("P-021") == 0);
    const auto p18 = ws.run({"certification", "show", "P-018"});
    CHECK(p18.out.find("valid") != std::string::npos);

    // Due to renew: Bangkok's five, within the next two months; one of them has the learning to renew now.
    const auto due = ws.json({"certification", "due"});
    REQUIRE(due.size() == 5);
    for (const auto& item : due) {
        CHECK(item["validity"] == "expiring");
        CHECK(item["days_left"].get<int>() > 0);
        CHECK(item["days_left"].get<int>() <= 60);
        CHECK(item["missing"].empty() == (item["ref"] == "P-013"));
    }

    // The certificates were written beside the database, signed by the demo's own key (nothing in the
    // installation's folder), and each verifies against the demo database.
    const auto folder = std::filesystem::path(made["certificates"].get<std::string>());
    if (ws.db.rfind("postgresql://", 0) == 0) {
        CHECK(folder == ws.dir / "xdg" / "mitra" / "demo-certificates");  // a hub has no folder of its own
    } else {
        CHECK(!std::filesystem::exists(ws.dir / "xdg" / "mitra"));
        CHECK(folder.parent_path() == std::filesystem::path(ws.db).parent_path());
    }
    const auto file = folder / "DEMO-CMB" / (serial_of["P-019"] + ".pdf");
    REQUIRE(std::filesystem::exists(file));
    CHECK(pdf_text(file).find("JuandelaCruz") != std::string::npos);
    const auto verdict = ws.json({"certificate", "verify", file.string()});
    CHECK(verdict["verdict"] == "genuine");
}

// The demo shows every part of the shipped curriculum's practice rules (issue 21), for the desktop program to open.
TEST_CASE(
    "the demo records what the practice rules ask: supervisors, supervision by format, observed assessments, "
    "agreements and the completion window",
    "[cli][demo][practice]") {
    using namespace mitra;
    Workspace ws;
    ws.ok({"demo"});
    const auto supervisors = ws.json({"supervisor", "list"});
    CHECK(supervisors.size() == 3);
    CHECK(ws.json({"supervisor", "show", "S-LK-01"})["credentials"].size() == 2);  // first award and refresher
    CHECK(ws.json({"supervisor", "show", "S-NP-01"})["kind"] == "trainer");

    auto db = store::Database::open(ws.db, "coordinator");
    store::PracticeRepo practice(*db);
    // Certified people supervised one-to-one and in groups.
    std::map<SupervisionFormat, int> minutes;
    for (const auto& e : practice.supervision("P-018")) minutes[e.format] += e.minutes;
    CHECK(minutes[SupervisionFormat::one_to_one] == 1440);
    CHECK(minutes[SupervisionFormat::group] == 960);

    // Asked to repeat M04 (listening at level 1), then met a week later.
    const auto p19 = practice.observations("P-019");
    REQUIRE(p19.size() == 3);
    CHECK(p19[0].module_code == "M04");
    CHECK(p19[0].ratings[1].criterion == "listening");
    CHECK(p19[0].ratings[1].level == 1);
    CHECK(p19[1].module_code == "M04");
    CHECK(p19[1].observed_on == add_days(p19[0].observed_on, 7));
    // M06 held back a week before its release; rated by a second rater who saw one criterion differently.
    const auto p20 = practice.observations("P-020");
    REQUIRE(p20.size() == 2);
    REQUIRE(p20[1].released_on);
    CHECK(*p20[1].released_on == add_days(p20[1].observed_on, 8));
    const auto p18 = practice.observations("P-018");
    REQUIRE(p18.size() == 2);
    CHECK(p18[1].second_rater == "S-LK-01");
    int differ = 0;
    for (const auto& r : p18[1].ratings) differ += r.level != r.second;
    CHECK(differ == 1);
    // In the cohort under way, P-001's first observed assessment is still held back.
    const auto p1 = practice.observations("P-001");
    REQUIRE(p1.size() == 1);
    CHECK_FALSE(p1[0].released_on);

    // Colombo's P-022 is near the end of their 18 months; Lalitpur's P-006 has an extended deadline.
    const auto near = ws.json({"cohort", "deadlines", "DEMO-CMB"});
    REQUIRE(near.size() == 1);
    CHECK(near[0]["ref"] == "P-022");
    CHECK(near[0]["standing"] == "near");
    // 560 days on, the others are past their 18 months; P-006's extension runs to 606 days on.
    const auto later = ws.json({"cohort", "deadlines", "DEMO-KTM", "--today", to_string(add_days(today_utc(), 560))});
    bool extended = false;
    for (const auto& item : later)
        if (item["ref"] == "P-006") extended = item["extended_by"] == "cli-test" && item["standing"] == "near";
    CHECK(extended);
    CHECK(later.size() > 1);
}
