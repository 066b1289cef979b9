// Store test helpers.
#include "temp_dir.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <stdexcept>

#include "io/curriculum_toml.hpp"
#include "test_backend.hpp"

namespace mitra::store_test {

TempDir::TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "mitra-store-test-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    path = pattern;
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
}

std::string TempDir::db(const std::string& name) {
    if (!test_backend::postgresql()) return file(name);
    if (auto at = urls_.find(name); at != urls_.end()) return at->second;
    auto schema = std::make_shared<test_backend::Schema>();
    urls_[name] = schema->url;
    schemas_[name] = schema;
    return schema->url;
}

Curriculum shipped_curriculum() {
    auto read = io::read_curriculum_file(std::string(MITRA_SOURCE_DIR) + "/curricula/peer-support-foundations.toml");
    REQUIRE(read.ok());
    return read.value;
}

}  // namespace mitra::store_test
