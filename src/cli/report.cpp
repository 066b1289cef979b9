// mitra-cli report: the programme's figures for a period, as PDF with charts, CSV or XLSX (aggregates only).
#include <filesystem>

#include "cli/context.hpp"
#include "io/export.hpp"
#include "io/files.hpp"
#include "pdf/report.hpp"
#include "store/report_queries.hpp"
#include "store/repos.hpp"

namespace mitra::cli {
namespace {

namespace fs = std::filesystem;

std::string upper(std::string s) {
    for (char& c : s)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return s;
}

std::string format_of(const std::string& format, const std::string& out) {
    if (!format.empty()) return format;
    const std::string ext = fs::path(out).extension().string();
    if (ext == ".csv") return "csv";
    if (ext == ".xlsx") return "xlsx";
    return "pdf";
}

std::vector<io::Table> io_tables(const std::vector<store::ReportTable>& tables) {
    std::vector<io::Table> out;
    for (const auto& t : tables) out.push_back({t.name, t.title, t.header, t.rows});
    return out;
}

pdf::ChartSeries chart_series(const store::ReportSeries& s) {
    pdf::ChartSeries out{s.name, {}};
    for (const auto& b : s.bars) out.bars.push_back({b.label, b.value, b.suppressed, b.shown});
    return out;
}

std::string value_of(const store::ReportTable& summary, const std::string& figure) {
    for (const auto& row : summary.rows)
        if (row.size() == 2 && row[0] == figure) return row[1];
    return "";
}

pdf::ReportDocument pdf_document(const store::ProgrammeFigures& f, const std::vector<store::ReportTable>& tables,
                                 const store::ReportCharts& charts, const std::string& language) {
    pdf::ReportDocument doc;
    doc.language = language;
    const auto& summary = tables.front();
    std::string scope = "Period " + to_string(f.filter.from) + " to " + to_string(f.filter.to);
    scope += "  ·  country " + (f.filter.country.empty() ? std::string("all") : f.filter.country);
    scope += "  ·  curriculum " + (f.filter.curriculum.empty() ? std::string("all") : f.filter.curriculum);
    scope += "  ·  cohort " + (f.filter.cohort.empty() ? std::string("all") : f.filter.cohort);
    doc.subtitle_lines.push_back(scope);
    if (!f.curriculum_title.empty()) {
        std::string title = f.curriculum_title.in(language);
        if (title != f.curriculum_title.in("en")) title += "  ·  " + f.curriculum_title.in("en");
        doc.subtitle_lines.push_back(title);
    }
    doc.subtitle_lines.push_back(std::to_string(f.cohorts) + " cohort(s), " + std::to_string(f.sessions) +
                                 " session(s) held");
    for (const auto& figure : {"people enrolled", "people completed", "completion rate", "session hours delivered",
                               "certificates issued", "trainers active"})
        doc.key_figures.push_back({figure, value_of(summary, figure)});
    for (const auto& s : charts.by_country) doc.by_country.push_back(chart_series(s));
    doc.funnel = chart_series(charts.funnel);
    doc.over_time = chart_series(charts.over_time);
    for (const auto& t : tables) doc.tables.push_back({t.title, t.header, t.rows});
    return doc;
}

}  // namespace

void add_report_commands(CLI::App& app, Context& ctx) {
    auto* report = app.add_subcommand("report", "The programme report for funders: aggregate figures only, as PDF "
                                                "with charts, CSV or XLSX");
    static std::string from, to, country, curriculum, cohort, format, out, language = "en";
    report->add_option("--from", from, "First day of the period, YYYY-MM-DD")->required();
    report->add_option("--to", to, "Last day of the period, YYYY-MM-DD")->required();
    report->add_option("--country", country, "Only cohorts in this country (ISO 3166-1 code)");
    report->add_option("--curriculum", curriculum, "Only cohorts of this curriculum (code)");
    report->add_option("--cohort", cohort, "Only this cohort");
    report->add_option("--format", format, "pdf, csv or xlsx (default: from the --out file's extension, else pdf)")
        ->check(CLI::IsMember({"pdf", "csv", "xlsx"}));
    report->add_option("--language", language, "The language of curriculum and module titles (default: en)");
    report->add_option("--out", out, "The file to write (written under a temporary name, then renamed)")->required();
    report->callback([&ctx] {
        store::ReportFilter filter;
        filter.from = date_option("--from", from);
        filter.to = date_option("--to", to);
        if (filter.to < filter.from) bad_option("--to", "the period ends before it starts (" + from + " to " + to + ")");
        filter.country = upper(country);
        filter.curriculum = curriculum;
        filter.cohort = cohort;
        if (!cohort.empty() && !store::CohortRepo(ctx.db()).find(cohort))
            bad_option("--cohort", "no cohort has code " + cohort);
        if (!curriculum.empty() && !store::CurriculumRepo(ctx.db()).find(curriculum))
            bad_option("--curriculum", "no curriculum has code " + curriculum);
        const std::string kind = format_of(format, out);

        const auto figures = store::programme_figures(ctx.db(), filter, language);
        const auto tables = store::report_tables(figures, language);
        if (kind == "csv") {
            io::write_file_atomically(out, io::tables_csv(io_tables(tables)));
        } else if (kind == "xlsx") {
            io::write_xlsx(out, io_tables(tables), "Mitra programme report " + from + " to " + to);
        } else {
            pdf::FontStack fonts;
            const auto charts = store::report_charts(figures, language);
            io::write_file_atomically(out, pdf::render_report_pdf(fonts, pdf_document(figures, tables, charts, language)));
        }

        json j{{"file", out}, {"format", kind}};
        for (const auto& t : tables) {
            if (t.name == "Summary") {
                for (const auto& row : t.rows) j["summary"][row[0]] = row[1];
                continue;
            }
            json rows = json::array();
            for (const auto& row : t.rows) {
                json item = json::object();
                for (std::size_t c = 0; c < row.size() && c < t.header.size(); ++c) item[t.header[c]] = row[c];
                rows.push_back(item);
            }
            j[t.name == "Countries" ? "countries" : t.name == "Modules" ? "modules" : "months"] = rows;
        }
        const auto& summary = tables.front();
        ctx.print(j, "Wrote " + out + " (" + kind + "): " + std::to_string(figures.cohorts) + " cohort(s), " +
                         value_of(summary, "people enrolled") + " enrolled, " + value_of(summary, "people completed") +
                         " completed (" + value_of(summary, "completion rate") + "), " +
                         value_of(summary, "session hours delivered") + " session hours");
    });
}

}  // namespace mitra::cli
