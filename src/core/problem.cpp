// Formatting of located input problems.
#include "core/problem.hpp"

namespace mitra {

std::string to_string(const Problem& p) {
    std::string out;
    if (!p.file.empty()) {
        out += p.file;
        if (p.line > 0) {
            out += ':' + std::to_string(p.line);
            if (p.column > 0) out += ':' + std::to_string(p.column);
        }
        out += ": ";
    } else if (p.line > 0) {
        out += "line " + std::to_string(p.line);
        if (p.column > 0) out += ", column " + std::to_string(p.column);
        out += ": ";
    }
    if (!p.field.empty()) out += p.field + ": ";
    out += p.message;
    return out;
}

std::string InputError::summary() const {
    std::string out;
    for (const auto& p : problems) {
        if (!out.empty()) out += '\n';
        out += to_string(p);
    }
    return out;
}

const char* InputError::what() const noexcept {
    try {
        what_ = summary();
    } catch (...) {
        return "the input was refused";
    }
    return what_.c_str();
}

}  // namespace mitra
