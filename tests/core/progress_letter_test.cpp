// The progress letter's content: what is done, what remains, supervision so far and the deadline, never a
// held-back result.
#include <catch2/catch.hpp>

#include "core/progress_letter.hpp"

using namespace mitra;

namespace {

Date d(const char* text) { return *parse_date(text); }

RubricCriterion criterion(std::string key, std::string title) {
    RubricCriterion c;
    c.key = std::move(key);
    c.title.by_language["en"] = std::move(title);
    return c;
}

ObservedAssessment observed(std::vector<CriterionRating> ratings, const char* day) {
    ObservedAssessment a;
    a.participant_ref = "P1";
    a.module_code = "M9";
    a.observed_on = d(day);
    a.rater = "T1";
    a.ratings = std::move(ratings);
    return a;
}

SupervisionEntry entry(SupervisionFormat format, int minutes, const char* day) {
    SupervisionEntry e;
    e.participant_ref = "P1";
    e.module_code = "M9";
    e.supervisor_ref = "S1";
    e.format = format;
    e.minutes = minutes;
    e.day = d(day);
    return e;
}

// A done module (M1, nothing to attend) and a practicum (M9) with supervision and a rubric; an 18-month window.
struct Fixture {
    Curriculum curriculum;
    std::vector<Session> sessions;
    std::vector<Supervisor> supervisors;
    ParticipantRecord person;
    Date today = d("2026-06-30");

    Fixture() {
        Module m1;
        m1.code = "M1";
        m1.title.by_language["en"] = "Foundations";
        m1.minutes = 0;
        m1.attendance_share = 0;
        Module m9;
        m9.code = "M9";
        m9.title.by_language["en"] = "Practicum";
        m9.kind = ModuleKind::practicum;
        m9.minutes = 0;
        m9.attendance_share = 0;
        m9.supervised_minutes = 120;
        m9.supervision = {60, 0, 0};
        Rubric r;
        r.criteria = {criterion("rapport", "building rapport"), criterion("listening", "listening without advice")};
        r.pass_level = 2;
        m9.rubric = r;
        curriculum.modules = {m1, m9};
        curriculum.programme.completion_months = 18;
        Supervisor s;
        s.ref = "S1";
        s.credentials.push_back({"CPS", d("2025-01-01"), d("2027-12-31")});
        supervisors = {s};
        person.ref = "P1";
        person.enrolled_on = d("2026-03-01");
        person.supervision = {entry(SupervisionFormat::one_to_one, 45, "2026-04-01"),
                              entry(SupervisionFormat::group, 30, "2026-04-08")};
        person.observations = {observed({{"rapport", 3, {}}, {"listening", 1, {}}}, "2026-05-10")};
    }
    ProgressLetter letter(bool person_view) const {
        CompletionContext ctx{curriculum, sessions, today, "en"};
        ctx.person_view = person_view;
        ctx.supervisors = &supervisors;
        LetterAddress to{"P1", "Asha", "en", "C1", "Peer support", "Trainer One", today};
        return progress_letter(to, assess_completion(ctx, person));
    }
};

std::vector<Shortfall::Kind> kinds(const ProgressLetter& l) {
    std::vector<Shortfall::Kind> out;
    for (const auto& s : l.remaining) out.push_back(s.shortfall.kind);
    return out;
}

}  // namespace

TEST_CASE("a progress letter says what is done, what remains, the minutes so far and the deadline", "[core][letter]") {
    Fixture f;
    f.person.observations[0].released_on = d("2026-05-12");
    const auto l = f.letter(true);
    CHECK_FALSE(l.complete);
    REQUIRE(l.done.size() == 1);
    CHECK(l.done[0].code == "M1");
    CHECK(l.done[0].title == "Foundations");
    CHECK(l.one_to_one_minutes == 45);
    CHECK(l.group_minutes == 30);
    CHECK(l.supervised_minutes == 75);
    using K = Shortfall::Kind;
    CHECK(kinds(l) == std::vector<K>{K::supervised_practice, K::one_to_one_practice, K::criterion_below_level});
    const auto& repeat = l.remaining.back();
    CHECK(repeat.module_code == "M9");
    CHECK(repeat.module_title == "Practicum");
    CHECK(repeat.shortfall.number == 2);
    CHECK(repeat.shortfall.note == "listening without advice");
    CHECK(repeat.shortfall.done == 1);
    CHECK(repeat.shortfall.needed == 2);
    CHECK(l.asked_to_repeat);
    REQUIRE(l.deadline);
    CHECK(l.deadline->due == d("2027-09-01"));
    CHECK_FALSE(l.deadline_passed);
    CHECK(l.address.full_name == "Asha");
}

TEST_CASE("a progress letter never shows a held-back result, in either view", "[core][letter]") {
    Fixture f;  // the observation is not released
    using K = Shortfall::Kind;
    for (const bool person_view : {true, false}) {
        const auto l = f.letter(person_view);
        CAPTURE(person_view);
        CHECK(kinds(l) ==
              std::vector<K>{K::supervised_practice, K::one_to_one_practice, K::observation_result_pending});
        CHECK(l.remaining.back().shortfall.on == d("2026-05-10"));
        CHECK_FALSE(l.asked_to_repeat);
    }
    SECTION("a held-back result that met the level is to come too, not done") {
        f.person.observations[0].ratings[1].level = 2;
        f.person.supervision.push_back(entry(SupervisionFormat::one_to_one, 45, "2026-04-15"));
        const auto l = f.letter(true);
        CHECK(kinds(l) == std::vector<K>{K::observation_result_pending});
        CHECK(l.done.size() == 1);
    }
}

TEST_CASE("a complete person's letter has nothing remaining; a passed deadline is said apart", "[core][letter]") {
    Fixture f;
    f.person.observations[0].ratings[1].level = 2;
    f.person.observations[0].released_on = d("2026-05-12");
    f.person.supervision.push_back(entry(SupervisionFormat::one_to_one, 45, "2026-04-15"));
    SECTION("one minute short of one-to-one still remains") {
        f.person.supervision.back().minutes = 14;  // 59 one-to-one; 120 in all with 31 more in a group
        f.person.supervision.push_back(entry(SupervisionFormat::group, 31, "2026-04-22"));
        const auto l = f.letter(true);
        REQUIRE(l.remaining.size() == 1);
        CHECK(l.remaining[0].shortfall.kind == Shortfall::Kind::one_to_one_practice);
        CHECK(l.remaining[0].shortfall.done == 59);
    }
    SECTION("complete") {
        const auto l = f.letter(true);
        CHECK(l.complete);
        CHECK(l.remaining.empty());
        CHECK(l.done.size() == 2);
        CHECK(l.one_to_one_minutes == 90);
    }
    SECTION("past the deadline, with an extension") {
        f.person.supervision.pop_back();
        f.person.extensions = {{"P1", "C1", d("2027-12-31"), "illness", "T1", "2027-08-01T10:00:00.000Z"}};
        f.today = d("2028-01-01");
        const auto l = f.letter(true);
        CHECK(l.deadline_passed);
        REQUIRE(l.deadline);
        CHECK(l.deadline->due == d("2027-12-31"));
        REQUIRE(l.deadline->extension);
        for (const auto& s : l.remaining) CHECK(s.shortfall.kind != Shortfall::Kind::deadline_passed);
    }
}
