// Searching by part of a text with LIKE: the user's text is matched as written, on SQLite and PostgreSQL alike.
#pragma once
#include <string>

namespace mitra::store {

// Every LIKE (or ILIKE) that compares with contains_pattern ends with this. SQLite's LIKE has no escape
// character unless given one; PostgreSQL's default is the same backslash (with standard_conforming_strings,
// on since 9.1, '\' is that one character).
inline constexpr const char* kLikeEscape = " ESCAPE '\\'";

// "%" + search + "%", with %, _ and \ in the search escaped by a backslash: a search for "_" finds an
// underscore, not everyone.
inline std::string contains_pattern(const std::string& search) {
    std::string out = "%";
    for (char c : search) {
        if (c == '%' || c == '_' || c == '\\') out += '\\';
        out += c;
    }
    return out + "%";
}

}  // namespace mitra::store
