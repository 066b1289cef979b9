// Running mitra-cli as a child that can be killed mid-work, and reading its database back directly.
#pragma once
#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

namespace mitra::crash {

struct Outcome {
    int exit_status = -1;  // -1 when killed
    bool killed = false;
    std::string err;
};

// Runs mitra-cli with `args`; when `kill_after_ms` >= 0, sends SIGKILL after that long (if still
// running). `file_size_limit` > 0 caps how large a file the child may write (RLIMIT_FSIZE).
Outcome run_cli(const std::vector<std::string>& args, int kill_after_ms = -1, long file_size_limit = 0);

// One value from the database, read with a plain SQLite connection (never through Mitra).
long long count(const std::string& database, const std::string& sql);
std::string integrity(const std::string& database);  // "ok" when PRAGMA integrity_check passes
// Every row `sql` gives, one line each with its columns joined by '|' (NULL as "∅"): to compare states.
std::string rows(const std::string& database, const std::string& sql);

struct TempDir {
    TempDir();
    ~TempDir();
    std::filesystem::path path;
};

}  // namespace mitra::crash
