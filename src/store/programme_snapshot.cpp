// Reading the whole programme for the reports: a few scans, people and sessions by index, marks in one array.
#include "store/programme_snapshot.hpp"

#include <soci/soci.h>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>

#include "store/database.hpp"
#include "store/practice_repo.hpp"
#include "store/practice_rows.hpp"
#include "store/rows.hpp"
#include "store/scan.hpp"

namespace mitra::store {

// In two queries: CurriculumRepo::find reads everything, a query per module, which a cohort's completion on a hub
// cannot wait for.
std::optional<Curriculum> completion_curriculum(Database& db, const std::string& uuid) {
    std::optional<Curriculum> found;
    std::vector<std::string> module_uuids;
    soci::rowset<soci::row> rows =
        (db.sql().prepare
             << "SELECT cu.code, cu.version, cu.electives_required, cu.ethics_code, m.uuid, m.code, "
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
    read_practice_rules(db, *found, module_uuids);
    return found;
}

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

namespace {

// Issue 21's records of everyone, a query a table, and every supervisor with their credentials.
template <typename PersonIndex>
void read_practice(Database& db, ProgrammeSnapshot& snapshot, const PersonIndex& person_index) {
    auto& sql = db.sql();
    snapshot.supervisors = read_supervisors(db);
    auto practice_of = [&](const std::string& cohort_uuid,
                           const std::string& person_uuid) -> ProgrammeSnapshot::Practice* {
        auto c = snapshot.cohort_at.find(cohort_uuid);
        const auto* p = person_index(person_uuid);
        if (c == snapshot.cohort_at.end() || !p) return nullptr;
        return &snapshot.practice[{c->second, *p}];
    };
    soci::rowset<soci::row> entries =
        (sql.prepare << "SELECT x.cohort_uuid, x.participant_uuid, x.uuid, x.module_code, s.ref, x.format, x.minutes, "
                        "x.practised_on FROM supervision_entries x JOIN supervisors s ON s.uuid = x.supervisor_uuid");
    for (const auto& r : entries)
        if (auto* at = practice_of(text(r, 0), text(r, 1)))
            at->supervision.push_back(
                SupervisionEntry{text(r, 2), "", text(r, 3), text(r, 4),
                                 parse_supervision_format(text(r, 5)).value_or(SupervisionFormat::group),
                                 static_cast<int>(integer(r, 6)), date(r, 7).value_or(Date{}), ""});
    std::map<std::string, ObservedAssessment*> observation;  // by uuid, once all are read
    soci::rowset<soci::row> observed =
        (sql.prepare << "SELECT cohort_uuid, participant_uuid, uuid, module_code, observed_on, method, rater, "
                        "second_rater, released_on FROM observed_assessments");
    for (const auto& r : observed)
        if (auto* at = practice_of(text(r, 0), text(r, 1))) at->observations.push_back(observation_from(r, 2));
    for (auto& [key, practice] : snapshot.practice)
        for (auto& a : practice.observations) observation[a.uuid] = &a;
    soci::rowset<soci::row> ratings =
        (sql.prepare << "SELECT assessment_uuid, criterion, level, second_level FROM observed_ratings");
    for (const auto& r : ratings) {
        auto at = observation.find(text(r, 0));
        if (at == observation.end()) continue;
        at->second->ratings.push_back(rating_from(r, 1));
    }
    soci::rowset<soci::row> extended =
        (sql.prepare << "SELECT cohort_uuid, participant_uuid, new_deadline, reason, created_by, created_at FROM "
                        "deadline_extensions");
    for (const auto& r : extended)
        if (auto* at = practice_of(text(r, 0), text(r, 1)))
            at->extensions.push_back({"", "", date(r, 2).value_or(Date{}), text(r, 3), text(r, 4), text(r, 5)});
    soci::rowset<soci::row> attested = (sql.prepare << "SELECT participant_uuid, kind, is_signed, signed_on FROM "
                                                       "attestations ORDER BY signed_on, created_at");
    for (const auto& r : attested)
        if (const auto* p = person_index(text(r, 0)))
            if (auto kind = parse_attestation_kind(text(r, 1)))
                snapshot.people[*p].attestations.push_back(
                    Attestation{"", *kind, integer(r, 2) != 0, date(r, 3).value_or(Date{})});
    soci::rowset<soci::row> referees =
        (sql.prepare << "SELECT participant_uuid, referee, received_on FROM referee_questionnaires");
    for (const auto& r : referees)
        if (const auto* p = person_index(text(r, 0)))
            snapshot.people[*p].referees.push_back({"", text(r, 1), date(r, 2).value_or(Date{})});
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

ProgrammeSnapshot ProgrammeSnapshot::read(Database& db) {
    ProgrammeSnapshot snapshot;
    db.read([&] {
        snapshot = ProgrammeSnapshot{};
        auto& cohorts = snapshot.cohorts;
        auto& cohort_at = snapshot.cohort_at;
        auto& people = snapshot.people;
        auto& sql = db.sql();
        soci::rowset<soci::row> cohort_rows =
            (sql.prepare << "SELECT c.uuid, c.code, c.curriculum_uuid, cu.code, c.country, c.start_date FROM cohorts c "
                            "JOIN curricula cu ON cu.uuid = c.curriculum_uuid ORDER BY c.start_date, c.code");
        for (const auto& r : cohort_rows) {
            cohort_at[text(r, 0)] = cohorts.size();
            cohorts.push_back({text(r, 0),
                               text(r, 1),
                               text(r, 2),
                               text(r, 3),
                               text(r, 4),
                               date(r, 5).value_or(Date{}),
                               {},
                               {},
                               {},
                               {}});
        }
        for (const auto& c : cohorts)
            if (!snapshot.curricula.count(c.curriculum_uuid))
                if (auto found = completion_curriculum(db, c.curriculum_uuid))
                    snapshot.curricula.emplace(c.curriculum_uuid, std::move(*found));

        // Every session once; marks point at them. The four large reads below are scans (see store/scan.hpp).
        UuidMap<std::pair<std::size_t, std::size_t>> session_at;  // uuid -> cohort, index
        {
            int count = 0;
            sql << "SELECT COUNT(*) FROM sessions", soci::into(count);
            session_at.reserve(static_cast<std::size_t>(count));
            scan(db,
                 "SELECT id, uuid, cohort_uuid, module_code, session_date, start_time, minutes, trainer_uuid "
                 "FROM sessions",
                 [&](const ScanRow& r) {
                     auto c = cohort_at.find(r.text(2));
                     if (c == cohort_at.end()) return;
                     auto& cohort = cohorts[c->second];
                     cohort.session_trainer.emplace_back(r.text(7));
                     cohort.session_marks.push_back(0);
                     auto& sessions = cohort.sessions;
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
        UuidMap<std::uint32_t> person_at;
        {
            int count = 0;
            sql << "SELECT COUNT(*) FROM participants", soci::into(count);
            people.reserve(static_cast<std::size_t>(count));
            person_at.reserve(static_cast<std::size_t>(count));
            scan(db, "SELECT uuid, ref FROM participants", [&](const ScanRow& r) {
                person_at.emplace(r.text(0), static_cast<std::uint32_t>(people.size()));
                people.push_back(Person{std::string(r.text(1)), {}, {}, {}, {}, {}});
            });
        }
        auto person_index = [&](std::string_view uuid) -> const std::uint32_t* {
            auto p = person_at.find(uuid);
            return p == person_at.end() ? nullptr : &p->second;
        };

        std::vector<Mark> marks;
        {
            // The reading thread hands each row's uuids on; a second thread finds the session (marks come a
            // session at a time, as they were made, so the session is written down only when it changes) and the
            // person (the slow part: a lookup among everyone) while the next rows are read.
            struct Pending {
                std::uint32_t person_at, person_size;    // the person's uuid in `uuids`
                std::uint32_t session_at, session_size;  // the session's; a size of 0: the previous mark's session
                AttendanceStatus status;
                std::optional<int> minutes;
            };
            struct Batch {
                std::string uuids;
                std::vector<Pending> marks;
            };
            Relay<Batch> relay;
            std::exception_ptr failed;
            std::thread resolver([&] {
                try {
                    auto s = session_at.end();
                    while (auto batch = relay.take())
                        for (const Pending& pending : batch->marks) {
                            if (pending.session_size)
                                s = session_at.find(
                                    std::string_view(batch->uuids.data() + pending.session_at, pending.session_size));
                            if (s == session_at.end()) continue;
                            const auto* p = person_index(
                                std::string_view(batch->uuids.data() + pending.person_at, pending.person_size));
                            if (!p) continue;
                            const auto [cohort, session] = s->second;
                            ++cohorts[cohort].session_marks[session];
                            marks.push_back({*p, static_cast<std::uint32_t>(cohort),
                                             static_cast<std::uint32_t>(session), pending.status, pending.minutes});
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
            std::string last_session;
            scan(db, "SELECT participant_uuid, session_uuid, status, minutes FROM attendance", [&](const ScanRow& r) {
                Pending pending{static_cast<std::uint32_t>(batch->uuids.size()),
                                0,
                                0,
                                0,
                                parse_attendance_status(r.text(2)).value_or(AttendanceStatus::absent),
                                std::nullopt};
                if (auto m = r.integer(3)) pending.minutes = static_cast<int>(*m);
                const std::string_view person = r.text(0), session = r.text(1);
                batch->uuids.append(person);
                pending.person_size = static_cast<std::uint32_t>(person.size());
                if (batch->marks.empty() || session != last_session) {  // a batch starts with its session
                    pending.session_at = static_cast<std::uint32_t>(batch->uuids.size());
                    pending.session_size = static_cast<std::uint32_t>(session.size());
                    batch->uuids.append(session);
                    last_session = session;
                }
                batch->marks.push_back(pending);
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
        auto& first = snapshot.first;
        first.assign(people.size() + 1, 0);
        for (const auto& m : marks) ++first[m.person + 1];
        for (std::size_t p = 1; p < first.size(); ++p) first[p] += first[p - 1];
        auto& by_person = snapshot.marks;
        by_person.resize(marks.size());
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
        soci::rowset<soci::row> decided =
            (sql.prepare << "SELECT cohort_uuid, participant_uuid, module_code, complete, "
                            "reason, updated_by, updated_at FROM completion_overrides");
        for (const auto& r : decided) {
            auto c = cohort_at.find(text(r, 0));
            const auto* p = person_index(text(r, 1));
            if (c == cohort_at.end() || !p) continue;
            snapshot.overrides[{c->second, *p}].push_back(
                CompletionOverride{"", text(r, 2), integer(r, 3) != 0, text(r, 4), text(r, 5), text(r, 6)});
        }

        read_practice(db, snapshot, person_index);

        // Enrolments, by cohort.
        scan(db, "SELECT cohort_uuid, participant_uuid, enrolled_on FROM enrolments", [&](const ScanRow& r) {
            auto c = cohort_at.find(r.text(0));
            const auto* p = person_index(r.text(1));
            if (c == cohort_at.end() || !p) return;
            cohorts[c->second].enrolled.emplace_back(*p, parse_date(r.text(2)).value_or(cohorts[c->second].start));
        });
    });
    return snapshot;
}

std::vector<ParticipantCompletion> ProgrammeSnapshot::judge(std::size_t c, const Date& today,
                                                            ParticipantRecord& record) const {
    std::vector<ParticipantCompletion> out;
    const auto& cohort = cohorts[c];
    auto curriculum = curricula.find(cohort.curriculum_uuid);
    if (curriculum == curricula.end()) return out;
    const auto session_modules = module_of_sessions(curriculum->second, cohort.sessions);
    CompletionContext context{curriculum->second, cohort.sessions, today, "en", false, &session_modules};
    context.supervisors = &supervisors;
    out.reserve(cohort.enrolled.size());
    for (const auto& [p, enrolled_on] : cohort.enrolled) {
        const auto& person = people[p];
        record.ref = person.ref;
        record.enrolled_on = enrolled_on;
        std::size_t kept = 0;
        for (std::uint32_t i = first[p]; i < first[p + 1]; ++i) {
            const Mark& m = marks[i];
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
        record.attestations = person.attestations;
        record.referees = person.referees;
        record.supervision.clear();
        record.observations.clear();
        record.extensions.clear();
        if (auto x = practice.find({c, p}); x != practice.end()) {
            record.supervision = x->second.supervision;
            record.observations = x->second.observations;
            record.extensions = x->second.extensions;
        }
        out.push_back(assess_completion(context, record));
    }
    return out;
}

}  // namespace mitra::store
