// Issued certificates: serials, signed payloads, revocations and reprints.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/certificate_template.hpp"
#include "core/completion.hpp"
#include "core/problem.hpp"
#include "core/revocation_list.hpp"
#include "core/signature.hpp"
#include "store/database.hpp"

namespace mitra::store {

struct CertificateRecord {
    std::string uuid, serial;
    std::string participant_ref, full_name, cohort_code;
    std::string kind;                  // "completion", "module" or "certification" (a renewal's)
    std::string module_code;           // for a module certificate; the certification's code for a renewal
    std::vector<std::string> modules;  // the modules it certifies as completed
    std::string template_name;
    std::string issued_on;
    std::string content_hash, payload, key_id;
    std::optional<std::string> revoked_at;
    std::string revoked_by, revocation_reason;
    std::string revocation_category;  // one of kRevocationCategories, or empty
    int prints = 0;
};

struct IssuedCertificate {
    CertificateRecord record;
    CertificateContent content;  // what to render
    bool existing = false;       // issued before: same serial, nothing new recorded
};

// Someone given no certificate: `reason` in English (as --json gives it), `why` coded for a front end to word
// (io::left_out_phrase), with what they still lack when they are not yet complete.
struct LeftOut {
    std::string ref, reason;
    Problem why{};
    ParticipantCompletion completion{};
};

struct CohortIssue {
    std::vector<IssuedCertificate> issued;
    std::vector<LeftOut> left_out;
};

class CertificateRepo {
public:
    explicit CertificateRepo(Database& db) : db_(db) {}

    // Who in the cohort would be given a certificate of this kind today, and what each would say: everyone
    // eligible (core decides), someone who already holds a live one getting that one back. Reads only; the new
    // ones have no serial and no signature yet (a preview). `kind` is "completion" (the programme) or "module"
    // (with `module_code`).
    CohortIssue plan_for_cohort(const std::string& cohort_code, const std::string& kind, const std::string& module_code,
                                const Date& today);

    // Issues to everyone eligible in the cohort, and to no one else; someone who already holds a live
    // certificate of this kind gets that one back, never a second serial. One transaction (or the caller's).
    // Each certificate, signed, is handed to `print` before anything of it is recorded: `print` returns why it
    // cannot be printed (coded) (the person is then left out, their serial given back) or nothing once it is printed;
    // `finish` runs after everyone (the print file). Either throwing records nothing.
    struct Printer {
        std::function<std::optional<Problem>(const IssuedCertificate&)> print;
        std::function<void(const std::vector<IssuedCertificate>&)> finish;
    };
    CohortIssue issue_for_cohort(const std::string& cohort_code, const std::string& kind,
                                 const std::string& module_code, const std::string& template_name,
                                 const SigningKey& key, const Date& today, const Printer& printer);

    std::optional<CertificateRecord> find(const std::string& serial);
    std::vector<CertificateRecord> list(const std::string& search = "", const std::string& cohort_code = "");
    // `category` is one of kRevocationCategories or empty (none given); anything else is refused.
    CertificateRecord revoke(const std::string& serial, const std::string& reason, const std::string& category = "");
    // Every revoked certificate in the database: serial, day and category, never the holder or the written reason;
    // what a signed revocation list publishes.
    std::vector<Revocation> revocations();

    // Another copy, with the same serial (a lost copy, a corrected spelling): signed again when the person's
    // name was corrected since, handed to `print`, and only then recorded with when and why. One transaction:
    // when `print` throws, nothing is changed.
    IssuedCertificate reprint(const std::string& serial, const std::string& reason, const SigningKey& key,
                              const std::function<void(const IssuedCertificate&)>& print);

    // Inside the caller's transaction: a certificate of kind "certification" showing a renewed
    // certification `code` (its serial numbered under the code, such as PSC-NP-2026-000001-K), for the
    // person and cohort of the certificate it renews, listing the same modules. Its signed facts carry
    // `expires_on`, the certification's last valid day, for offline verification.
    IssuedCertificate issue_certification(const CertificateRecord& renewed, const std::string& code,
                                          const SigningKey& key, const Date& today, const Date& expires_on);

    void register_key(const SigningKey& key);
    std::vector<SigningKey> trusted_keys();

private:
    CohortIssue issue(const std::string& cohort_code, const std::string& kind, const std::string& module_code,
                      const std::string& template_name, const SigningKey* key, const Date& today,
                      const Printer* printer);
    CertificateContent content_for(const CertificateRecord& record);
    Database& db_;
};

}  // namespace mitra::store
