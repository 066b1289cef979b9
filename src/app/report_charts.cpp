// The programme report's three charts on screen: the PDF's look (src/pdf/chart.cpp) drawn with a wx DC.
#include "app/report_charts.hpp"

#include <wx/control.h>
#include <wx/dcbuffer.h>
#include <wx/dcgraph.h>
#include <wx/intl.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/text.hpp"
#include "pdf/chart.hpp"

namespace mitra::app {
namespace {

// The PDF's Okabe-Ito colours, so the screen and the paper agree; each at least 3:1 against the white background
// (WCAG 2.2 for graphics: Okabe-Ito's orange, 2.1:1, gave way to its vermillion, 3.9:1). Text is at least 4.5:1.
const wxColour kSeries[] = {{0, 114, 178}, {213, 94, 0}, {0, 158, 115}, {204, 121, 167}};
const wxColour kInk{38, 38, 38}, kMuted{115, 115, 115}, kGrid{217, 217, 217};
// Each series' pattern over its colour, so that series are told apart without colour (in grey, by a person who
// sees no difference between the two): the first plain, the others hatched in white.
const wxBrushStyle kHatch[] = {wxBRUSHSTYLE_SOLID, wxBRUSHSTYLE_BDIAGONAL_HATCH, wxBRUSHSTYLE_CROSSDIAG_HATCH,
                               wxBRUSHSTYLE_HORIZONTAL_HATCH};

std::string number(double v) {
    char buf[32];
    if (std::fabs(v - std::round(v)) < 1e-9) std::snprintf(buf, sizeof buf, "%.0f", v);
    else std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

double axis_max(const std::vector<const ReportSeries*>& series, double& step) {
    double max_value = 0;
    for (const auto* s : series)
        for (const auto& b : s->bars)
            if (!b.suppressed) max_value = std::max(max_value, b.value);
    step = pdf::nice_step(std::max(max_value, 5.0));
    return std::max(step, std::ceil(std::max(max_value, 5.0) / step) * step);
}

// In a right-to-left interface the charts are drawn mirrored by hand (the axis and the labels at the right, the
// bars growing leftwards) on a left-to-right DC, since a mirrored DC mirrors the letters too: the width to mirror
// in, or 0 to draw as laid out. Set by draw(), read by the three helpers below that put anything on the DC.
int mirror_width = 0;

int mirrored(int x, int width) { return mirror_width > 0 ? mirror_width - x - width : x; }

// The text cut with an ellipsis to fit `width` pixels.
wxString fitted(wxDC& dc, const std::string& text, int width) {
    return wxControl::Ellipsize(wx(text), dc, wxELLIPSIZE_END, std::max(width, 8));
}

void text_at(wxDC& dc, const wxString& text, int x, int y, const wxColour& colour) {
    dc.SetTextForeground(colour);
    dc.DrawText(text, mirrored(x, mirror_width > 0 ? dc.GetTextExtent(text).GetWidth() : 0), y);
}

void rect(wxDC& dc, int x, int y, int w, int h, const wxColour& colour) {
    if (w <= 0 || h <= 0) return;
    dc.SetPen(*wxTRANSPARENT_PEN);
    dc.SetBrush(wxBrush(colour));
    dc.DrawRectangle(mirrored(x, w), y, w, h);
}

// A series' bar or legend swatch: its colour, then its pattern.
void series_rect(wxDC& dc, int x, int y, int w, int h, std::size_t series) {
    rect(dc, x, y, w, h, kSeries[series % 4]);
    if (w <= 0 || h <= 0 || kHatch[series % 4] == wxBRUSHSTYLE_SOLID) return;
    dc.SetBrush(wxBrush(*wxWHITE, kHatch[series % 4]));
    dc.DrawRectangle(mirrored(x, w), y, w, h);
}

void line(wxDC& dc, int x0, int y0, int x1, int y1, const wxColour& colour) {
    dc.SetPen(wxPen(colour, 1));
    dc.DrawLine(mirrored(x0, 1), y0, mirrored(x1, 1), y1);
}

}  // namespace

ChartColours chart_colours() {
    ChartColours c;
    c.background = *wxWHITE;
    c.series.assign(std::begin(kSeries), std::end(kSeries));
    c.text = {kInk, kMuted};
    return c;
}

wxBrushStyle series_pattern(std::size_t series) { return kHatch[series % 4]; }

ReportChartsPanel::ReportChartsPanel(wxWindow* parent) {
    SetBackgroundStyle(wxBG_STYLE_PAINT);  // before Create: every pixel is painted here
    Create(parent, wxID_ANY);
    SetName("charts");
    SetBackgroundColour(*wxWHITE);
    Bind(wxEVT_PAINT, [this](wxPaintEvent&) {
        wxAutoBufferedPaintDC paint(this);
        wxGCDC smooth(paint);  // antialiased, text still shaped by Pango
        // GTK hands a right-to-left window's paint context mirrored, letters included (wx straightens text only
        // on its own paint DC): undone here, since draw() mirrors the charts itself.
        if (paint.GetLayoutDirection() == wxLayout_RightToLeft) {
            smooth.GetGraphicsContext()->Translate(paint.GetSize().GetWidth(), 0);
            smooth.GetGraphicsContext()->Scale(-1, 1);
        }
        draw(smooth, GetClientSize());
    });
    Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        Refresh();
        e.Skip();
    });
}

void ReportChartsPanel::set_charts(const ReportCharts& charts, const std::string& empty_text) {
    charts_ = charts;
    empty_text_ = empty_text;
    filled_ = true;
    Refresh();
}

void ReportChartsPanel::draw(wxDC& dc, const wxSize& size) {
    bars_drawn_ = suppressed_drawn_ = 0;
    mirror_width = GetLayoutDirection() == wxLayout_RightToLeft ? size.GetWidth() : 0;
    dc.SetBackground(*wxWHITE_BRUSH);
    dc.Clear();
    dc.SetFont(GetFont());
    if (!filled_) {
        text_at(dc, _("Press Show the figures to draw the report's charts here."), FromDIP(12), FromDIP(12), kMuted);
        return;
    }
    const int m = FromDIP(12);
    const int w = size.GetWidth() - 2 * m, h = size.GetHeight() - 2 * m;
    if (w < 100 || h < 100) return;
    // A column chart needs about this much height to show its bars under its title, legend and labels.
    const int chart_h = FromDIP(150);
    if (size.GetWidth() >= FromDIP(760) && (h - m) / 2 >= chart_h) {
        // Two columns: the column charts stacked on the left, the funnel (one row per module) the full height on the right.
        const int half_w = (w - m) / 2, half_h = (h - m) / 2;
        draw_columns(dc, {m, m, half_w, half_h}, charts_.by_country_title, charts_.by_country);
        draw_columns(dc, {m, m + half_h + m, half_w, h - half_h - m}, charts_.over_time_title, {charts_.over_time});
        draw_bars(dc, {m + half_w + m, m, w - half_w - m, h}, charts_.funnel_title, charts_.funnel);
    } else if ((h - 2 * m) / 3 < chart_h && w >= FromDIP(480)) {
        // Short and wide (a small screen): the three side by side, each the full height.
        const int third = (w - 2 * m) / 3;
        draw_columns(dc, {m, m, third, h}, charts_.by_country_title, charts_.by_country);
        draw_columns(dc, {m + third + m, m, third, h}, charts_.over_time_title, {charts_.over_time});
        draw_bars(dc, {m + 2 * (third + m), m, w - 2 * (third + m), h}, charts_.funnel_title, charts_.funnel);
    } else {
        const int third = (h - 2 * m) / 3;
        draw_columns(dc, {m, m, w, third}, charts_.by_country_title, charts_.by_country);
        draw_columns(dc, {m, m + third + m, w, third}, charts_.over_time_title, {charts_.over_time});
        draw_bars(dc, {m, m + 2 * (third + m), w, third}, charts_.funnel_title, charts_.funnel);
    }
}

void ReportChartsPanel::draw_columns(wxDC& dc, const wxRect& box, const std::string& title,
                                     const std::vector<ReportSeries>& series) {
    const wxFont normal = GetFont();
    wxFont small = normal.Scaled(0.85f);
    dc.SetFont(normal.Bold());
    const int title_h = dc.GetCharHeight() + FromDIP(4);
    text_at(dc, fitted(dc, title, box.width), box.x, box.y, kInk);
    dc.SetFont(normal);
    if (series.empty() || series.front().bars.empty()) {
        text_at(dc, wx(empty_text_), box.x, box.y + box.height / 2, kMuted);
        return;
    }
    std::vector<const ReportSeries*> all;
    for (const auto& s : series) all.push_back(&s);
    double step = 1;
    const double top = axis_max(all, step);

    const int line_h = dc.GetCharHeight();
    const int legend_h = series.size() > 1 ? line_h + FromDIP(4) : 0;
    if (series.size() > 1) {
        int lx = box.GetRight();
        const int swatch = line_h * 2 / 3;
        for (std::size_t k = series.size(); k-- > 0;) {
            const wxString name = wx(series[k].name);
            lx -= dc.GetTextExtent(name).GetWidth();
            text_at(dc, name, lx, box.y + title_h, kInk);
            lx -= swatch + FromDIP(4);
            series_rect(dc, lx, box.y + title_h + (line_h - swatch) / 2, swatch, swatch, k);
            lx -= FromDIP(12);
        }
    }

    dc.SetFont(small);
    const int axis_w = dc.GetTextExtent(wx(number(top))).GetWidth() + FromDIP(8);
    const int value_h = dc.GetCharHeight() + FromDIP(2);
    dc.SetFont(normal);
    const int plot_x = box.x + axis_w, plot_w = box.width - axis_w;
    const int plot_top = box.y + title_h + legend_h + value_h, plot_bottom = box.GetBottom() - line_h - FromDIP(6);
    const int plot_h = plot_bottom - plot_top;
    if (plot_h < 10 || plot_w < 10) return;

    dc.SetFont(small);
    int labelled_at = plot_bottom + plot_h;  // the last tick labelled: a label closer to it than its height is left out
    for (double v = 0; v <= top + 1e-9; v += step) {
        const int y = plot_bottom - static_cast<int>(std::lround(plot_h * v / top));
        line(dc, plot_x, y, plot_x + plot_w, y, v == 0 ? kMuted : kGrid);
        const wxString tick = wx(number(v));
        const wxSize extent = dc.GetTextExtent(tick);
        if (labelled_at - y < extent.GetHeight()) continue;
        text_at(dc, tick, plot_x - FromDIP(4) - extent.GetWidth(), y - extent.GetHeight() / 2, kMuted);
        labelled_at = y;
    }

    const std::size_t groups = series.front().bars.size();
    const double group_w = static_cast<double>(plot_w) / static_cast<double>(groups);
    const double bar_w =
        std::min(static_cast<double>(FromDIP(40)), group_w * 0.72 / static_cast<double>(series.size()));
    for (std::size_t g = 0; g < groups; ++g) {
        const double centre = plot_x + group_w * (static_cast<double>(g) + 0.5);
        const double first_x = centre - bar_w * static_cast<double>(series.size()) / 2;
        dc.SetFont(small);
        for (std::size_t k = 0; k < series.size(); ++k) {
            if (g >= series[k].bars.size()) continue;
            const ReportBar& b = series[k].bars[g];
            const int x = static_cast<int>(std::lround(first_x + bar_w * static_cast<double>(k)));
            const int bar_h = b.suppressed ? 0 : static_cast<int>(std::lround(plot_h * b.value / top));
            series_rect(dc, x + 1, plot_bottom - bar_h, static_cast<int>(bar_w) - 2, bar_h, k);
            const wxString shown = wx(b.shown);
            const wxSize extent = dc.GetTextExtent(shown);
            text_at(dc, shown, x + static_cast<int>(bar_w / 2) - extent.GetWidth() / 2,
                    plot_bottom - bar_h - extent.GetHeight() - 1, b.suppressed ? kMuted : kInk);
            ++bars_drawn_;
            if (b.suppressed) ++suppressed_drawn_;
        }
        dc.SetFont(normal);
        const wxString label = fitted(dc, series.front().bars[g].label, static_cast<int>(group_w) - 2);
        const int label_w = dc.GetTextExtent(label).GetWidth();
        text_at(dc, label, static_cast<int>(centre) - label_w / 2, plot_bottom + FromDIP(4), kInk);
    }
}

void ReportChartsPanel::draw_bars(wxDC& dc, const wxRect& box, const std::string& title, const ReportSeries& series) {
    const wxFont normal = GetFont();
    dc.SetFont(normal.Bold());
    const int title_h = dc.GetCharHeight() + FromDIP(6);
    text_at(dc, fitted(dc, title, box.width), box.x, box.y, kInk);
    dc.SetFont(normal);
    if (series.bars.empty()) {
        text_at(dc, wx(empty_text_), box.x, box.y + box.height / 2, kMuted);
        return;
    }
    double step = 1;
    const double top = axis_max({&series}, step);
    const int line_h = dc.GetCharHeight();
    const int label_w = box.width * 45 / 100, value_w = dc.GetTextExtent("0000").GetWidth() + FromDIP(6);
    const int plot_x = box.x + label_w + FromDIP(6), plot_w = box.width - label_w - FromDIP(6) - value_w;
    const int plot_top = box.y + title_h, plot_bottom = box.GetBottom() - line_h - FromDIP(4);
    const int row_h = std::min(line_h * 2, (plot_bottom - plot_top) / static_cast<int>(series.bars.size()));
    if (row_h < 4 || plot_w < 10) return;
    const int rows_bottom = plot_top + row_h * static_cast<int>(series.bars.size());

    dc.SetFont(normal.Scaled(0.85f));
    for (double v = 0; v <= top + 1e-9; v += step) {
        const int x = plot_x + static_cast<int>(std::lround(plot_w * v / top));
        line(dc, x, plot_top, x, rows_bottom, v == 0 ? kMuted : kGrid);
        const wxString tick = wx(number(v));
        text_at(dc, tick, x - dc.GetTextExtent(tick).GetWidth() / 2, rows_bottom + FromDIP(2), kMuted);
    }
    dc.SetFont(normal);
    for (std::size_t i = 0; i < series.bars.size(); ++i) {
        const ReportBar& b = series.bars[i];
        const int y = plot_top + row_h * static_cast<int>(i);
        const int text_y = y + (row_h - line_h) / 2;
        const wxString label = fitted(dc, b.label, label_w);
        text_at(dc, label, box.x + label_w - dc.GetTextExtent(label).GetWidth(), text_y, kInk);
        const int w = b.suppressed ? 0 : static_cast<int>(std::lround(plot_w * b.value / top));
        rect(dc, plot_x, y + row_h * 15 / 100, w, row_h * 70 / 100, kSeries[0]);
        text_at(dc, wx(b.shown), plot_x + w + FromDIP(3), text_y, b.suppressed ? kMuted : kInk);
        ++bars_drawn_;
        if (b.suppressed) ++suppressed_drawn_;
    }
}

}  // namespace mitra::app
