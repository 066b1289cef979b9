// The schema, as numbered migrations applied in order, each in its own transaction.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace mitra::store {

// The four columns every record table carries: when and by whom it was made and last changed (migrations' SQL).
#define MITRA_AUDIT_COLUMNS                                                          \
    "created_at TEXT NOT NULL, created_by TEXT NOT NULL, updated_at TEXT NOT NULL, " \
    "updated_by TEXT NOT NULL"

struct Migration {
    Migration(std::string description, std::vector<std::string> sql, std::vector<std::string> sqlite_only = {},
              std::vector<std::string> postgresql_only = {})
        : description(std::move(description)),
          sql(std::move(sql)),
          sqlite_only(std::move(sqlite_only)),
          postgresql_only(std::move(postgresql_only)) {}

    std::string description;
    std::vector<std::string> sql;  // may use {id} for an auto-numbered primary key, {real} for a float
    // Run after `sql` on one backend only (an SQLite full-text index, a PostgreSQL extension).
    std::vector<std::string> sqlite_only, postgresql_only;
    // Run after the statements, in the same transaction, for what SQL cannot compute (core's name skeletons).
    std::function<void(Database&)> after;

    // The statements for a backend, with the few spellings that differ filled in.
    std::vector<std::string> statements(Backend backend) const;
};

const std::vector<Migration>& migrations();

// Later migrations, each kept in a file of its own (migrations_*.cpp) next to the code that uses it.
Migration certification_migration();        // 5: certifications, learning ledger, trainer certifications
Migration search_migration();               // 6: participant search index
Migration name_skeleton_migration();        // 7: look-alike keys of participants' names
Migration revocation_category_migration();  // 8: revocation categories
Migration settings_migration();             // 9: programme-wide settings (the verification address)
Migration audit_subject_migration();        // 10: the person and session an attendance audit entry concerns
Migration practice_migration();             // 11: supervised practice and observed assessment (issue 21)

}  // namespace mitra::store
