// Whole-file reads and crash-safe writes.
#include "io/files.hpp"

#include <cstdlib>

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

#include "io/reason_words.hpp"

namespace mitra::io {
namespace fs = std::filesystem;
namespace {

[[noreturn]] void fail(const std::string& what, const fs::path& path, int error) {
    throw FileError(file_fault(what, path, error, false));
}

}  // namespace

std::string read_text_file(const fs::path& path) {
    std::error_code error;
    if (fs::is_directory(path, error))
        throw FileError(
            Fault{FaultCode::file_is_folder, {path.string()}, "cannot read '" + path.string() + "': it is a folder"});
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
    Problem place;
    place.file = name;
    if (!error && size > max_bytes) {
        result.problems.push_back(
            coded_problem(place, ProblemCode::file_too_large, {std::to_string(max_bytes / 1'000'000)}));
        return result;
    }
    try {
        result.value = read_text_file(path);
    } catch (const FileError& e) {
        // Coded, for each front end to say in its user's language; the file is the problem's place.
        switch (e.fault.code) {
            case FaultCode::file_missing:
                result.problems.push_back(coded_problem(place, ProblemCode::input_missing));
                break;
            case FaultCode::file_is_folder:
                result.problems.push_back(coded_problem(place, ProblemCode::input_is_folder));
                break;
            case FaultCode::file_read_denied:
                result.problems.push_back(coded_problem(place, ProblemCode::input_read_denied));
                break;
            default: result.problems.push_back(coded_problem(place, ProblemCode::input_unreadable, {e.what()})); break;
        }
    } catch (const std::exception& e) {
        result.problems.push_back(coded_problem(place, ProblemCode::input_unreadable, {e.what()}));
    }
    return result;
}

std::filesystem::path installed_data_dir(const std::filesystem::path& program) {
    std::error_code ec;
    const auto prefix = program.parent_path().parent_path();  // <prefix>/bin/mitra-cli -> <prefix>
    if (prefix.empty() || program.parent_path().filename() != "bin") return {};
    const auto data = prefix / "share" / "mitra";
    return fs::is_directory(data, ec) ? data : fs::path();
}

std::filesystem::path shipped_dir(const std::string& name) {
    std::error_code ec;
    if (const char* dir = std::getenv("MITRA_DATA_DIR"); dir && *dir) {
        if (fs::is_directory(fs::path(dir) / name, ec)) return fs::path(dir) / name;
    }
    const auto exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        // An installed program uses its own files only, never a source tree that happens to be on the machine.
        if (const auto data = installed_data_dir(exe); !data.empty())
            return fs::is_directory(data / name, ec) ? data / name : fs::path();
        const auto beside = exe.parent_path().parent_path().parent_path() / name;  // build/bin -> the source tree
        if (fs::is_directory(beside, ec)) return beside;
    }
    const auto source = fs::path(MITRA_SOURCE_DIR) / name;
    return fs::is_directory(source, ec) ? source : fs::path();
}

}  // namespace mitra::io
