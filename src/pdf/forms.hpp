// Paper forms for field sites, as PDF bytes (A4 portrait, made to print well on an ordinary printer):
// a session's sign-in sheet, a cohort's roster, and a blank enrolment form in the cohort's language.
#pragma once

#include "pdf/font_stack.hpp"

#include <string>
#include <vector>

namespace mitra::pdf {

struct FormPerson {
    std::string ref;
    std::string full_name;   // in the person's own script, exactly as written
    std::string latin_name;  // optional
    std::string language;    // BCP 47, also picks CJK glyph forms for the name
    std::string country;
};

struct SignInSheet {
    long long session_id = 0;
    std::string cohort_code;
    std::string curriculum_title;  // in the cohort's language
    std::string module_code, module_title, module_title_en;
    std::string site;
    std::string date;                  // as the cohort's language writes it
    std::string iso_date;              // YYYY-MM-DD
    std::string start_time, end_time;  // HH:MM at the site
    std::string time_zone;
    std::string trainer;             // the trainer's name, in their script
    std::string language;            // the cohort's language
    std::vector<FormPerson> people;  // everyone enrolled, by ref
    int blank_rows = 3;              // for people making up a session from another cohort
};

struct Roster {
    std::string cohort_code, curriculum_title, site, country, dates, time_zone, language;
    std::vector<std::string> trainers;
    std::vector<FormPerson> people;
};

struct EnrolmentForm {
    std::string language;  // the cohort's language; English where Mitra has no translation
    std::string cohort_code, curriculum_title, site, country;
};

// Row height and name size of the sign-in sheet and roster (a name must read well at arm's length).
constexpr double kFormRowMm = 10, kFormNameSizePt = 11;

std::string render_sign_in_sheet(FontStack& fonts, const SignInSheet& sheet);
std::string render_roster(FontStack& fonts, const Roster& roster);
std::string render_enrolment_form(FontStack& fonts, const EnrolmentForm& form);

// Languages the enrolment form is written in (others get English).
std::vector<std::string> enrolment_form_languages();

}  // namespace mitra::pdf
