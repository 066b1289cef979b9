// mitra-cli certification, learning and trainer certify, end to end.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/serial.hpp"
#include "core/signature.hpp"
#include "damage.hpp"
#include "run_cli.hpp"

namespace mitra {
std::string find_payload(std::string_view text);  // the tests' byte search (certificate_test.cpp)
}

using namespace mitra::cli_test;
using nlohmann::json;

namespace {

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

const char* kModules[] = {"M01", "M02", "M03", "M04", "M05", "M06", "M07", "M08", "M09", "M10"};

// P-1 complete in cohort NP-1 (by a coordinator's decisions) and given the completion certificate on
// 31 March 2026, which certifies them PSC until 30 March 2028. Returns its serial.
std::string certified(const Workspace& ws) {
    ws.ok({"init"});
    ws.ok({"participant", "add", "--ref", "P-1", "--name", "सीता राई", "--country", "NP", "--language", "ne"});
    ws.ok({"cohort", "create", "--code", "NP-1", "--curriculum", "PSF", "--site", "Patan", "--country", "NP",
           "--language", "en", "--start", "2026-01-05"});
    ws.ok({"cohort", "enrol", "NP-1", "P-1", "--on", "2026-01-01"});
    for (const char* m : kModules)
        ws.ok({"completion", "override", "NP-1", "P-1", m, "--complete", "--reason", "recognised prior learning"});
    ws.ok({"ethics", "acknowledge", "P-1", "--version", "2026.1", "--on", "2026-01-05"});
    for (const char* kind : {"supervision_agreement", "lived_experience"})
        ws.ok({"attest", "P-1", kind, "--signed", "--on", "2026-01-05"});
    ws.ok({"key", "new", "--key", (ws.dir / "key").string()});  // a key given with --key is never made unasked
    const auto issued =
        ws.json({"certificate", "issue", "NP-1", "--out", (ws.dir / "certs").string(), "--key",
                 (ws.dir / "key").string(), "--today", "2026-03-31", "--verify-url", "https://verify.example.org/"});
    REQUIRE(issued["certificates"].size() == 1);
    return issued["certificates"][0]["serial"];
}

void learn(const Workspace& ws, const std::string& date, const std::string& hours, const std::string& category) {
    ws.ok({"learning", "add", "P-1", "--title", "Regional " + category + " day", "--provider", "Peer network", "--date",
           date, "--hours", hours, "--category", category, "--evidence", "attendance letter"});
}

// certified(), then enough learning by 10 June 2026 to renew (33 hours elective, 3 ethics). Returns the serial.
std::string ready_to_renew(const Workspace& ws) {
    const std::string first = certified(ws);
    learn(ws, "2026-05-10", "33", "elective");
    learn(ws, "2026-06-10", "3", "ethics");
    return first;
}

}  // namespace

TEST_CASE("a coordinator sees who must renew and why, records learning, and renews with a linked certificate",
          "[cli][certification]") {
    Workspace ws;
    const std::string first = certified(ws);

    const auto shown = ws.json({"certification", "show", "P-1", "--today", "2026-06-01"});
    REQUIRE(shown["pathways"].size() == 1);
    const auto& path = shown["pathways"][0];
    CHECK(path["code"] == "PSC");
    CHECK(path["ready"] == true);
    CHECK(path["standing"] == "valid");
    CHECK(path["current"]["serial"] == first);
    CHECK(path["current"]["expires"] == "2028-03-30");
    for (const auto& q : path["requirements"]) CHECK(q["done"] == true);
    CHECK(shown["history"].size() == 1);

    // Due: within 90 days of 15 January 2028, with what is missing; not within 30 days.
    const auto due = ws.json({"certification", "due", "--within", "90d", "--today", "2028-01-15"});
    REQUIRE(due.size() == 1);
    CHECK(due[0]["ref"] == "P-1");
    CHECK(due[0]["full_name"] == "सीता राई");
    CHECK(due[0]["serial"] == first);
    CHECK(due[0]["expires"] == "2028-03-30");
    CHECK(due[0]["validity"] == "expiring");
    CHECK(due[0]["missing"] == json::array({"in total: 0 hours of 36 hours", "ethics: 0 hours of 3 hours"}));
    CHECK(ws.json({"certification", "due", "--within", "30d", "--today", "2028-01-15"}).empty());
    CHECK(contains(ws.ok({"certification", "due", "--today", "2028-01-15"}).out, "ethics: 0 hours of 3 hours"));

    learn(ws, "2026-05-10", "31", "elective");
    learn(ws, "2026-06-10", "2", "ethics");
    learn(ws, "2026-07-10", "2", "peer_practice");

    SECTION("an ethics hour short: refused with what is missing, exit 2, nothing changed") {
        const auto before = ws.dump();
        const auto refused = ws.run(
            {"--json", "certification", "renew", "P-1", "--key", (ws.dir / "key").string(), "--today", "2026-10-01"});
        CHECK(refused.status == 2);
        CHECK(refused.err_lines() == 2);
        CHECK(contains(refused.err, "P-1 cannot renew PSC yet: in total: 35 hours of 36 hours\n"));
        CHECK(contains(refused.err, "P-1 cannot renew PSC yet: ethics: 2 hours of 3 hours (nothing was changed)\n"));
        const auto j = json::parse(refused.out);
        CHECK(j["renewed"] == false);
        CHECK(j["missing"].size() == 2);
        CHECK(ws.dump() == before);
    }
    SECTION("exactly the minimum: renewed, a new serial linked to the previous, the old one superseded") {
        learn(ws, "2026-10-01", "1", "ethics");
        const auto ledger = ws.json({"learning", "list", "P-1", "--today", "2026-10-01"});
        REQUIRE(ledger.size() == 4);
        CHECK(ledger[0]["source"] == "external");
        CHECK(ledger[3]["minutes"] == 60);

        const auto renewed = ws.json({"certification", "renew", "P-1", "--key", (ws.dir / "key").string(), "--today",
                                      "2026-10-01", "--out", (ws.dir / "renewed").string()});
        const std::string serial = renewed["serial"];
        CHECK(serial != first);
        CHECK(mitra::is_valid_serial(serial));
        CHECK(renewed["previous_serial"] == first);
        CHECK(renewed["valid_from"] == "2028-03-31");
        CHECK(renewed["expires"] == "2030-03-30");
        CHECK(std::filesystem::file_size(renewed["file"].get<std::string>()) > 1000);

        const auto history = ws.json({"certification", "show", "P-1", "--today", "2026-10-02"})["history"];
        REQUIRE(history.size() == 2);
        CHECK(history[0]["serial"] == serial);
        CHECK(history[1]["status"] == "superseded");
        CHECK(history[1]["renewed_by"] == serial);

        const auto verified = ws.json({"certificate", "verify", serial, "--today", "2026-10-02"});
        CHECK(verified["valid"] == true);
        CHECK(verified["certification"] == "PSC");
        CHECK(verified["previous_serial"] == first);
        CHECK(verified["kind"] == "certification:PSC");
    }
    SECTION("an expired certification verifies as EXPIRED, with its dates") {
        CHECK(ws.json({"certificate", "verify", first, "--today", "2028-03-30"})["valid"] == true);  // its last day
        const auto expired = ws.run({"certificate", "verify", first, "--today", "2028-03-31"});
        CHECK(expired.status != 0);
        CHECK(contains(expired.out, "EXPIRED: " + first));
        CHECK(contains(expired.out, "issued 2026-03-31"));
        CHECK(contains(expired.out, "expired on 2028-03-30"));
        const auto j = json::parse(ws.run({"--json", "certificate", "verify", first, "--today", "2028-03-31"}).out);
        CHECK(j["valid"] == false);
        CHECK(j["genuine"] == true);
        CHECK(j["expired"] == true);
        CHECK(j["expires_on"] == "2028-03-30");
    }
    SECTION("bad input is refused with exit 2") {
        const auto before = ws.dump();
        CHECK(ws.run({"certification", "due", "--within", "soon"}).status == 2);
        CHECK(ws.run({"learning", "add", "P-1", "--title", "x", "--provider", "y", "--date", "2026-13-01", "--hours",
                      "1", "--category", "ethics"})
                  .status == 2);
        const auto zero = ws.run({"learning", "add", "P-1", "--title", "x", "--provider", "y", "--date", "2026-05-01",
                                  "--hours", "0", "--category", "ethics"});
        CHECK(zero.status == 2);
        CHECK(contains(zero.err, "--hours"));
        const auto nobody = ws.run({"learning", "add", "P-404", "--title", "x", "--provider", "y", "--date",
                                    "2026-05-01", "--hours", "1", "--category", "ethics"});
        CHECK(nobody.status == 2);
        CHECK(contains(nobody.err, "no participant has ref P-404 (nothing was changed)"));
        CHECK(ws.dump() == before);
    }
}

TEST_CASE("sessions take only trainers qualified and certified on the day, and a co-facilitator under the same rule",
          "[cli][certification][trainer]") {
    Workspace ws;
    certified(ws);
    ws.ok({"trainer", "add", "--ref", "T-1", "--name", "Sita", "--country", "NP", "--languages", "ne", "--qualified",
           "M01"});
    ws.ok({"trainer", "add", "--ref", "T-2", "--name", "Misaki", "--country", "JP", "--languages", "ja", "--qualified",
           "M01,M02"});
    const auto before = ws.dump();
    const std::vector<std::string> add{"session", "add",    "--cohort",   "NP-1",      "--module",
                                       "M01",     "--date", "2026-02-02", "--trainer", "T-1"};

    auto refused = ws.run(add);
    CHECK(refused.status == 2);
    CHECK(refused.err ==
          "mitra-cli: trainer: T-1 cannot teach M01 on 2026-02-02: holds no trainer certification "
          "(mitra-cli trainer certify) (nothing was changed)\n");
    // The store gives the reason; the command line adds its advice, as it did when the store named the command.
    CHECK(ws.run({"trainer", "renew", "T-1"}).err ==
          "mitra-cli: trainer: T-1 holds no trainer certification to renew (mitra-cli trainer certify) (nothing was "
          "changed)\n");
    ws.ok({"trainer", "certify", "T-1", "--level", "trainer", "--issued", "2024-01-01", "--months", "24"});
    refused = ws.run(add);
    CHECK(refused.status == 2);
    CHECK(contains(refused.err, "trainer certification expired on 2025-12-31"));
    auto unqualified = add;
    unqualified[5] = "M02";
    CHECK(contains(ws.run(unqualified).err, "not qualified to teach M02"));

    const auto certified_again = ws.json({"trainer", "certify", "T-1", "--level", "trainer", "--issued", "2026-01-01"});
    CHECK(certified_again["expires"] == "2027-12-31");
    const auto session = ws.json(add);
    CHECK(session["trainer"] == "T-1");

    auto with_co = add;
    with_co.insert(with_co.end(), {"--co-facilitator", "T-2"});
    refused = ws.run(with_co);
    CHECK(refused.status == 2);
    CHECK(contains(refused.err, "co-facilitator: T-2 cannot teach M01"));
    ws.ok({"trainer", "certify", "T-2", "--level", "senior trainer", "--issued", "2025-06-01", "--months", "36"});
    const auto both = ws.json(with_co);
    CHECK(both["trainer"] == "T-1");
    CHECK(both["co_facilitator"] == "T-2");
    CHECK(ws.json({"session", "list", "NP-1"}).back()["co_facilitator"] == "T-2");

    const auto standing = ws.json({"trainer", "show", "T-2", "--today", "2026-03-01"});
    CHECK(standing["standing"] == "valid");
    CHECK(standing["certifications"].size() == 1);
    CHECK(standing["teaching"]["sessions"] == 1);
    CHECK(standing["teaching"]["cohorts"] == json::array({"NP-1"}));
    CHECK(ws.dump() != before);
}

TEST_CASE("offline, a renewal's certificate says until when it is valid and EXPIRED after, and older ones still verify",
          "[cli][certification]") {
    Workspace ws;
    const std::string first = ready_to_renew(ws);
    const auto renewed = ws.json({"certification", "renew", "P-1", "--key", (ws.dir / "key").string(), "--today",
                                  "2026-10-01", "--out", (ws.dir / "renewed").string()});
    REQUIRE(renewed["expires"] == "2030-03-30");
    const std::string payload = mitra::find_payload(read_file(renewed["file"].get<std::string>()));
    REQUIRE(!payload.empty());
    const auto public_key = (ws.dir / "public.key").string();
    ws.ok({"key", "export", "--key", (ws.dir / "key").string(), "--out", public_key});
    // No database at all: only the public key and the code.
    const auto nowhere = (ws.dir / "nowhere" / "mitra.db").string();
    const auto offline = [&](const std::string& code, const std::string& today) {
        return ws.run_bare(
            {"--db", nowhere, "certificate", "verify", "--public-key", public_key, "--qr", code, "--today", today});
    };

    const auto last_day = offline(payload, "2030-03-30");
    INFO(last_day.out << last_day.err);
    CHECK(last_day.status == 0);
    CHECK(contains(last_day.out, "GENUINE: " + renewed["serial"].get<std::string>()));
    CHECK(contains(last_day.out, "valid until 2030-03-30"));
    const auto next_day = offline(payload, "2030-03-31");
    CHECK(next_day.status != 0);
    CHECK(contains(next_day.out, "EXPIRED: "));
    CHECK(contains(next_day.out, "expired on 2030-03-30"));
    const auto as_json = json::parse(ws.run_bare({"--db", nowhere, "--json", "certificate", "verify", "--public-key",
                                                  public_key, "--qr", payload, "--today", "2030-03-31"})
                                         .out);
    CHECK(as_json["expired"] == true);
    CHECK(as_json["expires_on"] == "2030-03-30");
    CHECK(as_json["genuine"] == true);

    // The completion certificate carries the last day of the certification it granted (the one renewed since), so
    // offline it is genuine within it and expired after.
    const std::string completion = mitra::find_payload(read_file((ws.dir / "certs" / (first + ".pdf")).string()));
    REQUIRE(!completion.empty());
    const auto within = offline(completion, "2027-01-01");
    INFO(within.out << within.err);
    CHECK(within.status == 0);
    CHECK(contains(within.out, "GENUINE: " + first));
    CHECK(contains(within.out, "valid until "));
    const auto older = offline(completion, "2031-01-01");
    CHECK(older.status != 0);
    CHECK(contains(older.out, "EXPIRED: " + first));
    CHECK_FALSE(std::filesystem::exists(ws.dir / "nowhere"));
}

TEST_CASE("a renewal is printed before it is recorded: one that cannot be printed changes nothing and leaves no file",
          "[cli][certification][renew]") {
    Workspace ws;
    const std::string first = ready_to_renew(ws);
    const std::filesystem::path out = ws.dir / "renewed";
    const std::string key = (ws.dir / "key").string();
    const auto renew = [&](const std::vector<std::string>& more) {
        std::vector<std::string> args{"certification", "renew", "P-1", "--key", key, "--today", "2026-10-01"};
        args.insert(args.end(), more.begin(), more.end());
        return ws.run(args);
    };
    const auto nothing_renewed = [&](const std::string& before) {
        CHECK(ws.dump() == before);  // no serial, no new certification, no history
        CHECK(ws.json({"certification", "show", "P-1", "--today", "2026-10-02"})["history"].size() == 1);
        CHECK(ws.json({"certificate", "list"}).size() == 1);
        CHECK((!std::filesystem::exists(out) || std::filesystem::is_empty(out)));
    };

    SECTION("a template image the PDF library cannot read") {
        const auto before = ws.dump();
        const auto dir = ws.dir / "tmpl";
        std::filesystem::create_directories(dir);
        { std::ofstream(dir / "seal.png", std::ios::binary) << mitra::cli_test::png_without_pixels(); }
        const std::string shipped =
            read_file((std::filesystem::path(MITRA_SOURCE_DIR) / "certificates/programme-completion.toml").string());
        {
            std::ofstream(dir / "seal.toml") << shipped
                                             << "\n[[image]]\nfile = \"seal.png\"\nx_mm = 20\ny_mm = 20\n"
                                                "width_mm = 20\n";
        }
        const auto result = renew({"--out", out.string(), "--template", (dir / "seal.toml").string()});
        INFO("exit " << result.status << "\n" << result.out << result.err);
        CHECK(result.status == 1);  // refused with a message, never libpng aborting the process (it did: exit 134)
        CHECK(result.err.find("pixel data is damaged") != std::string::npos);
        nothing_renewed(before);
    }
    SECTION("a name no shipped font can print: said by ref and code point, never quoting the name") {
        const std::string kawi = "\xF0\x91\xBC\x92\xF0\x91\xBC\x84";  // U+11F12 U+11F04: no Noto font has it
        ws.execute("UPDATE participants SET full_name = :n WHERE ref = 'P-1'", kawi);  // kept before the door check
        const auto before = ws.dump();
        const auto result = renew({"--out", out.string()});
        INFO("exit " << result.status << "\n" << result.out << result.err);
        CHECK(result.status != 0);
        CHECK(contains(result.err, "P-1"));
        CHECK(contains(result.err, "U+11F12"));
        CHECK(contains(result.err, "then renew again (nothing was changed)"));
        CHECK_FALSE(contains(result.out + result.err, kawi));
        nothing_renewed(before);
    }
    SECTION("a folder that cannot be made (a file is in its place)") {
        { std::ofstream(out) << "not a folder\n"; }
        const auto before = ws.dump();
        const auto result = renew({"--out", (out / "inner").string()});
        INFO("exit " << result.status << "\n" << result.out << result.err);
        CHECK(result.status != 0);
        CHECK(ws.dump() == before);
        CHECK(ws.json({"certification", "show", "P-1", "--today", "2026-10-02"})["history"].size() == 1);
    }
    SECTION("a good renewal is written owner-only, recorded, and verifies; it can be renewed only once") {
        const auto renewed =
            ws.json({"certification", "renew", "P-1", "--key", key, "--today", "2026-10-01", "--out", out.string()});
        const std::string serial = renewed["serial"];
        CHECK(renewed["previous_serial"] == first);
        const std::filesystem::path file = renewed["file"].get<std::string>();
        CHECK(file == out / (serial + ".pdf"));
        REQUIRE(std::filesystem::exists(file));
        const auto others = std::filesystem::perms::group_all | std::filesystem::perms::others_all;
        CHECK((std::filesystem::status(file).permissions() & others) == std::filesystem::perms::none);
        CHECK(std::distance(std::filesystem::directory_iterator(out), {}) == 1);  // no temporary left beside it
        const auto verified = ws.run({"certificate", "verify", file.string(), "--today", "2026-10-02"});
        INFO(verified.out << verified.err);
        CHECK(verified.status == 0);
        CHECK(contains(verified.out, "GENUINE: " + serial));
        CHECK(ws.json({"certification", "show", "P-1", "--today", "2026-10-02"})["history"].size() == 2);
    }
}

TEST_CASE("a trainer renews on their teaching and learning, or is told what is missing", "[cli][certification]") {
    Workspace ws;
    ws.ok({"init"});
    ws.ok({"trainer", "add", "--ref", "T-1", "--name", "सीता राई", "--country", "NP", "--languages", "ne,en",
           "--qualified", "M01,M02,M03,M04,M05,M06,M07,M08,M09,M10"});
    ws.ok({"trainer", "certify", "T-1", "--level", "trainer", "--issued", "2025-01-01"});  // ends 2026-12-31
    // The trainer's own learning is recorded on the person with the trainer's ref.
    ws.ok({"participant", "add", "--ref", "T-1", "--name", "सीता राई", "--country", "NP", "--language", "ne"});
    ws.ok({"cohort", "create", "--code", "NP-2", "--curriculum", "PSF", "--site", "Patan", "--country", "NP",
           "--language", "en", "--start", "2026-01-05", "--trainer", "T-1"});
    ws.ok({"session", "schedule", "NP-2", "--every", "7", "--at", "10:00"});
    ws.ok({"learning", "add", "T-1", "--title", "Ethics day", "--provider", "Peer network", "--date", "2026-05-01",
           "--hours", "2", "--category", "ethics"});

    const auto before = ws.dump();
    const auto refused = ws.run({"trainer", "renew", "T-1", "--today", "2026-11-01"});
    CHECK(refused.status == 2);
    CHECK(refused.err_lines() == 1);
    CHECK(
        contains(refused.err, "T-1 cannot renew trainer (PST) yet: ethics: 2 hours of 3 hours (nothing was changed)"));
    CHECK(ws.dump() == before);
    const auto shown = ws.json({"trainer", "show", "T-1", "--today", "2026-11-01"});
    CHECK(shown["renewal"]["met"] == false);
    CHECK(shown["renewal"]["missing"] == json::array({"ethics: 2 hours of 3 hours"}));

    ws.ok({"learning", "add", "T-1", "--title", "Ethics evening", "--provider", "Peer network", "--date", "2026-06-01",
           "--hours", "1", "--category", "ethics"});
    const auto renewed = ws.json({"trainer", "renew", "T-1", "--today", "2026-11-01"});
    CHECK(renewed["code"] == "PST");
    CHECK(renewed["default_rule"] == true);
    CHECK(renewed["issued"] == "2026-11-01");
    CHECK(renewed["expires"] == "2028-12-31");
    CHECK(renewed["minutes_by_category"]["ethics"] == 180);
    CHECK(renewed["minutes_by_category"]["teaching"] == 90 * 60);  // the whole programme, taught
    CHECK(ws.json({"trainer", "show", "T-1", "--today", "2026-11-02"})["certifications"].size() == 2);
}
