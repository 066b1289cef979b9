// Planning a cohort's sessions from its curriculum.
#include "core/schedule.hpp"

#include <algorithm>

namespace mitra {

std::vector<Session> plan_schedule(const Curriculum& curriculum, const Cohort& cohort, int every_days,
                                   const LocalTime& start) {
    std::vector<Session> plan;
    Date day = cohort.start_date;
    const std::string trainer = cohort.trainer_refs.empty() ? std::string() : cohort.trainer_refs.front();
    for (const auto& module : curriculum.modules) {
        const int count = std::max(1, module.sessions);
        for (int i = 0; i < count; ++i) {
            Session s;
            s.cohort_code = cohort.code;
            s.module_code = module.code;
            s.date = day;
            s.start_time = start;
            s.minutes = module.minutes / count + (i == count - 1 ? module.minutes % count : 0);
            s.trainer_ref = trainer;
            plan.push_back(s);
            day = add_days(day, std::max(1, every_days));
        }
    }
    return plan;
}

}  // namespace mitra
