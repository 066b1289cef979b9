// Attendance marks, the other records completion needs, the audit history, and completion itself.
#include <soci/soci.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>

#include "core/audit.hpp"
#include "core/identity.hpp"
#include "store/programme_snapshot.hpp"
#include "store/practice_repo.hpp"
#include "store/repos.hpp"
#include "store/person_view.hpp"
#include "store/rows.hpp"

namespace mitra::store {
namespace {

struct CohortKey {
    std::string uuid, curriculum_code;
};

CohortKey cohort_key(Database& db, const std::string& code) {
    CohortKey key;
    soci::indicator ind = soci::i_null;
    db.sql() << "SELECT c.uuid, cu.code FROM cohorts c JOIN curricula cu ON cu.uuid = c.curriculum_uuid "
                "WHERE c.code = :c",
        soci::into(key.uuid), soci::into(key.curriculum_code, ind), soci::use(code);
    if (!db.sql().got_data()) refuse("cohort", ProblemCode::no_cohort, {code});
    return key;
}

std::string participant_uuid(Database& db, const std::string& ref) {
    std::string uuid;
    db.sql() << "SELECT uuid FROM participants WHERE ref = :r", soci::into(uuid), soci::use(ref);
    if (!db.sql().got_data()) refuse("ref", ProblemCode::no_participant, {ref});
    return uuid;
}

// Enrolled in this cohort, or in another cohort of the same curriculum (a make-up).
bool may_attend(Database& db, const std::string& person, const std::string& curriculum_code) {
    int n = 0;
    db.sql() << "SELECT COUNT(*) FROM enrolments e JOIN cohorts c ON c.uuid = e.cohort_uuid JOIN curricula cu ON "
                "cu.uuid = c.curriculum_uuid WHERE e.participant_uuid = :p AND cu.code = :code",
        soci::into(n), soci::use(person), soci::use(curriculum_code);
    return n > 0;
}

std::string describe(const Attendance& a) {
    std::string out = to_string(a.status);
    if (a.minutes) out += ":" + std::to_string(*a.minutes);
    if (!a.note.empty()) out += " (" + a.note + ")";
    return out;
}

Module check_module(Database& db, const std::string& cohort_code, const std::string& module_code) {
    const auto cohort = CohortRepo(db).find(cohort_code);
    if (!cohort) refuse("cohort", ProblemCode::no_cohort, {cohort_code});
    const auto curriculum = CohortRepo(db).curriculum_of(*cohort);
    const Module* module = curriculum.module(module_code);
    if (!module) refuse("module", ProblemCode::no_module, {curriculum.code, module_code});
    return *module;
}

// Records about a person belong to someone enrolled in the cohort, or (a make-up) in another of its curriculum.
void check_may_attend(Database& db, const std::string& person, const std::string& ref, const std::string& cohort_code,
                      const std::string& curriculum_code) {
    if (!may_attend(db, person, curriculum_code))
        refuse("ref", ProblemCode::not_enrolled_in_curriculum, {ref, cohort_code, curriculum_code});
}

// A mark at a session, from `kMarkColumns` starting at column `at`.
const char* const kMarkColumns = "a.status, a.minutes, s.id, s.uuid, s.module_code, s.session_date, s.minutes, c2.code";
AttendedSession attended_from(const soci::row& r, std::size_t at) {
    AttendedSession a;
    a.mark.status = parse_attendance_status(text(r, at)).value_or(AttendanceStatus::absent);
    if (r.get_indicator(at + 1) != soci::i_null) a.mark.minutes = static_cast<int>(integer(r, at + 1));
    a.session.id = integer(r, at + 2);
    a.session.uuid = text(r, at + 3);
    a.session.module_code = text(r, at + 4);
    a.session.date = date(r, at + 5).value_or(Date{});
    a.session.minutes = static_cast<int>(integer(r, at + 6));
    a.session.cohort_code = text(r, at + 7);
    a.mark.session_id = a.session.id;
    return a;
}

// A record completion needs, from a row of kind ('a' assessment, 'p' supervised practice, 'e' ethics, 'o'
// override), a key, then module or code version, passed or complete, minutes, two dates, who, reason.
void add_record(ParticipantRecord& person, const soci::row& r) {
    const std::string kind = text(r, 0);
    if (kind == "a")
        person.assessments.push_back(
            AssessmentResult{"", text(r, 2), integer(r, 3) != 0, date(r, 5).value_or(Date{}), text(r, 7)});
    else if (kind == "p")
        person.practicum.push_back(PracticumLog{"", text(r, 2), static_cast<int>(integer(r, 4)), text(r, 7),
                                                date(r, 5).value_or(Date{}), date(r, 6)});
    else if (kind == "e") person.ethics.push_back(EthicsAcknowledgement{"", text(r, 2), date(r, 5).value_or(Date{})});
    else
        person.overrides.push_back(
            CompletionOverride{"", text(r, 2), integer(r, 3) != 0, text(r, 8), text(r, 7), text(r, 6)});
}

}  // namespace

void record_audit(Database& db, const std::string& entity, const std::string& entity_uuid, const std::string& action,
                  const std::optional<std::string>& old_value, const std::optional<std::string>& new_value,
                  const AuditAbout& about) {
    // A kind core does not list would have no words in the history: add it to core/audit.hpp's kAuditKinds.
    if (!is_audit_kind(entity, action))
        throw std::logic_error("audit kind not in kAuditKinds: " + entity + " " + action);
    const std::string now = utc_timestamp_now(), uuid = new_uuid();
    const std::string old_text = old_value.value_or(""), new_text = new_value.value_or("");
    soci::indicator old_ind = old_value ? soci::i_ok : soci::i_null;
    soci::indicator new_ind = new_value ? soci::i_ok : soci::i_null;
    soci::indicator person_ind = about.participant_uuid.empty() ? soci::i_null : soci::i_ok;
    soci::indicator session_ind = about.session_uuid.empty() ? soci::i_null : soci::i_ok;
    db.sql() << "INSERT INTO audit_log (uuid, at, actor, entity, entity_uuid, action, old_value, new_value, "
                "participant_uuid, session_uuid) VALUES (:id, :at, :by, :e, :u, :a, :o, :n, :p, :s)",
        soci::use(uuid), soci::use(now), soci::use(db.actor()), soci::use(entity), soci::use(entity_uuid),
        soci::use(action), soci::use(old_text, old_ind), soci::use(new_text, new_ind),
        soci::use(about.participant_uuid, person_ind), soci::use(about.session_uuid, session_ind);
}

MarkCounts AttendanceRepo::mark(const std::string& cohort_code, const std::vector<LocatedMark>& marks,
                                const std::string& file) {
    MarkCounts counts;
    db_.write([&] {
        counts = {};
        const auto cohort = cohort_key(db_, cohort_code);
        std::map<long long, Session> sessions;
        for (auto& s : SessionRepo(db_).list(cohort_code)) sessions[s.id] = s;

        Problems problems;
        auto problem = [&](int line, const std::string& field, ProblemCode code, std::vector<std::string> values) {
            Problem p = coded(field, code, std::move(values));
            p.file = file;
            p.line = line;
            problems.push_back(std::move(p));
        };
        std::map<std::string, std::string> people;  // ref -> uuid
        std::set<std::pair<long long, std::string>> seen;
        for (const auto& [a, line] : marks) {
            auto session = sessions.find(a.session_id);
            if (session == sessions.end()) {
                problem(line, "session", ProblemCode::session_not_in_cohort,
                        {std::to_string(a.session_id), cohort_code});
                continue;
            }
            if (!seen.insert({a.session_id, a.participant_ref}).second) {
                problem(line, "ref", ProblemCode::marked_twice_in_batch,
                        {a.participant_ref, std::to_string(a.session_id)});
                continue;
            }
            if (!people.count(a.participant_ref)) {
                std::string uuid;
                db_.sql() << "SELECT uuid FROM participants WHERE ref = :r", soci::into(uuid),
                    soci::use(a.participant_ref);
                if (!db_.sql().got_data()) {
                    problem(line, "ref", ProblemCode::no_participant, {a.participant_ref});
                    continue;
                }
                if (!may_attend(db_, uuid, cohort.curriculum_code)) {
                    problem(line, "ref", ProblemCode::not_enrolled_in_curriculum,
                            {a.participant_ref, cohort_code, cohort.curriculum_code});
                    continue;
                }
                people[a.participant_ref] = uuid;
            }
            const bool partial = a.status == AttendanceStatus::late || a.status == AttendanceStatus::left_early;
            if (partial && !a.minutes)
                problem(line, "minutes", ProblemCode::attended_minutes_needed, {to_string(a.status)});
            else if (a.minutes && (*a.minutes < 0 || *a.minutes > session->second.minutes))
                problem(line, "minutes", ProblemCode::minutes_over_session,
                        {std::to_string(*a.minutes), std::to_string(session->second.minutes)});
            else if (!partial && a.minutes) problem(line, "minutes", ProblemCode::minutes_only_when_partial, {});
        }
        if (!problems.empty()) throw InputError{problems};

        const std::string now = utc_timestamp_now();
        for (const auto& [a, line] : marks) {
            const auto& session = sessions[a.session_id];
            const std::string& person = people[a.participant_ref];
            const std::string status = to_string(a.status);
            const int minutes = a.minutes.value_or(0);
            soci::indicator minutes_ind = a.minutes ? soci::i_ok : soci::i_null;
            soci::rowset<soci::row> rows =
                (db_.sql().prepare << "SELECT uuid, status, minutes, note FROM attendance WHERE session_uuid = :s AND "
                                      "participant_uuid = :p",
                 soci::use(session.uuid), soci::use(person));
            std::optional<Attendance> old;
            std::string uuid;
            for (const auto& r : rows) {
                uuid = text(r, 0);
                Attendance o;
                o.status = parse_attendance_status(text(r, 1)).value_or(AttendanceStatus::absent);
                if (r.get_indicator(2) != soci::i_null) o.minutes = static_cast<int>(integer(r, 2));
                o.note = text(r, 3);
                old = o;
            }
            if (old && old->status == a.status && old->minutes == a.minutes && old->note == a.note) {
                ++counts.unchanged;
                continue;
            }
            if (old) {
                db_.sql() << "UPDATE attendance SET status = :st, minutes = :m, note = :n, updated_at = :at, "
                             "updated_by = :by WHERE uuid = :u",
                    soci::use(status), soci::use(minutes, minutes_ind), soci::use(a.note), soci::use(now),
                    soci::use(db_.actor()), soci::use(uuid);
                ++counts.changed;
            } else {
                uuid = new_uuid();
                db_.sql() << "INSERT INTO attendance (uuid, session_uuid, participant_uuid, status, minutes, note, "
                             "created_at, created_by, updated_at, updated_by) VALUES (:u, :s, :p, :st, :m, :n, :at, "
                             ":by, :at2, :by2)",
                    soci::use(uuid), soci::use(session.uuid), soci::use(person), soci::use(status),
                    soci::use(minutes, minutes_ind), soci::use(a.note), soci::use(now), soci::use(db_.actor()),
                    soci::use(now), soci::use(db_.actor());
                ++counts.created;
            }
            record_audit(db_, "attendance", uuid, old ? "change" : "mark",
                         old ? std::optional<std::string>(describe(*old)) : std::nullopt, describe(a),
                         AuditAbout{person, session.uuid});
        }
    });
    return counts;
}

std::vector<Attendance> AttendanceRepo::for_session(long long id) {
    std::vector<Attendance> out;
    soci::rowset<soci::row> rows =
        (db_.sql().prepare << "SELECT p.ref, a.status, a.minutes, a.note FROM attendance a JOIN sessions s ON s.uuid = "
                              "a.session_uuid JOIN participants p ON p.uuid = a.participant_uuid WHERE s.id = :id "
                              "ORDER BY p.ref",
         soci::use(id));
    for (const auto& r : rows) {
        Attendance a;
        a.session_id = id;
        a.participant_ref = text(r, 0);
        a.status = parse_attendance_status(text(r, 1)).value_or(AttendanceStatus::absent);
        if (r.get_indicator(2) != soci::i_null) a.minutes = static_cast<int>(integer(r, 2));
        a.note = text(r, 3);
        out.push_back(std::move(a));
    }
    return out;
}

void RecordsRepo::record_assessment(const std::string& cohort_code, const AssessmentResult& result) {
    db_.write([&] {
        const Module module = check_module(db_, cohort_code, result.module_code);
        if (!module.has_assessment) refuse("module", ProblemCode::no_assessment, {module.code});
        const auto cohort = cohort_key(db_, cohort_code);
        const std::string person = participant_uuid(db_, result.participant_ref);
        check_may_attend(db_, person, result.participant_ref, cohort_code, cohort.curriculum_code);
        const std::string uuid = new_uuid(), now = utc_timestamp_now(), on = to_string(result.assessed_on);
        const int passed = result.passed;
        db_.sql() << "INSERT INTO assessments (uuid, participant_uuid, curriculum_code, module_code, passed, "
                     "assessed_on, assessor, created_at, created_by, updated_at, updated_by) VALUES (:u, :p, :c, :m, "
                     ":ok, :on, :as, :at, :by, :at2, :by2)",
            soci::use(uuid), soci::use(person), soci::use(cohort.curriculum_code), soci::use(result.module_code),
            soci::use(passed), soci::use(on), soci::use(result.assessor), soci::use(now), soci::use(db_.actor()),
            soci::use(now), soci::use(db_.actor());
        record_audit(db_, "assessment", uuid, "record", std::nullopt,
                     result.module_code + (result.passed ? " passed " : " not passed ") + on);
    });
}

void RecordsRepo::log_practicum(const std::string& cohort_code, const PracticumLog& log) {
    db_.write([&] {
        const Module module = check_module(db_, cohort_code, log.module_code);
        if (module.supervised_minutes <= 0) refuse("module", ProblemCode::no_supervised_practice, {module.code});
        const auto cohort = cohort_key(db_, cohort_code);
        const std::string person = participant_uuid(db_, log.participant_ref);
        check_may_attend(db_, person, log.participant_ref, cohort_code, cohort.curriculum_code);
        if (log.minutes <= 0) refuse("minutes", ProblemCode::practice_needs_minutes);
        if (log.supervisor.empty()) refuse("supervisor", ProblemCode::practice_needs_supervisor);
        const std::string uuid = new_uuid(), now = utc_timestamp_now(), on = to_string(log.practised_on);
        const std::string signed_off = log.signed_off_on ? to_string(*log.signed_off_on) : "";
        soci::indicator signed_ind = log.signed_off_on ? soci::i_ok : soci::i_null;
        db_.sql() << "INSERT INTO practicum_logs (uuid, participant_uuid, curriculum_code, module_code, minutes, "
                     "supervisor, practised_on, signed_off_on, created_at, created_by, updated_at, updated_by) VALUES "
                     "(:u, :p, :c, :m, :min, :sup, :on, :so, :at, :by, :at2, :by2)",
            soci::use(uuid), soci::use(person), soci::use(cohort.curriculum_code), soci::use(log.module_code),
            soci::use(log.minutes), soci::use(log.supervisor), soci::use(on), soci::use(signed_off, signed_ind),
            soci::use(now), soci::use(db_.actor()), soci::use(now), soci::use(db_.actor());
        record_audit(db_, "practicum", uuid, "log", std::nullopt,
                     std::to_string(log.minutes) + " minutes on " + on + (log.signed_off_on ? ", signed off" : ""));
    });
}

void RecordsRepo::acknowledge_ethics(const EthicsAcknowledgement& ack) {
    db_.write([&] {
        const std::string person = participant_uuid(db_, ack.participant_ref);
        int exists = 0;
        db_.sql() << "SELECT COUNT(*) FROM ethics_acknowledgements WHERE participant_uuid = :p AND code_version = :v",
            soci::into(exists), soci::use(person), soci::use(ack.code_version);
        if (exists) return;
        const std::string uuid = new_uuid(), now = utc_timestamp_now(), on = to_string(ack.acknowledged_on);
        db_.sql() << "INSERT INTO ethics_acknowledgements (uuid, participant_uuid, code_version, acknowledged_on, "
                     "created_at, created_by, updated_at, updated_by) VALUES (:u, :p, :v, :on, :at, :by, :at2, :by2)",
            soci::use(uuid), soci::use(person), soci::use(ack.code_version), soci::use(on), soci::use(now),
            soci::use(db_.actor()), soci::use(now), soci::use(db_.actor());
        record_audit(db_, "ethics", uuid, "acknowledge", std::nullopt, ack.code_version + " on " + on);
    });
}

void RecordsRepo::override_completion(const std::string& cohort_code, const CompletionOverride& decision) {
    db_.write([&] {
        check_module(db_, cohort_code, decision.module_code);
        if (trim(decision.reason).empty()) refuse("reason", ProblemCode::override_needs_reason);
        const auto cohort = cohort_key(db_, cohort_code);
        const std::string person = participant_uuid(db_, decision.participant_ref);
        int enrolled = 0;
        db_.sql() << "SELECT COUNT(*) FROM enrolments WHERE cohort_uuid = :c AND participant_uuid = :p",
            soci::into(enrolled), soci::use(cohort.uuid), soci::use(person);
        if (!enrolled) refuse("ref", ProblemCode::not_enrolled, {decision.participant_ref, cohort_code});
        const std::string now = utc_timestamp_now();
        const int complete = decision.complete;
        const std::string value = std::string(decision.complete ? "complete" : "not complete") + ": " + decision.reason;
        std::string uuid, old_reason;
        int old_complete = 0;
        db_.sql() << "SELECT uuid, complete, reason FROM completion_overrides WHERE participant_uuid = :p AND "
                     "cohort_uuid = :c AND module_code = :m",
            soci::into(uuid), soci::into(old_complete), soci::into(old_reason), soci::use(person),
            soci::use(cohort.uuid), soci::use(decision.module_code);
        if (db_.sql().got_data()) {
            db_.sql() << "UPDATE completion_overrides SET complete = :ok, reason = :r, updated_at = :at, updated_by = "
                         ":by WHERE uuid = :u",
                soci::use(complete), soci::use(decision.reason), soci::use(now), soci::use(db_.actor()),
                soci::use(uuid);
            record_audit(db_, "override", uuid, "change",
                         std::string(old_complete ? "complete" : "not complete") + ": " + old_reason, value);
        } else {
            uuid = new_uuid();
            db_.sql()
                << "INSERT INTO completion_overrides (uuid, participant_uuid, cohort_uuid, module_code, complete, "
                   "reason, created_at, created_by, updated_at, updated_by) VALUES (:u, :p, :c, :m, :ok, :r, "
                   ":at, :by, :at2, :by2)",
                soci::use(uuid), soci::use(person), soci::use(cohort.uuid), soci::use(decision.module_code),
                soci::use(complete), soci::use(decision.reason), soci::use(now), soci::use(db_.actor()), soci::use(now),
                soci::use(db_.actor());
            record_audit(db_, "override", uuid, "set", std::nullopt, value);
        }
    });
}

std::vector<ParticipantCompletion> cohort_completion(Database& db, const std::string& cohort_code, const Date& today,
                                                     const std::string& language) {
    // Few round trips (a hub is across a network): the cohort, its curriculum (two), sessions, people, marks,
    // and the other records in one query.
    std::vector<ParticipantCompletion> out;
    db.read([&] {
        out.clear();
        std::string cohort_uuid, curriculum_uuid, start;
        db.sql() << "SELECT uuid, curriculum_uuid, start_date FROM cohorts WHERE code = :c", soci::into(cohort_uuid),
            soci::into(curriculum_uuid), soci::into(start), soci::use(cohort_code);
        if (!db.sql().got_data()) refuse("cohort", ProblemCode::no_cohort, {cohort_code});
        const Date start_date = parse_date(start).value_or(Date{});
        const auto found = completion_curriculum(db, curriculum_uuid);
        if (!found) throw DatabaseError("cohort " + cohort_code + " names a curriculum that is not in the database");
        const Curriculum& curriculum = *found;
        const auto sessions = SessionRepo(db).list(cohort_code);

        std::map<std::string, ParticipantRecord> people;  // by participant uuid
        std::vector<std::string> order;
        soci::rowset<soci::row> enrolled =
            (db.sql().prepare
                 << "SELECT p.uuid, p.ref, e.enrolled_on FROM enrolments e JOIN participants p ON p.uuid = "
                    "e.participant_uuid WHERE e.cohort_uuid = :c ORDER BY p.ref",
             soci::use(cohort_uuid));
        for (const auto& r : enrolled) {
            auto& rec = people[text(r, 0)];
            rec.ref = text(r, 1);
            rec.enrolled_on = date(r, 2).value_or(start_date);
            order.push_back(text(r, 0));
        }

        soci::rowset<soci::row> marks =
            (db.sql().prepare
                 << "SELECT e.participant_uuid, " << kMarkColumns
                 << " FROM enrolments e "
                    "JOIN attendance a ON a.participant_uuid = e.participant_uuid "
                    "JOIN sessions s ON s.uuid = a.session_uuid JOIN cohorts c2 ON c2.uuid = s.cohort_uuid "
                    "JOIN curricula cu ON cu.uuid = c2.curriculum_uuid "
                    "WHERE e.cohort_uuid = :c AND cu.code = :code",
             soci::use(cohort_uuid), soci::use(curriculum.code));
        for (const auto& r : marks) people[text(r, 0)].marks.push_back(attended_from(r, 1));

        // Assessments (a), supervised practice (p), ethics (e) and overrides (o) of the cohort's people, in one
        // query: kind, person, module or code version, passed or complete, minutes, two dates, who, reason.
        soci::rowset<soci::row> records =
            (db.sql().prepare
                 << "SELECT 'a', x.participant_uuid, x.module_code, x.passed, CAST(NULL AS INTEGER), x.assessed_on, "
                    "CAST(NULL AS TEXT), x.assessor, CAST(NULL AS TEXT) FROM assessments x JOIN enrolments e ON "
                    "e.participant_uuid = x.participant_uuid WHERE e.cohort_uuid = :c1 AND x.curriculum_code = :k1 "
                    "UNION ALL SELECT 'p', x.participant_uuid, x.module_code, CAST(NULL AS INTEGER), x.minutes, "
                    "x.practised_on, x.signed_off_on, x.supervisor, CAST(NULL AS TEXT) FROM practicum_logs x JOIN "
                    "enrolments e ON e.participant_uuid = x.participant_uuid WHERE e.cohort_uuid = :c2 AND "
                    "x.curriculum_code = :k2 "
                    "UNION ALL SELECT 'e', x.participant_uuid, x.code_version, CAST(NULL AS INTEGER), "
                    "CAST(NULL AS INTEGER), x.acknowledged_on, CAST(NULL AS TEXT), CAST(NULL AS TEXT), "
                    "CAST(NULL AS TEXT) FROM ethics_acknowledgements x JOIN enrolments e ON e.participant_uuid = "
                    "x.participant_uuid WHERE e.cohort_uuid = :c3 "
                    "UNION ALL SELECT 'o', participant_uuid, module_code, complete, CAST(NULL AS INTEGER), "
                    "CAST(NULL AS TEXT), updated_at, updated_by, reason FROM completion_overrides WHERE cohort_uuid "
                    "= :c4",
             soci::use(cohort_uuid), soci::use(curriculum.code), soci::use(cohort_uuid), soci::use(curriculum.code),
             soci::use(cohort_uuid), soci::use(cohort_uuid));
        for (const auto& r : records) add_record(people[text(r, 1)], r);
        read_practice_records(db, cohort_uuid, people);
        const auto supervisors = read_supervisors(db);

        CompletionContext context{curriculum, sessions, today, language};
        context.supervisors = &supervisors;
        for (const auto& uuid : order) out.push_back(assess_completion(context, people[uuid]));
    });
    return out;
}

namespace {

std::map<std::string, ParticipantCompletion> judge_participant(Database& db, const std::string& ref, const Date& today,
                                                               const std::string& language, bool person_view) {
    // The same records as cohort_completion reads for a cohort, read for one person across all their cohorts.
    std::map<std::string, ParticipantCompletion> out;
    db.read([&] {
        out.clear();
        const std::string person = participant_uuid(db, ref);
        struct Enrolled {
            std::string code, uuid, curriculum_uuid;
            Date enrolled_on;
        };
        std::vector<Enrolled> cohorts;
        soci::rowset<soci::row> enrolled =
            (db.sql().prepare
                 << "SELECT c.code, c.uuid, c.curriculum_uuid, c.start_date, e.enrolled_on FROM enrolments "
                    "e JOIN cohorts c ON c.uuid = e.cohort_uuid WHERE e.participant_uuid = :p",
             soci::use(person));
        std::map<std::string, std::optional<Curriculum>> curricula;  // by uuid
        for (const auto& r : enrolled) {
            const Date start = date(r, 3).value_or(Date{});
            cohorts.push_back({text(r, 0), text(r, 1), text(r, 2), date(r, 4).value_or(start)});
            curricula[text(r, 2)];
        }
        for (auto& [uuid, curriculum] : curricula) curriculum = completion_curriculum(db, uuid);
        const auto sessions = SessionRepo(db).list_for_participant(person);

        // Marks at any session, with the code of the session's curriculum: a cohort counts those of its own.
        std::vector<std::pair<std::string, AttendedSession>> marks;  // curriculum code, mark
        soci::rowset<soci::row> marked =
            (db.sql().prepare << "SELECT cu.code, " << kMarkColumns
                              << " FROM attendance a JOIN sessions s ON "
                                 "s.uuid = a.session_uuid "
                                 "JOIN cohorts c2 ON c2.uuid = s.cohort_uuid JOIN curricula cu ON cu.uuid = "
                                 "c2.curriculum_uuid WHERE a.participant_uuid = :p",
             soci::use(person));
        for (const auto& r : marked) marks.emplace_back(text(r, 0), attended_from(r, 1));

        // Assessments (a) and supervised practice (p) with their curriculum's code, ethics (e), and overrides (o)
        // with their cohort's uuid: kind, curriculum or cohort, module or code version, passed or complete,
        // minutes, two dates, who, reason.
        ParticipantRecord all;
        std::vector<std::string> assessed_in, practised_in, overridden_in;
        soci::rowset<soci::row> records =
            (db.sql().prepare
                 << "SELECT 'a', curriculum_code, module_code, passed, CAST(NULL AS INTEGER), assessed_on, "
                    "CAST(NULL AS TEXT), assessor, CAST(NULL AS TEXT) FROM assessments WHERE participant_uuid = :p1 "
                    "UNION ALL SELECT 'p', curriculum_code, module_code, CAST(NULL AS INTEGER), minutes, practised_on, "
                    "signed_off_on, supervisor, CAST(NULL AS TEXT) FROM practicum_logs WHERE participant_uuid = :p2 "
                    "UNION ALL SELECT 'e', CAST(NULL AS TEXT), code_version, CAST(NULL AS INTEGER), CAST(NULL AS "
                    "INTEGER), acknowledged_on, CAST(NULL AS TEXT), CAST(NULL AS TEXT), CAST(NULL AS TEXT) FROM "
                    "ethics_acknowledgements WHERE participant_uuid = :p3 "
                    "UNION ALL SELECT 'o', cohort_uuid, module_code, complete, CAST(NULL AS INTEGER), CAST(NULL AS "
                    "TEXT), updated_at, updated_by, reason FROM completion_overrides WHERE participant_uuid = :p4",
             soci::use(person), soci::use(person), soci::use(person), soci::use(person));
        for (const auto& r : records) {
            add_record(all, r);
            const std::string kind = text(r, 0);
            if (kind == "a") assessed_in.push_back(text(r, 1));
            else if (kind == "p") practised_in.push_back(text(r, 1));
            else if (kind == "o") overridden_in.push_back(text(r, 1));
        }

        static const std::vector<Session> none;
        const auto supervisors = read_supervisors(db);
        for (const auto& cohort : cohorts) {
            const auto& curriculum = curricula[cohort.curriculum_uuid];
            if (!curriculum) continue;
            ParticipantRecord record;
            record.ref = ref;
            record.enrolled_on = cohort.enrolled_on;
            for (const auto& [code, mark] : marks)
                if (code == curriculum->code) record.marks.push_back(mark);
            for (std::size_t i = 0; i < all.assessments.size(); ++i)
                if (assessed_in[i] == curriculum->code) record.assessments.push_back(all.assessments[i]);
            for (std::size_t i = 0; i < all.practicum.size(); ++i)
                if (practised_in[i] == curriculum->code) record.practicum.push_back(all.practicum[i]);
            record.ethics = all.ethics;
            for (std::size_t i = 0; i < all.overrides.size(); ++i)
                if (overridden_in[i] == cohort.uuid) record.overrides.push_back(all.overrides[i]);
            std::map<std::string, ParticipantRecord> one{{person, std::move(record)}};
            read_practice_records(db, cohort.uuid, one);
            const auto held = sessions.find(cohort.code);
            CompletionContext context{*curriculum, held == sessions.end() ? none : held->second, today, language};
            context.supervisors = &supervisors;
            context.person_view = person_view;
            out.emplace(cohort.code, assess_completion(context, one[person]));
        }
    });
    return out;
}

}  // namespace

std::map<std::string, ParticipantCompletion> participant_completion(Database& db, const std::string& ref,
                                                                    const Date& today, const std::string& language) {
    return judge_participant(db, ref, today, language, false);
}

std::map<std::string, ParticipantCompletion> participant_completion_as_seen(Database& db, const std::string& ref,
                                                                            const Date& today,
                                                                            const std::string& language) {
    return judge_participant(db, ref, today, language, true);
}

std::vector<CohortCompletionCount> regional_completion(Database& db, const Date& today) {
    const auto programme = ProgrammeSnapshot::read(db);
    // Judging is the same rule for each cohort on data nobody changes any more, so the cohorts are shared out
    // between the processor's cores, each with its own scratch record.
    std::vector<std::optional<CohortCompletionCount>> counts(programme.cohorts.size());
    in_parallel(programme.cohorts.size(), [&](std::size_t from, std::size_t to) {
        ParticipantRecord record;
        for (std::size_t c = from; c < to; ++c) {
            const auto& cohort = programme.cohorts[c];
            if (!programme.curricula.count(cohort.curriculum_uuid)) continue;
            CohortCompletionCount count{cohort.code, cohort.curriculum_code, cohort.country, 0, 0, 0};
            for (const auto& result : programme.judge(c, today, record)) {
                ++count.enrolled;
                count.complete += result.complete;
                count.on_track += result.on_track;
            }
            counts[c] = std::move(count);
        }
    });
    std::vector<CohortCompletionCount> out;
    for (auto& count : counts)
        if (count) out.push_back(std::move(*count));
    return out;
}

}  // namespace mitra::store
