// The failures of the store and of io in words, once for both front ends.
#include "io/fault_words.hpp"

#include <vector>

namespace mitra::io {

std::string fault_phrase(const Fault& fault, const Catalog& words) {
    std::vector<FormatArg> v;
    for (const auto& value : fault.values) v.emplace_back(value);
    using Code = FaultCode;
    switch (fault.code) {
        case Code::none: return fault.message;
        case Code::damaged:
            return format(words.tr("The database %s is damaged, so Mitra did not write to it; nothing in it was "
                                   "changed. Its latest good backup is %s (made %s)."),
                          v);
        case Code::damaged_no_backup:
            return format(words.tr("The database %s is damaged, so Mitra did not write to it; nothing in it was "
                                   "changed. There is no good backup of it in %s."),
                          v);
        case Code::damaged_read_only:
            return format(words.tr("The database %s is damaged and read-only, so Mitra did not write to it. Copy a "
                                   "good backup to a place where it can be written."),
                          v);
        case Code::schema_needs_owner:
            return format(words.tr("The database %s needs to be brought up to date (schema version %s), and the role "
                                   "%s may not do that. Nothing was changed."),
                          v);
        case Code::newer_schema:
            return format(words.tr("The database %s was made by a newer version of Mitra (schema version %s; this "
                                   "version knows up to %s). Nothing was changed: open it with the newer version."),
                          v);
        case Code::busy:
            return format(words.tr("Other people were changing the same records at the same moment, and after %s "
                                   "tries this change could not be made. Nothing was changed; please try again."),
                          v);
        case Code::lock_held:
            return format(words.tr("Another program held the database %s for %s seconds, and after %s tries this "
                                   "change could not be made. Nothing was changed; please try again."),
                          v);
        case Code::write_cancelled:
            return format(words.tr("The change was stopped while it waited for another program using the database "
                                   "%s. Nothing was changed."),
                          v);
        case Code::read_only_mount:
            return format(words.tr("The database %s is read-only: the disk or folder it is on is mounted read-only. "
                                   "Nothing was changed."),
                          v);
        case Code::read_only_file:
            return format(words.tr("The database %s is read-only: the user %s may not write to the file. Nothing was "
                                   "changed."),
                          v);
        case Code::read_only_folder:
            return format(words.tr("The database %s is read-only: the user %s may not write to its folder %s. "
                                   "Nothing was changed."),
                          v);
        case Code::read_only: return format(words.tr("The database %s is read-only. Nothing was changed."), v);
        case Code::read_only_wal:
            return format(words.tr("The database %s cannot be read here: it is read-only, and its latest changes are "
                                   "still in a file beside it that only a program allowed to write to its folder can "
                                   "read. Nothing was changed."),
                          v);
        case Code::read_only_outdated:
            return format(words.tr("The database %s is read-only, and it was made by an older version of Mitra: "
                                   "bringing it up to date would write to it. Nothing was changed."),
                          v);
        case Code::cannot_open: return format(words.tr("The database %s could not be opened. Nothing was changed."), v);
        case Code::no_database: return format(words.tr("There is no database at %s."), v);
        case Code::quote_in_path:
            return format(words.tr("The database's path may not contain a double quote (\"): %s"), v);
        case Code::cannot_create:
            return format(words.tr("The database %s could not be made: its folder may not be written to. Nothing was "
                                   "changed."),
                          v);
        case Code::cannot_read: return format(words.tr("The database %s could not be read."), v);
        case Code::change_refused:
            return format(words.tr("The database %s refused the change. Nothing was changed."), v);
        case Code::backup_before_update:
            return format(words.tr("The database %s could not be backed up before being brought up to date, so it was "
                                   "left as it was."),
                          v);
        case Code::backup_damaged:
            return format(words.tr("A copy of the database %s did not pass its check, so the database has damaged "
                                   "pages. The copy was not kept and no backup was removed."),
                          v);
        case Code::backup_not_made:
            return format(words.tr("Today's backup of %s could not be made. Your data is safe."), v);
        case Code::backup_on_hub:
            return words.tr("Mitra backs up only a database file; back up a PostgreSQL hub with pg_dump.");
        case Code::restore_copy_failed:
            return format(words.tr("The copy of %s did not read back whole. Nothing was changed."), v);
        case Code::no_database_open: return words.tr("No database is open.");
        case Code::file_missing: return format(words.tr("%s does not exist."), v);
        case Code::file_is_folder: return format(words.tr("%s is a folder, not a file."), v);
        case Code::file_read_denied: return format(words.tr("Mitra may not read %s."), v);
        case Code::file_write_denied: return format(words.tr("Mitra may not write to %s. Nothing was written."), v);
        case Code::file_read_only_disk:
            return format(words.tr("%s is on a disk or folder mounted read-only. Nothing was written."), v);
        case Code::disk_full:
            return format(words.tr("There is no room left on the disk for %s. Nothing was written; make room and try "
                                   "again."),
                          v);
        case Code::file_exists: return format(words.tr("%s exists already; it was left as it was."), v);
        case Code::file_failed: return format(words.tr("The system could not read or write %s."), v);
        case Code::key_missing: return format(words.tr("The key file %s does not exist."), v);
        case Code::key_exists:
            return format(words.tr("The key file %s exists already; a signing key is never replaced."), v);
        case Code::key_not_a_file:
            return format(words.tr("%s is not a key file: it is a folder or a special file."), v);
        case Code::key_damaged: return format(words.tr("The key file %s is damaged or is not a Mitra key."), v);
        case Code::key_public_only:
            return format(words.tr("The key file %s holds only a public key, which cannot sign."), v);
        case Code::key_unreadable: return format(words.tr("The key file %s could not be read."), v);
    }
    return fault.message;
}

}  // namespace mitra::io
