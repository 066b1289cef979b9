// QR codes (ISO/IEC 18004: error correction M, numeric, alphanumeric and byte segments) encoded by libqrencode, their mask chosen here, and drawn as
// vector rectangles on a libharu page.
#pragma once

#include <hpdf.h>

#include <string>
#include <vector>

namespace mitra::pdf {

/// The modules of a QR symbol, row by row from the top; true is dark.
struct QrMatrix {
    int size = 0;                     ///< modules per side (21 for version 1 ... 177 for version 40)
    int version = 0;                  ///< 1-40
    int mask = -1;                    ///< the data mask pattern, 0-7
    std::vector<unsigned char> dark;  ///< 1 dark, 0 light
    bool at(int x, int y) const { return dark[static_cast<std::size_t>(y) * size + x] != 0; }
};

/// Encode `text` with libqrencode at level M, in the smallest version that fits, with the data mask whose penalty
/// score (the standard's rules N1-N4, as ZXing scores them) is lowest, the first on a tie. Its segments are those
/// libqrencode's splitter chooses (QRcode_encodeString with an 8-bit hint, case kept): runs of digits in numeric
/// mode (3.3 bits a digit), of capitals, digits and " $%*+-./:" in alphanumeric mode (5.5 bits), the rest in byte
/// mode; so a verification link "HTTPS://HOST/path#M2<digits>" takes about half the bits of its bytes. A text
/// holding a NUL byte is byte mode throughout. Throws std::invalid_argument when it is empty or too long for any
/// QR version (over 2,331 bytes in byte mode).
QrMatrix encode_qr(const std::string& text);

/// The same symbol with data mask `mask` (0-7) whatever its score (for tests and comparisons).
QrMatrix encode_qr(const std::string& text, int mask);

/// The penalty score of a finished symbol: N1 (runs of five or more of one colour in a row or column),
/// N2 (2x2 blocks of one colour), N3 (1:1:3:1:1 finder-like patterns with four light modules on one side,
/// beyond the symbol counting as light) and N4 (the dark share's distance from half, in steps of 5%).
int qr_penalty(const QrMatrix& qr);

/// Quiet zone around the symbol, in modules (ISO/IEC 18004 asks for 4).
constexpr int kQrQuietModules = 4;

/// The grid a certificate's QR symbol is placed on and its modules measured in: 1/100 inch, so a module is a whole
/// number of printer dots at 300, 600 and 1200 dpi and of pixels at 100 and 200 dpi (modules of uneven widths,
/// 1.97 pixels at 100 dpi, made zbar miss 12 of 32 symbols there).
constexpr double kQrGridMm = 0.254;
/// The least module printed, 1/50 inch (0.508 mm): a phone photo of a printout, or the page rendered at 100 dpi
/// (2 pixels a module), reads it.
constexpr double kQrMinModuleMm = 2 * kQrGridMm;

/// Draw the symbol with its quiet zone in the square [x, x + side] x [y, y + side] (PDF points, y up):
/// the quiet zone is painted white, dark modules in the current FILL colour, each row's runs of dark
/// modules merged into one rectangle.  Call outside text objects and paths.
void draw_qr(HPDF_Page page, const QrMatrix& qr, double x, double y, double side);

}  // namespace mitra::pdf
