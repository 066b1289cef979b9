// Issuing, reprinting and renewing certificates: the one workflow mitra-cli and the desktop program both run.
//
//   workflow::IssueRequest request{"DEMO-KTM", "completion", "", layout, "completion", today, "certs"};
//   auto outcome = workflow::issue_certificates(db, fonts, key, request);
//
// The stages, in order: the template and the key were checked by the caller (reading them); the store works
// out who is eligible (core decides); each certificate is signed, rendered to bytes and written (io's durable
// writer, owner-only files); only then are serials, certifications and prints recorded, in one transaction.
// A person whose name cannot be printed is left out by ref and the rest of the batch completes. A preview
// signs, writes and records nothing.
#pragma once
#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/certificate_template.hpp"
#include "core/signature.hpp"
#include "pdf/certificate.hpp"
#include "store/certificates.hpp"
#include "store/certification_repo.hpp"

namespace mitra::workflow {

// Called after each step with (done, total); returning false stops, and then nothing is recorded.
using Progress = std::function<bool(std::size_t done, std::size_t total)>;

struct IssueRequest {
    std::string cohort_code;
    std::string kind;         // "completion" or "module"
    std::string module_code;  // for a module certificate
    CertificateTemplate layout;
    std::string template_name;  // recorded with each certificate
    Date today;
    std::filesystem::path folder;  // where <serial>.pdf and the print file go
    bool print_file = true;        // also one combined file to print, <cohort>[-<module>]-print.pdf
    bool preview = false;          // only say who would get one, and render the first as `preview_pdf`
};

struct IssueOutcome {
    std::vector<store::IssuedCertificate> issued;  // recorded (in a preview: who would be given one)
    std::vector<store::LeftOut> left_out;          // not eligible yet, or a name that cannot be printed
    std::vector<std::filesystem::path> files;      // one per issued certificate
    std::filesystem::path print_file;
    bool cancelled = false;   // stopped through `progress`: nothing recorded, no new file left
    std::string preview_pdf;  // a preview's first certificate, marked as a preview (its QR is no signature)
};

// The print file's name for a cohort's batch.
std::string print_file_name(const std::string& cohort_code, const std::string& kind, const std::string& module_code);

IssueOutcome issue_certificates(store::Database& db, pdf::FontStack& fonts, const SigningKey& key,
                                const IssueRequest& request, const Progress& progress = {});

struct ReprintOutcome {
    store::IssuedCertificate certificate;
    std::filesystem::path file;
};

// Renders the copy to `file` (owner-only) and only then records the reprint (and a signature made again for a
// corrected name). When the template, an image or the disk fails, nothing is recorded.
ReprintOutcome reprint_certificate(store::Database& db, pdf::FontStack& fonts, const SigningKey& key,
                                   const std::string& serial, const std::string& reason,
                                   const CertificateTemplate& layout, const std::filesystem::path& file);

struct RenewalRequest {
    std::string ref;
    std::string code;  // the certification's code; empty when the person holds one only
    Date today;
    std::optional<CertificateTemplate> layout;  // none: recorded without a file (a copy is printed later)
    std::filesystem::path folder;               // with a layout: where <serial>.pdf goes
};

struct RenewalOutcome {
    store::Certified renewed;
    std::filesystem::path file;  // empty without a layout
};

// Renews a certification (the store refuses, naming what is missing, when the rules are not met). With a
// layout, the new certificate is signed, rendered and written to <folder>/<serial>.pdf (owner-only) before the
// renewal is recorded, in its transaction: when the template, an image, the name or the disk fails, nothing is
// recorded and no file is left.
RenewalOutcome renew_certification(store::Database& db, pdf::FontStack& fonts, const SigningKey& key,
                                   const RenewalRequest& request);

// The module titles of those left out for not being complete yet, in `language` (a BCP 47 tag of the
// curriculum's titles), for a front end to phrase what they lack in its user's language (io::left_out_phrase).
void retitle_left_out(store::Database& db, const std::string& cohort_code, const Date& today,
                      const std::string& language, std::vector<store::LeftOut>& left_out);

// Why a certificate cannot be printed with the fonts Mitra ships (ProblemCode::name_unprintable with the
// character's code point, never quoting the name; io words it), or nothing once `pdf` holds it: renders it.
std::optional<Problem> render_or_reason(pdf::CertificateRenderer& renderer, const CertificateTemplate& layout,
                                        const CertificateContent& content, std::string& pdf);

// Each certificate as <folder>/<serial>.pdf (one already there for a certificate issued before is kept), then
// one combined print file <folder>/<print_name> (none when print_name is empty); owner-only, a group at a
// time. What the bench and tests time without a database.
struct BatchCertificate {
    CertificateContent content;
    bool issued_before = false;
};
struct BatchFiles {
    std::vector<std::filesystem::path> files;
    std::filesystem::path print_file;
    bool cancelled = false;
};
BatchFiles write_certificate_files(pdf::CertificateRenderer& renderer, const CertificateTemplate& layout,
                                   const std::vector<BatchCertificate>& certificates,
                                   const std::filesystem::path& folder, const std::string& print_name,
                                   const Progress& progress = {});

}  // namespace mitra::workflow
