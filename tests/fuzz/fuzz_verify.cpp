// Fuzz target: the verify path for what a QR code or a pasted link holds; nothing forged may ever verify.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/signature.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const mitra::SigningKey key = [] {
        // A fixed public key whose secret nobody has: no input may verify against it.
        mitra::SigningKey k;
        k.public_key = std::string(32, '\x11');
        return k;
    }();
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const auto check = mitra::check_payload(bytes, {key});
    if (check.genuine) __builtin_trap();
    return 0;
}
