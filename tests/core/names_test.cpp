// Names at the door: the form they are kept in, each character rule taken and refused, look-alike skeletons.
#include <catch2/catch.hpp>

#include "core/names.hpp"
#include "core/validation.hpp"

using namespace mitra;

namespace {

// The one message check_name gives for a name that must be refused ("" when it is taken).
std::string refusal(const std::string& name) {
    const auto errors = check_name("full_name", name, true);
    if (errors.empty()) return "";
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].field == "full_name");
    return errors[0].message;
}

// Each name is refused with a message holding its character's U+XXXX and `words`.
using Cases = std::vector<std::pair<std::string, std::string>>;  // name, the character it is refused for
void refused_for(const Cases& cases, const std::string& words) {
    for (const auto& [name, code] : cases) {
        INFO(code);
        const auto message = refusal(name);
        CHECK(message.find(code) != std::string::npos);
        CHECK(message.find(words) != std::string::npos);
    }
}

}  // namespace

TEST_CASE("every name the demo and the tests use is taken, and kept byte for byte", "[core][names]") {
    for (
        std::string name : {
            "山田 花子",
            "김민준",
            "สมชาย ใจดี",
            "प्रिया शर्मा",
            "अर्जुन त्रिपाठी",
            "सीता राई",
            "陳志明",
            "王芳",
            "\u0DC1\u0DCA\u200D\u0DBB\u0DD2\u0DBA\u0DCF\u0DB1\u0DD2",  // ශ්‍රියානි: ZWJ after the virama
            "عائشہ خان",
            "Nguyễn Thị Minh Khai",
            "Sukarno",
            "Maria Clara Santos",
            "Yamada Hanako",
            "Kim Min-jun",
            "Robert'); DROP TABLE participants;--",
            "Seán O'Brien",
            "Anne-Marie D\u2019Souza",
            "J. R. R. Tolkien",
            "Dr. Ng Wei Ling",
            "Lê Văn Tám",
            "Ng #2*",                                      // digits, '#' and '*' are emoji components, yet stay
            "\u0646\u06CC\u06A9\u200C\u0646\u0627\u0645",  // Persian نیک‌نام: ZWNJ keeps ک unjoined
            "\u0645\u06C1\u200C\u062C\u0628\u06CC\u06BA",  // Urdu with a ZWNJ between Arabic letters
            "\u0915\u094D\u200C\u0937",                    // Devanagari क्‌ष: ZWNJ shows the virama
            "\u09B0\u200D\u09CD\u09AF\u09BE\u09AC",        // Bengali র‍্যাব: ZWJ makes the ya-phala
            "\u0D05\u0D35\u0D28\u0D4D\u200D",  // Malayalam അവന്‍: the older chillu, ZWJ at word end
            "\u0627\u064E\u200C\u0628",        // an Arabic vowel mark before a ZWNJ counts as Arabic
            "辻\U000E0100",                    // an ideographic variation selector after Han
        }) {
        INFO(name);
        CHECK(refusal(name) == "");
        CHECK(normalize_name(name) == name);
    }
}

TEST_CASE("a name is kept in NFC with one ASCII space between words", "[core][names]") {
    CHECK(normalize_name("Nguye\u0302\u0303n") == "Nguyễn");  // decomposed as some keyboards send it
    CHECK(normalize_name("\u00A0\u00A0Jane\u3000\u3000Doe\u2003") == "Jane Doe");
    CHECK(normalize_name("山田\u3000花子") == "山田 花子");
    CHECK(normalize_name("  Jane   Doe  ") == "Jane Doe");
    CHECK(normalize_name("\u00A0\u00A0\u3000").empty());
    CHECK(normalize_name("a\tb") == "a\tb");                // a tab is not a space here: it is refused as a control
    CHECK(normalize_name("\xC3\x28 x ") == "\xC3\x28 x ");  // broken UTF-8 is left for the checks to refuse

    Participant p{"", "P-1", " Nguye\u0302\u0303n\u00A0Thi\u0323 ", "Jane\u2009Doe", "VN", "vi", "", "", std::nullopt};
    normalize(p);
    CHECK(p.full_name == "Nguyễn Thị");
    CHECK(p.latin_name == "Jane Doe");
    Trainer t;
    t.name = "\u3000佐藤\u3000美咲";
    t.latin_name = "Sato\u00A0 Misaki";
    normalize(t);
    CHECK(t.name == "佐藤 美咲");
    CHECK(t.latin_name == "Sato Misaki");
}

TEST_CASE("blank and invisible names are refused", "[core][names]") {
    CHECK(refusal("\u00A0\u00A0\u3000") == "is blank");
    CHECK(refusal(" \u2003 ") == "is blank");
    CHECK(check_name("latin_name", "\u00A0", false).at(0).message == "is blank");
    refused_for(Cases{{"\u200B\u200B", "U+200B"},
                      {"John\u200B Smith", "U+200B"},
                      {"\u2060", "U+2060"},
                      {"Jane\uFEFF", "U+FEFF"},
                      {"a\u180Eb", "U+180E"},
                      {"\u3164", "U+3164"},
                      {"김\u3164", "U+3164"},
                      {"\u115F\u1160", "U+115F"},
                      {"\uFFA0", "U+FFA0"},
                      {"Jane\U000E0041", "U+E0041"},
                      {"Jane\u00AD", "U+00AD"},
                      {"Jane\uFE0F", "U+FE0F"},
                      {"Jane\u034F", "U+034F"},
                      {"\u0627\u0600", "U+0600"},
                      {"Jo\u180Bhn", "U+180B"}},
                "invisible");
}

TEST_CASE("direction controls are refused, so a name cannot print as another", "[core][names]") {
    refused_for(Cases{{"\u202EenaJ", "U+202E"},
                      {"John Smith\u200E", "U+200E"},
                      {"\u200FJane", "U+200F"},
                      {"عائشہ\u061C", "U+061C"},
                      {"a\u202Ab", "U+202A"},
                      {"a\u202Bb", "U+202B"},
                      {"a\u202Cb", "U+202C"},
                      {"a\u202Db", "U+202D"},
                      {"\u2066Jane\u2069", "U+2066"},
                      {"\u2067J", "U+2067"},
                      {"\u2068J", "U+2068"},
                      {"J\u2069", "U+2069"}},
                "direction control");
}

TEST_CASE("C0 and C1 control characters are refused", "[core][names]") {
    refused_for(Cases{{"a\nb", "U+000A"},
                      {std::string("a\0b", 3), "U+0000"},
                      {"a\tb", "U+0009"},
                      {"\tab", "U+0009"},
                      {"a\x7F", "U+007F"},
                      {"Jane\u0085Doe", "U+0085"},
                      {"\u0080Jane", "U+0080"},
                      {"Jane\u009F", "U+009F"},
                      {"a\rb", "U+000D"}},
                "control character");
    CHECK(refusal("Jane\u2028Doe").find("line break (U+2028") != std::string::npos);
}

TEST_CASE("emoji and pictographs are refused; digits, '#' and '*' are not", "[core][names]") {
    refused_for(Cases{{"Jane 😀", "U+1F600"},
                      {"❤ Jane", "U+2764"},
                      {"Jane👍🏽", "U+1F44D"},
                      {"Jane\U0001F3FD", "U+1F3FD"},
                      {"Jane 🇯🇵", "U+1F1EF"},
                      {"Jane 1\u20E3", "U+20E3"},
                      {"Jane ©", "U+00A9"},
                      {"Jane™", "U+2122"},
                      {"👨\u200D👩", "U+1F468"},
                      {"Jane⌚", "U+231A"}},
                "emoji or pictograph");
    CHECK(refusal("Henry 8 #1 *") == "");
}

TEST_CASE("unassigned, private-use and noncharacter code points are refused", "[core][names]") {
    CHECK(refusal("a\u0378").find("U+0378, which is not an assigned character") != std::string::npos);
    CHECK(refusal("Jane\U00050000").find("U+50000, which is not an assigned character") != std::string::npos);
    CHECK(refusal("Jane\uE000").find("U+E000, a private-use character") != std::string::npos);
    CHECK(refusal("Jane\U000F0000").find("U+F0000, a private-use character") != std::string::npos);
    CHECK(refusal("Jane\uFDD0").find("U+FDD0, a noncharacter") != std::string::npos);
    CHECK(refusal("Jane\uFFFE").find("U+FFFE, a noncharacter") != std::string::npos);
    CHECK(refusal("Jane\U0001FFFF").find("U+1FFFF, a noncharacter") != std::string::npos);
    CHECK(refusal("Jane\xED\xA0\x80").find("not valid UTF-8") != std::string::npos);  // a surrogate
}

TEST_CASE("a name needs a letter, and a combining mark needs something under it", "[core][names]") {
    for (std::string name : {"123", "...", "-'-", "# *", "\u0E3F"}) {
        INFO(name);
        CHECK(refusal(name) == "has no letter (a name needs at least one)");
    }
    CHECK(refusal("\u0301\u0301\u0301").find("starts with a combining mark (U+0301") != std::string::npos);
    CHECK(refusal("\u0BCDabc").find("starts with a combining mark (U+0BCD") != std::string::npos);
    CHECK(refusal("\u20DDJane").find("starts with a combining mark (U+20DD") != std::string::npos);
    CHECK(refusal("Jane \u0301Doe").find("U+0301") != std::string::npos);
    CHECK(refusal("e\u0301") == "");  // composed to é
}

TEST_CASE("ZWJ and ZWNJ stay only inside a word of a script that needs them", "[core][names]") {
    for (std::string name : {"Jo\u200Dhn", "Jo\u200Chn", "\u200DJohn", "John\u200C", "John\u200D Smith",
                             "\u0915\u200DJ", "J\u200D\u0915", "\u0DC1\u0DCA\u200D", "\u200D\u0DBB",
                             "\u0D28\u0D4D\u200C", "山\u200D田", "\u0627\u200D\u0915", "\u0915\u094D\u200D \u0915"}) {
        INFO(name);
        const auto message = refusal(name);
        CHECK((message.find("U+200D") != std::string::npos || message.find("U+200C") != std::string::npos));
        CHECK(message.find("script that needs it") != std::string::npos);
    }
}

TEST_CASE("a refusal names the field and the character, never the name", "[core][names]") {
    const std::string name = "Privatename\U0001F600";
    Participant p{"", "P-1", "Sukarno", name, "ID", "id", "", "", std::nullopt};
    const auto errors = validate(p);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].field == "latin_name");
    CHECK(errors[0].message == "contains U+1F600 GRINNING FACE, an emoji or pictograph");
    CHECK(errors[0].message.find("Privatename") == std::string::npos);

    Trainer t;
    t.ref = "T-1";
    t.name = "\u202EenaJ";
    t.country = "NP";
    t.languages = {"ne"};
    const auto trainer_errors = validate(t);
    REQUIRE(trainer_errors.size() == 1);
    CHECK(trainer_errors[0].field == "name");
    CHECK(trainer_errors[0].message.find("enaJ") == std::string::npos);
}

TEST_CASE("look-alikes of a name share its skeleton", "[core][names]") {
    const auto plain = name_skeleton("John Smith");
    for (std::string look_alike : {"J\u043Ehn Smith",  // a Cyrillic о
                                   "John\u200B Smith", "John Smith\u200E", "\u200EJohn Smith", "John  Smith",
                                   "John\u00A0Smith", "JOHN SMITH", "john smith", "J\u2060ohn Smith"}) {
        INFO(look_alike);
        CHECK(name_skeleton(look_alike) == plain);
    }
    CHECK(name_skeleton("Jane Smith") != plain);
    CHECK(name_skeleton("Nguye\u0302\u0303n") == name_skeleton("Nguyễn"));
    CHECK(name_skeleton("山田 花子") != name_skeleton("山田 太郎"));
    CHECK(name_skeleton("\u0DC1\u0DCA\u200D\u0DBB\u0DD2") == name_skeleton("\u0DC1\u0DCA\u0DBB\u0DD2"));
}
