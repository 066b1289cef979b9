// The programme report: counts per period, country, curriculum and cohort, then suppressed for showing.
#include "store/report_queries.hpp"

#include <soci/soci.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>

#include "core/completion.hpp"
#include "core/identity.hpp"
#include "store/programme_snapshot.hpp"
#include "store/repos.hpp"
#include "store/rows.hpp"

namespace mitra::store {
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

}  // namespace

ProgrammeFigures programme_figures(Database& db, const ReportFilter& filter) {
    // The whole programme is read once (ProgrammeSnapshot) and every figure is worked out from it: a hub's year
    // has thousands of cohorts, and asking the database cohort by cohort took seconds per thousand.
    ProgrammeFigures fig;
    const Date& from = filter.from;
    const Date& to = filter.to;
    const std::string from_text = to_string(from), to_text = to_string(to);  // certificates' days are text
    db.read([&] {
        fig = ProgrammeFigures{};
        fig.filter = filter;
        const auto scope = cohorts_in_scope(db, filter);
        fig.cohorts = static_cast<long long>(scope.size());
        const auto programme = ProgrammeSnapshot::read(db);

        std::map<std::string, std::string> lead_of;  // cohort uuid -> who leads a session that names no trainer
        soci::rowset<soci::row> leads = (db.sql().prepare << "SELECT cohort_uuid, trainer_uuid FROM cohort_trainers "
                                                             "ORDER BY cohort_uuid, position");
        for (const auto& r : leads) lead_of.emplace(text(r, 0), text(r, 1));  // the first one of each cohort
        std::map<std::string, std::vector<std::pair<std::string, std::string>>> certificates_of;  // issued, revoked
        soci::rowset<soci::row> certificates =
            (db.sql().prepare << "SELECT cohort_uuid, issued_on, revoked_at FROM certificates");
        for (const auto& r : certificates)
            certificates_of[text(r, 0)].emplace_back(text(r, 1).substr(0, 10), text(r, 2).substr(0, 10));

        // Each session's marks: a session's place among all sessions, then the marks at it.
        std::vector<std::size_t> session_base(programme.cohorts.size() + 1, 0);
        for (std::size_t c = 0; c < programme.cohorts.size(); ++c)
            session_base[c + 1] = session_base[c] + programme.cohorts[c].sessions.size();
        std::vector<std::uint32_t> at_session_first(session_base.back() + 1, 0), at_session;
        for (const auto& m : programme.marks) ++at_session_first[session_base[m.cohort] + m.session + 1];
        for (std::size_t i = 1; i < at_session_first.size(); ++i) at_session_first[i] += at_session_first[i - 1];
        at_session.resize(programme.marks.size());
        {
            std::vector<std::uint32_t> next(at_session_first.begin(), at_session_first.end() - 1);
            for (std::uint32_t i = 0; i < programme.marks.size(); ++i) {
                const auto& m = programme.marks[i];
                at_session[next[session_base[m.cohort] + m.session]++] = i;
            }
        }

        // Completion of the cohorts in scope, judged on the period's last day, on every core: who is complete
        // (of those enrolled by then) and how many completed each module.
        std::vector<std::size_t> which;
        for (const auto& sc : scope) {
            auto c = programme.cohort_at.find(sc.cohort.uuid);
            if (c == programme.cohort_at.end())
                throw DatabaseError("cohort " + sc.cohort.code + " names a curriculum that is not in the database");
            which.push_back(c->second);
        }
        // Issue 21: a person's observed results that count, as flags.
        constexpr char kMet = 1, kRepeat = 2, kHeld = 4;
        struct Judged {
            std::vector<char> complete;                     // by place in the cohort's enrolled
            std::vector<char> observed, past_deadline;      // likewise
            std::map<std::string, long long> modules_done;  // module code -> people who completed it
        };
        std::vector<Judged> judged(which.size());
        in_parallel(which.size(), [&](std::size_t first, std::size_t last) {
            ParticipantRecord record;
            for (std::size_t i = first; i < last; ++i) {
                const auto& cohort = programme.cohorts[which[i]];
                const auto results = programme.judge(which[i], to, record);
                if (results.size() != cohort.enrolled.size())
                    throw DatabaseError("cohort " + cohort.code + " names a curriculum that is not in the database");
                judged[i].complete.assign(results.size(), 0);
                judged[i].observed.assign(results.size(), 0);
                judged[i].past_deadline.assign(results.size(), 0);
                for (std::size_t k = 0; k < results.size(); ++k) {
                    if (to < cohort.enrolled[k].second) continue;
                    judged[i].complete[k] = results[k].complete;
                    const auto& deadline = results[k].deadline;
                    judged[i].past_deadline[k] = !results[k].complete && deadline && deadline->due < to;
                    for (const auto& m : results[k].modules)
                        if (m.observation)
                            judged[i].observed[k] |= !m.observation_released                          ? kHeld
                                                     : m.observation->outcome == ObservedOutcome::met ? kMet
                                                                                                      : kRepeat;
                    for (const auto& m : results[k].modules)
                        if (m.complete) ++judged[i].modules_done[m.code];
                }
            }
        });

        // Distinct people are counted with a flag per person: set once, counted when set.
        const std::size_t everyone = programme.people.size();
        struct Distinct {
            std::vector<char> seen;
            long long count = 0;
            void add(std::uint32_t person, std::size_t everyone) {
                if (seen.empty()) seen.assign(everyone, 0);
                if (!seen[person]) {
                    seen[person] = 1;
                    ++count;
                }
            }
        };
        Distinct enrolled_people, completed_people;
        std::set<std::string> trainers;
        std::map<std::string, Distinct> country_enrolled, country_completed;
        std::map<std::string, Distinct> country_met, country_repeat, country_held, country_late, country_supervised;
        std::map<std::string, std::pair<long long, long long>> country_supervision;  // one-to-one, group minutes
        std::map<std::string, const Supervisor*> supervisor_of;
        for (const auto& v : programme.supervisors) supervisor_of[v.ref] = &v;
        std::map<std::string, long long> country_minutes;
        std::map<std::pair<std::string, std::string>, std::size_t> module_index;  // (curriculum, module) -> fig.modules
        std::vector<Distinct> module_people;  // distinct attendees, by index in fig.modules
        std::map<std::string, MonthFigures> months;
        std::map<std::string, Curriculum> curricula;   // by code and version
        std::map<std::string, int> curriculum_number;  // a small number for each curriculum uuid, to compare quickly
        std::vector<int> curriculum_of(programme.cohorts.size());
        for (std::size_t c = 0; c < programme.cohorts.size(); ++c)
            curriculum_of[c] =
                curriculum_number
                    .emplace(programme.cohorts[c].curriculum_uuid, static_cast<int>(curriculum_number.size()))
                    .first->second;

        for (std::size_t i = 0; i < scope.size(); ++i) {
            const Cohort& c = scope[i].cohort;
            const auto& data = programme.cohorts[which[i]];
            const std::string curriculum_key = c.curriculum_code + " " + c.curriculum_version;
            if (!curricula.count(curriculum_key)) curricula[curriculum_key] = CohortRepo(db).curriculum_of(c);
            const Curriculum& curriculum = curricula[curriculum_key];
            if (curriculum.programme.completion_months > 0) fig.practice_rules = true;
            for (const auto& m : curriculum.modules)
                if (m.rubric || m.supervision.any()) fig.practice_rules = true;
            for (const auto& m : curriculum.modules) {
                const std::pair key{curriculum.code, m.code};
                if (module_index.count(key)) continue;
                module_index[key] = fig.modules.size();
                module_people.emplace_back();
                ModuleFigures mf;
                mf.curriculum = curriculum.code;
                mf.code = m.code;
                mf.title = m.title;
                fig.modules.push_back(mf);
            }
            auto module_at = [&](const std::string& code) -> std::optional<std::size_t> {
                auto it = module_index.find({curriculum.code, code});
                return it == module_index.end() ? std::nullopt : std::optional(it->second);
            };
            auto module_of = [&](const std::string& code) -> ModuleFigures* {
                const auto at = module_at(code);
                return at ? &fig.modules[*at] : nullptr;
            };

            // People enrolled by the period's end (and whether complete, by place in the cohort's enrolled).
            std::vector<std::pair<std::uint32_t, Date>> people;
            std::vector<char> complete_here;
            for (std::size_t k = 0; k < data.enrolled.size(); ++k) {
                const auto& [person, enrolled_on] = data.enrolled[k];
                if (to < enrolled_on) continue;
                people.emplace_back(person, enrolled_on);
                complete_here.push_back(judged[i].complete[k]);
                enrolled_people.add(person, everyone);
                country_enrolled[c.country].add(person, everyone);
                if (judged[i].complete[k]) {
                    completed_people.add(person, everyone);
                    country_completed[c.country].add(person, everyone);
                }
                if (judged[i].observed[k] & kMet) country_met[c.country].add(person, everyone);
                if (judged[i].observed[k] & kRepeat) country_repeat[c.country].add(person, everyone);
                if (judged[i].observed[k] & kHeld) country_held[c.country].add(person, everyone);
                if (judged[i].past_deadline[k]) country_late[c.country].add(person, everyone);
                if (auto x = programme.practice.find({which[i], person}); x != programme.practice.end())
                    for (const auto& e : x->second.supervision) {
                        if (e.day < from || to < e.day) continue;
                        const auto v = supervisor_of.find(e.supervisor_ref);
                        if (v == supervisor_of.end() || !credential_valid_on(*v->second, e.day)) continue;
                        auto& minutes = country_supervision[c.country];
                        (e.format == SupervisionFormat::one_to_one ? minutes.first : minutes.second) += e.minutes;
                        country_supervised[c.country].add(person, everyone);
                    }
            }
            for (const auto& [code, count] : judged[i].modules_done)
                if (auto* mf = module_of(code)) mf->completed += count;

            // Sessions in the period: held once their attendance is recorded (until then they may not have
            // happened), and the marks at them, anyone's.
            const std::string* lead = nullptr;
            if (auto l = lead_of.find(c.uuid); l != lead_of.end()) lead = &l->second;
            for (std::size_t j = 0; j < data.sessions.size(); ++j) {
                const Session& s = data.sessions[j];
                if (s.date < from || to < s.date) continue;
                if (data.session_marks[j] == 0) {
                    ++fig.sessions_unrecorded;
                    continue;
                }
                const std::string month = to_string(s.date).substr(0, 7);
                ++fig.sessions;
                fig.session_minutes += s.minutes;
                country_minutes[c.country] += s.minutes;
                auto& held = months[month];
                held.month = month;
                ++held.sessions;
                if (!data.session_trainer[j].empty()) trainers.insert(data.session_trainer[j]);
                else if (lead) trainers.insert(*lead);
                const auto module = module_at(s.module_code);
                ModuleFigures* mf = module ? &fig.modules[*module] : nullptr;
                if (mf) {
                    ++mf->sessions;
                    mf->session_minutes += s.minutes;
                    for (const auto& person : people)
                        if (!(s.date < person.second)) ++mf->expected;
                }
                const std::size_t at = session_base[which[i]] + j;
                for (std::uint32_t k = at_session_first[at]; k < at_session_first[at + 1]; ++k) {
                    const auto& m = programme.marks[at_session[k]];
                    if (!attended(m.status)) continue;
                    fig.attended_minutes += counted_minutes(Attendance{0, "", m.status, m.minutes, ""}, s.minutes);
                    ++held.attendances;
                    if (mf) {
                        ++mf->attendances;
                        module_people[*module].add(m.person, everyone);
                    }
                }
            }

            // Drop-out: the last session each person attended (their own cohort's or a make-up of the same
            // curriculum), up to the period's end, against the cohort's sessions held after it.
            std::vector<Date> cohort_days;  // the cohort's sessions with attendance recorded, by the period's end
            for (std::size_t j = 0; j < data.sessions.size(); ++j)
                if (!(to < data.sessions[j].date) && data.session_marks[j] > 0)
                    cohort_days.push_back(data.sessions[j].date);
            for (std::size_t k = 0; k < people.size(); ++k) {
                if (complete_here[k]) continue;
                const auto& [person, enrolled_on] = people[k];
                const Session* last = nullptr;
                for (std::uint32_t n = programme.first[person]; n < programme.first[person + 1]; ++n) {
                    const auto& m = programme.marks[n];
                    if (curriculum_of[m.cohort] != curriculum_of[which[i]] || !attended(m.status)) continue;
                    const Session& s = programme.cohorts[m.cohort].sessions[m.session];
                    if (to < s.date) continue;
                    if (!last || last->date < s.date) last = &s;
                }
                const Date after = last ? last->date : enrolled_on;
                const auto missed = std::count_if(cohort_days.begin(), cohort_days.end(),
                                                  [&](const Date& d) { return last ? after < d : !(d < after); });
                if (missed < 2) continue;
                if (!last) ++fig.never_attended;
                else if (auto* mf = module_of(last->module_code)) ++mf->dropped;
            }

            // Certificates issued and revoked in the period.
            if (auto issued = certificates_of.find(c.uuid); issued != certificates_of.end())
                for (const auto& [on, revoked] : issued->second) {
                    if (on >= from_text && on <= to_text) ++fig.certificates_issued;
                    if (!revoked.empty() && revoked >= from_text && revoked <= to_text) ++fig.certificates_revoked;
                }
        }

        fig.enrolled = enrolled_people.count;
        fig.completed = completed_people.count;
        fig.trainers_active = static_cast<long long>(trainers.size());
        for (const auto& [country, people] : country_enrolled) {
            CountryFigures cf{country, people.count, country_completed[country].count, country_minutes[country]};
            cf.observed_met = country_met[country].count;
            cf.observed_repeat = country_repeat[country].count;
            cf.observed_held = country_held[country].count;
            cf.supervision_one_to_one_minutes = country_supervision[country].first;
            cf.supervision_group_minutes = country_supervision[country].second;
            cf.supervised_people = country_supervised[country].count;
            cf.past_deadline = country_late[country].count;
            fig.countries.push_back(cf);
        }
        for (std::size_t m = 0; m < fig.modules.size(); ++m) fig.modules[m].attended_people = module_people[m].count;
        for (const auto& [key, month] : months) fig.months.push_back(month);

        std::set<std::string> curriculum_codes;
        for (const auto& [key, cu] : curricula) curriculum_codes.insert(cu.code);
        if (curriculum_codes.size() == 1) fig.curriculum_title = curricula.begin()->second.title;
    });
    return fig;
}

}  // namespace mitra::store
