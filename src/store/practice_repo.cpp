// Supervisors, supervision entries, observed assessments, attestations, referees and deadline extensions.
#include "store/practice_repo.hpp"

#include <soci/soci.h>

#include "core/identity.hpp"
#include "store/practice_rows.hpp"
#include "store/repos.hpp"
#include "store/rows.hpp"

namespace mitra::store {
namespace {

constexpr std::size_t kMaxNoteChars = 500;

std::string person_uuid(Database& db, const std::string& ref) {
    std::string uuid;
    db.sql() << "SELECT uuid FROM participants WHERE ref = :r", soci::into(uuid), soci::use(ref);
    if (!db.sql().got_data()) refuse("ref", ProblemCode::no_participant, {ref});
    return uuid;
}

std::string supervisor_uuid(Database& db, const std::string& ref) {
    std::string uuid;
    db.sql() << "SELECT uuid FROM supervisors WHERE ref = :r", soci::into(uuid), soci::use(ref);
    if (!db.sql().got_data()) refuse("supervisor", ProblemCode::no_supervisor, {ref});
    return uuid;
}

struct Enrolled {
    Cohort cohort;
    Curriculum curriculum;
    std::string person;  // participant uuid
    Date enrolled_on;
};

// The cohort, its curriculum and the person enrolled in it; refused when any is missing.
Enrolled enrolled(Database& db, const std::string& cohort_code, const std::string& ref) {
    CohortRepo cohorts(db);
    auto cohort = cohorts.find(cohort_code);
    if (!cohort) refuse("cohort", ProblemCode::no_cohort, {cohort_code});
    Enrolled e{*cohort, cohorts.curriculum_of(*cohort), person_uuid(db, ref), {}};
    std::string on;
    db.sql() << "SELECT enrolled_on FROM enrolments WHERE cohort_uuid = :c AND participant_uuid = :p", soci::into(on),
        soci::use(e.cohort.uuid), soci::use(e.person);
    if (!db.sql().got_data()) refuse("ref", ProblemCode::not_enrolled, {ref, cohort_code});
    e.enrolled_on = parse_date(on).value_or(e.cohort.start_date);
    return e;
}

const Module& module_of(const Enrolled& e, const std::string& code) {
    const Module* m = e.curriculum.module(code);
    if (!m) refuse("module", ProblemCode::no_module, {e.curriculum.code, code});
    return *m;
}

void check_note(const std::string& field, const std::string& text, bool required) {
    if (required && trim(text).empty()) refuse(field, ProblemCode::text_needed);
    if (invalid_utf8_at(text) || utf8_length(text) > kMaxNoteChars)
        refuse(field, ProblemCode::text_too_long, {std::to_string(kMaxNoteChars)});
}

Stamp now(Database& db) { return Stamp{utc_timestamp_now(), db.actor()}; }

}  // namespace

std::vector<Supervisor> read_supervisors(Database& db, const std::string& only_ref) {
    std::vector<Supervisor> out;
    soci::rowset<soci::row> rows =
        only_ref.empty()
            ? (db.sql().prepare
               << "SELECT s.uuid, s.ref, s.name, s.kind, t.ref FROM supervisors s LEFT JOIN trainers t "
                  "ON t.uuid = s.trainer_uuid ORDER BY s.ref")
            : (db.sql().prepare
                   << "SELECT s.uuid, s.ref, s.name, s.kind, t.ref FROM supervisors s LEFT JOIN trainers t "
                      "ON t.uuid = s.trainer_uuid WHERE s.ref = :r",
               soci::use(only_ref));
    for (const auto& r : rows) {
        Supervisor s;
        s.uuid = text(r, 0);
        s.ref = text(r, 1);
        s.name = text(r, 2);
        s.kind = parse_supervisor_kind(text(r, 3)).value_or(SupervisorKind::outside_professional);
        if (r.get_indicator(4) != soci::i_null) s.trainer_ref = text(r, 4);
        out.push_back(std::move(s));
    }
    for (auto& s : out) {
        soci::rowset<soci::row> credentials =
            (db.sql().prepare << "SELECT name, valid_from, expires_on FROM supervisor_credentials WHERE "
                                 "supervisor_uuid = :u ORDER BY valid_from, created_at",
             soci::use(s.uuid));
        for (const auto& r : credentials)
            s.credentials.push_back({text(r, 0), date(r, 1).value_or(Date{}), date(r, 2).value_or(Date{})});
    }
    return out;
}

namespace {

void insert_credential(Database& db, const std::string& supervisor, const SupervisorCredential& c, const Stamp& stamp) {
    check_note("credential", c.name, true);
    if (c.expires_on < c.valid_from) refuse("expires", ProblemCode::credential_expires_first);
    const std::string uuid = new_uuid(), from = to_string(c.valid_from), until = to_string(c.expires_on);
    db.sql() << "INSERT INTO supervisor_credentials (uuid, supervisor_uuid, name, valid_from, expires_on, created_at, "
                "created_by, updated_at, updated_by) VALUES (:u, :s, :n, :f, :e, :at, :by, :at2, :by2)",
        soci::use(uuid), soci::use(supervisor), soci::use(c.name), soci::use(from), soci::use(until),
        soci::use(stamp.at), soci::use(stamp.by), soci::use(stamp.at), soci::use(stamp.by);
    record_audit(db, "supervisor_credential", uuid, "add", std::nullopt, c.name + " " + from + " to " + until);
}

}  // namespace

void PracticeRepo::add_supervisor(Supervisor& s) {
    db_.write([&] {
        if (!is_code(s.ref)) refuse("ref", ProblemCode::not_a_ref, {s.ref});
        check_note("name", s.name, true);
        int taken = 0;
        db_.sql() << "SELECT COUNT(*) FROM supervisors WHERE ref = :r", soci::into(taken), soci::use(s.ref);
        if (taken) refuse("ref", ProblemCode::supervisor_exists, {s.ref});
        std::string trainer;
        soci::indicator trainer_ind = soci::i_null;
        if (s.kind == SupervisorKind::trainer) {
            if (s.trainer_ref.empty()) refuse("trainer", ProblemCode::supervisor_needs_trainer);
            db_.sql() << "SELECT uuid FROM trainers WHERE ref = :r", soci::into(trainer), soci::use(s.trainer_ref);
            if (!db_.sql().got_data()) refuse("trainer", ProblemCode::no_trainer, {s.trainer_ref});
            trainer_ind = soci::i_ok;
        } else if (!s.trainer_ref.empty()) {
            refuse("trainer", ProblemCode::supervisor_not_a_trainer);
        }
        const Stamp stamp = now(db_);
        s.uuid = new_uuid();
        const std::string kind = to_string(s.kind);
        db_.sql() << "INSERT INTO supervisors (uuid, ref, name, kind, trainer_uuid, created_at, created_by, "
                     "updated_at, updated_by) VALUES (:u, :r, :n, :k, :t, :at, :by, :at2, :by2)",
            soci::use(s.uuid), soci::use(s.ref), soci::use(s.name), soci::use(kind), soci::use(trainer, trainer_ind),
            soci::use(stamp.at), soci::use(stamp.by), soci::use(stamp.at), soci::use(stamp.by);
        record_audit(db_, "supervisor", s.uuid, "add", std::nullopt, s.ref + " (" + kind + ")");
        for (const auto& c : s.credentials) insert_credential(db_, s.uuid, c, stamp);
    });
}

void PracticeRepo::add_credential(const std::string& ref, const SupervisorCredential& credential) {
    db_.write([&] { insert_credential(db_, supervisor_uuid(db_, ref), credential, now(db_)); });
}

std::vector<Supervisor> PracticeRepo::supervisors() {
    std::vector<Supervisor> out;
    db_.read([&] { out = read_supervisors(db_, ""); });
    return out;
}

std::optional<Supervisor> PracticeRepo::supervisor(const std::string& ref) {
    std::vector<Supervisor> found;
    db_.read([&] { found = read_supervisors(db_, ref); });
    if (found.empty()) return std::nullopt;
    return found.front();
}

void PracticeRepo::log_supervision(const std::string& cohort_code, SupervisionEntry& entry) {
    db_.write([&] {
        const auto e = enrolled(db_, cohort_code, entry.participant_ref);
        const Module& m = module_of(e, entry.module_code);
        if (m.supervised_minutes <= 0 && !m.supervision.any())
            refuse("module", ProblemCode::no_supervised_practice, {m.code});
        const std::string supervisor = supervisor_uuid(db_, entry.supervisor_ref);
        if (entry.minutes <= 0 || entry.minutes > 24 * 60)
            refuse("minutes", ProblemCode::practice_minutes_out_of_range);
        check_note("note", entry.note, false);
        const Stamp stamp = now(db_);
        entry.uuid = new_uuid();
        const std::string format = to_string(entry.format), day = to_string(entry.day);
        db_.sql() << "INSERT INTO supervision_entries (uuid, participant_uuid, cohort_uuid, module_code, "
                     "supervisor_uuid, format, minutes, practised_on, note, created_at, created_by, updated_at, "
                     "updated_by) VALUES (:u, :p, :c, :m, :s, :f, :min, :d, :n, :at, :by, :at2, :by2)",
            soci::use(entry.uuid), soci::use(e.person), soci::use(e.cohort.uuid), soci::use(entry.module_code),
            soci::use(supervisor), soci::use(format), soci::use(entry.minutes), soci::use(day), soci::use(entry.note),
            soci::use(stamp.at), soci::use(stamp.by), soci::use(stamp.at), soci::use(stamp.by);
        record_audit(db_, "supervision", entry.uuid, "log", std::nullopt,
                     entry.module_code + " " + std::to_string(entry.minutes) + " minutes " + format + " on " + day +
                         " with " + entry.supervisor_ref,
                     AuditAbout{e.person, ""});
    });
}

std::vector<SupervisionEntry> PracticeRepo::supervision(const std::string& ref) {
    std::vector<SupervisionEntry> out;
    db_.read([&] {
        out.clear();
        soci::rowset<soci::row> rows =
            (db_.sql().prepare << "SELECT x.uuid, x.module_code, s.ref, x.format, x.minutes, x.practised_on, x.note "
                                  "FROM supervision_entries x JOIN supervisors s ON s.uuid = x.supervisor_uuid JOIN "
                                  "participants p ON p.uuid = x.participant_uuid WHERE p.ref = :r "
                                  "ORDER BY x.practised_on, x.created_at",
             soci::use(ref));
        for (const auto& r : rows)
            out.push_back(SupervisionEntry{text(r, 0), ref, text(r, 1), text(r, 2),
                                           parse_supervision_format(text(r, 3)).value_or(SupervisionFormat::group),
                                           static_cast<int>(integer(r, 4)), date(r, 5).value_or(Date{}), text(r, 6)});
    });
    return out;
}

void PracticeRepo::observe(const std::string& cohort_code, ObservedAssessment& a) {
    db_.write([&] {
        const auto e = enrolled(db_, cohort_code, a.participant_ref);
        const Module& m = module_of(e, a.module_code);
        if (!m.rubric) refuse("module", ProblemCode::no_rubric, {m.code});
        Problems problems;
        for (const auto& p : check_observation(*m.rubric, a)) problems.push_back(Problem{"", 0, 0, p.field, p.message});
        if (!problems.empty()) throw InputError(std::move(problems));
        const Stamp stamp = now(db_);
        a.uuid = new_uuid();
        const std::string method = to_string(a.method), day = to_string(a.observed_on);
        const std::string released = a.released_on ? to_string(*a.released_on) : "";
        soci::indicator released_ind = a.released_on ? soci::i_ok : soci::i_null;
        db_.sql() << "INSERT INTO observed_assessments (uuid, participant_uuid, cohort_uuid, module_code, observed_on, "
                     "method, rater, second_rater, released_on, created_at, created_by, updated_at, updated_by) "
                     "VALUES (:u, :p, :c, :m, :d, :me, :r, :r2, :rel, :at, :by, :at2, :by2)",
            soci::use(a.uuid), soci::use(e.person), soci::use(e.cohort.uuid), soci::use(a.module_code), soci::use(day),
            soci::use(method), soci::use(a.rater), soci::use(a.second_rater), soci::use(released, released_ind),
            soci::use(stamp.at), soci::use(stamp.by), soci::use(stamp.at), soci::use(stamp.by);
        for (const auto& rating : a.ratings) {
            const int level = rating.level.value_or(0), second = rating.second.value_or(0);
            soci::indicator level_ind = rating.level ? soci::i_ok : soci::i_null;
            soci::indicator second_ind = rating.second ? soci::i_ok : soci::i_null;
            db_.sql() << "INSERT INTO observed_ratings (assessment_uuid, criterion, level, second_level) VALUES "
                         "(:a, :c, :l, :s)",
                soci::use(a.uuid), soci::use(rating.criterion), soci::use(level, level_ind),
                soci::use(second, second_ind);
        }
        const auto judged = judge_observation(*m.rubric, a);
        record_audit(db_, "observed_assessment", a.uuid, "observe", std::nullopt,
                     a.module_code + " on " + day + " (" + method + "): " + to_string(judged.outcome) +
                         (judged.raters_differ ? ", raters differ" : "") +
                         (a.released_on ? ", released" : ", held back"),
                     AuditAbout{e.person, ""});
    });
}

int PracticeRepo::release(const std::string& cohort_code, const std::string& ref, const std::string& module_code,
                          const Date& on) {
    int released = 0;
    db_.write([&] {
        released = 0;
        const auto e = enrolled(db_, cohort_code, ref);
        module_of(e, module_code);
        std::vector<std::string> held;
        soci::rowset<soci::row> rows =
            (db_.sql().prepare << "SELECT uuid FROM observed_assessments WHERE participant_uuid = :p AND cohort_uuid "
                                  "= :c AND module_code = :m AND released_on IS NULL",
             soci::use(e.person), soci::use(e.cohort.uuid), soci::use(module_code));
        for (const auto& r : rows) held.push_back(text(r, 0));
        const Stamp stamp = now(db_);
        const std::string day = to_string(on);
        for (const auto& uuid : held) {
            db_.sql() << "UPDATE observed_assessments SET released_on = :d, updated_at = :at, updated_by = :by WHERE "
                         "uuid = :u",
                soci::use(day), soci::use(stamp.at), soci::use(stamp.by), soci::use(uuid);
            record_audit(db_, "observed_assessment", uuid, "release", std::string("held back"), "released " + day,
                         AuditAbout{e.person, ""});
        }
        released = static_cast<int>(held.size());
    });
    return released;
}

std::vector<ObservedAssessment> PracticeRepo::observations(const std::string& ref) {
    std::vector<ObservedAssessment> out;
    db_.read([&] {
        out.clear();
        soci::rowset<soci::row> rows =
            (db_.sql().prepare << "SELECT x.uuid, x.module_code, x.observed_on, x.method, x.rater, x.second_rater, "
                                  "x.released_on FROM observed_assessments x JOIN participants p ON p.uuid = "
                                  "x.participant_uuid WHERE p.ref = :r ORDER BY x.observed_on, x.created_at",
             soci::use(ref));
        for (const auto& r : rows) {
            ObservedAssessment a = observation_from(r, 0);
            a.participant_ref = ref;
            out.push_back(std::move(a));
        }
        for (auto& a : out) {
            soci::rowset<soci::row> ratings =
                (db_.sql().prepare << "SELECT criterion, level, second_level FROM observed_ratings WHERE "
                                      "assessment_uuid = :a ORDER BY criterion",
                 soci::use(a.uuid));
            for (const auto& r : ratings) {
                a.ratings.push_back(rating_from(r, 0));
            }
        }
    });
    return out;
}

void PracticeRepo::attest(const Attestation& a) {
    db_.write([&] {
        const std::string person = person_uuid(db_, a.participant_ref);
        const Stamp stamp = now(db_);
        const std::string uuid = new_uuid(), kind = to_string(a.kind), day = to_string(a.on);
        const int is_signed = a.is_signed;
        db_.sql() << "INSERT INTO attestations (uuid, participant_uuid, kind, is_signed, signed_on, created_at, "
                     "created_by, updated_at, updated_by) VALUES (:u, :p, :k, :s, :d, :at, :by, :at2, :by2)",
            soci::use(uuid), soci::use(person), soci::use(kind), soci::use(is_signed), soci::use(day),
            soci::use(stamp.at), soci::use(stamp.by), soci::use(stamp.at), soci::use(stamp.by);
        record_audit(db_, "attestation", uuid, "record", std::nullopt,
                     kind + (a.is_signed ? ": signed on " : ": not signed on ") + day, AuditAbout{person, ""});
    });
}

void PracticeRepo::add_referee(const RefereeQuestionnaire& q) {
    db_.write([&] {
        const std::string person = person_uuid(db_, q.participant_ref);
        check_note("referee", q.referee, true);
        const Stamp stamp = now(db_);
        const std::string uuid = new_uuid(), day = to_string(q.received_on);
        db_.sql() << "INSERT INTO referee_questionnaires (uuid, participant_uuid, referee, received_on, created_at, "
                     "created_by, updated_at, updated_by) VALUES (:u, :p, :r, :d, :at, :by, :at2, :by2)",
            soci::use(uuid), soci::use(person), soci::use(q.referee), soci::use(day), soci::use(stamp.at),
            soci::use(stamp.by), soci::use(stamp.at), soci::use(stamp.by);
        record_audit(db_, "referee_questionnaire", uuid, "receive", std::nullopt, q.referee + " on " + day,
                     AuditAbout{person, ""});
    });
}

void PracticeRepo::extend_deadline(const std::string& cohort_code, DeadlineExtension& x) {
    db_.write([&] {
        const auto e = enrolled(db_, cohort_code, x.participant_ref);
        if (e.curriculum.programme.completion_months <= 0)
            refuse("deadline", ProblemCode::no_completion_window, {e.curriculum.code});
        check_note("reason", x.reason, true);
        std::vector<DeadlineExtension> earlier;
        soci::rowset<soci::row> rows =
            (db_.sql().prepare << "SELECT new_deadline, reason, created_by, created_at FROM deadline_extensions WHERE "
                                  "participant_uuid = :p AND cohort_uuid = :c",
             soci::use(e.person), soci::use(e.cohort.uuid));
        for (const auto& r : rows)
            earlier.push_back(
                {x.participant_ref, cohort_code, date(r, 0).value_or(Date{}), text(r, 1), text(r, 2), text(r, 3)});
        const auto current = completion_deadline(e.curriculum.programme, e.enrolled_on, earlier);
        if (!(current->due < x.new_deadline))
            refuse("deadline", ProblemCode::deadline_not_later, {to_string(current->due)});
        const Stamp stamp = now(db_);
        const std::string uuid = new_uuid(), day = to_string(x.new_deadline);
        x.cohort_code = cohort_code;
        x.granted_by = stamp.by;
        x.granted_at = stamp.at;
        db_.sql()
            << "INSERT INTO deadline_extensions (uuid, participant_uuid, cohort_uuid, new_deadline, reason, "
               "created_at, created_by, updated_at, updated_by) VALUES (:u, :p, :c, :d, :r, :at, :by, :at2, :by2)",
            soci::use(uuid), soci::use(e.person), soci::use(e.cohort.uuid), soci::use(day), soci::use(x.reason),
            soci::use(stamp.at), soci::use(stamp.by), soci::use(stamp.at), soci::use(stamp.by);
        record_audit(db_, "deadline_extension", uuid, "extend", to_string(current->due), day + " (" + x.reason + ")",
                     AuditAbout{e.person, ""});
    });
}

void read_practice_records(Database& db, const std::string& cohort_uuid,
                           std::map<std::string, ParticipantRecord>& people) {
    auto ref_of = [&](const std::string& uuid) { return people.count(uuid) ? people[uuid].ref : std::string(); };
    soci::rowset<soci::row> entries =
        (db.sql().prepare << "SELECT x.participant_uuid, x.uuid, x.module_code, s.ref, x.format, x.minutes, "
                             "x.practised_on, x.note FROM supervision_entries x JOIN supervisors s ON s.uuid = "
                             "x.supervisor_uuid WHERE x.cohort_uuid = :c",
         soci::use(cohort_uuid));
    for (const auto& r : entries) {
        const std::string person = text(r, 0);
        if (!people.count(person)) continue;
        people[person].supervision.push_back(
            SupervisionEntry{text(r, 1), ref_of(person), text(r, 2), text(r, 3),
                             parse_supervision_format(text(r, 4)).value_or(SupervisionFormat::group),
                             static_cast<int>(integer(r, 5)), date(r, 6).value_or(Date{}), text(r, 7)});
    }
    std::map<std::string, std::pair<std::string, std::size_t>> observation_at;  // uuid -> person, index
    soci::rowset<soci::row> observed =
        (db.sql().prepare << "SELECT participant_uuid, uuid, module_code, observed_on, method, rater, second_rater, "
                             "released_on FROM observed_assessments WHERE cohort_uuid = :c",
         soci::use(cohort_uuid));
    for (const auto& r : observed) {
        const std::string person = text(r, 0);
        if (!people.count(person)) continue;
        ObservedAssessment a = observation_from(r, 1);
        a.participant_ref = ref_of(person);
        observation_at[a.uuid] = {person, people[person].observations.size()};
        people[person].observations.push_back(std::move(a));
    }
    soci::rowset<soci::row> ratings =
        (db.sql().prepare << "SELECT r.assessment_uuid, r.criterion, r.level, r.second_level FROM observed_ratings r "
                             "JOIN observed_assessments x ON x.uuid = r.assessment_uuid WHERE x.cohort_uuid = :c",
         soci::use(cohort_uuid));
    for (const auto& r : ratings) {
        const auto at = observation_at.find(text(r, 0));
        if (at == observation_at.end()) continue;
        people[at->second.first].observations[at->second.second].ratings.push_back(rating_from(r, 1));
    }
    soci::rowset<soci::row> attested =
        (db.sql().prepare << "SELECT a.participant_uuid, a.kind, a.is_signed, a.signed_on FROM attestations a JOIN "
                             "enrolments e ON e.participant_uuid = a.participant_uuid WHERE e.cohort_uuid = :c "
                             "ORDER BY a.signed_on, a.created_at",
         soci::use(cohort_uuid));
    for (const auto& r : attested) {
        const std::string person = text(r, 0);
        if (auto kind = parse_attestation_kind(text(r, 1)); kind && people.count(person))
            people[person].attestations.push_back(
                Attestation{ref_of(person), *kind, integer(r, 2) != 0, date(r, 3).value_or(Date{})});
    }
    soci::rowset<soci::row> referees =
        (db.sql().prepare << "SELECT q.participant_uuid, q.referee, q.received_on FROM referee_questionnaires q JOIN "
                             "enrolments e ON e.participant_uuid = q.participant_uuid WHERE e.cohort_uuid = :c",
         soci::use(cohort_uuid));
    for (const auto& r : referees)
        if (people.count(text(r, 0)))
            people[text(r, 0)].referees.push_back({ref_of(text(r, 0)), text(r, 1), date(r, 2).value_or(Date{})});
    soci::rowset<soci::row> extensions =
        (db.sql().prepare << "SELECT participant_uuid, new_deadline, reason, created_by, created_at FROM "
                             "deadline_extensions WHERE cohort_uuid = :c",
         soci::use(cohort_uuid));
    for (const auto& r : extensions)
        if (people.count(text(r, 0)))
            people[text(r, 0)].extensions.push_back(
                {ref_of(text(r, 0)), "", date(r, 1).value_or(Date{}), text(r, 2), text(r, 3), text(r, 4)});
}

SignedRecords read_signed_records(Database& db, const std::string& ref) {
    SignedRecords out;
    db.read([&] {
        out = {};
        soci::rowset<soci::row> attested =
            (db.sql().prepare << "SELECT a.kind, a.is_signed, a.signed_on FROM attestations a JOIN participants p ON "
                                 "p.uuid = a.participant_uuid WHERE p.ref = :r ORDER BY a.signed_on, a.created_at",
             soci::use(ref));
        for (const auto& r : attested)
            if (auto kind = parse_attestation_kind(text(r, 0)))
                out.attestations.push_back(Attestation{ref, *kind, integer(r, 1) != 0, date(r, 2).value_or(Date{})});
        soci::rowset<soci::row> referees =
            (db.sql().prepare << "SELECT q.referee, q.received_on FROM referee_questionnaires q JOIN participants p ON "
                                 "p.uuid = q.participant_uuid WHERE p.ref = :r ORDER BY q.received_on, q.created_at",
             soci::use(ref));
        for (const auto& r : referees) out.referees.push_back({ref, text(r, 0), date(r, 1).value_or(Date{})});
    });
    return out;
}

}  // namespace mitra::store
