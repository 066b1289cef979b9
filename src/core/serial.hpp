// Certificate serials people can read out and type: PSF-NP-2026-000123-K.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace mitra {

// ISO 7064 MOD 37-2 over the serial's letters and digits (dashes and case ignored). It catches
// every single wrong character and every swap of neighbours. Returns '*' for the one value in 37
// that has no letter or digit; serial numbers with that check are skipped when issuing.
char serial_check_character(std::string_view body);

// "PSF-NP-2026-000123-K", or nullopt when this number's check would be '*' (skip to the next).
std::optional<std::string> make_serial(std::string_view programme, std::string_view country, int year,
                                       long long number);

// Every character a serial is written with.
inline constexpr std::string_view kSerialCharacters = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-";

// Upper-cases, drops spaces, and checks the shape and the check character.
bool is_valid_serial(std::string_view serial);
std::string normalise_serial(std::string_view serial);

}  // namespace mitra
