// A certificate's verdict from its code, the trusted keys, what is known of revocations, and the day.
#include "core/verdict.hpp"

#include <cstdio>

#include "core/certificate_code.hpp"
#include "core/text.hpp"

namespace mitra {
namespace {

bool hidden_or_steering(char32_t c) {
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return true;       // C0, DEL, C1 (ESC, CR, CSI…)
    if (c >= 0x202a && c <= 0x202e) return true;                 // bidi embeddings and overrides
    if (c >= 0x2066 && c <= 0x2069) return true;                 // bidi isolates
    if (c == 0x200e || c == 0x200f || c == 0x061c) return true;  // bidi marks
    if (c == 0x00ad || c == 0x034f || c == 0x115f || c == 0x1160 || c == 0x17b4 || c == 0x17b5 || c == 0x180e ||
        c == 0x200b || c == 0x3164 || c == 0xfeff || c == 0xffa0)
        return true;                                // invisible
    if (c >= 0x2060 && c <= 0x2064) return true;    // word joiner, invisible operators
    if (c >= 0x206a && c <= 0x206f) return true;    // deprecated format characters
    if (c >= 0xfff9 && c <= 0xfffb) return true;    // interlinear annotation
    if (c >= 0xe0000 && c <= 0xe007f) return true;  // tags
    return c == 0x2028 || c == 0x2029;              // line and paragraph separators
}

std::string escaped(const char* format, unsigned value) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, format, value);
    return buffer;
}

const SigningKey* key_named(const std::vector<SigningKey>& keys, const std::string& key_id) {
    for (const auto& k : keys)
        if (k.key_id() == key_id) return &k;
    return nullptr;
}

}  // namespace

std::string_view verdict_name(Verdict verdict) {
    switch (verdict) {
        case Verdict::genuine: return "genuine";
        case Verdict::revoked: return "revoked";
        case Verdict::expired: return "expired";
        case Verdict::superseded: return "superseded";
        case Verdict::forged: return "forged";
        case Verdict::unknown_key: return "unknown-key";
        case Verdict::damaged: return "damaged";
    }
    return "damaged";
}

std::string shown_text(std::string_view text) {
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        const auto rest = text.substr(i);
        const auto c = static_cast<unsigned char>(rest[0]);
        std::size_t length = c < 0x80             ? 1
                             : (c & 0xe0) == 0xc0 ? 2
                             : (c & 0xf0) == 0xe0 ? 3
                             : (c & 0xf8) == 0xf0 ? 4
                                                  : 0;
        if (length == 0 || length > rest.size() || invalid_utf8_at(rest.substr(0, length))) {
            out += escaped("\\x{%02X}", c);
            ++i;
            continue;
        }
        char32_t cp = length == 1 ? c : c & (0xff >> (length + 1));
        for (std::size_t k = 1; k < length; ++k) cp = (cp << 6) | (static_cast<unsigned char>(rest[k]) & 0x3f);
        if (cp == '\\') out += "\\\\";
        else if (hidden_or_steering(cp)) out += escaped("\\u{%X}", static_cast<unsigned>(cp));
        else out += rest.substr(0, length);
        i += length;
    }
    return out;
}

VerifyOutcome decide_verdict(const VerifyInput& input) {
    VerifyOutcome out;
    out.revocation_checked = input.database ? input.record.has_value() : input.revocations.has_value();
    const auto check = check_payload(input.code_text, input.keys);
    if (!check.well_formed) {
        out.verdict = Verdict::damaged;
        out.problem = check.problem;
        return out;
    }
    out.key_id = shown_text(check.facts.key_id);
    if (!key_named(input.keys, check.facts.key_id)) {
        out.verdict = Verdict::unknown_key;
        out.problem = "it was signed with a key that is not trusted here (key " + out.key_id + ")";
        return out;
    }
    if (!check.genuine) {
        out.verdict = Verdict::forged;
        out.problem = "the signature does not match: the certificate was altered or forged";
        return out;
    }
    const auto& facts = check.facts;
    out.facts = facts;
    bool superseded = false;
    if (input.record) {
        const auto& record = *input.record;
        out.erased = record.payload.empty();
        if (record.revoked_on) {
            out.revoked_on = record.revoked_on;
            out.revocation_category = record.revocation_category;
            out.revocation_reason = record.revocation_reason;
        }
        // A reprint with a corrected name re-signs the same serial: the older copy no longer counts.
        superseded = !out.erased && code_from_text(record.payload) != code_from_text(input.code_text);
        out.expires_on = record.certification_expires;
    } else if (!input.database && input.revocations) {
        if (const auto* revocation = input.revocations->find(facts.serial)) {
            out.revoked_on = revocation->revoked_on;
            out.revocation_category = revocation->category;
        }
    }
    // Offline (or not issued here), the certification's last day is among the signed facts when it was issued
    // with one; certificates signed before then say nothing about expiry.
    if (!out.expires_on && !facts.expires_on.empty()) out.expires_on = parse_date(facts.expires_on);
    if (out.revoked_on) out.verdict = Verdict::revoked;
    else if (superseded) out.verdict = Verdict::superseded;
    else if (out.expires_on && *out.expires_on < input.today) out.verdict = Verdict::expired;
    else out.verdict = Verdict::genuine;
    if (out.verdict == Verdict::superseded)
        out.problem = "replaced by a later print of the same serial (such as a corrected name)";
    return out;
}

}  // namespace mitra
