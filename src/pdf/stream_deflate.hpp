// Streams Mitra deflates itself, with libdeflate at its fastest level: libharu deflates with zlib at its
// default level (6) and cannot be told another. On a certificate's page content (a QR code's ~1,200
// rectangles, glyph codes) zlib's level 6 took three times its level 1's time; libdeflate's level 1 is
// faster still than zlib's and its streams smaller (bench/certificates: median 28.0 -> 27.3 KB).
#pragma once

#include <hpdf.h>

#include <string>
#include <string_view>

namespace mitra::pdf {

/// The libdeflate level (1-12) of the streams deflated here.
constexpr int kFastDeflateLevel = 1;

/// Deflates the content of `stream_dict` (a libharu stream dictionary whose content is final) in
/// place; libharu then writes the bytes as they are, and the dictionary says /Filter /FlateDecode.
/// Throws std::runtime_error when libdeflate or libharu fails.
void deflate_stream(HPDF_Dict stream_dict, int level = kFastDeflateLevel);

/// `bytes` deflated (a zlib stream, as /FlateDecode reads it).
std::string deflate_bytes(std::string_view bytes, int level = kFastDeflateLevel);

/// Replaces the content of `stream_dict` with `deflated` (from deflate_bytes()), as deflate_stream() leaves it
/// (haru::store_deflated()).
void store_deflated(HPDF_Dict stream_dict, std::string_view deflated);

}  // namespace mitra::pdf
