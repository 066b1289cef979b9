// The audit history in a catalog's language, for both front ends (the desktop program's History window and
// mitra-cli audit): what kind of change, the values it went from and to, and what it was about. The recorded
// codes and values stay as they are for --json and the CSV export.
#pragma once
#include <string>

#include "core/audit.hpp"
#include "io/catalog.hpp"

namespace mitra::io {

// "attendance" + "mark" -> "Attendance marked"; a change with no words yet as recorded ("pack merge").
std::string change_words(const std::string& entity, const std::string& action, const Catalog& words);
// A recorded value from the parts core takes it apart into: "late:150" -> "late, 150 minutes".
std::string audit_value_words(const std::string& entity, const std::string& value, const Catalog& words);
// What a change went to when it took the value away: "cleared" for a mark, "(none)" for anything else.
std::string removed_value_words(const std::string& entity, const Catalog& words);
// What a change is about: the store names a mark "C-001 session 3" and a session "session 3"; refs, serials and
// module codes stay as they are.
std::string audit_subject_words(const std::string& subject, const Catalog& words);

}  // namespace mitra::io
