// The supervisor's verification (issue 21) in English, Japanese and Urdu, worded and rendered without a database, and
// read back as a reader gets it: a tagged table of the entries, the reason an entry does not count, /Lang, and a
// long table carried onto a second page with its header drawn again. PNGs in /tmp/verification/ to look at.
#include <catch2/catch.hpp>

#include "core/date_format.hpp"
#include "core/model.hpp"
#include "io/catalog.hpp"
#include "support.hpp"
#include "workflow/practice_record.hpp"

#include <fstream>

using namespace mitra;
using namespace mitra::pdf::test;
namespace fs = std::filesystem;

namespace {

Date d(const char* text) { return *parse_date(text); }

// P-007 supervised by S-1 (credential to 31 March 2026): `count` one-to-one entries from 1 March 2026, the last
// days after the credential lapsed.
workflow::GatheredPractice practice(const std::string& language, const std::string& name, int count) {
    workflow::GatheredPractice p;
    p.person.ref = "P-007";
    p.person.full_name = name;
    p.cohort.code = "KTM-2026-1";
    p.curriculum_title = "Peer support";
    p.language = language;
    p.catalog = language == "en" ? "" : language;
    p.today = d("2026-06-30");
    Supervisor s;
    s.ref = "S-1";
    s.name = "Ruth Okafor";
    s.credentials = {{"Certified Peer Supervisor", d("2024-04-01"), d("2026-03-31")}};
    p.supervisors = {s};
    Module m;
    m.code = "M10";
    m.title.by_language = {{"en", "Supervised practicum"}};
    m.supervised_minutes = 2400;
    m.supervision = {1200, 600, 1200};
    std::vector<SupervisionEntry> entries;
    for (int i = 0; i < count; ++i)
        entries.push_back({"", "P-007", "M10", "S-1", SupervisionFormat::one_to_one, 60,
                           add_days(d("2026-03-01"), i * 2), "a note never printed"});
    p.modules.push_back(
        {"M10", "Supervised practicum", 2400, m.supervision, account_supervision(m, entries, p.supervisors)});
    return p;
}

struct Rendered {
    fs::path pdf;
    std::string text, structure, info;
};

Rendered render(const workflow::GatheredPractice& p, const std::string& base) {
    const std::string bytes =
        pdf::render_practice_record(fonts(), workflow::word_supervisor_verification(p, "S-1", io::catalog(p.catalog)));
    const fs::path dir = "/tmp/verification";
    fs::create_directories(dir);
    const fs::path pdf = dir / (base + ".pdf");
    std::ofstream(pdf, std::ios::binary) << bytes;
    run("pdftoppm -r 50 -png " + quote(pdf.string()) + " " + quote((dir / base).string()));
    return {pdf, run("pdftotext -layout " + quote(pdf.string()) + " -").out,
            run("pdfinfo -struct-text " + quote(pdf.string())).out, run("pdfinfo " + quote(pdf.string())).out};
}

}  // namespace

TEST_CASE("a supervisor's verification is a tagged table of their entries, in the person's language and script",
          "[pdf][verification]") {
    for (const auto& [language, name] : std::vector<std::pair<std::string, std::string>>{
             {"en", "Asha Gurung"}, {"ja", "山田 花子"}, {"ur", "عائشہ خان"}}) {
        CAPTURE(language);
        const auto r = render(practice(language, name, 20), "verification-" + language);
        // Right-to-left lines read in logical order from the structure text (their /ActualText).
        const std::string& all = language == "ur" ? r.structure : r.text;
        CHECK(all.find(name) != std::string::npos);
        CHECK(all.find(format_date(d("2026-03-31"), language)) != std::string::npos);  // the credential's end
        CHECK(r.text.find("a note never printed") == std::string::npos);
        for (const char* role : {"H1", "H2", "Table", "TR", "TH", "TD", "L", "LI"}) {
            CAPTURE(role);
            CHECK((r.structure.find(std::string("\n") + role) != std::string::npos ||
                   r.structure.find(std::string(" ") + role) != std::string::npos));
        }
        const std::string plain = run("qpdf --qdf --object-streams=disable " + quote(r.pdf.string()) + " -").out;
        CHECK(plain.find("/Lang (" + language + ")") != std::string::npos);
        CHECK(r.info.find("Tagged:          yes") != std::string::npos);
    }
    // Urdu lines with what people typed in Latin letters read as written in poppler (Evince) and in Chrome: the
    // cohort's code and the title with the Arabic comma between them, the credential with its dates.
    {
        const auto ur = render(practice("ur", "عائشہ خان", 2), "verification-ur-lines");
        auto plain = [](std::string text) {
            for (const char* control : {"\u202A", "\u202B", "\u202C", "\u200E", "\u200F"})
                for (auto at = text.find(control); at != std::string::npos; at = text.find(control))
                    text.erase(at, std::string(control).size());
            return text;
        };
        const std::string poppler = plain(run("pdftotext " + quote(ur.pdf.string()) + " -").out);
        const std::string chrome =
            run("node --experimental-websocket " +
                quote(std::string(MITRA_SOURCE_DIR) + "/tests/tools/chrome-text.mjs") + " " + quote(ur.pdf.string()))
                .out;
        for (const std::string& line : {std::string("گروپ KTM-2026-1، Peer support"),
                                        "Certified Peer Supervisor، " + format_date(d("2024-04-01"), "ur")}) {
            CAPTURE(line);
            INFO("poppler:\n" << poppler << "\nChrome:\n" << chrome);
            CHECK(poppler.find(line) != std::string::npos);
            CHECK(chrome.find(line) != std::string::npos);
        }
    }
    // English: 16 days within the credential, then 4 after it lapsed.
    const auto en = render(practice("en", "Asha Gurung", 20), "verification-en");
    CHECK(en.text.find("not counted: credential expired on 31 March 2026") != std::string::npos);
}

TEST_CASE("a verification longer than a page carries its table on, the header again, every entry once",
          "[pdf][verification]") {
    const auto r = render(practice("en", "Asha Gurung", 60), "verification-long");
    CHECK(r.info.find("Pages:           1\n") == std::string::npos);
    std::size_t days = 0;
    for (std::size_t at = 0; (at = r.structure.find("one-to-one", at)) != std::string::npos; ++at) ++days;
    CHECK(days == 60 + 1);  // each entry's format cell once, and the rule "one-to-one" of the totals
    // The header on the second page is decoration: it is in the page's text, not in the structure a second time.
    std::size_t headers = 0;
    for (std::size_t at = 0; (at = r.text.find("Counts", at)) != std::string::npos; ++at) ++headers;
    CHECK(headers == 2);
}
