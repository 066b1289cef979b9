// Bar charts drawn with libharu, their labels in any script through the TextRenderer.
//
//   mitra::pdf::draw_column_chart(page, text, {x, y, w, h}, "People by country", {enrolled, completed});
//
// A bar whose count is suppressed (1 to 4 people) is never drawn to scale: its place shows "<5".
#pragma once

#include "pdf/text_renderer.hpp"

#include <hpdf.h>

#include <string>
#include <vector>

namespace mitra::pdf {

struct ChartBar {
  std::string label;
  double value = 0;
  bool suppressed = false;
  std::string shown;  ///< the value as text, printed by the bar ("12", "<5")
};

struct ChartSeries {
  std::string name;  ///< in the legend
  std::vector<ChartBar> bars;
};

struct ChartBox {
  double x = 0, y = 0, width = 0, height = 0;  ///< points; (x, y) is the bottom-left corner
};

/// `empty_text` stands in for a chart with nothing to show, in the report's language.
/// Vertical bars, one group per label (the labels of the first series), one bar per series in each group,
/// with a title, a value axis with grid lines, a legend when there are two or more series.
void draw_column_chart(HPDF_Page page, TextRenderer& text, const ChartBox& box, const std::string& title,
                       const std::vector<ChartSeries>& series, const std::string& lang = "",
                       const std::string& empty_text = "Nothing to show for this period");

/// Horizontal bars, one row per bar, the labels on the left (a funnel when the bars come in order).
void draw_bar_chart(HPDF_Page page, TextRenderer& text, const ChartBox& box, const std::string& title,
                    const ChartSeries& series, const std::string& lang = "",
                    const std::string& empty_text = "Nothing to show for this period");

/// A step of 1, 2 or 5 times a power of ten, so that about `ticks` steps cover `max_value`.
double nice_step(double max_value, int ticks = 4);

}  // namespace mitra::pdf
