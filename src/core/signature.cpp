// Ed25519 signatures over certificate facts, with libsodium.
#include "core/signature.hpp"

#include "core/certificate_code.hpp"

#include <sodium.h>

#include <stdexcept>
#include <vector>

namespace mitra {
namespace {

constexpr std::string_view kPrefix = "MITRA1.";

void ensure_sodium() {
    static const int ready = sodium_init();
    if (ready < 0) throw std::runtime_error("libsodium could not start");
}

// One line per fact, in a fixed order: the exact bytes that are signed. "expires" only when there is one,
// so the facts of a certificate signed before it was carried read back to the same bytes.
std::string canonical(const CertifiedFacts& f) {
    return "serial=" + f.serial + "\nname=" + f.full_name + "\nlatin=" + f.latin_name + "\nprogramme=" + f.programme +
           "\ntitle=" + f.title + "\nkind=" + f.kind + "\nissued=" + f.issued_on +
           (f.expires_on.empty() ? "" : "\nexpires=" + f.expires_on) + "\nkey=" + f.key_id + "\n";
}

std::optional<CertifiedFacts> parse_canonical(const std::string& text) {
    CertifiedFacts f;
    std::string* fields[] = {&f.serial, &f.full_name, &f.latin_name, &f.programme, &f.title,
                             &f.kind,   &f.issued_on, &f.expires_on, &f.key_id};
    const char* names[] = {"serial", "name", "latin", "programme", "title", "kind", "issued", "expires", "key"};
    std::size_t at = 0;
    for (int i = 0; i < 9; ++i) {
        const auto end = text.find('\n', at);
        if (end == std::string::npos) return std::nullopt;
        const std::string line = text.substr(at, end - at);
        const std::string key = std::string(names[i]) + "=";
        if (line.rfind(key, 0) != 0) {
            if (std::string(names[i]) == "expires") continue;  // optional: absent from most certificates
            return std::nullopt;
        }
        *fields[i] = line.substr(key.size());
        at = end + 1;
    }
    if (at != text.size()) return std::nullopt;
    return f;
}

}  // namespace

std::string base64url_encode(std::string_view bytes) {
    ensure_sodium();
    std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
    sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                      sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    out.resize(std::char_traits<char>::length(out.c_str()));
    return out;
}

std::optional<std::string> base64url_decode(std::string_view text) {
    ensure_sodium();
    std::string out(text.size(), '\0');
    std::size_t length = 0;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(), nullptr,
                          &length, nullptr, sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0)
        return std::nullopt;
    out.resize(length);
    return out;
}

std::string sha256_hex(std::string_view text) {
    ensure_sodium();
    unsigned char hash[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(hash, reinterpret_cast<const unsigned char*>(text.data()), text.size());
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
    return hex;
}

std::string blake2b_hex(std::string_view text, std::size_t bytes) {
    ensure_sodium();
    std::vector<unsigned char> hash(bytes);
    if (crypto_generichash(hash.data(), hash.size(), reinterpret_cast<const unsigned char*>(text.data()), text.size(),
                           nullptr, 0) != 0)
        throw std::invalid_argument("a BLAKE2b digest is 16 to 64 bytes");
    std::string hex(bytes * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), hash.data(), hash.size());
    hex.pop_back();
    return hex;
}

std::string random_hex(std::size_t bytes) {
    ensure_sodium();
    std::vector<unsigned char> random(bytes);
    randombytes_buf(random.data(), random.size());
    std::string hex(bytes * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), random.data(), random.size());
    hex.pop_back();
    return hex;
}

std::string SigningKey::key_id() const { return sha256_hex(public_key).substr(0, 16); }

SigningKey new_signing_key() {
    ensure_sodium();
    SigningKey key;
    key.public_key.resize(crypto_sign_PUBLICKEYBYTES);
    key.secret_key.resize(crypto_sign_SECRETKEYBYTES);
    crypto_sign_keypair(reinterpret_cast<unsigned char*>(key.public_key.data()),
                        reinterpret_cast<unsigned char*>(key.secret_key.data()));
    return key;
}

std::string key_problem(const SigningKey& key) {
    ensure_sodium();
    const auto* public_key = reinterpret_cast<const unsigned char*>(key.public_key.data());
    if (key.public_key.size() != crypto_sign_PUBLICKEYBYTES) return "the public key is not 32 bytes long";
    if (key.secret_key.empty())
        return crypto_core_ed25519_is_valid_point(public_key) == 1 ? "" : "the public key is not a valid Ed25519 point";
    if (key.secret_key.size() != crypto_sign_SECRETKEYBYTES) return "the secret key is not 64 bytes long";
    const auto* secret_key = reinterpret_cast<const unsigned char*>(key.secret_key.data());
    unsigned char seed[crypto_sign_SEEDBYTES];
    unsigned char derived_public[crypto_sign_PUBLICKEYBYTES];
    unsigned char derived_secret[crypto_sign_SECRETKEYBYTES];
    crypto_sign_ed25519_sk_to_seed(seed, secret_key);
    crypto_sign_seed_keypair(derived_public, derived_secret, seed);
    const bool halves_match = sodium_memcmp(derived_public, public_key, sizeof derived_public) == 0 &&
                              sodium_memcmp(derived_secret, secret_key, sizeof derived_secret) == 0;
    sodium_memzero(seed, sizeof seed);
    sodium_memzero(derived_secret, sizeof derived_secret);
    if (!halves_match) return "its public half is not the one its secret half makes";
    static constexpr std::string_view kTest = "mitra signing key check";
    unsigned char signature[crypto_sign_BYTES];
    crypto_sign_detached(signature, nullptr, reinterpret_cast<const unsigned char*>(kTest.data()), kTest.size(),
                         secret_key);
    if (crypto_sign_verify_detached(signature, reinterpret_cast<const unsigned char*>(kTest.data()), kTest.size(),
                                    public_key) != 0)
        return "a test signature made with it does not verify";
    return {};
}

std::string sign_detached(std::string_view message, const SigningKey& key) {
    ensure_sodium();
    if (key.secret_key.size() != crypto_sign_SECRETKEYBYTES) throw std::logic_error("signing needs a secret key");
    std::string signature(crypto_sign_BYTES, '\0');
    crypto_sign_detached(reinterpret_cast<unsigned char*>(signature.data()), nullptr,
                         reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                         reinterpret_cast<const unsigned char*>(key.secret_key.data()));
    return signature;
}

bool verify_detached(std::string_view message, std::string_view signature, const SigningKey& key) {
    ensure_sodium();
    if (signature.size() != crypto_sign_BYTES || key.public_key.size() != crypto_sign_PUBLICKEYBYTES) return false;
    return crypto_sign_verify_detached(reinterpret_cast<const unsigned char*>(signature.data()),
                                       reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                                       reinterpret_cast<const unsigned char*>(key.public_key.data())) == 0;
}

std::string sign_facts(const CertifiedFacts& facts, const SigningKey& key) {
    const std::string message = canonical(facts);
    return std::string(kPrefix) + base64url_encode(message) + "." + base64url_encode(sign_detached(message, key));
}

PayloadCheck check_payload(std::string_view text, const std::vector<SigningKey>& keys) {
    ensure_sodium();
    PayloadCheck check;
    const std::string code = code_from_text(text);
    std::optional<std::string> message, signature;
    std::optional<CertifiedFacts> facts;
    if (code.empty()) {
        check.problem = "this is not a Mitra certificate code";
        return check;
    }
    if (code.rfind(kPrefix, 0) == 0) {  // version 1: base64url facts and signature
        std::string_view rest = std::string_view(code).substr(kPrefix.size());
        const auto dot = rest.find('.');
        message = base64url_decode(rest.substr(0, dot));
        signature = dot == std::string_view::npos ? std::nullopt : base64url_decode(rest.substr(dot + 1));
        facts = message ? parse_canonical(*message) : std::nullopt;
    } else if (auto parts = split_code_v2(code)) {
        message = std::move(parts->message);
        signature = std::move(parts->signature);
        facts = parse_code_message(*message);
    }
    if (!facts || !signature || signature->size() != crypto_sign_BYTES) {
        check.problem = "the certificate code is damaged or incomplete";
        return check;
    }
    check.well_formed = true;
    check.facts = *facts;
    const SigningKey* key = nullptr;
    for (const auto& k : keys)
        if (k.key_id() == facts->key_id) key = &k;
    if (!key) {
        check.problem = "it was signed with a key that is not trusted here (key " + facts->key_id + ")";
        return check;
    }
    check.genuine = verify_detached(*message, *signature, *key);
    if (!check.genuine) check.problem = "the signature does not match: the certificate was altered or forged";
    return check;
}

}  // namespace mitra
