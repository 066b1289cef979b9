// Checks on single records before they are stored.
#include "core/validation.hpp"

#include <cstddef>
#include <iterator>

#include "core/identity.hpp"
#include "core/time_zone.hpp"
#include "core/names.hpp"
#include "core/text.hpp"

namespace mitra {
namespace {

void check_code(std::vector<FieldError>& errors, const std::string& field, const std::string& value) {
    if (value.empty()) errors.push_back({field, "is required", FieldError::Kind::required});
    else if (!is_code(value))
        errors.push_back({field, "'" + value + "' may hold only letters A-Z, digits, '-', '_' and '.' (at most 64)",
                          FieldError::Kind::not_a_code, value});
}

void check_country(std::vector<FieldError>& errors, const std::string& field, const std::string& value) {
    if (value.empty()) errors.push_back({field, "is required", FieldError::Kind::required});
    else if (!is_country_code(value))
        errors.push_back({field, "'" + value + "' is not an ISO 3166-1 country code (such as JP, IN, LK)",
                          FieldError::Kind::not_a_country, value});
}

void check_language(std::vector<FieldError>& errors, const std::string& field, const std::string& value) {
    if (value.empty()) errors.push_back({field, "is required", FieldError::Kind::required});
    else if (!is_language_tag(value))
        errors.push_back({field, "'" + value + "' is not a BCP 47 language tag (such as ja, zh-Hant, ur)",
                          FieldError::Kind::not_a_language, value});
}

}  // namespace

std::vector<FieldError> check_name(const std::string& field, const std::string& value, bool required) {
    std::vector<FieldError> errors;
    if (value.empty()) {
        if (required) errors.push_back({field, "is required", FieldError::Kind::required});
        return errors;
    }
    if (value.size() > kMaxFieldBytes || (!invalid_utf8_at(value) && utf8_length(value) > kMaxNameLength)) {
        errors.push_back(
            {field, "is longer than " + std::to_string(kMaxNameLength) + " characters", FieldError::Kind::too_long});
        return errors;
    }
    if (auto at = invalid_utf8_at(value)) {
        errors.push_back({field, "is not valid UTF-8 (byte " + std::to_string(*at + 1) + ")",
                          FieldError::Kind::not_utf8, std::to_string(*at + 1)});
        return errors;
    }
    const auto kept = normalize_name(value);
    if (kept.empty()) errors.push_back({field, "is blank", FieldError::Kind::blank});
    else if (auto fault = name_fault(kept)) {
        using K = FieldError::Kind;
        static constexpr K kinds[] = {
            K::name_control_character, K::name_line_break,  K::name_joiner,           K::name_direction_control,
            K::name_not_a_character,   K::name_private_use, K::name_noncharacter,     K::name_unassigned,
            K::name_invisible,         K::name_emoji,       K::name_starts_with_mark, K::name_mark_after_space,
            K::name_no_letter};
        // One kind of field error for each of NameFault's kinds, in its order.
        static_assert(std::size(kinds) == static_cast<std::size_t>(NameFault::Kind::no_letter) + 1);
        errors.push_back({field, fault->message, kinds[static_cast<int>(fault->kind)], fault->character});
    }
    return errors;
}

Problem to_problem(const FieldError& e) {
    using Kind = FieldError::Kind;
    Problem problem{"", 0, 0, e.field, e.message};
    switch (e.kind) {
        case Kind::other: return problem;
        case Kind::required: problem.code = ProblemCode::field_required; break;
        case Kind::not_a_code: problem.code = ProblemCode::field_not_a_code; break;
        case Kind::not_a_country: problem.code = ProblemCode::field_not_a_country; break;
        case Kind::not_a_language: problem.code = ProblemCode::field_not_a_language; break;
        case Kind::too_long: problem.code = ProblemCode::field_too_long; break;
        case Kind::not_utf8: problem.code = ProblemCode::field_not_utf8; break;
        case Kind::blank: problem.code = ProblemCode::field_blank; break;
        case Kind::not_an_email: problem.code = ProblemCode::field_not_an_email; break;
        case Kind::not_a_phone: problem.code = ProblemCode::field_not_a_phone; break;
        case Kind::name_control_character: problem.code = ProblemCode::name_control_character; break;
        case Kind::name_line_break: problem.code = ProblemCode::name_line_break; break;
        case Kind::name_joiner: problem.code = ProblemCode::name_joiner; break;
        case Kind::name_direction_control: problem.code = ProblemCode::name_direction_control; break;
        case Kind::name_not_a_character: problem.code = ProblemCode::name_not_a_character; break;
        case Kind::name_private_use: problem.code = ProblemCode::name_private_use; break;
        case Kind::name_noncharacter: problem.code = ProblemCode::name_noncharacter; break;
        case Kind::name_unassigned: problem.code = ProblemCode::name_unassigned; break;
        case Kind::name_invisible: problem.code = ProblemCode::name_invisible; break;
        case Kind::name_emoji: problem.code = ProblemCode::name_emoji; break;
        case Kind::name_starts_with_mark: problem.code = ProblemCode::name_starts_with_mark; break;
        case Kind::name_mark_after_space: problem.code = ProblemCode::name_mark_after_space; break;
        case Kind::name_no_letter: problem.code = ProblemCode::name_no_letter; break;
        case Kind::not_a_time_zone: problem.code = ProblemCode::not_a_time_zone; break;
        case Kind::unknown_time_zone:
            problem.code = ProblemCode::unknown_time_zone;
            problem.values = {e.value, e.also};
            return problem;
        case Kind::end_before_start:
            problem.code = ProblemCode::end_before_start;
            problem.values = {e.value, e.also};
            return problem;
        case Kind::negative: problem.code = ProblemCode::capacity_negative; break;
    }
    if (!e.value.empty()) problem.values = {e.value};
    return problem;
}

void normalize(Participant& p) {
    p.full_name = normalize_name(p.full_name);
    p.latin_name = normalize_name(p.latin_name);
}

void normalize(Trainer& t) {
    t.name = normalize_name(t.name);
    t.latin_name = normalize_name(t.latin_name);
}

void normalize(Cohort& c) { c.site = normalize_name(c.site); }

std::vector<FieldError> validate(const Participant& p) {
    std::vector<FieldError> errors;
    check_code(errors, "ref", p.ref);
    for (auto& e : check_name("full_name", p.full_name, true)) errors.push_back(e);
    for (auto& e : check_name("latin_name", p.latin_name, false)) errors.push_back(e);
    check_country(errors, "country", p.country);
    check_language(errors, "language", p.language);
    if (!p.email.empty()) {
        const auto at = p.email.find('@');
        const bool ok = p.email.size() <= 254 && at != std::string::npos && at > 0 && at + 1 < p.email.size() &&
                        p.email.find_first_of(" \t\r\n,;<>") == std::string::npos && !invalid_utf8_at(p.email);
        if (!ok)
            errors.push_back(
                {"email", "'" + p.email + "' is not an e-mail address", FieldError::Kind::not_an_email, p.email});
    }
    if (!p.phone.empty()) {
        bool ok = p.phone.size() <= 32;
        for (char c : p.phone)
            ok = ok && ((c >= '0' && c <= '9') || c == '+' || c == ' ' || c == '-' || c == '(' || c == ')' || c == '.');
        if (!ok)
            errors.push_back({"phone", "'" + p.phone + "' is not a phone number (digits, spaces, + - ( ) .)",
                              FieldError::Kind::not_a_phone, p.phone});
    }
    return errors;
}

std::vector<FieldError> validate(const Trainer& t) {
    std::vector<FieldError> errors;
    check_code(errors, "ref", t.ref);
    for (auto& e : check_name("name", t.name, true)) errors.push_back(e);
    for (auto& e : check_name("latin_name", t.latin_name, false)) errors.push_back(e);
    check_country(errors, "country", t.country);
    if (t.languages.empty())
        errors.push_back({"languages", "is required (such as ja,en)", FieldError::Kind::required, "ja,en"});
    for (const auto& l : t.languages) check_language(errors, "languages", l);
    for (const auto& m : t.qualified_modules) check_code(errors, "qualified", m);
    return errors;
}

std::vector<FieldError> validate(const Cohort& c) {
    std::vector<FieldError> errors;
    check_code(errors, "code", c.code);
    check_code(errors, "curriculum", c.curriculum_code);
    for (auto& e : check_name("site", c.site, true)) errors.push_back(e);
    check_country(errors, "country", c.country);
    check_language(errors, "language", c.language);
    if (!looks_like_time_zone(c.time_zone))
        errors.push_back({"time_zone", "'" + c.time_zone + "' is not an IANA time zone name (such as Asia/Kolkata)",
                          FieldError::Kind::not_a_time_zone, c.time_zone});
    else if (!time_zone_known(c.time_zone)) {
        const auto near = nearest_time_zone(c.time_zone);
        FieldError e{
            "time_zone",
            "'" + c.time_zone + "' is not in the time zone database" + (near ? " (did you mean " + *near + "?)" : ""),
            FieldError::Kind::unknown_time_zone, c.time_zone};
        e.also = near.value_or("");
        errors.push_back(std::move(e));
    }
    if (c.end_date && *c.end_date < c.start_date) {
        FieldError e{"end",
                     "the end date " + to_string(*c.end_date) + " is before the start date " + to_string(c.start_date),
                     FieldError::Kind::end_before_start, to_string(*c.end_date)};
        e.also = to_string(c.start_date);
        errors.push_back(std::move(e));
    }
    if (c.capacity < 0) errors.push_back({"capacity", "cannot be negative", FieldError::Kind::negative});
    return errors;
}

}  // namespace mitra
