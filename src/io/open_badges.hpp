// Open Badges 2.0 assertions for issued certificates, made offline: the recipient hashed with a salt, the
// badge class from the curriculum, and a verification that points at Mitra's Ed25519 signature.
//
// A verifier needs: the assertion, and Mitra's public key (`mitra-cli key export`) obtained from Mitra
// itself. The extension "extensions:MitraCertificate" carries the certificate's QR payload
// "MITRA1.<facts>.<signature>" (base64url); the signature is Ed25519 (detached) over the decoded facts
// bytes, by the key whose id (first 16 hex digits of the SHA-256 of the 32-byte public key) is
// verification.keyId. `mitra-cli certificate verify --qr PAYLOAD --public-key mitra-public.key` does it all.
// To check the recipient: sha256_hex(identity + salt) == the part after "sha256$" (emails lower-cased).
#pragma once
#include <string>
#include <vector>

#include "core/model.hpp"

namespace mitra::io {

struct BadgeInput {
    std::string certificate_uuid, serial;
    std::string kind;         // "completion" or "module"
    std::string module_code;  // for a module certificate
    const Curriculum* curriculum = nullptr;
    std::string issued_on;  // YYYY-MM-DD
    // Who it was issued to, as the recipient will prove it: "email" (preferred), "telephone", or
    // "name" (the full name exactly as on the certificate) when Mitra holds neither.
    std::string recipient_type, recipient_identity;
    std::string key_id, public_key;  // public_key: the raw 32 bytes, or empty when unknown
    std::string qr_payload, content_hash;
    std::string issuer_name = "Mitra peer-support training programme";
};

// 16 random bytes as hex.
std::string new_badge_salt();
// "sha256$" + hex SHA-256 of identity then salt (an email lower-cased and trimmed first).
std::string hashed_identity(const std::string& type, const std::string& identity, const std::string& salt);

// The assertion as JSON text (2-space indented).
std::string open_badge_assertion(const BadgeInput& input, const std::string& salt);

// What a certificate certifies, in words (the badge class's criteria narrative).
std::string badge_criteria(const Curriculum& curriculum, const std::string& kind, const std::string& module_code);

}  // namespace mitra::io
