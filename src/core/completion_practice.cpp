// Completion's issue-21 rules: supervised practice by format, observed assessment, referees, agreement,
// attestation and the completion window, as shortfalls.
#include "core/completion_practice.hpp"

#include <map>

namespace mitra::completion_detail {
namespace {

Shortfall make(Shortfall::Kind kind, int done = 0, int needed = 0) {
    Shortfall s;
    s.kind = kind;
    s.done = done;
    s.needed = needed;
    return s;
}

}  // namespace

RuleLacks supervision_lacks(const CompletionContext& ctx, const ParticipantRecord& person, const Module& module,
                            ModuleCompletion& mc) {
    RuleLacks out;
    if (module.supervised_minutes <= 0 && !module.supervision.any()) return out;
    static const std::vector<Supervisor> none;
    const SupervisionTally t =
        tally_supervision(module, person.supervision, ctx.supervisors ? *ctx.supervisors : none, person.practicum);
    using Kind = Shortfall::Kind;
    if (t.total < module.supervised_minutes)
        out.lacking.push_back(make(Kind::supervised_practice, t.total, module.supervised_minutes));
    if (t.one_to_one < module.supervision.one_to_one_minutes)
        out.lacking.push_back(make(Kind::one_to_one_practice, t.one_to_one, module.supervision.one_to_one_minutes));
    if (t.group < module.supervision.group_minutes)
        out.lacking.push_back(make(Kind::group_practice, t.group, module.supervision.group_minutes));
    if (!out.lacking.empty() && ctx.explain) {
        // Minutes that did not count, by supervisor, from the first day they did not.
        std::map<std::string, Shortfall> by_supervisor;
        std::vector<std::string> order;
        for (const auto& e : t.not_counted) {
            auto [it, fresh] = by_supervisor.try_emplace(e.supervisor_ref, make(Kind::supervision_not_counted));
            if (fresh) {
                order.push_back(e.supervisor_ref);
                it->second.by = e.supervisor_ref;
                it->second.on = e.day;
            }
            it->second.done += e.minutes;
            if (e.day < it->second.on) it->second.on = e.day;
        }
        for (const auto& ref : order) out.notes.push_back(by_supervisor[ref]);
    }
    mc.supervision = t;
    return out;
}

RuleLacks observation_lacks(const CompletionContext& ctx, const ParticipantRecord& person, const Module& module,
                            ModuleCompletion& mc) {
    RuleLacks out;
    if (!module.rubric) return out;
    using Kind = Shortfall::Kind;
    // The latest counts; in the person's view, the latest released, unless a later one waits for release.
    const ObservedAssessment *latest = nullptr, *latest_released = nullptr;
    for (const auto& a : person.observations) {
        if (a.module_code != module.code) continue;
        if (!latest || !(a.observed_on < latest->observed_on)) latest = &a;
        if (a.released_on && (!latest_released || !(a.observed_on < latest_released->observed_on)))
            latest_released = &a;
    }
    if (ctx.person_view && latest && latest != latest_released) {
        Shortfall s = make(Kind::observation_result_pending);
        s.on = latest->observed_on;
        out.lacking.push_back(std::move(s));
        return out;
    }
    if (!latest) {
        out.lacking.push_back(make(Kind::observation_not_taken));
        return out;
    }
    const Rubric& rubric = *module.rubric;
    ObservationJudgement j = judge_observation(rubric, *latest);
    for (const auto& c : j.criteria) {
        if (!c.below) continue;
        Shortfall s = make(Kind::criterion_below_level, *c.level, rubric.pass_level);
        s.number = c.number;
        s.key = c.key;
        if (ctx.explain)
            if (const auto* criterion = rubric.criterion(c.key)) s.note = criterion->title.in(ctx.language);
        s.on = latest->observed_on;
        out.lacking.push_back(std::move(s));
    }
    if (j.not_observed > rubric.max_not_observed) {
        Shortfall s = make(Kind::criteria_not_observed, j.not_observed, rubric.max_not_observed);
        s.on = latest->observed_on;
        out.lacking.push_back(std::move(s));
    }
    mc.observation = std::move(j);
    mc.observed_on = latest->observed_on;
    mc.observation_released = latest->released_on.has_value();
    return out;
}

RuleLacks programme_lacks(const CompletionContext& ctx, const ParticipantRecord& person) {
    RuleLacks out;
    const ProgrammeRule& rule = ctx.curriculum.programme;
    using Kind = Shortfall::Kind;
    if (rule.referees_required > 0) {
        const int received = referees_received(person.referees);
        if (received < rule.referees_required)
            out.lacking.push_back(make(Kind::referees, received, rule.referees_required));
    }
    if (rule.supervision_agreement && !attested(person.attestations, AttestationKind::supervision_agreement))
        out.lacking.push_back(make(Kind::agreement_not_signed));
    if (rule.lived_experience_attestation && !attested(person.attestations, AttestationKind::lived_experience))
        out.lacking.push_back(make(Kind::attestation_not_signed));
    return out;
}

RuleLacks deadline_lacks(const CompletionContext& ctx, const ParticipantRecord& person, ParticipantCompletion& pc) {
    RuleLacks out;
    pc.deadline = completion_deadline(ctx.curriculum.programme, person.enrolled_on, person.extensions);
    // Work finished in time stays finished; only what is still missing after the deadline is late.
    if (!pc.deadline || pc.complete || !(pc.deadline->due < ctx.today)) return out;
    Shortfall s = make(Shortfall::Kind::deadline_passed);
    s.on = pc.deadline->due;
    if (pc.deadline->extension) {
        s.by = pc.deadline->extension->granted_by;
        s.note = pc.deadline->extension->reason;
    }
    out.lacking.push_back(std::move(s));
    out.off_track = true;
    return out;
}

}  // namespace mitra::completion_detail
