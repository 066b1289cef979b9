// The signing key on disk: made only for the installation's own path, read only from a small regular file,
// refused (naming the file) when either half is damaged.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <optional>

#include "io/files.hpp"
#include "io/keys.hpp"

using namespace mitra;
using namespace mitra::io;
namespace fs = std::filesystem;

namespace {

// A fresh folder for one test (mkdtemp), removed when the test ends.
struct Scratch {
    fs::path path;
    Scratch() {
        std::string pattern = (fs::temp_directory_path() / "mitra-keys-test-XXXXXX").string();
        REQUIRE(::mkdtemp(pattern.data()));
        path = pattern;
    }
    ~Scratch() { fs::remove_all(path); }
};

// XDG_DATA_HOME set for one test and put back afterwards, so default_key_path() points into a scratch folder.
struct DataHome {
    std::optional<std::string> before;
    explicit DataHome(const fs::path& dir) {
        if (const char* v = std::getenv("XDG_DATA_HOME")) before = v;
        ::setenv("XDG_DATA_HOME", dir.c_str(), 1);
    }
    ~DataHome() {
        if (before) ::setenv("XDG_DATA_HOME", before->c_str(), 1);
        else ::unsetenv("XDG_DATA_HOME");
    }
};

unsigned mode_of(const fs::path& path) {
    struct stat info {};
    REQUIRE(::stat(path.c_str(), &info) == 0);
    return info.st_mode & 07777;
}

// A key file's tag and its decoded bytes.
std::pair<std::string, std::string> key_bytes(const fs::path& file) {
    const auto text = read_text_file(file);
    const auto space = text.find(' ');
    auto end = text.find_first_of(" \n", space + 1);
    auto bytes = base64url_decode(text.substr(space + 1, end - space - 1));
    REQUIRE(bytes);
    return {text.substr(0, space), *bytes};
}

void write_key(const fs::path& file, const std::string& tag, const std::string& bytes, const std::string& tail = "") {
    write_file_atomically(file, tag + " " + base64url_encode(bytes) + tail + "\n");
}

// The refusal's message, or "" when the call did not throw a KeyError.
template <typename F>
std::string refusal(F&& call, KeyError::Kind expected) {
    try {
        call();
    } catch (const KeyError& e) {
        CHECK(e.kind == expected);
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("the installation's own key is made on first use, owner-only in owner-only folders, and read back after",
          "[io][keys]") {
    Scratch scratch;
    const fs::path data = scratch.path / "data";
    fs::create_directory(data);
    fs::permissions(data, fs::perms(0755));
    DataHome home(data);
    REQUIRE(default_key_path() == data / "mitra" / "signing.key");

    const auto made = load_or_create_signing_key(default_key_path());
    CHECK(key_problem(made).empty());
    CHECK(mode_of(default_key_path()) == 0600);
    CHECK(mode_of(data / "mitra") == 0700);
    CHECK(mode_of(data) == 0755);  // a folder that was there is left as it was

    const auto again = load_or_create_signing_key(default_key_path());
    CHECK(again.secret_key == made.secret_key);
    CHECK(again.key_id() == made.key_id());

    SECTION("deeper folders that do not exist yet are made owner-only too") {
        DataHome deeper(data / "a" / "b");
        load_or_create_signing_key(default_key_path());
        CHECK(mode_of(data / "a") == 0700);
        CHECK(mode_of(data / "a" / "b") == 0700);
        CHECK(mode_of(data / "a" / "b" / "mitra") == 0700);
    }
}

TEST_CASE("a missing key at a path given by hand is refused, naming the path, and nothing is made", "[io][keys]") {
    Scratch scratch;
    DataHome home(scratch.path / "data");
    const fs::path typo = scratch.path / "keys" / "signing.kye";
    const auto message = refusal([&] { load_or_create_signing_key(typo); }, KeyError::Kind::missing);
    CHECK_THAT(message, Catch::Contains(typo.string()));
    CHECK_FALSE(fs::exists(typo));
    CHECK_FALSE(fs::exists(scratch.path / "keys"));
    CHECK_FALSE(fs::exists(scratch.path / "data"));

    SECTION("the same with the folder there") {
        fs::create_directory(scratch.path / "keys");
        CHECK_THAT(refusal([&] { load_or_create_signing_key(typo); }, KeyError::Kind::missing),
                   Catch::Contains(typo.string()));
        CHECK(fs::is_empty(scratch.path / "keys"));
    }
}

TEST_CASE("a new key is made where asked, and never over a file that is there", "[io][keys]") {
    Scratch scratch;
    const fs::path file = scratch.path / "new" / "signing.key";
    const auto key = create_signing_key(file);
    CHECK(mode_of(file) == 0600);
    CHECK(mode_of(file.parent_path()) == 0700);
    CHECK(load_or_create_signing_key(file).secret_key == key.secret_key);

    const auto before = read_text_file(file);
    CHECK_THAT(refusal([&] { create_signing_key(file); }, KeyError::Kind::exists), Catch::Contains(file.string()));
    CHECK(read_text_file(file) == before);
}

TEST_CASE("one flipped bit anywhere in a signing key is refused as damaged, naming the file", "[io][keys]") {
    Scratch scratch;
    const fs::path good = scratch.path / "good.key";
    create_signing_key(good);
    const auto [tag, bytes] = key_bytes(good);
    REQUIRE(bytes.size() == 64);
    const fs::path bad = scratch.path / "bad.key";
    int refused = 0;
    for (std::size_t bit = 0; bit < bytes.size() * 8; ++bit) {
        std::string flipped = bytes;
        flipped[bit / 8] = static_cast<char>(flipped[bit / 8] ^ (1 << (bit % 8)));
        write_key(bad, tag, flipped);
        INFO("bit " << bit << (bit < 256 ? " of the secret half" : " of the public half"));
        const auto message = refusal([&] { load_or_create_signing_key(bad); }, KeyError::Kind::damaged);
        CHECK_THAT(message, Catch::Contains(bad.string()) && Catch::Contains("damaged"));
        refused += !message.empty();
        // nor does it slip in as a verifier's key
        CHECK_FALSE(refusal([&] { read_public_key(bad); }, KeyError::Kind::damaged).empty());
    }
    CHECK(refused == 512);
}

TEST_CASE("truncated, padded and garbage key files are refused as damaged, naming the file", "[io][keys]") {
    Scratch scratch;
    const fs::path good = scratch.path / "good.key";
    create_signing_key(good);
    const auto text = read_text_file(good);
    const fs::path bad = scratch.path / "bad.key";
    const std::vector<std::string> contents{
        "",
        text.substr(0, 10),
        text.substr(0, text.size() / 2),
        text.substr(0, text.size() - 3) + "\n",
        "mitra-ed25519-secret\n",
        "mitra-ed25519-secret !!!not-base64!!!\n",
        text.substr(0, text.size() - 1) + " trailing\n",
        std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16),
        std::string(200, '\xff'),
        "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n",
    };
    for (const auto& content : contents) {
        write_file_atomically(bad, content);
        INFO("content: " << content);
        CHECK_THAT(refusal([&] { load_or_create_signing_key(bad); }, KeyError::Kind::damaged),
                   Catch::Contains(bad.string()) && Catch::Contains("damaged"));
    }

    SECTION("a key file of more than a few KB is refused before it is read, even with a good key first") {
        write_file_atomically(bad, text + std::string(100'000, ' '));
        CHECK_THAT(refusal([&] { load_or_create_signing_key(bad); }, KeyError::Kind::damaged),
                   Catch::Contains(bad.string()));
    }
}

TEST_CASE("a named pipe, a folder or a device at the key path is refused at once, without reading", "[io][keys]") {
    Scratch scratch;
    const fs::path fifo = scratch.path / "signing.key";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    // On its own thread, so a reader blocked on the pipe fails the test instead of hanging it.
    auto loading = std::async(std::launch::async, [&] {
        try {
            load_or_create_signing_key(fifo);
        } catch (const KeyError& e) {
            return std::string(e.what());
        }
        return std::string("loaded");
    });
    if (loading.wait_for(std::chrono::seconds(5)) != std::future_status::ready) {
        const int writer = ::open(fifo.c_str(), O_WRONLY | O_NONBLOCK);  // lets the blocked reader go
        if (writer >= 0) ::close(writer);
        FAIL("reading a named pipe as the key blocked for 5 s");
    }
    CHECK_THAT(loading.get(), Catch::Contains(fifo.string()) && Catch::Contains("named pipe"));
    CHECK_THAT(refusal([&] { read_public_key(fifo); }, KeyError::Kind::not_a_file), Catch::Contains("named pipe"));

    CHECK_THAT(refusal([&] { load_or_create_signing_key(scratch.path); }, KeyError::Kind::not_a_file),
               Catch::Contains(scratch.path.string()) && Catch::Contains("folder"));
    CHECK_THAT(refusal([&] { load_or_create_signing_key("/dev/zero"); }, KeyError::Kind::not_a_file),
               Catch::Contains("/dev/zero") && Catch::Contains("device"));

    SECTION("the installation's own path is not made over a pipe either") {
        DataHome home(scratch.path / "data");
        fs::create_directories(default_key_path().parent_path());
        REQUIRE(::mkfifo(default_key_path().c_str(), 0600) == 0);
        CHECK_THAT(refusal([&] { load_or_create_signing_key(default_key_path()); }, KeyError::Kind::not_a_file),
                   Catch::Contains("named pipe"));
    }
}

TEST_CASE("a public key must be a valid Ed25519 point with its own key id; a signing key must not be public-only",
          "[io][keys]") {
    Scratch scratch;
    const fs::path secret = scratch.path / "signing.key";
    const auto key = create_signing_key(secret);
    const fs::path exported = scratch.path / "public.key";
    write_file_atomically(exported, public_key_text(key) + "\n");
    CHECK(read_public_key(exported).public_key == key.public_key);
    CHECK(read_public_key(exported).secret_key.empty());
    CHECK(read_public_key(secret).public_key == key.public_key);  // a signing key file gives its public half
    CHECK_THAT(refusal([&] { load_or_create_signing_key(exported); }, KeyError::Kind::public_only),
               Catch::Contains(exported.string()));

    const fs::path bad = scratch.path / "bad-public.key";
    const std::vector<std::string> not_points{
        std::string(32, '\0'),                           // (0, 0): on the curve but of small order
        std::string(1, '\x01') + std::string(31, '\0'),  // the neutral element
        std::string(32, '\xff'),                         // not a canonical encoding
        std::string(1, '\x02') + std::string(31, '\0'),  // y = 2: not on the curve
    };
    for (const auto& point : not_points) {
        write_key(bad, "mitra-ed25519-public", point);
        INFO("point: " << base64url_encode(point));
        CHECK_THAT(refusal([&] { read_public_key(bad); }, KeyError::Kind::damaged),
                   Catch::Contains(bad.string()) && Catch::Contains("not a valid Ed25519 point"));
    }

    SECTION("a public key whose written key id is not its own is refused") {
        auto other = new_signing_key();
        write_file_atomically(bad,
                              "mitra-ed25519-public " + base64url_encode(other.public_key) + " " + key.key_id() + "\n");
        CHECK_THAT(refusal([&] { read_public_key(bad); }, KeyError::Kind::damaged),
                   Catch::Contains(bad.string()) && Catch::Contains("key id"));
    }
}
