// Reading very many rows: a scan hands each row's cells to a callback as text, straight from the backend's own
// buffers (SQLite's statement, PostgreSQL's COPY stream), without the copies SOCI makes of every cell. It is for the few
// reads of millions of rows (the regional report); everything else reads through SOCI.
#pragma once
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace mitra::store {

class Database;

// One row of a scan, valid only during the callback. Integers come as decimal text on both backends.
class ScanRow {
public:
    explicit ScanRow(std::span<const std::optional<std::string_view>> cells) : cells_(cells) {}
    std::optional<std::string_view> cell(std::size_t column) const { return cells_[column]; }
    std::string_view text(std::size_t column) const { return cells_[column].value_or(std::string_view{}); }
    // NULL or not a whole number: nullopt.
    std::optional<long long> integer(std::size_t column) const;

private:
    std::span<const std::optional<std::string_view>> cells_;
};

// Runs `query` (no parameters) in one consistent read of `db` and calls `each` for every row, in the order the
// backend gives them. An error comes out as Database::read says. `each` must not use the database (on PostgreSQL
// the connection is busy streaming the rows); a scan started inside one throws std::logic_error.
void scan(Database& db, const std::string& query, const std::function<void(const ScanRow&)>& each);

}  // namespace mitra::store
