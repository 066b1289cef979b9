// Supervisors, supervision entries, observed assessments, agreements, referees and the completion window: the
// records issue 21 keeps, and the pure rules that judge them (completion calls these).
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar.hpp"
#include "core/certification.hpp"
#include "core/practice_rules.hpp"

namespace mitra {

struct Module;
struct PracticumLog;

// --- Supervisors and supervised practice ---

enum class SupervisorKind { trainer, outside_professional };
std::string to_string(SupervisorKind kind);  // "trainer", "outside_professional"
std::optional<SupervisorKind> parse_supervisor_kind(std::string_view text);

// A supervisor's own credential for one period: the first award or a refresher (every two years, say).
struct SupervisorCredential {
    std::string name;  // "Certified Peer Supervisor", as the awarding body writes it
    Date valid_from;
    Date expires_on;  // the last day it is valid
};

struct Supervisor {
    std::string uuid;
    std::string ref;
    std::string name;  // in the supervisor's own script
    SupervisorKind kind = SupervisorKind::outside_professional;
    std::string trainer_ref;                        // kind trainer: the trainer on record
    std::vector<SupervisorCredential> credentials;  // every award and refresher, oldest first
};

// True when one of the supervisor's credentials covers the day (valid_from <= day <= expires_on).
bool credential_valid_on(const Supervisor& supervisor, const Date& day);

enum class SupervisionFormat { one_to_one, group };
std::string to_string(SupervisionFormat format);  // "one_to_one", "group"
std::optional<SupervisionFormat> parse_supervision_format(std::string_view text);

// One stretch of supervised practice. The note is practical ("reviewed two calls"), never clinical content.
struct SupervisionEntry {
    std::string uuid;
    std::string participant_ref, module_code, supervisor_ref;
    SupervisionFormat format = SupervisionFormat::one_to_one;
    int minutes = 0;
    Date day;
    std::string note;
};

// Supervised practice of one person in one module, counted. An entry counts only when its supervisor is on record
// and one of their credentials is valid on the entry's day; the others are kept in `not_counted`.
struct SupervisionTally {
    int one_to_one = 0;     // counted minutes one-to-one
    int group = 0;          // counted minutes in groups (all of them)
    int group_counted = 0;  // of `group`, what counts toward the total (at most the rule's group maximum)
    int signed_off = 0;     // older practicum lines without a format, signed off: they count toward the total only
    int total = 0;          // one_to_one + group_counted + signed_off
    std::vector<SupervisionEntry> not_counted;  // in the order given
    std::map<std::string, int> by_supervisor;   // counted minutes by supervisor ref: each one's running total
};

SupervisionTally tally_supervision(const Module& module, const std::vector<SupervisionEntry>& entries,
                                   const std::vector<Supervisor>& supervisors,
                                   const std::vector<PracticumLog>& practicum);

// --- Observed assessment ---

enum class ObservationMethod { direct_observation, video, role_play, feedback_from_others };
std::string to_string(ObservationMethod method);  // "direct_observation", "video", "role_play", "feedback_from_others"
std::optional<ObservationMethod> parse_observation_method(std::string_view text);

// "met" or "asked_to_repeat": an observed assessment never fails anyone.
enum class ObservedOutcome { met, asked_to_repeat };
std::string to_string(ObservedOutcome outcome);

// The level given for one criterion, 0..4; nullopt is N/O (no opportunity to observe). `second` is the second
// rater's, when the assessment has one.
struct CriterionRating {
    std::string criterion;  // the rubric criterion's key
    std::optional<int> level;
    std::optional<int> second;
};

struct ObservedAssessment {
    std::string uuid;
    std::string participant_ref, module_code;
    Date observed_on;
    ObservationMethod method = ObservationMethod::direct_observation;
    std::string rater;         // ref of a trainer or supervisor
    std::string second_rater;  // empty when rated alone
    std::vector<CriterionRating> ratings;
    std::optional<Date> released_on;  // nullopt: held back, not yet shown to the person
};

// One criterion as judged. When two raters differ, the lower level counts (the person is asked to show it again
// rather than credited with what one rater did not see); when one rated it and the other saw no opportunity, the
// level given counts. `raters_differ` keeps the disagreement visible either way.
struct CriterionResult {
    int number = 0;  // 1-based, in the rubric's order
    std::string key;
    std::optional<int> level;  // what counts; nullopt: N/O
    std::optional<int> first, second;
    bool raters_differ = false;
    bool below = false;  // observed at a level under the pass level
};

struct ObservationJudgement {
    ObservedOutcome outcome = ObservedOutcome::asked_to_repeat;
    std::vector<CriterionResult> criteria;  // every criterion of the rubric, in its order
    int not_observed = 0;
    bool raters_differ = false;
};

// Criteria missing from the ratings count as N/O; ratings for keys the rubric does not have are ignored.
ObservationJudgement judge_observation(const Rubric& rubric, const ObservedAssessment& assessment);

// What is wrong with an assessment before it is kept: (field, words) pairs, empty when it may be kept.
struct ObservationProblem {
    std::string field, message;
};
std::vector<ObservationProblem> check_observation(const Rubric& rubric, const ObservedAssessment& assessment);

// --- Agreements, attestation, referees ---

// Signed yes or no, with the day: nothing else is kept (no diagnosis, no clinical content).
enum class AttestationKind { supervision_agreement, lived_experience };
std::string to_string(AttestationKind kind);  // "supervision_agreement", "lived_experience"
std::optional<AttestationKind> parse_attestation_kind(std::string_view text);

struct Attestation {
    std::string participant_ref;
    AttestationKind kind = AttestationKind::supervision_agreement;
    bool is_signed = false;
    Date on;
};

// The latest attestation of that kind (by day; the later in the list on the same day) says yes.
bool attested(const std::vector<Attestation>& attestations, AttestationKind kind);

// A referee's competency questionnaire, received. Referees are told apart by `referee` (a label or ref).
struct RefereeQuestionnaire {
    std::string participant_ref;
    std::string referee;
    Date received_on;
};

int referees_received(const std::vector<RefereeQuestionnaire>& received);  // distinct referees

// --- The completion window ---

struct DeadlineExtension {
    std::string participant_ref, cohort_code;
    Date new_deadline;
    std::string reason;
    std::string granted_by;
    std::string granted_at;  // UTC timestamp: the latest extension granted counts
};

struct Deadline {
    Date window_end;                             // enrolment + the window's months
    Date due;                                    // window_end, or the latest extension's new deadline
    std::optional<DeadlineExtension> extension;  // the extension that set `due`
};

// Nullopt when the curriculum has no completion window.
std::optional<Deadline> completion_deadline(const ProgrammeRule& rule, const Date& enrolled_on,
                                            const std::vector<DeadlineExtension>& extensions);

enum class DeadlineStanding { open, near, passed };
std::string to_string(DeadlineStanding standing);  // "open", "near", "passed"
// Passed once today is after `due`; near within `warn_days` of it.
DeadlineStanding deadline_standing(const Deadline& deadline, const Date& today, int warn_days = 60);

}  // namespace mitra
