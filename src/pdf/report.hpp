// The programme report as PDF (key figures, charts, tables), and what reports and paper forms share:
// a libharu document saved to bytes, and text wrapped to a width in any script.
//
//   mitra::pdf::FontStack fonts;
//   std::string pdf = mitra::pdf::render_report_pdf(fonts, report);   // then write it atomically
#pragma once

#include "pdf/chart.hpp"
#include "pdf/font_stack.hpp"
#include "pdf/text_renderer.hpp"

#include <hpdf.h>

#include <string>
#include <utility>
#include <vector>

namespace mitra::pdf {

struct ReportTableView {
  std::string title;
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;  // already suppressed text
};

// What the report shows: every figure already suppressed by the store (no names, no refs).
struct ReportDocument {
  std::string title = "Programme report";
  std::vector<std::string> subtitle_lines;                       // period, filters, curriculum title
  std::vector<std::pair<std::string, std::string>> key_figures;  // label, value ("<5", "83%")
  std::vector<ChartSeries> by_country;  // enrolled and completed per country
  ChartSeries funnel;                   // people complete per module
  ChartSeries over_time;                // attendances per month
  std::vector<ReportTableView> tables;
  std::string language;  // BCP 47 of the labels and titles (picks the fonts' forms: CJK, Urdu); may be empty
  std::string footer = "Aggregate figures only: counts from 1 to 4 are shown as <5 and rates from them are suppressed.";
  // Every other word on the page, in the report's language (store::report_content gives them all).
  std::string by_country_title = "People enrolled and completed, by country";
  std::string over_time_title = "Attendance over time: attendances per month";
  std::string funnel_title = "Completion funnel: people who completed each module";
  std::string nothing_to_show = "Nothing to show for this period";  // an empty chart
  std::string nothing_in_period = "nothing in this period";          // an empty table
  std::string page = "page {n}";                                     // {n}: the page's number
};

// The report as PDF bytes (A4 portrait). Throws MissingFontError for text no Noto font covers,
// std::runtime_error when libharu fails.
std::string render_report_pdf(FontStack& fonts, const ReportDocument& report);

// ---- Shared by reports and forms ----------------------------------------------------------------

// A libharu document whose errors become exceptions, saved to bytes rather than to a file (the caller
// writes the file atomically).
class PdfDocument {
 public:
  explicit PdfDocument(const std::string& title);
  ~PdfDocument();
  PdfDocument(const PdfDocument&) = delete;
  PdfDocument& operator=(const PdfDocument&) = delete;

  HPDF_Doc get() const { return doc_; }
  HPDF_Page add_a4_page(bool landscape = false);
  // Throws std::runtime_error when libharu reported an error since the last check.
  void check(const std::string& doing);
  std::string bytes();

 private:
  HPDF_Doc doc_ = nullptr;
  unsigned long error_ = 0, detail_ = 0;
  friend void pdf_document_error(HPDF_STATUS, HPDF_STATUS, void*);
};

// Breaks text into lines no wider than `width` points: at spaces, and between characters in scripts
// written without spaces (Chinese, Japanese, Thai) or inside a word too long for a line.
std::vector<std::string> wrap_text(TextRenderer& text, const std::string& utf8, double width, const TextStyle& style);

// Millimetres to points.
constexpr double mm(double millimetres) { return millimetres * 72.0 / 25.4; }

constexpr double kA4Width = 595.276, kA4Height = 841.89;

}  // namespace mitra::pdf
