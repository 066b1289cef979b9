// Issued certificates: serials, signed payloads, revocations and reprints.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/certificate_template.hpp"
#include "core/signature.hpp"
#include "store/database.hpp"

namespace mitra::store {

struct CertificateRecord {
    std::string uuid, serial;
    std::string participant_ref, full_name, cohort_code;
    std::string kind;         // "completion", "module" or "certification" (a renewal's)
    std::string module_code;  // for a module certificate; the certification's code for a renewal
    std::vector<std::string> modules;  // the modules it certifies as completed
    std::string template_name;
    std::string issued_on;
    std::string content_hash, payload, key_id;
    std::optional<std::string> revoked_at;
    std::string revoked_by, revocation_reason;
    int prints = 0;
};

struct IssuedCertificate {
    CertificateRecord record;
    CertificateContent content;  // what to render
    bool existing = false;       // issued before: same serial, nothing new recorded
};

struct LeftOut {
    std::string ref, reason;
};

struct CohortIssue {
    std::vector<IssuedCertificate> issued;
    std::vector<LeftOut> left_out;
};

class CertificateRepo {
public:
    explicit CertificateRepo(Database& db) : db_(db) {}

    // Issues to everyone eligible in the cohort, and to no one else; someone who already holds a live
    // certificate of this kind gets that one back, never a second serial. One transaction.
    // `kind` is "completion" (the programme) or "module" (with `module_code`).
    CohortIssue issue_for_cohort(const std::string& cohort_code, const std::string& kind,
                                 const std::string& module_code, const std::string& template_name,
                                 const SigningKey& key, const Date& today);

    std::optional<CertificateRecord> find(const std::string& serial);
    std::vector<CertificateRecord> list(const std::string& search = "", const std::string& cohort_code = "");
    CertificateRecord revoke(const std::string& serial, const std::string& reason);

    // Another copy, with the same serial (a lost copy, a corrected spelling): recorded with when and why,
    // and signed again when the person's name was corrected since.
    IssuedCertificate reprint(const std::string& serial, const std::string& reason, const SigningKey& key);

    // Inside the caller's transaction: a certificate of kind "certification" showing a renewed
    // certification `code` (its serial numbered under the code, such as PSC-NP-2026-000001-K), for the
    // person and cohort of the certificate it renews, listing the same modules. Its signed facts carry
    // `expires_on`, the certification's last valid day, for offline verification.
    IssuedCertificate issue_certification(const CertificateRecord& renewed, const std::string& code,
                                          const SigningKey& key, const Date& today, const Date& expires_on);

    void register_key(const SigningKey& key);
    std::vector<SigningKey> trusted_keys();

private:
    CertificateContent content_for(const CertificateRecord& record);
    Database& db_;
};

}  // namespace mitra::store
