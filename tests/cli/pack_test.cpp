// mitra-cli pack export and pack merge: a cohort taken to the field in one file, marked there, and brought back.
#include <catch2/catch.hpp>

#include <filesystem>

#include "names.hpp"
#include "run_cli.hpp"

using namespace mitra::cli_test;
using nlohmann::json;

namespace {

const std::string kCohort = "KTM-2026-1";

void set_up_programme(const Workspace& ws) {
    ws.ok({"init"});
    ws.ok({"trainer", "add", "--ref", "T-NP-01", "--name", kSita, "--country", "NP", "--languages", "ne,en",
           "--qualified", "M01,M02,M03"});
    ws.ok({"participant", "import", ws.file("people.csv", people_csv())});
    ws.ok({"cohort", "create", "--code", kCohort, "--curriculum", "PSF", "--site", "Patan Community Centre",
           "--country", "NP", "--language", "ne", "--start", "2026-01-05", "--trainer", "T-NP-01"});
    ws.ok({"cohort", "enrol", kCohort, "P-001", "P-002", "P-003", "--on", "2026-01-01"});
    ws.ok({"session", "schedule", kCohort, "--every", "7", "--at", "10:00"});
}

std::string session_id(const Workspace& ws, const std::string& db, int n) {
    auto r = ws.run_bare({"--db", db, "--json", "session", "list", kCohort});
    REQUIRE(r.status == 0);
    return std::to_string(json::parse(r.out)[n]["id"].get<long long>());
}

Output in_field(const Workspace& ws, const std::string& pack, std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", pack});
    auto r = ws.run_bare(args);
    INFO("stderr: " << r.err);
    REQUIRE(r.status == 0);
    return r;
}

}  // namespace

TEST_CASE("a cohort goes to the field in a pack, is marked there, and every mark and conflict comes back",
          "[cli][pack]") {
    Workspace ws;
    set_up_programme(ws);
    ws.ok({"attendance", "mark", session_id(ws, ws.db, 0), "--everyone-present"});
    const auto pack = (ws.dir / "ktm.pack").string();
    const auto exported = ws.json({"pack", "export", kCohort, "--out", pack});
    CHECK(exported["participants"] == 3);
    CHECK(exported["sessions"] == 30);
    CHECK(exported["marks"] == 3);
    REQUIRE(std::filesystem::exists(pack));

    // In the field, offline: the pack is a database like any other.
    const auto completion = json::parse(in_field(ws, pack, {"--json", "completion", kCohort}).out);
    CHECK(completion.size() == 3);
    in_field(ws, pack,
             {"participant", "add", "--ref", "P-050", "--name", kMinhKhai, "--country", "VN", "--language", "vi"});
    in_field(ws, pack, {"cohort", "enrol", kCohort, "P-050", "--on", "2026-01-01"});
    in_field(ws, pack, {"attendance", "mark", session_id(ws, pack, 1), "--everyone-present", "--late", "P-002:100"});
    in_field(ws, pack, {"attendance", "mark", session_id(ws, pack, 0), "--absent", "P-003"});
    // Meanwhile at the hub, a little later, the same mark is changed otherwise.
    ws.ok({"attendance", "mark", session_id(ws, ws.db, 0), "--excused", "P-003"});

    const auto merged = ws.json({"pack", "merge", pack});
    CHECK(merged["changed"] == true);
    CHECK(merged["cohort"] == kCohort);
    CHECK(merged["entities"]["attendance"]["added"] == 4);
    CHECK(merged["entities"]["participants"]["added"] == 1);
    REQUIRE(merged["conflicts"].size() == 1);
    const auto& conflict = merged["conflicts"][0];
    CHECK(conflict["entity"] == "attendance");
    CHECK(conflict["what"] == "P-003 at M01 session of 2026-01-05");
    CHECK(conflict["kept"] == "hub");  // the hub's change was the later one
    CHECK(conflict["pack"]["value"].get<std::string>().find("absent") != std::string::npos);
    CHECK(conflict["hub"]["value"].get<std::string>().find("excused") != std::string::npos);

    const auto second_session = ws.json({"attendance", "list", session_id(ws, ws.db, 1)});
    CHECK(second_session.size() == 4);
    const auto people = ws.json({"participant", "list", "--cohort", kCohort});
    CHECK(people.size() == 4);

    SECTION("merging it again changes nothing and says so") {
        const auto before = ws.dump();
        const auto again = ws.ok({"pack", "merge", pack});
        CHECK(again.out.find("Nothing new") != std::string::npos);
        CHECK(ws.dump() == before);
    }
    SECTION("the text report names the conflict and where the other version went") {
        ws.ok({"attendance", "mark", session_id(ws, ws.db, 2), "--absent", "P-001"});
        in_field(ws, pack, {"attendance", "mark", session_id(ws, pack, 2), "--present", "P-001"});
        const auto text = ws.ok({"pack", "merge", pack}).out;
        CHECK(text.find("conflict: P-001 at M02 session of 2026-01-19 (attendance): kept the field's status=present") !=
              std::string::npos);
        CHECK(text.find("audit history") != std::string::npos);
    }
}

TEST_CASE("pack export and merge refuse what they cannot do, with status 2 and nothing changed", "[cli][pack]") {
    Workspace ws;
    set_up_programme(ws);
    const auto pack = (ws.dir / "ktm.pack").string();
    ws.ok({"pack", "export", kCohort, "--out", pack});
    const auto before = ws.dump();

    auto refused = ws.run({"pack", "export", kCohort, "--out", pack});
    CHECK(refused.status == 2);
    CHECK(refused.err.find("exists already") != std::string::npos);
    refused = ws.run({"pack", "export", "NO-SUCH", "--out", (ws.dir / "other.pack").string()});
    CHECK(refused.status == 2);
    CHECK(!std::filesystem::exists(ws.dir / "other.pack"));
    refused = ws.run({"pack", "merge", ws.file("marks.csv", "session,ref,status,minutes\n1,P-001,present,\n")});
    CHECK(refused.status == 2);
    CHECK(refused.err.find("not a field pack") != std::string::npos);
    refused = ws.run({"pack", "merge", (ws.dir / "nowhere.pack").string()});
    CHECK(refused.status == 2);
    CHECK(ws.dump() == before);
}

TEST_CASE("a pack takes the trainers' certifications to the field and brings co-facilitators and learning back",
          "[cli][pack]") {
    Workspace ws;
    ws.ok({"init"});
    for (const char* ref : {"T-NP-01", "T-NP-02"}) {
        ws.ok({"trainer", "add", "--ref", ref, "--name", kSita, "--country", "NP", "--languages", "ne,en",
               "--qualified", "M01,M02,M03"});
        ws.ok({"trainer", "certify", ref, "--level", "trainer", "--issued", "2025-06-01"});
    }
    ws.ok({"participant", "import", ws.file("people.csv", people_csv())});
    ws.ok({"cohort", "create", "--code", kCohort, "--curriculum", "PSF", "--site", "Patan Community Centre",
           "--country", "NP", "--language", "ne", "--start", "2026-01-05", "--trainer", "T-NP-01"});
    ws.ok({"cohort", "enrol", kCohort, "P-001", "P-002", "--on", "2026-01-01"});
    ws.ok({"session", "schedule", kCohort, "--every", "7", "--at", "10:00"});
    ws.ok({"session", "assign", session_id(ws, ws.db, 0), "--trainer", "T-NP-01", "--co-facilitator", "T-NP-02"});

    const auto pack = (ws.dir / "ktm.pack").string();
    const auto exported = ws.json({"pack", "export", kCohort, "--out", pack});
    CHECK(exported["trainers"] == 2);
    CHECK(exported["trainer_certifications"] == 2);
    CHECK(exported["learning_entries"] == 0);

    // In the field: the co-facilitator planned for the next session (the rule checked offline), and learning.
    in_field(ws, pack,
             {"session", "assign", session_id(ws, pack, 1), "--trainer", "T-NP-02", "--co-facilitator", "T-NP-01"});
    in_field(ws, pack,
             {"learning", "add", "P-001", "--title", "Ethics refresher", "--provider", "Peer network", "--date",
              "2026-01-10", "--hours", "3", "--category", "ethics"});

    const auto merged = ws.json({"pack", "merge", pack});
    CHECK(merged["conflicts"].empty());
    CHECK(merged["entities"]["sessions"]["changed"] == 1);
    CHECK(merged["entities"]["learning_entries"]["added"] == 1);
    CHECK(merged["not_merged"].empty());
    const auto sessions = ws.json({"session", "list", kCohort});
    CHECK(sessions[0]["co_facilitator"] == "T-NP-02");
    CHECK(sessions[1]["trainer"] == "T-NP-02");
    CHECK(sessions[1]["co_facilitator"] == "T-NP-01");
    const auto ledger = ws.json({"learning", "list", "P-001", "--today", "2026-02-01"});
    REQUIRE(ledger.size() == 1);
    CHECK(ledger[0]["category"] == "ethics");
    CHECK(!ws.json({"pack", "merge", pack})["changed"].get<bool>());

    // A trainer certified in the field is reported, not taken; the command line says where to record it.
    in_field(ws, pack, {"trainer", "certify", "T-NP-02", "--level", "trainer", "--issued", "2026-01-02"});
    const auto again = ws.json({"pack", "merge", pack});
    REQUIRE(again["not_merged"].size() == 1);
    CHECK(again["not_merged"][0] ==
          "1 trainer certification(s) recorded in the field: trainers are certified at the hub, so record them there "
          "(mitra-cli trainer certify)");
}
