// The programme report in words: its tables, charts and content in one language, every count suppressed as
// core/suppression.hpp decides.
#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/report.hpp"
#include "core/report_figures.hpp"

namespace mitra {

// ---- How a report speaks -----------------------------------------------------------------------

// Its labels and country names in one language. The default speaks English and shows country codes;
// give io::report_label and io::country_name for any shipped language:
//   mitra::ReportWords words{"ja", &io::report_label, &io::country_name};
struct ReportWords {
    using Values = std::vector<std::pair<std::string, std::string>>;
    std::string language = "en";  // also the language of curriculum and module titles (English where none)
    std::function<std::string(std::string_view english, std::string_view language, const Values& values)> label;
    std::function<std::string(const std::string& iso_code, std::string_view language)> country;

    // The label whose English text is `english`, with {name} placeholders filled in.
    std::string operator()(const std::string& english, const Values& values = {}) const;
    std::string country_name(const std::string& iso_code) const;
};

// The report's tables: summary, by country, by module (attendance, completion and drop-out), by month.
// Countries by name, module titles in the words' language (English where there is none). No names, no refs.
std::vector<ReportTable> report_tables(const ProgrammeFigures& figures, const ReportWords& words = {});
ReportCharts report_charts(const ProgrammeFigures& figures, const ReportWords& words = {});

// Everything a report shows, in one language (core/report.hpp): what the CSV, XLSX, PDF and the desktop's
// Reports view are made of.
ReportContent report_content(const ProgrammeFigures& figures, const ReportWords& words = {});

}  // namespace mitra
