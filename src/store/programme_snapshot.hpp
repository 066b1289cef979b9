// The whole programme as completion sees it, read at once in a few scans: the regional report and the programme
// report judge thousands of cohorts from it, instead of asking the database cohort by cohort. Internal to the store.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/completion.hpp"
#include "core/model.hpp"

namespace mitra::store {

class Database;

// The curriculum with what completion needs (module rules and titles), by its uuid; nullopt when missing.
std::optional<Curriculum> completion_curriculum(Database& db, const std::string& uuid);

// A map by uuid that is looked up with the text a scan hands over, without copying it into a string first.
struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};
template <typename Value>
using UuidMap = std::unordered_map<std::string, Value, TextHash, std::equal_to<>>;

// Runs work(from, to) over 0..n split into one even share per core (up to four), and waits for all of them.
// An exception in any share comes out here, after every share has stopped.
void in_parallel(std::size_t n, const std::function<void(std::size_t, std::size_t)>& work);

struct ProgrammeSnapshot {
    struct CohortData {
        std::string uuid, code, curriculum_uuid, curriculum_code, country;
        Date start;
        std::vector<Session> sessions;
        std::vector<std::string> session_trainer;              // each session's trainer uuid, "" when it names none
        std::vector<std::uint32_t> session_marks;              // how many marks each session has, anyone's
        std::vector<std::pair<std::uint32_t, Date>> enrolled;  // person, enrolled on
    };
    struct Person {
        std::string ref;
        std::vector<AssessmentResult> assessments;  // each holds its curriculum's code in participant_ref
        std::vector<PracticumLog> practicum;        // likewise
        std::vector<EthicsAcknowledgement> ethics;
        std::vector<Attestation> attestations;  // issue 21: signed yes or no, the day
        std::vector<RefereeQuestionnaire> referees;
    };
    // Issue 21's records of one person in one cohort.
    struct Practice {
        std::vector<SupervisionEntry> supervision;
        std::vector<ObservedAssessment> observations;
        std::vector<DeadlineExtension> extensions;
    };
    struct Mark {
        std::uint32_t person, cohort, session;  // session: its index in its cohort's sessions
        AttendanceStatus status;
        std::optional<int> minutes;
    };

    std::vector<CohortData> cohorts;  // by start date, then code
    UuidMap<std::size_t> cohort_at;
    std::map<std::string, Curriculum> curricula;  // completion's view, by uuid
    std::vector<Person> people;
    std::vector<Mark> marks;  // person p's marks are marks[first[p]] .. marks[first[p + 1]], as read
    std::vector<std::uint32_t> first;
    std::map<std::pair<std::size_t, std::uint32_t>, std::vector<CompletionOverride>> overrides;  // (cohort, person)
    std::map<std::pair<std::size_t, std::uint32_t>, Practice> practice;                          // (cohort, person)
    std::vector<Supervisor> supervisors;  // every one, with their credentials: supervision counts by them

    // Everything, in one consistent read of `db`.
    static ProgrammeSnapshot read(Database& db);

    // Cohort `c`'s people (in the order of its `enrolled`) judged on `today`, without words; empty when its
    // curriculum is missing. `record` is scratch room, reused from one call to the next.
    std::vector<ParticipantCompletion> judge(std::size_t c, const Date& today, ParticipantRecord& record) const;
};

}  // namespace mitra::store
