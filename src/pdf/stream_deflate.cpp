// Deflating libharu stream dictionaries with zlib ourselves, so the level is ours to choose.
#include "pdf/stream_deflate.hpp"

#include <hpdf_list.h>
#include <hpdf_streams.h>
#include <zlib.h>

#include <algorithm>
#include <stdexcept>
#include <string>

namespace mitra::pdf {
namespace {

// libharu writes a stream with filter NONE as it is and drops any /Filter key of ours before writing
// the dictionary, so the key is written by the dictionary's write hook (called just before ">>").
HPDF_STATUS write_flate_filter(HPDF_Dict, HPDF_Stream out) { return HPDF_Stream_WriteStr(out, "/Filter /FlateDecode\012"); }

class Deflater {
 public:
  // A window no larger than the input gives the same output, and for the small streams of a page (ToUnicode
  // maps, a few glyphs' outlines) setting up zlib's default 32 KB window and hash table cost more than deflating.
  Deflater(int level, std::size_t input) {
    int window_bits = 9;
    while (window_bits < 15 && (std::size_t{1} << window_bits) < input) ++window_bits;
    const int mem_level = std::max(2, std::min(8, window_bits - 6));
    if (deflateInit2(&z_, level, Z_DEFLATED, window_bits, mem_level, Z_DEFAULT_STRATEGY) != Z_OK)
      throw std::runtime_error("zlib: cannot start deflating a PDF stream");
    out_.resize(deflateBound(&z_, static_cast<uLong>(input)));
  }
  ~Deflater() { deflateEnd(&z_); }
  Deflater(const Deflater&) = delete;
  Deflater& operator=(const Deflater&) = delete;

  void add(const unsigned char* data, std::size_t size, bool last) {
    z_.next_in = const_cast<Bytef*>(data);
    z_.avail_in = static_cast<uInt>(size);
    for (;;) {
      if (z_.total_out == out_.size()) out_.resize(out_.size() * 2 + 64);
      z_.next_out = reinterpret_cast<Bytef*>(out_.data()) + z_.total_out;
      z_.avail_out = static_cast<uInt>(out_.size() - z_.total_out);
      const int rc = deflate(&z_, last ? Z_FINISH : Z_NO_FLUSH);
      if (rc == Z_STREAM_END) break;
      if (rc != Z_OK && rc != Z_BUF_ERROR) throw std::runtime_error("zlib: deflating a PDF stream failed");
      if (!last && z_.avail_in == 0) break;
    }
  }

  std::string_view result() const { return {out_.data(), static_cast<std::size_t>(z_.total_out)}; }

 private:
  z_stream z_{};
  std::string out_;
};

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
  auto* mem = static_cast<HPDF_MemStreamAttr>(dict->stream->attr);
  const std::size_t size = dict->stream->size, chunk = mem->buf_siz;
  Deflater z(level, size);
  std::size_t done = 0;
  for (HPDF_UINT i = 0; done < size || i == 0; ++i) {
    const auto* buf = static_cast<const unsigned char*>(HPDF_List_ItemAt(mem->buf, i));
    const std::size_t n = std::min(chunk, size - done);
    if (!buf && n > 0) throw std::logic_error("deflate_stream: the stream is shorter than its size");
    done += n;
    z.add(buf, n, done == size);
  }
  replace_content(dict, z.result());
}

std::string deflate_bytes(std::string_view bytes, int level) {
  Deflater z(level, bytes.size());
  z.add(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), true);
  return std::string(z.result());
}

void store_deflated(HPDF_Dict dict, std::string_view deflated) {
  check_stream_dict(dict);
  replace_content(dict, deflated);
}

}  // namespace mitra::pdf
