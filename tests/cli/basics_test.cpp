// mitra-cli's help and its demo programme.
#include <catch2/catch.hpp>

#include "run_cli.hpp"

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
    CHECK(!std::filesystem::exists(ws.dir / "xdg" / "mitra"));  // nothing in the default place

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
    CHECK(ws.json({"cohort", "list"}).size() == 1);
}
