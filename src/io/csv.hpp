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

// read_csv one row at a time, for files too large to hold as a table: the same checks, the same problems, but
// no row is kept. Problems with the file as a whole and its header come first (problems()); then next() hands
// back each row that has something in it, with that row's own problems (when there are any, `row.fields` is
// not to be used). `content` and `file_name` must outlive the reader.
class CsvReader {
public:
    CsvReader(std::string_view content, const std::string& file_name, const CsvLimits& limits = {});
    const Problems& problems() const { return problems_; }  // the file's and the header's (empty when there is none)
    bool has_header() const { return have_header_; }
    const CsvTable& header() const { return header_; }  // header_line and header, no rows
    bool next(CsvRow& row, Problems& row_problems);     // false after the last row
    void rewind();                                      // back to the first row after the header

private:
    std::string_view content_;
    const std::string& file_name_;
    CsvLimits limits_;
    Problems problems_;
    bool have_header_ = false;
    CsvTable header_;
    std::size_t rows_start_ = 0;  // offset and line of the first record after the header
    int rows_line_ = 1;
    std::size_t pos_ = 0;
    int line_ = 1;
};

}  // namespace mitra::io
