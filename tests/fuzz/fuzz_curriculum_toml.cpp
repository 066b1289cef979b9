// Fuzz target: the curriculum TOML loader.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "io/curriculum_toml.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view content(reinterpret_cast<const char*>(data), size);
    auto result = mitra::io::read_curriculum(content, "fuzz.toml");
    for (const auto& problem : result.problems)
        if (problem.message.empty()) __builtin_trap();  // every refusal says why
    return 0;
}
