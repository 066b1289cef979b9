// The English words of issue 21's shortfalls (supervised practice, observed assessment, referees, agreement,
// attestation, deadline) as the command line and exports show them. Kept in one place so they can move together.
#include "core/completion.hpp"

namespace mitra {
namespace {

std::string minutes_text(int minutes) { return std::to_string(minutes) + (minutes == 1 ? " minute" : " minutes"); }

}  // namespace

std::string practice_shortfall_words(const Shortfall& s) {
    using Kind = Shortfall::Kind;
    switch (s.kind) {
        case Kind::mandatory_session_missed:
            return "session " + std::to_string(s.number) + " (" + to_string(s.on) + ") must be attended, and was not";
        case Kind::mandatory_session_to_come:
            return "session " + std::to_string(s.number) + " (" + to_string(s.on) + ") must be attended";
        case Kind::sessions_missed:
            return std::to_string(s.done) + " sessions missed, at most " + std::to_string(s.needed) + " may be";
        case Kind::one_to_one_practice:
            return "one-to-one supervision: " + minutes_text(s.needed - s.done) + " short (" + hours_text(s.done) +
                   " of " + hours_text(s.needed) + ")";
        case Kind::group_practice:
            return "group supervision: " + minutes_text(s.needed - s.done) + " short (" + hours_text(s.done) + " of " +
                   hours_text(s.needed) + ")";
        case Kind::supervision_not_counted:
            return minutes_text(s.done) + " with supervisor " + s.by + " do not count: no valid credential on " +
                   to_string(s.on);
        case Kind::observation_not_taken: return "observed practice not yet assessed";
        case Kind::observation_result_pending:
            return "observed practice on " + to_string(s.on) + ": the result is still to come";
        case Kind::criterion_below_level:
            return "criterion " + std::to_string(s.number) + (s.note.empty() ? "" : ", " + s.note) + ": level " +
                   std::to_string(s.done) + ", needs " + std::to_string(s.needed);
        case Kind::criteria_not_observed:
            return std::to_string(s.done) + " criteria could not be observed on " + to_string(s.on) + ", at most " +
                   std::to_string(s.needed) + " may be";
        case Kind::referees:
            return "referee questionnaires: " + std::to_string(s.done) + " of " + std::to_string(s.needed) +
                   " received";
        case Kind::agreement_not_signed: return "supervisory agreement not yet signed";
        case Kind::attestation_not_signed: return "attestation of lived experience not yet signed";
        case Kind::deadline_passed:
            return "the deadline " + to_string(s.on) + " has passed" +
                   (s.by.empty() ? "" : " (extended by " + s.by + ": " + s.note + ")");
        default: break;  // the older kinds: shortfall_words
    }
    return {};
}

}  // namespace mitra
