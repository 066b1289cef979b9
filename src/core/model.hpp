// The programme's records: curricula and modules, trainers, participants, cohorts, sessions, attendance.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/calendar.hpp"
#include "core/certification.hpp"
#include "core/practice_rules.hpp"
#include "core/text.hpp"

namespace mitra {

enum class ModuleKind { theory, practice, art_community, practicum };
std::string to_string(ModuleKind kind);
std::optional<ModuleKind> parse_module_kind(std::string_view text);

struct Module {
    std::string code;
    LocalizedText title, summary;
    int minutes = 0;   // scheduled minutes of sessions
    int sessions = 1;  // how many sessions it is usually taught in
    ModuleKind kind = ModuleKind::theory;
    bool required = true;           // false: an elective
    double attendance_share = 0.8;  // share of scheduled minutes a participant must attend
    bool has_assessment = false;    // a pass/fail assessment must be passed
    int supervised_minutes = 0;     // practicum: supervised practice to be logged and signed off
    SessionRule session_rule;       // mandatory sessions and most sessions missed, beside the share
    SupervisionRule supervision;    // supervised practice split one-to-one / group
    std::optional<Rubric> rubric;   // observed practice, rated on this rubric
    std::vector<LocalizedText> outcomes;
    // Per language, the fingerprint of the English texts its translation was made from (core/translation_drift).
    LocalizedText translated_from;
};

struct Curriculum {
    std::string uuid;
    std::string code, version;
    LocalizedText title;
    int electives_required = 0;
    std::string ethics_code;  // version of the code of ethics to acknowledge; empty when none is required
    ProgrammeRule programme;  // referees, agreement, attestation, completion window
    std::vector<Module> modules;
    // The certification that completing this curriculum leads to, when it has one.
    std::optional<CertificationDefinition> certification;
    // Per language, the fingerprint of the English title(s) its translation was made from (core/translation_drift).
    LocalizedText translated_from;

    const Module* module(std::string_view module_code) const;
};

// True when two versions of a curriculum decide completion the same way (only texts differ).
bool same_rules(const Curriculum& a, const Curriculum& b);

struct Trainer {
    std::string uuid;
    std::string ref;
    std::string name;        // in the trainer's own script
    std::string latin_name;  // optional
    std::string country;
    std::vector<std::string> languages;
    std::vector<std::string> qualified_modules;  // module codes
};

// What the programme keeps about a person: as little as it needs. No diagnosis, ever.
struct Participant {
    std::string uuid;
    std::string ref;                   // the programme's own key
    std::string full_name;             // exactly as the person writes it, in their own script
    std::string latin_name;            // optional
    std::string country;               // ISO 3166-1 alpha-2
    std::string language;              // BCP 47
    std::string email, phone;          // optional
    std::optional<Date> consent_date;  // when the person consented to their data being kept
};

struct Cohort {
    std::string uuid;
    std::string code;
    std::string curriculum_code, curriculum_version;
    std::string site, country, time_zone, language;
    Date start_date;
    std::optional<Date> end_date;
    int capacity = 0;                       // 0: no limit
    std::vector<std::string> trainer_refs;  // lead first, then co-facilitators
};

struct Enrolment {
    std::string cohort_code;
    std::string participant_ref;
    Date enrolled_on;
};

struct Session {
    long long id = 0;  // the local handle people type; `uuid` is what survives a merge
    std::string uuid;
    std::string cohort_code;
    std::string module_code;
    Date date;  // in the site's time zone, as the site lives it
    LocalTime start_time{9, 0};
    int minutes = 0;
    std::string trainer_ref;         // optional: the peer trainer who leads it
    std::string co_facilitator_ref;  // optional: a second trainer, held to the same rule
};

enum class AttendanceStatus { present, late, left_early, excused, absent };
std::string to_string(AttendanceStatus status);
std::optional<AttendanceStatus> parse_attendance_status(std::string_view text);

struct Attendance {
    long long session_id = 0;
    std::string participant_ref;
    AttendanceStatus status = AttendanceStatus::present;
    std::optional<int> minutes;  // attended minutes, for late or left early
    std::string note;
};

// Minutes a mark counts toward completion: the whole session when present, the minutes given
// (never more than the session) when late or left early, none when excused or absent.
int counted_minutes(const Attendance& mark, int session_minutes);

struct AssessmentResult {
    std::string participant_ref;
    std::string module_code;
    bool passed = false;
    Date assessed_on;
    std::string assessor;
};

struct PracticumLog {
    std::string participant_ref;
    std::string module_code;
    int minutes = 0;
    std::string supervisor;
    Date practised_on;
    std::optional<Date> signed_off_on;  // only signed-off practice counts
};

struct EthicsAcknowledgement {
    std::string participant_ref;
    std::string code_version;
    Date acknowledged_on;
};

struct CompletionOverride {
    std::string participant_ref;
    std::string module_code;
    bool complete = true;
    std::string reason;
    std::string by;
    std::string at;
};

}  // namespace mitra
