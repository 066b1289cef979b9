// Supervised practice, observed assessment, attestations, referees and the completion window (issue 21), at
// their edges.
#include <catch2/catch.hpp>

#include "core/completion.hpp"
#include "practice_support.hpp"

using namespace mitra;

namespace {

Supervisor supervisor(std::string ref, const char* from, const char* until) {
    Supervisor s;
    s.ref = std::move(ref);
    s.credentials.push_back({"Certified Peer Supervisor", d(from), d(until)});
    return s;
}

RubricCriterion criterion(std::string key, std::string title) {
    RubricCriterion c;
    c.key = std::move(key);
    c.title.by_language["en"] = std::move(title);
    return c;
}

Rubric rubric() {
    Rubric r;
    r.criteria = {criterion("rapport", "building rapport"), criterion("hope", "sharing hope"),
                  criterion("listening", "listening without advice"), criterion("boundaries", "keeping boundaries")};
    r.pass_level = 2;
    r.max_not_observed = 1;
    return r;
}

ObservedAssessment observed(std::vector<CriterionRating> ratings, const char* day = "2026-05-10") {
    ObservedAssessment a;
    a.participant_ref = "P1";
    a.module_code = "M9";
    a.observed_on = d(day);
    a.method = ObservationMethod::role_play;
    a.rater = "T1";
    a.ratings = std::move(ratings);
    return a;
}

const std::optional<int> NO = std::nullopt;  // not observed

// A practicum module with a supervision rule, and one person enrolled in March.
struct Fixture {
    Curriculum curriculum;
    std::vector<Session> sessions;
    std::vector<Supervisor> supervisors{supervisor("S1", "2025-01-01", "2027-12-31")};
    ParticipantRecord person;
    Date today = d("2026-06-30");
    bool person_view = false;

    Fixture() {
        Module m;
        m.code = "M9";
        m.title.by_language["en"] = "Practicum";
        m.kind = ModuleKind::practicum;
        m.minutes = 0;
        m.attendance_share = 0;
        m.supervised_minutes = 1200;
        m.supervision = {600, 0, 600};  // 10 h one-to-one at least; at most 10 h in groups count
        curriculum.modules = {m};
        person.ref = "P1";
        person.enrolled_on = d("2026-03-01");
    }
    ParticipantCompletion assess() const {
        CompletionContext ctx{curriculum, sessions, today, "en"};
        ctx.person_view = person_view;
        ctx.supervisors = &supervisors;
        return assess_completion(ctx, person);
    }
};

}  // namespace

TEST_CASE("supervised practice is split one-to-one and group, to the minute", "[core][practice]") {
    Fixture f;
    SECTION("one minute short of the one-to-one minimum is short, and says by how much") {
        f.person.supervision = {entry("S1", SupervisionFormat::one_to_one, 599, "2026-04-01"),
                                entry("S1", SupervisionFormat::group, 601, "2026-04-02")};
        const auto c = f.assess();
        CHECK_FALSE(c.complete);
        REQUIRE(c.modules[0].missing.size() == 2);
        CHECK(c.modules[0].missing[0].kind == Shortfall::Kind::supervised_practice);  // 599 + 600 of 1200
        CHECK(c.modules[0].missing[0].done == 1199);
        CHECK(c.modules[0].missing[1].kind == Shortfall::Kind::one_to_one_practice);
        CHECK(c.reason ==
              "M9 Practicum: supervised practice: 20.0 hours of 20 hours signed off; one-to-one "
              "supervision: 1 minute short (10.0 hours of 10 hours)");
    }
    SECTION("exactly the minimum is enough") {
        f.person.supervision = {entry("S1", SupervisionFormat::one_to_one, 600, "2026-04-01"),
                                entry("S1", SupervisionFormat::group, 600, "2026-04-02")};
        const auto c = f.assess();
        CHECK(c.complete);
        CHECK(c.modules[0].supervision->by_supervisor.at("S1") == 1200);
    }
    SECTION("group minutes past the group maximum are kept but do not count toward the total") {
        f.curriculum.modules[0].supervision.one_to_one_minutes = 0;
        f.person.supervision = {entry("S1", SupervisionFormat::one_to_one, 500, "2026-04-01"),
                                entry("S1", SupervisionFormat::group, 900, "2026-04-02")};
        const auto c = f.assess();
        CHECK_FALSE(c.complete);
        CHECK(c.modules[0].supervision->group == 900);
        CHECK(c.modules[0].supervision->group_counted == 600);
        CHECK(c.modules[0].supervision->total == 1100);
        REQUIRE(c.modules[0].missing.size() == 1);
        CHECK(c.modules[0].missing[0].done == 1100);
    }
}

TEST_CASE("a supervision entry counts only while its supervisor's credential is valid that day", "[core][practice]") {
    Fixture f;
    f.supervisors = {supervisor("S1", "2024-05-01", "2026-04-15")};                         // expires mid-practice
    f.person.supervision = {entry("S1", SupervisionFormat::one_to_one, 600, "2026-04-15"),  // the last valid day
                            entry("S1", SupervisionFormat::group, 300, "2026-04-16"),       // the day after
                            entry("S1", SupervisionFormat::group, 300, "2026-05-01")};
    SECTION("after expiry, the minutes are kept but do not count, and the reason names the supervisor and day") {
        const auto c = f.assess();
        CHECK_FALSE(c.complete);
        CHECK(c.modules[0].supervision->total == 600);
        CHECK(c.modules[0].supervision->not_counted.size() == 2);
        const auto& m = c.modules[0].missing;
        REQUIRE(m.size() == 2);
        CHECK(m[1].kind == Shortfall::Kind::supervision_not_counted);
        CHECK(m[1].done == 600);
        CHECK(m[1].on == d("2026-04-16"));
        CHECK(c.reason ==
              "M9 Practicum: supervised practice: 10 hours of 20 hours signed off; 600 minutes with "
              "supervisor S1 do not count: no valid credential on 2026-04-16");
    }
    SECTION("a refresher from the day after makes the later minutes count again") {
        f.supervisors[0].credentials.push_back(
            {"Certified Peer Supervisor (refresher)", d("2026-04-16"), d("2028-04-15")});
        CHECK(f.assess().complete);
    }
    SECTION("an entry whose supervisor is not on record does not count") {
        f.supervisors.clear();
        CHECK(f.assess().modules[0].supervision->total == 0);
    }
}

TEST_CASE("an observed assessment is met when every criterion reaches the pass level", "[core][practice]") {
    const Rubric r = rubric();
    SECTION("a criterion under the level asks the person to repeat, and says which and by how much") {
        Fixture f;
        f.curriculum.modules[0].supervised_minutes = 0;
        f.curriculum.modules[0].supervision = {};
        f.curriculum.modules[0].rubric = r;
        f.person.observations = {
            observed({{"rapport", 3, NO}, {"hope", 2, NO}, {"listening", 1, NO}, {"boundaries", 4, NO}})};
        const auto c = f.assess();
        CHECK_FALSE(c.complete);
        CHECK(c.modules[0].observation->outcome == ObservedOutcome::asked_to_repeat);
        CHECK(c.reason == "M9 Practicum: criterion 3, listening without advice: level 1, needs 2");
        CHECK(c.modules[0].missing[0].key == "listening");
    }
    SECTION("N/O counts: one is allowed, two are not") {
        auto one = judge_observation(
            r, observed({{"rapport", 2, NO}, {"hope", NO, NO}, {"listening", 2, NO}, {"boundaries", 2, NO}}));
        CHECK(one.outcome == ObservedOutcome::met);
        CHECK(one.not_observed == 1);
        auto two = judge_observation(
            r, observed({{"rapport", 2, NO}, {"hope", NO, NO}, {"listening", NO, NO}, {"boundaries", 2, NO}}));
        CHECK(two.outcome == ObservedOutcome::asked_to_repeat);
        CHECK(two.not_observed == 2);
        // A criterion left out of the ratings is N/O too.
        CHECK(judge_observation(r, observed({{"rapport", 2, NO}, {"listening", 2, NO}})).not_observed == 2);
    }
    SECTION("when a second rater disagrees, the lower level counts and the disagreement shows") {
        auto a = observed({{"rapport", 3, 3}, {"hope", 2, 1}, {"listening", 2, 2}, {"boundaries", 3, 4}});
        a.second_rater = "S1";
        const auto j = judge_observation(r, a);
        CHECK(j.outcome == ObservedOutcome::asked_to_repeat);
        CHECK(j.raters_differ);
        CHECK(j.criteria[1].level == 1);
        CHECK(j.criteria[1].raters_differ);
        CHECK(j.criteria[1].below);
        CHECK(j.criteria[3].level == 3);
        CHECK_FALSE(j.criteria[0].raters_differ);
    }
    SECTION("when one rater saw no opportunity, the other's level counts, and the difference shows") {
        auto a = observed({{"rapport", 3, 3}, {"hope", NO, 2}, {"listening", 2, 2}, {"boundaries", 3, 3}});
        a.second_rater = "S1";
        const auto j = judge_observation(r, a);
        CHECK(j.outcome == ObservedOutcome::met);
        CHECK(j.criteria[1].level == 2);
        CHECK(j.criteria[1].raters_differ);
        CHECK(j.not_observed == 0);
    }
    SECTION("a second level without a second rater is ignored when judging, and refused when checking") {
        auto a = observed({{"rapport", 3, 0}, {"hope", 2, NO}, {"listening", 2, NO}, {"boundaries", 3, NO}});
        CHECK(judge_observation(r, a).outcome == ObservedOutcome::met);
        const auto problems = check_observation(r, a);
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].field == "second_rater");
    }
    SECTION("the outcomes' words never say failed") {
        CHECK(to_string(ObservedOutcome::met) == "met");
        CHECK(to_string(ObservedOutcome::asked_to_repeat) == "asked_to_repeat");
    }
}

TEST_CASE("an observed assessment is checked before it is kept", "[core][practice]") {
    const Rubric r = rubric();
    auto a = observed({{"rapport", 5, NO}, {"hope", 2, NO}, {"hope", 2, NO}, {"empathy", 2, NO}});
    a.rater = "";
    std::vector<std::string> fields;
    for (const auto& p : check_observation(r, a)) fields.push_back(p.field + ": " + p.message);
    CHECK(fields == std::vector<std::string>{
                        "rater: who rated is needed", "level: criterion rapport: a level is 0 to 4, or N/O",
                        "criterion: criterion hope is rated twice",
                        "criterion: criterion empathy is not in the module's rubric",
                        "criterion: criterion listening is not rated (write N/O when it could not be observed)",
                        "criterion: criterion boundaries is not rated (write N/O when it could not be observed)"});
}

TEST_CASE("a result held back shows to the coordinator but not to the person until released", "[core][practice]") {
    Fixture f;
    f.curriculum.modules[0].supervised_minutes = 0;
    f.curriculum.modules[0].supervision = {};
    f.curriculum.modules[0].rubric = rubric();
    f.person.observations = {
        observed({{"rapport", 2, NO}, {"hope", 2, NO}, {"listening", 1, NO}, {"boundaries", 2, NO}}, "2026-04-01"),
        observed({{"rapport", 3, NO}, {"hope", 3, NO}, {"listening", 3, NO}, {"boundaries", 3, NO}}, "2026-05-10")};
    f.person.observations[0].released_on = d("2026-04-02");
    SECTION("the coordinator sees the latest, met, and that it is not released") {
        const auto c = f.assess();
        CHECK(c.complete);
        CHECK(c.modules[0].observation->outcome == ObservedOutcome::met);
        CHECK_FALSE(c.modules[0].observation_released);
    }
    SECTION("the person sees only that a result is to come, not its levels") {
        f.person_view = true;
        const auto c = f.assess();
        CHECK_FALSE(c.complete);
        CHECK_FALSE(c.modules[0].observation.has_value());
        CHECK(c.reason == "M9 Practicum: observed practice on 2026-05-10: the result is still to come");
    }
    SECTION("once released, the person sees it") {
        f.person_view = true;
        f.person.observations[1].released_on = d("2026-05-12");
        CHECK(f.assess().complete);
    }
    SECTION("nothing observed yet") {
        f.person.observations.clear();
        CHECK(f.assess().reason == "M9 Practicum: observed practice not yet assessed");
    }
}

TEST_CASE("mandatory sessions and a most-missed count beside the attendance share", "[core][practice]") {
    Curriculum cu;
    Module m;
    m.code = "M1";
    m.title.by_language["en"] = "Foundations";
    m.minutes = 400;
    m.attendance_share = 0.5;
    m.session_rule.mandatory_sessions = {2};
    m.session_rule.max_missed = 1;
    cu.modules = {m};
    std::vector<Session> sessions;
    for (int i = 0; i < 4; ++i) {
        Session s;
        s.uuid = "s" + std::to_string(i + 1);
        s.cohort_code = "C1";
        s.module_code = "M1";
        s.date = add_days(d("2026-03-02"), 7 * i);
        s.minutes = 100;
        sessions.push_back(s);
    }
    std::reverse(sessions.begin(), sessions.end());  // numbered by day, not by the list's order
    ParticipantRecord p;
    p.ref = "P1";
    p.enrolled_on = d("2026-03-01");
    auto attend = [&](int number, AttendanceStatus status) {
        AttendedSession a;
        a.session = sessions[4 - number];
        a.mark.status = status;
        p.marks.push_back(a);
    };
    auto assess = [&](const char* today) {
        return assess_completion(CompletionContext{cu, sessions, d(today), "en"}, p);
    };
    SECTION("the mandatory session still to come keeps the module open but on track") {
        attend(1, AttendanceStatus::present);
        const auto c = assess("2026-03-05");
        CHECK_FALSE(c.complete);
        CHECK(c.on_track);
        CHECK(c.modules[0].missing.back().kind == Shortfall::Kind::mandatory_session_to_come);
    }
    SECTION("the mandatory session missed, excused or not, cannot be made good by minutes") {
        attend(1, AttendanceStatus::present);
        attend(2, AttendanceStatus::excused);
        attend(3, AttendanceStatus::present);
        attend(4, AttendanceStatus::present);
        const auto c = assess("2026-06-30");
        CHECK_FALSE(c.complete);
        CHECK_FALSE(c.on_track);
        CHECK(c.modules[0].missed_sessions == 1);
        CHECK(c.reason == "M1 Foundations: session 2 (2026-03-09) must be attended, and was not");
    }
    SECTION("one missed is allowed, two are not") {
        attend(2, AttendanceStatus::present);
        attend(3, AttendanceStatus::present);
        attend(4, AttendanceStatus::late);
        CHECK(assess("2026-06-30").complete);
        p.marks.pop_back();
        const auto c = assess("2026-06-30");
        CHECK_FALSE(c.complete);
        CHECK_FALSE(c.on_track);
        CHECK(c.reason == "M1 Foundations: 2 sessions missed, at most 1 may be");
    }
}

TEST_CASE("referees, the supervisory agreement and the attestation of lived experience", "[core][practice]") {
    Curriculum cu;
    cu.programme.referees_required = 3;
    cu.programme.supervision_agreement = true;
    cu.programme.lived_experience_attestation = true;
    const std::vector<Session> none;
    ParticipantRecord p;
    p.ref = "P1";
    p.enrolled_on = d("2026-03-01");
    p.referees = {{"P1", "R1", d("2026-04-01")}, {"P1", "R2", d("2026-04-02")}, {"P1", "R2", d("2026-04-03")}};
    p.attestations = {{"P1", AttestationKind::supervision_agreement, true, d("2026-03-01")},
                      {"P1", AttestationKind::lived_experience, true, d("2026-03-01")},
                      {"P1", AttestationKind::lived_experience, false, d("2026-03-10")}};  // withdrawn later
    auto c = assess_completion(CompletionContext{cu, none, d("2026-06-30"), "en"}, p);
    CHECK_FALSE(c.complete);
    CHECK(c.reason == "referee questionnaires: 2 of 3 received; attestation of lived experience not yet signed");
    p.referees.push_back({"P1", "R3", d("2026-05-01")});
    p.attestations.push_back({"P1", AttestationKind::lived_experience, true, d("2026-05-01")});
    CHECK(assess_completion(CompletionContext{cu, none, d("2026-06-30"), "en"}, p).complete);
}

TEST_CASE("the completion window runs from enrolment, and an extension moves it", "[core][practice]") {
    Curriculum cu;
    cu.programme.completion_months = 18;
    cu.programme.referees_required = 1;  // something still missing
    const std::vector<Session> none;
    ParticipantRecord p;
    p.ref = "P1";
    p.enrolled_on = d("2024-08-31");
    auto assess = [&](const char* today) { return assess_completion(CompletionContext{cu, none, d(today), "en"}, p); };
    SECTION("18 months from 31 August is the last day of February") {
        CHECK(add_months(d("2024-08-31"), 18) == d("2026-02-28"));
        CHECK(assess("2026-02-28").on_track);
        const auto c = assess("2026-03-01");
        CHECK_FALSE(c.on_track);
        CHECK(c.reason == "referee questionnaires: 0 of 1 received; the deadline 2026-02-28 has passed");
    }
    SECTION("an extension past the window keeps the person on track until its own deadline") {
        p.extensions = {{"P1", "C1", d("2026-05-31"), "illness in the family", "T1", "2026-02-01T10:00:00.000Z"},
                        {"P1", "C1", d("2026-08-31"), "a second extension", "T2", "2026-05-20T10:00:00.000Z"}};
        const auto in_time = assess("2026-07-01");
        CHECK(in_time.on_track);
        REQUIRE(in_time.deadline);
        CHECK(in_time.deadline->window_end == d("2026-02-28"));
        CHECK(in_time.deadline->due == d("2026-08-31"));
        CHECK(deadline_standing(*in_time.deadline, d("2026-07-15")) == DeadlineStanding::near);
        CHECK(deadline_standing(*in_time.deadline, d("2026-06-01")) == DeadlineStanding::open);
        const auto late = assess("2026-09-01");
        CHECK_FALSE(late.on_track);
        CHECK(deadline_standing(*late.deadline, d("2026-09-01")) == DeadlineStanding::passed);
        CHECK(late.missing.back().by == "T2");
    }
    SECTION("a person complete before the deadline stays complete after it") {
        p.referees = {{"P1", "R1", d("2025-01-01")}};
        const auto c = assess("2027-01-01");
        CHECK(c.complete);
        CHECK(c.missing.empty());
    }
}
