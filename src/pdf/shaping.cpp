#include "pdf/shaping.hpp"

#include "core/identity.hpp"

#include <unicode/ubidi.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utext.h>

#include <algorithm>
#include <memory>
#include <stdexcept>

namespace mitra::pdf {

namespace {

std::string script_name(hb_script_t s) {
    char tag[5] = {};
    hb_tag_to_string(hb_script_to_iso15924_tag(s), tag);
    const int code = u_getPropertyValueEnum(UCHAR_SCRIPT, tag);
    if (code != UCHAR_INVALID_CODE)
        if (const char* n = uscript_getName(static_cast<UScriptCode>(code))) return n;
    return tag;
}

bool is_cjk(hb_script_t s) {
    return s == HB_SCRIPT_HAN || s == HB_SCRIPT_HIRAGANA || s == HB_SCRIPT_KATAKANA || s == HB_SCRIPT_HANGUL ||
           s == HB_SCRIPT_BOPOMOFO;
}

/// Characters that may stay with the previous character's font even if that
/// font has no glyph for them (HarfBuzz hides default-ignorables such as ZWJ).
bool rides_along(char32_t c) {
    return u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_DEFAULT_IGNORABLE_CODE_POINT);
}

struct BufferDeleter {
    void operator()(hb_buffer_t* b) const { hb_buffer_destroy(b); }
};

}  // namespace

int64_t GlyphRun::advance() const {
    int64_t a = 0;
    for (const auto& g : glyphs) a += g.x_advance;
    return a;
}

double ShapedLine::width(double size_pt) const {
    double w = 0;
    for (const auto& r : runs) w += static_cast<double>(r.advance()) * size_pt / r.face->upem;
    return w;
}

ShapedLine shape_line(FontStack& fonts, const std::string& utf8, const TextStyle& style) {
    ShapedLine line;
    line.text = utf8;
    // One line: tabs/newlines become spaces (same byte length, so clusters stay
    // valid); any other control character is a caller error.
    for (char& c : line.text) {
        if (c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') c = ' ';
        else if ((static_cast<unsigned char>(c) < 0x20) || c == 0x7F)
            throw std::invalid_argument("control character in text to draw: \"" + utf8 + "\"");
    }
    std::vector<uint32_t> off;
    const std::u32string cps = decode_utf8(line.text, &off);
    const std::size_t n = cps.size();
    if (n == 0) return line;

    const FontRequest req{style.role, style.bold, style.lang};
    hb_unicode_funcs_t* uf = hb_unicode_funcs_get_default();

    // ---- 1. bidi (ICU works on UTF-16) ------------------------------------------
    std::u16string u16;
    std::vector<std::size_t> u16_to_cp;
    for (std::size_t i = 0; i < n; ++i) {
        const char32_t c = cps[i];
        if (c >= 0x10000) {
            u16.push_back(static_cast<char16_t>(0xD800 + ((c - 0x10000) >> 10)));
            u16.push_back(static_cast<char16_t>(0xDC00 + ((c - 0x10000) & 0x3FF)));
            u16_to_cp.push_back(i);
            u16_to_cp.push_back(i);
        } else {
            u16.push_back(static_cast<char16_t>(c));
            u16_to_cp.push_back(i);
        }
    }
    u16_to_cp.push_back(n);

    struct BidiRun {
        std::size_t begin, end;
        bool rtl;
        uint8_t level;
    };                               // code point indices, logical
    std::vector<BidiRun> bidi_runs;  // visual order
    {
        UErrorCode err = U_ZERO_ERROR;
        std::unique_ptr<UBiDi, void (*)(UBiDi*)> bidi(ubidi_openSized(static_cast<int32_t>(u16.size()), 0, &err),
                                                      ubidi_close);
        if (U_FAILURE(err)) throw std::runtime_error("ubidi_openSized failed");
        ubidi_setPara(bidi.get(), reinterpret_cast<const UChar*>(u16.data()), static_cast<int32_t>(u16.size()),
                      UBIDI_DEFAULT_LTR, nullptr, &err);
        if (U_FAILURE(err)) throw std::runtime_error("ubidi_setPara failed");
        const int32_t count = ubidi_countRuns(bidi.get(), &err);
        for (int32_t r = 0; r < count; ++r) {
            int32_t start = 0, len = 0;
            const UBiDiDirection d = ubidi_getVisualRun(bidi.get(), r, &start, &len);
            bidi_runs.push_back(
                {u16_to_cp[start], u16_to_cp[start + len], d == UBIDI_RTL, ubidi_getLevelAt(bidi.get(), start)});
        }
    }

    // ---- 2. script per character (Common/Inherited resolved to neighbours) -------
    std::vector<hb_script_t> script(n);
    for (std::size_t i = 0; i < n; ++i) script[i] = hb_unicode_script(uf, cps[i]);
    for (const auto& br : bidi_runs) {
        hb_script_t last = HB_SCRIPT_COMMON;
        for (std::size_t i = br.begin; i < br.end; ++i) {
            if (script[i] == HB_SCRIPT_COMMON || script[i] == HB_SCRIPT_INHERITED || script[i] == HB_SCRIPT_UNKNOWN)
                script[i] = last;
            else last = script[i];
        }
        hb_script_t next = HB_SCRIPT_LATIN;  // an all-neutral run ("123 ()") is set in the Latin font
        for (std::size_t i = br.end; i-- > br.begin;) {
            if (script[i] == HB_SCRIPT_COMMON) script[i] = next;
            else next = script[i];
        }
    }
    // Kana, Han and Hangul share one font; keep them in one run for shaping.
    for (std::size_t i = 0; i < n; ++i)
        if (is_cjk(script[i]) && script[i] != HB_SCRIPT_HAN) script[i] = HB_SCRIPT_HAN;

    // ---- 3. font per character ----------------------------------------------------
    std::vector<Face*> face(n, nullptr);
    // The line's face for a script depends only on the script here (same request, same sample).
    std::vector<std::pair<hb_script_t, Face*>> primaries;
    auto primary_for = [&](hb_script_t sc) {
        for (const auto& [known, f] : primaries)
            if (known == sc) return f;
        Face* f = fonts.face_for_script(sc, req, cps);
        primaries.emplace_back(sc, f);
        return f;
    };
    for (std::size_t i = 0; i < n; ++i) {
        Face* primary = primary_for(script[i]);
        if (primary && primary->covers(cps[i])) {
            face[i] = primary;
        } else if (rides_along(cps[i]) && i > 0 && face[i - 1] && script[i - 1] == script[i]) {
            face[i] = face[i - 1];
        } else if (Face* fb = fonts.fallback_for(cps[i], req)) {
            face[i] = fb;
        } else if (rides_along(cps[i]) && primary) {
            face[i] = primary;
        } else {
            throw MissingFontError(script_name(hb_unicode_script(uf, cps[i])), cps[i], utf8);
        }
    }

    // ---- 4. runs (bidi x script x font), shaped ---------------------------------
    std::unique_ptr<hb_buffer_t, BufferDeleter> buf(hb_buffer_create());
    for (const auto& br : bidi_runs) {
        std::vector<GlyphRun> sub;
        std::size_t i = br.begin;
        while (i < br.end) {
            std::size_t j = i + 1;
            while (j < br.end && face[j] == face[i] && script[j] == script[i]) ++j;
            GlyphRun run;
            run.face = face[i];
            run.script = script[i];
            run.rtl = br.rtl;
            run.level = br.level;
            run.begin = off[i];
            run.end = off[j];

            hb_buffer_clear_contents(buf.get());
            hb_buffer_add_utf8(buf.get(), line.text.data(), static_cast<int>(line.text.size()), run.begin,
                               static_cast<int>(run.end - run.begin));
            hb_buffer_set_direction(buf.get(), br.rtl ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
            hb_buffer_set_script(buf.get(), run.script);
            std::string lang = style.lang;
            if (lang.empty() && run.face->family == "Noto Nastaliq Urdu") lang = "ur";
            hb_buffer_set_language(buf.get(), hb_language_from_string(lang.empty() ? "und" : lang.c_str(), -1));
            hb_buffer_set_cluster_level(buf.get(), HB_BUFFER_CLUSTER_LEVEL_MONOTONE_GRAPHEMES);
            hb_shape(run.face->hb_font, buf.get(), nullptr, 0);

            unsigned count = 0;
            const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf.get(), &count);
            const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf.get(), &count);
            run.glyphs.reserve(count);
            for (unsigned k = 0; k < count; ++k) {
                if (info[k].codepoint == 0) {
                    // .notdef would be a tofu box: refuse.
                    std::vector<uint32_t>::const_iterator it =
                        std::lower_bound(off.begin(), off.end(), info[k].cluster);
                    const std::size_t ci = static_cast<std::size_t>(it - off.begin());
                    const char32_t cp = ci < n ? cps[ci] : 0;
                    throw MissingFontError(script_name(run.script), cp, utf8);
                }
                run.glyphs.push_back({info[k].codepoint, info[k].cluster, pos[k].x_advance, pos[k].y_advance,
                                      pos[k].x_offset, pos[k].y_offset});
            }
            sub.push_back(std::move(run));
            i = j;
        }
        if (br.rtl) std::reverse(sub.begin(), sub.end());
        for (auto& r : sub) line.runs.push_back(std::move(r));
    }
    return line;
}

BoxPlace place_in_box(const ShapedLine& line, double x, double box_width, double size_pt, Align align,
                      double min_size_pt) {
    double w = line.width(size_pt);
    if (w > box_width && w > 0) {
        // Unhinted outlines scale linearly, so one division is exact.
        size_pt = std::max(min_size_pt, size_pt * box_width / w * 0.999);
        w = line.width(size_pt);
    }
    const double left = align == Align::left ? x : align == Align::centre ? x + (box_width - w) / 2 : x + box_width - w;
    return {size_pt, left};
}

InkExtent ink_extent(const ShapedLine& line) {
    InkExtent ink;
    for (const auto& run : line.runs) {
        const double em = run.face->upem;
        for (const auto& g : run.glyphs) {
            hb_glyph_extents_t e{};
            if (!hb_font_get_glyph_extents(run.face->hb_font, g.id, &e) || e.height == 0) continue;
            ink.top = std::max(ink.top, (g.y_offset + e.y_bearing) / em);
            ink.bottom = std::min(ink.bottom, (g.y_offset + e.y_bearing + e.height) / em);
        }
    }
    return ink;
}

bool raised_above(const ShapedLine& line, double em) {
    for (const auto& run : line.runs)
        for (const auto& g : run.glyphs)
            if (g.y_offset > em * run.face->upem) return true;
    return false;
}

namespace {

struct BreakIteratorDeleter {
    void operator()(UBreakIterator* b) const { ubrk_close(b); }
};
struct TextDeleter {
    void operator()(UText* t) const { utext_close(t); }
};

// ICU's boundaries of `kind` in `text`, as byte offsets (UText over UTF-8 counts in bytes), 0 and the end included.
std::vector<uint32_t> boundaries(UBreakIteratorType kind, const std::string& text, const std::string& lang) {
    UErrorCode err = U_ZERO_ERROR;
    std::unique_ptr<UText, TextDeleter> ut(
        utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &err));
    std::unique_ptr<UBreakIterator, BreakIteratorDeleter> it(
        ubrk_open(kind, lang.empty() ? "" : lang.c_str(), nullptr, 0, &err));
    if (U_SUCCESS(err)) ubrk_setUText(it.get(), ut.get(), &err);
    if (U_FAILURE(err)) throw std::runtime_error(std::string("cannot find where to break a line: ") + u_errorName(err));
    std::vector<uint32_t> out;
    for (int32_t at = ubrk_first(it.get()); at != UBRK_DONE; at = ubrk_next(it.get()))
        out.push_back(static_cast<uint32_t>(at));
    if (out.empty() || out.back() != text.size()) out.push_back(static_cast<uint32_t>(text.size()));
    return out;
}

// Where a piece ending at `end` stops showing: before the spaces (and ideographic spaces) it was broken after.
uint32_t trim_spaces(const std::string& text, uint32_t begin, uint32_t end) {
    while (end > begin) {
        if (text[end - 1] == ' ') --end;
        else if (end - begin >= 3 && text.compare(end - 3, 3, "\u3000") == 0) end -= 3;
        else break;
    }
    return end;
}

}  // namespace

std::vector<TextRange> break_lines(const ShapedLine& line, double size_pt, double width, const std::string& lang) {
    const std::string& text = line.text;
    // advance_before[i]: the width of the clusters that start before byte i.
    std::vector<double> advance_before(text.size() + 1, 0);
    for (const auto& run : line.runs)
        for (const auto& g : run.glyphs)
            if (g.cluster < text.size()) advance_before[g.cluster + 1] += g.x_advance * size_pt / run.face->upem;
    for (std::size_t i = 1; i < advance_before.size(); ++i) advance_before[i] += advance_before[i - 1];
    auto wide = [&](uint32_t begin, uint32_t end) {
        return advance_before[trim_spaces(text, begin, end)] - advance_before[begin];
    };

    std::vector<TextRange> lines;
    std::vector<uint32_t> graphemes;  // found the first time a word has to be cut
    // A word wider than `width`, from `begin` to `end`: whole grapheme clusters on each line; returns where
    // its last piece (which fits) starts.
    auto cut_word = [&](uint32_t begin, uint32_t end) {
        if (graphemes.empty()) graphemes = boundaries(UBRK_CHARACTER, text, lang);
        while (wide(begin, end) > width) {
            auto at = std::upper_bound(graphemes.begin(), graphemes.end(), begin);
            uint32_t last = begin;
            for (; at != graphemes.end() && *at < end && wide(begin, *at) <= width; ++at) last = *at;
            if (last == begin) last = at != graphemes.end() ? *at : end;  // one cluster wider than the line: alone
            if (last >= end) break;
            lines.push_back({begin, last});
            begin = last;
        }
        return begin;
    };

    const std::vector<uint32_t> breaks = boundaries(UBRK_LINE, text, lang);
    uint32_t start = 0, fits = 0;  // the line being filled, and its last break that fits
    for (std::size_t k = 1; k < breaks.size(); ++k) {
        const uint32_t at = breaks[k];
        if (wide(start, at) <= width) {
            fits = at;
            continue;
        }
        if (fits > start) {
            lines.push_back({start, trim_spaces(text, start, fits)});
            start = fits;
        }
        if (wide(start, at) > width) start = cut_word(start, at);
        fits = at;
    }
    if (start < text.size()) lines.push_back({start, trim_spaces(text, start, static_cast<uint32_t>(text.size()))});
    lines.erase(std::remove_if(lines.begin(), lines.end(), [](const TextRange& r) { return r.end <= r.begin; }),
                lines.end());
    return lines;
}

const ShapedLine& ShapeCache::shape(const std::string& utf8, const TextStyle& style) {
    // Size is not part of shaping (glyphs are placed in font units).
    std::string key = style.role;
    key += style.bold ? "\x01"
                        "b"
                        "\x01"
                      : "\x01"
                        "r"
                        "\x01";
    key += style.lang;
    key += '\x01';
    key += utf8;
    auto it = lines_.find(key);
    if (it != lines_.end()) return it->second;
    ShapedLine line = shape_line(fonts_, utf8, style);  // throws before anything is kept
    if (lines_.size() >= capacity_) lines_.clear();
    return lines_.emplace(std::move(key), std::move(line)).first->second;
}

std::string in_line_direction(const std::string& text, const std::string& language) {
    if (!is_right_to_left(language)) return text;
    bool first_strong_ltr = false, any_rtl = false, seen_strong = false;
    for (char32_t ch : decode_utf8(text)) {
        const UCharDirection d = u_charDirection(static_cast<UChar32>(ch));
        const bool rtl = d == U_RIGHT_TO_LEFT || d == U_RIGHT_TO_LEFT_ARABIC;
        if (!seen_strong && (rtl || d == U_LEFT_TO_RIGHT)) {
            seen_strong = true;
            first_strong_ltr = !rtl;
        }
        any_rtl = any_rtl || rtl;
    }
    return first_strong_ltr && any_rtl ? "\u200F" + text : text;
}

}  // namespace mitra::pdf
