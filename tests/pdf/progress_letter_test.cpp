// The progress letter (issue 21) in English, Japanese and Urdu: worded through the catalogs, rendered, and read back
// as a reader gets it (pdftotext, poppler's structure text); PNGs in /tmp/letter/ to look at.
#include <catch2/catch.hpp>

#include "core/date_format.hpp"
#include "io/catalog.hpp"
#include "support.hpp"
#include "workflow/progress_letter.hpp"

#include <algorithm>
#include <fstream>

using namespace mitra;
using namespace mitra::pdf::test;
namespace fs = std::filesystem;

namespace {

Date d(const char* text) { return *parse_date(text); }

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

// A person asked to repeat one criterion of M04, with a result of M06 still to come, supervision so far and an
// extended deadline.
ProgressLetter letter(const std::string& language, const std::string& name, const std::string& title,
                      const std::string& criterion) {
    ProgressLetter l;
    l.address = {"P-007", name, language, "KTM-2026-1", title, "Trainer Tara", d("2026-06-30")};
    l.done = {{"M01", title + " 1"}, {"M02", title + " 2"}};
    Shortfall repeat;
    repeat.kind = Shortfall::Kind::criterion_below_level;
    repeat.number = 2;
    repeat.note = criterion;
    repeat.done = 1;
    repeat.needed = 2;
    repeat.on = d("2026-03-02");
    Shortfall pending;
    pending.kind = Shortfall::Kind::observation_result_pending;
    pending.on = d("2026-05-10");
    Shortfall one_to_one;
    one_to_one.kind = Shortfall::Kind::one_to_one_practice;
    one_to_one.done = 540;
    one_to_one.needed = 600;
    l.remaining = {{"M04", title + " 4", repeat}, {"M06", title + " 6", pending}, {"M10", title + " 10", one_to_one}};
    l.asked_to_repeat = true;
    l.one_to_one_minutes = 540;
    l.group_minutes = 300;
    l.supervised_minutes = 840;
    Deadline deadline{d("2027-07-01"), d("2027-12-31"), DeadlineExtension{}};
    l.deadline = deadline;
    return l;
}

struct Rendered {
    fs::path pdf;
    std::string text, structure;
};

Rendered render(const std::string& catalog, const ProgressLetter& l) {
    const io::Catalog& words = io::catalog(catalog);
    const std::string bytes = pdf::render_progress_letter(fonts(), workflow::word_progress_letter(l, words));
    const fs::path dir = "/tmp/letter";
    fs::create_directories(dir);
    const std::string base = "letter-" + (catalog.empty() ? std::string("en") : catalog);
    const fs::path pdf = dir / (base + ".pdf");
    std::ofstream(pdf, std::ios::binary) << bytes;
    run("pdftoppm -r 50 -png " + quote(pdf.string()) + " " + quote((dir / base).string()));
    Rendered r{pdf, run("pdftotext -layout " + quote(pdf.string()) + " -").out,
               run("pdfinfo -struct-text " + quote(pdf.string())).out};
    return r;
}

}  // namespace

TEST_CASE("a progress letter reads back with the person's name, the dates and what remains, and never says fail",
          "[pdf][letter]") {
    struct Case {
        std::string catalog, language, name, title, criterion;
    };
    const std::vector<Case> cases{
        {"", "en", "Asha Gurung", "Peer support", "listening without advice"},
        {"ja", "ja", "山田 花子", "ピアサポート", "助言せずに聴く"},
        {"ur", "ur", "عائشہ خان", "ہم مرتبہ معاونت", "مشورے کے بغیر سننا"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.language);
        const auto r = render(c.catalog, letter(c.language, c.name, c.title, c.criterion));
        // The structure text gives each line in logical order (right-to-left lines through /ActualText).
        const std::string& all = c.language == "ur" ? r.structure : r.text;
        CHECK(all.find(c.name) != std::string::npos);
        CHECK(all.find(c.criterion) != std::string::npos);
        CHECK(all.find("Trainer Tara") != std::string::npos);
        CHECK(all.find(format_date(d("2027-12-31"), c.language)) != std::string::npos);  // the extended deadline
        CHECK(all.find(format_date(d("2026-05-10"), c.language)) != std::string::npos);  // the result to come
        CHECK(lower(r.text).find("fail") == std::string::npos);
        CHECK(lower(r.structure).find("fail") == std::string::npos);
        // Tagged: a heading, paragraphs and lists, in the letter's language.
        for (const char* role : {"H1", "H2", "P", "L", "LI", "LBody"}) {
            CAPTURE(role);
            const bool tagged = r.structure.find(std::string("\n") + role) != std::string::npos ||
                                r.structure.find(std::string(" ") + role) != std::string::npos;
            CHECK(tagged);
        }
        const std::string plain = run("qpdf --qdf --object-streams=disable " + quote(r.pdf.string()) + " -").out;
        CHECK(plain.find("/Lang (" + c.language + ")") != std::string::npos);
        const std::string info = run("pdfinfo " + quote(r.pdf.string())).out;
        const auto tagged_at = info.find("Tagged:");
        REQUIRE(tagged_at != std::string::npos);
        CHECK(info.substr(tagged_at, info.find('\n', tagged_at) - tagged_at).ends_with("yes"));
    }
}
