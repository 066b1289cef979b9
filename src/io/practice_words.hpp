// Issue 21's codes in words, once for mitra-cli, the desktop program and the documents: a supervisor's kind, a
// supervision's format, an observation's method, a completion deadline's standing. --json keeps the codes.
//
//   io::supervisor_kind_words(SupervisorKind::outside_professional, io::catalog("ja"))  -> "外部の専門職"
#pragma once
#include <string>

#include "core/practice.hpp"
#include "io/catalog.hpp"

namespace mitra::io {

// "trainer", "outside professional".
std::string supervisor_kind_words(SupervisorKind kind, const Catalog& words);
// "one-to-one", "group".
std::string supervision_format_words(SupervisionFormat format, const Catalog& words);
// "direct observation", "video", "role play", "feedback from others".
std::string observation_method_words(ObservationMethod method, const Catalog& words);
// "past the deadline", "near the deadline", "time left".
std::string deadline_standing_words(DeadlineStanding standing, const Catalog& words);

}  // namespace mitra::io
