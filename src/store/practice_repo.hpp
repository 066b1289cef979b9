// Issue 21's records: supervisors and their credentials, supervision entries, observed assessments (held back until
// released), attestations, referee questionnaires and deadline extensions. Each write is one transaction and
// recorded in the history; bad input is refused (InputError naming the field) and changes nothing.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/completion.hpp"
#include "store/database.hpp"

namespace mitra::store {

class PracticeRepo {
public:
    explicit PracticeRepo(Database& db) : db_(db) {}

    void add_supervisor(Supervisor& supervisor);  // with the credentials it has; a trainer names the trainer's ref
    void add_credential(const std::string& supervisor_ref, const SupervisorCredential& credential);
    std::vector<Supervisor> supervisors();  // by ref, each with its credentials oldest first
    std::optional<Supervisor> supervisor(const std::string& ref);

    // Kept whether or not the supervisor's credential is valid that day: completion decides what counts.
    void log_supervision(const std::string& cohort_code, SupervisionEntry& entry);
    std::vector<SupervisionEntry> supervision(const std::string& participant_ref);  // oldest first

    // Checked against the module's rubric (core check_observation); held back unless `released_on` is given.
    void observe(const std::string& cohort_code, ObservedAssessment& assessment);
    // Releases the person's results of that module held back so far; how many.
    int release(const std::string& cohort_code, const std::string& participant_ref, const std::string& module_code,
                const Date& on);
    std::vector<ObservedAssessment> observations(const std::string& participant_ref);  // oldest first

    void attest(const Attestation& attestation);
    void add_referee(const RefereeQuestionnaire& questionnaire);
    // The new deadline must come after the person's current one; granted by the database's actor, now.
    void extend_deadline(const std::string& cohort_code, DeadlineExtension& extension);

private:
    Database& db_;
};

// Inside the caller's read or write: every supervisor with credentials, or only the one with `only_ref`.
std::vector<Supervisor> read_supervisors(Database& db, const std::string& only_ref = "");

// For completion: each enrolled person's issue-21 records in the cohort (by participant uuid), in a few queries.
void read_practice_records(Database& db, const std::string& cohort_uuid,
                           std::map<std::string, ParticipantRecord>& people);

// One person's signed yes/no records and referee questionnaires received, oldest first (for their details).
struct SignedRecords {
    std::vector<Attestation> attestations;
    std::vector<RefereeQuestionnaire> referees;
};
SignedRecords read_signed_records(Database& db, const std::string& participant_ref);

}  // namespace mitra::store
