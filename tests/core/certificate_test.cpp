// Serials people can type, and signatures anyone with the public key can check.
#include <catch2/catch.hpp>

#include "core/serial.hpp"
#include "core/signature.hpp"

using namespace mitra;

TEST_CASE("a serial's check character catches every single wrong character and every neighbour swap",
          "[core][serial]") {
    constexpr std::string_view alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    int serials = 0;
    for (long long number = 1; number <= 400; number += 7)
        for (auto country : {"NP", "JP", "LK", "PK"}) {
            auto serial = make_serial("PSF", country, 2026, number);
            if (!serial) continue;  // its check would be '*': issuing skips the number
            ++serials;
            REQUIRE(is_valid_serial(*serial));
            for (std::size_t i = 0; i < serial->size(); ++i) {
                if ((*serial)[i] == '-') continue;
                for (char c : alphabet) {
                    if (c == (*serial)[i]) continue;
                    auto wrong = *serial;
                    wrong[i] = c;
                    INFO(wrong);
                    CHECK_FALSE(is_valid_serial(wrong));
                }
            }
            // neighbours among the letters and digits, across the dashes people skip when reading
            std::string bare;
            for (char c : *serial)
                if (c != '-') bare += c;
            for (std::size_t i = 0; i + 1 < bare.size(); ++i) {
                if (bare[i] == bare[i + 1]) continue;
                auto swapped = bare;
                std::swap(swapped[i], swapped[i + 1]);
                INFO(swapped);
                CHECK_FALSE(serial_check_character(std::string_view(swapped).substr(0, swapped.size() - 1)) ==
                            swapped.back());
            }
        }
    CHECK(serials > 200);
}

TEST_CASE("serials read out loud are forgiving of case and spaces, strict about shape", "[core][serial]") {
    const auto serial = make_serial("PSF", "NP", 2026, 123);
    REQUIRE(serial);
    CHECK(serial->rfind("PSF-NP-2026-000123-", 0) == 0);
    std::string lower = *serial;
    for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    CHECK(is_valid_serial(lower));
    CHECK_FALSE(is_valid_serial(""));
    CHECK_FALSE(is_valid_serial("PSF-NP-2026-000123"));
    CHECK_FALSE(is_valid_serial("PSF-NP-2026-000123-*"));
}

TEST_CASE("signed facts verify with the public key and fail when anything is altered", "[core][signature]") {
    const auto key = new_signing_key();
    CertifiedFacts facts{"PSF-NP-2026-000001-X", "عائشہ خان",  "Aisha Khan", "PSF 2026.1", "Peer Support Foundations",
                         "completion",           "2026-11-25", key.key_id(), "",           ""};
    const auto payload = sign_facts(facts, key);
    for (char c : payload) REQUIRE(static_cast<unsigned char>(c) < 0x80);  // ASCII, for QR codes and PDF metadata

    const SigningKey public_only{key.public_key, ""};
    auto check = check_payload(payload, {public_only});
    CHECK(check.genuine);
    CHECK(check.facts == facts);

    SECTION("any signed field altered") {
        for (int field = 0; field < 7; ++field) {
            auto forged = facts;
            std::string* fields[] = {&forged.serial, &forged.full_name, &forged.latin_name, &forged.programme,
                                     &forged.title,  &forged.kind,      &forged.issued_on};
            *fields[field] += "x";
            // the forger re-encodes the facts but cannot re-sign them
            auto other = sign_facts(forged, new_signing_key());
            const auto facts_part = other.substr(0, other.rfind('.'));
            const auto signature_part = payload.substr(payload.rfind('.'));
            auto result = check_payload(facts_part + signature_part, {public_only});
            CHECK(result.well_formed);
            CHECK_FALSE(result.genuine);
        }
    }
    SECTION("a wrong key") {
        auto other = new_signing_key();
        auto result = check_payload(payload, {SigningKey{other.public_key, ""}});
        CHECK_FALSE(result.genuine);
        CHECK(result.problem.find("not trusted") != std::string::npos);
    }
    SECTION("a damaged code") {
        CHECK_FALSE(check_payload(payload.substr(0, payload.size() - 5), {public_only}).genuine);
        CHECK_FALSE(check_payload("hello", {public_only}).well_formed);
    }
}

TEST_CASE("a key is sound only when its halves match and it can sign; a public key must be a curve point",
          "[core][signature]") {
    const auto key = new_signing_key();
    CHECK(key_problem(key).empty());
    CHECK(key_problem(SigningKey{key.public_key, ""}).empty());

    SECTION("one flipped bit in either half") {
        for (std::size_t bit = 0; bit < 64 * 8; ++bit) {
            SigningKey damaged = key;
            damaged.secret_key[bit / 8] = static_cast<char>(damaged.secret_key[bit / 8] ^ (1 << (bit % 8)));
            damaged.public_key = damaged.secret_key.substr(32);  // as a key file is read: the public half is its end
            INFO("bit " << bit);
            CHECK(key_problem(damaged) == "its public half is not the one its secret half makes");
        }
    }
    SECTION("another key's public half") {
        SigningKey mixed = key;
        mixed.public_key = new_signing_key().public_key;
        CHECK_FALSE(key_problem(mixed).empty());
    }
    SECTION("wrong lengths and points off the curve or of small order") {
        CHECK_FALSE(key_problem(SigningKey{key.public_key.substr(1), ""}).empty());
        CHECK_FALSE(key_problem(SigningKey{key.public_key, key.secret_key.substr(0, 63)}).empty());
        CHECK(key_problem(SigningKey{std::string(32, '\0'), ""}) == "the public key is not a valid Ed25519 point");
        CHECK(key_problem(SigningKey{std::string(32, '\xff'), ""}) == "the public key is not a valid Ed25519 point");
    }
}
