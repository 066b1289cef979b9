// Fuzz target: the attendance CSV importer.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "io/attendance_csv.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view content(reinterpret_cast<const char*>(data), size);
    auto result = mitra::io::read_attendance_csv(content, "fuzz.csv");
    if (!result.ok() && !result.value.empty()) __builtin_trap();
    return 0;
}
