// The repositories: one per aggregate, the only place that knows the tables.
#pragma once
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/certification.hpp"
#include "core/completion.hpp"
#include "core/model.hpp"
#include "core/problem.hpp"
#include "store/database.hpp"

namespace mitra::store {

enum class Saved { created, updated, unchanged };

class CurriculumRepo {
public:
    explicit CurriculumRepo(Database& db) : db_(db) {}
    // A new code or version is added; the same version again updates its texts, or is refused when
    // its rules changed while cohorts use it (bump the version instead).
    Saved import(Curriculum& curriculum);
    // The given version, or the most recently imported one when `version` is empty.
    std::optional<Curriculum> find(const std::string& code, const std::string& version = "");
    std::optional<Curriculum> find_by_uuid(const std::string& uuid);
    std::vector<Curriculum> list();

private:
    void write_texts(const std::string& owner, const std::string& field, const LocalizedText& text);
    void write_certification(const Curriculum& curriculum);  // its certification definition, when it has one
    // Issue 21's rules (migration 11): the programme's, and the module's session rule, supervision split and rubric
    // (read back by practice_rows.hpp).
    void write_practice_rules(const Curriculum& curriculum, const std::string& module_uuid, const Module& module);
    LocalizedText read_text(const std::string& owner, const std::string& field);
    Database& db_;
};

class TrainerRepo {
public:
    explicit TrainerRepo(Database& db) : db_(db) {}
    void add(Trainer& trainer);
    // Adds modules to those the trainer is qualified for; refused when none is given.
    void qualify(const std::string& ref, const std::vector<std::string>& module_codes);
    std::optional<Trainer> find(const std::string& ref);
    std::vector<Trainer> list();
    // Every trainer's modules and certifications, by ref: what core's cover_session judges.
    std::vector<TrainerQualifications> qualifications();

private:
    Database& db_;
};

// Refused because a trainer may not teach a session's module on its day (or, no module, has nothing to renew). The
// problem says why in plain words and names no command; `bar` gives the reason, for each front end's own advice.
struct TeachingRefusal : InputError {
    std::string trainer_ref;
    TeachingBar bar;
};

struct ParticipantQuery {
    std::string cohort_code;  // only those enrolled in this cohort
    std::string search;       // part of ref, full_name or latin_name, or a whole name that looks alike
    int limit = 0;            // 0: all
    int offset = 0;
};

struct ImportCounts {
    int created = 0, updated = 0, unchanged = 0;
};

// A person whose name looks like someone else's: their full or Latin name has the same skeleton (core's
// name_skeleton: look-alike letters, case, spacing and invisible characters aside) as another's full or Latin name.
struct Lookalike {
    std::size_t index = 0;             // which of the people given (0 for add and save)
    std::string field;                 // "full_name" or "latin_name": the name that looks like another
    std::vector<std::string> refs;     // people kept already (not erased) who look alike, by ref
    std::vector<std::size_t> earlier;  // earlier people of the same import who look alike, by index
};

// Refused because a new or renamed person looks like someone (and the caller did not allow it). The problems
// name people by ref only; `found` says who, for a front end to ask whether to go on, or to place them in a file.
struct LookalikeError : InputError {
    std::vector<Lookalike> found;
};

// Whether a new or renamed person who looks like someone is refused (LookalikeError) or taken.
enum class Lookalikes { refuse, allow };

// People to import, handed to the store a batch at a time: an import of a million people need not be held at
// once. A write may be tried again, so the store may rewind() and read them all again.
class ParticipantSource {
public:
    virtual ~ParticipantSource() = default;
    virtual std::size_t size() const = 0;       // how many people in all
    virtual void rewind() = 0;                  // back to the first person
    virtual std::span<Participant> next() = 0;  // the next people, in order; empty after the last
};

// A source of people held in a vector, all in one batch (the store gives them their uuids in place).
class ParticipantVector : public ParticipantSource {
public:
    explicit ParticipantVector(std::vector<Participant>& people) : people_(people) {}
    std::size_t size() const override { return people_.size(); }
    void rewind() override { done_ = false; }
    std::span<Participant> next() override;

private:
    std::vector<Participant>& people_;
    bool done_ = false;
};

class ParticipantRepo {
public:
    explicit ParticipantRepo(Database& db) : db_(db) {}
    // Each refuses a new or renamed person who looks like someone, unless `lookalikes` allows it.
    void add(Participant& participant, Lookalikes lookalikes = Lookalikes::refuse);  // refuses a ref that exists
    // Adds, or updates the person with that ref.
    Saved save(Participant& participant, Lookalikes lookalikes = Lookalikes::refuse);
    ImportCounts save_all(std::vector<Participant>& participants, Lookalikes lookalikes = Lookalikes::refuse);
    // The same in batches, in one transaction: nothing is kept unless every batch is. Each batch is checked
    // for look-alikes among its own people and everyone kept, those of the batches before it included (a
    // Lookalike's `index` and `earlier` count from the source's first person; people of earlier batches are
    // among its `refs`). All the look-alikes and erased people of the whole source are reported at once.
    ImportCounts save_all(ParticipantSource& participants, Lookalikes lookalikes = Lookalikes::refuse);
    std::optional<Participant> find(const std::string& ref);
    std::vector<Participant> list(const ParticipantQuery& query = {});
    long long count();

private:
    Database& db_;
};

struct EnrolResult {
    std::vector<std::string> enrolled, already;
};

class CohortRepo {
public:
    explicit CohortRepo(Database& db) : db_(db) {}
    // Uses the curriculum's latest version when the cohort names none.
    void create(Cohort& cohort);
    std::optional<Cohort> find(const std::string& code);
    std::vector<Cohort> list();
    EnrolResult enrol(const std::string& cohort_code, const std::vector<std::string>& refs, const Date& on);
    std::vector<Enrolment> enrolments(const std::string& cohort_code);
    // Moves a person's enrolment date, with an audit entry. Refused when they have a mark at one of the cohort's
    // sessions before the new date: a mark says they were there, so the date may not come after it (clear the mark
    // first, or choose that session's day or earlier).
    void change_enrolment_date(const std::string& cohort_code, const std::string& ref, const Date& on);
    Curriculum curriculum_of(const Cohort& cohort);

private:
    Database& db_;
};

class SessionRepo {
public:
    explicit SessionRepo(Database& db) : db_(db) {}
    // Plans the whole curriculum from the cohort's start date; refused when sessions exist already.
    // The cohort's lead trainer is assigned to the sessions they may teach (see why_cannot_teach); the
    // others are left without a trainer, and `unassigned` (when given) says which and why. `lead`, when given,
    // stands for the cohort's lead in this plan: another trainer's ref, or "" for sessions without a trainer.
    std::vector<Session> schedule(const std::string& cohort_code, int every_days, const LocalTime& start,
                                  std::vector<TeachingRefusal>* unassigned = nullptr,
                                  const std::optional<std::string>& lead = std::nullopt);
    // Refused when its trainer or co-facilitator is not qualified for the module or holds no trainer
    // certification valid on the session's day, saying why.
    Session add(Session session);
    // Sets (or, with an empty ref, clears) a session's trainer and co-facilitator, under the same rule.
    void assign(long long id, const std::string& trainer_ref, const std::string& co_facilitator_ref);
    // Refused when the session's trainers may not teach on the new day.
    void move(long long id, const Date& date, const LocalTime& start);
    void remove(long long id);  // refused when marks exist for it
    std::optional<Session> find(long long id);
    std::vector<Session> list(const std::string& cohort_code);
    // The sessions of every cohort the person (by uuid) is enrolled in, by cohort code, each as list() has them.
    std::map<std::string, std::vector<Session>> list_for_participant(const std::string& participant_uuid);

private:
    void insert(Session& session, const std::string& cohort_uuid);
    // The trainer's uuid, or a TeachingRefusal naming the field when they may not teach `module_code` on `day`.
    std::string teaching_trainer(const std::string& ref, const std::string& field, const std::string& module_code,
                                 const Date& day);
    Database& db_;
};

struct MarkCounts {
    int created = 0, changed = 0, unchanged = 0;
};

// A mark with where it came from (a file's line), so refusals can point at it.
struct LocatedMark {
    Attendance mark;
    int line = 0;
};

class AttendanceRepo {
public:
    explicit AttendanceRepo(Database& db) : db_(db) {}
    // Marks people at sessions of `cohort_code`; a person must be enrolled in the cohort or (a make-up)
    // in another cohort of the same curriculum. All marks or none are saved.
    MarkCounts mark(const std::string& cohort_code, const std::vector<LocatedMark>& marks,
                    const std::string& file = "");
    std::vector<Attendance> for_session(long long session_id);

private:
    Database& db_;
};

class RecordsRepo {
public:
    explicit RecordsRepo(Database& db) : db_(db) {}
    void record_assessment(const std::string& cohort_code, const AssessmentResult& result);
    void log_practicum(const std::string& cohort_code, const PracticumLog& log);
    void acknowledge_ethics(const EthicsAcknowledgement& acknowledgement);
    void override_completion(const std::string& cohort_code, const CompletionOverride& decision);

private:
    Database& db_;
};

// Completion for everyone enrolled in a cohort, in a handful of queries.
std::vector<ParticipantCompletion> cohort_completion(Database& db, const std::string& cohort_code, const Date& today,
                                                     const std::string& language = "en");

// Completion of one person in each cohort they are enrolled in, by cohort code, judged as cohort_completion
// judges it, in a few queries however many cohorts; a cohort whose curriculum is missing is left out.
std::map<std::string, ParticipantCompletion> participant_completion(Database& db, const std::string& ref,
                                                                    const Date& today,
                                                                    const std::string& language = "en");

// How many of a cohort's people are complete and on track, for every cohort of the programme at once.
struct CohortCompletionCount {
    std::string cohort_code, curriculum_code, country;
    int enrolled = 0, complete = 0, on_track = 0;
};
// The regional report: completion judged by the same rules as cohort_completion, read in a few bulk queries.
std::vector<CohortCompletionCount> regional_completion(Database& db, const Date& today);

// Whom and which session an audit entry concerns, when its entity (a mark) may be deleted: the history then
// still finds it (migration 10). Empty: known only through the entity.
struct AuditAbout {
    std::string participant_uuid, session_uuid;
};

// Appends to the audit history (inside the caller's transaction).
void record_audit(Database& db, const std::string& entity, const std::string& entity_uuid, const std::string& action,
                  const std::optional<std::string>& old_value, const std::optional<std::string>& new_value,
                  const AuditAbout& about = {});

}  // namespace mitra::store
