// Bad input through the real mitra-cli: exit status 2, the place named on stderr, and the database unchanged.
#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>

#include "cohort_setup.hpp"
#include "names.hpp"
#include "run_cli.hpp"

using namespace mitra::cli_test;

namespace {

// Runs a command that must be refused: status 2, `words` in the first line on stderr, nothing printed on
// stdout, every stderr line a message of mitra-cli's own, and every table exactly as before.
void refused(const Workspace& ws, const std::vector<std::string>& args, const std::string& words) {
    const auto before = ws.dump();
    const auto people_before = ws.json({"participant", "list"});
    const auto result = ws.run(args);
    INFO("stderr: " << result.err);
    CHECK(result.status == 2);
    CHECK(result.out.empty());
    const auto first_line = result.err.substr(0, result.err.find('\n'));
    CHECK(first_line.find(words) != std::string::npos);
    CHECK(result.err.rfind("mitra-cli: ", 0) == 0);
    CHECK(result.err.find("terminate called") == std::string::npos);
    CHECK(ws.dump() == before);
    CHECK(ws.json({"participant", "list"}) == people_before);
}

}  // namespace

TEST_CASE("a participant CSV with any bad row is refused whole, naming the line and column", "[cli][participant]") {
    Workspace ws;
    set_up_scheduled_cohort(ws);
    const std::string good = "P-100,Good Person,,JP,ja,\n";  // line 2: would be added if the file were taken
    std::string bad_row, where;
    std::string header = kPeopleHeader;

    SECTION("invalid UTF-8") {
        bad_row = "P-101,\xC3\x28 broken,,JP,ja,\n";
        where = ":3:2: full_name:";
    }
    SECTION("a NUL byte") {
        bad_row = std::string("P-101,Nul\0Name,,JP,ja,\n", 21);
        where = ":3:2: full_name:";
    }
    SECTION("a missing required field") {
        bad_row = "P-101,,,JP,ja,\n";
        where = ":3:2: full_name: is required";
    }
    SECTION("an unknown country") {
        bad_row = "P-101,Someone,,XX,ja,\n";
        where = ":3:4: country:";
    }
    SECTION("a duplicate ref") {
        bad_row = "P-100,Someone Else,,JP,ja,\n";
        where = ":3:1: ref: duplicate ref P-100";
    }
    SECTION("a broken quote") {
        bad_row = "P-101,\"Unclosed,,JP,ja,\n";
        where = ":3:2: full_name:";
    }
    SECTION("too many fields") {
        bad_row = "P-101,Someone,,JP,ja,,extra\n";
        where = ":3:7:";
    }
    SECTION("an unknown column") {
        header = "ref,full_name,latin_name,country,language,email,shoe_size\n";
        bad_row = "P-101,Someone,,JP,ja,,42\n";
        where = ":1:7: shoe_size:";
    }
    const std::string extra = header == kPeopleHeader ? "" : ",";
    std::string good_line = good;
    good_line.insert(good_line.size() - 1, extra);
    const auto file = ws.file("bad people.csv", header + good_line + bad_row);
    refused(ws, {"participant", "import", file}, file + where);
    CHECK(ws.count("participants") == 8);
}

TEST_CASE("a name that cannot be printed or shows as another is refused at the door, naming the field, not the name",
          "[cli][participant][names]") {
    Workspace ws;
    set_up_scheduled_cohort(ws);
    const auto never_quoted = [&ws](const std::vector<std::string>& args, const std::string& words) {
        const auto before = ws.dump();
        const auto result = ws.run(args);
        INFO("stderr: " << result.err);
        CHECK(result.err.find("Hidden") == std::string::npos);
        CHECK(ws.dump() == before);
        refused(ws, args, words);
    };
    SECTION("an emoji in a participant's name") {
        never_quoted({"participant", "add", "--ref", "P-300", "--name", "Hidden Name \U0001F600", "--country", "LK",
                      "--language", "si"},
                     "--full-name: contains U+1F600 GRINNING FACE, an emoji or pictograph");
    }
    SECTION("a right-to-left override in a trainer's name") {
        never_quoted(
            {"trainer", "add", "--ref", "T-300", "--name", "\u202EneddiH", "--country", "NP", "--languages", "ne"},
            "--name: contains U+202E RIGHT-TO-LEFT OVERRIDE");
    }
    SECTION("a zero-width space in a Latin name") {
        never_quoted({"participant", "add", "--ref", "P-300", "--name", kSriyani, "--latin-name", "Hidden\u200B Name",
                      "--country", "LK", "--language", "si"},
                     "--latin-name: contains U+200B ZERO WIDTH SPACE");
    }
    SECTION("a C1 control in an imported file, at its file, line and field") {
        const auto file = ws.file("c1 people.csv", kPeopleHeader +
                                                       "P-300,Good Person,,JP,ja,\n"
                                                       "P-301,Hidden\u0085Name,,JP,ja,\n");
        never_quoted({"participant", "import", file}, file + ":3:2: full_name: contains the control character U+0085");
    }
    CHECK(ws.count("participants") == 8);
    CHECK(ws.count("trainers") == 0);
}

TEST_CASE("names are kept in one form whatever spaces and composition they were typed with",
          "[cli][participant][names]") {
    Workspace ws;
    ws.ok({"init"});
    ws.ok({"participant", "add", "--ref", "P-1", "--name", "\u00A0Nguye\u0302\u0303n\u3000Thi\u0323 ", "--country",
           "VN", "--language", "vi"});
    ws.ok({"trainer", "add", "--ref", "T-1", "--name", "\u3000佐藤\u3000美咲", "--country", "JP", "--languages", "ja"});
    ws.ok({"participant", "add", "--ref", "P-2", "--name", kSriyani, "--country", "LK", "--language", "si"});
    CHECK(ws.json({"participant", "show", "P-1"})["full_name"] == "Nguyễn Thị");
    CHECK(ws.json({"participant", "show", "P-2"})["full_name"] == kSriyani);  // its ZWJ is kept
    CHECK(ws.dump().find("佐藤 美咲") != std::string::npos);
}

TEST_CASE("an attendance CSV naming an unknown ref or another cohort's session is refused, naming file and line",
          "[cli][attendance]") {
    Workspace ws;
    set_up_scheduled_cohort(ws);
    ws.ok({"cohort", "create", "--code", "CMB-2026-1", "--curriculum", "PSF", "--site", "Colombo", "--country", "LK",
           "--language", "si", "--start", "2026-02-02"});
    ws.ok({"session", "schedule", "CMB-2026-1"});
    const auto own = ws.json({"session", "list", kCohort})[0]["id"].get<long long>();
    const auto other = ws.json({"session", "list", "CMB-2026-1"})[0]["id"].get<long long>();
    const std::string header = "session,ref,status,minutes\n";
    const std::string good = std::to_string(own) + ",P-001,present,\n";

    SECTION("an unknown ref") {
        const auto file = ws.file("marks.csv", header + good + std::to_string(own) + ",P-999,present,\n");
        refused(ws, {"attendance", "import", kCohort, file}, file + ":3: ref: no participant has ref P-999");
    }
    SECTION("a session of another cohort") {
        const auto file = ws.file("marks.csv", header + good + std::to_string(other) + ",P-002,present,\n");
        refused(ws, {"attendance", "import", kCohort, file}, file + ":3: session:");
    }
    SECTION("late without minutes") {
        const auto file = ws.file("marks.csv", header + good + std::to_string(own) + ",P-002,late,\n");
        refused(ws, {"attendance", "import", kCohort, file}, file + ":3");
    }
    SECTION("someone not enrolled in any cohort of the curriculum") {
        const auto file = ws.file("marks.csv", header + good + std::to_string(own) + ",P-005,present,\n");
        refused(ws, {"attendance", "import", kCohort, file}, file + ":3: ref: P-005 is not enrolled");
    }
    CHECK(ws.count("attendance") == 0);
}

TEST_CASE("attendance marks on the command line are refused whole when any is bad", "[cli][attendance]") {
    Workspace ws;
    set_up_scheduled_cohort(ws);
    const auto id = std::to_string(ws.json({"session", "list", kCohort})[0]["id"].get<long long>());
    SECTION("late without minutes names the option") {
        refused(ws, {"attendance", "mark", id, "--present", "P-001", "--late", "P-002"}, "--late");
    }
    SECTION("left early with minutes that are not a number") {
        refused(ws, {"attendance", "mark", id, "--present", "P-001", "--left-early", "P-002:lots"}, "--left-early");
    }
    SECTION("more minutes than the session has") {
        refused(ws, {"attendance", "mark", id, "--present", "P-001", "--late", "P-002:181"}, "minutes");
    }
    SECTION("an unknown ref") { refused(ws, {"attendance", "mark", id, "--present", "P-001,P-999"}, "P-999"); }
    SECTION("an unknown session") { refused(ws, {"attendance", "mark", "9999", "--present", "P-001"}, "9999"); }
    CHECK(ws.count("attendance") == 0);
}

TEST_CASE("a broken curriculum file is refused with its file, line and column", "[cli][curriculum]") {
    Workspace ws;
    set_up_scheduled_cohort(ws);
    SECTION("a value of the wrong type") {
        const std::string file = ws.file("broken.toml",
                                         "[curriculum]\ncode = \"BRK\"\nversion = \"1\"\n\n"
                                         "[curriculum.title]\nen = \"Broken\"\n\n"
                                         "[[module]]\ncode = \"B01\"\nkind = \"theory\"\n"
                                         "minutes = \"lots\"\n\n[module.title]\nen = \"B\"\n");
        refused(ws, {"curriculum", "import", file}, file + ":11:11: module[1].minutes:");
    }
    SECTION("a TOML syntax error") {
        const std::string file = ws.file("broken.toml", "[curriculum\ncode = \"BRK\"\n");
        refused(ws, {"curriculum", "import", file}, file + ":1:");
    }
    SECTION("changing the minutes of a version a cohort uses") {
        std::ifstream in(std::string(MITRA_SOURCE_DIR) + "/curricula/peer-support-foundations.toml");
        std::string toml((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        const std::string from = "minutes = 360\nsessions = 2";
        REQUIRE(toml.find(from) != std::string::npos);
        toml.replace(toml.find(from), from.size(), "minutes = 300\nsessions = 2");
        refused(ws, {"curriculum", "import", ws.file("psf.toml", toml)}, "version");
    }
}

TEST_CASE("an unknown cohort is refused by every command that names one", "[cli][cohort]") {
    Workspace ws;
    set_up_scheduled_cohort(ws);
    const auto marks = ws.file("marks.csv", "session,ref,status,minutes\n1,P-001,present,\n");
    refused(ws, {"session", "list", "NOPE"}, "no cohort has code NOPE");
    refused(ws, {"session", "schedule", "NOPE"}, "no cohort has code NOPE");
    refused(ws, {"cohort", "show", "NOPE"}, "no cohort has code NOPE");
    refused(ws, {"cohort", "enrol", "NOPE", "P-001"}, "no cohort has code NOPE");
    refused(ws, {"completion", "NOPE"}, "no cohort has code NOPE");
    refused(ws, {"attendance", "import", "NOPE", marks}, "no cohort has code NOPE");
    refused(ws, {"assessment", "record", "NOPE", "P-001", "M03", "--passed"}, "no cohort has code NOPE");
    refused(ws, {"session", "add", "--cohort", "NOPE", "--module", "M01", "--date", "2026-03-01"},
            "no cohort has code NOPE");
}

TEST_CASE("a date that is not in the calendar is refused, naming the option", "[cli][session]") {
    Workspace ws;
    set_up_scheduled_cohort(ws);
    refused(ws,
            {"cohort", "create", "--code", "X-1", "--curriculum", "PSF", "--site", "S", "--country", "NP", "--language",
             "ne", "--start", "2026-02-30"},
            "--start: '2026-02-30'");
    refused(ws, {"session", "add", "--cohort", kCohort, "--module", "M01", "--date", "2026-02-30"}, "--date");
    refused(ws, {"cohort", "enrol", kCohort, "P-003", "--on", "2026-02-30"}, "--on");
    refused(ws,
            {"practicum", "log", kCohort, "P-001", "M10", "--minutes", "60", "--supervisor", "Dr. Lee", "--signed-off",
             "2026-02-30"},
            "--signed-off");
    refused(ws, {"completion", kCohort, "--today", "2026-13-01"}, "--today");
}

TEST_CASE("enrolling an unknown ref along with a known one enrols neither", "[cli][cohort]") {
    Workspace ws;
    set_up_scheduled_cohort(ws);
    refused(ws, {"cohort", "enrol", kCohort, "P-003", "P-999"}, "P-999");
    const auto enrolled = ws.json({"participant", "list", "--cohort", kCohort});
    REQUIRE(enrolled.size() == 2);
    CHECK(enrolled[0]["ref"] == "P-001");
    CHECK(enrolled[1]["ref"] == "P-002");
}

TEST_CASE("other bad options are refused with status 2 and nothing changed", "[cli]") {
    Workspace ws;
    set_up_scheduled_cohort(ws);
    SECTION("a participant with an unknown country") {
        refused(ws, {"participant", "add", "--ref", "P-200", "--name", kSriyani, "--country", "XX", "--language", "si"},
                "--country");
    }
    SECTION("a participant whose ref exists") {
        refused(ws,
                {"participant", "add", "--ref", "P-001", "--name", "Someone", "--country", "JP", "--language", "ja"},
                "P-001");
    }
    SECTION("a session at a time that is not a time") {
        refused(ws, {"session", "add", "--cohort", kCohort, "--module", "M01", "--date", "2026-03-01", "--at", "25:00"},
                "--at");
    }
    SECTION("a module the curriculum does not have") {
        refused(ws, {"session", "add", "--cohort", kCohort, "--module", "M99", "--date", "2026-03-01"}, "M99");
    }
    SECTION("an unknown command") { refused(ws, {"participant", "frobnicate"}, "subcommand"); }
}

TEST_CASE("records for someone not in the cohort, or for a module without them, are refused", "[cli][completion]") {
    Workspace ws;
    set_up_scheduled_cohort(ws);
    SECTION("an assessment of someone not enrolled") {
        refused(ws, {"assessment", "record", kCohort, "P-005", "M03", "--passed", "--assessor", "Sita Rai"},
                "P-005 is not enrolled");
    }
    SECTION("an assessment of a module that has none") {
        refused(ws, {"assessment", "record", kCohort, "P-001", "M01", "--passed", "--assessor", "Sita Rai"},
                "M01 has no assessment");
    }
    SECTION("supervised practice of someone not enrolled") {
        refused(ws, {"practicum", "log", kCohort, "P-005", "M10", "--minutes", "60", "--supervisor", "Dr. Lee"},
                "P-005 is not enrolled");
    }
    SECTION("supervised practice in a module that has none") {
        refused(ws, {"practicum", "log", kCohort, "P-001", "M01", "--minutes", "60", "--supervisor", "Dr. Lee"},
                "M01 has no supervised practice");
    }
    SECTION("an override for someone not enrolled in the cohort") {
        refused(ws, {"completion", "override", kCohort, "P-005", "M01", "--complete", "--reason", "elsewhere"},
                "P-005 is not enrolled");
    }
    SECTION("a session of negative length") {
        refused(ws,
                {"session", "add", "--cohort", kCohort, "--module", "M01", "--date", "2026-03-01", "--minutes", "-5"},
                "minutes");
    }
}
