// Damaged files for the specifications: a database file as a failing disk would leave it (restore, database
// file), and a template image only rendering finds broken (reprint, renewal).
#pragma once
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace mitra::cli_test {

inline std::string bytes_of(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

// Overwrites `count` pages in the middle of the file with noise, as a failing disk would.
inline void damage_middle(const std::filesystem::path& file, int count) {
    const auto size = std::filesystem::file_size(file);
    std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>(size / 2 / 4096 * 4096));
    std::string noise(static_cast<std::size_t>(4096 * count), '\0');
    for (std::size_t i = 0; i < noise.size(); ++i) noise[i] = static_cast<char>((i * 2654435761u) >> 13);
    f.write(noise.data(), static_cast<std::streamsize>(noise.size()));
}

// A PNG whose header is sound (the template reader checks it) but which holds no image data: libharu cannot
// read it, and only rendering finds out.
inline std::string png_without_pixels() {
    std::string png("\x89PNG\r\n\x1a\n", 8);
    const std::string ihdr(
        "\x00\x00\x00\x0d"
        "IHDR"
        "\x00\x00\x00\x40"
        "\x00\x00\x00\x40"
        "\x08\x02\x00\x00\x00"
        "\x00\x00\x00\x00",  // the CRC left wrong, and no IDAT or IEND
        25);
    return png + ihdr;
}

}  // namespace mitra::cli_test
