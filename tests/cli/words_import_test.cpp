// A participants or attendance CSV with mistakes, imported by a reader of Japanese: every problem in Japanese, with
// its line and column named, and nothing changed; in English, the words mitra-cli always gave (issue 20).
#include <catch2/catch.hpp>

#include "cohort_setup.hpp"
#include "names.hpp"
#include "run_cli.hpp"
#include "words_fixture.hpp"

using namespace mitra::cli_test;

namespace {

// The column names and the values of the files below: codes a reader types, not words to translate.
const std::vector<std::string> kCodes{"ref",      "full_name",    "latin_name", "country",   "language", "email",
                                      "phone",    "consent_date", "session",    "status",    "minutes",  "note",
                                      "nickname", "XX",           "xx",         "sometimes", "late",     "left_early",
                                      "present",  "excused",      "absent",     "CSV",       "UTF",      "YYYY",
                                      "MM",       "DD",           "Bad",        "Person",    "many"};

}  // namespace

TEST_CASE("a broken participants CSV is refused in Japanese, naming each line and field; in English as before",
          "[cli][participant][language]") {
    Workspace ws;
    set_up_scheduled_cohort(ws);
    const std::string header = "ref,full_name,latin_name,country,language,email,consent_date\n";
    const std::string good = "P-100,Good Person,,JP,ja,,\n";  // line 2: would be added if the file were taken

    SECTION("field errors of core's checks and a date") {
        const auto file = ws.file(
            "people.csv", header + good + "P-101,Bad Person,,XX,ja,not-an-address,2026-13-40\nP-100,,,JP,ja,,\n");
        ws.environment = {"LANGUAGE=ja"};
        const auto err = refused(ws, {"participant", "import", file});
        CHECK(english_words(err, kCodes).empty());
        CHECK(contains(err, file + ":3:4: country: 'XX' "));
        CHECK(contains(err, file + ":3:6: email: 'not-an-address' "));
        CHECK(contains(err, file + ":3:7: consent_date: "));
        CHECK(contains(err, "2026-13-40"));
        CHECK(contains(err, file + ":4:2: full_name: "));
        CHECK(contains(err, file + ":4:1: ref: "));  // the duplicate ref, named
        CHECK(contains(err, "P-100"));
        CHECK(!contains(err, "ISO 3166-1 country code"));

        ws.environment = {};
        const auto english = refused(ws, {"participant", "import", file});
        CHECK(contains(english, file + ":3:4: country: 'XX' is not an ISO 3166-1 country code (such as JP, IN, LK)"));
        CHECK(contains(english, file + ":3:6: email: 'not-an-address' is not an e-mail address"));
        CHECK(contains(english, file + ":3:7: consent_date: '2026-13-40' is not a date in the form YYYY-MM-DD"));
        CHECK(contains(english, file + ":4:2: full_name: is required"));
        CHECK(contains(english, file + ":4:1: ref: duplicate ref P-100, first on line 2"));
    }
    SECTION("a header with an unknown column, and a row with too few fields") {
        const auto file = ws.file("people.csv", "ref,full_name,latin_name,country,language,email,nickname\n" + good);
        ws.environment = {"LANGUAGE=ja"};
        const auto err = refused(ws, {"participant", "import", file});
        CHECK(english_words(err, kCodes).empty());
        CHECK(contains(err, file + ":1:7: nickname: "));
        CHECK(contains(err, "'nickname'"));
        ws.environment = {};
        CHECK(contains(refused(ws, {"participant", "import", file}),
                       file + ":1:7: nickname: unknown column 'nickname'; the columns are ref, full_name, latin_name, "
                              "country, language, email and optionally phone, consent_date"));

        const auto short_row = ws.file("short.csv", header + "P-102,Bad Person,,JP\n");
        ws.environment = {"LANGUAGE=ja"};
        const auto err_short = refused(ws, {"participant", "import", short_row});
        CHECK(english_words(err_short, kCodes).empty());
        CHECK(contains(err_short, short_row + ":2:5: language: "));
        ws.environment = {};
        CHECK(contains(refused(ws, {"participant", "import", short_row}),
                       short_row + ":2:5: language: too few fields: the header has 7 columns, this row has 4"));
    }
    SECTION("an empty file") {
        const auto file = ws.file("people.csv", "");
        ws.environment = {"LANGUAGE=ja"};
        const auto err = refused(ws, {"participant", "import", file});
        CHECK(english_words(err, kCodes).empty());
        CHECK(contains(err, file + ": "));
        ws.environment = {};
        CHECK(contains(refused(ws, {"participant", "import", file}),
                       file + ": the file is empty; its first line should name the columns"));
    }
}

TEST_CASE("a broken attendance CSV is refused in Japanese, naming each line and field; in English as before",
          "[cli][attendance][language]") {
    Workspace ws;
    set_up_scheduled_cohort(ws);
    const auto session = std::to_string(ws.json({"session", "list", kCohort})[0]["id"].get<long long>());
    const auto file = ws.file("marks.csv", "session,ref,status,minutes\n" + session + ",P-001,present,\n" + session +
                                               ",P-002,sometimes,\n" + "x,P-002,late,\n" + session +
                                               ",P-001,absent,\n" + session + ",P-002,late,many\n");
    ws.environment = {"LANGUAGE=ja"};
    const auto err = refused(ws, {"attendance", "import", kCohort, file});
    CHECK(english_words(err, kCodes).empty());
    CHECK(contains(err, file + ":3:3: status: 'sometimes' "));
    CHECK(contains(err, file + ":4:1: session: 'x' "));
    CHECK(contains(err, file + ":4:4: minutes: "));
    CHECK(contains(err, file + ":5:2: ref: "));
    CHECK(contains(err, file + ":6:4: minutes: 'many' "));

    ws.environment = {};
    const auto english = refused(ws, {"attendance", "import", kCohort, file});
    CHECK(contains(english, file + ":3:3: status: 'sometimes' is not an attendance status (present, late, left_early, "
                                   "excused, absent, or P, L, E, A)"));
    CHECK(contains(english, file + ":4:1: session: 'x' is not a session number (a whole number such as 12)"));
    CHECK(contains(english, file + ":4:4: minutes: is required when the status is late: the minutes the person "
                                   "attended"));
    CHECK(contains(english, file + ":5:2: ref: session " + session + " is marked twice for P-001, first on line 2"));
    CHECK(contains(english, file + ":6:4: minutes: 'many' is not a number of minutes from 0 to 1440"));
}
