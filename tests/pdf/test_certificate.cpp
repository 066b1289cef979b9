// Certificates: the shipped templates rendered for names in every script, read back with poppler-utils.
#include "certificate_support.hpp"
#include "core/date_format.hpp"
#include "pdf/certificate.hpp"
#include "pdf/qr.hpp"
#include "pdf/shaping.hpp"
#include "pdf/stream_deflate.hpp"
#include "io/durable.hpp"
#include "workflow/certificates.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>
#include <libdeflate.h>
#include <unicode/ubidi.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <memory>
#include <set>

using namespace mitra;
using namespace mitra::pdf;
using namespace mitra::pdf::test;
namespace fs = std::filesystem;
using mitra::workflow::BatchCertificate;
using mitra::workflow::BatchFiles;
using mitra::workflow::write_certificate_files;

namespace {

const Person kPeople[] = {
    {"山田 花子", "Yamada Hanako", "ja", "ja"},
    {"김민준", "Kim Minjun", "ko", "ko"},
    {"สมชาย ใจดี", "Somchai Jaidee", "th", "th"},
    {"प्रिया शर्मा", "Priya Sharma", "hi", "hi"},
    {"ශ්‍රියානි", "Sriyani", "si", "en"},
    {"عائشہ خان", "Aisha Khan", "ur", "en"},
    {"Nguyễn Thị Minh Khai", "", "vi", "en"},
    {"Sukarno", "", "id", "id"},
};

// How many pixels of two renderings of the same page differ visibly (more than 24 grey levels).
long pixels_differing(const Gray& a, const Gray& b) {
    REQUIRE(a.px.size() == b.px.size());
    long differ = 0;
    for (std::size_t k = 0; k < a.px.size(); ++k) differ += std::abs(a.px[k] - b.px[k]) > 24;
    return differ;
}

std::string slurp(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

std::string info(const fs::path& pdf) { return run("pdfinfo " + quote(pdf.string())).out; }

// No stray temporary files next to what was written.
bool only_pdfs_named(const fs::path& dir, std::initializer_list<std::string> names) {
    std::size_t count = 0;
    for (const auto& entry : fs::directory_iterator(dir)) {
        const std::string file = entry.path().filename().string();
        if (std::find(names.begin(), names.end(), file) == names.end()) return false;
        ++count;
    }
    return count == names.size();
}

// A line as a screen shows it: the Unicode bidi algorithm (ICU, first strong character decides the paragraph)
// over logical text, bidi controls removed, runs of spaces as one.
std::string displayed(const std::string& logical) {
    const icu::UnicodeString text = icu::UnicodeString::fromUTF8(logical);
    UErrorCode err = U_ZERO_ERROR;
    std::unique_ptr<UBiDi, void (*)(UBiDi*)> bidi(ubidi_open(), ubidi_close);
    ubidi_setPara(bidi.get(), text.getBuffer(), text.length(), UBIDI_DEFAULT_LTR, nullptr, &err);
    std::vector<UChar> out(static_cast<std::size_t>(text.length()) + 1);
    const int32_t n = ubidi_writeReordered(bidi.get(), out.data(), static_cast<int32_t>(out.size()),
                                           UBIDI_REMOVE_BIDI_CONTROLS, &err);
    REQUIRE(U_SUCCESS(err));
    std::string utf8, squeezed;
    icu::UnicodeString(out.data(), n).toUTF8String(utf8);
    for (char ch : utf8)
        if (ch != ' ' || (!squeezed.empty() && squeezed.back() != ' ')) squeezed += ch;
    while (!squeezed.empty() && squeezed.back() == ' ') squeezed.pop_back();
    return squeezed;
}

fs::path fresh_dir(const std::string& name) {
    const fs::path dir = temp_dir() / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

}  // namespace

TEST_CASE("a completion certificate prints every name on one A4 landscape page", "[certificate]") {
    const CertificateTemplate tmpl = shipped_template("programme-completion.toml");
    CertificateRenderer renderer(fonts());
    int number = 100;
    for (const Person& person : kPeople) {
        INFO(person.name << " (" << person.cohort_language << " cohort)");
        const CertificateContent content = completion_for(person, ++number);
        const fs::path dir = fresh_dir("completion-" + std::to_string(number));
        const fs::path pdf = dir / "certificate.pdf";
        render_to(renderer, tmpl, content, pdf);

        CHECK(only_pdfs_named(dir, {"certificate.pdf"}));
        const std::string meta = squeeze(info(pdf));
        CHECK_THAT(meta, Catch::Contains("Pages:1") && Catch::Contains("Pagesize:841.89x595.276pts(A4)"));
        CHECK_THAT(meta, Catch::Contains("Keywords:" + content.qr_text));

        const std::string text = squeeze(pdftotext(pdf));
        INFO("pdftotext: " << text);
        CHECK_THAT(text, Catch::Contains(squeeze(person.name)));
        CHECK_THAT(text, Catch::Contains(content.serial));
        CHECK_THAT(text, Catch::Contains("CertificateofCompletion"));
        CHECK_THAT(text, Catch::Contains("PeerSupportFoundations"));

        // Ink where the name block is (baseline 72 mm from the top, 36 pt), and none beside it in the same band.
        const Gray img = rasterise(pdf, 50);
        const double px_per_mm = 50 / 25.4;
        const long name_ink = img.dark(static_cast<int>(30 * px_per_mm), static_cast<int>(60 * px_per_mm),
                                       static_cast<int>(267 * px_per_mm), static_cast<int>(74 * px_per_mm));
        const long gap_ink = img.dark(static_cast<int>(14 * px_per_mm), static_cast<int>(60 * px_per_mm),
                                      static_cast<int>(28 * px_per_mm), static_cast<int>(74 * px_per_mm));
        CHECK(name_ink > 40);
        CHECK(gap_ink == 0);

        CHECK(fs::file_size(pdf) < 60 * 1024);
    }
}

TEST_CASE("an English cohort's certificate is in English only", "[certificate]") {
    const CertificateTemplate tmpl = shipped_template("programme-completion.toml");
    CertificateRenderer renderer(fonts());
    const fs::path pdf = fresh_dir("english") / "c.pdf";
    render_to(renderer, tmpl, completion_for({"Sukarno", "", "id", "en"}), pdf);
    const std::string text = pdftotext(pdf);
    // The title once, not twice: the English second line is left out.
    const auto first = text.find("Certificate of Completion");
    REQUIRE(first != std::string::npos);
    CHECK(text.find("Certificate of Completion", first + 1) == std::string::npos);
    CHECK_THAT(text, Catch::Contains("5 January – 30 March 2026"));
    CHECK_THAT(text, Catch::Contains("Lived Experience and Mutuality — 6 hours"));
}

TEST_CASE("a Japanese cohort's certificate is in Japanese, then English", "[certificate]") {
    const CertificateTemplate tmpl = shipped_template("programme-completion.toml");
    CertificateRenderer renderer(fonts());
    const fs::path pdf = fresh_dir("japanese") / "c.pdf";
    render_to(renderer, tmpl, completion_for(kPeople[0]), pdf);
    const std::string text = squeeze(pdftotext(pdf));
    CHECK_THAT(text, Catch::Contains("修了証"));
    CHECK_THAT(text, Catch::Contains("ピアサポートの基礎"));
    CHECK_THAT(text, Catch::Contains("2026年1月5日～3月30日"));
    CHECK_THAT(text, Catch::Contains("当事者としての経験と相互性—6時間"));  // modules in the cohort's language
    CHECK_THAT(text, Catch::Contains("YamadaHanako"));
    CHECK_THAT(text, Catch::Contains("ネパール"));  // the country in the line's language, not "Nepal"
    CHECK(text.find("修了証") < text.find("CertificateofCompletion"));
}

namespace {

// A plain grey square as a PNG file (8-bit greyscale, one IDAT), for templates with images.
void write_grey_png(const fs::path& file, unsigned side, unsigned char grey) {
    auto be32 = [](std::string& out, std::uint32_t v) {
        for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((v >> shift) & 0xFF);
    };
    std::string png = "\x89PNG\r\n\x1A\n";
    auto chunk = [&](const char* type, const std::string& data) {
        be32(png, static_cast<std::uint32_t>(data.size()));
        const std::string body = type + data;
        png += body;
        be32(png, libdeflate_crc32(0, body.data(), body.size()));
    };
    std::string header;
    be32(header, side);
    be32(header, side);
    header += std::string("\x08\x00\x00\x00\x00", 5);  // 8 bits, greyscale, deflate, no filter, no interlace
    std::string rows;
    for (unsigned y = 0; y < side; ++y) rows += '\0' + std::string(side, static_cast<char>(grey));
    chunk("IHDR", header);
    chunk("IDAT", deflate_bytes(rows));
    chunk("IEND", "");
    std::ofstream(file, std::ios::binary) << png;
}

}  // namespace

TEST_CASE("a template's images lie over the frame and under the rules and text, in a batch as alone",
          "[certificate][batch][layer]") {
    // A seal over the rule under the title, another over the frame's corner.
    const fs::path dir = fresh_dir("layer-images"), alone = fresh_dir("layer-images-alone");
    write_grey_png(dir / "seal.png", 32, 128);
    CertificateTemplate tmpl = shipped_template("programme-completion.toml");
    tmpl.images.push_back({(dir / "seal.png").string(), 120, 48, 60, 0, nullptr});
    tmpl.images.push_back({(dir / "seal.png").string(), 0, 0, 30, 0, nullptr});
    CertificateRenderer renderer(fonts());
    std::vector<BatchCertificate> batch = {{completion_for(kPeople[0], 801), false},
                                           {completion_for(kPeople[6], 802), false}};
    const BatchFiles files = write_certificate_files(renderer, tmpl, batch, dir, "");
    REQUIRE(files.files.size() == 2);
    for (std::size_t i = 0; i < files.files.size(); ++i) {
        INFO(batch[i].content.full_name);
        const fs::path single = alone / files.files[i].filename();
        render_to(renderer, tmpl, batch[i].content, single);
        const Gray a = rasterise(files.files[i], 50), b = rasterise(single, 50);
        CHECK(pixels_differing(a, b) == 0);
    }
}

TEST_CASE("a template's image is drawn from the bytes the template check read, never read again from disk",
          "[certificate][image]") {
    const fs::path dir = fresh_dir("image-bytes");
    write_grey_png(dir / "seal.png", 32, 0);
    CertificateTemplate tmpl = shipped_template("programme-completion.toml");
    // The bytes were checked; the file was then replaced by one that is not an image at all.
    tmpl.images.push_back(
        {(dir / "seal.png").string(), 0, 0, 60, 0, std::make_shared<const std::string>(slurp(dir / "seal.png"))});
    { std::ofstream(dir / "seal.png", std::ios::binary | std::ios::trunc) << "not an image"; }
    CertificateRenderer renderer(fonts());
    const fs::path file = dir / "with-seal.pdf";
    render_to(renderer, tmpl, completion_for(kPeople[0], 811), file);
    // The black seal is in the top-left corner, 60 mm wide: dark pixels there at 50 dpi.
    CHECK(rasterise(file, 50).dark(20, 20, 100, 100) > 3000);
}

TEST_CASE("an Urdu cohort's certificate keeps Nastaliq where it has room and writes over no other line",
          "[certificate][urdu]") {
    const CertificateTemplate tmpl = shipped_template("programme-completion.toml");
    CertificateRenderer renderer(fonts());
    const fs::path pdf = fresh_dir("urdu") / "c.pdf";
    render_to(renderer, tmpl, completion_for({"عائشہ خان", "Aisha Khan", "ur", "ur"}), pdf);
    const std::string listed = run("pdffonts " + quote(pdf.string())).out;
    INFO(listed);
    CHECK_THAT(listed, Catch::Contains("NotoNastaliqUrdu-Bold"));   // the name keeps within its line
    CHECK_THAT(listed, Catch::Contains("NotoNaskhArabic-Bold"));    // the title would climb into "M I T R A"
    CHECK_THAT(listed, Catch::Contains("NotoSansArabic-Regular"));  // so would "has completed" into the Latin name

    const Gray img = rasterise(pdf, 100);
    auto px = [](double mm) { return static_cast<int>(mm * 100 / 25.4); };
    // Between the inner frame (10 mm from the top) and the capitals of "M I T R A" (baseline 23 mm): nothing.
    CHECK(img.dark(px(30), px(11), px(267), px(20)) == 0);
    // Between the Latin name (baseline 81 mm) and the line under it (baseline 91 mm, 12 pt): nothing.
    CHECK(img.dark(px(30), px(82.5), px(267), px(86)) == 0);
    // And the name is there, large.
    CHECK(img.dark(px(30), px(60), px(267), px(74)) > 400);

    // The site-and-dates line as a reader sees it when pasted: pdftotext gives it as an RTL paragraph with
    // embedding marks, which the bidi algorithm must lay out exactly as the page shows the line the certificate
    // wrote: right to left, as the certificate's language reads (a right-to-left mark first, since the Latin site
    // comes first), site, country, then the dates kept whole by an isolate.
    const std::string text = pdftotext(pdf);
    const std::string country = "نیپال";
    REQUIRE(text.find(country) != std::string::npos);
    const std::string head = text.substr(0, text.find("مکمل کیے گئے ماڈیول"));
    INFO(head);
    for (const char* part : {"جنوری", "مارچ", "2026", "30", "5", "–"}) CHECK(head.find(part) != std::string::npos);
    const auto line_start = text.rfind('\n', text.find(country)) + 1;
    const std::string line = text.substr(line_start, text.find('\n', line_start) - line_start);
    const std::string written = "\u200FPatan Community Centre\u060C " + country + "  ·  \u2068" +
                                format_date_range({2026, 1, 5}, Date{2026, 3, 30}, "ur") + "\u2069";
    CHECK(displayed(line) == displayed(written));
    // The isolate that keeps them so is not part of the text.
    for (const char* control : {"\u2066", "\u2067", "\u2068", "\u2069"}) CHECK(text.find(control) == std::string::npos);
}

TEST_CASE("a right-to-left cohort whose language has no month names keeps the English date in order",
          "[certificate][urdu]") {
    const CertificateTemplate tmpl = shipped_template("programme-completion.toml");
    CertificateRenderer renderer(fonts());
    const fs::path pdf = fresh_dir("dari") / "c.pdf";
    CertificateContent c = completion_for({"Sukarno", "", "id", "fa"});
    c.country = "AF";
    render_to(renderer, tmpl, c, pdf);
    const std::string text = pdftotext(pdf);
    CHECK_THAT(text, Catch::Contains("5 January – 30 March 2026"));
    CHECK_THAT(text, Catch::Contains("2 April 2026"));
}

TEST_CASE("a certificate drawn with a batch's shaped text is the one drawn afresh", "[certificate][cache]") {
    // The renderer shapes text that is the same on every certificate once; the file must not show it.
    const CertificateTemplate tmpl = shipped_template("programme-completion.toml");
    const fs::path dir = fresh_dir("shaped-once");
    CertificateRenderer batch(fonts());
    for (const Person& person : kPeople) render_to(batch, tmpl, completion_for(person, 300), dir / "other.pdf");
    for (const Person& person : kPeople) {
        INFO(person.name);
        render_to(batch, tmpl, completion_for(person, 301), dir / "batch.pdf");
        render_to(CertificateRenderer(fonts()), tmpl, completion_for(person, 301), dir / "fresh.pdf");
        CHECK(slurp(dir / "batch.pdf") == slurp(dir / "fresh.pdf"));
    }
}

TEST_CASE("a batch's files draw the template's part from one form and look as certificates drawn alone",
          "[certificate][batch][layer]") {
    // A batch lays out what its certificates share once (a Form XObject, its fonts frozen) and draws only the
    // person's own part on each page.  The files must look as a certificate rendered alone, which draws it all.
    const CertificateTemplate tmpl = shipped_template("programme-completion.toml");
    CertificateRenderer renderer(fonts());
    const fs::path alone = fresh_dir("layer-alone"), dir = fresh_dir("layer-batch");
    std::vector<BatchCertificate> batch;
    int number = 700;
    for (const Person& person : kPeople) batch.push_back({completion_for(person, ++number), false});
    batch.push_back({completion_for({"Siti Rahayu", "", "id", "id"}, ++number), false});  // another in one cohort
    const BatchFiles files = write_certificate_files(renderer, tmpl, batch, dir, "print.pdf");
    REQUIRE(files.files.size() == batch.size());
    auto forms = [](const std::string& pdf) {
        std::size_t n = 0;
        for (auto at = pdf.find("/Subtype /Form"); at != std::string::npos; at = pdf.find("/Subtype /Form", at + 1))
            ++n;
        return n;
    };
    std::set<std::string> languages;
    for (std::size_t i = 0; i < batch.size(); ++i) {
        const CertificateContent& c = batch[i].content;
        INFO(c.full_name << " (" << c.language << " cohort)");
        languages.insert(c.language);
        const fs::path file = files.files[i], single = alone / file.filename();
        render_to(renderer, tmpl, c, single);
        CHECK(forms(slurp(file)) == 1);
        CHECK(forms(slurp(single)) == 0);

        const std::string text = squeeze(pdftotext(file));
        CHECK_THAT(text, Catch::Contains(squeeze(c.full_name)) && Catch::Contains(c.serial));
        CHECK_THAT(text, Catch::Contains("PeerSupportFoundations"));
        for (const auto& other : batch)  // the shared part holds no one's name
            if (other.content.full_name != c.full_name)
                CHECK_THAT(text, !Catch::Contains(squeeze(other.content.full_name)));

        const Gray a = rasterise(file, 50), b = rasterise(single, 50);

        CHECK(pixels_differing(a, b) == 0);
        CHECK(a.dark(0, 0, a.w, a.h) > 2000);
        CHECK(fs::file_size(file) < 60 * 1024);
    }
    // A name in Latin letters, its Latin name, the serial and the verify note use the form's fonts: each face once.
    for (std::size_t i : {std::size_t{6}, std::size_t{7}, std::size_t{8}}) {
        const std::string listed = run("pdffonts " + quote(files.files[i].string())).out;
        INFO(listed);
        for (const char* face : {"NotoSans-Regular", "NotoSans-Bold"}) {
            std::size_t n = 0;
            for (auto at = listed.find(std::string("+") + face + " "); at != std::string::npos;
                 at = listed.find(std::string("+") + face + " ", at + 1))
                ++n;
            CHECK(n == 1);
        }
    }
    // The print file draws each language's form on all its pages.
    const std::string print = slurp(files.print_file);
    CHECK(forms(print) == languages.size());
    const std::string text = squeeze(pdftotext(files.print_file));
    for (const auto& b : batch) CHECK_THAT(text, Catch::Contains(squeeze(b.content.full_name)));
}

TEST_CASE("a module certificate prints on A4 portrait", "[certificate]") {
    const CertificateTemplate tmpl = shipped_template("module-participation.toml");
    CertificateRenderer renderer(fonts());
    const fs::path pdf = fresh_dir("module") / "m.pdf";
    render_to(renderer, tmpl, module_for(kPeople[3]), pdf);
    const std::string meta = squeeze(info(pdf));
    CHECK_THAT(meta, Catch::Contains("Pages:1") && Catch::Contains("Pagesize:595.276x841.89pts(A4)"));
    const std::string text = squeeze(pdftotext(pdf));
    CHECK_THAT(text, Catch::Contains(squeeze("प्रिया शर्मा")));
    CHECK_THAT(text, Catch::Contains("LivedExperienceandMutuality"));
    CHECK(fs::file_size(pdf) < 60 * 1024);
}

TEST_CASE("a batch is one combined print file, and cancelling leaves nothing", "[certificate][batch]") {
    const CertificateTemplate tmpl = shipped_template("programme-completion.toml");
    CertificateRenderer renderer(fonts());
    std::vector<CertificateContent> batch;
    for (int i = 0; i < 20; ++i) batch.push_back(completion_for(kPeople[i % 8], 500 + i));

    SECTION("20 certificates, 20 pages, progress after each") {
        const fs::path dir = fresh_dir("batch");
        std::vector<std::size_t> seen;
        render_batch_to(renderer, tmpl, batch, dir / "print.pdf", [&](std::size_t done, std::size_t total) {
            CHECK(total == 20);
            seen.push_back(done);
            return true;
        });
        CHECK(seen.size() == 20);
        CHECK(seen.back() == 20);
        CHECK(only_pdfs_named(dir, {"print.pdf"}));
        const std::string meta = squeeze(info(dir / "print.pdf"));
        CHECK_THAT(meta, Catch::Contains("Pages:20"));
        CHECK_THAT(meta, !Catch::Contains("Keywords:"));
        const std::string text = squeeze(pdftotext(dir / "print.pdf"));
        CHECK_THAT(text, Catch::Contains("PSF-NP-2026-000500-K") && Catch::Contains("PSF-NP-2026-000519-K"));
    }
    SECTION("cancelled half way: no file, no temporary left") {
        const fs::path dir = fresh_dir("batch-cancel");
        render_batch_to(renderer, tmpl, batch, dir / "print.pdf",
                        [](std::size_t done, std::size_t) { return done < 10; });
        CHECK(fs::is_empty(dir));
    }
}

TEST_CASE("a batch's files reach their names whole, a group at a time, and a failure keeps the ones before it",
          "[certificate][batch]") {
    const CertificateTemplate tmpl = shipped_template("programme-completion.toml");
    CertificateRenderer renderer(fonts());
    std::vector<BatchCertificate> batch;
    for (int i = 0; i < 133; ++i)
        batch.push_back({completion_for(kPeople[i % 8], 600 + i), false});  // 2 groups of 64, 5
    auto names = [](const fs::path& dir) {
        std::vector<std::string> files;
        for (const auto& entry : fs::directory_iterator(dir)) files.push_back(entry.path().filename().string());
        std::sort(files.begin(), files.end());
        return files;
    };
    auto serial_file = [](int number) { return completion_for(kPeople[0], number).serial + ".pdf"; };

    SECTION("every file whole under its name, nothing else, no print file when none is asked for") {
        const fs::path dir = fresh_dir("files");
        std::vector<std::size_t> seen;
        const BatchFiles out =
            write_certificate_files(renderer, tmpl, batch, dir, "", [&](std::size_t done, std::size_t total) {
                CHECK(total == batch.size());
                seen.push_back(done);
                return true;
            });
        CHECK(seen.size() == batch.size());
        CHECK_FALSE(out.cancelled);
        CHECK(out.print_file.empty());
        REQUIRE(out.files.size() == batch.size());
        CHECK(names(dir).size() == batch.size());
        for (std::size_t i = 0; i < batch.size(); i += 12) {
            INFO(out.files[i]);
            CHECK(out.files[i].filename() == serial_file(600 + static_cast<int>(i)));
            CHECK_THAT(squeeze(info(out.files[i])),
                       Catch::Contains("Pages:1") && Catch::Contains(batch[i].content.qr_text));
        }
    }
    SECTION("with a print file: every certificate a page of it, after the files") {
        const fs::path dir = fresh_dir("files-print");
        std::size_t last = 0;
        const BatchFiles out =
            write_certificate_files(renderer, tmpl, batch, dir, "print.pdf", [&](std::size_t done, std::size_t total) {
                CHECK(total == 2 * batch.size());
                CHECK(done == last + 1);
                last = done;
                return true;
            });
        CHECK(last == 2 * batch.size());
        REQUIRE(out.print_file == dir / "print.pdf");
        CHECK(names(dir).size() == batch.size() + 1);
        CHECK_THAT(squeeze(info(out.print_file)), Catch::Contains("Pages:133"));
        // The print file's last page is the last certificate's own file, QR symbol included (encoded once for both).
        const Gray own = rasterise(out.files[132], 72);
        const auto prefix = (dir / "print-last").string();
        REQUIRE(run("pdftoppm -gray -singlefile -r 72 -f 133 -l 133 " + quote(out.print_file.string()) + " " +
                    quote(prefix))
                    .status == 0);
        const Gray printed = read_pgm(prefix + ".pgm");
        REQUIRE(own.w == printed.w);
        REQUIRE(own.h == printed.h);
        CHECK(own.px == printed.px);
        CHECK(own.px != rasterise(out.files[131], 72).px);
    }
    SECTION("cancelled after 20: those 20 are kept, whole, and no temporary is left") {
        const fs::path dir = fresh_dir("files-cancel");
        const BatchFiles out = write_certificate_files(renderer, tmpl, batch, dir, "print.pdf",
                                                       [](std::size_t done, std::size_t) { return done < 20; });
        CHECK(out.cancelled);
        CHECK(out.files.size() == 20);
        const auto files = names(dir);
        REQUIRE(files.size() == 20);
        CHECK(files.front() == serial_file(600));
        CHECK(files.back() == serial_file(619));
        CHECK_THAT(squeeze(info(dir / files.back())), Catch::Contains("Pages:1"));
    }
    SECTION("the 21st cannot be printed: the 20 before it are kept, nothing of it or after it") {
        const fs::path dir = fresh_dir("files-fail");
        batch[20].content.qr_text = std::string(4000, 'A');  // more than any QR version holds
        CHECK_THROWS_AS(write_certificate_files(renderer, tmpl, batch, dir, "print.pdf"), std::invalid_argument);
        const auto files = names(dir);
        REQUIRE(files.size() == 20);
        CHECK(files.front() == serial_file(600));
        CHECK(files.back() == serial_file(619));
        for (const auto& file : files) CHECK_THAT(squeeze(info(dir / file)), Catch::Contains("Pages:1"));
    }
}

TEST_CASE("a failed write leaves the old file as it was", "[certificate]") {
    const CertificateTemplate tmpl = shipped_template("programme-completion.toml");
    CertificateRenderer renderer(fonts());
    const fs::path dir = fresh_dir("atomic");
    const fs::path pdf = dir / "c.pdf";
    { std::ofstream(pdf) << "old"; }
    CertificateContent bad = completion_for(kPeople[0]);
    bad.qr_text = std::string(4000, 'A');  // more than any QR version holds
    CHECK_THROWS_AS(render_to(renderer, tmpl, bad, pdf), std::invalid_argument);
    CHECK(only_pdfs_named(dir, {"c.pdf"}));
    CHECK(fs::file_size(pdf) == 3);
    CHECK_THROWS(render_to(renderer, tmpl, completion_for(kPeople[0]), dir / "no-such-folder" / "c.pdf"));
}

TEST_CASE("a QR symbol has its three finder patterns", "[certificate][qr]") {
    const QrMatrix qr = encode_qr("PSF-NP-2026-000123-K");
    REQUIRE(qr.size >= 21);
    REQUIRE((qr.size - 17) % 4 == 0);
    auto finder_at = [&](int x0, int y0) {
        for (int y = 0; y < 7; ++y)
            for (int x = 0; x < 7; ++x) {
                const bool ring = x == 0 || y == 0 || x == 6 || y == 6;
                const bool core = x >= 2 && x <= 4 && y >= 2 && y <= 4;
                if (qr.at(x0 + x, y0 + y) != (ring || core)) return false;
            }
        return true;
    };
    CHECK(finder_at(0, 0));
    CHECK(finder_at(qr.size - 7, 0));
    CHECK(finder_at(0, qr.size - 7));
    CHECK_FALSE(finder_at(qr.size - 7, qr.size - 7));
    CHECK_THROWS_AS(encode_qr(""), std::invalid_argument);
    CHECK_THROWS_AS(encode_qr(std::string(3000, 'x')), std::invalid_argument);
}

TEST_CASE("a drawn QR symbol shows every module of the matrix, in place", "[certificate][qr]") {
    // A short payload, and one as long as a signed certificate's (runs repeated down several rows are drawn
    // as one taller rectangle: each module must still be where the matrix has it).
    const std::string payload =
        GENERATE(std::string("MITRA1.eyJzIjoiUFNGLU5QLTIwMjYtMDAwMTIzLUsifQ.c2lnbmF0dXJl"),
                 "MITRA1." + std::string(180, 'Q') + "x9." + std::string(90, '7') + "." + std::string(86, '-'));
    const QrMatrix qr = encode_qr(payload);
    const fs::path pdf = temp_dir() / "qr-alone.pdf";
    const int total = qr.size + 2 * kQrQuietModules;
    const double side = total * 6.0;  // 6 pt a module: 12 px at 144 dpi
    HPDF_Doc doc = HPDF_New(nullptr, nullptr);
    REQUIRE(doc);
    HPDF_Page page = HPDF_AddPage(doc);
    HPDF_Page_SetWidth(page, static_cast<HPDF_REAL>(side + 72));
    HPDF_Page_SetHeight(page, static_cast<HPDF_REAL>(side + 72));
    HPDF_Page_SetRGBFill(page, 0, 0, 0);
    draw_qr(page, qr, 36, 36, side);
    REQUIRE(HPDF_SaveToFile(doc, pdf.c_str()) == HPDF_OK);
    HPDF_Free(doc);

    const Gray g = rasterise(pdf, 144);
    const double px = 2.0;  // pixels a point at 144 dpi
    int wrong = 0;
    for (int row = -kQrQuietModules; row < qr.size + kQrQuietModules; ++row)
        for (int col = -kQrQuietModules; col < qr.size + kQrQuietModules; ++col) {
            const bool want = row >= 0 && col >= 0 && row < qr.size && col < qr.size && qr.at(col, row);
            // The module's centre; the image's rows run down from the top, the symbol's row 0 is its top.
            const int x = static_cast<int>((36 + (kQrQuietModules + col + 0.5) * 6.0) * px);
            const int y = static_cast<int>((36 + (kQrQuietModules + row + 0.5) * 6.0) * px);
            if ((g.at(x, y) < 128) != want) ++wrong;
        }
    CHECK(wrong == 0);
}

// Not a test: writes sample certificates for eyeballing (run with "[.samples]").
TEST_CASE("write sample certificates", "[.samples]") {
    const char* out = std::getenv("MITRA_CERT_SAMPLES");
    const fs::path dir = out ? out : "/tmp/cert-samples";
    fs::create_directories(dir);
    CertificateRenderer renderer(fonts());
    const CertificateTemplate completion = shipped_template("programme-completion.toml");
    const CertificateTemplate module = shipped_template("module-participation.toml");
    const std::pair<const char*, int> picks[] = {{"ja", 0}, {"ko", 1}, {"th", 2}, {"hi", 3},
                                                 {"si", 4}, {"ur", 5}, {"vi", 6}, {"id", 7}};
    for (const auto& [label, i] : picks)
        render_to(renderer, completion, completion_for(kPeople[i]), dir / (std::string(label) + ".pdf"));
    render_to(renderer, module, module_for(kPeople[0]), dir / "module-ja.pdf");
    render_to(renderer, module, module_for(kPeople[6]), dir / "module-vi.pdf");
}

// ---- long names and titles stay on the page -------------------------------------------------------

namespace {

// A word pdftotext -bbox found, in points from the page's top-left corner.
struct Word {
    std::string text;
    double x0, y0, x1, y1;
};

std::vector<Word> words(const fs::path& pdf) {
    const std::string html = run("pdftotext -bbox -enc UTF-8 " + quote(pdf.string()) + " -").out;
    std::vector<Word> out;
    auto number = [&](std::size_t at, const char* attr) {
        const std::size_t from = html.find(std::string(attr) + "=\"", at) + std::strlen(attr) + 2;
        return std::stod(html.substr(from));
    };
    for (std::size_t at = html.find("<word "); at != std::string::npos; at = html.find("<word ", at + 1)) {
        const std::size_t open = html.find('>', at), close = html.find("</word>", open);
        out.push_back({html.substr(open + 1, close - open - 1), number(at, "xMin"), number(at, "yMin"),
                       number(at, "xMax"), number(at, "yMax")});
    }
    return out;
}

constexpr double kPt = 72 / 25.4;  // points a millimetre

// `count` characters (code points) of `words`, repeated as often as needed (the last word may be cut short).
std::string name_of(const std::string& words, std::size_t count) {
    std::u32string all = decode_utf8(words), out;
    while (out.size() < count) out += all.substr(0, count - out.size());
    std::string utf8;
    for (char32_t ch : out) {
        if (ch < 0x80) utf8 += static_cast<char>(ch);
        else if (ch < 0x800) utf8 += {static_cast<char>(0xC0 | (ch >> 6)), static_cast<char>(0x80 | (ch & 0x3F))};
        else if (ch < 0x10000)
            utf8 += {static_cast<char>(0xE0 | (ch >> 12)), static_cast<char>(0x80 | ((ch >> 6) & 0x3F)),
                     static_cast<char>(0x80 | (ch & 0x3F))};
        else
            utf8 += {static_cast<char>(0xF0 | (ch >> 18)), static_cast<char>(0x80 | ((ch >> 12) & 0x3F)),
                     static_cast<char>(0x80 | ((ch >> 6) & 0x3F)), static_cast<char>(0x80 | (ch & 0x3F))};
    }
    while (!utf8.empty() && utf8.back() == ' ') utf8.back() = 'a';
    return utf8;
}

// The text pdftotext finds in a band of the page (mm from the top), in reading order, without spaces and
// without the bidi marks it adds around right-to-left lines.
std::string text_between(const fs::path& pdf, double top_mm, double bottom_mm) {
    char crop[96];
    std::snprintf(crop, sizeof crop, " -r 72 -x 0 -y %d -W 2000 -H %d ", static_cast<int>(top_mm * kPt),
                  static_cast<int>((bottom_mm - top_mm) * kPt));
    std::string text = squeeze(run("pdftotext -enc UTF-8" + std::string(crop) + quote(pdf.string()) + " -").out);
    for (const char* mark : {"\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069"})
        for (auto at = text.find(mark); at != std::string::npos; at = text.find(mark))
            text.erase(at, std::strlen(mark));
    return text;
}

bool boxes_meet(const Word& a, const Word& b) { return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1; }

}  // namespace

TEST_CASE("a long name stays inside the frame, on lines of its own, under the title", "[certificate][fit]") {
    struct Case {
        const char* label;
        Person person;
    };
    const std::string latin = name_of("Maximiliana Bartholomea Castellanos-Villanueva de la Fuente ", 200);
    const std::string cjk = name_of("山田花子髙橋美智子佐藤健太郎鈴木一郎渡辺直美伊藤博文中村真理子小林", 42);
    const std::string hindi = name_of("अर्जुन त्रिपाठी प्रियंका शर्मा ", 120);
    const std::string urdu = name_of("عائشہ خان محمد علی جناح ", 100);
    const Case cases[] = {
        {"latin", {latin.c_str(), "", "en", "en"}},
        {"cjk", {cjk.c_str(), "Yamada Hanako", "ja", "ja"}},
        {"hindi", {hindi.c_str(), "Arjun Tripathi", "hi", "hi"}},
        {"urdu", {urdu.c_str(), "Aisha Khan", "ur", "ur"}},
    };
    const CertificateTemplate tmpl = shipped_template("programme-completion.toml");
    CertificateRenderer renderer(fonts());
    for (const Case& k : cases) {
        INFO(k.label << ": " << k.person.name);
        const fs::path pdf = fresh_dir(std::string("long-") + k.label) / "c.pdf";
        const CertificateContent c = completion_for(k.person);
        render_to(renderer, tmpl, c, pdf);
        const std::vector<Word> all = words(pdf);
        REQUIRE(!all.empty());
        // Every word inside the inner frame (10 mm in, 0.7 pt wide).
        for (const auto& w : all) {
            INFO(w.text << " at " << w.x0 << "," << w.y0 << " - " << w.x1 << "," << w.y1);
            CHECK(w.x0 >= 10 * kPt);
            CHECK(w.x1 <= (297 - 10) * kPt);
            CHECK(w.y0 >= 10 * kPt);
            CHECK(w.y1 <= (210 - 10) * kPt);
        }
        // The name, whole, between the rule under the title (53 mm) and the Latin name's line (81 mm), on more
        // than one line, and nothing of it on the title's lines or the rule.
        const std::string name_text = text_between(pdf, 53, 78);
        CHECK(name_text == squeeze(c.full_name));
        std::set<double> lines;
        for (const auto& w : all)
            if ((w.y0 + w.y1) / 2 > 53 * kPt && (w.y0 + w.y1) / 2 < 78 * kPt) lines.insert(std::round(w.y1));
        CHECK(lines.size() >= 2);
        for (const auto& w : all)
            if ((w.y0 + w.y1) / 2 > 53 * kPt && (w.y0 + w.y1) / 2 < 78 * kPt) CHECK(w.y0 >= 50 * kPt);
        // No word of the title's lines meets a word of the name's.
        for (const auto& t : all)
            if ((t.y0 + t.y1) / 2 < 53 * kPt)
                for (const auto& n : all)
                    if ((n.y0 + n.y1) / 2 > 53 * kPt && (n.y0 + n.y1) / 2 < 78 * kPt) CHECK_FALSE(boxes_meet(t, n));

        // Ink: none outside the inner frame's box but the frame itself, none between the rule and the title.
        const Gray img = rasterise(pdf, 100);
        auto px = [](double mm) { return static_cast<int>(mm * 100 / 25.4); };
        CHECK(img.dark(px(12), px(12), px(285), px(14)) == 0);      // under the frame's top edge
        CHECK(img.dark(px(11.5), px(30), px(13), px(180)) == 0);    // inside its left edge
        CHECK(img.dark(px(284), px(30), px(285.5), px(180)) == 0);  // inside its right edge
    }
}

TEST_CASE("a long module title is broken onto lines within the frame, the lines under it where they were",
          "[certificate][fit]") {
    const CertificateTemplate tmpl = shipped_template("module-participation.toml");
    CertificateRenderer renderer(fonts());
    CertificateContent c = module_for({"Sukarno", "", "id", "en"});
    const std::string title =
        name_of("Supported Decision-Making, Advance Directives and the Right to Legal Capacity in Practice ", 260);
    c.modules[0].title = {{{"en", title}}};
    const fs::path pdf = fresh_dir("long-module") / "m.pdf";
    render_to(renderer, tmpl, c, pdf);
    const std::vector<Word> all = words(pdf);
    for (const auto& w : all) {
        INFO(w.text << " at " << w.x0 << "," << w.y0 << " - " << w.x1 << "," << w.y1);
        CHECK(w.x0 >= 10 * kPt);
        CHECK(w.x1 <= (210 - 10) * kPt);
    }
    // The title, whole, on its lines between "has taken part in the module" (122 mm) and "a module of ..." (172).
    CHECK(text_between(pdf, 126, 166) == squeeze(title + " — 6 hours"));
    std::set<double> lines;
    for (const auto& w : all)
        if ((w.y0 + w.y1) / 2 > 126 * kPt && (w.y0 + w.y1) / 2 < 166 * kPt) lines.insert(std::round(w.y1));
    CHECK(lines.size() >= 2);
    // No two words of different lines meet, down to the site and dates (the signatures' boxes, whose text is
    // small and close, do as pdftotext draws them).
    for (const auto& a : all)
        for (const auto& b : all)
            if (&a != &b && std::abs(a.y1 - b.y1) > 1 && a.y1 < 200 * kPt && b.y1 < 200 * kPt)
                CHECK_FALSE(boxes_meet(a, b));
}

TEST_CASE("a name of combining marks only draws nothing over the title", "[certificate][fit]") {
    // Refused at entry; should one reach the renderer, its stacked marks stay within the name's own room.
    std::string marks;
    for (int i = 0; i < 40; ++i) marks += "\u0301";
    const CertificateTemplate tmpl = shipped_template("programme-completion.toml");
    CertificateRenderer renderer(fonts());
    const fs::path pdf = fresh_dir("marks") / "c.pdf";
    render_to(renderer, tmpl, completion_for({marks.c_str(), "", "en", "en"}), pdf);
    const Gray img = rasterise(pdf, 100);
    auto px = [](double mm) { return static_cast<int>(mm * 100 / 25.4); };
    // English: the title's baseline at 42 mm, the rule at 50 mm, the name's at 72 mm.
    CHECK(img.dark(px(30), px(45.5), px(267), px(49.5)) == 0);  // between the title and the rule
    CHECK(img.dark(px(30), px(12), px(267), px(20)) == 0);      // above "M I T R A"
    CHECK(img.dark(px(30), px(50.5), px(267), px(76)) > 0);     // the marks are there, in the name's room
}

TEST_CASE("long names in a batch look as the same certificates drawn alone", "[certificate][fit][batch][layer]") {
    const CertificateTemplate tmpl = shipped_template("programme-completion.toml");
    CertificateRenderer renderer(fonts());
    const std::string latin = name_of("Maximiliana Bartholomea Castellanos-Villanueva de la Fuente ", 200);
    const std::string cjk = name_of("山田花子髙橋美智子佐藤健太郎鈴木一郎渡辺直美伊藤博文中村真理子小林", 42);
    const fs::path dir = fresh_dir("long-batch"), alone = fresh_dir("long-batch-alone");
    std::vector<BatchCertificate> batch = {{completion_for({latin.c_str(), latin.c_str(), "en", "ja"}, 901), false},
                                           {completion_for(kPeople[0], 902), false},
                                           {completion_for({cjk.c_str(), "", "ja", "ja"}, 903), false},
                                           {completion_for({latin.c_str(), "", "en", "en"}, 904), false},
                                           {completion_for(kPeople[7], 905), false}};
    const BatchFiles files = write_certificate_files(renderer, tmpl, batch, dir, "");
    REQUIRE(files.files.size() == batch.size());
    for (std::size_t i = 0; i < batch.size(); ++i) {
        INFO(batch[i].content.full_name);
        const fs::path single = alone / files.files[i].filename();
        render_to(renderer, tmpl, batch[i].content, single);
        const Gray a = rasterise(files.files[i], 50), b = rasterise(single, 50);
        CHECK(pixels_differing(a, b) == 0);
        CHECK(text_between(files.files[i], 53, 78) == squeeze(batch[i].content.full_name));
    }
}
