// Subset fonts for the PDF text stack: each Noto face a document uses becomes one Type0 font.
//
// The font is Identity-H with CID = glyph id of the subset.  Text is shown as soon as it is
// shaped, with the face's own glyph ids as codes; what the font holds is settled at save
// time: libharu calls the before-write hooks of the page content streams and the Type0
// dictionaries, and only then is each face subset with HarfBuzz (every glyph used, packed,
// no hinting, no layout tables) and the codes in the (still uncompressed) page contents
// replaced by the subset's glyph ids.  Written as CIDFontType2 + FontFile2 with
// /CIDToGIDMap /Identity (TrueType outlines), or CIDFontType0 + FontFile3 /OpenType (CFF
// outlines: Noto CJK; the subset's charset is rewritten so every CID is its glyph id),
// with /W from the shaped advances and a ToUnicode CMap that gives every glyph shown a piece of its cluster's
// text, so that the pieces in drawing order are the cluster's text in logical order (text_renderer.cpp splits
// it).  A glyph that must map to different text in different clusters (an Indic conjunct part, a reordered vowel
// sign, the same glyph twice in a cluster) is shown with a code of its own for each text, as cairo does: a CID
// past the subset's glyphs, drawn through /CIDToGIDMap as the same glyph with the same width.  CFF fonts (CIDs
// are their glyph ids) and fonts frozen for other documents get no new codes: a cluster they cannot map goes in
// an /ActualText span instead (map_cluster() says which).
#pragma once

#include "pdf/font_stack.hpp"
#include "pdf/font_subset.hpp"

#include <hb.h>
#include <hpdf.h>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace mitra::pdf {

/// A font as one document wrote it (its subset, widths and ToUnicode map), kept to be embedded unchanged in
/// other documents: a certificate batch's template text is laid out once and each certificate embeds its
/// fonts as they are (FontEmbedder::freeze() and adopt()).  Immutable; holds no text but the glyphs' own.
struct FrozenFont;

struct Glyph;

/// The document's subset fonts.  One per document; must not outlive it.
class FontEmbedder {
public:
    struct Font;

    explicit FontEmbedder(HPDF_Doc doc);
    /// Writes the fonts now, so a document saved after its renderer is gone is still whole.
    ~FontEmbedder();
    FontEmbedder(const FontEmbedder&) = delete;
    FontEmbedder& operator=(const FontEmbedder&) = delete;

    /// The document's font for `face`, or nullptr if the face cannot be subset (draw outlines).
    Font* font(Face& face);

    /// Name of `font` in the page's /Font resources (registered on first use).
    const char* name_on(HPDF_Page page, Font& font);

    /// Registers `glyph` and returns its /W width in 1/1000 em (the shaped advance of its first use:
    /// the nominal advance, or 0 for marks).
    double width(Font& font, hb_codepoint_t glyph, int32_t shaped_advance);

    /// A glyph of no advance (a mark) whose next glyph is drawn `units` (font units) after it: the font program
    /// gives it the largest such advance (its hmtx; /W stays 0, so nothing moves).  MuPDF's text extraction
    /// measures a glyph by its program's advance, not /W, and puts a space before a glyph that starts more than
    /// 0.15 em after where the last one ended: after a vowel sign or a pulli drawn back over its consonant,
    /// without this.  A backward step (a mark whose reach is longer elsewhere) it ignores up to 0.8 em.
    void reach(Font& font, hb_codepoint_t glyph, int32_t units);

    /// Makes the cluster's glyphs extract through ToUnicode as `texts` (one per glyph, in drawing order; an empty
    /// one maps to U+200B, which pdf.js drops) and puts in `variants`, per glyph, which of its codes does that
    /// (0: its own glyph id; n: its n-th extra code).  False, with nothing changed, where that needs a code the
    /// font cannot have (a CFF font's, or a frozen font's): then the cluster needs /ActualText, and every glyph
    /// is shown with code 0.
    bool map_cluster(Font& font, const std::vector<hb_codepoint_t>& glyphs, const std::vector<std::string>& texts,
                     std::vector<unsigned>& variants);

    /// Where a glyph code was written: `offset` bytes into a page's content, 4 hex digits.
    struct CodeSite {
        Font* font;
        std::size_t offset;
        hb_codepoint_t glyph;  ///< the face's glyph id
        unsigned variant = 0;  ///< which of the glyph's codes (map_cluster())
    };
    /// Records glyph codes written at `base` + offset of `page`'s content stream.  Codes are
    /// written as the face's glyph ids and replaced by the subset's glyph ids at save time
    /// (libharu keeps content uncompressed in memory until then).
    void add_sites(HPDF_Page page, std::size_t base, const std::vector<CodeSite>& sites);

    /// Subsets and writes every font whose glyph set changed (libharu's save calls this).
    void finish();

    /// Puts the subsets' glyph ids into the codes written in one page content stream.
    void patch(HPDF_Dict contents);

    /// patch(), then deflates the content stream (at stream_deflate.hpp's level) and forgets it: what
    /// libharu's save does to each page's content, once the fonts are written.
    void settle(HPDF_Dict contents);

    /// Snapshots of the document's fonts as last written, each with its font (call finish() first).
    std::vector<std::pair<Font*, std::shared_ptr<const FrozenFont>>> freeze() const;

    /// Embeds `frozen` in this document unchanged.  Text shown in it can use only its glyphs, mapped as they
    /// are: map_cluster() adds nothing to it (a cluster it does not map goes in an /ActualText span).
    Font* adopt(const std::shared_ptr<const FrozenFont>& frozen);

    /// The font a run of `face` with these glyphs is shown in: an adopted font that has all of them and `fits`
    /// (maps the run's clusters as they are), else font().
    Font* font_for(Face& face, const std::vector<Glyph>& glyphs, const std::function<bool(Font&)>& fits);

    /// The font's Type0 dictionary, for a resource dictionary of the caller's.
    static HPDF_Dict object(const Font& font);

    /// Number of fonts in the document (for tests).
    std::size_t font_count() const { return fonts_.size(); }

private:
    HPDF_Doc doc_;
    std::vector<std::unique_ptr<Font>> fonts_;
    std::unordered_map<const Face*, Font*> by_face_;
    std::unordered_map<const Face*, std::vector<Font*>> adopted_;  // face -> its adopted (frozen) fonts
    std::unordered_map<HPDF_Dict, std::vector<CodeSite>> sites_;   // page content dict -> codes in it
    Font* make_font(Face& face);                                   // a new font's objects, no glyphs yet
};

}  // namespace mitra::pdf
