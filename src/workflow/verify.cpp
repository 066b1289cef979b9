// Verifying a certificate from its code, its PDF or its serial: the store and io fetch, core decides.
#include "workflow/verify.hpp"

#include "core/certificate_code.hpp"
#include "core/serial.hpp"
#include "io/certificate_pdf.hpp"
#include "store/certificates.hpp"
#include "store/certification_repo.hpp"

namespace mitra::workflow {
namespace {

std::string without_spaces(std::string_view text) {
    std::string out;
    for (char c : text)
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n') out += c;
    return out;
}

Verification refused(Verdict verdict, std::string problem) {
    Verification v;
    v.source = "file";
    v.outcome.verdict = verdict;
    v.outcome.problem = std::move(problem);
    return v;
}

IssuedRecord issued_record(const store::CertificateRecord& r, const std::optional<CertificationRecord>& c) {
    IssuedRecord out;
    out.payload = r.payload;
    if (r.revoked_at) out.revoked_on = r.revoked_at->substr(0, 10);
    out.revocation_category = r.revocation_category;
    out.revocation_reason = r.revocation_reason;
    // A revoked certification's dates no longer count; the revocation says so.
    if (c) out.certification_expires = c->expires_on;
    return out;
}

}  // namespace

Verification Verifier::decide(const std::string& code_text, const Date& today) {
    VerifyInput input;
    input.code_text = code_text;
    input.today = today;
    Verification v;
    if (db_) {
        store::CertificateRepo repo(*db_);
        input.keys = repo.trusted_keys();
        input.database = true;
        // The serial is taken from the code only to fetch its record; nothing of it is shown unless it verifies.
        const auto check = check_payload(code_text, input.keys);
        if (check.genuine) {
            if (auto record = repo.find(check.facts.serial)) {
                v.certification = store::CertificationRepo(*db_).for_serial(record->serial);
                input.record = issued_record(*record, v.certification);
            }
        }
    } else {
        input.keys = keys_;
        input.revocations = revocations_;
    }
    v.outcome = decide_verdict(input);
    return v;
}

Verification Verifier::code(const std::string& code_text, const Date& today) {
    auto v = decide(code_text, today);
    v.source = "code";
    return v;
}

Verification Verifier::file(const std::filesystem::path& pdf, const Date& today) {
    const auto read = io::read_certificate_pdf(pdf);
    if (!read.problem.empty()) return refused(Verdict::damaged, read.problem);
    if (read.qr_texts.empty()) return refused(Verdict::damaged, "no QR code can be read on its page");
    const std::string code = code_from_text(read.qr_texts.front());
    if (code.empty()) return refused(Verdict::damaged, "its QR code holds no Mitra certificate code");
    for (const auto& other : read.qr_texts)
        if (code_from_text(other) != code)
            return refused(Verdict::forged, "its page holds QR codes that carry different codes");
    if (!read.metadata_text.empty() && code_from_text(read.metadata_text) != code)
        return refused(Verdict::forged, "its QR code and its metadata (Keywords) carry different codes");
    auto v = decide(code, today);
    v.source = "file";
    if (v.outcome.facts &&
        without_spaces(read.page_text).find(without_spaces(v.outcome.facts->serial)) == std::string::npos) {
        auto r = refused(Verdict::forged, "the serial its QR code carries (" + shown_text(v.outcome.facts->serial) +
                                              ") is not the one printed on its page");
        return r;
    }
    return v;
}

std::optional<Verification> Verifier::serial(const std::string& serial, const Date& today) {
    if (!db_) throw std::logic_error("a serial is verified against a database");
    store::CertificateRepo repo(*db_);
    const auto record = repo.find(normalise_serial(serial));
    if (!record) return std::nullopt;
    if (!record->payload.empty()) {
        auto v = decide(record->payload, today);
        v.source = "serial";
        return v;
    }
    // The holder asked to be forgotten: only the serial's record remains, and it is the database's own word.
    Verification v;
    v.source = "serial";
    v.certification = store::CertificationRepo(*db_).for_serial(record->serial);
    auto& o = v.outcome;
    o.erased = true;
    o.revocation_checked = true;
    o.key_id = record->key_id;
    CertifiedFacts facts;
    facts.serial = record->serial;
    facts.issued_on = record->issued_on;
    facts.kind = record->kind;
    facts.key_id = record->key_id;
    o.facts = facts;
    if (record->revoked_at) {
        o.verdict = Verdict::revoked;
        o.revoked_on = record->revoked_at->substr(0, 10);
        o.revocation_category = record->revocation_category;
        o.revocation_reason = record->revocation_reason;
    } else if (v.certification && v.certification->expires_on < today) {
        o.verdict = Verdict::expired;
        o.expires_on = v.certification->expires_on;
    } else {
        o.verdict = Verdict::genuine;
    }
    return v;
}

}  // namespace mitra::workflow
