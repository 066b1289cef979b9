// Translation drift: a translation made from an English text that changed since is told apart.
#include <catch2/catch.hpp>

#include <algorithm>

#include "core/translation_drift.hpp"

using namespace mitra;

namespace {

Curriculum two_modules() {
    Curriculum c;
    c.code = "PSF";
    c.version = "1";
    c.title.by_language = {{"en", "Peer Support Foundations"}, {"ja", "ピアサポートの基礎"}};
    Module m1;
    m1.code = "M01";
    m1.title.by_language = {{"en", "Lived experience"}, {"ja", "当事者の経験"}, {"th", "ประสบการณ์ตรง"}};
    m1.summary.by_language = {{"en", "How our experience helps others."}, {"ja", "経験を他者の力に。"}};
    m1.outcomes.push_back(LocalizedText{{{"en", "Shares their story by choice."}}});
    Module m2;
    m2.code = "M02";
    m2.title.by_language = {{"en", "Listening"}};
    c.modules = {m1, m2};
    return c;
}

const TranslationCheck& find(const std::vector<TranslationCheck>& checks, const std::string& module,
                             const std::string& language) {
    const auto it = std::find_if(checks.begin(), checks.end(), [&](const TranslationCheck& c) {
        return c.module_code == module && c.language == language;
    });
    REQUIRE(it != checks.end());
    return *it;
}

}  // namespace

TEST_CASE("a fingerprint is 16 hex digits and changes with any English text, not with a translation", "[core][drift]") {
    auto c = two_modules();
    const std::string before = english_fingerprint(c.modules[0]);
    CHECK(is_fingerprint(before));
    CHECK_FALSE(is_fingerprint(before.substr(1)));
    CHECK_FALSE(is_fingerprint("ABCDEF0123456789"));

    c.modules[0].title.by_language["ja"] = "当事者としての経験";
    CHECK(english_fingerprint(c.modules[0]) == before);

    c.modules[0].outcomes[0].by_language["en"] = "Shares their story, by choice.";
    CHECK(english_fingerprint(c.modules[0]) != before);

    // Text moved from the title to the summary is a different English text.
    Module a, b;
    a.title.by_language = {{"en", "ab"}};
    a.summary.by_language = {{"en", "c"}};
    b.title.by_language = {{"en", "a"}};
    b.summary.by_language = {{"en", "bc"}};
    CHECK(english_fingerprint(a) != english_fingerprint(b));
}

TEST_CASE("each translated language is current, older or unstamped", "[core][drift]") {
    auto c = two_modules();
    c.translated_from.by_language["ja"] = english_fingerprint(c);
    c.modules[0].translated_from.by_language["ja"] = english_fingerprint(c.modules[0]);

    auto checks = check_translations(c);
    CHECK(checks.size() == 3);  // the curriculum in ja; M01 in ja and th; M02 has only English
    CHECK(find(checks, "", "ja").state == TranslationState::current);
    CHECK(find(checks, "M01", "ja").state == TranslationState::current);
    CHECK(find(checks, "M01", "th").state == TranslationState::unstamped);

    // The English summary is rewritten: the Japanese translation of M01 is now older, and says what to record.
    c.modules[0].summary.by_language["en"] = "How our own experience becomes a resource for others.";
    checks = check_translations(c);
    const auto& ja = find(checks, "M01", "ja");
    CHECK(ja.state == TranslationState::older);
    CHECK(ja.english == english_fingerprint(c.modules[0]));
    CHECK(find(checks, "", "ja").state == TranslationState::current);

    // Recording the new fingerprint (once the translation is updated) makes it current again.
    c.modules[0].translated_from.by_language["ja"] = ja.english;
    CHECK(find(check_translations(c), "M01", "ja").state == TranslationState::current);
}
