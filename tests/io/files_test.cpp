// Whole-file helpers: atomic writes, reading, and the zone database.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <filesystem>

#include "io/files.hpp"

using namespace mitra::io;
namespace fs = std::filesystem;

namespace {
// A fresh, empty folder for one test, removed when the test ends.
struct ScratchFolder {
    fs::path path = fs::temp_directory_path() / ("mitra-io-test-" + std::to_string(::getpid()));
    ScratchFolder() {
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~ScratchFolder() { fs::remove_all(path); }
};
}  // namespace

TEST_CASE("an atomic write replaces the content and leaves no temporary file", "[io][files]") {
    ScratchFolder folder;
    const auto file = folder.path / "cohort.toml";
    write_file_atomically(file, "old content, longer than the new\n");
    write_file_atomically(file, "山田 花子\n");
    CHECK(read_text_file(file) == "山田 花子\n");
    CHECK(std::distance(fs::directory_iterator(folder.path), fs::directory_iterator()) == 1);

    SECTION("owner_only makes the file readable by its owner alone") {
        write_file_atomically(file, "secret", true);
        struct stat info {};
        REQUIRE(::stat(file.c_str(), &info) == 0);
        CHECK((info.st_mode & 0777) == 0600);
    }
}

TEST_CASE("an atomic write into a missing folder fails naming the file", "[io][files]") {
    CHECK_THROWS_WITH(write_file_atomically("/nonexistent/mitra/x.csv", "x"),
                      Catch::Contains("/nonexistent/mitra/x.csv"));
}

TEST_CASE("reading a missing file fails naming the file", "[io][files]") {
    CHECK_THROWS_WITH(read_text_file("/nonexistent/mitra/people.csv"),
                      Catch::Contains("/nonexistent/mitra/people.csv"));
    ScratchFolder folder;
    CHECK_THROWS_WITH(read_text_file(folder.path), Catch::Contains("folder"));
}

TEST_CASE("an installed program's files are in <prefix>/share/mitra, a build tree's program has none", "[io][files]") {
    ScratchFolder folder;
    const auto prefix = folder.path / "usr";
    fs::create_directories(prefix / "bin");
    CHECK(installed_data_dir(prefix / "bin" / "mitra-cli").empty());  // bin/ alone: not installed

    fs::create_directories(prefix / "share" / "mitra" / "curricula");
    CHECK(installed_data_dir(prefix / "bin" / "mitra-cli") == prefix / "share" / "mitra");
    CHECK(installed_data_dir(prefix / "bin" / "mitra") == prefix / "share" / "mitra");

    // A program in a build tree (build/bin) or anywhere else has no installed files, even beside a share/mitra.
    fs::create_directories(folder.path / "build" / "bin");
    CHECK(installed_data_dir(folder.path / "build" / "bin" / "mitra-cli").empty());
    CHECK(installed_data_dir(prefix / "libexec" / "mitra-cli").empty());
}
