// The CSV readers' problems and core's field errors carry a code, worded once (io::problem_phrase,
// io::field_error_phrase) in every catalog's language, with the place kept and the English as it always was.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/validation.hpp"
#include "io/attendance_csv.hpp"
#include "catalog_languages.hpp"
#include "io/catalog.hpp"
#include "io/participant_csv.hpp"
#include "io/reason_words.hpp"
#include "problems.hpp"

using namespace mitra;
using namespace mitra::io;
using mitra::io::testing::listed;
using mitra::io_test::kLanguages;

namespace {

// One error of every kind core gives a field, as core gives it.
std::vector<FieldError> every_kind() {
    using Kind = FieldError::Kind;
    return {{"ref", "is required", Kind::required},
            {"languages", "is required (such as ja,en)", Kind::required, "ja,en"},
            {"ref", "'p 1' may hold only letters A-Z, digits, '-', '_' and '.' (at most 64)", Kind::not_a_code, "p 1"},
            {"country", "'XX' is not an ISO 3166-1 country code (such as JP, IN, LK)", Kind::not_a_country, "XX"},
            {"language", "'j_a' is not a BCP 47 language tag (such as ja, zh-Hant, ur)", Kind::not_a_language, "j_a"},
            {"full_name", "is longer than 200 characters", Kind::too_long},
            {"full_name", "is not valid UTF-8 (byte 3)", Kind::not_utf8, "3"},
            {"full_name", "is blank", Kind::blank},
            {"email", "'a.b' is not an e-mail address", Kind::not_an_email, "a.b"},
            {"phone", "'call me' is not a phone number (digits, spaces, + - ( ) .)", Kind::not_a_phone, "call me"}};
}

const Problem* at(const Problems& problems, int line, int column) {
    for (const auto& p : problems)
        if (p.line == line && p.column == column) return &p;
    return nullptr;
}

}  // namespace

TEST_CASE("each kind of field error is worded as core says it in English, and in every catalog's language",
          "[catalog][field][language]") {
    for (const auto& e : every_kind()) {
        INFO(e.message);
        const Problem problem = to_problem(e);
        CHECK(problem.code != ProblemCode::none);
        CHECK(problem.field == e.field);
        CHECK(problem.message == e.message);
        CHECK(field_error_phrase(e, catalog("")) == e.message);
        for (const auto& language : kLanguages) {
            INFO(language);
            const std::string shown = field_error_phrase(e, catalog(language));
            CHECK(shown != e.message);
            CHECK(shown.find('%') == std::string::npos);
            if (!e.value.empty()) CHECK(shown.find(e.value) != std::string::npos);
        }
    }
    // An error given no kind (core gives each of its checks one now) is said as its message.
    const FieldError other{"full_name", "contains the control character U+0085"};
    CHECK(to_problem(other).code == ProblemCode::none);
    CHECK(field_error_phrase(other, catalog("ja")) == other.message);
    // Validation itself gives the kinds and values the words need.
    Participant p;
    p.ref = "P-1";
    p.full_name = "A\xC3\x28";
    p.country = "XX";
    p.language = "ja";
    const auto errors = validate(p);
    REQUIRE(errors.size() == 2);
    CHECK(field_error_phrase(errors[0], catalog("")) == "is not valid UTF-8 (byte 2)");
    CHECK(field_error_phrase(errors[1], catalog("ja")) ==
          "'XX' は ISO 3166-1 の国コードではありません (例: JP、IN、LK)");
}

TEST_CASE("a participants CSV's problems keep their place and English, and carry codes worded in Japanese",
          "[io][csv][participant][language]") {
    const std::string csv =
        "ref,full_name,latin_name,country,language,email,consent_date,nickname\n"
        "P-1,Good Person,,JP,ja,,,\n"
        "P-2,Bad Person,,XX,ja,a.b,2026-13-01,\n"
        "P-1,,,JP,ja,,,\n"
        "P-3,Short\n";
    const auto read = read_participant_csv(csv, "people.csv");
    INFO(listed(read.problems));
    const Problem* unknown = at(read.problems, 1, 8);
    REQUIRE(unknown);
    CHECK(to_string(*unknown) ==
          "people.csv:1:8: nickname: unknown column 'nickname'; the columns are ref, full_name, latin_name, country, "
          "language, email and optionally phone, consent_date");
    CHECK(unknown->code == ProblemCode::column_unknown);
    CHECK(problem_phrase(*unknown, catalog("ja")) ==
          "不明な列 'nickname' です。列は ref, full_name, latin_name, country, language, email、任意で phone, "
          "consent_date です");

    struct Expected {
        int line, column;
        std::string field;
        ProblemCode code;
        std::string english;
    };
    const std::vector<Expected> expected{
        {3, 4, "country", ProblemCode::field_not_a_country,
         "'XX' is not an ISO 3166-1 country code (such as JP, IN, LK)"},
        {3, 6, "email", ProblemCode::field_not_an_email, "'a.b' is not an e-mail address"},
        {3, 7, "consent_date", ProblemCode::not_a_date, "'2026-13-01' is not a date in the form YYYY-MM-DD"},
        {4, 2, "full_name", ProblemCode::field_required, "is required"},
        {4, 1, "ref", ProblemCode::duplicate_ref, "duplicate ref P-1, first on line 2"},
        {5, 3, "latin_name", ProblemCode::csv_too_few_fields,
         "too few fields: the header has 8 columns, this row has 2"},
    };
    for (const auto& e : expected) {
        INFO(e.english);
        const Problem* p = at(read.problems, e.line, e.column);
        REQUIRE(p);
        CHECK(p->file == "people.csv");
        CHECK(p->field == e.field);
        CHECK(p->code == e.code);
        CHECK(p->message == e.english);
        CHECK(problem_phrase(*p, catalog("")) == e.english);
        for (const auto& language : kLanguages) {
            INFO(language);
            CHECK(problem_phrase(*p, catalog(language)) != e.english);
        }
    }
}

TEST_CASE("the CSV reader's own problems carry codes: a short row, a stray quote, an empty file",
          "[io][csv][language]") {
    const auto short_row =
        read_participant_csv("ref,full_name,latin_name,country,language,email\nP-3,Short\n", "p.csv");
    REQUIRE(short_row.problems.size() == 1);
    const Problem& p = short_row.problems[0];
    CHECK(to_string(p) == "p.csv:2:3: latin_name: too few fields: the header has 6 columns, this row has 2");
    CHECK(p.code == ProblemCode::csv_too_few_fields);
    CHECK(problem_phrase(p, catalog("ja")) == "フィールドが足りません: 見出しは 6 列、この行は 2 個です");

    const auto quote =
        read_participant_csv("ref,full_name,latin_name,country,language,email\nP-3,Sh\"ort,,JP,ja,\n", "p.csv");
    REQUIRE(!quote.problems.empty());
    CHECK(quote.problems[0].code == ProblemCode::csv_stray_quote);
    CHECK(quote.problems[0].line == 2);
    CHECK(quote.problems[0].column == 2);
    CHECK(quote.problems[0].field == "full_name");

    const auto empty = read_participant_csv("", "p.csv");
    REQUIRE(empty.problems.size() == 1);
    CHECK(to_string(empty.problems[0]) == "p.csv: the file is empty; its first line should name the columns");
    CHECK(problem_phrase(empty.problems[0], catalog("ko")) != empty.problems[0].message);
}

TEST_CASE("an attendance CSV's problems carry codes worded in every language, the English as before",
          "[io][csv][attendance][language]") {
    const std::string csv =
        "session,ref,status,minutes\n"
        "12,P-1,present,\n"
        "12,P-2,sometimes,\n"
        "x,p 2,late,\n"
        "12,P-1,absent,\n"
        "12,P-4,late,many\n"
        "12,P-3,absent,30\n";
    const auto read = read_attendance_csv(csv, "marks.csv");
    INFO(listed(read.problems));
    const std::vector<std::pair<ProblemCode, std::string>> expected{
        {ProblemCode::not_a_status,
         "marks.csv:3:3: status: 'sometimes' is not an attendance status (present, late, "
         "left_early, excused, absent, or P, L, E, A)"},
        {ProblemCode::not_a_session_number,
         "marks.csv:4:1: session: 'x' is not a session number (a whole number such as 12)"},
        {ProblemCode::field_not_a_code,
         "marks.csv:4:2: ref: 'p 2' may hold only letters A-Z, digits, '-', '_' and '.' (at most 64)"},
        {ProblemCode::minutes_required,
         "marks.csv:4:4: minutes: is required when the status is late: the minutes the person attended"},
        {ProblemCode::marked_twice, "marks.csv:5:2: ref: session 12 is marked twice for P-1, first on line 2"},
        {ProblemCode::not_minutes, "marks.csv:6:4: minutes: 'many' is not a number of minutes from 0 to 1440"},
        {ProblemCode::minutes_not_for_status,
         "marks.csv:7:4: minutes: minutes only go with late or left_early; leave it empty for absent"},
    };
    REQUIRE(read.problems.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const Problem& p = read.problems[i];
        CHECK(p.code == expected[i].first);
        CHECK(to_string(p) == expected[i].second);
        for (const auto& language : kLanguages) {
            INFO(language << ": " << expected[i].second);
            CHECK(problem_phrase(p, catalog(language)) != p.message);
        }
    }
    CHECK(problem_phrase(read.problems[4], catalog("ja")) ==
          "セッション 12 で P-1 が 2 回記録されています (最初は 2 行目)");
}

TEST_CASE("a problem's whole line: a file's place as compilers write it, a line with no file in words",
          "[catalog][language]") {
    Problem in_file{"people.csv", 4, 2, "full_name", ""};
    in_file.code = ProblemCode::field_blank;
    CHECK(problem_line(in_file, catalog("")) == "people.csv:4:2: full_name: is blank");
    CHECK(problem_line(in_file, catalog("ja")) == "people.csv:4:2: full_name: 空白だけです");
    Problem typed{"", 4, 2, "full_name", ""};
    typed.code = ProblemCode::field_blank;
    CHECK(problem_line(typed, catalog("")) == "line 4, column 2: full_name: is blank");
    CHECK(problem_line(typed, catalog("ja")) == "4 行目、2 列目: full_name: 空白だけです");
    typed.column = 0;
    CHECK(problem_line(typed, catalog("ja")) == "4 行目: full_name: 空白だけです");
}
