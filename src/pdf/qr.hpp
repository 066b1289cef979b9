// QR codes (libqrencode, error correction M, 8-bit mode) drawn as vector rectangles on a libharu page.
#pragma once

#include <hpdf.h>

#include <string>
#include <vector>

namespace mitra::pdf {

/// The modules of a QR symbol, row by row from the top; true is dark.
struct QrMatrix {
  int size = 0;  ///< modules per side (21 for version 1 ... 177 for version 40)
  std::vector<unsigned char> dark;  ///< 1 dark, 0 light
  bool at(int x, int y) const { return dark[static_cast<std::size_t>(y) * size + x] != 0; }
};

/// Encode `text` (bytes, 8-bit mode, level M, smallest version that fits).
/// Throws std::invalid_argument when it is empty or too long for any QR version.
QrMatrix encode_qr(const std::string& text);

/// Quiet zone around the symbol, in modules (ISO/IEC 18004 asks for 4).
constexpr int kQrQuietModules = 4;

/// Draw the symbol with its quiet zone in the square [x, x + side] x [y, y + side] (PDF points, y up):
/// the quiet zone is painted white, dark modules in the current FILL colour, each row's runs of dark
/// modules merged into one rectangle.  Call outside text objects and paths.
void draw_qr(HPDF_Page page, const QrMatrix& qr, double x, double y, double side);

}  // namespace mitra::pdf
