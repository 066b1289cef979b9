// mitra-cli verifier site: the static verification page, with the programme's public keys and revocation list.
#include <filesystem>

#include "cli/context.hpp"
#include "io/keys.hpp"
#include "workflow/verifier_site.hpp"

namespace mitra::cli {
namespace {

namespace fs = std::filesystem;

struct VerifierSiteOptions {
    std::string out;       // --out
    std::string key_file;  // --key; empty: the installation's own
};

void run_verifier_site(Context& ctx, const VerifierSiteOptions& options) {
    const auto key =
        io::load_or_create_signing_key(options.key_file.empty() ? io::default_key_path() : fs::path(options.key_file));
    const auto site = workflow::write_verifier_site(ctx.db(), key, options.out);
    ctx.print(json{{"folder", site.folder.string()},
                   {"files", {"index.html", "keys.txt", "revocations.txt"}},
                   {"keys", site.keys},
                   {"revocations", site.revocations},
                   {"page_bytes", site.page_bytes}},
              // TRANSLATORS: %1$s is a folder; %2$d the page's size in kilobytes, %3$d the public keys, %4$d the
              // certificates revoked; index.html, keys.txt and revocations.txt are file names, as they are.
              io::format(ctx.words().tr("Wrote the verification site to %1$s: index.html (%2$d KB), keys.txt (%3$d "
                                        "keys), revocations.txt (%4$d revoked)\n  put the folder's files at the "
                                        "verification address certificates point to; a revocation writes them here "
                                        "again (mitra-cli settings get verifier-site)"),
                         {site.folder.string(), static_cast<long long>(site.page_bytes / 1024),
                          static_cast<long long>(site.keys), static_cast<long long>(site.revocations)}));
}

}  // namespace

void add_verifier_commands(CLI::App& app, Context& ctx) {
    const io::Catalog& words = ctx.words();
    // TRANSLATORS: the descriptions of commands and options that `mitra-cli ... --help` shows.
    auto* group = app.add_subcommand("verifier", words.tr("The verification page anyone can check certificates with"))
                      ->require_subcommand(1);
    auto options = std::make_shared<VerifierSiteOptions>();
    auto* site = group->add_subcommand(
        "site", words.tr("Write the verification site (index.html, keys.txt, revocations.txt) into a folder"));
    site->add_option("--out", options->out, words.tr("The folder to write it into (made if missing)"))->required();
    site->add_option("--key", options->key_file,
                     words.tr("The signing key the revocation list is signed with (default: the installation's)"));
    site->callback([&ctx, options] { run_verifier_site(ctx, *options); });
}

}  // namespace mitra::cli
