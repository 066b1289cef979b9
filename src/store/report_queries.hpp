// The programme report's figures for funders: aggregate counts over a period, and the tables and
// chart series a report may show, with small counts suppressed so no one can be re-identified.
#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/calendar.hpp"
#include "core/report.hpp"
#include "core/report_figures.hpp"
#include "core/suppression.hpp"
#include "core/text.hpp"
#include "store/database.hpp"

namespace mitra::store {

// The raw figures (core/report_figures.hpp): exact counts, never shown as they are (see report_tables).
using mitra::CountryFigures;
using mitra::ModuleFigures;
using mitra::MonthFigures;
using mitra::ProgrammeFigures;
using mitra::ReportFilter;

// Counts everything for the cohorts in scope: those matching the filter that were running in the
// period (started by its end, and their last session or end date not before its start). Completion is
// judged as the records stand, with the period's last day as "today". One consistent read.
ProgrammeFigures programme_figures(Database& db, const ReportFilter& filter);

// ---- How a report speaks -----------------------------------------------------------------------

// Its labels and country names in one language. The default speaks English and shows country codes;
// give io::report_label and io::country_name for any shipped language:
//   store::ReportWords words{"ja", &io::report_label, &io::country_name};
struct ReportWords {
    using Values = std::vector<std::pair<std::string, std::string>>;
    std::string language = "en";  // also the language of curriculum and module titles (English where none)
    std::function<std::string(std::string_view english, std::string_view language, const Values& values)> label;
    std::function<std::string(const std::string& iso_code, std::string_view language)> country;

    // The label whose English text is `english`, with {name} placeholders filled in.
    std::string operator()(const std::string& english, const Values& values = {}) const;
    std::string country_name(const std::string& iso_code) const;
};

// ---- Suppression: what a report may show (decided in core/suppression.hpp) -----------------------

using mitra::Hidden;
using mitra::is_suppressed;
using mitra::report_suppression;
using mitra::ReportSuppression;
using mitra::shown_count;
using mitra::shown_rate;
using mitra::suppress_cells;
using mitra::SumLine;

// The report's tables: summary, by country, by module (attendance, completion and drop-out), by month.
// Countries by name, module titles in the words' language (English where there is none). No names, no refs.
std::vector<ReportTable> report_tables(const ProgrammeFigures& figures, const ReportWords& words = {});
ReportCharts report_charts(const ProgrammeFigures& figures, const ReportWords& words = {});

// Everything a report shows, in one language (core/report.hpp): what the CSV, XLSX, PDF and the desktop's
// Reports view are made of.
ReportContent report_content(const ProgrammeFigures& figures, const ReportWords& words = {});

}  // namespace mitra::store
