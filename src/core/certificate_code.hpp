// The certificate code a QR code carries (version 2), and the address a phone opens with it.
//
// A version 2 code is "M2" and digits: the Ed25519 signature and the signed facts, written in decimal so the QR code
// can hold them in numeric mode (3.3 bits a digit, against 8 for base64 in byte mode). The QR holds
// "<verification page>#<code>": a phone camera opens the page, and the code stays after '#', which a browser never
// sends to a server. docs/verification.md is the format's reference; the verification page reads the same bytes.
// Version 1 codes ("MITRA1.<facts>.<signature>", base64url) still verify (core/signature).
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "core/problem.hpp"
#include "core/signature.hpp"

namespace mitra {

inline constexpr std::string_view kCodeV2Prefix = "M2";

// The exact bytes a version 2 signature covers: ten lines joined by '\n' (no '\n' at the end): "M2", serial, name,
// Latin name, programme, kind, issued, expires, language, key id. The programme's title is not carried (it is the
// curriculum's, and the verification site shows it from there), so the QR stays small. A fact holding '\n' or '\r'
// cannot be signed (std::invalid_argument).
std::string code_message(const CertifiedFacts& facts);
std::optional<CertifiedFacts> parse_code_message(std::string_view message);

// "M2" + digits(signature ‖ message), signed with the key (which must hold its secret half).
std::string sign_code(const CertifiedFacts& facts, const SigningKey& key);

// Bytes as decimal digits: each 7 bytes a big-endian number of 17 digits; a last group of n < 7 bytes of 3, 5, 8,
// 10, 13 or 15 digits (the fewest that hold 256^n - 1). Decoding refuses any other length, any group too large for
// its bytes, and anything but digits.
std::string digits_encode(std::string_view bytes);
std::optional<std::string> digits_decode(std::string_view digits);

// A version 2 code split into what was signed and the signature; nullopt when it is not one or is damaged.
struct CodeParts {
    std::string message;    // the signed bytes
    std::string signature;  // 64 bytes
};
std::optional<CodeParts> split_code_v2(std::string_view code);

// The code in something a person or a program holds: a verification link ("https://…/#M2…"), a bare code (either
// version), with spaces and line breaks around or inside it (as a phone copies it) dropped. Empty when there is none.
std::string code_from_text(std::string_view text);

// Why this cannot be the programme's verification address, as a code each front end words (io::problem_phrase);
// ProblemCode::none when it can. It must be an absolute http(s) address with a host, in ASCII, without a '#' part,
// of at most 200 characters.
ProblemCode verify_url_fault(std::string_view url);

// What the QR code holds: the address with its scheme and host in capitals (so the QR can write them in
// alphanumeric mode; both are case-blind), the path as given, then "#" and the code.
std::string verification_link(std::string_view verify_url, std::string_view code);

// The address as printed under the QR for people who type it: no scheme, no trailing '/'.
std::string short_address(std::string_view verify_url);

}  // namespace mitra
