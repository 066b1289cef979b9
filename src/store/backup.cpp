// Backups with SQLite's online backup API, and checked restores.
#include "store/backup.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include "core/calendar.hpp"
#include "core/problem.hpp"
#include "io/durable.hpp"
#include "store/migrations.hpp"
#include "store/rows.hpp"

namespace mitra::store {
namespace {

namespace fs = std::filesystem;
using namespace sqlite_api;

sqlite3* native(Database& db) {
    if (db.backend() != Backend::sqlite)
        throw DatabaseError(Fault{FaultCode::backup_on_hub,
                                  {},
                                  "backups here are for the embedded database; back up a PostgreSQL hub with pg_dump"});
    return static_cast<soci::sqlite3_session_backend*>(db.sql().get_backend())->conn_;
}

// Copies every page of `from` into `to`, whole, in one step.
void copy_database(sqlite3* from, sqlite3* to, const std::string& what, const std::string& file) {
    sqlite3_backup* step = sqlite3_backup_init(to, "main", from, "main");
    if (!step) throw DatabaseError(Fault{FaultCode::file_failed, {file}, what + ": " + sqlite3_errmsg(to)});
    int rc;
    do {
        rc = sqlite3_backup_step(step, -1);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(50);
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    const int finished = sqlite3_backup_finish(step);
    if (rc != SQLITE_DONE || finished != SQLITE_OK)
        throw DatabaseError(Fault{rc == SQLITE_FULL ? FaultCode::disk_full : FaultCode::file_failed,
                                  {file},
                                  what + ": " + sqlite3_errmsg(to)});
}

struct Connection {
    sqlite3* handle = nullptr;
    Connection(const fs::path& file, int flags) {
        if (sqlite3_open_v2(file.c_str(), &handle, flags, nullptr) != SQLITE_OK) {
            const std::string message = handle ? sqlite3_errmsg(handle) : "cannot open";
            sqlite3_close(handle);
            handle = nullptr;
            throw DatabaseError(Fault{FaultCode::file_failed, {file.string()}, file.string() + ": " + message});
        }
        sqlite3_busy_timeout(handle, 10000);
    }
    ~Connection() { sqlite3_close(handle); }
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;
};

std::string single_text(sqlite3* handle, const char* sql) {
    sqlite3_stmt* statement = nullptr;
    std::string out;
    if (sqlite3_prepare_v2(handle, sql, -1, &statement, nullptr) == SQLITE_OK &&
        sqlite3_step(statement) == SQLITE_ROW && sqlite3_column_text(statement, 0))
        out = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
    else if (!statement) out = std::string("error: ") + sqlite3_errmsg(handle);
    sqlite3_finalize(statement);
    return out;
}

void sync_file(const fs::path& file) {
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

// Renames without ever replacing an existing file (a hard link, then the old name removed).
void move_no_replace(const fs::path& from, const fs::path& to) {
    if (::link(from.c_str(), to.c_str()) != 0)
        throw DatabaseError(io::file_fault("cannot move " + from.string() + " to", to, errno, true));
    if (::unlink(from.c_str()) != 0) {
        const int error = errno;
        ::unlink(to.c_str());
        throw DatabaseError(io::file_fault("cannot move " + from.string() + " to", to, error, true));
    }
}

// An owner-only copy of `from` at `to`, which must not exist yet, written out to the disk.
void copy_owner_only(const fs::path& from, const fs::path& to) {
    const int in = ::open(from.c_str(), O_RDONLY | O_CLOEXEC);
    if (in < 0) throw DatabaseError(io::file_fault("cannot read", from, errno, false));
    const int out = ::open(to.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (out < 0) {
        const int error = errno;
        ::close(in);
        throw DatabaseError(io::file_fault("cannot write", to, error, true));
    }
    char buffer[1 << 16];
    bool ok = true;
    for (;;) {
        const ssize_t n = ::read(in, buffer, sizeof buffer);
        if (n == 0) break;
        if (n < 0) {
            if (errno == EINTR) continue;
            ok = false;
            break;
        }
        for (ssize_t done = 0; done < n && ok;) {
            const ssize_t w = ::write(out, buffer + done, static_cast<std::size_t>(n - done));
            if (w < 0 && errno != EINTR) ok = false;
            else if (w > 0) done += w;
        }
        if (!ok) break;
    }
    const int error = errno;
    ok = ok && ::fsync(out) == 0;
    ::close(in);
    ok = ::close(out) == 0 && ok;
    if (!ok) {
        ::unlink(to.c_str());
        throw DatabaseError(io::file_fault("cannot copy " + from.string() + " to", to, error, true));
    }
}

// "2026-11-25T08:24:21.123Z" -> "20261125T082421Z", fit for a file name.
std::string file_stamp() {
    std::string stamp = utc_timestamp_now().substr(0, 19) + "Z";
    stamp.erase(std::remove_if(stamp.begin(), stamp.end(), [](char c) { return c == ':' || c == '-'; }), stamp.end());
    return stamp;
}

}  // namespace

fs::path backup_folder(const fs::path& database_file) { return database_file.parent_path() / "backups"; }

void backup_to(Database& db, const fs::path& out) {
    sqlite3* source = native(db);
    if (out.has_parent_path()) io::create_private_folders(out.parent_path());  // backups of people's records
    // The copy is written under a temporary name (owner-only) and given its own once whole on disk.
    io::TemporaryFile temporary(out, io::Access::owner_only);
    temporary.close();
    std::string check;
    {
        Connection target(temporary.path(), SQLITE_OPEN_READWRITE);
        copy_database(source, target.handle, "cannot back up to " + out.string(), out.string());
        // A backup is one self-contained file, not a WAL pair.
        single_text(target.handle, "PRAGMA journal_mode = DELETE");
        // The backup API copies pages as they are, damaged ones too: a copy is kept only when it reads whole.
        check = single_text(target.handle, "PRAGMA quick_check");
    }
    if (check != "ok") {
        temporary.discard();
        const auto good = latest_good_backup(db.target());
        throw BackupDamaged(
            Fault{
                FaultCode::backup_damaged,
                {db.target(), good.string()},
                "the copy of " + db.target() + " is damaged (" + (check.empty() ? "it cannot be read" : check) +
                    "), so the database itself has damaged pages: the copy was not kept and no backup was removed" +
                    (good.empty()
                         ? std::string(", and there is no good backup of it in ") + backup_folder(db.target()).string()
                         : ". The latest good backup is " + good.string() + " (made " + backup_time(good) + ")")},
            good.string());
    }
    temporary.publish();
    io::sync_folder(out.has_parent_path() ? out.parent_path() : fs::path("."));
}

std::vector<fs::path> list_backups(const fs::path& database_file) {
    std::vector<fs::path> found;
    const auto folder = backup_folder(database_file);
    const std::string prefix = database_file.stem().string() + "-";
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) return found;
    for (const auto& entry : fs::directory_iterator(folder))
        if (entry.is_regular_file() && entry.path().extension() == ".db" &&
            entry.path().filename().string().rfind(prefix, 0) == 0)
            found.push_back(entry.path());
    // Names start with a UTC timestamp, so newest first is reverse name order.
    std::sort(found.rbegin(), found.rend());
    return found;
}

fs::path backup_rotating(Database& db, const std::string& reason, int keep) {
    const fs::path file = db.target();
    std::string stamp = utc_timestamp_now();  // 2026-11-25T08:24:21.123Z
    stamp.erase(std::remove_if(stamp.begin(), stamp.end(), [](char c) { return c == ':' || c == '-'; }), stamp.end());
    std::replace(stamp.begin(), stamp.end(), '.', '-');
    const fs::path out = backup_folder(file) / (file.stem().string() + "-" + stamp + "-" + reason + ".db");
    backup_to(db, out);
    const auto all = list_backups(file);
    for (std::size_t i = static_cast<std::size_t>(std::max(keep, 1)); i < all.size(); ++i) fs::remove(all[i]);
    return out;
}

std::optional<Problem> backup_refusal(const fs::path& file) {
    std::error_code ec;
    const std::string name = file.string();
    if (!fs::is_regular_file(file, ec)) return coded("", ProblemCode::backup_not_a_file, {name});
    try {
        Connection candidate(file, SQLITE_OPEN_READONLY);
        const std::string integrity = single_text(candidate.handle, "PRAGMA integrity_check");
        // SQLite opens any file; one that is no database at all says so when first read.
        if (integrity.rfind("error: file is not a database", 0) == 0)
            return coded("", ProblemCode::backup_not_sqlite, {name});
        if (integrity != "ok") return coded("", ProblemCode::backup_damaged, {name});
        const std::string version = single_text(candidate.handle, "SELECT MAX(version) FROM schema_migrations");
        if (version.empty() || version.rfind("error", 0) == 0) return coded("", ProblemCode::backup_not_mitra, {name});
        if (std::stoi(version) > static_cast<int>(migrations().size()))
            return coded("", ProblemCode::backup_from_newer_mitra, {name, version});
    } catch (const DatabaseError&) {
        return coded("", ProblemCode::backup_not_sqlite, {name});
    }
    return std::nullopt;
}

std::string check_backup(const fs::path& file) {
    const auto refused = backup_refusal(file);
    return refused ? refused->message : std::string();
}

fs::path latest_good_backup(const fs::path& database_file) {
    for (const auto& backup : list_backups(database_file))
        if (check_backup(backup).empty()) return backup;
    return {};
}

std::string backup_time(const fs::path& file) {
    struct stat info {};
    if (::stat(file.c_str(), &info) != 0) return {};
    std::tm utc{};
    if (!::gmtime_r(&info.st_mtime, &utc)) return {};
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M UTC", &utc);
    return text;
}

fs::path restore_damaged(const fs::path& database_file, const fs::path& backup) {
    if (auto refused = backup_refusal(backup)) throw InputError{{std::move(*refused)}};
    const std::string stamp = file_stamp();
    fs::path aside = database_file.string() + ".damaged-" + stamp;
    for (int n = 2; fs::exists(aside) || fs::exists(aside.string() + "-wal"); ++n)
        aside = database_file.string() + ".damaged-" + stamp + "-" + std::to_string(n);
    // The copy is made and checked first under a temporary name, so a failure leaves the damaged file in place.
    const fs::path incoming = database_file.string() + ".restoring-" + stamp;
    copy_owner_only(backup, incoming);
    if (const auto problem = check_backup(incoming); !problem.empty()) {
        fs::remove(incoming);
        throw DatabaseError(Fault{
            FaultCode::restore_copy_failed,
            {backup.string()},
            "the copy of " + backup.string() + " did not read back whole (" + problem + "); nothing was changed"});
    }
    // Each step moves one file to a name that is free; a failure part-way leaves every file whole under a name
    // the message gives.
    std::error_code ec;
    if (fs::exists(database_file, ec)) move_no_replace(database_file, aside);
    for (const char* companion : {"-wal", "-shm", "-journal"}) {
        const fs::path side = database_file.string() + companion;
        if (fs::exists(side, ec)) move_no_replace(side, aside.string() + companion);
    }
    move_no_replace(incoming, database_file);
    sync_file(database_file.has_parent_path() ? database_file.parent_path() : fs::path("."));
    return aside;
}

void restore_from(Database& db, const fs::path& file, int keep) {
    sqlite3* target = native(db);
    if (db.read_only()) throw DatabaseReadOnly(db.target(), db.read_only_why());
    if (auto refused = backup_refusal(file)) throw InputError{{std::move(*refused)}};
    backup_rotating(db, "before-restore", keep);
    Connection source(file, SQLITE_OPEN_READONLY);
    copy_database(source.handle, target, "cannot restore from " + file.string(), db.target());
}

}  // namespace mitra::store
