// The programme report as every format shows it (CSV, XLSX, PDF, JSON, the desktop's Reports view): plain
// values, every count already suppressed and every word already in the report's language.
//
//   const mitra::ReportContent content = store::report_content(figures, words);
//   io::tables_csv(content.tables, content.csv_header);   pdf::render_report_pdf(fonts, content);
#pragma once
#include <string>
#include <utility>
#include <vector>

namespace mitra {

// A table of text with stable English keys beside it for machines; no names, no refs.
struct ReportTable {
    std::string key;   // "summary", "countries", "modules", "months"
    std::string name;  // a short name, also the XLSX sheet's name (at most 31 characters)
    std::string title;
    std::vector<std::string> columns;   // stable keys of the columns ("people enrolled"), as the English header
    std::vector<std::string> header;    // the columns' headings in the report's language
    std::vector<std::string> row_keys;  // stable key of each row: a summary figure, a country code, "PSF/M01", a month
    std::vector<std::vector<std::string>> rows;
};

// One bar of a chart: the value is 0 and `suppressed` set when the count may not be shown (never drawn to scale).
struct ReportBar {
    std::string label;
    double value = 0;
    bool suppressed = false;
    std::string shown;  // the value as text, printed by the bar ("12", "<5")
};

struct ReportSeries {
    std::string name;  // in the legend
    std::vector<ReportBar> bars;
};

struct ReportCharts {
    std::vector<ReportSeries> by_country;  // enrolled and completed, one bar pair per country
    ReportSeries funnel;                   // people complete in each module, in curriculum order
    ReportSeries over_time;                // attendances per month
    std::string by_country_title = "People enrolled and completed, by country";
    std::string funnel_title = "Completion funnel: people who completed each module";
    std::string over_time_title = "Attendance over time: attendances per month";
};

// Everything a report shows, in one language. The defaults speak English.
struct ReportContent {
    std::string language;  // BCP 47 of the words and titles (picks the fonts' forms: CJK, Urdu); may be empty
    std::string title = "Programme report";
    std::string file_title = "Programme report";                   // with the period, for a file's properties
    std::vector<std::string> subtitle_lines;                       // period, filters, curriculum title, counts
    std::vector<std::pair<std::string, std::string>> key_figures;  // label, shown value ("<5", "83%")
    std::vector<ReportTable> tables;
    ReportCharts charts;
    std::string footer =
        "Aggregate figures only: counts from 1 to 4 are shown as <5 and rates from them are suppressed.";
    std::string nothing_to_show = "Nothing to show for this period";  // an empty chart
    std::string nothing_in_period = "nothing in this period";         // an empty table
    std::string page = "page {n}";                                    // {n}: the page's number
    std::vector<std::string> csv_header = {"table", "item", "measure", "value"};
};

}  // namespace mitra
