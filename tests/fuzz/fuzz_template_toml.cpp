// Fuzz target: the certificate template loader.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "io/template_toml.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view content(reinterpret_cast<const char*>(data), size);
    auto result = mitra::io::read_certificate_template(content, "fuzz/template.toml");
    for (const auto& problem : result.problems)
        if (problem.message.empty()) __builtin_trap();
    return 0;
}
