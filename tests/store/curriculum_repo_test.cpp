// CurriculumRepo: curricula and their texts in every language, and rules that do not change under a cohort.
#include <catch2/catch.hpp>

#include "core/problem.hpp"
#include "io/curriculum_toml.hpp"
#include "store/repos.hpp"
#include "temp_dir.hpp"

using namespace mitra;
using namespace mitra::store;
using mitra::store_test::shipped_curriculum;
using mitra::store_test::TempDir;

namespace {
Cohort cohort_of(const std::string& code, const std::string& curriculum) {
    Cohort c;
    c.code = code;
    c.curriculum_code = curriculum;
    c.site = "Patan";
    c.country = "NP";
    c.time_zone = "Asia/Kathmandu";
    c.language = "ne";
    c.start_date = *parse_date("2026-01-05");
    return c;
}
}  // namespace

TEST_CASE("a curriculum comes back from the store with every title, summary and outcome in every language",
          "[store][curriculum]") {
    TempDir dir;
    auto db = Database::open(dir.db("c.db"));
    CurriculumRepo repo(*db);
    auto psf = shipped_curriculum();
    const auto original = psf;
    CHECK(repo.import(psf) == Saved::created);
    CHECK(!psf.uuid.empty());

    const auto found = repo.find("PSF");
    REQUIRE(found);
    CHECK(found->uuid == psf.uuid);
    CHECK(found->code == "PSF");
    CHECK(found->version == "2026.2");
    CHECK(found->electives_required == 2);
    CHECK(found->ethics_code == "2026.1");
    CHECK(found->title == original.title);
    CHECK(found->title.in("ja") == "ピアサポートの基礎");
    REQUIRE(found->modules.size() == original.modules.size());
    REQUIRE(found->modules.size() == 10);
    for (std::size_t i = 0; i < original.modules.size(); ++i) {
        const auto &got = found->modules[i], &want = original.modules[i];
        INFO(want.code);
        CHECK(got.code == want.code);
        CHECK(got.title == want.title);
        CHECK(got.summary == want.summary);
        CHECK(got.outcomes == want.outcomes);
        CHECK(got.minutes == want.minutes);
        CHECK(got.sessions == want.sessions);
        CHECK(got.kind == want.kind);
        CHECK(got.required == want.required);
        CHECK(got.attendance_share == Approx(want.attendance_share));
        CHECK(got.has_assessment == want.has_assessment);
        CHECK(got.supervised_minutes == want.supervised_minutes);
        CHECK(got.session_rule == want.session_rule);
        CHECK(got.supervision == want.supervision);
        CHECK(got.rubric == want.rubric);  // criteria, pass rule, every title and level descriptor
    }
    CHECK(found->programme == original.programme);
    CHECK(found->modules[0].title.in("th") == "ประสบการณ์ตรงและความสัมพันธ์แบบเกื้อกูลซึ่งกันและกัน");
    CHECK(found->modules[2].has_assessment);
    CHECK(found->modules[9].supervised_minutes == 2400);
    CHECK(found->modules[9].attendance_share == Approx(1.0));
    CHECK(!found->modules[6].required);
    CHECK(found->modules[0].outcomes.size() == 4);

    CHECK(repo.find("PSF", "2026.2"));
    CHECK(!repo.find("PSF", "1999.1"));
    CHECK(!repo.find("NOPE"));
    CHECK(repo.list().size() == 1);

    SECTION("a session rule comes back, and changing it is a change of rules") {
        auto ruled = shipped_curriculum();
        ruled.modules[0].session_rule = SessionRule{{1, 2}, 0};
        CHECK(repo.import(ruled) == Saved::updated);
        const auto back = repo.find("PSF");
        REQUIRE(back);
        CHECK(back->modules[0].session_rule == SessionRule{{1, 2}, 0});
        CHECK_FALSE(back->modules[1].session_rule.max_missed);
        CHECK(same_rules(*back, ruled));
        CHECK_FALSE(same_rules(*back, shipped_curriculum()));
    }
    SECTION("importing it again unchanged is unchanged") {
        auto again = shipped_curriculum();
        CHECK(repo.import(again) == Saved::unchanged);
        CHECK(again.uuid == psf.uuid);
        CHECK(repo.list().size() == 1);
    }
    SECTION("a changed title updates the texts") {
        auto retitled = shipped_curriculum();
        retitled.modules[0].title.by_language["ne"] = "जिया हुआ अनुभव";
        CHECK(repo.import(retitled) == Saved::updated);
        CHECK(repo.find("PSF")->modules[0].title.in("ne") == "जिया हुआ अनुभव");
    }
    SECTION("a new version is a second curriculum, and the latest is found by default") {
        auto next = shipped_curriculum();
        next.version = "2027.1";
        next.modules[0].minutes = 420;
        CHECK(repo.import(next) == Saved::created);
        CHECK(repo.list().size() == 2);
        CHECK(repo.find("PSF")->version == "2027.1");
        CHECK(repo.find("PSF", "2026.2")->modules[0].minutes == 360);
    }
}

TEST_CASE("changing a module's minutes while a cohort uses the curriculum is refused and changes nothing",
          "[store][curriculum]") {
    TempDir dir;
    auto db = Database::open(dir.db("c.db"));
    CurriculumRepo repo(*db);
    auto psf = shipped_curriculum();
    repo.import(psf);

    SECTION("with no cohort, the rules may still change") {
        auto changed = shipped_curriculum();
        changed.modules[0].minutes = 300;
        CHECK(repo.import(changed) == Saved::updated);
        CHECK(repo.find("PSF")->modules[0].minutes == 300);
    }
    SECTION("with a cohort, they may not") {
        Cohort cohort = cohort_of("KTM-1", "PSF");
        CohortRepo(*db).create(cohort);
        const auto before = repo.find("PSF");
        auto changed = shipped_curriculum();
        changed.modules[0].minutes = 300;
        changed.modules[0].title.by_language["en"] = "Something else";
        CHECK_THROWS_AS(repo.import(changed), InputError);
        const auto after = repo.find("PSF");
        REQUIRE(after);
        CHECK(after->modules[0].minutes == 360);
        CHECK(after->modules[0].title == before->modules[0].title);
        CHECK(after->modules.size() == 10);
        // The cohort still has its curriculum.
        CHECK(CohortRepo(*db).curriculum_of(*CohortRepo(*db).find("KTM-1")).modules[0].minutes == 360);
    }
}

TEST_CASE("issue 21's rules come back from the store: window, supervision split, rubric with its texts",
          "[store][curriculum][practice]") {
    TempDir dir;
    auto db = Database::open(dir.db("c.db"));
    auto read = io::read_curriculum_file(std::string(MITRA_SOURCE_DIR) + "/tests/data/psf-practice.toml");
    REQUIRE(read.ok());
    auto psf = read.value;
    CHECK(CurriculumRepo(*db).import(psf) == Saved::created);
    const auto found = CurriculumRepo(*db).find("PSF");
    REQUIRE(found);
    CHECK(found->programme.completion_months == 18);
    REQUIRE(found->modules[3].rubric);
    CHECK(found->modules[3].rubric == read.value.modules[3].rubric);
    CHECK(found->modules[3].rubric->criteria[1].title.in("ja") == "助言せずに聴く");
    CHECK(found->modules[5].rubric == read.value.modules[5].rubric);
    CHECK(found->modules[9].supervision == read.value.modules[9].supervision);
    CHECK(found->modules[9].supervision.one_to_one_minutes == 1200);
    CHECK(same_rules(*found, read.value));
    auto again = read.value;
    CHECK(CurriculumRepo(*db).import(again) == Saved::unchanged);
}

TEST_CASE("taking the shipped 2026.2 into a database with a cohort on 2026.1 leaves that cohort judged by 2026.1",
          "[store][curriculum][practice]") {
    // What `mitra-cli init` does on a database from before 2026.2: the new version beside the old one.
    TempDir dir;
    auto db = Database::open(dir.db("c.db"));
    CurriculumRepo repo(*db);
    auto read = io::read_curriculum_file(std::string(MITRA_SOURCE_DIR) + "/tests/data/psf-2026.1.toml");
    REQUIRE(read.ok());
    auto old = read.value;
    REQUIRE(old.version == "2026.1");
    repo.import(old);
    Cohort before = cohort_of("KTM-1", "PSF");
    CohortRepo(*db).create(before);
    auto psf = shipped_curriculum();
    CHECK(psf.version == "2026.2");
    CHECK(repo.import(psf) == Saved::created);
    CHECK(repo.find("PSF")->version == "2026.2");
    Cohort after = cohort_of("KTM-2", "PSF");
    CohortRepo(*db).create(after);
    CHECK(CohortRepo(*db).find("KTM-1")->curriculum_version == "2026.1");
    CHECK(CohortRepo(*db).find("KTM-2")->curriculum_version == "2026.2");

    // The same person, every module decided by a coordinator and the code of ethics acknowledged, in each cohort.
    Participant p;
    p.ref = "P-1";
    p.full_name = "Sita";
    p.country = "NP";
    p.language = "ne";
    ParticipantRepo(*db).add(p);
    RecordsRepo records(*db);
    records.acknowledge_ethics({"P-1", "2026.1", *parse_date("2026-01-05")});
    for (const char* cohort : {"KTM-1", "KTM-2"}) {
        CohortRepo(*db).enrol(cohort, {"P-1"}, *parse_date("2026-01-01"));
        for (const auto& m : psf.modules)
            records.override_completion(cohort, {"P-1", m.code, true, "recognised prior learning", "", ""});
    }
    const Date today = *parse_date("2026-12-31");
    CHECK(cohort_completion(*db, "KTM-1", today).at(0).complete);
    const auto on_new = cohort_completion(*db, "KTM-2", today).at(0);
    CHECK_FALSE(on_new.complete);
    CHECK(on_new.reason == "supervisory agreement not yet signed; attestation of lived experience not yet signed");
    mitra::store_test::sign_attestations(*db, "P-1", *parse_date("2026-01-05"));
    CHECK(cohort_completion(*db, "KTM-2", today).at(0).complete);
}
