// The regional hub: many trainers marking one cohort at once through real mitra-cli processes, a coordinator
// overriding meanwhile, and (on PostgreSQL) roles that may mark but not change the schema.
#include <catch2/catch.hpp>

#include <thread>

#include "names.hpp"
#include "run_cli.hpp"
#include "test_backend.hpp"

using namespace mitra::cli_test;
using nlohmann::json;

namespace {

const std::string kCohort = "HUB-2026-1";
constexpr int kWriters = 6, kPeoplePerWriter = 4, kSessions = 5;

std::string ref_of(int n) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "P-%02d", n);
    return buffer;
}

void set_up_cohort(const Workspace& ws) {
    ws.ok({"init"});
    ws.ok({"trainer", "add", "--ref", "T-1", "--name", kSita, "--country", "NP", "--languages", "ne", "--qualified",
           "M01,M02"});
    std::string csv = kPeopleHeader;
    for (int n = 1; n <= kWriters * kPeoplePerWriter; ++n)
        csv += ref_of(n) + "," + kYamada + " " + std::to_string(n) + ",,JP,ja,\n";
    ws.ok({"participant", "import", ws.file("people.csv", csv)});
    std::vector<std::string> enrol{"cohort", "enrol", kCohort, "--on", "2026-01-01"};
    for (int n = 1; n <= kWriters * kPeoplePerWriter; ++n) enrol.push_back(ref_of(n));
    ws.ok({"cohort", "create", "--code", kCohort, "--curriculum", "PSF", "--site", "Hub", "--country", "NP",
           "--language", "ne", "--start", "2026-01-05", "--trainer", "T-1"});
    ws.ok(enrol);
    ws.ok({"session", "schedule", kCohort, "--every", "7", "--at", "10:00"});
}

}  // namespace

TEST_CASE("trainers marking one cohort at the same moment, and a coordinator overriding meanwhile, lose nothing",
          "[cli][hub]") {
    Workspace ws;
    set_up_cohort(ws);
    const auto sessions = ws.json({"session", "list", kCohort});
    REQUIRE(sessions.size() >= kSessions);

    // Each trainer marks their own people at the same five sessions as all the others, at the same time.
    std::vector<std::vector<Output>> results(kWriters + 1);
    std::vector<std::thread> threads;
    for (int w = 0; w < kWriters; ++w)
        threads.emplace_back([&, w] {
            for (int s = 0; s < kSessions; ++s) {
                std::vector<std::string> args{"attendance", "mark", std::to_string(sessions[s]["id"].get<long long>())};
                std::string present, late;
                for (int k = 1; k <= kPeoplePerWriter; ++k) {
                    const std::string ref = ref_of(w * kPeoplePerWriter + k);
                    if (k == 1) late = ref + ":" + std::to_string(30 + s);
                    else present += (present.empty() ? "" : ",") + ref;
                }
                args.insert(args.end(), {"--present", present, "--late", late});
                results[w].push_back(ws.run(args));
            }
        });
    threads.emplace_back([&] {
        for (int n = 1; n <= kWriters; ++n)
            results[kWriters].push_back(ws.run({"completion", "override", kCohort, ref_of(n), "M02", "--complete",
                                                "--reason", "took M02 at the regional hub in 2025"}));
    });
    for (auto& t : threads) t.join();

    for (const auto& runs : results)
        for (const auto& r : runs) {
            INFO("stderr: " << r.err);
            CHECK(r.status == 0);
            CHECK(r.err.empty());
        }
    // Every mark is there, once, as marked, and each one is in the history.
    CHECK(ws.count("attendance") == kWriters * kPeoplePerWriter * kSessions);
    CHECK(ws.count("completion_overrides") == kWriters);
    for (int s = 0; s < kSessions; ++s) {
        const auto marks = ws.json({"attendance", "list", std::to_string(sessions[s]["id"].get<long long>())});
        REQUIRE(marks.size() == kWriters * kPeoplePerWriter);
        int late = 0;
        for (const auto& m : marks) late += m["status"] == "late" && m["minutes"] == 30 + s;
        CHECK(late == kWriters);
    }
    const auto dump = ws.dump();
    std::size_t audited = 0;
    for (std::size_t at = dump.find("'attendance'|"); at != std::string::npos; at = dump.find("'attendance'|", at + 1))
        ++audited;
    CHECK(audited == static_cast<std::size_t>(kWriters * kPeoplePerWriter * kSessions));
}

TEST_CASE("two trainers changing the same mark at once both succeed, the last one stands and both are in the history",
          "[cli][hub]") {
    Workspace ws;
    set_up_cohort(ws);
    const auto first = std::to_string(ws.json({"session", "list", kCohort})[0]["id"].get<long long>());
    std::vector<Output> results(8);
    std::vector<std::thread> threads;
    for (int i = 0; i < 8; ++i)
        threads.emplace_back([&, i] {
            results[i] = ws.run({"attendance", "mark", first, i % 2 ? "--absent" : "--excused", "P-01"});
        });
    for (auto& t : threads) t.join();
    for (const auto& r : results) {
        INFO("stderr: " << r.err);
        CHECK(r.status == 0);
    }
    CHECK(ws.count("attendance") == 1);
    const auto dump = ws.dump();
    std::size_t audited = 0;
    for (std::size_t at = dump.find("'attendance'|"); at != std::string::npos; at = dump.find("'attendance'|", at + 1))
        ++audited;
    CHECK(audited >= 2);  // the first mark and at least one change; repeats of the same status change nothing
}

TEST_CASE("on the hub a trainer's role marks attendance but cannot change the schema, which the coordinator owns",
          "[cli][hub][postgresql]") {
    namespace tb = mitra::test_backend;
    if (!tb::postgresql()) return;  // roles are PostgreSQL's; CTest runs this in the postgresql run only
    Workspace ws;
    // The roles and grants of the README's "Setting up a hub", with names of this test's own.
    const std::string schema = ws.db.substr(ws.db.rfind("%3D") + 3);
    const std::string coordinator = "coord_" + schema, trainers = "trainers_" + schema, sita = "sita_" + schema;
    tb::admin_execute("CREATE ROLE " + coordinator + " LOGIN");
    tb::admin_execute("CREATE ROLE " + trainers + " NOLOGIN");
    tb::admin_execute("CREATE ROLE " + sita + " LOGIN IN ROLE " + trainers);
    tb::admin_execute("ALTER SCHEMA " + schema + " OWNER TO " + coordinator);
    struct DropRoles {
        std::vector<std::string> roles;
        ~DropRoles() {
            for (const auto& r : roles) try {
                    mitra::test_backend::admin_execute("DROP OWNED BY " + r + " CASCADE");
                    mitra::test_backend::admin_execute("DROP ROLE " + r);
                } catch (...) {}
        }
    } drop{{sita, trainers, coordinator}};

    const std::string as_coordinator = ws.db + "&user=" + coordinator, as_sita = ws.db + "&user=" + sita;
    auto run_as = [&](const std::string& url, std::vector<std::string> args) {
        args.insert(args.begin(), {"--db", url});
        return ws.run_bare(args);
    };
    auto ok_as = [&](const std::string& url, const std::vector<std::string>& args) {
        auto r = run_as(url, args);
        INFO("stderr: " << r.err);
        REQUIRE(r.status == 0);
        return r;
    };
    ok_as(as_coordinator, {"init"});
    const std::string grants = "GRANT USAGE ON SCHEMA " + schema + " TO " + trainers +
                               "; "
                               "GRANT SELECT ON ALL TABLES IN SCHEMA " +
                               schema + " TO " + trainers +
                               "; "
                               "GRANT INSERT, UPDATE, DELETE ON " +
                               schema + ".participants, " + schema + ".enrolments, " + schema + ".sessions, " + schema +
                               ".attendance, " + schema + ".assessments, " + schema + ".practicum_logs, " + schema +
                               ".ethics_acknowledgements TO " + trainers +
                               "; "
                               "GRANT INSERT ON " +
                               schema + ".audit_log TO " + trainers +
                               "; "
                               "GRANT USAGE ON ALL SEQUENCES IN SCHEMA " +
                               schema + " TO " + trainers;
    tb::admin_execute("SET ROLE " + coordinator + "; " + grants);

    ok_as(as_coordinator, {"trainer", "add", "--ref", "T-1", "--name", kSita, "--country", "NP", "--languages", "ne"});
    ok_as(as_coordinator, {"participant", "import", ws.file("people.csv", people_csv())});
    ok_as(as_coordinator, {"cohort", "create", "--code", kCohort, "--curriculum", "PSF", "--site", "Hub", "--country",
                           "NP", "--language", "ne", "--start", "2026-01-05", "--trainer", "T-1"});
    ok_as(as_coordinator, {"cohort", "enrol", kCohort, "P-001", "P-002", "--on", "2026-01-01"});
    ok_as(as_sita, {"session", "schedule", kCohort, "--every", "7", "--at", "10:00"});
    const auto first = ok_as(as_sita, {"--json", "session", "list", kCohort});
    const auto id = std::to_string(json::parse(first.out)[0]["id"].get<long long>());
    ok_as(as_sita, {"attendance", "mark", id, "--everyone-present"});
    CHECK(ws.count("attendance") == 2);

    SECTION("what a trainer may not do is refused with a clear message, and nothing changes") {
        const auto before = ws.dump();
        const auto override = run_as(as_sita, {"completion", "override", kCohort, "P-001", "M01", "--complete",
                                               "--reason", "a trainer may not decide this"});
        CHECK(override.status == 1);
        CHECK(override.err.find("permission denied") != std::string::npos);
        CHECK(override.err.find("nothing was changed") != std::string::npos);
        CHECK(ws.dump() == before);
    }
    SECTION("a trainer's role cannot migrate the schema: the coordinator is asked to") {
        tb::admin_execute("DELETE FROM " + schema + ".schema_migrations WHERE version = (SELECT MAX(version) FROM " +
                          schema + ".schema_migrations)");
        const auto refused = run_as(as_sita, {"cohort", "list"});
        CHECK(refused.status == 1);
        CHECK(refused.err.find(") may not change the schema; ask the coordinator, who owns it, to run `mitra-cli --db "
                               "URL init` with this version of Mitra\n") != std::string::npos);
        CHECK(refused.err.find("nothing was changed") == std::string::npos);
    }
}
