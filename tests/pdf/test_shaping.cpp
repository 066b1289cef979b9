// Shaping: our runs must equal what the reference `hb-shape` tool produces
// for the same font file, and font selection / bidi must behave.
#include "support.hpp"

#include <catch2/catch.hpp>

using namespace mitra::pdf;
using namespace mitra::pdf::test;

namespace {

/// Same notation as hb-shape --no-glyph-names --utf8-clusters:
/// [gid=cluster@xoff,yoff+xadv|...]
std::string serialise(const GlyphRun& run) {
    std::string s = "[";
    for (std::size_t i = 0; i < run.glyphs.size(); ++i) {
        const Glyph& g = run.glyphs[i];
        if (i) s += "|";
        s += std::to_string(g.id) + "=" + std::to_string(g.cluster);
        if (g.x_offset || g.y_offset) s += "@" + std::to_string(g.x_offset) + "," + std::to_string(g.y_offset);
        s += "+" + std::to_string(g.x_advance);
        if (g.y_advance) s += "," + std::to_string(g.y_advance);
    }
    return s + "]";
}

std::string hb_shape(const GlyphRun& gr, const std::string& text, const std::string& lang) {
    char tag[5] = {};
    hb_tag_to_string(hb_script_to_iso15924_tag(gr.script), tag);
    const std::string cmd =
        "hb-shape --utf8-clusters --no-glyph-names --font-funcs=ot --face-index=" + std::to_string(gr.face->index) +
        " --direction=" + (gr.rtl ? "rtl" : "ltr") + " --script=" + tag +
        " --language=" + (lang.empty() ? "und" : lang) + " " + quote(gr.face->file) + " " + quote(text);
    return mitra::pdf::test::run(cmd).out;
}

}  // namespace

TEST_CASE("hb-shape is available", "[shaping]") { REQUIRE(run("hb-shape --version").status == 0); }

TEST_CASE("glyph runs match hb-shape for complex scripts", "[shaping]") {
    struct Case {
        const char* text;
        const char* lang;
        const char* role;
        const char* family;
        bool rtl;
    };
    const Case cases[] = {
        {"अर्जुन त्रिपाठी", "hi", "sans", "Noto Sans Devanagari", false},
        {"प्रिया शर्मा", "hi", "serif", "Noto Serif Devanagari", false},
        {"สมชาย ใจดี", "th", "sans", "Noto Sans Thai", false},
        {"ศักดิ์สิทธิ์", "th", "serif", "Noto Serif Thai", false},
        {"عائشہ خان", "ur", "serif", "Noto Nastaliq Urdu", true},
        {"محمد علي", "ar", "sans", "Noto Sans Arabic", true},
        {"ශ්‍රියානි", "si", "sans", "Noto Sans Sinhala", false},
        {"ශ්‍රී", "si", "serif", "Noto Serif Sinhala", false},
        {"রবীন্দ্রনাথ", "bn", "sans", "Noto Sans Bengali", false},
        {"ਗੁਰਪ੍ਰੀਤ", "pa", "sans", "Noto Sans Gurmukhi", false},
        {"கார்த்திக்", "ta", "sans", "Noto Sans Tamil", false},
        {"髙橋 𠮷郎", "ja", "sans", "Noto Sans CJK JP", false},
        {"김민준", "ko", "serif", "Noto Serif CJK KR", false},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        TextStyle st{c.role, false, 12, c.lang};
        const ShapedLine line = shape_line(fonts(), c.text, st);
        REQUIRE(line.runs.size() == 1);
        const GlyphRun& run = line.runs[0];
        CHECK(run.face->family == c.family);
        CHECK(run.rtl == c.rtl);
        const std::string ours = serialise(run);
        const std::string ref = squeeze(hb_shape(run, c.text, c.lang));
        INFO("ours: " << ours << "\nhb-shape: " << ref);
        CHECK(ours == ref);
        for (const auto& g : run.glyphs) CHECK(g.id != 0);  // no .notdef
    }
}

TEST_CASE("Devanagari conjuncts and Sinhala ZWJ change the glyphs", "[shaping]") {
    TextStyle st{"sans", false, 12, "hi"};
    // त्रि = 4 code points -> conjunct glyph + matra (fewer glyphs than characters)
    const auto tri = shape_line(fonts(), "त्रि", st);
    REQUIRE(tri.runs.size() == 1);
    CHECK(tri.runs[0].glyphs.size() < 4);
    // ශ්‍රී with ZWJ (yansaya) must shape differently from ශ්රී without it.
    st.lang = "si";
    const auto with_zwj = shape_line(fonts(), "ශ්‍රී", st);
    const auto without = shape_line(fonts(), "ශ්රී", st);
    std::vector<hb_codepoint_t> a, b;
    for (auto& g : with_zwj.runs.at(0).glyphs) a.push_back(g.id);
    for (auto& g : without.runs.at(0).glyphs) b.push_back(g.id);
    CHECK(a != b);
}

TEST_CASE("Arabic is joined and right-to-left and mixed lines are in visual order", "[shaping][bidi]") {
    TextStyle st{"serif", false, 12, ""};
    const std::string text = "Aisha عائشہ خان (Pakistan)";
    const ShapedLine line = shape_line(fonts(), text, st);
    REQUIRE(line.runs.size() == 3);
    CHECK_FALSE(line.runs[0].rtl);
    CHECK(line.runs[1].rtl);
    CHECK_FALSE(line.runs[2].rtl);
    CHECK(line.text.substr(line.runs[0].begin, line.runs[0].end - line.runs[0].begin) == "Aisha ");
    CHECK(line.runs[1].face->family == "Noto Nastaliq Urdu");  // Urdu letter ہ detected
    // RTL run: visually first glyph belongs to the logically last letter.
    const auto& ar = line.runs[1].glyphs;
    CHECK(ar.front().cluster > ar.back().cluster);
    CHECK(line.text.substr(line.runs[2].begin) == " (Pakistan)");
    // Joining: isolated-form shaping of each letter differs from the word's glyphs.
    const auto word = shape_line(fonts(), "خان", st);
    const auto kha = shape_line(fonts(), "خ", st);
    CHECK(word.runs.at(0).glyphs.back().id != kha.runs.at(0).glyphs.back().id);
}

TEST_CASE("font selection stays inside the Noto packages", "[fonts]") {
    FontStack& fonts = test::fonts();
    const auto line = shape_line(fonts, "Nguyễn Thị Minh Khai", {"serif", true, 12, "vi"});
    REQUIRE(line.runs.size() == 1);
    CHECK(line.runs[0].face->family == "Noto Serif");
    CHECK(line.runs[0].face->file.find("/usr/share/fonts/truetype/noto/") == 0);
    // Traditional vs Simplified Chinese pick the regional CJK faces.
    CHECK(shape_line(fonts, "陳怡君", {"sans", false, 12, "zh-TW"}).runs.at(0).face->family == "Noto Sans CJK TC");
    CHECK(shape_line(fonts, "张伟", {"sans", false, 12, "zh-CN"}).runs.at(0).face->family == "Noto Sans CJK SC");
    CHECK(shape_line(fonts, "山田 はなこ", {"serif", false, 12, ""}).runs.at(0).face->family == "Noto Serif CJK JP");
}

TEST_CASE("a missing font is a clear error, never tofu", "[fonts]") {
    FontStack& fonts = test::fonts();
    // Emoji exist on this machine only in DejaVu, which the Noto-only config must not see.
    try {
        (void)shape_line(fonts, "Priya 😀", {"sans", false, 12, ""});
        FAIL("expected MissingFontError");
    } catch (const MissingFontError& e) {
        CHECK(e.codepoint() == U'\U0001F600');
        CHECK_THAT(e.what(), Catch::Contains("U+1F600") && !Catch::Contains("Priya"));  // names stay out of messages
    }
    // Kawi (Unicode 15) has no Noto font in Debian 12.
    try {
        (void)shape_line(fonts, "\U00011F04\U00011F05", {"sans", false, 12, ""});
        FAIL("expected MissingFontError");
    } catch (const MissingFontError& e) {
        CHECK(e.script() == "Kawi");
        CHECK_THAT(e.what(), Catch::Contains("Kawi"));
    }
    // Without fonts-noto-cjk's directory, Han text must fail loudly.
    FontStack no_cjk(std::vector<std::string>{"/usr/share/fonts/truetype/noto"});
    CHECK_THROWS_WITH(shape_line(no_cjk, "山田 花子", {"serif", false, 12, "ja"}),
                      Catch::Contains("Han") && !Catch::Contains("山田"));
    CHECK_THROWS_AS(shape_line(fonts, std::string("bad \xff utf8"), {}), std::invalid_argument);
    CHECK_THROWS_AS(shape_line(fonts, std::string("bell \a"), {}), std::invalid_argument);
    // a stray newline from a database field is drawn as a space, not as tofu / an error
    CHECK(shape_line(fonts, "Priya\nSharma", {}).width(12) == Approx(shape_line(fonts, "Priya Sharma", {}).width(12)));
}

TEST_CASE("the shape cache gives what shaping gives, per role, weight and language", "[shaping][cache]") {
    FontStack& fonts = test::fonts();
    ShapeCache cache(fonts, 4);
    const auto same = [](const ShapedLine& a, const ShapedLine& b) {
        if (a.text != b.text || a.runs.size() != b.runs.size()) return false;
        for (std::size_t i = 0; i < a.runs.size(); ++i)
            if (a.runs[i].face != b.runs[i].face || serialise(a.runs[i]) != serialise(b.runs[i])) return false;
        return true;
    };
    const std::string han = "直美 — 修了証";
    const TextStyle ja{"serif", false, 12, "ja"}, zh{"serif", false, 12, "zh-Hans"}, ja_bold{"serif", true, 12, "ja"},
        ja_sans{"sans", false, 30, "ja"};
    for (const TextStyle& st : {ja, zh, ja_bold, ja_sans}) {
        INFO(st.role << (st.bold ? " bold " : " ") << st.lang);
        CHECK(same(cache.shape(han, st), shape_line(fonts, han, st)));
    }
    // Four styles, four entries: none was taken for another (the faces differ between them).
    CHECK(cache.size() == 4);
    CHECK(cache.shape(han, ja).runs[0].face != cache.shape(han, zh).runs[0].face);
    CHECK(cache.shape(han, ja).runs[0].face != cache.shape(han, ja_bold).runs[0].face);
    // The size is not part of shaping: the same entry serves every size.
    TextStyle ja_big = ja;
    ja_big.size_pt = 40;
    CHECK(&cache.shape(han, ja_big) == &cache.shape(han, ja));
    // Full, it starts again rather than growing.
    cache.shape("Priya Sharma", ja);
    CHECK(cache.size() == 1);
    CHECK_THROWS_AS(cache.shape("\x01", ja), std::invalid_argument);
    CHECK(cache.size() == 1);
}
