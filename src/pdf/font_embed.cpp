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
    std::map<hb_codepoint_t, hb_codepoint_t> new_gid;  // from the last subset
    struct GlyphInfo {
        double width = 0;  // 1/1000 em
        bool measured = false;
        bool mapped = false;
        std::string text;  // UTF-8 its ToUnicode entry gives (when mapped)
    };
    std::map<hb_codepoint_t, GlyphInfo> glyphs;
    std::shared_ptr<const EmbeddedSubset> embedded;      // the last subset written
    std::string to_unicode_deflated;                     // the last ToUnicode map written
    std::size_t written = static_cast<std::size_t>(-1);  // glyph count at the last subset
    bool dirty = true;                                   // glyphs or ToUnicode changed since the last write
    bool frozen = false;                                 // adopted: written once, never changed

    void write();
    /// Names, program, /W: what `embedded` holds.
    void write_objects();

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
    if (written != glyphs.size()) write_program();
    write_to_unicode();
    dirty = false;
}

void FontEmbedder::Font::write_program() {
    std::vector<hb_codepoint_t> ids;
    ids.reserve(glyphs.size());
    for (const auto& [g, info] : glyphs) ids.push_back(g);
    // Only the last subset is kept per face, so a face whose glyphs change from one certificate to the next
    // (a name's) is subset afresh each time, and one that shows the same text every time is subset once.
    std::shared_ptr<const EmbeddedSubset> embedded = face->last_subset;
    if (!embedded || embedded->glyphs != ids) {
        auto made = std::make_shared<EmbeddedSubset>();
        made->subset = subset_face(*face, ids);
        if (!cff) made->deflated = deflate_bytes(made->subset.program);
        made->glyphs = std::move(ids);
        face->last_subset = embedded = std::move(made);
    }
    this->embedded = embedded;
    write_objects();
    written = glyphs.size();
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

    // /W [ first [w w ...] first [...] ] over runs of consecutive glyph ids (in the subset).
    HPDF_Array w = not_null(HPDF_Array_New(mm), "W");
    HPDF_Array group = nullptr;
    hb_codepoint_t next = 0;
    for (const auto& [old, info] : glyphs) {
        const hb_codepoint_t g = new_gid.at(old);
        if (!group || g != next) {
            check(HPDF_Array_AddNumber(w, static_cast<HPDF_INT32>(g)), "W");
            group = not_null(HPDF_Array_New(mm), "W");
            check(HPDF_Array_Add(w, group), "W");
        }
        if (info.width == static_cast<double>(static_cast<HPDF_INT32>(info.width)))
            check(HPDF_Array_AddNumber(group, static_cast<HPDF_INT32>(info.width)), "W");
        else check(HPDF_Array_AddReal(group, static_cast<HPDF_REAL>(info.width)), "W");
        next = g + 1;
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
    for (const auto& [old, info] : glyphs)
        if (info.mapped) entries.emplace_back(new_gid.at(old), &info.text);
    std::sort(entries.begin(), entries.end());
    for (std::size_t i = 0; i < entries.size(); i += 100) {
        const std::size_t n = std::min<std::size_t>(100, entries.size() - i);
        cmap += std::to_string(n) + " beginbfchar\n";
        for (std::size_t k = i; k < i + n; ++k)
            cmap += "<" + hex4(entries[k].first) + "> <" + utf16be_hex(*entries[k].second) + ">\n";
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
    for (const CodeSite& s : sites) it->second.push_back({s.font, base + s.offset, s.glyph});
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
        haru::overwrite(stream, s.offset, hex4(s.font->new_gid.at(s.glyph)),
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
        check(HPDF_Dict_AddName(f->cid_font, "CIDToGIDMap", "Identity"), "CIDToGIDMap");
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

FontEmbedder::Font* FontEmbedder::font_for(Face& face, const std::vector<Glyph>& glyphs) {
    auto it = adopted_.find(&face);
    if (it != adopted_.end())
        for (Font* f : it->second)
            if (std::all_of(glyphs.begin(), glyphs.end(), [&](const Glyph& g) { return f->glyphs.count(g.id) > 0; }))
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

bool FontEmbedder::map_cluster(Font& font, const std::vector<hb_codepoint_t>& glyphs, const std::string& text) {
    for (std::size_t i = 0; i < glyphs.size(); ++i) {
        const auto it = font.glyphs.find(glyphs[i]);
        if (it == font.glyphs.end() || !it->second.mapped) continue;
        if (it->second.text != (i == 0 ? text : std::string())) return false;
    }
    // The same glyph twice in one cluster cannot map to both the text and nothing.
    for (std::size_t i = 1; i < glyphs.size(); ++i)
        if (glyphs[i] == glyphs[0]) return false;
    if (font.frozen) {  // maps only as it already does
        for (hb_codepoint_t g : glyphs) {
            const auto it = font.glyphs.find(g);
            if (it == font.glyphs.end() || !it->second.mapped) return false;
        }
        return true;
    }
    for (std::size_t i = 0; i < glyphs.size(); ++i) {
        auto [it, added] = font.glyphs.try_emplace(glyphs[i]);
        if (added) font.dirty = true;
        auto& info = it->second;
        if (!info.mapped) {
            info.mapped = true;
            font.dirty = true;
            info.text = i == 0 ? text : std::string();
        }
    }
    return true;
}

void FontEmbedder::finish() {
    for (auto& f : fonts_) f->write();
}

}  // namespace mitra::pdf
