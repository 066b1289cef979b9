// Certification readiness: where a person stands on the way to each certification, decided from plain records.
#include "core/pathway.hpp"

#include <algorithm>
#include <set>

namespace mitra {
namespace {

// Programme completion: the best of the person's cohorts of the curriculum. Modules a coordinator decided
// complete in the cohorts looked at are added to `decided`.
Requirement programme_completion(const PathwayRecords& records, const Curriculum& curriculum,
                                 std::set<std::string>& decided) {
    Requirement completion;
    completion.kind = Requirement::Kind::completion;
    completion.name = "programme completion";
    completion.curriculum_code = curriculum.code;
    for (const auto& other : records.cohorts) {
        if (!other.curriculum || other.curriculum->code != curriculum.code || completion.done) continue;
        if (!other.completion) continue;
        const auto& pc = *other.completion;
        std::vector<LackingModule> lacking;
        int electives = 0;
        for (const auto& m : pc.modules) {
            if (m.required && !m.complete) {
                LackingModule l{m, {}};
                for (const auto& module : other.curriculum->modules)
                    if (module.code == m.code) l.title = module.title;
                lacking.push_back(std::move(l));
            }
            if (!m.required && m.complete) ++electives;
        }
        const int electives_required = other.curriculum->electives_required;
        for (const auto& m : pc.modules)
            if (m.overridden && m.complete) decided.insert(m.code);
        if (lacking.empty() && electives >= electives_required) {
            completion.done = true;
            completion.cohort_code = other.cohort_code;
            completion.lacking.clear();
            completion.electives_done = completion.electives_needed = 0;
        } else if (completion.cohort_code.empty()) {
            completion.cohort_code = other.cohort_code;
            completion.lacking = std::move(lacking);
            completion.electives_done = electives;
            completion.electives_needed = electives_required;
        }
    }
    completion.detail = requirement_words(completion);
    return completion;
}

// The latest result of a module's assessment, when one was taken.
const AssessmentOutcome* latest_assessment(const PathwayRecords& records, const std::string& curriculum_code,
                                           const std::string& module_code) {
    for (const auto& a : records.assessments)
        if (a.curriculum_code == curriculum_code && a.module_code == module_code) return &a;
    return nullptr;
}

// Requirements beyond completion: the code of ethics, supervised practice, assessments.
void add_other_requirements(const PathwayRecords& records, const Curriculum& curriculum,
                            const std::set<std::string>& decided, std::vector<Requirement>& requirements) {
    auto add = [&](Requirement q) {
        q.detail = requirement_words(q);
        requirements.push_back(std::move(q));
    };
    if (!curriculum.ethics_code.empty()) {
        Requirement q;
        q.kind = Requirement::Kind::ethics;
        q.name = "code of ethics";
        q.done = std::find(records.ethics_acknowledged.begin(), records.ethics_acknowledged.end(),
                           curriculum.ethics_code) != records.ethics_acknowledged.end();
        q.version = curriculum.ethics_code;
        add(std::move(q));
    }
    auto assessment = [](const std::string& module_code) {
        Requirement q;
        q.kind = Requirement::Kind::assessment;
        q.name = "assessment";
        q.module_code = module_code;
        return q;
    };
    // A module a coordinator decided complete (prior learning) needs no assessment or practice here.
    int supervised_needed = 0;
    std::vector<std::string> assessed, decided_practice;
    for (const auto& m : curriculum.modules) {
        if (decided.count(m.code)) {
            if (m.supervised_minutes > 0) decided_practice.push_back(m.code);
            if (m.has_assessment) {
                Requirement q = assessment(m.code);
                q.done = q.recognised = true;
                add(std::move(q));
            }
            continue;
        }
        supervised_needed += m.supervised_minutes;
        if (m.has_assessment) assessed.push_back(m.code);
    }
    Requirement practice;
    practice.kind = Requirement::Kind::supervised_practice;
    practice.name = "supervised practice";
    if (!decided_practice.empty() && supervised_needed == 0) {
        Requirement q = practice;
        q.done = q.recognised = true;
        q.modules = decided_practice;
        add(std::move(q));
    }
    if (supervised_needed > 0) {
        const auto found = records.signed_off_minutes.find(curriculum.code);
        Requirement q = practice;
        q.done_minutes = found == records.signed_off_minutes.end() ? 0 : found->second;
        q.needed_minutes = supervised_needed;
        q.done = q.done_minutes >= supervised_needed;
        add(std::move(q));
    }
    for (const auto& module_code : assessed) {
        const auto* latest = latest_assessment(records, curriculum.code, module_code);
        Requirement q = assessment(module_code);
        if (latest) {
            q.taken = true;
            q.done = latest->passed;
            q.on = latest->assessed_on;
        }
        add(std::move(q));
    }
}

// The current certification's standing and renewal, or what is missing before the first.
void add_standing(const PathwayRecords& records, const Date& today, Pathway& p) {
    if (p.current) {
        p.standing = standing_on(*p.current, today);
        p.renewal = check_renewal(p.definition.renewal, records.ledger, p.current->issued_on, today);
        for (const auto& s : p.renewal.shortfalls) {
            p.gaps.push_back({PathwayGap::Kind::renewal, 0, s});
            p.missing.push_back("for renewal, " + to_string(s));
        }
    } else {
        p.standing = "not certified";
        for (std::size_t i = 0; i < p.requirements.size(); ++i) {
            const auto& q = p.requirements[i];
            if (q.done) continue;
            p.gaps.push_back({PathwayGap::Kind::requirement, i, {}});
            p.missing.push_back(q.detail.empty() ? q.name : q.detail);
        }
        if (p.ready) {
            p.gaps.push_back({PathwayGap::Kind::certificate_not_issued, 0, {}});
            p.missing.push_back("the completion certificate is not yet issued");  // each front end says how to issue it
        }
    }
}

}  // namespace

std::string requirement_words(const Requirement& q) {
    switch (q.kind) {
        case Requirement::Kind::completion: {
            if (q.cohort_code.empty()) return {};  // no cohort judged: the name says it
            if (q.done) return q.curriculum_code + " completed in cohort " + q.cohort_code;
            std::vector<std::string> reasons;
            for (const auto& l : q.lacking) reasons.push_back(l.completion.code + ": " + l.completion.reason);
            if (q.electives_done < q.electives_needed)
                reasons.push_back("electives: " + std::to_string(q.electives_done) + " of " +
                                  std::to_string(q.electives_needed));
            return q.curriculum_code + " not yet complete in cohort " + q.cohort_code + ": " + join(reasons, "; ");
        }
        case Requirement::Kind::ethics:
            return "code of ethics " + q.version + (q.done ? " acknowledged" : " not yet acknowledged");
        case Requirement::Kind::supervised_practice:
            if (q.recognised) return "supervised practice: " + join(q.modules, ", ") + " recognised by a coordinator";
            return "supervised practice: " + hours_text(q.done_minutes) + " of " + hours_text(q.needed_minutes) +
                   " signed off";
        case Requirement::Kind::assessment:
            if (q.recognised) return "assessment " + q.module_code + ": module recognised by a coordinator";
            return "assessment " + q.module_code + ": " +
                   (!q.taken ? std::string("not yet taken")
                    : q.done ? "passed on " + to_string(q.on)
                             : "not passed (" + to_string(q.on) + ")");
    }
    return {};
}

std::string standing_on(const CertificationRecord& record, const Date& today, int warn_days) {
    if (record.status == "revoked") return "revoked";
    if (record.status == "superseded") return "superseded";
    return to_string(validity_on(record.expires_on, today, warn_days));
}

std::vector<Pathway> assess_pathways(const PathwayRecords& records, const Date& today) {
    std::vector<Pathway> out;
    std::set<std::string> seen;
    for (const auto& cohort : records.cohorts) {
        const auto& curriculum = cohort.curriculum;
        if (!curriculum || !curriculum->certification || curriculum->certification->for_trainers) continue;
        if (!seen.insert(curriculum->certification->code).second) continue;
        Pathway p;
        p.participant_ref = records.ref;
        p.full_name = records.full_name;
        p.definition = *curriculum->certification;
        std::set<std::string> decided;  // modules complete by a coordinator's override
        p.requirements.push_back(programme_completion(records, *curriculum, decided));
        add_other_requirements(records, *curriculum, decided, p.requirements);
        p.ready =
            std::all_of(p.requirements.begin(), p.requirements.end(), [](const Requirement& q) { return q.done; });
        for (const auto& k : records.held)
            if (k.code == p.definition.code && k.status == "current") {
                p.current = k;
                break;
            }
        add_standing(records, today, p);
        out.push_back(std::move(p));
    }
    // Certifications held whose cohorts the person is no longer enrolled in are still shown.
    for (const auto& k : records.held) {
        if (k.status != "current" || seen.count(k.code)) continue;
        seen.insert(k.code);
        Pathway p;
        p.participant_ref = records.ref;
        p.full_name = records.full_name;
        const auto defined = records.definitions.find(k.code);
        if (defined != records.definitions.end()) p.definition = defined->second;
        else p.definition.code = k.code;
        p.ready = true;
        p.current = k;
        add_standing(records, today, p);
        out.push_back(std::move(p));
    }
    return out;
}

}  // namespace mitra
