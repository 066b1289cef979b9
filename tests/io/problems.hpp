// Test helpers: finding a located problem among those a reader reported.
#pragma once
#include <algorithm>
#include <stdexcept>
#include <string>
#include <string_view>

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

// `text` with the first `line` in it replaced by `by` (removed when `by` is empty): a good file broken in one place.
inline std::string replaced(std::string text, std::string_view line, std::string_view by) {
    const auto at = text.find(line);
    if (at == std::string::npos) throw std::logic_error("the test's text has no " + std::string(line));
    text.replace(at, line.size(), by);
    return text;
}

// The 1-based line and column where `what` first stands in `text`.
inline int line_of(const std::string& text, std::string_view what) {
    const auto at = text.find(what);
    if (at == std::string::npos) throw std::logic_error("the test's text has no " + std::string(what));
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}
inline int column_of(const std::string& text, std::string_view what) {
    const auto at = text.find(what);
    if (at == std::string::npos) throw std::logic_error("the test's text has no " + std::string(what));
    const auto line_start = text.rfind('\n', at);
    return static_cast<int>(at - (line_start == std::string::npos ? 0 : line_start + 1)) + 1;
}

}  // namespace mitra::io::testing
