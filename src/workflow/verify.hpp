// Verifying a certificate, once for both front ends: from its code or link, its PDF file, or its serial; against
// the database (its trusted keys and records) or offline (given public keys and, if any, a signed revocation list).
// core/verdict decides; this fetches what it decides on (records, files).
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/pathway.hpp"
#include "core/verdict.hpp"
#include "store/database.hpp"

namespace mitra::workflow {

struct Verification {
    VerifyOutcome outcome;
    // The database's certification the certificate shows (dates, renewals), when verified against a database.
    std::optional<CertificationRecord> certification;
    std::string source;  // "code", "file" or "serial"
};

class Verifier {
public:
    // Against the database: its trusted keys; its records say revoked, superseded, erased, expired.
    explicit Verifier(store::Database& db) : db_(&db) {}
    // Offline: only these keys; revocation is checked only with a list, which must have verified.
    Verifier(std::vector<SigningKey> keys, std::optional<RevocationListCheck> revocations)
        : keys_(std::move(keys)), revocations_(std::move(revocations)) {}

    Verification code(const std::string& code_text, const Date& today);
    // Reads the PDF (io/certificate_pdf): a file that is not a whole one-page PDF, or whose QR cannot be read, is
    // damaged; one whose QR, metadata and printed serial disagree is forged, the problem saying which.
    Verification file(const std::filesystem::path& pdf, const Date& today);
    // Against the database only; nullopt when no certificate has the serial.
    std::optional<Verification> serial(const std::string& serial, const Date& today);

    bool offline() const { return db_ == nullptr; }

private:
    Verification decide(const std::string& code_text, const Date& today);
    store::Database* db_ = nullptr;
    std::vector<SigningKey> keys_;
    std::optional<RevocationListCheck> revocations_;
};

}  // namespace mitra::workflow
