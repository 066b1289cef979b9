// A trainer's whole workflow through the real mitra-cli, on a new database, with names in the region's scripts.
#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>
#include <map>

#include "names.hpp"
#include "run_cli.hpp"

using namespace mitra::cli_test;
using nlohmann::json;

namespace {

const std::string kCohort = "KTM-2026-1";
const std::string kAfterEverything = "2026-12-31";  // the schedule below ends in July 2026

// init, a trainer, the CSV people and P-013, a cohort of P-001, P-002, P-003 and P-013, its schedule.
void set_up_programme(const Workspace& ws) {
    ws.ok({"init"});
    ws.ok({"trainer", "add", "--ref", "T-NP-01", "--name", kSita, "--latin-name", "Sita Rai", "--country", "NP",
           "--languages", "ne,en", "--qualified", "M01,M02,M03"});
    ws.ok({"trainer", "certify", "T-NP-01", "--level", "trainer", "--issued", "2025-12-01"});
    ws.ok({"participant", "import", ws.file("people.csv", people_csv())});
    ws.ok({"participant", "add", "--ref", "P-013", "--name", kSriyani, "--country", "LK", "--language", "si"});
    ws.ok({"cohort", "create", "--code", kCohort, "--curriculum", "PSF", "--site", "Patan Community Centre",
           "--country", "NP", "--language", "ne", "--start", "2026-01-05", "--trainer", "T-NP-01"});
    ws.ok({"cohort", "enrol", kCohort, "P-001", "P-002", "P-003", "P-013", "--on", "2026-01-01"});
    ws.ok({"session", "schedule", kCohort, "--every", "7", "--at", "10:00"});
}

// Session ids of each module, in date order.
std::map<std::string, std::vector<long long>> sessions_by_module(const Workspace& ws, const std::string& cohort) {
    std::map<std::string, std::vector<long long>> out;
    for (const auto& s : ws.json({"session", "list", cohort})) out[s["module"]].push_back(s["id"].get<long long>());
    return out;
}

const json& person(const json& completion, const std::string& ref) {
    for (const auto& p : completion)
        if (p["ref"] == ref) return p;
    FAIL("no completion for " << ref);
    throw;
}

const json& module(const json& person_completion, const std::string& code) {
    for (const auto& m : person_completion["modules"])
        if (m["code"] == code) return m;
    FAIL("no module " << code);
    throw;
}

}  // namespace

TEST_CASE("init creates the database with the shipped curriculum, which curriculum list and show describe",
          "[cli][curriculum]") {
    Workspace ws;
    const auto init = ws.ok({"init"});
    CHECK(init.out.find("PSF") != std::string::npos);

    const auto list = ws.json({"curriculum", "list"});
    REQUIRE(list.size() == 1);
    CHECK(list[0]["code"] == "PSF");
    CHECK(list[0]["version"] == "2026.2");

    const auto psf = ws.json({"curriculum", "show", "PSF"});
    CHECK(psf["code"] == "PSF");
    CHECK(psf["version"] == "2026.2");
    CHECK(psf["electives_required"] == 2);
    REQUIRE(psf["modules"].size() == 10);
    const std::vector<std::string> codes{"M01", "M02", "M03", "M04", "M05", "M06", "M07", "M08", "M09", "M10"};
    const std::vector<int> minutes{360, 540, 540, 720, 540, 720, 540, 540, 360, 540};
    for (std::size_t i = 0; i < codes.size(); ++i) {
        const auto& m = psf["modules"][i];
        CHECK(m["code"] == codes[i]);
        CHECK(m["minutes"] == minutes[i]);
        CHECK(m["required"] == !(codes[i] == "M07" || codes[i] == "M08" || codes[i] == "M09"));
        CHECK(m["title"].is_string());
    }
    CHECK(psf["modules"][0]["title"] == "Lived Experience and Mutuality");

    SECTION("titles come in the language asked for") {
        const auto ja = ws.json({"curriculum", "show", "PSF", "--language", "ja"});
        CHECK(ja["title"] == "ピアサポートの基礎");
        CHECK(ja["modules"][0]["title"] == "当事者としての経験と相互性");
    }
    SECTION("every shipped translation was made from the English text as it is now") {
        for (const auto& t : psf["translations"]) {
            INFO(t.dump());
            CHECK(t["state"] == "current");
        }
        CHECK(psf["translations"].size() >= 10);
    }
    SECTION("a translation made from an older English text is named, with the fingerprint to record") {
        std::ifstream in(std::string(MITRA_SOURCE_DIR) + "/curricula/peer-support-foundations.toml");
        std::string toml((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        const std::string old_en = "en = \"Lived Experience and Mutuality\"";
        REQUIRE(toml.find(old_en) != std::string::npos);
        toml.replace(toml.find(old_en), old_en.size(), "en = \"Lived Experience, Mutuality and Power\"");
        ws.ok({"curriculum", "import", ws.file("psf.toml", toml)});
        const auto after = ws.json({"curriculum", "show", "PSF"});
        int older = 0;
        for (const auto& t : after["translations"]) {
            INFO(t.dump());
            if (t["module"] == "M01") {
                CHECK(t["state"] == "older");
                CHECK(t["english_fingerprint"].get<std::string>().size() == 16);
                ++older;
            } else {
                CHECK(t["state"] == "current");
            }
        }
        CHECK(older >= 7);  // ja, zh-Hans, zh-Hant, ko, th, id, hi and any added since
        const auto shown = ws.ok({"curriculum", "show", "PSF"}).out;
        CHECK(shown.find("Translated from an older English text") != std::string::npos);
        CHECK(shown.find("M01: translated_from.ja = \"") != std::string::npos);
    }
    SECTION("running init again imports nothing twice") {
        const auto before = ws.dump();
        ws.ok({"init"});
        CHECK(ws.json({"curriculum", "list"}).size() == 1);
        CHECK(ws.count("modules") == 10);
    }
}

TEST_CASE("trainers are added and listed with their names exactly as written", "[cli][trainer]") {
    Workspace ws;
    ws.ok({"init"});
    ws.ok({"trainer", "add", "--ref", "T-NP-01", "--name", kSita, "--latin-name", "Sita Rai", "--country", "NP",
           "--languages", "ne,en", "--qualified", "M01,M02,M03"});
    ws.ok({"trainer", "certify", "T-NP-01", "--level", "trainer", "--issued", "2025-12-01"});
    ws.ok({"trainer", "add", "--ref", "T-JP-01", "--name", "佐藤 美咲", "--country", "JP", "--languages", "ja"});
    const auto trainers = ws.json({"trainer", "list"});
    REQUIRE(trainers.size() == 2);
    CHECK(trainers[0]["ref"] == "T-JP-01");
    CHECK(trainers[0]["name"] == "佐藤 美咲");
    CHECK(trainers[1]["ref"] == "T-NP-01");
    CHECK(trainers[1]["name"] == kSita);
    CHECK(trainers[1]["latin_name"] == "Sita Rai");
    CHECK(trainers[1]["languages"] == json({"ne", "en"}));
    CHECK(trainers[1]["qualified"] == json({"M01", "M02", "M03"}));
}

TEST_CASE("people added by hand and imported from CSV come back byte for byte, the SQL-looking name too",
          "[cli][participant]") {
    Workspace ws;
    ws.ok({"init"});
    const auto imported = ws.json({"participant", "import", ws.file("people.csv", people_csv())});
    CHECK(imported["created"] == 8);
    CHECK(imported["updated"] == 0);
    ws.ok({"participant", "add", "--ref", "P-013", "--name", kSriyani, "--country", "LK", "--language", "si"});
    ws.ok({"participant", "add", "--ref", "P-014", "--name", kBobby + " \"again\"", "--country", "GB", "--language",
           "en"});

    const auto people = ws.json({"participant", "list"});
    REQUIRE(people.size() == 10);
    const std::vector<std::string> names{kYamada,   kMinjun,  kSomchai, kPriya,   kAisha,
                                         kMinhKhai, kSukarno, kBobby,   kSriyani, kBobby + " \"again\""};
    const std::vector<std::string> refs{"P-001", "P-002", "P-003", "P-004", "P-005",
                                        "P-006", "P-007", "P-008", "P-013", "P-014"};
    for (std::size_t i = 0; i < names.size(); ++i) {
        CHECK(people[i]["ref"] == refs[i]);
        CHECK(people[i]["full_name"].get<std::string>() == names[i]);
    }
    CHECK(people[0]["latin_name"] == "Yamada Hanako");
    CHECK(people[0]["country"] == "JP");
    CHECK(people[0]["language"] == "ja");
    CHECK(people[5]["latin_name"] == "");
    CHECK(people[8]["full_name"].get<std::string>().find("\u200D") != std::string::npos);  // the ZWJ survived
    CHECK(ws.count("participants") == 10);  // and the table is still there

    SECTION("search finds a person by part of the name in any script") {
        const auto found = ws.json({"participant", "list", "--search", "ใจดี"});
        REQUIRE(found.size() == 1);
        CHECK(found[0]["ref"] == "P-003");
    }
    SECTION("search finds % and _ as written: they match no one else, and an underscore in a ref is found") {
        ws.ok({"participant", "add", "--ref", "P_015", "--name", "Rai 100%", "--country", "NP", "--language", "ne"});
        auto refs = [&](const std::string& search) {
            std::vector<std::string> out;
            for (const auto& p : ws.json({"participant", "list", "--search", search})) out.push_back(p["ref"]);
            return out;
        };
        CHECK(refs("_") == std::vector<std::string>{"P_015"});
        CHECK(refs("%") == std::vector<std::string>{"P_015"});
        CHECK(refs("P_") == std::vector<std::string>{"P_015"});
        CHECK(refs("P-00_").empty());
        CHECK(refs("0%") == std::vector<std::string>{"P_015"});
        CHECK(refs("P-00").size() == 8);
        CHECK(ws.ok({"participant", "list", "--search", "%_%"}).out.find("No one found") != std::string::npos);
    }
    SECTION("show gives one person with their details") {
        const auto shown = ws.json({"participant", "show", "P-001"});
        CHECK(shown["full_name"] == kYamada);
        CHECK(shown["email"] == "hanako@example.org");
    }
    SECTION("the text list shows the names as written") {
        const auto text = ws.ok({"participant", "list"});
        for (const auto& name : names) CHECK(text.out.find(name) != std::string::npos);
    }
}

TEST_CASE("re-importing a participant CSV duplicates no one, and a changed name updates that person",
          "[cli][participant]") {
    Workspace ws;
    ws.ok({"init"});
    const auto file = ws.file("people.csv", people_csv());
    ws.ok({"participant", "import", file});
    const auto before = ws.dump();

    const auto again = ws.json({"participant", "import", file});
    CHECK(again["created"] == 0);
    CHECK(again["updated"] == 0);
    CHECK(again["unchanged"] == 8);
    CHECK(ws.dump() == before);

    std::string changed = people_csv();
    const std::string old_line = "P-002," + kMinjun + ",Kim Min-jun,KR,ko,";
    changed.replace(changed.find(old_line), old_line.size(), "P-002,김민준 (민준),Kim Min-jun,KR,ko,");
    const auto update = ws.json({"participant", "import", ws.file("people2.csv", changed)});
    CHECK(update["created"] == 0);
    CHECK(update["updated"] == 1);
    CHECK(update["unchanged"] == 7);
    const auto people = ws.json({"participant", "list"});
    REQUIRE(people.size() == 8);
    CHECK(people[1]["ref"] == "P-002");
    CHECK(people[1]["full_name"] == "김민준 (민준)");
    CHECK(people[0]["full_name"] == kYamada);
}

TEST_CASE("a cohort is created, listed, shown and people are enrolled in it", "[cli][cohort]") {
    Workspace ws;
    set_up_programme(ws);
    const auto cohorts = ws.json({"cohort", "list"});
    REQUIRE(cohorts.size() == 1);
    CHECK(cohorts[0]["code"] == kCohort);
    CHECK(cohorts[0]["curriculum"] == "PSF");
    CHECK(cohorts[0]["curriculum_version"] == "2026.2");
    CHECK(cohorts[0]["time_zone"] == "Asia/Kathmandu");
    CHECK(cohorts[0]["enrolled"] == 4);
    CHECK(cohorts[0]["trainers"] == json({"T-NP-01"}));

    const auto shown = ws.json({"cohort", "show", kCohort});
    REQUIRE(shown["enrolled"].size() == 4);
    CHECK(shown["enrolled"][0]["ref"] == "P-001");
    CHECK(shown["enrolled"][0]["on"] == "2026-01-01");
    CHECK(shown["sessions"] == 30);

    SECTION("enrolling someone again says so and enrols no one twice") {
        const auto again = ws.json({"cohort", "enrol", kCohort, "P-001", "P-004"});
        CHECK(again["enrolled"] == json({"P-004"}));
        CHECK(again["already"] == json({"P-001"}));
        CHECK(ws.count("enrolments") == 5);
    }
    SECTION("the cohort's people are listed with their names") {
        const auto enrolled = ws.json({"participant", "list", "--cohort", kCohort});
        REQUIRE(enrolled.size() == 4);
        CHECK(enrolled[3]["full_name"] == kSriyani);
    }
}

TEST_CASE("sessions are scheduled from the curriculum at the site's own time, and one more can be added",
          "[cli][session]") {
    Workspace ws;
    set_up_programme(ws);
    const auto sessions = ws.json({"session", "list", kCohort});
    REQUIRE(sessions.size() == 30);  // 2+3+3+4+3+4+3+3+2+3
    CHECK(sessions[0]["module"] == "M01");
    CHECK(sessions[0]["date"] == "2026-01-05");
    CHECK(sessions[0]["start"] == "10:00");
    CHECK(sessions[0]["minutes"] == 180);
    CHECK(sessions[1]["date"] == "2026-01-12");
    CHECK(sessions[29]["module"] == "M10");
    CHECK(sessions[29]["date"] == "2026-07-27");
    // The lead teaches what they are qualified and certified for; the rest wait for a trainer.
    CHECK(sessions[0]["trainer"] == "T-NP-01");
    CHECK(sessions[29]["trainer"] == "");
    for (const auto& s : sessions) {
        CHECK(s["id"].is_number_integer());
        CHECK(s["minutes"] == 180);
    }

    const auto added = ws.json({"session", "add", "--cohort", kCohort, "--module", "M09", "--date", "2026-08-03",
                                "--at", "14:30", "--minutes", "120"});
    CHECK(added["module"] == "M09");
    CHECK(added["date"] == "2026-08-03");
    CHECK(added["start"] == "14:30");
    CHECK(added["minutes"] == 120);
    const auto after = ws.json({"session", "list", kCohort});
    REQUIRE(after.size() == 31);
    CHECK(after[30]["id"] == added["id"]);

    SECTION("scheduling twice is refused") {
        const auto before = ws.dump();
        const auto again = ws.run({"session", "schedule", kCohort});
        CHECK(again.status == 2);
        CHECK(ws.dump() == before);
    }
}

TEST_CASE("attendance is marked present, absent, excused, late and left early, and imported from CSV",
          "[cli][attendance]") {
    Workspace ws;
    set_up_programme(ws);
    const auto ids = sessions_by_module(ws, kCohort);
    const auto m01a = std::to_string(ids.at("M01")[0]), m01b = std::to_string(ids.at("M01")[1]);

    ws.ok({"attendance", "mark", m01a, "--everyone-present", "--late", "P-002:120", "--absent", "P-013"});
    auto marks = ws.json({"attendance", "list", m01a});
    REQUIRE(marks.size() == 4);
    CHECK(marks[0] == json({{"ref", "P-001"}, {"status", "present"}, {"minutes", nullptr}, {"note", ""}}));
    CHECK(marks[1]["status"] == "late");
    CHECK(marks[1]["minutes"] == 120);
    CHECK(marks[2]["status"] == "present");
    CHECK(marks[3]["ref"] == "P-013");
    CHECK(marks[3]["status"] == "absent");

    const auto second = ws.json(
        {"attendance", "mark", m01b, "--present", "P-001,P-003", "--left-early", "P-002:100", "--excused", "P-013"});
    CHECK(second["marked"] == 4);
    marks = ws.json({"attendance", "list", m01b});
    REQUIRE(marks.size() == 4);
    CHECK(marks[1]["status"] == "left_early");
    CHECK(marks[1]["minutes"] == 100);
    CHECK(marks[3]["status"] == "excused");

    const auto completion = ws.json({"completion", kCohort, "--today", kAfterEverything});
    CHECK(module(person(completion, "P-001"), "M01")["attended_minutes"] == 360);
    CHECK(module(person(completion, "P-002"), "M01")["attended_minutes"] == 220);
    CHECK(module(person(completion, "P-013"), "M01")["attended_minutes"] == 0);

    SECTION("an import marks a cohort's sessions, and importing it again changes nothing") {
        const auto m02 = ids.at("M02");
        const std::string csv = "session,ref,status,minutes\n" + std::to_string(m02[0]) + ",P-001,present,\n" +
                                std::to_string(m02[0]) + ",P-002,late,90\n" + std::to_string(m02[1]) +
                                ",P-003,left_early,60\n" + std::to_string(m02[1]) + ",P-013,absent,\n";
        const auto file = ws.file("marks.csv", csv);
        const auto imported = ws.json({"attendance", "import", kCohort, file});
        CHECK(imported["marked"] == 4);
        const auto again = ws.json({"attendance", "import", kCohort, file});
        CHECK(again["marked"] == 0);
        CHECK(again["unchanged"] == 4);
        const auto done = ws.json({"completion", kCohort, "--today", kAfterEverything});
        CHECK(module(person(done, "P-001"), "M02")["attended_minutes"] == 180);
        CHECK(module(person(done, "P-002"), "M02")["attended_minutes"] == 90);
        CHECK(module(person(done, "P-003"), "M02")["attended_minutes"] == 60);
    }
    SECTION("everyone present leaves earlier marks, and people who enrolled later, alone") {
        ws.ok({"cohort", "enrol", kCohort, "P-004", "--on", "2026-01-10"});  // after the first session
        const auto again = ws.json({"attendance", "mark", m01a, "--everyone-present"});
        CHECK(again["marked"] == 0);
        CHECK(again["changed"] == 0);
        marks = ws.json({"attendance", "list", m01a});
        REQUIRE(marks.size() == 4);
        CHECK(marks[1]["status"] == "late");
        CHECK(marks[1]["minutes"] == 120);
        CHECK(marks[3]["status"] == "absent");
        const auto m02a = std::to_string(ids.at("M02")[0]);
        ws.ok({"attendance", "mark", m02a, "--everyone-present", "--absent", "P-013"});
        marks = ws.json({"attendance", "list", m02a});
        REQUIRE(marks.size() == 5);
        CHECK(marks[3]["ref"] == "P-004");
        CHECK(marks[3]["status"] == "present");
    }
    SECTION("marking again changes a mark") {
        const auto changed = ws.json({"attendance", "mark", m01a, "--present", "P-002"});
        CHECK(changed["changed"] == 1);
        CHECK(ws.json({"attendance", "list", m01a})[1]["status"] == "present");
    }
}

TEST_CASE("a person who does everything the curriculum asks is complete, and one minute short is not and says why",
          "[cli][completion]") {
    Workspace ws;
    set_up_programme(ws);
    const auto ids = sessions_by_module(ws, kCohort);

    // P-001 and P-002 attend every session of the required modules and of M07 and M08 (not M09);
    // P-002 comes 73 minutes late to M01's second session (287 of 360), P-003 72 minutes (288).
    std::string csv = "session,ref,status,minutes\n";
    for (const auto& [code, list] : ids) {
        if (code == "M09") continue;
        for (std::size_t i = 0; i < list.size(); ++i) {
            const std::string id = std::to_string(list[i]);
            csv += id + ",P-001,present,\n";
            csv += id + (code == "M01" && i == 1 ? ",P-002,late,107\n" : ",P-002,present,\n");
            if (code == "M01") csv += id + (i == 1 ? ",P-003,left_early,108\n" : ",P-003,P,\n");
        }
    }
    ws.ok({"attendance", "import", kCohort, ws.file("marks.csv", csv)});
    for (const std::string ref : {"P-001", "P-002"}) {
        ws.ok({"assessment", "record", kCohort, ref, "M03", "--passed", "--assessor", kSita, "--on", "2026-02-23"});
        ws.ok({"practicum", "log", kCohort, ref, "M10", "--minutes", "1200", "--supervisor", "Dr. Lee", "--on",
               "2026-07-01", "--signed-off", "2026-07-02"});
        ws.ok({"practicum", "log", kCohort, ref, "M10", "--minutes", "1200", "--supervisor", "Dr. Lee", "--on",
               "2026-07-15"});
        // What PSF 2026.2 asks beside: observed practice met in M04 and M06, the agreement and attestation signed.
        ws.ok({"assessment", "observe", kCohort, ref, "M04", "--rater", "T-NP-01", "--on", "2026-03-02", "--released",
               "2026-03-03", "--level", "following=2", "--level", "listening=3", "--level", "reflecting=2", "--level",
               "uncertainty=NO"});
        ws.ok({"assessment", "observe", kCohort, ref, "M06", "--rater", "T-NP-01", "--on", "2026-04-06", "--released",
               "2026-04-07", "--level", "presence=2", "--level", "choice=2", "--level", "alternatives=3", "--level",
               "safety=2"});
        for (const char* kind : {"supervision_agreement", "lived_experience"})
            ws.ok({"attest", ref, kind, "--signed", "--on", "2026-01-05"});
    }

    auto completion = ws.json({"completion", kCohort, "--today", kAfterEverything});
    REQUIRE(completion.size() == 4);
    auto p1 = person(completion, "P-001");
    CHECK(p1["complete"] == false);
    CHECK(module(p1, "M03")["complete"] == true);
    CHECK(module(p1, "M10")["complete"] == false);
    CHECK(module(p1, "M10")["attended_minutes"] == 540);
    CHECK(module(p1, "M10")["required_minutes"] == 540);
    CHECK(p1["reason"] ==
          "M10 Supervised Practicum: supervised practice: 20 hours of 40 hours signed off; one-to-one supervision: "
          "1200 minutes short (0 hours of 20 hours); group supervision: 600 minutes short (0 hours of 10 hours); "
          "code of ethics 2026.1 not yet acknowledged");

    for (const std::string ref : {"P-001", "P-002"}) {
        ws.ok({"practicum", "log", kCohort, ref, "M10", "--minutes", "1200", "--supervisor", "Dr. Lee", "--on",
               "2026-07-15", "--signed-off", "2026-07-30"});
        ws.ok({"ethics", "acknowledge", ref, "--version", "2026.1", "--on", "2026-01-05"});
    }
    // M10's split: 20 hours one-to-one and 10 in groups, with a supervisor whose credential is valid those days.
    ws.ok({"supervisor", "add", "S-1", "--name", "Outside supervisor", "--credential", "Certified Peer Supervisor",
           "--valid-from", "2025-01-01", "--expires", "2026-12-31"});
    for (const std::string ref : {"P-001", "P-002"}) {
        ws.ok({"supervision", "log", kCohort, ref, "M10", "--supervisor", "S-1", "--format", "one_to_one", "--minutes",
               "1200", "--on", "2026-07-20"});
        ws.ok({"supervision", "log", kCohort, ref, "M10", "--supervisor", "S-1", "--format", "group", "--minutes",
               "600", "--on", "2026-07-21"});
    }
    completion = ws.json({"completion", kCohort, "--today", kAfterEverything});
    p1 = person(completion, "P-001");
    CHECK(p1["complete"] == true);
    CHECK(p1["reason"] == "");
    REQUIRE(p1["modules"].size() == 10);
    for (const auto& m : p1["modules"]) {
        INFO(m.dump());
        if (m["code"] == "M09") continue;  // the elective not taken
        CHECK(m["complete"] == true);
        CHECK(m["reason"] == "");
        CHECK(m["attended_minutes"].get<int>() >= m["required_minutes"].get<int>());
    }
    CHECK(module(p1, "M09")["complete"] == false);
    CHECK(module(p1, "M01")["attended_minutes"] == 360);
    CHECK(module(p1, "M01")["required_minutes"] == 288);
    CHECK(module(p1, "M09")["attended_minutes"] == 0);

    const auto p2 = person(completion, "P-002");
    CHECK(p2["complete"] == false);
    CHECK(p2["reason"] == "M01 Lived Experience and Mutuality: attended 287 of 360 minutes, needs 288");
    CHECK(module(p2, "M01")["complete"] == false);
    CHECK(module(p2, "M01")["attended_minutes"] == 287);
    CHECK(module(p2, "M01")["required_minutes"] == 288);

    const auto p3 = person(completion, "P-003");
    CHECK(p3["complete"] == false);
    CHECK(module(p3, "M01")["complete"] == true);
    CHECK(module(p3, "M01")["attended_minutes"] == 288);

    const auto text = ws.ok({"completion", kCohort, "--today", kAfterEverything});
    CHECK(text.out.find("1 of 4 complete") != std::string::npos);

    SECTION("a coordinator's override with a reason completes the module") {
        ws.ok({"completion", "override", kCohort, "P-002", "M01", "--complete", "--reason",
               "took M01 in Pokhara in 2025"});
        const auto after = ws.json({"completion", kCohort, "--today", kAfterEverything});
        const auto p2_after = person(after, "P-002");
        CHECK(p2_after["complete"] == true);
        CHECK(module(p2_after, "M01")["overridden"] == true);
        CHECK(module(p2_after, "M01")["complete"] == true);
        CHECK(ws.count("audit_log") > 0);

        ws.ok({"completion", "override", kCohort, "P-002", "M01", "--not-complete", "--reason", "Pokhara had no M01"});
        const auto undone = person(ws.json({"completion", kCohort, "--today", kAfterEverything}), "P-002");
        CHECK(undone["complete"] == false);
        CHECK(undone["reason"] ==
              "M01 Lived Experience and Mutuality: marked not complete by cli-test "
              "(Pokhara had no M01)");
    }
    SECTION("an override without a reason is refused") {
        const auto before = ws.dump();
        const auto missing = ws.run({"completion", "override", kCohort, "P-002", "M01", "--complete"});
        CHECK(missing.status == 2);
        CHECK(missing.err.find("--reason") != std::string::npos);
        const auto blank = ws.run({"completion", "override", kCohort, "P-002", "M01", "--complete", "--reason", "  "});
        CHECK(blank.status == 2);
        CHECK(blank.err.find("reason") != std::string::npos);
        CHECK(ws.dump() == before);
    }
    SECTION("a failed assessment taken later than the pass counts") {
        ws.ok({"assessment", "record", kCohort, "P-001", "M03", "--failed", "--on", "2026-03-01", "--assessor",
               "Sita Rai"});
        const auto p1_after = person(ws.json({"completion", kCohort, "--today", kAfterEverything}), "P-001");
        CHECK(p1_after["complete"] == false);
        CHECK(module(p1_after, "M03")["reason"] ==
              "M03 Ethics, Confidentiality and Boundaries: assessment not passed (2026-03-01)");
    }
}
