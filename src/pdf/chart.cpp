// Column and bar charts: rectangles and lines from libharu, every label shaped by the TextRenderer.
#include "pdf/chart.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace mitra::pdf {
namespace {

struct Rgb {
    double r, g, b;
};
// Okabe-Ito colours: told apart with any colour vision, and in grey on a black-and-white printer.
constexpr Rgb kSeries[] = {{0.0, 0.447, 0.698}, {0.835, 0.369, 0.0}, {0.0, 0.620, 0.451}, {0.8, 0.475, 0.655}};
constexpr Rgb kInk{0.15, 0.15, 0.15}, kMuted{0.45, 0.45, 0.45}, kGrid{0.85, 0.85, 0.85};

void fill(HPDF_Page page, Rgb c) { HPDF_Page_SetRGBFill(page, c.r, c.g, c.b); }
void stroke(HPDF_Page page, Rgb c) { HPDF_Page_SetRGBStroke(page, c.r, c.g, c.b); }

void line(HPDF_Page page, double x0, double y0, double x1, double y1, Rgb c, double width) {
    stroke(page, c);
    HPDF_Page_SetLineWidth(page, width);
    HPDF_Page_MoveTo(page, x0, y0);
    HPDF_Page_LineTo(page, x1, y1);
    HPDF_Page_Stroke(page);
}

void rect(HPDF_Page page, double x, double y, double w, double h, Rgb c) {
    if (w <= 0 || h <= 0) return;
    fill(page, c);
    HPDF_Page_Rectangle(page, x, y, w, h);
    HPDF_Page_Fill(page);
}

std::string number(double v) {
    char buf[32];
    if (std::fabs(v - std::round(v)) < 1e-9) std::snprintf(buf, sizeof buf, "%.0f", v);
    else std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

TextStyle sans(double size, const std::string& lang, bool bold = false) { return TextStyle{"sans", bold, size, lang}; }

void draw_title(HPDF_Page page, TextRenderer& text, const ChartBox& box, const std::string& title,
                const std::string& lang) {
    fill(page, kInk);
    text.draw_fitted(page, title, box.x, box.y + box.height - 11, box.width, sans(11, lang, true));
}

double axis_max(const std::vector<const ReportSeries*>& series, double& step) {
    double max_value = 0;
    for (const auto* s : series)
        for (const auto& b : s->bars)
            if (!b.suppressed) max_value = std::max(max_value, b.value);
    step = nice_step(std::max(max_value, 5.0));
    return std::max(step, std::ceil(std::max(max_value, 5.0) / step) * step);
}

}  // namespace

std::string chart_description(const std::string& title, const std::vector<ReportSeries>& series,
                              const std::string& empty_text) {
    std::string out = title + ": ";
    if (series.empty() || series.front().bars.empty()) return out + empty_text;
    for (std::size_t i = 0; i < series.size(); ++i) {
        if (i > 0) out += "; ";
        if (series.size() > 1) out += series[i].name + ": ";
        for (std::size_t k = 0; k < series[i].bars.size(); ++k)
            out += (k > 0 ? ", " : "") + series[i].bars[k].label + " " + series[i].bars[k].shown;
    }
    return out;
}

double nice_step(double max_value, int ticks) {
    if (max_value <= 0) return 1;
    const double raw = max_value / ticks;
    const double power = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (m * power >= raw) return std::max(1.0, m * power);
    return std::max(1.0, 10 * power);
}

void draw_column_chart(HPDF_Page page, TextRenderer& text, const ChartBox& box, const std::string& title,
                       const std::vector<ReportSeries>& series, const std::string& lang,
                       const std::string& empty_text) {
    draw_title(page, text, box, title, lang);
    if (series.empty() || series.front().bars.empty()) {
        fill(page, kMuted);
        text.draw(page, empty_text, box.x, box.y + box.height / 2, sans(9, lang));
        return;
    }
    std::vector<const ReportSeries*> all;
    for (const auto& s : series) all.push_back(&s);
    double step = 1;
    const double top = axis_max(all, step);

    const double legend_h = series.size() > 1 ? 14 : 0;
    const double axis_w = 28, label_h = 16;
    const double plot_x = box.x + axis_w, plot_w = box.width - axis_w;
    const double plot_y = box.y + label_h, plot_h = box.height - 18 - legend_h - label_h - 10;

    for (double v = 0; v <= top + 1e-9; v += step) {
        const double y = plot_y + plot_h * v / top;
        line(page, plot_x, y, plot_x + plot_w, y, v == 0 ? kMuted : kGrid, v == 0 ? 0.8 : 0.4);
        fill(page, kMuted);
        text.draw(page, number(v), plot_x - 4, y - 2.5, sans(7, lang), Align::right);
    }

    if (series.size() > 1) {
        double lx = box.x + box.width;
        for (std::size_t k = series.size(); k-- > 0;) {
            const double w = text.measure(series[k].name, sans(8, lang));
            lx -= w;
            fill(page, kInk);
            text.draw(page, series[k].name, lx, box.y + box.height - 26, sans(8, lang));
            lx -= 12;
            rect(page, lx, box.y + box.height - 27, 8, 8, kSeries[k % 4]);
            lx -= 10;
        }
    }

    const std::size_t groups = series.front().bars.size();
    const double group_w = plot_w / static_cast<double>(groups);
    const double bar_w = std::min(28.0, group_w * 0.72 / static_cast<double>(series.size()));
    for (std::size_t g = 0; g < groups; ++g) {
        const double centre = plot_x + group_w * (static_cast<double>(g) + 0.5);
        const double first_x = centre - bar_w * static_cast<double>(series.size()) / 2;
        for (std::size_t k = 0; k < series.size(); ++k) {
            if (g >= series[k].bars.size()) continue;
            const ReportBar& b = series[k].bars[g];
            const double x = first_x + bar_w * static_cast<double>(k);
            const double h = b.suppressed ? 0 : plot_h * b.value / top;
            rect(page, x + 1, plot_y, bar_w - 2, h, kSeries[k % 4]);
            fill(page, b.suppressed ? kMuted : kInk);
            const double size = std::clamp(bar_w * 0.45, 5.5, 7.5);
            text.draw(page, b.shown, x + bar_w / 2, plot_y + h + 2.5, sans(size, lang), Align::centre);
        }
        fill(page, kInk);
        text.draw_fitted(page, series.front().bars[g].label, centre - group_w / 2 + 1, box.y + 5, group_w - 2,
                         sans(8, lang), Align::centre, 4.5);
    }
}

void draw_bar_chart(HPDF_Page page, TextRenderer& text, const ChartBox& box, const std::string& title,
                    const ReportSeries& series, const std::string& lang, const std::string& empty_text) {
    draw_title(page, text, box, title, lang);
    if (series.bars.empty()) {
        fill(page, kMuted);
        text.draw(page, empty_text, box.x, box.y + box.height / 2, sans(9, lang));
        return;
    }
    double step = 1;
    const double top = axis_max({&series}, step);
    const double label_w = box.width * 0.45, value_w = 22;
    const double plot_x = box.x + label_w + 6, plot_w = box.width - label_w - 6 - value_w;
    const double plot_top = box.y + box.height - 20, plot_bottom = box.y + 12;
    const double row_h = std::min(16.0, (plot_top - plot_bottom) / static_cast<double>(series.bars.size()));
    const double label_size = std::clamp(row_h * 0.6, 5.5, 8.5);

    for (double v = 0; v <= top + 1e-9; v += step) {
        const double x = plot_x + plot_w * v / top;
        const double bottom = plot_top - row_h * static_cast<double>(series.bars.size());
        line(page, x, bottom, x, plot_top, v == 0 ? kMuted : kGrid, v == 0 ? 0.8 : 0.4);
        fill(page, kMuted);
        text.draw(page, number(v), x, bottom - 9, sans(7, lang), Align::centre);
    }
    for (std::size_t i = 0; i < series.bars.size(); ++i) {
        const ReportBar& b = series.bars[i];
        const double y = plot_top - row_h * static_cast<double>(i + 1);
        fill(page, kInk);
        text.draw_fitted(page, b.label, box.x, y + row_h * 0.3, label_w, sans(label_size, lang), Align::right, 4.5);
        const double w = b.suppressed ? 0 : plot_w * b.value / top;
        rect(page, plot_x, y + row_h * 0.15, w, row_h * 0.7, kSeries[0]);
        fill(page, b.suppressed ? kMuted : kInk);
        text.draw(page, b.shown, plot_x + w + 3, y + row_h * 0.3, sans(label_size, lang));
    }
}

}  // namespace mitra::pdf
