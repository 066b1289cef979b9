// Scans: the bulk reads of the regional report, straight from SQLite's statement or libpq's cursor batches.
#include <catch2/catch.hpp>
#include <soci/soci.h>

#include <algorithm>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "store/database.hpp"
#include "store/scan.hpp"
#include "temp_dir.hpp"

using namespace mitra::store;
using mitra::store_test::TempDir;

namespace {

// A table of our own in the test's database: numbers 1..n, each with a text, NULL for every tenth.
void fill(Database& db, int n) {
    db.write([&] {
        db.sql() << "CREATE TABLE scan_probe (n BIGINT NOT NULL, t TEXT)";
        db.sql() << "INSERT INTO scan_probe (n, t) WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c "
                    "WHERE n < " +
                        std::to_string(n) +
                        ") SELECT n, CASE WHEN n % 10 = 0 THEN NULL ELSE "
                        "'t' || CAST(n AS TEXT) END FROM c";
    });
}

}  // namespace

TEST_CASE("a scan hands over every row, NULLs, empty texts, negative numbers and every script as they are stored",
          "[store][scan]") {
    TempDir dir;
    auto db = Database::open(dir.db("scan.db"));
    const std::vector<std::string> texts = {"山田 花子",
                                            "김민준",
                                            "สมชาย ใจดี",
                                            "प्रिया शर्मा",
                                            mitra::store_test::kSriyani,
                                            "عائشہ خان",
                                            "Nguyễn Thị Minh Khai",
                                            "",
                                            "a\tb\nc",
                                            mitra::store_test::kBobby,
                                            "C:\\x41\\N \\101 \\ end\\",
                                            "\\N"};
    db->write([&] {
        db->sql() << "CREATE TABLE scan_probe (n BIGINT, t TEXT)";
        for (std::size_t i = 0; i < texts.size(); ++i) {
            const long long n = i % 2 ? -9000000000LL - static_cast<long long>(i) : static_cast<long long>(i);
            db->sql() << "INSERT INTO scan_probe (n, t) VALUES (:n, :t)", soci::use(n), soci::use(texts[i]);
        }
        db->sql() << "INSERT INTO scan_probe (n, t) VALUES (NULL, NULL)";
    });
    std::vector<std::optional<long long>> numbers;
    std::vector<std::optional<std::string>> seen;
    scan(*db, "SELECT n, t FROM scan_probe ORDER BY n IS NULL, t", [&](const ScanRow& row) {
        numbers.push_back(row.integer(0));
        seen.push_back(row.cell(1) ? std::optional<std::string>(std::string(*row.cell(1))) : std::nullopt);
    });
    REQUIRE(seen.size() == texts.size() + 1);
    CHECK_FALSE(seen.back().has_value());  // NULL is not ""
    CHECK_FALSE(numbers.back().has_value());
    for (std::size_t i = 0; i < texts.size(); ++i) {
        const auto at = std::find(seen.begin(), seen.end(), std::optional<std::string>(texts[i]));
        INFO(texts[i]);
        REQUIRE(at != seen.end());
        const long long n = i % 2 ? -9000000000LL - static_cast<long long>(i) : static_cast<long long>(i);
        CHECK(numbers[static_cast<std::size_t>(at - seen.begin())] == n);
    }
}

TEST_CASE("a scan reads past its batches, in order", "[store][scan]") {
    TempDir dir;
    auto db = Database::open(dir.db("scan.db"));
    fill(*db, 45001);  // more than two of PostgreSQL's batches of 20,000
    long long count = 0, sum = 0, nulls = 0, previous = 0;
    bool ordered = true;
    scan(*db, "SELECT n, t FROM scan_probe ORDER BY n", [&](const ScanRow& row) {
        const long long n = row.integer(0).value_or(-1);
        ordered = ordered && n == previous + 1;
        previous = n;
        ++count;
        sum += n;
        if (!row.cell(1)) ++nulls;
        else if (row.text(1) != "t" + std::to_string(n)) FAIL("row " << n << " came with " << row.text(1));
    });
    CHECK(count == 45001);
    CHECK(sum == 45001LL * 45002 / 2);
    CHECK(nulls == 4500);
    CHECK(ordered);
}

TEST_CASE("a scan that fails, or whose reader fails, leaves the database as it was and usable", "[store][scan]") {
    TempDir dir;
    auto db = Database::open(dir.db("scan.db"));
    fill(*db, 30000);
    CHECK_THROWS_AS(scan(*db, "SELECT nothing FROM no_such_table", [](const ScanRow&) {}), DatabaseError);

    // The reader stops half way, inside a longer read: that read goes on, and scans again.
    // A reader that uses the database itself is stopped (on PostgreSQL it would take the next batch's place).
    long long after = 0;
    CHECK_THROWS_AS(scan(*db, "SELECT n FROM scan_probe",
                         [&](const ScanRow&) { scan(*db, "SELECT COUNT(*) FROM scan_probe", [&](const ScanRow&) {}); }),
                    std::logic_error);
    db->read([&] {
        int seen = 0;
        CHECK_THROWS_WITH(scan(*db, "SELECT n FROM scan_probe",
                               [&](const ScanRow&) {
                                   if (++seen == 25000) throw std::runtime_error("the reader gave up");
                               }),
                          "the reader gave up");
        CHECK(seen == 25000);
        scan(*db, "SELECT COUNT(*) FROM scan_probe", [&](const ScanRow& row) { after = row.integer(0).value_or(0); });
    });
    CHECK(after == 30000);
    int rows = 0;
    scan(*db, "SELECT n FROM scan_probe WHERE n > 29990", [&](const ScanRow&) { ++rows; });
    CHECK(rows == 10);
    db->write([&] { db->sql() << "DELETE FROM scan_probe WHERE n > 10"; });
    scan(*db, "SELECT COUNT(*) FROM scan_probe", [&](const ScanRow& row) { after = row.integer(0).value_or(0); });
    CHECK(after == 10);
}
