// Opening, migrating and transactions, for SQLite and PostgreSQL alike.
#include "store/database.hpp"

#include "io/durable.hpp"

#include <fcntl.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <random>
#include <regex>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <thread>

#include "core/calendar.hpp"
#include "store/backup.hpp"
#include "store/migrations.hpp"

namespace mitra::store {
namespace {

bool is_postgresql_target(const std::string& target) {
    return target.rfind("postgresql:", 0) == 0 || target.rfind("postgres:", 0) == 0;
}

Backend backend_of(const std::string& target) {
    if (is_postgresql_target(target)) return Backend::postgresql;
    if (target.find('"') != std::string::npos)
        throw DatabaseError(
            Fault{FaultCode::quote_in_path, {target}, "the database path may not contain a double quote: " + target});
    return Backend::sqlite;
}

// A session to `target`: PostgreSQL's with its notices quieted, or SQLite's on the file (which is there by now).
std::unique_ptr<soci::session> session_to(const std::string& target, Backend backend) {
    if (backend == Backend::sqlite)
        return std::make_unique<soci::session>(*soci::factory_sqlite3(), "db=\"" + target + "\" timeout=10");
    auto session = std::make_unique<soci::session>(*soci::factory_postgresql(), target);
    *session << "SET client_min_messages TO WARNING";
    return session;
}

int sqlite_code(const soci::soci_error& e) {
    if (auto* lite = dynamic_cast<const soci::sqlite3_soci_error*>(&e)) return lite->result() & 0xFF;
    return -1;
}

// `target` as an SQLite URI ("file:…?mode=ro"), so it can be opened for reading only.
std::string sqlite_uri(const std::string& target, const std::string& parameters) {
    std::string uri = "file:";
    for (const char c : target) {
        if (c == '%' || c == '?' || c == '#') {
            static const char* hex = "0123456789ABCDEF";
            uri += '%';
            uri += hex[(static_cast<unsigned char>(c) >> 4) & 0xF];
            uri += hex[static_cast<unsigned char>(c) & 0xF];
        } else {
            uri += c;
        }
    }
    return uri + "?" + parameters;
}

// A session that reads the SQLite file `target` and cannot write it. A write-ahead-log database needs its
// -shm file, which a read-only folder cannot hold; then, if no log is waiting to be written into the file,
// the file is read as it is (immutable: SQLite takes no locks, which nothing could take here anyway).
std::unique_ptr<soci::session> read_only_session_to(const std::string& target) {
    auto session = std::make_unique<soci::session>(*soci::factory_sqlite3(),
                                                   "db=\"" + sqlite_uri(target, "mode=ro") + "\" timeout=10");
    try {
        int tables = 0;
        *session << "SELECT COUNT(*) FROM sqlite_master", soci::into(tables);
        return session;
    } catch (const soci::soci_error& e) {
        if (sqlite_code(e) != 14 /* SQLITE_CANTOPEN */) throw;
    }
    session.reset();
    std::error_code ec;
    if (const auto log = std::filesystem::file_size(target + "-wal", ec); !ec && log > 0)
        throw DatabaseError(Fault{FaultCode::read_only_wal,
                                  {target},
                                  "the database " + target +
                                      " cannot be read here: it is read-only, and its last changes are still in " +
                                      target +
                                      "-wal, which only a program that may write to its folder can read; "
                                      "nothing was changed"});
    return std::make_unique<soci::session>(*soci::factory_sqlite3(),
                                           "db=\"" + sqlite_uri(target, "immutable=1") + "\" timeout=10");
}

// Why the SQLite file `target` (or, when it is not there yet, its folder) cannot be written; empty when it can.
// A write needs the file and its folder (where SQLite keeps its -wal and -shm files).
Fault why_read_only(const std::string& target) {
    namespace fs = std::filesystem;
    const fs::path file(target);
    const fs::path folder = file.has_parent_path() ? file.parent_path() : fs::path(".");
    auto who = [] {
        const passwd* pw = ::getpwuid(::getuid());
        return std::string(pw && pw->pw_name ? pw->pw_name : "this user");
    };
    auto refused = [&](const fs::path& what, bool is_file) -> Fault {
        if (::access(what.c_str(), W_OK) == 0) return {};
        const int error = errno;
        if (error == ENOENT) return {};
        const std::string named = is_file ? "the file" : "its folder " + folder.string();
        if (error == EROFS)
            return Fault{FaultCode::read_only_mount, {target}, "the disk or folder it is on is mounted read-only"};
        if (error == EACCES || error == EPERM) {
            if (is_file) return Fault{FaultCode::read_only_file, {target, who()}, who() + " may not write to " + named};
            return Fault{
                FaultCode::read_only_folder, {target, who(), folder.string()}, who() + " may not write to " + named};
        }
        return Fault{FaultCode::read_only, {target}, named + ": " + std::strerror(error)};
    };
    std::error_code ec;
    if (fs::exists(file, ec)) {
        if (auto why = refused(file, true); !why.message.empty()) return why;
    }
    return refused(folder, false);
}

// Another program holds a lock the write needs: SQLite's busy file, a PostgreSQL row past lock_timeout.
bool is_lock_wait(const soci::soci_error& e) {
    if (auto* lite = dynamic_cast<const soci::sqlite3_soci_error*>(&e)) {
        const int rc = lite->result() & 0xFF;
        return rc == 5 /* SQLITE_BUSY */ || rc == 6 /* SQLITE_LOCKED */;
    }
    if (auto* pg = dynamic_cast<const soci::postgresql_soci_error*>(&e)) return pg->sqlstate() == "55P03";
    const std::string what = e.what();
    return what.find("database is locked") != std::string::npos;
}

// Locks held by others, serialisation failures and deadlocks are worth another try; nothing else is.
bool is_retryable(const soci::soci_error& e) {
    if (is_lock_wait(e)) return true;
    if (auto* pg = dynamic_cast<const soci::postgresql_soci_error*>(&e)) {
        const std::string state = pg->sqlstate();
        return state == "40001" /* serialization_failure */ || state == "40P01" /* deadlock_detected */;
    }
    return false;
}

bool is_read_only_refusal(const soci::soci_error& e) { return sqlite_code(e) == 8 /* SQLITE_READONLY */; }

// How long a write waits for others before giving up: MITRA_LOCK_WAIT_SECONDS (tests make it short), 30 s.
std::chrono::seconds lock_wait_limit_from_environment() {
    const char* limit = std::getenv("MITRA_LOCK_WAIT_SECONDS");
    const int seconds = limit ? std::atoi(limit) : 0;
    return std::chrono::seconds(seconds > 0 ? seconds : 30);
}

// Two serialisable transactions inserting the same unique key: PostgreSQL may report the loser as a unique
// violation rather than a serialisation failure; a retry sees the winner's row.
bool is_unique_violation(const soci::soci_error& e) {
    if (auto* pg = dynamic_cast<const soci::postgresql_soci_error*>(&e)) return pg->sqlstate() == "23505";
    return false;
}

bool is_permission_denied(const soci::soci_error& e) {
    if (auto* pg = dynamic_cast<const soci::postgresql_soci_error*>(&e)) return pg->sqlstate() == "42501";
    return false;
}

// A random pause that grows with each attempt, so writers that collided do not collide again in step.
void pause_before(int attempt) {
    thread_local std::mt19937 random{std::random_device{}()};
    const int ceiling = std::min(400, 10 * attempt * attempt);
    std::uniform_int_distribution<int> ms(ceiling / 4, ceiling);
    std::this_thread::sleep_for(std::chrono::milliseconds(ms(random)));
}

int backups_to_keep() {
    const char* keep = std::getenv("MITRA_BACKUPS_KEEP");
    const int n = keep ? std::atoi(keep) : 10;
    return n > 0 ? n : 10;
}

// SQLite saying the file itself is broken (SQLITE_CORRUPT, SQLITE_NOTADB), not the statement.
bool is_corruption(const soci::soci_error& e) {
    if (auto* lite = dynamic_cast<const soci::sqlite3_soci_error*>(&e)) {
        const int rc = lite->result() & 0xFF;
        return rc == 11 /* SQLITE_CORRUPT */ || rc == 26 /* SQLITE_NOTADB */;
    }
    return false;
}

// A damaged file's connection must not checkpoint its write-ahead log into it (nor delete the log) on close.
void leave_files_alone(soci::session* sql) {
    if (!sql || !sql->get_backend() || sql->get_backend_name() != "sqlite3") return;
    auto* lite = static_cast<soci::sqlite3_session_backend*>(sql->get_backend());
    sqlite_api::sqlite3_db_config(lite->conn_, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
}

// The refusal of a damaged file, naming its latest good backup and how to put it in place (unless the file is
// read-only, when nothing can be put in its place).
[[noreturn]] void throw_damaged(soci::session* sql, const std::string& target, const std::string& detail) {
    leave_files_alone(sql);
    std::string advice = "; nothing was written to it";
    if (const auto why = why_read_only(target); !why.message.empty())
        throw DatabaseDamaged(
            Fault{FaultCode::damaged_read_only,
                  {target},
                  "the database " + target + " is damaged (" + detail + ") and read-only (" + why.message + ")" +
                      advice + "; copy a good backup to a place where it can be written"},
            target, "", "");
    const auto backup = latest_good_backup(target);
    std::string made;
    if (!backup.empty()) {
        made = backup_time(backup);
        // How to put it in place is each front end's to say (DatabaseDamaged names the backup).
        advice += ". The latest good backup is " + backup.string() + " (made " + made + ")";
    } else {
        advice += ", and there is no good backup of it in " + backup_folder(target).string();
    }
    const std::string message = "the database " + target + " is damaged (" + detail + ")" + advice;
    Fault fault = backup.empty()
                      ? Fault{FaultCode::damaged_no_backup, {target, backup_folder(target).string()}, message}
                      : Fault{FaultCode::damaged, {target, backup.string(), made}, message};
    throw DatabaseDamaged(std::move(fault), target, backup.string(), made);
}

// A check of an existing file before anything else touches it, so a damaged one is never written to:
// on every open that its header and schema read (cheap), once a day the whole file (PRAGMA quick_check).
void check_integrity(Database& db, bool whole_file) {
    std::string result = "ok";
    try {
        if (whole_file) {
            db.sql() << "PRAGMA quick_check", soci::into(result);
        } else {
            int tables = 0;
            db.sql() << "SELECT COUNT(*) FROM sqlite_master", soci::into(tables);
        }
    } catch (const soci::soci_error& e) {
        if (!is_corruption(e)) throw;  // a file that cannot be opened or read is not thereby damaged
        result = e.get_error_message();
    }
    if (result == "ok") return;
    throw_damaged(&db.sql(), db.target(), result);
}

// Once a day, on open: a copy in the backups folder beside the file. A failure does not stop the work.
void daily_backup(Database& db, std::vector<Fault>& warnings) {
    if (const char* off = std::getenv("MITRA_BACKUPS"); off && std::string(off) == "off") return;
    const auto backups = list_backups(db.target());
    std::error_code ec;
    if (!backups.empty()) {
        const auto newest = std::filesystem::last_write_time(backups.front(), ec);
        if (!ec && std::filesystem::file_time_type::clock::now() - newest < std::chrono::hours(24)) return;
    }
    check_integrity(db, true);  // never rotate a damaged copy in over the good ones
    try {
        backup_rotating(db, "daily", backups_to_keep());
    } catch (const BackupDamaged& e) {
        warnings.push_back(
            Fault{e.fault.code, e.fault.values, std::string("today's backup was not kept: ") + e.what()});
    } catch (const std::exception& e) {
        warnings.push_back(
            Fault{FaultCode::backup_not_made,
                  {db.target()},
                  std::string("today's backup could not be made (") + e.what() + "); your data is safe"});
    }
}

}  // namespace

void create_owner_only(const std::filesystem::path& file) {
    if (file.has_parent_path()) io::create_private_folders(file.parent_path());
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd >= 0) ::close(fd);
}

std::string os_user_name() {
    if (const char* actor = std::getenv("MITRA_ACTOR"); actor && *actor) return actor;
    if (const passwd* pw = ::getpwuid(::getuid()); pw && pw->pw_name) return pw->pw_name;
    if (const char* user = std::getenv("USER"); user && *user) return user;
    return "unknown";
}

std::string redact_target(const std::string& target) {
    // postgresql://user:secret@host/db and password=secret in a key=value string or a URL's query.
    static const std::regex in_authority(R"(^(postgres(?:ql)?://[^:/@?]*):[^@/?]*@)");
    static const std::regex as_parameter(R"((password=)[^&\s]*)");
    return std::regex_replace(std::regex_replace(target, in_authority, "$1:***@"), as_parameter, "$1***");
}

std::string Database::shown_target() const { return redact_target(target_); }

std::string Database::default_path() {
    std::filesystem::path base;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) base = xdg;
    else if (const char* home = std::getenv("HOME"); home && *home) base = std::filesystem::path(home) / ".local/share";
    else base = ".";
    return (base / "mitra" / "mitra.db").string();
}

std::unique_ptr<Database> Database::open(const std::string& target, const std::string& actor, bool automatic_backups) {
    std::unique_ptr<Database> db(new Database());
    db->target_ = target;
    db->automatic_backups_ = automatic_backups;
    db->backend_ = backend_of(target);
    try {
        if (db->backend_ == Backend::sqlite) {
            std::error_code ec;
            db->existed_ = std::filesystem::file_size(target, ec) > 0 && !ec;
            db->read_only_why_ = why_read_only(target);
            if (db->read_only() && !db->existed_)
                throw DatabaseError(Fault{FaultCode::cannot_create,
                                          {target},
                                          "cannot make the database " + target + ": " + db->read_only_why_.message +
                                              "; nothing was changed"});
            if (!db->read_only()) create_owner_only(target);
        }
        db->sql_ = db->read_only() ? read_only_session_to(target) : session_to(target, db->backend_);
        db->lock_wait_limit_ = lock_wait_limit_from_environment();
        if (db->backend_ == Backend::sqlite) {
            if (db->existed_) check_integrity(*db, false);
            db->sql() << "PRAGMA foreign_keys = ON";
            // Short, so that write() can say within a second that it is waiting for another program.
            db->sql() << "PRAGMA busy_timeout = 1000";
            if (!db->read_only()) {
                std::string mode;
                db->sql() << "PRAGMA journal_mode = WAL", soci::into(mode);
                db->sql() << "PRAGMA synchronous = NORMAL";
            }
        }
    } catch (const soci::soci_error& e) {
        if (db->backend_ == Backend::sqlite && is_corruption(e))
            throw_damaged(db->sql_.get(), target, e.get_error_message());
        throw DatabaseError(Fault{FaultCode::cannot_open,
                                  {redact_target(target)},
                                  "cannot open the database " + redact_target(target) + ": " + e.get_error_message()});
    }
    // On the hub, changes are recorded as the login role unless MITRA_ACTOR names someone (a shared login).
    const char* named = std::getenv("MITRA_ACTOR");
    if (!actor.empty()) db->actor_ = actor;
    else if (db->backend_ == Backend::postgresql && !(named && *named))
        db->sql() << "SELECT current_user", soci::into(db->actor_);
    else db->actor_ = os_user_name();
    db->migrate();
    if (db->backend_ == Backend::sqlite && db->existed_ && db->automatic_backups_ && !db->read_only())
        daily_backup(*db, db->warnings_);
    return db;
}

std::unique_ptr<Database> Database::open_for_reading(const std::string& target) {
    std::unique_ptr<Database> db(new Database());
    db->target_ = target;
    db->automatic_backups_ = false;
    db->backend_ = backend_of(target);
    if (db->backend_ == Backend::sqlite && !std::filesystem::exists(target))
        throw DatabaseError(Fault{FaultCode::no_database, {target}, "there is no database at " + target});
    try {
        db->sql_ = session_to(target, db->backend_);
        if (db->backend_ == Backend::postgresql) {
            db->sql() << "SET default_transaction_read_only = on";
        } else {
            db->sql() << "PRAGMA busy_timeout = 10000";
            db->sql() << "PRAGMA query_only = ON";
        }
    } catch (const soci::soci_error& e) {
        throw DatabaseError(Fault{FaultCode::cannot_open,
                                  {redact_target(target)},
                                  "cannot open the database " + redact_target(target) + ": " + e.get_error_message()});
    }
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
    const auto& steps = migrations();
    const int latest = static_cast<int>(steps.size());
    auto refuse_newer = [&](int current) {
        if (current > latest)
            throw DatabaseError(Fault{FaultCode::newer_schema,
                                      {shown_target(), std::to_string(current), std::to_string(latest)},
                                      "the database " + shown_target() + " was made by a newer Mitra (schema version " +
                                          std::to_string(current) + ", this program knows up to " +
                                          std::to_string(latest) + "); open it with the newer program"});
    };
    auto apply = [&](int version) {
        for (const auto& statement : steps[version - 1].statements(backend_)) sql() << statement;
        if (steps[version - 1].after) steps[version - 1].after(*this);  // what SQL cannot compute (name skeletons)
        const std::string now = utc_timestamp_now();
        sql() << "INSERT INTO schema_migrations (version, applied_at) VALUES (:v, :at)", soci::use(version),
            soci::use(now);
    };
    try {
        if (backend_ == Backend::sqlite && read_only()) {
            // Read as it is; bringing it up to date would write to it.
            const int current = schema_version();
            refuse_newer(current);
            if (current < latest)
                throw DatabaseReadOnly(target_,
                                       Fault{FaultCode::read_only_outdated,
                                             {target_},
                                             read_only_why_.message + "; it was made by an older Mitra and must be "
                                                                      "brought up to date, which writes to it"});
            return;
        }
        if (backend_ == Backend::sqlite) {
            sql() << "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT "
                     "NULL)";
            refuse_newer(schema_version());
            // A copy of the data as it was, before any migration touches it.
            if (const int current = schema_version(); automatic_backups_ && current > 0 && current < latest) {
                try {
                    backup_rotating(*this, "before-migration-" + std::to_string(latest), backups_to_keep());
                } catch (const std::exception& e) {
                    throw DatabaseError(
                        Fault{FaultCode::backup_before_update,
                              {target_},
                              "cannot back up " + target_ +
                                  " before bringing it up to date, so it was left as it was: " + e.what()});
                }
            }
            for (int version = schema_version() + 1; version <= latest; ++version) {
                write([&] {
                    if (schema_version() >= version) return;  // another process migrated meanwhile
                    apply(version);
                });
            }
            return;
        }
        // PostgreSQL: a role without DDL rights (a trainer) opens an up-to-date hub without creating anything.
        std::string exists;
        soci::indicator exists_ind = soci::i_null;
        sql() << "SELECT CAST(to_regclass('schema_migrations') AS TEXT)", soci::into(exists, exists_ind);
        if (exists_ind == soci::i_ok && !exists.empty()) {
            const int current = schema_version();
            refuse_newer(current);
            if (current == latest) return;
        }
        // Every step in one transaction (DDL is transactional here), one migrating process at a time;
        // read committed, so a process that waited for the lock sees what the other one did.
        sql() << "BEGIN";
        in_transaction_ = true;
        try {
            sql() << "SELECT pg_advisory_xact_lock(7263546354)";
            sql() << "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT "
                     "NULL)";
            const int current = schema_version();
            refuse_newer(current);
            for (int version = current + 1; version <= latest; ++version) apply(version);
            sql() << "COMMIT";
            in_transaction_ = false;
        } catch (...) {
            in_transaction_ = false;
            try {
                sql() << "ROLLBACK";
            } catch (...) {}
            throw;
        }
    } catch (const soci::soci_error& e) {
        if (is_corruption(e)) throw_damaged(sql_.get(), target_, e.get_error_message());
        if (backend_ == Backend::sqlite && read_only())
            throw DatabaseReadOnly(target_, Fault{read_only_why_.code, read_only_why_.values,
                                                  read_only_why_.message + "; " + e.get_error_message()});
        if (is_permission_denied(e))
            throw SchemaNeedsOwner(
                Fault{FaultCode::schema_needs_owner,
                      {shown_target(), std::to_string(latest), actor_},
                      "the database " + shown_target() + " needs its schema brought up to version " +
                          std::to_string(latest) + ", and this role (" + actor_ + ") may not change the schema"},
                latest, actor_);
        throw DatabaseError(Fault{FaultCode::cannot_open,
                                  {shown_target()},
                                  "cannot prepare the database " + shown_target() + ": " + e.get_error_message()});
    }
}

void Database::write(const std::function<void()>& work) {
    if (in_transaction_) {  // nested: part of the enclosing transaction
        work();
        return;
    }
    if (read_only()) throw DatabaseReadOnly(target_, read_only_why_);
    // Tried again until lock_wait_limit_ (half a minute) has passed: enough for a dozen writers on one cohort at
    // once. Each try waits at most a second for a lock (SQLite's busy timeout, PostgreSQL's lock_timeout), so
    // the one waiting is told within about a second that another program holds the database.
    constexpr int kUniqueAttempts = 4;
    constexpr auto kTellAfter = std::chrono::milliseconds(900);
    const auto started = std::chrono::steady_clock::now();
    bool waited_for_lock = false;
    int unique_violations = 0;
    for (int attempt = 1;; ++attempt) {
        last_attempts_ = attempt;
        try {
            sql() << (backend_ == Backend::sqlite ? "BEGIN IMMEDIATE" : "BEGIN ISOLATION LEVEL SERIALIZABLE");
            in_transaction_ = true;
            if (backend_ == Backend::postgresql) sql() << "SET LOCAL lock_timeout = '1s'";
            work();
            // PostgreSQL ends a transaction whose COMMIT fails; SQLite keeps it open until rolled back.
            in_transaction_ = backend_ == Backend::sqlite;
            sql() << "COMMIT";
            in_transaction_ = false;
            ++committed_writes_;
            return;
        } catch (const soci::soci_error& e) {
            const bool was_in = in_transaction_;
            in_transaction_ = false;
            if (was_in) {
                try {
                    sql() << "ROLLBACK";
                } catch (...) {}
            }
            const bool retry = is_retryable(e) || (is_unique_violation(e) && ++unique_violations < kUniqueAttempts);
            const auto waited =
                std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
            waited_for_lock = waited_for_lock || is_lock_wait(e);
            if (retry && waited < lock_wait_limit_) {
                if (is_lock_wait(e) && waited >= kTellAfter && on_waiting_ && !on_waiting_(waited, lock_wait_limit_))
                    throw WriteCancelled(Fault{FaultCode::write_cancelled,
                                               {shown_target()},
                                               "the change was stopped while it waited for another program using the "
                                               "database " +
                                                   shown_target() + "; nothing was changed"});
                pause_before(attempt);
                continue;
            }
            if (is_retryable(e)) {
                const std::string seconds = std::to_string(waited.count() / 1000), tries = std::to_string(attempt);
                throw ConflictError(
                    Fault{waited_for_lock ? FaultCode::lock_held : FaultCode::busy,
                          waited_for_lock ? std::vector<std::string>{shown_target(), seconds, tries}
                                          : std::vector<std::string>{tries},
                          "other people were changing the same records at the same moment" +
                              (waited_for_lock
                                   ? " (another program held the database " + shown_target() + " for " + seconds + " s)"
                                   : std::string()) +
                              ", and after " + tries +
                              " tries this change still could not be made; nothing was changed, please try again"});
            }
            if (is_corruption(e)) throw_damaged(sql_.get(), target_, e.get_error_message());
            if (is_read_only_refusal(e))
                throw DatabaseReadOnly(target_, Fault{FaultCode::read_only, {target_}, e.get_error_message()});
            throw DatabaseError(
                Fault{FaultCode::change_refused,
                      {shown_target()},
                      "the database refused the change (nothing was changed): " + e.get_error_message()});
        } catch (...) {
            if (in_transaction_) {
                in_transaction_ = false;
                try {
                    sql() << "ROLLBACK";
                } catch (...) {}
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
    try {
        sql() << (backend_ == Backend::sqlite ? "BEGIN" : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
        in_transaction_ = true;
        work();
        in_transaction_ = false;
        sql() << "COMMIT";
    } catch (const soci::soci_error& e) {
        in_transaction_ = false;
        try {
            sql() << "ROLLBACK";
        } catch (...) {}
        if (is_corruption(e)) throw_damaged(sql_.get(), target_, e.get_error_message());
        if (is_read_only_refusal(e))
            throw DatabaseReadOnly(target_, Fault{FaultCode::read_only, {target_}, e.get_error_message()});
        throw DatabaseError(Fault{
            FaultCode::cannot_read, {shown_target()}, "the database could not be read: " + e.get_error_message()});
    } catch (...) {
        in_transaction_ = false;
        try {
            sql() << "ROLLBACK";
        } catch (...) {}
        throw;
    }
}

}  // namespace mitra::store
