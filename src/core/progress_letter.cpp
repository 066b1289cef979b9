// A person's progress letter as content, from their completion.
#include "core/progress_letter.hpp"

namespace mitra {
namespace {

using Kind = Shortfall::Kind;

bool is_result(Kind kind) { return kind == Kind::criterion_below_level || kind == Kind::criteria_not_observed; }

// The module's shortfalls as the person may read them: a held-back result becomes a result to come.
std::vector<Shortfall> shown(const ModuleCompletion& m) {
    const bool held_back = m.observation && !m.observation_released;
    std::vector<Shortfall> out;
    bool pending_said = false;
    for (const auto& s : m.missing) {
        if (held_back && is_result(s.kind)) {
            if (pending_said) continue;
            Shortfall pending;
            pending.kind = Kind::observation_result_pending;
            pending.on = m.observed_on;
            out.push_back(pending);
            pending_said = true;
            continue;
        }
        if (s.kind == Kind::observation_result_pending) {
            if (pending_said) continue;
            pending_said = true;
        }
        out.push_back(s);
    }
    return out;
}

const ModuleCompletion* find_module(const ParticipantCompletion& c, const std::string& code) {
    for (const auto& m : c.modules)
        if (m.code == code) return &m;
    return nullptr;
}

void add_module_steps(ProgressLetter& letter, const ModuleCompletion& m) {
    for (auto& s : shown(m)) {
        if (is_result(s.kind)) letter.asked_to_repeat = true;
        letter.remaining.push_back({m.code, m.title, std::move(s)});
    }
}

}  // namespace

ProgressLetter progress_letter(const LetterAddress& address, const ParticipantCompletion& completion) {
    ProgressLetter letter;
    letter.address = address;
    letter.complete = completion.complete;
    letter.deadline = completion.deadline;
    for (const auto& m : completion.modules) {
        if (m.complete) letter.done.push_back({m.code, m.title});
        if (m.supervision) {
            letter.one_to_one_minutes += m.supervision->one_to_one;
            letter.group_minutes += m.supervision->group;
            letter.supervised_minutes += m.supervision->total;
        }
    }
    for (const auto& s : completion.missing) {
        switch (s.kind) {
            case Kind::module:
                if (const auto* m = find_module(completion, s.module_code)) add_module_steps(letter, *m);
                break;
            case Kind::electives:
                letter.remaining.push_back({"", "", s});
                for (const auto& code : s.started)
                    if (const auto* m = find_module(completion, code)) add_module_steps(letter, *m);
                break;
            case Kind::deadline_passed: letter.deadline_passed = true; break;
            default: letter.remaining.push_back({"", "", s});
        }
    }
    return letter;
}

}  // namespace mitra
