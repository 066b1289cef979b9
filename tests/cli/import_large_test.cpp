// A large participant import through the real mitra-cli (#18): read a batch at a time, it keeps the same people as
// the file read whole, takes little memory, and a bad row or a look-alike near the end changes nothing.
#include <catch2/catch.hpp>

#include <cctype>
#include <cstdio>

#include "io/participant_csv.hpp"
#include "names.hpp"
#include "run_cli.hpp"
#include "store/database.hpp"
#include "store/repos.hpp"

using namespace mitra;
using namespace mitra::cli_test;

namespace {

constexpr int kMany = 50'000;  // ten of the import's batches of 5000

// Letters for a number: every row's name is its own, with no look-alike of another.
std::string syllables(int n, const std::vector<std::string>& syllable) {
    std::string out;
    for (int i = 0; i < 5; ++i, n /= 16) out += syllable[n % 16];
    return out;
}

std::string ref_of(int i) {
    char ref[16];
    std::snprintf(ref, sizeof ref, "P-%06d", i);
    return ref;
}

// Row i of the file: two in three names in Latin letters, one in three in Devanagari; every fifth has a phone
// number with the quote a spreadsheet export puts before '+' (taken off at import); `changed` alters the e-mail.
std::string person_row(int i, bool changed = false) {
    static const std::vector<std::string> latin = {"ka", "mo", "ri", "tu", "se", "na", "po", "de",
                                                   "vu", "ha", "ze", "bo", "gi", "fa", "ju", "xe"};
    static const std::vector<std::string> devanagari = {"का", "मो", "री", "तु",  "से",  "ना", "पो", "ली",
                                                        "दे",  "वु",  "हा", "बो", "गी", "जु",  "सा", "मा"};
    static const std::vector<std::string> given = {"Ana", "Ravi", "Sita", "Kim",   "Omar",
                                                   "Mei", "Luis", "Hana", "Tariq", "Nila"};
    static const std::vector<std::string> given_hi = {"प्रिया", "सीता", "राम", "गीता"};
    std::string family = syllables(i / 10, latin);
    family[0] = static_cast<char>(family[0] - 'a' + 'A');
    const bool hindi = i % 3 == 1;
    const std::string name =
        hindi ? given_hi[i % 4] + " " + syllables(i / 10, devanagari) : given[i % 10] + " " + family;
    return ref_of(i) + "," + name + ",," + (hindi ? "IN,hi," : "GB,en,") + "p" + std::to_string(i) +
           (changed ? "@example.net," : "@example.org,") +
           (i % 5 == 0 ? "'+94 77 " + std::to_string(1000000 + i) : "") + "\n";
}

const std::string kHeader = "ref,full_name,latin_name,country,language,email,phone\n";

// Rows [0, n); `row` may replace one.
std::string people_file(int n, int replaced = -1, const std::string& row = "") {
    std::string csv = kHeader;
    for (int i = 0; i < n; ++i) csv += i == replaced ? row : person_row(i);
    return csv;
}

// The first 1000 people, half of them with another e-mail address: the large file updates those and leaves the
// others unchanged.
std::string kept_file() {
    std::string csv = kHeader;
    for (int i = 0; i < 1000; ++i) csv += person_row(i, i % 2 == 0);
    return csv;
}

// Every person kept, as text: all but the uuid, which each database gives its own.
std::vector<std::string> everyone(const std::string& db) {
    std::vector<std::string> out;
    for (const auto& p : store::ParticipantRepo(*store::Database::open(db)).list())
        out.push_back(p.ref + "|" + p.full_name + "|" + p.latin_name + "|" + p.country + "|" + p.language + "|" +
                      p.email + "|" + p.phone + "|" + (p.consent_date ? to_string(*p.consent_date) : "-"));
    return out;
}

std::vector<std::string> refs_found(const std::string& db, const std::string& search) {
    store::ParticipantQuery query;
    query.search = search;
    std::vector<std::string> refs;
    for (const auto& p : store::ParticipantRepo(*store::Database::open(db)).list(query)) refs.push_back(p.ref);
    return refs;
}

}  // namespace

TEST_CASE(
    "an import of 50,000 people read a batch at a time keeps the same people as the file read whole, in "
    "little memory",
    "[cli][participant][import]") {
    Workspace ws;
    ws.ok({"init"});
    const auto kept = ws.file("kept.csv", kept_file());
    ws.ok({"participant", "import", kept});
    const auto many = ws.file("many.csv", people_file(kMany));

    // The same database, as the import was before it read in batches: the whole file, then save_all on a vector.
    const auto whole = ws.other_db("whole.db");
    ws.run_bare({"--db", whole, "init"});
    ws.run_bare({"--db", whole, "participant", "import", kept});
    store::ImportCounts counts_whole;
    {
        auto read = io::read_participant_csv_file(many);
        REQUIRE(read.ok());
        std::vector<Participant> people;
        for (const auto& row : read.value) people.push_back(row.participant);
        auto db = store::Database::open(whole, "cli-test");
        counts_whole = store::ParticipantRepo(*db).save_all(people);
    }

    const auto imported = ws.run_measured({"--json", "participant", "import", many});
    INFO(imported.err);
    REQUIRE(imported.status == 0);
    const auto counts = nlohmann::json::parse(imported.out);
    CHECK(counts["created"] == kMany - 1000);
    CHECK(counts["updated"] == 500);
    CHECK(counts["unchanged"] == 500);
    CHECK(counts["created"] == counts_whole.created);
    CHECK(counts["updated"] == counts_whole.updated);
    CHECK(counts["unchanged"] == counts_whole.unchanged);

    const auto streamed = everyone(ws.db);
    CHECK(streamed.size() == static_cast<std::size_t>(kMany));
    CHECK(streamed == everyone(whole));
    CHECK(streamed[5] == "P-000005|Mei Kakakakaka||GB|en|p5@example.org|+94 77 1000005|-");  // the quote taken off
    // The search index knows the names of the last batch as well as the first's.
    for (const int i : {7, 49'999, 49'996}) {
        const auto line = person_row(i);
        const auto name = line.substr(line.find(',') + 1, line.find(',', line.find(',') + 1) - line.find(',') - 1);
        INFO(name);
        CHECK(refs_found(ws.db, name) == std::vector<std::string>{ref_of(i)});
        CHECK(refs_found(whole, name) == refs_found(ws.db, name));
    }

    // The program itself takes about 25 MB; holding every row took about 80 MB for this file, a batch at a time 35.
    CHECK(imported.max_rss_kb > 0);
    CHECK(imported.max_rss_kb < 50'000);
}

TEST_CASE("a bad row or a look-alike at the end of 50,000 people is found, by line, and changes nothing",
          "[cli][participant][import]") {
    Workspace ws;
    ws.ok({"init"});
    ws.ok({"participant", "import", ws.file("kept.csv", kept_file())});
    const auto before = ws.dump();

    SECTION("a country that is none, on the last line but one") {
        auto row = person_row(kMany - 2);
        row.replace(row.find(",GB,"), 4, ",XX,");
        const auto file = ws.file("bad.csv", people_file(kMany, kMany - 2, row));
        const auto refused = ws.run({"participant", "import", file});
        INFO(refused.err);
        CHECK(refused.status == 2);
        CHECK(refused.err.find(file + ":" + std::to_string(kMany) + ":4: country:") != std::string::npos);
        CHECK(refused.err_lines() == 1);
        CHECK(ws.dump() == before);
    }
    SECTION("the same ref twice, 49,000 lines apart") {
        auto row = person_row(kMany - 10);
        row.replace(0, row.find(','), ref_of(1500));
        const auto file = ws.file("twice.csv", people_file(kMany, kMany - 10, row));
        const auto refused = ws.run({"participant", "import", file});
        INFO(refused.err);
        CHECK(refused.status == 2);
        CHECK(refused.err.find(file + ":" + std::to_string(kMany - 8) +
                               ":1: ref: duplicate ref P-001500, first on line 1502") != std::string::npos);
        CHECK(ws.dump() == before);
    }
    SECTION("a name like one nine batches earlier, and --allow-lookalike takes it") {
        // Row 2000 is in the first batch of 5000; row 49,990 in the last, with row 2000's name in capitals.
        auto row = person_row(kMany - 10);
        auto like = person_row(2000);
        const auto name_at = like.find(',') + 1;
        std::string name = like.substr(name_at, like.find(',', name_at) - name_at);
        for (char& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        const auto at = row.find(',') + 1;
        row.replace(at, row.find(',', at) - at, name);
        const auto file = ws.file("like.csv", people_file(kMany, kMany - 10, row));
        const auto refused = ws.run({"participant", "import", file});
        INFO(refused.err);
        CHECK(refused.status == 2);
        CHECK(refused.err.find(file + ":" + std::to_string(kMany - 8) + ": full_name: " + ref_of(kMany - 10) +
                               " looks like P-002000 (line 2002) ") != std::string::npos);
        CHECK(refused.err.find("--allow-lookalike") != std::string::npos);
        CHECK(refused.err.find(name) == std::string::npos);  // never the name
        CHECK(ws.dump() == before);

        CHECK(ws.json({"participant", "import", file, "--allow-lookalike"})["created"] == kMany - 1000);
    }
}
