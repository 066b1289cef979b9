// mitra-cli speaks the language its environment asks for (LANGUAGE first, as gettext reads it), from the catalogs
// the desktop program reads too; --json stays in codes and English, for machines.
#include <catch2/catch.hpp>

#include "cohort_setup.hpp"
#include "run_cli.hpp"

using namespace mitra::cli_test;

namespace {

struct Words {
    std::string language;
    std::string ethics;      // "code of ethics %s not yet acknowledged" in the catalog, with the version
    std::string attendance;  // the start of "attended %d of %d minutes, needs %d" in the catalog
    std::string complete, not_on_track;
};

// The catalogs' own words (po/<lang>.po), as a reader of each language would see them.
const std::vector<Words> kWords{
    {"ja", "倫理綱領 2026.1 は未確認", "出席 ", "修了", "遅れあり"},
    {"th", "ยังไม่ได้รับทราบจรรยาบรรณ 2026.1", "เข้าเรียน ", "สำเร็จ", "ไม่เป็นไปตามแผน"},
    {"ur", "ضابطۂ اخلاق 2026.1 کا ابھی اقرار نہیں ہوا", "منٹ حاضر،", "مکمل", "درست راہ پر نہیں"},
};

std::string line_of(const std::string& text, const std::string& ref) {
    const auto at = text.find("\n" + ref + " ");
    if (at == std::string::npos) return "";
    return text.substr(at + 1, text.find('\n', at + 1) - at - 1);
}

}  // namespace

TEST_CASE("completion gives its reasons in the language LANGUAGE asks for (ja, th, ur), --json in English",
          "[cli][completion][language]") {
    Workspace ws;
    set_up_cohort(ws);
    const auto english = ws.ok({"completion", kCohort, "--today", kToday}).out;
    CHECK(contains(line_of(english, "P-002"), "code of ethics 2026.1 not yet acknowledged"));
    CHECK(contains(line_of(english, "P-013"), "attended 0 of"));

    for (const auto& w : kWords) {
        DYNAMIC_SECTION(w.language) {
            ws.environment = {"LANGUAGE=" + w.language};
            const auto shown = ws.ok({"completion", kCohort, "--today", kToday}).out;
            const auto ethics_only = line_of(shown, "P-002");  // complete but for the code of ethics
            CHECK(contains(ethics_only, w.ethics));
            CHECK(!contains(ethics_only, "ethics"));
            CHECK(contains(line_of(shown, "P-001"), w.complete));
            const auto nothing = line_of(shown, "P-013");  // attended nothing
            CHECK(contains(nothing, w.attendance));
            CHECK(contains(nothing, w.not_on_track));
            CHECK(!contains(nothing, "attended"));
            CHECK(!contains(nothing, "minutes"));

            // For machines: the same reasons in core's English, whatever the language.
            for (const auto& person : ws.json({"completion", kCohort, "--today", kToday}))
                if (person["ref"] == "P-002")
                    CHECK(person["reason"].get<std::string>() == "code of ethics 2026.1 not yet acknowledged");
        }
    }
}

TEST_CASE("the language comes from LANGUAGE even when the locale is C, then LC_ALL, LC_MESSAGES and LANG",
          "[cli][completion][language]") {
    Workspace ws;
    set_up_cohort(ws);
    const auto p002 = [&](const std::vector<std::string>& environment) {
        ws.environment = environment;
        return line_of(ws.ok({"completion", kCohort, "--today", kToday}).out, "P-002");
    };
    CHECK(contains(p002({"LANGUAGE=ja", "LANG=C", "LC_ALL=C"}), "倫理綱領"));
    CHECK(contains(p002({"LANGUAGE=de:th"}), "จรรยาบรรณ"));  // no German catalog: the next one asked for
    CHECK(contains(p002({"LC_ALL=ur_PK.UTF-8"}), "ضابطۂ اخلاق"));
    CHECK(contains(p002({"LC_MESSAGES=th_TH.UTF-8", "LANG=ja_JP.UTF-8"}), "จรรยาบรรณ"));
    CHECK(contains(p002({"LANG=ja_JP.UTF-8"}), "倫理綱領"));
    CHECK(contains(p002({"LANGUAGE=zh_HK"}), "倫理"));                                // Hong Kong: Traditional
    CHECK(contains(p002({"LANGUAGE=en:ja", "LANG=ja_JP.UTF-8"}), "code of ethics"));  // English asked for first
    CHECK(contains(p002({"LANG=de_DE.UTF-8"}), "code of ethics"));                    // no catalog: English
}

TEST_CASE("certification show words what a pathway still needs in the user's language",
          "[cli][certification][language]") {
    Workspace ws;
    set_up_cohort(ws);  // P-002 has all but the code of ethics
    const auto english = ws.ok({"certification", "show", "P-002", "--today", kToday}).out;
    CHECK(contains(english, "code of ethics 2026.1 not yet acknowledged"));
    ws.environment = {"LANGUAGE=ja"};
    const auto shown = ws.ok({"certification", "show", "P-002", "--today", kToday}).out;
    CHECK(contains(shown, "倫理綱領 2026.1 は未確認"));
    CHECK(!contains(shown, "not yet acknowledged"));
    CHECK(!contains(shown, "signed off"));
}
