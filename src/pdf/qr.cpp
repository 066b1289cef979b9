// QR encoding through libqrencode and vector drawing of the symbol.
#include "pdf/qr.hpp"

#include <hpdf_pages.h>
#include <qrencode.h>

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

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
  for (std::size_t i = 0; i < qr.dark.size(); ++i) qr.dark[i] = code->data[i] & 1;
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
  // (abutting rectangles of one fill show no seams). A row's run of dark modules that the rows below
  // repeat exactly is one taller rectangle (a tenth fewer operators to write and deflate). Written
  // straight into the content stream: through HPDF_Page_Rectangle, its ~1,300 calls a certificate
  // were a sixth of the rendering time.
  HPDF_Page_GSave(page);
  HPDF_Page_Concat(page, static_cast<HPDF_REAL>(module), 0, 0, static_cast<HPDF_REAL>(module),
                   static_cast<HPDF_REAL>(x), static_cast<HPDF_REAL>(y));
  std::string path;
  path.reserve(static_cast<std::size_t>(qr.size) * qr.size * 3);
  struct Run {
    int first, end, top;  // columns [first, end), from row `top` down
  };
  // Rows top .. below-1 (counted from the top of the symbol) as one rectangle; PDF's y goes up. Numbers are
  // under 200 (a symbol has at most 177 modules a side, and 4 more each side), written digit by digit.
  auto rectangle = [&](const Run& r, int below) {
    char buf[32];
    char* at = buf;
    for (const int v : {kQrQuietModules + r.first, total - kQrQuietModules - below, r.end - r.first, below - r.top}) {
      if (v >= 100) *at++ = static_cast<char>('0' + v / 100);
      if (v >= 10) *at++ = static_cast<char>('0' + v / 10 % 10);
      *at++ = static_cast<char>('0' + v % 10);
      *at++ = ' ';
    }
    path.append(buf, static_cast<std::size_t>(at - buf));
    path += "re\n";
  };
  std::vector<Run> open, row_runs;  // both in column order
  for (int row = 0; row <= qr.size; ++row) {
    row_runs.clear();
    const unsigned char* modules = row < qr.size ? &qr.dark[static_cast<std::size_t>(row) * qr.size] : nullptr;
    for (int col = 0; modules && col < qr.size;) {
      if (!modules[col]) {
        ++col;
        continue;
      }
      int end = col;
      while (end < qr.size && modules[end]) ++end;
      row_runs.push_back({col, end, row});
      col = end;
    }
    // A run the row above had exactly goes on down; the row above's other runs end there.
    std::size_t k = 0;
    for (const Run& o : open) {
      while (k < row_runs.size() && row_runs[k].first < o.first) ++k;
      if (k < row_runs.size() && row_runs[k].first == o.first && row_runs[k].end == o.end)
        row_runs[k].top = o.top;
      else
        rectangle(o, row);
    }
    std::swap(open, row_runs);
  }
  path += "f\n";
  const auto attr = static_cast<HPDF_PageAttr>(page->attr);
  if (HPDF_Stream_Write(attr->stream, reinterpret_cast<const HPDF_BYTE*>(path.data()),
                        static_cast<HPDF_UINT>(path.size())) != HPDF_OK)
    throw std::runtime_error("QR code: writing the page content failed");
  HPDF_Page_GRestore(page);
}

}  // namespace mitra::pdf
