// mitra-cli backup [--out FILE] [--list], restore [FILE] (also in place of a damaged database file).
#include "cli/context.hpp"
#include "store/backup.hpp"

namespace mitra::cli {
namespace {

// How many rotating backups are kept: backup --keep, and restore, which backs up the content it replaces.
constexpr int kept_backups = 10;

struct BackupOptions {
    std::string out;  // --out; empty: the backups folder beside the database
    int keep = kept_backups;
    bool list = false;
};

struct RestoreOptions {
    std::string file;  // empty: the newest backup that passes its check
};

// The backup to restore: the one given, or the newest in the backups folder that passes its check.
std::string backup_to_restore(const Context& ctx, const RestoreOptions& options) {
    if (!options.file.empty()) return options.file;
    const auto good = store::latest_good_backup(ctx.target());
    if (good.empty())
        // TRANSLATORS: %s is the backups folder's path.
        bad_option("file", io::format(ctx.words().tr("no backup in %s passes its check; name a backup file to restore"),
                                      {store::backup_folder(ctx.target()).string()}));
    return good.string();
}

void run_backup(Context& ctx, const BackupOptions& options) {
    if (options.list) {
        json items = json::array();
        std::string text;
        for (const auto& file : store::list_backups(ctx.target())) {
            items.push_back(file.string());
            text += file.string() + "\n";
        }
        ctx.print(items, text.empty() ? ctx.words().tr("No backups yet") : text);
        return;
    }
    std::filesystem::path written = options.out;
    if (options.out.empty()) written = store::backup_rotating(ctx.db(), "manual", options.keep);
    else store::backup_to(ctx.db(), options.out);
    // TRANSLATORS: %1$s is the database (a file path or a postgresql:// URL), %2$s the backup file written.
    ctx.print(json{{"backup", written.string()}},
              io::format(ctx.words().tr("Backed up %1$s to %2$s"), {ctx.target(), written.string()}));
}

void run_restore(Context& ctx, const RestoreOptions& options) {
    // A damaged database cannot be opened to copy the backup into it: the backup takes the file's place and
    // the damaged file is kept beside it.
    try {
        ctx.db();
    } catch (const store::DatabaseDamaged& damaged) {
        const std::string file = backup_to_restore(ctx, options);
        const auto aside = store::restore_damaged(damaged.path, file);
        ctx.print(json{{"restored", file}, {"damaged_kept_as", aside.string()}},
                  // TRANSLATORS: %1$s is the database file, %2$s the backup, %3$s where the damaged file now is.
                  io::format(ctx.words().tr("Restored %1$s from %2$s; the damaged file is kept as %3$s"),
                             {damaged.path, file, aside.string()}));
        return;
    }
    const std::string file = backup_to_restore(ctx, options);
    store::restore_from(ctx.db(), file, kept_backups);
    ctx.print(json{{"restored", file}},
              // TRANSLATORS: %1$s is the database (a file path or a postgresql:// URL), %2$s the backup file.
              io::format(ctx.words().tr("Restored %1$s from %2$s (the previous content was backed up first)"),
                         {ctx.target(), file}));
}

}  // namespace

void add_backup_commands(CLI::App& app, Context& ctx) {
    const io::Catalog& words = ctx.words();
    // TRANSLATORS: the descriptions of commands and options that `mitra-cli ... --help` shows.
    auto backed_up = std::make_shared<BackupOptions>();
    auto* backup = app.add_subcommand("backup", words.tr("Copy the embedded database safely, even while it is in use"));
    backup->add_option("--out", backed_up->out,
                       words.tr("Write the copy here (default: the backups folder beside the database)"));
    backup
        ->add_option("--keep", backed_up->keep,
                     words.tr("How many backups to keep in the backups folder (default: 10)"))
        ->check(CLI::Range(1, 1000));
    backup->add_flag("--list", backed_up->list, words.tr("List the backups in the backups folder, newest first"));
    backup->callback([&ctx, backed_up] { run_backup(ctx, *backed_up); });

    auto restored = std::make_shared<RestoreOptions>();
    auto* restore = app.add_subcommand("restore", words.tr("Replace the database with a backup (checked first)"));
    restore
        ->add_option(
            "file", restored->file,
            words.tr("The backup file (default: the newest backup in the backups folder that passes its check)"))
        ->check(CLI::ExistingFile);
    restore->callback([&ctx, restored] { run_restore(ctx, *restored); });
}

}  // namespace mitra::cli
