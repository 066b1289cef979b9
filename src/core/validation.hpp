// Checks on single records before they are stored: one message per bad field.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "core/model.hpp"
#include "core/problem.hpp"

namespace mitra {

struct FieldError {
    // What is wrong, for a front end that says it in its own words and language; `message` says it in English.
    enum class Kind {
        other,
        required,
        not_a_code,
        not_a_country,
        not_a_language,
        too_long,
        not_utf8,
        blank,
        not_an_email,
        not_a_phone,
        // a name's character (name_fault's kinds): value is the character, U+XXXX and its Unicode name
        name_control_character,
        name_line_break,
        name_joiner,
        name_direction_control,
        name_not_a_character,
        name_private_use,
        name_noncharacter,
        name_unassigned,
        name_invisible,
        name_emoji,
        name_starts_with_mark,
        name_mark_after_space,
        name_no_letter,
        not_a_time_zone,    // value: what was given
        unknown_time_zone,  // value: what was given; `also`: the nearest known zone, if any
        end_before_start,   // value: the end date; `also`: the start date
        negative            // -
    };
    FieldError() = default;
    FieldError(std::string field_name, std::string english, Kind what = Kind::other, std::string refused = {})
        : field(std::move(field_name)), message(std::move(english)), kind(what), value(std::move(refused)) {}
    std::string field;
    std::string message;
    Kind kind = Kind::other;
    // The value refused, as the message quotes it; for not_utf8 the first bad byte's number, for required the
    // example the message gives (or empty).
    std::string value;
    std::string also;  // a second value some kinds give (see above)
};

// The error as a problem with no place yet: its field, core's English as the message, and the code and value
// (ProblemCode::field_…) for a front end to word it (io::problem_phrase); a kind with no code (other) has none.
Problem to_problem(const FieldError& error);

constexpr std::size_t kMaxNameLength = 200;  // code points
constexpr std::size_t kMaxFieldBytes = 1000;

// A name is kept as written, whatever script or punctuation it has, in its normal form (see
// normalize_name); broken UTF-8, unreasonable length, blank names and the characters name_problem
// refuses are reported. The value is checked as it will be kept, so call normalize first.
std::vector<FieldError> check_name(const std::string& field, const std::string& value, bool required);

// Puts a record's names (and a cohort's site) in the form they are kept in. Every front end calls
// this on what people typed or imported, before validate.
void normalize(Participant& participant);
void normalize(Trainer& trainer);
void normalize(Cohort& cohort);

std::vector<FieldError> validate(const Participant& participant);
std::vector<FieldError> validate(const Trainer& trainer);
std::vector<FieldError> validate(const Cohort& cohort);

}  // namespace mitra
