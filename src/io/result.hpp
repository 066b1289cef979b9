// What a reader of outside input hands back: the value, or the problems that stopped it.
#pragma once
#include <algorithm>

#include "core/problem.hpp"

namespace mitra::io {

// `value` is meaningful only when ok(); a reader never hands back half a result.
template <class T>
struct Result {
    T value;
    Problems problems;
    bool ok() const { return problems.empty(); }
};

// In the order a person reads the file: by line, then column (file-wide problems first).
inline void sort_by_place(Problems& problems) {
    std::stable_sort(problems.begin(), problems.end(), [](const Problem& a, const Problem& b) {
        return a.line != b.line ? a.line < b.line : a.column < b.column;
    });
}

}  // namespace mitra::io
