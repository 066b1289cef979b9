// The programme report: counts per period, country, curriculum and cohort, then suppressed for showing.
#include "store/report_queries.hpp"

#include <soci/soci.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "core/completion.hpp"
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

struct HeldSession {
    std::string uuid, module_code, date;
    long long minutes = 0;
    std::string trainer_uuid;
};

}  // namespace

ProgrammeFigures programme_figures(Database& db, const ReportFilter& filter, const std::string& language) {
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
        std::map<std::string, std::size_t> module_index;  // "curriculum/module" -> index in fig.modules
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
            std::vector<std::string> cohort_days;  // the cohort's sessions with attendance recorded, by the period's end
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

bool is_suppressed(long long count) { return count >= 1 && count <= 4; }

std::string shown_count(long long count) { return is_suppressed(count) ? "<5" : std::to_string(count); }

std::string shown_rate(long long part, long long whole) {
    if (is_suppressed(part) || is_suppressed(whole)) return "suppressed";
    if (whole <= 0) return "-";
    return std::to_string(static_cast<long long>(std::lround(100.0 * static_cast<double>(part) /
                                                             static_cast<double>(whole)))) +
           "%";
}

namespace {

std::string hours(long long minutes) {
    const long long tenths = (minutes * 10 + 30) / 60;
    return std::to_string(tenths / 10) + (tenths % 10 ? "." + std::to_string(tenths % 10) : "");
}

std::string module_label(const ModuleFigures& m, const std::string& language, bool with_curriculum) {
    const std::string title = m.title.in(language);
    return (with_curriculum ? m.curriculum + " " : "") + m.code + (title.empty() ? "" : " " + title);
}

bool several_curricula(const ProgrammeFigures& f) {
    for (const auto& m : f.modules)
        if (m.curriculum != f.modules.front().curriculum) return true;
    return false;
}

ReportBar bar(const std::string& label, long long count) {
    ReportBar b;
    b.label = label;
    b.suppressed = is_suppressed(count);
    b.value = b.suppressed ? 0 : static_cast<double>(count);
    b.shown = shown_count(count);
    return b;
}

}  // namespace

std::vector<ReportTable> report_tables(const ProgrammeFigures& f, const std::string& language) {
    std::vector<ReportTable> out;
    const bool people_suppressed = is_suppressed(f.enrolled);

    ReportTable summary{"Summary", "Programme summary", {"figure", "value"}, {}};
    auto row = [&](const std::string& label, const std::string& value) { summary.rows.push_back({label, value}); };
    row("period", to_string(f.filter.from) + " to " + to_string(f.filter.to));
    row("country", f.filter.country.empty() ? "all" : f.filter.country);
    row("curriculum", f.filter.curriculum.empty() ? "all" : f.filter.curriculum);
    if (!f.curriculum_title.empty()) row("curriculum title", f.curriculum_title.in(language));
    row("cohort", f.filter.cohort.empty() ? "all" : f.filter.cohort);
    row("cohorts", std::to_string(f.cohorts));
    row("people enrolled", shown_count(f.enrolled));
    row("people completed", shown_count(f.completed));
    row("completion rate", shown_rate(f.completed, f.enrolled));
    row("sessions held", std::to_string(f.sessions));
    row("sessions without attendance recorded", std::to_string(f.sessions_unrecorded));
    row("session hours delivered", hours(f.session_minutes));
    // Hours attended by a handful of people say something about each of them.
    row("participant hours attended", people_suppressed ? "suppressed" : hours(f.attended_minutes));
    row("enrolled but never attended", shown_count(f.never_attended));
    row("certificates issued", shown_count(f.certificates_issued));
    row("certificates revoked", shown_count(f.certificates_revoked));
    row("trainers active", shown_count(f.trainers_active));
    row("note", "counts from 1 to 4 are shown as <5, and rates from them are suppressed");
    out.push_back(std::move(summary));

    ReportTable countries{"Countries", "By country",
                          {"country", "enrolled", "completed", "completion rate", "session hours"}, {}};
    for (const auto& c : f.countries)
        countries.rows.push_back({c.country, shown_count(c.enrolled), shown_count(c.completed),
                                  shown_rate(c.completed, c.enrolled), hours(c.session_minutes)});
    out.push_back(std::move(countries));

    const bool with_curriculum = several_curricula(f);
    ReportTable modules{"Modules", "By module: attendance, completion and drop-out",
                        {"module", "sessions held", "session hours", "attendances", "attendance rate",
                         "people attending", "people completed", "dropped out after"},
                        {}};
    for (const auto& m : f.modules)
        modules.rows.push_back({module_label(m, language, with_curriculum), std::to_string(m.sessions),
                                hours(m.session_minutes), shown_count(m.attendances),
                                shown_rate(m.attendances, m.expected), shown_count(m.attended_people),
                                shown_count(m.completed), shown_count(m.dropped)});
    out.push_back(std::move(modules));

    ReportTable months{"Months", "Attendance over time", {"month", "sessions held", "attendances"}, {}};
    for (const auto& m : f.months)
        months.rows.push_back({m.month, std::to_string(m.sessions), shown_count(m.attendances)});
    out.push_back(std::move(months));
    return out;
}

ReportCharts report_charts(const ProgrammeFigures& f, const std::string& language) {
    ReportCharts charts;
    ReportSeries enrolled{"enrolled", {}}, completed{"completed", {}};
    for (const auto& c : f.countries) {
        enrolled.bars.push_back(bar(c.country, c.enrolled));
        completed.bars.push_back(bar(c.country, c.completed));
    }
    charts.by_country = {enrolled, completed};
    charts.funnel.name = "people who completed each module";
    const bool with_curriculum = several_curricula(f);
    for (const auto& m : f.modules) charts.funnel.bars.push_back(bar(module_label(m, language, with_curriculum), m.completed));
    charts.over_time.name = "attendances per month";
    for (const auto& m : f.months) charts.over_time.bars.push_back(bar(m.month, m.attendances));
    return charts;
}

}  // namespace mitra::store
