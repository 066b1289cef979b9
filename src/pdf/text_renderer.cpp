#include "pdf/text_renderer.hpp"

// libharu's low-level object API (installed by libhpdf-dev 2.3.0).
#include <hpdf_consts.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace mitra::pdf {

namespace {

constexpr unsigned kCodesPerFont = 255;  // codes 1..255 of a single-byte Type 3 font

void check(HPDF_STATUS st, const char* what) {
  if (st != HPDF_OK) {
    char buf[128];
    std::snprintf(buf, sizeof buf, "libharu error 0x%04lX in %s", static_cast<unsigned long>(st), what);
    throw std::runtime_error(buf);
  }
}
template <class T>
T not_null(T p, const char* what) {
  if (!p) throw std::runtime_error(std::string("libharu: cannot create ") + what);
  return p;
}

/// Compact decimal for content streams ("12.5", "-3", "0.0123").
void put(std::string& out, double v, int decimals = 3) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  std::string s = buf;
  if (s.find('.') != std::string::npos) {
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
  }
  if (s == "-0" || s.empty()) s = "0";
  out += s;
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

HPDF_PageAttr page_attr(HPDF_Page page) {
  if (!page) throw std::invalid_argument("TextRenderer: null page");
  auto* attr = static_cast<HPDF_PageAttr>(page->attr);
  if (attr->gmode != HPDF_GMODE_PAGE_DESCRIPTION)
    throw std::logic_error("TextRenderer: page is inside a text or path object (call outside BT/ET and paths)");
  return attr;
}

}  // namespace

TextRenderer::TextRenderer(HPDF_Doc doc, FontStack& fonts) : doc_(doc), fonts_(fonts) {
  if (!doc_) throw std::invalid_argument("TextRenderer: null HPDF_Doc");
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
  double w = line.width(style.size_pt);
  if (w > box_width && w > 0) {
    // Unhinted outlines scale linearly, so one division is exact.
    style.size_pt = std::max(min_size_pt, style.size_pt * box_width / w * 0.999);
    w = line.width(style.size_pt);
  }
  const double left = align == Align::left ? x : align == Align::centre ? x + (box_width - w) / 2 : x + box_width - w;
  draw_shaped(page, line, left, y, style.size_pt);
  return style.size_pt;
}

void TextRenderer::draw_shaped(HPDF_Page page, const ShapedLine& line, double x0, double y0, double size) {
  HPDF_PageAttr attr = page_attr(page);
  if (line.runs.empty()) return;
  std::string out;
  out.reserve(4096);

  // ---- 1. glyph outlines, filled with the current fill colour ----------------
  out += "q\n";
  double pen = x0;
  for (const auto& run : line.runs) {
    const double s = size / run.face->upem;
    for (const auto& g : run.glyphs) {
      const std::string& path = run.face->outline(g.id);
      if (!path.empty()) {
        out += "q ";
        put(out, s, 7);
        out += "0 0 ";
        put(out, s, 7);
        put(out, pen + g.x_offset * s);
        put(out, y0 + g.y_offset * s);
        out += "cm\n";
        out += path;
        out += "f Q\n";
      }
      pen += g.x_advance * s;
    }
  }
  out += "Q\n";

  // ---- 2. invisible text layer: one code per cluster, in visual order --------
  struct Piece {
    std::string text;
    double advance;
  };
  std::vector<Piece> pieces;
  for (const auto& run : line.runs) {
    std::vector<uint32_t> starts;
    for (const auto& g : run.glyphs) starts.push_back(g.cluster);
    std::sort(starts.begin(), starts.end());
    starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
    auto cluster_end = [&](uint32_t c) {
      auto it = std::upper_bound(starts.begin(), starts.end(), c);
      return it == starts.end() ? run.end : *it;
    };
    const double s = size / run.face->upem;
    std::size_t k = 0;
    while (k < run.glyphs.size()) {
      const uint32_t c = run.glyphs[k].cluster;
      double adv = 0;
      while (k < run.glyphs.size() && run.glyphs[k].cluster == c) adv += run.glyphs[k++].x_advance * s;
      std::string text = line.text.substr(c, cluster_end(c) - c);
      if (adv <= 1e-6 && !pieces.empty()) {
        pieces.back().text += text;  // zero-width cluster: attach to its neighbour
      } else {
        pieces.push_back({std::move(text), adv});
      }
    }
  }
  out += "q BT 3 Tr\n";
  put(out, x0);
  put(out, y0);
  out += "Td\n";
  std::size_t cur_font = static_cast<std::size_t>(-1);
  for (const auto& p : pieces) {
    const Code code = code_for(p.text);
    if (code.font != cur_font) {
      cur_font = code.font;
      const char* name = HPDF_Page_GetLocalFontName(page, inv_[cur_font].font);
      if (!name) throw std::runtime_error("libharu: cannot register the text-layer font on the page");
      out += '/';
      out += name;
      out += ' ';
      put(out, size);
      out += "Tf\n";
    }
    // Type 3 glyphs are 1000 units = 1 em wide: scale each to the cluster's advance.
    put(out, std::max(0.0, 100.0 * p.advance / size), 2);
    char hex[8];
    std::snprintf(hex, sizeof hex, "<%02X>", code.code);
    out += "Tz ";
    out += hex;
    out += " Tj\n";
  }
  out += "ET Q\n";

  check(HPDF_Stream_Write(attr->stream, reinterpret_cast<const HPDF_BYTE*>(out.data()),
                          static_cast<HPDF_UINT>(out.size())),
        "writing page content");
  // New codes may have been allocated: refresh the affected ToUnicode CMaps.
  for (auto& f : inv_)
    if (f.to_unicode && f.last_char && static_cast<std::size_t>(f.last_char->value) != f.texts.size())
      rewrite_to_unicode(f);
}

TextRenderer::Code TextRenderer::code_for(const std::string& text) {
  auto it = codes_.find(text);
  if (it != codes_.end()) return it->second;
  if (inv_.empty() || inv_.back().texts.size() >= kCodesPerFont) new_invisible_font();
  InvisibleFont& f = inv_.back();
  f.texts.push_back(text);
  const Code c{inv_.size() - 1, static_cast<unsigned char>(f.texts.size())};
  check(HPDF_Array_AddNumber(f.widths, 1000), "Widths");
  check(HPDF_Array_Add(f.differences, not_null(HPDF_Name_New(doc_->mmgr, "g"), "name")), "Differences");
  codes_.emplace(text, c);
  return c;
}

void TextRenderer::new_invisible_font() {
  HPDF_MMgr mm = doc_->mmgr;
  HPDF_Xref xref = doc_->xref;
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
  for (double v : {0.001, 0.0, 0.0, 0.001, 0.0, 0.0}) check(HPDF_Array_AddReal(matrix, static_cast<HPDF_REAL>(v)), "FontMatrix");

  // One empty glyph procedure shared by every code: "advance 1000, paint nothing".
  HPDF_Dict procs = not_null(HPDF_Dict_New(mm), "CharProcs");
  check(HPDF_Dict_Add(f.font, "CharProcs", procs), "CharProcs");
  HPDF_Dict glyph = not_null(HPDF_DictStream_New(mm, xref), "glyph stream");
  check(HPDF_Stream_WriteStr(glyph->stream, "1000 0 d0\n"), "glyph stream");
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
  f.to_unicode->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
  check(HPDF_Dict_Add(f.font, "ToUnicode", f.to_unicode), "ToUnicode");
  inv_.push_back(std::move(f));
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
  HPDF_MemStream_FreeData(f.to_unicode->stream);
  check(HPDF_Stream_Write(f.to_unicode->stream, reinterpret_cast<const HPDF_BYTE*>(cm.data()),
                          static_cast<HPDF_UINT>(cm.size())),
        "ToUnicode");
  HPDF_Number_SetValue(f.last_char, static_cast<HPDF_INT32>(f.texts.size()));
}

}  // namespace mitra::pdf
