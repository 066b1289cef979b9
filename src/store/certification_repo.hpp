// Certification over time: who holds which certification until when, their learning ledger, renewals,
// and trainers' own certifications.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/certification.hpp"
#include "core/pathway.hpp"
#include "core/signature.hpp"
#include "store/certificates.hpp"
#include "store/database.hpp"

namespace mitra::store {

// Certifications held and where a person stands on the way to one (decided in core/pathway.hpp).
using mitra::CertificationRecord;
using mitra::Pathway;
using mitra::Requirement;
using mitra::standing_on;

// One line of the renewal list.
struct DueItem {
    std::string ref, full_name, serial, code;
    Date issued_on, expires_on;
    std::string validity;                      // "expiring" or "expired"
    int days_left = 0;                         // negative once expired
    std::vector<std::string> missing;          // for renewal, in words; empty when it can be renewed now
    std::vector<RenewalShortfall> shortfalls;  // the same as parts (check_renewal's), for the desktop program's words
};

// The outcome of a renewal or a first certification.
struct Certified {
    CertificationRecord certification;
    IssuedCertificate certificate;  // the new certificate to print (kind "certification")
};

// A trainer's own certification, as stored.
struct TrainerCertificationRecord {
    std::string uuid, trainer_ref, level;
    Date issued_on, expires_on;
};

// What a trainer has taught in a period: as lead trainer or as co-facilitator.
struct TeachingRecord {
    int sessions = 0;
    int minutes = 0;
    std::vector<std::string> cohorts;
    std::vector<LearningEntry> entries;  // one per session, source and category "teaching"
};

// Where a trainer's own renewal stands: the rule, and their teaching plus learning since the latest
// certification was issued against it.
struct TrainerRenewal {
    std::string trainer_ref;
    TrainerCertificationRecord held;  // the latest certification, the one a renewal follows
    CertificationDefinition rule;     // from a curriculum's trainer [certification] of that level, or the default
    bool default_rule = false;        // no curriculum in the database defines one
    RenewalCheck check;               // teaching (category "teaching") and learning entries against the rule
};

struct TrainerStanding {
    std::string trainer_ref, name;
    std::vector<TrainerCertificationRecord> certifications;  // latest first
    std::string standing;     // of the latest: valid, expiring, expired, or "not certified"
    TeachingRecord teaching;  // since the latest certification was issued
};

class CertificationRepo {
public:
    explicit CertificationRepo(Database& db) : db_(db) {}

    // The certifications a person holds and held, newest first.
    std::vector<CertificationRecord> history(const std::string& ref);
    // The latest live (not revoked, not superseded) certification of the person, of `code` or of any.
    std::optional<CertificationRecord> current(const std::string& ref, const std::string& code = "");
    // The certification shown by a certificate, when the serial shows one.
    std::optional<CertificationRecord> for_serial(const std::string& serial);

    // Each certification the person is on the way to (through a cohort of a curriculum that defines one)
    // or holds: requirements done or missing, and the current certification's validity and renewal. The
    // person's records are read here; assess_pathways (core/pathway.hpp) decides.
    std::vector<Pathway> pathways(const std::string& ref, const Date& today);

    // Live certifications ending within `within_days` of today (and those already expired, not renewed),
    // soonest first, each with what its renewal still needs.
    std::vector<DueItem> due(const Date& today, int within_days);

    // Continuing education entered by the coordinator (source "external" unless given). One transaction.
    void add_learning(const std::string& ref, LearningEntry entry);
    // The person's ledger, oldest first: entries entered, plus Mitra's own sessions attended after their
    // first certification (source "cohort") and, when a trainer has the same ref, sessions they taught
    // (source "teaching"); only days up to `today`.
    std::vector<LearningEntry> ledger(const std::string& ref, const Date& today);

    // The first certification: refused, naming what is missing, until the pathway is complete. It is
    // linked to the person's live completion certificate for that curriculum. Issuing a completion
    // certificate (CertificateRepo::issue_for_cohort) already grants it; this is for certificates
    // issued before, or when the ethics or practice came later. `code` may be empty when the person is
    // on one pathway only.
    CertificationRecord certify(const std::string& ref, const Date& today, const std::string& code = "");

    // Renews the current certification when check_renewal is met on the learning since it was issued:
    // a new certificate with a new serial (kind "certification"), linked to the previous certification,
    // which becomes "superseded". Otherwise refused (InputError), one problem a missing item. One
    // transaction: the new certificate, signed, is handed to `print` (when given) before the renewal is
    // recorded as done, and when `print` throws nothing is changed (not even the signing key's record).
    Certified renew(const std::string& ref, const Date& today, const SigningKey& key, const std::string& code = "",
                    const std::function<void(const IssuedCertificate&)>& print = {});

    // Trainers' own certifications (training of trainers).
    TrainerCertificationRecord certify_trainer(const std::string& trainer_ref, const std::string& level,
                                               const Date& issued_on, int valid_months = 24);
    std::vector<TrainerCertificationRecord> trainer_certifications(const std::string& trainer_ref);
    // Sessions led or co-facilitated between `from` and `to`, both included.
    TeachingRecord teaching(const std::string& trainer_ref, const Date& from, const Date& to);
    TrainerStanding trainer_standing(const std::string& trainer_ref, const Date& today);

    // The trainer's teaching record (sessions led or co-facilitated) and learning (entries of the person
    // with the trainer's ref) since their latest certification was issued, against its renewal rule.
    // Refused when the trainer holds no certification.
    TrainerRenewal trainer_renewal(const std::string& trainer_ref, const Date& today);
    // Records the renewal when the rule is met: a new certification of the same level, issued `today`,
    // running on from the day after the latest ends (from today once that has passed). Otherwise refused
    // (InputError), one problem a missing item.
    TrainerCertificationRecord renew_trainer(const std::string& trainer_ref, const Date& today);

private:
    // What assess_pathways needs of the person, inside the caller's read.
    PathwayRecords pathway_records(const std::string& ref, const Date& today);
    Database& db_;
};

// The certification a curriculum leads to, as stored with it; by definition code.
std::optional<CertificationDefinition> find_definition(Database& db, const std::string& code);

// Inside the caller's transaction: records the certification a newly issued completion certificate
// grants, when its curriculum defines one and the person holds none live of that code.
void grant_with_certificate(Database& db, const CertificateRecord& certificate);
// The last valid day of the certification that grant_with_certificate would record for a completion certificate of
// `ref` in `cohort_code` issued on `issued` (nothing when none would be), so the certificate's signed facts carry it
// and an offline check can see it expire.
std::optional<Date> expiry_granted_with(Database& db, const std::string& cohort_code, const std::string& ref,
                                        const Date& issued);
// Inside the caller's transaction: the certification a revoked certificate showed is revoked with it (a
// revoked renewal gives the certification it renewed back its place).
void revoke_certification(Database& db, const CertificateRecord& certificate);

}  // namespace mitra::store
