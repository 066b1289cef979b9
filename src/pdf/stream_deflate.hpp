// Streams Mitra deflates itself, at a fast zlib level: libharu deflates at zlib's default level (6)
// and cannot be told another. On a certificate's page content (a QR code's ~1,200 rectangles, glyph
// codes) level 6 takes three times level 1's time for a fifth smaller stream; whole certificates
// come out ~6% larger (median 26.5 -> 28.0 KB in bench/certificates), far under the 60 KB target.
#pragma once

#include <hpdf.h>
#include <hpdf_objects.h>

#include <string>
#include <string_view>

namespace mitra::pdf {

/// The zlib level of the streams deflated here.
constexpr int kFastDeflateLevel = 1;

/// Deflates the content of `stream_dict` (a libharu stream dictionary whose content is final) in
/// place; libharu then writes the bytes as they are, and the dictionary says /Filter /FlateDecode.
/// Throws std::runtime_error when zlib or libharu fails.
void deflate_stream(HPDF_Dict stream_dict, int level = kFastDeflateLevel);

/// `bytes` deflated (a zlib stream, as /FlateDecode reads it).
std::string deflate_bytes(std::string_view bytes, int level = kFastDeflateLevel);

/// Replaces the content of `stream_dict` with `deflated` (from deflate_bytes()), as deflate_stream() leaves it.
void store_deflated(HPDF_Dict stream_dict, std::string_view deflated);

}  // namespace mitra::pdf
