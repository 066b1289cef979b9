// The programme report counts issue 21's records per country: observed results, supervision hours and people past
// their deadline, suppressed as the other counts are, and never agreements, attestations or anyone by ref.
#include <catch2/catch.hpp>

#include "io/curriculum_toml.hpp"
#include "store/practice_repo.hpp"
#include "store/report_queries.hpp"
#include "store/repos.hpp"
#include "temp_dir.hpp"

using namespace mitra;
using namespace mitra::store;
using mitra::store_test::TempDir;

namespace {

Date day(const char* text) { return *parse_date(text); }

std::string two(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

// The practice curriculum. Nepal, cohort K1: P-01..P-05 observed at M04 and met, P-06..P-10 asked to repeat,
// P-11 observed and held back, P-12 not observed (and their deadline extended); P-01..P-05 had 10 hours of
// one-to-one supervision each in the period, P-01 also 2 hours in a group after S-1's credential ran out and 1 hour
// before the period. Thailand, cohort K2: P-21 and P-22, P-21 met and supervised an hour.
struct Programme {
    TempDir dir;
    std::unique_ptr<Database> db = Database::open(dir.db("report.db"), "coordinator");
    PracticeRepo repo{*db};

    void cohort(const std::string& code, const std::string& country, const std::vector<std::string>& refs) {
        std::vector<Participant> people;
        for (const auto& ref : refs) {
            Participant p;
            p.ref = ref;
            p.full_name = "Person " + ref;
            p.country = country;
            p.language = "en";
            people.push_back(p);
        }
        ParticipantRepo(*db).save_all(people);
        Cohort c;
        c.code = code;
        c.curriculum_code = "PSF";
        c.site = "Site";
        c.country = country;
        c.time_zone = "UTC";
        c.language = "en";
        c.start_date = day("2026-01-05");
        CohortRepo(*db).create(c);
        CohortRepo(*db).enrol(code, refs, day("2026-01-01"));
    }
    void observe(const std::string& cohort, const std::string& ref, int listening, bool release) {
        ObservedAssessment a{"", ref, "M04", day("2026-03-02"), ObservationMethod::role_play, "T-1", "", {}, {}};
        a.ratings = {{"following", 3, std::nullopt},
                     {"listening", listening, std::nullopt},
                     {"reflecting", 2, std::nullopt},
                     {"uncertainty", 2, std::nullopt}};
        if (release) a.released_on = day("2026-03-03");
        repo.observe(cohort, a);
    }
    void supervise(const std::string& cohort, const std::string& ref, SupervisionFormat format, int minutes,
                   const char* on) {
        SupervisionEntry e{"", ref, "M10", "S-1", format, minutes, day(on), ""};
        repo.log_supervision(cohort, e);
    }

    Programme() {
        auto read = io::read_curriculum_file(std::string(MITRA_SOURCE_DIR) + "/tests/data/psf-practice.toml");
        REQUIRE(read.ok());
        CurriculumRepo(*db).import(read.value);
        std::vector<std::string> nepal;
        for (int i = 1; i <= 12; ++i) nepal.push_back("P-" + two(i));
        cohort("K1", "NP", nepal);
        cohort("K2", "TH", {"P-21", "P-22"});
        Supervisor s;
        s.ref = "S-1";
        s.name = "Outside supervisor";
        s.credentials = {{"Certified Peer Supervisor", day("2024-04-01"), day("2026-06-30")}};
        repo.add_supervisor(s);
        for (int i = 1; i <= 11; ++i) observe("K1", "P-" + two(i), i <= 5 ? 3 : 1, i <= 10);
        observe("K2", "P-21", 3, true);
        for (int i = 1; i <= 5; ++i) supervise("K1", "P-" + two(i), SupervisionFormat::one_to_one, 600, "2026-02-10");
        supervise("K1", "P-01", SupervisionFormat::group, 120, "2026-07-01");      // the credential has run out
        supervise("K1", "P-02", SupervisionFormat::one_to_one, 60, "2025-12-20");  // before the period
        supervise("K2", "P-21", SupervisionFormat::one_to_one, 60, "2026-02-10");
        repo.attest({"P-01", AttestationKind::supervision_agreement, true, day("2026-01-10")});
        repo.attest({"P-01", AttestationKind::lived_experience, true, day("2026-01-10")});
        DeadlineExtension later{"P-12", "", day("2028-06-30"), "illness", "", ""};
        repo.extend_deadline("K1", later);
    }
    ProgrammeFigures figures() {
        ReportFilter f;
        f.from = day("2026-01-01");
        f.to = day("2027-12-31");  // after everyone's window of 18 months (2027-07-01), before P-12's extension
        return programme_figures(*db, f);
    }
};

const CountryFigures& country(const ProgrammeFigures& f, const std::string& code) {
    for (const auto& c : f.countries)
        if (c.country == code) return c;
    FAIL("no country " << code);
    throw;
}

}  // namespace

TEST_CASE("the report counts observed results, supervision hours and people past their deadline, per country",
          "[store][report][practice]") {
    Programme p;
    const auto f = p.figures();
    CHECK(f.practice_rules);
    const auto& np = country(f, "NP");
    CHECK(np.observed_met == 5);
    CHECK(np.observed_repeat == 5);
    CHECK(np.observed_held == 1);
    CHECK(np.supervision_one_to_one_minutes == 3000);  // not the hour before the period
    CHECK(np.supervision_group_minutes == 0);          // given after the supervisor's credential ran out
    CHECK(np.supervised_people == 5);
    CHECK(np.past_deadline == 11);  // all but P-12, whose deadline was extended
    const auto& th = country(f, "TH");
    CHECK(th.observed_met == 1);
    CHECK(th.supervision_one_to_one_minutes == 60);
    CHECK(th.past_deadline == 2);

    const auto tables = report_tables(f);
    const auto& practice = tables.back();
    REQUIRE(practice.key == "practice");
    REQUIRE(practice.row_keys == std::vector<std::string>{"NP", "TH"});
    CHECK(practice.columns == std::vector<std::string>{"country", "observed practice met", "asked to repeat",
                                                       "result not yet released", "supervision hours, one-to-one",
                                                       "supervision hours, group", "past their deadline"});
    CHECK(practice.rows[0] == std::vector<std::string>{"NP", "5", "5", "<5", "50", "0", "11"});
    // Two people: their hours would say something about each of them.
    CHECK(practice.rows[1] == std::vector<std::string>{"TH", "<5", "0", "0", "suppressed", "suppressed", "<5"});

    // Aggregate only: no one by ref or name, and nothing of agreements or attestations.
    for (const auto& t : tables)
        for (const auto& row : t.rows)
            for (const auto& c : row) {
                INFO(t.key << ": " << c);
                CHECK(c.find("P-") == std::string::npos);
                CHECK(c.find("Person") == std::string::npos);
                CHECK(c.find("attest") == std::string::npos);
                CHECK(c.find("agreement") == std::string::npos);
                CHECK(c.find("lived") == std::string::npos);
            }
}

TEST_CASE("a report of curricula without issue 21's rules has no practice table", "[store][report][practice]") {
    TempDir dir;
    auto db = Database::open(dir.db("plain.db"), "coordinator");
    // PSF 2026.1, before the shipped curriculum took the rules.
    auto read = io::read_curriculum_file(std::string(MITRA_SOURCE_DIR) + "/tests/data/psf-2026.1.toml");
    REQUIRE(read.ok());
    auto psf = read.value;
    CurriculumRepo(*db).import(psf);
    Cohort c;
    c.code = "K1";
    c.curriculum_code = "PSF";
    c.site = "Site";
    c.country = "NP";
    c.time_zone = "UTC";
    c.language = "en";
    c.start_date = day("2026-01-05");
    CohortRepo(*db).create(c);
    ReportFilter f;
    f.from = day("2026-01-01");
    f.to = day("2026-12-31");
    const auto figures = programme_figures(*db, f);
    CHECK_FALSE(figures.practice_rules);
    for (const auto& t : report_tables(figures)) CHECK(t.key != "practice");
}
