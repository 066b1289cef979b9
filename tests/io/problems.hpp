// Test helpers: finding a located problem among those a reader reported.
#pragma once
#include <algorithm>
#include <string>

#include "core/problem.hpp"

namespace mitra::io::testing {

// True when a problem sits at exactly this line and column and its message holds `words`.
inline bool has_problem(const Problems& problems, int line, int column, const std::string& words) {
    return std::any_of(problems.begin(), problems.end(), [&](const Problem& p) {
        return p.line == line && p.column == column && p.message.find(words) != std::string::npos;
    });
}

// All problems, one a line, for INFO() so a failing check shows what was reported.
inline std::string listed(const Problems& problems) {
    std::string out;
    for (const auto& p : problems) out += to_string(p) + "\n";
    return out;
}

}  // namespace mitra::io::testing
