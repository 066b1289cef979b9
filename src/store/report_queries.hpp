// The programme report's figures for funders: aggregate counts over a period, and the tables and
// chart series a report may show, with small counts suppressed so no one can be re-identified.
#pragma once
#include <string>
#include <vector>

#include "core/calendar.hpp"
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
ProgrammeFigures programme_figures(Database& db, const ReportFilter& filter, const std::string& language = "en");

// ---- Suppression: what a report may show -------------------------------------------------------

// Counts from 1 to 4 are suppressed: shown as "<5", never drawn to scale.
bool is_suppressed(long long count);
std::string shown_count(long long count);
// A share as "83%"; "suppressed" when either count is suppressed; "-" when the whole is 0.
std::string shown_rate(long long part, long long whole);

// A table as every report format shows it (CSV, XLSX, PDF, JSON): already suppressed text.
struct ReportTable {
    std::string name;  // a short name, also the XLSX sheet's name (at most 31 characters)
    std::string title;
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
};

// One bar of a chart: the value is 0 and `suppressed` set when the count may not be shown.
struct ReportBar {
    std::string label;
    double value = 0;
    bool suppressed = false;
    std::string shown;  // the value as text ("12", "<5")
};

struct ReportSeries {
    std::string name;
    std::vector<ReportBar> bars;
};

struct ReportCharts {
    std::vector<ReportSeries> by_country;  // enrolled and completed, one bar pair per country
    ReportSeries funnel;                   // people complete in each module, in curriculum order
    ReportSeries over_time;                // attendances per month
};

// The report's tables: summary, by country, by module (attendance, completion, drop-out), by month.
// Module titles in `language` (English where there is none). No names, no refs: aggregates only.
std::vector<ReportTable> report_tables(const ProgrammeFigures& figures, const std::string& language = "en");
ReportCharts report_charts(const ProgrammeFigures& figures, const std::string& language = "en");

}  // namespace mitra::store
