// Certificates through the real mitra-cli: issuing only to the eligible, verifying, revoking, reprinting, resuming.
#include <catch2/catch.hpp>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <thread>

#include "core/certificate_code.hpp"
#include "core/serial.hpp"
#include "core/signature.hpp"
#include "cohort_setup.hpp"
#include "practice_records.hpp"
#include "damage.hpp"
#include "names.hpp"
#include "run_cli.hpp"

extern char** environ;

using namespace mitra::cli_test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace mitra::cli_test {

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

Output tool(const std::string& program, const std::vector<std::string>& args) {
    std::vector<std::string> env;
    for (char** e = environ; *e; ++e) env.push_back(*e);
    return spawn(program, args, env);
}

int pdf_pages(const fs::path& pdf) {
    const auto info = tool("/usr/bin/pdfinfo", {pdf.string()});
    if (info.status != 0) return -1;
    const auto at = info.out.find("Pages:");
    if (at == std::string::npos) return -1;
    return std::stoi(info.out.substr(at + 6));
}

// pdftotext without any whitespace (it may add or drop spaces between clusters).
std::string pdf_text(const fs::path& pdf) {
    std::string text;
    for (char c : tool("/usr/bin/pdftotext", {"-enc", "UTF-8", pdf.string(), "-"}).out)
        if (!std::isspace(static_cast<unsigned char>(c))) text += c;
    return text;
}

std::string squeeze(const std::string& s) {
    std::string out;
    for (char c : s)
        if (!std::isspace(static_cast<unsigned char>(c))) out += c;
    return out;
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

// Sessions of the cohort by module, in date order.
std::map<std::string, std::vector<long long>> sessions_by_module(const Workspace& ws, const std::string& cohort) {
    std::map<std::string, std::vector<long long>> out;
    for (const auto& s : ws.json({"session", "list", cohort})) out[s["module"]].push_back(s["id"].get<long long>());
    return out;
}

// Everything the curriculum asks of `refs`: every session but the third elective's, M03 passed, M10's 40 hours
// signed off, the code of ethics acknowledged, and what PSF 2026.2 asks beside (record_practice).
void complete(const Workspace& ws, const std::string& cohort, const std::vector<std::string>& refs) {
    std::string csv = "session,ref,status,minutes\n";
    for (const auto& [code, ids] : sessions_by_module(ws, cohort)) {
        if (code == "M09") continue;
        for (auto id : ids)
            for (const auto& ref : refs) csv += std::to_string(id) + "," + ref + ",present,\n";
    }
    ws.ok({"attendance", "import", cohort, ws.file("marks-" + cohort + ".csv", csv)});
    for (const auto& ref : refs) {
        ws.ok({"assessment", "record", cohort, ref, "M03", "--passed", "--assessor", kSita, "--on", "2026-02-23"});
        ws.ok({"practicum", "log", cohort, ref, "M10", "--minutes", "2400", "--supervisor", "Dr. Lee", "--on",
               "2026-07-01", "--signed-off", "2026-07-30"});
        ws.ok({"ethics", "acknowledge", ref, "--version", "2026.1", "--on", "2026-01-05"});
        record_practice(ws, cohort, ref);
    }
}

void set_up_cohort(const Workspace& ws, bool verify_url) {
    ws.ok({"init"});
    if (verify_url) ws.ok({"settings", "set", "verify-url", kVerifyUrl});
    ws.ok({"trainer", "add", "--ref", "T-NP-01", "--name", kSita, "--latin-name", "Sita Rai", "--country", "NP",
           "--languages", "ne,en", "--qualified", "M01,M02,M03"});
    ws.ok({"trainer", "certify", "T-NP-01", "--level", "trainer", "--issued", "2025-12-01"});
    ws.ok({"participant", "import", ws.file("people.csv", people_csv())});
    ws.ok({"participant", "add", "--ref", "P-013", "--name", kSriyani, "--country", "LK", "--language", "si"});
    ws.ok({"cohort", "create", "--code", kCohort, "--curriculum", "PSF", "--site", "Patan Community Centre",
           "--country", "NP", "--language", "ne", "--start", "2026-01-05", "--trainer", "T-NP-01"});
    ws.ok({"cohort", "enrol", kCohort, "P-001", "P-002", "P-003", "P-013", "--on", "2026-01-01"});
    ws.ok({"session", "schedule", kCohort, "--every", "7", "--at", "10:00"});
    complete(ws, kCohort, {"P-001", "P-003"});
    // P-002 does everything but acknowledge the code of ethics.
    std::string csv = "session,ref,status,minutes\n";
    for (const auto& [code, ids] : sessions_by_module(ws, kCohort))
        if (code != "M09")
            for (auto id : ids) csv += std::to_string(id) + ",P-002,present,\n";
    ws.ok({"attendance", "import", kCohort, ws.file("marks-p002.csv", csv)});
    ws.ok(
        {"assessment", "record", kCohort, "P-002", "M03", "--passed", "--on", "2026-02-23", "--assessor", "Sita Rai"});
    ws.ok({"practicum", "log", kCohort, "P-002", "M10", "--minutes", "2400", "--supervisor", "Dr. Lee", "--on",
           "2026-07-01", "--signed-off", "2026-07-30"});
    record_practice(ws, kCohort, "P-002");
}

json issue(const Workspace& ws, const fs::path& out) {
    return ws.json({"certificate", "issue", kCohort, "--out", out.string(), "--today", kToday});
}

const json& item_for(const json& issued, const std::string& ref) {
    for (const auto& i : issued["certificates"])
        if (i["ref"] == ref) return i;
    FAIL("no certificate for " << ref << " in " << issued.dump());
    throw;
}

}  // namespace mitra::cli_test

namespace {

// The certificate's PDF with the name in its signed code (version 2, in the link its metadata holds) replaced by
// `new_name` (same byte length, so the code keeps its length and the PDF's cross-reference offsets stay right) and
// the signature left as it was.
std::string tampered_copy(const Workspace& ws, const fs::path& pdf, const std::string& old_name,
                          const std::string& new_name) {
    REQUIRE(old_name.size() == new_name.size());
    std::string bytes = read_file(pdf);
    const std::string payload = mitra::find_payload(bytes);
    REQUIRE(payload.rfind("M2", 0) == 0);
    auto parts = mitra::split_code_v2(payload);
    REQUIRE(parts);
    const auto at = parts->message.find(old_name);
    REQUIRE(at != std::string::npos);
    parts->message.replace(at, old_name.size(), new_name);
    const std::string forged = "M2" + mitra::digits_encode(parts->signature + parts->message);
    REQUIRE(forged.size() == payload.size());
    bytes.replace(bytes.find(payload), payload.size(), forged);
    return ws.file("tampered.pdf", bytes);
}

std::vector<fs::path> files_in(const fs::path& dir) {
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path());
    return out;
}

}  // namespace

TEST_CASE("issuing a cohort gives a certificate to the eligible only and says what the others still need",
          "[cli][certificate]") {
    Workspace ws;
    set_up_cohort(ws);
    const fs::path out = ws.dir / "certs";
    const auto issued = issue(ws, out);
    INFO(issued.dump(2));

    REQUIRE(issued["certificates"].size() == 2);
    std::set<std::string> refs;
    for (const auto& item : issued["certificates"]) {
        refs.insert(item["ref"].get<std::string>());
        const std::string serial = item["serial"];
        CHECK(mitra::is_valid_serial(serial));
        CHECK(serial.rfind("PSF-NP-2026-", 0) == 0);
        CHECK(fs::path(item["file"].get<std::string>()) == out / (serial + ".pdf"));
        CHECK(pdf_pages(out / (serial + ".pdf")) == 1);
        CHECK(item["existing"] == false);
    }
    CHECK(refs == std::set<std::string>{"P-001", "P-003"});
    CHECK(item_for(issued, "P-001")["serial"] != item_for(issued, "P-003")["serial"]);

    const auto completion = ws.json({"completion", kCohort, "--today", kToday});
    std::map<std::string, std::string> reasons;
    for (const auto& p : completion) reasons[p["ref"]] = p["reason"];
    REQUIRE(issued["left_out"].size() == 2);
    std::set<std::string> left;
    for (const auto& l : issued["left_out"]) {
        left.insert(l["ref"].get<std::string>());
        CHECK(l["reason"] != "");
        CHECK(l["reason"] == reasons[l["ref"]]);
    }
    CHECK(left == std::set<std::string>{"P-002", "P-013"});
    CHECK(contains(reasons["P-002"], "code of ethics"));  // P-002's only gap

    // One PDF per certificate and one print file with a page each: nobody else's file was written.
    const fs::path print_file = issued["print_file"].get<std::string>();
    CHECK(pdf_pages(print_file) == 2);
    CHECK(files_in(out).size() == 3);
    CHECK(ws.json({"certificate", "list"}).size() == 2);

    SECTION("the certificate shows the person's name as written and a serial with a valid check character") {
        const std::string serial = item_for(issued, "P-001")["serial"];
        const auto text = pdf_text(out / (serial + ".pdf"));
        INFO("pdftotext: " << text);
        CHECK(contains(text, squeeze(kYamada)));
        CHECK(contains(text, serial));
        CHECK(mitra::is_valid_serial(serial));
        std::string typo = serial;
        typo[13] = typo[13] == '1' ? '2' : '1';  // one wrong digit in the number
        CHECK_FALSE(mitra::is_valid_serial(typo));
    }
    SECTION("issuing the same cohort again returns the same serials and makes no new one") {
        const auto certificates_before = ws.count("certificates");
        const auto again = issue(ws, out);
        REQUIRE(again["certificates"].size() == 2);
        for (const auto& item : again["certificates"]) {
            CHECK(item["existing"] == true);
            CHECK(item["serial"] == item_for(issued, item["ref"])["serial"]);
        }
        CHECK(ws.count("certificates") == certificates_before);
        CHECK(again["left_out"].size() == 2);
    }
    SECTION("after a revocation, issuing again gives a new serial and the revoked one stays revoked") {
        const std::string old_serial = item_for(issued, "P-001")["serial"];
        ws.ok({"certificate", "revoke", old_serial, "--reason", "issued in error"});
        const auto again = issue(ws, out);
        const std::string new_serial = item_for(again, "P-001")["serial"];
        CHECK(new_serial != old_serial);
        CHECK(mitra::is_valid_serial(new_serial));
        CHECK(item_for(again, "P-001")["existing"] == false);
        CHECK(item_for(again, "P-003")["existing"] == true);
        CHECK(item_for(again, "P-003")["serial"] == item_for(issued, "P-003")["serial"]);
        CHECK(fs::exists(out / (new_serial + ".pdf")));
        const auto old_record = ws.json({"certificate", "show", old_serial});
        CHECK(old_record["revoked"] == true);
        CHECK(old_record["revocation_reason"] == "issued in error");
        CHECK(ws.json({"certificate", "show", new_serial})["revoked"] == false);
        int live = 0;
        for (const auto& c : ws.json({"certificate", "list"}))
            if (c["ref"] == "P-001" && c["revoked"] == false) ++live;
        CHECK(live == 1);
        CHECK(ws.run({"certificate", "verify", old_serial}).status != 0);
    }
}

TEST_CASE("verify accepts a genuine certificate and rejects a forged name, a stranger's key and a revoked serial",
          "[cli][certificate][verify]") {
    Workspace ws;
    set_up_cohort(ws);
    const fs::path out = ws.dir / "certs";
    const auto issued = issue(ws, out);
    const std::string serial = item_for(issued, "P-001")["serial"];
    const fs::path pdf = out / (serial + ".pdf");

    const auto genuine = ws.run({"certificate", "verify", pdf.string()});
    INFO(genuine.out << genuine.err);
    CHECK(genuine.status == 0);
    CHECK(contains(genuine.out, "GENUINE"));
    CHECK(contains(genuine.out, kYamada));
    CHECK(ws.run({"certificate", "verify", serial}).status == 0);

    SECTION("a PDF whose signed name was altered is not valid") {
        const auto forged = tampered_copy(ws, pdf, kYamada, "山田 太郎");
        const auto result = ws.run({"certificate", "verify", forged});
        INFO(result.out << result.err);
        CHECK(result.status != 0);
        // Its metadata no longer carries the QR's code; and nothing the altered code claims is shown.
        CHECK(result.out.rfind("NOT GENUINE: ", 0) == 0);
        CHECK(contains(result.out, "metadata"));
        CHECK_FALSE(contains(result.out, "山田 太郎"));
    }
    SECTION("a certificate checked with another installation's public key is not valid") {
        Workspace other;
        const auto key_file = (other.dir / "other-public.key").string();
        other.ok({"key", "export", "--out", key_file});
        const auto result = ws.run({"certificate", "verify", "--public-key", key_file, pdf.string()});
        INFO(result.out << result.err);
        CHECK(result.status != 0);
        CHECK(result.out.rfind("UNKNOWN KEY: ", 0) == 0);
    }
    SECTION("offline, only the exported public key is needed and no database is made") {
        const auto key_file = (ws.dir / "mitra-public.key").string();
        ws.ok({"key", "export", "--out", key_file});
        const auto nowhere = ws.dir / "nowhere" / "mitra.db";
        const auto result =
            ws.run_bare({"--db", nowhere.string(), "certificate", "verify", "--public-key", key_file, pdf.string()});
        INFO(result.out << result.err);
        CHECK(result.status == 0);
        CHECK(contains(result.out, "GENUINE"));
        CHECK_FALSE(fs::exists(nowhere));
        CHECK_FALSE(fs::exists(nowhere.parent_path()));
        const auto forged = tampered_copy(ws, pdf, kYamada, "山田 太郎");
        const auto rejected =
            ws.run_bare({"--db", nowhere.string(), "certificate", "verify", "--public-key", key_file, forged});
        CHECK(rejected.status != 0);
        CHECK(rejected.out.rfind("NOT GENUINE: ", 0) == 0);
        CHECK_FALSE(fs::exists(nowhere));
    }
    SECTION("a revoked certificate is not valid, by serial and by file, and the reason is named") {
        ws.ok({"certificate", "revoke", serial, "--reason", "issued in error"});
        for (const std::string& what : {serial, pdf.string()}) {
            const auto result = ws.run({"certificate", "verify", what});
            INFO(what << ": " << result.out << result.err);
            CHECK(result.status != 0);
            CHECK(result.out.rfind("REVOKED: " + serial, 0) == 0);
            CHECK(contains(result.out, "issued in error"));
        }
        const auto as_json = ws.run({"--json", "certificate", "verify", serial});
        CHECK(as_json.status != 0);
        const auto j = json::parse(as_json.out);
        CHECK(j["valid"] == false);
        CHECK(j["genuine"] == true);
        CHECK(j["revoked"] == true);
        CHECK(j["verdict"] == "revoked");
        CHECK(j["revocation_checked"] == true);
        CHECK(j["revocation_reason"] == "issued in error");
    }
}

TEST_CASE("a reprint keeps the serial, is recorded, and after a name correction verifies with the corrected name",
          "[cli][certificate][reprint]") {
    Workspace ws;
    set_up_cohort(ws);
    const fs::path out = ws.dir / "certs";
    const auto issued = issue(ws, out);
    const std::string serial = item_for(issued, "P-001")["serial"];
    CHECK(ws.json({"certificate", "show", serial})["prints"] == 0);

    const fs::path copies = ws.dir / "copies";
    const auto lost = ws.json({"certificate", "reprint", serial, "--reason", "lost copy", "--out", copies.string()});
    CHECK(lost["serial"] == serial);
    CHECK(fs::path(lost["file"].get<std::string>()) == copies / (serial + ".pdf"));
    CHECK(pdf_pages(copies / (serial + ".pdf")) == 1);
    CHECK(ws.json({"certificate", "show", serial})["prints"] == 1);
    CHECK(ws.run({"certificate", "verify", (copies / (serial + ".pdf")).string()}).status == 0);

    // The name was misspelt: the coordinator imports the corrected one and prints again.
    const std::string corrected = "山田 華子";
    ws.ok(
        {"participant", "import",
         ws.file("corrected.csv", kPeopleHeader + "P-001," + corrected + ",Yamada Hanako,JP,ja,hanako@example.org\n")});
    const fs::path fixed = ws.dir / "fixed";
    const auto again =
        ws.json({"certificate", "reprint", serial, "--reason", "name corrected", "--out", fixed.string()});
    CHECK(again["serial"] == serial);
    const fs::path pdf = fixed / (serial + ".pdf");
    const auto result = ws.run({"--json", "certificate", "verify", pdf.string()});
    INFO(result.out << result.err);
    CHECK(result.status == 0);
    const auto j = json::parse(result.out);
    CHECK(j["valid"] == true);
    CHECK(j["serial"] == serial);
    CHECK(j["full_name"] == corrected);
    CHECK(contains(pdf_text(pdf), squeeze(corrected)));
    const auto shown = ws.json({"certificate", "show", serial});
    CHECK(shown["prints"] == 2);
    CHECK(shown["full_name"] == corrected);
    CHECK(ws.json({"certificate", "list"}).size() == 2);  // no new certificate, only prints

    // The copy with the misspelt name is genuine but replaced: it no longer counts.
    const auto old_copy = ws.run({"--json", "certificate", "verify", (copies / (serial + ".pdf")).string()});
    CHECK(old_copy.status != 0);
    const auto old_json = json::parse(old_copy.out);
    CHECK(old_json["genuine"] == true);
    CHECK(old_json["superseded"] == true);
    CHECK(old_json["valid"] == false);
}

namespace {

// Starts mitra-cli in the workspace's environment, output discarded, without waiting for it.
pid_t start_cli(const Workspace& ws, const std::vector<std::string>& args) {
    std::vector<std::string> env;
    for (char** e = environ; *e; ++e) {
        const std::string entry = *e;
        if (entry.rfind("MITRA_", 0) == 0 || entry.rfind("XDG_DATA_HOME=", 0) == 0 || entry.rfind("HOME=", 0) == 0)
            continue;
        env.push_back(entry);
    }
    env.push_back("HOME=" + ws.dir.string());
    env.push_back("XDG_DATA_HOME=" + (ws.dir / "xdg").string());
    env.push_back("MITRA_ACTOR=cli-test");
    env.push_back(std::string("MITRA_DATA_DIR=") + MITRA_SOURCE_DIR);
    std::vector<std::string> all{MITRA_CLI, "--db", ws.db};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv, envp;
    for (auto& a : all) argv.push_back(a.data());
    argv.push_back(nullptr);
    for (auto& e : env) envp.push_back(e.data());
    envp.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, MITRA_CLI, &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    REQUIRE(rc == 0);
    return pid;
}

bool any_pdf(const fs::path& dir) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return false;
    for (const auto& e : fs::directory_iterator(dir, ec))
        if (e.path().extension() == ".pdf") return true;
    return false;
}

// Kills `pid` with SIGKILL after `delay`, or as soon as the first PDF appears in `out` when `at_first_pdf`.
// Returns whether it was still running when killed.
bool kill_later(pid_t pid, std::chrono::milliseconds delay, bool at_first_pdf, const fs::path& out) {
    const auto deadline = std::chrono::steady_clock::now() + (at_first_pdf ? std::chrono::seconds(60) : delay);
    int status = 0;
    while (std::chrono::steady_clock::now() < deadline) {
        if (::waitpid(pid, &status, WNOHANG) == pid) return false;  // finished by itself
        if (at_first_pdf && any_pdf(out)) break;
        std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
    ::kill(pid, SIGKILL);
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
    return WIFSIGNALED(status);
}

}  // namespace

TEST_CASE("a batch killed part-way and run again leaves no broken file and gives each person exactly one serial",
          "[cli][certificate][resume]") {
    Workspace ws;
    ws.ok({"init"});
    ws.ok({"settings", "set", "verify-url", kVerifyUrl});
    ws.ok({"trainer", "add", "--ref", "T-NP-01", "--name", kSita, "--latin-name", "Sita Rai", "--country", "NP",
           "--languages", "ne,en", "--qualified", "M01,M02,M03"});
    ws.ok({"trainer", "certify", "T-NP-01", "--level", "trainer", "--issued", "2025-12-01"});
    const std::vector<std::pair<std::string, std::string>> names{
        {kYamada, "ja"},   {kMinjun, "ko"},  {kSomchai, "th"}, {kPriya, "hi"},      {kAisha, "ur"},
        {kMinhKhai, "vi"}, {kSukarno, "id"}, {kSriyani, "si"}, {"髙橋 𠮷郎", "ja"}, {"陈伟", "zh"}};
    std::string csv = kPeopleHeader;
    std::vector<std::string> refs;
    for (int i = 0; i < 30; ++i) {
        const std::string ref = "P-" + std::to_string(100 + i);
        refs.push_back(ref);
        csv += ref + "," + names[i % names.size()].first + ",,NP," + names[i % names.size()].second + ",\n";
    }
    // Thirty people, ten names: three of each, different people.
    ws.ok({"participant", "import", ws.file("thirty.csv", csv), "--allow-lookalike"});
    ws.ok({"cohort", "create", "--code", kCohort, "--curriculum", "PSF", "--site", "Patan Community Centre",
           "--country", "NP", "--language", "ne", "--start", "2026-01-05", "--trainer", "T-NP-01"});
    std::vector<std::string> enrol{"cohort", "enrol", kCohort};
    enrol.insert(enrol.end(), refs.begin(), refs.end());
    enrol.insert(enrol.end(), {"--on", "2026-01-01"});
    ws.ok(enrol);
    ws.ok({"session", "schedule", kCohort, "--every", "7", "--at", "10:00"});
    complete(ws, kCohort, refs);

    const fs::path out = ws.dir / "certs";
    const std::vector<std::string> args{"certificate", "issue", kCohort, "--out", out.string(), "--today", kToday};
    std::mt19937 random(20260311);  // seeded: the same delays every run
    std::uniform_int_distribution<int> delay_ms(5, 300);
    int killed = 0;
    pid_t last_killed = 0;
    for (int round = 0; round < 7; ++round) {
        const bool at_first_pdf = round == 0;
        const auto delay = std::chrono::milliseconds(delay_ms(random));
        const pid_t pid = start_cli(ws, args);
        if (kill_later(pid, delay, at_first_pdf, out)) {
            ++killed;
            last_killed = pid;
        }
        INFO("round " << round << ", killed after " << delay.count() << " ms");
        if (!fs::exists(out)) continue;
        for (const auto& file : files_in(out)) {
            if (file.extension() != ".pdf") continue;
            INFO(file.filename().string());
            CHECK(pdf_pages(file) >= 1);  // under its final name a file is whole, never half written
        }
        // Issued or not, nobody holds two live certificates.
        std::map<std::string, int> live;
        for (const auto& c : ws.json({"certificate", "list"}))
            if (c["revoked"] == false) ++live[c["ref"]];
        for (const auto& [ref, n] : live) CHECK(n == 1);
    }
    CHECK(killed > 0);

    // What a kill in the middle of writing leaves: a temporary of the renderer's own naming, from a dead process.
    fs::create_directories(out);
    const fs::path stale = out / (".PSF-NP-2026-999999-X.pdf.tmp-" + std::to_string(last_killed) + "-Ab12Cd");
    ws.file("certs/" + stale.filename().string(), "%PDF-1.4\n% half a file");

    const auto finished = issue(ws, out);
    REQUIRE(finished["certificates"].size() == refs.size());
    CHECK(finished["left_out"].empty());

    std::map<std::string, std::vector<std::string>> live;
    std::set<std::string> serials;
    for (const auto& c : ws.json({"certificate", "list"})) {
        CHECK(c["revoked"] == false);
        live[c["ref"]].push_back(c["serial"]);
        serials.insert(c["serial"].get<std::string>());
    }
    CHECK(ws.count("certificates") == static_cast<long long>(refs.size()));
    CHECK(serials.size() == refs.size());
    for (const auto& ref : refs) {
        INFO(ref);
        REQUIRE(live[ref].size() == 1);
        const fs::path pdf = out / (live[ref][0] + ".pdf");
        CHECK(fs::exists(pdf));
        CHECK(pdf_pages(pdf) == 1);
    }
    CHECK(pdf_pages(finished["print_file"].get<std::string>()) == static_cast<int>(refs.size()));
    std::vector<std::string> leftovers;
    for (const auto& file : files_in(out))
        if (file.extension() != ".pdf") leftovers.push_back(file.filename().string());
    INFO("left in the folder: " << json(leftovers).dump());
    CHECK(leftovers.empty());  // temporaries of killed runs were swept when the batch started
    CHECK(files_in(out).size() == refs.size() + 1);
}

TEST_CASE("erasing a person forgets their details and keeps their certificate verifiable",
          "[cli][certificate][privacy]") {
    Workspace ws;
    set_up_cohort(ws);
    const fs::path out = ws.dir / "certs";
    const auto issued = issue(ws, out);
    const std::string serial = item_for(issued, "P-001")["serial"];
    const fs::path pdf = out / (serial + ".pdf");
    const auto before = ws.json({"participant", "show", "P-001"});
    const std::string name = before["full_name"];
    REQUIRE_FALSE(name.empty());
    ws.ok({"attendance", "mark", "1", "--late", "P-001:170"});  // still complete: 350 of 360 minutes

    // Without a reason nothing happens.
    CHECK(ws.run({"participant", "erase", "P-001", "--reason", " "}).status == 2);
    ws.ok({"participant", "erase", "P-001", "--reason", "asked in writing on 2026-12-01"});
    CHECK(ws.run({"participant", "erase", "P-001", "--reason", "again"}).status == 2);

    const auto after = ws.json({"participant", "show", "P-001"});
    CHECK(after["full_name"] == "");
    CHECK(after["latin_name"] == "");
    CHECK(after["email"] == "");
    CHECK(ws.dump().find(name) == std::string::npos);  // nowhere: not in certificates, nor in the audit history

    // The serial still verifies, and says the details were erased.
    const auto by_serial = ws.run({"--json", "certificate", "verify", serial});
    INFO(by_serial.out << by_serial.err);
    CHECK(by_serial.status == 0);
    CHECK(json::parse(by_serial.out)["erased"] == true);
    // So does the holder's own copy, which still carries its signed code.
    const auto by_file = ws.run({"--json", "certificate", "verify", pdf.string()});
    CHECK(by_file.status == 0);
    const auto file_json = json::parse(by_file.out);
    CHECK(file_json["genuine"] == true);
    CHECK(file_json["erased"] == true);
    CHECK(file_json["full_name"] == name);

    // No new certificate and no reprint for someone who asked to be forgotten.
    const auto again = issue(ws, ws.dir / "again");
    bool left_out = false;
    for (const auto& l : again["left_out"])
        if (l["ref"] == "P-001") left_out = contains(l["reason"].get<std::string>(), "erased");
    CHECK(left_out);
    CHECK(ws.run({"certificate", "reprint", serial, "--reason", "lost", "--out", (ws.dir / "r").string()}).status == 2);

    // A spreadsheet that still names them does not bring their details back.
    const auto before_import = ws.dump();
    const auto reimport = ws.run(
        {"participant", "import", ws.file("again.csv", kPeopleHeader + "P-001," + name + ",Yamada Hanako,JP,ja,\n")});
    CHECK(reimport.status == 2);
    CHECK(contains(reimport.err, "P-001 asked for their personal data to be erased"));
    CHECK(ws.dump() == before_import);

    // Completion and marks stay true for the programme's counts.
    CHECK(ws.count("attendance") > 0);

    // The history says what happened, without the person's details.
    const auto history = ws.json({"audit", "--participant", "P-001"});
    bool erase_recorded = false;
    for (const auto& e : history) erase_recorded = erase_recorded || e["action"] == "erase";
    CHECK(erase_recorded);
    const auto csv_file = ws.dir / "audit.csv";
    ws.ok({"audit", "--cohort", kCohort, "--out", csv_file.string()});
    const auto csv = read_file(csv_file);
    CHECK(csv.rfind("\xEF\xBB\xBF"
                    "at,actor,entity,action,subject,old_value,new_value",
                    0) == 0);
    CHECK(csv.find(name) == std::string::npos);
}

TEST_CASE("issuing with a mistyped or damaged --key refuses before anything is signed or recorded",
          "[cli][certificate][key]") {
    Workspace ws;
    set_up_cohort(ws);
    const auto before = ws.dump();
    const fs::path out = ws.dir / "certs";

    SECTION("a key file that is not there is not made") {
        const fs::path typo = ws.dir / "typo.key";
        const auto result =
            ws.run({"certificate", "issue", kCohort, "--out", out.string(), "--today", kToday, "--key", typo.string()});
        INFO(result.out << result.err);
        CHECK(result.status != 0);
        CHECK(contains(result.err, typo.string()));
        CHECK_FALSE(fs::exists(typo));
        CHECK_FALSE(fs::exists(out));
        CHECK(ws.dump() == before);
    }
    SECTION("a key with one flipped bit signs nothing and is not trusted") {
        const fs::path file = ws.dir / "site.key";
        ws.ok({"key", "new", "--key", file.string()});
        std::string text = read_file(file);
        const auto space = text.find(' ');
        auto bytes = mitra::base64url_decode(text.substr(space + 1, text.find('\n') - space - 1));
        REQUIRE(bytes);
        (*bytes)[40] = static_cast<char>((*bytes)[40] ^ 0x01);  // in the public half
        std::ofstream(file, std::ios::binary | std::ios::trunc)
            << text.substr(0, space + 1) << mitra::base64url_encode(*bytes) << "\n";
        const auto result =
            ws.run({"certificate", "issue", kCohort, "--out", out.string(), "--today", kToday, "--key", file.string()});
        INFO(result.out << result.err);
        CHECK(result.status != 0);
        CHECK(contains(result.err, file.string()));
        CHECK(contains(result.err, "damaged"));
        CHECK_FALSE(fs::exists(out));
        CHECK(ws.dump() == before);
    }
}

namespace {

int serial_number(const std::string& serial) { return std::stoi(serial.substr(serial.size() - 8, 6)); }

}  // namespace

TEST_CASE("a reprint whose file cannot be made changes nothing: no new signature, no count, no history",
          "[cli][certificate][reprint]") {
    Workspace ws;
    set_up_cohort(ws);
    const fs::path out = ws.dir / "certs";
    const std::string serial = item_for(issue(ws, out), "P-001")["serial"];
    const fs::path original = out / (serial + ".pdf");
    // The name is corrected: a reprint would sign the corrected name, and the holder's copy would stop counting.
    ws.ok({"participant", "import",
           ws.file("corrected.csv", kPeopleHeader + "P-001,山田 華子,Yamada Hanako,JP,ja,hanako@example.org\n")});
    const auto before = ws.dump();
    const fs::path copies = ws.dir / "copies";

    SECTION("a template that is not there") {
        const auto result = ws.run({"certificate", "reprint", serial, "--reason", "lost copy", "--out", copies.string(),
                                    "--template", (ws.dir / "missing.toml").string()});
        INFO(result.out << result.err);
        CHECK(result.status == 2);
    }
    SECTION("an image the PDF library cannot read") {
        const fs::path dir = ws.dir / "tmpl";
        fs::create_directories(dir);
        { std::ofstream(dir / "seal.png", std::ios::binary) << png_without_pixels(); }
        const std::string shipped = read_file(fs::path(MITRA_SOURCE_DIR) / "certificates/programme-completion.toml");
        {
            std::ofstream(dir / "seal.toml") << shipped
                                             << "\n[[image]]\nfile = \"seal.png\"\nx_mm = 20\ny_mm = 20\n"
                                                "width_mm = 20\n";
        }
        const auto result = ws.run({"certificate", "reprint", serial, "--reason", "lost copy", "--out", copies.string(),
                                    "--template", (dir / "seal.toml").string()});
        INFO(result.out << result.err);
        CHECK(result.status == 1);  // refused with a message, never libpng aborting the process
        CHECK(contains(result.err, "pixel data is damaged"));
    }
    CHECK(ws.dump() == before);
    CHECK(ws.json({"certificate", "show", serial})["prints"] == 0);
    CHECK_FALSE(fs::exists(copies / (serial + ".pdf")));
    // The holder's own copy still verifies: its serial was not signed again.
    const auto verified = ws.run({"certificate", "verify", original.string()});
    INFO(verified.out << verified.err);
    CHECK(verified.status == 0);
}

TEST_CASE("a name no shipped font can print is left out by ref; the others are issued and no serial is lost",
          "[cli][certificate][printable]") {
    Workspace ws;
    set_up_cohort(ws);
    const std::string kawi = "\xF0\x91\xBC\x92\xF0\x91\xBC\x84";  // U+11F12 U+11F04, Kawi: no Noto font has it
    // Refused at the door now; a name kept before then can still reach issuing.
    const auto refused =
        ws.run({"participant", "add", "--ref", "P-014", "--name", kawi, "--country", "ID", "--language", "kaw"});
    CHECK(refused.status == 2);
    CHECK(contains(refused.err, "U+11F12"));
    CHECK_FALSE(contains(refused.err, kawi));
    const std::string csv = ws.file("kawi.csv", kPeopleHeader + "P-015," + kawi + ",,ID,kaw,\n");
    const auto imported = ws.run({"participant", "import", csv});
    CHECK(imported.status == 2);
    CHECK(contains(imported.err, csv + ":2"));
    CHECK(contains(imported.err, "full_name"));
    CHECK(contains(imported.err, "U+11F12"));
    ws.ok({"participant", "add", "--ref", "P-014", "--name", "Kadek", "--country", "ID", "--language", "kaw"});
    ws.execute("UPDATE participants SET full_name = :n WHERE ref = 'P-014'", kawi);
    ws.ok({"cohort", "enrol", kCohort, "P-014", "--on", "2026-01-01"});
    complete(ws, kCohort, {"P-014"});
    const fs::path out = ws.dir / "certs";

    const auto result = ws.run({"--json", "certificate", "issue", kCohort, "--out", out.string(), "--today", kToday});
    INFO(result.out << result.err);
    REQUIRE(result.status == 0);
    CHECK_FALSE(contains(result.out + result.err, kawi));  // people are named by ref only
    const auto issued = json::parse(result.out);
    std::set<int> numbers;
    for (const auto& c : issued["certificates"]) {
        CHECK(c["ref"] != "P-014");
        numbers.insert(serial_number(c["serial"]));
        CHECK(pdf_pages(c["file"].get<std::string>()) == 1);
    }
    CHECK(numbers == std::set<int>{1, 2});  // P-001 and P-003
    bool told = false;
    for (const auto& l : issued["left_out"])
        if (l["ref"] == "P-014") told = contains(l["reason"], "U+11F12") && contains(l["reason"], "font");
    CHECK(told);
    CHECK(ws.json({"certificate", "list", "--cohort", kCohort}).size() == 2);

    // Once the name is written in a script Mitra prints, the next issue gives P-014 the serial that was given back.
    ws.ok({"participant", "import", ws.file("fixed.csv", kPeopleHeader + "P-014,Kadek Wirawan,,ID,id,\n")});
    const auto again = ws.json({"certificate", "issue", kCohort, "--out", out.string(), "--today", kToday});
    CHECK(serial_number(item_for(again, "P-014")["serial"]) == 3);
}

TEST_CASE("certificate files and the print file are the holder's business: owner-only, in an owner-only folder",
          "[cli][certificate][privacy]") {
    Workspace ws;
    set_up_cohort(ws);
    const fs::path out = ws.dir / "new" / "certs";
    const auto issued = issue(ws, out);
    const auto mode = [](const fs::path& p) { return fs::status(p).permissions() & fs::perms::all; };
    CHECK(mode(ws.dir / "new") == fs::perms::owner_all);
    CHECK(mode(out) == fs::perms::owner_all);
    REQUIRE(!issued["certificates"].empty());
    for (const auto& c : issued["certificates"])
        CHECK(mode(c["file"].get<std::string>()) == (fs::perms::owner_read | fs::perms::owner_write));
    CHECK(mode(issued["print_file"].get<std::string>()) == (fs::perms::owner_read | fs::perms::owner_write));
}

TEST_CASE("the verification address is a setting: set, read, listed, checked, and asked for before issuing",
          "[cli][certificate][settings]") {
    Workspace ws;
    set_up_cohort(ws, false);
    CHECK(ws.json({"settings", "list"}) == json::object());
    CHECK(ws.json({"settings", "get", "verify-url"})["value"].is_null());
    const auto unset = ws.run({"settings", "get", "verify-url"});
    CHECK(unset.status == 0);
    CHECK(contains(unset.out, "settings set verify-url"));

    // Without one, nothing is issued, and the message names the command that sets it.
    const fs::path out = ws.dir / "certs";
    const auto refused = ws.run({"certificate", "issue", kCohort, "--out", out.string(), "--today", kToday});
    CHECK(refused.status == 2);
    CHECK(contains(refused.err, "mitra-cli settings set verify-url"));
    CHECK(contains(refused.err, "--verify-url"));
    CHECK(ws.count("certificates") == 0);
    CHECK(ws.count("serial_counters") == 0);
    CHECK_FALSE(fs::exists(out));

    // Bad addresses are refused by name, and change nothing.
    for (const std::string bad : {"verify.example.org", "ftp://verify.example.org/", "https://verify.example.org/#x",
                                  "https://", "https://verify.exämple.org/"}) {
        INFO(bad);
        const auto result = ws.run({"settings", "set", "verify-url", bad});
        CHECK(result.status == 2);
        CHECK(contains(result.err, "verify-url"));
        CHECK(ws.json({"settings", "list"}) == json::object());
        CHECK(ws.run({"certificate", "issue", kCohort, "--out", out.string(), "--verify-url", bad}).status == 2);
        CHECK(ws.count("certificates") == 0);
    }
    CHECK(ws.run({"settings", "set", "colour", "blue"}).status == 2);  // no such setting
    CHECK(ws.run({"settings", "get", "colour"}).status == 2);

    // --verify-url is saved for the programme, and the certificates link to it.
    const auto issued = ws.json({"certificate", "issue", kCohort, "--out", out.string(), "--today", kToday,
                                 "--verify-url", "https://Verify.Example.org/psf"});
    CHECK(issued["certificates"].size() == 2);
    CHECK(ws.json({"settings", "get", "verify-url"})["value"] == "https://Verify.Example.org/psf");
    CHECK(ws.json({"settings", "list"}) == json{{"verify-url", "https://Verify.Example.org/psf"}});
    const std::string serial = item_for(issued, "P-001")["serial"];
    CHECK(contains(pdf_text(out / (serial + ".pdf")), "Verify.Example.org/psf"));

    ws.ok({"settings", "set", "verify-url", kVerifyUrl});
    CHECK(ws.run({"settings", "get", "verify-url"}).out == kVerifyUrl + "\n");
    CHECK(contains(ws.run({"settings", "list"}).out, kVerifyUrl));
}

TEST_CASE("every issued certificate's QR code reads at 100 dpi as the link to its genuine version 2 code",
          "[cli][certificate][qr]") {
    REQUIRE(tool("/usr/bin/zbarimg", {"--version"}).status == 0);  // zbar-tools (script/bootstrap)
    Workspace ws;
    set_up_cohort(ws);
    // Everyone in the cohort completes, P-013's Sinhala name among them.
    complete(ws, kCohort, {"P-002", "P-013"});
    const fs::path out = ws.dir / "certs";
    const auto issued = issue(ws, out);
    REQUIRE(issued["certificates"].size() == 4);
    const auto key_file = (ws.dir / "mitra-public.key").string();
    ws.ok({"key", "export", "--out", key_file});
    for (const auto& item : issued["certificates"]) {
        const std::string serial = item["serial"];
        INFO(item["ref"].get<std::string>() << " " << serial);
        const fs::path pdf = out / (serial + ".pdf");
        const fs::path png = ws.dir / serial;
        REQUIRE(tool("/usr/bin/pdftoppm", {"-gray", "-png", "-singlefile", "-r", "100", pdf.string(), png.string()})
                    .status == 0);
        // QR codes only, as a phone's camera and mitra-cli read it: with every symbology on, zbar now and then
        // also finds a bar code in the page's text or ornaments and prints it on a line of its own.
        std::string link =
            tool("/usr/bin/zbarimg", {"--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", png.string() + ".png"}).out;
        while (!link.empty() && link.back() == '\n') link.pop_back();
        INFO("zbarimg read: " << link);  // all of it, should it ever differ from the file's code again
        // The address (scheme and host in capitals, the path as set), '#', the code, as the metadata has it.
        REQUIRE(link.rfind("HTTPS://VERIFY.EXAMPLE.ORG/psf/#M2", 0) == 0);
        const std::string code = link.substr(link.find('#') + 1);
        CHECK(mitra::find_payload(read_file(pdf)) == code);
        CHECK(code.find_first_not_of("0123456789", 2) == std::string::npos);
        // Genuine, offline, with only the public key, from the text the QR holds.
        const auto verified = ws.run_bare({"certificate", "verify", "--public-key", key_file, "--qr", link});
        INFO(verified.out << verified.err);
        CHECK(verified.status == 0);
        CHECK(contains(verified.out, "GENUINE: " + serial));
        // For people who type: the short address and the serial under the code.
        const auto text = pdf_text(pdf);
        CHECK(contains(text, "verify.example.org/psf"));
        CHECK(contains(text, serial));
    }
}

namespace mitra {

std::string find_payload(std::string_view text) {
    const auto at = text.find(std::string_view("MITRA1."));
    if (at == std::string_view::npos) {
        // A link's '#', or "\043" as libharu writes '#' in a PDF's literal strings (the document information).
        for (const std::string_view hash : {std::string_view("#M2"), std::string_view("\\043M2")}) {
            for (auto link = text.find(hash); link != std::string_view::npos; link = text.find(hash, link + 1)) {
                const auto code = link + hash.size() - 2;
                auto end = code + 2;
                while (end < text.size() && text[end] >= '0' && text[end] <= '9') ++end;
                if (end > code + 2) return std::string(text.substr(code, end - code));
            }
        }
        return {};
    }
    auto end = at + std::string_view("MITRA1.").size();
    auto is_payload_char = [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
               c == '.';
    };
    while (end < text.size() && is_payload_char(text[end])) ++end;
    return std::string(text.substr(at, end - at));
}

}  // namespace mitra
