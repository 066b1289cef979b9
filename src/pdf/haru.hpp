// The one adapter to libharu's internals: a document whose errors become exceptions at checkpoints and
// which saves to bytes, and the few reaches into libharu's structures (a page's content stream, a stream's
// blocks, a dictionary's stream and write hooks) that the text stack, the QR code and the deflater need.
// Only haru.cpp includes libharu's private headers (hpdf_objects.h, hpdf_pages.h, hpdf_streams.h, ...) and
// looks inside its structs; the rest of src/pdf/ uses <hpdf.h> and these functions.
#pragma once

#include <hpdf.h>

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace mitra::pdf::haru {

/// A libharu document.  Its objects come from libharu's own pool, freed all at once with the document: a
/// certificate makes thousands of small ones (names, numbers, dictionary entries), each a malloc and a free
/// otherwise.  libharu's errors are recorded as they happen and thrown by check().
class Document {
public:
    Document();
    ~Document();
    Document(const Document&) = delete;
    Document& operator=(const Document&) = delete;

    HPDF_Doc get() const { return doc_; }

    /// Throws std::runtime_error ("<doing> (libharu error 0x..., detail ...)") when libharu reported an error
    /// since the last check, and forgets it.
    void check(const std::string& doing);

    /// Creator "Mitra" and the title, in the document information.
    void set_info(const std::string& title);

    /// The document saved as PDF bytes (one piece, gathered from libharu's memory stream).  Throws
    /// std::runtime_error ("cannot make the PDF of <what> ...") when libharu fails.
    std::string bytes(const std::string& what);

    static constexpr HPDF_UINT kPoolBlock = 64 * 1024;

private:
    struct Error {
        HPDF_STATUS error = HPDF_OK, detail = 0;
    };
    static void record(HPDF_STATUS error, HPDF_STATUS detail, void* user);
    Error error_;
    HPDF_Doc doc_;
};

/// Throws std::runtime_error ("libharu error 0x... in <what>") unless `status` is HPDF_OK.
void check(HPDF_STATUS status, const char* what);

/// `made`, or a std::runtime_error ("libharu: cannot create <what>") when libharu could not make it.
template <class T>
T not_null(T made, const char* what) {
    if (!made) throw std::runtime_error(std::string("libharu: cannot create ") + what);
    return made;
}

// ---- the document's objects ----------------------------------------------------------------------------

/// The memory manager and cross-reference table that new objects of `doc` are made with and entered in.
HPDF_MMgr mmgr(HPDF_Doc doc);
HPDF_Xref xref(HPDF_Doc doc);

/// The document's catalog, and its information dictionary (made when it has none yet).
HPDF_Dict catalog(HPDF_Doc doc);
HPDF_Dict info(HPDF_Doc doc);

/// Enters `dict` (new, of `doc`'s memory manager) in the cross-reference table: an indirect object, which a
/// dictionary or array it is added to then refers to.  Throws std::runtime_error when libharu fails.
void make_indirect(HPDF_Doc doc, HPDF_Dict dict);

/// Raises the document's PDF version to at least `version` (what a feature it uses needs).
void require_version(HPDF_Doc doc, HPDF_PDFVer version);

/// Marks a stream dictionary as a Form XObject, so a page's Do can paint it (HPDF_Page_ExecuteXObject).
void mark_xobject(HPDF_Dict form);

/// The value of a number object.
HPDF_INT32 number_value(HPDF_Number number);

/// Has libharu deflate the stream with zlib when it writes it (its /Filter is then /FlateDecode).
void deflate_when_written(HPDF_Dict stream_dict);

/// The size of `stream`'s content once libharu has deflated it, worked out in a scratch stream of `doc`.
std::size_t deflated_size(HPDF_Doc doc, HPDF_Stream stream);

// ---- pages ---------------------------------------------------------------------------------------------

/// The page's content stream dictionary, and its stream (where libharu's drawing operators go).
HPDF_Dict page_contents(HPDF_Page page);
HPDF_Stream page_stream(HPDF_Page page);

/// True while the page is outside text objects and paths (libharu's "page description" mode).
bool in_page_description(HPDF_Page page);

/// The text state libharu last set on the page (what HPDF_Page_SetCharSpace() and the like change).
struct TextState {
    HPDF_REAL char_space, word_space, horizontal_scaling, text_rise;
    bool fill_mode;  // rendering mode 0 (fill)
};
TextState text_state(HPDF_Page page);

/// The page's /XObject resource dictionary, made as HPDF_Page_GetXObjectName() makes it (so images drawn
/// by libharu share it) when the page has none yet.
HPDF_Dict page_xobjects(HPDF_Page page);

/// Number of entries in a dictionary.
std::size_t dict_size(HPDF_Dict dict);

// ---- streams -------------------------------------------------------------------------------------------

/// The stream of a stream dictionary.
HPDF_Stream stream_of(HPDF_Dict stream_dict);

/// Bytes written to the stream so far.
std::size_t stream_size(HPDF_Stream stream);

/// Appends `bytes` to the stream; replaces its content with `bytes` (a memory stream).
HPDF_STATUS append(HPDF_Stream stream, std::string_view bytes);
HPDF_STATUS replace(HPDF_Stream stream, std::string_view bytes);

/// The blocks of a libharu memory stream, in order (views into it, valid while it is unchanged).  Throws
/// std::logic_error for a stream that is not in memory, or shorter than its size.
std::vector<std::string_view> stream_pieces(HPDF_Stream stream);

/// The bytes of a libharu memory stream, in one piece.
std::string stream_bytes(HPDF_Stream stream);

/// Writes `bytes` over the memory stream's content at `offset` (its size unchanged).  Throws
/// std::logic_error(`what`) when they would go past its end.
void overwrite(HPDF_Stream stream, std::size_t offset, std::string_view bytes, const char* what);

/// Replaces the content of a stream dictionary held in memory with `deflated` (a zlib stream), which libharu
/// then writes as it is, under /Filter /FlateDecode.  Throws std::logic_error for a dictionary that is not a
/// memory stream or already has a write hook of another's, std::runtime_error when libharu fails.
void store_deflated(HPDF_Dict stream_dict, std::string_view deflated);

/// True once store_deflated() has filled the dictionary (it throws as store_deflated() does).
bool holds_deflated(HPDF_Dict stream_dict);

// ---- write hooks ---------------------------------------------------------------------------------------

/// A function libharu calls just before it writes a dictionary (HPDF_OK, or an error to stop saving).
using BeforeWrite = HPDF_STATUS (*)(HPDF_Dict);

/// The dictionary's before-write hook (nullptr if none), and the pointer given with it.
BeforeWrite before_write(HPDF_Dict dict);
void* hook_data(HPDF_Dict dict);

/// Sets (or, with nullptrs, clears) the dictionary's before-write hook and the pointer it reads.
void set_before_write(HPDF_Dict dict, BeforeWrite hook, void* data);

}  // namespace mitra::pdf::haru
