// Migration 7: programme-wide settings (the verification address certificates link to).
#include "store/migrations.hpp"

namespace mitra::store {

Migration settings_migration() {
    return Migration{"settings: programme-wide values such as the verification address",
                     {
                         "CREATE TABLE settings (name TEXT PRIMARY KEY, value TEXT NOT NULL, updated_at TEXT NOT NULL, "
                         "updated_by TEXT NOT NULL)",
                     }};
}

}  // namespace mitra::store
