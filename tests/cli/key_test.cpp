// mitra-cli key new|export through the real binary: a key is made only when asked (or on the installation's
// first use), owner-only, never over a file; a mistyped or damaged key is refused, naming the file.
#include <catch2/catch.hpp>
#include <sys/stat.h>

#include <fstream>

#include "core/signature.hpp"
#include "run_cli.hpp"

using namespace mitra::cli_test;
namespace fs = std::filesystem;

namespace {

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

unsigned mode_of(const fs::path& path) {
    struct stat info {};
    REQUIRE(::stat(path.c_str(), &info) == 0);
    return info.st_mode & 07777;
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("key new makes an owner-only key that key export gives, and never replaces it", "[cli][key]") {
    Workspace ws;
    const fs::path installation_key = ws.dir / "xdg" / "mitra" / "signing.key";

    SECTION("at the installation's own path") {
        const auto made = ws.json({"key", "new"});
        CHECK(made["file"] == installation_key.string());
        CHECK(mode_of(installation_key) == 0600);
        CHECK(mode_of(installation_key.parent_path()) == 0700);
        CHECK(mode_of(ws.dir / "xdg") == 0700);
        const auto exported = ws.json({"key", "export"});
        CHECK(exported["key_id"] == made["key_id"]);
        CHECK(exported["public_key"] == made["public_key"]);

        const auto before = read_file(installation_key);
        const auto again = ws.run({"key", "new"});
        CHECK(again.status == 2);
        CHECK(contains(again.err, installation_key.string()));
        CHECK(contains(again.err, "already exists"));
        CHECK(read_file(installation_key) == before);
    }
    SECTION("at a path given with --key") {
        const fs::path file = ws.dir / "keys" / "site.key";
        const auto made = ws.json({"key", "new", "--key", file.string()});
        CHECK(mode_of(file) == 0600);
        CHECK(mode_of(file.parent_path()) == 0700);
        const auto exported = ws.json({"key", "export", "--key", file.string()});
        CHECK(exported["key_id"] == made["key_id"]);
        const auto out = ws.dir / "site-public.key";
        ws.ok({"key", "export", "--key", file.string(), "--out", out.string()});
        CHECK(read_file(out) == made["public_key"].get<std::string>() + "\n");

        const auto before = read_file(file);
        CHECK(ws.run({"key", "new", "--key", file.string()}).status == 2);
        CHECK(read_file(file) == before);
        CHECK_FALSE(fs::exists(installation_key));  // the installation's own was not made on the way
    }
}

TEST_CASE("key export with a key file that is not there refuses, says how to make one, and makes nothing",
          "[cli][key]") {
    Workspace ws;
    const fs::path typo = ws.dir / "sigining.key";
    const auto result = ws.run({"key", "export", "--key", typo.string()});
    INFO(result.err);
    CHECK(result.status == 2);
    CHECK(contains(result.err, typo.string()));
    CHECK(contains(result.err, "mitra-cli key new --key " + typo.string()));
    CHECK(result.out.empty());
    CHECK_FALSE(fs::exists(typo));
    CHECK_FALSE(fs::exists(ws.dir / "xdg"));
}

TEST_CASE("key export refuses a signing key with one flipped bit, naming the file", "[cli][key]") {
    Workspace ws;
    const fs::path file = ws.dir / "site.key";
    ws.ok({"key", "new", "--key", file.string()});
    const auto text = read_file(file);
    const auto space = text.find(' ');
    auto bytes = mitra::base64url_decode(text.substr(space + 1, text.find('\n') - space - 1));
    REQUIRE(bytes);
    REQUIRE(bytes->size() == 64);
    for (const std::size_t at : {3, 50}) {  // one bit in the secret half, one in the public half
        std::string flipped = *bytes;
        flipped[at] = static_cast<char>(flipped[at] ^ 0x10);
        std::ofstream(file, std::ios::binary | std::ios::trunc)
            << text.substr(0, space + 1) << mitra::base64url_encode(flipped) << "\n";
        const auto result = ws.run({"key", "export", "--key", file.string()});
        INFO("byte " << at << ": " << result.err);
        CHECK(result.status == 2);
        CHECK(contains(result.err, file.string()));
        CHECK(contains(result.err, "damaged"));
        CHECK(result.out.empty());
    }
}
