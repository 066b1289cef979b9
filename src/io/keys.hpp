// The installation's signing key on disk (owner-only), and public keys given to verifiers.
#pragma once
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/fault.hpp"
#include "core/signature.hpp"

namespace mitra::io {

// A key file that cannot be used: its message names the file and says why. Nothing was written.
struct KeyError : std::runtime_error {
    enum class Kind {
        missing,      // no file at the path (and it is not the installation's own, which is made on first use)
        exists,       // a new key was asked for where a file already is
        not_a_file,   // a folder, named pipe, device or socket
        damaged,      // too large, not a Mitra key file, or the key fails its checks
        public_only,  // a public key where a signing key is needed
        unreadable,   // the system refused (permissions, I/O)
    };
    KeyError(Kind kind, std::filesystem::path path, const std::string& message)
        : std::runtime_error(message), kind(kind), path(std::move(path)) {}
    Kind kind;
    std::filesystem::path path;
    // The kind and file for the front ends to word (io::fault_phrase).
    Fault fault() const;
};

// $XDG_DATA_HOME/mitra/signing.key
std::filesystem::path default_key_path();

// Reads and checks the signing key (see key_problem). Makes one only when `path` is the installation's own
// (default_key_path()) and nothing is there yet, its first use: file 0600, new folders 0700. Any other missing
// path, and every damaged or special file, throws KeyError naming the file.
SigningKey load_or_create_signing_key(const std::filesystem::path& path);

// Makes a new signing key at `path` (file 0600, new folders 0700); throws KeyError when anything is there.
SigningKey create_signing_key(const std::filesystem::path& path);

// One line: "mitra-ed25519-public <base64url key> <key id>".
std::string public_key_text(const SigningKey& key);

// Reads and checks a public key file (as written by key export) or a secret key file; throws KeyError naming it.
SigningKey read_public_key(const std::filesystem::path& path);

// Reads a keys file of one public key a line (a verification site's keys.txt, or key export's output), blank
// lines skipped; a single key file reads too. Throws KeyError naming the file and the line.
std::vector<SigningKey> read_public_keys(const std::filesystem::path& path);

}  // namespace mitra::io
