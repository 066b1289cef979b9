// The curriculum file: a good one read whole, broken ones refused with every problem located.
#include <catch2/catch.hpp>

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

const std::string kGood = R"(# A small curriculum for tests.
[curriculum]
code = "PSF"
version = "2026.1"
electives_required = 1
ethics_code = "2026.1"

[curriculum.title]
en = "Peer Support Foundations"
ja = "ピアサポート基礎"
zh-Hant = "同儕支持基礎"

[[module]]
code = "M01"
kind = "theory"
minutes = 360
sessions = 2
assessment = "pass_fail"
[module.title]
en = "Recovery and hope"
th = "การฟื้นตัวและความหวัง"
[module.summary]
en = "What recovery means."
[[module.outcome]]
en = "Explains recovery in their own words."
hi = "अपने शब्दों में रिकवरी समझाता है।"
[[module.outcome]]
en = "Shares their story safely."

[[module]]
code = "M02"
kind = "practicum"
minutes = 120
supervised_minutes = 2400
attendance_share = 1
[module.title]
en = "Supervised practice"

[[module]]
code = "E01"
kind = "art_community"
required = false
minutes = 180
attendance_share = 0.75
[module.title]
en = "Art and community"
)";

}  // namespace

TEST_CASE("a good curriculum file is read whole", "[io][toml][curriculum]") {
    const auto read = read_curriculum(kGood, "psf.toml");
    INFO(listed(read.problems));
    REQUIRE(read.ok());
    const auto& c = read.value;
    CHECK(c.code == "PSF");
    CHECK(c.version == "2026.1");
    CHECK(c.electives_required == 1);
    CHECK(c.ethics_code == "2026.1");
    CHECK(c.title.in("zh-Hant") == "同儕支持基礎");
    REQUIRE(c.modules.size() == 3);

    const auto& m1 = c.modules[0];
    CHECK(m1.code == "M01");
    CHECK(m1.kind == ModuleKind::theory);
    CHECK(m1.required);
    CHECK(m1.minutes == 360);
    CHECK(m1.sessions == 2);
    CHECK(m1.attendance_share == Approx(0.8));
    CHECK(m1.has_assessment);
    CHECK(m1.title.in("th") == "การฟื้นตัวและความหวัง");
    CHECK(m1.summary.in("en") == "What recovery means.");
    REQUIRE(m1.outcomes.size() == 2);
    CHECK(m1.outcomes[0].in("hi") == "अपने शब्दों में रिकवरी समझाता है।");

    CHECK(c.modules[1].kind == ModuleKind::practicum);
    CHECK(c.modules[1].supervised_minutes == 2400);
    CHECK(c.modules[1].attendance_share == Approx(1.0));
    CHECK(c.modules[1].sessions == 1);
    CHECK_FALSE(c.modules[2].required);
    CHECK(c.modules[2].attendance_share == Approx(0.75));
    CHECK_FALSE(c.modules[2].has_assessment);
}

TEST_CASE("a TOML syntax error is one problem with its line and column", "[io][toml][curriculum]") {
    const auto text = replaced(kGood, "minutes = 360", "minutes = = 360");
    const auto read = read_curriculum(text, "psf.toml");
    REQUIRE(read.problems.size() == 1);
    CHECK(read.problems[0].line == line_of(text, "minutes = = 360"));
    CHECK(read.problems[0].column > 0);
    CHECK(read.problems[0].file == "psf.toml");
    CHECK(read.problems[0].message.find("not valid TOML") != std::string::npos);
}

TEST_CASE("an unknown key is refused where it is, so typos show", "[io][toml][curriculum]") {
    const auto text = replaced(kGood, "sessions = 2", "sesions = 2");
    const auto read = read_curriculum(text, "psf.toml");
    INFO(listed(read.problems));
    REQUIRE(read.problems.size() == 1);
    CHECK(has_problem(read.problems, line_of(text, "sesions"), 1, "unknown key 'sesions'"));
    CHECK(read.problems[0].field == "module[1].sesions");
    CHECK(read.value.modules.empty());
}

TEST_CASE("a value of the wrong type is located at the value", "[io][toml][curriculum]") {
    const auto text = replaced(kGood, "minutes = 180", "minutes = \"ten\"");
    const auto read = read_curriculum(text, "psf.toml");
    INFO(listed(read.problems));
    REQUIRE(read.problems.size() == 1);
    CHECK(has_problem(read.problems, line_of(text, "\"ten\""), 11, "should be a whole number, but is text"));
    CHECK(read.problems[0].field == "module[3].minutes");
}

TEST_CASE("a title without English is refused", "[io][toml][curriculum]") {
    const auto read = read_curriculum(replaced(kGood, "en = \"Supervised practice\"", "ja = \"実習\""), "psf.toml");
    INFO(listed(read.problems));
    REQUIRE(read.problems.size() == 1);
    CHECK(read.problems[0].field == "module[2].title");
    CHECK(read.problems[0].message.find("needs an English text") != std::string::npos);
}

TEST_CASE("a module code used twice is located at the second use", "[io][toml][curriculum]") {
    const auto text = replaced(kGood, "code = \"E01\"", "code = \"M01\"");
    const auto read = read_curriculum(text, "psf.toml");
    INFO(listed(read.problems));
    REQUIRE(read.problems.size() == 1);
    CHECK(
        has_problem(read.problems, line_of(text, "code = \"M01\"\nkind = \"art"), 8,
                    "module code M01 is used twice, first on line " + std::to_string(line_of(text, "code = \"M01\""))));
}

TEST_CASE("more electives required than the curriculum has is refused", "[io][toml][curriculum]") {
    const auto text = replaced(kGood, "electives_required = 1", "electives_required = 2");
    const auto read = read_curriculum(text, "psf.toml");
    INFO(listed(read.problems));
    REQUIRE(read.problems.size() == 1);
    CHECK(has_problem(read.problems, line_of(text, "electives_required"), 22, "but the curriculum has only 1"));
}

TEST_CASE("every problem in a curriculum is reported, not just the first", "[io][toml][curriculum]") {
    std::string text = replaced(kGood, "kind = \"theory\"", "kind = \"lecture\"");
    text.replace(text.find("attendance_share = 0.75"), 23, "attendance_share = 1.5");
    text.replace(text.find("code = \"PSF\""), 12, "code = \"P S F\"");
    text.replace(text.find("ja = \"ピア"), 2, "j_a");
    text.replace(text.find("assessment = \"pass_fail\""), 24, "assessment = \"graded\"");
    text.replace(text.find("code = \"M02\"\n"), 13, "");
    const auto read = read_curriculum(text, "psf.toml");
    INFO(listed(read.problems));
    CHECK(read.problems.size() == 6);
    CHECK(has_problem(read.problems, line_of(text, "P S F"), 8, "may hold only letters"));
    CHECK(has_problem(read.problems, line_of(text, "j_a"), 1, "'j_a' is not a BCP 47 language tag"));
    CHECK(has_problem(read.problems, line_of(text, "lecture"), 8, "'lecture' is not a kind of module"));
    CHECK(has_problem(read.problems, line_of(text, "graded"), 14, "the only one is \"pass_fail\""));
    CHECK(has_problem(read.problems, line_of(text, "1.5"), 20, "at most 1"));
    const auto no_code = std::find_if(read.problems.begin(), read.problems.end(),
                                      [](const Problem& p) { return p.field == "module[2].code"; });
    REQUIRE(no_code != read.problems.end());
    CHECK(no_code->message == "is required");
    CHECK(read.value.modules.empty());
}

TEST_CASE("a curriculum needs its head and at least one module", "[io][toml][curriculum]") {
    const auto no_modules =
        read_curriculum("[curriculum]\ncode = \"X\"\nversion = \"1\"\n[curriculum.title]\nen = \"X\"\n", "x.toml");
    REQUIRE(no_modules.problems.size() == 1);
    CHECK(no_modules.problems[0].message.find("no modules") != std::string::npos);

    const auto no_head = read_curriculum(
        "[[module]]\ncode = \"M\"\nkind = \"theory\"\nminutes = 1\n"
        "[module.title]\nen = \"M\"\n",
        "x.toml");
    REQUIRE(no_head.problems.size() == 1);
    CHECK(no_head.problems[0].field == "curriculum");
    CHECK(no_head.problems[0].message == "is required");
}

TEST_CASE("a missing curriculum file is a problem naming it", "[io][toml][curriculum]") {
    const auto read = read_curriculum_file("/nonexistent/mitra/psf.toml");
    REQUIRE(read.problems.size() == 1);
    // Named as its place, which every front end says before the words ("…/psf.toml: there is no such file").
    CHECK(read.problems[0].file == "/nonexistent/mitra/psf.toml");
    CHECK(read.problems[0].code == ProblemCode::input_missing);
    CHECK(to_string(read.problems[0]).find("/nonexistent/mitra/psf.toml") != std::string::npos);
}

TEST_CASE("the shipped Peer Support Foundations curriculum loads without problems", "[io][toml][curriculum]") {
    const std::filesystem::path path =
        std::filesystem::path(MITRA_SOURCE_DIR) / "curricula/peer-support-foundations.toml";
    if (!std::filesystem::exists(path)) {
        WARN("not checked: " << path.string() << " does not exist yet");
        return;
    }
    const auto read = read_curriculum_file(path);
    INFO(listed(read.problems));
    REQUIRE(read.ok());
    const auto& c = read.value;
    CHECK(c.modules.size() == 10);
    CHECK(std::count_if(c.modules.begin(), c.modules.end(), [](const Module& m) { return !m.required; }) == 3);
    CHECK(c.electives_required == 2);
    for (const auto& m : c.modules)
        for (const char* language : {"en", "ja", "zh-Hans", "zh-Hant", "ko", "th", "id", "hi"}) {
            INFO("module " << m.code << ", language " << language);
            CHECK(m.title.has(language));
        }
    for (const char* language : {"ur", "ne", "si", "ta", "fil"}) {
        INFO("language " << language);
        CHECK(c.title.has(language));
        for (const auto& m : c.modules) {
            INFO("module " << m.code);
            CHECK(m.title.has(language));
            CHECK(m.summary.has(language));
        }
    }
}

TEST_CASE("curriculum texts longer than their limits are refused where they are", "[io][toml][curriculum]") {
    SECTION("a 5000-character module title") {
        const auto text = replaced(kGood, "en = \"Recovery and hope\"", "en = \"" + std::string(5000, 'x') + "\"");
        const auto read = read_curriculum(text, "psf.toml");
        INFO(listed(read.problems));
        REQUIRE(read.problems.size() == 1);
        CHECK(has_problem(read.problems, line_of(text, "xxxx"), 6, "is 5000 characters long; the most is 200"));
        CHECK(read.problems[0].field == "module[1].title.en");
        CHECK(read.problems[0].file == "psf.toml");
        CHECK(read.value.modules.empty());
    }
    SECTION("a summary, an outcome, the curriculum's title, its ethics code") {
        std::string text = replaced(kGood, "en = \"What recovery means.\"", "en = \"" + std::string(2001, 's') + "\"");
        auto replace = [&](std::string_view from, const std::string& to) {
            REQUIRE(text.find(from) != std::string::npos);
            text.replace(text.find(from), from.size(), to);
        };
        replace("en = \"Shares their story safely.\"", "en = \"" + std::string(501, 'o') + "\"");
        replace("ja = \"ピアサポート基礎\"", "ja = \"" + std::string(201, 't') + "\"");
        replace("ethics_code = \"2026.1\"", "ethics_code = \"" + std::string(65, 'e') + "\"");
        const auto read = read_curriculum(text, "psf.toml");
        INFO(listed(read.problems));
        CHECK(read.problems.size() == 4);
        auto field_at = [&](const std::string& field, std::string_view what, const std::string& words) {
            return std::any_of(read.problems.begin(), read.problems.end(), [&](const Problem& p) {
                return p.field == field && p.line == line_of(text, what) && p.message.find(words) != std::string::npos;
            });
        };
        CHECK(field_at("module[1].summary.en", "sss", "is 2001 characters long; the most is 2000"));
        CHECK(field_at("module[1].outcome[2].en", "ooo", "the most is 500"));
        CHECK(field_at("curriculum.title.ja", "ttt", "the most is 200"));
        CHECK(field_at("curriculum.ethics_code", "eee", "the most is 64"));
    }
    SECTION("characters are counted, not bytes: 200 of Japanese (600 bytes) is a title") {
        std::string title;
        for (int i = 0; i < 100; ++i) title += "修了";
        const auto read =
            read_curriculum(replaced(kGood, "ja = \"ピアサポート基礎\"", "ja = \"" + title + "\""), "psf.toml");
        INFO(listed(read.problems));
        REQUIRE(read.ok());
        CHECK(read.value.title.in("ja") == title);
    }
}

TEST_CASE("a huge key is not copied back into its problem", "[io][toml][curriculum]") {
    const std::string key(5000, 'k');
    std::string text = replaced(kGood, "zh-Hant = \"同儕支持基礎\"", "zh-" + std::string(5000, 'x') + " = \"x\"");
    text.replace(text.find("sessions = 2"), 12, key + " = 2");
    const auto read = read_curriculum(text, "psf.toml");
    INFO(listed(read.problems));
    REQUIRE(read.problems.size() == 2);
    for (const Problem& p : read.problems)
        CHECK(to_string(p).size() < 600);  // 10000 and more before; the list of a module's keys alone is ~300
    CHECK(read.problems[0].field == "curriculum.title.zh-" + std::string(37, 'x') + "...");
    CHECK(read.problems[0].message.find("is not a BCP 47 language tag") != std::string::npos);
    CHECK(read.problems[1].field == "module[1]." + std::string(40, 'k') + "...");
    CHECK(read.problems[1].message.find("unknown key '" + std::string(40, 'k') + "...'") != std::string::npos);
}

TEST_CASE("translated_from records per language the English texts' fingerprint; a bad one is located",
          "[io][toml][curriculum][drift]") {
    const auto stamped = replaced(kGood, "[module.summary]\nen = \"What recovery means.\"",
                                  "[module.summary]\nen = \"What recovery means.\"\n"
                                  "[module.translated_from]\nth = \"0123456789abcdef\"");
    const auto read = read_curriculum(stamped, "psf.toml");
    INFO(listed(read.problems));
    REQUIRE(read.ok());
    CHECK(read.value.modules[0].translated_from.by_language.at("th") == "0123456789abcdef");
    CHECK(read.value.translated_from.empty());

    const auto bad = replaced(kGood, "[module.summary]\nen = \"What recovery means.\"",
                              "[module.summary]\nen = \"What recovery means.\"\n"
                              "[module.translated_from]\nth = \"2026.1\"");
    const auto refused = read_curriculum(bad, "psf.toml");
    INFO(listed(refused.problems));
    REQUIRE(refused.problems.size() == 1);
    CHECK(has_problem(refused.problems, line_of(bad, "th = \"2026.1\""), 6, "is not the fingerprint of English texts"));
    CHECK(refused.problems[0].field == "module[1].translated_from.th");
}
