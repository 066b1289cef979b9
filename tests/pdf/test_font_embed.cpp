// Subset fonts: each face embedded once per document as a tagged subset, the outline fallback, and speed.
#include "certificate_support.hpp"
#include "pdf/certificate.hpp"
#include "pdf/font_embed.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <ctime>
#include <fstream>
#include <regex>

using namespace mitra;
using namespace mitra::pdf;
using namespace mitra::pdf::test;
namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

std::size_t count(const std::string& haystack, const std::string& needle) {
    std::size_t n = 0;
    for (auto at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
    return n;
}

/// pdffonts' rows (after its two header lines).
std::vector<std::string> pdffonts(const fs::path& pdf) {
    std::istringstream in(run("pdffonts " + quote(pdf.string())).out);
    std::vector<std::string> rows;
    std::string line;
    for (int i = 0; std::getline(in, line); ++i)
        if (i >= 2 && !line.empty()) rows.push_back(line);
    return rows;
}

}  // namespace

TEST_CASE("every face is embedded once, as a tagged subset with ToUnicode", "[render][fonts]") {
    Doc doc;
    TextRenderer r(doc.h, fonts(), GlyphMode::subset_fonts);
    for (int p = 0; p < 3; ++p) {
        HPDF_Page page = HPDF_AddPage(doc.h);
        r.draw(page, "Mitra Mitra", 40, 700, {"sans", false, 20, ""});
        r.draw(page, "山田 花子", 40, 600, {"serif", false, 30, "ja"});
        r.draw(page, "प्रिया शर्मा", 40, 500, {"serif", false, 30, "hi"});
    }
    const fs::path file = temp_dir() / "fonts-once.pdf";
    HPDF_SaveToFile(doc.h, file.c_str());
    REQUIRE(r.embedded_fonts() != nullptr);
    CHECK(r.embedded_fonts()->font_count() == 3);
    const auto rows = pdffonts(file);
    INFO(run("pdffonts " + quote(file.string())).out);
    REQUIRE(rows.size() == 3);
    const std::regex row(R"(^[A-Z]{6}\+Noto\S+\s+CID (TrueType|Type 0C \(OT\))\s+Identity-H\s+yes yes yes .*)");
    for (const auto& line : rows) CHECK(std::regex_match(line, row));
    const std::string pdf = slurp(file);
    CHECK(count(pdf, "/FontFile2") == 2);  // Noto Sans, Noto Serif Devanagari
    CHECK(count(pdf, "/FontFile3") == 1);  // Noto Serif CJK JP (CFF)
    CHECK(count(pdf, "/Subtype /Form") == 0);
    std::string expected;
    for (int p = 0; p < 3; ++p) expected += "MitraMitra" + squeeze("山田 花子 प्रिया शर्मा");
    CHECK(squeeze(pdftotext(file)) == expected);
}

TEST_CASE("subset fonts draw where the outlines did", "[render][fonts]") {
    auto render = [](GlyphMode mode, const std::string& name) {
        Doc doc;
        TextRenderer r(doc.h, fonts(), mode);
        HPDF_Page page = HPDF_AddPage(doc.h);
        HPDF_Page_SetWidth(page, 600);
        HPDF_Page_SetHeight(page, 300);
        r.draw(page, "髙橋 𠮷郎 Nguyễn", 20, 240, {"serif", false, 30, "ja"});
        r.draw(page, "ශ්‍රියානි अर्जुन สมชาย ใจดี", 20, 160,
               {"sans", true, 30, ""});
        r.draw(page, "عائشہ خان", 20, 60, {"serif", false, 40, "ur"});
        const fs::path file = temp_dir() / name;
        HPDF_SaveToFile(doc.h, file.c_str());
        return rasterise(file, 72);
    };
    const Gray fonts_img = render(GlyphMode::subset_fonts, "same-fonts.pdf");
    const Gray outline_img = render(GlyphMode::outlines, "same-outlines.pdf");
    REQUIRE(fonts_img.w == outline_img.w);
    REQUIRE(fonts_img.h == outline_img.h);
    // Same glyphs at the same places: per 10 x 10 pt cell, the ink differs only by anti-aliasing.
    long ink = 0, cells_off = 0;
    for (int y = 0; y + 10 <= fonts_img.h; y += 10)
        for (int x = 0; x + 10 <= fonts_img.w; x += 10) {
            const long a = fonts_img.dark(x, y, x + 10, y + 10), b = outline_img.dark(x, y, x + 10, y + 10);
            ink += b;
            if (std::abs(a - b) > 12) ++cells_off;
        }
    INFO("ink " << ink << ", cells that differ " << cells_off);
    CHECK(ink > 2000);
    CHECK(cells_off <= 3);
}

TEST_CASE("a face that cannot be subset is drawn as outlines", "[render][fonts]") {
    FontStack stack;  // its own faces, so marking one does not touch the other tests
    const TextStyle st{"serif", false, 28, "hi"};
    Face* deva = stack.face_for_script(HB_SCRIPT_DEVANAGARI, {"serif", false, "hi"}, U"");
    REQUIRE(deva != nullptr);
    deva->subset_state = -1;  // as if HarfBuzz had failed on it
    Doc doc;
    TextRenderer r(doc.h, stack, GlyphMode::subset_fonts);
    HPDF_Page page = HPDF_AddPage(doc.h);
    HPDF_Page_SetWidth(page, 500);
    HPDF_Page_SetHeight(page, 120);
    const std::string text = "Priya प्रिया शर्मा";
    r.draw(page, text, 20, 50, st);
    const fs::path file = temp_dir() / "fallback.pdf";
    HPDF_SaveToFile(doc.h, file.c_str());
    CHECK(r.embedded_fonts()->font_count() == 1);  // only Noto Serif (Latin)
    CHECK(squeeze(pdftotext(file)) == squeeze(text));
    const Gray img = rasterise(file, 50);
    const double s = 50.0 / 72.0;
    CHECK(img.dark(static_cast<int>(20 * s), 0, static_cast<int>(100 * s), img.h) > 30);   // Latin, from the font
    CHECK(img.dark(static_cast<int>(100 * s), 0, static_cast<int>(300 * s), img.h) > 60);  // Devanagari outlines
}

TEST_CASE("a document saved after its renderer is gone keeps its fonts", "[render][fonts]") {
    Doc doc;
    {
        TextRenderer r(doc.h, fonts(), GlyphMode::subset_fonts);
        HPDF_Page page = HPDF_AddPage(doc.h);
        r.draw(page, "山田 Mitra", 40, 700, {"sans", false, 20, "ja"});
    }
    const fs::path file = temp_dir() / "saved-later.pdf";
    HPDF_SaveToFile(doc.h, file.c_str());
    CHECK(squeeze(pdftotext(file)) == "山田Mitra");
    CHECK(pdffonts(file).size() == 2);
}

TEST_CASE("certificates render quickly with subset fonts", "[perf][fonts]") {
    const CertificateTemplate tmpl = shipped_template("programme-completion.toml");
    CertificateRenderer renderer(fonts());
    const Person people[] = {{"山田 花子", "Yamada Hanako", "ja", "ja"},
                             {"प्रिया शर्मा", "Priya Sharma", "hi", "hi"},
                             {"عائشہ خان", "Aisha Khan", "ur", "en"},
                             {"สมชาย ใจดี", "Somchai Jaidee", "th", "th"}};
    const fs::path dir = temp_dir() / "perf-certs";
    fs::create_directories(dir);
    for (const Person& p : people) render_to(renderer, tmpl, completion_for(p), dir / "warm.pdf");  // open the fonts
    const auto t0 = std::chrono::steady_clock::now();
    constexpr int kCount = 200;
    for (int i = 0; i < kCount; ++i) render_to(renderer, tmpl, completion_for(people[i % 4], 1000 + i), dir / "c.pdf");
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    WARN(kCount << " completion certificates in " << secs << " s (" << kCount / secs << " per second)");
    CHECK(secs < 20.0);
}

TEST_CASE("a CJK face is ready to subset without preparing all its glyphs", "[perf][fonts]") {
    // hb_subset_preprocess() took 2.6 s of CPU a Noto CJK face, and a Japanese certificate uses three.
    FontStack stack;  // fresh faces, as a new process has them
    CertificateRenderer renderer(stack);
    const fs::path file = temp_dir() / "first-cjk.pdf";
    const std::clock_t start = std::clock();
    render_to(renderer, shipped_template("programme-completion.toml"),
              completion_for({"山田 花子", "Yamada Hanako", "ja", "ja"}), file);
    const double cpu_s = static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
    INFO("CPU seconds for the first Japanese certificate: " << cpu_s);
    CHECK(cpu_s < 1.0);
    CHECK(pdffonts(file).size() >= 3);
    CHECK(squeeze(pdftotext(file)).find("山田花子") != std::string::npos);
}
