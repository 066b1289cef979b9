// Names read back by four PDF engines, not only poppler: every kind of name a certificate prints (the
// certificate bench's 16), and Urdu and mixed-script titles and dates, must extract as the stored text (after
// NFC) with poppler (pdftotext), pdf.js (pdfjs-dist in node: Firefox's viewer and the text layer a screen reader
// reads there), MuPDF (mutool) and Chrome (Debian's chromium, headless: its viewer's copy of the whole document,
// from PDFium's text page, which its accessibility tree reads too).  pdf.js and MuPDF ignore /ActualText: they read
// only the fonts' ToUnicode maps; poppler and PDFium read /ActualText where it has printable text.
#include "certificate_support.hpp"
#include "core/date_format.hpp"
#include "pdf/practice_record.hpp"
#include "pdf/report.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <fstream>
#include <string>
#include <vector>

using namespace mitra;
using namespace mitra::pdf;
using namespace mitra::pdf::test;
namespace fs = std::filesystem;

namespace {

// The certificate bench's names (bench/certificates.cpp): every script the programme meets, hard cases included.
const Person kBenchNames[] = {
    {"Nguyễn Thị Minh Khai", "", "vi", "vi"},
    {"Đặng Thùy Trâm", "", "vi", "vi"},
    {"José María Ñúñez-Łukasiewicz", "", "en", "en"},
    {"髙橋 𠮷郎", "Takahashi Yoshiro", "ja", "ja"},
    {"山田 花子", "Yamada Hanako", "ja", "ja"},
    {"王小明", "Wang Xiaoming", "zh-Hans", "zh-Hans"},
    {"陳美麗", "Chan Mei-lai", "zh-Hant", "zh-Hant"},
    {"김민준", "Kim Min-jun", "ko", "ko"},
    {"สมชาย ใจดี", "Somchai Jaidee", "th", "th"},
    {"प्रिया शर्मा", "Priya Sharma", "hi", "hi"},
    {"রবীন্দ্রনাথ ঠাকুর", "Rabindranath Thakur", "bn", "bn"},
    {"ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ", "Gurpreet Singh", "pa", "pa"},
    {"முத்துலட்சுமி ரெட்டி", "Muthulakshmi Reddy", "ta", "ta"},
    {"\u0DC1\u0DCA\u200D\u0DBB\u0DD2\u0DBA\u0DCF\u0DB1\u0DD2 \u0DB4\u0DD9\u0DBB\u0DDA\u0DBB\u0DCF", "Sriyani Perera",
     "si", "si"},
    {"عائشہ خان", "Aisha Khan", "ur", "ur"},
    {"Maria 山田 Santos-عائشہ", "", "en", "en"},
};

struct Engine {
    const char* name;
    std::string (*extract)(const fs::path& pdf);
};

std::string tools_dir() { return (source_dir() / "tests" / "tools").string(); }

const Engine kEngines[] = {
    {"poppler", [](const fs::path& pdf) { return pdftotext(pdf); }},
    {"pdf.js",
     [](const fs::path& pdf) {
         const CmdResult r = run("node " + quote(tools_dir() + "/pdfjs-text.mjs") + " " + quote(pdf.string()));
         if (r.status != 0)
             throw std::runtime_error("pdf.js could not read " + pdf.string() +
                                      " (is tests/tools/node_modules installed? script/bootstrap does it)");
         return r.out;
     }},
    {"MuPDF",
     [](const fs::path& pdf) {
         const CmdResult r = run("mutool draw -q -F txt -o - " + quote(pdf.string()));
         if (r.status != 0) throw std::runtime_error("mutool could not read " + pdf.string());
         return r.out;
     }},
    {"Chrome",
     [](const fs::path& pdf) {
         const CmdResult r = run("node --experimental-websocket " + quote(tools_dir() + "/chrome-text.mjs") + " " +
                                 quote(pdf.string()));
         if (r.status != 0)
             throw std::runtime_error("Chrome could not read " + pdf.string() +
                                      " (script/bootstrap installs chromium)");
         return r.out;
     }},
};

// Bidi controls order a line and are not its text: poppler puts U+202B and U+202C around right-to-left words, and a
// stored date of a right-to-left cohort is isolated (U+2068, U+2069).
bool is_bidi_control(UChar32 c) {
    return c == 0x200B || c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
           (c >= 0x2066 && c <= 0x2069);
}

// NFC, without bidi controls, each run of white space made one space (engines differ in the spaces they put
// between words and lines).
std::string normalised(const std::string& utf8) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    REQUIRE(U_SUCCESS(status));
    const icu::UnicodeString text = nfc->normalize(icu::UnicodeString::fromUTF8(utf8), status);
    REQUIRE(U_SUCCESS(status));
    icu::UnicodeString kept;
    for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) {
        const UChar32 c = text.char32At(i);
        if (is_bidi_control(c)) continue;
        if (u_isUWhiteSpace(c)) {
            if (!kept.isEmpty() && kept.charAt(kept.length() - 1) != u' ') kept.append(u' ');
        } else {
            kept.append(c);
        }
    }
    std::string out;
    return kept.toUTF8String(out);
}

const char* const kUrduDates[] = {"2 اپریل، 2026", "5 جنوری، 2026 – 30 مارچ، 2026"};

fs::path engines_dir() {
    const fs::path dir = temp_dir() / "engines";
    fs::create_directories(dir);
    return dir;
}

// Checks that each engine extracts every one of `texts` from `pdf`; returns the failures, named.
std::vector<std::string> unread_in(const fs::path& pdf, const std::vector<std::string>& texts) {
    const std::string file = pdf.filename().string();
    std::vector<std::string> failures;
    for (const Engine& engine : kEngines) {
        const std::string extracted = normalised(engine.extract(pdf));
        for (const std::string& text : texts)
            if (extracted.find(normalised(text)) == std::string::npos)
                failures.push_back(std::string(engine.name) + " does not read \"" + text + "\" in " + file + ":\n" +
                                   extracted);
    }
    return failures;
}

// Checks that each engine reads `text` in `pdf` exactly `times` times.
void check_read_times(const fs::path& pdf, const std::string& text, std::size_t times) {
    const std::string wanted = normalised(text);
    for (const Engine& engine : kEngines) {
        const std::string extracted = normalised(engine.extract(pdf));
        std::size_t read = 0;
        for (auto at = extracted.find(wanted); at != std::string::npos; at = extracted.find(wanted, at + wanted.size()))
            ++read;
        INFO(engine.name << " reads:\n" << extracted);
        CHECK(read == times);
    }
}

// Writes the certificate and checks it as unread_in() does.
std::vector<std::string> unread(const CertificateContent& content, const std::vector<std::string>& texts,
                                const std::string& file) {
    const fs::path pdf = engines_dir() / file;
    render_to(CertificateRenderer(fonts()), shipped_template(shipped_template_name(content.kind)), content, pdf);
    return unread_in(pdf, texts);
}

}  // namespace

TEST_CASE("every kind of name a certificate prints comes back as its text in poppler, pdf.js, MuPDF and Chrome",
          "[engines]") {
    int n = 0;
    std::vector<std::string> failures;
    for (const Person& person : kBenchNames) {
        const auto more = unread(completion_for(person), {person.name}, "name-" + std::to_string(++n) + ".pdf");
        failures.insert(failures.end(), more.begin(), more.end());
    }
    for (const std::string& f : failures) UNSCOPED_INFO(f);
    CHECK(failures.empty());
}

TEST_CASE("Urdu and mixed-script titles and dates come back as their text in poppler, pdf.js, MuPDF and Chrome",
          "[engines]") {
    SECTION("an Urdu cohort's certificate: its title, its dates and the date it was issued, as whole lines") {
        CertificateContent c = completion_for({"عائشہ خان", "Aisha Khan", "ur", "ur"});
        c.curriculum_title.by_language["ur"] = "ہم مرتبہ معاونت کی بنیادیں";
        REQUIRE(format_date(c.issued_on, "ur") == kUrduDates[0]);
        REQUIRE(format_date_range(c.start_date, c.end_date, "ur") == kUrduDates[1]);
        // Lines that mix Urdu and Latin words, several of each, read as written: the site and dates (a Latin name
        // first in a right-to-left line), the date of issue, a role with its English.  Chrome read the Latin words
        // of such a line in reverse ("Centre Community Patan"), poppler put a line's Latin words after its Urdu.
        std::vector<std::string> texts = {
            "عائشہ خان", "ہم مرتبہ معاونت کی بنیادیں", std::string("Patan Community Centre، نیپال · ") + kUrduDates[1],
            std::string("تاریخِ اجرا ") + kUrduDates[0], "شریک سہولت کار · Co-facilitator"};
        for (const auto& m : c.modules) texts.push_back(m.title.in("ur"));
        const auto failures = unread(c, texts, "urdu-title.pdf");
        for (const std::string& f : failures) UNSCOPED_INFO(f);
        CHECK(failures.empty());
    }
    SECTION("an Urdu title with Latin words in brackets") {
        CertificateContent c = completion_for({"عائشہ خان", "Aisha Khan", "ur", "ur"});
        c.curriculum_title.by_language["ur"] = "ہم مرتبہ معاونت (Peer Support Foundations) کی بنیادیں";
        const auto failures = unread(c, {"ہم مرتبہ معاونت (Peer Support Foundations) کی بنیادیں"}, "urdu-brackets.pdf");
        for (const std::string& f : failures) UNSCOPED_INFO(f);
        CHECK(failures.empty());
    }
    SECTION(
        "a name and a title in Latin and Urdu letters, and a title in Devanagari and Latin, on English and Hindi "
        "certificates") {
        CertificateContent c = completion_for({"Maria 山田 Santos-عائشہ", "", "en", "en"});
        c.curriculum_title.by_language["en"] = "Peer Support Foundations: ہم مرتبہ معاونت";
        auto failures =
            unread(c, {"Maria 山田 Santos-عائشہ", "Peer Support Foundations: ہم مرتبہ معاونت"}, "mixed-title.pdf");
        CertificateContent hindi = completion_for({"प्रिया शर्मा", "Priya Sharma", "hi", "hi"});
        hindi.curriculum_title.by_language["hi"] = "साथी सहायता (Peer Support) पाठ्यक्रम";
        const auto more =
            unread(hindi, {"साथी सहायता (Peer Support) पाठ्यक्रम", format_date(hindi.issued_on, "hi")}, "mixed-hi.pdf");
        failures.insert(failures.end(), more.begin(), more.end());
        for (const std::string& f : failures) UNSCOPED_INFO(f);
        CHECK(failures.empty());
    }
}

TEST_CASE("the names in a report's table come back as their text in poppler, pdf.js, MuPDF and Chrome", "[engines]") {
    ReportContent r;
    r.language = "en";
    r.subtitle_lines = {"Period 2026-01-01 to 2026-03-31"};
    ReportTable people;
    people.title = "People";
    people.header = {"name", "attended"};
    std::vector<std::string> names;
    for (const Person& person : kBenchNames) {
        people.rows.push_back({person.name, "12"});
        names.emplace_back(person.name);
    }
    r.tables = {people};
    const fs::path pdf = engines_dir() / "report.pdf";
    std::ofstream(pdf, std::ios::binary) << render_report_pdf(fonts(), r);
    const auto failures = unread_in(pdf, names);
    for (const std::string& f : failures) UNSCOPED_INFO(f);
    CHECK(failures.empty());
}

TEST_CASE("a bidi mark inside a Latin word of a line with Urdu letters leaves the word whole in every engine",
          "[engines]") {
    // A line with a right-to-left run gives poppler each Latin word as an /ActualText span: the span's text must
    // run past the mark (which draws nothing) to the end of the word.
    const std::string name = "Mar\u200Eia Santos-عائشہ";
    const auto failures = unread(completion_for({name.c_str(), "", "en", "en"}), {name}, "mark-in-word.pdf");
    for (const std::string& f : failures) UNSCOPED_INFO(f);
    CHECK(failures.empty());
}

TEST_CASE("an Urdu name comes back once in every engine, not again after each piece of the invisible layer",
          "[engines]") {
    // PDFium took a Nastaliq run's /ActualText again after each piece of the line's invisible layer that it sorted
    // between the run's text objects (measured in @embedpdf/pdfium's build) ("عائشہ خان عائشہ خانعائشہ خان...").
    const Person person{"عائشہ خان", "Aisha Khan", "ur", "ur"};
    const fs::path pdf = engines_dir() / "urdu-name-once.pdf";
    const CertificateContent content = completion_for(person);
    render_to(CertificateRenderer(fonts()), shipped_template(shipped_template_name(content.kind)), content, pdf);
    check_read_times(pdf, person.name, 1);
}

TEST_CASE("a page whose first text is an Urdu line reads in order in every engine, on each page", "[engines]") {
    // Chrome's PDFium reverses the /ActualText of a page's first text where it reads right to left: an Urdu
    // letter's heading came back backwards there, and forwards once any text came before it.
    const std::vector<std::string> lines = {"ہم مرتبہ معاونت میں آپ کی پیش رفت", "30 جون، 2026",
                                            "عائشہ خان (Aisha Khan)"};
    const fs::path pdf = engines_dir() / "urdu-first.pdf";
    {
        Doc doc;
        TextRenderer text(doc.h, fonts());
        for (int p = 0; p < 2; ++p) {
            HPDF_Page page = HPDF_AddPage(doc.h);
            double y = 760;
            for (const std::string& line : lines) {
                text.draw(page, line, 60, y, {"sans", false, 16, "ur"});
                y -= 40;
            }
        }
        HPDF_SaveToFile(doc.h, pdf.c_str());
    }
    const auto failures = unread_in(pdf, lines);
    for (const std::string& f : failures) UNSCOPED_INFO(f);
    CHECK(failures.empty());
    check_read_times(pdf, lines[0], 2);  // the heading of each page, once each
}

TEST_CASE("a right-to-left table's rows, and a row with an Urdu name, read in order in every engine", "[engines]") {
    // Chrome's PDFium takes a row's cells for one line and ordered them itself: an Urdu table's cells came back
    // left to right ("شمار منٹ نوعیت دن"), a report's row with an Urdu name number first ("12 عائشہ خان").
    RecordText record;
    record.language = "ur";
    record.right_to_left = true;
    record.title = "زیرِ نگرانی مشق کی تصدیق";
    RecordTable table;
    table.header = {"دن", "نوعیت", "منٹ", "شمار"};
    table.rows = {{"1 مارچ، 2026", "انفرادی", "60", "شمار ہوا"}, {"3 مارچ، 2026", "گروہ میں", "90", "شمار نہیں ہوا"}};
    table.shares = {0.3, 0.2, 0.15, 0.35};
    record.sections = {{"M10 Supervised practicum", {}, {}, {table}}};
    record.footer = "P-007";
    const fs::path pdf = engines_dir() / "urdu-table.pdf";
    std::ofstream(pdf, std::ios::binary) << render_practice_record(fonts(), record);
    std::vector<std::string> rows;
    for (const auto& cells : std::vector<std::vector<std::string>>{table.header, table.rows[0], table.rows[1]}) {
        std::string row;
        for (const std::string& cell : cells) row += (row.empty() ? "" : " ") + cell;
        rows.push_back(row);
    }
    // pdf.js, MuPDF and poppler read the table as they always did: each cell whole (poppler column by column).
    auto failures = unread_in(pdf, table.rows[1]);
    for (const Engine& engine : kEngines) {
        if (std::string(engine.name) != "Chrome") continue;
        const std::string extracted = normalised(engine.extract(pdf));
        for (const std::string& row : rows)
            if (extracted.find(normalised(row)) == std::string::npos)
                failures.push_back("Chrome does not read the row \"" + row + "\":\n" + extracted);
    }
    ReportContent r;
    r.language = "en";
    ReportTable people;
    people.title = "People";
    people.header = {"name", "attended"};
    people.rows = {{"عائشہ خان", "12"}, {"Maria Santos", "7"}};
    r.tables = {people};
    const fs::path report = engines_dir() / "report-row.pdf";
    std::ofstream(report, std::ios::binary) << render_report_pdf(fonts(), r);
    for (const Engine& engine : kEngines)
        if (std::string(engine.name) == "Chrome" &&
            normalised(engine.extract(report)).find(normalised("عائشہ خان 12")) == std::string::npos)
            failures.push_back("Chrome does not read the row \"عائشہ خان 12\":\n" + engine.extract(report));
    for (const std::string& f : failures) UNSCOPED_INFO(f);
    CHECK(failures.empty());
}
