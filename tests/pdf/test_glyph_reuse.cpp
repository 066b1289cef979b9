// Glyph reuse: repeated glyphs cost a few bytes each, keep the caller's fill colour, and certificates stay small.
#include "certificate_support.hpp"
#include "pdf/certificate.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

#include <fstream>

using namespace mitra;
using namespace mitra::pdf;
using namespace mitra::pdf::test;
namespace fs = std::filesystem;

namespace {

/// A 500 x 800 pt page with `text` drawn `times` times, one per line (wrapping into columns).
long page_with_repeats(const std::string& id, const std::string& text, const std::string& lang, int times) {
    Doc doc;
    TextRenderer r(doc.h, fonts());
    HPDF_Page page = HPDF_AddPage(doc.h);
    HPDF_Page_SetWidth(page, 500);
    HPDF_Page_SetHeight(page, 800);
    for (int i = 0; i < times; ++i)
        r.draw(page, text, 20 + (i / 25) * 240, 770 - (i % 25) * 30, {"serif", false, 20, lang}, Align::left);
    const fs::path file = temp_dir() / ("repeat-" + id + "-" + std::to_string(times) + ".pdf");
    HPDF_SaveToFile(doc.h, file.c_str());
    if (times == 50) CHECK(squeeze(pdftotext(file)).size() == squeeze(text).size() * 50);
    return static_cast<long>(fs::file_size(file));
}

std::string slurp(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

std::size_t count(const std::string& haystack, const std::string& needle) {
    std::size_t n = 0;
    for (auto at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
    return n;
}

struct Rgb {
    int w = 0, h = 0;
    std::vector<unsigned char> px;
    const unsigned char* at(int x, int y) const { return &px[(static_cast<size_t>(y) * w + x) * 3]; }
    /// Pixels in [x0,x1) x [y0,y1) for which pred(r, g, b) holds.
    template <class Pred>
    long count(int x0, int y0, int x1, int y1, Pred pred) const {
        long n = 0;
        for (int y = std::max(0, y0); y < std::min(h, y1); ++y)
            for (int x = std::max(0, x0); x < std::min(w, x1); ++x) {
                const unsigned char* p = at(x, y);
                n += pred(p[0], p[1], p[2]);
            }
        return n;
    }
};

/// Rasterise page 1 in colour with `pdftoppm -r dpi` (binary PPM, P6).
Rgb rasterise_rgb(const fs::path& pdf, int dpi) {
    const auto prefix = pdf.parent_path() / (pdf.stem().string() + "-rgb");
    REQUIRE(
        run("pdftoppm -singlefile -r " + std::to_string(dpi) + " " + quote(pdf.string()) + " " + quote(prefix.string()))
            .status == 0);
    std::ifstream in(prefix.string() + ".ppm", std::ios::binary);
    std::string magic;
    int maxval = 0;
    Rgb img;
    in >> magic >> img.w >> img.h >> maxval;
    in.get();
    REQUIRE(magic == "P6");
    REQUIRE(maxval == 255);
    img.px.resize(static_cast<size_t>(img.w) * img.h * 3);
    in.read(reinterpret_cast<char*>(img.px.data()), static_cast<std::streamsize>(img.px.size()));
    REQUIRE(in.gcount() == static_cast<std::streamsize>(img.px.size()));
    return img;
}

}  // namespace

TEST_CASE("a word drawn 50 times is barely bigger than drawn once", "[render][reuse]") {
    struct Word {
        const char* id;
        const char* text;
        const char* lang;
    };
    const Word words[] = {
        {"latin", "Certificate", ""},
        {"deva", "प्रिया शर्मा", "hi"},
        {"cjk", "山田 花子", "ja"},
    };
    for (const auto& w : words) {
        const long once = page_with_repeats(w.id, w.text, w.lang, 1);
        const long fifty = page_with_repeats(w.id, w.text, w.lang, 50);
        WARN(w.id << ": once " << once << " bytes, 50 times " << fifty << " bytes");
        CHECK(fifty < once * 2);
        CHECK(fifty - once < 49 * 200);  // well under the old cost of one word's outlines per copy
    }
}

TEST_CASE("outlines: glyphs repeated on other pages are painted from one shared form each", "[render][reuse]") {
    auto write = [](int pages, const std::string& name) {
        Doc doc;
        TextRenderer r(doc.h, fonts(), GlyphMode::outlines);
        for (int p = 0; p < pages; ++p) {
            HPDF_Page page = HPDF_AddPage(doc.h);
            for (int i = 0; i < 4; ++i) r.draw(page, "Mitra Mitra", 40, 700 - i * 40, {"sans", false, 20, ""});
            r.draw(page, "山田 花子 प्रिया शर्मा", 40, 500, {"serif", true, 30, ""});
        }
        const fs::path file = temp_dir() / name;
        HPDF_SaveToFile(doc.h, file.c_str());
        return file;
    };
    const fs::path one = write(1, "reuse-1-page.pdf"), twenty = write(20, "reuse-20-pages.pdf");
    const std::string pdf = slurp(twenty);
    // At most one form per distinct glyph (5 Latin, 4 Han, about 8 Devanagari), however many pages.
    const std::size_t forms = count(pdf, "/Subtype /Form");
    CHECK(forms >= 5);
    CHECK(forms <= 30);
    // Each further page costs its placements, text layer and resources, under a third of the first page.
    CHECK(fs::file_size(twenty) - fs::file_size(one) < 19 * fs::file_size(one) / 3);
    std::string expected;
    for (int p = 0; p < 20; ++p) {
        for (int i = 0; i < 8; ++i) expected += "Mitra";
        expected += squeeze("山田 花子 प्रिया शर्मा");
    }
    CHECK(squeeze(pdftotext(twenty)) == expected);
}

TEST_CASE("glyphs take the caller's fill colour, also when reused", "[render][reuse][colour]") {
    const GlyphMode mode = GENERATE(GlyphMode::subset_fonts, GlyphMode::outlines);
    Doc doc;
    TextRenderer r(doc.h, fonts(), mode);
    HPDF_Page page = HPDF_AddPage(doc.h);
    HPDF_Page_SetWidth(page, 400);
    HPDF_Page_SetHeight(page, 200);
    const TextStyle st{"sans", true, 40, ""};
    HPDF_Page_SetRGBFill(page, 1, 0, 0);
    r.draw(page, "Mitra", 20, 120, st);  // top: red
    HPDF_Page_SetRGBFill(page, 0, 0, 1);
    r.draw(page, "Mitra", 20, 40, st);  // bottom: the same glyphs in blue
    HPDF_Page_SetRGBFill(page, 1, 0, 0);
    r.draw(page, "山田", 250, 120, {"serif", false, 40, "ja"});  // red
    HPDF_Page_SetRGBFill(page, 0, 0.6f, 0);
    r.draw(page, "山田", 250, 40, {"serif", false, 40, "ja"});  // green
    const fs::path file = temp_dir() / (mode == GlyphMode::outlines ? "colour-outlines.pdf" : "colour.pdf");
    HPDF_SaveToFile(doc.h, file.c_str());

    const Rgb img = rasterise_rgb(file, 50);
    const double s = 50.0 / 72.0;
    auto red = [](int r, int g, int b) { return r > 180 && g < 90 && b < 90; };
    auto blue = [](int r, int g, int b) { return b > 180 && r < 90 && g < 90; };
    auto green = [](int r, int g, int b) { return g > 100 && r < 90 && b < 90; };
    const int top0 = 0, top1 = static_cast<int>(100 * s), bot0 = static_cast<int>(110 * s), bot1 = img.h;
    const int mid = static_cast<int>(240 * s);
    CHECK(img.count(0, top0, mid, top1, red) > 60);
    CHECK(img.count(0, top0, mid, top1, blue) == 0);
    CHECK(img.count(0, bot0, mid, bot1, blue) > 60);
    CHECK(img.count(0, bot0, mid, bot1, red) == 0);
    CHECK(img.count(mid, top0, img.w, top1, red) > 60);
    CHECK(img.count(mid, bot0, img.w, bot1, green) > 60);
    CHECK(img.count(mid, bot0, img.w, bot1, red) == 0);
}

// The size budget (60 KB) with module titles in CJK, Hangul, Thai and Devanagari, as the shipped template lists them.
TEST_CASE("a completion certificate listing its modules in the cohort's language stays under 60 KB",
          "[certificate][size-budget]") {
    CertificateTemplate tmpl = shipped_template("programme-completion.toml");
    for (auto& block : tmpl.texts)
        if (block.field == TextField::modules) block.language = BlockLanguage::certificate;
    CertificateRenderer renderer(fonts());
    const Person people[] = {
        {"山田 花子", "Yamada Hanako", "ja", "ja"},
        {"김민준", "Kim Minjun", "ko", "ko"},
        {"สมชาย ใจดี", "Somchai Jaidee", "th", "th"},
        {"प्रिया शर्मा", "Priya Sharma", "hi", "hi"},
        {"Sukarno", "", "id", "id"},
    };
    for (const Person& p : people) {
        const fs::path pdf = temp_dir() / (std::string("modules-") + p.cohort_language + ".pdf");
        const CertificateContent content = completion_for(p);
        render_to(renderer, tmpl, content, pdf);
        const auto size = fs::file_size(pdf);
        WARN(p.cohort_language << " certificate with modules in " << p.cohort_language << ": " << size << " bytes");
        CHECK(size < 60 * 1024);
        const std::string text = squeeze(pdftotext(pdf));
        CHECK_THAT(text, Catch::Contains(squeeze(p.name)));
        CHECK_THAT(text, Catch::Contains(squeeze(content.modules.front().title.in(p.cohort_language))));
    }
}
