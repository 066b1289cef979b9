// Whole-file reads and crash-safe writes.
#include "io/files.hpp"

#include <cstdlib>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <system_error>

namespace mitra::io {
namespace fs = std::filesystem;
namespace {

[[noreturn]] void fail(const std::string& what, const fs::path& path, int error) {
    throw std::runtime_error(what + " '" + path.string() + "': " + std::strerror(error));
}

}  // namespace

std::string read_text_file(const fs::path& path) {
    std::error_code error;
    if (fs::is_directory(path, error)) throw std::runtime_error("cannot read '" + path.string() + "': it is a folder");
    std::ifstream in(path, std::ios::binary);
    if (!in) fail("cannot open", path, errno);
    std::ostringstream content;
    content << in.rdbuf();
    if (in.bad()) fail("cannot read", path, errno);
    return std::move(content).str();
}

Result<std::string> read_input_file(const fs::path& path, std::size_t max_bytes) {
    Result<std::string> result;
    const std::string name = path.string();
    std::error_code error;
    const auto size = fs::file_size(path, error);
    if (!error && size > max_bytes) {
        result.problems.push_back(
            {name, 0, 0, "",
             "the file is larger than " + std::to_string(max_bytes / 1'000'000) + " MB; is it the right file?"});
        return result;
    }
    try {
        result.value = read_text_file(path);
    } catch (const std::exception& e) {
        result.problems.push_back({name, 0, 0, "", e.what()});
    }
    return result;
}

std::filesystem::path shipped_dir(const std::string& name) {
    namespace fs = std::filesystem;
    std::vector<fs::path> candidates;
    if (const char* dir = std::getenv("MITRA_DATA_DIR"); dir && *dir) candidates.push_back(fs::path(dir) / name);
    std::error_code ec;
    const auto exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) candidates.push_back(exe.parent_path().parent_path().parent_path() / name);  // build/bin -> repo
    candidates.push_back(fs::path(MITRA_SOURCE_DIR) / name);
    candidates.push_back(fs::path("/usr/share/mitra") / name);
    for (const auto& c : candidates)
        if (fs::is_directory(c, ec)) return c;
    return {};
}

}  // namespace mitra::io
