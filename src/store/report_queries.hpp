// The programme report's figures for funders: aggregate counts over a period, and the tables and
// chart series a report may show, with small counts suppressed so no one can be re-identified.
#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/calendar.hpp"
#include "core/report.hpp"
#include "core/text.hpp"
#include "store/database.hpp"

namespace mitra::store {

struct ReportFilter {
    Date from, to;           // inclusive; sessions, certificates and marks dated in the period count
    std::string country;     // ISO 3166-1 code of the cohorts' country; empty: all
    std::string curriculum;  // curriculum code; empty: all
    std::string cohort;      // cohort code; empty: all
};

// ---- Raw figures: exact counts, never shown as they are (see report_tables) -----------------------

struct CountryFigures {
    std::string country;
    long long enrolled = 0, completed = 0;  // distinct people in the country's cohorts
    long long session_minutes = 0;          // minutes of sessions held in the period
};

struct ModuleFigures {
    std::string curriculum, code;
    LocalizedText title;
    long long sessions = 0, session_minutes = 0;  // held in the period (attendance recorded)
    long long attendances = 0;  // marks present, late or left early at those sessions
    long long expected = 0;     // people enrolled by each session's day, summed over the sessions
    long long attended_people = 0;  // distinct people at one or more of those sessions
    long long completed = 0;    // people of the cohorts in scope who completed the module
    long long dropped = 0;      // people not complete whose last attended session was of this module and
                                // who missed every session (two or more) held after it; a session counts as held
                                // once its attendance is recorded
};

struct MonthFigures {
    std::string month;  // YYYY-MM
    long long sessions = 0, attendances = 0;
};

struct ProgrammeFigures {
    ReportFilter filter;
    LocalizedText curriculum_title;  // when exactly one curriculum is in scope
    long long cohorts = 0;
    long long enrolled = 0, completed = 0;  // distinct people enrolled in the cohorts in scope (by the end of the period)
    long long never_attended = 0;           // enrolled, not complete, attended nothing though two or more sessions were held
    long long sessions = 0, session_minutes = 0;  // held: dated in the period, with attendance recorded
    long long sessions_unrecorded = 0;            // dated in the period, no attendance recorded (yet)
    long long attended_minutes = 0;  // minutes counted toward completion at the period's sessions, summed over people
    long long certificates_issued = 0, certificates_revoked = 0;
    long long trainers_active = 0;  // trainers who led a session in the period
    std::vector<CountryFigures> countries;
    std::vector<ModuleFigures> modules;  // in curriculum order
    std::vector<MonthFigures> months;
};

// Counts everything for the cohorts in scope: those matching the filter that were running in the
// period (started by its end, and their last session or end date not before its start). Completion is
// judged as the records stand, with the period's last day as "today". One consistent read.
ProgrammeFigures programme_figures(Database& db, const ReportFilter& filter);

// ---- How a report speaks -----------------------------------------------------------------------

// Its labels and country names in one language. The default speaks English and shows country codes;
// give io::report_label and io::country_name for any shipped language:
//   store::ReportWords words{"ja", &io::report_label, &io::country_name};
struct ReportWords {
    using Values = std::vector<std::pair<std::string, std::string>>;
    std::string language = "en";  // also the language of curriculum and module titles (English where none)
    std::function<std::string(std::string_view english, std::string_view language, const Values& values)> label;
    std::function<std::string(const std::string& iso_code, std::string_view language)> country;

    // The label whose English text is `english`, with {name} placeholders filled in.
    std::string operator()(const std::string& english, const Values& values = {}) const;
    std::string country_name(const std::string& iso_code) const;
};

// ---- Suppression: what a report may show -------------------------------------------------------

// Counts from 1 to 4 are suppressed: shown as "<5", never drawn to scale.
bool is_suppressed(long long count);
std::string shown_count(long long count);
// A share as "83%"; "suppressed" when either count is suppressed; "-" when the whole is 0.
std::string shown_rate(long long part, long long whole);

// Why a cell is not shown: a small count (primary), or a complementary cell hidden so that a small one
// cannot be worked back out from a total and the other cells (secondary suppression).
enum class Hidden { no, small, complementary };

// A published sum: the counts at `parts` add up to the count at `total` (indices into one list of cells).
struct SumLine {
    std::vector<std::size_t> parts;
    std::size_t total = 0;
};

// Which cells a report must hide. Every count from 1 to 4 is hidden (small); then, until nothing changes,
// each sum with a small cell a reader could still pin down (exactly one hidden cell in it, or a hidden
// sum too small to leave the small cell more than one possible value, knowing hidden complementary cells
// are 0 or 5 and over) hides its next-smallest shown part (non-zero first; the total when no part is left).
std::vector<Hidden> suppress_cells(const std::vector<long long>& counts, const std::vector<SumLine>& lines);

// The report's sums and what they hide. Country figures add up to the programme's people enrolled and
// completed (when no one is counted in two countries); module and month attendances both add up to the
// programme's attendances. Counts that add up to nothing published are hidden only when small.
struct ReportSuppression {
    Hidden enrolled = Hidden::no, completed = Hidden::no, attendances = Hidden::no;
    std::vector<Hidden> country_enrolled, country_completed;  // as ProgrammeFigures::countries
    std::vector<Hidden> module_attendances;                   // as ProgrammeFigures::modules
    std::vector<Hidden> month_attendances;                    // as ProgrammeFigures::months
};
ReportSuppression report_suppression(const ProgrammeFigures& figures);

// The report's tables: summary, by country, by module (attendance, completion and drop-out), by month.
// Countries by name, module titles in the words' language (English where there is none). No names, no refs.
std::vector<ReportTable> report_tables(const ProgrammeFigures& figures, const ReportWords& words = {});
ReportCharts report_charts(const ProgrammeFigures& figures, const ReportWords& words = {});

// Everything a report shows, in one language (core/report.hpp): what the CSV, XLSX, PDF and the desktop's
// Reports view are made of.
ReportContent report_content(const ProgrammeFigures& figures, const ReportWords& words = {});

}  // namespace mitra::store
