// The programme report against a reference: the way it was worked out before it read the programme in one go,
// cohort by cohort with about fifteen queries each (slow on a hub, but plain), kept here as the oracle. On a
// programme with make-ups, late enrolments, drop-outs, people who never came, overrides and several countries,
// both must give the same figures for every filter.
#include <catch2/catch.hpp>
#include <soci/soci.h>

#include <algorithm>
#include <map>
#include <set>

#include "core/completion.hpp"
#include "store/report_queries.hpp"
#include "store/repos.hpp"
#include "store/rows.hpp"
#include "temp_dir.hpp"

using namespace mitra;
using namespace mitra::store;
using mitra::store_test::shipped_curriculum;
using mitra::store_test::TempDir;

namespace {

struct ScopeCohort {
    Cohort cohort;
    std::string curriculum_uuid;
    std::string last_session;  // YYYY-MM-DD, or empty
};

bool attended(AttendanceStatus status) {
    return status == AttendanceStatus::present || status == AttendanceStatus::late ||
           status == AttendanceStatus::left_early;
}

std::vector<ScopeCohort> cohorts_in_scope(Database& db, const ReportFilter& f) {
    std::map<std::string, std::string> last_session, curriculum_uuid;  // by cohort uuid
    soci::rowset<soci::row> rows = (db.sql().prepare << "SELECT c.uuid, c.curriculum_uuid, MAX(s.session_date) FROM "
                                                        "cohorts c LEFT JOIN sessions s ON s.cohort_uuid = c.uuid "
                                                        "GROUP BY c.uuid, c.curriculum_uuid");
    for (const auto& r : rows) {
        curriculum_uuid[text(r, 0)] = text(r, 1);
        last_session[text(r, 0)] = text(r, 2);
    }
    const std::string from = to_string(f.from), to = to_string(f.to);
    std::vector<ScopeCohort> out;
    for (auto& c : CohortRepo(db).list()) {
        if (!f.country.empty() && c.country != f.country) continue;
        if (!f.curriculum.empty() && c.curriculum_code != f.curriculum) continue;
        if (!f.cohort.empty() && c.code != f.cohort) continue;
        const std::string start = to_string(c.start_date);
        std::string last = std::max(start, last_session[c.uuid]);
        if (c.end_date) last = std::max(last, to_string(*c.end_date));
        if (start > to || last < from) continue;
        out.push_back({c, curriculum_uuid[c.uuid], last_session[c.uuid]});
    }
    return out;
}

struct HeldSession {
    std::string uuid, module_code, date;
    long long minutes = 0;
    std::string trainer_uuid;
};

ProgrammeFigures reference_figures(Database& db, const ReportFilter& filter, const std::string& language) {
    ProgrammeFigures fig;
    fig.filter = filter;
    const std::string from = to_string(filter.from), to = to_string(filter.to);
    db.read([&] {
        fig = ProgrammeFigures{};
        fig.filter = filter;
        const auto scope = cohorts_in_scope(db, filter);
        fig.cohorts = static_cast<long long>(scope.size());

        std::set<std::string> enrolled_people, completed_people, trainers;
        std::map<std::string, std::set<std::string>> country_enrolled, country_completed;  // country -> uuids
        std::map<std::string, long long> country_minutes;
        std::map<std::string, std::size_t> module_index;             // "curriculum/module" -> index in fig.modules
        std::map<std::string, std::set<std::string>> module_people;  // distinct attendees per module
        std::map<std::string, MonthFigures> months;
        std::map<std::string, Curriculum> curricula;  // by code and version

        for (const auto& sc : scope) {
            const Cohort& c = sc.cohort;
            CohortRepo cohorts(db);
            const std::string curriculum_key = c.curriculum_code + " " + c.curriculum_version;
            if (!curricula.count(curriculum_key)) curricula[curriculum_key] = cohorts.curriculum_of(c);
            const Curriculum& curriculum = curricula[curriculum_key];
            for (const auto& m : curriculum.modules) {
                const std::string key = curriculum.code + "/" + m.code;
                if (module_index.count(key)) continue;
                module_index[key] = fig.modules.size();
                ModuleFigures mf;
                mf.curriculum = curriculum.code;
                mf.code = m.code;
                mf.title = m.title;
                fig.modules.push_back(mf);
            }
            auto module_of = [&](const std::string& code) -> ModuleFigures* {
                auto it = module_index.find(curriculum.code + "/" + code);
                return it == module_index.end() ? nullptr : &fig.modules[it->second];
            };

            // People enrolled by the period's end: uuid -> (ref, enrolled_on).
            std::map<std::string, std::pair<std::string, std::string>> people;
            soci::rowset<soci::row> enrolled =
                (db.sql().prepare << "SELECT p.uuid, p.ref, e.enrolled_on FROM enrolments e JOIN participants p ON "
                                     "p.uuid = e.participant_uuid WHERE e.cohort_uuid = :c AND e.enrolled_on <= :t",
                 soci::use(c.uuid), soci::use(to));
            for (const auto& r : enrolled) people[text(r, 0)] = {text(r, 1), text(r, 2)};
            std::map<std::string, std::string> uuid_by_ref;
            for (const auto& [uuid, p] : people) {
                uuid_by_ref[p.first] = uuid;
                enrolled_people.insert(uuid);
                country_enrolled[c.country].insert(uuid);
            }

            // Completion, as the records stand, judged on the period's last day.
            std::set<std::string> complete_here;
            for (const auto& pc : cohort_completion(db, c.code, filter.to, language)) {
                auto it = uuid_by_ref.find(pc.ref);
                if (it == uuid_by_ref.end()) continue;
                if (pc.complete) {
                    complete_here.insert(it->second);
                    completed_people.insert(it->second);
                    country_completed[c.country].insert(it->second);
                }
                for (const auto& m : pc.modules)
                    if (m.complete)
                        if (auto* mf = module_of(m.code)) ++mf->completed;
            }

            // Sessions held in the period, and the marks at them.
            std::string lead_uuid;  // who leads a session that names no trainer
            soci::rowset<soci::row> leads = (db.sql().prepare << "SELECT trainer_uuid FROM cohort_trainers WHERE "
                                                                 "cohort_uuid = :c ORDER BY position",
                                             soci::use(c.uuid));
            for (const auto& r : leads)
                if (lead_uuid.empty()) lead_uuid = text(r, 0);
            std::vector<HeldSession> held;
            soci::rowset<soci::row> sessions =
                (db.sql().prepare << "SELECT s.uuid, s.module_code, s.session_date, s.minutes, s.trainer_uuid, "
                                     "(SELECT COUNT(*) FROM attendance a WHERE a.session_uuid = s.uuid) FROM sessions "
                                     "s WHERE s.cohort_uuid = :c AND s.session_date >= :f AND s.session_date <= :t",
                 soci::use(c.uuid), soci::use(from), soci::use(to));
            for (const auto& r : sessions) {
                // A session counts as held once its attendance is recorded; until then it may not have happened.
                if (integer(r, 5) == 0) ++fig.sessions_unrecorded;
                else held.push_back({text(r, 0), text(r, 1), text(r, 2), integer(r, 3), text(r, 4)});
            }
            for (const auto& s : held) {
                ++fig.sessions;
                fig.session_minutes += s.minutes;
                country_minutes[c.country] += s.minutes;
                auto& month = months[s.date.substr(0, 7)];
                month.month = s.date.substr(0, 7);
                ++month.sessions;
                if (!s.trainer_uuid.empty()) trainers.insert(s.trainer_uuid);
                else if (!lead_uuid.empty()) trainers.insert(lead_uuid);
                if (auto* mf = module_of(s.module_code)) {
                    ++mf->sessions;
                    mf->session_minutes += s.minutes;
                    for (const auto& [uuid, p] : people)
                        if (p.second <= s.date) ++mf->expected;
                }
            }
            soci::rowset<soci::row> marks =
                (db.sql().prepare << "SELECT a.participant_uuid, a.status, a.minutes, s.module_code, s.session_date, "
                                     "s.minutes FROM attendance a JOIN sessions s ON s.uuid = a.session_uuid WHERE "
                                     "s.cohort_uuid = :c AND s.session_date >= :f AND s.session_date <= :t",
                 soci::use(c.uuid), soci::use(from), soci::use(to));
            for (const auto& r : marks) {
                Attendance a;
                a.status = parse_attendance_status(text(r, 1)).value_or(AttendanceStatus::absent);
                if (r.get_indicator(2) != soci::i_null) a.minutes = static_cast<int>(integer(r, 2));
                if (!attended(a.status)) continue;
                fig.attended_minutes += counted_minutes(a, static_cast<int>(integer(r, 5)));
                ++months[text(r, 4).substr(0, 7)].attendances;
                if (auto* mf = module_of(text(r, 3))) {
                    ++mf->attendances;
                    module_people[mf->curriculum + "/" + mf->code].insert(text(r, 0));
                }
            }

            // Drop-out: the last session each person attended (their own cohort's or a make-up), up to the
            // period's end, against the cohort's sessions held after it.
            std::vector<std::string>
                cohort_days;  // the cohort's sessions with attendance recorded, by the period's end
            soci::rowset<soci::row> days =
                (db.sql().prepare << "SELECT s.session_date FROM sessions s WHERE s.cohort_uuid = :c AND "
                                     "s.session_date <= :t AND EXISTS (SELECT 1 FROM attendance a WHERE "
                                     "a.session_uuid = s.uuid)",
                 soci::use(c.uuid), soci::use(to));
            for (const auto& r : days) cohort_days.push_back(text(r, 0));
            std::map<std::string, std::pair<std::string, std::string>> last_attended;  // uuid -> (date, module)
            soci::rowset<soci::row> history =
                (db.sql().prepare << "SELECT a.participant_uuid, a.status, s.session_date, s.module_code FROM "
                                     "attendance a JOIN sessions s ON s.uuid = a.session_uuid JOIN cohorts c2 ON "
                                     "c2.uuid = s.cohort_uuid JOIN enrolments e ON e.participant_uuid = "
                                     "a.participant_uuid WHERE e.cohort_uuid = :c AND c2.curriculum_uuid = :cu AND "
                                     "s.session_date <= :t",
                 soci::use(c.uuid), soci::use(sc.curriculum_uuid), soci::use(to));
            for (const auto& r : history) {
                const auto status = parse_attendance_status(text(r, 1)).value_or(AttendanceStatus::absent);
                if (!attended(status)) continue;
                auto& last = last_attended[text(r, 0)];
                if (text(r, 2) > last.first) last = {text(r, 2), text(r, 3)};
            }
            for (const auto& [uuid, p] : people) {
                if (complete_here.count(uuid)) continue;
                auto it = last_attended.find(uuid);
                const std::string after = it == last_attended.end() ? p.second : it->second.first;
                const auto missed = std::count_if(cohort_days.begin(), cohort_days.end(), [&](const std::string& d) {
                    return it == last_attended.end() ? d >= after : d > after;
                });
                if (missed < 2) continue;
                if (it == last_attended.end()) ++fig.never_attended;
                else if (auto* mf = module_of(it->second.second)) ++mf->dropped;
            }

            // Certificates issued and revoked in the period.
            soci::rowset<soci::row> certificates =
                (db.sql().prepare << "SELECT issued_on, revoked_at FROM certificates WHERE cohort_uuid = :c",
                 soci::use(c.uuid));
            for (const auto& r : certificates) {
                const std::string issued = text(r, 0).substr(0, 10), revoked = text(r, 1).substr(0, 10);
                if (issued >= from && issued <= to) ++fig.certificates_issued;
                if (!revoked.empty() && revoked >= from && revoked <= to) ++fig.certificates_revoked;
            }
        }

        fig.enrolled = static_cast<long long>(enrolled_people.size());
        fig.completed = static_cast<long long>(completed_people.size());
        fig.trainers_active = static_cast<long long>(trainers.size());
        for (const auto& [country, uuids] : country_enrolled)
            fig.countries.push_back({country, static_cast<long long>(uuids.size()),
                                     static_cast<long long>(country_completed[country].size()),
                                     country_minutes[country]});
        for (auto& m : fig.modules)
            m.attended_people = static_cast<long long>(module_people[m.curriculum + "/" + m.code].size());
        for (const auto& [key, month] : months) fig.months.push_back(month);

        std::set<std::string> curriculum_codes;
        for (const auto& [key, cu] : curricula) curriculum_codes.insert(cu.code);
        if (curriculum_codes.size() == 1) fig.curriculum_title = curricula.begin()->second.title;
    });
    return fig;
}

Date day(const char* text) { return *parse_date(text); }

void same(const ProgrammeFigures& a, const ProgrammeFigures& b) {
    CHECK(a.cohorts == b.cohorts);
    CHECK(a.enrolled == b.enrolled);
    CHECK(a.completed == b.completed);
    CHECK(a.never_attended == b.never_attended);
    CHECK(a.sessions == b.sessions);
    CHECK(a.session_minutes == b.session_minutes);
    CHECK(a.sessions_unrecorded == b.sessions_unrecorded);
    CHECK(a.attended_minutes == b.attended_minutes);
    CHECK(a.certificates_issued == b.certificates_issued);
    CHECK(a.certificates_revoked == b.certificates_revoked);
    CHECK(a.trainers_active == b.trainers_active);
    CHECK(a.curriculum_title.by_language == b.curriculum_title.by_language);
    REQUIRE(a.countries.size() == b.countries.size());
    for (std::size_t i = 0; i < a.countries.size(); ++i) {
        INFO("country " << a.countries[i].country);
        CHECK(a.countries[i].country == b.countries[i].country);
        CHECK(a.countries[i].enrolled == b.countries[i].enrolled);
        CHECK(a.countries[i].completed == b.countries[i].completed);
        CHECK(a.countries[i].session_minutes == b.countries[i].session_minutes);
    }
    REQUIRE(a.modules.size() == b.modules.size());
    for (std::size_t i = 0; i < a.modules.size(); ++i) {
        INFO("module " << a.modules[i].code);
        CHECK(a.modules[i].curriculum == b.modules[i].curriculum);
        CHECK(a.modules[i].code == b.modules[i].code);
        CHECK(a.modules[i].sessions == b.modules[i].sessions);
        CHECK(a.modules[i].session_minutes == b.modules[i].session_minutes);
        CHECK(a.modules[i].attendances == b.modules[i].attendances);
        CHECK(a.modules[i].expected == b.modules[i].expected);
        CHECK(a.modules[i].attended_people == b.modules[i].attended_people);
        CHECK(a.modules[i].completed == b.modules[i].completed);
        CHECK(a.modules[i].dropped == b.modules[i].dropped);
    }
    REQUIRE(a.months.size() == b.months.size());
    for (std::size_t i = 0; i < a.months.size(); ++i) {
        INFO("month " << a.months[i].month);
        CHECK(a.months[i].month == b.months[i].month);
        CHECK(a.months[i].sessions == b.months[i].sessions);
        CHECK(a.months[i].attendances == b.months[i].attendances);
    }
}

}  // namespace

TEST_CASE("the programme report gives what working it out cohort by cohort gives, for every filter",
          "[store][report]") {
    TempDir dir;
    auto db = Database::open(dir.db("oracle.db"), "coordinator");
    auto psf = shipped_curriculum();
    CurriculumRepo(*db).import(psf);
    for (const auto& [ref, country] : {std::pair{"T-1", "NP"}, std::pair{"T-2", "JP"}}) {
        Trainer t;
        t.ref = ref;
        t.name = std::string("Trainer ") + ref;
        t.country = country;
        t.languages = {"en"};
        TrainerRepo(*db).add(t);
    }
    struct Plan {
        const char* code;
        const char* country;
        const char* start;
        const char* lead;    // "" for none
        std::size_t marked;  // sessions with attendance recorded
    };
    const std::vector<Plan> plans = {{"NP-1", "NP", "2026-01-05", "T-1", 20},
                                     {"NP-2", "NP", "2026-02-02", "T-1", 10},
                                     {"JP-1", "JP", "2026-01-06", "T-2", 24},
                                     {"LK-1", "LK", "2026-03-03", "", 5}};
    std::vector<Participant> people;
    for (const auto& plan : plans)
        for (int k = 1; k <= 8; ++k) {
            Participant p;
            p.ref = std::string(plan.code) + "-" + std::to_string(k);
            p.full_name = "Person " + p.ref;
            p.country = plan.country;
            p.language = "en";
            people.push_back(p);
        }
    ParticipantRepo(*db).save_all(people);
    CohortRepo cohorts(*db);
    SessionRepo sessions(*db);
    AttendanceRepo attendance(*db);
    RecordsRepo records(*db);
    std::map<std::string, std::vector<Session>> scheduled;
    for (const auto& plan : plans) {
        Cohort c;
        c.code = plan.code;
        c.curriculum_code = "PSF";
        c.site = std::string("Site ") + plan.code;
        c.country = plan.country;
        c.time_zone = "Asia/Kathmandu";
        c.language = "en";
        c.start_date = day(plan.start);
        if (*plan.lead) c.trainer_refs = {plan.lead};
        cohorts.create(c);
        std::vector<std::string> early, late;
        for (int k = 1; k <= 8; ++k)
            (k <= 6 ? early : late).push_back(std::string(plan.code) + "-" + std::to_string(k));
        cohorts.enrol(plan.code, early, day("2026-01-01"));
        cohorts.enrol(plan.code, late, add_days(day(plan.start), 21));  // after the first sessions
        scheduled[plan.code] = sessions.schedule(plan.code, 7, LocalTime{10, 0});
    }
    for (const auto& plan : plans) {
        const auto& plan_sessions = scheduled[plan.code];
        std::vector<LocatedMark> marks;
        for (std::size_t s = 0; s < plan.marked && s < plan_sessions.size(); ++s) {
            const auto& session = plan_sessions[s];
            for (int k = 1; k <= 8; ++k) {
                const std::string ref = std::string(plan.code) + "-" + std::to_string(k);
                if (k >= 7 && session.date < add_days(day(plan.start), 21)) continue;  // not enrolled yet
                if (k == 4) continue;                                                  // never came
                AttendanceStatus status = AttendanceStatus::present;
                std::optional<int> minutes;
                const auto roll = (s * 7 + static_cast<std::size_t>(k) * 3) % 11;
                if (k == 5 && s >= 3) status = AttendanceStatus::absent;  // dropped out after the third
                else if (roll == 1) status = AttendanceStatus::absent;
                else if (roll == 2) status = AttendanceStatus::excused;
                else if (roll == 3) status = AttendanceStatus::late, minutes = session.minutes / 2;
                else if (roll == 4) status = AttendanceStatus::left_early, minutes = 45;
                marks.push_back({Attendance{session.id, ref, status, minutes, ""}, 0});
            }
        }
        if (!marks.empty()) attendance.mark(plan.code, marks);
    }
    // Make-ups: two of NP-2's people at NP-1's sessions.
    attendance.mark("NP-1", {{Attendance{scheduled["NP-1"][4].id, "NP-2-1", AttendanceStatus::present, {}, ""}, 0},
                             {Attendance{scheduled["NP-1"][5].id, "NP-2-2", AttendanceStatus::late, 30, ""}, 0}});
    // Complete by the coordinator's decisions: two in NP-1, one in JP-1; the code of ethics acknowledged.
    for (const char* ref : {"NP-1-1", "NP-1-2", "JP-1-3"}) {
        const std::string cohort = std::string(ref).substr(0, 4);
        for (const auto& m : psf.modules)
            records.override_completion(cohort, {ref, m.code, true, "recognised prior learning", "", ""});
        records.acknowledge_ethics({ref, psf.ethics_code, day("2026-01-10")});
        mitra::store_test::sign_attestations(*db, ref, day("2026-01-10"));
    }
    records.override_completion("JP-1", {"JP-1-6", "M01", false, "left the programme", "", ""});

    std::vector<ReportFilter> filters(7);
    filters[0].from = day("2026-01-01"), filters[0].to = day("2026-12-31");
    filters[1].from = day("2026-01-01"), filters[1].to = day("2026-02-10");  // late enrolments after its end
    filters[2].from = day("2026-02-01"), filters[2].to = day("2026-03-31"), filters[2].country = "NP";
    filters[3].from = day("2025-01-01"), filters[3].to = day("2027-12-31"), filters[3].cohort = "JP-1";
    filters[4].from = day("2025-01-01"), filters[4].to = day("2027-12-31"), filters[4].curriculum = "PSF";
    filters[5].from = day("2026-03-01"), filters[5].to = day("2026-05-15");
    filters[6].from = day("2030-01-01"), filters[6].to = day("2030-12-31");  // nothing in it
    long long completed = 0, dropped = 0, never = 0, unrecorded = 0;
    for (const auto& f : filters) {
        INFO("from " << to_string(f.from) << " to " << to_string(f.to) << " country " << f.country << " cohort "
                     << f.cohort);
        const auto now = programme_figures(*db, f);
        ProgrammeFigures before;
        db->read([&] { before = reference_figures(*db, f, "en"); });
        same(now, before);
        completed += now.completed;
        never += now.never_attended;
        unrecorded += now.sessions_unrecorded;
        for (const auto& m : now.modules) dropped += m.dropped;
    }
    // The programme has each thing the figures count, so the comparison above could tell them apart.
    CHECK(completed > 0);
    CHECK(dropped > 0);
    CHECK(never > 0);
    CHECK(unrecorded > 0);
}
