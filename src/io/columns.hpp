// Finding a CSV file's columns by name, for the record readers; reports unknown, repeated and missing ones.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "io/csv.hpp"

namespace mitra::io {

class ColumnMap {
public:
    bool has(const std::string& name) const { return index_.count(name) > 0; }
    int column(const std::string& name) const;                           // 1-based; 0 when absent
    std::string text(const CsvRow& row, const std::string& name) const;  // as written; "" when absent
    void add(const std::string& name, std::size_t index) { index_[name] = index; }

private:
    std::map<std::string, std::size_t> index_;
};

// Header names are matched exactly after trimming spaces, in any order. Unknown or repeated
// columns are problems on the header line; nullopt when a required column is missing, since
// checking the rows would only repeat that.
std::optional<ColumnMap> map_columns(const CsvTable& table, const std::vector<std::string>& required,
                                     const std::vector<std::string>& optional, const std::string& file_name,
                                     Problems& problems);

// A problem in one field of a row, located at the field's column, with its code's English words as its message.
Problem field_problem(const std::string& file_name, const CsvRow& row, const ColumnMap& columns,
                      const std::string& field, ProblemCode code, std::vector<std::string> values = {});

}  // namespace mitra::io
