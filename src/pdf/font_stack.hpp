// Font discovery and caching for the PDF text stack.
//
// FontStack owns a private fontconfig configuration that only knows the
// Debian Noto font directories (fonts-noto-core, fonts-noto-cjk,
// fonts-noto-ui-core), so output never depends on whatever else is installed.
// It resolves "which font renders this script in this role" and caches the
// opened HarfBuzz faces (memory-mapped font files) and the glyph outlines for
// the lifetime of the FontStack.  Create ONE FontStack per process and share
// it across documents; it is not thread-safe (use one per thread if needed).
#pragma once

#include <hb.h>

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

namespace mitra::pdf {

/// Thrown when no Noto font covers some text.  what() names the script and the
/// offending code point, never the text (it may be a person's name), e.g.
/// "no Noto font for script 'Kawi' (U+11F04); install ...".
class MissingFontError : public std::runtime_error {
public:
    MissingFontError(std::string script, char32_t codepoint, const std::string& text);
    const std::string& script() const noexcept { return script_; }
    char32_t codepoint() const noexcept { return codepoint_; }

private:
    std::string script_;
    char32_t codepoint_;
};

/// A glyph's outline as PDF path operators in font units (y up), ending
/// without a paint operator, and the box around every point it uses.
struct GlyphOutline {
    std::string path;  ///< empty for blank glyphs (space)
    long x_min = 0, y_min = 0, x_max = 0, y_max = 0;
};

struct EmbeddedSubset;  // font_embed.cpp's

/// One opened font face (a file + face index inside a TTC/OTC).
struct Face {
    std::string file;
    int index = 0;
    std::string family;  ///< fontconfig family, e.g. "Noto Sans Devanagari"
    hb_face_t* hb_face = nullptr;
    hb_font_t* hb_font = nullptr;  ///< scale == units per em, OpenType funcs
    unsigned upem = 1000;
    /// HarfBuzz's subsetting source (the face without the tables a PDF subset drops), made on first
    /// use by font_embed.cpp.
    hb_face_t* subset_source = nullptr;
    int subset_state = 0;  ///< 0 not probed, 1 can be subset, -1 cannot (draw outlines)
    /// The last subset of this face a document embedded (font_embed.cpp): the next document that shows
    /// exactly the same glyphs (in a batch, a face only the template's text uses) embeds it as it is.
    std::shared_ptr<const EmbeddedSubset> last_subset;

    /// True if the font maps `cp` to a glyph.
    bool covers(char32_t cp) const;

    /// Outline of `glyph` as PDF path operators in font units (y up), ending
    /// without a paint operator; cached.  Empty for blank glyphs (space).
    const std::string& outline(hb_codepoint_t glyph) { return glyph_outline(glyph).path; }

    /// outline() with its bounding box (of all points, control points included); cached.
    const GlyphOutline& glyph_outline(hb_codepoint_t glyph);

    Face() = default;
    Face(const Face&) = delete;
    Face& operator=(const Face&) = delete;
    ~Face();

private:
    std::unordered_map<hb_codepoint_t, GlyphOutline> outlines_;
};

/// Font request: role "serif" or "sans", weight, BCP-47 language hint
/// (used for CJK glyph variants: "ja", "ko", "zh-CN"/"zh-Hans", "zh-TW"/"zh-Hant", "zh-HK"
/// and for Urdu: "ur" selects Noto Nastaliq Urdu, "ur-Arab" the plain Arabic faces, Naskh or Sans).
struct FontRequest {
    std::string role = "serif";
    bool bold = false;
    std::string lang;
};

class FontStack {
public:
    /// Default: only /usr/share/fonts/truetype/noto and /usr/share/fonts/opentype/noto.
    FontStack();
    /// Restrict to the given directories (tests use this to simulate a missing package).
    explicit FontStack(const std::vector<std::string>& font_dirs);
    ~FontStack();
    FontStack(const FontStack&) = delete;
    FontStack& operator=(const FontStack&) = delete;

    /// The preferred face for `script` (HarfBuzz script tag) in this role, or
    /// nullptr if no Noto family for that script exists.  `sample` is the text
    /// of the run (used to pick CJK variants / Urdu when lang is empty).
    Face* face_for_script(hb_script_t script, const FontRequest& req, const std::u32string& sample);

    /// Any Noto face (preferring the role's Latin family) that covers `cp`, or nullptr.
    Face* fallback_for(char32_t cp, const FontRequest& req);

    /// Open (or fetch from cache) a face by file + index.
    Face& open(const std::string& file, int index, const std::string& family);

    /// Number of distinct font files/faces opened so far (for cache tests).
    std::size_t open_face_count() const { return faces_.size(); }

    /// Family names tried for a script, in order (exposed for diagnostics/tests).
    static std::vector<std::string> candidate_families(hb_script_t script, const FontRequest& req,
                                                       const std::u32string& sample);

private:
    Face* match_family(const std::string& family, bool bold);

    struct FcConfigDeleter {
        void operator()(void* p) const;
    };
    std::unique_ptr<void, FcConfigDeleter> config_;                 // FcConfig*
    std::unordered_map<std::string, std::unique_ptr<Face>> faces_;  // file#index
    std::unordered_map<std::string, Face*> family_cache_;           // family#bold -> face
    std::unordered_map<std::string, Face*> script_cache_;           // key -> face
    std::unordered_map<std::string, Face*> fallback_cache_;         // cp#role#bold
};

}  // namespace mitra::pdf
