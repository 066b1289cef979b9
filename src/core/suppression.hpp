// Small-count suppression: which of a report's counts may be shown, so no one can be re-identified.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "core/report_figures.hpp"

namespace mitra {

// Counts from 1 to 4 are suppressed: shown as "<5", never drawn to scale.
bool is_suppressed(long long count);
std::string shown_count(long long count);
// A share as "83%"; "suppressed" when either count is suppressed; "-" when the whole is 0.
std::string shown_rate(long long part, long long whole);

// Why a cell is not shown: a small count (primary), or a complementary cell hidden so that a small one
// cannot be worked back out from a total and the other cells (secondary suppression).
enum class Hidden { no, small, complementary };

// A count hidden for being small, and for nothing else (a count that adds up to nothing published).
Hidden primary(long long count);

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

}  // namespace mitra
