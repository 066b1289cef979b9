// mitra-cli: the programme's whole workflow from a terminal. `mitra-cli <noun> <verb>`, --json for machines.
#include <iostream>

#include "cli/context.hpp"
#include "cli/help.hpp"
#include "io/durable.hpp"
#include "io/fault_words.hpp"
#include "io/keys.hpp"
#include "io/reason_words.hpp"
#include "store/database.hpp"

int main(int argc, char** argv) {
    using namespace mitra;
    const io::Catalog& help = io::catalog(io::environment_language());
    // TRANSLATORS: mitra-cli --help's first line and the descriptions of its options for every command.
    CLI::App app{
        help.tr("Mitra: curricula, cohorts, attendance, completion and certificates of the peer-support programme")};
    app.name("mitra-cli");
    cli::use_help_words(app, help);
    app.set_help_all_flag("--help-all", help.tr("Every command and option"));
    app.require_subcommand(1);
    cli::Context ctx;
    app.add_option("--db", ctx.db_target,
                   // TRANSLATORS: %s is the database file used when none is named.
                   io::format(help.tr("The database: a file path, or a postgresql:// URL (default: %s)"),
                              {store::Database::default_path()}))
        ->envname("MITRA_DB");
    app.add_flag("--json", ctx.json_output, help.tr("Print results as JSON"));
    app.fallthrough();

    cli::add_init_commands(app, ctx);
    cli::add_curriculum_commands(app, ctx);
    cli::add_trainer_commands(app, ctx);
    cli::add_participant_commands(app, ctx);
    cli::add_cohort_commands(app, ctx);
    cli::add_session_commands(app, ctx);
    cli::add_attendance_commands(app, ctx);
    cli::add_completion_commands(app, ctx);
    cli::add_practice_commands(app, ctx);
    cli::add_practice_record_commands(app, ctx);
    cli::add_progress_commands(app, ctx);
    cli::add_certificate_commands(app, ctx);
    cli::add_key_commands(app, ctx);
    cli::add_verifier_commands(app, ctx);
    cli::add_settings_commands(app, ctx);
    cli::add_certification_commands(app, ctx);
    cli::add_pack_commands(app, ctx);
    cli::add_backup_commands(app, ctx);
    cli::add_demo_commands(app, ctx);
    cli::add_report_commands(app, ctx);
    cli::add_forms_commands(app, ctx);
    cli::add_export_commands(app, ctx);
    cli::add_privacy_commands(app, ctx);

    try {
        app.parse(argc, argv);
        return 0;
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        const io::Catalog& words = io::catalog(io::environment_language());
        // TRANSLATORS: after a mistake in a command line; %s is the command that lists what there is.
        std::cerr << "mitra-cli: " << (words.translated() ? cli::parse_error_words(e, words) : e.what()) << ' '
                  << io::format(words.tr("(see %s)"), {"mitra-cli --help"}) << '\n';
        return 2;
    } catch (const InputError& e) {
        // One line a problem (a file may have several bad rows); the last says nothing changed. A refusal that a
        // command would put right (a trainer who may not teach, a curriculum not imported) names that command.
        // A refusal with a code is said in the user's language (io::problem_phrase, as the desktop program says it).
        const std::string advice = cli::refusal_advice(e);
        const io::Catalog& words = io::catalog(io::environment_language());
        for (std::size_t i = 0; i < e.problems.size(); ++i) {
            Problem shown = e.problems[i];
            // In another language a field that is no option (nor a file's column) is named as the usage names an argument (COHORT),
            // not by its English word; options (--ref) are what was typed.
            if (words.translated() && shown.file.empty() && !shown.field.empty() && shown.field[0] != '-')
                for (char& c : shown.field)
                    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
            std::cerr << "mitra-cli: " << io::problem_line(shown, words) << advice
                      << (i + 1 == e.problems.size() ? " " + words.tr("(nothing was changed)") : "") << '\n';
        }
        return 2;
    } catch (const io::KeyError& e) {
        // A key given by hand that is not there, or a damaged one: checked before anything is signed or recorded.
        // In English as it always was (what() is the English); in another language io's words for its kind.
        const io::Catalog& words = io::catalog(io::environment_language());
        if (words.translated())
            std::cerr << "mitra-cli: " << io::fault_phrase(e.fault(), words) << ' ' << words.tr("(nothing was changed)")
                      << '\n';
        else std::cerr << "mitra-cli: " << e.what() << " (nothing was changed)\n";
        if (e.kind == io::KeyError::Kind::missing)
            std::cerr << "mitra-cli: "
                      << io::format(words.tr("to make a new key there: %s"),
                                    {"mitra-cli key new --key " + e.path.string()})
                      << '\n';
        return 2;
    } catch (const store::DatabaseError& e) {
        const io::Catalog& words = io::catalog(io::environment_language());
        std::cerr << "mitra-cli: " << (words.translated() ? io::fault_phrase(e.fault, words) : e.what())
                  << cli::database_advice(e) << '\n';
        return 1;
    } catch (const io::FileError& e) {
        // A file the system would not read or write (a full disk, a read-only folder): said in the user's language.
        const io::Catalog& words = io::catalog(io::environment_language());
        std::cerr << "mitra-cli: " << (words.translated() ? io::fault_phrase(e.fault, words) : e.what()) << '\n';
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "mitra-cli: " << e.what() << '\n';
        return 1;
    }
}
