// The database: opened from a file path or a postgresql:// URL, migrated on open, written in transactions.
#pragma once
#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "core/fault.hpp"
#include "core/problem.hpp"

namespace soci {
class session;
}

namespace mitra::store {

enum class Backend { sqlite, postgresql };

// A failure of the database itself (not of the user's input): `fault` is its kind and values for the front ends to
// word (io::fault_phrase) and advise on; what() is the English sentence, for logs.
struct DatabaseError : std::runtime_error {
    explicit DatabaseError(const std::string& message)
        : std::runtime_error(message), fault{FaultCode::none, {}, message} {}
    explicit DatabaseError(Fault fault) : std::runtime_error(fault.message), fault(std::move(fault)) {}
    Fault fault;
};

// Someone else changed the same records at the same moment, again and again, and the change could not be
// applied; nothing was changed and it is worth trying again.
struct ConflictError : DatabaseError {
    using DatabaseError::DatabaseError;
};

// An SQLite file that fails its integrity check (or that SQLite reports as corrupt): it was not written to.
// Names the latest backup that passes check_backup, when there is one, so the caller can offer it
// (store::restore_damaged puts it in place without overwriting anything).
struct DatabaseDamaged : DatabaseError {
    DatabaseDamaged(Fault fault, std::string path, std::string latest_good_backup, std::string backup_time)
        : DatabaseError(std::move(fault)),
          path(std::move(path)),
          latest_good_backup(std::move(latest_good_backup)),
          backup_time(std::move(backup_time)) {}
    std::string path;                // the damaged file
    std::string latest_good_backup;  // empty when no backup passes its check
    std::string backup_time;         // when that backup was written, "YYYY-MM-DD HH:MM UTC"; empty without one
};

// A role that may not change the schema, on a hub whose schema is older than this version of Mitra: only its
// owner (the coordinator) can bring it up to `version`. The message names no command; each front end says how.
struct SchemaNeedsOwner : DatabaseError {
    SchemaNeedsOwner(Fault fault, int version, std::string role)
        : DatabaseError(std::move(fault)), version(version), role(std::move(role)) {}
    int version;       // the schema version this Mitra needs
    std::string role;  // the role that was refused
};

// Refused input that something done elsewhere would put right: `reason` says what, for each front end to advise in
// its own words (mitra-cli names its command, the desktop program its own page). The problem names no command.
struct Refusal : InputError {
    enum class Reason {
        curriculum_not_imported,    // a cohort of a curriculum not in the database; subject: the curriculum's code
        no_completion_certificate,  // certified before the completion certificate was issued; subject: the ref
        not_a_pack,                 // a Mitra database given where a field pack was expected; subject: the file
    };
    Refusal(Reason reason, std::string subject, Problem problem)
        : InputError(Problems{std::move(problem)}), reason(reason), subject(std::move(subject)) {}
    Reason reason;
    std::string subject;
};

// A database file Mitra may read but not write (a read-only mount, a file or folder the user may not write to).
// It is not damaged: it opens for reading, and every change is refused with this, naming why.
// `why` is the kind of read-only (a read-only disk, a file or folder this user may not write to) with its values;
// its message the reason in English ("the disk it is on is mounted read-only", "… may not write to the file", …).
struct DatabaseReadOnly : DatabaseError {
    DatabaseReadOnly(std::string path, const Fault& why)
        : DatabaseError(Fault{why.code, why.values,
                              "the database " + path + " is read-only (" + why.message + "): nothing was changed"}),
          path(std::move(path)),
          reason(why.message) {}
    std::string path;
    std::string reason;  // why.message
};

// The user stopped a write that was waiting for another program's lock (see Database::on_waiting).
struct WriteCancelled : DatabaseError {
    using DatabaseError::DatabaseError;
};

// Told while a write waits for another program that holds the database: how long so far and when it gives up.
// Returning false stops waiting (the write throws WriteCancelled; nothing was changed).
using WaitNotice = std::function<bool(std::chrono::milliseconds waited, std::chrono::seconds limit)>;

class Database {
public:
    // `target` is a file path (SQLite, created owner-only when missing) or a postgresql:// URL
    // (or any libpq connection string starting with "postgresql:"). Migrates the schema.
    // `actor` is who every change is recorded as (the OS user, or the hub role when empty).
    // `automatic_backups` false: no daily or before-migration copies (a private scratch copy, such as the one
    // a pack merge reads, must not leave copies of people's data behind).
    static std::unique_ptr<Database> open(const std::string& target, const std::string& actor = "",
                                          bool automatic_backups = true);
    // A second connection to a database another Database has opened (and so checked and migrated), for
    // reading beside it on another thread: no checks, no migrations, no backups, and writes refused
    // (SQLite's query_only; a read-only session on PostgreSQL). Throws DatabaseError.
    static std::unique_ptr<Database> open_for_reading(const std::string& target);
    ~Database();

    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    soci::session& sql() { return *sql_; }
    Backend backend() const { return backend_; }
    const std::string& actor() const { return actor_; }
    const std::string& target() const { return target_; }
    // The target fit for messages: a password in a connection URL is replaced by "***".
    std::string shown_target() const;
    int schema_version();

    // Runs `work` as one transaction: all of it is kept or none. Retries (with a random pause) when the
    // database is busy or reports a serialisation failure or deadlock, so `work` must be safe to run again;
    // gives up with ConflictError after a while. Any other error rolls back and is rethrown (a SOCI error as
    // DatabaseError).
    void write(const std::function<void()>& work);

    // A read that sees one consistent state. A SOCI error comes out as DatabaseError.
    void read(const std::function<void()>& work);

    // An SQLite file opened for reading only, because it cannot be written (see DatabaseReadOnly): reads work,
    // write() refuses with DatabaseReadOnly. Empty reason: the file is writable.
    bool read_only() const { return !read_only_why_.message.empty(); }
    const std::string& read_only_reason() const { return read_only_why_.message; }
    // The same as a kind and values, for the front ends to word.
    const Fault& read_only_why() const { return read_only_why_; }

    // Who to tell while a write waits for a lock another program holds: called after about a second of waiting,
    // then after each further try, until the write goes through or the wait limit (MITRA_LOCK_WAIT_SECONDS,
    // 30 s) passes and it gives up with ConflictError.
    void on_waiting(WaitNotice notice) { on_waiting_ = std::move(notice); }
    std::chrono::seconds lock_wait_limit() const { return lock_wait_limit_; }

    // Things worth telling the user that did not stop the work (a daily backup that could not be made).
    // Each a kind and values for the front ends to word; its message the English.
    const std::vector<Fault>& warnings() const { return warnings_; }

    // The default embedded database: $XDG_DATA_HOME/mitra/mitra.db (~/.local/share/mitra/mitra.db).
    static std::string default_path();

private:
    Database() = default;
    void migrate();

    std::unique_ptr<soci::session> sql_;
    Backend backend_ = Backend::sqlite;
    std::string actor_, target_;
    bool in_transaction_ = false;
    bool existed_ = false;  // the file was there before this open (so it has something to back up)
    bool automatic_backups_ = true;
    std::vector<Fault> warnings_;
    int last_attempts_ = 0;
    Fault read_only_why_;
    WaitNotice on_waiting_;
    std::chrono::seconds lock_wait_limit_{30};
    unsigned long long committed_writes_ = 0;

public:
    // How many attempts the last outermost write() took (1: no retry); for tests and benchmarks.
    int last_write_attempts() const { return last_attempts_; }
    // How many writes this connection has committed: a view that read the database at one count and finds another
    // shows what may have changed, so it reads again (other programs' changes are not counted).
    unsigned long long committed_writes() const { return committed_writes_; }
};

// A connection target with any password replaced by "***", for messages.
std::string redact_target(const std::string& target);

// The current OS user's login name, for recording who changed what.
std::string os_user_name();

// Creates an empty file readable by its owner only (and its missing folders, owner-only too), unless it exists.
void create_owner_only(const std::filesystem::path& file);

}  // namespace mitra::store
