// Opening, migrating and transactions, for SQLite and PostgreSQL alike.
#include "store/database.hpp"

#include <fcntl.h>
#include <pwd.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <thread>

#include "core/calendar.hpp"
#include "store/migrations.hpp"

namespace mitra::store {
namespace {

bool is_postgresql_target(const std::string& target) {
    return target.rfind("postgresql:", 0) == 0 || target.rfind("postgres:", 0) == 0;
}

// Busy databases and serialisation failures are worth another try; nothing else is.
bool is_retryable(const soci::soci_error& e) {
    if (auto* lite = dynamic_cast<const soci::sqlite3_soci_error*>(&e)) {
        const int rc = lite->result() & 0xFF;
        return rc == 5 /* SQLITE_BUSY */ || rc == 6 /* SQLITE_LOCKED */;
    }
    if (auto* pg = dynamic_cast<const soci::postgresql_soci_error*>(&e)) {
        const std::string state = pg->sqlstate();
        return state == "40001" /* serialization_failure */ || state == "40P01" /* deadlock_detected */;
    }
    const std::string what = e.what();
    return what.find("database is locked") != std::string::npos;
}

void create_owner_only(const std::filesystem::path& file) {
    if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path());
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd >= 0) ::close(fd);
}

}  // namespace

std::string os_user_name() {
    if (const char* actor = std::getenv("MITRA_ACTOR"); actor && *actor) return actor;
    if (const passwd* pw = ::getpwuid(::getuid()); pw && pw->pw_name) return pw->pw_name;
    if (const char* user = std::getenv("USER"); user && *user) return user;
    return "unknown";
}

std::string Database::default_path() {
    std::filesystem::path base;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) base = xdg;
    else if (const char* home = std::getenv("HOME"); home && *home) base = std::filesystem::path(home) / ".local/share";
    else base = ".";
    return (base / "mitra" / "mitra.db").string();
}

std::unique_ptr<Database> Database::open(const std::string& target, const std::string& actor) {
    std::unique_ptr<Database> db(new Database());
    db->target_ = target;
    try {
        if (is_postgresql_target(target)) {
            db->backend_ = Backend::postgresql;
            db->sql_ = std::make_unique<soci::session>(*soci::factory_postgresql(), target);
            db->sql() << "SET client_min_messages TO WARNING";
        } else {
            if (target.find('"') != std::string::npos)
                throw DatabaseError("the database path may not contain a double quote: " + target);
            create_owner_only(target);
            db->sql_ = std::make_unique<soci::session>(*soci::factory_sqlite3(), "db=\"" + target + "\" timeout=10");
            db->sql() << "PRAGMA foreign_keys = ON";
            db->sql() << "PRAGMA busy_timeout = 10000";
            std::string mode;
            db->sql() << "PRAGMA journal_mode = WAL", soci::into(mode);
            db->sql() << "PRAGMA synchronous = NORMAL";
        }
    } catch (const soci::soci_error& e) {
        throw DatabaseError("cannot open the database " + target + ": " + e.get_error_message());
    }
    if (!actor.empty()) db->actor_ = actor;
    else if (db->backend_ == Backend::postgresql) db->sql() << "SELECT current_user", soci::into(db->actor_);
    else db->actor_ = os_user_name();
    db->migrate();
    return db;
}

Database::~Database() = default;

int Database::schema_version() {
    int version = 0;
    soci::indicator ind = soci::i_null;
    sql() << "SELECT MAX(version) FROM schema_migrations", soci::into(version, ind);
    return ind == soci::i_ok ? version : 0;
}

void Database::migrate() {
    try {
        sql() << "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)";
        const auto& steps = migrations();
        const int current = schema_version();
        if (current > static_cast<int>(steps.size()))
            throw DatabaseError("the database " + target_ + " was made by a newer Mitra (schema version " +
                                std::to_string(current) + ", this program knows up to " +
                                std::to_string(steps.size()) + "); open it with the newer program");
        for (int version = current + 1; version <= static_cast<int>(steps.size()); ++version) {
            write([&] {
                // Another process may have migrated meanwhile.
                if (schema_version() >= version) return;
                for (const auto& statement : steps[version - 1].statements(backend_)) sql() << statement;
                const std::string now = utc_timestamp_now();
                sql() << "INSERT INTO schema_migrations (version, applied_at) VALUES (:v, :at)", soci::use(version),
                    soci::use(now);
            });
        }
    } catch (const soci::soci_error& e) {
        throw DatabaseError("cannot prepare the database " + target_ + ": " + e.get_error_message());
    }
}

void Database::write(const std::function<void()>& work) {
    if (in_transaction_) {  // nested: part of the enclosing transaction
        work();
        return;
    }
    constexpr int kAttempts = 8;
    for (int attempt = 1;; ++attempt) {
        try {
            sql() << (backend_ == Backend::sqlite ? "BEGIN IMMEDIATE" : "BEGIN ISOLATION LEVEL SERIALIZABLE");
            in_transaction_ = true;
            work();
            sql() << "COMMIT";
            in_transaction_ = false;
            return;
        } catch (const soci::soci_error& e) {
            const bool was_in = in_transaction_;
            in_transaction_ = false;
            if (was_in) {
                try { sql() << "ROLLBACK"; } catch (...) {}
            }
            if (is_retryable(e) && attempt < kAttempts) {
                std::this_thread::sleep_for(std::chrono::milliseconds(20 * attempt * attempt));
                continue;
            }
            if (is_retryable(e))
                throw ConflictError("the database is busy with other changes; nothing was changed, please try again");
            throw DatabaseError("the database refused the change (nothing was changed): " + e.get_error_message());
        } catch (...) {
            if (in_transaction_) {
                in_transaction_ = false;
                try { sql() << "ROLLBACK"; } catch (...) {}
            }
            throw;
        }
    }
}

void Database::read(const std::function<void()>& work) {
    if (in_transaction_) {
        work();
        return;
    }
    sql() << (backend_ == Backend::sqlite ? "BEGIN" : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    in_transaction_ = true;
    try {
        work();
        in_transaction_ = false;
        sql() << "COMMIT";
    } catch (...) {
        in_transaction_ = false;
        try { sql() << "ROLLBACK"; } catch (...) {}
        throw;
    }
}

}  // namespace mitra::store
