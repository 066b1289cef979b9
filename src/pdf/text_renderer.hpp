// Multilingual text for libharu PDFs.
//
//   mitra::pdf::FontStack fonts;                 // once per process (caches fonts)
//   HPDF_Doc doc = HPDF_New(...);
//   mitra::pdf::TextRenderer text(doc, fonts);   // once per document
//   HPDF_Page page = HPDF_AddPage(doc);
//   text.draw_fitted(page, "अर्जुन त्रिपाठी", 72, 400, 450, {"serif", true, 28}, Align::centre);
//   HPDF_SaveToFile(doc, "cert.pdf");
//
// Design (libharu 2.3.0 can neither load CFF/OTF fonts nor show shaped glyph
// ids): every line is laid out by shape_line() (ICU bidi, fontconfig Noto
// font per script run, HarfBuzz shaping) and each glyph is painted as a
// vector outline (HarfBuzz draw API) with the page's current FILL colour.
// Outlines are exact, need no font embedding and work for CFF (Noto CJK) and
// TrueType alike; with Flate compression a CJK name costs a few KB.
// On top of the outlines an invisible text layer (rendering mode 3) carries
// the Unicode text: one code per shaped cluster, in a tiny per-document Type 3
// font whose ToUnicode CMap maps each code to the cluster's characters, each
// code horizontally scaled to the cluster's advance.  pdftotext, search and
// copy/paste therefore see the real text, positioned over the glyphs.
//
// The renderer writes into the page content stream through libharu's
// installed low-level headers (hpdf_pages.h / hpdf_objects.h), so it must be
// called outside BT/ET and outside path construction (page in "page
// description" mode) — it throws std::logic_error otherwise.  It sets the
// document's compression mode to HPDF_COMP_ALL (pages added afterwards get
// compressed content).  Not thread-safe; one TextRenderer per HPDF_Doc, and it
// must not outlive the document.  Nothing needs to be called before saving.
#pragma once

#include "pdf/font_stack.hpp"
#include "pdf/shaping.hpp"

#include <hpdf.h>

#include <map>
#include <string>
#include <vector>

namespace mitra::pdf {

enum class Align { left, centre, right };

class TextRenderer {
 public:
  TextRenderer(HPDF_Doc doc, FontStack& fonts);

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

  /// Draw an already shaped line with its left edge at x.
  void draw_shaped(HPDF_Page page, const ShapedLine& line, double x, double y_baseline, double size_pt);

  FontStack& fonts() { return fonts_; }

 private:
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
  Code code_for(const std::string& utf8_text);
  void new_invisible_font();
  void rewrite_to_unicode(InvisibleFont& f);

  HPDF_Doc doc_;
  FontStack& fonts_;
  std::vector<InvisibleFont> inv_;
  std::map<std::string, Code> codes_;
};

}  // namespace mitra::pdf
