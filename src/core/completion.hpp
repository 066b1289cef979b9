// Completion is derived, never typed in: the rules that decide who completed a module and the programme.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/model.hpp"
#include "core/practice.hpp"

namespace mitra {

// One thing a module or the programme still lacks, as parts: each front end phrases it in its own words
// (completion_words() below is the English of the command line and the reports).
struct Shortfall {
    enum class Kind {
        attendance,               // attended `done` of `scheduled` minutes, needs `needed`
        assessment_not_taken,     // the module's assessment
        assessment_not_passed,    // the latest, on `on`
        supervised_practice,      // `done` of `needed` minutes signed off
        marked_not_complete,      // a coordinator's override: by `by`, with the reason `note`
        module,                   // a required module is not complete: `module_code` (its own shortfalls in modules)
        electives,                // `done` of `needed` electives complete; `started` lack things, `not_started` not
        ethics_not_acknowledged,  // code of ethics `version`
        // Supervised practice and observed assessment (issue 21); English words in core/practice_words.cpp.
        mandatory_session_missed,    // session `number` of the module, held on `on`, was not attended
        mandatory_session_to_come,   // session `number`, on `on`, is still to be attended
        sessions_missed,             // `done` sessions missed, at most `needed` may be
        one_to_one_practice,         // `done` of `needed` minutes of one-to-one supervision
        group_practice,              // `done` of `needed` minutes of group supervision
        supervision_not_counted,     // `done` minutes with supervisor `by` do not count: no valid credential on `on`..
        observation_not_taken,       // the module's observed practice
        observation_result_pending,  // observed on `on`, the result not yet released (only in the person's view)
        criterion_below_level,       // criterion `number` (`key`, titled `note`): level `done`, needs `needed`; on `on`
        criteria_not_observed,       // `done` criteria could not be observed (N/O), at most `needed` may be; on `on`
        referees,                    // `done` of `needed` referee questionnaires received
        agreement_not_signed,        // the supervisory agreement
        attestation_not_signed,      // the attestation of lived experience
        deadline_passed,             // the completion deadline, `on`, has passed (extended by `by` when `note` is set)
    };
    Kind kind = Kind::attendance;
    int done = 0, needed = 0, scheduled = 0;
    int number = 0;   // a session's or a rubric criterion's number
    std::string key;  // a rubric criterion's key
    Date on;
    std::string module_code, version, by, note;
    std::vector<std::string> started, not_started;  // electives: module codes, in the curriculum's order
};

struct ModuleCompletion {
    std::string code;
    std::string title;
    bool required = true;
    bool complete = false;
    bool on_track = false;    // complete, or can still complete with the sessions to come
    bool overridden = false;  // decided by a coordinator's override
    int scheduled_minutes = 0;
    int attended_minutes = 0;
    int required_minutes = 0;
    int missed_before_enrolment = 0;  // sessions held before the person enrolled (not absences)
    int absences = 0;                 // sessions since enrolment, already held, marked absent or not marked
    int missed_sessions = 0;          // with a session rule: held since enrolment and not attended (excused too)
    std::optional<SupervisionTally> supervision;      // when the module asks for supervised practice
    std::optional<ObservationJudgement> observation;  // the observed assessment that counts, when there is one
    Date observed_on;                                 // with observation
    bool observation_released = false;                // with observation: the person may see it
    std::vector<Shortfall> missing;                   // what is missing, in order; filled only when explained
    bool can_make_up = false;                         // sessions held before enrolment can be made up in another cohort
    Date enrolled_on;                                 // with can_make_up
    std::string reason;                               // empty when complete; otherwise completion_words(*this)
};

struct ParticipantCompletion {
    std::string ref;
    bool complete = false;
    bool on_track = false;
    int electives_complete = 0;
    std::vector<Shortfall> missing;    // in order: required modules, electives, ethics, issue 21's programme rules,
                                       // the deadline; filled only when explained
    std::optional<Deadline> deadline;  // with a completion window
    std::string reason;                // empty when complete; otherwise completion_words(*this)
    std::vector<ModuleCompletion> modules;
};

// The English words of what is missing, as the command line, exports and reports show them: one phrasing.
std::string shortfall_words(const Shortfall& shortfall);
std::string practice_shortfall_words(const Shortfall& shortfall);  // issue 21's kinds (core/practice_words.cpp)
std::string completion_words(const ModuleCompletion& module);      // "M03 Ethics: attended 360 of 540 minutes, ..."
std::string completion_words(const ParticipantCompletion& person);

// A session someone attended, with the mark: the cohort's own sessions and make-ups in another
// cohort's session of the same module both count.
struct AttendedSession {
    Session session;
    Attendance mark;
};

// Everything about one person that completion needs.
struct ParticipantRecord {
    std::string ref;
    Date enrolled_on;
    std::vector<AttendedSession> marks;
    std::vector<AssessmentResult> assessments;
    std::vector<PracticumLog> practicum;
    std::vector<EthicsAcknowledgement> ethics;
    std::vector<CompletionOverride> overrides;
    std::vector<SupervisionEntry> supervision;
    std::vector<ObservedAssessment> observations;
    std::vector<Attestation> attestations;
    std::vector<RefereeQuestionnaire> referees;
    std::vector<DeadlineExtension> extensions;  // granted for this cohort
};

struct CompletionContext {
    const Curriculum& curriculum;
    const std::vector<Session>& cohort_sessions;  // the cohort's own schedule
    Date today;                                   // sessions after today are still to come
    std::string language = "en";                  // for module titles in reasons
    bool explain = true;                          // false: decide only, without the reasons' words (reports)
    // Optional, for judging many people of one cohort: module_of_sessions(curriculum, cohort_sessions), worked out
    // once. Without it, each assessment works it out again.
    const std::vector<std::size_t>* session_modules = nullptr;
    // The person's own view (their letter, their pathway): an observed assessment not yet released counts as a
    // result to come. The coordinator's view (the default) sees every result and decides certification.
    bool person_view = false;
    const std::vector<Supervisor>* supervisors = nullptr;  // supervision entries count only with their supervisor
};

// For each session, the index of its module among the curriculum's modules (the size of that list when none).
std::vector<std::size_t> module_of_sessions(const Curriculum& curriculum, const std::vector<Session>& sessions);

// Minutes a participant must attend: the module's share of its scheduled minutes, rounded up.
int required_minutes(double attendance_share, int scheduled_minutes);

ParticipantCompletion assess_completion(const CompletionContext& context, const ParticipantRecord& person);

}  // namespace mitra
