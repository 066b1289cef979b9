// Completion is derived, never typed in: the rules that decide who completed a module and the programme.
#pragma once
#include <string>
#include <vector>

#include "core/model.hpp"

namespace mitra {

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
    std::string reason;               // empty when complete; otherwise what is missing, in words
};

struct ParticipantCompletion {
    std::string ref;
    bool complete = false;
    bool on_track = false;
    int electives_complete = 0;
    std::string reason;  // empty when complete
    std::vector<ModuleCompletion> modules;
};

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
};

// For each session, the index of its module among the curriculum's modules (the size of that list when none).
std::vector<std::size_t> module_of_sessions(const Curriculum& curriculum, const std::vector<Session>& sessions);

// Minutes a participant must attend: the module's share of its scheduled minutes, rounded up.
int required_minutes(double attendance_share, int scheduled_minutes);

ParticipantCompletion assess_completion(const CompletionContext& context, const ParticipantRecord& person);

}  // namespace mitra
