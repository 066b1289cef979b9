// libharu's internals, reached from here only: the document wrapper and the accessors haru.hpp lists.
#include "pdf/haru.hpp"

// libharu's low-level object API and structures (installed by libhpdf-dev 2.3.0).
#include <hpdf_consts.h>
#include <hpdf_doc.h>
#include <hpdf_list.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include <algorithm>
#include <cstdio>

namespace mitra::pdf::haru {

// ---- Document ------------------------------------------------------------------------------------------

void Document::record(HPDF_STATUS error, HPDF_STATUS detail, void* user) {
    auto* state = static_cast<Error*>(user);
    if (state->error == HPDF_OK) *state = {error, detail};
}

Document::Document() : doc_(HPDF_NewEx(record, nullptr, nullptr, kPoolBlock, &error_)) {
    if (!doc_) throw std::runtime_error("cannot start a PDF document (out of memory)");
}

Document::~Document() { HPDF_Free(doc_); }

void Document::check(const std::string& doing) {
    if (error_.error == HPDF_OK) return;
    char code[64];
    std::snprintf(code, sizeof code, " (libharu error 0x%04lX, detail %lu)", static_cast<unsigned long>(error_.error),
                  static_cast<unsigned long>(error_.detail));
    error_ = {};
    HPDF_ResetError(doc_);
    throw std::runtime_error(doing + code);
}

void Document::set_info(const std::string& title) {
    HPDF_SetInfoAttr(doc_, HPDF_INFO_CREATOR, "Mitra");
    HPDF_SetInfoAttr(doc_, HPDF_INFO_TITLE, title.c_str());
}

std::string Document::bytes(const std::string& what) {
    HPDF_SaveToStream(doc_);
    check("cannot make the PDF of " + what);
    return stream_bytes(doc_->stream);
}

void check(HPDF_STATUS status, const char* what) {
    if (status != HPDF_OK) {
        char buf[128];
        std::snprintf(buf, sizeof buf, "libharu error 0x%04lX in %s", static_cast<unsigned long>(status), what);
        throw std::runtime_error(buf);
    }
}

// ---- the document's objects ----------------------------------------------------------------------------

HPDF_MMgr mmgr(HPDF_Doc doc) { return doc->mmgr; }

HPDF_Xref xref(HPDF_Doc doc) { return doc->xref; }

HPDF_Dict catalog(HPDF_Doc doc) { return doc->catalog; }

HPDF_Dict info(HPDF_Doc doc) {
    if (!doc->info) {
        doc->info = not_null(HPDF_Dict_New(doc->mmgr), "Info dictionary");
        check(HPDF_Xref_Add(doc->xref, doc->info), "Info dictionary");
    }
    return doc->info;
}

void make_indirect(HPDF_Doc doc, HPDF_Dict dict) { check(HPDF_Xref_Add(doc->xref, dict), "an indirect object"); }

void require_version(HPDF_Doc doc, HPDF_PDFVer version) {
    if (doc->pdf_version < version) doc->pdf_version = version;
}

void mark_xobject(HPDF_Dict form) { form->header.obj_class |= HPDF_OSUBCLASS_XOBJECT; }

HPDF_INT32 number_value(HPDF_Number number) { return number->value; }

void deflate_when_written(HPDF_Dict stream_dict) { stream_dict->filter = HPDF_STREAM_FILTER_FLATE_DECODE; }

std::size_t deflated_size(HPDF_Doc doc, HPDF_Stream stream) {
    HPDF_Stream packed = not_null(HPDF_MemStream_New(doc->mmgr, 1024), "stream");
    const HPDF_STATUS st = HPDF_Stream_WriteToStream(stream, packed, HPDF_STREAM_FILTER_FLATE_DECODE, nullptr);
    const std::size_t size = packed->size;
    HPDF_Stream_Free(packed);
    check(st, "compressing a glyph form");
    return size;
}

// ---- pages ---------------------------------------------------------------------------------------------

namespace {

HPDF_PageAttr page_attr(HPDF_Page page) { return static_cast<HPDF_PageAttr>(page->attr); }

}  // namespace

HPDF_Dict page_contents(HPDF_Page page) { return page_attr(page)->contents; }

HPDF_Stream page_stream(HPDF_Page page) { return page_attr(page)->stream; }

bool in_page_description(HPDF_Page page) { return page_attr(page)->gmode == HPDF_GMODE_PAGE_DESCRIPTION; }

TextState text_state(HPDF_Page page) {
    const HPDF_GState gs = page_attr(page)->gstate;
    return {gs->char_space, gs->word_space, gs->h_scalling, gs->text_rise, gs->rendering_mode == HPDF_FILL};
}

HPDF_Dict page_xobjects(HPDF_Page page) {
    HPDF_PageAttr attr = page_attr(page);
    if (!attr->xobjects) {
        HPDF_Dict resources = static_cast<HPDF_Dict>(HPDF_Page_GetInheritableItem(page, "Resources", HPDF_OCLASS_DICT));
        if (!resources) throw std::runtime_error("libharu: page has no /Resources");
        HPDF_Dict xobjects = not_null(HPDF_Dict_New(page->mmgr), "XObject dict");
        check(HPDF_Dict_Add(resources, "XObject", xobjects), "Resources/XObject");
        attr->xobjects = xobjects;
    }
    return attr->xobjects;
}

std::size_t dict_size(HPDF_Dict dict) { return dict->list->count; }

// ---- streams -------------------------------------------------------------------------------------------

HPDF_Stream stream_of(HPDF_Dict stream_dict) { return stream_dict->stream; }

std::size_t stream_size(HPDF_Stream stream) { return stream->size; }

HPDF_STATUS append(HPDF_Stream stream, std::string_view bytes) {
    return HPDF_Stream_Write(stream, reinterpret_cast<const HPDF_BYTE*>(bytes.data()),
                             static_cast<HPDF_UINT>(bytes.size()));
}

HPDF_STATUS replace(HPDF_Stream stream, std::string_view bytes) {
    HPDF_MemStream_FreeData(stream);
    return append(stream, bytes);
}

std::vector<std::string_view> stream_pieces(HPDF_Stream stream) {
    if (!stream || stream->type != HPDF_STREAM_MEMORY) throw std::logic_error("not a libharu memory stream");
    auto* mem = static_cast<HPDF_MemStreamAttr>(stream->attr);
    std::vector<std::string_view> pieces;
    for (std::size_t left = stream->size, i = 0; left > 0; ++i) {
        const auto* buf = static_cast<const char*>(HPDF_List_ItemAt(mem->buf, static_cast<HPDF_UINT>(i)));
        if (!buf) throw std::logic_error("libharu stream: shorter than its size");
        pieces.emplace_back(buf, std::min<std::size_t>(left, mem->buf_siz));
        left -= pieces.back().size();
    }
    return pieces;
}

std::string stream_bytes(HPDF_Stream stream) {
    std::string out;
    for (std::string_view piece : stream_pieces(stream)) out += piece;
    return out;
}

void overwrite(HPDF_Stream stream, std::size_t offset, std::string_view bytes, const char* what) {
    auto* mem = static_cast<HPDF_MemStreamAttr>(stream->attr);
    const std::size_t chunk = mem->buf_siz;
    for (std::size_t k = 0; k < bytes.size(); ++k) {
        const std::size_t at = offset + k;
        auto* buf = static_cast<HPDF_BYTE*>(HPDF_List_ItemAt(mem->buf, static_cast<HPDF_UINT>(at / chunk)));
        if (!buf || at >= stream->size) throw std::logic_error(what);
        buf[at % chunk] = static_cast<HPDF_BYTE>(bytes[k]);
    }
}

namespace {

// libharu writes a stream with filter NONE as it is and drops any /Filter key of ours before writing
// the dictionary, so the key is written by the dictionary's write hook (called just before ">>").
HPDF_STATUS write_flate_filter(HPDF_Dict, HPDF_Stream out) {
    return HPDF_Stream_WriteStr(out, "/Filter /FlateDecode\012");
}

void check_stream_dict(HPDF_Dict dict) {
    if (!dict || !dict->stream || dict->stream->type != HPDF_STREAM_MEMORY)
        throw std::logic_error("deflate_stream: not a libharu stream dictionary held in memory");
    if (dict->write_fn && dict->write_fn != write_flate_filter)
        throw std::logic_error("deflate_stream: the dictionary already has a write hook");
}

}  // namespace

void store_deflated(HPDF_Dict dict, std::string_view deflated) {
    check_stream_dict(dict);
    if (replace(dict->stream, deflated) != HPDF_OK)
        throw std::runtime_error("libharu: cannot store a deflated PDF stream");
    dict->filter = HPDF_STREAM_FILTER_NONE;
    dict->write_fn = write_flate_filter;
}

bool holds_deflated(HPDF_Dict dict) {
    check_stream_dict(dict);
    return dict->write_fn == write_flate_filter;
}

// ---- write hooks ---------------------------------------------------------------------------------------

BeforeWrite before_write(HPDF_Dict dict) { return dict->before_write_fn; }

void* hook_data(HPDF_Dict dict) { return dict->attr; }

void set_before_write(HPDF_Dict dict, BeforeWrite hook, void* data) {
    dict->before_write_fn = hook;
    dict->attr = data;
}

}  // namespace mitra::pdf::haru
