// Attendance marks, the other records completion needs, the audit history, and completion itself.
#include <soci/soci.h>

#include <algorithm>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <unordered_map>

#include "core/identity.hpp"
#include "store/repos.hpp"
#include "store/rows.hpp"
#include "store/scan.hpp"

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
    if (!db.sql().got_data()) refuse("cohort", "no cohort has code " + code);
    return key;
}

std::string participant_uuid(Database& db, const std::string& ref) {
    std::string uuid;
    db.sql() << "SELECT uuid FROM participants WHERE ref = :r", soci::into(uuid), soci::use(ref);
    if (!db.sql().got_data()) refuse("ref", "no participant has ref " + ref);
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
    if (!cohort) refuse("cohort", "no cohort has code " + cohort_code);
    const auto curriculum = CohortRepo(db).curriculum_of(*cohort);
    const Module* module = curriculum.module(module_code);
    if (!module) refuse("module", "curriculum " + curriculum.code + " has no module " + module_code);
    return *module;
}

// Records about a person belong to someone enrolled in the cohort, or (a make-up) in another of its curriculum.
void check_may_attend(Database& db, const std::string& person, const std::string& ref, const std::string& cohort_code,
                      const std::string& curriculum_code) {
    if (!may_attend(db, person, curriculum_code))
        refuse("ref", ref + " is not enrolled in cohort " + cohort_code + " nor in another cohort of curriculum " +
                          curriculum_code);
}

// What completion reads of a curriculum (its rules and module titles), in two queries: CurriculumRepo::find
// reads everything, a query per module, which a cohort's completion on a hub cannot wait for.
std::optional<Curriculum> completion_curriculum(Database& db, const std::string& uuid) {
    std::optional<Curriculum> found;
    std::vector<std::string> module_uuids;
    soci::rowset<soci::row> rows =
        (db.sql().prepare << "SELECT cu.code, cu.version, cu.electives_required, cu.ethics_code, m.uuid, m.code, "
                             "m.kind, m.required, m.minutes, m.sessions, m.attendance_share, m.has_assessment, "
                             "m.supervised_minutes FROM curricula cu LEFT JOIN modules m ON m.curriculum_uuid = cu.uuid "
                             "WHERE cu.uuid = :u ORDER BY m.position",
         soci::use(uuid));
    for (const auto& r : rows) {
        if (!found) {
            found = Curriculum{};
            found->uuid = uuid;
            found->code = text(r, 0);
            found->version = text(r, 1);
            found->electives_required = static_cast<int>(integer(r, 2));
            found->ethics_code = text(r, 3);
        }
        if (r.get_indicator(4) == soci::i_null) continue;  // no modules
        module_uuids.push_back(text(r, 4));
        found->modules.push_back(module_from(r, 5));
    }
    if (!found) return found;
    soci::rowset<soci::row> titles =
        (db.sql().prepare << "SELECT t.owner_uuid, t.language, t.body FROM modules m JOIN texts t ON t.owner_uuid = "
                             "m.uuid AND t.field = 'title' WHERE m.curriculum_uuid = :u",
         soci::use(uuid));
    for (const auto& r : titles) {
        const auto at = std::find(module_uuids.begin(), module_uuids.end(), text(r, 0)) - module_uuids.begin();
        if (at < static_cast<long>(found->modules.size()))
            found->modules[static_cast<std::size_t>(at)].title.by_language[text(r, 1)] = text(r, 2);
    }
    return found;
}

// A map by uuid that is looked up with the text a scan hands over, without copying it into a string first.
struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};
template <typename Value>
using UuidMap = std::unordered_map<std::string, Value, TextHash, std::equal_to<>>;

// Runs work(from, to) over 0..n split into one even share per core (up to four), and waits for all of them.
// An exception in any share comes out here, after every share has stopped.
void in_parallel(std::size_t n, const std::function<void(std::size_t, std::size_t)>& work) {
    const std::size_t shares = std::min<std::size_t>(std::clamp(std::thread::hardware_concurrency(), 1u, 4u), n);
    if (shares <= 1) {
        work(0, n);
        return;
    }
    std::vector<std::exception_ptr> errors(shares);
    std::vector<std::thread> threads;
    for (std::size_t i = 1; i < shares; ++i)
        threads.emplace_back([&, i] {
            try {
                work(n * i / shares, n * (i + 1) / shares);
            } catch (...) {
                errors[i] = std::current_exception();
            }
        });
    try {
        work(0, n / shares);
    } catch (...) {
        errors[0] = std::current_exception();
    }
    for (auto& t : threads) t.join();
    for (const auto& e : errors)
        if (e) std::rethrow_exception(e);
}

// Batches handed from one thread to another in order, at most a few waiting, so memory stays small.
template <typename Batch>
class Relay {
public:
    // Waits while the queue is full; false when the taker has stopped.
    bool give(std::unique_ptr<Batch> batch) {
        std::unique_lock lock(mutex_);
        room_.wait(lock, [&] { return closed_ || waiting_.size() < 4; });
        if (closed_) return false;
        waiting_.push_back(std::move(batch));
        ready_.notify_one();
        return true;
    }
    // The next batch; null once closed and emptied.
    std::unique_ptr<Batch> take() {
        std::unique_lock lock(mutex_);
        ready_.wait(lock, [&] { return closed_ || !waiting_.empty(); });
        if (waiting_.empty()) return nullptr;
        auto batch = std::move(waiting_.front());
        waiting_.pop_front();
        room_.notify_one();
        return batch;
    }
    void close() {
        std::lock_guard lock(mutex_);
        closed_ = true;
        ready_.notify_all();
        room_.notify_all();
    }

private:
    std::mutex mutex_;
    std::condition_variable ready_, room_;
    std::deque<std::unique_ptr<Batch>> waiting_;
    bool closed_ = false;
};

}  // namespace

void record_audit(Database& db, const std::string& entity, const std::string& entity_uuid, const std::string& action,
                  const std::optional<std::string>& old_value, const std::optional<std::string>& new_value) {
    const std::string now = utc_timestamp_now(), uuid = new_uuid();
    const std::string old_text = old_value.value_or(""), new_text = new_value.value_or("");
    soci::indicator old_ind = old_value ? soci::i_ok : soci::i_null;
    soci::indicator new_ind = new_value ? soci::i_ok : soci::i_null;
    db.sql() << "INSERT INTO audit_log (uuid, at, actor, entity, entity_uuid, action, old_value, new_value) VALUES "
                "(:id, :at, :by, :e, :u, :a, :o, :n)",
        soci::use(uuid), soci::use(now), soci::use(db.actor()), soci::use(entity), soci::use(entity_uuid),
        soci::use(action), soci::use(old_text, old_ind), soci::use(new_text, new_ind);
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
        auto problem = [&](int line, const std::string& field, const std::string& message) {
            problems.push_back(Problem{file, line, 0, field, message});
        };
        std::map<std::string, std::string> people;  // ref -> uuid
        std::set<std::pair<long long, std::string>> seen;
        for (const auto& [a, line] : marks) {
            auto session = sessions.find(a.session_id);
            if (session == sessions.end()) {
                problem(line, "session", "session " + std::to_string(a.session_id) + " is not a session of cohort " +
                                             cohort_code);
                continue;
            }
            if (!seen.insert({a.session_id, a.participant_ref}).second) {
                problem(line, "ref", a.participant_ref + " is marked twice for session " + std::to_string(a.session_id));
                continue;
            }
            if (!people.count(a.participant_ref)) {
                std::string uuid;
                db_.sql() << "SELECT uuid FROM participants WHERE ref = :r", soci::into(uuid),
                    soci::use(a.participant_ref);
                if (!db_.sql().got_data()) {
                    problem(line, "ref", "no participant has ref " + a.participant_ref);
                    continue;
                }
                if (!may_attend(db_, uuid, cohort.curriculum_code)) {
                    problem(line, "ref", a.participant_ref + " is not enrolled in cohort " + cohort_code +
                                             " nor in another cohort of curriculum " + cohort.curriculum_code);
                    continue;
                }
                people[a.participant_ref] = uuid;
            }
            const bool partial = a.status == AttendanceStatus::late || a.status == AttendanceStatus::left_early;
            if (partial && !a.minutes)
                problem(line, "minutes", to_string(a.status) + " needs the minutes actually attended");
            else if (a.minutes && (*a.minutes < 0 || *a.minutes > session->second.minutes))
                problem(line, "minutes", std::to_string(*a.minutes) + " minutes is more than the session's " +
                                             std::to_string(session->second.minutes));
            else if (!partial && a.minutes)
                problem(line, "minutes", "minutes only go with late or left_early");
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
                         old ? std::optional<std::string>(describe(*old)) : std::nullopt, describe(a));
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
        if (!module.has_assessment) refuse("module", "module " + module.code + " has no assessment");
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
        if (module.supervised_minutes <= 0) refuse("module", "module " + module.code + " has no supervised practice");
        const auto cohort = cohort_key(db_, cohort_code);
        const std::string person = participant_uuid(db_, log.participant_ref);
        check_may_attend(db_, person, log.participant_ref, cohort_code, cohort.curriculum_code);
        if (log.minutes <= 0) refuse("minutes", "supervised practice needs a positive number of minutes");
        if (log.supervisor.empty()) refuse("supervisor", "supervised practice needs the supervisor's name");
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
        if (trim(decision.reason).empty()) refuse("reason", "an override needs a written reason");
        const auto cohort = cohort_key(db_, cohort_code);
        const std::string person = participant_uuid(db_, decision.participant_ref);
        int enrolled = 0;
        db_.sql() << "SELECT COUNT(*) FROM enrolments WHERE cohort_uuid = :c AND participant_uuid = :p",
            soci::into(enrolled), soci::use(cohort.uuid), soci::use(person);
        if (!enrolled) refuse("ref", decision.participant_ref + " is not enrolled in cohort " + cohort_code);
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
            db_.sql() << "INSERT INTO completion_overrides (uuid, participant_uuid, cohort_uuid, module_code, complete, "
                         "reason, created_at, created_by, updated_at, updated_by) VALUES (:u, :p, :c, :m, :ok, :r, "
                         ":at, :by, :at2, :by2)",
                soci::use(uuid), soci::use(person), soci::use(cohort.uuid), soci::use(decision.module_code),
                soci::use(complete), soci::use(decision.reason), soci::use(now), soci::use(db_.actor()),
                soci::use(now), soci::use(db_.actor());
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
        if (!db.sql().got_data()) refuse("cohort", "no cohort has code " + cohort_code);
        const Date start_date = parse_date(start).value_or(Date{});
        const auto found = completion_curriculum(db, curriculum_uuid);
        if (!found) throw DatabaseError("cohort " + cohort_code + " names a curriculum that is not in the database");
        const Curriculum& curriculum = *found;
        const auto sessions = SessionRepo(db).list(cohort_code);

        std::map<std::string, ParticipantRecord> people;  // by participant uuid
        std::vector<std::string> order;
        soci::rowset<soci::row> enrolled =
            (db.sql().prepare << "SELECT p.uuid, p.ref, e.enrolled_on FROM enrolments e JOIN participants p ON p.uuid = "
                                 "e.participant_uuid WHERE e.cohort_uuid = :c ORDER BY p.ref",
             soci::use(cohort_uuid));
        for (const auto& r : enrolled) {
            auto& rec = people[text(r, 0)];
            rec.ref = text(r, 1);
            rec.enrolled_on = date(r, 2).value_or(start_date);
            order.push_back(text(r, 0));
        }

        soci::rowset<soci::row> marks =
            (db.sql().prepare << "SELECT e.participant_uuid, a.status, a.minutes, s.id, s.uuid, s.module_code, "
                                 "s.session_date, s.minutes, c2.code FROM enrolments e "
                                 "JOIN attendance a ON a.participant_uuid = e.participant_uuid "
                                 "JOIN sessions s ON s.uuid = a.session_uuid JOIN cohorts c2 ON c2.uuid = s.cohort_uuid "
                                 "JOIN curricula cu ON cu.uuid = c2.curriculum_uuid "
                                 "WHERE e.cohort_uuid = :c AND cu.code = :code",
             soci::use(cohort_uuid), soci::use(curriculum.code));
        for (const auto& r : marks) {
            AttendedSession a;
            a.mark.status = parse_attendance_status(text(r, 1)).value_or(AttendanceStatus::absent);
            if (r.get_indicator(2) != soci::i_null) a.mark.minutes = static_cast<int>(integer(r, 2));
            a.session.id = integer(r, 3);
            a.session.uuid = text(r, 4);
            a.session.module_code = text(r, 5);
            a.session.date = date(r, 6).value_or(Date{});
            a.session.minutes = static_cast<int>(integer(r, 7));
            a.session.cohort_code = text(r, 8);
            a.mark.session_id = a.session.id;
            people[text(r, 0)].marks.push_back(std::move(a));
        }

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
        for (const auto& r : records) {
            auto& person = people[text(r, 1)];
            const std::string kind = text(r, 0);
            if (kind == "a")
                person.assessments.push_back(
                    AssessmentResult{"", text(r, 2), integer(r, 3) != 0, date(r, 5).value_or(Date{}), text(r, 7)});
            else if (kind == "p")
                person.practicum.push_back(PracticumLog{"", text(r, 2), static_cast<int>(integer(r, 4)), text(r, 7),
                                                        date(r, 5).value_or(Date{}), date(r, 6)});
            else if (kind == "e")
                person.ethics.push_back(EthicsAcknowledgement{"", text(r, 2), date(r, 5).value_or(Date{})});
            else
                person.overrides.push_back(
                    CompletionOverride{"", text(r, 2), integer(r, 3) != 0, text(r, 8), text(r, 7), text(r, 6)});
        }

        const CompletionContext context{curriculum, sessions, today, language};
        for (const auto& uuid : order) out.push_back(assess_completion(context, people[uuid]));
    });
    return out;
}

std::vector<CohortCompletionCount> regional_completion(Database& db, const Date& today) {
    std::vector<CohortCompletionCount> out;
    db.read([&] {
        auto& sql = db.sql();
        struct CohortInfo {
            std::string uuid, code, curriculum_uuid, curriculum_code, country;
            Date start;
            std::vector<Session> sessions;
        };
        std::vector<CohortInfo> cohorts;
        UuidMap<std::size_t> cohort_at;
        soci::rowset<soci::row> cohort_rows =
            (sql.prepare << "SELECT c.uuid, c.code, c.curriculum_uuid, cu.code, c.country, c.start_date FROM cohorts c "
                            "JOIN curricula cu ON cu.uuid = c.curriculum_uuid ORDER BY c.start_date, c.code");
        for (const auto& r : cohort_rows) {
            cohort_at[text(r, 0)] = cohorts.size();
            cohorts.push_back({text(r, 0), text(r, 1), text(r, 2), text(r, 3), text(r, 4), date(r, 5).value_or(Date{}), {}});
        }
        std::map<std::string, Curriculum> curricula;
        for (const auto& c : cohorts)
            if (!curricula.count(c.curriculum_uuid))
                if (auto found = completion_curriculum(db, c.curriculum_uuid))
                    curricula.emplace(c.curriculum_uuid, std::move(*found));

        // Every session once; marks point at them. The four large reads below are scans (see store/scan.hpp).
        UuidMap<std::pair<std::size_t, std::size_t>> session_at;  // uuid -> cohort, index
        {
            int count = 0;
            sql << "SELECT COUNT(*) FROM sessions", soci::into(count);
            session_at.reserve(static_cast<std::size_t>(count));
            scan(db, "SELECT id, uuid, cohort_uuid, module_code, session_date, start_time, minutes FROM sessions",
                 [&](const ScanRow& r) {
                     auto c = cohort_at.find(r.text(2));
                     if (c == cohort_at.end()) return;
                     auto& sessions = cohorts[c->second].sessions;
                     Session& s = sessions.emplace_back();
                     s.id = r.integer(0).value_or(0);
                     s.uuid = r.text(1);
                     s.cohort_code = cohorts[c->second].code;
                     s.module_code = r.text(3);
                     s.date = parse_date(r.text(4)).value_or(Date{});
                     s.start_time = parse_time(r.text(5)).value_or(LocalTime{});
                     s.minutes = static_cast<int>(r.integer(6).value_or(0));
                     session_at.emplace(s.uuid, std::pair{c->second, sessions.size() - 1});
                 });
        }

        // Everyone, by uuid once: from here on a person is an index, and their marks sit together in one array.
        struct Person {
            std::string ref;
            std::vector<AssessmentResult> assessments;  // each holds its curriculum's code in participant_ref
            std::vector<PracticumLog> practicum;        // likewise
            std::vector<EthicsAcknowledgement> ethics;
        };
        std::vector<Person> people;
        UuidMap<std::uint32_t> person_at;
        {
            int count = 0;
            sql << "SELECT COUNT(*) FROM participants", soci::into(count);
            people.reserve(static_cast<std::size_t>(count));
            person_at.reserve(static_cast<std::size_t>(count));
            scan(db, "SELECT uuid, ref FROM participants", [&](const ScanRow& r) {
                person_at.emplace(r.text(0), static_cast<std::uint32_t>(people.size()));
                people.push_back(Person{std::string(r.text(1)), {}, {}, {}});
            });
        }
        auto person_index = [&](std::string_view uuid) -> const std::uint32_t* {
            auto p = person_at.find(uuid);
            return p == person_at.end() ? nullptr : &p->second;
        };

        struct Mark {
            std::uint32_t person, cohort, session;  // session: its index in its cohort's sessions
            AttendanceStatus status;
            std::optional<int> minutes;
        };
        std::vector<Mark> marks;
        {
            // The reading thread finds each mark's session (marks come a session at a time, as they were made, so
            // the last session found is often the next) and hands the person's uuid on; a second thread finds the
            // person, which is the slow part (a lookup among everyone), while the next rows are read.
            struct Pending {
                std::size_t person_at;  // where its uuid starts in `uuids`; each is `uuid_size` long
                Mark mark;
            };
            struct Batch {
                std::string uuids;
                std::vector<std::uint32_t> uuid_size;
                std::vector<Pending> marks;
            };
            Relay<Batch> relay;
            std::exception_ptr failed;
            std::thread resolver([&] {
                try {
                    while (auto batch = relay.take())
                        for (std::size_t i = 0; i < batch->marks.size(); ++i) {
                            Pending& pending = batch->marks[i];
                            const std::string_view uuid(batch->uuids.data() + pending.person_at, batch->uuid_size[i]);
                            if (const std::uint32_t* p = person_index(uuid)) {
                                pending.mark.person = *p;
                                marks.push_back(pending.mark);
                            }
                        }
                } catch (...) {
                    failed = std::current_exception();
                    relay.close();
                }
            });
            struct Joiner {  // whatever happens to the reading, the resolver is told to stop and waited for
                Relay<Batch>& relay;
                std::thread& thread;
                ~Joiner() {
                    relay.close();
                    if (thread.joinable()) thread.join();
                }
            } joiner{relay, resolver};
            auto batch = std::make_unique<Batch>();
            auto s = session_at.end();
            scan(db, "SELECT participant_uuid, session_uuid, status, minutes FROM attendance", [&](const ScanRow& r) {
                if (s == session_at.end() || s->first != r.text(1)) s = session_at.find(r.text(1));
                if (s == session_at.end()) return;
                std::optional<int> minutes;
                if (auto m = r.integer(3)) minutes = static_cast<int>(*m);
                const std::string_view person = r.text(0);
                batch->marks.push_back({batch->uuids.size(),
                                        {0, static_cast<std::uint32_t>(s->second.first),
                                         static_cast<std::uint32_t>(s->second.second),
                                         parse_attendance_status(r.text(2)).value_or(AttendanceStatus::absent),
                                         minutes}});
                batch->uuids.append(person);
                batch->uuid_size.push_back(static_cast<std::uint32_t>(person.size()));
                if (batch->marks.size() == 1024) {
                    if (!relay.give(std::move(batch))) std::rethrow_exception(failed);  // the resolver failed
                    batch = std::make_unique<Batch>();
                }
            });
            if (!batch->marks.empty() && !relay.give(std::move(batch))) std::rethrow_exception(failed);
            relay.close();
            resolver.join();
            if (failed) std::rethrow_exception(failed);
        }
        // Each person's marks together, in the order they were read: first[p] .. first[p + 1].
        std::vector<std::uint32_t> first(people.size() + 1, 0);
        for (const auto& m : marks) ++first[m.person + 1];
        for (std::size_t p = 1; p < first.size(); ++p) first[p] += first[p - 1];
        std::vector<Mark> by_person(marks.size());
        {
            std::vector<std::uint32_t> next(first.begin(), first.end() - 1);
            for (const auto& m : marks) by_person[next[m.person]++] = m;
        }
        marks = {};

        soci::rowset<soci::row> assessed = (sql.prepare << "SELECT participant_uuid, curriculum_code, module_code, "
                                                           "passed, assessed_on, assessor FROM assessments");
        for (const auto& r : assessed)
            if (const auto* p = person_index(text(r, 0)))
                people[*p].assessments.push_back(AssessmentResult{text(r, 1), text(r, 2), integer(r, 3) != 0,
                                                                  date(r, 4).value_or(Date{}), text(r, 5)});
        soci::rowset<soci::row> practised =
            (sql.prepare << "SELECT participant_uuid, curriculum_code, module_code, minutes, supervisor, practised_on, "
                            "signed_off_on FROM practicum_logs");
        for (const auto& r : practised)
            if (const auto* p = person_index(text(r, 0)))
                people[*p].practicum.push_back(PracticumLog{text(r, 1), text(r, 2), static_cast<int>(integer(r, 3)),
                                                            text(r, 4), date(r, 5).value_or(Date{}), date(r, 6)});
        soci::rowset<soci::row> acks =
            (sql.prepare << "SELECT participant_uuid, code_version, acknowledged_on FROM ethics_acknowledgements");
        for (const auto& r : acks)
            if (const auto* p = person_index(text(r, 0)))
                people[*p].ethics.push_back(EthicsAcknowledgement{"", text(r, 1), date(r, 2).value_or(Date{})});
        std::map<std::pair<std::size_t, std::uint32_t>, std::vector<CompletionOverride>> overrides;  // (cohort, person)
        soci::rowset<soci::row> decided = (sql.prepare << "SELECT cohort_uuid, participant_uuid, module_code, complete, "
                                                          "reason, updated_by, updated_at FROM completion_overrides");
        for (const auto& r : decided) {
            auto c = cohort_at.find(text(r, 0));
            const auto* p = person_index(text(r, 1));
            if (c == cohort_at.end() || !p) continue;
            overrides[{c->second, *p}].push_back(
                CompletionOverride{"", text(r, 2), integer(r, 3) != 0, text(r, 4), text(r, 5), text(r, 6)});
        }

        // Enrolments, by cohort.
        std::vector<std::vector<std::pair<std::uint32_t, Date>>> enrolled(cohorts.size());
        scan(db, "SELECT cohort_uuid, participant_uuid, enrolled_on FROM enrolments", [&](const ScanRow& r) {
            auto c = cohort_at.find(r.text(0));
            const auto* p = person_index(r.text(1));
            if (c == cohort_at.end() || !p) return;
            enrolled[c->second].emplace_back(*p, parse_date(r.text(2)).value_or(cohorts[c->second].start));
        });

        // Judging is the same rule for each cohort on data nobody changes any more, so the cohorts are shared out
        // between the processor's cores, each with its own record. One record, refilled for each person: its vectors
        // and strings keep their room from one to the next.
        std::vector<std::optional<CohortCompletionCount>> counts(cohorts.size());
        auto judge = [&](std::size_t from, std::size_t to) {
            ParticipantRecord record;
            for (std::size_t c = from; c < to; ++c) {
                const auto& cohort = cohorts[c];
                auto curriculum = curricula.find(cohort.curriculum_uuid);
                if (curriculum == curricula.end()) continue;
                CohortCompletionCount count{cohort.code, cohort.curriculum_code, cohort.country, 0, 0, 0};
                const CompletionContext context{curriculum->second, cohort.sessions, today, "en", false};
                for (const auto& [p, enrolled_on] : enrolled[c]) {
                    const auto& person = people[p];
                    record.ref = person.ref;
                    record.enrolled_on = enrolled_on;
                    std::size_t kept = 0;
                    for (std::uint32_t i = first[p]; i < first[p + 1]; ++i) {
                        const Mark& m = by_person[i];
                        if (cohorts[m.cohort].curriculum_code != cohort.curriculum_code) continue;
                        if (kept == record.marks.size()) record.marks.emplace_back();
                        AttendedSession& a = record.marks[kept++];
                        a.session = cohorts[m.cohort].sessions[m.session];
                        a.mark.session_id = a.session.id;
                        a.mark.status = m.status;
                        a.mark.minutes = m.minutes;
                    }
                    record.marks.resize(kept);
                    record.assessments.clear();
                    for (const auto& x : person.assessments)
                        if (x.participant_ref == cohort.curriculum_code) {
                            record.assessments.push_back(x);
                            record.assessments.back().participant_ref.clear();
                        }
                    record.practicum.clear();
                    for (const auto& l : person.practicum)
                        if (l.participant_ref == cohort.curriculum_code) {
                            record.practicum.push_back(l);
                            record.practicum.back().participant_ref.clear();
                        }
                    record.ethics = person.ethics;
                    record.overrides.clear();
                    if (auto o = overrides.find({c, p}); o != overrides.end()) record.overrides = o->second;
                    const auto result = assess_completion(context, record);
                    ++count.enrolled;
                    count.complete += result.complete;
                    count.on_track += result.on_track;
                }
                counts[c] = std::move(count);
            }
        };
        in_parallel(cohorts.size(), judge);
        for (auto& count : counts)
            if (count) out.push_back(std::move(*count));
    });
    return out;
}

}  // namespace mitra::store
