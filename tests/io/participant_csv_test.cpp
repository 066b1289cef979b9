// Participant files: names in every script kept byte for byte, every bad field located, all or nothing.
#include <catch2/catch.hpp>

#include <filesystem>

#include "io/files.hpp"
#include "io/participant_csv.hpp"
#include "problems.hpp"

using namespace mitra;
using namespace mitra::io;
using mitra::io::testing::has_problem;
using mitra::io::testing::listed;

namespace {
const std::string kHeader = "ref,full_name,latin_name,country,language,email\n";
const std::string kSinhalaName =
    "\u0DC1\u0DCA\u200D\u0DBB\u0DD2\u0DBA\u0DCF\u0DB1\u0DD2";  // ශ්‍රියානි, with its ZWJ
const std::string kBobbyTables = "Robert'); DROP TABLE participants;--";
}  // namespace

TEST_CASE("names in every script are kept byte for byte", "[io][csv][participant]") {
    const std::string csv = kHeader +
                            "P001,山田 花子,Yamada Hanako,JP,ja,hanako@example.org\n"
                            "P002,김민준,Kim Minjun,KR,ko,\n"
                            "P003,สมชาย ใจดี,Somchai Jaidee,TH,th,\n"
                            "P004,प्रिया शर्मा,Priya Sharma,IN,hi,\n"
                            "P005," +
                            kSinhalaName +
                            ",Shriyani,LK,si,\n"
                            "P006,عائشہ خان,Aisha Khan,PK,ur,\n"
                            "P007,Nguyễn Thị Minh Khai,,VN,vi,\n"
                            "P008,Sukarno,,ID,id,\n"
                            "P009," +
                            kBobbyTables +
                            ",,GB,en,\n"
                            "P010,\"Khan, Aisha\",,PK,ur,\n";
    const auto read = read_participant_csv(csv, "people.csv");
    INFO(listed(read.problems));
    REQUIRE(read.ok());
    REQUIRE(read.value.size() == 10);
    const std::vector<std::string> expected = {
        "山田 花子", "김민준",     "สมชาย ใจดี",  "प्रिया शर्मा", kSinhalaName, "عائشہ خان", "Nguyễn Thị Minh Khai",
        "Sukarno",   kBobbyTables, "Khan, Aisha"};
    for (std::size_t i = 0; i < expected.size(); ++i) CHECK(read.value[i].participant.full_name == expected[i]);
    CHECK(read.value[4].participant.full_name.find("\xE2\x80\x8D") != std::string::npos);  // the ZWJ survived
    CHECK(read.value[0].participant.latin_name == "Yamada Hanako");
    CHECK(read.value[0].participant.email == "hanako@example.org");
    CHECK(read.value[0].line == 2);
    CHECK(read.value[9].line == 11);
}

TEST_CASE("codes and names lose surrounding spaces, and country codes are upper-cased", "[io][csv][participant]") {
    const auto read = read_participant_csv(kHeader + " P001 , Sukarno ,, id , id ,\n", "people.csv");
    INFO(listed(read.problems));
    REQUIRE(read.ok());
    const auto& p = read.value[0].participant;
    CHECK(p.ref == "P001");
    CHECK(p.country == "ID");
    CHECK(p.language == "id");
    CHECK(p.full_name == "Sukarno");  // names are kept normalised (core/names.hpp)
}

TEST_CASE("columns may come in any order, with phone and consent_date optional", "[io][csv][participant]") {
    const auto read = read_participant_csv(
        "email,country, ref ,language,full_name,latin_name,consent_date,phone\n"
        "minjun@example.org,KR,P001,ko,김민준,Kim Minjun,2026-03-01,+82 10-1234-5678\n",
        "people.csv");
    INFO(listed(read.problems));
    REQUIRE(read.ok());
    const auto& p = read.value[0].participant;
    CHECK(p.ref == "P001");
    CHECK(p.full_name == "김민준");
    CHECK(p.phone == "+82 10-1234-5678");
    REQUIRE(p.consent_date);
    CHECK(*p.consent_date == Date{2026, 3, 1});
}

TEST_CASE("each bad field is reported at its line and column, and the file is refused whole",
          "[io][csv][participant]") {
    const std::string csv = kHeader +
                            "P001,山田 花子,Yamada Hanako,JP,ja,hanako@example.org\n"  // line 2: good
                            "P002,,,JP,ja,\n"                                          // 3: no full_name
                            "P003,Somchai,,XX,th,\n"                                   // 4: unknown country
                            "P001,Priya,,IN,hi,\n"                                     // 5: duplicate ref
                            ",Nobody,,IN,hi,\n"                                        // 6: no ref
                            "P007,Someone,,IN,,\n"                                     // 7: no language
                            "P008,Jos\xE9,,IN,hi,\n"                                   // 8: not UTF-8
                            "P009," +
                            std::string(1001, 'a') +
                            ",,IN,hi,\n"                       // 9: too long
                            "P010,Name,,LK,si,not-an-email\n"  // 10: bad email
                            "P011,Name,,,si,\n"                // 11: no country
                            "P012,Name\x01,,LK,si,\n";         // 12: control character
    const auto read = read_participant_csv(csv, "people.csv");
    INFO(listed(read.problems));
    CHECK(read.value.empty());
    CHECK(read.problems.size() == 10);
    CHECK(has_problem(read.problems, 3, 2, "is required"));
    CHECK(has_problem(read.problems, 4, 4, "'XX' is not an ISO 3166-1 country code"));
    CHECK(has_problem(read.problems, 5, 1, "duplicate ref P001, first on line 2"));
    CHECK(has_problem(read.problems, 6, 1, "is required"));
    CHECK(has_problem(read.problems, 7, 5, "is required"));
    CHECK(has_problem(read.problems, 8, 2, "not valid UTF-8"));
    CHECK(has_problem(read.problems, 9, 2, "field of unreasonable length"));
    CHECK(has_problem(read.problems, 10, 6, "is not an e-mail address"));
    CHECK(has_problem(read.problems, 11, 4, "is required"));
    CHECK(has_problem(read.problems, 12, 2, "control character"));
    SECTION("each problem names its file and field") {
        CHECK(read.problems[0].file == "people.csv");
        CHECK(read.problems[0].field == "full_name");
        CHECK(to_string(read.problems[1]) ==
              "people.csv:4:4: country: 'XX' is not an ISO 3166-1 country code (such as JP, IN, LK)");
    }
}

TEST_CASE("names are read in their kept form, and a name's bad character is located, never quoted",
          "[io][csv][participant][names]") {
    SECTION("NFC and single ASCII spaces") {
        const auto read =
            read_participant_csv(kHeader +
                                     "P001,\u00A0Nguye\u0302\u0303n\u3000Thi\u0323 ,Jane\u2009Doe,VN,vi,\n"
                                     "P002,山田\u3000花子,,JP,ja,\n",
                                 "people.csv");
        INFO(listed(read.problems));
        REQUIRE(read.ok());
        REQUIRE(read.value.size() == 2);
        CHECK(read.value[0].participant.full_name == "Nguyễn Thị");
        CHECK(read.value[0].participant.latin_name == "Jane Doe");
        CHECK(read.value[1].participant.full_name == "山田 花子");
    }
    SECTION("C1 controls, emoji, direction controls, invisible and blank names") {
        const auto read = read_participant_csv(kHeader +
                                                   "P001,Secret\u0085Name,,LK,si,\n"            // line 2: C1 control
                                                   "P002,Secret Name,Jane \U0001F600,LK,si,\n"  // 3: emoji
                                                   "P003,\u202EemaNterceS,,LK,si,\n"            // 4: bidi override
                                                   "P004,\u200B\u200B,,LK,si,\n"                // 5: zero-width only
                                                   "P005,\u00A0\u00A0\u3000,,LK,si,\n",         // 6: blank
                                               "people.csv");
        INFO(listed(read.problems));
        CHECK(read.value.empty());
        CHECK(read.problems.size() == 5);
        CHECK(has_problem(read.problems, 2, 2, "contains the control character U+0085"));
        CHECK(has_problem(read.problems, 3, 3, "contains U+1F600 GRINNING FACE, an emoji or pictograph"));
        CHECK(has_problem(read.problems, 4, 2, "U+202E RIGHT-TO-LEFT OVERRIDE, a direction control"));
        CHECK(has_problem(read.problems, 5, 2, "U+200B ZERO WIDTH SPACE, an invisible character"));
        CHECK(has_problem(read.problems, 6, 2, "is required"));  // nothing is left once spaces go
        REQUIRE(!read.problems.empty());
        CHECK(to_string(read.problems[0]) ==
              "people.csv:2:2: full_name: contains the control character U+0085 (such as a line break or NUL)");
        for (const auto& problem : read.problems) CHECK(to_string(problem).find("Secret") == std::string::npos);
    }
}

TEST_CASE("a participant file with a duplicate ref is refused whole", "[io][csv][participant]") {
    const auto read = read_participant_csv(kHeader + "P1,A,,JP,ja,\nP2,B,,JP,ja,\nP1,C,,JP,ja,\n", "people.csv");
    CHECK(read.value.empty());
    REQUIRE(read.problems.size() == 1);
    CHECK(has_problem(read.problems, 4, 1, "duplicate ref P1, first on line 2"));
}

TEST_CASE("broken CSV rows are reported along with bad fields in other rows", "[io][csv][participant]") {
    const std::string csv = kHeader + "P001,\"Khan, Aisha,,PK,ur,\n";  // never closed: swallows the rest
    const auto unterminated = read_participant_csv(csv, "people.csv");
    CHECK(has_problem(unterminated.problems, 2, 2, "never closed"));

    const auto read = read_participant_csv(kHeader +
                                               "P001,Khan, Aisha,,PK,ur,\n"  // line 2: comma in a name
                                               "P002,Aisha,,XX,ur,\n"        // line 3: bad country
                                               "P003,\"A\"B,,PK,ur,\n"       // line 4: after the quote
                                               "P004,Aisha,,PK\n",           // line 5: too few
                                           "people.csv");
    INFO(listed(read.problems));
    CHECK(read.value.empty());
    CHECK(read.problems.size() == 4);
    CHECK(has_problem(read.problems, 2, 7, "too many fields"));
    CHECK(has_problem(read.problems, 3, 4, "not an ISO 3166-1"));
    CHECK(has_problem(read.problems, 4, 2, "after the closing quote"));
    CHECK(has_problem(read.problems, 5, 5, "too few fields"));
}

TEST_CASE("the header must name the known columns", "[io][csv][participant]") {
    SECTION("an unknown column is named at its place in the header") {
        const auto read = read_participant_csv(
            "ref,full_name,latin_name,country,language,email,nickname\nP1,A,,JP,ja,,x\n", "people.csv");
        REQUIRE(read.problems.size() == 1);
        CHECK(has_problem(read.problems, 1, 7, "unknown column 'nickname'"));
        CHECK(read.problems[0].field == "nickname");
        CHECK(read.value.empty());
    }
    SECTION("a missing required column is named") {
        const auto read = read_participant_csv("ref,full_name,latin_name,country,language\nP1,A,,JP,ja\n", "p.csv");
        REQUIRE(read.problems.size() == 1);
        CHECK(read.problems[0].message == "the header has no 'email' column");
    }
    SECTION("a column named twice") {
        const auto read =
            read_participant_csv("ref,full_name,latin_name,country,language,email,ref\nP1,A,,JP,ja,,P1\n", "p.csv");
        CHECK(has_problem(read.problems, 1, 7, "appears twice"));
    }
    SECTION("header names are matched exactly, in lower case") {
        const auto read = read_participant_csv("Ref,full_name,latin_name,country,language,email\n", "p.csv");
        CHECK(has_problem(read.problems, 1, 1, "unknown column 'Ref'"));
    }
}

TEST_CASE("a consent date must be a real YYYY-MM-DD date", "[io][csv][participant]") {
    const auto read = read_participant_csv(
        kHeader.substr(0, kHeader.size() - 1) + ",consent_date\n" + "P1,A,,JP,ja,,2026-02-30\n", "p.csv");
    REQUIRE(read.problems.size() == 1);
    CHECK(has_problem(read.problems, 2, 7, "'2026-02-30' is not a date"));
}

TEST_CASE("a participant file is read from disk, or its absence is a problem naming it", "[io][csv][participant]") {
    const auto path = std::filesystem::temp_directory_path() / "mitra-io-test-people.csv";
    write_file_atomically(path, kHeader + "P1,山田 花子,,JP,ja,\n");
    const auto read = read_participant_csv_file(path);
    std::filesystem::remove(path);
    REQUIRE(read.ok());
    CHECK(read.value[0].participant.full_name == "山田 花子");

    const auto missing = read_participant_csv_file(path);
    REQUIRE(missing.problems.size() == 1);
    CHECK(missing.problems[0].file == path.string());
    CHECK(missing.problems[0].code == ProblemCode::input_missing);  // the file is its place, not in its words
    CHECK(to_string(missing.problems[0]).find(path.string()) != std::string::npos);
}
