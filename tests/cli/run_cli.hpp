// Running the real mitra-cli binary on a fresh database in a temp dir, for end-to-end specifications.
#pragma once
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace mitra::cli_test {

// What one run of mitra-cli did.
struct Output {
    int status = -1;  // exit status; 128 + signal when killed by one
    std::string out, err;
    long max_rss_kb = 0;    // the program's peak resident memory, from Workspace::run_measured only
    int err_lines() const;  // lines on stderr
};

// A fresh temp dir (mkdtemp) holding the database `mitra.db` and any input files; removed afterwards.
// In the PostgreSQL run (MITRA_TEST_BACKEND=postgresql) the database is a fresh schema on the test server
// instead, `db` is its URL, and the schema is dropped afterwards.
class Workspace {
public:
    Workspace();
    ~Workspace();
    Workspace(const Workspace&) = delete;
    Workspace& operator=(const Workspace&) = delete;

    // Runs mitra-cli with `--db <this workspace's database>` and then `args`, each passed as-is (no shell).
    Output run(const std::vector<std::string>& args) const;
    // Runs mitra-cli without adding --db.
    Output run_bare(const std::vector<std::string>& args) const;
    // Runs with --db, recording changes as `actor` (MITRA_ACTOR) instead of the tests' own "cli-test".
    Output run_as(const std::string& actor, const std::vector<std::string>& args) const;
    // Runs with --db under GNU time (/usr/bin/time), which gives the program's own peak memory (max_rss_kb). Spawned
    // straight from the test, Linux would charge it the test's peak instead: it keeps the peak across exec.
    Output run_measured(const std::vector<std::string>& args) const;
    // Runs with --json; the command must succeed and print JSON.
    nlohmann::json json(const std::vector<std::string>& args) const;
    // Runs a command that must succeed.
    Output ok(const std::vector<std::string>& args) const;

    // Writes a file into the workspace byte for byte and returns its path.
    std::string file(const std::string& name, const std::string& content) const;

    // Every row of every table, as text: two equal dumps mean the database did not change.
    std::string dump() const;
    long long count(const std::string& table) const;
    // Changes the database behind the program's back (a record kept before a rule at the door existed).
    void execute(const std::string& statement, const std::string& value) const;

    std::filesystem::path dir;
    std::string db;                        // a file path, or a postgresql:// URL
    std::vector<std::string> environment;  // "NAME=value" added to every run's environment (MITRA_… included)

    // Another database of this workspace's backend (a second hub, say), made on first use.
    std::string other_db(const std::string& name);

private:
    Output run_bare_as(const std::string& actor, const std::vector<std::string>& args, bool measure = false) const;
    std::vector<std::shared_ptr<void>> schemas_;
};

// A PDF's text as pdftotext gives it, whitespace squeezed to single spaces (pdftotext may break a line anywhere).
std::string pdf_words(const std::string& pdf);

// English left in what mitra-cli printed for a reader of a language written without Latin letters (ja, ko, th, ur,
// ...): each run of two or more ASCII letters, once, except codes in capitals (KTM-2026-1, PSF, PDF), words joined
// to digits, options (--today), file names and paths, a command to run ("(mitra-cli trainer qualify)", `mitra-cli
// pack export ...`) and the words in `allowed` (the test's own names and values).
std::vector<std::string> english_words(const std::string& text, const std::vector<std::string>& allowed = {});

// Spawns `program` with `args` (argv[1..]) and the environment `env`, capturing stdout and stderr.
Output spawn(const std::string& program, const std::vector<std::string>& args, const std::vector<std::string>& env);

}  // namespace mitra::cli_test
