// The static verification site (docs/verification.md): a folder anyone can put on a web host or a USB stick, whose
// page checks a certificate's code in the browser, with no server and nothing sent anywhere.
#pragma once
#include <filesystem>
#include <string>

#include "core/signature.hpp"
#include "store/database.hpp"

namespace mitra::workflow {

struct VerifierSite {
    std::filesystem::path folder;
    std::size_t keys = 0;         // public keys listed
    std::size_t revocations = 0;  // serials on the revocation list
    std::size_t page_bytes = 0;   // index.html's size
};

// The page with the site's data in it: the public keys, the signed revocation list and the curricula's titles
// (code and version -> title in each of its languages; a version 2 code carries no title).
std::string verifier_page(store::Database& db, const std::string& signed_revocations);

// Writes index.html, keys.txt (one `key export` line per trusted key) and revocations.txt (signed with `key`, which
// becomes trusted if it was not) into `folder`, made if missing. Each file is written whole or not at all. Once they
// are, the folder (made absolute) is kept as the programme's "verifier-site" setting, for refresh_verifier_site.
VerifierSite write_verifier_site(store::Database& db, const SigningKey& key, const std::filesystem::path& folder);

// What became of the published site after a change to the revocations.
struct SiteRefresh {
    std::filesystem::path folder;  // where the site was last written; empty when never from this programme
    bool written = false;          // its files were written again
    VerifierSite site;             // when written
    std::string problem;           // when not written although there is a folder: why, in words
};

// Writes the site again in the folder it was last written to (the "verifier-site" setting), with the list signed by
// the key in `key_file`, so a revocation just recorded is on it. A folder that is gone is not made again (it may be
// on a stick that is not plugged in), and a failure (no key, a folder that cannot be written) is returned as a
// problem, never thrown: the revocation already stands.
SiteRefresh refresh_verifier_site(store::Database& db, const std::filesystem::path& key_file);

}  // namespace mitra::workflow
