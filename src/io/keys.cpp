// The installation's signing key on disk.
#include "io/keys.hpp"

#include <cstdlib>
#include <sstream>
#include <stdexcept>

#include "io/files.hpp"

namespace mitra::io {
namespace {

constexpr const char* kSecretTag = "mitra-ed25519-secret";
constexpr const char* kPublicTag = "mitra-ed25519-public";

SigningKey parse_key_file(const std::string& content, const std::filesystem::path& path) {
    std::istringstream in(content);
    std::string tag, encoded;
    in >> tag >> encoded;
    auto bytes = base64url_decode(encoded);
    SigningKey key;
    if (tag == kSecretTag && bytes && bytes->size() == 64) {
        key.secret_key = *bytes;
        key.public_key = bytes->substr(32);  // an Ed25519 secret key ends with its public key
    } else if (tag == kPublicTag && bytes && bytes->size() == 32) {
        key.public_key = *bytes;
    } else {
        throw std::runtime_error(path.string() + " is not a Mitra key file");
    }
    return key;
}

}  // namespace

std::filesystem::path default_key_path() {
    std::filesystem::path base;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) base = xdg;
    else if (const char* home = std::getenv("HOME"); home && *home) base = std::filesystem::path(home) / ".local/share";
    else base = ".";
    return base / "mitra" / "signing.key";
}

SigningKey load_or_create_signing_key(const std::filesystem::path& path) {
    if (std::filesystem::exists(path)) {
        auto key = parse_key_file(read_text_file(path), path);
        if (key.secret_key.empty()) throw std::runtime_error(path.string() + " holds only a public key; cannot sign");
        return key;
    }
    auto key = new_signing_key();
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
    write_file_atomically(path, std::string(kSecretTag) + " " + base64url_encode(key.secret_key) + "\n", true);
    return key;
}

std::string public_key_text(const SigningKey& key) {
    return std::string(kPublicTag) + " " + base64url_encode(key.public_key) + " " + key.key_id();
}

SigningKey read_public_key(const std::filesystem::path& path) {
    auto key = parse_key_file(read_text_file(path), path);
    key.secret_key.clear();
    return key;
}

}  // namespace mitra::io
