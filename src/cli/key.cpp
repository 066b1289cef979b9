// mitra-cli key new|export: this installation's signing key.
#include <filesystem>

#include "cli/context.hpp"
#include "io/files.hpp"
#include "io/keys.hpp"

namespace mitra::cli {
namespace {

namespace fs = std::filesystem;

struct KeyNewOptions {
    std::string key_file;  // --key; empty: the installation's own
};

struct KeyExportOptions {
    std::string key_file;  // --key; empty: the installation's own
    std::string out;       // --out; empty: print it
};

fs::path key_path(const std::string& key_file) {
    return key_file.empty() ? io::default_key_path() : fs::path(key_file);
}

void run_key_new(const Context& ctx, const KeyNewOptions& options) {
    const fs::path path = key_path(options.key_file);
    const auto key = io::create_signing_key(path);
    ctx.print(json{{"file", path.string()}, {"key_id", key.key_id()}, {"public_key", io::public_key_text(key)}},
              // TRANSLATORS: %1$s is the key's id (a code), %2$s its file.
              io::format(ctx.words().tr("Made a new signing key %1$s: %2$s\n"
                                        "  keep a copy somewhere safe: certificates it signs verify only with it"),
                         {key.key_id(), path.string()}));
}

void run_key_export(const Context& ctx, const KeyExportOptions& options) {
    const auto key = io::load_or_create_signing_key(key_path(options.key_file));
    const std::string text = io::public_key_text(key);
    if (!options.out.empty()) io::write_file_atomically(options.out, text + "\n");
    ctx.print(json{{"key_id", key.key_id()}, {"public_key", text}},
              // TRANSLATORS: %s is the file written.
              options.out.empty() ? text : io::format(ctx.words().tr("Wrote %s"), {options.out}));
}

}  // namespace

void add_key_commands(CLI::App& app, Context& ctx) {
    const io::Catalog& words = ctx.words();
    // TRANSLATORS: the descriptions of commands and options that `mitra-cli ... --help` shows.
    auto* group = app.add_subcommand("key", words.tr("This installation's signing key"))->require_subcommand(1);
    const std::string default_path = io::default_key_path().string();

    auto made = std::make_shared<KeyNewOptions>();
    auto* make = group->add_subcommand("new", words.tr("Make a new signing key; an existing file is never replaced"));
    make->add_option("--key", made->key_file, io::format(words.tr("Where to put it (default: %s)"), {default_path}));
    make->callback([&ctx, made] { run_key_new(ctx, *made); });

    auto exported = std::make_shared<KeyExportOptions>();
    auto* export_cmd =
        group->add_subcommand("export", words.tr("Print (or write) the public key that verifies certificates"));
    export_cmd->add_option("--out", exported->out, words.tr("Write it to this file"));
    export_cmd->add_option(
        "--key", exported->key_file,
        io::format(words.tr("The signing key file (default: %s); the installation's own is made on first use"),
                   {default_path}));
    export_cmd->callback([&ctx, exported] { run_key_export(ctx, *exported); });
}

}  // namespace mitra::cli
