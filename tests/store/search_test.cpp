// Searching participants as the user types, through the search index.
#include <catch2/catch.hpp>
#include <soci/soci.h>

#include <algorithm>
#include <cstdio>

#include "core/names.hpp"
#include "core/signature.hpp"
#include "printer.hpp"
#include "store/app_queries.hpp"
#include "store/certificates.hpp"
#include "store/privacy.hpp"
#include "store/repos.hpp"
#include "temp_dir.hpp"
#include "test_backend.hpp"

using namespace mitra;
using namespace mitra::store;
using mitra::store_test::TempDir;

namespace {

Participant person(const std::string& ref, const std::string& name, const std::string& latin = "") {
    Participant p;
    p.ref = ref;
    p.full_name = name;
    p.latin_name = latin;
    p.country = "NP";
    p.language = "ne";
    return p;
}

// Short names (two CJK or Hangul characters, one character), every script the region writes, letters that
// differ only in case (ASCII and not), and characters a query language could take for its own.
std::vector<Participant> people() {
    return {person("P-001", "山田 花子", "Yamada Hanako"),
            person("P-002", "山田", "Yamada"),
            person("P-003", "김민", "Kim Min"),
            person("P-004", "김민준", "Kim Min-jun"),
            person("P-005", "สมชาย ใจดี", "Somchai Jaidee"),
            person("P-006", "ใจ"),
            person("P-007", "प्रिया शर्मा", "Priya Sharma"),
            person("P-008", "शर्मा"),
            person("P-009", store_test::kSriyani, "Sriyani"),
            person("P-010", "عائشہ خان", "Aisha Khan"),
            person("P-011", "Nguyễn Thị Minh Khai"),
            person("P-012", "NGUYỄN VĂN AN"),
            person("P-013", "maria santos"),
            person("P-014", "MARIA CLARA"),
            person("P-015", "Ma"),
            person("P-016", "X"),
            person("P-017", "Say \"hi\" O'Neil"),
            person("P-018", store_test::kBobby),
            person("P-019", "Ola 100%_sure", "back\\slash"),
            person("Q-020", "陳志明", "Chan Chi-ming"),
            person("P_021", "Rai", "Fifty 50 percent")};
}

std::string ascii_lower(std::string text) {
    for (auto& c : text)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return text;
}

// What a search should give: the people whose ref or names hold it (ASCII letters in either case; % and _ as
// themselves), and the people whose full or Latin name looks like the whole search (the same skeleton): refs in order.
std::vector<std::string> expected(const std::vector<Participant>& all, const std::string& search) {
    std::vector<std::string> out;
    const std::string needle = ascii_lower(search);
    const std::string key = name_skeleton(search);
    for (const auto& p : all) {
        bool found = !key.empty() && (name_skeleton(p.full_name) == key ||
                                      (!p.latin_name.empty() && name_skeleton(p.latin_name) == key));
        for (const auto* field : {&p.ref, &p.full_name, &p.latin_name})
            found = found || ascii_lower(*field).find(needle) != std::string::npos;
        if (found) out.push_back(p.ref);
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<std::string> refs_of(const std::vector<Participant>& found) {
    std::vector<std::string> out;
    for (const auto& p : found) out.push_back(p.ref);
    return out;
}

std::vector<std::string> search(Database& db, const std::string& text, int limit = 0, int offset = 0) {
    ParticipantQuery q;
    q.search = text;
    q.limit = limit;
    q.offset = offset;
    return refs_of(ParticipantRepo(db).list(q));
}

}  // namespace

TEST_CASE("a search finds the same people, in the same order, as comparing every name did", "[store][search]") {
    TempDir dir;
    auto db = Database::open(dir.db("search.db"));
    auto all = people();
    ParticipantRepo(*db).save_all(all);
    AppQueries queries(*db);

    // 1, 2, 3 and more characters in CJK, Hangul, Thai, Devanagari, Sinhala, Urdu and Latin scripts.
    const std::vector<std::string> searches = {"山",
                                               "山田",
                                               "山田 ",
                                               "山田 花",
                                               "田 花子",
                                               "花子",
                                               "志明",
                                               "陳志明",  // CJK
                                               "김",
                                               "김민",
                                               "김민준",
                                               "민준",  // Hangul
                                               "ใ",
                                               "ใจ",
                                               "ใจด",
                                               "ใจดี",
                                               "สมชาย ใจดี",  // Thai
                                               "श",
                                               "शर",
                                               "शर्",
                                               "शर्मा",
                                               "प्रिया",  // Devanagari
                                               "\u0DC1",
                                               "\u0DC1\u0DCA",
                                               "\u0DC1\u0DCA\u200D",
                                               store_test::kSriyani,  // Sinhala, with its ZWJ
                                               "خ",
                                               "خان",
                                               "عائشہ",  // Urdu
                                               "m",
                                               "M",
                                               "ma",
                                               "MA",
                                               "mAr",
                                               "Mar",
                                               "maria",
                                               "MARIA ",
                                               "santos",
                                               "x",
                                               "X",
                                               "zz",
                                               "zzz",
                                               "qzqzq",
                                               "P-0",
                                               "p-01",
                                               "-02",
                                               "20",
                                               "Q",
                                               "Kim Min",
                                               "kim min-",
                                               "ễ",
                                               "Ễ",
                                               "nguyỄn",
                                               "NGUYỄN",
                                               "Nguyễn",
                                               "ĂN",  // only ASCII letters fold
                                               "\"",
                                               "\"hi\"",
                                               "y \"h",
                                               "O'N",
                                               "'",
                                               "DROP TABLE",
                                               ");",
                                               "\\",
                                               "\\sl",
                                               "k\\s",
                                               " ",
                                               "  ",
                                               "_",
                                               "%",
                                               "%_",
                                               "0%_s",
                                               "_s",
                                               "P_",
                                               "P_0",
                                               "P-0_1",
                                               "山%子",
                                               "_%",
                                               "50%",
                                               "\\%",
                                               "\\_"};  // LIKE's own

    for (const auto& text : searches) {
        INFO("search: \"" << text << "\"");
        const auto want = expected(all, text);
        CHECK(search(*db, text) == want);
        CHECK(queries.count_participants(text) == static_cast<long long>(want.size()));
    }

    SECTION("pages of a search are the same slices of it") {
        for (const std::string text : {"a", "ma", "min", "P-01"}) {
            INFO("search: \"" << text << "\"");
            const auto want = expected(all, text);
            REQUIRE(want.size() >= 3);
            CHECK(search(*db, text, 2, 0) == std::vector<std::string>(want.begin(), want.begin() + 2));
            CHECK(search(*db, text, 2, 1) == std::vector<std::string>(want.begin() + 1, want.begin() + 3));
        }
    }
    SECTION("% and _ are the characters themselves, not wildcards, on every path") {
        CHECK(search(*db, "_") == std::vector<std::string>{"P-019", "P_021"});
        CHECK(search(*db, "%") == std::vector<std::string>{"P-019"});
        CHECK(search(*db, "P_") == std::vector<std::string>{"P_021"});
        CHECK(search(*db, "P-0_1").empty());
        CHECK(search(*db, "山%子").empty());
        CHECK(search(*db, "100%_s") == std::vector<std::string>{"P-019"});
        CHECK(queries.count_participants("_") == 2);
        CHECK(queries.count_participants("%") == 1);
        CHECK(queries.count_participants("P-0_1") == 0);
        // Without the index (as within a cohort), the same.
        Database& same = *db;
        auto compared = [&](const std::string& text) {
            const auto found = participant_search(same, text, false);
            long long n = 0;
            soci::statement st = (same.sql().prepare << "SELECT COUNT(*) FROM participants p WHERE " + found.condition);
            st.exchange(soci::into(n));
            for (const auto& value : found.values) st.exchange(soci::use(value));
            st.define_and_bind();
            st.execute(true);
            return n;
        };
        CHECK(compared("_") == 2);
        CHECK(compared("%") == 1);
        CHECK(compared("P-0_1") == 0);
        CHECK(compared("\\") == 1);
    }
    SECTION("within a cohort, only its people") {
        auto curriculum = store_test::shipped_curriculum();
        CurriculumRepo(*db).import(curriculum);
        Cohort cohort;
        cohort.code = "KTM-1";
        cohort.curriculum_code = curriculum.code;
        cohort.site = "Kathmandu";
        cohort.country = "NP";
        cohort.time_zone = "Asia/Kathmandu";
        cohort.language = "ne";
        cohort.start_date = Date{2026, 1, 5};
        CohortRepo(*db).create(cohort);
        CohortRepo(*db).enrol("KTM-1", {"P-001", "P-002", "P-013", "P-019"}, Date{2026, 1, 1});
        ParticipantQuery q;
        q.cohort_code = "KTM-1";
        q.search = "山田";
        CHECK(refs_of(ParticipantRepo(*db).list(q)) == std::vector<std::string>{"P-001", "P-002"});
        q.search = "MARIA";
        CHECK(refs_of(ParticipantRepo(*db).list(q)) == std::vector<std::string>{"P-013"});
        CHECK(queries.count_participants("山田 花", "KTM-1") == 1);
        CHECK(queries.count_participants("", "KTM-1") == 4);
        q.search = "_";
        CHECK(refs_of(ParticipantRepo(*db).list(q)) == std::vector<std::string>{"P-019"});
        CHECK(queries.count_participants("%", "KTM-1") == 1);
    }
}

TEST_CASE("a search for cohorts or certificates takes %, _ and \\ as the characters they are", "[store][search]") {
    TempDir dir;
    auto db = Database::open(dir.db("search.db"), "coordinator");
    auto curriculum = store_test::shipped_curriculum();
    CurriculumRepo(*db).import(curriculum);
    auto cohort = [&](const std::string& code, const std::string& site, const std::vector<std::string>& refs) {
        std::vector<Participant> people;
        for (const auto& ref : refs) people.push_back(person(ref, "山田 花子 " + ref));
        ParticipantRepo(*db).save_all(people);
        Cohort c;
        c.code = code;
        c.curriculum_code = "PSF";
        c.site = site;
        c.country = "NP";
        c.time_zone = "Asia/Kathmandu";
        c.language = "ne";
        c.start_date = Date{2026, 1, 5};
        CohortRepo(*db).create(c);
        CohortRepo(*db).enrol(code, refs, Date{2026, 1, 1});
        RecordsRepo records(*db);
        for (const auto& ref : refs) {
            records.acknowledge_ethics({ref, "2026.1", Date{2026, 1, 5}});
            store_test::sign_attestations(*db, ref, Date{2026, 1, 5});
            for (const auto& m : curriculum.modules)
                records.override_completion(code, CompletionOverride{ref, m.code, true, "prior learning", "", ""});
        }
    };
    cohort("KTM_1", "Patan 100% Hall", {"P_1", "P-2"});
    cohort("KTMX1", "Back\\slash Centre", {"P-3"});
    AppQueries queries(*db);
    auto cohort_codes = [&](const std::string& search) {
        std::vector<std::string> out;
        for (const auto& c : queries.cohorts(search, 0, 0)) out.push_back(c.code);
        std::sort(out.begin(), out.end());
        return out;
    };
    CHECK(cohort_codes("") == std::vector<std::string>{"KTMX1", "KTM_1"});
    CHECK(cohort_codes("_") == std::vector<std::string>{"KTM_1"});
    CHECK(cohort_codes("KTM_") == std::vector<std::string>{"KTM_1"});
    CHECK(cohort_codes("%") == std::vector<std::string>{"KTM_1"});
    CHECK(cohort_codes("0% H") == std::vector<std::string>{"KTM_1"});
    CHECK(cohort_codes("\\") == std::vector<std::string>{"KTMX1"});
    CHECK(cohort_codes("k\\s") == std::vector<std::string>{"KTMX1"});  // a backslash is itself, not an escape
    CHECK(cohort_codes("\\_").empty());
    CHECK(cohort_codes("Patan%Hall").empty());
    CHECK(queries.count_cohorts("_") == 1);
    CHECK(queries.count_cohorts("%") == 1);
    CHECK(queries.count_cohorts("") == 2);

    const SigningKey key = new_signing_key();
    for (const std::string code : {"KTM_1", "KTMX1"})
        REQUIRE(CertificateRepo(*db)
                    .issue_for_cohort(code, "completion", "", "completion", key, Date{2026, 12, 31},
                                      store_test::accept_all())
                    .issued.size() == (code == "KTM_1" ? 2u : 1u));
    auto holders = [&](const std::string& search) {
        std::vector<std::string> out;
        for (const auto& c : CertificateRepo(*db).list(search)) out.push_back(c.participant_ref);
        std::sort(out.begin(), out.end());
        return out;
    };
    CHECK(holders("").size() == 3);
    CHECK(holders("_") == std::vector<std::string>{"P_1"});
    CHECK(holders("P_") == std::vector<std::string>{"P_1"});
    CHECK(holders("%").empty());
    CHECK(holders("花子 P-") == std::vector<std::string>{"P-2", "P-3"});
}

TEST_CASE("the search index follows every change to a person's names", "[store][search]") {
    TempDir dir;
    auto db = Database::open(dir.db("search.db"));
    ParticipantRepo repo(*db);
    auto all = people();
    repo.save_all(all);

    Participant added = person("P-100", "Bishnu Prasad Zqxwvk");
    repo.add(added);
    CHECK(search(*db, "zqxwvk") == std::vector<std::string>{"P-100"});

    added.full_name = "Bishnu Prasad Koirala";
    CHECK(repo.save(added) == Saved::updated);
    CHECK(search(*db, "zqxwvk").empty());
    CHECK(search(*db, "koirala") == std::vector<std::string>{"P-100"});

    std::vector<Participant> again = {person("P-100", "Bishnu Prasad Koirala", "Bishnu Koirala"),
                                      person("P-002", "山本", "Yamamoto")};
    repo.save_all(again);
    CHECK(search(*db, "山田") == std::vector<std::string>{"P-001"});
    CHECK(search(*db, "山本") == std::vector<std::string>{"P-002"});
    CHECK(search(*db, "u koi") == std::vector<std::string>{"P-100"});
    CHECK(AppQueries(*db).count_participants("yamamoto") == 1);
}

TEST_CASE("an erased person's name is gone from search and from every part of the index", "[store][search]") {
    TempDir dir;
    auto db = Database::open(dir.db("search.db"));
    ParticipantRepo repo(*db);
    auto all = people();
    all.push_back(person("P-200", "Wvkzqx Jqbfy", "Wvkzqx Jqbfy"));
    repo.save_all(all);
    // Renamed once before: the older name must go too.
    all.back().full_name = "Wvkzqx Jqbfyh";
    repo.save(all.back());
    CHECK(search(*db, "wvkzqx") == std::vector<std::string>{"P-200"});

    // Pieces of the name as the trigram index keeps them (lowered), and whether any index page holds one.
    const std::vector<std::string> pieces = {"wvk", "vkz", "kzq", "zqx", "jqb", "qbf", "bfy", "fyh"};
    auto index_holds_name = [&] {
        int found = 0;
        for (const auto& piece : pieces) {
            int n = 0;
            db->sql() << "SELECT COUNT(*) FROM participant_search_data WHERE instr(block, CAST(:t AS BLOB)) > 0",
                soci::into(n), soci::use(piece);
            found += n;
        }
        return found > 0;
    };
    if (db->backend() == Backend::sqlite) REQUIRE(index_holds_name());  // the check below can fail

    erase_participant(*db, "P-200", "asked in writing, 2026-03-01");
    CHECK(search(*db, "wvkzqx").empty());
    CHECK(search(*db, "jqbfy").empty());
    CHECK(search(*db, "P-200") == std::vector<std::string>{"P-200"});  // the ref stays, as in the table
    CHECK(AppQueries(*db).count_participants("Jqbfy") == 0);
    if (db->backend() == Backend::sqlite) {
        CHECK_FALSE(index_holds_name());
        // The index keeps no copy of names: it reads them from participants, where they are blank.
        int tables = 0;
        db->sql() << "SELECT COUNT(*) FROM sqlite_master WHERE name = 'participant_search_content'", soci::into(tables);
        CHECK(tables == 0);
        CHECK(search(*db, "山田") == std::vector<std::string>{"P-001", "P-002"});  // the rest still found
    }
}

TEST_CASE("on SQLite, searches of three characters or more are answered from the trigram index",
          "[store][search][sqlite]") {
    TempDir dir;
    auto db = Database::open(dir.db("search.db"));
    auto all = people();
    ParticipantRepo(*db).save_all(all);
    CHECK(search(*db, "maria") == std::vector<std::string>{"P-013", "P-014"});
    CHECK(search(*db, "山田") == std::vector<std::string>{"P-001", "P-002"});
    // An index emptied behind the store's back: the longer search finds nothing, the short one still compares.
    db->sql() << "INSERT INTO participant_search (participant_search) VALUES ('delete-all')";
    CHECK(search(*db, "maria").empty());
    CHECK(AppQueries(*db).count_participants("maria") == 0);
    CHECK(search(*db, "山田") == std::vector<std::string>{"P-001", "P-002"});
    db->sql() << "INSERT INTO participant_search (participant_search) VALUES ('rebuild')";
    CHECK(search(*db, "maria") == std::vector<std::string>{"P-013", "P-014"});
}

TEST_CASE("a large import is found by search as a small one is, and leaves the index kept row by row again",
          "[store][search]") {
    TempDir dir;
    auto db = Database::open(dir.db("search.db"));
    ParticipantRepo repo(*db);
    auto name_of = [](int i, const char* family) { return std::string(family) + " " + std::to_string(i); };
    std::vector<Participant> many;
    for (int i = 1; i <= 1500; ++i) {
        char ref[16];
        std::snprintf(ref, sizeof ref, "L-%05d", i);
        many.push_back(person(ref, name_of(i, i % 2 ? "佐藤" : "Gurung")));
    }
    CHECK(repo.save_all(many).created == 1500);
    CHECK(search(*db, "佐藤 1499") == std::vector<std::string>{"L-01499"});
    CHECK(AppQueries(*db).count_participants("gurung") == 750);
    CHECK(AppQueries(*db).count_participants("佐藤") == 750);

    // Again, large enough to rebuild: half renamed, and a newcomer.
    for (int i = 0; i < 1500; i += 2) many[static_cast<std::size_t>(i)].full_name = name_of(i + 1, "Tamang");
    many.push_back(person("L-09999", "Zqxwv Newcomer"));
    const auto counts = repo.save_all(many);
    CHECK(counts.updated == 750);
    CHECK(counts.created == 1);
    CHECK(AppQueries(*db).count_participants("佐藤") == 0);
    CHECK(AppQueries(*db).count_participants("tamang") == 750);
    CHECK(search(*db, "newcomer") == std::vector<std::string>{"L-09999"});

    // Row by row again afterwards.
    Participant one = person("L-10000", "Afterwards Wvkq");
    repo.add(one);
    CHECK(search(*db, "wvkq") == std::vector<std::string>{"L-10000"});
    one.full_name = "Afterwards Renamed";
    repo.save(one);
    CHECK(search(*db, "wvkq").empty());
}

TEST_CASE("a search most people match is counted as exactly as a rare one (SQLite reads every row for it)",
          "[store][search]") {
    TempDir dir;
    auto db = Database::open(dir.db("broad.db"));
    std::vector<Participant> people;
    for (int i = 1; i <= 30050; ++i) {
        char ref[16];
        std::snprintf(ref, sizeof ref, "B-%05d", i);
        // Past the index's "broad" mark: 30,000 Pereras, 25 in capitals, 25 whose name holds no "erer".
        people.push_back(i <= 30000   ? person(ref, "Perera " + std::to_string(i))
                         : i <= 30025 ? person(ref, "Kumari", "PERERA")
                                      : person(ref, "Silva Pe-rer"));
    }
    ParticipantRepo(*db).save_all(people, Lookalikes::allow);  // 25 Kumaris, 25 Silvas
    AppQueries queries(*db);
    CHECK(queries.count_participants("erer") == 30025);
    CHECK(queries.count_participants("Perera 3") == 1 + 10 + 100 + 1000 + 1);  // 3, 3x, 3xx, 3xxx, 30000
    CHECK(queries.count_participants("pe-rer") == 25);
    ParticipantQuery q;
    q.search = "erer";
    q.limit = 0;
    CHECK(static_cast<long long>(ParticipantRepo(*db).list(q).size()) == queries.count_participants("erer"));
}
