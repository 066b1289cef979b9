// Matching a CSV header against the columns a reader knows.
#include "io/columns.hpp"

#include <algorithm>

#include "core/text.hpp"

namespace mitra::io {

int ColumnMap::column(const std::string& name) const {
    auto it = index_.find(name);
    return it == index_.end() ? 0 : static_cast<int>(it->second) + 1;
}

std::string ColumnMap::text(const CsvRow& row, const std::string& name) const {
    auto it = index_.find(name);
    if (it == index_.end() || it->second >= row.fields.size()) return {};
    return row.fields[it->second].text;
}

std::optional<ColumnMap> map_columns(const CsvTable& table, const std::vector<std::string>& required,
                                     const std::vector<std::string>& optional, const std::string& file_name,
                                     Problems& problems) {
    auto known = [&](const std::string& name) {
        return std::count(required.begin(), required.end(), name) + std::count(optional.begin(), optional.end(), name);
    };
    ColumnMap columns;
    for (std::size_t i = 0; i < table.header.size(); ++i) {
        const std::string name = trim(table.header[i].text);
        const int column = static_cast<int>(i) + 1;
        if (name.empty()) problems.push_back({file_name, table.header_line, column, "", "this column has no name"});
        else if (!known(name))
            problems.push_back({file_name, table.header_line, column, name,
                                "unknown column '" + name + "'; the columns are " + join(required, ", ") +
                                    (optional.empty() ? "" : " and optionally " + join(optional, ", "))});
        else if (columns.has(name))
            problems.push_back(
                {file_name, table.header_line, column, name,
                 "column '" + name + "' appears twice (first as column " + std::to_string(columns.column(name)) + ")"});
        else columns.add(name, i);
    }
    bool complete = true;
    for (const auto& name : required)
        if (!columns.has(name)) {
            problems.push_back({file_name, table.header_line, 0, name, "the header has no '" + name + "' column"});
            complete = false;
        }
    if (!complete) return std::nullopt;
    return columns;
}

Problem field_problem(const std::string& file_name, const CsvRow& row, const ColumnMap& columns,
                      const std::string& field, std::string message) {
    return {file_name, row.line, columns.column(field), field, std::move(message)};
}

}  // namespace mitra::io
