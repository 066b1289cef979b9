// The programme report's raw figures: exact counts over a period, as the store reads them. Never shown as they are:
// core/suppression.hpp decides what a report may show of them.
#pragma once
#include <string>
#include <vector>

#include "core/calendar.hpp"
#include "core/text.hpp"

namespace mitra {

struct ReportFilter {
    Date from, to;           // inclusive; sessions, certificates and marks dated in the period count
    std::string country;     // ISO 3166-1 code of the cohorts' country; empty: all
    std::string curriculum;  // curriculum code; empty: all
    std::string cohort;      // cohort code; empty: all
};

struct CountryFigures {
    std::string country;
    long long enrolled = 0, completed = 0;  // distinct people in the country's cohorts
    long long session_minutes = 0;          // minutes of sessions held in the period
    // Supervised practice and observed assessment (issue 21), of the people enrolled in the country's cohorts:
    // distinct people with an observed result that counts, released and met, released and asked to repeat, or not
    // yet released (one person may be in more than one, for different modules)...
    long long observed_met = 0, observed_repeat = 0, observed_held = 0;
    // ...supervision practised in the period that counts (its supervisor's credential valid that day), by format,
    // and the distinct people it was for...
    long long supervision_one_to_one_minutes = 0, supervision_group_minutes = 0, supervised_people = 0;
    long long past_deadline = 0;  // ...and people not complete whose deadline (extensions included) has passed
};

struct ModuleFigures {
    std::string curriculum, code;
    LocalizedText title;
    long long sessions = 0, session_minutes = 0;  // held in the period (attendance recorded)
    long long attendances = 0;                    // marks present, late or left early at those sessions
    long long expected = 0;                       // people enrolled by each session's day, summed over the sessions
    long long attended_people = 0;                // distinct people at one or more of those sessions
    long long completed = 0;                      // people of the cohorts in scope who completed the module
    long long dropped = 0;  // people not complete whose last attended session was of this module and
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
    long long enrolled = 0,
              completed = 0;       // distinct people enrolled in the cohorts in scope (by the end of the period)
    long long never_attended = 0;  // enrolled, not complete, attended nothing though two or more sessions were held
    long long sessions = 0, session_minutes = 0;  // held: dated in the period, with attendance recorded
    long long sessions_unrecorded = 0;            // dated in the period, no attendance recorded (yet)
    long long attended_minutes = 0;  // minutes counted toward completion at the period's sessions, summed over people
    long long certificates_issued = 0, certificates_revoked = 0;
    long long trainers_active = 0;  // trainers who led a session in the period
    bool practice_rules = false;    // a curriculum in scope has issue 21's rules: supervision, a rubric or a window
    std::vector<CountryFigures> countries;
    std::vector<ModuleFigures> modules;  // in curriculum order
    std::vector<MonthFigures> months;
};

}  // namespace mitra
