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

std::string ReportWords::operator()(const std::string& english, const Values& values) const {
    if (label) return label(english, language, values);
    std::string text = english;
    for (const auto& [name, value] : values) {
        const std::string slot = "{" + name + "}";
        for (auto at = text.find(slot); at != std::string::npos; at = text.find(slot, at + value.size()))
            text.replace(at, slot.size(), value);
    }
    return text;
}

std::string ReportWords::country_name(const std::string& iso_code) const {
    return country ? country(iso_code, language) : iso_code;
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

// ---- Secondary suppression ----------------------------------------------------------------------

namespace {

// Whether the sum `line` still lets a reader pin down one of its hidden small cells.
bool line_leaks(const std::vector<long long>& counts, const std::vector<Hidden>& hidden, const SumLine& line) {
    int hidden_cells = hidden[line.total] != Hidden::no ? 1 : 0;
    for (auto p : line.parts) hidden_cells += hidden[p] != Hidden::no;
    if (hidden_cells == 0) return false;
    if (hidden_cells == 1) return true;  // the total less the shown cells, or the shown cells' sum
    if (hidden[line.total] != Hidden::no) return false;  // the sum itself is not known from this line
    // What the hidden parts add up to, which anyone can work out; and what each may be: a small cell 1 to
    // 4, a complementary one 0 or 5 and over (it would have been shown as small otherwise).
    long long hidden_sum = counts[line.total];
    int small = 0, complementary = 0;
    for (auto p : line.parts) {
        if (hidden[p] == Hidden::no) hidden_sum -= counts[p];
        else ++(hidden[p] == Hidden::small ? small : complementary);
    }
    if (small == 0) return false;
    // The other hidden parts make any sum in [small-1, 4(small-1)] plus, with complementary cells, 0 or 5 and over.
    auto others_make = [&](long long rest) {
        for (long long a = small - 1; a <= 4LL * (small - 1); ++a)
            if (rest - a == 0 || (complementary > 0 && rest - a >= 5)) return true;
        return false;
    };
    int possible = 0;
    for (long long x = 1; x <= 4; ++x) possible += others_make(hidden_sum - x);
    return possible <= 1;
}

}  // namespace

std::vector<Hidden> suppress_cells(const std::vector<long long>& counts, const std::vector<SumLine>& lines) {
    std::vector<Hidden> hidden(counts.size(), Hidden::no);
    for (std::size_t i = 0; i < counts.size(); ++i)
        if (is_suppressed(counts[i])) hidden[i] = Hidden::small;
    for (bool changed = true; changed;) {
        changed = false;
        for (const auto& line : lines) {
            if (!line_leaks(counts, hidden, line)) continue;
            // The next-smallest shown part, a non-zero one first; the total when every part is hidden.
            std::optional<std::size_t> pick;
            for (auto p : line.parts) {
                if (hidden[p] != Hidden::no) continue;
                auto rank = [&](std::size_t i) { return std::pair{counts[i] == 0, counts[i]}; };
                if (!pick || rank(p) < rank(*pick)) pick = p;
            }
            if (!pick && hidden[line.total] == Hidden::no) pick = line.total;
            if (!pick) continue;
            hidden[*pick] = Hidden::complementary;
            changed = true;
        }
    }
    return hidden;
}

ReportSuppression report_suppression(const ProgrammeFigures& f) {
    // One list of cells: the three programme totals, then the countries, the modules and the months.
    std::vector<long long> counts;
    long long attendances = 0;
    for (const auto& m : f.modules) attendances += m.attendances;
    counts = {f.enrolled, f.completed, attendances};
    const std::size_t enrolled_at = 0, completed_at = 1, attendances_at = 2;
    const std::size_t countries_at = counts.size();
    long long country_enrolled = 0, country_completed = 0;
    for (const auto& c : f.countries) {
        counts.push_back(c.enrolled);
        counts.push_back(c.completed);
        country_enrolled += c.enrolled;
        country_completed += c.completed;
    }
    const std::size_t modules_at = counts.size();
    for (const auto& m : f.modules) counts.push_back(m.attendances);
    const std::size_t months_at = counts.size();
    long long month_attendances = 0;
    for (const auto& m : f.months) {
        counts.push_back(m.attendances);
        month_attendances += m.attendances;
    }

    std::vector<SumLine> lines;
    // A person in cohorts of two countries is counted in both: then the countries do not add up to the total.
    if (country_enrolled == f.enrolled) {
        SumLine line{{}, enrolled_at};
        for (std::size_t i = 0; i < f.countries.size(); ++i) line.parts.push_back(countries_at + 2 * i);
        lines.push_back(line);
    }
    if (country_completed == f.completed) {
        SumLine line{{}, completed_at};
        for (std::size_t i = 0; i < f.countries.size(); ++i) line.parts.push_back(countries_at + 2 * i + 1);
        lines.push_back(line);
    }
    SumLine by_module{{}, attendances_at};
    for (std::size_t i = 0; i < f.modules.size(); ++i) by_module.parts.push_back(modules_at + i);
    lines.push_back(by_module);
    if (month_attendances == attendances) {
        SumLine by_month{{}, attendances_at};
        for (std::size_t i = 0; i < f.months.size(); ++i) by_month.parts.push_back(months_at + i);
        lines.push_back(by_month);
    }

    const auto hidden = suppress_cells(counts, lines);
    ReportSuppression s;
    s.enrolled = hidden[enrolled_at];
    s.completed = hidden[completed_at];
    s.attendances = hidden[attendances_at];
    for (std::size_t i = 0; i < f.countries.size(); ++i) {
        s.country_enrolled.push_back(hidden[countries_at + 2 * i]);
        s.country_completed.push_back(hidden[countries_at + 2 * i + 1]);
    }
    for (std::size_t i = 0; i < f.modules.size(); ++i) s.module_attendances.push_back(hidden[modules_at + i]);
    for (std::size_t i = 0; i < f.months.size(); ++i) s.month_attendances.push_back(hidden[months_at + i]);
    return s;
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

Hidden primary(long long count) { return is_suppressed(count) ? Hidden::small : Hidden::no; }

std::string shown(long long count, Hidden hidden, const ReportWords& words) {
    switch (hidden) {
        case Hidden::small: return "<5";
        case Hidden::complementary: return words("suppressed");
        case Hidden::no: break;
    }
    return std::to_string(count);
}

// A rate from a hidden count would give the count back: it is hidden too.
std::string rate(long long part, Hidden part_hidden, long long whole, Hidden whole_hidden, const ReportWords& words) {
    if (part_hidden != Hidden::no || whole_hidden != Hidden::no) return words("suppressed");
    const std::string r = shown_rate(part, whole);
    return r == "suppressed" ? words("suppressed") : r;
}

ReportBar bar(const std::string& label, long long count, Hidden hidden, const ReportWords& words) {
    ReportBar b;
    b.label = label;
    b.suppressed = hidden != Hidden::no;
    b.value = b.suppressed ? 0 : static_cast<double>(count);
    b.shown = shown(count, hidden, words);
    return b;
}

std::string or_all(const std::string& value, const ReportWords& words) { return value.empty() ? words("all") : value; }

std::string period(const ProgrammeFigures& f, const ReportWords& words) {
    // In a right-to-left line, 2027-12-31 would read as 31-12-2027 (its digits take the line's direction):
    // a left-to-right isolate keeps each date whole.
    auto iso = [&](const Date& day) {
        return is_right_to_left(words.language) ? "\u2066" + to_string(day) + "\u2069" : to_string(day);
    };
    return words("{from} to {to}", {{"from", iso(f.filter.from)}, {"to", iso(f.filter.to)}});
}

const char* const kNote =
    "counts from 1 to 4 are shown as <5; rates from them, and other cells from which one could be worked out, are "
    "suppressed";

}  // namespace

std::vector<ReportTable> report_tables(const ProgrammeFigures& f, const ReportWords& words) {
    const auto hide = report_suppression(f);
    std::vector<ReportTable> out;
    const bool people_suppressed = hide.enrolled != Hidden::no;
    auto headed = [&](ReportTable t) {
        for (const auto& c : t.columns) t.header.push_back(words(c));
        return t;
    };

    ReportTable summary = headed({"summary", words("Summary"), words("Programme summary"), {"figure", "value"}, {}, {}, {}});
    auto row = [&](const std::string& key, const std::string& value) {
        summary.row_keys.push_back(key);
        summary.rows.push_back({words(key), value});
    };
    row("period", period(f, words));
    row("country", f.filter.country.empty() ? words("all") : words.country_name(f.filter.country));
    row("curriculum", or_all(f.filter.curriculum, words));
    if (!f.curriculum_title.empty()) row("curriculum title", f.curriculum_title.in(words.language));
    row("cohort", or_all(f.filter.cohort, words));
    row("cohorts", std::to_string(f.cohorts));
    row("people enrolled", shown(f.enrolled, hide.enrolled, words));
    row("people completed", shown(f.completed, hide.completed, words));
    row("completion rate", rate(f.completed, hide.completed, f.enrolled, hide.enrolled, words));
    row("sessions held", std::to_string(f.sessions));
    row("sessions without attendance recorded", std::to_string(f.sessions_unrecorded));
    row("session hours delivered", hours(f.session_minutes));
    row("attendances", shown([&] {
            long long n = 0;
            for (const auto& m : f.modules) n += m.attendances;
            return n;
        }(), hide.attendances, words));
    // Hours attended by a handful of people say something about each of them.
    row("participant hours attended", people_suppressed ? words("suppressed") : hours(f.attended_minutes));
    row("enrolled but never attended", shown(f.never_attended, primary(f.never_attended), words));
    row("certificates issued", shown(f.certificates_issued, primary(f.certificates_issued), words));
    row("certificates revoked", shown(f.certificates_revoked, primary(f.certificates_revoked), words));
    row("trainers active", shown(f.trainers_active, primary(f.trainers_active), words));
    row("note", words(kNote));
    out.push_back(std::move(summary));

    ReportTable countries = headed({"countries", words("Countries"), words("By country"),
                                    {"country", "enrolled", "completed", "completion rate", "session hours"}, {}, {}, {}});
    for (std::size_t i = 0; i < f.countries.size(); ++i) {
        const auto& c = f.countries[i];
        countries.row_keys.push_back(c.country);
        countries.rows.push_back({words.country_name(c.country), shown(c.enrolled, hide.country_enrolled[i], words),
                                  shown(c.completed, hide.country_completed[i], words),
                                  rate(c.completed, hide.country_completed[i], c.enrolled, hide.country_enrolled[i], words),
                                  hours(c.session_minutes)});
    }
    out.push_back(std::move(countries));

    const bool with_curriculum = several_curricula(f);
    ReportTable modules = headed({"modules", words("Modules"), words("By module: attendance, completion and drop-out"),
                                  {"module", "sessions held", "session hours", "attendances", "attendance rate",
                                   "people attending", "people completed", "dropped out after"},
                                  {}, {}, {}});
    for (std::size_t i = 0; i < f.modules.size(); ++i) {
        const auto& m = f.modules[i];
        modules.row_keys.push_back(m.curriculum + "/" + m.code);
        modules.rows.push_back({module_label(m, words.language, with_curriculum), std::to_string(m.sessions),
                                hours(m.session_minutes), shown(m.attendances, hide.module_attendances[i], words),
                                rate(m.attendances, hide.module_attendances[i], m.expected, primary(m.expected), words),
                                shown(m.attended_people, primary(m.attended_people), words),
                                shown(m.completed, primary(m.completed), words),
                                shown(m.dropped, primary(m.dropped), words)});
    }
    out.push_back(std::move(modules));

    ReportTable months = headed({"months", words("Months"), words("Attendance over time"),
                                 {"month", "sessions held", "attendances"}, {}, {}, {}});
    for (std::size_t i = 0; i < f.months.size(); ++i) {
        const auto& m = f.months[i];
        months.row_keys.push_back(m.month);
        months.rows.push_back({m.month, std::to_string(m.sessions), shown(m.attendances, hide.month_attendances[i], words)});
    }
    out.push_back(std::move(months));
    return out;
}

ReportCharts report_charts(const ProgrammeFigures& f, const ReportWords& words) {
    const auto hide = report_suppression(f);
    ReportCharts charts;
    ReportSeries enrolled{words("enrolled"), {}}, completed{words("completed"), {}};
    for (std::size_t i = 0; i < f.countries.size(); ++i) {
        const auto& c = f.countries[i];
        const std::string name = words.country_name(c.country);
        enrolled.bars.push_back(bar(name, c.enrolled, hide.country_enrolled[i], words));
        completed.bars.push_back(bar(name, c.completed, hide.country_completed[i], words));
    }
    charts.by_country = {enrolled, completed};
    charts.funnel.name = words("people who completed each module");
    const bool with_curriculum = several_curricula(f);
    for (const auto& m : f.modules)
        charts.funnel.bars.push_back(bar(module_label(m, words.language, with_curriculum), m.completed,
                                         primary(m.completed), words));
    charts.over_time.name = words("attendances per month");
    for (std::size_t i = 0; i < f.months.size(); ++i)
        charts.over_time.bars.push_back(bar(f.months[i].month, f.months[i].attendances, hide.month_attendances[i], words));
    charts.by_country_title = words("People enrolled and completed, by country");
    charts.funnel_title = words("Completion funnel: people who completed each module");
    charts.over_time_title = words("Attendance over time: attendances per month");
    return charts;
}

ReportContent report_content(const ProgrammeFigures& f, const ReportWords& words) {
    ReportContent c;
    c.language = words.language;
    c.title = words("Programme report");
    c.file_title = c.title + " " + period(f, words);
    c.tables = report_tables(f, words);
    c.charts = report_charts(f, words);

    auto labelled = [&](const std::string& key, const std::string& value) {
        return words("{label}: {value}", {{"label", words(key)}, {"value", value}});
    };
    c.subtitle_lines.push_back(
        labelled("period", period(f, words)) + "  ·  " +
        labelled("country", f.filter.country.empty() ? words("all") : words.country_name(f.filter.country)) + "  ·  " +
        labelled("curriculum", or_all(f.filter.curriculum, words)) + "  ·  " +
        labelled("cohort", or_all(f.filter.cohort, words)));
    if (!f.curriculum_title.empty()) {
        std::string title = f.curriculum_title.in(words.language);
        if (title != f.curriculum_title.in("en")) title += "  ·  " + f.curriculum_title.in("en");
        c.subtitle_lines.push_back(title);
    }
    c.subtitle_lines.push_back(words("{cohorts} cohort(s), {sessions} session(s) held",
                                     {{"cohorts", std::to_string(f.cohorts)}, {"sessions", std::to_string(f.sessions)}}));
    const auto& summary = c.tables.front();
    for (const std::string key : {"people enrolled", "people completed", "completion rate", "session hours delivered",
                                  "certificates issued", "trainers active"})
        for (std::size_t r = 0; r < summary.row_keys.size(); ++r)
            if (summary.row_keys[r] == key) c.key_figures.push_back({summary.rows[r][0], summary.rows[r][1]});

    c.footer = words("{label}: {value}", {{"label", words("Aggregate figures only")}, {"value", words(kNote)}});
    c.nothing_to_show = words("Nothing to show for this period");
    c.nothing_in_period = words("nothing in this period");
    c.page = words("page {n}");
    c.csv_header.clear();
    for (const std::string key : {"table", "item", "measure", "value"}) c.csv_header.push_back(words(key));
    return c;
}

}  // namespace mitra::store
