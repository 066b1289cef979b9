// Certification readiness at its edges: one requirement short, practice a minute short or exactly met, the
// latest assessment counting, completion from the better of two cohorts, a coordinator's decision.
#include <catch2/catch.hpp>

#include <algorithm>

#include "core/pathway.hpp"

using namespace mitra;

namespace {

Date d(const char* text) { return *parse_date(text); }

Module module(const char* code, bool required = true, int supervised = 0, bool assessed = false) {
    Module m;
    m.code = code;
    m.required = required;
    m.supervised_minutes = supervised;
    m.has_assessment = assessed;
    return m;
}

// PSF leads to PSC: M01, a practicum M02 (10 hours supervised, assessed), one elective of E1 and E2, ethics 2026.
Curriculum psf() {
    Curriculum c;
    c.uuid = "psf-1";
    c.code = "PSF";
    c.version = "1";
    c.electives_required = 1;
    c.ethics_code = "2026";
    c.modules = {module("M01"), module("M02", true, 600, true), module("E1", false), module("E2", false)};
    CertificationDefinition psc;
    psc.code = "PSC";
    psc.curriculum_code = "PSF";
    psc.renewal.total_minutes = 600;
    psc.renewal.minimum_minutes = {{"ethics", 60}};
    c.certification = psc;
    return c;
}

ModuleCompletion done(const char* code, bool required = true, bool complete = true) {
    ModuleCompletion m;
    m.code = code;
    m.required = required;
    m.complete = complete;
    if (!complete) m.reason = "attended 0 of 60 minutes";
    return m;
}

// The person complete in the cohort: every required module and one elective.
ParticipantCompletion complete_in_cohort() {
    ParticipantCompletion pc;
    pc.ref = "P-1";
    pc.modules = {done("M01"), done("M02"), done("E1", false), done("E2", false, false)};
    return pc;
}

// Everything done: complete in KTM-1, ethics acknowledged, 10 hours signed off, M02 passed.
PathwayRecords ready_person() {
    PathwayRecords r;
    r.ref = "P-1";
    r.full_name = "someone";
    r.cohorts = {{"KTM-1", psf(), complete_in_cohort()}};
    r.ethics_acknowledged = {"2026"};
    r.signed_off_minutes = {{"PSF", 600}};
    r.assessments = {{"PSF", "M02", true, d("2026-05-01")}};
    return r;
}

const Requirement& requirement(const Pathway& p, const std::string& name) {
    const auto at = std::find_if(p.requirements.begin(), p.requirements.end(),
                                 [&](const Requirement& q) { return q.name == name; });
    REQUIRE(at != p.requirements.end());
    return *at;
}

Pathway only_pathway(const PathwayRecords& records) {
    const auto paths = assess_pathways(records, d("2026-06-01"));
    REQUIRE(paths.size() == 1);
    return paths.front();
}

}  // namespace

TEST_CASE("a person with every requirement done is ready, and waits only for the certificate", "[core][pathway]") {
    const auto p = only_pathway(ready_person());
    CHECK(p.ready);
    CHECK(p.definition.code == "PSC");
    CHECK(p.standing == "not certified");
    CHECK(requirement(p, "programme completion").detail == "PSF completed in cohort KTM-1");
    CHECK(requirement(p, "code of ethics").detail == "code of ethics 2026 acknowledged");
    CHECK(requirement(p, "supervised practice").detail == "supervised practice: 10 hours of 10 hours signed off");
    CHECK(requirement(p, "assessment").detail == "assessment M02: passed on 2026-05-01");
    CHECK(p.missing == std::vector<std::string>{
                           "the completion certificate is not yet issued"});  // no command: the front ends add theirs
}

TEST_CASE("one requirement short is not ready, and says which", "[core][pathway]") {
    SECTION("the code of ethics of another version") {
        auto r = ready_person();
        r.ethics_acknowledged = {"2025"};
        const auto p = only_pathway(r);
        CHECK_FALSE(p.ready);
        CHECK(p.missing == std::vector<std::string>{"code of ethics 2026 not yet acknowledged"});
    }
    SECTION("supervised practice a minute short") {
        auto r = ready_person();
        r.signed_off_minutes["PSF"] = 599;
        const auto p = only_pathway(r);
        CHECK_FALSE(p.ready);
        CHECK_FALSE(requirement(p, "supervised practice").done);
    }
    SECTION("practice signed off under another curriculum does not count") {
        auto r = ready_person();
        r.signed_off_minutes = {{"OTHER", 6000}};
        CHECK_FALSE(only_pathway(r).ready);
    }
    SECTION("the latest assessment was not passed, though an earlier one was") {
        auto r = ready_person();
        r.assessments = {{"PSF", "M02", false, d("2026-05-20")}, {"PSF", "M02", true, d("2026-05-01")}};
        const auto p = only_pathway(r);
        CHECK_FALSE(p.ready);
        CHECK(requirement(p, "assessment").detail == "assessment M02: not passed (2026-05-20)");
    }
    SECTION("no assessment taken") {
        auto r = ready_person();
        r.assessments.clear();
        CHECK(requirement(only_pathway(r), "assessment").detail == "assessment M02: not yet taken");
    }
    SECTION("no elective complete: electives 0 of 1") {
        auto r = ready_person();
        r.cohorts[0].completion->modules[2].complete = false;
        const auto p = only_pathway(r);
        CHECK_FALSE(p.ready);
        CHECK(requirement(p, "programme completion").detail ==
              "PSF not yet complete in cohort KTM-1: electives: 0 of 1");
    }
}

TEST_CASE("programme completion is the better of the person's cohorts of the curriculum", "[core][pathway]") {
    auto r = ready_person();
    auto unfinished = complete_in_cohort();
    unfinished.modules[0] = done("M01", true, false);
    r.cohorts = {{"PKR-2", psf(), unfinished}, {"KTM-1", psf(), complete_in_cohort()}};
    SECTION("complete in the older cohort") {
        const auto p = only_pathway(r);
        CHECK(p.ready);
        CHECK(requirement(p, "programme completion").detail == "PSF completed in cohort KTM-1");
    }
    SECTION("complete in neither: the latest cohort's reasons") {
        r.cohorts[1].completion = unfinished;
        const auto p = only_pathway(r);
        CHECK_FALSE(p.ready);
        CHECK(requirement(p, "programme completion").detail ==
              "PSF not yet complete in cohort PKR-2: M01: attended 0 of 60 minutes");
    }
    SECTION("complete in both: the latest cohort is the one named, and the older one is not looked at") {
        r.cohorts[0].completion = complete_in_cohort();
        r.cohorts[1].completion->modules[1].overridden = true;  // would waive M02's assessment, were it looked at
        r.assessments.clear();
        const auto p = only_pathway(r);
        CHECK(requirement(p, "programme completion").detail == "PSF completed in cohort PKR-2");
        CHECK(requirement(p, "assessment").detail == "assessment M02: not yet taken");
    }
    SECTION("a cohort not judged counts for nothing") {
        r.cohorts[1].completion.reset();
        CHECK_FALSE(only_pathway(r).ready);
    }
}

TEST_CASE("a module a coordinator decided complete needs no assessment nor supervised practice", "[core][pathway]") {
    auto r = ready_person();
    r.cohorts[0].completion->modules[1].overridden = true;
    r.signed_off_minutes.clear();
    r.assessments.clear();
    const auto p = only_pathway(r);
    CHECK(p.ready);
    CHECK(requirement(p, "assessment").detail == "assessment M02: module recognised by a coordinator");
    CHECK(requirement(p, "supervised practice").detail == "supervised practice: M02 recognised by a coordinator");
}

TEST_CASE("a trainers' curriculum and a missing curriculum lead to no pathway", "[core][pathway]") {
    auto r = ready_person();
    r.cohorts[0].curriculum->certification->for_trainers = true;
    r.cohorts.push_back({"GONE-1", std::nullopt, std::nullopt});
    CHECK(assess_pathways(r, d("2026-06-01")).empty());
}

TEST_CASE("a current certification is judged for renewal on the ledger, also once its cohorts are gone",
          "[core][pathway]") {
    CertificationRecord held;
    held.code = "PSC";
    held.status = "current";
    held.serial = "S-1";
    held.issued_on = d("2026-01-10");
    held.expires_on = d("2028-01-09");
    auto r = ready_person();
    r.held = {held};
    LearningEntry ethics;
    ethics.on = d("2026-03-01");
    ethics.minutes = 60;
    ethics.category = "ethics";
    LearningEntry elective = ethics;
    elective.category = "elective";
    elective.minutes = 539;
    r.ledger = {ethics, elective};
    SECTION("a minute short of the total") {
        const auto p = only_pathway(r);
        REQUIRE(p.current);
        CHECK(p.standing == "valid");
        CHECK_FALSE(p.renewal.met);
        CHECK(p.missing.size() == 1);
        CHECK(p.missing.front().rfind("for renewal, in total: ", 0) == 0);
    }
    SECTION("exactly the total") {
        r.ledger[1].minutes = 540;
        const auto p = only_pathway(r);
        CHECK(p.renewal.met);
        CHECK(p.missing.empty());
    }
    SECTION("enrolled in no cohort of it any more: shown with its stored definition, or its code alone") {
        r.cohorts.clear();
        r.ledger[1].minutes = 540;
        r.definitions["PSC"] = *psf().certification;
        auto p = only_pathway(r);
        CHECK(p.ready);
        CHECK(p.renewal.met);
        r.definitions.clear();
        p = only_pathway(r);
        CHECK(p.definition.code == "PSC");
        CHECK_FALSE(p.renewal.met);  // a definition since removed renews by the default rule: 36 hours
    }
    SECTION("a superseded certification is not current") {
        r.held[0].status = "superseded";
        const auto p = only_pathway(r);
        CHECK_FALSE(p.current);
        CHECK(p.standing == "not certified");
    }
}

TEST_CASE("a pathway's requirements and gaps come as parts, in order", "[core][pathway][reasons]") {
    using Kind = Requirement::Kind;
    SECTION("every requirement short") {
        auto r = ready_person();
        auto& pc = *r.cohorts[0].completion;
        pc.modules[1] = done("M02", true, false);
        pc.modules[2].complete = false;
        r.cohorts[0].curriculum->modules[1].title.by_language = {{"en", "Practice"}, {"ja", "実習"}};
        r.ethics_acknowledged.clear();
        r.signed_off_minutes["PSF"] = 90;
        r.assessments = {{"PSF", "M02", false, d("2026-05-20")}};
        const auto p = only_pathway(r);
        REQUIRE(p.requirements.size() == 4);
        const auto& completion = p.requirements[0];
        CHECK(completion.kind == Kind::completion);
        CHECK(completion.cohort_code == "KTM-1");
        CHECK(completion.curriculum_code == "PSF");
        REQUIRE(completion.lacking.size() == 1);
        CHECK(completion.lacking[0].completion.code == "M02");
        CHECK(completion.lacking[0].title.in("ja") == "実習");
        CHECK(completion.electives_done == 0);
        CHECK(completion.electives_needed == 1);
        CHECK(p.requirements[1].kind == Kind::ethics);
        CHECK(p.requirements[1].version == "2026");
        CHECK(p.requirements[2].kind == Kind::supervised_practice);
        CHECK(p.requirements[2].done_minutes == 90);
        CHECK(p.requirements[2].needed_minutes == 600);
        CHECK(p.requirements[3].kind == Kind::assessment);
        CHECK(p.requirements[3].module_code == "M02");
        CHECK(p.requirements[3].taken);
        CHECK(p.requirements[3].on == d("2026-05-20"));
        REQUIRE(p.gaps.size() == 4);
        for (std::size_t i = 0; i < 4; ++i) {
            CHECK(p.gaps[i].kind == PathwayGap::Kind::requirement);
            CHECK(p.gaps[i].requirement == i);
            CHECK(p.missing[i] == requirement_words(p.requirements[i]));
        }
        CHECK(p.missing[0] == "PSF not yet complete in cohort KTM-1: M02: attended 0 of 60 minutes; electives: 0 of 1");
    }
    SECTION("ready: only the certificate is missing") {
        const auto p = only_pathway(ready_person());
        REQUIRE(p.gaps.size() == 1);
        CHECK(p.gaps[0].kind == PathwayGap::Kind::certificate_not_issued);
    }
    SECTION("certified: the renewal's shortfalls") {
        CertificationRecord held;
        held.code = "PSC";
        held.status = "current";
        held.issued_on = d("2026-01-10");
        held.expires_on = d("2028-01-09");
        auto r = ready_person();
        r.held = {held};
        const auto p = only_pathway(r);
        REQUIRE(p.gaps.size() == 2);
        CHECK(p.gaps[0].kind == PathwayGap::Kind::renewal);
        CHECK(p.gaps[0].renewal.category.empty());
        CHECK(p.gaps[0].renewal.needed_minutes == 600);
        CHECK(p.gaps[1].renewal.category == "ethics");
        CHECK(p.gaps[1].renewal.needed_minutes == 60);
        CHECK(p.missing[1] == "for renewal, ethics: 0 hours of 1 hour");
    }
}
