// What went wrong that was not the user's input (the database, the disk, a lock), for each front end to word in its
// user's language (io::fault_phrase) and to add its own way of putting it right; `message` stays English for logs.
#pragma once
#include <string>
#include <utility>
#include <vector>

namespace mitra {

enum class FaultCode {
    none,  // said only in its message
    // The database (store::DatabaseError and its kinds).
    damaged,               // values: file, latest good backup, when it was made
    damaged_no_backup,     // file, the backup folder
    damaged_read_only,     // file
    schema_needs_owner,    // target, schema version needed, role
    newer_schema,          // target, its schema version, the version this program knows
    busy,                  // tries
    lock_held,             // target, seconds waited, tries
    write_cancelled,       // target
    read_only_mount,       // file
    read_only_file,        // file, user
    read_only_folder,      // file, user, folder
    read_only,             // file
    read_only_wal,         // file
    read_only_outdated,    // file (made by an older Mitra, which needs writing to bring up to date)
    cannot_open,           // target
    no_database,           // target
    quote_in_path,         // target
    cannot_create,         // target
    cannot_read,           // target
    change_refused,        // target
    backup_before_update,  // target
    backup_damaged,        // file (backed up), latest good backup ("" without one)
    backup_not_made,       // file
    backup_on_hub,         // -
    restore_copy_failed,   // the backup
    no_database_open,      // -
    // Files (io::FileError), and what the store does with files (backups, restores).
    file_missing,         // path
    file_is_folder,       // path
    file_read_denied,     // path
    file_write_denied,    // path
    file_read_only_disk,  // path
    disk_full,            // path
    file_exists,          // path
    file_failed,          // path
    // Key files (io::KeyError).
    key_missing,      // path
    key_exists,       // path
    key_not_a_file,   // path
    key_damaged,      // path
    key_public_only,  // path
    key_unreadable,   // path
    last = key_unreadable,
};

struct Fault {
    FaultCode code = FaultCode::none;
    std::vector<std::string> values{};  // the code's values, in the order its comment gives
    std::string message{};              // the same in English, for logs and --json
};

}  // namespace mitra
