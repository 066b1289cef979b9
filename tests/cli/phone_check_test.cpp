// The whole chain a reader with a phone goes through: a cohort's certificates issued by mitra-cli, each QR code read
// from the PDF rendered at 100 dpi (as a camera would see a printout), the link opened in headless Chromium on the
// site `verifier site` wrote, and the page's verdict and name. Then a revocation, and the page says so.
#include <catch2/catch.hpp>

#include <regex>

#include "cohort_setup.hpp"
#include "core/certificate_code.hpp"
#include "names.hpp"
#include "run_cli.hpp"

using namespace mitra::cli_test;
namespace fs = std::filesystem;

namespace {

// The text of the QR code zbarimg reads from the PDF's page rendered at `dpi`.
std::string qr_of(const fs::path& pdf, int dpi) {
    const fs::path png = pdf.parent_path() / (pdf.stem().string() + "-scan");
    REQUIRE(tool("/usr/bin/pdftoppm",
                 {"-gray", "-png", "-singlefile", "-r", std::to_string(dpi), pdf.string(), png.string()})
                .status == 0);
    // QR codes only, as a phone's camera reads it (with every symbology on, zbar may find a bar code in the text).
    auto read =
        tool("/usr/bin/zbarimg", {"--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", png.string() + ".png"}).out;
    while (!read.empty() && read.back() == '\n') read.pop_back();
    return read;
}

// The page after its scripts ran, opened at `link`'s code as a phone opens the QR's address.
std::string opened(const Workspace& ws, const fs::path& site, const std::string& link) {
    const auto run =
        spawn("/usr/bin/chromium",
              {"--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--disable-extensions",
               "--user-data-dir=" + (ws.dir / "chromium-profile").string(), "--virtual-time-budget=5000", "--dump-dom",
               "file://" + (site / "index.html").string() + "#" + link.substr(link.find('#') + 1)},
              {"HOME=" + ws.dir.string()});
    INFO(run.err);
    REQUIRE(run.status == 0);
    return run.out;
}

std::string first(const std::string& dom, const std::string& pattern) {
    std::smatch m;
    return std::regex_search(dom, m, std::regex(pattern)) ? m[1].str() : "(none)";
}

}  // namespace

TEST_CASE("a printed certificate's QR code, read at 100 dpi, opens the site's page, which says genuine, then revoked",
          "[cli][verifier][phone]") {
    Workspace ws;
    set_up_cohort(ws);
    const auto issued = issue(ws, ws.dir / "certs");
    REQUIRE(issued["certificates"].size() == 2);
    const fs::path site = ws.dir / "site";
    ws.ok({"verifier", "site", "--out", site.string()});
    const std::map<std::string, std::string> names = {{"P-001", kYamada}, {"P-003", kSomchai}};

    for (const auto& item : issued["certificates"]) {
        const std::string ref = item["ref"], serial = item["serial"];
        INFO(ref << " " << serial);
        const std::string link = qr_of(item["file"].get<std::string>(), 100);
        REQUIRE(link.rfind("HTTPS://VERIFY.EXAMPLE.ORG/psf/#M2", 0) == 0);
        const std::string dom = opened(ws, site, link);
        CHECK(first(dom, R"re(<div id="verdict"[^>]* data-verdict="([^"]*)")re") == "genuine");
        CHECK(first(dom, R"(<dd dir="auto" id="f-name">([^<]*)</dd>)") == names.at(ref));
        CHECK(contains(dom, serial));
    }

    const auto& revoked = issued["certificates"][0];
    ws.ok({"certificate", "revoke", revoked["serial"].get<std::string>(), "--reason", "issued to the wrong cohort",
           "--category", "issued-in-error"});
    ws.ok({"verifier", "site", "--out", site.string()});
    const std::string dom = opened(ws, site, qr_of(revoked["file"].get<std::string>(), 100));
    CHECK(first(dom, R"re(<div id="verdict"[^>]* data-verdict="([^"]*)")re") == "revoked");
    CHECK_FALSE(contains(dom, "issued to the wrong cohort"));  // the written reason stays in the database
}
