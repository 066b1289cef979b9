// The programme report in words: its tables, charts and content in one language, every count suppressed as
// core/suppression.hpp decides.
#include "core/report_content.hpp"

#include "core/identity.hpp"
#include "core/suppression.hpp"

namespace mitra {

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

    ReportTable summary =
        headed({"summary", words("Summary"), words("Programme summary"), {"figure", "value"}, {}, {}, {}});
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
    row("attendances", shown(
                           [&] {
                               long long n = 0;
                               for (const auto& m : f.modules) n += m.attendances;
                               return n;
                           }(),
                           hide.attendances, words));
    // Hours attended by a handful of people say something about each of them.
    row("participant hours attended", people_suppressed ? words("suppressed") : hours(f.attended_minutes));
    row("enrolled but never attended", shown(f.never_attended, primary(f.never_attended), words));
    row("certificates issued", shown(f.certificates_issued, primary(f.certificates_issued), words));
    row("certificates revoked", shown(f.certificates_revoked, primary(f.certificates_revoked), words));
    row("trainers active", shown(f.trainers_active, primary(f.trainers_active), words));
    row("note", words(kNote));
    out.push_back(std::move(summary));

    ReportTable countries = headed({"countries",
                                    words("Countries"),
                                    words("By country"),
                                    {"country", "enrolled", "completed", "completion rate", "session hours"},
                                    {},
                                    {},
                                    {}});
    for (std::size_t i = 0; i < f.countries.size(); ++i) {
        const auto& c = f.countries[i];
        countries.row_keys.push_back(c.country);
        countries.rows.push_back(
            {words.country_name(c.country), shown(c.enrolled, hide.country_enrolled[i], words),
             shown(c.completed, hide.country_completed[i], words),
             rate(c.completed, hide.country_completed[i], c.enrolled, hide.country_enrolled[i], words),
             hours(c.session_minutes)});
    }
    out.push_back(std::move(countries));

    const bool with_curriculum = several_curricula(f);
    ReportTable modules = headed({"modules",
                                  words("Modules"),
                                  words("By module: attendance, completion and drop-out"),
                                  {"module", "sessions held", "session hours", "attendances", "attendance rate",
                                   "people attending", "people completed", "dropped out after"},
                                  {},
                                  {},
                                  {}});
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

    ReportTable months = headed({"months",
                                 words("Months"),
                                 words("Attendance over time"),
                                 {"month", "sessions held", "attendances"},
                                 {},
                                 {},
                                 {}});
    for (std::size_t i = 0; i < f.months.size(); ++i) {
        const auto& m = f.months[i];
        months.row_keys.push_back(m.month);
        months.rows.push_back(
            {m.month, std::to_string(m.sessions), shown(m.attendances, hide.month_attendances[i], words)});
    }
    out.push_back(std::move(months));
    // Issue 21, when a curriculum in scope asks for it: counts of people and hours per country, suppressed as the
    // other counts are. Never agreements, attestations or anything about one person.
    if (f.practice_rules) {
        ReportTable practice =
            headed({"practice",
                    words("Practice"),
                    words("Supervised practice and observed assessment, by country"),
                    {"country", "observed practice met", "asked to repeat", "result not yet released",
                     "supervision hours, one-to-one", "supervision hours, group", "past their deadline"},
                    {},
                    {},
                    {}});
        for (std::size_t i = 0; i < f.countries.size(); ++i) {
            const auto& c = f.countries[i];
            // Hours of a handful of people say something about each of them.
            const bool few = primary(c.enrolled) != Hidden::no || primary(c.supervised_people) != Hidden::no;
            auto supervised = [&](long long minutes) { return few ? words("suppressed") : hours(minutes); };
            practice.row_keys.push_back(c.country);
            practice.rows.push_back(
                {words.country_name(c.country), shown(c.observed_met, primary(c.observed_met), words),
                 shown(c.observed_repeat, primary(c.observed_repeat), words),
                 shown(c.observed_held, primary(c.observed_held), words), supervised(c.supervision_one_to_one_minutes),
                 supervised(c.supervision_group_minutes), shown(c.past_deadline, primary(c.past_deadline), words)});
        }
        out.push_back(std::move(practice));
    }
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
        charts.funnel.bars.push_back(
            bar(module_label(m, words.language, with_curriculum), m.completed, primary(m.completed), words));
    charts.over_time.name = words("attendances per month");
    for (std::size_t i = 0; i < f.months.size(); ++i)
        charts.over_time.bars.push_back(
            bar(f.months[i].month, f.months[i].attendances, hide.month_attendances[i], words));
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
    c.subtitle_lines.push_back(
        words("{cohorts} cohort(s), {sessions} session(s) held",
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

}  // namespace mitra
