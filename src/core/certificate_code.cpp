// Version 2 certificate codes: the signed facts as lines, the signature and facts as digits, and the link a QR holds.
#include "core/certificate_code.hpp"

#include <array>
#include <cstdint>
#include <stdexcept>

namespace mitra {
namespace {

// The fewest decimal digits that hold a group of n bytes (n = 0..7).
constexpr std::array<std::size_t, 8> kDigitsFor = {0, 3, 5, 8, 10, 13, 15, 17};
constexpr std::size_t kGroupBytes = 7;
constexpr std::size_t kSignatureBytes = 64;  // crypto_sign_BYTES
constexpr int kMessageLines = 10;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string lower_ascii(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string upper_ascii(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return out;
}

}  // namespace

std::string code_message(const CertifiedFacts& f) {
    const std::string* facts[] = {&f.serial,    &f.full_name,  &f.latin_name, &f.programme, &f.kind,
                                  &f.issued_on, &f.expires_on, &f.language,   &f.key_id};
    std::string message(kCodeV2Prefix);
    for (const std::string* fact : facts) {
        if (fact->find_first_of("\r\n") != std::string::npos)
            throw std::invalid_argument("a certificate fact holds a line break and cannot be signed");
        message += '\n';
        message += *fact;
    }
    return message;
}

std::optional<CertifiedFacts> parse_code_message(std::string_view message) {
    std::string lines[kMessageLines];
    int count = 0;
    std::size_t at = 0;
    while (true) {
        const auto end = message.find('\n', at);
        if (count == kMessageLines) return std::nullopt;
        lines[count++] = std::string(message.substr(at, end == std::string_view::npos ? end : end - at));
        if (end == std::string_view::npos) break;
        at = end + 1;
    }
    if (count != kMessageLines || lines[0] != kCodeV2Prefix) return std::nullopt;
    CertifiedFacts f;
    f.serial = lines[1];
    f.full_name = lines[2];
    f.latin_name = lines[3];
    f.programme = lines[4];
    f.kind = lines[5];
    f.issued_on = lines[6];
    f.expires_on = lines[7];
    f.language = lines[8];
    f.key_id = lines[9];
    if (f.serial.empty() || f.kind.empty() || f.issued_on.empty() || f.key_id.empty()) return std::nullopt;
    return f;
}

std::string digits_encode(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size() * 17 / 7 + 17);
    for (std::size_t at = 0; at < bytes.size(); at += kGroupBytes) {
        const std::size_t n = std::min(kGroupBytes, bytes.size() - at);
        std::uint64_t value = 0;
        for (std::size_t i = 0; i < n; ++i) value = value << 8 | static_cast<unsigned char>(bytes[at + i]);
        std::string group(kDigitsFor[n], '0');
        for (std::size_t i = group.size(); i-- > 0; value /= 10) group[i] = static_cast<char>('0' + value % 10);
        out += group;
    }
    return out;
}

std::optional<std::string> digits_decode(std::string_view digits) {
    const std::size_t whole = digits.size() / kDigitsFor[kGroupBytes];
    const std::size_t rest = digits.size() % kDigitsFor[kGroupBytes];
    std::size_t last = 0;
    while (last < kGroupBytes && kDigitsFor[last] != rest) ++last;
    if (last == kGroupBytes) return std::nullopt;
    std::string out;
    out.reserve(whole * kGroupBytes + last);
    std::size_t at = 0;
    for (std::size_t g = 0; g <= whole; ++g) {
        const std::size_t n = g < whole ? kGroupBytes : last;
        if (n == 0) break;
        std::uint64_t value = 0;
        for (std::size_t i = 0; i < kDigitsFor[n]; ++i) {
            const char c = digits[at + i];
            if (!is_digit(c)) return std::nullopt;
            value = value * 10 + static_cast<std::uint64_t>(c - '0');  // 17 digits < 2^64: no overflow
        }
        at += kDigitsFor[n];
        if (value >> (8 * n) != 0) return std::nullopt;  // more than n bytes can hold
        for (std::size_t i = n; i-- > 0;) out += static_cast<char>((value >> (8 * i)) & 0xff);
    }
    return out;
}

std::string sign_code(const CertifiedFacts& facts, const SigningKey& key) {
    const std::string message = code_message(facts);
    return std::string(kCodeV2Prefix) + digits_encode(sign_detached(message, key) + message);
}

std::optional<CodeParts> split_code_v2(std::string_view code) {
    if (code.substr(0, kCodeV2Prefix.size()) != kCodeV2Prefix) return std::nullopt;
    auto bytes = digits_decode(code.substr(kCodeV2Prefix.size()));
    if (!bytes || bytes->size() <= kSignatureBytes) return std::nullopt;
    return CodeParts{bytes->substr(kSignatureBytes), bytes->substr(0, kSignatureBytes)};
}

std::string code_from_text(std::string_view text) {
    std::string compact;
    for (char c : text)
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n') compact += c;
    std::string_view rest = compact;
    if (const auto hash = rest.rfind('#'); hash != std::string_view::npos) rest.remove_prefix(hash + 1);
    if (rest.substr(0, 7) == "MITRA1.") return std::string(rest);
    if (rest.substr(0, kCodeV2Prefix.size()) == kCodeV2Prefix && rest.size() > kCodeV2Prefix.size()) {
        for (char c : rest.substr(kCodeV2Prefix.size()))
            if (!is_digit(c)) return {};
        return std::string(rest);
    }
    return {};
}

ProblemCode verify_url_fault(std::string_view url) {
    if (url.empty()) return ProblemCode::verify_url_empty;
    if (url.size() > 200) return ProblemCode::verify_url_too_long;
    for (char c : url)
        if (static_cast<unsigned char>(c) <= 0x20 || static_cast<unsigned char>(c) >= 0x7f)
            return ProblemCode::verify_url_not_ascii;
    const std::string lower = lower_ascii(url);
    std::size_t host_at = 0;
    if (lower.rfind("https://", 0) == 0) host_at = 8;
    else if (lower.rfind("http://", 0) == 0) host_at = 7;
    else return ProblemCode::verify_url_no_scheme;
    const auto host_end = lower.find_first_of("/?#", host_at);
    if (host_end == host_at || host_at == lower.size()) return ProblemCode::verify_url_no_host;
    if (url.find('#') != std::string_view::npos) return ProblemCode::verify_url_hash;
    return ProblemCode::none;
}

std::string verification_link(std::string_view verify_url, std::string_view code) {
    const std::size_t scheme_end = verify_url.find("://");
    const std::size_t host_end =
        scheme_end == std::string_view::npos ? 0 : verify_url.find_first_of("/?", scheme_end + 3);
    const std::size_t upper_end = host_end == std::string_view::npos ? verify_url.size() : host_end;
    std::string link = upper_ascii(verify_url.substr(0, upper_end)) + std::string(verify_url.substr(upper_end));
    if (upper_end == verify_url.size()) link += '/';
    return link + "#" + std::string(code);
}

std::string short_address(std::string_view verify_url) {
    std::string_view rest = verify_url;
    if (const auto scheme_end = rest.find("://"); scheme_end != std::string_view::npos)
        rest.remove_prefix(scheme_end + 3);
    while (!rest.empty() && rest.back() == '/') rest.remove_suffix(1);
    return std::string(rest);
}

}  // namespace mitra
