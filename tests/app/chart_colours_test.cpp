// The report charts' colours, measured by WCAG 2.2: bars against their background (3:1, graphics), words
// (4.5:1, text), and series told apart by more than colour.
#include <catch2/catch.hpp>

#include <wx/bitmap.h>
#include <wx/dcmemory.h>
#include <wx/frame.h>
#include <wx/image.h>

#include <cmath>
#include <set>

#include "app/report_charts.hpp"
#include "fixture.hpp"

using namespace mitra;
using namespace mitra::app_test;

namespace {

ReportSeries series(const std::string& name, std::vector<double> values) {
    ReportSeries s{name, {}};
    const char* countries[] = {"Nepal", "India", "Japan", "Indonesia"};
    for (std::size_t i = 0; i < values.size(); ++i)
        s.bars.push_back({countries[i % 4], values[i], false, std::to_string(static_cast<int>(values[i]))});
    return s;
}

// The most times, in one row of pixels, that the colour starts again after another (a plain bar: once per bar in
// the row; a hatched one: once per stripe).
int most_starts_in_a_row(const wxImage& image, const wxColour& colour) {
    int most = 0;
    for (int y = 0; y < image.GetHeight(); ++y) {
        int starts = 0;
        bool in = false;
        for (int x = 0; x < image.GetWidth(); ++x) {
            const bool here = image.GetRed(x, y) == colour.Red() && image.GetGreen(x, y) == colour.Green() &&
                              image.GetBlue(x, y) == colour.Blue();
            if (here && !in) ++starts;
            in = here;
        }
        most = std::max(most, starts);
    }
    return most;
}

std::size_t pixels_of(const wxImage& image, const wxColour& colour) {
    std::size_t n = 0;
    for (int y = 0; y < image.GetHeight(); ++y)
        for (int x = 0; x < image.GetWidth(); ++x)
            if (image.GetRed(x, y) == colour.Red() && image.GetGreen(x, y) == colour.Green() &&
                image.GetBlue(x, y) == colour.Blue())
                ++n;
    return n;
}

}  // namespace

TEST_CASE(
    "the report charts' bars stand out from their background (3:1), their words read (4.5:1), and the series "
    "differ by pattern, not colour alone",
    "[gui][keys]") {
    const app::ChartColours colours = app::chart_colours();
    REQUIRE(colours.series.size() >= 2);
    for (std::size_t k = 0; k < colours.series.size(); ++k) {
        INFO("series " << k << ": " << colours.series[k].GetAsString(wxC2S_HTML_SYNTAX).utf8_string() << ", "
                       << wcag_contrast(colours.series[k], colours.background) << ":1");
        CHECK(wcag_contrast(colours.series[k], colours.background) >= 3.0);
    }
    for (const auto& text : colours.text) {
        INFO("text " << text.GetAsString(wxC2S_HTML_SYNTAX).utf8_string() << ", "
                     << wcag_contrast(text, colours.background) << ":1");
        CHECK(wcag_contrast(text, colours.background) >= 4.5);
    }
    std::set<int> patterns;
    for (std::size_t k = 0; k < colours.series.size(); ++k) patterns.insert(app::series_pattern(k));
    CHECK(patterns.size() == colours.series.size());

    // Drawn as on screen: the two series of the by-country chart (enrolled, completed), each in its colour, the
    // second striped by its hatch in every bar and in the legend.
    auto* frame = new wxFrame(nullptr, wxID_ANY, "charts");
    auto* charts = new app::ReportChartsPanel(frame);
    ReportCharts data;
    data.by_country = {series("enrolled", {40, 30, 20, 12}), series("completed", {30, 22, 15, 9})};
    data.funnel = series("completed", {30, 28});
    data.over_time = series("attendances", {120, 90, 60});
    charts->set_charts(data, "no figures");
    const wxSize size(1000, 700);
    wxBitmap bitmap(size.GetWidth(), size.GetHeight(), 24);
    {
        wxMemoryDC dc(bitmap);
        charts->draw(dc, size);
    }
    const wxImage image = bitmap.ConvertToImage();
    frame->Destroy();
    pump(20);
    for (std::size_t k = 0; k < 2; ++k) {
        INFO("series " << k);
        CHECK(pixels_of(image, colours.series[k]) > 500);  // the measured colours are the ones drawn
    }
    // Plain: at most one start per bar in a row (4 countries, and the funnel's bars when the charts stack).
    CHECK(most_starts_in_a_row(image, colours.series[0]) <= 6);
    // Hatched: a row through the second series' bars meets several stripes in each.
    CHECK(most_starts_in_a_row(image, colours.series[1]) >= 12);
}
