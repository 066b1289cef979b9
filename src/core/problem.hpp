// A located problem with outside input: which file, line, column and field, and what is wrong.
#pragma once
#include <exception>
#include <string>
#include <utility>
#include <vector>

namespace mitra {

struct Problem {
    std::string file;     // empty when the input was not a file (a command-line option)
    int line = 0;         // 1-based; 0 when unknown
    int column = 0;       // 1-based; 0 when unknown
    std::string field;    // the column, key or option concerned; may be empty
    std::string message;  // what is wrong, in words a trainer understands
};

// "file:line:column: field: message", leaving out the parts that are unknown.
std::string to_string(const Problem& problem);

using Problems = std::vector<Problem>;

// Thrown by the layers below the CLI and GUI when input is refused as a whole;
// carries every problem found, so the user can fix them all at once. what() is summary().
struct InputError : std::exception {
    InputError() = default;
    explicit InputError(Problems found) : problems(std::move(found)) {}
    Problems problems;
    std::string summary() const;  // one problem per line
    const char* what() const noexcept override;

private:
    mutable std::string what_;  // summary() as of the last what()
};

}  // namespace mitra
