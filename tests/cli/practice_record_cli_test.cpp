// mitra-cli supervisor verify and practice record (issue 21): a supervisor's verification lists their own entries,
// counted or not and why, beside their running total; the auditor's record holds every entry with the credential
// valid that day, every observed assessment on its rubric, the agreement, referees and deadline. Both files are the
// owner's only, print no note, and a refusal writes nothing.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <cstdio>
#include <filesystem>

#include "names.hpp"
#include "run_cli.hpp"

using namespace mitra;
using namespace mitra::cli_test;
namespace fs = std::filesystem;

namespace {

const std::string kCohort = "KTM-2026-1";
const std::string kNote = "reviewed two calls";

int mode_of(const fs::path& file) {
    struct stat st {};
    return stat(file.c_str(), &st) == 0 ? static_cast<int>(st.st_mode & 0777) : -1;
}

bool has(const std::string& text, const std::string& words) { return text.find(words) != std::string::npos; }

// P-001 (ja) and P-005 (ur) in M10 (40 h, at least 20 h one-to-one, at least 10 h and at most 20 h toward the total
// in groups): S-1's credential ends on 31 March 2026; S-2's group minutes pass the group maximum on 5 May.
void set_up(const Workspace& ws) {
    ws.ok({"init"});
    ws.ok({"curriculum", "import", std::string(MITRA_SOURCE_DIR) + "/tests/data/psf-practice.toml"});
    ws.ok({"participant", "import", ws.file("people.csv", people_csv())});
    ws.ok({"trainer", "add", "--ref", "T-1", "--name", "Tara Lama", "--country", "NP", "--languages", "ne"});
    ws.ok({"cohort", "create", "--code", kCohort, "--curriculum", "PSF", "--site", "Patan", "--country", "NP",
           "--language", "ne", "--start", "2026-01-05", "--trainer", "T-1"});
    ws.ok({"cohort", "enrol", kCohort, "P-001", "P-002", "P-005", "--on", "2026-01-01"});
    ws.ok({"supervisor", "add", "S-1", "--name", "Ruth Okafor", "--credential", "Certified Peer Supervisor",
           "--valid-from", "2024-04-01", "--expires", "2026-03-31"});
    ws.ok({"supervisor", "add", "S-2", "--name", "Ken Ito", "--credential", "Registered Peer Supervisor",
           "--valid-from", "2025-01-01", "--expires", "2027-12-31"});
    for (const std::string ref : {"P-001", "P-005"})
        for (const auto& [who, format, minutes, on] :
             std::vector<std::array<std::string, 4>>{{"S-1", "one_to_one", "600", "2026-03-10"},
                                                     {"S-1", "one_to_one", "120", "2026-04-02"},
                                                     {"S-2", "group", "900", "2026-04-05"},
                                                     {"S-1", "group", "300", "2026-03-20"},
                                                     {"S-2", "group", "120", "2026-05-05"}})
            ws.ok({"supervision", "log", kCohort, ref, "M10", "--supervisor", who, "--format", format, "--minutes",
                   minutes, "--on", on, "--note", kNote});
    ws.ok(
        {"assessment",     "observe", kCohort,         "P-001",     "M04",           "--rater",    "T-1",
         "--second-rater", "S-1",     "--method",      "role_play", "--on",          "2026-03-02", "--level",
         "following=3/3",  "--level", "listening=2/1", "--level",   "reflecting=NO", "--level",    "uncertainty=2/2"});
    ws.ok({"attest", "P-001", "supervision_agreement", "--signed", "--on", "2026-01-10"});
    ws.ok({"referee", "add", "P-001", "--referee", "R-A", "--on", "2026-02-01"});
    ws.ok({"deadline", "extend", kCohort, "P-001", "--until", "2027-12-31", "--reason", "a long stay abroad"});
}

}  // namespace

TEST_CASE("a supervisor's verification shows their own entries, why one does not count, and their running total",
          "[cli][practice][verification]") {
    Workspace ws;
    set_up(ws);
    const fs::path dir = fs::path(ws.file("placeholder", "")).parent_path();
    const fs::path file = dir / "S-1-P-001.pdf";
    const auto made = ws.json({"supervisor", "verify", "S-1", "--ref", "P-001", "--out", file.string(), "--language",
                               "en", "--today", "2026-06-30"});
    CHECK(made["file"] == file.string());
    CHECK(made["supervisor"] == "S-1");
    REQUIRE(made["modules"].size() == 1);
    const auto& m10 = made["modules"][0];
    CHECK(m10["module"] == "M10");
    REQUIRE(m10["entries"].size() == 3);  // S-1's only, by day
    CHECK(m10["entries"][0]["day"] == "2026-03-10");
    CHECK(m10["entries"][1]["day"] == "2026-03-20");
    CHECK(m10["entries"][2]["standing"] == "credential_expired");
    CHECK(m10["entries"][2]["counted_minutes"] == 0);
    CHECK(m10["entries"][2].count("note") == 0);
    CHECK(m10["counted_with_supervisor"] == nlohmann::json{{"one_to_one", 600}, {"group", 300}, {"total", 900}});
    // Everyone's: 600 one-to-one, 1320 in groups of which 1200 count: 1800 toward the total, as completion says.
    CHECK(m10["counted"] == nlohmann::json{{"one_to_one", 600}, {"group", 1320}, {"total", 1800}});
    CHECK(m10["asked"]["group_max"] == 1200);
    CHECK(mode_of(file) == 0600);

    const std::string text = pdf_words(file);
    INFO(text);
    CHECK(has(text, "Verification of supervised practice"));
    CHECK(has(text, "Ruth Okafor (S-1)"));
    CHECK(has(text, "Certified Peer Supervisor, valid 1 April 2024 to 31 March 2026"));
    CHECK(has(text, "10 March 2026 one-to-one 600 counted"));
    CHECK(has(text, "2 April 2026 one-to-one 120 not counted: credential expired on 31 March 2026"));
    CHECK(has(text, "supervised practice in all 40 hours 15 hours 30 hours"));
    CHECK(has(text, "Supervisor's signature"));
    CHECK_FALSE(has(text, "5 April 2026"));  // S-2's entry is not S-1's to verify
    CHECK_FALSE(has(text, kNote));

    const fs::path other = dir / "S-2-P-001.pdf";
    ws.ok({"supervisor", "verify", "S-2", "--ref", "P-001", "--out", other.string(), "--language", "en", "--today",
           "2026-06-30"});
    const std::string text2 = pdf_words(other);
    INFO(text2);
    CHECK(has(text2, "5 May 2026 group 120 not counted toward the total: past the group maximum"));
    CHECK(has(text2, "5 April 2026 group 900 counted"));

    SECTION("a refusal writes nothing and changes nothing") {
        const fs::path none = dir / "none.pdf";
        const auto before = ws.dump();
        for (const std::vector<std::string>& args :
             {std::vector<std::string>{"supervisor", "verify", "S-9", "--ref", "P-001", "--out", none.string()},
              {"supervisor", "verify", "S-1", "--ref", "P-002", "--out", none.string()},  // no entry for P-002
              {"supervisor", "verify", "S-1", "--ref", "P-999", "--out", none.string()},
              {"supervisor", "verify", "S-1", "--ref", "P-001", "--out", none.string(), "--cohort", "NOPE-1"},
              {"supervisor", "verify", "S-1", "--ref", "P-001", "--out", none.string(), "--language", "xx"}}) {
            const auto result = ws.run(args);
            INFO(args[2] << " " << args[4] << " " << result.err);
            CHECK(result.status == 2);
            CHECK_FALSE(result.err.empty());
            CHECK(result.err.find(kYamada) == std::string::npos);
            CHECK_FALSE(fs::exists(none));
        }
        CHECK(ws.dump() == before);
        for (const auto& entry : fs::directory_iterator(dir))
            CHECK(entry.path().filename().string().find(".tmp-") == std::string::npos);
    }
}

TEST_CASE("the auditor's record holds every entry with its credential, the rubric, the agreement and the deadline",
          "[cli][practice][record]") {
    Workspace ws;
    set_up(ws);
    const auto record = ws.json({"practice", "record", "P-001", "--today", "2026-06-30"});
    CHECK(record["ref"] == "P-001");
    CHECK(record.count("file") == 0);
    REQUIRE(record["supervision"].size() == 1);
    const auto& entries = record["supervision"][0]["entries"];
    REQUIRE(entries.size() == 5);
    CHECK(entries[0]["credential"]["name"] == "Certified Peer Supervisor");
    CHECK(entries[2]["day"] == "2026-04-02");
    CHECK(entries[2]["standing"] == "credential_expired");
    CHECK(entries[4]["standing"] == "over_group_maximum");
    CHECK(entries[4]["counted_minutes"] == 0);
    REQUIRE(record["observations"].size() == 1);
    const auto& observed = record["observations"][0];
    CHECK(observed["outcome"] == "asked_to_repeat");
    CHECK(observed["method"] == "role_play");
    CHECK(observed["released_on"].is_null());
    CHECK(observed["second_rater"] == "S-1");
    REQUIRE(observed["criteria"].size() == 4);
    CHECK(observed["criteria"][1]["title"] == "Listening without advice");
    CHECK(observed["criteria"][1]["level"] == 2);
    CHECK(observed["criteria"][1]["second_level"] == 1);
    CHECK(observed["criteria"][1]["counts"] == 1);
    CHECK(observed["criteria"][2]["counts"] == "N/O");
    CHECK(record["attestations"][0] ==
          nlohmann::json{{"kind", "supervision_agreement"}, {"signed", true}, {"on", "2026-01-10"}});
    CHECK(record["referees"][0]["referee"] == "R-A");
    CHECK(record["deadline"]["window_end"] == "2027-07-01");
    CHECK(record["deadline"]["due"] == "2027-12-31");
    CHECK(record["deadline"]["extensions"][0]["reason"] == "a long stay abroad");

    const fs::path dir = fs::path(ws.file("placeholder", "")).parent_path();
    const fs::path file = dir / "P-001-record.pdf";
    CHECK(ws.json({"practice", "record", "P-001", "--out", file.string(), "--language", "en", "--today",
                   "2026-06-30"})["file"] == file.string());
    CHECK(mode_of(file) == 0600);
    const std::string text = pdf_words(file);
    INFO(text);
    CHECK(has(text,
              "2 April 2026 Ruth Okafor (S-1) none one-to-one 120 not counted: credential expired on 31 March "
              "2026"));
    CHECK(has(text, "5 April 2026 Ken Ito (S-2) Registered Peer Supervisor, valid 1 January 2025 to 31 December 2027"));
    CHECK(has(text, "Method: role play. Rater: T-1. Second rater: S-1."));
    CHECK(has(text, "Outcome: asked to repeat. Held back: not yet released to the person."));
    CHECK(has(text, "2 Listening without advice 2 1 1 (needs 2)"));
    CHECK(has(text, "Supervisory agreement: signed: yes, on 10 January 2026"));
    CHECK(has(text, "Attestation of lived experience: not recorded"));
    CHECK(has(text, "R-A: received on 1 February 2026"));
    CHECK(has(text, "a long stay abroad"));
    CHECK_FALSE(has(text, kNote));
    CHECK(text.find("fail") == std::string::npos);

    // Without --out or --json: the same record on the terminal.
    const auto shown = ws.ok({"practice", "record", "P-001", "--language", "en", "--today", "2026-06-30"});
    CHECK(has(shown.out, "not counted: credential expired on 31 March 2026"));
}

TEST_CASE("a verification in Japanese and in Urdu: the person's language, right to left for Urdu",
          "[cli][practice][verification][scripts]") {
    Workspace ws;
    set_up(ws);
    const fs::path dir = fs::path(ws.file("placeholder", "")).parent_path();
    const char* keep = std::getenv("MITRA_KEEP_PDF");  // a directory: the files are copied there to be looked at
    for (const std::string ref : {"P-001", "P-005"}) {
        const fs::path file = dir / (ref + ".pdf");
        const auto made =
            ws.json({"supervisor", "verify", "S-1", "--ref", ref, "--out", file.string(), "--today", "2026-06-30"});
        CHECK(made["language"] == (ref == "P-001" ? "ja" : "ur"));
        const std::string text = pdf_words(file);
        INFO(text);
        CHECK(has(text, ref == "P-001" ? kYamada : std::string("S-1")));
        CHECK(has(text, ref == "P-001" ? "2026年3月10日" : "600"));
        if (keep)
            fs::copy_file(file, fs::path(keep) / (ref + "-verification.pdf"), fs::copy_options::overwrite_existing);
    }
}
