// The programme report as PDF (key figures, charts, tables), and what reports and paper forms share:
// an A4 page of a document (haru.hpp), and text wrapped to a width in any script.
//
//   mitra::pdf::FontStack fonts;
//   std::string pdf = mitra::pdf::render_report_pdf(fonts, store::report_content(figures, words));
//   io::write_file_atomically(path, pdf);
#pragma once

#include "pdf/chart.hpp"
#include "pdf/font_stack.hpp"
#include "pdf/haru.hpp"
#include "pdf/text_renderer.hpp"

#include <hpdf.h>

#include <string>
#include <utility>
#include <vector>

namespace mitra::pdf {

// The report as PDF bytes (A4 portrait): title, subtitle lines, key figures, the charts, then every table,
// each page numbered in the report's words. Throws MissingFontError for text no Noto font covers,
// std::runtime_error when libharu fails.
std::string render_report_pdf(FontStack& fonts, const ReportContent& report);

// ---- Shared by reports and forms ----------------------------------------------------------------

// A new A4 page at the end of `doc`. Throws std::runtime_error when libharu cannot add it.
HPDF_Page add_a4_page(haru::Document& doc, bool landscape = false);

// Breaks text into lines no wider than `width` points: at spaces, and between characters in scripts
// written without spaces (Chinese, Japanese, Thai) or inside a word too long for a line.
std::vector<std::string> wrap_text(TextRenderer& text, const std::string& utf8, double width, const TextStyle& style);

// Millimetres to points.
constexpr double mm(double millimetres) { return millimetres * 72.0 / 25.4; }

constexpr double kA4Width = 595.276, kA4Height = 841.89;

}  // namespace mitra::pdf
