// The curriculum's rules for supervised practice and observed assessment (issue 21): plain values the
// curriculum file fills and completion reads.
#pragma once
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/text.hpp"

namespace mitra {

// Highest level of an observed-practice rubric: levels run 0..4; "not observed" (N/O) is apart from them.
inline constexpr int kRubricTopLevel = 4;

// One thing an observer looks for, with what each level 0..4 looks like, in the curriculum's languages.
struct RubricCriterion {
    std::string key;                                        // stable within the module: "listening"
    LocalizedText title;                                    // "listening without advice"
    std::array<LocalizedText, kRubricTopLevel + 1> levels;  // level descriptors, 0..4
    bool operator==(const RubricCriterion&) const = default;
};

// An observed-practice rubric and its pass rule: every criterion at `pass_level` or more, except that up to
// `max_not_observed` criteria may be N/O (no opportunity to observe them).
struct Rubric {
    std::vector<RubricCriterion> criteria;
    int pass_level = 2;
    int max_not_observed = 0;
    bool operator==(const Rubric&) const = default;

    const RubricCriterion* criterion(std::string_view key) const;
};

// Supervised practice split by how it was supervised. Minutes of group supervision beyond `group_max_minutes`
// (when not 0) are kept on record but do not count toward the module's total (Georgia: at most 10 of 20 hours in
// groups). The module's `supervised_minutes` stays the total.
struct SupervisionRule {
    int one_to_one_minutes = 0;  // at least this much one-to-one
    int group_minutes = 0;       // at least this much in groups
    int group_max_minutes = 0;   // at most this much in groups counts toward the total; 0: no limit
    bool operator==(const SupervisionRule&) const = default;
    bool any() const { return one_to_one_minutes > 0 || group_minutes > 0 || group_max_minutes > 0; }
};

// Session rules beside the attendance share: these sessions of the module (numbered 1.. in the cohort's schedule)
// must be attended, and at most `max_missed` of its sessions may be missed (nullopt: no limit).
struct SessionRule {
    std::vector<int> mandatory_sessions;
    std::optional<int> max_missed;
    bool operator==(const SessionRule&) const = default;
};

// What the whole programme asks beside its modules.
struct ProgrammeRule {
    int referees_required = 0;                  // referee questionnaires received
    bool supervision_agreement = false;         // a supervisory agreement signed by both
    bool lived_experience_attestation = false;  // an attestation of lived experience, signed
    int completion_months = 0;                  // months from enrolment to complete in; 0: no window
    bool operator==(const ProgrammeRule&) const = default;
};

}  // namespace mitra
