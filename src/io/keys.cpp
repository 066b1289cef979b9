// The installation's signing key on disk: read only from a small regular file, checked before it is used.
#include "io/keys.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <sstream>

#include "io/files.hpp"

namespace mitra::io {
namespace {

namespace fs = std::filesystem;

constexpr const char* kSecretTag = "mitra-ed25519-secret";
constexpr const char* kPublicTag = "mitra-ed25519-public";
// A key file is one line of about 110 bytes; anything much larger is not one (and is not read whole).
constexpr off_t kMaxKeyFileBytes = 4096;

std::string file_type(mode_t mode) {
    if (S_ISDIR(mode)) return "a folder";
    if (S_ISFIFO(mode)) return "a named pipe";
    if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
    if (S_ISSOCK(mode)) return "a socket";
    return "not a regular file";
}

[[noreturn]] void refuse(KeyError::Kind kind, const fs::path& path, const std::string& why) {
    throw KeyError(kind, path, "the key file " + path.string() + " " + why);
}

[[noreturn]] void damaged(const fs::path& path, const std::string& why) {
    refuse(KeyError::Kind::damaged, path, "is damaged: " + why);
}

// The file's bytes, refusing before reading anything that is not a small regular file. Opened non-blocking
// and checked again on the open file, so a named pipe put there in between cannot hang the reader either.
std::string read_key_file(const fs::path& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
        const int error = errno;
        if (error == ENOENT) refuse(KeyError::Kind::missing, path, "does not exist");
        refuse(KeyError::Kind::unreadable, path, std::string("cannot be read: ") + std::strerror(error));
    }
    if (!S_ISREG(info.st_mode))
        refuse(KeyError::Kind::not_a_file, path, "is " + file_type(info.st_mode) + ", not a key");
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) refuse(KeyError::Kind::unreadable, path, std::string("cannot be read: ") + std::strerror(errno));
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode))
        refuse(KeyError::Kind::not_a_file, path, "is " + file_type(info.st_mode) + ", not a key");
    if (info.st_size > kMaxKeyFileBytes)
        damaged(path, "it is " + std::to_string(info.st_size) + " bytes long, far more than a key");
    std::string content(static_cast<std::size_t>(kMaxKeyFileBytes) + 1, '\0');
    std::size_t length = 0;
    while (length < content.size()) {
        const ssize_t n = ::read(fd, content.data() + length, content.size() - length);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) refuse(KeyError::Kind::unreadable, path, std::string("cannot be read: ") + std::strerror(errno));
        if (n == 0) break;
        length += static_cast<std::size_t>(n);
    }
    if (length > static_cast<std::size_t>(kMaxKeyFileBytes)) damaged(path, "it is far longer than a key");
    content.resize(length);
    return content;
}

// A secret key file is "<secret tag> <64 bytes>"; a public one "<public tag> <32 bytes> [<key id>]".
SigningKey parse_key_file(const std::string& content, const fs::path& path) {
    std::istringstream in(content);
    std::string tag, encoded, key_id, extra;
    in >> tag >> encoded >> key_id >> extra;
    if (tag != kSecretTag && tag != kPublicTag) damaged(path, "it is not a Mitra key file");
    const bool secret = tag == kSecretTag;
    const auto bytes = base64url_decode(encoded);
    if (!bytes || bytes->size() != (secret ? 64u : 32u) || !extra.empty() || (secret && !key_id.empty()))
        damaged(path, "it does not hold a whole key");
    SigningKey key;
    if (secret) {
        key.secret_key = *bytes;
        key.public_key = bytes->substr(32);  // an Ed25519 secret key ends with its public key
    } else {
        key.public_key = *bytes;
    }
    if (const auto problem = key_problem(key); !problem.empty()) damaged(path, problem);
    if (!key_id.empty() && key_id != key.key_id())
        damaged(path, "the key id written in it (" + key_id + ") is not its key's (" + key.key_id() + ")");
    return key;
}

SigningKey read_signing_key(const fs::path& path) {
    auto key = parse_key_file(read_key_file(path), path);
    if (key.secret_key.empty()) refuse(KeyError::Kind::public_only, path, "holds only a public key, which cannot sign");
    return key;
}

// Makes the folders up to `folder` that do not exist yet, owner-only (as the XDG base directory rules ask);
// folders that exist are left as they are.
void make_private_folders(const fs::path& folder) {
    fs::path at;
    for (const auto& part : folder) {
        at /= part;
        struct stat info {};
        if (::stat(at.c_str(), &info) == 0) continue;
        if (::mkdir(at.c_str(), 0700) == 0) ::chmod(at.c_str(), 0700);  // whatever the umask
        else if (errno != EEXIST) throw FileError(file_fault("cannot make the folder", at, errno, true));
    }
}

// Whether anything (a file, a folder, a dangling link) is at `path`.
bool anything_at(const fs::path& path) {
    struct stat info {};
    if (::lstat(path.c_str(), &info) == 0) return true;
    if (errno == ENOENT) return false;
    refuse(KeyError::Kind::unreadable, path, std::string("cannot be looked at: ") + std::strerror(errno));
}

}  // namespace

Fault KeyError::fault() const {
    FaultCode code = FaultCode::key_damaged;
    switch (kind) {
        case Kind::missing: code = FaultCode::key_missing; break;
        case Kind::exists: code = FaultCode::key_exists; break;
        case Kind::not_a_file: code = FaultCode::key_not_a_file; break;
        case Kind::damaged: code = FaultCode::key_damaged; break;
        case Kind::public_only: code = FaultCode::key_public_only; break;
        case Kind::unreadable: code = FaultCode::key_unreadable; break;
    }
    return Fault{code, {path.string()}, what()};
}

std::filesystem::path default_key_path() {
    std::filesystem::path base;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) base = xdg;
    else if (const char* home = std::getenv("HOME"); home && *home) base = std::filesystem::path(home) / ".local/share";
    else base = ".";
    return base / "mitra" / "signing.key";
}

SigningKey load_or_create_signing_key(const std::filesystem::path& path) {
    // Only the installation's own key is made unasked, on its first use; a path given by hand must hold a key,
    // or a typo would silently make (and trust) a new one.
    const bool installation_key = path.lexically_normal() == default_key_path().lexically_normal();
    if (installation_key && !anything_at(path)) return create_signing_key(path);
    return read_signing_key(path);
}

SigningKey create_signing_key(const std::filesystem::path& path) {
    if (anything_at(path)) refuse(KeyError::Kind::exists, path, "already exists; a signing key is never replaced");
    make_private_folders(path.parent_path());
    auto key = new_signing_key();
    write_file_atomically(path, std::string(kSecretTag) + " " + base64url_encode(key.secret_key) + "\n", true);
    return read_signing_key(path);  // what is on disk, checked as every later use will check it
}

std::string public_key_text(const SigningKey& key) {
    return std::string(kPublicTag) + " " + base64url_encode(key.public_key) + " " + key.key_id();
}

SigningKey read_public_key(const std::filesystem::path& path) {
    auto key = parse_key_file(read_key_file(path), path);
    key.secret_key.clear();
    return key;
}

std::vector<SigningKey> read_public_keys(const std::filesystem::path& path) {
    const std::string content = read_key_file(path);
    std::vector<SigningKey> keys;
    std::size_t start = 0;
    for (int line = 1; start < content.size(); ++line) {
        auto end = content.find('\n', start);
        if (end == std::string::npos) end = content.size();
        const std::string text = content.substr(start, end - start);
        start = end + 1;
        if (text.find_first_not_of(" \t\r") == std::string::npos) continue;
        try {
            auto key = parse_key_file(text, path);
            key.secret_key.clear();
            keys.push_back(std::move(key));
        } catch (const KeyError& e) {
            throw KeyError(e.kind, path, std::string(e.what()) + " (line " + std::to_string(line) + ")");
        }
    }
    if (keys.empty()) damaged(path, "it holds no key");
    return keys;
}

}  // namespace mitra::io
