// Deflating libharu stream dictionaries with libdeflate ourselves, so the level (and the compressor) is ours to choose.
#include "pdf/stream_deflate.hpp"

#include <hpdf_list.h>
#include <hpdf_streams.h>
#include <libdeflate.h>

#include <algorithm>
#include <array>
#include <memory>
#include <stdexcept>
#include <string>

namespace mitra::pdf {
namespace {

// libharu writes a stream with filter NONE as it is and drops any /Filter key of ours before writing
// the dictionary, so the key is written by the dictionary's write hook (called just before ">>").
HPDF_STATUS write_flate_filter(HPDF_Dict, HPDF_Stream out) { return HPDF_Stream_WriteStr(out, "/Filter /FlateDecode\012"); }

struct CompressorDeleter {
  void operator()(libdeflate_compressor* c) const { libdeflate_free_compressor(c); }
};

// One compressor per level and thread, made on first use: making one allocates its hash tables (hundreds
// of KB at the higher levels), which would cost more than deflating a certificate's small streams.
libdeflate_compressor* compressor(int level) {
  if (level < 0 || level > 12) throw std::invalid_argument("deflate: level " + std::to_string(level) + " is not 0-12");
  thread_local std::array<std::unique_ptr<libdeflate_compressor, CompressorDeleter>, 13> made;
  auto& c = made[static_cast<std::size_t>(level)];
  if (!c) {
    c.reset(libdeflate_alloc_compressor(level));
    if (!c) throw std::runtime_error("libdeflate: cannot make a compressor");
  }
  return c.get();
}

// `size` bytes at `data` as a zlib stream (what /FlateDecode reads) into `out`, which is resized to fit.
void zlib_compress(const void* data, std::size_t size, int level, std::string& out) {
  libdeflate_compressor* c = compressor(level);
  out.resize(libdeflate_zlib_compress_bound(c, size));
  const std::size_t n = libdeflate_zlib_compress(c, data, size, out.data(), out.size());
  if (n == 0) throw std::runtime_error("libdeflate: deflating a PDF stream failed");
  out.resize(n);
}

void gather(HPDF_Stream stream, std::string& out) {
  out.clear();
  for (std::string_view piece : stream_pieces(stream)) out += piece;
}

void replace_content(HPDF_Dict dict, std::string_view deflated) {
  HPDF_MemStream_FreeData(dict->stream);
  if (HPDF_Stream_Write(dict->stream, reinterpret_cast<const HPDF_BYTE*>(deflated.data()),
                        static_cast<HPDF_UINT>(deflated.size())) != HPDF_OK)
    throw std::runtime_error("libharu: cannot store a deflated PDF stream");
  dict->filter = HPDF_STREAM_FILTER_NONE;
  dict->write_fn = write_flate_filter;
}

void check_stream_dict(HPDF_Dict dict) {
  if (!dict || !dict->stream || dict->stream->type != HPDF_STREAM_MEMORY)
    throw std::logic_error("deflate_stream: not a libharu stream dictionary held in memory");
  if (dict->write_fn && dict->write_fn != write_flate_filter)
    throw std::logic_error("deflate_stream: the dictionary already has a write hook");
}

}  // namespace

void deflate_stream(HPDF_Dict dict, int level) {
  check_stream_dict(dict);
  if (dict->write_fn == write_flate_filter) return;  // deflated already
  // libdeflate takes its input whole: libharu's blocks are gathered into one buffer, kept for the next stream.
  thread_local std::string input, output;
  gather(dict->stream, input);
  zlib_compress(input.data(), input.size(), level, output);
  replace_content(dict, output);
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
  gather(stream, out);
  return out;
}

std::string deflate_bytes(std::string_view bytes, int level) {
  std::string out;
  zlib_compress(bytes.data(), bytes.size(), level, out);
  return out;
}

void store_deflated(HPDF_Dict dict, std::string_view deflated) {
  check_stream_dict(dict);
  replace_content(dict, deflated);
}

}  // namespace mitra::pdf
