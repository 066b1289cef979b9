// Reading columns from SOCI rows.
#include "store/rows.hpp"

#include "io/reason_words.hpp"

#include <cstdio>

namespace mitra::store {

std::string text(const soci::row& row, std::size_t i) {
    if (row.get_indicator(i) == soci::i_null) return {};
    return row.get<std::string>(i);
}

long long integer(const soci::row& row, std::size_t i) {
    if (row.get_indicator(i) == soci::i_null) return 0;
    switch (row.get_properties(i).get_data_type()) {
        case soci::dt_integer: return row.get<int>(i);
        case soci::dt_long_long: return row.get<long long>(i);
        case soci::dt_unsigned_long_long: return static_cast<long long>(row.get<unsigned long long>(i));
        case soci::dt_double: return static_cast<long long>(row.get<double>(i));
        case soci::dt_string: return std::stoll(row.get<std::string>(i));
        default: return 0;
    }
}

double real(const soci::row& row, std::size_t i) {
    if (row.get_indicator(i) == soci::i_null) return 0;
    switch (row.get_properties(i).get_data_type()) {
        case soci::dt_double: return row.get<double>(i);
        case soci::dt_string: return std::stod(row.get<std::string>(i));
        default: return static_cast<double>(integer(row, i));
    }
}

std::optional<Date> date(const soci::row& row, std::size_t i) {
    const auto value = text(row, i);
    if (value.empty()) return std::nullopt;
    return parse_date(value);
}

std::optional<std::string> cell_text(const soci::row& row, std::size_t i) {
    if (row.get_indicator(i) == soci::i_null) return std::nullopt;
    switch (row.get_properties(i).get_data_type()) {
        case soci::dt_string: return row.get<std::string>(i);
        case soci::dt_double: {
            char buffer[40];
            std::snprintf(buffer, sizeof buffer, "%.17g", row.get<double>(i));
            return std::string(buffer);
        }
        default: return std::to_string(integer(row, i));
    }
}

void refuse(const std::string& field, const std::string& message) {
    throw InputError{{Problem{"", 0, 0, field, message}}};
}

Problem coded(const std::string& field, ProblemCode code, std::vector<std::string> values) {
    Problem p{"", 0, 0, field, ""};
    p.code = code;
    p.values = std::move(values);
    p.message = io::problem_phrase(p, io::catalog(""));
    return p;
}

void refuse(const std::string& field, ProblemCode code, std::vector<std::string> values) {
    throw InputError{{coded(field, code, std::move(values))}};
}

Module module_from(const soci::row& r, std::size_t first) {
    Module m;
    m.code = text(r, first);
    m.kind = parse_module_kind(text(r, first + 1)).value_or(ModuleKind::theory);
    m.required = integer(r, first + 2) != 0;
    m.minutes = static_cast<int>(integer(r, first + 3));
    m.sessions = static_cast<int>(integer(r, first + 4));
    m.attendance_share = real(r, first + 5);
    m.has_assessment = integer(r, first + 6) != 0;
    m.supervised_minutes = static_cast<int>(integer(r, first + 7));
    return m;
}

}  // namespace mitra::store
