// Migration 6: an index for searching participants as the user types (ref, full_name, latin_name).
#include "store/migrations.hpp"

namespace mitra::store {

Migration search_migration() {
    Migration m{"participant search index", {}, {}, {}};
    // SQLite: a trigram full-text index that refers to participants' rows (it keeps no copy of the names),
    // kept in step by triggers. Searches of 3 characters or more find their candidates there.
    m.sqlite_only = {
        "CREATE VIRTUAL TABLE IF NOT EXISTS participant_search USING fts5(ref, full_name, latin_name, "
        "content='participants', "
        "content_rowid='rowid', tokenize='trigram')",

        // A row here pauses the triggers: a large import writes its people, then rebuilds the index once (FTS5
        // writes its pending entries out at every statement, which one statement per person makes slow).
        "CREATE TABLE IF NOT EXISTS participant_search_paused (paused INTEGER NOT NULL)",

        "CREATE TRIGGER IF NOT EXISTS participant_search_insert AFTER INSERT ON participants "
        "WHEN NOT EXISTS (SELECT 1 FROM participant_search_paused) BEGIN "
        "INSERT INTO participant_search (rowid, ref, full_name, latin_name) "
        "VALUES (new.rowid, new.ref, new.full_name, new.latin_name); END",

        "CREATE TRIGGER IF NOT EXISTS participant_search_delete AFTER DELETE ON participants "
        "WHEN NOT EXISTS (SELECT 1 FROM participant_search_paused) BEGIN "
        "INSERT INTO participant_search (participant_search, rowid, ref, full_name, latin_name) "
        "VALUES ('delete', old.rowid, old.ref, old.full_name, old.latin_name); END",

        // Names blanked (an erasure) leave nothing of themselves in the index: 'optimize' rewrites it whole,
        // without the entries deleted (until then they stay in older segments, only marked as deleted).
        "CREATE TRIGGER IF NOT EXISTS participant_search_update AFTER UPDATE OF ref, full_name, latin_name "
        "ON participants WHEN NOT EXISTS (SELECT 1 FROM participant_search_paused) BEGIN "
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
        // PL/pgSQL keeps its plans for the session (an SQL function is planned again at every insert).
        "CREATE OR REPLACE FUNCTION participant_search_grams(ref TEXT, full_name TEXT, latin_name TEXT) "
        "RETURNS TEXT[] LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE COST 1000 AS $$ "
        "DECLARE field TEXT; chars TEXT[]; n INTEGER; grams TEXT[] = '{}'; "
        "BEGIN "
        "FOREACH field IN ARRAY ARRAY[lower(ref COLLATE \"C\"), lower(full_name COLLATE \"C\"), "
        "lower(latin_name COLLATE \"C\")] LOOP "
        "chars = string_to_array(field, NULL); "
        "n = coalesce(array_length(chars, 1), 0); "
        "FOR i IN 1..n LOOP "
        "grams = grams || chars[i]; "
        "IF i < n THEN grams = grams || (chars[i] || chars[i + 1]); END IF; "
        "IF i + 1 < n THEN grams = grams || (chars[i] || chars[i + 1] || chars[i + 2]); END IF; "
        "END LOOP; "
        "END LOOP; "
        "RETURN grams; "
        "END $$",

        "CREATE INDEX IF NOT EXISTS participants_search ON participants "
        "USING gin (participant_search_grams(ref, full_name, latin_name))",
    };
    return m;
}

}  // namespace mitra::store
