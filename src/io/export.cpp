// CSV and XLSX writers, and the record exports whose columns match the importers.
#include "io/export.hpp"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cstdio>
#include <stdexcept>

#include "core/text.hpp"
#include "io/csv.hpp"
#include "io/durable.hpp"

namespace mitra::io {

namespace {

// -12, 12, 3.5: digits with at most one decimal point and an optional minus sign in front, at most 15
// characters (what a spreadsheet's number holds exactly). Written as a number so a spreadsheet can sum it.
bool is_plain_number(std::string_view s) {
    if (s.empty() || s.size() > 15) return false;
    if (s.starts_with('-')) s.remove_prefix(1);
    const auto dot = s.find('.');
    auto digits = [](std::string_view part) {
        return !part.empty() && std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    if (dot == std::string_view::npos) return digits(s);
    return digits(s.substr(0, dot)) && digits(s.substr(dot + 1));
}

constexpr CsvCell kText = CsvCell::text, kNumber = CsvCell::number;
// table, item and measure are text; value is a figure where it is one.
const std::vector<CsvCell> kReportCells = {kText, kText, kText, kNumber};
// capacity is a number.
const std::vector<CsvCell> kCohortCells = {kText, kText, kText, kText, kText, kText, kText, kText, kText, kNumber};
// attended_minutes and required_minutes are numbers.
const std::vector<CsvCell> kCompletionCells = {kText, kText, kText, kText, kText, kText, kText, kNumber, kNumber};

}  // namespace

std::string csv_field(std::string_view raw, CsvCell cell) {
    const std::string text = cell == CsvCell::number && is_plain_number(raw) ? std::string(raw) : guard_formula(raw);
    const bool quote =
        text.find_first_of(",\"\r\n") != std::string::npos ||
        (!text.empty() && (text.front() == ' ' || text.back() == ' ' || text.front() == '\t' || text.back() == '\t'));
    if (!quote) return text;
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string csv_line(const std::vector<std::string>& fields, const std::vector<CsvCell>& cells) {
    std::string out;
    for (std::size_t i = 0; i < fields.size(); ++i)
        out += (i ? "," : "") + csv_field(fields[i], i < cells.size() ? cells[i] : CsvCell::text);
    return out + "\r\n";
}

std::string tables_csv(const std::vector<ReportTable>& tables, const std::vector<std::string>& header) {
    if (header.size() != 4) throw std::invalid_argument("a report CSV has four columns");
    std::string out(kUtf8Bom);
    out += csv_line(header);
    for (const auto& t : tables)
        for (const auto& row : t.rows)
            for (std::size_t c = 1; c < row.size() && c < t.header.size(); ++c)
                out += csv_line({t.name, row.empty() ? "" : row[0], t.header[c], row[c]}, kReportCells);
    return out;
}

std::string audit_csv(const std::vector<AuditEntry>& entries) {
    std::string out(kUtf8Bom);
    out += csv_line({"at", "actor", "entity", "action", "subject", "old_value", "new_value"});
    for (const auto& e : entries)
        out += csv_line(
            {e.at, e.actor, e.entity, e.action, e.subject, e.old_value.value_or(""), e.new_value.value_or("")});
    return out;
}

namespace {

// Excel refuses sheet names over 31 characters or with []:*?/\ in them; cut between characters, never
// inside one (a name may be in any script).
std::string sheet_name(std::string name, std::size_t index) {
    for (char& c : name)
        if (std::string_view("[]:*?/\\").find(c) != std::string_view::npos) c = '_';
    if (name.empty()) name = "Sheet" + std::to_string(index + 1);
    std::size_t at = 0;
    for (int characters = 0; at < name.size() && characters < 31; ++characters) {
        ++at;
        while (at < name.size() && (static_cast<unsigned char>(name[at]) & 0xC0) == 0x80) ++at;
    }
    return name.substr(0, at);
}

}  // namespace

void write_xlsx(const std::filesystem::path& path, const std::vector<ReportTable>& tables, const std::string& title) {
    // libxlsxwriter writes by name: it writes the temporary, which is published only when whole.
    TemporaryFile temp(path, Access::everyone);
    temp.close();
    auto fail = [&](const std::string& why) { throw std::runtime_error("cannot write " + path.string() + ": " + why); };

    lxw_workbook* book = workbook_new(temp.path().c_str());
    if (!book) fail("the workbook could not be started");
    lxw_doc_properties properties{};
    properties.title = const_cast<char*>(title.c_str());
    properties.author = const_cast<char*>("Mitra");
    workbook_set_properties(book, &properties);
    lxw_format* bold = workbook_add_format(book);
    format_set_bold(bold);
    lxw_format* heading = workbook_add_format(book);
    format_set_bold(heading);
    format_set_font_size(heading, 13);
    for (std::size_t i = 0; i < tables.size(); ++i) {
        const ReportTable& t = tables[i];
        lxw_worksheet* sheet = workbook_add_worksheet(book, sheet_name(t.name, i).c_str());
        if (!sheet) {
            workbook_close(book);
            fail("sheet '" + t.name + "' could not be added");
        }
        worksheet_write_string(sheet, 0, 0, t.title.c_str(), heading);
        for (std::size_t c = 0; c < t.header.size(); ++c)
            worksheet_write_string(sheet, 2, static_cast<lxw_col_t>(c), t.header[c].c_str(), bold);
        for (std::size_t r = 0; r < t.rows.size(); ++r)
            for (std::size_t c = 0; c < t.rows[r].size(); ++c) {
                const auto row = static_cast<lxw_row_t>(r + 3);
                const auto col = static_cast<lxw_col_t>(c);
                const std::string& cell = t.rows[r][c];
                // Text is always written as text, never as a formula, whatever it starts with.
                if (c > 0 && is_plain_number(cell)) worksheet_write_number(sheet, row, col, std::stod(cell), nullptr);
                else worksheet_write_string(sheet, row, col, cell.c_str(), nullptr);
            }
        worksheet_set_column(sheet, 0, 0, 44, nullptr);
        if (t.header.size() > 1)
            worksheet_set_column(sheet, 1, static_cast<lxw_col_t>(t.header.size() - 1), 16, nullptr);
    }
    const lxw_error error = workbook_close(book);
    if (error != LXW_NO_ERROR) fail(lxw_strerror(error));
    temp.publish();
    sync_folder(path.has_parent_path() ? path.parent_path() : std::filesystem::path("."));
}

std::string participants_csv(const std::vector<Participant>& people) {
    std::string out(kUtf8Bom);
    out += csv_line({"ref", "full_name", "latin_name", "country", "language", "email", "phone", "consent_date"});
    for (const auto& p : people)
        out += csv_line({p.ref, p.full_name, p.latin_name, p.country, p.language, p.email, p.phone,
                         p.consent_date ? to_string(*p.consent_date) : ""});
    return out;
}

std::string cohorts_csv(const std::vector<Cohort>& cohorts) {
    std::string out(kUtf8Bom);
    out += csv_line({"code", "curriculum", "curriculum_version", "site", "country", "language", "start", "end",
                     "time_zone", "capacity", "trainers"});
    for (const auto& c : cohorts)
        out += csv_line({c.code, c.curriculum_code, c.curriculum_version, c.site, c.country, c.language,
                         to_string(c.start_date), c.end_date ? to_string(*c.end_date) : "", c.time_zone,
                         std::to_string(c.capacity), join(c.trainer_refs, ";")},
                        kCohortCells);
    return out;
}

std::string completions_csv(const std::string& cohort_code, const std::vector<ParticipantCompletion>& people) {
    auto yes = [](bool b) { return std::string(b ? "yes" : "no"); };
    std::string out(kUtf8Bom);
    out += csv_line({"cohort", "ref", "module", "required", "complete", "on_track", "overridden", "attended_minutes",
                     "required_minutes", "reason"});
    for (const auto& p : people) {
        out +=
            csv_line({cohort_code, p.ref, "PROGRAMME", "yes", yes(p.complete), yes(p.on_track), "", "", "", p.reason},
                     kCompletionCells);
        for (const auto& m : p.modules)
            out += csv_line(
                {cohort_code, p.ref, m.code, yes(m.required), yes(m.complete), yes(m.on_track), yes(m.overridden),
                 std::to_string(m.attended_minutes), std::to_string(m.required_minutes), m.reason},
                kCompletionCells);
    }
    return out;
}

}  // namespace mitra::io
