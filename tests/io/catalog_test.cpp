// The catalogs read per language in one process (io/catalog), the patterns they hold filled, and the language the
// environment asks for.
#include <catch2/catch.hpp>

#include <map>

#include "io/catalog.hpp"
#include "io/reason_words.hpp"

using namespace mitra;
using namespace mitra::io;

TEST_CASE("printf patterns are filled as the catalogs write them, reordered ones included", "[catalog]") {
    CHECK(format("attended %d of %d minutes, needs %d", {60, 180, 144}) == "attended 60 of 180 minutes, needs 144");
    CHECK(format("%.1f hours", {1.5}) == "1.5 hours");
    CHECK(format("%2$s 이후 %1$s", {"A", "B"}) == "B 이후 A");
    CHECK(format("%4$zu 人中、修了 %1$d", {3, 0, 0, 12ul}) == "12 人中、修了 3");
    CHECK(format("100%% of %s", {"M01"}) == "100% of M01");
    CHECK(format("%s and %s", {"only one"}) == "only one and ");  // too few: the rest left out, never a crash
}

TEST_CASE("one process reads several languages' catalogs at once, English when there is none", "[catalog]") {
    const auto& ja = catalog("ja");
    const auto& th = catalog("th_TH.UTF-8");
    REQUIRE(ja.translated());
    REQUIRE(th.translated());
    CHECK(ja.tr("assessment not yet taken") == "評価は未受験");
    CHECK(th.language() == "th");
    CHECK(th.tr("assessment not yet taken") != "assessment not yet taken");
    CHECK(catalog("ja").tr("assessment not yet taken") == "評価は未受験");  // unchanged by the Thai one
    CHECK(!catalog("de").translated());
    CHECK(catalog("de").tr("assessment not yet taken") == "assessment not yet taken");
    // Plural forms by each catalog's own rule: English one/other, Urdu too, Japanese one form.
    CHECK(catalog("").trn("%d hour", "%d hours", 1) == "%d hour");
    CHECK(catalog("").trn("%d hour", "%d hours", 2) == "%d hours");
    CHECK(hours_words(60, catalog("ja")) == "1 時間");
    CHECK(hours_words(60, catalog("ur")) == "1 گھنٹہ");
    CHECK(hours_words(120, catalog("ur")) == "2 گھنٹے");
    CHECK(hours_words(90, catalog("hi")) == "1.5 घंटे");
}

TEST_CASE("the language comes from LANGUAGE first, then LC_ALL, LC_MESSAGES and LANG, as gettext reads them",
          "[catalog]") {
    const auto with = [](std::map<std::string, std::string> env) {
        return environment_language([env](const char* name) -> const char* {
            const auto found = env.find(name);
            return found == env.end() ? nullptr : found->second.c_str();
        });
    };
    CHECK(with({{"LANGUAGE", "ja"}, {"LANG", "C"}}) == "ja");
    CHECK(with({{"LANGUAGE", "de:ko_KR"}}) == "ko");
    CHECK(with({{"LANGUAGE", "en:ja"}}) == "");
    CHECK(with({{"LC_ALL", "ur_PK.UTF-8"}, {"LANG", "ja_JP.UTF-8"}}) == "ur");
    CHECK(with({{"LC_MESSAGES", "si_LK.UTF-8"}, {"LANG", "ja_JP.UTF-8"}}) == "si");
    CHECK(with({{"LANG", "zh_HK.UTF-8"}}) == "zh_TW");
    CHECK(with({{"LANG", "zh_SG.UTF-8"}}) == "zh_CN");
    CHECK(with({{"LANG", "C.UTF-8"}}) == "");
    CHECK(with({}) == "");
    CHECK(content_language("zh_TW") == "zh-Hant");
    CHECK(content_language("") == "en");
}
