// The database: opened from a file path or a postgresql:// URL, migrated on open, written in transactions.
#pragma once
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>

namespace soci { class session; }

namespace mitra::store {

enum class Backend { sqlite, postgresql };

// A failure of the database itself (not of the user's input), said in one clear sentence.
struct DatabaseError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Someone else changed the record between our read and our write; try again.
struct ConflictError : DatabaseError {
    using DatabaseError::DatabaseError;
};

class Database {
public:
    // `target` is a file path (SQLite, created owner-only when missing) or a postgresql:// URL
    // (or any libpq connection string starting with "postgresql:"). Migrates the schema.
    // `actor` is who every change is recorded as (the OS user, or the hub role when empty).
    static std::unique_ptr<Database> open(const std::string& target, const std::string& actor = "");
    ~Database();

    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    soci::session& sql() { return *sql_; }
    Backend backend() const { return backend_; }
    const std::string& actor() const { return actor_; }
    const std::string& target() const { return target_; }
    int schema_version();

    // Runs `work` as one transaction: all of it is kept or none. Retries a few times when the
    // database is busy or reports a serialisation failure; any other error rolls back and is rethrown.
    void write(const std::function<void()>& work);

    // A read that sees one consistent state.
    void read(const std::function<void()>& work);

    // The default embedded database: $XDG_DATA_HOME/mitra/mitra.db (~/.local/share/mitra/mitra.db).
    static std::string default_path();

private:
    Database() = default;
    void migrate();

    std::unique_ptr<soci::session> sql_;
    Backend backend_ = Backend::sqlite;
    std::string actor_, target_;
    bool in_transaction_ = false;
};

// The current OS user's login name, for recording who changed what.
std::string os_user_name();

}  // namespace mitra::store
