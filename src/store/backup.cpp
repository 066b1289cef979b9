// Backups with SQLite's online backup API, and checked restores.
#include "store/backup.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include "core/calendar.hpp"
#include "core/problem.hpp"
#include "store/migrations.hpp"

namespace mitra::store {
namespace {

namespace fs = std::filesystem;
using namespace sqlite_api;

sqlite3* native(Database& db) {
    if (db.backend() != Backend::sqlite)
        throw DatabaseError("backups here are for the embedded database; back up a PostgreSQL hub with pg_dump");
    return static_cast<soci::sqlite3_session_backend*>(db.sql().get_backend())->conn_;
}

// Copies every page of `from` into `to`, whole, in one step.
void copy_database(sqlite3* from, sqlite3* to, const std::string& what) {
    sqlite3_backup* step = sqlite3_backup_init(to, "main", from, "main");
    if (!step) throw DatabaseError(what + ": " + sqlite3_errmsg(to));
    int rc;
    do {
        rc = sqlite3_backup_step(step, -1);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(50);
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    const int finished = sqlite3_backup_finish(step);
    if (rc != SQLITE_DONE || finished != SQLITE_OK) throw DatabaseError(what + ": " + sqlite3_errmsg(to));
}

struct Connection {
    sqlite3* handle = nullptr;
    Connection(const fs::path& file, int flags) {
        if (sqlite3_open_v2(file.c_str(), &handle, flags, nullptr) != SQLITE_OK) {
            const std::string message = handle ? sqlite3_errmsg(handle) : "cannot open";
            sqlite3_close(handle);
            handle = nullptr;
            throw DatabaseError(file.string() + ": " + message);
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
    else if (!statement)
        out = std::string("error: ") + sqlite3_errmsg(handle);
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

}  // namespace

fs::path backup_folder(const fs::path& database_file) {
    return database_file.parent_path() / "backups";
}

void backup_to(Database& db, const fs::path& out) {
    sqlite3* source = native(db);
    if (out.has_parent_path()) fs::create_directories(out.parent_path());
    const fs::path temporary = out.string() + ".partial";
    fs::remove(temporary);
    {
        const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd < 0) throw DatabaseError("cannot write the backup " + out.string());
        ::close(fd);
    }
    try {
        Connection target(temporary, SQLITE_OPEN_READWRITE);
        copy_database(source, target.handle, "cannot back up to " + out.string());
        // A backup is one self-contained file, not a WAL pair.
        single_text(target.handle, "PRAGMA journal_mode = DELETE");
    } catch (...) {
        fs::remove(temporary);
        throw;
    }
    sync_file(temporary);
    fs::rename(temporary, out);
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
    stamp.erase(std::remove_if(stamp.begin(), stamp.end(), [](char c) { return c == ':' || c == '-'; }),
                stamp.end());
    std::replace(stamp.begin(), stamp.end(), '.', '-');
    const fs::path out = backup_folder(file) / (file.stem().string() + "-" + stamp + "-" + reason + ".db");
    backup_to(db, out);
    const auto all = list_backups(file);
    for (std::size_t i = static_cast<std::size_t>(std::max(keep, 1)); i < all.size(); ++i) fs::remove(all[i]);
    return out;
}

std::string check_backup(const fs::path& file) {
    std::error_code ec;
    if (!fs::is_regular_file(file, ec)) return file.string() + " is not a file";
    try {
        Connection candidate(file, SQLITE_OPEN_READONLY);
        const std::string integrity = single_text(candidate.handle, "PRAGMA integrity_check");
        if (integrity != "ok") return file.string() + " is damaged (" + integrity + ")";
        const std::string version = single_text(candidate.handle, "SELECT MAX(version) FROM schema_migrations");
        if (version.empty() || version.rfind("error", 0) == 0) return file.string() + " is not a Mitra database";
        if (std::stoi(version) > static_cast<int>(migrations().size()))
            return file.string() + " was made by a newer Mitra (schema version " + version + ")";
    } catch (const DatabaseError&) {
        return file.string() + " is not an SQLite database";
    }
    return {};
}

void restore_from(Database& db, const fs::path& file, int keep) {
    sqlite3* target = native(db);
    if (const auto problem = check_backup(file); !problem.empty())
        throw InputError{{Problem{file.string(), 0, 0, "", problem + "; nothing was changed"}}};
    backup_rotating(db, "before-restore", keep);
    Connection source(file, SQLITE_OPEN_READONLY);
    copy_database(source.handle, target, "cannot restore from " + file.string());
}

}  // namespace mitra::store
