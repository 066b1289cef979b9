// Store refusals that something done elsewhere would put right: a reason and a subject, and no command in the
// message (each front end words its own advice).
#include <catch2/catch.hpp>
#include <soci/soci.h>

#include "store/certificates.hpp"
#include "store/certification_repo.hpp"
#include "store/migrations.hpp"
#include "store/pack.hpp"
#include "store/repos.hpp"
#include "temp_dir.hpp"
#include "test_backend.hpp"

using namespace mitra;
using namespace mitra::store;
using mitra::store_test::shipped_curriculum;
using mitra::store_test::TempDir;

namespace {

Date day(const char* text) { return *parse_date(text); }

Cohort cohort_of(const std::string& code, const std::string& curriculum) {
    Cohort c;
    c.code = code;
    c.curriculum_code = curriculum;
    c.site = "Patan";
    c.country = "NP";
    c.time_zone = "Asia/Kathmandu";
    c.language = "en";
    c.start_date = day("2026-01-05");
    return c;
}

// The refusal `work` throws, REQUIREd to be a store::Refusal.
template <typename Work>
Refusal refusal_of(Work work) {
    try {
        work();
    } catch (const Refusal& e) {
        return e;
    }
    FAIL("no store::Refusal was thrown");
    throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("a cohort of a curriculum not imported is refused with the reason and the code, naming no command",
          "[store][cohort][commands]") {
    TempDir dir;
    auto db = Database::open(dir.db("cohorts"), "coordinator");
    auto c = cohort_of("NP-9", "NOPE");
    const auto refused = refusal_of([&] { CohortRepo(*db).create(c); });
    CHECK(refused.reason == Refusal::Reason::curriculum_not_imported);
    CHECK(refused.subject == "NOPE");
    REQUIRE(refused.problems.size() == 1);
    CHECK(refused.problems[0].field == "curriculum");
    CHECK(refused.problems[0].message == "no curriculum NOPE has been imported");
    CHECK(std::string(refused.what()).find("mitra-cli") == std::string::npos);
    CHECK_FALSE(CohortRepo(*db).find("NP-9"));
}

TEST_CASE(
    "certifying someone complete whose completion certificate is not issued is refused with the reason, "
    "naming no command",
    "[store][certification][commands]") {
    TempDir dir;
    auto db = Database::open(dir.db("certify"), "coordinator");
    auto psf = shipped_curriculum();
    CurriculumRepo(*db).import(psf);
    Participant p;
    p.ref = "P-2";
    p.full_name = "Kim";
    p.country = "NP";
    p.language = "en";
    ParticipantRepo(*db).add(p);
    auto c = cohort_of("NP-2", "PSF");
    CohortRepo(*db).create(c);
    CohortRepo(*db).enrol("NP-2", {"P-2"}, day("2026-01-01"));
    RecordsRepo records(*db);
    records.acknowledge_ethics({"P-2", "2026.1", day("2026-01-05")});
    for (const auto& m : psf.modules)
        records.override_completion("NP-2",
                                    CompletionOverride{"P-2", m.code, true, "recognised prior learning", "", ""});

    const auto refused = refusal_of([&] { CertificationRepo(*db).certify("P-2", day("2026-04-01")); });
    CHECK(refused.reason == Refusal::Reason::no_completion_certificate);
    CHECK(refused.subject == "P-2");
    REQUIRE(refused.problems.size() == 1);
    CHECK(refused.problems[0].message == "P-2 has completed PSF but holds no completion certificate yet");
    CHECK(std::string(refused.what()).find("mitra-cli") == std::string::npos);
    CHECK_FALSE(CertificationRepo(*db).current("P-2"));
}

TEST_CASE("a Mitra database that is not a field pack is refused with the reason, naming no command",
          "[store][pack][commands]") {
    TempDir dir;
    auto hub = Database::open(dir.db("hub.db"), "coordinator");
    const auto plain = dir.file("plain.db");
    Database::open(plain, "someone");  // a whole database, not a pack
    const auto refused = refusal_of([&] { merge_pack(*hub, plain); });
    CHECK(refused.reason == Refusal::Reason::not_a_pack);
    REQUIRE(refused.problems.size() == 1);
    CHECK(refused.problems[0].field == "pack");
    CHECK(refused.problems[0].message.find("is a Mitra database but not a field pack") != std::string::npos);
    CHECK(std::string(refused.what()).find("mitra-cli") == std::string::npos);
}

TEST_CASE("a role that may not change an older hub's schema is refused with the version and role, naming no command",
          "[store][hub][commands][postgresql]") {
    namespace tb = mitra::test_backend;
    if (!tb::postgresql()) return;  // roles are PostgreSQL's
    tb::Schema schema;
    Database::open(schema.url, "coordinator");  // migrated by the server's administrator
    const std::string role = "reader_" + schema.name;
    tb::admin_execute("CREATE ROLE " + role + " LOGIN");
    struct DropRole {
        std::string role;
        ~DropRole() {
            try {
                mitra::test_backend::admin_execute("DROP OWNED BY " + role + " CASCADE; DROP ROLE " + role);
            } catch (...) {}
        }
    } drop{role};
    tb::admin_execute("GRANT USAGE ON SCHEMA " + schema.name + " TO " + role +
                      "; GRANT SELECT ON ALL TABLES IN SCHEMA " + schema.name + " TO " + role);
    tb::admin_execute("DELETE FROM " + schema.name +
                      ".schema_migrations WHERE version = " + std::to_string(migrations().size()));
    try {
        Database::open(schema.url + "&user=" + role);
        FAIL("a role that may not change the schema migrated it");
    } catch (const SchemaNeedsOwner& e) {
        CHECK(e.version == static_cast<int>(migrations().size()));
        CHECK(e.role == role);
        const std::string message = e.what();
        CHECK(message.find("may not change the schema") != std::string::npos);
        CHECK(message.find("mitra-cli") == std::string::npos);
    }
}
