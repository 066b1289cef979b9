// Reading and writing whole files.
#pragma once
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

#include "io/durable.hpp"  // write_file_atomically: the one durable writer
#include "io/result.hpp"

namespace mitra::io {

// The whole file as bytes; throws FileError naming the file when it cannot be read.
std::string read_text_file(const std::filesystem::path& path);

// The whole file, or one problem naming it (missing, unreadable, a folder, larger than max_bytes):
// for readers of outside input, which must not throw.
Result<std::string> read_input_file(const std::filesystem::path& path, std::size_t max_bytes);

// Where the programme's shipped files are (curricula/, certificates/, forms/, locale/): MITRA_DATA_DIR; for an
// installed program (<prefix>/bin/mitra) <prefix>/share/mitra and nothing else; otherwise beside the program
// (build/bin -> the source tree), then the source tree it was built from. Empty when none has the folder.
std::filesystem::path shipped_dir(const std::string& name);

// <prefix>/share/mitra when the program is <prefix>/bin/<name> and that folder exists (an installed Mitra);
// empty otherwise (a program in a build tree).
std::filesystem::path installed_data_dir(const std::filesystem::path& program);

}  // namespace mitra::io
