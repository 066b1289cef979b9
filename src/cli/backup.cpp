// mitra-cli backup [--out FILE] [--list], restore FILE (also in place of a damaged database file).
#include "cli/context.hpp"
#include "store/backup.hpp"

namespace mitra::cli {

void add_backup_commands(CLI::App& app, Context& ctx) {
    static int keep = 10;
    auto* backup = app.add_subcommand("backup", "Copy the embedded database safely, even while it is in use");
    static std::string out;
    static bool list = false;
    backup->add_option("--out", out, "Write the copy here (default: the backups folder beside the database)");
    backup->add_option("--keep", keep, "How many backups to keep in the backups folder (default: 10)")
        ->check(CLI::Range(1, 1000));
    backup->add_flag("--list", list, "List the backups in the backups folder, newest first");
    backup->callback([&ctx] {
        if (list) {
            json items = json::array();
            std::string text;
            for (const auto& file : store::list_backups(ctx.target())) {
                items.push_back(file.string());
                text += file.string() + "\n";
            }
            ctx.print(items, text.empty() ? "No backups yet" : text);
            return;
        }
        std::filesystem::path written = out;
        if (out.empty()) written = store::backup_rotating(ctx.db(), "manual", keep);
        else store::backup_to(ctx.db(), out);
        ctx.print(json{{"backup", written.string()}}, "Backed up " + ctx.target() + " to " + written.string());
    });

    auto* restore = app.add_subcommand("restore", "Replace the database with a backup (checked first)");
    static std::string file;
    restore->add_option("file", file, "The backup file")->required()->check(CLI::ExistingFile);
    restore->callback([&ctx] {
        // A damaged database cannot be opened to copy the backup into it: the backup takes the file's place and
        // the damaged file is kept beside it.
        try {
            ctx.db();
        } catch (const store::DatabaseDamaged& damaged) {
            const auto aside = store::restore_damaged(damaged.path, file);
            ctx.print(json{{"restored", file}, {"damaged_kept_as", aside.string()}},
                      "Restored " + damaged.path + " from " + file + "; the damaged file is kept as " +
                          aside.string());
            return;
        }
        store::restore_from(ctx.db(), file, keep);
        ctx.print(json{{"restored", file}},
                  "Restored " + ctx.target() + " from " + file + " (the previous content was backed up first)");
    });
}

}  // namespace mitra::cli
