// The CSV reader: RFC 4180 shapes, and every kind of broken row located by line and column.
#include <catch2/catch.hpp>

#include "io/csv.hpp"
#include "problems.hpp"

using namespace mitra;
using namespace mitra::io;
using mitra::io::testing::has_problem;
using mitra::io::testing::listed;

namespace {
std::vector<std::string> texts(const CsvRow& row) {
    std::vector<std::string> out;
    for (const auto& f : row.fields) out.push_back(f.text);
    return out;
}
}  // namespace

TEST_CASE("a CSV file with a byte-order mark and CRLF line ends reads like a plain one", "[io][csv]") {
    const auto table = read_csv(
        "\xEF\xBB\xBF"
        "a,b\r\n1,2\r\n3,4\r\n",
        "people.csv");
    INFO(listed(table.problems));
    REQUIRE(table.ok());
    REQUIRE(table.value.header.size() == 2);
    CHECK(table.value.header[0].text == "a");  // no BOM left on the first name
    REQUIRE(table.value.rows.size() == 2);
    CHECK(texts(table.value.rows[0]) == std::vector<std::string>{"1", "2"});
    CHECK(texts(table.value.rows[1]) == std::vector<std::string>{"3", "4"});
    CHECK(table.value.rows[1].line == 3);
    CHECK(table.value.rows[1].fields[1].column == 2);
}

TEST_CASE("quoted fields hold commas, doubled quotes and line breaks", "[io][csv]") {
    const auto table = read_csv(
        "name,note\n"
        "\"Khan, Aisha\",\"she said \"\"hi\"\"\"\n"
        "\"two\nlines\",x\n"
        "after,y\n",
        "f.csv");
    INFO(listed(table.problems));
    REQUIRE(table.ok());
    REQUIRE(table.value.rows.size() == 3);
    CHECK(texts(table.value.rows[0]) == std::vector<std::string>{"Khan, Aisha", "she said \"hi\""});
    CHECK(texts(table.value.rows[1]) == std::vector<std::string>{"two\nlines", "x"});
    SECTION("the line numbers stay right after a field that spans lines") {
        CHECK(table.value.rows[1].line == 3);
        CHECK(table.value.rows[2].line == 5);
    }
}

TEST_CASE("empty lines and rows of bare commas are skipped", "[io][csv]") {
    const auto table = read_csv("a,b\n\n1,2\n,\n\n3,4\n\n\n", "f.csv");
    INFO(listed(table.problems));
    REQUIRE(table.ok());
    REQUIRE(table.value.rows.size() == 2);
    CHECK(table.value.rows[1].line == 6);
}

TEST_CASE("the last row needs no line end", "[io][csv]") {
    const auto table = read_csv("a,b\n1,\"2\"", "f.csv");
    REQUIRE(table.ok());
    CHECK(texts(table.value.rows[0]) == std::vector<std::string>{"1", "2"});
}

TEST_CASE("a broken quote is located", "[io][csv]") {
    SECTION("a quote in the middle of an unquoted field") {
        const auto table = read_csv("a,b,c\n1,ab\"c,3\n", "f.csv");
        CHECK(has_problem(table.problems, 2, 2, "quote (\") in the middle"));
        CHECK(table.problems[0].field == "b");
    }
    SECTION("characters after a closing quote") {
        const auto table = read_csv("a,b,c\n1,2,\"x\"y\n4,5,6\n", "f.csv");
        CHECK(has_problem(table.problems, 2, 3, "after the closing quote"));
        REQUIRE(table.value.rows.size() == 1);  // the next row still reads
        CHECK(table.value.rows[0].line == 3);
    }
    SECTION("a quote that is never closed") {
        const auto table = read_csv("a,b\n1,2\n3,\"open\n4,5\n", "f.csv");
        REQUIRE(table.problems.size() == 1);
        CHECK(has_problem(table.problems, 3, 2, "never closed"));
    }
}

TEST_CASE("rows with too many or too few fields are located", "[io][csv]") {
    const auto table = read_csv("a,b,c\n1,2,3,4\n1,2\n", "f.csv");
    INFO(listed(table.problems));
    REQUIRE(table.problems.size() == 2);
    CHECK(has_problem(table.problems, 2, 4, "too many fields"));
    CHECK(has_problem(table.problems, 3, 3, "too few fields"));
    CHECK(table.problems[1].field == "c");
    CHECK(table.value.rows.empty());
}

TEST_CASE("invalid UTF-8 and NUL bytes are located by line and column", "[io][csv]") {
    SECTION("Latin-1 bytes from a file not saved as UTF-8") {
        const auto table = read_csv("a,b\nok,ok\nJos\xE9,x\n", "f.csv");
        CHECK(has_problem(table.problems, 3, 1, "line 3 is not valid UTF-8"));
    }
    SECTION("inside a quoted field the line is the one holding the bad byte") {
        const auto table = read_csv("a,b\n1,\"first\nsecond \xC3\"\n", "f.csv");
        CHECK(has_problem(table.problems, 3, 2, "line 3 is not valid UTF-8"));
    }
    SECTION("a NUL byte") {
        const auto table = read_csv(std::string_view("a,b\n1,x\0y\n", 10), "f.csv");
        CHECK(has_problem(table.problems, 2, 2, "NUL byte"));
    }
    SECTION("a UTF-16 file is named as such once") {
        const auto table = read_csv(std::string_view("\xFF\xFE"
                                                     "a\0,\0b\0",
                                                     8),
                                    "f.csv");
        REQUIRE(table.problems.size() == 1);
        CHECK(table.problems[0].message.find("UTF-16") != std::string::npos);
    }
}

TEST_CASE("a field of unreasonable length is refused", "[io][csv]") {
    const auto table = read_csv("a,b\n1," + std::string(1001, 'x') + "\n", "f.csv");
    CHECK(has_problem(table.problems, 2, 2, "field of unreasonable length"));
}

TEST_CASE("a file over the size limit is refused without reading it", "[io][csv]") {
    CsvLimits limits;
    limits.max_file_bytes = 10;
    const auto table = read_csv("a,b\n1,2\n3,4\n", "f.csv", limits);
    REQUIRE(table.problems.size() == 1);
    CHECK(table.problems[0].message.find("larger than") != std::string::npos);
}

TEST_CASE("an empty file is refused: it has no header", "[io][csv]") {
    CHECK_FALSE(read_csv("", "f.csv").ok());
    CHECK_FALSE(read_csv("\n\n", "f.csv").ok());
}

TEST_CASE("every bad row is reported, not just the first", "[io][csv]") {
    const auto table = read_csv("a,b\n1,2,3\ngood,row\nx\"y,2\n\"z\"q,2\n5\n", "f.csv");
    INFO(listed(table.problems));
    CHECK(table.problems.size() == 4);
    CHECK(has_problem(table.problems, 2, 3, "too many"));
    CHECK(has_problem(table.problems, 4, 1, "in the middle"));
    CHECK(has_problem(table.problems, 5, 1, "after the closing quote"));
    CHECK(has_problem(table.problems, 6, 2, "too few"));
    REQUIRE(table.value.rows.size() == 1);
    CHECK(table.value.rows[0].line == 3);
}
