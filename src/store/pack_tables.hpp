// What a field pack copies of each table (the copier's column lists) and the row helpers export and merge share.
#pragma once
#include <soci/soci.h>

#include <algorithm>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace mitra::store::pack_detail {

using Cell = std::optional<std::string>;
using Row = std::vector<Cell>;

// A table whose rows carry a uuid and their stamps; what a merge compares, matches and remaps.
struct Table {
    std::string name;
    std::vector<std::string> columns;     // uuid first, the stamps last; never a local integer id
    std::vector<std::string> natural;     // the other unique key, when both sides may have made the same record
    std::vector<std::string> references;  // columns naming another row's uuid
    bool removable = false;               // removed in the field -> removed at the hub (when unchanged there)

    std::size_t at(const std::string& column) const {
        return static_cast<std::size_t>(std::find(columns.begin(), columns.end(), column) - columns.begin());
    }
    std::size_t updated_at() const { return columns.size() - 2; }
    std::size_t updated_by() const { return columns.size() - 1; }
    bool is_data(std::size_t i) const { return i > 0 && i + 4 < columns.size(); }
};

// In the order a merge applies them: whatever a row refers to comes before it.
const std::vector<Table>& tables();
const Table& table(const std::string& name);

// Tables without stamps, copied whole with their curriculum or added when missing.
extern const std::vector<std::string> kCurriculumColumns, kModuleColumns, kTextColumns, kTrainerModuleColumns,
    kCohortTrainerColumns;
// The certification a curriculum leads to and its renewal rule: part of the curriculum, so readiness and
// renewal are judged in the field by the same rule as at the hub.
extern const std::vector<std::string> kCertificationDefinitionColumns;
// Trainers' own certifications, so the session rule (qualified and certified) holds in the field; the hub
// records them, so a merge never brings them back.
extern const std::vector<std::string> kTrainerCertificationColumns;
// An observed assessment's levels per criterion (N/O as NULL): no uuid nor stamps, they come and go with it.
extern const std::vector<std::string> kObservedRatingColumns;
extern const std::vector<std::string> kAuditColumns;

// Every table a pack copies, with the columns the copier reads and writes: tables() and the lists above.
// The store test holds this against the migrated schema, so a new column cannot silently drop out of packs.
std::map<std::string, std::vector<std::string>> carried_columns();

std::string column_list(const std::vector<std::string>& columns, const std::string& alias = "");
std::vector<Row> fetch(soci::session& sql, const std::string& query, const std::vector<std::string>& params = {});
void insert(soci::session& sql, const std::string& name, const std::vector<std::string>& columns, const Row& row);
// Sets every data column and the stamps of the hub's row `uuid` to the pack's.
void update(soci::session& sql, const Table& t, const std::string& uuid, const Row& row);
std::optional<Row> find_by(soci::session& sql, const Table& t, const std::vector<std::string>& columns,
                           const std::vector<std::string>& values);

// A pack's SQLite file and whatever journal it left beside it.
void remove_file_and_journal(const std::string& file);

}  // namespace mitra::store::pack_detail
