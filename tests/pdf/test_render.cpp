// Rendering: write real PDFs, read them back with poppler-utils.
#include "support.hpp"

#include <catch2/catch.hpp>

#include <chrono>

using namespace mitra::pdf;
using namespace mitra::pdf::test;
namespace fs = std::filesystem;

namespace {

constexpr double kPageW = 500, kPageH = 120, kX = 20, kBaseline = 50, kSize = 28;

struct Rendered {
    fs::path file;
    double width_pt;
};

Rendered render_one(const std::string& name, const std::string& text, const TextStyle& st) {
    Doc doc;
    TextRenderer r(doc.h, fonts());
    HPDF_Page page = HPDF_AddPage(doc.h);
    HPDF_Page_SetWidth(page, kPageW);
    HPDF_Page_SetHeight(page, kPageH);
    const double w = r.measure(text, st);
    r.draw(page, text, kX, kBaseline, st, Align::left);
    const fs::path file = temp_dir() / (name + ".pdf");
    HPDF_SaveToFile(doc.h, file.c_str());
    return {file, w};
}

}  // namespace

TEST_CASE("each script renders with ink where drawn and extractable text", "[render]") {
    struct Case {
        const char* id;
        const char* text;
        const char* lang;
        bool extract_exact;
    };
    const Case cases[] = {
        {"latin", "Nguyễn Thị Minh Khai", "vi", true},
        {"ja", "髙橋 𠮷郎", "ja", true},
        {"ja2", "山田 花子", "ja", true},
        {"zh-cn", "张伟", "zh-CN", true},
        {"zh-tw", "陳怡君", "zh-TW", true},
        {"ko", "김민준", "ko", true},
        {"th", "สมชาย ใจดี", "th", true},
        {"hi1", "प्रिया शर्मा", "hi", true},
        {"hi2", "अर्जुन त्रिपाठी", "hi", true},
        {"bn", "রবীন্দ্রনাথ ঠাকুর", "bn", true},
        {"pa", "ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ", "pa", true},
        {"ta", "கார்த்திக்", "ta", true},
        {"si", "ශ්‍රියානි", "si", true},
        {"ur", "عائشہ خان", "ur", true},
    };
    for (const auto& c : cases) {
        for (const char* role : {"serif", "sans"}) {
            INFO(c.id << " " << role << ": " << c.text);
            const Rendered out = render_one(std::string(c.id) + "-" + role, c.text, {role, false, kSize, c.lang});
            REQUIRE(out.width_pt > 10);
            REQUIRE(out.width_pt < kPageW - 2 * kX);

            const auto info = run("pdfinfo " + quote(out.file.string()));
            REQUIRE(info.status == 0);
            CHECK_THAT(squeeze(info.out), Catch::Contains("Pages:1") && Catch::Contains("Pagesize:500x120pts"));

            const std::string text = pdftotext(out.file);
            INFO("pdftotext: " << text);
            if (c.extract_exact) CHECK_THAT(squeeze(text), Catch::Contains(squeeze(c.text)));

            const Gray img = rasterise(out.file, 50);
            const double s = 50.0 / 72.0;
            REQUIRE(std::abs(img.w - kPageW * s) < 1.5);
            REQUIRE(std::abs(img.h - kPageH * s) < 1.5);
            const int x0 = static_cast<int>(kX * s), x1 = static_cast<int>((kX + out.width_pt) * s) + 1;
            const int top = static_cast<int>((kPageH - kBaseline - kSize * 1.1) * s);
            const int bottom = static_cast<int>((kPageH - kBaseline + kSize * 0.6) * s) + 1;
            const long ink = img.dark(x0, top, x1, bottom);
            const long area = static_cast<long>(x1 - x0) * (bottom - top);
            CHECK(ink > area / 40);     // real glyphs, not a hairline
            CHECK(ink < area * 3 / 4);  // and not a filled box
            // Nothing outside the text box (ink where it was drawn, nowhere else).
            CHECK(img.dark(x1 + 4, 0, img.w, img.h) == 0);
            CHECK(img.dark(0, 0, img.w, top - 2) == 0);
            CHECK(img.dark(0, bottom + 4, img.w, img.h) == 0);
        }
    }
}

TEST_CASE("mixed LTR/RTL line extracts its Latin words and renders", "[render][bidi]") {
    const std::string text = "Aisha عائشہ خان (Pakistan)";
    const Rendered out = render_one("mixed", text, {"serif", false, 20, ""});
    const std::string extracted = pdftotext(out.file);
    INFO(extracted);
    CHECK_THAT(extracted, Catch::Contains("Aisha"));
    // poppler re-orders neutral punctuation next to RTL text by its own rules, so
    // only the words are checked (the drawing order itself is tested in test_shaping).
    CHECK_THAT(extracted, Catch::Contains("Pakistan"));
    CHECK_THAT(squeeze(extracted), Catch::Contains("عائشہ") || Catch::Contains("ہشئاع"));
    const Gray img = rasterise(out.file, 50);
    CHECK(img.dark(0, 0, img.w, img.h) > 100);
}

TEST_CASE("alignment and fitting", "[render]") {
    Doc doc;
    TextRenderer r(doc.h, fonts());
    HPDF_Page page = HPDF_AddPage(doc.h);
    HPDF_Page_SetWidth(page, 400);
    HPDF_Page_SetHeight(page, 200);
    const std::string name = "Shrimati Venkatalakshmi Ramachandran Subramaniam";
    const TextStyle st{"serif", true, 30, ""};
    const double full = r.measure(name, st);
    REQUIRE(full > 300);
    const double used = r.draw_fitted(page, name, 100, 150, 200, st, Align::centre);
    CHECK(used < 30);
    CHECK(r.measure(name, {"serif", true, used, ""}) <= Approx(200).margin(0.01));
    // measure scales linearly with size
    CHECK(r.measure("कार्यशाला", {"sans", false, 20, ""}) == Approx(2 * r.measure("कार्यशाला", {"sans", false, 10, ""})));
    r.draw(page, "右", 380, 50, {"sans", false, 20, "ja"}, Align::right);
    const fs::path file = temp_dir() / "fit.pdf";
    HPDF_SaveToFile(doc.h, file.c_str());
    const Gray img = rasterise(file, 72);  // 1 px = 1 pt
    // fitted text stays inside [100, 300]
    CHECK(img.dark(0, 0, 99, 100) == 0);
    CHECK(img.dark(301, 0, img.w, 100) == 0);
    CHECK(img.dark(100, 0, 300, 100) > 50);
    // right-aligned glyph ends at x = 380
    CHECK(img.dark(360, 120, 381, 160) > 20);
    CHECK(img.dark(382, 120, img.w, 160) == 0);
    // a renderer call inside BT/ET is refused
    HPDF_Page_BeginText(page);
    CHECK_THROWS_AS(r.draw(page, "x", 10, 10, st), std::logic_error);
    HPDF_Page_EndText(page);
}

TEST_CASE("more than 255 distinct clusters stay extractable", "[render]") {
    Doc doc;
    TextRenderer r(doc.h, fonts());
    HPDF_Page page = HPDF_AddPage(doc.h);
    std::string all;
    for (int line = 0; line < 20; ++line) {
        std::string s;
        for (int i = 0; i < 20; ++i) {
            const char32_t cp = 0x4E00 + line * 20 + i;  // 400 distinct Han characters
            s += static_cast<char>(0xE0 | (cp >> 12));
            s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            s += static_cast<char>(0x80 | (cp & 0x3F));
        }
        r.draw(page, s, 40, 780 - line * 30, {"sans", false, 20, "zh-CN"}, Align::left);
        all += s;
    }
    const fs::path file = temp_dir() / "many.pdf";
    HPDF_SaveToFile(doc.h, file.c_str());
    CHECK(squeeze(pdftotext(file)) == all);
}

TEST_CASE("certificate pages stay small", "[size]") {
    auto page_size = [](const std::vector<std::pair<std::string, std::string>>& names, const std::string& id) {
        Doc doc;
        TextRenderer r(doc.h, fonts());
        HPDF_Page page = HPDF_AddPage(doc.h);
        HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_LANDSCAPE);
        r.draw(page, "Certificate of Completion", 421, 480, {"serif", true, 36, ""}, Align::centre);
        r.draw(page, "Peer Support Training Programme", 421, 440, {"sans", false, 16, ""}, Align::centre);
        double y = 350;
        for (const auto& [text, lang] : names) {
            r.draw_fitted(page, text, 121, y, 600, {"serif", true, 40, lang}, Align::centre);
            y -= 70;
        }
        const fs::path file = temp_dir() / ("size-" + id + ".pdf");
        HPDF_SaveToFile(doc.h, file.c_str());
        return static_cast<long>(fs::file_size(file));
    };
    const long cjk = page_size({{"髙橋 𠮷郎", "ja"}}, "cjk");
    const long deva = page_size({{"अर्जुन त्रिपाठी", "hi"}}, "deva");
    const long both = page_size({{"山田 花子", "ja"}, {"प्रिया शर्मा", "hi"}}, "both");
    std::vector<std::pair<std::string, std::string>> every;
    for (const auto& n : sample_names()) every.emplace_back(n.text, n.lang);
    const long all = page_size(every, "all");
    WARN("page sizes (bytes): CJK " << cjk << ", Devanagari " << deva << ", CJK+Devanagari " << both << ", all scripts "
                                    << all);
    CHECK(cjk < 20000);
    CHECK(deva < 20000);
    CHECK(both < 30000);
    CHECK(all < 60000);
}

TEST_CASE("fonts are cached across documents and 200 certificates are quick", "[perf]") {
    FontStack& fonts = test::fonts();
    auto one = [&](int i) {
        Doc doc;
        TextRenderer r(doc.h, fonts);
        HPDF_Page page = HPDF_AddPage(doc.h);
        HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_LANDSCAPE);
        const auto& n = sample_names()[static_cast<std::size_t>(i) % sample_names().size()];
        r.draw(page, "Certificate of Completion", 421, 480, {"serif", true, 36, ""}, Align::centre);
        r.draw_fitted(page, n.text, 121, 350, 600, {"serif", true, 40, n.lang}, Align::centre);
        r.draw(page, "Awarded 25 November 2025", 421, 250, {"sans", false, 14, ""}, Align::centre);
        HPDF_SaveToStream(doc.h);
        return HPDF_GetStreamSize(doc.h);
    };
    for (std::size_t i = 0; i < sample_names().size(); ++i) one(static_cast<int>(i));  // warm up
    const auto faces = fonts.open_face_count();
    const auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < 200; ++i) CHECK(one(i) > 1000);
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    WARN("200 certificates in " << secs << " s");
    CHECK(fonts.open_face_count() == faces);  // no font re-opened
    CHECK(secs < 10.0);
}
