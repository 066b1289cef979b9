#include "pdf/font_stack.hpp"

#include <fontconfig/fontconfig.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <mutex>

namespace mitra::pdf {

namespace {

const std::vector<std::string> kDefaultDirs = {
    "/usr/share/fonts/truetype/noto",  // fonts-noto-core, fonts-noto-ui-core
    "/usr/share/fonts/opentype/noto",  // fonts-noto-cjk
};

std::string hex_cp(char32_t cp) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
    return buf;
}

// ---- outline extraction (HarfBuzz draw API) -> PDF path operators ----------

/// Writes path operators into a GlyphOutline and grows its box.
struct OutlineSink {
    GlyphOutline& out;
    bool any = false;

    // Whole font units: 1/1000 em is < 0.02 mm even at 40 pt, and integers
    // keep the content stream small.
    void point(float fx, float fy) {
        const long x = std::lround(fx), y = std::lround(fy);
        char buf[48];
        std::snprintf(buf, sizeof buf, "%ld %ld ", x, y);
        out.path += buf;
        if (!any) {
            out.x_min = out.x_max = x;
            out.y_min = out.y_max = y;
            any = true;
        }
        out.x_min = std::min(out.x_min, x);
        out.x_max = std::max(out.x_max, x);
        out.y_min = std::min(out.y_min, y);
        out.y_max = std::max(out.y_max, y);
    }
};

void draw_move(hb_draw_funcs_t*, void* d, hb_draw_state_t*, float x, float y, void*) {
    auto& s = *static_cast<OutlineSink*>(d);
    s.point(x, y);
    s.out.path += "m\n";
}
void draw_line(hb_draw_funcs_t*, void* d, hb_draw_state_t*, float x, float y, void*) {
    auto& s = *static_cast<OutlineSink*>(d);
    s.point(x, y);
    s.out.path += "l\n";
}
void draw_quad(hb_draw_funcs_t*, void* d, hb_draw_state_t* st, float cx, float cy, float x, float y, void*) {
    // Elevate the quadratic Bézier (TrueType) to a cubic one.
    auto& s = *static_cast<OutlineSink*>(d);
    const float x0 = st->current_x, y0 = st->current_y;
    s.point(x0 + 2.f / 3.f * (cx - x0), y0 + 2.f / 3.f * (cy - y0));
    s.point(x + 2.f / 3.f * (cx - x), y + 2.f / 3.f * (cy - y));
    s.point(x, y);
    s.out.path += "c\n";
}
void draw_cubic(hb_draw_funcs_t*, void* d, hb_draw_state_t*, float c1x, float c1y, float c2x, float c2y, float x,
                float y, void*) {
    auto& s = *static_cast<OutlineSink*>(d);
    s.point(c1x, c1y);
    s.point(c2x, c2y);
    s.point(x, y);
    s.out.path += "c\n";
}
void draw_close(hb_draw_funcs_t*, void* d, hb_draw_state_t*, void*) { static_cast<OutlineSink*>(d)->out.path += "h\n"; }

hb_draw_funcs_t* pdf_draw_funcs() {
    static hb_draw_funcs_t* funcs = [] {
        hb_draw_funcs_t* f = hb_draw_funcs_create();
        hb_draw_funcs_set_move_to_func(f, draw_move, nullptr, nullptr);
        hb_draw_funcs_set_line_to_func(f, draw_line, nullptr, nullptr);
        hb_draw_funcs_set_quadratic_to_func(f, draw_quad, nullptr, nullptr);
        hb_draw_funcs_set_cubic_to_func(f, draw_cubic, nullptr, nullptr);
        hb_draw_funcs_set_close_path_func(f, draw_close, nullptr, nullptr);
        hb_draw_funcs_make_immutable(f);
        return f;
    }();
    return funcs;
}

// ---- script names -----------------------------------------------------------

std::string iso_tag(hb_script_t s) {
    char tag[5] = {};
    hb_tag_to_string(hb_script_to_iso15924_tag(s), tag);
    return tag;
}

/// Unicode long script name with spaces ("Devanagari", "Old Italic").
std::string script_long_name(hb_script_t s) {
    const std::string tag = iso_tag(s);
    const int code = u_getPropertyValueEnum(UCHAR_SCRIPT, tag.c_str());
    if (code == UCHAR_INVALID_CODE) return tag;
    const char* name = uscript_getName(static_cast<UScriptCode>(code));
    std::string out = name ? name : tag;
    std::replace(out.begin(), out.end(), '_', ' ');
    return out;
}

bool has_in_range(const std::u32string& s, char32_t lo, char32_t hi) {
    return std::any_of(s.begin(), s.end(), [&](char32_t c) { return c >= lo && c <= hi; });
}

bool looks_urdu(const std::u32string& s) {
    static const char32_t urdu_only[] = {0x0679, 0x0688, 0x0691, 0x06BA, 0x06BE, 0x06C1, 0x06C3, 0x06D2};
    return std::any_of(s.begin(), s.end(), [](char32_t c) {
        return std::find(std::begin(urdu_only), std::end(urdu_only), c) != std::end(urdu_only);
    });
}

std::string cjk_variant(const std::string& lang, const std::u32string& sample) {
    auto starts = [&](const char* p) { return lang.rfind(p, 0) == 0; };
    if (starts("ja")) return "JP";
    if (starts("ko")) return "KR";
    if (starts("zh-TW") || starts("zh-Hant") || starts("zh_TW")) return "TC";
    if (starts("zh-HK") || starts("zh-MO") || starts("zh_HK")) return "HK";
    if (starts("zh")) return "SC";
    if (has_in_range(sample, 0x3040, 0x30FF) || has_in_range(sample, 0x31F0, 0x31FF)) return "JP";
    if (has_in_range(sample, 0xAC00, 0xD7AF) || has_in_range(sample, 0x1100, 0x11FF)) return "KR";
    return "SC";
}

}  // namespace

// ---- MissingFontError ---------------------------------------------------------

MissingFontError::MissingFontError(std::string script, char32_t cp, const std::string& text)
    : std::runtime_error("no Noto font for script '" + script + "' (" + hex_cp(cp) +
                         "); install the Debian Noto package for this script"),
      script_(std::move(script)),
      codepoint_(cp) {}

// ---- Face ---------------------------------------------------------------------

Face::~Face() {
    if (hb_font) hb_font_destroy(hb_font);
    if (subset_source) hb_face_destroy(subset_source);
    if (hb_face) hb_face_destroy(hb_face);
}

bool Face::covers(char32_t cp) const {
    hb_codepoint_t g = 0;
    return hb_font_get_nominal_glyph(hb_font, cp, &g) && g != 0;
}

const GlyphOutline& Face::glyph_outline(hb_codepoint_t glyph) {
    auto it = outlines_.find(glyph);
    if (it != outlines_.end()) return it->second;
    GlyphOutline outline;
    OutlineSink sink{outline};
    hb_font_get_glyph_shape(hb_font, glyph, pdf_draw_funcs(), &sink);
    return outlines_.emplace(glyph, std::move(outline)).first->second;
}

// ---- FontStack ----------------------------------------------------------------

void FontStack::FcConfigDeleter::operator()(void* p) const {
    if (p) FcConfigDestroy(static_cast<FcConfig*>(p));
}

FontStack::FontStack() : FontStack(kDefaultDirs) {}

FontStack::FontStack(const std::vector<std::string>& font_dirs) {
    FcConfig* cfg = FcConfigCreate();
    if (!cfg) throw std::runtime_error("fontconfig: FcConfigCreate failed");
    config_.reset(cfg);
    // Only the given directories; reuse the system cache written by fc-cache
    // (Debian runs it when font packages are installed), else a per-user cache.
    std::string xml =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"urn:fontconfig:fonts.dtd\">\n<fontconfig>\n";
    for (const auto& d : font_dirs) xml += "  <dir>" + d + "</dir>\n";
    xml += "  <cachedir>/var/cache/fontconfig</cachedir>\n  <cachedir prefix=\"xdg\">fontconfig</cachedir>\n";
    xml += "</fontconfig>\n";
    if (!FcConfigParseAndLoadFromMemory(cfg, reinterpret_cast<const FcChar8*>(xml.c_str()), FcTrue))
        throw std::runtime_error("fontconfig: cannot parse the Noto-only configuration");
    if (!FcConfigBuildFonts(cfg)) throw std::runtime_error("fontconfig: FcConfigBuildFonts failed");
    FcFontSet* set = FcConfigGetFonts(cfg, FcSetApplication);
    FcFontSet* sys = FcConfigGetFonts(cfg, FcSetSystem);
    if ((!set || set->nfont == 0) && (!sys || sys->nfont == 0))
        throw std::runtime_error(
            "fontconfig: no fonts found in the Noto font directories (is fonts-noto-core installed?)");
}

FontStack::~FontStack() = default;

Face& FontStack::open(const std::string& file, int index, const std::string& family) {
    const std::string key = file + "#" + std::to_string(index);
    auto it = faces_.find(key);
    if (it != faces_.end()) return *it->second;
    hb_blob_t* blob = hb_blob_create_from_file_or_fail(file.c_str());  // mmap
    if (!blob) throw std::runtime_error("cannot read font file " + file);
    auto face = std::make_unique<Face>();
    face->file = file;
    face->index = index;
    face->family = family;
    face->hb_face = hb_face_create(blob, static_cast<unsigned>(index));
    hb_blob_destroy(blob);
    if (hb_face_get_glyph_count(face->hb_face) == 0)
        throw std::runtime_error("font file " + file + " has no glyphs at index " + std::to_string(index));
    face->upem = hb_face_get_upem(face->hb_face);
    face->hb_font = hb_font_create(face->hb_face);
    hb_font_set_scale(face->hb_font, static_cast<int>(face->upem), static_cast<int>(face->upem));
    return *faces_.emplace(key, std::move(face)).first->second;
}

Face* FontStack::match_family(const std::string& family, bool bold) {
    const std::string key = family + (bold ? "#b" : "#r");
    auto it = family_cache_.find(key);
    if (it != family_cache_.end()) return it->second;

    auto* cfg = static_cast<FcConfig*>(config_.get());
    FcPattern* pat = FcPatternCreate();
    FcPatternAddString(pat, FC_FAMILY, reinterpret_cast<const FcChar8*>(family.c_str()));
    FcPatternAddInteger(pat, FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
    FcPatternAddInteger(pat, FC_SLANT, FC_SLANT_ROMAN);
    FcPatternAddInteger(pat, FC_WIDTH, FC_WIDTH_NORMAL);
    FcConfigSubstitute(cfg, pat, FcMatchPattern);
    FcDefaultSubstitute(pat);
    FcResult res = FcResultNoMatch;
    FcPattern* m = FcFontMatch(cfg, pat, &res);
    FcPatternDestroy(pat);

    Face* out = nullptr;
    if (m) {
        bool family_ok = false;
        FcChar8* fam = nullptr;
        for (int i = 0; FcPatternGetString(m, FC_FAMILY, i, &fam) == FcResultMatch; ++i)
            if (family == reinterpret_cast<const char*>(fam)) family_ok = true;
        FcChar8* file = nullptr;
        int index = 0;
        if (family_ok && FcPatternGetString(m, FC_FILE, 0, &file) == FcResultMatch) {
            FcPatternGetInteger(m, FC_INDEX, 0, &index);
            out = &open(reinterpret_cast<const char*>(file), index, family);
        }
        FcPatternDestroy(m);
    }
    family_cache_[key] = out;
    return out;
}

std::vector<std::string> FontStack::candidate_families(hb_script_t script, const FontRequest& req,
                                                       const std::u32string& sample) {
    const bool sans = req.role == "sans";
    auto pair = [&](const std::string& serif, const std::string& sansf) {
        return sans ? std::vector<std::string>{sansf, serif} : std::vector<std::string>{serif, sansf};
    };
    switch (script) {
        case HB_SCRIPT_COMMON:
        case HB_SCRIPT_INHERITED:
        case HB_SCRIPT_UNKNOWN:
        case HB_SCRIPT_LATIN:
        case HB_SCRIPT_GREEK:
        case HB_SCRIPT_CYRILLIC: return pair("Noto Serif", "Noto Sans");
        case HB_SCRIPT_HAN:
        case HB_SCRIPT_HIRAGANA:
        case HB_SCRIPT_KATAKANA:
        case HB_SCRIPT_HANGUL:
        case HB_SCRIPT_BOPOMOFO: {
            const std::string v = cjk_variant(req.lang, sample);
            return pair("Noto Serif CJK " + v, "Noto Sans CJK " + v);
        }
        case HB_SCRIPT_ARABIC: {
            std::vector<std::string> v;
            // ISO 15924 names Nastaliq "Aran": Urdu is written in it unless "ur-Arab" asks for the plain forms.
            std::string tag = req.lang;  // BCP 47 tags ignore case
            std::transform(tag.begin(), tag.end(), tag.begin(), [](unsigned char ch) { return std::tolower(ch); });
            const bool urdu = tag.rfind("ur", 0) == 0 && tag.find("-arab") == std::string::npos;
            if (urdu || (req.lang.empty() && looks_urdu(sample))) v.push_back("Noto Nastaliq Urdu");
            for (auto& f : pair("Noto Naskh Arabic", "Noto Sans Arabic")) v.push_back(f);
            return v;
        }
        default: {
            const std::string name = script_long_name(script);
            return pair("Noto Serif " + name, "Noto Sans " + name);
        }
    }
}

Face* FontStack::face_for_script(hb_script_t script, const FontRequest& req, const std::u32string& sample) {
    const auto families = candidate_families(script, req, sample);
    std::string key = iso_tag(script) + "#" + (req.bold ? "b" : "r");
    for (const auto& f : families) key += "#" + f;
    auto it = script_cache_.find(key);
    if (it != script_cache_.end()) return it->second;
    Face* out = nullptr;
    for (const auto& f : families)
        if ((out = match_family(f, req.bold))) break;
    script_cache_[key] = out;
    return out;
}

Face* FontStack::fallback_for(char32_t cp, const FontRequest& req) {
    const std::string key = std::to_string(cp) + "#" + req.role + (req.bold ? "#b" : "#r");
    auto it = fallback_cache_.find(key);
    if (it != fallback_cache_.end()) return it->second;

    Face* out = nullptr;
    for (const auto& f : candidate_families(HB_SCRIPT_LATIN, req, {})) {
        Face* face = match_family(f, req.bold);
        if (face && face->covers(cp)) {
            out = face;
            break;
        }
    }
    if (!out) {
        auto* cfg = static_cast<FcConfig*>(config_.get());
        FcPattern* pat = FcPatternCreate();
        FcCharSet* cs = FcCharSetCreate();
        FcCharSetAddChar(cs, cp);
        FcPatternAddCharSet(pat, FC_CHARSET, cs);
        FcPatternAddInteger(pat, FC_WEIGHT, req.bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
        FcPatternAddInteger(pat, FC_SLANT, FC_SLANT_ROMAN);
        FcConfigSubstitute(cfg, pat, FcMatchPattern);
        FcDefaultSubstitute(pat);
        FcResult res = FcResultNoMatch;
        FcFontSet* set = FcFontSort(cfg, pat, FcFalse, nullptr, &res);
        if (set) {
            for (int i = 0; i < set->nfont && !out; ++i) {
                FcCharSet* fcs = nullptr;
                if (FcPatternGetCharSet(set->fonts[i], FC_CHARSET, 0, &fcs) != FcResultMatch ||
                    !FcCharSetHasChar(fcs, cp))
                    continue;
                FcChar8* file = nullptr;
                FcChar8* fam = nullptr;
                int index = 0;
                if (FcPatternGetString(set->fonts[i], FC_FILE, 0, &file) != FcResultMatch) continue;
                FcPatternGetInteger(set->fonts[i], FC_INDEX, 0, &index);
                FcPatternGetString(set->fonts[i], FC_FAMILY, 0, &fam);
                Face& face =
                    open(reinterpret_cast<const char*>(file), index, fam ? reinterpret_cast<const char*>(fam) : "");
                if (face.covers(cp)) out = &face;
            }
            FcFontSetDestroy(set);
        }
        FcCharSetDestroy(cs);
        FcPatternDestroy(pat);
    }
    fallback_cache_[key] = out;
    return out;
}

}  // namespace mitra::pdf
