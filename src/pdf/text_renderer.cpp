// Long because (800 lines) both ways of drawing a line share the cluster walk and the number writing kept here,
// and since issue 19 a line with right-to-left text also writes its invisible logical-order layer in the same walk;
// the outline half (paint_outlines() on) and the cluster helpers would split off only with an internal header.
// TextRenderer: a shaped line onto a page, as text in subset fonts or as outlines under an invisible text layer.
#include "pdf/text_renderer.hpp"

#include "pdf/haru.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string_view>

namespace mitra::pdf {

using haru::check;
using haru::not_null;

namespace {

constexpr unsigned kCodesPerFont = 255;  // codes 1..255 of a single-byte Type 3 font
constexpr std::size_t kNoForm = static_cast<std::size_t>(-1);
// zlib's window is 32 KB; keep a margin for the longest match (258 bytes) and our own operators.
constexpr std::size_t kDeflateWindow = 32000;
// Outline copies out of the window before the glyph gets a form (measured: 2 gives the smallest files).
constexpr int kFarCopiesBeforeForm = 2;
// A rise (Ts, points) that puts text above the top of any page: PDF's largest is 14400 points high.
constexpr double kOffPage = 15000;

/// Compact decimal for content streams ("12.5", "-3", "0.0123"): printf's "%.*f" without trailing zeros.
void put(std::string& out, double v, int decimals = 3) {
    char buf[48];
    char* end = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals).ptr;
    if (std::find(buf, end, '.') != end) {
        while (end > buf && end[-1] == '0') --end;
        if (end > buf && end[-1] == '.') --end;
    }
    const std::string_view s(buf, static_cast<std::size_t>(end - buf));
    out += s.empty() || s == "-0" ? std::string_view("0") : s;
    out += ' ';
}

void append_utf16be_hex(std::string& out, const std::string& utf8) {
    static const char* hex = "0123456789ABCDEF";
    auto unit = [&](unsigned u) {
        out += hex[(u >> 12) & 15];
        out += hex[(u >> 8) & 15];
        out += hex[(u >> 4) & 15];
        out += hex[u & 15];
    };
    for (char32_t c : decode_utf8(utf8)) {
        if (c >= 0x10000) {
            unit(0xD800 + ((c - 0x10000) >> 10));
            unit(0xDC00 + ((c - 0x10000) & 0x3FF));
        } else {
            unit(static_cast<unsigned>(c));
        }
    }
}

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

std::string utf16be_hex(const std::string& utf8) {
    std::string out;
    append_utf16be_hex(out, utf8);
    return out;
}

// The page's content stream, where a line's operators go.
HPDF_Stream content_stream(HPDF_Page page) {
    if (!page) throw std::invalid_argument("TextRenderer: null page");
    if (!haru::in_page_description(page))
        throw std::logic_error("TextRenderer: page is inside a text or path object (call outside BT/ET and paths)");
    return haru::page_stream(page);
}

}  // namespace

GlyphMode default_glyph_mode() {
    const char* env = std::getenv("MITRA_PDF_SUBSET_FONTS");
    return env && std::string(env) == "0" ? GlyphMode::outlines : GlyphMode::subset_fonts;
}

TextRenderer::TextRenderer(HPDF_Doc doc, FontStack& fonts, GlyphMode mode) : doc_(doc), fonts_(fonts) {
    if (!doc_) throw std::invalid_argument("TextRenderer: null HPDF_Doc");
    if (mode == GlyphMode::subset_fonts) embedder_ = std::make_unique<FontEmbedder>(doc_);
    check(HPDF_SetCompressionMode(doc_, HPDF_COMP_ALL), "HPDF_SetCompressionMode");
}

double TextRenderer::measure(const std::string& utf8, const TextStyle& style) {
    return shape_line(fonts_, utf8, style).width(style.size_pt);
}

void TextRenderer::draw(HPDF_Page page, const std::string& utf8, double x, double y, const TextStyle& style,
                        Align align) {
    const ShapedLine line = shape_line(fonts_, utf8, style);
    const double w = line.width(style.size_pt);
    const double left = align == Align::left ? x : align == Align::centre ? x - w / 2 : x - w;
    draw_shaped(page, line, left, y, style.size_pt);
}

double TextRenderer::draw_fitted(HPDF_Page page, const std::string& utf8, double x, double y, double box_width,
                                 TextStyle style, Align align, double min_size_pt) {
    const ShapedLine line = shape_line(fonts_, utf8, style);
    return draw_fitted(page, line, x, y, box_width, style, align, min_size_pt);
}

double TextRenderer::draw_fitted(HPDF_Page page, const ShapedLine& line, double x, double y, double box_width,
                                 TextStyle style, Align align, double min_size_pt) {
    const BoxPlace at = place_in_box(line, x, box_width, style.size_pt, align, min_size_pt);
    draw_shaped(page, line, at.left, y, at.size_pt);
    return at.size_pt;
}

namespace {

/// Byte range [begin, end) of each cluster of `run` in the line's text.
struct ClusterBounds {
    std::vector<uint32_t> starts;
    uint32_t run_end;
    explicit ClusterBounds(const GlyphRun& run) : run_end(run.end) {
        for (const auto& g : run.glyphs) starts.push_back(g.cluster);
        std::sort(starts.begin(), starts.end());
        starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
    }
    uint32_t end_of(uint32_t c) const {
        auto it = std::upper_bound(starts.begin(), starts.end(), c);
        return it == starts.end() ? run_end : *it;
    }
};

double round_to(double v, double scale) { return std::round(v * scale) / scale; }

// Bidi controls (marks, embeddings, overrides, isolates) order a line and show nothing.
bool is_bidi_control(char32_t c) {
    return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

// Poppler (pdftotext, Evince) orders a line's text itself (TextOutputDev's reorderText): on a right-to-left page
// it takes, from the right, a right-to-left section (letters and what has no direction) and then a left-to-right
// one (everything that is not a right-to-left letter, numbers and the spaces and punctuation beside them too), and
// so on.  A layered line's spans give it the marks that end each section where a run ends: a right-to-left mark
// (U+200F, a bidi control: nothing is drawn for it, and the engines test reads without them) at the start of a
// left-to-right run inside right-to-left text (a left-to-right mark at its end where it ends in punctuation), and
// after each character of a right-to-left run that poppler takes for left-to-right (a number's or a Latin letter's
// direction, or punctuation that separates numbers such as the Arabic comma), so neither a run's spaces nor its
// comma join the number beside it: "5 جنوری، 2026", not "5جنوری 2026 ،".  A line of a left-to-right page
// reads as before (poppler's section there starts from the left: the marks only join its neighbours).
constexpr char32_t kRlm = 0x200F, kLrm = 0x200E;

bool poppler_takes_for_ltr(char32_t c) {
    switch (u_charDirection(static_cast<UChar32>(c))) {
        case U_LEFT_TO_RIGHT:
        case U_EUROPEAN_NUMBER:
        case U_EUROPEAN_NUMBER_SEPARATOR:
        case U_EUROPEAN_NUMBER_TERMINATOR:
        case U_ARABIC_NUMBER:
        case U_COMMON_NUMBER_SEPARATOR: return true;
        default: return false;
    }
}

// Whether `utf8` is made of bidi controls only: HarfBuzz gives each an empty glyph of no advance, which is not
// drawn, and no extracted text has them.
bool only_bidi_controls(std::string_view utf8) {
    if (utf8.empty() || (static_cast<unsigned char>(utf8[0]) != 0xE2 && static_cast<unsigned char>(utf8[0]) != 0xD8))
        return false;
    for (char32_t c : decode_utf8(std::string(utf8)))
        if (!is_bidi_control(c)) return false;
    return true;
}

// PDFium (Chrome's viewer: its copy and its accessibility tree) orders a line's text itself (cpdf_textpage.cpp,
// CloseTempLine()): it cuts the text into stretches of one direction (CFX_BidiString: letters of either direction;
// numbers, their separators and terminators, marks and boundary neutrals, which keep the direction before them; and
// all else), takes the line for right-to-left where its right-to-left stretches outnumber its left-to-right ones (a
// word is a stretch: spaces cut them), reverses the stretches' order on such a line, and mirrors brackets in a
// right-to-left stretch and in what has no direction while it reads right to left; it reverses no stretch's
// letters (measured in Chrome 156 with one character of each bidi class).  It never reverses several words of the
// other direction together, so no drawing of a line with two Urdu words in a Latin line, or two Latin words in an
// Urdu one, reads in order in it.  It is given instead the one text that its steps turn into the line's text in
// logical order (pdfium_line_text()), where only PDFium reads it.
enum class PdfiumDirection { left, left_weak, right, neutral };

PdfiumDirection pdfium_direction(char32_t c) {
    switch (u_charDirection(static_cast<UChar32>(c))) {
        case U_LEFT_TO_RIGHT: return PdfiumDirection::left;
        case U_EUROPEAN_NUMBER:
        case U_ARABIC_NUMBER:
        case U_EUROPEAN_NUMBER_SEPARATOR:
        case U_EUROPEAN_NUMBER_TERMINATOR:
        case U_COMMON_NUMBER_SEPARATOR:
        case U_DIR_NON_SPACING_MARK:
        case U_BOUNDARY_NEUTRAL: return PdfiumDirection::left_weak;
        case U_RIGHT_TO_LEFT:
        case U_RIGHT_TO_LEFT_ARABIC: return PdfiumDirection::right;
        default: return PdfiumDirection::neutral;
    }
}

// Whether PDFium takes `text` for right-to-left: more stretches of right-to-left letters than of left-to-right ones.
bool pdfium_takes_for_rtl(const std::u32string& text) {
    std::ptrdiff_t balance = 0;
    PdfiumDirection last = PdfiumDirection::neutral;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const PdfiumDirection d = pdfium_direction(text[i]);
        if (i == 0 || d != last) balance += d == PdfiumDirection::right ? 1 : d == PdfiumDirection::left ? -1 : 0;
        last = d;
    }
    return balance > 0;
}

// The text PDFium's reordering (above) turns into `logical`: its stretches are the same, so PDFium takes the line
// for the same direction; each stretch it will mirror is given mirrored, and on a line it takes for right-to-left
// the stretches come in reverse order.
std::u32string pdfium_line_text(const std::u32string& logical) {
    struct Stretch {
        PdfiumDirection direction;
        std::u32string text;
    };
    std::vector<Stretch> stretches;
    for (char32_t c : logical) {
        const PdfiumDirection d = pdfium_direction(c);
        if (stretches.empty() || stretches.back().direction != d) stretches.push_back({d, {}});
        stretches.back().text += c;
    }
    const bool rtl = pdfium_takes_for_rtl(logical);
    bool reading_rtl = rtl;
    for (Stretch& s : stretches) {
        if (s.direction == PdfiumDirection::right || (s.direction == PdfiumDirection::neutral && reading_rtl)) {
            reading_rtl = true;
            for (char32_t& c : s.text) c = static_cast<char32_t>(u_charMirror(static_cast<UChar32>(c)));
        } else if (s.direction != PdfiumDirection::left_weak) {
            reading_rtl = false;
        }
    }
    if (rtl) std::reverse(stretches.begin(), stretches.end());
    std::u32string out;
    for (const Stretch& s : stretches) out += s.text;
    return out;
}

// A run's clusters in drawing order: its glyphs [first, last) and the text they show.
struct ClusterSpan {
    std::size_t first, last;
    std::string text;
    uint32_t at = 0;  // where the text starts in the line's text
};

std::vector<ClusterSpan> clusters_of(const GlyphRun& run, const std::string& line_text) {
    const ClusterBounds bounds(run);
    std::vector<ClusterSpan> out;
    for (std::size_t k = 0; k < run.glyphs.size();) {
        const uint32_t c = run.glyphs[k].cluster;
        ClusterSpan span{k, k, line_text.substr(c, bounds.end_of(c) - c), c};
        while (span.last < run.glyphs.size() && run.glyphs[span.last].cluster == c) ++span.last;
        k = span.last;
        out.push_back(std::move(span));
    }
    return out;
}

// The glyph ids of a cluster, in `ids` (kept by the caller for the next).
const std::vector<hb_codepoint_t>& glyph_ids(const GlyphRun& run, const ClusterSpan& span,
                                             std::vector<hb_codepoint_t>& ids) {
    ids.clear();
    for (std::size_t k = span.first; k < span.last; ++k) ids.push_back(run.glyphs[k].id);
    return ids;
}

// What each glyph of a cluster extracts as, in drawing order: one character each, the last glyph the rest, so the
// pieces in drawing order are the cluster's text in logical order whatever glyph shows what (a vowel sign drawn
// before its consonant, a conjunct, a reph).  A cluster with more glyphs than characters is split decomposed
// (NFD: a Tamil or Bengali split vowel is two characters); glyphs still left over extract as nothing.  For a
// line with no right-to-left run: a line with one maps its glyphs to nothing (layered()).
std::vector<std::string> glyph_texts(std::size_t first, std::size_t last, const std::string& text) {
    std::vector<std::string> out(last - first);
    std::vector<std::size_t> spacing;  // indexes into `out` of the glyphs that get a piece
    for (std::size_t k = first; k < last; ++k) spacing.push_back(k - first);
    if (spacing.empty()) return out;
    std::u32string chars = decode_utf8(text);
    if (chars.size() < spacing.size()) {
        UErrorCode status = U_ZERO_ERROR;
        const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
        std::string decomposed;
        if (U_SUCCESS(status)) nfd->normalize(icu::UnicodeString::fromUTF8(text), status).toUTF8String(decomposed);
        if (U_SUCCESS(status)) chars = decode_utf8(decomposed);
    }
    if (chars.empty()) return out;
    spacing.resize(std::min(spacing.size(), chars.size()));
    for (std::size_t c = 0; c < chars.size(); ++c) append_utf8(out[spacing[std::min(c, spacing.size() - 1)]], chars[c]);
    return out;
}

bool hidden(const std::vector<Glyph>& glyphs, std::size_t first, std::size_t last, std::string_view text) {
    for (std::size_t k = first; k < last; ++k)
        if (glyphs[k].x_advance != 0) return false;
    return only_bidi_controls(text);
}

// Whether a line's text goes in a layer of its own (TextRenderer::line_layer_pieces()) and its glyphs map to nothing:
// a line with a right-to-left run.  Its glyphs, in visual order, read backwards in MuPDF (which keeps drawing
// order), no engine puts a right-to-left line's runs back in logical order, and Nastaliq's raised glyphs made pdf.js
// read pieces one by one.
bool layered(const ShapedLine& line) {
    return std::any_of(line.runs.begin(), line.runs.end(), [](const GlyphRun& r) { return r.rtl; });
}

// What each glyph of a cluster maps to through ToUnicode: glyph_texts(), or nothing in a layered line (its text is
// in a layer of its own).
std::vector<std::string> shown_texts(const ShapedLine& line, const ClusterSpan& span) {
    if (layered(line)) return std::vector<std::string>(span.last - span.first);
    return glyph_texts(span.first, span.last, span.text);
}

// Gives each glyph of no advance in `run` the reach MuPDF needs (FontEmbedder::reach()): the distance from its
// origin to the next glyph's, in drawing order (the run's end for its last glyph).  The glyphs must be in the font.
void note_reaches(FontEmbedder& embedder, FontEmbedder::Font& font, const GlyphRun& run) {
    int64_t pen = 0;
    for (std::size_t k = 0; k < run.glyphs.size(); ++k) {
        const Glyph& g = run.glyphs[k];
        const int64_t at = pen + g.x_offset;
        pen += g.x_advance;
        const int64_t next = k + 1 < run.glyphs.size() ? pen + run.glyphs[k + 1].x_offset : pen;
        if (g.x_advance == 0 && next > at) embedder.reach(font, g.id, static_cast<int32_t>(next - at));
    }
}

}  // namespace

void TextRenderer::draw_shaped(HPDF_Page page, const ShapedLine& line, double x0, double y0, double size) {
    HPDF_Stream stream = content_stream(page);
    if (line.runs.empty()) return;
    RunFonts run_fonts(line.runs.size(), nullptr);
    bool any_outlines = false, any_fonts = false;
    for (std::size_t i = 0; i < line.runs.size(); ++i) {
        if (embedder_) {
            // A font frozen with the template's text shows this run only if it maps every cluster as it is.
            const GlyphRun& run = line.runs[i];
            run_fonts[i] = embedder_->font_for(*run.face, run.glyphs, [&](FontEmbedder::Font& font) {
                std::vector<hb_codepoint_t> ids;
                std::vector<unsigned> variants;
                for (const ClusterSpan& span : clusters_of(run, line.text))
                    if (!hidden(run.glyphs, span.first, span.last, span.text) &&
                        !embedder_->map_cluster(font, glyph_ids(run, span, ids), shown_texts(line, span), variants))
                        return false;
                return true;
            });
        }
        (run_fonts[i] ? any_fonts : any_outlines) = true;
    }
    std::string out;
    out.reserve(4096);
    std::vector<FontEmbedder::CodeSite> sites;
    // In a table's row the line gives PDFium no text (row_text() gives the row's): a mark of PDFium's own around it,
    // and inside each of its spans (show_text()).
    const bool first_on_page = !in_row_ && pages_with_text_.insert(page).second;
    if (in_row_) out += "/PDFiumText<</ActualText<FEFF0000>>>BDC\n";
    if (any_outlines) paint_outlines(page, line, run_fonts, x0, y0, size, out);
    if (any_fonts) show_text(page, line, run_fonts, x0, y0, size, first_on_page && !any_outlines, out, sites);
    if (in_row_) out += "EMC\n";
    if (embedder_) embedder_->add_sites(page, haru::stream_size(stream), sites);

    check(haru::append(stream, out), "writing page content");
    refresh_to_unicode();
}

void TextRenderer::show_text(HPDF_Page page, const ShapedLine& line, const RunFonts& run_fonts, double x0, double y0,
                             double size, bool first_on_page, std::string& out,
                             std::vector<FontEmbedder::CodeSite>& sites) {
    // Text state is part of the graphics state: q/Q keeps our Tf from leaking, and whatever
    // the caller set through libharu (spacing, scaling, rendering mode, rise) is reset inside.
    out += "q BT\n";
    const haru::TextState ts = haru::text_state(page);
    if (ts.char_space != 0) out += "0 Tc ";
    if (ts.word_space != 0) out += "0 Tw ";
    if (ts.horizontal_scaling != 100) out += "100 Tz ";
    if (!ts.fill_mode) out += "0 Tr ";
    if (ts.text_rise != 0) out += "0 Ts ";
    const double fs = round_to(size, 1000);  // the size as written in Tf
    // Line origin (as set by Td, once) and current text x, in points, exactly as a viewer computes them.
    const double lx = round_to(x0, 1000), ly = round_to(y0, 1000);
    put(out, lx);
    put(out, ly);
    out += "Td\n";
    double cx = lx;
    double rise = 0;                               // the current Ts
    std::string tj;                                // pending TJ array body
    bool tj_string = false;                        // the array ends with an open hex string
    std::vector<FontEmbedder::CodeSite> tj_sites;  // codes in it, offsets into tj
    auto flush = [&] {
        if (tj.empty()) return;
        if (tj_string) tj += '>';
        for (auto site : tj_sites) {
            site.offset += out.size() + 1;
            sites.push_back(site);
        }
        tj_sites.clear();
        out += '[';
        out += tj;
        out += "]TJ\n";
        tj.clear();
        tj_string = false;
    };
    auto show = [&](FontEmbedder::Font& font, const Glyph& g, unsigned variant, double gx, double gy) {
        // The code is the face's glyph id for now; add_sites() has it replaced by the subset's at save time.
        const double w = embedder_->width(font, g.id, g.x_advance);
        // A glyph above or below the baseline is raised with Ts (text rise), not moved with Td: the line's origin
        // stays, so pdf.js and MuPDF do not take a raised mark for a line or a word of its own.
        const double dy = round_to(gy - ly, 1000);
        if (dy != rise) {
            flush();
            put(out, dy);
            out += "Ts\n";
            rise = dy;
        }
        // TJ numbers move left by n/1000 of the font size.
        const double adj = round_to(-(gx - cx) * 1000 / fs, 100);
        if (adj != 0) {
            if (tj_string) tj += '>';
            tj_string = false;
            put(tj, adj, 2);
            cx -= adj * fs / 1000;
        }
        static const char* digits = "0123456789ABCDEF";
        if (!tj_string) tj += '<';
        tj_sites.push_back({&font, tj.size(), g.id, variant});
        for (int shift = 12; shift >= 0; shift -= 4) tj += digits[(g.id >> shift) & 15];
        tj_string = true;
        cx += w * fs / 1000;
    };

    // A line with a right-to-left run: its text first, as a layer of its own on the baseline (line_layer_pieces()),
    // in a span whose /ActualText is U+0000 (poppler reads the runs' spans instead, as before); the glyphs then map
    // to nothing, and each run has a span.  Not an empty /ActualText: PDFium (Chrome) reads the runs' spans too,
    // sorts a line's text objects by x, and skips one under /ActualText only after another under the same span or
    // where that text has nothing printable (cpdf_textpage.cpp, PreMarkedContent()), so an empty one let through
    // the layer's glyph after each run's span, beside the span's text.  Poppler drops U+0000 as it did empty text.
    // The layer ends with a space far above the page, which no engine reads (pdf.js and MuPDF leave out text off
    // the page): PDFium gathers a line's text objects while each is at the height of the last (cpdf_textpage.cpp,
    // ProcessTextObject()), sorted by x, and the space ends that line, so the layer's pieces are not sorted among the
    // runs' objects.  Between the objects of a run (a Nastaliq run is several, its glyphs raised and lowered with
    // Ts) a piece made PDFium take the run's span again after it: "جنوری، جنوری، 2026".
    //
    // PDFium gets the line's text once, where no other engine reads it: a mark of a tag of its own (not /Span, whose
    // /ActualText poppler and Acrobat read; pdf.js and MuPDF read none), around invisible glyphs across the line that
    // map to U+200B (pdf.js drops them; write_pdfium_text()), given as pdfium_line_text() so its reordering makes it
    // the logical text.  Each run's span then holds a mark of that tag with nothing printable, which PDFium reads instead
    // of the span (the innermost mark's /ActualText) and skips.
    const bool layer = layered(line);
    if (layer) {
        out += "/Span<</ActualText<FEFF0000>>>BDC\n";
        const std::vector<TextPiece> pieces = line_layer_pieces(line, run_fonts, size);
        write_text_layer(page, pieces, fs, out, 0, true);
        if (!in_row_) {
            std::u32string logical;
            for (const TextPiece& p : pieces) logical += decode_utf8(p.text);
            out += "0 0 Td\n";
            write_pdfium_text(page, logical, line.width(size), fs, first_on_page, out);
        }
        write_text_layer(page, {{" ", fs, -1, kOffPage}}, fs, out, 0);
        out += "EMC\n100 Tz 0 Tr 0 Ts 0 0 Td\n";
    }
    // Opens and closes a run's /ActualText span (for poppler and Acrobat), in a layered line with PDFium's mark inside.
    auto open_span = [&](const std::string& actual) {
        flush();
        out += "/Span<</ActualText<FEFF";
        out += utf16be_hex(actual);
        out += ">>>BDC\n";
        if (layer || in_row_) out += "/PDFiumText<</ActualText<FEFF0000>>>BDC\n";
    };
    auto close_span = [&] {
        flush();
        out += layer || in_row_ ? "EMC\nEMC\n" : "EMC\n";
    };
    double pen = x0;
    const FontEmbedder::Font* current = nullptr;
    std::vector<hb_codepoint_t> ids;
    for (std::size_t r = 0; r < line.runs.size(); ++r) {
        const GlyphRun& run = line.runs[r];
        const double s = size / run.face->upem;
        FontEmbedder::Font* font = run_fonts[r];
        if (!font) {
            pen += static_cast<double>(run.advance()) * s;
            continue;
        }
        if (font != current) {
            flush();
            out += '/';
            out += embedder_->name_on(page, *font);
            out += ' ';
            put(out, fs);
            out += "Tf\n";
            current = font;
        }
        // Clusters in drawing order, each mapped through ToUnicode, its text split over its glyphs
        // (glyph_texts()); pdf.js and MuPDF read only that.  Poppler and Acrobat read /ActualText instead where
        // there is one, as before every glyph had a mapping: around a right-to-left run (glyph-by-glyph text
        // would scatter in poppler, as Nastaliq's cursive joins move glyphs up and down), and around clusters
        // whose text is on several glyphs that advance (reordered vowel signs, conjunct parts), on a glyph that
        // maps to nothing, or that the font cannot map (a frozen or CFF font that would need a new code).
        // Neighbouring such clusters share one span, in logical order.
        struct Cluster : ClusterSpan {
            bool plain;   // its glyphs' ToUnicode entries give its text where it is drawn: no /ActualText of its own
            bool hidden;  // bidi controls: not drawn
            std::vector<unsigned> variants;
        };
        std::vector<Cluster> clusters;
        for (ClusterSpan& span : clusters_of(run, line.text)) {
            const bool invisible = hidden(run.glyphs, span.first, span.last, span.text);
            std::vector<unsigned> variants(span.last - span.first, 0);
            const std::vector<std::string> texts = shown_texts(line, span);
            const bool mapped = invisible || embedder_->map_cluster(*font, glyph_ids(run, span, ids), texts, variants);
            const bool plain = mapped && !layer && !run.rtl && span.last - span.first == 1 && !texts.front().empty();
            clusters.push_back({std::move(span), plain, invisible, std::move(variants)});
        }
        // One /ActualText span around the whole run where a cluster is not plain: a right-to-left run, whose span
        // text is in visual order (the run's characters reversed: poppler reverses a right-to-left span once
        // more, and its pdftotext then gives logical order; logical text there comes out reversed), or a
        // left-to-right run, in logical order.  Spans of single clusters made poppler see a word break after a
        // cluster whose mark hangs back over its base.
        // A left-to-right run of a layered line has a span per word instead, and its spaces are not drawn (they have
        // no ink): poppler takes a span's text for one word, and a whole run for one would be one for selecting.
        const bool by_word = layer && !run.rtl;
        const bool span =
            !by_word && std::any_of(clusters.begin(), clusters.end(), [](const Cluster& c) { return !c.plain; });
        auto blank = [&](const Cluster& c) {
            for (char32_t ch : decode_utf8(c.text))
                if (!is_bidi_control(ch) && !u_isUWhiteSpace(static_cast<UChar32>(ch))) return false;
            for (std::size_t k = c.first; k < c.last; ++k)
                if (!run.face->glyph_outline(run.glyphs[k].id).path.empty()) return false;
            return true;
        };
        if (span) {
            const std::u32string logical = decode_utf8(line.text.substr(run.begin, run.end - run.begin));
            std::string actual;
            if (run.rtl) {
                for (auto it = logical.rbegin(); it != logical.rend(); ++it) {
                    if (is_bidi_control(*it)) continue;
                    if (layer && poppler_takes_for_ltr(*it)) append_utf8(actual, kRlm);
                    append_utf8(actual, *it);
                }
            } else {
                for (char32_t c : logical)
                    if (!is_bidi_control(c)) append_utf8(actual, c);
            }
            open_span(actual);
        }
        // A left-to-right run inside right-to-left text (the numbers of an Urdu date) gets the marks above; a run of
        // a left-to-right line keeps its text as it was: poppler's order there is that of the line's own direction.
        const bool marked = by_word && run.level >= 2;
        bool in_word = false, first_word = true;
        for (std::size_t c = 0; c < clusters.size(); ++c) {
            const Cluster& cluster = clusters[c];
            const bool space = by_word && !cluster.hidden && blank(cluster);
            if (by_word && space && in_word) {
                close_span();
                in_word = false;
            }
            if (by_word && !space && !cluster.hidden && !in_word) {
                std::string actual;
                if (marked && first_word) append_utf8(actual, kRlm);
                first_word = false;
                std::size_t w = c;
                for (; w < clusters.size() && (clusters[w].hidden || !blank(clusters[w])); ++w)
                    for (char32_t ch : decode_utf8(clusters[w].text))
                        if (!is_bidi_control(ch)) append_utf8(actual, ch);
                if (marked && !actual.empty() &&
                    std::all_of(clusters.begin() + w, clusters.end(),
                                [&](const Cluster& k) { return k.hidden || blank(k); }) &&
                    !poppler_takes_for_ltr(decode_utf8(actual).back()))
                    append_utf8(actual, kLrm);
                open_span(actual);
                in_word = true;
            }
            for (std::size_t k = cluster.first; k < cluster.last; ++k) {
                const Glyph& g = run.glyphs[k];
                if (!cluster.hidden && !space)
                    show(*font, g, cluster.variants[k - cluster.first], pen + g.x_offset * s, y0 + g.y_offset * s);
                pen += g.x_advance * s;
            }
        }
        if (in_word) close_span();
        if (layer) {
            // pdf.js does not move past a glyph that maps to nothing (U+200B): the line's origin again, so it places
            // what follows where it is.
            flush();
            out += "0 0 Td\n";
            cx = lx;
        }
        if (span) close_span();
        note_reaches(*embedder_, *font, run);
    }
    flush();
    out += "ET Q\n";
}

void TextRenderer::write_pdfium_text(HPDF_Page page, const std::u32string& logical, double width, double size,
                                     bool first_on_page, std::string& out) {
    std::u32string text = pdfium_line_text(logical);
    // Chrome's PDFium reverses the /ActualText of a page's first text where it reads right to left (measured in
    // Chrome 156: an Urdu letter's heading came back backwards, and forwards once any text came before it).
    if (first_on_page && pdfium_takes_for_rtl(text)) std::reverse(text.begin(), text.end());
    std::string pdfium;
    for (char32_t c : text) append_utf8(pdfium, c);
    out += "/PDFiumText<</ActualText<FEFF";
    out += utf16be_hex(pdfium);
    out += ">>>BDC\n";
    // A glyph per character, each an em of the average advance wide at 100% scale: PDFium's tests for where a line
    // ends weigh a glyph's width (scale included), and one glyph as wide as the line put the next line's objects in
    // the same line, sorted by where they start (a table's row before the heading above it).
    // One text object (PDFium reads a mark's text again after another mark's object between two of its own).
    const std::size_t n = std::max<std::size_t>(text.size(), 1);
    const double each = std::max(width, 0.01) / static_cast<double>(n);
    const double em = std::max(round_to(std::min(each, size), 1000), 0.01);
    const Code code = code_for("\u200B");
    out += "3 Tr ";
    set_invisible_font(page, code.font, em, out);
    put(out, 100.0 * each / em, 2);
    out += "Tz <";
    char hex[4];
    std::snprintf(hex, sizeof hex, "%02X", code.code);
    for (std::size_t i = 0; i < n; ++i) out += hex;
    out += "> Tj\nEMC\n";
}

bool TextRenderer::gives_row(const std::vector<std::string>& cells) {
    bool rtl = false;
    for (const std::string& cell : cells)
        for (char32_t c : decode_utf8(cell)) {
            if (c >= 0xFFFD) return false;
            rtl = rtl || pdfium_direction(c) == PdfiumDirection::right;
        }
    return rtl;
}

void TextRenderer::row_text(HPDF_Page page, const std::vector<std::string>& cells, double x, double y, double width,
                            double size) {
    std::u32string logical;
    for (const std::string& cell : cells) {
        std::u32string text;
        for (char32_t c : decode_utf8(cell))
            if (!is_bidi_control(c)) text += c;
        if (text.empty()) continue;
        if (!logical.empty()) logical += U' ';
        logical += text;
    }
    if (logical.empty()) return;
    HPDF_Stream stream = content_stream(page);
    const bool first_on_page = pages_with_text_.insert(page).second;
    std::string out = "q BT\n";
    put(out, round_to(x, 1000));
    put(out, round_to(y, 1000));
    out += "Td\n";
    write_pdfium_text(page, logical, width, round_to(size, 1000), first_on_page, out);
    out += "ET Q\n";
    check(haru::append(stream, out), "writing page content");
    refresh_to_unicode();
}

std::vector<TextRenderer::TextPiece> TextRenderer::line_layer_pieces(const ShapedLine& line, const RunFonts& fonts,
                                                                     double size) {
    // The clusters of the runs shown in fonts (an outline run has a layer of its own), in logical order.
    struct At {
        uint32_t at;
        double advance;
        std::string text;
    };
    std::vector<At> clusters;
    for (std::size_t r = 0; r < line.runs.size(); ++r) {
        if (!fonts[r]) continue;
        const GlyphRun& run = line.runs[r];
        const double scale = size / run.face->upem;
        for (ClusterSpan& span : clusters_of(run, line.text)) {
            double advance = 0;
            for (std::size_t k = span.first; k < span.last; ++k) advance += run.glyphs[k].x_advance * scale;
            clusters.push_back({span.at, advance, std::move(span.text)});
        }
    }
    std::stable_sort(clusters.begin(), clusters.end(), [](const At& a, const At& b) { return a.at < b.at; });
    // One of no advance joins the one before it; each group's advance is shared by its characters.
    struct Group {
        std::u32string chars;
        double advance = 0;
    };
    std::vector<Group> groups;
    for (const At& c : clusters) {
        std::u32string chars;
        for (char32_t ch : decode_utf8(c.text))
            if (!is_bidi_control(ch)) chars += ch;
        if (groups.empty() || c.advance > 1e-6) groups.push_back({});
        groups.back().chars += chars;
        groups.back().advance += c.advance;
    }
    std::vector<TextPiece> pieces;
    for (const Group& g : groups) {
        if (g.chars.empty()) {
            if (!pieces.empty()) pieces.back().advance += g.advance;
            continue;
        }
        for (char32_t c : g.chars) {
            std::string text;
            append_utf8(text, c);
            pieces.push_back({std::move(text), g.advance / static_cast<double>(g.chars.size())});
        }
    }
    // Pieces of no advance would have no horizontal scale (pdf.js divides by it): a hair each.
    for (TextPiece& p : pieces) p.advance = std::max(p.advance, 0.01);
    return pieces;
}

void TextRenderer::reserve(const ShapedLine& line) {
    if (!embedder_) return;
    std::vector<hb_codepoint_t> ids;
    std::vector<unsigned> variants;
    for (const GlyphRun& run : line.runs) {
        FontEmbedder::Font* font = embedder_->font(*run.face);
        if (!font) continue;
        for (const ClusterSpan& span : clusters_of(run, line.text)) {
            for (std::size_t k = span.first; k < span.last; ++k)
                embedder_->width(*font, run.glyphs[k].id, run.glyphs[k].x_advance);
            // As show_text() maps a cluster.
            if (!hidden(run.glyphs, span.first, span.last, span.text))
                embedder_->map_cluster(*font, glyph_ids(run, span, ids), shown_texts(line, span), variants);
        }
        note_reaches(*embedder_, *font, run);
    }
}

void TextRenderer::paint_outlines(HPDF_Page page, const ShapedLine& line, const RunFonts& run_fonts, double x0,
                                  double y0, double size, std::string& out) {
    const HPDF_Stream stream = haru::page_stream(page);
    // ---- 1. glyph outlines, filled with the current fill colour ----------------
    // Per run one scaled system at the run's origin (font units, y up); each
    // glyph moves the origin by whole font units and paints its shared form.
    out += "q\n";
    double pen = x0;
    for (std::size_t r = 0; r < line.runs.size(); ++r) {
        const GlyphRun& run = line.runs[r];
        const double s = size / run.face->upem;
        if (run_fonts[r]) {
            pen += static_cast<double>(run.advance()) * s;
            continue;
        }
        bool opened = false;
        long at_x = 0, at_y = 0, pen_units = 0;  // current origin / pen, font units from the run start
        for (const auto& g : run.glyphs) {
            const GlyphOutline& outline = run.face->glyph_outline(g.id);
            if (!outline.path.empty()) {
                if (!opened) {
                    out += "q ";
                    put(out, s, 9);
                    out += "0 0 ";
                    put(out, s, 9);
                    put(out, pen);
                    put(out, y0);
                    out += "cm\n";
                    opened = true;
                }
                const long gx = pen_units + g.x_offset, gy = g.y_offset;
                if (gx != at_x || gy != at_y) {
                    out += "1 0 0 1 " + std::to_string(gx - at_x) + ' ' + std::to_string(gy - at_y) + " cm ";
                    at_x = gx;
                    at_y = gy;
                }
                auto [use, first] = glyphs_.try_emplace(GlyphKey{run.face, g.id});
                GlyphUse& u = use->second;
                const char* name = nullptr;
                if (u.form == kNoForm) {
                    // A repeat within deflate's window compresses to a back-reference; a form costs an
                    // object of its own (~190 bytes) and compresses alone, so it pays only for glyphs
                    // that keep coming back from further away, or on another page (its own stream).
                    const std::size_t here = haru::stream_size(stream) + out.size() + outline.path.size();
                    const bool near = u.page == page && here - u.inline_end < kDeflateWindow;
                    if (!first && !near && (u.page != page || u.far_copies >= kFarCopiesBeforeForm)) {
                        glyph_form(*run.face, g.id, outline);
                        u.form = forms_.size() - 1;
                    } else if (!first && !near) {
                        ++u.far_copies;
                    }
                }
                if (u.form != kNoForm) name = use_on_page(page, forms_[u.form], u.form);
                if (name) {
                    out += '/';
                    out += name;
                    out += " Do\n";
                } else {
                    out += outline.path;
                    out += "f\n";
                    u.page = page;
                    u.inline_end = haru::stream_size(stream) + out.size();
                }
            }
            pen_units += g.x_advance;
        }
        if (opened) out += "Q\n";
        pen += static_cast<double>(pen_units) * s;
    }
    out += "Q\n";

    // ---- 2. invisible text layer: one code per cluster, in visual order --------
    // Each group of consecutive outline runs starts at its own point (runs shown from fonts are skipped).
    std::vector<TextPiece> pieces;
    pen = x0;
    bool gap = true;
    for (std::size_t r = 0; r < line.runs.size(); ++r) {
        const GlyphRun& run = line.runs[r];
        const double s = size / run.face->upem;
        if (run_fonts[r]) {
            pen += static_cast<double>(run.advance()) * s;
            gap = true;
            continue;
        }
        for (ClusterSpan& span : clusters_of(run, line.text)) {
            double adv = 0;
            for (std::size_t k = span.first; k < span.last; ++k) adv += run.glyphs[k].x_advance * s;
            if (adv <= 1e-6 && !pieces.empty() && !gap) {
                pieces.back().text += span.text;  // zero-width cluster: attach to its neighbour
            } else {
                pieces.push_back({std::move(span.text), adv, gap ? pen : -1});
                gap = false;
            }
            pen += adv;
        }
    }
    out += "q BT\n";
    write_text_layer(page, pieces, size, out, y0);
    out += "ET Q\n";
}

void TextRenderer::set_invisible_font(HPDF_Page page, std::size_t font, double size, std::string& out) {
    const char* name = HPDF_Page_GetLocalFontName(page, inv_[font].font);
    if (!name) throw std::runtime_error("libharu: cannot register the text-layer font on the page");
    out += '/';
    out += name;
    out += ' ';
    put(out, size);
    out += "Tf\n";
}

void TextRenderer::write_text_layer(HPDF_Page page, const std::vector<TextPiece>& pieces, double size, std::string& out,
                                    double y0, bool piece_per_item) {
    out += "3 Tr\n";
    std::size_t cur_font = static_cast<std::size_t>(-1);
    const double sizes[2] = {size, round_to(size * 1.01, 1000)};
    bool odd = false;  // which of `sizes` the last piece had
    double rise = 0;   // the current Ts
    for (const auto& p : pieces) {
        if (piece_per_item) {
            odd = !odd;
            size = sizes[odd];
            cur_font = static_cast<std::size_t>(-1);  // a Tf for each piece
        }
        if (p.start >= 0) {
            out += "1 0 0 1 ";
            put(out, p.start);
            put(out, y0);
            out += "Tm\n";
        }
        if (p.rise != rise) {
            put(out, p.rise);
            out += "Ts\n";
            rise = p.rise;
        }
        const Code code = code_for(p.text);
        if (code.font != cur_font) {
            cur_font = code.font;
            set_invisible_font(page, cur_font, size, out);
        }
        // Type 3 glyphs are 1000 units = 1 em wide: scale each to the cluster's advance.
        put(out, std::max(0.0, 100.0 * p.advance / size), 2);
        char hex[8];
        std::snprintf(hex, sizeof hex, "<%02X>", code.code);
        out += "Tz ";
        out += hex;
        out += " Tj\n";
    }
}

const TextRenderer::GlyphForm& TextRenderer::glyph_form(Face& face, hb_codepoint_t glyph, const GlyphOutline& outline) {
    HPDF_MMgr mm = haru::mmgr(doc_);
    GlyphForm f;
    f.name = "G" + std::to_string(forms_.size() + 1);
    f.form = not_null(HPDF_DictStream_New(mm, haru::xref(doc_)), "glyph form");  // added to the xref
    check(HPDF_Dict_AddName(f.form, "Subtype", "Form"), "Form");
    HPDF_Array bbox = not_null(HPDF_Array_New(mm), "array");
    check(HPDF_Dict_Add(f.form, "BBox", bbox), "BBox");
    // The box clips: leave 1/20 em so rasterisers' anti-aliased edge pixels are never cut.
    const long margin = std::max(2L, static_cast<long>(face.upem / 20));
    for (long v : {outline.x_min - margin, outline.y_min - margin, outline.x_max + margin, outline.y_max + margin})
        check(HPDF_Array_AddNumber(bbox, static_cast<HPDF_INT32>(v)), "BBox");
    // No colour operator: the form paints with the fill colour of the Do.
    const std::string body = outline.path + "f\n";
    check(haru::append(haru::stream_of(f.form), body), "glyph form");
    // Flate only pays for itself on larger outlines ("/Filter [ /FlateDecode ]" costs 25 bytes).
    if (haru::deflated_size(doc_, haru::stream_of(f.form)) + 25 < body.size()) haru::deflate_when_written(f.form);

    forms_.push_back(std::move(f));
    return forms_.back();
}

const char* TextRenderer::use_on_page(HPDF_Page page, const GlyphForm& form, std::size_t index) {
    auto& used = page_forms_[page];
    if (used.count(index)) return form.name.c_str();
    const HPDF_Dict xobjects = haru::page_xobjects(page);
    // Keep room for libharu's own images (HPDF_LIMIT_MAX_DICT_ELEMENT is 4095).
    if (haru::dict_size(xobjects) >= 4000) return nullptr;
    check(HPDF_Dict_Add(xobjects, form.name.c_str(), form.form), "Resources/XObject glyph");
    used.insert(index);
    return form.name.c_str();
}

TextRenderer::Code TextRenderer::code_for(const std::string& text) {
    auto it = codes_.find(text);
    if (it != codes_.end()) return it->second;
    if (inv_.empty() || inv_.back().texts.size() >= kCodesPerFont) new_invisible_font();
    InvisibleFont& f = inv_.back();
    f.texts.push_back(text);
    const Code c{inv_.size() - 1, static_cast<unsigned char>(f.texts.size())};
    check(HPDF_Array_AddNumber(f.widths, 1000), "Widths");
    check(HPDF_Array_Add(f.differences, not_null(HPDF_Name_New(haru::mmgr(doc_), "g"), "name")), "Differences");
    codes_.emplace(text, c);
    return c;
}

void TextRenderer::new_invisible_font() {
    HPDF_MMgr mm = haru::mmgr(doc_);
    HPDF_Xref xref = haru::xref(doc_);
    InvisibleFont f;
    f.font = not_null(HPDF_Dict_New(mm), "font dict");
    check(HPDF_Xref_Add(xref, f.font), "xref");
    check(HPDF_Dict_AddName(f.font, "Type", "Font"), "Type");
    check(HPDF_Dict_AddName(f.font, "Subtype", "Type3"), "Subtype");

    HPDF_Array bbox = not_null(HPDF_Array_New(mm), "array");
    check(HPDF_Dict_Add(f.font, "FontBBox", bbox), "FontBBox");
    for (int v : {0, -200, 1000, 800}) check(HPDF_Array_AddNumber(bbox, v), "FontBBox");
    HPDF_Array matrix = not_null(HPDF_Array_New(mm), "array");
    check(HPDF_Dict_Add(f.font, "FontMatrix", matrix), "FontMatrix");
    for (double v : {0.001, 0.0, 0.0, 0.001, 0.0, 0.0})
        check(HPDF_Array_AddReal(matrix, static_cast<HPDF_REAL>(v)), "FontMatrix");

    // One empty glyph procedure shared by every code: "advance 1000, paint nothing", with the font's box (d1): Chrome's
    // PDFium leaves out of a page's text an object whose box has no width, as an empty d0 glyph's has.
    HPDF_Dict procs = not_null(HPDF_Dict_New(mm), "CharProcs");
    check(HPDF_Dict_Add(f.font, "CharProcs", procs), "CharProcs");
    HPDF_Dict glyph = not_null(HPDF_DictStream_New(mm, xref), "glyph stream");
    check(haru::append(haru::stream_of(glyph), "1000 0 0 -200 1000 800 d1\n"), "glyph stream");
    check(HPDF_Dict_Add(procs, "g", glyph), "CharProcs/g");

    HPDF_Dict enc = not_null(HPDF_Dict_New(mm), "Encoding");
    check(HPDF_Dict_Add(f.font, "Encoding", enc), "Encoding");
    check(HPDF_Dict_AddName(enc, "Type", "Encoding"), "Encoding");
    f.differences = not_null(HPDF_Array_New(mm), "Differences");
    check(HPDF_Dict_Add(enc, "Differences", f.differences), "Differences");
    check(HPDF_Array_AddNumber(f.differences, 1), "Differences");

    check(HPDF_Dict_AddNumber(f.font, "FirstChar", 1), "FirstChar");
    f.last_char = not_null(HPDF_Number_New(mm, 0), "LastChar");
    check(HPDF_Dict_Add(f.font, "LastChar", f.last_char), "LastChar");
    f.widths = not_null(HPDF_Array_New(mm), "Widths");
    check(HPDF_Dict_Add(f.font, "Widths", f.widths), "Widths");
    check(HPDF_Dict_Add(f.font, "Resources", not_null(HPDF_Dict_New(mm), "Resources")), "Resources");

    f.to_unicode = not_null(HPDF_DictStream_New(mm, xref), "ToUnicode");
    haru::deflate_when_written(f.to_unicode);
    check(HPDF_Dict_Add(f.font, "ToUnicode", f.to_unicode), "ToUnicode");
    inv_.push_back(std::move(f));
}

// New codes may have been allocated: refresh the affected ToUnicode CMaps.
void TextRenderer::refresh_to_unicode() {
    for (auto& f : inv_)
        if (f.to_unicode && f.last_char && static_cast<std::size_t>(haru::number_value(f.last_char)) != f.texts.size())
            rewrite_to_unicode(f);
}

void TextRenderer::rewrite_to_unicode(InvisibleFont& f) {
    std::string cm =
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Mitra-Text-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<00> <FF>\nendcodespacerange\n";
    for (std::size_t i = 0; i < f.texts.size(); i += 100) {
        const std::size_t n = std::min<std::size_t>(100, f.texts.size() - i);
        cm += std::to_string(n) + " beginbfchar\n";
        for (std::size_t k = i; k < i + n; ++k) {
            char code[8];
            std::snprintf(code, sizeof code, "<%02X> <", static_cast<unsigned>(k + 1));
            cm += code;
            append_utf16be_hex(cm, f.texts[k]);
            cm += ">\n";
        }
        cm += "endbfchar\n";
    }
    cm += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
    check(haru::replace(haru::stream_of(f.to_unicode), cm), "ToUnicode");
    HPDF_Number_SetValue(f.last_char, static_cast<HPDF_INT32>(f.texts.size()));
}

}  // namespace mitra::pdf
