// Issue 21's codes in words (see practice_words.hpp).
#include "io/practice_words.hpp"

namespace mitra::io {

std::string supervisor_kind_words(SupervisorKind kind, const Catalog& words) {
    if (kind == SupervisorKind::trainer)
        // TRANSLATORS: a supervisor's kind: one of the programme's trainers.
        return words.tr("trainer");
    // TRANSLATORS: a supervisor's kind: a professional from outside the programme.
    return words.tr("outside professional");
}

std::string supervision_format_words(SupervisionFormat format, const Catalog& words) {
    if (format == SupervisionFormat::one_to_one)
        // TRANSLATORS: the format of a supervision: one supervisor with one person.
        return words.tr("one-to-one");
    // TRANSLATORS: the format of a supervision: one supervisor with a group of people.
    return words.tr("group");
}

std::string observation_method_words(ObservationMethod method, const Catalog& words) {
    // TRANSLATORS: how an observed assessment was made.
    switch (method) {
        case ObservationMethod::direct_observation: return words.tr("direct observation");
        case ObservationMethod::video: return words.tr("video");
        case ObservationMethod::role_play: return words.tr("role play");
        case ObservationMethod::feedback_from_others: return words.tr("feedback from others");
    }
    return {};
}

std::string deadline_standing_words(DeadlineStanding standing, const Catalog& words) {
    switch (standing) {
        // TRANSLATORS: where a person not yet complete stands against their completion deadline.
        case DeadlineStanding::passed: return words.tr("past the deadline");
        case DeadlineStanding::near: return words.tr("near the deadline");
        case DeadlineStanding::open: break;
    }
    return words.tr("time left");
}

}  // namespace mitra::io
