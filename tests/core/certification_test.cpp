// Certification over time, at its edges: expiry days, hours exactly at the minimum, an ethics hour short.
#include <catch2/catch.hpp>

#include "core/certification.hpp"

using namespace mitra;

namespace {
Date d(const char* text) { return *parse_date(text); }

LearningEntry learned(const char* on, int minutes, std::string category) {
    LearningEntry e;
    e.title = "workshop";
    e.on = d(on);
    e.minutes = minutes;
    e.category = std::move(category);
    return e;
}
}  // namespace

TEST_CASE("a certification is valid up to and including its last day", "[core][certification]") {
    const Date issued = d("2026-03-15");
    const Date expires = expiry_date(issued, 24);
    CHECK(to_string(expires) == "2028-03-14");
    CHECK(validity_on(expires, d("2028-03-14")) == Validity::expiring);  // expiring today: still valid today
    CHECK(validity_on(expires, d("2028-03-15")) == Validity::expired);
    CHECK(validity_on(expires, d("2027-12-15"), 90) == Validity::expiring);  // 90 days before
    CHECK(validity_on(expires, d("2027-12-14"), 90) == Validity::valid);     // 91 days before
}

TEST_CASE("months are added the way calendars do", "[core][certification]") {
    CHECK(to_string(add_months(d("2026-01-31"), 1)) == "2026-02-28");
    CHECK(to_string(add_months(d("2027-01-31"), 13)) == "2028-02-29");
    CHECK(to_string(add_months(d("2026-11-30"), 2)) == "2027-01-30");
    CHECK(to_string(expiry_date(d("2028-02-29"), 12)) == "2029-02-27");
}

TEST_CASE("renewal needs the hours in total and the minimum in each category", "[core][certification]") {
    RenewalRule rule;
    rule.total_minutes = 36 * 60;
    rule.minimum_minutes = {{"ethics", 180}};
    const Date from = d("2026-01-01"), to = d("2027-12-31");

    std::vector<LearningEntry> ledger{learned("2026-02-01", 33 * 60, "peer_practice"),
                                      learned("2026-06-01", 180, "ethics")};
    SECTION("hours exactly at the minimum are enough") {
        const auto check = check_renewal(rule, ledger, from, to);
        CHECK(check.met);
        CHECK(check.total_minutes == 36 * 60);
        CHECK(check.missing.empty());
    }
    SECTION("an ethics hour short is not, and says so") {
        ledger[1].minutes = 120;
        ledger.push_back(learned("2026-07-01", 60, "elective"));
        const auto check = check_renewal(rule, ledger, from, to);
        CHECK_FALSE(check.met);
        CHECK(check.total_minutes == 36 * 60);
        REQUIRE(check.missing.size() == 1);
        CHECK(check.missing[0] == "ethics: 2 hours of 3 hours");
    }
    SECTION("learning outside the period does not count") {
        ledger.push_back(learned("2025-12-31", 600, "ethics"));
        ledger[0].on = d("2028-01-01");
        const auto check = check_renewal(rule, ledger, from, to);
        CHECK_FALSE(check.met);
        CHECK(check.missing[0] == "in total: 3 hours of 36 hours");
    }
}

TEST_CASE("a trainer teaches only modules they are qualified and currently certified for",
          "[core][certification][trainer]") {
    const std::vector<std::string> qualified{"M01", "M03"};
    const std::vector<TrainerCertification> certs{{"trainer", d("2025-01-01"), d("2026-12-31")}};
    CHECK(why_cannot_teach(qualified, certs, "M03", d("2026-12-31")).empty());
    CHECK(why_cannot_teach(qualified, certs, "M04", d("2026-06-01")) == "not qualified to teach M04");
    CHECK(why_cannot_teach(qualified, certs, "M01", d("2027-01-01")) == "trainer certification expired on 2026-12-31");
    CHECK(why_cannot_teach(qualified, {}, "M01", d("2026-06-01")) == "holds no trainer certification");
    const std::vector<TrainerCertification> renewed{certs[0], {"senior trainer", d("2026-12-01"), d("2028-11-30")}};
    CHECK(why_cannot_teach(qualified, renewed, "M01", d("2027-01-01")).empty());
}

TEST_CASE("a session without anyone who may teach it is explained by the cohort's trainer first",
          "[core][certification][trainer]") {
    const std::vector<TrainerQualifications> trainers{
        {"T-1", {"M01"}, {{"trainer", d("2025-01-01"), d("2026-12-31")}}},
        {"T-2", {"M01", "M02"}, {}},
    };
    const auto m01 = cover_session("M01", d("2026-06-01"), trainers, {"T-2"});
    CHECK(m01.may_teach == std::vector<std::string>{"T-1"});
    CHECK_FALSE(m01.bar);

    const auto m02 = cover_session("M02", d("2026-06-01"), trainers, {"T-1"});
    CHECK(m02.may_teach.empty());
    CHECK(m02.explained_by == "T-1");  // the cohort's trainer, though T-2 comes closer
    CHECK(m02.bar.reason == TeachingBar::Reason::not_qualified);
    CHECK(m02.bar.module_code == "M02");

    const auto no_lead = cover_session("M02", d("2026-06-01"), trainers, {});
    CHECK(no_lead.explained_by == "T-2");  // qualified: their missing certification is the bar
    CHECK(no_lead.bar.reason == TeachingBar::Reason::not_certified);

    const auto nobody = cover_session("M03", d("2026-06-01"), trainers, {});
    CHECK(nobody.explained_by.empty());
    CHECK(nobody.bar.reason == TeachingBar::Reason::not_qualified);
    CHECK(cover_session("M01", d("2027-01-01"), trainers, {"T-1"}).bar.expired_on == d("2026-12-31"));
}

TEST_CASE("renewal shortfalls come as parts: the total first, then each category", "[core][certification][reasons]") {
    RenewalRule rule;
    rule.total_minutes = 36 * 60;
    rule.minimum_minutes = {{"ethics", 180}, {"teaching", 600}};
    const auto check = check_renewal(rule, {learned("2026-02-01", 90, "ethics")}, d("2026-01-01"), d("2027-12-31"));
    REQUIRE(check.shortfalls.size() == 3);
    CHECK(check.shortfalls[0].category.empty());
    CHECK(check.shortfalls[0].done_minutes == 90);
    CHECK(check.shortfalls[0].needed_minutes == 36 * 60);
    CHECK(check.shortfalls[1].category == "ethics");
    CHECK(check.shortfalls[1].done_minutes == 90);
    CHECK(check.shortfalls[1].needed_minutes == 180);
    CHECK(check.shortfalls[2].category == "teaching");
    CHECK(check.shortfalls[2].done_minutes == 0);
    CHECK(check.shortfalls[2].needed_minutes == 600);
    CHECK(check.missing == std::vector<std::string>{"in total: 1.5 hours of 36 hours", "ethics: 1.5 hours of 3 hours",
                                                    "teaching: 0 hours of 10 hours"});
}
