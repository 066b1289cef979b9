// The curriculum file's rules for supervised practice and observed assessment (issue 21): read whole, and bad
// values refused where they are.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

#include "io/curriculum_toml.hpp"
#include "problems.hpp"

using namespace mitra;
using namespace mitra::io;
using mitra::io::testing::column_of;
using mitra::io::testing::has_problem;
using mitra::io::testing::line_of;
using mitra::io::testing::listed;
using mitra::io::testing::replaced;

namespace {

const std::string kPractice = R"([curriculum]
code = "PSF"
version = "2026.1"
completion_months = 18
referees_required = 3
supervision_agreement = true
lived_experience_attestation = true
[curriculum.title]
en = "Peer Support Foundations"

[[module]]
code = "M01"
kind = "theory"
minutes = 400
sessions = 4
mandatory_sessions = [1, 4]
max_missed = 1
[module.title]
en = "Listening"
[module.rubric]
pass_level = 2
max_not_observed = 1
[[module.rubric.criterion]]
key = "listening"
[module.rubric.criterion.title]
en = "Listening without advice"
ja = "助言せずに聴く"
[module.rubric.criterion.level_0]
en = "Not yet seen."
[module.rubric.criterion.level_1]
en = "Sometimes."
[module.rubric.criterion.level_2]
en = "Mostly."
[module.rubric.criterion.level_3]
en = "Throughout."
[module.rubric.criterion.level_4]
en = "Throughout, and helps others."
ja = "終始、他の人も助ける。"

[[module]]
code = "M02"
kind = "practicum"
minutes = 120
supervised_minutes = 1200
supervised_one_to_one_minutes = 600
supervised_group_minutes = 0
supervised_group_max_minutes = 600
[module.title]
en = "Supervised practice"
)";

// The one problem a broken file has: where (the first place `at` is found), its field and words.
void check_one(const std::string& text, std::string_view at, const std::string& field, const std::string& words) {
    const auto read = read_curriculum(text, "psf.toml");
    INFO(listed(read.problems));
    REQUIRE(read.problems.size() == 1);
    CHECK(has_problem(read.problems, line_of(text, at), column_of(text, at), words));
    CHECK(read.problems[0].field == field);
    CHECK(read.problems[0].file == "psf.toml");
    CHECK(read.value.modules.empty());
}

}  // namespace

TEST_CASE("a curriculum's practice rules are read whole", "[io][toml][curriculum][practice]") {
    const auto read = read_curriculum(kPractice, "psf.toml");
    INFO(listed(read.problems));
    REQUIRE(read.ok());
    const auto& c = read.value;
    CHECK(c.programme == ProgrammeRule{3, true, true, 18});
    const auto& m1 = c.modules[0];
    CHECK(m1.session_rule.mandatory_sessions == std::vector<int>{1, 4});
    CHECK(m1.session_rule.max_missed == 1);
    REQUIRE(m1.rubric);
    CHECK(m1.rubric->pass_level == 2);
    CHECK(m1.rubric->max_not_observed == 1);
    REQUIRE(m1.rubric->criteria.size() == 1);
    const auto& criterion = m1.rubric->criteria[0];
    CHECK(criterion.key == "listening");
    CHECK(criterion.title.in("ja") == "助言せずに聴く");
    CHECK(criterion.levels[2].in("en") == "Mostly.");
    CHECK(criterion.levels[2].in("ja") == "Mostly.");  // absent in Japanese: English
    CHECK(criterion.levels[4].in("ja") == "終始、他の人も助ける。");
    const auto& m2 = c.modules[1];
    CHECK(m2.supervision == SupervisionRule{600, 0, 600});
    CHECK_FALSE(m2.rubric);
    CHECK_FALSE(m2.session_rule.max_missed);
}

TEST_CASE("bad practice rules are refused where they are", "[io][toml][curriculum][practice]") {
    SECTION("a mandatory session the module does not have") {
        check_one(replaced(kPractice, "[1, 4]", "[1, 5]"), "5]", "module[1].mandatory_sessions[2]",
                  "session 5 does not exist: the module has 4 session(s)");
    }
    SECTION("a mandatory session listed twice") {
        check_one(replaced(kPractice, "[1, 4]", "[4, 4 ]"), "4 ]", "module[1].mandatory_sessions[2]",
                  "session 4 is listed twice");
    }
    SECTION("a mandatory session that is not a number") {
        check_one(replaced(kPractice, "[1, 4]", "[1, \"last\"]"), "\"last\"", "module[1].mandatory_sessions[2]",
                  "should be a session number");
    }
    SECTION("more sessions allowed to be missed than the module has") {
        check_one(replaced(kPractice, "max_missed = 1", "max_missed = 9"), "9", "module[1].max_missed",
                  "9 is out of range: it should be from 0 to 4");
    }
    SECTION("a pass level past the top level") {
        check_one(replaced(kPractice, "pass_level = 2", "pass_level = 5"), "5", "module[1].rubric.pass_level",
                  "5 is out of range: it should be from 0 to 4");
    }
    SECTION("more N/O allowed than the rubric has criteria") {
        check_one(replaced(kPractice, "max_not_observed = 1", "max_not_observed = 2"), "2\n[[",
                  "module[1].rubric.max_not_observed", "2 is out of range: it should be from 0 to 1");
    }
    SECTION("a level descriptor without English") {
        check_one(replaced(kPractice, "[module.rubric.criterion.level_3]\nen = \"Throughout.\"",
                           "[module.rubric.criterion.level_3]\nja = \"終始。\""),
                  "[module.rubric.criterion.level_3]", "module[1].rubric.criterion[1].level_3",
                  "needs an English text");
    }
    SECTION("a criterion key that is not a code") {
        check_one(replaced(kPractice, "key = \"listening\"", "key = \"listening well\""), "\"listening well\"",
                  "module[1].rubric.criterion[1].key", "may hold only letters");
    }
    SECTION("a misspelt rubric key") {
        check_one(replaced(kPractice, "max_not_observed = 1", "max_not_observed = 1\npass_levle = 2"), "pass_levle",
                  "module[1].rubric.pass_levle", "unknown key 'pass_levle'");
    }
    SECTION("one-to-one and group minimums past the total") {
        check_one(replaced(kPractice, "supervised_one_to_one_minutes = 600", "supervised_one_to_one_minutes = 1300"),
                  "1300", "module[2].supervised_one_to_one_minutes",
                  "one-to-one and group minimums (1300 minutes) are more than supervised_minutes (1200)");
    }
    SECTION("a split without a total") {
        check_one(replaced(kPractice, "supervised_minutes = 1200\n", ""), "600\nsupervised_group_minutes",
                  "module[2].supervised_one_to_one_minutes", "splits supervised practice, but the module has none");
    }
    SECTION("a group maximum under the group minimum") {
        std::string text = replaced(kPractice, "supervised_group_minutes = 0", "supervised_group_minutes = 300");
        text.replace(text.find("supervised_group_max_minutes = 600"), 34, "supervised_group_max_minutes = 200");
        check_one(text, "200\n[module.title]", "module[2].supervised_group_max_minutes",
                  "200 is less than supervised_group_minutes (300)");
    }
    SECTION("a completion window of no months") {
        check_one(replaced(kPractice, "completion_months = 18", "completion_months = 0"), "0\nreferees",
                  "curriculum.completion_months", "0 is out of range: it should be from 1 to 240");
    }
}

TEST_CASE(
    "the shipped curriculum with the rules in use asks for split supervision, observed practice in M04 and "
    "M06, and 18 months",
    "[io][toml][curriculum][practice]") {
    const auto read = read_curriculum_file(std::filesystem::path(MITRA_SOURCE_DIR) / "tests/data/psf-practice.toml");
    INFO(listed(read.problems));
    REQUIRE(read.ok());
    const auto& c = read.value;
    CHECK(c.programme.completion_months == 18);
    for (const auto& m : c.modules) {
        INFO("module " << m.code);
        const bool observed = m.code == "M04" || m.code == "M06";
        CHECK(m.rubric.has_value() == observed);
        if (observed) {
            CHECK(m.rubric->criteria.size() >= 3);
            CHECK(m.rubric->criteria.size() <= 5);
            for (const auto& criterion : m.rubric->criteria) {
                INFO("criterion " << criterion.key);
                for (const char* language : {"en", "ja", "id"}) {
                    CHECK(criterion.title.has(language));
                    for (const auto& level : criterion.levels) CHECK(level.has(language));
                }
            }
        }
        if (m.code == "M10") {
            CHECK(m.supervised_minutes == 2400);
            CHECK(m.supervision.one_to_one_minutes + m.supervision.group_minutes <= m.supervised_minutes);
            CHECK(m.supervision.one_to_one_minutes > 0);
            CHECK(m.supervision.group_minutes > 0);
        }
    }
}
