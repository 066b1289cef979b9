// An RFC 4180 CSV reader that says where each problem is: line and column, in words a trainer understands.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "io/result.hpp"

namespace mitra::io {

// A "column" in this layer is a field's 1-based position in its row ("column 3" is the third
// field), not a character offset: it is what a spreadsheet shows when the file is opened.
struct CsvField {
    std::string text;  // unquoted, "" turned into ", line breaks inside quotes kept
    int column = 0;
};

struct CsvRow {
    int line = 0;  // the line the row starts on; a quoted line break makes a row span several lines
    std::vector<CsvField> fields;
};

struct CsvTable {
    int header_line = 0;
    std::vector<CsvField> header;  // as written; readers trim the names
    std::vector<CsvRow> rows;      // only the rows read cleanly (see read_csv)
};

struct CsvLimits {
    std::size_t max_file_bytes = 50'000'000;
    std::size_t max_field_bytes = 1000;
    std::size_t max_problems = 1000;  // a wrong file (a picture, UTF-16) would otherwise fill the screen
};

// Spreadsheet formulas (CSV injection): a spreadsheet runs a cell that begins with =, +, -, @, a tab or a
// carriage return as a formula. Every CSV Mitra writes puts a single quote in front of such a text cell
// (OWASP's rule), and read_csv takes exactly that quote off again, so export -> spreadsheet -> import changes
// only what was edited. The exact rule, which also brings back values that begin with quotes already:
//   writing: a text that matches  '*[=+-@\t\r]  (any number of quotes, then one of those characters) gets one
//            more ' in front:  =SUM(A1) -> '=SUM(A1),  '=x -> ''=x,  -Rai -> '-Rai;
//   reading: a field that matches '+[=+-@\t\r]  loses its first ':  '=SUM(A1) -> =SUM(A1),  ''=x -> '=x.
// Anything else is left as it is both ways: O'Neil, 'quoted', 12, an empty field. (A file typed by hand with
// '=x in it therefore imports as =x, as a spreadsheet would show it.)
std::string guard_formula(std::string_view text);
std::string unguard_formula(std::string_view text);

// Reads UTF-8 (with or without a byte-order mark), LF or CRLF line ends, quoted fields with ""
// escapes and embedded commas and line breaks. Lines with nothing in them (also ",,,," as Excel
// writes blank rows) are skipped. Every bad row is reported: invalid UTF-8, a NUL byte, a broken
// quote, a field of unreasonable length, more or fewer fields than the header. Every field, quoted or not,
// has a guard_formula quote taken off (unguard_formula).
// Unlike the record readers built on it, the table holds the rows read cleanly even when there are
// problems, so those readers can check them too and report everything at once; they must still
// refuse the whole file when any problem is reported.
Result<CsvTable> read_csv(std::string_view content, const std::string& file_name, const CsvLimits& limits = {});

}  // namespace mitra::io
