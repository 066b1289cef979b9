// mitra-cli speaks the language its environment asks for (LANGUAGE first, as gettext reads it), from the catalogs
// the desktop program reads too; --json stays in codes and English, for machines.
#include <catch2/catch.hpp>

#include "cohort_setup.hpp"
#include "run_cli.hpp"

#include "io/catalog.hpp"

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

TEST_CASE("a refusal is said in the language LANGUAGE asks for (ja, ur), as the desktop program says it",
          "[cli][refusal][language]") {
    Workspace ws;
    ws.ok({"init"});
    const auto english = ws.run({"cohort", "enrol", "NOPE", "P-1"});
    CHECK(english.status == 2);
    CHECK(english.err == "mitra-cli: cohort: no cohort has code NOPE (nothing was changed)\n");
    ws.environment = {"LANGUAGE=ja"};
    const auto ja = ws.run({"cohort", "enrol", "NOPE", "P-1"});
    CHECK(ja.status == 2);
    CHECK(!contains(ja.err, "no cohort has code"));
    CHECK(contains(ja.err, "コード NOPE のコホートはありません"));
    ws.environment = {"LANGUAGE=ur"};
    CHECK(contains(ws.run({"cohort", "enrol", "NOPE", "P-1"}).err, "کسی گروپ کا کوڈ NOPE نہیں"));
}

TEST_CASE(
    "mitra-cli's own words (tables' headings, counts, pathway, renewals due) come from the catalog of the "
    "language LANGUAGE asks for (ja, ur); --json keeps its codes",
    "[cli][language][words]") {
    Workspace ws;
    set_up_cohort(ws);
    const auto english = ws.ok({"completion", kCohort, "--today", kToday}).out;
    CHECK(contains(english, "WHAT IS MISSING"));
    CHECK(contains(ws.ok({"cohort", "list"}).out, "CURRICULUM"));
    for (const std::string language : {"ja", "ur"}) {
        DYNAMIC_SECTION(language) {
            const mitra::io::Catalog& words = mitra::io::catalog(language);
            REQUIRE(words.translated());
            ws.environment = {"LANGUAGE=" + language};
            // Each expected phrase is the catalog's, and not English (a missing translation fails here).
            const auto expect = [&](const std::string& shown, const std::string& phrase, const std::string& english) {
                INFO(language << ": " << english << " -> " << phrase);
                CHECK(phrase != english);
                CHECK(contains(shown, phrase));
                CHECK(!contains(shown, english));
            };
            const auto completion = ws.ok({"completion", kCohort, "--today", kToday}).out;
            expect(completion, words.trc("column", "WHAT IS MISSING"), "WHAT IS MISSING");
            const auto count = ws.json({"completion", kCohort, "--today", kToday}).size();
            int complete = 0;
            for (const auto& person : ws.json({"completion", kCohort, "--today", kToday}))
                complete += person["complete"].get<bool>();
            expect(completion,
                   mitra::io::format(words.trn("%d of %d complete", "%d of %d complete", count), {complete, count}),
                   std::to_string(complete) + " of " + std::to_string(count) + " complete");
            const auto cohorts = ws.ok({"cohort", "list"}).out;
            expect(cohorts, words.trc("column", "CURRICULUM"), "CURRICULUM");
            expect(ws.ok({"participant", "list"}).out, words.trc("column", "FULL NAME"), "FULL NAME");
            const auto pathway = ws.ok({"certification", "show", "P-002", "--today", kToday}).out;
            expect(pathway, words.tr("not certified yet"), "not certified");
            expect(pathway, words.trc("pathway", "missing"), "missing");
            expect(ws.ok({"certification", "due", "--within", "30d", "--today", kToday}).out,
                   mitra::io::format(words.trn("No certification ends within %d day of %s",
                                               "No certification ends within %d days of %s", 30),
                                     {30, kToday}),
                   "No certification ends within 30 days");
            // For machines: codes and English, whatever the language.
            CHECK(ws.json({"certification", "show", "P-002", "--today", kToday})["pathways"][0]["standing"] ==
                  "not certified");
        }
    }
}

TEST_CASE("english_words finds English words in output and leaves codes, commands, files and names",
          "[cli][language]") {
    using Words = std::vector<std::string>;
    CHECK(english_words("Added supervisor S-1") == Words{"Added", "supervisor"});
    CHECK(english_words("監督者 S-1 を追加しました (mitra-cli supervisor list)").empty());
    CHECK(english_words("`mitra-cli pack export KTM-2026-1 --out x.db` で作成").empty());
    CHECK(english_words("P-001 PSF 2026.1 KTM-north cert.pdf /tmp/a/b --today 12h").empty());
    CHECK(english_words("Sukarno 修了", {"Sukarno"}).empty());
    CHECK(english_words("mitra-cli: --ref: is needed (mitra-cli supervisor list)") == Words{"is", "needed"});
    CHECK(english_words("書き出されます（mitra-cli settings get verifier-site）").empty());
    CHECK(english_words("/tmp/mitra-cli-test-1/a.csv: could not read (xy)") == Words{"could", "not", "read", "xy"});
    CHECK(english_words("3 of 12 complete, of") == Words{"of", "complete"});
}
