// Fuzz target: the participant CSV importer must never crash, hang or read out of bounds.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "io/participant_csv.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view content(reinterpret_cast<const char*>(data), size);
    auto result = mitra::io::read_participant_csv(content, "fuzz.csv");
    // All or nothing: a result with problems never carries half a list.
    if (!result.ok() && !result.value.empty()) __builtin_trap();
    return 0;
}
