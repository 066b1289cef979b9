// Certificates' QR codes as a phone or a scanner meets them: the verification link, in a symbol whose modules are at
// least 0.5 mm, read back with zbarimg from the page rendered at 100 dpi for a name in every script.
#include "certificate_support.hpp"
#include "core/certificate_code.hpp"
#include "core/signature.hpp"
#include "pdf/certificate.hpp"
#include "pdf/certificate_layout.hpp"
#include "pdf/qr.hpp"
#include "support.hpp"

#include <qrencode.h>

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <memory>

using namespace mitra;
using namespace mitra::pdf;
using namespace mitra::pdf::test;
using mitra::pdf::cert::qr_box;
namespace fs = std::filesystem;

namespace {

const std::string kVerifyUrl = "https://verify.example.org/psf/";

// The programme's scripts, as the other certificate tests print them.
const Person kPeople[] = {
    {"山田 花子", "Yamada Hanako", "ja", "ja"},
    {"김민준", "Kim Minjun", "ko", "ko"},
    {"สมชาย ใจดี", "Somchai Jaidee", "th", "th"},
    {"प्रिया शर्मा", "Priya Sharma", "hi", "hi"},
    {"ශ්‍රියානි පෙරේරා", "Sriyani Perera", "si", "si"},
    {"عائشہ خان", "Aisha Khan", "ur", "ur"},
    {"Nguyễn Thị Minh Khai", "", "vi", "vi"},
    {"Sukarno", "", "id", "id"},
};

const SigningKey& test_key() {
    static const SigningKey key = new_signing_key();
    return key;
}

// A certificate as issuing fills it: a version 2 code signed for the person, its link in the QR code, and the
// address and serial under it.
CertificateContent signed_for(const Person& p, int number) {
    CertificateContent c = completion_for(p, number);
    const CertifiedFacts facts{c.serial,     c.full_name,  c.latin_name,        "PSF 2026.1", "",
                               "completion", "2026-04-02", test_key().key_id(), "",           c.language};
    c.qr_text = verification_link(kVerifyUrl, sign_code(facts, test_key()));
    c.verify_note = "Verify at " + short_address(kVerifyUrl) + "  Serial " + c.serial;
    return c;
}

// A long name in each of the test scripts (the longest names make the largest symbols).
const Person longer[] = {
    {"長谷川 小百合子", "Hasegawa Sayuriko", "ja", "ja"},
    {"남궁 민서연", "Namgung Minseoyeon", "ko", "ko"},
    {"สมศักดิ์ เกียรติศักดิ์ชัย", "Somsak Kiattisakchai", "th", "th"},
    {"राजेश्वरी चन्द्रशेखरन", "Rajeshwari Chandrasekharan", "hi", "hi"},
    {"ශ්‍රී ජයවර්ධනපුර කුමාරිහාමි", "Sri Jayawardenapura Kumarihami",
     "si", "si"},
    {"محمد عبدالرحمٰن چوہدری", "Muhammad Abdul Rahman Chaudhry", "ur", "ur"},
    {"Nguyễn Thị Phương Thảo Trần", "", "vi", "vi"},
    {"Raden Ajeng Kartini Sosroningrat", "", "id", "id"},
};

// zbarimg's reading of a page rendered at `dpi`: the text of every QR code it found, one a line (QR codes only, as a
// phone's camera reads them: with every symbology on, zbar may also find a bar code in the page's text).
std::string decoded(const fs::path& pdf, int dpi) {
    const auto prefix = pdf.parent_path() / (pdf.stem().string() + "-" + std::to_string(dpi));
    REQUIRE(run("pdftoppm -gray -png -singlefile -r " + std::to_string(dpi) + " " + quote(pdf.string()) + " " +
                quote(prefix.string()))
                .status == 0);
    const auto r = run("zbarimg --quiet --raw -Sdisable -Sqrcode.enable " + quote(prefix.string() + ".png"));
    std::string text = r.out;
    while (!text.empty() && text.back() == '\n') text.pop_back();
    return text;
}

}  // namespace

TEST_CASE("a verification link takes numeric and alphanumeric segments, a smaller symbol than its bytes", "[qr]") {
    const CertificateContent c = signed_for(kPeople[4], 7);
    const QrMatrix ours = encode_qr(c.qr_text);
    std::unique_ptr<QRcode, decltype(&QRcode_free)> bytes(
        QRcode_encodeData(static_cast<int>(c.qr_text.size()), reinterpret_cast<const unsigned char*>(c.qr_text.data()),
                          0, QR_ECLEVEL_M),
        &QRcode_free);
    REQUIRE(bytes);
    INFO("link of " << c.qr_text.size() << " characters: version " << ours.version << ", in byte mode "
                    << bytes->version);
    CHECK(ours.version + 5 <= bytes->version);
    CHECK(ours.version <= 12);
}

TEST_CASE("a certificate's QR modules are at least 0.5 mm, the box grown when the template's is too small",
          "[qr][certificate]") {
    for (const char* name : {"programme-completion.toml", "module-participation.toml"}) {
        const CertificateTemplate tmpl = shipped_template(name);
        for (const Person& p : kPeople) {
            const QrMatrix matrix = encode_qr(signed_for(p, 9).qr_text);
            const QrBlock box = qr_box(tmpl.qr, matrix);
            INFO(name << ", version " << matrix.version << ", box " << box.size_mm << " mm");
            const double module = box.size_mm / (matrix.size + 2 * kQrQuietModules);
            CHECK(module >= 0.5);
            CHECK(module / kQrGridMm == Approx(std::round(module / kQrGridMm)));  // whole steps of 1/100 inch
            CHECK(box.x_mm / kQrGridMm == Approx(std::round(box.x_mm / kQrGridMm)));
            CHECK(box.y_mm / kQrGridMm == Approx(std::round(box.y_mm / kQrGridMm)));
            CHECK(box.size_mm >= tmpl.qr.size_mm);
            // Grown upward and leftward (the note is aligned right): its bottom and right edges stay, within the grid.
            CHECK(std::abs(box.y_mm + box.size_mm - (tmpl.qr.y_mm + tmpl.qr.size_mm)) <= kQrGridMm / 2);
            CHECK(std::abs(box.x_mm + box.size_mm - (tmpl.qr.x_mm + tmpl.qr.size_mm)) <= kQrGridMm / 2);
        }
    }
}

TEST_CASE("every certificate's QR code reads at 100 dpi as its link, whose code is genuine, in every script",
          "[qr][certificate][decode]") {
    REQUIRE(run("zbarimg --version").status == 0);  // zbar-tools (script/bootstrap)
    const fs::path dir = temp_dir() / "qr-decode";
    fs::remove_all(dir);
    fs::create_directories(dir);
    FontStack fonts;
    CertificateRenderer renderer(fonts);
    for (const char* name : {"programme-completion.toml", "module-participation.toml"}) {
        const CertificateTemplate tmpl = shipped_template(name);
        int number = 1;
        for (const Person& p : kPeople) {
            CertificateContent c = signed_for(p, number++);
            if (std::string(name) == "module-participation.toml") {
                c.kind = "module";
                c.modules.resize(1);
                c.end_date.reset();
            }
            const fs::path pdf = dir / (c.serial + "-" + std::string(name).substr(0, 6) + ".pdf");
            {
                std::ofstream out(pdf, std::ios::binary);
                out << renderer.render(tmpl, c);
            }
            INFO(name << ", " << p.name_language << ": " << c.qr_text.size() << " characters");
            const std::string read = decoded(pdf, 100);
            CHECK(read == c.qr_text);
            const PayloadCheck check = check_payload(read, {test_key()});
            CHECK(check.genuine);
            CHECK(check.facts.full_name == p.name);
            // For people who type: the address and the serial, under the code.
            const std::string text = squeeze(pdftotext(pdf));
            CHECK(text.find("verify.example.org/psf") != std::string::npos);
            CHECK(text.find(c.serial) != std::string::npos);
        }
    }
}

// For bench/qr-decode: every name in every script on both shipped templates, as PDFs in $MITRA_QR_BENCH_DIR, with
// a line a certificate in its index.tsv (file, template, script, characters of the link, version, modules, mm).
TEST_CASE("a long name's grown QR code leaves the completion certificate's text clear", "[qr][certificate]") {
    const fs::path dir = temp_dir() / "qr-clear";
    fs::create_directories(dir);
    FontStack fonts;
    CertificateRenderer renderer(fonts);
    const CertificateTemplate tmpl = shipped_template("programme-completion.toml");
    for (const Person& p : longer) {
        const CertificateContent c = signed_for(p, 40);
        const QrMatrix matrix = encode_qr(c.qr_text);
        const QrBlock box = qr_box(tmpl.qr, matrix);
        const fs::path pdf = dir / (std::string(p.name_language) + ".pdf");
        std::ofstream(pdf, std::ios::binary) << renderer.render(tmpl, c);
        // Every word pdftotext places (points, from the top left) is off the symbol; the note under it may reach into
        // the lower quiet zone, and nothing else does.
        const auto words = run("pdftotext -bbox " + quote(pdf.string()) + " -").out;
        const double pt = 72 / 25.4, quiet = box.size_mm / (matrix.size + 2 * kQrQuietModules) * kQrQuietModules;
        const double left = (box.x_mm + quiet) * pt, top = (box.y_mm + quiet) * pt,
                     side = (box.size_mm - 2 * quiet) * pt;
        int inside = 0, seen = 0;
        for (std::size_t at = words.find("<word "); at != std::string::npos; at = words.find("<word ", at + 1)) {
            auto value = [&](const char* key) {
                return std::atof(words.c_str() + words.find(key, at) + std::strlen(key));
            };
            const double x0 = value("xMin=\""), y0 = value("yMin=\""), x1 = value("xMax=\""), y1 = value("yMax=\"");
            ++seen;
            if (x1 > left && x0 < left + side && y1 > top && y0 < top + side) ++inside;
        }
        INFO(p.name_language << ": box " << box.x_mm << ", " << box.y_mm << ", " << box.size_mm << " mm");
        CHECK(seen > 40);
        CHECK(inside == 0);
    }
}

TEST_CASE("write certificates for the QR decoding benchmark", "[.qr-bench]") {
    const char* out = std::getenv("MITRA_QR_BENCH_DIR");
    REQUIRE(out);
    const fs::path dir = out;
    fs::create_directories(dir);
    std::ofstream index(dir / "index.tsv");
    FontStack fonts;
    CertificateRenderer renderer(fonts);
    int number = 100;
    for (const char* name : {"programme-completion.toml", "module-participation.toml"}) {
        const CertificateTemplate tmpl = shipped_template(name);
        for (const auto* people : {std::begin(kPeople), std::begin(longer)})
            for (const Person* p = people; p != people + 8; ++p) {
                CertificateContent c = signed_for(*p, number++);
                if (std::string(name) == "module-participation.toml") {
                    c.kind = "module";
                    c.modules.resize(1);
                    c.end_date.reset();
                }
                const std::string file = c.serial + ".pdf";
                std::ofstream(dir / file, std::ios::binary) << renderer.render(tmpl, c);
                const QrMatrix matrix = encode_qr(c.qr_text);
                const QrBlock box = qr_box(tmpl.qr, matrix);
                index << file << '\t' << (std::string(name) == "module-participation.toml" ? "module" : "completion")
                      << '\t' << p->name_language << '\t' << c.qr_text.size() << '\t' << matrix.version << '\t'
                      << matrix.size << '\t' << box.size_mm << '\t' << c.qr_text << '\n';
            }
    }
}
