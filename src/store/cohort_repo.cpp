// Cohorts, their trainers and enrolments, and their sessions.
#include <soci/soci.h>

#include <algorithm>
#include <map>

#include "core/certification.hpp"
#include "core/identity.hpp"
#include "core/schedule.hpp"
#include "store/repos.hpp"
#include "store/rows.hpp"

namespace mitra::store {
namespace {

std::string trainer_uuid(Database& db, const std::string& ref, const std::string& field) {
    std::string uuid;
    db.sql() << "SELECT uuid FROM trainers WHERE ref = :r", soci::into(uuid), soci::use(ref);
    if (!db.sql().got_data()) refuse(field, ProblemCode::no_trainer, {ref});
    return uuid;
}

const char* kSessionColumns =
    "s.id, s.uuid, c.code, s.module_code, s.session_date, s.start_time, s.minutes, t.ref, f.ref FROM sessions s "
    "JOIN cohorts c ON c.uuid = s.cohort_uuid LEFT JOIN trainers t ON t.uuid = s.trainer_uuid "
    "LEFT JOIN trainers f ON f.uuid = s.co_facilitator_uuid";

Session session_from(const soci::row& r) {
    Session s;
    s.id = integer(r, 0);
    s.uuid = text(r, 1);
    s.cohort_code = text(r, 2);
    s.module_code = text(r, 3);
    s.date = date(r, 4).value_or(Date{});
    s.start_time = parse_time(text(r, 5)).value_or(LocalTime{});
    s.minutes = static_cast<int>(integer(r, 6));
    s.trainer_ref = text(r, 7);
    s.co_facilitator_ref = text(r, 8);
    return s;
}

}  // namespace

Curriculum CohortRepo::curriculum_of(const Cohort& cohort) {
    auto c = CurriculumRepo(db_).find(cohort.curriculum_code, cohort.curriculum_version);
    if (!c) throw DatabaseError("cohort " + cohort.code + " names a curriculum that is not in the database");
    return *c;
}

void CohortRepo::create(Cohort& cohort) {
    db_.write([&] {
        if (find(cohort.code)) refuse("code", ProblemCode::cohort_exists, {cohort.code});
        auto curriculum = CurriculumRepo(db_).find(cohort.curriculum_code, cohort.curriculum_version);
        if (!curriculum)
            throw Refusal(Refusal::Reason::curriculum_not_imported, cohort.curriculum_code,
                          cohort.curriculum_version.empty()
                              ? coded("curriculum", ProblemCode::curriculum_not_imported, {cohort.curriculum_code})
                              : coded("curriculum", ProblemCode::curriculum_version_not_imported,
                                      {cohort.curriculum_code, cohort.curriculum_version}));
        cohort.curriculum_version = curriculum->version;
        std::vector<std::string> trainer_uuids;
        for (const auto& ref : cohort.trainer_refs) trainer_uuids.push_back(trainer_uuid(db_, ref, "trainer"));
        const Stamp stamp{utc_timestamp_now(), db_.actor()};
        cohort.uuid = new_uuid();
        const std::string start = to_string(cohort.start_date);
        const std::string end = cohort.end_date ? to_string(*cohort.end_date) : "";
        soci::indicator end_ind = cohort.end_date ? soci::i_ok : soci::i_null;
        db_.sql()
            << "INSERT INTO cohorts (uuid, code, curriculum_uuid, site, country, time_zone, language, start_date, "
               "end_date, capacity, created_at, created_by, updated_at, updated_by) VALUES (:u, :c, :cu, :s, "
               ":co, :tz, :l, :sd, :ed, :cap, :at, :by, :at2, :by2)",
            soci::use(cohort.uuid), soci::use(cohort.code), soci::use(curriculum->uuid), soci::use(cohort.site),
            soci::use(cohort.country), soci::use(cohort.time_zone), soci::use(cohort.language), soci::use(start),
            soci::use(end, end_ind), soci::use(cohort.capacity), soci::use(stamp.at), soci::use(stamp.by),
            soci::use(stamp.at), soci::use(stamp.by);
        for (std::size_t i = 0; i < trainer_uuids.size(); ++i) {
            const int position = static_cast<int>(i);
            db_.sql() << "INSERT INTO cohort_trainers (cohort_uuid, trainer_uuid, position) VALUES (:c, :t, :p)",
                soci::use(cohort.uuid), soci::use(trainer_uuids[i]), soci::use(position);
        }
    });
}

namespace {

const char* kCohortColumns =
    "c.uuid, c.code, cu.code, cu.version, c.site, c.country, c.time_zone, c.language, c.start_date, c.end_date, "
    "c.capacity FROM cohorts c JOIN curricula cu ON cu.uuid = c.curriculum_uuid";

Cohort cohort_from(const soci::row& r) {
    Cohort c;
    c.uuid = text(r, 0);
    c.code = text(r, 1);
    c.curriculum_code = text(r, 2);
    c.curriculum_version = text(r, 3);
    c.site = text(r, 4);
    c.country = text(r, 5);
    c.time_zone = text(r, 6);
    c.language = text(r, 7);
    c.start_date = date(r, 8).value_or(Date{});
    c.end_date = date(r, 9);
    c.capacity = static_cast<int>(integer(r, 10));
    return c;
}

}  // namespace

std::optional<Cohort> CohortRepo::find(const std::string& code) {
    std::optional<Cohort> found;
    soci::rowset<soci::row> rows =
        (db_.sql().prepare << "SELECT " << kCohortColumns << " WHERE c.code = :c", soci::use(code));
    for (const auto& r : rows) found = cohort_from(r);
    if (!found) return found;
    soci::rowset<soci::row> trainers =
        (db_.sql().prepare << "SELECT t.ref FROM cohort_trainers ct JOIN trainers t ON t.uuid = ct.trainer_uuid "
                              "WHERE ct.cohort_uuid = :c ORDER BY ct.position",
         soci::use(found->uuid));
    for (const auto& r : trainers) found->trainer_refs.push_back(text(r, 0));
    return found;
}

std::vector<Cohort> CohortRepo::list() {
    std::vector<Cohort> out;
    std::map<std::string, std::size_t> by_uuid;
    soci::rowset<soci::row> rows =
        (db_.sql().prepare << "SELECT " << kCohortColumns << " ORDER BY c.start_date, c.code");
    for (const auto& r : rows) {
        out.push_back(cohort_from(r));
        by_uuid[out.back().uuid] = out.size() - 1;
    }
    soci::rowset<soci::row> trainers =
        (db_.sql().prepare << "SELECT ct.cohort_uuid, t.ref FROM cohort_trainers ct JOIN trainers t ON t.uuid = "
                              "ct.trainer_uuid ORDER BY ct.cohort_uuid, ct.position");
    for (const auto& r : trainers)
        if (auto at = by_uuid.find(text(r, 0)); at != by_uuid.end()) out[at->second].trainer_refs.push_back(text(r, 1));
    return out;
}

EnrolResult CohortRepo::enrol(const std::string& code, const std::vector<std::string>& refs, const Date& on) {
    EnrolResult result;
    db_.write([&] {
        result = {};
        auto cohort = find(code);
        if (!cohort) refuse("cohort", ProblemCode::no_cohort, {code});
        std::vector<std::string> unknown;
        std::vector<std::pair<std::string, std::string>> people;  // ref, uuid
        for (const auto& ref : refs) {
            std::string uuid;
            db_.sql() << "SELECT uuid FROM participants WHERE ref = :r", soci::into(uuid), soci::use(ref);
            if (!db_.sql().got_data()) unknown.push_back(ref);
            else people.emplace_back(ref, uuid);
        }
        if (!unknown.empty()) refuse("ref", ProblemCode::no_participant, {join(unknown, ", ")});
        const Stamp stamp{utc_timestamp_now(), db_.actor()};
        const std::string on_text = to_string(on);
        for (const auto& [ref, uuid] : people) {
            int already = 0;
            db_.sql() << "SELECT COUNT(*) FROM enrolments WHERE cohort_uuid = :c AND participant_uuid = :p",
                soci::into(already), soci::use(cohort->uuid), soci::use(uuid);
            if (already) {
                result.already.push_back(ref);
                continue;
            }
            const std::string enrolment = new_uuid();
            db_.sql() << "INSERT INTO enrolments (uuid, cohort_uuid, participant_uuid, enrolled_on, created_at, "
                         "created_by, updated_at, updated_by) VALUES (:u, :c, :p, :on, :at, :by, :at2, :by2)",
                soci::use(enrolment), soci::use(cohort->uuid), soci::use(uuid), soci::use(on_text), soci::use(stamp.at),
                soci::use(stamp.by), soci::use(stamp.at), soci::use(stamp.by);
            result.enrolled.push_back(ref);
        }
        if (cohort->capacity > 0) {
            int size = 0;
            db_.sql() << "SELECT COUNT(*) FROM enrolments WHERE cohort_uuid = :c", soci::into(size),
                soci::use(cohort->uuid);
            if (size > cohort->capacity)
                refuse("ref", ProblemCode::cohort_full,
                       {code, std::to_string(cohort->capacity), std::to_string(result.enrolled.size()),
                        std::to_string(size)});
        }
    });
    return result;
}

void CohortRepo::change_enrolment_date(const std::string& code, const std::string& ref, const Date& on) {
    db_.write([&] {
        auto cohort = find(code);
        if (!cohort) refuse("cohort", ProblemCode::no_cohort, {code});
        std::string enrolment, before;
        db_.sql() << "SELECT e.uuid, e.enrolled_on FROM enrolments e JOIN participants p ON p.uuid = "
                     "e.participant_uuid WHERE e.cohort_uuid = :c AND p.ref = :r",
            soci::into(enrolment), soci::into(before), soci::use(cohort->uuid), soci::use(ref);
        if (!db_.sql().got_data()) refuse("ref", ProblemCode::not_enrolled, {ref, code});
        const std::string on_text = to_string(on);
        if (on_text == before) return;
        // The earliest of the person's marks at this cohort's sessions before the new date, if any.
        soci::rowset<soci::row> earlier =
            (db_.sql().prepare << "SELECT s.id, s.session_date, s.module_code FROM attendance a JOIN sessions s ON "
                                  "s.uuid = a.session_uuid JOIN participants p ON p.uuid = a.participant_uuid WHERE "
                                  "s.cohort_uuid = :c AND p.ref = :r AND s.session_date < :on "
                                  "ORDER BY s.session_date, s.id",
             soci::use(cohort->uuid), soci::use(ref), soci::use(on_text));
        for (const auto& r : earlier)
            refuse("enrolment date", ProblemCode::mark_before_enrolment,
                   {ref, std::to_string(integer(r, 0)), text(r, 2), text(r, 1), on_text});
        const std::string now = utc_timestamp_now();
        db_.sql() << "UPDATE enrolments SET enrolled_on = :on, updated_at = :at, updated_by = :by WHERE uuid = :u",
            soci::use(on_text), soci::use(now), soci::use(db_.actor()), soci::use(enrolment);
        record_audit(db_, "enrolment", enrolment, "redate", before, on_text);
    });
}

std::vector<Enrolment> CohortRepo::enrolments(const std::string& code) {
    std::vector<Enrolment> out;
    soci::rowset<soci::row> rows =
        (db_.sql().prepare << "SELECT p.ref, e.enrolled_on FROM enrolments e JOIN cohorts c ON c.uuid = e.cohort_uuid "
                              "JOIN participants p ON p.uuid = e.participant_uuid WHERE c.code = :c ORDER BY p.ref",
         soci::use(code));
    for (const auto& r : rows) out.push_back(Enrolment{code, text(r, 0), date(r, 1).value_or(Date{})});
    return out;
}

std::string SessionRepo::teaching_trainer(const std::string& ref, const std::string& field,
                                          const std::string& module_code, const Date& day) {
    const std::string uuid = trainer_uuid(db_, ref, field);
    std::vector<std::string> qualified;
    soci::rowset<soci::row> modules =
        (db_.sql().prepare << "SELECT module_code FROM trainer_modules WHERE trainer_uuid = :t", soci::use(uuid));
    for (const auto& r : modules) qualified.push_back(text(r, 0));
    std::vector<TrainerCertification> certifications;
    soci::rowset<soci::row> held =
        (db_.sql().prepare << "SELECT level, issued_on, expires_on FROM trainer_certifications WHERE trainer_uuid = :t",
         soci::use(uuid));
    for (const auto& r : held)
        certifications.push_back({text(r, 0), date(r, 1).value_or(Date{}), date(r, 2).value_or(Date{})});
    const TeachingBar bar = teaching_bar(qualified, certifications, module_code, day);
    if (bar) {
        TeachingRefusal refusal;
        refusal.trainer_ref = ref;
        refusal.bar = bar;
        refusal.problems.push_back(
            {"", 0, 0, field, ref + " cannot teach " + module_code + " on " + to_string(day) + ": " + to_string(bar)});
        throw refusal;
    }
    return uuid;
}

void SessionRepo::insert(Session& s, const std::string& cohort) {
    const Stamp stamp{utc_timestamp_now(), db_.actor()};
    s.uuid = s.uuid.empty() ? new_uuid() : s.uuid;
    const std::string day = to_string(s.date), start = to_string(s.start_time);
    std::string trainer, co_facilitator;
    soci::indicator trainer_ind = soci::i_null, co_ind = soci::i_null;
    if (!s.co_facilitator_ref.empty() && s.trainer_ref.empty())
        refuse("co-facilitator", ProblemCode::co_facilitator_without_lead);
    if (!s.co_facilitator_ref.empty() && s.co_facilitator_ref == s.trainer_ref)
        refuse("co-facilitator", ProblemCode::co_facilitator_leads, {s.trainer_ref});
    if (!s.trainer_ref.empty()) {
        trainer = teaching_trainer(s.trainer_ref, "trainer", s.module_code, s.date);
        trainer_ind = soci::i_ok;
    }
    if (!s.co_facilitator_ref.empty()) {
        co_facilitator = teaching_trainer(s.co_facilitator_ref, "co-facilitator", s.module_code, s.date);
        co_ind = soci::i_ok;
    }
    db_.sql() << "INSERT INTO sessions (uuid, cohort_uuid, module_code, session_date, start_time, minutes, "
                 "trainer_uuid, co_facilitator_uuid, created_at, created_by, updated_at, updated_by) VALUES (:u, :c, "
                 ":m, :d, :t, :min, :tr, :co, :at, :by, :at2, :by2)",
        soci::use(s.uuid), soci::use(cohort), soci::use(s.module_code), soci::use(day), soci::use(start),
        soci::use(s.minutes), soci::use(trainer, trainer_ind), soci::use(co_facilitator, co_ind), soci::use(stamp.at),
        soci::use(stamp.by), soci::use(stamp.at), soci::use(stamp.by);
    db_.sql() << "SELECT id FROM sessions WHERE uuid = :u", soci::into(s.id), soci::use(s.uuid);
}

std::vector<Session> SessionRepo::schedule(const std::string& code, int every_days, const LocalTime& start,
                                           std::vector<TeachingRefusal>* unassigned,
                                           const std::optional<std::string>& lead) {
    std::vector<Session> plan;
    db_.write([&] {
        if (unassigned) unassigned->clear();
        CohortRepo cohorts(db_);
        auto cohort = cohorts.find(code);
        if (!cohort) refuse("cohort", ProblemCode::no_cohort, {code});
        const auto existing = list(code);
        if (!existing.empty()) refuse("cohort", ProblemCode::sessions_exist, {code, std::to_string(existing.size())});
        Cohort planned = *cohort;
        if (lead) planned.trainer_refs = lead->empty() ? std::vector<std::string>{} : std::vector<std::string>{*lead};
        plan = plan_schedule(cohorts.curriculum_of(*cohort), planned, every_days, start);
        for (auto& s : plan) {
            if (!s.trainer_ref.empty()) {
                try {
                    teaching_trainer(s.trainer_ref, "trainer", s.module_code, s.date);
                } catch (const TeachingRefusal& e) {
                    // The lead may not teach this one: the session is planned without a trainer.
                    if (unassigned) unassigned->push_back(e);
                    s.trainer_ref.clear();
                }
            }
            insert(s, cohort->uuid);
        }
    });
    return plan;
}

Session SessionRepo::add(Session s) {
    db_.write([&] {
        CohortRepo cohorts(db_);
        auto cohort = cohorts.find(s.cohort_code);
        if (!cohort) refuse("cohort", ProblemCode::no_cohort, {s.cohort_code});
        const auto curriculum = cohorts.curriculum_of(*cohort);
        const Module* module = curriculum.module(s.module_code);
        if (!module)
            refuse("module", ProblemCode::no_module, {curriculum.code + " " + curriculum.version, s.module_code});
        if (s.minutes < 0) refuse("minutes", ProblemCode::session_negative, {std::to_string(s.minutes)});
        if (s.minutes == 0) s.minutes = module->minutes / std::max(1, module->sessions);
        if (s.minutes > 24 * 60) refuse("minutes", ProblemCode::session_too_long);
        insert(s, cohort->uuid);
    });
    return s;
}

void SessionRepo::assign(long long id, const std::string& trainer_ref, const std::string& co_facilitator_ref) {
    db_.write([&] {
        auto s = find(id);
        if (!s) refuse("session", ProblemCode::no_session, {std::to_string(id)});
        if (!co_facilitator_ref.empty() && trainer_ref.empty())
            refuse("co-facilitator", ProblemCode::co_facilitator_without_lead);
        if (!co_facilitator_ref.empty() && co_facilitator_ref == trainer_ref)
            refuse("co-facilitator", ProblemCode::co_facilitator_leads, {trainer_ref});
        std::string trainer, co_facilitator;
        soci::indicator trainer_ind = soci::i_null, co_ind = soci::i_null;
        if (!trainer_ref.empty()) {
            trainer = teaching_trainer(trainer_ref, "trainer", s->module_code, s->date);
            trainer_ind = soci::i_ok;
        }
        if (!co_facilitator_ref.empty()) {
            co_facilitator = teaching_trainer(co_facilitator_ref, "co-facilitator", s->module_code, s->date);
            co_ind = soci::i_ok;
        }
        const std::string now = utc_timestamp_now();
        db_.sql() << "UPDATE sessions SET trainer_uuid = :t, co_facilitator_uuid = :f, updated_at = :at, "
                     "updated_by = :by WHERE id = :id",
            soci::use(trainer, trainer_ind), soci::use(co_facilitator, co_ind), soci::use(now), soci::use(db_.actor()),
            soci::use(id);
        record_audit(db_, "session", s->uuid, "assign", s->trainer_ref + " / " + s->co_facilitator_ref,
                     trainer_ref + " / " + co_facilitator_ref);
    });
}

void SessionRepo::move(long long id, const Date& day, const LocalTime& start) {
    db_.write([&] {
        auto s = find(id);
        if (!s) refuse("session", ProblemCode::no_session, {std::to_string(id)});
        if (!s->trainer_ref.empty()) teaching_trainer(s->trainer_ref, "trainer", s->module_code, day);
        if (!s->co_facilitator_ref.empty())
            teaching_trainer(s->co_facilitator_ref, "co-facilitator", s->module_code, day);
        const std::string day_text = to_string(day), start_text = to_string(start), now = utc_timestamp_now();
        db_.sql() << "UPDATE sessions SET session_date = :d, start_time = :t, updated_at = :at, updated_by = :by "
                     "WHERE id = :id",
            soci::use(day_text), soci::use(start_text), soci::use(now), soci::use(db_.actor()), soci::use(id);
        record_audit(db_, "session", s->uuid, "move", to_string(s->date) + " " + to_string(s->start_time),
                     day_text + " " + start_text);
    });
}

void SessionRepo::remove(long long id) {
    db_.write([&] {
        auto s = find(id);
        if (!s) refuse("session", ProblemCode::no_session, {std::to_string(id)});
        int marks = 0;
        db_.sql() << "SELECT COUNT(*) FROM attendance WHERE session_uuid = :u", soci::into(marks), soci::use(s->uuid);
        if (marks > 0) refuse("session", ProblemCode::session_has_marks, {std::to_string(id), std::to_string(marks)});
        db_.sql() << "DELETE FROM sessions WHERE id = :id", soci::use(id);
        record_audit(db_, "session", s->uuid, "remove", s->module_code + " " + to_string(s->date), std::nullopt);
    });
}

std::optional<Session> SessionRepo::find(long long id) {
    soci::rowset<soci::row> rows =
        (db_.sql().prepare << "SELECT " << kSessionColumns << " WHERE s.id = :id", soci::use(id));
    for (const auto& r : rows) return session_from(r);
    return std::nullopt;
}

std::vector<Session> SessionRepo::list(const std::string& code) {
    std::vector<Session> out;
    soci::rowset<soci::row> rows =
        (db_.sql().prepare << "SELECT " << kSessionColumns
                           << " WHERE c.code = :c ORDER BY s.session_date, s.start_time, s.id",
         soci::use(code));
    for (const auto& r : rows) out.push_back(session_from(r));
    return out;
}

std::map<std::string, std::vector<Session>> SessionRepo::list_for_participant(const std::string& participant_uuid) {
    std::map<std::string, std::vector<Session>> out;
    soci::rowset<soci::row> rows =
        (db_.sql().prepare << "SELECT " << kSessionColumns
                           << " WHERE c.uuid IN (SELECT cohort_uuid FROM enrolments WHERE participant_uuid = :p) "
                              "ORDER BY c.code, s.session_date, s.start_time, s.id",
         soci::use(participant_uuid));
    for (const auto& r : rows) {
        auto session = session_from(r);
        out[session.cohort_code].push_back(std::move(session));
    }
    return out;
}

}  // namespace mitra::store
