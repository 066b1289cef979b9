// QR encoding through libqrencode and vector drawing of the symbol.
#include "pdf/qr.hpp"

#include <hpdf_pages.h>
#include <qrencode.h>

#include <memory>
#include <stdexcept>
#include <string>

namespace mitra::pdf {

QrMatrix encode_qr(const std::string& text) {
  if (text.empty()) throw std::invalid_argument("QR code: nothing to encode");
  // QRcode_encodeString8bit would stop at a NUL byte as well; text with one cannot be encoded faithfully.
  if (text.find('\0') != std::string::npos) throw std::invalid_argument("QR code: text holds a NUL byte");
  std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
      QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), &QRcode_free);
  if (!code) throw std::invalid_argument("QR code: " + std::to_string(text.size()) + " bytes are too many to encode");
  QrMatrix qr;
  qr.size = code->width;
  qr.dark.resize(static_cast<std::size_t>(qr.size) * qr.size);
  for (std::size_t i = 0; i < qr.dark.size(); ++i) qr.dark[i] = (code->data[i] & 1) != 0;
  return qr;
}

void draw_qr(HPDF_Page page, const QrMatrix& qr, double x, double y, double side) {
  const int total = qr.size + 2 * kQrQuietModules;
  const double module = side / total;
  HPDF_Page_GSave(page);
  HPDF_Page_SetRGBFill(page, 1, 1, 1);
  HPDF_Page_Rectangle(page, static_cast<HPDF_REAL>(x), static_cast<HPDF_REAL>(y), static_cast<HPDF_REAL>(side),
                      static_cast<HPDF_REAL>(side));
  HPDF_Page_Fill(page);
  HPDF_Page_GRestore(page);
  // In module units, so each rectangle is a few small integers; all runs are one path, filled once
  // (abutting rectangles of one fill show no seams). Written straight into the content stream: through
  // HPDF_Page_Rectangle, its ~1,300 calls a certificate were a sixth of the rendering time.
  HPDF_Page_GSave(page);
  HPDF_Page_Concat(page, static_cast<HPDF_REAL>(module), 0, 0, static_cast<HPDF_REAL>(module),
                   static_cast<HPDF_REAL>(x), static_cast<HPDF_REAL>(y));
  std::string path;
  path.reserve(static_cast<std::size_t>(qr.size) * qr.size * 4);
  for (int row = 0; row < qr.size; ++row) {
    const std::string bottom = " " + std::to_string(total - kQrQuietModules - row - 1) + " ";
    for (int col = 0; col < qr.size;) {
      if (!qr.at(col, row)) {
        ++col;
        continue;
      }
      int end = col;
      while (end < qr.size && qr.at(end, row)) ++end;
      path += std::to_string(kQrQuietModules + col) + bottom + std::to_string(end - col) + " 1 re\n";
      col = end;
    }
  }
  path += "f\n";
  const auto attr = static_cast<HPDF_PageAttr>(page->attr);
  if (HPDF_Stream_Write(attr->stream, reinterpret_cast<const HPDF_BYTE*>(path.data()),
                        static_cast<HPDF_UINT>(path.size())) != HPDF_OK)
    throw std::runtime_error("QR code: writing the page content failed");
  HPDF_Page_GRestore(page);
}

}  // namespace mitra::pdf
