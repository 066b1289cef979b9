// certificate verify through the real mitra-cli on real PDFs: the file read as a PDF (damaged, swapped, re-saved),
// nothing a forger writes reaching the terminal raw, and revocation checked offline only with a signed list.
#include <catch2/catch.hpp>

#include <fstream>

#include "cohort_setup.hpp"
#include "core/certificate_code.hpp"
#include "core/signature.hpp"
#include "names.hpp"
#include "run_cli.hpp"

using namespace mitra::cli_test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

// A certificate for P-001 (A) and one for P-003 (B), issued from a fresh cohort.
struct Issued {
    Workspace ws;
    fs::path a, b;
    std::string a_serial, b_serial;
    std::string public_key;  // the installation's, exported
    Issued() {
        set_up_cohort(ws);
        const auto issued = issue(ws, ws.dir / "certs");
        a_serial = item_for(issued, "P-001")["serial"];
        b_serial = item_for(issued, "P-003")["serial"];
        a = ws.dir / "certs" / (a_serial + ".pdf");
        b = ws.dir / "certs" / (b_serial + ".pdf");
        public_key = (ws.dir / "public.key").string();
        ws.ok({"key", "export", "--out", public_key});
    }
    // Offline: no database at all, only these arguments.
    Output offline(std::vector<std::string> args) const {
        args.insert(args.begin(), {"--db", (ws.dir / "nowhere" / "mitra.db").string(), "certificate", "verify"});
        return ws.run_bare(args);
    }
};

std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }

// No byte a terminal obeys (ESC, CR, other C0 controls but '\n') and no bidi override.
bool printable(const std::string& text) {
    for (char c : text)
        if ((static_cast<unsigned char>(c) < 0x20 && c != '\n') || c == 0x7f) return false;
    return text.find("\u202E") == std::string::npos;
}

// A key of the test's own, written as key files: the secret for signing codes here, the public for --public-key.
struct OwnKey {
    mitra::SigningKey key = mitra::new_signing_key();
    std::string public_file;
    explicit OwnKey(const Workspace& ws, const std::string& name) {
        public_file = ws.file(name + ".pub", "mitra-ed25519-public " + mitra::base64url_encode(key.public_key) + " " +
                                                 key.key_id() + "\n");
    }
};

mitra::CertifiedFacts facts_for(const std::string& name, const std::string& key_id) {
    mitra::CertifiedFacts f;
    f.serial = "PSF-NP-2026-000042-K";
    f.full_name = name;
    f.programme = "PSF 2026.1";
    f.kind = "completion";
    f.issued_on = "2026-11-25";
    f.key_id = key_id;
    return f;
}

// A version 2 code whose message is `lines` (joined by '\n') and whose signature is 64 bytes of nothing: what a
// forger writes by hand, with characters sign_code would refuse.
std::string hand_made_code(const std::vector<std::string>& lines) {
    std::string message;
    for (std::size_t i = 0; i < lines.size(); ++i) message += (i ? "\n" : "") + lines[i];
    return "M2" + mitra::digits_encode(std::string(64, '\x01') + message);
}

std::string key_id_of(const std::string& public_key_file) {
    const std::string text = read_file(public_key_file);
    return text.substr(text.rfind(' ') + 1, 16);
}

}  // namespace

TEST_CASE("a forged code's escape codes, carriage returns and bidi overrides never reach the terminal",
          "[cli][verify]") {
    Workspace ws;
    ws.ok({"init"});
    const auto public_key = (ws.dir / "public.key").string();
    ws.ok({"key", "export", "--out", public_key});
    const std::string trusted_id = key_id_of(public_key);
    // The name paints "GENUINE" over the line, clears it, and turns what follows right to left.
    const std::string trap = "\rGENUINE: PSF-NP-2026-000001-S\x1b[2K\x1b]0;owned\x07\u202E\u2066 evil";

    SECTION("forged under a trusted key: only the verdict and the reason, on every path") {
        const std::string forged = hand_made_code(
            {"M2", "PSF-NP-2026-000042-K", trap, "", "PSF 2026.1", "completion", "2026-11-25", "", "en", trusted_id});
        for (const auto& args : std::vector<std::vector<std::string>>{
                 {"certificate", "verify", "--public-key", public_key, "--qr", forged},
                 {"certificate", "verify", "--public-key", public_key, "--qr", "https://verify.example.org/#" + forged},
                 {"--json", "certificate", "verify", "--public-key", public_key, "--qr", forged}}) {
            const auto result = ws.run(args);
            INFO(result.out << result.err);
            CHECK(result.status == 1);
            CHECK(printable(result.out));
            CHECK(printable(result.err));
            CHECK_FALSE(contains(result.out, "evil"));
            if (args.front() == "--json") {
                const auto j = json::parse(result.out);
                CHECK(j["verdict"] == "forged");
                CHECK(j["valid"] == false);
                CHECK_FALSE(j.contains("full_name"));
                CHECK_FALSE(j.contains("serial"));
                continue;
            }
            // The one line: the verdict and the reason, nothing of the facts.
            CHECK(result.out == "NOT GENUINE: the signature does not match: the certificate was altered or forged\n");
        }
    }
    SECTION("a stranger's key named with escape codes is shown escaped") {
        const std::string stranger = hand_made_code({"M2", "PSF-NP-2026-000042-K", trap, "", "PSF 2026.1", "completion",
                                                     "2026-11-25", "", "en", "\x1b[31mdeadbeef"});
        const auto result = ws.run({"certificate", "verify", "--public-key", public_key, "--qr", stranger});
        INFO(result.out << result.err);
        CHECK(result.status == 1);
        CHECK(printable(result.out));
        CHECK(first_line(result.out) ==
              "UNKNOWN KEY: it was signed with a key that is not trusted here (key \\u{1B}[31mdeadbeef)");
    }
    SECTION("a genuine code's facts are shown, with what steers a terminal escaped and the joiners kept") {
        const OwnKey own(ws, "own");
        const std::string name = "\x1b[2K" + kSriyani + "\u202E";
        const std::string code = mitra::sign_code(facts_for(name, own.key.key_id()), own.key);
        const auto result = ws.run({"certificate", "verify", "--public-key", own.public_file, "--qr", code});
        INFO(result.out << result.err);
        CHECK(result.status == 0);
        CHECK(printable(result.out));
        CHECK(first_line(result.out) == "GENUINE: PSF-NP-2026-000042-K");
        CHECK(contains(result.out, "\\u{1B}[2K" + kSriyani + "\\u{202E}"));  // ZWJ inside the name stays
    }
}

TEST_CASE(
    "verify reads a certificate file as a PDF: a code in a text file or a PDF cut short is damaged, a "
    "swapped code is refused, and a re-saved PDF still verifies",
    "[cli][verify]") {
    Issued issued;
    const auto& ws = issued.ws;
    const std::string a_bytes = read_file(issued.a);
    const std::string a_code = mitra::find_payload(a_bytes);  // what the old byte search found
    REQUIRE_FALSE(a_code.empty());

    SECTION("a text file holding a genuine code is not a certificate file") {
        const auto text_file = ws.file("code.pdf", "The code: " + a_code + "\n");
        const auto result = ws.run({"certificate", "verify", text_file});
        INFO(result.out << result.err);
        CHECK(result.status == 1);
        CHECK(first_line(result.out) == "DAMAGED: " + text_file + ": it is not a PDF file");
        CHECK(json::parse(ws.run({"--json", "certificate", "verify", text_file}).out)["verdict"] == "damaged");
    }
    SECTION("a PDF cut in half is damaged, even though its first half holds the code") {
        const std::string half = a_bytes.substr(0, a_bytes.size() / 2);
        REQUIRE(contains(half, a_code));
        const auto cut = ws.file("cut.pdf", half);
        const auto result = ws.run({"certificate", "verify", cut});
        INFO(result.out << result.err);
        CHECK(result.status == 1);
        CHECK(first_line(result.out) == "DAMAGED: " + cut + ": the PDF is cut short: its end is missing");
    }
    SECTION("B's certificate carrying A's code in its metadata is refused, saying which parts disagree") {
        std::string b_bytes = read_file(issued.b);
        const std::string b_code = mitra::find_payload(b_bytes);
        REQUIRE(b_code != a_code);
        b_bytes.replace(b_bytes.find(b_code), b_code.size(), a_code);
        const auto swapped = ws.file("swapped.pdf", b_bytes);
        for (const auto& args : std::vector<std::vector<std::string>>{
                 {"certificate", "verify", swapped},
                 {"certificate", "verify", "--public-key", issued.public_key, swapped}}) {
            const auto result = ws.run(args);
            INFO(result.out << result.err);
            CHECK(result.status == 1);
            CHECK(first_line(result.out) ==
                  "NOT GENUINE: " + swapped + ": its QR code and its metadata (Keywords) carry different codes");
            CHECK_FALSE(contains(result.out, kYamada));
            CHECK_FALSE(contains(result.out, kSomchai));
        }
    }
    SECTION("A's certificate with its printed text taken off the page (QR and metadata left) is refused") {
        const auto qdf = (ws.dir / "a-qdf.pdf").string();
        REQUIRE(tool("/usr/bin/qpdf", {"--qdf", "--object-streams=disable", issued.a.string(), qdf}).status == 0);
        std::string bytes = read_file(qdf);
        // Every text object ("BT" … "ET", as libharu writes them) out of the content; fix-qdf then puts the
        // streams' lengths right again.
        int removed = 0;
        for (auto at = bytes.find(" BT\n"); at != std::string::npos; at = bytes.find(" BT\n", at)) {
            const auto end = bytes.find("\nET", at);
            REQUIRE(end != std::string::npos);
            bytes.erase(at + 1, end + 3 - (at + 1));
            ++removed;
        }
        REQUIRE(removed > 0);
        const auto fixed = tool("/usr/bin/fix-qdf", {ws.file("stripped-qdf.pdf", bytes)});
        REQUIRE(fixed.status == 0);
        const auto stripped = ws.file("stripped.pdf", fixed.out);
        REQUIRE_FALSE(contains(pdf_text(stripped), issued.a_serial));
        const auto result = ws.run({"certificate", "verify", stripped});
        INFO(result.out << result.err);
        CHECK(result.status == 1);
        CHECK(first_line(result.out) == "NOT GENUINE: " + stripped + ": the serial its QR code carries (" +
                                            issued.a_serial + ") is not the one printed on its page");
        CHECK_FALSE(contains(result.out, kYamada));
    }
    SECTION("a genuine certificate re-saved with object streams, as PDF optimisers do, verifies") {
        const auto optimised = (ws.dir / "optimised.pdf").string();
        const auto qpdf =
            tool("/usr/bin/qpdf", {"--object-streams=generate", "--compress-streams=y", issued.a.string(), optimised});
        INFO(qpdf.err);
        REQUIRE(qpdf.status == 0);
        CHECK(mitra::find_payload(read_file(optimised)).empty());  // the code is no longer in the bytes as such
        for (const auto& args : std::vector<std::vector<std::string>>{
                 {"certificate", "verify", optimised},
                 {"certificate", "verify", "--public-key", issued.public_key, optimised}}) {
            const auto result = ws.run(args);
            INFO(result.out << result.err);
            CHECK(result.status == 0);
            CHECK(first_line(result.out) == "GENUINE: " + issued.a_serial);
            CHECK(contains(result.out, kYamada));
        }
    }
}

TEST_CASE("offline, revocation is checked only with the programme's signed list, and said so when it is not",
          "[cli][verify]") {
    Issued issued;
    const auto& ws = issued.ws;
    const auto pdf = issued.a.string();

    // No list: genuine, and honest about what it could not check.
    const auto unchecked = issued.offline({"--public-key", issued.public_key, pdf});
    INFO(unchecked.out << unchecked.err);
    CHECK(unchecked.status == 0);
    CHECK(first_line(unchecked.out) == "GENUINE: " + issued.a_serial);
    CHECK(contains(unchecked.out, "revocation not checked"));
    const auto unchecked_json =
        json::parse(ws.run_bare({"--db", (ws.dir / "nowhere.db").string(), "--json", "certificate", "verify",
                                 "--public-key", issued.public_key, pdf})
                        .out);
    CHECK(unchecked_json["revocation_checked"] == false);
    CHECK_FALSE(unchecked_json.contains("revoked"));
    CHECK(unchecked_json["verdict"] == "genuine");

    // Revoked, with a category; the list is written and signed.
    CHECK(ws.run({"certificate", "revoke", issued.a_serial, "--reason", "x", "--category", "lost"}).status == 2);
    ws.ok({"certificate", "revoke", issued.a_serial, "--reason", "named the wrong cohort", "--category",
           "issued-in-error"});
    CHECK(ws.json({"certificate", "show", issued.a_serial})["revocation_category"] == "issued-in-error");
    const auto list = (ws.dir / "revocations.txt").string();
    ws.ok({"certificate", "revocations", "--out", list});
    const std::string list_text = read_file(list);
    CHECK(contains(list_text, issued.a_serial + " "));
    CHECK(contains(list_text, " issued-in-error\n"));
    CHECK_FALSE(contains(list_text, "wrong cohort"));  // the written reason stays in the database

    SECTION("--revocations: REVOKED with its day and category") {
        const auto result = issued.offline({"--public-key", issued.public_key, "--revocations", list, pdf});
        INFO(result.out << result.err);
        CHECK(result.status == 1);
        CHECK(first_line(result.out) == "REVOKED: " + issued.a_serial);
        CHECK(contains(result.out,
                       "revoked on " +
                           list_text.substr(list_text.find(issued.a_serial) + issued.a_serial.size() + 1, 10) +
                           " (issued-in-error)"));
        CHECK_FALSE(contains(result.out, "revocation not checked"));
        const auto j =
            json::parse(ws.run_bare({"--db", (ws.dir / "nowhere.db").string(), "--json", "certificate", "verify",
                                     "--public-key", issued.public_key, "--revocations", list, pdf})
                            .out);
        CHECK(j["verdict"] == "revoked");
        CHECK(j["revocation_checked"] == true);
        CHECK(j["revoked"] == true);
        CHECK(j["revocation_category"] == "issued-in-error");
        // B is not on the list: genuine, and this time it is known.
        const auto b = issued.offline({"--public-key", issued.public_key, "--revocations", list, issued.b.string()});
        CHECK(b.status == 0);
        CHECK_FALSE(contains(b.out, "revocation not checked"));
    }
    SECTION("--site: the keys and the list from a verification site's folder") {
        const fs::path site = ws.dir / "site";
        fs::create_directories(site);
        // keys.txt lists every key of the programme, one a line: another installation's first.
        Workspace other;
        other.ok({"init"});
        const auto other_key = (other.dir / "other.key").string();
        other.ok({"key", "export", "--out", other_key});
        ws.file("site/keys.txt", read_file(other_key) + "\n" + read_file(issued.public_key));
        ws.file("site/revocations.txt", list_text);
        const auto result = issued.offline({"--site", site.string(), pdf});
        INFO(result.out << result.err);
        CHECK(result.status == 1);
        CHECK(first_line(result.out) == "REVOKED: " + issued.a_serial);
        // --public-key may be given more than once, and a keys file may hold several.
        const auto both =
            issued.offline({"--public-key", other_key, "--public-key", issued.public_key, issued.b.string()});
        CHECK(both.status == 0);
        const auto keys_file = (site / "keys.txt").string();
        CHECK(issued.offline({"--public-key", keys_file, issued.b.string()}).status == 0);
        CHECK(issued.offline({"--public-key", other_key, issued.b.string()}).status == 1);
    }
    SECTION("a list that does not verify is refused, and nothing is judged") {
        std::string altered = list_text;
        altered.replace(altered.find(issued.a_serial), issued.a_serial.size(), issued.b_serial);
        const auto bad = ws.file("altered.txt", altered);
        const auto result = issued.offline({"--public-key", issued.public_key, "--revocations", bad, pdf});
        INFO(result.out << result.err);
        CHECK(result.status == 2);
        CHECK(result.out.empty());
        CHECK(contains(result.err, "cannot be trusted"));
        Workspace other;
        other.ok({"init"});
        const auto other_key = (other.dir / "other.key").string();
        other.ok({"key", "export", "--out", other_key});
        // Signed by a key that is not given: refused too.
        CHECK(issued.offline({"--public-key", other_key, "--revocations", list, pdf}).status == 2);
        // Against the database, the database's own records count: --revocations is refused.
        CHECK(ws.run({"certificate", "verify", "--revocations", list, pdf}).status == 2);
    }
}

TEST_CASE("offline, a version 2 link verifies, and a certificate past its signed last day is EXPIRED",
          "[cli][verify]") {
    Workspace ws;
    const OwnKey own(ws, "own");
    auto facts = facts_for(kAisha, own.key.key_id());
    facts.expires_on = "2028-11-24";
    const std::string link =
        mitra::verification_link("https://verify.example.org/psf/", mitra::sign_code(facts, own.key));
    REQUIRE(link.rfind("HTTPS://VERIFY.EXAMPLE.ORG/psf/#M2", 0) == 0);
    const auto nowhere = (ws.dir / "nowhere.db").string();
    const auto on = [&](const std::string& day) {
        return ws.run_bare(
            {"--db", nowhere, "certificate", "verify", "--public-key", own.public_file, "--qr", link, "--today", day});
    };
    const auto last_day = on("2028-11-24");
    INFO(last_day.out << last_day.err);
    CHECK(last_day.status == 0);
    CHECK(first_line(last_day.out) == "GENUINE: PSF-NP-2026-000042-K");
    CHECK(contains(last_day.out, kAisha));
    CHECK(contains(last_day.out, "valid until 2028-11-24"));
    const auto after = on("2028-11-25");
    CHECK(after.status == 1);
    CHECK(first_line(after.out) == "EXPIRED: PSF-NP-2026-000042-K");
    CHECK(contains(after.out, "expired on 2028-11-24"));
    CHECK_FALSE(fs::exists(nowhere));
}

TEST_CASE(
    "an issued completion certificate carries the last day of the certification it grants, so offline it "
    "expires",
    "[cli][verify]") {
    Workspace ws;
    set_up_cohort(ws);
    const auto issued = issue(ws, ws.dir / "certs");
    const auto& item = issued["certificates"].at(0);
    const std::string serial = item["serial"], file = item["file"];
    const auto certification = ws.json({"certificate", "verify", serial, "--json"});
    INFO(certification.dump());
    const std::string last_day = certification["expires_on"];  // two years on (the curriculum's valid_months)
    ws.ok({"key", "export", "--out", (ws.dir / "public.key").string()});
    const auto nowhere = (ws.dir / "nowhere.db").string();
    const auto offline = [&](const std::string& day) {
        return ws.run_bare({"--db", nowhere, "certificate", "verify", "--public-key", (ws.dir / "public.key").string(),
                            file, "--today", day});
    };
    const auto in_date = offline(last_day);
    INFO(in_date.out << in_date.err);
    CHECK(in_date.status == 0);
    CHECK(first_line(in_date.out) == "GENUINE: " + serial);
    CHECK(contains(in_date.out, "valid until " + last_day));
    const auto after = offline("2099-01-01");
    CHECK(after.status == 1);
    CHECK(first_line(after.out) == "EXPIRED: " + serial);
}
