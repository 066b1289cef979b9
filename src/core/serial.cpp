// Certificate serials with an ISO 7064 MOD 37-2 check character.
#include "core/serial.hpp"

#include <cstdio>

namespace mitra {
namespace {

constexpr std::string_view kAlphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ*";

int value_of(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    return -1;
}

}  // namespace

char serial_check_character(std::string_view body) {
    int p = 0;
    for (char c : body) {
        const int v = value_of(c);
        if (v < 0) continue;  // dashes and spaces are for people, not for the check
        p = ((p + v) * 2) % 37;
    }
    return kAlphabet[(38 - p) % 37];
}

std::optional<std::string> make_serial(std::string_view programme, std::string_view country, int year,
                                       long long number) {
    char digits[32];
    std::snprintf(digits, sizeof digits, "%04d-%06lld", year, number);
    std::string body = std::string(programme) + "-" + std::string(country) + "-" + digits;
    for (auto& c : body)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    const char check = serial_check_character(body);
    if (check == '*') return std::nullopt;
    return body + "-" + check;
}

std::string normalise_serial(std::string_view serial) {
    std::string out;
    for (char c : serial) {
        if (c == ' ' || c == '\t') continue;
        out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    }
    return out;
}

bool is_valid_serial(std::string_view text) {
    const std::string serial = normalise_serial(text);
    const auto dash = serial.rfind('-');
    if (serial.size() < 8 || serial.size() > 64 || dash == std::string::npos || dash + 2 != serial.size()) return false;
    for (char c : serial)
        if (value_of(c) < 0 && c != '-') return false;
    return serial_check_character(std::string_view(serial).substr(0, dash)) == serial.back();
}

}  // namespace mitra
