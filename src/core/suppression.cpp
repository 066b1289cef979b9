// Small-count suppression: which of a report's counts may be shown, so no one can be re-identified.
#include "core/suppression.hpp"

#include <cmath>
#include <optional>
#include <utility>

namespace mitra {

bool is_suppressed(long long count) { return count >= 1 && count <= 4; }

std::string shown_count(long long count) { return is_suppressed(count) ? "<5" : std::to_string(count); }

std::string shown_rate(long long part, long long whole) {
    if (is_suppressed(part) || is_suppressed(whole)) return "suppressed";
    if (whole <= 0) return "-";
    return std::to_string(
               static_cast<long long>(std::lround(100.0 * static_cast<double>(part) / static_cast<double>(whole)))) +
           "%";
}

Hidden primary(long long count) { return is_suppressed(count) ? Hidden::small : Hidden::no; }

// ---- Secondary suppression ----------------------------------------------------------------------

namespace {

// Whether the sum `line` still lets a reader pin down one of its hidden small cells.
bool line_leaks(const std::vector<long long>& counts, const std::vector<Hidden>& hidden, const SumLine& line) {
    int hidden_cells = hidden[line.total] != Hidden::no ? 1 : 0;
    for (auto p : line.parts) hidden_cells += hidden[p] != Hidden::no;
    if (hidden_cells == 0) return false;
    if (hidden_cells == 1) return true;                  // the total less the shown cells, or the shown cells' sum
    if (hidden[line.total] != Hidden::no) return false;  // the sum itself is not known from this line
    // What the hidden parts add up to, which anyone can work out; and what each may be: a small cell 1 to
    // 4, a complementary one 0 or 5 and over (it would have been shown as small otherwise).
    long long hidden_sum = counts[line.total];
    int small = 0, complementary = 0;
    for (auto p : line.parts) {
        if (hidden[p] == Hidden::no) hidden_sum -= counts[p];
        else ++(hidden[p] == Hidden::small ? small : complementary);
    }
    if (small == 0) return false;
    // The other hidden parts make any sum in [small-1, 4(small-1)] plus, with complementary cells, 0 or 5 and over.
    auto others_make = [&](long long rest) {
        for (long long a = small - 1; a <= 4LL * (small - 1); ++a)
            if (rest - a == 0 || (complementary > 0 && rest - a >= 5)) return true;
        return false;
    };
    int possible = 0;
    for (long long x = 1; x <= 4; ++x) possible += others_make(hidden_sum - x);
    return possible <= 1;
}

}  // namespace

std::vector<Hidden> suppress_cells(const std::vector<long long>& counts, const std::vector<SumLine>& lines) {
    std::vector<Hidden> hidden(counts.size(), Hidden::no);
    for (std::size_t i = 0; i < counts.size(); ++i)
        if (is_suppressed(counts[i])) hidden[i] = Hidden::small;
    for (bool changed = true; changed;) {
        changed = false;
        for (const auto& line : lines) {
            if (!line_leaks(counts, hidden, line)) continue;
            // The next-smallest shown part, a non-zero one first; the total when every part is hidden.
            std::optional<std::size_t> pick;
            for (auto p : line.parts) {
                if (hidden[p] != Hidden::no) continue;
                auto rank = [&](std::size_t i) { return std::pair{counts[i] == 0, counts[i]}; };
                if (!pick || rank(p) < rank(*pick)) pick = p;
            }
            if (!pick && hidden[line.total] == Hidden::no) pick = line.total;
            if (!pick) continue;
            hidden[*pick] = Hidden::complementary;
            changed = true;
        }
    }
    return hidden;
}

ReportSuppression report_suppression(const ProgrammeFigures& f) {
    // One list of cells: the three programme totals, then the countries, the modules and the months.
    std::vector<long long> counts;
    long long attendances = 0;
    for (const auto& m : f.modules) attendances += m.attendances;
    counts = {f.enrolled, f.completed, attendances};
    const std::size_t enrolled_at = 0, completed_at = 1, attendances_at = 2;
    const std::size_t countries_at = counts.size();
    long long country_enrolled = 0, country_completed = 0;
    for (const auto& c : f.countries) {
        counts.push_back(c.enrolled);
        counts.push_back(c.completed);
        country_enrolled += c.enrolled;
        country_completed += c.completed;
    }
    const std::size_t modules_at = counts.size();
    for (const auto& m : f.modules) counts.push_back(m.attendances);
    const std::size_t months_at = counts.size();
    long long month_attendances = 0;
    for (const auto& m : f.months) {
        counts.push_back(m.attendances);
        month_attendances += m.attendances;
    }

    std::vector<SumLine> lines;
    // A person in cohorts of two countries is counted in both: then the countries do not add up to the total.
    if (country_enrolled == f.enrolled) {
        SumLine line{{}, enrolled_at};
        for (std::size_t i = 0; i < f.countries.size(); ++i) line.parts.push_back(countries_at + 2 * i);
        lines.push_back(line);
    }
    if (country_completed == f.completed) {
        SumLine line{{}, completed_at};
        for (std::size_t i = 0; i < f.countries.size(); ++i) line.parts.push_back(countries_at + 2 * i + 1);
        lines.push_back(line);
    }
    SumLine by_module{{}, attendances_at};
    for (std::size_t i = 0; i < f.modules.size(); ++i) by_module.parts.push_back(modules_at + i);
    lines.push_back(by_module);
    if (month_attendances == attendances) {
        SumLine by_month{{}, attendances_at};
        for (std::size_t i = 0; i < f.months.size(); ++i) by_month.parts.push_back(months_at + i);
        lines.push_back(by_month);
    }

    const auto hidden = suppress_cells(counts, lines);
    ReportSuppression s;
    s.enrolled = hidden[enrolled_at];
    s.completed = hidden[completed_at];
    s.attendances = hidden[attendances_at];
    for (std::size_t i = 0; i < f.countries.size(); ++i) {
        s.country_enrolled.push_back(hidden[countries_at + 2 * i]);
        s.country_completed.push_back(hidden[countries_at + 2 * i + 1]);
    }
    for (std::size_t i = 0; i < f.modules.size(); ++i) s.module_attendances.push_back(hidden[modules_at + i]);
    for (std::size_t i = 0; i < f.months.size(); ++i) s.month_attendances.push_back(hidden[months_at + i]);
    return s;
}

}  // namespace mitra
