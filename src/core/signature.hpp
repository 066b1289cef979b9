// Signed certificate facts: what a QR code carries and anyone with the public key can check offline.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mitra {

// The facts a certificate vouches for. Kept small so the QR code stays easy to scan.
struct CertifiedFacts {
    std::string serial;
    std::string full_name;
    std::string latin_name;
    std::string programme;  // curriculum code and version, such as "PSF 2026.1"
    std::string title;      // the programme's title in English; carried by version 1 codes only
    std::string kind;       // "completion" or "module:M03"
    std::string issued_on;  // YYYY-MM-DD
    std::string key_id;     // which installation's key signed it
    // A certification's last valid day (YYYY-MM-DD), so it can be judged offline; empty for completion and
    // module certificates, and for certification certificates signed before it was carried. Last, so the
    // facts written without it stay as they were.
    std::string expires_on;
    // The certificate's language (a BCP 47 tag such as "si" or "ur"), so a verification page can offer it; carried
    // by version 2 codes only (core/certificate_code), empty in version 1.
    std::string language;
    bool operator==(const CertifiedFacts&) const = default;
};

struct SigningKey {
    std::string public_key;      // 32 bytes
    std::string secret_key;      // 64 bytes; empty for a verifying-only key
    std::string key_id() const;  // first 16 hex digits of the public key's SHA-256
};

SigningKey new_signing_key();

// Why the key cannot be used, in words; empty when it is sound. A signing key's public half must be the one its
// secret seed derives, and a test signature made with it must verify; a verifying-only key must be a valid
// Ed25519 point. One flipped bit anywhere in a key fails these, so a damaged key never signs or becomes trusted.
std::string key_problem(const SigningKey& key);

// The 64-byte Ed25519 signature of `message` (the key must hold its secret half: std::logic_error otherwise), and
// whether `signature` is `key`'s signature of `message`. Every signed format (codes of both versions, the revocation
// list) signs and checks through these.
std::string sign_detached(std::string_view message, const SigningKey& key);
bool verify_detached(std::string_view message, std::string_view signature, const SigningKey& key);

// "MITRA1.<facts>.<signature>", both parts base64url: ASCII only, for QR codes and PDF metadata. New certificates
// carry version 2 codes (core/certificate_code); this stays for tests and tools that make version 1 codes.
std::string sign_facts(const CertifiedFacts& facts, const SigningKey& key);

struct PayloadCheck {
    bool well_formed = false;  // could be read at all
    bool genuine = false;      // the signature matches the facts and the key
    CertifiedFacts facts;
    std::string problem;  // why not, in words
};
// Reads a code of either version, or a verification link holding one (see code_from_text), and checks its signature.
PayloadCheck check_payload(std::string_view payload, const std::vector<SigningKey>& trusted_keys);

// The hex SHA-256 of text, for recording what a certificate said.
std::string sha256_hex(std::string_view text);
// The hex BLAKE2b digest of text, `bytes` long (16 to 64), for fingerprints that need not be cryptographic names.
std::string blake2b_hex(std::string_view text, std::size_t bytes);
// `bytes` random bytes from the system's generator, in hex (salts).
std::string random_hex(std::size_t bytes);
std::string base64url_encode(std::string_view bytes);
std::optional<std::string> base64url_decode(std::string_view text);

}  // namespace mitra
