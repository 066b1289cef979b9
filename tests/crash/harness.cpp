// Running mitra-cli as a child that can be killed mid-work.
#include "harness.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <stdexcept>
#include <thread>

namespace mitra::crash {

Outcome run_cli(const std::vector<std::string>& args, int kill_after_ms, long file_size_limit) {
    int err_pipe[2];
    if (::pipe(err_pipe) != 0) throw std::runtime_error("pipe");
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::dup2(err_pipe[1], STDERR_FILENO);
        const int null = ::open("/dev/null", O_WRONLY);
        ::dup2(null, STDOUT_FILENO);
        ::close(err_pipe[0]);
        if (file_size_limit > 0) {
            ::signal(SIGXFSZ, SIG_IGN);  // a write past the limit then fails with EFBIG, like a full disk
            rlimit limit{static_cast<rlim_t>(file_size_limit), static_cast<rlim_t>(file_size_limit)};
            ::setrlimit(RLIMIT_FSIZE, &limit);
        }
        std::vector<char*> argv{const_cast<char*>(MITRA_CLI)};
        for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        ::execv(MITRA_CLI, argv.data());
        ::_exit(127);
    }
    ::close(err_pipe[1]);
    Outcome out;
    if (kill_after_ms >= 0) {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(kill_after_ms);
        int status = 0;
        while (std::chrono::steady_clock::now() < deadline) {
            if (::waitpid(pid, &status, WNOHANG) == pid) {
                out.exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
                char buf[4096];
                ssize_t n;
                while ((n = ::read(err_pipe[0], buf, sizeof buf)) > 0) out.err.append(buf, static_cast<std::size_t>(n));
                ::close(err_pipe[0]);
                return out;
            }
            std::this_thread::sleep_for(std::chrono::microseconds(200));
        }
        ::kill(pid, SIGKILL);
        out.killed = true;
    }
    char buf[4096];
    ssize_t n;
    while ((n = ::read(err_pipe[0], buf, sizeof buf)) > 0) out.err.append(buf, static_cast<std::size_t>(n));
    ::close(err_pipe[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (WIFEXITED(status)) out.exit_status = WEXITSTATUS(status);
    else out.killed = true;
    return out;
}

namespace {
std::string single(const std::string& database, const std::string& sql) {
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(database.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        sqlite3_close(db);
        throw std::runtime_error("cannot open " + database);
    }
    sqlite3_stmt* st = nullptr;
    std::string value;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW &&
        sqlite3_column_text(st, 0))
        value = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    else value = std::string("error: ") + sqlite3_errmsg(db);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return value;
}
}  // namespace

long long count(const std::string& database, const std::string& sql) {
    const auto v = single(database, sql);
    if (v.rfind("error", 0) == 0) throw std::runtime_error(v);
    return std::stoll(v);
}

std::string integrity(const std::string& database) { return single(database, "PRAGMA integrity_check"); }

std::string rows(const std::string& database, const std::string& sql) {
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(database.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        sqlite3_close(db);
        throw std::runtime_error("cannot open " + database);
    }
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) {
        const std::string why = sqlite3_errmsg(db);
        sqlite3_close(db);
        throw std::runtime_error(why + ": " + sql);
    }
    std::string out;
    while (sqlite3_step(st) == SQLITE_ROW) {
        for (int c = 0; c < sqlite3_column_count(st); ++c) {
            const auto* text = sqlite3_column_text(st, c);
            out += (c ? "|" : "") + (text ? std::string(reinterpret_cast<const char*>(text)) : std::string("∅"));
        }
        out += '\n';
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return out;
}

TempDir::TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "mitra-crash-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp");
    path = pattern;
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
}

}  // namespace mitra::crash
