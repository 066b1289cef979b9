// Backups of the embedded database with SQLite's online backup API, and checked restores.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/problem.hpp"
#include "store/database.hpp"

namespace mitra::store {

// A backup whose copy failed its check (PRAGMA quick_check): the database it copies has damaged pages. The copy
// is not kept and no older backup is removed. Names the latest backup that passes check_backup, if any.
struct BackupDamaged : DatabaseError {
    BackupDamaged(Fault fault, std::string latest_good_backup)
        : DatabaseError(std::move(fault)), latest_good_backup(std::move(latest_good_backup)) {}
    std::string latest_good_backup;  // empty when no backup passes its check
};

// Where automatic backups of a database file go: a "backups" folder beside it.
std::filesystem::path backup_folder(const std::filesystem::path& database_file);

// Copies the open database, consistent even while others write, to `out` (owner-only; written to a
// temporary name, checked with PRAGMA quick_check, then renamed). A copy that fails the check is removed and
// BackupDamaged thrown. SQLite only: a hub on PostgreSQL is backed up with pg_dump.
void backup_to(Database& db, const std::filesystem::path& out);

// A timestamped backup in backup_folder(), keeping the newest `keep` and removing older ones; only once the new
// copy has passed its check (a damaged copy throws BackupDamaged and removes nothing).
// `reason` goes into the name ("daily", "before-migration-3", "before-restore").
std::filesystem::path backup_rotating(Database& db, const std::string& reason, int keep);

// The newest backups first.
std::vector<std::filesystem::path> list_backups(const std::filesystem::path& database_file);

// Why `file` cannot be restored (not SQLite, damaged, not a Mitra database, from a newer Mitra),
// or empty when it can.
std::string check_backup(const std::filesystem::path& file);
// The same as a refusal with its code (ProblemCode::backup_…, the file among its values) for a front end to word;
// nothing when it can be restored.
std::optional<Problem> backup_refusal(const std::filesystem::path& file);

// The newest backup of `database_file` that check_backup accepts; empty when there is none.
std::filesystem::path latest_good_backup(const std::filesystem::path& database_file);

// When `file` was last written, as "YYYY-MM-DD HH:MM UTC" (empty when it cannot be read).
std::string backup_time(const std::filesystem::path& file);

// Puts `backup` in the place of a damaged database file that cannot be opened (see DatabaseDamaged), without
// overwriting or deleting anything: checks the backup (InputError when check_backup refuses it; nothing
// changes then), copies it owner-only under a temporary name, moves the damaged file (with its -wal and -shm)
// aside as "<name>.damaged-<UTC time>", then renames the copy into place. Returns where the damaged file is now.
std::filesystem::path restore_damaged(const std::filesystem::path& database_file, const std::filesystem::path& backup);

// Replaces the open database's content with `file`'s, after checking it and after a backup of the
// current content. Refuses (InputError) a file that fails check_backup; nothing changes then.
void restore_from(Database& db, const std::filesystem::path& file, int keep);

}  // namespace mitra::store
