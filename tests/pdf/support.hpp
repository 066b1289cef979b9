// Helpers for test_pdf: temp dirs, running poppler tools, reading PGM images,
// and the sample page with every script.
#pragma once

#include "pdf/text_renderer.hpp"

#include <hpdf.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace mitra::pdf::test {

// One font stack for the whole test binary (it caches the faces it opens).
inline FontStack& fonts() {
    static FontStack stack;
    return stack;
}

inline void hpdf_error(HPDF_STATUS e, HPDF_STATUS d, void*) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "libharu error 0x%04lX detail %lu", (unsigned long)e, (unsigned long)d);
    throw std::runtime_error(buf);
}

/// A libharu document that frees itself.
struct Doc {
    HPDF_Doc h = HPDF_New(hpdf_error, nullptr);
    Doc() {
        if (!h) throw std::runtime_error("HPDF_New failed");
    }
    ~Doc() { HPDF_Free(h); }
    Doc(const Doc&) = delete;
    Doc& operator=(const Doc&) = delete;
};

/// Per-run scratch directory, removed at exit unless MITRA_PDF_KEEP is set
/// (then the PDFs/PGMs are kept for inspection).
inline std::filesystem::path temp_dir() {
    struct Dir {
        std::filesystem::path path;
        Dir() {
            std::random_device rd;
            path = std::filesystem::temp_directory_path() / ("mitra-pdf-test-" + std::to_string(rd()));
            std::filesystem::create_directories(path);
        }
        ~Dir() {
            std::error_code ec;
            if (!std::getenv("MITRA_PDF_KEEP")) std::filesystem::remove_all(path, ec);
        }
    };
    static Dir dir;
    return dir.path;
}

struct CmdResult {
    int status;
    std::string out;
};

/// Run a shell command, capturing stdout (stderr goes to /dev/null).
inline CmdResult run(const std::string& cmd) {
    CmdResult r{-1, {}};
    FILE* p = popen((cmd + " 2>/dev/null").c_str(), "r");
    if (!p) return r;
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
    r.status = pclose(p);
    return r;
}

inline std::string quote(const std::string& s) {
    std::string o = "'";
    for (char c : s) {
        if (c == '\'') o += "'\\''";
        else o += c;
    }
    return o + "'";
}

struct Gray {
    int w = 0, h = 0;
    std::vector<unsigned char> px;
    unsigned char at(int x, int y) const { return px[static_cast<size_t>(y) * w + x]; }
    /// Pixels darker than 128 in [x0,x1) x [y0,y1) (clipped).
    long dark(int x0, int y0, int x1, int y1) const {
        long n = 0;
        for (int y = std::max(0, y0); y < std::min(h, y1); ++y)
            for (int x = std::max(0, x0); x < std::min(w, x1); ++x) n += at(x, y) < 128;
        return n;
    }
};

/// Read a binary PGM (P5, maxval 255) as written by `pdftoppm -gray`.
inline Gray read_pgm(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw std::runtime_error("cannot open " + file.string());
    auto token = [&] {
        std::string t;
        char c;
        while (in.get(c)) {
            if (c == '#') {
                std::string skip;
                std::getline(in, skip);
                continue;
            }
            if (isspace(static_cast<unsigned char>(c))) {
                if (!t.empty()) break;
                continue;
            }
            t += c;
        }
        return t;
    };
    if (token() != "P5") throw std::runtime_error("not a P5 PGM: " + file.string());
    Gray g;
    g.w = std::stoi(token());
    g.h = std::stoi(token());
    if (std::stoi(token()) != 255) throw std::runtime_error("unexpected PGM maxval");
    g.px.resize(static_cast<size_t>(g.w) * g.h);
    in.read(reinterpret_cast<char*>(g.px.data()), static_cast<std::streamsize>(g.px.size()));
    if (in.gcount() != static_cast<std::streamsize>(g.px.size())) throw std::runtime_error("short PGM");
    return g;
}

/// Rasterise page 1 with `pdftoppm -gray -r dpi` and read it back.
inline Gray rasterise(const std::filesystem::path& pdf, int dpi = 50) {
    const auto prefix = pdf.parent_path() / (pdf.stem().string() + "-r" + std::to_string(dpi));
    const auto r = run("pdftoppm -gray -singlefile -r " + std::to_string(dpi) + " " + quote(pdf.string()) + " " +
                       quote(prefix.string()));
    if (r.status != 0) throw std::runtime_error("pdftoppm failed on " + pdf.string());
    return read_pgm(prefix.string() + ".pgm");
}

inline std::string pdftotext(const std::filesystem::path& pdf) {
    return run("pdftotext -enc UTF-8 " + quote(pdf.string()) + " -").out;
}

/// Remove all whitespace (pdftotext may insert/drop spaces between clusters).
inline std::string squeeze(const std::string& s) {
    std::string o;
    for (char c : s)
        if (!isspace(static_cast<unsigned char>(c))) o += c;
    return o;
}

struct SampleName {
    const char* label;
    const char* text;
    const char* lang;
};

inline const std::vector<SampleName>& sample_names() {
    static const std::vector<SampleName> names = {
        {"Japanese", "山田 花子", "ja"},
        {"Japanese (non-BMP)", "髙橋 𠮷郎", "ja"},
        {"Simplified Chinese", "张伟 王小明", "zh-CN"},
        {"Traditional Chinese", "陳怡君 黃志豪", "zh-TW"},
        {"Korean", "김민준", "ko"},
        {"Thai", "สมชาย ใจดี", "th"},
        {"Hindi", "प्रिया शर्मा", "hi"},
        {"Hindi", "अर्जुन त्रिपाठी", "hi"},
        {"Bengali", "রবীন্দ্রনাথ ঠাকুর", "bn"},
        {"Punjabi (Gurmukhi)", "ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ", "pa"},
        {"Tamil", "கார்த்திக் சுப்பிரமணியம்", "ta"},
        {"Sinhala", "ශ්‍රියානි", "si"},
        {"Sinhala", "ශ්‍රී ලංකා", "si"},
        {"Urdu", "عائشہ خان", "ur"},
        {"Vietnamese", "Nguyễn Thị Minh Khai", "vi"},
        {"Indonesian", "Sukarno", "id"},
        {"Mixed", "Aisha عائشہ خان (Pakistan)", ""},
    };
    return names;
}

/// A one-page A4 sample with every name, serif on the left, sans bold on the right.
inline void write_sample_page(FontStack& fonts, const std::string& path) {
    Doc doc;
    TextRenderer text(doc.h, fonts);
    HPDF_Page page = HPDF_AddPage(doc.h);
    HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
    const double W = HPDF_Page_GetWidth(page), H = HPDF_Page_GetHeight(page);
    text.draw(page, "Mitra sample — every script", W / 2, H - 50, {"serif", true, 20, ""}, Align::centre);
    double y = H - 90;
    for (const auto& n : sample_names()) {
        HPDF_Page_SetRGBFill(page, 0.45f, 0.45f, 0.45f);
        text.draw(page, n.label, 40, y, {"sans", false, 9, ""}, Align::left);
        HPDF_Page_SetRGBFill(page, 0, 0, 0);
        text.draw_fitted(page, n.text, 150, y, 200, {"serif", false, 20, n.lang}, Align::left);
        HPDF_Page_SetRGBFill(page, 0.05f, 0.2f, 0.5f);
        text.draw_fitted(page, n.text, 360, y, 200, {"sans", true, 20, n.lang}, Align::right);
        y -= 42;
    }
    HPDF_SaveToFile(doc.h, path.c_str());
}

}  // namespace mitra::pdf::test
