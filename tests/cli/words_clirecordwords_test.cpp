// Issue 20: what mitra-cli says of records, certification readiness, trainers' levels and the audit history is
// worded in io, as the desktop program says it, in the language LANGUAGE asks for: a refused record (every fault),
// a certification asked for before it is ready, the trainers' levels, a history with the practice records.
#include <catch2/catch.hpp>

#include "cohort_setup.hpp"
#include "run_cli.hpp"

using namespace mitra::cli_test;

namespace {

// The test's own names and values printed back: the trainer's Latin name (Sita Rai) and the supervisors' names
// and credential (practice_records.hpp), the program's name.
const std::vector<std::string> kAllowed{"Sita",      "Rai",  "Practice", "supervisor", "Supervisor",
                                        "Certified", "Peer", "Dr",       "Lee",        "Mitra"};

std::string said(const Output& run) { return run.out + run.err; }

// `run` ended as `status` and said nothing in English.
void in_japanese(const Output& run, int status) {
    INFO(said(run));
    CHECK(run.status == status);
    CHECK(english_words(said(run), kAllowed) == std::vector<std::string>{});
}

}  // namespace

TEST_CASE("a refused record, certifying too soon, the trainers' levels and the history speak Japanese",
          "[cli][language][words][records]") {
    Workspace ws;
    set_up_cohort(ws);
    ws.environment = {"LANGUAGE=ja"};

    SECTION("an assessment and supervised practice refused for every fault at once") {
        // M01 has no assessment, nobody assessed, and the day is before the cohort started.
        const auto assessed = ws.run(
            {"assessment", "record", kCohort, "P-013", "M01", "--passed", "--assessor", " ", "--on", "2025-12-01"});
        in_japanese(assessed, 2);
        CHECK(contains(assessed.err, "M01"));
        CHECK(contains(assessed.err, "誰が評価したか"));
        CHECK(contains(assessed.err, "--on: "));
        // M01 has no supervised practice, nobody supervised, the day is to come and the sign-off before it.
        const auto logged = ws.run({"practicum", "log", kCohort, "P-013", "M01", "--minutes", "60", "--supervisor", " ",
                                    "--on", "2099-01-02", "--signed-off", "2099-01-01"});
        in_japanese(logged, 2);
        CHECK(contains(logged.err, "--signed-off"));
    }

    SECTION("certifying before the pathway is ready says what is still needed") {
        // P-002 has done everything but acknowledge the code of ethics.
        const auto refused = ws.run({"certification", "grant", "P-002", "--today", kToday});
        in_japanese(refused, 2);
        CHECK(contains(refused.err, "P-002"));
        CHECK(contains(refused.err, "2026.1"));
    }

    SECTION("the trainers' levels are words, their codes stay in --json") {
        ws.ok({"trainer", "add", "--ref", "T-NP-02", "--name", "ラマ", "--country", "NP", "--languages", "ne",
               "--qualified", "M01"});
        ws.ok({"trainer", "certify", "T-NP-02", "--level", "senior trainer", "--issued", "2026-01-10"});
        const auto listed = ws.run({"trainer", "list"});
        in_japanese(listed, 0);
        const auto levels = ws.json({"trainer", "list"});
        REQUIRE(levels.size() == 2);
        CHECK(levels[0]["level"] == "trainer");
        CHECK(levels[1]["level"] == "senior trainer");
        in_japanese(ws.run({"trainer", "show", "T-NP-02", "--today", kToday}), 0);
        in_japanese(ws.run({"trainer", "certify", "T-NP-02", "--level", "senior-trainer", "--issued", "2026-02-01"}),
                    0);
    }

    SECTION("a person's history with supervision logged, observed practice and attestations") {
        const auto history = ws.run({"audit", "--participant", "P-002"});
        in_japanese(history, 0);
        CHECK(!contains(history.out, "supervision log"));
        CHECK(!contains(history.out, "minutes"));
        const auto entries = ws.json({"audit", "--participant", "P-002"});
        bool supervision = false;
        for (const auto& e : entries) supervision = supervision || e["entity"] == "supervision";
        CHECK(supervision);
    }
}
