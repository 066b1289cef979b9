// Test helper: the cells of a CSV file as a spreadsheet sees them, before Mitra's reader takes any quote off.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace mitra::io::testing {

// Every field of every row, quotes undone ("" -> ") but nothing else: what a spreadsheet puts in each cell.
// Deliberately not io::read_csv, which removes the quote that neutralises a formula.
inline std::vector<std::string> spreadsheet_cells(std::string_view csv) {
    if (csv.starts_with("\xEF\xBB\xBF")) csv.remove_prefix(3);
    std::vector<std::string> cells(1);
    bool quoted = false;
    for (std::size_t i = 0; i < csv.size(); ++i) {
        const char c = csv[i];
        const char next = i + 1 < csv.size() ? csv[i + 1] : '\0';
        if (quoted) {
            if (c == '"' && next == '"') cells.back() += c, ++i;
            else if (c == '"') quoted = false;
            else cells.back() += c;
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',' || c == '\n') {
            cells.emplace_back();
        } else if (!(c == '\r' && next == '\n')) {
            cells.back() += c;
        }
    }
    return cells;
}

// A cell a spreadsheet would run as a formula (OWASP: it begins with =, +, -, @, a tab or a carriage return).
inline bool starts_formula(const std::string& cell) {
    return !cell.empty() && std::string_view("=+-@\t\r").find(cell.front()) != std::string_view::npos;
}

}  // namespace mitra::io::testing
