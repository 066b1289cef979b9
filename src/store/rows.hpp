// Reading columns from SOCI rows whatever integer width or NULL each backend reports.
#pragma once
#include <optional>
#include <soci/soci.h>
#include <string>
#include <vector>

#include "core/calendar.hpp"
#include "core/model.hpp"
#include "core/problem.hpp"

namespace mitra::store {

std::string text(const soci::row& row, std::size_t column);          // NULL -> ""
long long integer(const soci::row& row, std::size_t column);         // NULL -> 0
double real(const soci::row& row, std::size_t column);               // NULL -> 0
std::optional<Date> date(const soci::row& row, std::size_t column);  // NULL or empty -> nullopt
// Any column as text, the same on both backends (integers in decimal, reals round-tripping); NULL -> nullopt.
std::optional<std::string> cell_text(const soci::row& row, std::size_t column);

// A module's rules from the eight columns starting at `first`, in this order: code, kind, required, minutes,
// sessions, attendance_share, has_assessment, supervised_minutes (titles and outcomes are read apart).
Module module_from(const soci::row& row, std::size_t first);

// Bad input found while writing: the whole transaction is rolled back and the problem shown.
[[noreturn]] void refuse(const std::string& field, const std::string& message);
// The same with a code and its values, which the front ends word in their user's language; its message is the
// English of io::problem_phrase.
[[noreturn]] void refuse(const std::string& field, ProblemCode code, std::vector<std::string> values = {});
// That problem, for a refusal thrown otherwise (store::Refusal).
Problem coded(const std::string& field, ProblemCode code, std::vector<std::string> values = {});

// When and by whom a row is written.
struct Stamp {
    std::string at, by;
};

}  // namespace mitra::store
