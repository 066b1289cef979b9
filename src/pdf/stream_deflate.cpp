// Deflating libharu stream dictionaries with libdeflate ourselves, so the level (and the compressor) is ours to choose.
#include "pdf/stream_deflate.hpp"

#include "pdf/haru.hpp"

#include <libdeflate.h>

#include <array>
#include <memory>
#include <stdexcept>
#include <string>

namespace mitra::pdf {
namespace {

struct CompressorDeleter {
    void operator()(libdeflate_compressor* c) const { libdeflate_free_compressor(c); }
};

// One compressor per level and thread, made on first use: making one allocates its hash tables (hundreds
// of KB at the higher levels), which would cost more than deflating a certificate's small streams.
libdeflate_compressor* compressor(int level) {
    if (level < 0 || level > 12)
        throw std::invalid_argument("deflate: level " + std::to_string(level) + " is not 0-12");
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

}  // namespace

void deflate_stream(HPDF_Dict dict, int level) {
    if (haru::holds_deflated(dict)) return;  // deflated already
    // libdeflate takes its input whole: libharu's blocks are gathered into one buffer, kept for the next stream.
    thread_local std::string input, output;
    input.clear();
    for (std::string_view piece : haru::stream_pieces(haru::stream_of(dict))) input += piece;
    zlib_compress(input.data(), input.size(), level, output);
    haru::store_deflated(dict, output);
}

std::string deflate_bytes(std::string_view bytes, int level) {
    std::string out;
    zlib_compress(bytes.data(), bytes.size(), level, out);
    return out;
}

void store_deflated(HPDF_Dict dict, std::string_view deflated) { haru::store_deflated(dict, deflated); }

}  // namespace mitra::pdf
