// The people of a cohort who have a completion deadline and are not complete, with where each stands: what
// `mitra-cli cohort deadlines` prints and the desktop program's Deadlines list shows, decided once here.
#pragma once
#include <string>
#include <vector>

#include "core/completion.hpp"

namespace mitra {

struct DeadlineRow {
    std::string ref;
    Deadline deadline;
    DeadlineStanding standing = DeadlineStanding::open;
};

// In the order given, everyone not complete with a deadline (open ones too: a caller may leave them out).
std::vector<DeadlineRow> deadline_rows(const std::vector<ParticipantCompletion>& people, const Date& today,
                                       int warn_days = 60);

}  // namespace mitra
