// The completion rules, read as the programme's specification.
#include <catch2/catch.hpp>

#include "core/completion.hpp"

using namespace mitra;

namespace {

Date d(const char* text) { return *parse_date(text); }

Module module(std::string code, std::string title, int minutes, bool required = true) {
    Module m;
    m.code = std::move(code);
    m.title.by_language["en"] = std::move(title);
    m.minutes = minutes;
    m.required = required;
    return m;
}

Session session(std::string uuid, std::string module, const char* day, int minutes, std::string cohort = "C1") {
    Session s;
    s.uuid = std::move(uuid);
    s.cohort_code = std::move(cohort);
    s.module_code = std::move(module);
    s.date = d(day);
    s.minutes = minutes;
    return s;
}

AttendedSession mark(const Session& s, AttendanceStatus status, std::optional<int> minutes = std::nullopt) {
    AttendedSession a;
    a.session = s;
    a.mark.status = status;
    a.mark.minutes = minutes;
    return a;
}

struct Fixture {
    Curriculum curriculum;
    std::vector<Session> sessions;
    ParticipantRecord person;
    Date today = d("2026-06-30");

    ParticipantCompletion assess() const {
        return assess_completion(CompletionContext{curriculum, sessions, today, "en"}, person);
    }
};

Fixture one_module_of(int minutes) {
    Fixture f;
    f.curriculum.modules = {module("M3", "Ethics", minutes)};
    f.sessions = {session("s1", "M3", "2026-03-02", minutes)};
    f.person.ref = "P1";
    f.person.enrolled_on = d("2026-03-01");
    return f;
}

}  // namespace

TEST_CASE("a module is complete at its attendance share", "[core][completion]") {
    auto f = one_module_of(180);
    CHECK(required_minutes(0.8, 180) == 144);

    SECTION("exactly the share is enough") {
        f.person.marks = {mark(f.sessions[0], AttendanceStatus::late, 144)};
        const auto c = f.assess();
        CHECK(c.complete);
        CHECK(c.reason.empty());
        CHECK(c.modules[0].attended_minutes == 144);
        CHECK(c.modules[0].required_minutes == 144);
    }
    SECTION("one minute short is not, and says so in words") {
        f.person.marks = {mark(f.sessions[0], AttendanceStatus::left_early, 95)};
        const auto c = f.assess();
        CHECK_FALSE(c.complete);
        CHECK(c.reason == "M3 Ethics: attended 95 of 180 minutes, needs 144");
        CHECK(c.modules[0].reason == c.reason);
    }
    SECTION("present counts the whole session; excused and absent count nothing") {
        f.person.marks = {mark(f.sessions[0], AttendanceStatus::present)};
        CHECK(f.assess().modules[0].attended_minutes == 180);
        f.person.marks = {mark(f.sessions[0], AttendanceStatus::excused)};
        CHECK(f.assess().modules[0].attended_minutes == 0);
        f.person.marks = {mark(f.sessions[0], AttendanceStatus::absent)};
        CHECK(f.assess().modules[0].attended_minutes == 0);
    }
    SECTION("minutes given for a late arrival never exceed the session") {
        f.person.marks = {mark(f.sessions[0], AttendanceStatus::late, 500)};
        CHECK(f.assess().modules[0].attended_minutes == 180);
    }
    SECTION("a module's own share replaces the default") {
        f.curriculum.modules[0].attendance_share = 1.0;
        f.person.marks = {mark(f.sessions[0], AttendanceStatus::late, 170)};
        CHECK(f.assess().reason == "M3 Ethics: attended 170 of 180 minutes, needs 180");
    }
}

TEST_CASE("sessions before enrolment are not absences, and a make-up elsewhere counts", "[core][completion]") {
    Fixture f;
    f.curriculum.modules = {module("M1", "Lived experience", 360)};
    f.sessions = {session("a", "M1", "2026-03-02", 180), session("b", "M1", "2026-03-09", 180)};
    f.person.ref = "P1";
    f.person.enrolled_on = d("2026-03-05");
    f.person.marks = {mark(f.sessions[1], AttendanceStatus::present)};

    auto c = f.assess();
    CHECK(c.modules[0].absences == 0);
    CHECK(c.modules[0].missed_before_enrolment == 1);
    CHECK_FALSE(c.complete);
    CHECK(c.reason.find("attended 180 of 360 minutes, needs 288") != std::string::npos);
    CHECK(c.reason.find("made up in another cohort") != std::string::npos);

    SECTION("the same module in another cohort's session makes it up") {
        f.person.marks.push_back(mark(session("x", "M1", "2026-04-01", 180, "C2"), AttendanceStatus::present));
        c = f.assess();
        CHECK(c.complete);
        CHECK(c.modules[0].attended_minutes == 360);
    }
    SECTION("an unmarked session after enrolment that has been held is an absence") {
        f.person.marks.clear();
        CHECK(f.assess().modules[0].absences == 1);
    }
}

TEST_CASE("assessments and supervised practice are required where the module says so", "[core][completion]") {
    auto f = one_module_of(180);
    f.person.marks = {mark(f.sessions[0], AttendanceStatus::present)};

    SECTION("an assessment not yet taken") {
        f.curriculum.modules[0].has_assessment = true;
        CHECK(f.assess().reason == "M3 Ethics: assessment not yet taken");
    }
    SECTION("the latest result counts") {
        f.curriculum.modules[0].has_assessment = true;
        f.person.assessments = {{"P1", "M3", false, d("2026-04-01"), "Ana"}};
        CHECK(f.assess().reason == "M3 Ethics: assessment not passed (2026-04-01)");
        f.person.assessments.push_back({"P1", "M3", true, d("2026-05-01"), "Ana"});
        CHECK(f.assess().complete);
    }
    SECTION("only signed-off practice counts toward the supervised hours") {
        f.curriculum.modules[0].supervised_minutes = 2400;
        f.person.practicum = {{"P1", "M3", 1800, "Dr. Lee", d("2026-04-01"), d("2026-04-02")},
                              {"P1", "M3", 600, "Dr. Lee", d("2026-04-08"), std::nullopt}};
        CHECK(f.assess().reason == "M3 Ethics: supervised practice: 30 hours of 40 hours signed off");
        f.person.practicum[1].signed_off_on = d("2026-04-09");
        CHECK(f.assess().complete);
    }
}

TEST_CASE("the programme needs every required module, enough electives and the code of ethics",
          "[core][completion][electives]") {
    Fixture f;
    f.curriculum.electives_required = 2;
    f.curriculum.modules = {module("R1", "Rights", 180), module("E1", "Art", 180, false),
                            module("E2", "Families", 180, false), module("E3", "Self-care", 180, false)};
    for (const char* code : {"R1", "E1", "E2", "E3"}) f.sessions.push_back(session(code, code, "2026-03-02", 180));
    f.person.ref = "P1";
    f.person.enrolled_on = d("2026-03-01");
    auto attend = [&](std::size_t i) { f.person.marks.push_back(mark(f.sessions[i], AttendanceStatus::present)); };

    attend(0);
    attend(1);
    auto c = f.assess();
    CHECK_FALSE(c.complete);
    CHECK(c.electives_complete == 1);
    CHECK(c.reason == "electives: 1 of 2 needed are complete (not started: E2, E3)");
    f.person.marks.push_back(mark(f.sessions[2], AttendanceStatus::late, 60));
    CHECK(f.assess().reason ==
          "electives: 1 of 2 needed are complete (E2 Families: attended 60 of 180 minutes, "
          "needs 144; not started: E3)");
    f.person.marks.pop_back();

    attend(3);
    CHECK(f.assess().complete);

    SECTION("any two electives will do, and a third is not needed") { CHECK(f.assess().electives_complete == 2); }
    SECTION("the code of ethics of the curriculum's version must be acknowledged") {
        f.curriculum.ethics_code = "2026.1";
        CHECK(f.assess().reason == "code of ethics 2026.1 not yet acknowledged");
        f.person.ethics = {{"P1", "2025.1", d("2026-01-01")}};
        CHECK_FALSE(f.assess().complete);
        f.person.ethics.push_back({"P1", "2026.1", d("2026-03-01")});
        CHECK(f.assess().complete);
    }
    SECTION("a required module missing leaves the programme incomplete whatever the electives") {
        f.person.marks.erase(f.person.marks.begin());
        c = f.assess();
        CHECK_FALSE(c.complete);
        CHECK(c.reason == "R1 Rights: attended 0 of 180 minutes, needs 144");
    }
}

TEST_CASE("a coordinator's override decides a module, with its reason", "[core][completion][override]") {
    auto f = one_module_of(180);
    f.person.marks = {mark(f.sessions[0], AttendanceStatus::late, 100)};
    REQUIRE_FALSE(f.assess().complete);

    f.person.overrides = {
        {"P1", "M3", true, "attended the same module in 2025 in Kathmandu", "coord", "2026-05-01T00:00:00.000Z"}};
    auto c = f.assess();
    CHECK(c.complete);
    CHECK(c.modules[0].overridden);

    SECTION("the latest override counts, and a 'not complete' says who and why") {
        f.person.overrides.push_back(
            {"P1", "M3", false, "certificate issued in error", "coord2", "2026-06-01T00:00:00.000Z"});
        c = f.assess();
        CHECK_FALSE(c.complete);
        CHECK(c.reason == "M3 Ethics: marked not complete by coord2 (certificate issued in error)");
    }
}

TEST_CASE("someone is on track while the sessions to come can still bring them to the share", "[core][completion]") {
    Fixture f;
    f.curriculum.modules = {module("M1", "Listening", 540)};
    f.sessions = {session("a", "M1", "2026-06-01", 180), session("b", "M1", "2026-07-06", 180),
                  session("c", "M1", "2026-07-13", 180)};
    f.person.ref = "P1";
    f.person.enrolled_on = d("2026-05-01");
    f.today = d("2026-06-30");

    // 540 minutes scheduled, 432 needed, 360 still to come after today.
    f.person.marks = {mark(f.sessions[0], AttendanceStatus::present)};
    auto c = f.assess();
    CHECK_FALSE(c.complete);
    CHECK(c.on_track);

    f.person.marks = {mark(f.sessions[0], AttendanceStatus::absent)};
    c = f.assess();
    CHECK_FALSE(c.on_track);
    CHECK(c.modules[0].absences == 1);
}

TEST_CASE("a report's completion decides the same without the words", "[core][completion]") {
    auto f = one_module_of(180);
    f.curriculum.modules[0].has_assessment = true;
    f.person.marks = {mark(f.sessions[0], AttendanceStatus::late, 100)};
    for (bool attended_enough : {false, true}) {
        if (attended_enough) f.person.marks = {mark(f.sessions[0], AttendanceStatus::present)};
        for (bool passed : {false, true}) {
            f.person.assessments = {{"P1", "M3", passed, d("2026-04-01"), "Ana"}};
            const auto worded = f.assess();
            const auto quiet =
                assess_completion(CompletionContext{f.curriculum, f.sessions, f.today, "en", false}, f.person);
            CHECK(quiet.complete == worded.complete);
            CHECK(quiet.on_track == worded.on_track);
            CHECK(quiet.modules[0].attended_minutes == worded.modules[0].attended_minutes);
            CHECK(quiet.reason.empty());
            CHECK(worded.complete == (attended_enough && passed));
        }
    }
}

TEST_CASE("what is missing comes as parts, in order, for each front end to phrase", "[core][completion][reasons]") {
    using Kind = Shortfall::Kind;
    Fixture f;
    f.curriculum.electives_required = 2;
    f.curriculum.ethics_code = "2026.1";
    f.curriculum.modules = {module("R1", "Rights", 540), module("R2", "Practice", 180), module("E1", "Art", 180, false),
                            module("E2", "Families", 180, false), module("E3", "Self-care", 180, false)};
    f.curriculum.modules[1].has_assessment = true;
    f.curriculum.modules[1].supervised_minutes = 600;
    f.sessions = {session("a", "R1", "2026-03-02", 180),  session("b", "R1", "2026-03-09", 180),
                  session("c", "R1", "2026-03-16", 180),  session("r2", "R2", "2026-03-03", 180),
                  session("e1", "E1", "2026-03-04", 180), session("e2", "E2", "2026-03-05", 180),
                  session("e3", "E3", "2026-03-06", 180)};
    f.person.ref = "P1";
    f.person.enrolled_on = d("2026-03-05");  // after R1's first session
    f.person.marks = {mark(f.sessions[1], AttendanceStatus::present), mark(f.sessions[3], AttendanceStatus::present),
                      mark(f.sessions[4], AttendanceStatus::present), mark(f.sessions[5], AttendanceStatus::late, 60)};
    f.person.assessments = {{"P1", "R2", false, d("2026-04-01"), "Ana"}};
    f.person.practicum = {{"P1", "R2", 90, "Dr. Lee", d("2026-04-01"), d("2026-04-02")}};

    const auto c = f.assess();
    REQUIRE_FALSE(c.complete);
    const auto& r1 = c.modules[0];
    REQUIRE(r1.missing.size() == 1);
    CHECK(r1.missing[0].kind == Kind::attendance);
    CHECK(r1.missing[0].done == 180);
    CHECK(r1.missing[0].scheduled == 540);
    CHECK(r1.missing[0].needed == 432);
    CHECK(r1.can_make_up);
    CHECK(r1.missed_before_enrolment == 1);
    CHECK(r1.enrolled_on == d("2026-03-05"));

    const auto& r2 = c.modules[1];
    REQUIRE(r2.missing.size() == 2);
    CHECK(r2.missing[0].kind == Kind::assessment_not_passed);
    CHECK(r2.missing[0].on == d("2026-04-01"));
    CHECK(r2.missing[1].kind == Kind::supervised_practice);
    CHECK(r2.missing[1].done == 90);
    CHECK(r2.missing[1].needed == 600);
    CHECK_FALSE(r2.can_make_up);

    REQUIRE(c.missing.size() == 4);
    CHECK(c.missing[0].kind == Kind::module);
    CHECK(c.missing[0].module_code == "R1");
    CHECK(c.missing[1].kind == Kind::module);
    CHECK(c.missing[1].module_code == "R2");
    CHECK(c.missing[2].kind == Kind::electives);
    CHECK(c.missing[2].done == 1);
    CHECK(c.missing[2].needed == 2);
    CHECK(c.missing[2].started == std::vector<std::string>{"E2"});
    CHECK(c.missing[2].not_started == std::vector<std::string>{"E3"});
    CHECK(c.missing[3].kind == Kind::ethics_not_acknowledged);
    CHECK(c.missing[3].version == "2026.1");
    // The English words are made from the parts, by one phrasing.
    CHECK(c.reason == completion_words(c));
    CHECK(c.reason ==
          "R1 Rights: attended 180 of 540 minutes, needs 432 (1 session(s) held before enrolment on 2026-03-05 can be "
          "made up in another cohort); R2 Practice: assessment not passed (2026-04-01); supervised practice: 1.5 hours "
          "of 10 hours signed off; electives: 1 of 2 needed are complete (E2 Families: attended 60 of 180 minutes, "
          "needs 144; not started: E3); code of ethics 2026.1 not yet acknowledged");

    SECTION("an override 'not complete' replaces the module's parts with who and why") {
        f.person.overrides = {{"P1", "R1", false, "left the programme", "coord", "2026-06-01T00:00:00.000Z"}};
        const auto overridden = f.assess();
        const auto& m = overridden.modules[0];
        REQUIRE(m.missing.size() == 1);
        CHECK(m.missing[0].kind == Kind::marked_not_complete);
        CHECK(m.missing[0].by == "coord");
        CHECK(m.missing[0].note == "left the programme");
        CHECK_FALSE(m.can_make_up);
    }
    SECTION("without words wanted, no parts either") {
        const auto quiet =
            assess_completion(CompletionContext{f.curriculum, f.sessions, f.today, "en", false}, f.person);
        CHECK(quiet.missing.empty());
        CHECK(quiet.modules[0].missing.empty());
        CHECK_FALSE(quiet.modules[0].can_make_up);
    }
}
