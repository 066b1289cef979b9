// The signed revocation list a verification page and an offline `verify` read: serials, days and reason categories,
// never names or free-text reasons. docs/verification.md is the format's reference.
//
//   MITRA-REVOCATIONS 1
//   key <key id of the signing key>
//   made <YYYY-MM-DDTHH:MM:SSZ>
//   <serial> <YYYY-MM-DD> <category, or ->      one line per revoked certificate, serials in ascending order
//   signature <base64url Ed25519 signature of every byte before this line>
//
// Every line ends with '\n'. Nothing else may appear.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/signature.hpp"

namespace mitra {

// The reason categories a list may publish; the free-text reason stays in the database.
inline constexpr std::string_view kRevocationCategories[] = {"issued-in-error", "replaced", "withdrawn"};
bool is_revocation_category(std::string_view category);

struct Revocation {
    std::string serial;
    std::string revoked_on;  // YYYY-MM-DD
    std::string category;    // one of kRevocationCategories, or empty when none was given
    bool operator==(const Revocation&) const = default;
};

// The list, signed with the key (its secret half); the revocations are sorted by serial. `made_at` is a UTC time
// "YYYY-MM-DDTHH:MM:SSZ". Throws std::invalid_argument for a serial, day or category that cannot be written.
std::string make_revocation_list(std::vector<Revocation> revoked, const SigningKey& key, std::string_view made_at);

struct RevocationListCheck {
    bool well_formed = false;  // it reads as a list
    bool genuine = false;      // signed by one of the trusted keys
    std::string key_id;
    std::string made_at;
    std::vector<Revocation> revoked;
    std::string problem;  // why not, in words
    const Revocation* find(std::string_view serial) const;
};
RevocationListCheck read_revocation_list(std::string_view text, const std::vector<SigningKey>& trusted_keys);

}  // namespace mitra
