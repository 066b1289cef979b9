// Inside completion: what a module's and the programme's issue-21 rules still lack (supervised practice split by
// format, observed assessment, referees, agreement, attestation, the completion window).
#pragma once
#include <vector>

#include "core/completion.hpp"

namespace mitra::completion_detail {

struct RuleLacks {
    std::vector<Shortfall> lacking;  // each keeps the module or the programme from being complete
    std::vector<Shortfall> notes;    // said beside them (minutes that did not count), not lacks themselves
    bool off_track = false;          // cannot be made good any more (the deadline has passed)
};

RuleLacks supervision_lacks(const CompletionContext& ctx, const ParticipantRecord& person, const Module& module,
                            ModuleCompletion& mc);
RuleLacks observation_lacks(const CompletionContext& ctx, const ParticipantRecord& person, const Module& module,
                            ModuleCompletion& mc);
// Referees, agreement and attestation; the deadline apart, as it depends on all the rest.
RuleLacks programme_lacks(const CompletionContext& ctx, const ParticipantRecord& person);
RuleLacks deadline_lacks(const CompletionContext& ctx, const ParticipantRecord& person, ParticipantCompletion& pc);

}  // namespace mitra::completion_detail
