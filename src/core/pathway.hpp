// Certification readiness: where a person stands on the way to each certification, decided from plain records.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/certification.hpp"
#include "core/completion.hpp"
#include "core/model.hpp"

namespace mitra {

// One certification a person holds or held. A renewal is a new row linked to the one it replaces.
struct CertificationRecord {
    std::string uuid;
    std::string participant_ref, full_name;
    std::string code;             // the definition's code, such as "PSC"
    std::string curriculum_code;  // the programme it rests on, such as "PSF"
    std::string cohort_code;      // the cohort whose completion first earned it
    std::string serial;           // the certificate that shows it (the completion certificate, then each renewal's)
    Date issued_on;               // the day its certificate was issued
    Date valid_from;              // a renewal before expiry runs on from the day after the previous one ends
    Date expires_on;              // the last day it is valid
    std::string previous_uuid, previous_serial;  // the certification this one renewed; empty for the first
    std::string renewed_by_serial;               // set once it has been renewed
    std::string status;                          // "current", "superseded" (renewed) or "revoked"
};

// A certification's state on a day: "valid", "expiring" (within the warning days), "expired" or "revoked";
// "superseded" once it was renewed.
std::string standing_on(const CertificationRecord& record, const Date& today, int warn_days = 90);

// A required module not complete in the cohort a pathway looked at, with its title in every language.
struct LackingModule {
    ModuleCompletion completion;  // its shortfalls
    LocalizedText title;
};

// One thing a certification needs, done or not: as parts for each front end to phrase, and in English words.
struct Requirement {
    enum class Kind { completion, ethics, supervised_practice, assessment };
    Kind kind = Kind::completion;
    std::string name;  // "programme completion", "code of ethics", "supervised practice", "assessment"
    bool done = false;
    std::string detail;  // requirement_words(*this): "PSF completed in cohort NP-2026-01", ...

    std::string curriculum_code, cohort_code;  // completion: the cohort done in, or the first looked at (may be empty)
    std::vector<LackingModule> lacking;        // completion not done: required modules not complete there
    int electives_done = 0, electives_needed = 0;  // completion not done
    std::string version;                           // ethics: the code's version
    bool recognised = false;                       // supervised practice or assessment decided by a coordinator
    std::vector<std::string> modules;              // supervised practice recognised: the modules
    int done_minutes = 0, needed_minutes = 0;      // supervised practice
    std::string module_code;                       // assessment
    bool taken = false;                            // assessment: a result exists, the latest on `on`
    Date on;
};

// The English words of a requirement (its `detail`), as the command line shows them.
std::string requirement_words(const Requirement& requirement);

// One thing missing on a pathway: a requirement not done, a renewal shortfall, or the certificate to issue.
struct PathwayGap {
    enum class Kind { requirement, renewal, certificate_not_issued };
    Kind kind = Kind::requirement;
    std::size_t requirement = 0;  // requirement: its index in Pathway::requirements
    RenewalShortfall renewal;     // renewal
};

// Where a person stands on the way to one certification, and with it once held.
struct Pathway {
    std::string participant_ref, full_name;
    CertificationDefinition definition;
    std::vector<Requirement> requirements;       // to be certified the first time
    bool ready = false;                          // every requirement is done
    std::optional<CertificationRecord> current;  // the latest live certification, when one is held
    std::string standing;                        // standing_on(current) or "not certified"
    RenewalCheck renewal;                        // learning since `current` was issued against the renewal rule
    std::vector<PathwayGap> gaps;                // what is missing (requirements or renewal), in order
    std::vector<std::string> missing;            // the same in English words, as the command line shows them
};

// One of the person's cohorts: the curriculum it follows and the person's completion in it.
struct PathwayCohort {
    std::string cohort_code;
    std::optional<Curriculum> curriculum;             // nullopt when missing from the records
    std::optional<ParticipantCompletion> completion;  // the person's, with reasons; nullopt when not judged
};

// An assessment's result, as the latest of a module counts.
struct AssessmentOutcome {
    std::string curriculum_code, module_code;
    bool passed = false;
    Date assessed_on;
};

// Everything about one person that their pathways need.
struct PathwayRecords {
    std::string ref, full_name;
    std::vector<CertificationRecord> held;          // every certification held and once held, newest first
    std::vector<PathwayCohort> cohorts;             // the cohorts enrolled in, latest first
    std::vector<std::string> ethics_acknowledged;   // code versions
    std::map<std::string, int> signed_off_minutes;  // supervised practice signed off, by curriculum code
    std::vector<AssessmentOutcome> assessments;     // latest first
    std::vector<LearningEntry> ledger;              // up to today; needed only when a certification is current
    // Definitions of certifications held whose curricula no cohort above follows, by code; one missing is taken
    // as a definition that knows only its code (removed since).
    std::map<std::string, CertificationDefinition> definitions;
};

// Each certification the person is on the way to (through a cohort of a curriculum that defines one, not a
// trainers' one) or holds: requirements done or missing, and the current certification's validity and renewal.
// Programme completion is the best of the person's cohorts of that curriculum; a module a coordinator decided
// complete needs no assessment or supervised practice.
std::vector<Pathway> assess_pathways(const PathwayRecords& records, const Date& today);

}  // namespace mitra
