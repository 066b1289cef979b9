// A face subset with HarfBuzz to the glyphs a document shows (packed glyph ids, no hinting, no layout tables,
// CFF charstrings flattened and CIDs made glyph ids), as FontEmbedder (font_embed.hpp) embeds it.
#pragma once

#include "pdf/font_stack.hpp"

#include <hb.h>

#include <map>
#include <string>
#include <vector>

namespace mitra::pdf {

/// A subset of one face as a standalone font program.
struct FontSubset {
    std::string program;                               ///< the OpenType/TrueType file
    bool cff = false;                                  ///< CFF outlines (else glyf)
    std::map<hb_codepoint_t, hb_codepoint_t> new_gid;  ///< face's glyph id -> glyph id in `program`
};

/// Subsets `face` to `glyphs` (.notdef is always kept).  Throws std::runtime_error if
/// HarfBuzz cannot subset it.
FontSubset subset_face(Face& face, const std::vector<hb_codepoint_t>& glyphs);

/// `program` (an OpenType/TrueType file) with the horizontal advances (hmtx) of some glyphs changed: glyph id in
/// the program -> advance in font units.  PDF viewers place glyphs by the font's /W, never by these; MuPDF's text
/// extraction alone measures a glyph by them (font_embed.hpp says why that matters).  Returns `program` unchanged
/// when there is nothing to change or it has no hmtx table.
std::string with_advances(const std::string& program, const std::map<hb_codepoint_t, uint16_t>& advances);

/// True if `face` can be embedded as a subset (probed once per face).
bool can_subset(Face& face);

/// True if the face has the table (e.g. 'CFF ': CFF outlines).
bool has_table(hb_face_t* face, hb_tag_t tag);

}  // namespace mitra::pdf
