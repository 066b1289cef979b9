// Migration 6: an index for searching participants as the user types (ref, full_name, latin_name).
#include "store/migrations.hpp"

namespace mitra::store {

Migration search_migration() {
    Migration m{"participant search index", {}, {}, {}};
    // SQLite: a trigram full-text index that refers to participants' rows (it keeps no copy of the names),
    // kept in step by triggers. Searches of 3 characters or more find their candidates there.
    m.sqlite_only = {
        "CREATE VIRTUAL TABLE IF NOT EXISTS participant_search USING fts5(ref, full_name, latin_name, content='participants', "
        "content_rowid='rowid', tokenize='trigram')",

        "CREATE TRIGGER IF NOT EXISTS participant_search_insert AFTER INSERT ON participants BEGIN "
        "INSERT INTO participant_search (rowid, ref, full_name, latin_name) "
        "VALUES (new.rowid, new.ref, new.full_name, new.latin_name); END",

        "CREATE TRIGGER IF NOT EXISTS participant_search_delete AFTER DELETE ON participants BEGIN "
        "INSERT INTO participant_search (participant_search, rowid, ref, full_name, latin_name) "
        "VALUES ('delete', old.rowid, old.ref, old.full_name, old.latin_name); END",

        // Names blanked (an erasure) leave nothing of themselves in the index: 'optimize' rewrites it whole,
        // without the entries deleted (until then they stay in older segments, only marked as deleted).
        "CREATE TRIGGER IF NOT EXISTS participant_search_update AFTER UPDATE OF ref, full_name, latin_name "
        "ON participants BEGIN "
        "INSERT INTO participant_search (participant_search, rowid, ref, full_name, latin_name) "
        "VALUES ('delete', old.rowid, old.ref, old.full_name, old.latin_name); "
        "INSERT INTO participant_search (rowid, ref, full_name, latin_name) "
        "VALUES (new.rowid, new.ref, new.full_name, new.latin_name); "
        "INSERT INTO participant_search (participant_search) "
        "SELECT 'optimize' WHERE new.full_name = '' AND new.latin_name = '' "
        "AND (old.full_name <> '' OR old.latin_name <> ''); END",

        "INSERT INTO participant_search (participant_search) VALUES ('rebuild')",
    };
    // PostgreSQL: a GIN index over every 1-, 2- and 3-character piece of the three columns, lowered as LIKE
    // on SQLite compares them (ASCII letters only). Built in (no extension), and unlike pg_trgm it keeps
    // letters of every script whatever the database's locale (pg_trgm under LC_CTYPE C sees only ASCII).
    m.postgresql_only = {
        "CREATE OR REPLACE FUNCTION participant_search_grams(ref TEXT, full_name TEXT, latin_name TEXT) RETURNS TEXT[] "
        "LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 1000 AS $$ "
        "SELECT ARRAY(SELECT substr(s, i, n) FROM "
        "unnest(ARRAY[lower(ref COLLATE \"C\"), lower(full_name COLLATE \"C\"), lower(latin_name COLLATE \"C\")]) "
        "AS s, generate_series(1, 3) AS n, generate_series(1, length(s) - n + 1) AS i) $$",

        "CREATE INDEX IF NOT EXISTS participants_search ON participants "
        "USING gin (participant_search_grams(ref, full_name, latin_name))",
    };
    return m;
}

}  // namespace mitra::store
