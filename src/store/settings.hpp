// Programme-wide settings, kept in the database so every front end and every installation on a hub agree: the
// verification address certificates link to ("verify-url") and the folder the verification site was last written to
// ("verifier-site"), which a revocation rewrites.
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "store/database.hpp"

namespace mitra::store {

// The settings there are, the one that says where a certificate's QR code leads, and the one that says where the
// verification site was last written (an absolute folder path).
inline constexpr const char* kVerifyUrlSetting = "verify-url";
inline constexpr const char* kVerifierSiteSetting = "verifier-site";
const std::vector<std::string>& setting_names();

class SettingsRepo {
public:
    explicit SettingsRepo(Database& db) : db_(db) {}

    // The value, or nothing when it was never set. Refuses a name that is no setting (InputError).
    std::optional<std::string> get(const std::string& name);
    // Checks the value (a verification address: core's verify_url_fault; a site folder: an absolute path) and keeps
    // it, with an audit entry.
    // Refuses an unknown name or a bad value (InputError), changing nothing. Its own transaction, or the caller's.
    void set(const std::string& name, const std::string& value);
    // Every setting that has a value, by name.
    std::vector<std::pair<std::string, std::string>> list();

    // The verification address, or "" when it was never set (a read, inside the caller's transaction or not).
    std::string verify_url() { return get(kVerifyUrlSetting).value_or(""); }
    // The folder the verification site was last written to, or "" when none was written from this programme.
    std::string verifier_site() { return get(kVerifierSiteSetting).value_or(""); }

private:
    Database& db_;
};

}  // namespace mitra::store
