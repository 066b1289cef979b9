// Running the real mitra-cli binary: posix_spawn with pipes, never a shell, so every byte of an argument survives.
#include "run_cli.hpp"

#include <catch2/catch.hpp>
#include <fcntl.h>
#include <poll.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <set>
#include <stdexcept>

#include "test_backend.hpp"

extern char** environ;

namespace mitra::cli_test {

int Output::err_lines() const {
    int lines = 0;
    for (char c : err) lines += c == '\n';
    if (!err.empty() && err.back() != '\n') ++lines;
    return lines;
}

Output spawn(const std::string& program, const std::vector<std::string>& args, const std::vector<std::string>& env) {
    int out_pipe[2], err_pipe[2];
    if (::pipe(out_pipe) != 0 || ::pipe(err_pipe) != 0) throw std::runtime_error("pipe failed");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addclose(&actions, out_pipe[0]);
    posix_spawn_file_actions_addclose(&actions, err_pipe[0]);
    posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
    posix_spawn_file_actions_adddup2(&actions, err_pipe[1], 2);
    posix_spawn_file_actions_addclose(&actions, out_pipe[1]);
    posix_spawn_file_actions_addclose(&actions, err_pipe[1]);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);

    std::vector<char*> argv{const_cast<char*>(program.c_str())};
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    std::vector<char*> envp;
    for (const auto& e : env) envp.push_back(const_cast<char*>(e.c_str()));
    envp.push_back(nullptr);

    pid_t pid = 0;
    const int rc = ::posix_spawn(&pid, program.c_str(), &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    ::close(out_pipe[1]);
    ::close(err_pipe[1]);
    if (rc != 0) {
        ::close(out_pipe[0]);
        ::close(err_pipe[0]);
        throw std::runtime_error("cannot start " + program + ": " + std::strerror(rc));
    }

    Output result;
    pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
    std::string* sinks[2] = {&result.out, &result.err};
    int open_fds = 2;
    char buffer[65536];
    while (open_fds > 0) {
        if (::poll(fds, 2, -1) < 0) {
            if (errno == EINTR) continue;
            break;
        }
        for (int i = 0; i < 2; ++i) {
            if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
            const ssize_t n = ::read(fds[i].fd, buffer, sizeof buffer);
            if (n > 0) sinks[i]->append(buffer, static_cast<std::size_t>(n));
            else if (n == 0 || errno != EINTR) {
                ::close(fds[i].fd);
                fds[i].fd = -1;
                --open_fds;
            }
        }
    }
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
    result.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return result;
}

Workspace::Workspace() {
    std::string pattern = (std::filesystem::temp_directory_path() / "mitra-cli-test-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    dir = pattern;
    db = other_db("mitra.db");
}

std::string Workspace::other_db(const std::string& name) {
    if (!test_backend::postgresql()) return (dir / name).string();
    auto schema = std::make_shared<test_backend::Schema>();
    schemas_.push_back(schema);
    return schema->url;
}

Workspace::~Workspace() {
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
}

Output Workspace::run_bare(const std::vector<std::string>& args) const { return run_bare_as("cli-test", args); }

Output Workspace::run_as(const std::string& actor, const std::vector<std::string>& args) const {
    std::vector<std::string> all{"--db", db};
    all.insert(all.end(), args.begin(), args.end());
    return run_bare_as(actor, all);
}

Output Workspace::run_bare_as(const std::string& actor, const std::vector<std::string>& args, bool measure) const {
    // The caller's environment, but with data and home in the workspace so nothing outside it is touched, in
    // English whatever the caller's language (a test asks for another in `environment`, which wins over the caller's).
    const auto named = [](const std::string& entry, const std::string& name) {
        return entry.rfind(name + "=", 0) == 0;
    };
    std::vector<std::string> env;
    for (char** e = environ; *e; ++e) {
        const std::string entry = *e;
        if (entry.rfind("MITRA_", 0) == 0 || named(entry, "XDG_DATA_HOME") || named(entry, "HOME")) continue;
        if (named(entry, "LANGUAGE") || named(entry, "LC_ALL") || named(entry, "LC_MESSAGES") || named(entry, "LANG"))
            continue;
        const std::string name = entry.substr(0, entry.find('='));
        if (std::any_of(environment.begin(), environment.end(), [&](const auto& own) { return named(own, name); }))
            continue;
        env.push_back(entry);
    }
    if (std::none_of(environment.begin(), environment.end(), [&](const auto& own) { return named(own, "LANG"); }))
        env.push_back("LANG=C.UTF-8");
    env.push_back("HOME=" + dir.string());
    env.push_back("XDG_DATA_HOME=" + (dir / "xdg").string());
    env.push_back("MITRA_ACTOR=" + actor);
    env.push_back(std::string("MITRA_DATA_DIR=") + MITRA_SOURCE_DIR);
    env.insert(env.end(), environment.begin(), environment.end());
    if (!measure) return spawn(MITRA_CLI, args, env);
    const auto report = (dir / "time.txt").string();
    std::vector<std::string> timed = {"-f", "%M", "-o", report, MITRA_CLI};
    timed.insert(timed.end(), args.begin(), args.end());
    auto result = spawn("/usr/bin/time", timed, env);
    std::ifstream in(report);
    in >> result.max_rss_kb;
    return result;
}

Output Workspace::run_measured(const std::vector<std::string>& args) const {
    std::vector<std::string> full = {"--db", db};
    full.insert(full.end(), args.begin(), args.end());
    return run_bare_as("cli-test", full, true);
}

Output Workspace::run(const std::vector<std::string>& args) const {
    std::vector<std::string> all{"--db", db};
    all.insert(all.end(), args.begin(), args.end());
    return run_bare(all);
}

Output Workspace::ok(const std::vector<std::string>& args) const {
    auto result = run(args);
    INFO("mitra-cli stderr: " << result.err);
    REQUIRE(result.status == 0);
    return result;
}

nlohmann::json Workspace::json(const std::vector<std::string>& args) const {
    std::vector<std::string> all{"--json"};
    all.insert(all.end(), args.begin(), args.end());
    const auto result = ok(all);
    INFO("mitra-cli stdout: " << result.out);
    nlohmann::json parsed;
    REQUIRE_NOTHROW(parsed = nlohmann::json::parse(result.out));
    return parsed;
}

std::string Workspace::file(const std::string& name, const std::string& content) const {
    const auto path = dir / name;
    std::ofstream out(path, std::ios::binary);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.close();
    REQUIRE(out.good());
    return path.string();
}

namespace {
std::string cell(const soci::row& r, std::size_t i) {
    if (r.get_indicator(i) == soci::i_null) return "NULL";
    switch (r.get_properties(i).get_data_type()) {
        case soci::dt_string: return "'" + r.get<std::string>(i) + "'";
        case soci::dt_double: return std::to_string(r.get<double>(i));
        case soci::dt_integer: return std::to_string(r.get<int>(i));
        case soci::dt_long_long: return std::to_string(r.get<long long>(i));
        case soci::dt_unsigned_long_long: return std::to_string(r.get<unsigned long long>(i));
        default: return "?";
    }
}
}  // namespace

namespace {
// Read-only where it can be, so that looking does not itself change (or migrate) anything.
std::unique_ptr<soci::session> look_at(const std::string& db) {
    if (db.rfind("postgresql:", 0) == 0) {
        auto sql = std::make_unique<soci::session>(*soci::factory_postgresql(), db);
        *sql << "SET default_transaction_read_only = on";
        return sql;
    }
    return std::make_unique<soci::session>(*soci::factory_sqlite3(), "db=\"" + db + "\" readonly=true");
}
}  // namespace

void Workspace::execute(const std::string& statement, const std::string& value) const {
    const bool pg = db.rfind("postgresql:", 0) == 0;
    soci::session sql(pg ? *soci::factory_postgresql() : *soci::factory_sqlite3(), pg ? db : "db=\"" + db + "\"");
    std::string v = value;
    sql << statement, soci::use(v);
}

std::string Workspace::dump() const {
    auto sql = look_at(db);
    const bool pg = db.rfind("postgresql:", 0) == 0;
    std::vector<std::string> tables;
    soci::rowset<std::string> names =
        (sql->prepare << (pg ? "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
                               "ORDER BY table_name"
                             : "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"));
    for (const auto& n : names) tables.push_back(n);
    // SQLite tables WITHOUT ROWID (a full-text index's own tables) are read in their key's order.
    std::set<std::string> keyed;
    if (!pg) {
        soci::rowset<std::string> without =
            (sql->prepare << "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%WITHOUT ROWID%'");
        for (const auto& n : without) keyed.insert(n);
    }
    std::string out;
    for (const auto& table : tables) {
        out += "[" + table + "]\n";
        // PostgreSQL has no rowid: rows in the order of their text, the same order every time.
        const std::string order = pg ? " ORDER BY CAST(t AS TEXT)" : keyed.count(table) ? "" : " ORDER BY rowid";
        soci::rowset<soci::row> rows = (sql->prepare << "SELECT * FROM \"" + table + "\" t" + order);
        for (const auto& r : rows) {
            for (std::size_t i = 0; i < r.size(); ++i) out += (i ? "|" : "") + cell(r, i);
            out += '\n';
        }
    }
    return out;
}

long long Workspace::count(const std::string& table) const {
    auto sql = look_at(db);
    long long n = 0;
    *sql << "SELECT COUNT(*) FROM \"" + table + "\"", soci::into(n);
    return n;
}

std::string pdf_words(const std::string& pdf) {
    const Output text = spawn("/usr/bin/pdftotext", {"-enc", "UTF-8", pdf, "-"}, {});
    std::string squeezed;
    for (char c : text.out) {
        const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\f';
        if (space && (squeezed.empty() || squeezed.back() == ' ')) continue;
        squeezed += space ? ' ' : c;
    }
    return squeezed;
}

std::vector<std::string> english_words(const std::string& text, const std::vector<std::string>& allowed) {
    // Commands to run are code: from "mitra-cli" to the end of its parenthesis, backquote or line.
    std::string prose;
    for (std::size_t i = 0; i < text.size();) {
        if (text.compare(i, 11, "mitra-cli: ") == 0) {  // the program's name before what it says
            i += 11;
            continue;
        }
        // A command begins a line, a parenthesis (ASCII or full width), a quotation or follows a space; in a path
        // (mitra-cli-test-…) it is part of a file's name.
        const auto joins = [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '/' || c == '-' ||
                   c == '_' || c == '.';
        };
        const bool command_starts = i == 0 || !joins(text[i - 1]);  // after a space, a bracket (（), a quotation
        if (command_starts && text.compare(i, 10, "mitra-cli ") == 0) {
            i = text.find_first_of(")`\n", i);
            if (i == std::string::npos) break;
            continue;
        }
        prose += text[i++];
    }
    const auto is_letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    const auto is_space = [](char c) { return c == ' ' || c == '\n' || c == '\t'; };
    std::vector<std::string> found;
    // Token by token (between spaces): a token with a path, an option, a file name or a digit is code.
    for (std::size_t start = 0; start < prose.size();) {
        while (start < prose.size() && is_space(prose[start])) ++start;
        std::size_t end = start;
        while (end < prose.size() && !is_space(prose[end])) ++end;
        const std::string token = prose.substr(start, end - start);
        start = end;
        if (token.find('/') != std::string::npos || token.rfind("--", 0) == 0 ||
            token.find_first_of("0123456789@_") != std::string::npos)
            continue;
        if (const auto dot = token.rfind('.'); dot != std::string::npos && dot + 1 < token.size() &&
                                               is_letter(token[dot + 1]) && dot > 0 && is_letter(token[dot - 1]))
            continue;  // cert.pdf, mitra.db
        for (std::size_t i = 0; i < token.size();) {
            if (!is_letter(token[i])) {
                ++i;
                continue;
            }
            std::size_t j = i;
            while (j < token.size() && is_letter(token[j])) ++j;
            const std::string word = token.substr(i, j - i);
            const bool capitals = std::all_of(word.begin(), word.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
            // Joined to a hyphen, it is a code (P-ABC, KTM-north).
            const bool joined = (i > 0 && token[i - 1] == '-') || (j < token.size() && token[j] == '-');
            if (word.size() >= 2 && !capitals && !joined &&
                std::find(allowed.begin(), allowed.end(), word) == allowed.end() &&
                std::find(found.begin(), found.end(), word) == found.end())
                found.push_back(word);
            i = j;
        }
    }
    return found;
}

}  // namespace mitra::cli_test
