// mitra-cli verifier site, and its page read back in headless Chromium from files: each verdict for codes made here
// with core (signed with the installation's key from the test's own key file), the name shown in its own script,
// and the Ed25519 fallback proven by loading the page where WebCrypto is missing.
#include <catch2/catch.hpp>

#include <fstream>
#include <algorithm>
#include <regex>

#include "core/certificate_code.hpp"
#include "core/revocation_list.hpp"
#include "core/serial.hpp"
#include "io/keys.hpp"
#include "names.hpp"
#include "run_cli.hpp"

using namespace mitra::cli_test;
namespace fs = std::filesystem;

namespace {

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

// The page as Chromium leaves it once its scripts have run: the DOM, serialised.
std::string page_dom(const fs::path& page, const std::string& fragment) {
    const auto run = spawn("/usr/bin/chromium",
                           {"--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--disable-extensions",
                            "--user-data-dir=" + (page.parent_path().parent_path() / "chromium-profile").string(),
                            "--virtual-time-budget=5000", "--dump-dom", "file://" + page.string() + "#" + fragment},
                           {"HOME=" + page.parent_path().parent_path().string()});
    INFO(run.err);
    REQUIRE(run.status == 0);
    return run.out;
}

// One attribute of the verdict element (<div id="verdict" …>).
std::string verdict_attribute(const std::string& dom, const std::string& name) {
    std::smatch element, value;
    if (!std::regex_search(dom, element, std::regex(R"(<div id="verdict"[^>]*>)"))) return "(no verdict element)";
    const std::string tag = element.str();
    if (!std::regex_search(tag, value, std::regex(" " + name + R"re(="([^"]*)")re"))) return "(no " + name + ")";
    return value[1];
}
std::string verdict_of(const std::string& dom) { return verdict_attribute(dom, "data-verdict"); }

// What the page shows as the holder's name: <dd dir="auto" id="f-name">…</dd>.
std::string shown_name(const std::string& dom) {
    std::smatch m;
    if (!std::regex_search(dom, m, std::regex(R"(<dd dir="auto" id="f-name">([^<]*)</dd>)"))) return "(no name)";
    return m[1];
}

mitra::CertifiedFacts facts_for(const std::string& serial, const std::string& name, const std::string& latin,
                                const std::string& language, const mitra::SigningKey& key) {
    mitra::CertifiedFacts f;
    f.serial = serial;
    f.full_name = name;
    f.latin_name = latin;
    f.programme = "PSF 2026.1";
    f.kind = "completion";
    f.issued_on = "2026-07-31";
    f.language = language;
    f.key_id = key.key_id();
    return f;
}

// The code part of the link a QR holds (what the browser sees after '#').
std::string fragment_of(const std::string& link) { return link.substr(link.find('#') + 1); }

// A completion certificate for the demo's P-001 with this serial, signed (in name) by `key`: the row is put in by
// hand, as issuing a cohort is certificate_test's business and slow.
void put_certificate(const Workspace& ws, const mitra::SigningKey& key, const std::string& serial) {
    ws.execute(
        "INSERT INTO certificates (uuid, serial, participant_uuid, cohort_uuid, kind, module_code, modules, "
        "template, issued_on, content_hash, payload, key_id, created_at, created_by, updated_at, "
        "updated_by) VALUES ('c0ffee', :s, (SELECT uuid FROM participants WHERE ref = 'P-001'), "
        "(SELECT uuid FROM cohorts WHERE code = 'DEMO-KTM'), 'completion', '', '', 'completion', "
        "'2026-07-31', 'h', 'p', '" +
            key.key_id() + "', 'now', 'test', 'now', 'test')",
        serial);
}

// The demo programme, its site written, and one of its certificates revoked through the CLI.
struct Site {
    Workspace ws;
    fs::path folder = ws.dir / "site";
    mitra::SigningKey key;
    std::string revoked_serial = *mitra::make_serial("PSF", "NP", 2026, 42);

    Site() {
        ws.ok({"demo"});
        ws.ok({"verifier", "site", "--out", folder.string()});  // makes the installation's key and trusts it
        key = mitra::io::load_or_create_signing_key(ws.dir / "xdg" / "mitra" / "signing.key");
        put_certificate(ws, key, revoked_serial);
        ws.ok({"certificate", "revoke", revoked_serial, "--reason", "issued in error"});
        ws.ok({"verifier", "site", "--out", folder.string()});
    }
    std::string dom(const std::string& code) const { return page_dom(folder / "index.html", code); }
};

}  // namespace

TEST_CASE("verifier site writes the page, the trusted keys and the signed revocation list", "[cli][verifier]") {
    Site site;
    const auto page = read_file(site.folder / "index.html");
    CHECK(page.size() < 60 * 1024);
    // No outside requests: nothing is loaded from anywhere, and the page forbids it itself.
    CHECK(contains(page, "default-src 'none'"));
    CHECK_FALSE(std::regex_search(page, std::regex(R"((src|href)\s*=\s*["']?(https?:)?//)", std::regex::icase)));
    CHECK(contains(page, "MIT License"));  // the fallback's licence stays with it
    CHECK(contains(page, "fflate "));      // and so does that of fflate, which inflates the words
    CHECK(contains(page, "Arjun Barrett"));
    CHECK(contains(page, "Peer Support Foundations"));  // the curriculum's title, which a version 2 code lacks

    // The keys the programme's certificates were signed with: the installation's, and the demo's own (its finished
    // cohorts' certificates are signed by a demo key, never by the installation's).
    const auto keys = read_file(site.folder / "keys.txt");
    CHECK(contains(keys, mitra::io::public_key_text(site.key) + "\n"));
    CHECK(std::count(keys.begin(), keys.end(), '\n') == 2);
    const auto list = mitra::read_revocation_list(read_file(site.folder / "revocations.txt"), {site.key});
    INFO(list.problem);
    CHECK(list.genuine);
    REQUIRE(list.revoked.size() == 1);
    CHECK(list.revoked[0].serial == site.revoked_serial);

    const auto j = site.ws.json({"verifier", "site", "--out", site.folder.string()});
    CHECK(j["keys"] == 2);
    CHECK(j["revocations"] == 1);
}

TEST_CASE("verifier site into a path that is a file refuses, names it and changes nothing", "[cli][verifier]") {
    Workspace ws;
    ws.ok({"demo"});
    const auto blocker = ws.file("site", "not a folder");
    const auto result = ws.run({"verifier", "site", "--out", blocker});
    CHECK(result.status != 0);
    CHECK(contains(result.err, blocker));
    CHECK(read_file(blocker) == "not a folder");
}

TEST_CASE(
    "certificate revoke writes the site again where it was last written, so its list and page carry the "
    "revocation",
    "[cli][verifier]") {
    Workspace ws;
    ws.ok({"demo"});
    const fs::path folder = ws.dir / "site";
    CHECK(contains(ws.ok({"settings", "get", "verifier-site"}).out, "verifier-site is not set"));
    ws.ok({"verifier", "site", "--out", folder.string()});
    // Kept as an absolute path, shown by settings get.
    CHECK(ws.ok({"settings", "get", "verifier-site"}).out == fs::absolute(folder).string() + "\n");
    const auto key = mitra::io::load_or_create_signing_key(ws.dir / "xdg" / "mitra" / "signing.key");
    const std::string serial = *mitra::make_serial("PSF", "NP", 2026, 42);
    put_certificate(ws, key, serial);
    CHECK(mitra::read_revocation_list(read_file(folder / "revocations.txt"), {key}).revoked.empty());

    const auto revoked =
        ws.ok({"certificate", "revoke", serial, "--reason", "named the wrong cohort", "--category", "issued-in-error"});
    CHECK(revoked.err.empty());
    CHECK(contains(revoked.out, folder.string()));
    CHECK(contains(revoked.out, "web host"));

    const std::string list_text = read_file(folder / "revocations.txt");
    const auto list = mitra::read_revocation_list(list_text, {key});
    INFO(list.problem);
    CHECK(list.genuine);
    REQUIRE(list.revoked.size() == 1);
    CHECK(list.revoked[0].serial == serial);
    CHECK(list.revoked[0].category == "issued-in-error");
    // The page carries the same signed list (a JSON string inside it: its line ends written \n).
    std::string in_page;
    for (char c : list_text) in_page += c == '\n' ? std::string("\\n") : std::string(1, c);
    CHECK(contains(read_file(folder / "index.html"), "\"revocations\":\"" + in_page + "\""));
}

TEST_CASE("a revocation stands when the site's folder is gone or cannot be written, and says how to write it",
          "[cli][verifier]") {
    Workspace ws;
    ws.ok({"demo"});
    const fs::path folder = ws.dir / "site";
    ws.ok({"verifier", "site", "--out", folder.string()});
    const auto key = mitra::io::load_or_create_signing_key(ws.dir / "xdg" / "mitra" / "signing.key");
    const std::string serial = *mitra::make_serial("PSF", "NP", 2026, 42);
    put_certificate(ws, key, serial);

    SECTION("the folder is gone (a stick not plugged in): it is not made again") {
        fs::remove_all(folder);
        const auto revoked = ws.run({"certificate", "revoke", serial, "--reason", "x", "--category", "withdrawn"});
        INFO(revoked.err);
        CHECK(revoked.status == 0);
        CHECK(contains(revoked.err, "warning: the revocation stands"));
        CHECK(contains(revoked.err, "not updated"));
        CHECK(contains(revoked.err, "mitra-cli verifier site --out " + folder.string()));
        CHECK_FALSE(fs::exists(folder));
    }
    SECTION("a file in it cannot be replaced (index.html is a folder, which stops root too)") {
        fs::remove(folder / "index.html");
        fs::create_directory(folder / "index.html");
        const auto revoked = ws.run({"--json", "certificate", "revoke", serial, "--reason", "x"});
        INFO(revoked.err);
        CHECK(revoked.status == 0);
        CHECK(contains(revoked.err, "not updated"));
        const auto j = nlohmann::json::parse(revoked.out);
        CHECK(j["site"]["folder"] == fs::absolute(folder).string());
        CHECK(j["site"]["written"] == false);
        CHECK(fs::is_directory(folder / "index.html"));
    }
    // Either way the revocation is recorded.
    const auto shown = ws.json({"certificate", "show", serial});
    CHECK(shown["revoked"] == true);
}

TEST_CASE("the verification site's folder is kept only as an absolute path", "[cli][verifier]") {
    Workspace ws;
    ws.ok({"settings", "list"});  // the database, made
    const auto before = ws.dump();
    const auto refused = ws.run({"settings", "set", "verifier-site", "site"});
    CHECK(refused.status == 2);
    CHECK(contains(refused.err, "not an absolute folder path"));
    CHECK(ws.dump() == before);
    ws.ok({"settings", "set", "verifier-site", "/srv/verify"});
    CHECK(ws.ok({"settings", "get", "verifier-site"}).out == "/srv/verify\n");
}

TEST_CASE("the verification page shows each verdict, and the facts only when the signature verifies",
          "[cli][verifier][chromium]") {
    Site site;
    const std::string url = "https://verify.example.org/psf/";

    SECTION("genuine, with the name as printed in every script the programme prints, from the QR's link") {
        const std::pair<std::string, std::string> people[] = {
            {kYamada, "ja"}, {kMinjun, "ko"},   {kSomchai, "th"},      {kPriya, "hi"},      {kSriyani, "si"},
            {kAisha, "ur"},  {kMinhKhai, "vi"}, {"陳志明", "zh-Hant"}, {"王芳", "zh-Hans"}, {kSukarno, "id"}};
        int n = 0;
        for (const auto& [name, language] : people) {
            const auto code = mitra::sign_code(
                facts_for("PSF-NP-2026-00010" + std::to_string(n++) + "-A", name, "Latin", language, site.key),
                site.key);
            const auto dom = site.dom(fragment_of(mitra::verification_link(url, code)));
            INFO(name);
            CHECK(verdict_of(dom) == "genuine");
            CHECK(verdict_attribute(dom, "data-engine") == "webcrypto");
            CHECK(shown_name(dom) == name);
        }
    }
    SECTION(
        "the whole link pasted after the page's own '#' reads too, and the page speaks the certificate's language") {
        const auto code = mitra::sign_code(facts_for("PSF-NP-2026-000201-B", kYamada, "", "ja", site.key), site.key);
        const auto dom = site.dom(mitra::verification_link(url, code));
        CHECK(verdict_of(dom) == "genuine");
        CHECK(contains(dom, "<html lang=\"ja\""));
        CHECK(contains(dom, "ピアサポートの基礎"));  // the programme's title in Japanese
    }
    SECTION("forged: one changed digit of the signature, or a name swapped under a genuine signature") {
        const auto facts = facts_for("PSF-NP-2026-000301-C", kPriya, "Priya Sharma", "hi", site.key);
        auto code = mitra::sign_code(facts, site.key);
        auto one_digit = code;
        one_digit[10] = one_digit[10] == '0' ? '1' : static_cast<char>(one_digit[10] - 1);
        auto dom = site.dom(one_digit);
        CHECK(verdict_of(dom) == "forged");
        CHECK_FALSE(contains(dom, kPriya));

        const auto parts = mitra::split_code_v2(code);
        REQUIRE(parts);
        auto other = facts;
        other.full_name = kSita;
        const auto swapped = "M2" + mitra::digits_encode(parts->signature + mitra::code_message(other));
        dom = site.dom(swapped);
        CHECK(verdict_of(dom) == "forged");
        CHECK_FALSE(contains(dom, kSita));
    }
    SECTION("revoked: genuine, but on the signed list, with its day") {
        const auto code = mitra::sign_code(facts_for(site.revoked_serial, kYamada, "", "en", site.key), site.key);
        const auto dom = site.dom(code);
        CHECK(verdict_of(dom) == "revoked");
        CHECK(std::regex_search(dom, std::regex("revoked on \\d{4}-\\d\\d-\\d\\d")));
    }
    SECTION("expired: a certification whose last valid day has passed") {
        auto facts = facts_for("PSF-NP-2026-000401-D", kMinjun, "", "ko", site.key);
        facts.kind = "certification:PSF-FAC";
        facts.expires_on = "2020-01-01";
        const auto dom = site.dom(mitra::sign_code(facts, site.key));
        CHECK(verdict_of(dom) == "expired");
        facts.expires_on = "2999-12-31";
        CHECK(verdict_of(site.dom(mitra::sign_code(facts, site.key))) == "genuine");
    }
    SECTION("unknown key: a code another installation signed") {
        const auto stranger = mitra::new_signing_key();
        const auto dom =
            site.dom(mitra::sign_code(facts_for("PSF-NP-2026-000501-E", kSomchai, "", "th", stranger), stranger));
        CHECK(verdict_of(dom) == "unknown-key");
        CHECK_FALSE(contains(dom, kSomchai));
    }
    SECTION("damaged: a digit short, or not a code at all") {
        const auto code = mitra::sign_code(facts_for("PSF-NP-2026-000601-F", kAisha, "", "ur", site.key), site.key);
        CHECK(verdict_of(site.dom(code.substr(0, code.size() - 1))) == "damaged");
        CHECK(verdict_of(site.dom("M2123")) == "damaged");
    }
    SECTION("a signed name with a bidi override and an escape character shows them escaped, never raw") {
        const std::string name = "Ali \u202Enahk\u202C \x1b[2J";  // an RLO, a PDF (pop) and a terminal escape
        const auto dom =
            site.dom(mitra::sign_code(facts_for("PSF-NP-2026-000801-J", name, "", "en", site.key), site.key));
        CHECK(verdict_of(dom) == "genuine");
        CHECK_FALSE(contains(dom, "\u202E"));
        CHECK_FALSE(contains(dom, "\x1b"));
        CHECK(contains(dom,
                       "Ali <span class=\"escaped\">\\u{202E}</span>nahk<span class=\"escaped\">\\u{202C}</span> "
                       "<span class=\"escaped\">\\u{1B}</span>[2J"));
    }
    SECTION("version 1 codes still verify") {
        auto facts = facts_for("PSF-NP-2025-000001-G", kSriyani, "", "", site.key);
        facts.title = "Peer Support Foundations";
        const auto dom = site.dom(mitra::sign_facts(facts, site.key));
        CHECK(verdict_of(dom) == "genuine");
        CHECK(shown_name(dom) == kSriyani);
    }
}

TEST_CASE("without WebCrypto's Ed25519 the page verifies with its inlined fallback", "[cli][verifier][chromium]") {
    Site site;
    // A copy of the page in a browser without crypto.subtle at all (as on a page served over plain http).
    auto page = read_file(site.folder / "index.html");
    page.replace(page.find("<head>"), 6, "<head><script>delete Crypto.prototype.subtle;</script>");
    const fs::path copy = site.folder / "no-webcrypto.html";
    std::ofstream(copy, std::ios::binary) << page;

    const auto code =
        mitra::sign_code(facts_for("PSF-NP-2026-000701-H", kAisha, "Aisha Khan", "ur", site.key), site.key);
    auto dom = page_dom(copy, code);
    CHECK(verdict_of(dom) == "genuine");
    CHECK(verdict_attribute(dom, "data-engine") == "fallback");
    CHECK(shown_name(dom) == kAisha);

    auto forged = code;
    forged[12] = forged[12] == '0' ? '1' : static_cast<char>(forged[12] - 1);
    dom = page_dom(copy, forged);
    CHECK(verdict_of(dom) == "forged");
    CHECK(verdict_attribute(dom, "data-engine") == "fallback");

    // The revocation list is checked by the fallback too.
    dom = page_dom(copy, mitra::sign_code(facts_for(site.revoked_serial, kAisha, "", "ur", site.key), site.key));
    CHECK(verdict_of(dom) == "revoked");
}

namespace {

// A copy of the site's page with `script` run after the page's own, as a visitor's action (a drop, a paste).
fs::path page_doing(const fs::path& folder, const std::string& name, const std::string& script) {
    auto page = read_file(folder / "index.html");
    page.replace(page.rfind("</body>"), 7, "<script>" + script + "</script></body>");
    const fs::path copy = folder / name;
    std::ofstream(copy, std::ios::binary) << page;
    return copy;
}

// JavaScript that drops a file holding `bytes` on the page's drop area.
std::string drop_file(const std::string& bytes) {
    std::string b64 = mitra::base64url_encode(bytes);
    for (char& c : b64) c = c == '-' ? '+' : c == '_' ? '/' : c;
    while (b64.size() % 4) b64 += '=';
    return "const bytes = Uint8Array.from(atob('" + b64 +
           "'), (c) => c.charCodeAt(0));"
           "const dt = new DataTransfer(); dt.items.add(new File([bytes], 'c.pdf', {type: 'application/pdf'}));"
           "document.getElementById('drop').dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true, "
           "cancelable: true}));";
}

// The smallest PDF whose Info dictionary carries `keywords`, written as libharu writes them (uncompressed).
std::string pdf_with_keywords(const std::string& keywords) {
    return "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
           "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
           "3 0 obj << /Producer (Haru Free PDF Library) /Keywords (" +
           keywords +
           ") >> endobj\n"
           "trailer << /Root 1 0 R /Info 3 0 R >>\n%%EOF\n";
}

}  // namespace

TEST_CASE("the page reads a dropped PDF's code, and a typed serial only says whether it is revoked",
          "[cli][verifier][chromium]") {
    Site site;
    const auto code = mitra::sign_code(facts_for("PSF-NP-2026-000901-K", kSriyani, "", "si", site.key), site.key);
    const auto link = mitra::verification_link("https://verify.example.org/psf/", code);

    SECTION("a dropped certificate PDF: the link in its Info Keywords is checked") {
        const auto dom = page_dom(page_doing(site.folder, "drop.html", drop_file(pdf_with_keywords(link))), "");
        CHECK(verdict_of(dom) == "genuine");
        CHECK(shown_name(dom) == kSriyani);
    }
    SECTION("a dropped file without a code says so and judges nothing") {
        const auto dom =
            page_dom(page_doing(site.folder, "drop-none.html", drop_file(pdf_with_keywords("peer support"))), "");
        CHECK(verdict_of(dom) == "");
        CHECK(contains(dom, "No certificate code was found in this file."));
    }
    SECTION("a typed serial: on the revocation list, or not, and never 'genuine'") {
        const auto type = [&](const std::string& text) {
            return page_dom(page_doing(site.folder, "typed.html",
                                       "document.getElementById('code').value = '" + text +
                                           "'; document.getElementById('form').requestSubmit();"),
                            "");
        };
        auto dom = type(site.revoked_serial);
        CHECK(verdict_of(dom) == "");
        CHECK(contains(dom, site.revoked_serial + " is on the revocation list: revoked on "));
        dom = type("PSF-NP-2026-000901-K");
        CHECK(verdict_of(dom) == "");
        CHECK(contains(dom, "is not on the revocation list. That alone does not show it is genuine"));
    }
    SECTION("a pasted link") {
        const auto dom = page_dom(page_doing(site.folder, "pasted.html",
                                             "document.getElementById('code').value = ' " + link +
                                                 "\\n'; document.getElementById('form').requestSubmit();"),
                                  "");
        CHECK(verdict_of(dom) == "genuine");
    }
}

TEST_CASE("the page speaks the certificate's language (Urdu right to left), and English at the visitor's click",
          "[cli][verifier][chromium]") {
    Site site;
    // The page's word for "Genuine" in each language, and the page's direction.
    struct Case {
        std::string name, language, genuine, html;
    };
    const Case cases[] = {
        {kSriyani, "si", "\u0DC3\u0DAD\u0DCA\u200D\u0DBA\u0DBA\u0DD2",
         R"(<html lang="si" dir="ltr">)"},  // සත්‍යයි
        {kAisha, "ur", "اصلی", R"(<html lang="ur" dir="rtl">)"},
        {kSita, "ne-NP", "सक्कली", R"(<html lang="ne" dir="ltr">)"},
    };
    int n = 0;
    for (const auto& c : cases) {
        const auto code = mitra::sign_code(
            facts_for("PSF-NP-2026-00110" + std::to_string(n++) + "-L", c.name, "Latin", c.language, site.key),
            site.key);
        INFO(c.language);
        const auto dom = site.dom(code);
        CHECK(verdict_of(dom) == "genuine");
        CHECK(contains(dom, c.html));
        CHECK(contains(dom, "<p id=\"verdict-word\">" + c.genuine + "</p>"));
        CHECK(shown_name(dom) == c.name);  // the name keeps dir="auto" whatever the page's direction
    }

    SECTION("tags without words of their own find the nearest language") {
        const std::pair<std::string, std::string> tags[] = {
            {"zh-Hant-HK", "zh-Hant"}, {"zh-HK", "zh-Hant"}, {"zh-CN", "zh-Hans"}, {"tl", "fil"},
            {"fil-PH", "fil"},         {"UR-pk", "ur"},      {"xx", "en"}};
        for (const auto& [tag, shown] : tags) {
            const auto code = mitra::sign_code(
                facts_for("PSF-NP-2026-00120" + std::to_string(n++) + "-M", kYamada, "", tag, site.key), site.key);
            INFO(tag);
            CHECK(contains(site.dom(code), "<html lang=\"" + shown + "\""));
        }
    }
    SECTION("the English button turns an Urdu page into an English, left-to-right one") {
        const auto code =
            mitra::sign_code(facts_for("PSF-NP-2026-001301-N", kAisha, "Aisha Khan", "ur", site.key), site.key);
        const auto page = page_doing(site.folder, "to-english.html",
                                     "const wait = setInterval(() => {"
                                     "  const b = document.querySelector('#langs button[lang=en]');"
                                     "  if (b) { clearInterval(wait); b.click(); } }, 10);");
        const auto dom = page_dom(page, code);
        CHECK(verdict_of(dom) == "genuine");
        CHECK(contains(dom, R"(<html lang="en" dir="ltr">)"));
        CHECK(contains(dom, "<p id=\"verdict-word\">Genuine</p>"));
        CHECK(contains(dom, R"(<button type="button" lang="en" aria-pressed="true">English</button>)"));
        CHECK(contains(dom, R"(<button type="button" lang="ur" aria-pressed="false">اردو</button>)"));
        CHECK(shown_name(dom) == kAisha);
    }
    SECTION("the words need no DecompressionStream (Safari before 16.4 lacks it): fflate inflates them in the page") {
        auto page = read_file(site.folder / "index.html");
        page.replace(page.find("<head>"), 6, "<head><script>delete window.DecompressionStream;</script>");
        const fs::path copy = site.folder / "no-inflate.html";
        std::ofstream(copy, std::ios::binary) << page;
        const auto dom =
            page_dom(copy, mitra::sign_code(facts_for("PSF-NP-2026-001401-P", kAisha, "", "ur", site.key), site.key));
        CHECK(verdict_of(dom) == "genuine");
        CHECK(contains(dom, R"(<html lang="ur" dir="rtl">)"));
        CHECK(contains(dom, "<p id=\"verdict-word\">اصلی</p>"));
        CHECK(shown_name(dom) == kAisha);
    }
}
