// The programme report's three charts on screen, drawn from the core's ReportCharts as the PDF draws them.
#pragma once
#include <wx/brush.h>
#include <wx/colour.h>
#include <wx/panel.h>

#include <cstddef>
#include <string>
#include <vector>

#include "core/report.hpp"

class wxDC;

namespace mitra::app {

// The charts' colours: the background, each series' (bars and legend), and the text's (titles, labels, values).
struct ChartColours {
    wxColour background;
    std::vector<wxColour> series;
    std::vector<wxColour> text;
};
ChartColours chart_colours();
// The pattern drawn over a series' colour (the first plain, the others hatched), in its bars and legend.
wxBrushStyle series_pattern(std::size_t series);

class ReportChartsPanel : public wxPanel {
public:
    explicit ReportChartsPanel(wxWindow* parent);

    // Shows these charts (already in the report's language); `empty_text` stands in for a chart with no bars.
    void set_charts(const ReportCharts& charts, const std::string& empty_text);
    // Draws the charts into any DC of `size` (the panel's paint handler, a bitmap in the tests).
    void draw(wxDC& dc, const wxSize& size);
    // What the last draw laid out: every bar (a suppressed one counts, drawn with no height) and its value label.
    std::size_t bars_drawn() const { return bars_drawn_; }
    std::size_t suppressed_drawn() const { return suppressed_drawn_; }

private:
    void draw_columns(wxDC& dc, const wxRect& box, const std::string& title, const std::vector<ReportSeries>& series);
    void draw_bars(wxDC& dc, const wxRect& box, const std::string& title, const ReportSeries& series);

    ReportCharts charts_;
    std::string empty_text_;
    bool filled_ = false;
    std::size_t bars_drawn_ = 0, suppressed_drawn_ = 0;
};

}  // namespace mitra::app
