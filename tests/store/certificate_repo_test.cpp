// CertificateRepo: serials per prefix, one live certificate per person and kind, revocations with who, when and why.
#include <catch2/catch.hpp>
#include <soci/soci.h>

#include <set>

#include "core/problem.hpp"
#include "printer.hpp"
#include "core/serial.hpp"
#include "store/certificates.hpp"
#include "store/repos.hpp"
#include "temp_dir.hpp"

using namespace mitra;
using namespace mitra::store;
using mitra::store_test::shipped_curriculum;
using mitra::store_test::TempDir;

namespace {

Date day(const char* text) { return *parse_date(text); }

const Date kToday = {2026, 12, 31};

// The number part of a serial: PSF-NP-2026-000123-K gives 123.
long long number_of(const std::string& serial) { return std::stoll(serial.substr(serial.size() - 8, 6)); }

// A cohort in `country` where everyone in `refs` is complete by a coordinator's decision on every module.
void complete_cohort(Database& db, const std::string& code, const std::string& country,
                     const std::vector<std::string>& refs) {
    std::vector<Participant> people;
    for (const auto& ref : refs) {
        Participant p;
        p.ref = ref;
        p.full_name = ref == refs.front() ? store_test::kSriyani : "山田 花子 " + ref;
        p.country = country;
        p.language = "en";
        people.push_back(p);
    }
    ParticipantRepo(db).save_all(people, Lookalikes::allow);  // each cohort's first is a Sriyani: two people
    Cohort c;
    c.code = code;
    c.curriculum_code = "PSF";
    c.site = "Site of " + code;
    c.country = country;
    c.time_zone = "Asia/Kathmandu";
    c.language = "en";
    c.start_date = day("2026-01-05");
    CohortRepo(db).create(c);
    CohortRepo(db).enrol(code, refs, day("2026-01-01"));
    RecordsRepo records(db);
    for (const auto& ref : refs) {
        records.acknowledge_ethics({ref, "2026.1", day("2026-01-05")});
        mitra::store_test::sign_attestations(db, ref, day("2026-01-05"));
        for (const auto& m : shipped_curriculum().modules)
            records.override_completion(code,
                                        CompletionOverride{ref, m.code, true, "recognised prior learning", "", ""});
    }
}

struct Programme {
    TempDir dir;
    std::unique_ptr<Database> db = Database::open(dir.file("certificates.db"), "coordinator");
    SigningKey key = new_signing_key();
    Programme() {
        auto psf = shipped_curriculum();
        CurriculumRepo(*db).import(psf);
    }
    CohortIssue issue(const std::string& cohort, const Date& today = kToday) {
        return CertificateRepo(*db).issue_for_cohort(cohort, "completion", "", "completion", key, today,
                                                     mitra::store_test::accept_all());
    }
};

// The first number at or after `from` whose check character would be '*'.
long long first_starred(long long from) {
    for (long long n = from;; ++n)
        if (!make_serial("PSF", "NP", 2026, n)) return n;
}

}  // namespace

TEST_CASE("serial numbers count up per prefix and skip the numbers whose check character would be a star",
          "[store][certificate][serial]") {
    Programme p;
    const long long starred = first_starred(1);
    INFO("first number whose check is '*': " << starred);
    REQUIRE(starred > 2);
    // Start the Nepal counter just short of that number, so issuing three walks across it.
    p.db->sql() << "INSERT INTO serial_counters (prefix, last_number) VALUES ('PSF-NP-2026', :n)",
        soci::use(starred - 2);
    complete_cohort(*p.db, "KTM-1", "NP", {"P-1", "P-2", "P-3"});
    complete_cohort(*p.db, "CMB-1", "LK", {"P-4", "P-5"});

    const auto nepal = p.issue("KTM-1");
    REQUIRE(nepal.issued.size() == 3);
    REQUIRE(nepal.left_out.empty());
    std::vector<long long> numbers;
    for (const auto& c : nepal.issued) {
        CHECK(is_valid_serial(c.record.serial));
        CHECK(c.record.serial.rfind("PSF-NP-2026-", 0) == 0);
        CHECK(c.record.serial.back() != '*');
        numbers.push_back(number_of(c.record.serial));
    }
    std::sort(numbers.begin(), numbers.end());
    CHECK(numbers == std::vector<long long>{starred - 1, starred + 1, starred + 2});

    SECTION("another country's prefix has its own count, from 1") {
        const auto lanka = p.issue("CMB-1");
        REQUIRE(lanka.issued.size() == 2);
        std::set<std::string> serials;
        for (const auto& c : lanka.issued) serials.insert(c.record.serial);
        CHECK(serials == std::set<std::string>{*make_serial("PSF", "LK", 2026, 1), *make_serial("PSF", "LK", 2026, 2)});
    }
    SECTION("issuing again gives nobody a second serial and does not move the count") {
        const auto again = p.issue("KTM-1");
        REQUIRE(again.issued.size() == 3);
        for (const auto& c : again.issued) CHECK(c.existing);
        long long last = 0;
        p.db->sql() << "SELECT last_number FROM serial_counters WHERE prefix = 'PSF-NP-2026'", soci::into(last);
        CHECK(last == starred + 2);
    }
    SECTION("a new year starts a new count") {
        complete_cohort(*p.db, "KTM-2", "NP", {"P-6"});
        const auto next_year = p.issue("KTM-2", Date{2027, 1, 4});
        REQUIRE(next_year.issued.size() == 1);
        CHECK(next_year.issued[0].record.serial == *make_serial("PSF", "NP", 2027, 1));
    }
}

TEST_CASE("the database allows one live certificate per person, cohort and kind, and another after a revocation",
          "[store][certificate]") {
    Programme p;
    complete_cohort(*p.db, "KTM-1", "NP", {"P-1", "P-2"});
    const auto first = p.issue("KTM-1");
    REQUIRE(first.issued.size() == 2);
    const auto& held = first.issued[0].record;

    // A second live row for the same person, cohort and kind, as a buggy or concurrent writer would insert it.
    auto insert_duplicate = [&](const std::string& uuid, const std::string& serial) {
        p.db->sql()
            << "INSERT INTO certificates (uuid, serial, participant_uuid, cohort_uuid, kind, module_code, modules, "
               "template, issued_on, content_hash, payload, key_id, created_at, created_by, updated_at, "
               "updated_by) SELECT :u, :s, participant_uuid, cohort_uuid, kind, module_code, modules, template, "
               "issued_on, content_hash, payload, key_id, created_at, created_by, updated_at, updated_by "
               "FROM certificates WHERE serial = :old",
            soci::use(uuid), soci::use(serial), soci::use(held.serial);
    };
    CHECK_THROWS(insert_duplicate("00000000-0000-4000-8000-000000000001", "PSF-NP-2026-999998-X"));
    CHECK(CertificateRepo(*p.db).list().size() == 2);

    SECTION("a module certificate of the same person and cohort is another kind, and allowed") {
        const auto module = CertificateRepo(*p.db).issue_for_cohort("KTM-1", "module", "M03", "module", p.key, kToday,
                                                                    mitra::store_test::accept_all());
        REQUIRE(module.issued.size() == 2);
        CHECK_FALSE(module.issued[0].existing);
        CHECK(module.issued[0].record.serial != held.serial);
        CHECK(CertificateRepo(*p.db).list().size() == 4);
    }
    SECTION("once revoked, the person can hold a new live one") {
        CertificateRepo(*p.db).revoke(held.serial, "issued in error");
        const auto again = p.issue("KTM-1");
        REQUIRE(again.issued.size() == 2);
        std::set<std::string> serials;
        for (const auto& c : again.issued) serials.insert(c.record.serial);
        CHECK(serials.count(held.serial) == 0);
        CHECK(serials.count(first.issued[1].record.serial) == 1);
        CHECK(CertificateRepo(*p.db).find(held.serial)->revoked_at.has_value());
        CHECK(CertificateRepo(*p.db).list().size() == 3);
        // and still only one live one: bringing the revoked one back to life is refused
        CHECK_THROWS(p.db->sql() << "UPDATE certificates SET revoked_at = NULL WHERE serial = :s",
                     soci::use(held.serial));
    }
}

TEST_CASE("a revocation records who, when and why, goes to the audit history, and happens only once",
          "[store][certificate][revoke]") {
    Programme p;
    complete_cohort(*p.db, "KTM-1", "NP", {"P-1"});
    const auto issued = p.issue("KTM-1");
    REQUIRE(issued.issued.size() == 1);
    const auto serial = issued.issued[0].record.serial;
    const auto uuid = issued.issued[0].record.uuid;

    CertificateRepo repo(*p.db);
    const auto revoked = repo.revoke(serial, "issued in error: wrong cohort");
    REQUIRE(revoked.revoked_at);
    CHECK(revoked.revoked_at->size() >= 19);  // a UTC timestamp, such as 2026-04-02T10:00:00Z
    CHECK(revoked.revoked_at->substr(0, 2) == "20");
    CHECK(revoked.revoked_by == "coordinator");
    CHECK(revoked.revocation_reason == "issued in error: wrong cohort");
    const auto found = repo.find(serial);
    REQUIRE(found);
    CHECK(found->revoked_at == revoked.revoked_at);
    CHECK(found->revoked_by == "coordinator");

    int rows = 0;
    std::string actor, new_value, old_value;
    p.db->sql() << "SELECT COUNT(*) FROM audit_log WHERE entity = 'certificate' AND entity_uuid = :u AND action = "
                   "'revoke'",
        soci::into(rows), soci::use(uuid);
    CHECK(rows == 1);
    p.db->sql() << "SELECT actor, old_value, new_value FROM audit_log WHERE entity_uuid = :u AND action = 'revoke'",
        soci::into(actor), soci::into(old_value), soci::into(new_value), soci::use(uuid);
    CHECK(actor == "coordinator");
    CHECK(new_value.find("issued in error: wrong cohort") != std::string::npos);

    SECTION("the revocations a list publishes: serial and day, never the holder or the reason") {
        const auto list = repo.revocations();
        REQUIRE(list.size() == 1);
        CHECK(list[0].serial == serial);
        CHECK(list[0].revoked_on == revoked.revoked_at->substr(0, 10));
        CHECK(list[0].category.empty());
    }
    SECTION("revoking again is refused and changes nothing") {
        CHECK_THROWS_AS(repo.revoke(serial, "again"), InputError);
        p.db->sql() << "SELECT COUNT(*) FROM audit_log WHERE entity_uuid = :u AND action = 'revoke'", soci::into(rows),
            soci::use(uuid);
        CHECK(rows == 1);
        CHECK(repo.find(serial)->revocation_reason == "issued in error: wrong cohort");
    }
    SECTION("a revocation without a reason is refused") {
        complete_cohort(*p.db, "KTM-2", "NP", {"P-2"});
        const auto other = p.issue("KTM-2").issued.at(0).record.serial;
        CHECK_THROWS_AS(repo.revoke(other, "   "), InputError);
        CHECK_FALSE(repo.find(other)->revoked_at);
    }
    SECTION("a revoked certificate is not reprinted") {
        CHECK_THROWS_AS(repo.reprint(serial, "lost copy", p.key, mitra::store_test::printed), InputError);
    }
}
