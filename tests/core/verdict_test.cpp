// core/verdict: what a check concludes from a code, the keys, a revocation list and the day, and how its facts are
// made safe to show.
#include <catch2/catch.hpp>

#include "core/certificate_code.hpp"
#include "core/serial.hpp"
#include "core/verdict.hpp"

using namespace mitra;

namespace {

const std::string kSerial = *make_serial("PSF", "LK", 2026, 8);

CertifiedFacts facts_signed_by(const SigningKey& key) {
    CertifiedFacts f;
    f.serial = kSerial;
    f.full_name = "\u0DC1\u0DCA\u200D\u0DBB\u0DD2";
    f.programme = "PSF 2026.1";
    f.kind = "certification:PSF-FAC";
    f.issued_on = "2026-11-25";
    f.expires_on = "2028-11-24";
    f.key_id = key.key_id();
    return f;
}

VerifyInput offline(const std::string& code, const SigningKey& key, Date today) {
    VerifyInput in;
    in.code_text = code;
    in.keys = {SigningKey{key.public_key, ""}};
    in.today = today;
    return in;
}

}  // namespace

TEST_CASE("shown_text escapes what steers or hides, and keeps every script's letters and joiners", "[core][verdict]") {
    CHECK(shown_text("\rGENUINE\x1b[2K") == "\\u{D}GENUINE\\u{1B}[2K");
    CHECK(shown_text("abc\u202Efed\u2066x\u2069") == "abc\\u{202E}fed\\u{2066}x\\u{2069}");
    CHECK(shown_text("a\u200Bb\uFEFF\u00AD\u200E") == "a\\u{200B}b\\u{FEFF}\\u{AD}\\u{200E}");
    CHECK(shown_text("\xff\xc3") == "\\x{FF}\\x{C3}");
    CHECK(shown_text("a\\u{41}") == "a\\\\u{41}");  // a name cannot pretend to be an escape
    const std::string names[] = {"\u0DC1\u0DCA\u200D\u0DBB\u0DD2", "عائشہ خان", "山田 花子", "می‌خواهم",
                                 "Nguyễn"};
    for (const auto& name : names) CHECK(shown_text(name) == name);
}

TEST_CASE("offline, a verdict says revoked only from a verified list, and expired from the signed last day",
          "[core][verdict]") {
    const auto key = new_signing_key();
    const std::string code = sign_code(facts_signed_by(key), key);

    auto genuine = decide_verdict(offline(code, key, Date{2028, 11, 24}));
    CHECK(genuine.verdict == Verdict::genuine);
    CHECK_FALSE(genuine.revocation_checked);
    CHECK_FALSE(genuine.revoked_on);

    CHECK(decide_verdict(offline(code, key, Date{2028, 11, 25})).verdict == Verdict::expired);

    auto with_list = offline(code, key, Date{2027, 1, 1});
    const auto list = make_revocation_list({{kSerial, "2026-12-01", "replaced"}}, key, "2026-12-02T10:00:00Z");
    with_list.revocations = read_revocation_list(list, with_list.keys);
    REQUIRE(with_list.revocations->genuine);
    const auto revoked = decide_verdict(with_list);
    CHECK(revoked.verdict == Verdict::revoked);
    CHECK(revoked.revocation_checked);
    CHECK(revoked.revoked_on == "2026-12-01");
    CHECK(revoked.revocation_category == "replaced");

    // Another key's code is an unknown key; one altered digit under the listed key is forged (or damaged, when
    // the digits no longer decode); neither shows facts.
    const auto stranger = new_signing_key();
    const auto unknown = decide_verdict(offline(sign_code(facts_signed_by(stranger), stranger), key, Date{2027, 1, 1}));
    CHECK(unknown.verdict == Verdict::unknown_key);
    CHECK_FALSE(unknown.facts);
    std::string altered = code;
    altered[10] = altered[10] == '1' ? '2' : '1';
    const auto forged = decide_verdict(offline(altered, key, Date{2027, 1, 1}));
    CHECK((forged.verdict == Verdict::forged || forged.verdict == Verdict::damaged));
    CHECK_FALSE(forged.facts);
    CHECK(decide_verdict(offline("M2123", key, Date{2027, 1, 1})).verdict == Verdict::damaged);
}
