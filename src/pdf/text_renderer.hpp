// Multilingual text for libharu PDFs.
//
//   mitra::pdf::FontStack fonts;                 // once per process (caches fonts)
//   HPDF_Doc doc = HPDF_New(...);
//   mitra::pdf::TextRenderer text(doc, fonts);   // once per document
//   HPDF_Page page = HPDF_AddPage(doc);
//   text.draw_fitted(page, "अर्जुन त्रिपाठी", 72, 400, 450, {"serif", true, 28}, Align::centre);
//   HPDF_SaveToFile(doc, "cert.pdf");
//
// Design: every line is laid out by shape_line() (ICU bidi, fontconfig Noto
// font per script run, HarfBuzz shaping).  By default the shaped glyph ids are
// shown as text in real fonts: each face the document uses is embedded once, as
// a HarfBuzz subset of the glyphs it shows (Type0 / Identity-H, see
// font_embed.hpp), written when libharu saves the document.  Glyphs are placed
// exactly where HarfBuzz put them (TJ adjustments for advances, Td for vertical
// offsets, as text rise), filled with the page's current FILL colour (rendering
// mode 0).  Every glyph has a ToUnicode entry (a code of its own where one glyph
// must give different text in different clusters), so engines that read only
// ToUnicode (pdf.js, MuPDF) get the real text; runs of complex clusters and
// right-to-left runs also carry /ActualText, which poppler and Acrobat read.  A line with a right-to-left run maps
// its glyphs to nothing and carries its text in an invisible layer on the baseline instead (the Type 3 font below,
// one character per item in logical order: line_layer_pieces()), every run in an /ActualText span for poppler:
// MuPDF read right-to-left glyphs in visual order, no engine put a right-to-left line's runs (an Urdu date's words
// and numbers) in logical order, and pdf.js took each of Nastaliq's raised pieces for a word or a line of its own.
//
// A face HarfBuzz cannot subset, or every face when the renderer is made with
// GlyphMode::outlines (or MITRA_PDF_SUBSET_FONTS=0 in the environment), is
// drawn the older way: each glyph painted as a vector outline (HarfBuzz draw
// API).  A glyph's outline is written inline in the content stream
// the first time, and again while its previous copy on the page is inside
// deflate's 32 KB window (such a repeat compresses to a back-reference of a
// few bytes).  A glyph that comes back on another page, or a third time from
// out of the window, is painted from a Form XObject written once per document
// (font units, no colour operator, so the caller's fill colour applies).
// On top of the outlines an invisible text layer (rendering mode 3) carries
// the Unicode text: one code per shaped cluster, in a tiny per-document Type 3
// font whose ToUnicode CMap maps each code to the cluster's characters, each
// code horizontally scaled to the cluster's advance.
//
// The renderer writes into the page content stream itself (through haru.hpp,
// the adapter to libharu's internals), so it must be
// called outside BT/ET and outside path construction (page in "page
// description" mode) — it throws std::logic_error otherwise.  It sets the
// document's compression mode to HPDF_COMP_ALL (pages added afterwards get
// compressed content).  Not thread-safe; one TextRenderer per HPDF_Doc, and it
// must not outlive the document.  Nothing needs to be called before saving.
#pragma once

#include "pdf/font_embed.hpp"
#include "pdf/font_stack.hpp"
#include "pdf/shaping.hpp"

#include <hpdf.h>

#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace mitra::pdf {

/// How glyphs get onto the page: shown from embedded subset fonts, or painted as outlines.
enum class GlyphMode { subset_fonts, outlines };

/// subset_fonts, unless the environment says MITRA_PDF_SUBSET_FONTS=0.
GlyphMode default_glyph_mode();

class TextRenderer {
public:
    TextRenderer(HPDF_Doc doc, FontStack& fonts, GlyphMode mode = default_glyph_mode());

    /// Advance width of the shaped line in points.
    double measure(const std::string& utf8, const TextStyle& style);

    /// Draw one line. x is the left edge (Align::left), the centre
    /// (Align::centre) or the right edge (Align::right) of the text.
    /// Throws MissingFontError if a character has no Noto font.
    void draw(HPDF_Page page, const std::string& utf8, double x, double y_baseline, const TextStyle& style,
              Align align = Align::left);

    /// Draw within the box [x, x + box_width], shrinking the size (never below
    /// min_size_pt) so the line fits; aligned inside the box.  Returns the size used.
    double draw_fitted(HPDF_Page page, const std::string& utf8, double x, double y_baseline, double box_width,
                       TextStyle style, Align align = Align::left, double min_size_pt = 6.0);

    /// draw_fitted() for a line already shaped (with `style` but for its size).
    double draw_fitted(HPDF_Page page, const ShapedLine& line, double x, double y_baseline, double box_width,
                       TextStyle style, Align align = Align::left, double min_size_pt = 6.0);

    /// Draw an already shaped line with its left edge at x.
    void draw_shaped(HPDF_Page page, const ShapedLine& line, double x, double y_baseline, double size_pt);

    /// Puts the line's glyphs, with their text, in the document's fonts without drawing them: a font frozen
    /// afterwards (FontEmbedder::freeze()) can then show that text on other documents too.
    void reserve(const ShapedLine& line);

    FontStack& fonts() { return fonts_; }

    /// The document's subset fonts (nullptr in GlyphMode::outlines).
    FontEmbedder* embedded_fonts() { return embedder_.get(); }

    /// True while every glyph drawn was shown in a subset font (none painted as an outline).
    bool only_fonts() const { return inv_.empty() && forms_.empty(); }

    /// The document's subset fonts (nullptr in GlyphMode::outlines).
    const FontEmbedder* embedded_fonts() const { return embedder_.get(); }

    /// Tells the renderer that `page` already shows text it did not draw (a form placed on it): no line it draws
    /// there afterwards is the page's first text (show_text()).
    void note_text_on(HPDF_Page page) { pages_with_text_.insert(page); }

    /// A table's row.  PDFium (Chrome) takes the cells of a row for one line and orders them itself, as it does a
    /// line's words (show_text()): it read a right-to-left table's cells backwards, and a row with an Urdu name
    /// number first.  While `in_row`, the lines drawn give PDFium no text; row_text() gives it the row's text
    /// instead, its cells in reading order, on the baseline `y` from `x` over `width` (inside the marked content the
    /// caller is in: the first cell's).  Other engines read the cells as before.
    /// Only a row with right-to-left letters is given whole (PDFium reads a left-to-right one in order), and only
    /// where none of its characters is beyond the BMP (PDFium skips those in /ActualText, as it does U+FFFD).
    static bool gives_row(const std::vector<std::string>& cells);
    void set_in_row(bool in_row) { in_row_ = in_row; }
    void row_text(HPDF_Page page, const std::vector<std::string>& cells, double x, double y, double width, double size);

private:
    using RunFonts = std::vector<FontEmbedder::Font*>;  // per run: its subset font, or nullptr for outlines
    void paint_outlines(HPDF_Page page, const ShapedLine& line, const RunFonts& fonts, double x0, double y0,
                        double size, std::string& out);
    void show_text(HPDF_Page page, const ShapedLine& line, const RunFonts& fonts, double x0, double y0, double size,
                   bool first_on_page, std::string& out, std::vector<FontEmbedder::CodeSite>& sites);
    /// PDFium's text of a line or row, `logical`, on an invisible glyph from the current text position over
    /// `width` (show_text()).  Inside BT/ET.
    void write_pdfium_text(HPDF_Page page, const std::u32string& logical, double width, double size, bool first_on_page,
                           std::string& out);

    /// A piece of an invisible text layer: one code of the layer's Type 3 font, scaled to `advance` points.
    struct TextPiece {
        std::string text;
        double advance;
        double start = -1;  ///< x where a new group begins (a Tm to (start, y0)), else -1: right after the last
        double rise = 0;    ///< how far above the baseline (Ts)
    };
    /// Shows `pieces` in rendering mode 3 (invisible), each scaled to its advance, from the current text position;
    /// leaves the text state with 3 Tr and the last piece's Tf, Tz and Ts.  Inside BT/ET.  With `piece_per_item`, each
    /// piece has a Tf of its own, the size alternating between `size` and 1% more: pdf.js ends an item of its text
    /// content at a change of size, and so reads each piece as it is instead of reordering right-to-left letters.
    void write_text_layer(HPDF_Page page, const std::vector<TextPiece>& pieces, double size, std::string& out,
                          double y0 = 0, bool piece_per_item = false);

    /// A layered line's text (a line with a right-to-left run): a piece per character, in logical order from the
    /// line's left edge (each cluster's advance shared by its characters; one of no advance joins the cluster
    /// before it).  Read in drawing order that is the line's text, in every engine: MuPDF keeps drawing order, and
    /// pdf.js, which reverses right-to-left letters within an item of its text content, gets a piece per item
    /// (write_text_layer()).  Over the line's box, but a piece is not over its own glyphs (selection in a viewer
    /// marks the mirrored place in a right-to-left word).
    static std::vector<TextPiece> line_layer_pieces(const ShapedLine& line, const RunFonts& fonts, double size);

    struct InvisibleFont {
        HPDF_Dict font = nullptr;
        HPDF_Dict to_unicode = nullptr;
        HPDF_Array widths = nullptr;
        HPDF_Array differences = nullptr;
        HPDF_Number last_char = nullptr;
        std::vector<std::string> texts;  // code (index+1) -> UTF-8 text
    };
    struct Code {
        std::size_t font;
        unsigned char code;
    };
    struct GlyphKey {
        const Face* face;
        hb_codepoint_t glyph;
        bool operator==(const GlyphKey&) const = default;
    };
    struct GlyphKeyHash {
        std::size_t operator()(const GlyphKey& k) const noexcept {
            return std::hash<const void*>()(k.face) ^ (std::hash<hb_codepoint_t>()(k.glyph) * 0x9E3779B97F4A7C15ull);
        }
    };
    struct GlyphForm {
        HPDF_Dict form = nullptr;  // Form XObject, font units, no colour
        std::string name;          // resource name, "G<n>"
    };
    /// The document's form for a non-blank glyph (created on first use).
    const GlyphForm& glyph_form(Face& face, hb_codepoint_t glyph, const GlyphOutline& outline);
    /// Name of `form` in the page's /XObject resources (registered on first use),
    /// or nullptr if the page's dictionary is full (then the outline is painted inline).
    const char* use_on_page(HPDF_Page page, const GlyphForm& form, std::size_t index);

    Code code_for(const std::string& utf8_text);
    void new_invisible_font();
    /// A Tf of the invisible Type 3 font `font` (an index into inv_) at `size`, registered on the page.
    void set_invisible_font(HPDF_Page page, std::size_t font, double size, std::string& out);
    void refresh_to_unicode();
    void rewrite_to_unicode(InvisibleFont& f);

    HPDF_Doc doc_;
    FontStack& fonts_;
    std::unique_ptr<FontEmbedder> embedder_;
    std::vector<InvisibleFont> inv_;
    std::map<std::string, Code> codes_;
    struct GlyphUse {
        std::size_t form = static_cast<std::size_t>(-1);  // index into forms_, once it has one
        HPDF_Page page = nullptr;                         // page and stream offset of its last inline copy
        std::size_t inline_end = 0;
        int far_copies = 0;  // inline copies made out of deflate's reach
    };
    std::unordered_map<GlyphKey, GlyphUse, GlyphKeyHash> glyphs_;
    std::vector<GlyphForm> forms_;
    std::unordered_map<HPDF_Page, std::unordered_set<std::size_t>> page_forms_;  // forms each page has registered
    std::unordered_set<HPDF_Page> pages_with_text_;                              // pages some text is drawn on
    bool in_row_ = false;                                                        // set_in_row()
};

}  // namespace mitra::pdf
