// Bar charts drawn with libharu, their labels in any script through the TextRenderer.
//
//   mitra::pdf::draw_column_chart(page, text, {x, y, w, h}, "People by country", {enrolled, completed});
//
// The series are core/report.hpp's ReportSeries, as store::report_charts gives them.
//
// A bar whose count is suppressed (1 to 4 people) is never drawn to scale: its place shows "<5".
#pragma once

#include "core/report.hpp"
#include "pdf/text_renderer.hpp"

#include <hpdf.h>

#include <string>
#include <vector>

namespace mitra::pdf {

struct ChartBox {
    double x = 0, y = 0, width = 0, height = 0;  ///< points; (x, y) is the bottom-left corner
};

/// `empty_text` stands in for a chart with nothing to show, in the report's language.
/// Vertical bars, one group per label (the labels of the first series), one bar per series in each group,
/// with a title, a value axis with grid lines, a legend when there are two or more series.
void draw_column_chart(HPDF_Page page, TextRenderer& text, const ChartBox& box, const std::string& title,
                       const std::vector<ReportSeries>& series, const std::string& lang = "",
                       const std::string& empty_text = "Nothing to show for this period");

/// Horizontal bars, one row per bar, the labels on the left (a funnel when the bars come in order).
void draw_bar_chart(HPDF_Page page, TextRenderer& text, const ChartBox& box, const std::string& title,
                    const ReportSeries& series, const std::string& lang = "",
                    const std::string& empty_text = "Nothing to show for this period");

/// What a chart shows, as a figure's alternative text: "<title>: <series>: <label> <shown>, ...; <series>: ..."
/// (the series' name left out when there is one), or "<title>: <empty_text>" when it has no bars.
std::string chart_description(const std::string& title, const std::vector<ReportSeries>& series,
                              const std::string& empty_text = "Nothing to show for this period");

/// A step of 1, 2 or 5 times a power of ten, so that about `ticks` steps cover `max_value`.
double nice_step(double max_value, int ticks = 4);

}  // namespace mitra::pdf
