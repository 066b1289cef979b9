// Subsetting a face with HarfBuzz for embedding (font_subset.hpp).
#include "pdf/font_subset.hpp"

#include <hb-subset.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <stdexcept>

namespace mitra::pdf {

namespace {

struct InputDeleter {
    void operator()(hb_subset_input_t* p) const { hb_subset_input_destroy(p); }
};
struct PlanDeleter {
    void operator()(hb_subset_plan_t* p) const { hb_subset_plan_destroy(p); }
};
struct FaceDeleter {
    void operator()(hb_face_t* p) const { hb_face_destroy(p); }
};
struct BlobDeleter {
    void operator()(hb_blob_t* p) const { hb_blob_destroy(p); }
};

/// Rewrites the charset of a CID-keyed CFF inside an OpenType file so that each glyph's CID is its
/// glyph id (the subsetter keeps the original CIDs; the PDF shows glyphs by their new ids, and
/// viewers differ on whether they look CIDs up in the charset).  Same size, in place.
void make_cids_glyph_ids(std::string& otf) {
    auto u16 = [&](std::size_t o) {
        return o + 2 <= otf.size() ? (static_cast<unsigned char>(otf[o]) << 8) | static_cast<unsigned char>(otf[o + 1])
                                   : 0u;
    };
    auto u32 = [&](std::size_t o) { return (static_cast<std::size_t>(u16(o)) << 16) | u16(o + 2); };
    std::size_t cff = 0, cff_len = 0;
    for (unsigned i = 0, n = u16(4); i < n; ++i) {
        const std::size_t rec = 12 + 16 * static_cast<std::size_t>(i);
        if (otf.compare(rec, 4, "CFF ") == 0) {
            cff = u32(rec + 8);
            cff_len = u32(rec + 12);
        }
    }
    if (!cff || cff + cff_len > otf.size() || cff_len < 4) return;
    auto* p = reinterpret_cast<unsigned char*>(otf.data() + cff);
    const std::size_t len = cff_len;
    // INDEX: count (2), offSize (1), count+1 offsets, data.  Returns the byte after it, and its first item.
    auto index = [&](std::size_t start, std::size_t* item, std::size_t* item_end, unsigned* count_out) -> std::size_t {
        if (start + 3 > len) return len;
        const unsigned count = (p[start] << 8) | p[start + 1];
        if (count_out) *count_out = count;
        if (count == 0) return start + 2;
        const unsigned off_size = p[start + 2];
        if (off_size < 1 || off_size > 4) return len;
        auto offset = [&](unsigned i) {
            std::size_t v = 0;
            const std::size_t o = start + 3 + static_cast<std::size_t>(i) * off_size;
            if (o + off_size > len) return static_cast<std::size_t>(len);
            for (unsigned k = 0; k < off_size; ++k) v = (v << 8) | p[o + k];
            return v;
        };
        const std::size_t data = start + 3 + static_cast<std::size_t>(count + 1) * off_size - 1;
        if (item) *item = data + offset(0);
        if (item_end) *item_end = data + offset(1);
        return data + offset(count);
    };
    std::size_t at = index(p[2], nullptr, nullptr, nullptr);  // Name INDEX
    std::size_t dict = 0, dict_end = 0;
    index(at, &dict, &dict_end, nullptr);  // Top DICT INDEX
    if (dict_end > len || dict >= dict_end) return;
    bool cid_keyed = false;
    long charset = -1, charstrings = -1;
    std::vector<long> operands;
    for (std::size_t i = dict; i < dict_end;) {
        const unsigned b = p[i];
        if (b <= 21) {
            if (b == 12) {
                if (i + 1 < dict_end && p[i + 1] == 30) cid_keyed = true;
                i += 2;
            } else {
                if (b == 15 && !operands.empty()) charset = operands.back();
                if (b == 17 && !operands.empty()) charstrings = operands.back();
                ++i;
            }
            operands.clear();
        } else if (b == 28) {
            operands.push_back(static_cast<int16_t>((p[i + 1] << 8) | p[i + 2]));
            i += 3;
        } else if (b == 29) {
            operands.push_back(static_cast<int32_t>((static_cast<uint32_t>(p[i + 1]) << 24) | (p[i + 2] << 16) |
                                                    (p[i + 3] << 8) | p[i + 4]));
            i += 5;
        } else if (b == 30) {  // real: nibbles up to 0xf
            ++i;
            while (i < dict_end && (p[i] & 0x0F) != 0x0F && (p[i] & 0xF0) != 0xF0) ++i;
            ++i;
            operands.push_back(0);
        } else if (b >= 32 && b <= 246) {
            operands.push_back(static_cast<long>(b) - 139);
            ++i;
        } else if (b >= 247 && b <= 250) {
            operands.push_back((static_cast<long>(b) - 247) * 256 + p[i + 1] + 108);
            i += 2;
        } else if (b >= 251 && b <= 254) {
            operands.push_back(-(static_cast<long>(b) - 251) * 256 - p[i + 1] - 108);
            i += 2;
        } else {
            ++i;
        }
    }
    if (!cid_keyed || charset <= 2 || charstrings <= 0 || static_cast<std::size_t>(charset) >= len) return;
    unsigned glyphs = 0;
    index(static_cast<std::size_t>(charstrings), nullptr, nullptr, &glyphs);
    if (glyphs < 2) return;
    unsigned char* cs = p + charset;
    const std::size_t room = len - static_cast<std::size_t>(charset);
    const unsigned n = glyphs - 1;  // .notdef has no entry
    if (cs[0] == 0 && room >= 1 + 2 * static_cast<std::size_t>(n)) {
        for (unsigned g = 1; g <= n; ++g) {
            cs[2 * g - 1] = static_cast<unsigned char>(g >> 8);
            cs[2 * g] = static_cast<unsigned char>(g & 0xFF);
        }
    } else if (cs[0] == 1) {  // ranges of at most 256: the original needs at least as many as identity
        unsigned first = 1, k = 0;
        while (first <= n && 1 + 3 * (k + 1) <= room) {
            const unsigned left = std::min(255u, n - first);
            cs[1 + 3 * k] = static_cast<unsigned char>(first >> 8);
            cs[2 + 3 * k] = static_cast<unsigned char>(first & 0xFF);
            cs[3 + 3 * k] = static_cast<unsigned char>(left);
            first += left + 1;
            ++k;
        }
    } else if (cs[0] == 2 && room >= 5) {
        cs[1] = 0;
        cs[2] = 1;
        cs[3] = static_cast<unsigned char>((n - 1) >> 8);
        cs[4] = static_cast<unsigned char>((n - 1) & 0xFF);
    }
}

// Tables the subset never carries: shaping is done and the PDF names the font, so a viewer only
// draws glyphs by id (and reads widths from /W).
constexpr const char* kDroppedTables[] = {"GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "kern", "morx",
                                          "kerx", "vhea", "vmtx", "VORG", "DSIG", "hdmx", "LTSH", "VDMX",
                                          "gasp", "PCLT", "STAT", "meta", "name", "post", "cmap"};

bool is_dropped(hb_tag_t tag) {
    static const std::vector<hb_tag_t> tags = [] {
        std::vector<hb_tag_t> v;
        for (const char* t : kDroppedTables) v.push_back(hb_tag_from_string(t, 4));
        return v;
    }();
    return std::find(tags.begin(), tags.end(), tag) != tags.end();
}

hb_blob_t* reference_kept_table(hb_face_t*, hb_tag_t tag, void* user_data) {
    auto* face = static_cast<hb_face_t*>(user_data);
    if (tag == 0) return hb_face_reference_blob(face);
    return is_dropped(tag) ? hb_blob_get_empty() : hb_face_reference_table(face, tag);
}

void destroy_face(void* user_data) { hb_face_destroy(static_cast<hb_face_t*>(user_data)); }

/// HarfBuzz's subsetting source for the face: the face itself with the dropped tables hidden, so a
/// subset never walks them.  The cmap matters most: with it HarfBuzz maps every code point of a CJK
/// face (65,000 glyphs) on each subset to find those of the kept glyphs, which glyph-id-only PDF
/// fonts never need.  hb_subset_preprocess() is not used: it parses every glyph of the face up
/// front (2.6 s for a Noto CJK face), more than a whole cohort's subsets of it cost without it.
hb_face_t* subset_source(Face& face) {
    if (!face.subset_source) {
        face.subset_source =
            hb_face_create_for_tables(reference_kept_table, hb_face_reference(face.hb_face), destroy_face);
        hb_face_set_index(face.subset_source, hb_face_get_index(face.hb_face));
        hb_face_set_upem(face.subset_source, hb_face_get_upem(face.hb_face));
        hb_face_set_glyph_count(face.subset_source, hb_face_get_glyph_count(face.hb_face));
        hb_face_make_immutable(face.subset_source);
    }
    return face.subset_source;
}

}  // namespace

bool has_table(hb_face_t* face, hb_tag_t tag) {
    std::unique_ptr<hb_blob_t, BlobDeleter> blob(hb_face_reference_table(face, tag));
    return hb_blob_get_length(blob.get()) > 0;
}

FontSubset subset_face(Face& face, const std::vector<hb_codepoint_t>& glyphs) {
    hb_face_t* source = subset_source(face);
    if (!source) throw std::runtime_error("HarfBuzz cannot read " + face.file + " for subsetting");
    std::unique_ptr<hb_subset_input_t, InputDeleter> input(hb_subset_input_create_or_fail());
    if (!input) throw std::runtime_error("HarfBuzz: out of memory");
    hb_set_t* keep = hb_subset_input_glyph_set(input.get());
    hb_set_add(keep, 0);
    for (hb_codepoint_t g : glyphs) hb_set_add(keep, g);
    hb_set_clear(hb_subset_input_unicode_set(input.get()));  // glyph ids only: no cmap entries needed
    hb_set_t* drop = hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG);
    for (const char* t : kDroppedTables) hb_set_add(drop, hb_tag_from_string(t, 4));

    FontSubset out;
    out.cff = has_table(face.hb_face, HB_TAG('C', 'F', 'F', ' '));
    // Packed glyph ids (keeping them would cost ~60 KB for a CJK face); new_gid says where each went.
    // Flattened CFF charstrings: a few glyphs out of a CJK face share few subroutines, so the subset is
    // smaller without them, and HarfBuzz need not work out which of the face's subroutines they call.
    hb_subset_input_set_flags(input.get(), HB_SUBSET_FLAGS_NO_HINTING | HB_SUBSET_FLAGS_DESUBROUTINIZE);

    std::unique_ptr<hb_subset_plan_t, PlanDeleter> plan(hb_subset_plan_create_or_fail(source, input.get()));
    if (!plan) throw std::runtime_error("HarfBuzz cannot plan a subset of " + face.file);
    std::unique_ptr<hb_face_t, FaceDeleter> result(hb_subset_plan_execute_or_fail(plan.get()));
    if (!result) throw std::runtime_error("HarfBuzz cannot subset " + face.file);
    std::unique_ptr<hb_blob_t, BlobDeleter> blob(hb_face_reference_blob(result.get()));
    unsigned length = 0;
    const char* data = hb_blob_get_data(blob.get(), &length);
    if (!data || length < 12) throw std::runtime_error("HarfBuzz made an empty subset of " + face.file);
    out.program.assign(data, length);

    const hb_map_t* old_to_new = hb_subset_plan_old_to_new_glyph_mapping(plan.get());
    for (hb_codepoint_t g : glyphs) {
        const hb_codepoint_t n = hb_map_get(old_to_new, g);
        if (n == HB_MAP_VALUE_INVALID || (g != 0 && n == 0))
            throw std::runtime_error("HarfBuzz dropped a glyph of " + face.file);
        out.new_gid[g] = n;
    }
    if (out.cff) make_cids_glyph_ids(out.program);
    return out;
}

std::string with_advances(const std::string& program, const std::map<hb_codepoint_t, uint16_t>& advances) {
    if (advances.empty()) return program;
    std::unique_ptr<hb_blob_t, BlobDeleter> blob(hb_blob_create(program.data(), static_cast<unsigned>(program.size()),
                                                                HB_MEMORY_MODE_READONLY, nullptr, nullptr));
    std::unique_ptr<hb_face_t, FaceDeleter> face(hb_face_create(blob.get(), 0));
    auto table = [&](hb_tag_t tag) {
        std::unique_ptr<hb_blob_t, BlobDeleter> t(hb_face_reference_table(face.get(), tag));
        unsigned len = 0;
        const char* data = hb_blob_get_data(t.get(), &len);
        return std::string(data ? data : "", len);
    };
    std::string hhea = table(HB_TAG('h', 'h', 'e', 'a')), hmtx = table(HB_TAG('h', 'm', 't', 'x'));
    const std::string maxp = table(HB_TAG('m', 'a', 'x', 'p'));
    auto u16 = [](const std::string& s, std::size_t o) {
        return static_cast<unsigned>((static_cast<unsigned char>(s[o]) << 8) | static_cast<unsigned char>(s[o + 1]));
    };
    auto set16 = [](std::string& s, std::size_t o, unsigned v) {
        s[o] = static_cast<char>((v >> 8) & 0xFF);
        s[o + 1] = static_cast<char>(v & 0xFF);
    };
    if (hhea.size() < 36 || maxp.size() < 6) return program;
    const unsigned glyphs = u16(maxp, 4), long_metrics = u16(hhea, 34);
    if (long_metrics == 0 || long_metrics > glyphs || hmtx.size() < 4u * long_metrics + 2u * (glyphs - long_metrics))
        return program;
    // Every glyph gets a long metric of its own (the subsetter shares the last advance among the trailing glyphs).
    std::string metrics(4u * glyphs, '\0');
    for (unsigned g = 0; g < glyphs; ++g) {
        const bool own = g < long_metrics;
        set16(metrics, 4u * g, u16(hmtx, 4u * (own ? g : long_metrics - 1)));
        set16(metrics, 4u * g + 2, u16(hmtx, own ? 4u * g + 2 : 4u * long_metrics + 2u * (g - long_metrics)));
    }
    unsigned widest = u16(hhea, 10);
    for (const auto& [g, advance] : advances)
        if (g < glyphs) {
            set16(metrics, 4u * g, advance);
            widest = std::max<unsigned>(widest, advance);
        }
    set16(hhea, 10, widest);  // advanceWidthMax
    set16(hhea, 34, glyphs);  // numberOfHMetrics

    std::unique_ptr<hb_face_t, FaceDeleter> builder(hb_face_builder_create());
    hb_tag_t tags[64];
    unsigned count = 64;
    hb_face_get_table_tags(face.get(), 0, &count, tags);
    for (unsigned i = 0; i < count; ++i) {
        const std::string bytes = tags[i] == HB_TAG('h', 'm', 't', 'x')   ? metrics
                                  : tags[i] == HB_TAG('h', 'h', 'e', 'a') ? hhea
                                                                          : table(tags[i]);
        std::unique_ptr<hb_blob_t, BlobDeleter> t(hb_blob_create(bytes.data(), static_cast<unsigned>(bytes.size()),
                                                                 HB_MEMORY_MODE_DUPLICATE, nullptr, nullptr));
        hb_face_builder_add_table(builder.get(), tags[i], t.get());
    }
    std::unique_ptr<hb_blob_t, BlobDeleter> out(hb_face_reference_blob(builder.get()));
    unsigned length = 0;
    const char* data = hb_blob_get_data(out.get(), &length);
    if (!data || length < 12) throw std::runtime_error("HarfBuzz cannot rebuild a font subset");
    return std::string(data, length);
}

bool can_subset(Face& face) {
    if (face.subset_state == 0) {
        face.subset_state = -1;
        try {
            hb_codepoint_t probe = 0;
            hb_font_get_nominal_glyph(face.hb_font, 'A', &probe);
            if (probe == 0) probe = hb_face_get_glyph_count(face.hb_face) > 1 ? 1 : 0;
            if (!subset_face(face, {probe}).program.empty()) face.subset_state = 1;
        } catch (const std::exception&) {}
    }
    return face.subset_state > 0;
}

}  // namespace mitra::pdf
