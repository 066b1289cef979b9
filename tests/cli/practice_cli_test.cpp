// The supervised-practice and observed-assessment workflow through mitra-cli (issue 21): supervisors, supervision,
// an observed assessment held back and released, referees, attestations, a deadline extended; refusals change nothing.
#include <catch2/catch.hpp>

#include <cstdio>

#include "names.hpp"
#include "run_cli.hpp"

using namespace mitra;
using namespace mitra::cli_test;

namespace {

const std::string kCohort = "KTM-2026-1";

void set_up(const Workspace& ws) {
    ws.ok({"init"});
    // The shipped curriculum with issue 21's rules in use, in place of the shipped one (no cohort uses it yet).
    ws.ok({"curriculum", "import", std::string(MITRA_SOURCE_DIR) + "/tests/data/psf-practice.toml"});
    ws.ok({"participant", "import", ws.file("people.csv", people_csv())});
    ws.ok({"cohort", "create", "--code", kCohort, "--curriculum", "PSF", "--site", "Patan", "--country", "NP",
           "--language", "ne", "--start", "2026-01-05"});
    ws.ok({"cohort", "enrol", kCohort, "P-001", "P-002", "--on", "2026-01-01"});
    ws.ok({"supervisor", "add", "S-1", "--name", "Outside supervisor", "--credential", "Certified Peer Supervisor",
           "--valid-from", "2024-04-01", "--expires", "2026-03-31"});
}

std::string reason_of(const nlohmann::json& completion, const std::string& ref, const std::string& module) {
    for (const auto& p : completion)
        if (p["ref"] == ref)
            for (const auto& m : p["modules"])
                if (m["code"] == module) return m["reason"].get<std::string>();
    return "(none)";
}

}  // namespace

TEST_CASE("a coordinator records supervision, an observed assessment, referees and an extension with mitra-cli",
          "[cli][practice]") {
    Workspace ws;
    set_up(ws);
    const auto supervisors = ws.json({"supervisor", "list"});
    REQUIRE(supervisors.size() == 1);
    CHECK(supervisors[0]["credentials"][0]["expires_on"] == "2026-03-31");
    CHECK(ws.json({"supervisor", "show", "S-1"})["kind"] == "outside_professional");

    ws.ok({"supervision", "log", kCohort, "P-001", "M10", "--supervisor", "S-1", "--format", "one_to_one", "--minutes",
           "1200", "--on", "2026-03-31", "--note", "reviewed two calls"});
    ws.ok({"supervision", "log", kCohort, "P-001", "M10", "--supervisor", "S-1", "--format", "group", "--minutes",
           "600", "--on", "2026-04-01"});
    const auto completion = ws.json({"completion", kCohort, "--today", "2026-06-30"});
    CHECK(reason_of(completion, "P-001", "M10")
              .find("600 minutes with supervisor S-1 do not count: no valid "
                    "credential on 2026-04-01") != std::string::npos);

    const auto observed = ws.json(
        {"assessment",     "observe", kCohort,         "P-001",     "M04",           "--rater",    "T-1",
         "--second-rater", "S-1",     "--method",      "role_play", "--on",          "2026-03-02", "--level",
         "following=3/3",  "--level", "listening=2/1", "--level",   "reflecting=NO", "--level",    "uncertainty=2/2"});
    CHECK(observed["released"] == false);
    CHECK(reason_of(ws.json({"completion", kCohort, "--today", "2026-06-30"}), "P-001", "M04")
              .find("criterion 2, Listening without advice: level 1, needs 2") != std::string::npos);
    CHECK(ws.json({"assessment", "release", kCohort, "P-001", "M04", "--on", "2026-03-03"})["released"] == 1);

    ws.ok({"referee", "add", "P-001", "--referee", "R-1", "--on", "2026-02-01"});
    ws.ok({"attest", "P-001", "lived_experience", "--signed", "--on", "2026-01-10"});

    // 18 months from 2026-01-01: 2027-07-01.
    auto deadlines = ws.json({"cohort", "deadlines", kCohort, "--today", "2027-08-01"});
    REQUIRE(deadlines.size() == 2);
    CHECK(deadlines[0]["standing"] == "passed");
    ws.ok({"deadline", "extend", kCohort, "P-001", "--until", "2027-12-31", "--reason", "a long illness"});
    deadlines = ws.json({"cohort", "deadlines", kCohort, "--today", "2027-08-01"});
    CHECK(deadlines[0]["ref"] == "P-001");
    CHECK(deadlines[0]["deadline"] == "2027-12-31");
    CHECK(deadlines[0]["standing"] == "open");
    CHECK(deadlines[0]["extended_by"] == "cli-test");
    CHECK(deadlines[1]["standing"] == "passed");
}

TEST_CASE("practice commands refuse bad input naming the field, and change nothing", "[cli][practice]") {
    Workspace ws;
    set_up(ws);
    auto refused = [&](const std::vector<std::string>& args, const std::string& words) {
        INFO(args[0] << " " << args[1]);
        const auto before = ws.dump();
        const auto result = ws.run(args);
        CHECK(result.status == 2);
        CHECK(result.err.find(words) != std::string::npos);
        CHECK(ws.dump() == before);
    };
    refused(
        {"supervision", "log", kCohort, "P-001", "M10", "--supervisor", "S-9", "--format", "group", "--minutes", "60"},
        "supervisor");
    refused(
        {"supervision", "log", kCohort, "P-001", "M10", "--supervisor", "S-1", "--format", "pair", "--minutes", "60"},
        "--format");
    refused({"assessment", "observe", kCohort, "P-001", "M04", "--rater", "T-1", "--level", "following=5"}, "--level");
    refused({"assessment", "observe", kCohort, "P-001", "M04", "--rater", "T-1", "--level", "following=2"},
            "criterion listening is not rated");
    refused({"deadline", "extend", kCohort, "P-001", "--until", "2027-01-01", "--reason", "too early"}, "deadline");
    refused({"attest", "P-001", "diagnosis", "--signed"}, "kind");
}

namespace {

// mitra-cli on the field's pack instead of the workspace's database.
Output in_field(const Workspace& ws, const std::string& pack, std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", pack});
    auto r = ws.run_bare(args);
    INFO("stderr: " << r.err);
    REQUIRE(r.status == 0);
    return r;
}

std::string pdf_text(const std::string& file) {
    std::string out;
    if (FILE* p = popen(("pdftotext '" + file + "' -").c_str(), "r")) {
        char buffer[4096];
        for (std::size_t n; (n = fread(buffer, 1, sizeof buffer, p)) > 0;) out.append(buffer, n);
        pclose(p);
    }
    return out;
}

}  // namespace

TEST_CASE("supervision and an observed assessment go to the field in a pack, come back, and the report counts them",
          "[cli][practice][pack][report]") {
    Workspace ws;
    set_up(ws);
    ws.ok({"supervision", "log", kCohort, "P-001", "M10", "--supervisor", "S-1", "--format", "one_to_one", "--minutes",
           "600", "--on", "2026-02-10"});
    ws.ok({"assessment", "observe", kCohort, "P-001", "M04", "--rater", "T-1", "--method", "role_play", "--on",
           "2026-03-02", "--level", "following=3", "--level", "listening=3", "--level", "reflecting=2", "--level",
           "uncertainty=2"});
    const auto pack = (ws.dir / "ktm.pack").string();
    const auto exported = ws.json({"pack", "export", kCohort, "--out", pack});
    CHECK(exported["supervisors"] == 1);
    CHECK(exported["practice_records"] == 2);

    // In the field: the result released, more supervision logged.
    in_field(ws, pack, {"assessment", "release", kCohort, "P-001", "M04", "--on", "2026-03-03"});
    in_field(ws, pack,
             {"supervision", "log", kCohort, "P-002", "M10", "--supervisor", "S-1", "--format", "group", "--minutes",
              "120", "--on", "2026-02-11"});
    const auto in_the_field =
        nlohmann::json::parse(in_field(ws, pack, {"--json", "completion", kCohort, "--today", "2026-06-30"}).out);

    const auto merged = ws.json({"pack", "merge", pack});
    CHECK(merged["conflicts"].empty());
    CHECK(merged["entities"]["supervision_entries"]["added"] == 1);
    CHECK(merged["entities"]["observed_assessments"]["changed"] == 1);
    CHECK(ws.json({"completion", kCohort, "--today", "2026-06-30"}) == in_the_field);

    const auto pdf = (ws.dir / "report.pdf").string();
    const auto report = ws.json({"report", "--from", "2026-01-01", "--to", "2027-12-31", "--out", pdf});
    REQUIRE(report["practice"].size() == 1);
    const auto& nepal = report["practice"][0];
    CHECK(nepal["code"] == "NP");
    CHECK(nepal["observed practice met"] == "<5");
    CHECK(nepal["result not yet released"] == "0");
    CHECK(nepal["supervision hours, one-to-one"] == "suppressed");  // two people
    CHECK(nepal["past their deadline"] == "<5");
    const auto text = pdf_text(pdf);
    CHECK(text.find("Supervised practice and observed assessment, by country") != std::string::npos);
    CHECK(text.find("P-001") == std::string::npos);
}
