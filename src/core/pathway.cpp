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
    Requirement completion{"programme completion", false, ""};
    for (const auto& other : records.cohorts) {
        if (!other.curriculum || other.curriculum->code != curriculum.code || completion.done) continue;
        if (!other.completion) continue;
        const auto& pc = *other.completion;
        bool required_ok = true;
        int electives = 0;
        std::vector<std::string> reasons;
        for (const auto& m : pc.modules) {
            if (m.required && !m.complete) {
                required_ok = false;
                reasons.push_back(m.code + ": " + m.reason);
            }
            if (!m.required && m.complete) ++electives;
        }
        const int electives_required = other.curriculum->electives_required;
        if (electives < electives_required)
            reasons.push_back("electives: " + std::to_string(electives) + " of " + std::to_string(electives_required));
        for (const auto& m : pc.modules)
            if (m.overridden && m.complete) decided.insert(m.code);
        if (required_ok && electives >= electives_required)
            completion = {"programme completion", true, curriculum.code + " completed in cohort " + other.cohort_code};
        else if (completion.detail.empty())
            completion.detail =
                curriculum.code + " not yet complete in cohort " + other.cohort_code + ": " + join(reasons, "; ");
    }
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
    if (!curriculum.ethics_code.empty()) {
        const bool acknowledged = std::find(records.ethics_acknowledged.begin(), records.ethics_acknowledged.end(),
                                            curriculum.ethics_code) != records.ethics_acknowledged.end();
        requirements.push_back(
            {"code of ethics", acknowledged,
             "code of ethics " + curriculum.ethics_code + (acknowledged ? " acknowledged" : " not yet acknowledged")});
    }
    // A module a coordinator decided complete (prior learning) needs no assessment or practice here.
    int supervised_needed = 0;
    std::vector<std::string> assessed, decided_practice;
    for (const auto& m : curriculum.modules) {
        if (decided.count(m.code)) {
            if (m.supervised_minutes > 0) decided_practice.push_back(m.code);
            if (m.has_assessment)
                requirements.push_back(
                    {"assessment", true, "assessment " + m.code + ": module recognised by a coordinator"});
            continue;
        }
        supervised_needed += m.supervised_minutes;
        if (m.has_assessment) assessed.push_back(m.code);
    }
    if (!decided_practice.empty() && supervised_needed == 0)
        requirements.push_back(
            {"supervised practice", true,
             "supervised practice: " + join(decided_practice, ", ") + " recognised by a coordinator"});
    if (supervised_needed > 0) {
        const auto found = records.signed_off_minutes.find(curriculum.code);
        const int signed_off = found == records.signed_off_minutes.end() ? 0 : found->second;
        requirements.push_back({"supervised practice", signed_off >= supervised_needed,
                                "supervised practice: " + hours_text(signed_off) + " of " +
                                    hours_text(supervised_needed) + " signed off"});
    }
    for (const auto& module_code : assessed) {
        const auto* latest = latest_assessment(records, curriculum.code, module_code);
        const std::string on = latest ? to_string(latest->assessed_on) : "";
        requirements.push_back({"assessment", latest && latest->passed,
                                "assessment " + module_code + ": " +
                                    (!latest          ? "not yet taken"
                                     : latest->passed ? "passed on " + on
                                                      : "not passed (" + on + ")")});
    }
}

// The current certification's standing and renewal, or what is missing before the first.
void add_standing(const PathwayRecords& records, const Date& today, Pathway& p) {
    if (p.current) {
        p.standing = standing_on(*p.current, today);
        p.renewal = check_renewal(p.definition.renewal, records.ledger, p.current->issued_on, today);
        for (const auto& m : p.renewal.missing) p.missing.push_back("for renewal, " + m);
    } else {
        p.standing = "not certified";
        for (const auto& q : p.requirements)
            if (!q.done) p.missing.push_back(q.detail.empty() ? q.name : q.detail);
        if (p.ready) p.missing.push_back("the completion certificate is not yet issued (mitra-cli certificate issue)");
    }
}

}  // namespace

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
