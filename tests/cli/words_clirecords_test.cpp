// The records commands (participant, trainer, cohort, session, attendance, completion, assessment, practicum,
// ethics, certificate, certification, learning) speak the language LANGUAGE asks for: what each did, its tables
// and its refusals, in Japanese here, with no English word left (issue 20); --json stays English.
#include <catch2/catch.hpp>
#include <filesystem>
#include <sstream>

#include "cohort_setup.hpp"
#include "names.hpp"
#include "run_cli.hpp"

using namespace mitra::cli_test;
namespace fs = std::filesystem;

namespace {

// The Latin-script names and values of set_up_cohort and this test: people's Latin names, their language tags, the
// site, the supervisor, the trainer's level as typed, the revocation categories (codes, given as they are) and the
// bad values the refusals quote back.
const std::vector<std::string> kAllowed{
    "Yamada",   "Hanako",    "Kim",     "Min",       "jun",    "Somchai", "Jaidee",  "Priya",  "Sharma",
    "Aisha",    "Khan",      "Nguy",    "Th",        "Minh",   "Khai",    "Sukarno", "Robert", "participants",
    "Sita",     "Rai",       "Patan",   "Community", "Centre", "Dr",      "Lee",     "ja",     "ko",
    "th",       "hi",        "ur",      "vi",        "id",     "en",      "si",      "ne",     "trainer",
    "replaced", "withdrawn", "mistake", "xyz",       "soon"};

// What a run printed for people, both streams (a refused argument is named in capitals, SERIAL, as --help does).
std::string readable(const Output& o) { return o.out + "\n" + o.err; }

std::string joined(const std::vector<std::string>& args) {
    std::string out;
    for (const auto& a : args) out += a + " ";
    return out;
}

// The lines of `text` without those naming one of `refs` followed by a colon.
std::string without_lines_of(const std::string& text, const std::vector<std::string>& refs) {
    std::istringstream lines(text);
    std::string kept, line;
    while (std::getline(lines, line)) {
        bool named = false;
        for (const auto& ref : refs) named = named || line.find(ref + ":") != std::string::npos;
        if (!named) kept += line + "\n";
    }
    return kept;
}

long long session_on(const Workspace& ws, const std::string& cohort, const std::string& date) {
    for (const auto& s : ws.json({"session", "list", cohort}))
        if (s["date"] == date) return s["id"].get<long long>();
    FAIL("no session on " << date);
    return 0;
}

}  // namespace

TEST_CASE("the records commands say what they did, show their tables and refuse in the user's language (ja)",
          "[cli][language][words]") {
    Workspace ws;
    set_up_cohort(ws);
    ws.environment = {"LANGUAGE=ja"};
    std::string everything;
    // Runs `args`, which must succeed (ok) or be refused as bad input, and checks no English word is left.
    const auto says = [&](const std::vector<std::string>& args, bool ok,
                          const std::vector<std::string>& english_reasons = {}) {
        const Output o = ws.run(args);
        const std::string text = without_lines_of(readable(o), english_reasons);
        INFO(joined(args) << "\n" << o.out << o.err);
        CHECK(o.status == (ok ? 0 : 2));
        CHECK(english_words(text, kAllowed) == std::vector<std::string>{});
        everything += text;
        return o;
    };
    const std::string jp = "JP-2026-1";

    SECTION("people, trainers, cohorts, sessions and attendance") {
        says({"participant", "add", "--ref", "P-100", "--name", "田中 太郎", "--country", "JP", "--language", "ja"},
             true);
        says({"participant", "import", ws.file("more.csv", kPeopleHeader + "P-101,佐藤 次郎,,JP,ja,\n")}, true);
        says({"participant", "list"}, true);
        says({"participant", "show", "P-100"}, true);
        says({"participant", "add", "--ref", "P-102", "--name", "田中 太郎", "--country", "JP", "--language", "ja"},
             false);  // looks like P-100

        says({"trainer", "add", "--ref", "T-JP-01", "--name", "鈴木 一郎", "--country", "JP", "--languages", "ja",
              "--qualified", "M01"},
             true);
        says({"trainer", "qualify", "T-JP-01", "M02,M03,M04,M05,M06,M07,M08,M09,M10"}, true);
        says({"trainer", "certify", "T-JP-01", "--level", "trainer", "--issued", "2026-01-10"}, true);
        says({"trainer", "list"}, true);
        says({"trainer", "show", "T-NP-01", "--today", kToday}, true);

        const auto created =
            says({"cohort", "create",     "--code",     jp,           "--curriculum", "PSF",     "--site",
                  "京都",   "--country",  "JP",         "--language", "ja",           "--start", "2026-03-02",
                  "--end",  "2026-12-20", "--capacity", "20",         "--trainer",    "T-JP-01"},
                 true);
        CHECK(contains(created.out, "コホート JP-2026-1 を作成しました"));
        says({"cohort", "create", "--code", "ZZ-1", "--curriculum", "PSF", "--site", "京都", "--country", "ZZ",
              "--language", "ja", "--start", "2026-03-02"},
             false);  // no time zone known for ZZ
        says({"cohort", "enrol", jp, "P-100", "P-101", "--on", "2026-03-01"}, true);
        const auto again = says({"cohort", "enrol", jp, "P-100", "--on", "2026-03-01"}, true);
        CHECK(contains(again.out, "P-100"));
        says({"cohort", "enrolment-date", jp, "P-101", "2026-03-02"}, true);
        says({"cohort", "list"}, true);
        says({"cohort", "show", jp}, true);
        says({"cohort", "show", "NOPE-1"}, false);

        says({"session", "list", jp}, true);  // none yet
        says({"session", "schedule", jp, "--every", "7", "--at", "10:00"}, true);
        says({"session", "list", jp}, true);
        const long long first = session_on(ws, jp, "2026-03-02");
        says({"session", "assign", std::to_string(first), "--trainer", "T-JP-01"}, true);
        says({"session", "add", "--cohort", jp, "--module", "M01", "--date", "2027-06-07", "--trainer", "T-JP-01"},
             true);
        const long long later = session_on(ws, jp, "2027-06-07");
        says({"session", "move", std::to_string(later), "--date", "2027-06-08", "--at", "11:00"}, true);
        says({"session", "list", "NOPE-1"}, false);
        says({"session", "move", "99999", "--date", "2026-03-03"}, false);

        says({"attendance", "mark", std::to_string(first), "--present", "P-100", "--late", "P-101:30"}, true);
        says({"attendance", "list", std::to_string(first)}, true);
        const long long second = session_on(ws, jp, "2026-03-09");
        says({"attendance", "import", jp,
              ws.file("marks.csv", "session,ref,status,minutes\n" + std::to_string(second) + ",P-100,left_early,60\n" +
                                       std::to_string(second) + ",P-101,excused,\n")},
             true);
        const auto marks = says({"attendance", "list", std::to_string(second)}, true);
        CHECK(contains(marks.out, "早退"));
        says({"attendance", "mark", std::to_string(first), "--late", "P-100"}, false);     // no minutes
        says({"attendance", "mark", std::to_string(later), "--present", "P-100"}, false);  // still to come
        says({"attendance", "list", "99999"}, false);
        says({"session", "remove", std::to_string(later)}, true);

        says({"completion", jp, "--today", kToday}, true);
        says({"completion", "override", jp, "P-100", "M01", "--complete", "--reason", "確認済み"}, true);
        says({"completion", "override", jp, "P-100", "M01", "--reason", "確認済み"}, false);
        says({"completion"}, false);
        says({"assessment", "record", jp, "P-100", "M03", "--passed", "--on", "2026-03-20", "--assessor", "鈴木"},
             true);
        says({"assessment", "record", jp, "P-100", "M03", "--on", "2026-03-20", "--assessor", "鈴木"}, false);
        says({"practicum", "log", jp, "P-100", "M10", "--minutes", "60", "--supervisor", "鈴木", "--on", "2026-07-01"},
             true);
        says({"ethics", "acknowledge", "P-100", "--version", "2026.1", "--on", "2026-04-01"}, true);
    }

    SECTION("certificates, certifications and learning") {
        const fs::path out = ws.dir / "out";
        // P-002 and P-013 are left out, with what they lack in Japanese (module titles in the curriculum's Japanese).
        const auto issued = says({"certificate", "issue", kCohort, "--out", out.string(), "--today", kToday}, true);
        CHECK(contains(issued.out, "P-002"));
        const auto certificates = ws.json({"certificate", "list"});
        REQUIRE(certificates.size() == 2);
        const std::string serial = certificates[0]["serial"], other = certificates[1]["serial"];
        says({"certificate", "list"}, true);
        says({"certificate", "show", serial}, true);
        const auto genuine = says({"certificate", "verify", other}, true);
        CHECK(contains(genuine.out, "真正: " + other));
        says({"certificate", "reprint", serial, "--reason", "紛失", "--out", out.string()}, true);
        says({"certificate", "revoke", serial, "--reason", "誤発行", "--category", "issued-in-error"}, true);
        const auto shown = says({"certificate", "show", serial}, true);
        CHECK(contains(shown.out, "取消"));
        says({"certificate", "revocations", "--out", (ws.dir / "revoked.txt").string()}, true);
        const auto revoked = ws.run({"certificate", "verify", serial});
        CHECK(revoked.status != 0);
        CHECK(english_words(readable(revoked), kAllowed) == std::vector<std::string>{});
        everything += readable(revoked);
        says({"certificate", "show", "PSF-NP-2026-99999"}, false);
        says({"certificate", "revoke", other, "--reason", "誤発行", "--category", "mistake"}, false);
        says({"certificate", "verify", "xyz"}, false);

        says({"certification", "due", "--within", "800d", "--today", kToday}, true);
        says({"certification", "show", "P-003", "--today", kToday}, true);
        says({"learning", "add", "P-003", "--title", "倫理研修", "--provider", "京都大学", "--date", "2026-12-01",
              "--hours", "3", "--category", "ethics"},
             true);
        says({"learning", "list", "P-003", "--today", kToday}, true);
        says({"certification", "due", "--within", "soon"}, false);
        says({"learning", "add", "P-003", "--title", "倫理研修", "--provider", "京都大学", "--date", "2026-12-01",
              "--hours", "0", "--category", "ethics"},
             false);
    }
    CHECK(!everything.empty());
}

TEST_CASE("the records commands' --help describes their options in the user's language (ja)",
          "[cli][language][words]") {
    Workspace ws;
    ws.environment = {"LANGUAGE=ja"};
    const auto trainer = ws.run({"trainer", "add", "--help"});
    CHECK(trainer.status == 0);
    CHECK(contains(trainer.out, "トレーナーの番号"));
    CHECK(contains(trainer.out, "担当できるモジュールのコード（M01,M02 など）"));
    CHECK(!contains(trainer.out, "The trainer's ref"));
    const auto certificate = ws.run({"certificate", "--help"});
    CHECK(contains(certificate.out, "同じ証書番号で証書を再印刷します"));
    CHECK(!contains(certificate.out, "Print a certificate again"));
    const auto attendance = ws.run({"attendance", "mark", "--help"});
    CHECK(contains(attendance.out, "早退した人の REF:MINUTES（出席した分数）"));
}
