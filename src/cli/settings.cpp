// mitra-cli settings set|get|list: programme-wide settings kept in the database (the verification address, the
// verification site's folder).
#include "cli/context.hpp"
#include "store/settings.hpp"

namespace mitra::cli {
namespace {

struct SettingsSetOptions {
    std::string name;
    std::string value;
};

struct SettingsGetOptions {
    std::string name;
};

void run_settings_set(Context& ctx, const SettingsSetOptions& options) {
    store::SettingsRepo(ctx.db()).set(options.name, options.value);
    // TRANSLATORS: %1$s is a setting's name (verify-url), %2$s its new value.
    ctx.print(json{{"name", options.name}, {"value", options.value}},
              io::format(ctx.words().tr("Set %1$s to %2$s"), {options.name, options.value}));
}

void run_settings_get(Context& ctx, const SettingsGetOptions& options) {
    const auto value = store::SettingsRepo(ctx.db()).get(options.name);
    ctx.print(json{{"name", options.name}, {"value", value ? json(*value) : json(nullptr)}},
              // TRANSLATORS: %1$s is a setting's name (verify-url); the parenthesis is the command that sets it.
              value ? *value
                    : io::format(ctx.words().tr("%1$s is not set (mitra-cli settings set %1$s VALUE sets it)"),
                                 {options.name}));
}

void run_settings_list(Context& ctx) {
    json out = json::object();
    const io::Catalog& words = ctx.words();
    std::vector<std::vector<std::string>> rows{{words.trc("column", "SETTING"), words.trc("column", "VALUE")}};
    for (const auto& [name, value] : store::SettingsRepo(ctx.db()).list()) {
        out[name] = value;
        rows.push_back({name, value});
    }
    ctx.print(out, rows.size() == 1 ? words.tr("No settings are set") : table(rows));
}

}  // namespace

void add_settings_commands(CLI::App& app, Context& ctx) {
    const io::Catalog& words = ctx.words();
    // TRANSLATORS: the descriptions of commands and options that `mitra-cli ... --help` shows.
    auto* group = app.add_subcommand("settings", words.tr("Programme-wide settings, such as the verification address "
                                                          "certificates link to"))
                      ->require_subcommand(1);
    const std::string names = words.tr(
        "verify-url: the verification page a certificate's QR code opens (https://…); verifier-site: the "
        "folder the verification site was last written to (an absolute path; verifier site --out keeps it, "
        "and a revocation writes the site there again)");

    auto set_options = std::make_shared<SettingsSetOptions>();
    auto* set = group->add_subcommand("set", words.tr("Set a setting"));
    set->add_option("name", set_options->name, names)->required();
    set->add_option("value", set_options->value, words.tr("Its value"))->required();
    set->callback([&ctx, set_options] { run_settings_set(ctx, *set_options); });

    auto get_options = std::make_shared<SettingsGetOptions>();
    auto* get = group->add_subcommand("get", words.tr("Print a setting's value"));
    get->add_option("name", get_options->name, names)->required();
    get->callback([&ctx, get_options] { run_settings_get(ctx, *get_options); });

    auto* list = group->add_subcommand("list", words.tr("Every setting that is set"));
    list->callback([&ctx] { run_settings_list(ctx); });
}

}  // namespace mitra::cli
