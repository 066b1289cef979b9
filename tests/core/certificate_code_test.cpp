// Version 2 certificate codes (digits a QR holds in numeric mode) and the signed revocation list.
#include <catch2/catch.hpp>

#include <random>

#include "core/certificate_code.hpp"
#include "core/revocation_list.hpp"
#include "core/serial.hpp"

using namespace mitra;

namespace {

CertifiedFacts sinhala_facts(const SigningKey& key) {
    CertifiedFacts f;
    f.serial = *make_serial("PSF", "LK", 2026, 7);
    f.full_name = "ශ්‍රියානි පෙරේරා";
    f.latin_name = "Shriyani Perera";
    f.programme = "PSF 2026.1";
    f.title = "Peer Support Foundations";
    f.kind = "certification:PSF-FAC";
    f.issued_on = "2026-11-25";
    f.expires_on = "2028-11-24";
    f.language = "si";
    f.key_id = key.key_id();
    return f;
}

}  // namespace

TEST_CASE("bytes go to digits and back for every length, and nothing else decodes", "[core][code]") {
    std::mt19937 random(7);
    for (std::size_t length = 0; length < 60; ++length) {
        std::string bytes(length, '\0');
        for (auto& b : bytes) b = static_cast<char>(random() & 0xff);
        const auto digits = digits_encode(bytes);
        INFO(length);
        CHECK(digits.find_first_not_of("0123456789") == std::string::npos);
        CHECK(digits.size() == length / 7 * 17 + std::array<std::size_t, 7>{0, 3, 5, 8, 10, 13, 15}[length % 7]);
        CHECK(digits_decode(digits) == bytes);
    }
    CHECK(digits_encode(std::string(7, '\xff')) == "72057594037927935");
    CHECK_FALSE(digits_decode("72057594037927936"));  // one more than 7 bytes hold
    CHECK_FALSE(digits_decode("256"));                // one byte holds 255 at most
    CHECK_FALSE(digits_decode("1234"));               // no group is 4 digits long
    CHECK_FALSE(digits_decode("12a"));
}

TEST_CASE("a version 2 code verifies, carries every fact, and fails when one digit changes", "[core][code]") {
    const auto key = new_signing_key();
    const SigningKey public_only{key.public_key, ""};
    const auto facts = sinhala_facts(key);
    const auto code = sign_code(facts, key);
    REQUIRE(code.rfind("M2", 0) == 0);
    CHECK(code.find_first_not_of("0123456789", 2) == std::string::npos);

    const auto check = check_payload(code, {public_only});
    CHECK(check.well_formed);
    CHECK(check.genuine);
    auto without_title = facts;
    without_title.title.clear();  // the curriculum's, not carried
    CHECK(check.facts == without_title);

    SECTION("inside a verification link, with the spaces and breaks a copy adds") {
        const auto link = verification_link("https://verify.example.org/psf", code);
        CHECK(link.rfind("HTTPS://VERIFY.EXAMPLE.ORG/psf#M2", 0) == 0);
        CHECK(check_payload(link, {public_only}).genuine);
        CHECK(check_payload(" " + code.substr(0, 40) + "\n" + code.substr(40) + " ", {public_only}).genuine);
    }
    SECTION("every changed digit is refused, as damaged or as forged") {
        for (std::size_t i = 2; i < code.size(); i += 3) {
            auto altered = code;
            altered[i] = altered[i] == '9' ? '0' : static_cast<char>(altered[i] + 1);
            INFO(i);
            CHECK_FALSE(check_payload(altered, {public_only}).genuine);
        }
    }
    SECTION("a cut code is damaged, another installation's key is unknown") {
        CHECK_FALSE(check_payload(code.substr(0, code.size() - 17), {public_only}).genuine);
        const auto other = check_payload(code, {SigningKey{new_signing_key().public_key, ""}});
        CHECK(other.well_formed);
        CHECK_FALSE(other.genuine);
        CHECK(other.problem.find("not trusted") != std::string::npos);
    }
    SECTION("version 1 codes still verify") {
        auto v1 = facts;
        v1.language.clear();
        CHECK(check_payload(sign_facts(v1, key), {public_only}).genuine);
    }
    SECTION("a fact with a line break is never signed") {
        auto broken = facts;
        broken.full_name += "\nGENUINE";
        CHECK_THROWS_AS(sign_code(broken, key), std::invalid_argument);
    }
}

TEST_CASE("a typical code fits a small QR: digits, not base64", "[core][code]") {
    const auto key = new_signing_key();
    const auto code = sign_code(sinhala_facts(key), key);
    const auto message = code_message(sinhala_facts(key));
    // 64 signature bytes and the message, at 17 digits per 7 bytes.
    CHECK(code.size() <= 2 + (64 + message.size() + 6) / 7 * 17);
    CHECK(code.size() < 560);
}

TEST_CASE("verification addresses", "[core][code]") {
    CHECK(verify_url_fault("https://verify.example.org/psf/") == ProblemCode::none);
    CHECK(verify_url_fault("http://10.0.0.5/v") == ProblemCode::none);
    CHECK(verify_url_fault("") == ProblemCode::verify_url_empty);
    CHECK(verify_url_fault("verify.example.org") == ProblemCode::verify_url_no_scheme);
    CHECK(verify_url_fault("https://") == ProblemCode::verify_url_no_host);
    CHECK(verify_url_fault("https://example.org/#x") == ProblemCode::verify_url_hash);
    CHECK(verify_url_fault("https://exämple.org/") == ProblemCode::verify_url_not_ascii);
    CHECK(verify_url_fault("javascript:alert(1)") == ProblemCode::verify_url_no_scheme);
    CHECK(verification_link("https://example.org", "M2123") == "HTTPS://EXAMPLE.ORG/#M2123");
    CHECK(verification_link("https://example.org/Psf/", "M2123") == "HTTPS://EXAMPLE.ORG/Psf/#M2123");
    CHECK(short_address("https://verify.example.org/psf/") == "verify.example.org/psf");
    CHECK(code_from_text("hello").empty());
    CHECK(code_from_text("https://example.org/#M2x1").empty());
}

TEST_CASE("the revocation list is signed, sorted, and refuses any change", "[core][revocation]") {
    const auto key = new_signing_key();
    const SigningKey public_only{key.public_key, ""};
    const auto a = *make_serial("PSF", "NP", 2026, 2), b = *make_serial("PSF", "NP", 2026, 1);
    const auto list = make_revocation_list({{a, "2026-12-01", "issued-in-error"}, {b, "2026-11-30", ""}}, key,
                                           "2026-12-05T06:00:00Z");
    CHECK(list.rfind("MITRA-REVOCATIONS 1\nkey " + key.key_id() + "\nmade 2026-12-05T06:00:00Z\n" + b +
                         " 2026-11-30 -\n" + a + " 2026-12-01 issued-in-error\nsignature ",
                     0) == 0);
    const auto check = read_revocation_list(list, {public_only});
    CHECK(check.genuine);
    REQUIRE(check.revoked.size() == 2);
    REQUIRE(check.find(a));
    CHECK(check.find(a)->category == "issued-in-error");
    CHECK_FALSE(check.find("PSF-NP-2026-000003-X"));

    auto dropped = list;  // a forger removes a line to un-revoke a certificate
    const auto line = dropped.find(b);
    dropped.erase(line, dropped.find('\n', line) + 1 - line);
    CHECK(read_revocation_list(dropped, {public_only}).well_formed);
    CHECK_FALSE(read_revocation_list(dropped, {public_only}).genuine);
    CHECK_FALSE(read_revocation_list(list, {SigningKey{new_signing_key().public_key, ""}}).genuine);
    CHECK_FALSE(read_revocation_list(list.substr(0, list.size() - 10), {public_only}).well_formed);
    CHECK_FALSE(read_revocation_list("MITRA-REVOCATIONS 1\nsignature AAAA\n", {public_only}).well_formed);
    CHECK_THROWS(make_revocation_list({{a, "yesterday", ""}}, key, "2026-12-05T06:00:00Z"));
    CHECK_THROWS(make_revocation_list({{a, "2026-12-01", "misconduct of Ms X"}}, key, "2026-12-05T06:00:00Z"));
}
