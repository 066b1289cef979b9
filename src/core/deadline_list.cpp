// Everyone of a cohort not complete with a deadline, with where each stands (core/deadline_list.hpp).
#include "core/deadline_list.hpp"

namespace mitra {

std::vector<DeadlineRow> deadline_rows(const std::vector<ParticipantCompletion>& people, const Date& today,
                                       int warn_days) {
    std::vector<DeadlineRow> rows;
    for (const auto& p : people) {
        if (!p.deadline || p.complete) continue;
        rows.push_back({p.ref, *p.deadline, deadline_standing(*p.deadline, today, warn_days)});
    }
    return rows;
}

}  // namespace mitra
