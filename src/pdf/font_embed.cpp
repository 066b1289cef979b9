// The document's subset fonts (see font_embed.hpp): their PDF objects, /W and ToUnicode, the glyph codes put
// right at save time, and fonts frozen for another document.
#include "pdf/font_embed.hpp"

#include "pdf/haru.hpp"
#include "pdf/shaping.hpp"
#include "pdf/stream_deflate.hpp"

#include <hb-ot.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace mitra::pdf {

using haru::check;
using haru::not_null;

namespace {

struct BlobDeleter {
    void operator()(hb_blob_t* p) const { hb_blob_destroy(p); }
};

std::string utf16be_hex(const std::string& utf8) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    auto unit = [&](unsigned u) {
        for (int shift = 12; shift >= 0; shift -= 4) out += hex[(u >> shift) & 15];
    };
    for (char32_t c : decode_utf8(utf8)) {
        if (c >= 0x10000) {
            unit(0xD800 + ((c - 0x10000) >> 10));
            unit(0xDC00 + ((c - 0x10000) & 0x3FF));
        } else {
            unit(static_cast<unsigned>(c));
        }
    }
    return out;
}

// A glyph that shows none of its cluster's text maps to U+200B ZERO WIDTH SPACE: an empty entry would read as the
// code itself in pdf.js (its ToUnicode lookup falls back to the code on "") and as U+FFFD in MuPDF; pdf.js drops a
// format character (category Cf) from the text it extracts.
std::string to_unicode_hex(const std::string& utf8) { return utf8.empty() ? "200B" : utf16be_hex(utf8); }

std::string hex4(unsigned v) {
    static const char* hex = "0123456789ABCDEF";
    return {hex[(v >> 12) & 15], hex[(v >> 8) & 15], hex[(v >> 4) & 15], hex[v & 15]};
}

/// PostScript name of the face (name ID 6), reduced to characters safe in a PDF name.
std::string postscript_name(const Face& face) {
    char buf[128] = {};
    unsigned len = sizeof buf;
    hb_ot_name_get_utf8(face.hb_face, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &len, buf);
    std::string name;
    for (const char* p = buf; *p; ++p)
        if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-') name += *p;
    if (name.empty()) {
        for (char c : face.family)
            if (c != ' ') name += c;
    }
    return name.empty() ? "Font" : name.substr(0, 100);
}

void write_stream(HPDF_Dict dict, const std::string& bytes, const char* what) {
    check(haru::replace(haru::stream_of(dict), bytes), what);
}

}  // namespace

// ---- the document's fonts ---------------------------------------------------------

/// A subset as embedded: the glyphs asked for, the subset, and its program deflated (TrueType only); and
/// the last ToUnicode map written with it, deflated (the same glyphs almost always map to the same text).
struct EmbeddedSubset {
    std::vector<hb_codepoint_t> glyphs;
    std::map<hb_codepoint_t, uint16_t> reaches;  // the face's glyph id -> its advance in the program, where changed
    FontSubset subset;
    std::string deflated;
    mutable std::string to_unicode, to_unicode_deflated;
};

struct FontEmbedder::Font {
    Face* face = nullptr;
    HPDF_Doc doc = nullptr;
    bool cff = false;
    std::string name;  // PostScript name
    HPDF_Dict type0 = nullptr, cid_font = nullptr, descriptor = nullptr;
    HPDF_Dict program = nullptr, to_unicode = nullptr;
    HPDF_Dict cid_to_gid = nullptr;                    // TrueType with extra codes: CID -> glyph id of the subset
    std::map<hb_codepoint_t, hb_codepoint_t> new_gid;  // from the last subset
    // Extra codes (face's glyph id, variant) -> CID, past the subset's glyph ids; from the last write_objects().
    std::map<std::pair<hb_codepoint_t, unsigned>, hb_codepoint_t> extra_cid;
    std::size_t variant_count = 0;  // extra codes asked for
    struct GlyphInfo {
        double width = 0;  // 1/1000 em
        bool measured = false;
        bool mapped = false;
        int32_t reach = 0;                  // font units: the advance the program gives a glyph of no advance (reach())
        std::string text;                   // UTF-8 its ToUnicode entry gives (when mapped)
        std::vector<std::string> variants;  // the texts of its extra codes (variant 1, 2, ...)
    };
    std::map<hb_codepoint_t, GlyphInfo> glyphs;
    std::shared_ptr<const EmbeddedSubset> embedded;      // the last subset written
    std::string to_unicode_deflated;                     // the last ToUnicode map written
    std::size_t written = static_cast<std::size_t>(-1);  // glyph count at the last subset
    std::size_t written_variants = 0;                    // extra codes at the last write_objects()
    bool dirty = true;                                   // glyphs or ToUnicode changed since the last write
    bool reached = false;                                // a glyph's reach changed since the last subset
    bool frozen = false;                                 // adopted: written once, never changed

    void write();
    /// Names, program, /W, /CIDToGIDMap: what `embedded` holds, with the extra codes.
    void write_objects();
    /// The code (CID) a glyph is shown with: its glyph id in the subset, or one of its extra codes.
    hb_codepoint_t code_of(hb_codepoint_t glyph, unsigned variant) const {
        return variant == 0 ? new_gid.at(glyph) : extra_cid.at({glyph, variant});
    }

private:
    void write_program();
    void write_to_unicode();
};

struct FrozenFont {
    Face* face = nullptr;
    std::map<hb_codepoint_t, FontEmbedder::Font::GlyphInfo> glyphs;
    std::shared_ptr<const EmbeddedSubset> embedded;
    std::string to_unicode_deflated;
};

namespace {

/// A page's content stream is about to be written: settle the fonts, then put the subsets' glyph ids in.
HPDF_STATUS contents_before_write(HPDF_Dict dict) {
    auto* embedder = static_cast<FontEmbedder*>(haru::hook_data(dict));
    if (!embedder) return HPDF_OK;
    try {
        embedder->finish();
        embedder->settle(dict);
    } catch (const std::exception&) {
        return HPDF_INVALID_OBJECT;
    }
    return HPDF_OK;
}

HPDF_STATUS before_write(HPDF_Dict dict) {
    auto* font = static_cast<FontEmbedder::Font*>(haru::hook_data(dict));
    if (!font) return HPDF_OK;
    try {
        font->write();
    } catch (const std::exception&) {
        return HPDF_INVALID_OBJECT;
    }
    return HPDF_OK;
}

}  // namespace

void FontEmbedder::Font::write() {
    if (!dirty) return;
    if (written != glyphs.size() || reached) write_program();
    else if (written_variants != variant_count) write_objects();
    write_to_unicode();
    dirty = false;
}

void FontEmbedder::Font::write_program() {
    std::vector<hb_codepoint_t> ids;
    ids.reserve(glyphs.size());
    std::map<hb_codepoint_t, uint16_t> reaches;
    for (const auto& [g, info] : glyphs) {
        ids.push_back(g);
        if (info.reach > 0) reaches[g] = static_cast<uint16_t>(std::min<int32_t>(info.reach, 0xFFFF));
    }
    // Only the last subset is kept per face, so a face whose glyphs change from one certificate to the next
    // (a name's) is subset afresh each time, and one that shows the same text every time is subset once.
    std::shared_ptr<const EmbeddedSubset> embedded = face->last_subset;
    if (!embedded || embedded->glyphs != ids || embedded->reaches != reaches) {
        auto made = std::make_shared<EmbeddedSubset>();
        made->subset = subset_face(*face, ids);
        std::map<hb_codepoint_t, uint16_t> advances;
        for (const auto& [g, reach] : reaches) advances[made->subset.new_gid.at(g)] = reach;
        made->subset.program = with_advances(made->subset.program, advances);
        made->reaches = std::move(reaches);
        if (!cff) made->deflated = deflate_bytes(made->subset.program);
        made->glyphs = std::move(ids);
        face->last_subset = embedded = std::move(made);
    }
    this->embedded = embedded;
    write_objects();
    written = glyphs.size();
    reached = false;
}

void FontEmbedder::Font::write_objects() {
    const FontSubset& subset = embedded->subset;
    const std::vector<hb_codepoint_t>& kept = embedded->glyphs;
    HPDF_MMgr mm = haru::mmgr(doc);

    // Subset tag: six capitals from the glyph set, so different subsets get different names.
    uint64_t h = 1469598103934665603ull;
    for (char c : face->file) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    for (hb_codepoint_t g : kept) h = (h ^ g) * 1099511628211ull;
    std::string tag;
    for (int i = 0; i < 6; ++i, h /= 26) tag += static_cast<char>('A' + h % 26);
    const std::string base = tag + "+" + name;
    check(HPDF_Dict_AddName(type0, "BaseFont", base.c_str()), "BaseFont");
    check(HPDF_Dict_AddName(cid_font, "BaseFont", base.c_str()), "BaseFont");
    check(HPDF_Dict_AddName(descriptor, "FontName", base.c_str()), "FontName");

    if (cff) write_stream(program, subset.program, "font program");
    else store_deflated(program, embedded->deflated);
    if (!cff) check(HPDF_Dict_AddNumber(program, "Length1", static_cast<HPDF_INT32>(subset.program.size())), "Length1");
    new_gid = subset.new_gid;

    // Each glyph's code is its glyph id in the subset; its extra codes follow the subset's last glyph id.
    std::vector<std::pair<hb_codepoint_t, double>> widths;  // CID -> width
    hb_codepoint_t next_cid = 0;
    for (const auto& [old, gid] : new_gid) next_cid = std::max(next_cid, gid + 1);
    const hb_codepoint_t first_extra = next_cid;
    extra_cid.clear();
    for (const auto& [old, info] : glyphs) {
        widths.emplace_back(new_gid.at(old), info.width);
        for (unsigned v = 1; v <= info.variants.size(); ++v) {
            extra_cid[{old, v}] = next_cid;
            widths.emplace_back(next_cid++, info.width);
        }
    }
    if (next_cid > 0x10000) throw std::runtime_error("FontEmbedder: more than 65536 codes in one font");
    std::sort(widths.begin(), widths.end());
    written_variants = variant_count;

    // /CIDToGIDMap: Identity until some glyph has an extra code (never in a CFF font: map_cluster() asks none).
    if (!cff) {
        if (extra_cid.empty()) {
            check(HPDF_Dict_AddName(cid_font, "CIDToGIDMap", "Identity"), "CIDToGIDMap");
        } else {
            std::string map(2 * static_cast<std::size_t>(next_cid), '\0');
            auto put_gid = [&](hb_codepoint_t cid, hb_codepoint_t gid) {
                map[2 * cid] = static_cast<char>(gid >> 8);
                map[2 * cid + 1] = static_cast<char>(gid & 0xFF);
            };
            for (hb_codepoint_t cid = 0; cid < first_extra; ++cid) put_gid(cid, cid);
            for (const auto& [key, cid] : extra_cid) put_gid(cid, new_gid.at(key.first));
            if (!cid_to_gid) cid_to_gid = not_null(HPDF_DictStream_New(mm, haru::xref(doc)), "CIDToGIDMap");
            store_deflated(cid_to_gid, deflate_bytes(map));
            check(HPDF_Dict_Add(cid_font, "CIDToGIDMap", cid_to_gid), "CIDToGIDMap");
        }
    }

    // /W [ first [w w ...] first [...] ] over runs of consecutive CIDs.
    HPDF_Array w = not_null(HPDF_Array_New(mm), "W");
    HPDF_Array group = nullptr;
    hb_codepoint_t next = 0;
    for (const auto& [cid, width] : widths) {
        if (!group || cid != next) {
            check(HPDF_Array_AddNumber(w, static_cast<HPDF_INT32>(cid)), "W");
            group = not_null(HPDF_Array_New(mm), "W");
            check(HPDF_Array_Add(w, group), "W");
        }
        if (width == static_cast<double>(static_cast<HPDF_INT32>(width)))
            check(HPDF_Array_AddNumber(group, static_cast<HPDF_INT32>(width)), "W");
        else check(HPDF_Array_AddReal(group, static_cast<HPDF_REAL>(width)), "W");
        next = cid + 1;
    }
    check(HPDF_Dict_Add(cid_font, "W", w), "W");
}

void FontEmbedder::Font::write_to_unicode() {
    std::string cmap =
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
    std::vector<std::pair<hb_codepoint_t, const std::string*>> entries;
    for (const auto& [old, info] : glyphs) {
        if (info.mapped) entries.emplace_back(new_gid.at(old), &info.text);
        for (unsigned v = 1; v <= info.variants.size(); ++v)
            entries.emplace_back(extra_cid.at({old, v}), &info.variants[v - 1]);
    }
    std::sort(entries.begin(), entries.end());
    for (std::size_t i = 0; i < entries.size(); i += 100) {
        const std::size_t n = std::min<std::size_t>(100, entries.size() - i);
        cmap += std::to_string(n) + " beginbfchar\n";
        for (std::size_t k = i; k < i + n; ++k)
            cmap += "<" + hex4(entries[k].first) + "> <" + to_unicode_hex(*entries[k].second) + ">\n";
        cmap += "endbfchar\n";
    }
    cmap += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
    if (embedded && embedded->to_unicode == cmap) {
        store_deflated(to_unicode, embedded->to_unicode_deflated);
        to_unicode_deflated = embedded->to_unicode_deflated;
        return;
    }
    std::string deflated = deflate_bytes(cmap);
    store_deflated(to_unicode, deflated);
    to_unicode_deflated = deflated;
    if (embedded) {
        embedded->to_unicode = std::move(cmap);
        embedded->to_unicode_deflated = std::move(deflated);
    }
}

FontEmbedder::FontEmbedder(HPDF_Doc doc) : doc_(doc) {}

FontEmbedder::~FontEmbedder() {
    try {
        finish();
        for (auto& [contents, sites] : sites_) patch(contents);
    } catch (const std::exception&) {
        // The document is unusable anyway; saving it reports the libharu error.
    }
    for (auto& f : fonts_) haru::set_before_write(f->type0, nullptr, nullptr);
    for (auto& [contents, sites] : sites_) haru::set_before_write(contents, nullptr, nullptr);
}

void FontEmbedder::add_sites(HPDF_Page page, std::size_t base, const std::vector<CodeSite>& sites) {
    if (sites.empty()) return;
    HPDF_Dict contents = haru::page_contents(page);
    auto [it, added] = sites_.try_emplace(contents);
    if (added) {
        const haru::BeforeWrite hook = haru::before_write(contents);
        if (hook && hook != contents_before_write)
            throw std::logic_error("TextRenderer: the page's content stream already has a write hook");
        haru::set_before_write(contents, contents_before_write, this);
    }
    for (const CodeSite& s : sites) it->second.push_back({s.font, base + s.offset, s.glyph, s.variant});
}

void FontEmbedder::settle(HPDF_Dict contents) {
    patch(contents);
    sites_.erase(contents);  // deflated below: nothing is patched in it again
    haru::set_before_write(contents, nullptr, nullptr);
    deflate_stream(contents);
}

void FontEmbedder::patch(HPDF_Dict contents) {
    auto it = sites_.find(contents);
    if (it == sites_.end()) return;
    HPDF_Stream stream = haru::stream_of(contents);
    for (const CodeSite& s : it->second)
        haru::overwrite(stream, s.offset, hex4(s.font->code_of(s.glyph, s.variant)),
                        "TextRenderer: glyph code outside the page content");
}

FontEmbedder::Font* FontEmbedder::font(Face& face) {
    auto it = by_face_.find(&face);
    if (it != by_face_.end()) return it->second;
    if (!can_subset(face)) {
        by_face_.emplace(&face, nullptr);
        return nullptr;
    }
    Font* out = make_font(face);
    by_face_.emplace(&face, out);
    return out;
}

FontEmbedder::Font* FontEmbedder::make_font(Face& face) {
    HPDF_MMgr mm = haru::mmgr(doc_);
    HPDF_Xref xref = haru::xref(doc_);
    auto f = std::make_unique<Font>();
    f->face = &face;
    f->doc = doc_;
    f->cff = has_table(face.hb_face, HB_TAG('C', 'F', 'F', ' '));
    f->name = postscript_name(face);
    const double em = 1000.0 / face.upem;

    // Created in this order so the Type0 dictionary (whose hook fills the others) is written first.
    f->type0 = not_null(HPDF_Dict_New(mm), "Type0 font");
    check(HPDF_Xref_Add(xref, f->type0), "xref");
    check(HPDF_Dict_AddName(f->type0, "Type", "Font"), "Type");
    check(HPDF_Dict_AddName(f->type0, "Subtype", "Type0"), "Subtype");
    check(HPDF_Dict_AddName(f->type0, "BaseFont", f->name.c_str()), "BaseFont");
    check(HPDF_Dict_AddName(f->type0, "Encoding", "Identity-H"), "Encoding");

    f->cid_font = not_null(HPDF_Dict_New(mm), "CIDFont");
    check(HPDF_Xref_Add(xref, f->cid_font), "xref");
    HPDF_Array descendants = not_null(HPDF_Array_New(mm), "DescendantFonts");
    check(HPDF_Dict_Add(f->type0, "DescendantFonts", descendants), "DescendantFonts");
    check(HPDF_Array_Add(descendants, f->cid_font), "DescendantFonts");
    check(HPDF_Dict_AddName(f->cid_font, "Type", "Font"), "Type");
    check(HPDF_Dict_AddName(f->cid_font, "Subtype", f->cff ? "CIDFontType0" : "CIDFontType2"), "Subtype");
    check(HPDF_Dict_AddName(f->cid_font, "BaseFont", f->name.c_str()), "BaseFont");
    HPDF_Dict info = not_null(HPDF_Dict_New(mm), "CIDSystemInfo");
    check(HPDF_Dict_Add(f->cid_font, "CIDSystemInfo", info), "CIDSystemInfo");
    check(HPDF_Dict_Add(info, "Registry", not_null(HPDF_String_New(mm, "Adobe", nullptr), "string")), "Registry");
    check(HPDF_Dict_Add(info, "Ordering", not_null(HPDF_String_New(mm, "Identity", nullptr), "string")), "Ordering");
    check(HPDF_Dict_AddNumber(info, "Supplement", 0), "Supplement");
    check(HPDF_Dict_AddNumber(f->cid_font, "DW", 0), "DW");

    f->descriptor = not_null(HPDF_Dict_New(mm), "FontDescriptor");
    check(HPDF_Xref_Add(xref, f->descriptor), "xref");
    check(HPDF_Dict_Add(f->cid_font, "FontDescriptor", f->descriptor), "FontDescriptor");
    check(HPDF_Dict_AddName(f->descriptor, "Type", "FontDescriptor"), "Type");
    check(HPDF_Dict_AddName(f->descriptor, "FontName", f->name.c_str()), "FontName");
    check(HPDF_Dict_AddNumber(f->descriptor, "Flags", 4), "Flags");  // symbolic
    hb_font_extents_t ext{};
    hb_font_get_h_extents(face.hb_font, &ext);
    hb_position_t cap = 0;
    if (!hb_ot_metrics_get_position(face.hb_font, HB_OT_METRICS_TAG_CAP_HEIGHT, &cap)) cap = ext.ascender;
    HPDF_Array bbox = not_null(HPDF_Array_New(mm), "FontBBox");
    check(HPDF_Dict_Add(f->descriptor, "FontBBox", bbox), "FontBBox");
    {
        // head table: xMin, yMin, xMax, yMax at byte 36.
        std::unique_ptr<hb_blob_t, BlobDeleter> head(hb_face_reference_table(face.hb_face, HB_TAG('h', 'e', 'a', 'd')));
        unsigned len = 0;
        const auto* p = reinterpret_cast<const unsigned char*>(hb_blob_get_data(head.get(), &len));
        for (int i = 0; i < 4; ++i) {
            const int v =
                len >= 44 ? static_cast<int16_t>((p[36 + 2 * i] << 8) | p[37 + 2 * i]) : (i < 2 ? -1000 : 2000);
            check(HPDF_Array_AddNumber(bbox, static_cast<HPDF_INT32>(v * em)), "FontBBox");
        }
    }
    check(HPDF_Dict_AddNumber(f->descriptor, "ItalicAngle", 0), "ItalicAngle");
    check(HPDF_Dict_AddNumber(f->descriptor, "Ascent", static_cast<HPDF_INT32>(ext.ascender * em)), "Ascent");
    check(HPDF_Dict_AddNumber(f->descriptor, "Descent", static_cast<HPDF_INT32>(ext.descender * em)), "Descent");
    check(HPDF_Dict_AddNumber(f->descriptor, "CapHeight", static_cast<HPDF_INT32>(cap * em)), "CapHeight");
    check(HPDF_Dict_AddNumber(f->descriptor, "StemV", 80), "StemV");

    f->program = not_null(HPDF_DictStream_New(mm, xref), "font program");
    // CFF subsets (flattened charstrings) shrink by under a tenth through deflate, for as long as the
    // rest of the file takes to compress; TrueType outlines shrink by a third or more.
    // (TrueType programs are deflated by write_program(), at our level.)
    if (f->cff) {
        check(HPDF_Dict_AddName(f->program, "Subtype", "OpenType"), "Subtype");
        check(HPDF_Dict_Add(f->descriptor, "FontFile3", f->program), "FontFile3");
        haru::require_version(doc_, HPDF_VER_16);  // FontFile3 /OpenType
    } else {
        check(HPDF_Dict_Add(f->descriptor, "FontFile2", f->program), "FontFile2");
    }
    f->to_unicode = not_null(HPDF_DictStream_New(mm, xref), "ToUnicode");
    check(HPDF_Dict_Add(f->type0, "ToUnicode", f->to_unicode), "ToUnicode");

    haru::set_before_write(f->type0, before_write, f.get());
    fonts_.push_back(std::move(f));
    return fonts_.back().get();
}

std::vector<std::pair<FontEmbedder::Font*, std::shared_ptr<const FrozenFont>>> FontEmbedder::freeze() const {
    std::vector<std::pair<Font*, std::shared_ptr<const FrozenFont>>> out;
    for (const auto& f : fonts_) {
        if (f->dirty || !f->embedded) throw std::logic_error("FontEmbedder::freeze: a font is not written yet");
        auto frozen = std::make_shared<FrozenFont>();
        frozen->face = f->face;
        frozen->glyphs = f->glyphs;
        frozen->embedded = f->embedded;
        frozen->to_unicode_deflated = f->to_unicode_deflated;
        out.emplace_back(f.get(), std::move(frozen));
    }
    return out;
}

FontEmbedder::Font* FontEmbedder::adopt(const std::shared_ptr<const FrozenFont>& frozen) {
    Font* f = make_font(*frozen->face);
    f->glyphs = frozen->glyphs;
    f->embedded = frozen->embedded;
    f->write_objects();
    f->to_unicode_deflated = frozen->to_unicode_deflated;
    store_deflated(f->to_unicode, f->to_unicode_deflated);
    f->written = f->glyphs.size();
    f->dirty = false;
    f->frozen = true;
    adopted_[frozen->face].push_back(f);
    return f;
}

FontEmbedder::Font* FontEmbedder::font_for(Face& face, const std::vector<Glyph>& glyphs,
                                           const std::function<bool(Font&)>& fits) {
    auto it = adopted_.find(&face);
    if (it != adopted_.end())
        for (Font* f : it->second)
            if (std::all_of(glyphs.begin(), glyphs.end(), [&](const Glyph& g) { return f->glyphs.count(g.id) > 0; }) &&
                fits(*f))
                return f;
    return font(face);
}

HPDF_Dict FontEmbedder::object(const Font& font) { return font.type0; }

const char* FontEmbedder::name_on(HPDF_Page page, Font& font) {
    const char* name = HPDF_Page_GetLocalFontName(page, reinterpret_cast<HPDF_Font>(font.type0));
    if (!name) throw std::runtime_error("libharu: cannot register a font on the page");
    return name;
}

double FontEmbedder::width(Font& font, hb_codepoint_t glyph, int32_t shaped_advance) {
    if (font.frozen) {
        const auto it = font.glyphs.find(glyph);
        if (it == font.glyphs.end()) throw std::logic_error("FontEmbedder: a glyph its adopted font does not have");
        return it->second.width;
    }
    auto [it, added] = font.glyphs.try_emplace(glyph);
    if (added) font.dirty = true;
    if (!it->second.measured) {
        it->second.measured = true;
        if (shaped_advance != 0) {
            const hb_position_t nominal = hb_font_get_glyph_h_advance(font.face->hb_font, glyph);
            it->second.width = std::round(nominal * 100000.0 / font.face->upem) / 100;
        }
    }
    return it->second.width;
}

void FontEmbedder::reach(Font& font, hb_codepoint_t glyph, int32_t units) {
    if (font.frozen || units <= 0) return;
    const auto it = font.glyphs.find(glyph);
    if (it == font.glyphs.end() || it->second.width != 0 || units <= it->second.reach) return;
    if (hb_font_get_glyph_h_advance(font.face->hb_font, glyph) != 0) return;
    it->second.reach = units;
    font.reached = font.dirty = true;
}

bool FontEmbedder::map_cluster(Font& font, const std::vector<hb_codepoint_t>& glyphs,
                               const std::vector<std::string>& texts, std::vector<unsigned>& variants) {
    variants.assign(glyphs.size(), 0);
    // Worked out on copies of the cluster's glyphs first, so a cluster the font cannot map changes nothing.
    std::map<hb_codepoint_t, Font::GlyphInfo> planned;
    std::vector<unsigned> chosen(glyphs.size(), 0);
    bool changed = false;
    std::size_t added = 0;
    for (std::size_t i = 0; i < glyphs.size(); ++i) {
        auto at = planned.find(glyphs[i]);
        if (at == planned.end()) {
            const auto it = font.glyphs.find(glyphs[i]);
            if (it == font.glyphs.end() && font.frozen) return false;
            at = planned.emplace(glyphs[i], it == font.glyphs.end() ? Font::GlyphInfo{} : it->second).first;
        }
        Font::GlyphInfo& info = at->second;
        const std::string& wanted = texts.at(i);
        if (!info.mapped) {
            if (font.frozen) return false;
            info.mapped = true;
            info.text = wanted;
            changed = true;
        } else if (info.text != wanted) {
            const auto v = std::find(info.variants.begin(), info.variants.end(), wanted);
            if (v != info.variants.end()) {
                chosen[i] = static_cast<unsigned>(v - info.variants.begin()) + 1;
            } else {
                // A CFF font's CIDs are its glyph ids (no /CIDToGIDMap), and a frozen font is written already.
                if (font.frozen || font.cff) return false;
                info.variants.push_back(wanted);
                chosen[i] = static_cast<unsigned>(info.variants.size());
                changed = true;
                ++added;
            }
        }
    }
    if (changed) {
        for (auto& [glyph, info] : planned) font.glyphs[glyph] = std::move(info);
        font.variant_count += added;
        font.dirty = true;
    }
    variants = std::move(chosen);
    return true;
}

void FontEmbedder::finish() {
    for (auto& f : fonts_) f->write();
}

}  // namespace mitra::pdf
