// Writing outside formats: CSV (UTF-8 with a byte-order mark, RFC 4180, CRLF) and XLSX (libxlsxwriter).
// Exports of records use the same columns their importers read, so a round trip changes nothing.
#pragma once
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/audit.hpp"
#include "core/completion.hpp"
#include "core/model.hpp"
#include "core/report.hpp"

namespace mitra::io {

// Spreadsheets (Excel above all) read a CSV as UTF-8 only when it starts with this.
inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// What a column holds, decided per column by each export: text (names, sites, notes, codes) or a number
// (minutes, capacity, a report's figures), which a spreadsheet should be able to sum.
enum class CsvCell { text, number };

// A text field has a spreadsheet formula neutralised (io::guard_formula: =SUM(A1) -> '=SUM(A1), -Rai -> '-Rai),
// which read_csv undoes. A number field that is a plain number (-12, 3.5) is written as it is, so a negative one
// stays a number; anything else in a number column ("<5", "suppressed") is written as text. Then the field is
// quoted when it holds a comma, a quote, a line break or a space at either end.
std::string csv_field(std::string_view text, CsvCell cell = CsvCell::text);
// Fields joined by commas, ended with CRLF; field i is of kind cells[i], text where cells is shorter.
std::string csv_line(const std::vector<std::string>& fields, const std::vector<CsvCell>& cells = {});

// Every table in one CSV of the same shape: table,item,measure,value (table is the table's name, item the
// row's first cell, measure a column's header), so it opens as one sheet and pivots in any spreadsheet.
// With BOM. The four column names in the report's language when given (ReportContent::csv_header):
//   io::tables_csv(content.tables, content.csv_header)
std::string tables_csv(const std::vector<ReportTable>& tables,
                       const std::vector<std::string>& header = {"table", "item", "measure", "value"});

// One sheet per table, named by the table's name (title row, header, rows; whole numbers as numbers),
// written under a temporary name in the same folder and then renamed. `title` is the file's
// (ReportContent::file_title). Throws std::runtime_error naming the file on failure.
void write_xlsx(const std::filesystem::path& path, const std::vector<ReportTable>& tables, const std::string& title);

// The audit history as CSV, one change a row, oldest first as given:
// at,actor,entity,action,subject,old_value,new_value (a missing old or new value is an empty field).
// With BOM. Holds refs and what changed (attendance notes among them): write it owner-only.
std::string audit_csv(const std::vector<AuditEntry>& entries);

// Columns ref,full_name,latin_name,country,language,email,phone,consent_date: what read_participant_csv
// reads. With BOM. Holds personal data.
std::string participants_csv(const std::vector<Participant>& people);

// Columns code,curriculum,curriculum_version,site,country,language,start,end,time_zone,capacity,trainers
// (the options of `cohort create`; trainers separated by ';', lead first). With BOM.
std::string cohorts_csv(const std::vector<Cohort>& cohorts);

// One row per person and module, and one per person for the programme (module "PROGRAMME"):
// cohort,ref,module,required,complete,on_track,overridden,attended_minutes,required_minutes,reason.
// Refs only, no names. With BOM. (Completion is derived, never imported.)
std::string completions_csv(const std::string& cohort_code, const std::vector<ParticipantCompletion>& people);

}  // namespace mitra::io
