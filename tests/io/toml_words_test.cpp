// The curriculum and certificate template readers' problems carry a code, worded once (io::problem_phrase) in every
// catalog's language, with the place kept and the English as the readers always gave it (issue 20).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "catalog_languages.hpp"
#include "io/catalog.hpp"
#include "io/curriculum_toml.hpp"
#include "io/reason_words.hpp"
#include "io/template_toml.hpp"
#include "problems.hpp"

using namespace mitra;
using namespace mitra::io;
using mitra::io::testing::has_problem;
using mitra::io::testing::listed;
using mitra::io_test::kLanguages;

namespace {

// A curriculum with a problem of most kinds the reader finds; lines as the checks below name them.
const std::string kBroken = R"([curriculum]
code = "PSF"
version = 2026
electives_required = 3
ethics_code = " "
colour = "blue"
completion_months = 999
translated_from = { ja = "zz" }
[curriculum.title]
ja = "ピアサポート基礎"
"not a tag" = "x"

[[module]]
code = "M 1"
kind = "lecture"
minutes = 60
sessions = 2
required = "yes"
attendance_share = 1.5
assessment = "graded"
mandatory_sessions = [3, 1, 1]
supervised_one_to_one_minutes = 30
supervised_group_minutes = 10
supervised_group_max_minutes = 5
title = { en = ")" + std::string(300, 'a') +
                            R"(" }

[[module]]
code = "M2"
kind = "theory"
minutes = 60
title = { en = "Two", ja = "" }
outcome = 5
[module.rubric]
pass_level = 2
criterion = 1

[[module]]
code = "M2"
kind = "theory"
minutes = 60.5
title = { en = "Three" }

[certification]
code = "C"
title = {}
valid_months = 12
[certification.renewal]
total_hours = "many"
[certification.renewal.minimum_hours]
"Bad Cat" = 1
ethics = 20000
)";

// A certificate template with a problem of most kinds; its images are not there (the folder does not exist).
const std::string kBrokenTemplate = R"([template]
name = "Broken"
kind = "diploma"
[page]
size = "A5"
paper = "blue"
background = "paper.gif"
[[image]]
file = "/srv/logo.png"
x_mm = 10
y_mm = 2000
width_mm = 30
[[image]]
file = "../seal.png"
x_mm = 10
y_mm = 10
width_mm = 30
[[image]]
file = "seal.png"
x_mm = 10
y_mm = 10
width_mm = 30
[[text]]
field = "nickname"
x_mm = 10
y_mm = 10
width_mm = 100
size_pt = 12
columns = 2
[[text]]
text = { en = "Awarded on {date}" }
field = "serial"
x_mm = 10
y_mm = 10
width_mm = 100
size_pt = "big"
rule = 3
)";

Problems curriculum_problems() {
    auto read = read_curriculum(kBroken, "psf.toml");
    auto empty = read_curriculum("[curriculum]\ncode = \"E\"\nversion = \"1\"\ntitle = { en = \"E\" }\n", "e.toml");
    auto invalid = read_curriculum("[curriculum\ncode = \"PSF\"\n", "bad.toml");
    read.problems.insert(read.problems.end(), empty.problems.begin(), empty.problems.end());
    read.problems.insert(read.problems.end(), invalid.problems.begin(), invalid.problems.end());
    return read.problems;
}

Problems template_problems() {
    return read_certificate_template(kBrokenTemplate, "no-such-folder/broken.toml").problems;
}

}  // namespace

TEST_CASE("every problem of a curriculum or template file has a code, and its English is as the readers said it",
          "[toml][catalog]") {
    const Problems curriculum = curriculum_problems();
    INFO(listed(curriculum));
    CHECK(has_problem(curriculum, 3, 11, "should be text in quotes, but is a whole number"));
    CHECK(has_problem(curriculum, 6, 1,
                      "unknown key 'colour'; the keys here are code, version, electives_required, ethics_code, "
                      "title, translated_from, completion_months, referees_required, supervision_agreement, "
                      "lived_experience_attestation"));
    CHECK(has_problem(curriculum, 5, 15, "is empty; leave the key out when no code of ethics applies"));
    CHECK(has_problem(curriculum, 7, 21, "999 is out of range: it should be from 1 to 240"));
    CHECK(has_problem(curriculum, 11, 1, "'not a tag' is not a BCP 47 language tag (such as en, ja, zh-Hant)"));
    CHECK(has_problem(curriculum, 14, 8, "'M 1' may hold only letters A-Z, digits, '-', '_' and '.' (at most 64)"));
    CHECK(has_problem(curriculum, 15, 8,
                      "'lecture' is not a kind of module (theory, practice, art_community or practicum)"));
    CHECK(has_problem(curriculum, 18, 12, "should be true or false, but is text"));
    CHECK(has_problem(curriculum, 19, 20, "should be more than 0 and at most 1 (such as 0.8)"));
    CHECK(has_problem(curriculum, 20, 14, "'graded' is not a kind of assessment; the only one is \"pass_fail\""));
    CHECK(has_problem(curriculum, 21, 23, "session 3 does not exist: the module has 2 session(s) (sessions =)"));
    CHECK(has_problem(curriculum, 21, 29, "session 1 is listed twice"));
    CHECK(has_problem(curriculum, 22, 33,
                      "splits supervised practice, but the module has none (give supervised_minutes, the total)"));
    CHECK(has_problem(curriculum, 24, 32, "5 is less than supervised_group_minutes (10)"));
    CHECK(has_problem(curriculum, 25, 16, "is 300 characters long; the most is"));
    CHECK(has_problem(curriculum, 31, 28, "is empty"));
    CHECK(has_problem(curriculum, 32, 11, "should be a list of [[module.outcome]] tables, but is a whole number"));
    CHECK(has_problem(curriculum, 35, 13, "should be one or more [[module.rubric.criterion]] tables, but is a whole"));
    CHECK(has_problem(curriculum, 38, 8, "module code M2 is used twice, first on line 28"));
    CHECK(has_problem(curriculum, 40, 11, "should be a whole number, but is a number with decimals"));
    CHECK(has_problem(curriculum, 45, 9, "has no texts"));
    CHECK(has_problem(curriculum, 48, 15, "should be a number of hours such as 36 or 1.5, but is text"));
    CHECK(has_problem(curriculum, 50, 1, "is not a category name"));
    CHECK(has_problem(curriculum, 51, 10, "should be from 0 to 10000 hours"));
    CHECK(has_problem(curriculum, 4, 22,
                      "3 electives are required, but the curriculum has only 0 (modules with required = false)"));
    CHECK(has_problem(curriculum, 1, 1, "the curriculum has no modules; add at least one [[module]]"));
    CHECK(has_problem(curriculum, 1, 12, "not valid TOML: "));
    const Problems layout = template_problems();
    INFO(listed(layout));
    CHECK(has_problem(layout, 3, 8, "'diploma' is not one of \"completion\", \"module\""));
    CHECK(has_problem(layout, 6, 9, "'blue' is not a colour like \"#1F3A5F\""));
    CHECK(has_problem(layout, 7, 14, "image 'paper.gif' should be a PNG or JPEG file (.png, .jpg)"));
    CHECK(has_problem(layout, 9, 8,
                      "image '/srv/logo.png' is an absolute path; name it relative to the template's folder, where "
                      "it must be"));
    CHECK(has_problem(layout, 11, 8, "2000 is out of range: it should be from 0 to 1000"));
    CHECK(has_problem(layout, 14, 8,
                      "image '../seal.png' leads out of the template's folder with '..'; keep images beside the "
                      "template"));
    CHECK(has_problem(layout, 19, 8, "image 'seal.png' is not there (looked for no-such-folder/seal.png)"));
    CHECK(has_problem(layout, 24, 9,
                      "'nickname' is not a field; the fields are full_name, latin_name, curriculum_title, "
                      "curriculum_title_en, modules, site_and_dates, trainers, serial, issued_on"));
    CHECK(has_problem(layout, 29, 11, "is only for a block with field = \"modules\""));
    CHECK(has_problem(layout, 31, 15, "'{date}' is not a placeholder; use {full_name}"));
    CHECK(has_problem(layout, 36, 11, "should be a number, but is text"));
    CHECK(has_problem(layout, 30, 1, "give either field = \"...\" or text = { en = \"...\" }, one of the two"));
    for (const Problems* problems : {&curriculum, &layout})
        for (const auto& p : *problems) {
            INFO(to_string(p));
            CHECK(p.code != ProblemCode::none);
            CHECK(problem_phrase(p, catalog("")) == p.message);
        }
}

TEST_CASE("a curriculum or template file's problems are said in every catalog's language, the place kept",
          "[toml][catalog][language]") {
    Problems all = curriculum_problems();
    const Problems layout = template_problems();
    all.insert(all.end(), layout.begin(), layout.end());
    for (const auto& language : kLanguages) {
        const Catalog& words = catalog(language);
        REQUIRE(words.translated());
        for (const auto& p : all) {
            const std::string shown = problem_phrase(p, words);
            INFO(language << ": " << to_string(p) << "\n  " << shown);
            CHECK(shown != p.message);
            CHECK(shown.find('%') == std::string::npos);
            if (p.code == ProblemCode::toml_unknown_key || p.code == ProblemCode::not_a_colour ||
                p.code == ProblemCode::module_code_twice)
                CHECK(shown.find(p.values.front()) != std::string::npos);
            const std::string line = problem_line(p, words);
            CHECK(line.rfind(p.file + ":" + std::to_string(p.line) + ":" + std::to_string(p.column) + ": ", 0) == 0);
        }
    }
}

TEST_CASE("the types a TOML value should be or is are words of every catalog's language", "[toml][catalog][language]") {
    const std::vector<std::pair<std::string, std::string>> types{
        {"text", "text"},
        {"text_in_quotes", "text in quotes"},
        {"integer", "a whole number"},
        {"float", "a number with decimals"},
        {"boolean", "true or false"},
        {"table", "a table"},
        {"array", "a list"},
        {"date", "a date or time"},
        {"nothing", "nothing"},
        {"number", "a number"},
        {"localized", "a table of texts by language (en = \"...\")"},
        {"share", "a number such as 0.8"},
        {"session_numbers", "a list of session numbers such as [1, 4]"},
        {"session_number", "a session number"},
        {"hours", "a number of hours such as 36 or 1.5"},
        {"criteria", "one or more [[module.rubric.criterion]] tables"},
        {"[[frame]]", "a list of [[frame]] tables"}};
    for (const auto& [key, english] : types) {
        Problem p{"t.toml", 1, 1, "x", ""};
        p = coded_problem(p, ProblemCode::toml_wrong_type, {key, "nothing"});
        INFO(key);
        CHECK(p.message == "should be " + english + ", but is nothing");
        for (const auto& language : kLanguages) {
            INFO(language);
            const std::string shown = problem_phrase(p, catalog(language));
            // The English words of the type are gone (the brackets of a table's name stay: they are written so).
            CHECK(shown.find(english) == std::string::npos);
            if (key == "[[frame]]") CHECK(shown.find("[[frame]]") != std::string::npos);
        }
    }
}
