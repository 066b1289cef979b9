// ParticipantRepo: names byte for byte, imports that count what they did and keep all or nothing.
#include <catch2/catch.hpp>

#include "core/problem.hpp"
#include "store/repos.hpp"
#include "temp_dir.hpp"

using namespace mitra;
using namespace mitra::store;
using mitra::store_test::TempDir;

namespace {
Participant person(const std::string& ref, const std::string& name, const std::string& country,
                   const std::string& language, const std::string& latin = "") {
    Participant p;
    p.ref = ref;
    p.full_name = name;
    p.latin_name = latin;
    p.country = country;
    p.language = language;
    return p;
}

std::vector<Participant> region() {
    return {person("P-001", "山田 花子", "JP", "ja", "Yamada Hanako"),
            person("P-002", "김민준", "KR", "ko", "Kim Min-jun"),
            person("P-003", "สมชาย ใจดี", "TH", "th"),
            person("P-004", "प्रिया शर्मा", "IN", "hi"),
            person("P-005", store_test::kSriyani, "LK", "si", "Sriyani"),
            person("P-006", "عائشہ خان", "PK", "ur"),
            person("P-007", "Nguyễn Thị Minh Khai", "VN", "vi"),
            person("P-008", "Sukarno", "ID", "id"),
            person("P-009", store_test::kBobby, "GB", "en")};
}
}  // namespace

TEST_CASE("names in every script come back from the store byte for byte", "[store][participant]") {
    TempDir dir;
    auto db = Database::open(dir.db("p.db"));
    ParticipantRepo repo(*db);
    auto people = region();
    people[0].consent_date = parse_date("2026-01-05");
    people[0].email = "hanako@example.org";
    repo.save_all(people);
    const auto listed = repo.list();
    REQUIRE(listed.size() == people.size());
    for (std::size_t i = 0; i < people.size(); ++i) {
        CHECK(listed[i].ref == people[i].ref);
        CHECK(listed[i].full_name == people[i].full_name);
        CHECK(listed[i].latin_name == people[i].latin_name);
        CHECK(listed[i].uuid == people[i].uuid);
        CHECK(!listed[i].uuid.empty());
    }
    const auto sriyani = repo.find("P-005");
    REQUIRE(sriyani);
    CHECK(sriyani->full_name.size() == store_test::kSriyani.size());
    CHECK(sriyani->full_name.find("\u200D") != std::string::npos);
    CHECK(repo.find("P-009")->full_name == store_test::kBobby);
    CHECK(repo.find("P-001")->consent_date == parse_date("2026-01-05"));
    CHECK(repo.find("P-001")->email == "hanako@example.org");
    CHECK(repo.count() == 9);

    SECTION("search finds a part of a name in any script, or a ref") {
        ParticipantQuery q;
        q.search = "ใจดี";
        const auto found = repo.list(q);
        REQUIRE(found.size() == 1);
        CHECK(found[0].ref == "P-003");
        q.search = "DROP TABLE";
        CHECK(repo.list(q).size() == 1);
        q.search = "P-00";
        CHECK(repo.list(q).size() == 9);
    }
    SECTION("limit and offset page through the list") {
        ParticipantQuery q;
        q.limit = 4;
        q.offset = 4;
        const auto page = repo.list(q);
        REQUIRE(page.size() == 4);
        CHECK(page[0].ref == "P-005");
    }
}

TEST_CASE("save_all counts who was created, updated and unchanged", "[store][participant]") {
    TempDir dir;
    auto db = Database::open(dir.db("p.db"));
    ParticipantRepo repo(*db);
    auto people = region();
    auto first = repo.save_all(people);
    CHECK(first.created == 9);
    CHECK(first.updated == 0);
    CHECK(first.unchanged == 0);

    auto again = region();
    again[1].full_name = "김민준 (민준)";
    again[4].latin_name = "Shriyani";
    again.push_back(person("P-010", "陳志明", "HK", "zh-Hant"));
    const auto second = repo.save_all(again);
    CHECK(second.created == 1);
    CHECK(second.updated == 2);
    CHECK(second.unchanged == 7);
    CHECK(repo.count() == 10);
    CHECK(repo.find("P-002")->full_name == "김민준 (민준)");
    CHECK(repo.find("P-005")->latin_name == "Shriyani");
    CHECK(again[1].uuid == people[1].uuid);  // the same person, not a new one
}

TEST_CASE("a batch the database refuses leaves nothing of itself behind", "[store][participant]") {
    TempDir dir;
    auto db = Database::open(dir.db("p.db"));
    ParticipantRepo repo(*db);
    std::vector<Participant> existing{person("P-001", "山田 花子", "JP", "ja")};
    repo.save_all(existing);

    auto batch = region();  // P-001 unchanged, P-002 ... P-009 new
    batch[0].full_name = "山田 花子 (changed)";
    Participant clash = person("P-100", "clash", "JP", "ja");
    clash.uuid = existing[0].uuid;  // a primary key that is taken: the database refuses this row
    batch.push_back(clash);
    CHECK_THROWS_AS(repo.save_all(batch), DatabaseError);
    CHECK(repo.count() == 1);
    CHECK(repo.find("P-001")->full_name == "山田 花子");
    CHECK(!repo.find("P-002"));
}

TEST_CASE("add refuses a ref that exists", "[store][participant]") {
    TempDir dir;
    auto db = Database::open(dir.db("p.db"));
    ParticipantRepo repo(*db);
    auto p = person("P-001", "Sukarno", "ID", "id");
    repo.add(p);
    auto again = person("P-001", "Someone", "ID", "id");
    CHECK_THROWS_AS(repo.add(again), InputError);
    CHECK(repo.find("P-001")->full_name == "Sukarno");
}
