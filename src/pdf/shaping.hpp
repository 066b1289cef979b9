// Line layout: UTF-8 -> bidi (ICU ubidi) -> script runs -> font per run
// (fontconfig, Noto only, with per-character fallback) -> HarfBuzz shaping.
//
// The result is a list of glyph runs in VISUAL (left-to-right drawing) order,
// with glyph ids, clusters (byte offsets into the input UTF-8) and positions
// in font units.  No PDF involved; TextRenderer draws ShapedLines.
#pragma once

#include "core/text.hpp"  // decode_utf8
#include "pdf/font_stack.hpp"

#include <hb.h>

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace mitra::pdf {

enum class Align { left, centre, right };

/// How a piece of text is set.
struct TextStyle {
    std::string role = "serif";  ///< "serif" or "sans"
    bool bold = false;
    double size_pt = 12;
    /// Optional BCP-47 language of the text ("ja", "ko", "zh-CN", "zh-TW", "ur", ...).
    /// Selects CJK regional glyph forms and Urdu Nastaliq; when empty it is
    /// guessed (kana -> ja, hangul -> ko, other Han -> zh-CN; Urdu letters -> ur).
    std::string lang;
};

struct Glyph {
    hb_codepoint_t id = 0;
    uint32_t cluster = 0;  ///< byte offset into the line's UTF-8 of the cluster start
    int32_t x_advance = 0, y_advance = 0, x_offset = 0, y_offset = 0;  ///< font units
};

struct GlyphRun {
    Face* face = nullptr;
    hb_script_t script = HB_SCRIPT_COMMON;
    bool rtl = false;
    /// ICU's bidi level: 0 left-to-right, 1 right-to-left, 2 or more a left-to-right run inside right-to-left text.
    uint8_t level = 0;
    uint32_t begin = 0, end = 0;  ///< byte range of the run in the line's UTF-8 (logical)
    std::vector<Glyph> glyphs;    ///< visual order (HarfBuzz output order)
    int64_t advance() const;      ///< total x advance, font units
};

struct ShapedLine {
    std::string text;            ///< the input UTF-8
    std::vector<GlyphRun> runs;  ///< visual order
    /// Width in points at the given font size.
    double width(double size_pt) const;
};

/// Shape one line (no line breaking): tab/CR/LF are drawn as spaces, other
/// C0 control characters throw std::invalid_argument.
/// Throws MissingFontError if some character has no Noto font (never draws tofu),
/// std::invalid_argument on invalid UTF-8.
ShapedLine shape_line(FontStack& fonts, const std::string& utf8, const TextStyle& style);

/// Shaped lines kept for reuse across documents: a batch's template text (titles, module lines, dates,
/// trainers) is the same on every certificate, only the person's name and serial change.  Holds at
/// most `capacity` lines (it starts again empty when full); the faces belong to the FontStack, which
/// must outlive it.  Not thread-safe.
class ShapeCache {
public:
    explicit ShapeCache(FontStack& fonts, std::size_t capacity = 2048) : fonts_(fonts), capacity_(capacity) {}

    /// shape_line(fonts, utf8, style), shaped once per text, role, weight and language.
    const ShapedLine& shape(const std::string& utf8, const TextStyle& style);

    std::size_t size() const { return lines_.size(); }

private:
    FontStack& fonts_;
    std::size_t capacity_;
    std::unordered_map<std::string, ShapedLine> lines_;
};

/// How far the line's glyphs reach above (top) and below (bottom, negative) its baseline, in em.
struct InkExtent {
    double top = 0, bottom = 0;
};
InkExtent ink_extent(const ShapedLine& line);

/// True when a glyph of the line is raised more than `em` above where the shaper would put an unmarked one
/// (marks stacked on marks): only then is ink_extent() worth asking for a line that fits its width.
bool raised_above(const ShapedLine& line, double em);

/// Where a shaped line goes in the box [box_left, box_left + box_width]: its size, `size_pt` shrunk (never below
/// min_size_pt) when the line is wider than the box, and the left edge of its glyphs, aligned inside the box.
struct BoxPlace {
    double size_pt = 0, left = 0;
};
BoxPlace place_in_box(const ShapedLine& line, double box_left, double box_width, double size_pt, Align align,
                      double min_size_pt);

/// A line of a right-to-left language (`language`) that holds right-to-left letters but starts with Latin ones (a
/// site's name, a module's code, an acronym): with a right-to-left mark first, so it reads right to left, as the
/// document's other lines in that language do.  Any other line as it is.
std::string in_line_direction(const std::string& text, const std::string& language);

/// A byte range [begin, end) of a line's UTF-8.
struct TextRange {
    uint32_t begin = 0, end = 0;
};

/// Where `line` is broken so that no piece is wider than `width` points at `size_pt`, in logical order, each
/// without the spaces it was broken after.  Breaks where ICU's line breaker allows for `lang` (after a word's
/// spaces; between characters in Chinese, Japanese and Thai), and inside a word, between grapheme clusters,
/// only when the word alone is wider than `width`.  Measured from the line's shaped advances (each glyph's
/// advance counted at its cluster), so nothing is shaped again to decide.
std::vector<TextRange> break_lines(const ShapedLine& line, double size_pt, double width, const std::string& lang);

}  // namespace mitra::pdf
