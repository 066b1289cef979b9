// What every mitra-cli command shares: the database it works on, the output form, and helpers to parse options.
#pragma once
#include <CLI/CLI.hpp>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "core/calendar.hpp"
#include "core/certification.hpp"
#include "core/problem.hpp"
#include "core/validation.hpp"
#include "io/catalog.hpp"
#include "store/database.hpp"

namespace mitra::cli {

using nlohmann::json;

struct Context {
    std::string db_target;     // --db
    bool json_output = false;  // --json

    store::Database& db();  // opened (and migrated) on first use
    std::string target() const;

    // Prints JSON on stdout when --json was given, otherwise the text.
    void print(const json& value, const std::string& text) const;

    // The catalog of the language the environment asks for (LANGUAGE, then LC_ALL, LC_MESSAGES, LANG), for the
    // words of text output; --json stays in codes and core's English.
    const io::Catalog& words() const;

private:
    std::unique_ptr<store::Database> db_;
};

// Bad input from the command line: exit status 2, nothing changed.
[[noreturn]] void bad_option(const std::string& option, const std::string& message);
// The same with a refusal's code and values, said in the user's language as the store's refusals are.
[[noreturn]] void bad_option(const std::string& option, ProblemCode code, std::vector<std::string> values);
// Turns field errors from validation into a refusal naming the options.
void refuse_if_any(const std::vector<FieldError>& errors);

// The command that lifts a trainer's bar, as advice after a refusal: " (mitra-cli trainer qualify)".
std::string teaching_advice(const TeachingBar& bar);
// The command that puts a refusal right, as advice after its problem (the store names none): " (mitra-cli curriculum
// import FILE)" after a cohort of a curriculum not imported; empty when the refusal has no remedy of its own.
std::string refusal_advice(const InputError& refused);
// What to run after a failure of the database itself: the restore of a damaged file's latest good backup, the
// coordinator's init of a hub's schema; empty for other failures.
std::string database_advice(const store::DatabaseError& failure);

Date date_option(const std::string& option, const std::string& value);
LocalTime time_option(const std::string& option, const std::string& value);

// Where the programme's shipped files (curricula/, certificates/) are.
std::string shipped_dir(const std::string& name);

// A table for people: columns padded by display width, so names in any script line up.
std::string table(const std::vector<std::vector<std::string>>& rows);

// The command groups; each adds its subcommands to the app.
void add_init_commands(CLI::App& app, Context& ctx);
void add_curriculum_commands(CLI::App& app, Context& ctx);
void add_trainer_commands(CLI::App& app, Context& ctx);
void add_participant_commands(CLI::App& app, Context& ctx);
void add_cohort_commands(CLI::App& app, Context& ctx);
void add_session_commands(CLI::App& app, Context& ctx);
void add_attendance_commands(CLI::App& app, Context& ctx);
void add_completion_commands(CLI::App& app, Context& ctx);
// supervisor, supervision, assessment observe|release, referee, attest, deadline, cohort deadlines (issue 21);
// after the completion and cohort groups, which it attaches to.
void add_practice_commands(CLI::App& app, Context& ctx);
// supervisor verify, practice record: a supervisor's verification and the auditor's record (issue 21); after the
// practice commands, whose supervisor group it attaches to.
void add_practice_record_commands(CLI::App& app, Context& ctx);
// progress letter: a person's progress letter (issue 21).
void add_progress_commands(CLI::App& app, Context& ctx);
void add_demo_commands(CLI::App& app, Context& ctx);
void add_certificate_commands(CLI::App& app, Context& ctx);
// key new|export: the installation's signing key.
void add_key_commands(CLI::App& app, Context& ctx);
// verifier site: the static verification page.
void add_verifier_commands(CLI::App& app, Context& ctx);
// certification due|show|grant|renew and learning add|list.
void add_certification_commands(CLI::App& app, Context& ctx);
void add_pack_commands(CLI::App&, Context&);
void add_backup_commands(CLI::App& app, Context& ctx);
void add_privacy_commands(CLI::App& app, Context& ctx);
// settings set|get|list: programme-wide settings (the verification address).
void add_settings_commands(CLI::App& app, Context& ctx);
// Attach to the groups above, so they are added after them: report, forms (session sheet, cohort
// roster and form), exports (participant/cohort/completion export, certificate badge).
void add_report_commands(CLI::App& app, Context& ctx);
void add_forms_commands(CLI::App& app, Context& ctx);
void add_export_commands(CLI::App& app, Context& ctx);

}  // namespace mitra::cli
