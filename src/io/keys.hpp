// The installation's signing key on disk (owner-only), and public keys given to verifiers.
#pragma once
#include <filesystem>
#include <string>

#include "core/signature.hpp"

namespace mitra::io {

// $XDG_DATA_HOME/mitra/signing.key
std::filesystem::path default_key_path();

// Reads the key, or makes one (mode 0600) when the file does not exist yet.
SigningKey load_or_create_signing_key(const std::filesystem::path& path);

// One line: "mitra-ed25519-public <base64url key> <key id>".
std::string public_key_text(const SigningKey& key);

// Reads a public key file (as written by key export) or a secret key file; throws with the file named.
SigningKey read_public_key(const std::filesystem::path& path);

}  // namespace mitra::io
