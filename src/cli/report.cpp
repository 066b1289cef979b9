// mitra-cli report: the programme's figures for a period, as PDF with charts, CSV or XLSX (aggregates only).
#include <filesystem>

#include "cli/context.hpp"
#include "io/export.hpp"
#include "io/files.hpp"
#include "io/report_labels.hpp"
#include "pdf/report.hpp"
#include "store/report_queries.hpp"
#include "store/repos.hpp"

namespace mitra::cli {
namespace {

namespace fs = std::filesystem;

struct ReportOptions {
    std::string from;
    std::string to;
    std::string country;
    std::string curriculum;
    std::string cohort;
    std::string format;
    std::string out;
    std::string language = "en";
};

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

// A summary figure by its stable key, as shown.
std::string value_of(const ReportTable& summary, const std::string& key) {
    for (std::size_t r = 0; r < summary.row_keys.size(); ++r)
        if (summary.row_keys[r] == key) return summary.rows[r][1];
    return "";
}

void run_report(Context& ctx, const ReportOptions& options) {
    const io::Catalog& words = ctx.words();
    store::ReportFilter filter;
    filter.from = date_option("--from", options.from);
    filter.to = date_option("--to", options.to);
    if (filter.to < filter.from)
        // TRANSLATORS: %1$s and %2$s are the days given (YYYY-MM-DD) for the period's start and end.
        bad_option("--to",
                   io::format(words.tr("the period ends before it starts (%1$s to %2$s)"), {options.from, options.to}));
    filter.country = upper(options.country);
    filter.curriculum = options.curriculum;
    filter.cohort = options.cohort;
    if (!options.cohort.empty() && !store::CohortRepo(ctx.db()).find(options.cohort))
        bad_option("--cohort", ProblemCode::no_cohort, {options.cohort});
    if (!options.curriculum.empty() && !store::CurriculumRepo(ctx.db()).find(options.curriculum))
        // TRANSLATORS: %s is a curriculum's code (PSF).
        bad_option("--curriculum", io::format(words.tr("no curriculum %s"), {options.curriculum}));
    const std::string kind = format_of(options.format, options.out);
    const std::string spoken = io::report_language(options.language);
    if (spoken.empty()) {
        std::string known;
        for (const auto& l : io::report_languages()) known += (known.empty() ? "" : ", ") + l;
        // TRANSLATORS: %1$s is the language code asked for, %2$s the language codes the report has (en, ja, ko).
        bad_option("--language", io::format(words.tr("the report does not speak '%1$s' (it speaks %2$s)"),
                                            {options.language, known}));
    }

    const store::ReportWords report_words{spoken, &io::report_label, &io::country_name};
    const auto figures = store::programme_figures(ctx.db(), filter);
    const auto content = store::report_content(figures, report_words);
    if (kind == "csv") {
        io::write_file_atomically(options.out, io::tables_csv(content.tables, content.csv_header));
    } else if (kind == "xlsx") {
        io::write_xlsx(options.out, content.tables, content.file_title);
    } else {
        pdf::FontStack fonts;
        io::write_file_atomically(options.out, pdf::render_report_pdf(fonts, content));
    }

    // For machines: stable English keys whatever the report's language; the values as shown.
    json j{{"file", options.out}, {"format", kind}, {"language", spoken}};
    for (const auto& t : content.tables) {
        if (t.key == "summary") {
            for (std::size_t r = 0; r < t.rows.size(); ++r) j["summary"][t.row_keys[r]] = t.rows[r][1];
            continue;
        }
        json rows = json::array();
        for (std::size_t r = 0; r < t.rows.size(); ++r) {
            json item = json::object();
            for (std::size_t c = 0; c < t.rows[r].size() && c < t.columns.size(); ++c)
                item[t.columns[c]] = t.rows[r][c];
            if (t.key == "countries" || t.key == "practice") item["code"] = t.row_keys[r];
            rows.push_back(item);
        }
        j[t.key] = rows;
    }
    const auto& summary = content.tables.front();
    // TRANSLATORS: %1$s is the file written, %2$s its format (pdf, csv, xlsx) and %3$s its language (codes);
    // %4$d cohorts, %5$s people enrolled, %6$s people completed, %7$s the completion rate (82%), %8$s the hours
    // of sessions delivered.
    ctx.print(j, io::format(words.trn("Wrote %1$s (%2$s, %3$s): %4$d cohort, %5$s enrolled, %6$s completed (%7$s), "
                                      "%8$s session hours",
                                      "Wrote %1$s (%2$s, %3$s): %4$d cohorts, %5$s enrolled, %6$s completed (%7$s), "
                                      "%8$s session hours",
                                      static_cast<long long>(figures.cohorts)),
                            {options.out, kind, spoken, static_cast<long long>(figures.cohorts),
                             value_of(summary, "people enrolled"), value_of(summary, "people completed"),
                             value_of(summary, "completion rate"), value_of(summary, "session hours delivered")}));
}

}  // namespace

void add_report_commands(CLI::App& app, Context& ctx) {
    const io::Catalog& words = ctx.words();
    // TRANSLATORS: the descriptions of commands and options that `mitra-cli ... --help` shows.
    auto asked = std::make_shared<ReportOptions>();
    auto* report =
        app.add_subcommand("report", words.tr("The programme report for funders: aggregate figures only, as PDF "
                                              "with charts, CSV or XLSX"));
    report->add_option("--from", asked->from, words.tr("First day of the period, YYYY-MM-DD"))->required();
    report->add_option("--to", asked->to, words.tr("Last day of the period, YYYY-MM-DD"))->required();
    report->add_option("--country", asked->country, words.tr("Only cohorts in this country (ISO 3166-1 code)"));
    report->add_option("--curriculum", asked->curriculum, words.tr("Only cohorts of this curriculum (code)"));
    report->add_option("--cohort", asked->cohort, words.tr("Only this cohort"));
    report
        ->add_option("--format", asked->format,
                     words.tr("pdf, csv or xlsx (default: from the --out file's extension, else pdf)"))
        ->check(CLI::IsMember({"pdf", "csv", "xlsx"}));
    report->add_option("--language", asked->language,
                       words.tr("The report's language: en (default), ja, ko, zh-Hans, zh-Hant, th, id, hi, vi or ur"));
    report
        ->add_option("--out", asked->out, words.tr("The file to write (written under a temporary name, then renamed)"))
        ->required();
    report->callback([&ctx, asked] { run_report(ctx, *asked); });
}

}  // namespace mitra::cli
