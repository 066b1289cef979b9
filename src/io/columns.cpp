// Matching a CSV header against the columns a reader knows.
#include "io/columns.hpp"

#include <algorithm>

#include "core/text.hpp"
#include "io/reason_words.hpp"

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
        const Problem place{file_name, table.header_line, column, name, ""};
        if (name.empty()) problems.push_back(coded_problem(place, ProblemCode::column_unnamed));
        else if (!known(name))
            problems.push_back(
                coded_problem(place, ProblemCode::column_unknown, {name, join(required, ", "), join(optional, ", ")}));
        else if (columns.has(name))
            problems.push_back(
                coded_problem(place, ProblemCode::column_twice, {name, std::to_string(columns.column(name))}));
        else columns.add(name, i);
    }
    bool complete = true;
    for (const auto& name : required)
        if (!columns.has(name)) {
            problems.push_back(
                coded_problem({file_name, table.header_line, 0, name, ""}, ProblemCode::column_missing, {name}));
            complete = false;
        }
    if (!complete) return std::nullopt;
    return columns;
}

Problem field_problem(const std::string& file_name, const CsvRow& row, const ColumnMap& columns,
                      const std::string& field, ProblemCode code, std::vector<std::string> values) {
    return coded_problem({file_name, row.line, columns.column(field), field, ""}, code, std::move(values));
}

}  // namespace mitra::io
