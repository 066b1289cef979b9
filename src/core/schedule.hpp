// Planning a cohort's sessions from its curriculum.
#pragma once
#include <vector>

#include "core/model.hpp"

namespace mitra {

// Each module's sessions in curriculum order, one session on each planned day, `every_days` days
// apart from the cohort's start date; a module's minutes are split evenly over its sessions.
std::vector<Session> plan_schedule(const Curriculum& curriculum, const Cohort& cohort, int every_days,
                                   const LocalTime& start);

}  // namespace mitra
