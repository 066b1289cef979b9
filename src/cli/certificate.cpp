// mitra-cli certificate issue|list|show|verify|revoke|reprint.
#include <unistd.h>

#include <filesystem>
#include <iostream>

#include "cli/context.hpp"
#include "core/serial.hpp"
#include "io/files.hpp"
#include "io/keys.hpp"
#include "io/template_toml.hpp"
#include "pdf/certificate.hpp"
#include "workflow/certificates.hpp"
#include "store/certificates.hpp"
#include "store/certification_repo.hpp"

namespace mitra::cli {
namespace {

namespace fs = std::filesystem;

struct CertificateIssueOptions {
    std::string cohort;
    std::string out_dir;        // --out
    std::string template_file;  // --template; empty: the shipped one
    std::string module;         // --module; empty: completion certificates
    std::string key_file;       // --key; empty: the installation's own
    std::string today;          // --today; empty: today
};

struct CertificateListOptions {
    std::string search;
    std::string cohort;
};

struct CertificateShowOptions {
    std::string serial;
};

struct CertificateVerifyOptions {
    std::string certificate;  // a PDF file or a serial
    std::string qr;
    std::string public_key;  // --public-key; given: offline
    std::string today;       // --today; empty: today
};

struct CertificateRevokeOptions {
    std::string serial;
    std::string reason;
};

struct CertificateReprintOptions {
    std::string serial;
    std::string reason;
    std::string out_dir;        // --out
    std::string template_file;  // --template; empty: the shipped one
    std::string key_file;       // --key; empty: the installation's own
};

CertificateTemplate load_template(const std::string& file, const std::string& kind) {
    const std::string path = !file.empty() ? file : shipped_dir("certificates") + "/" + pdf::shipped_template_name(kind);
    auto read = io::read_certificate_template_file(path);
    if (!read.ok()) throw InputError{read.problems};
    return read.value;
}

SigningKey signing_key(const std::string& key_file) {
    return io::load_or_create_signing_key(key_file.empty() ? io::default_key_path() : fs::path(key_file));
}

json record_json(const store::CertificateRecord& r) {
    return json{{"serial", r.serial},
                {"ref", r.participant_ref},
                {"full_name", r.full_name},
                {"cohort", r.cohort_code},
                {"kind", r.kind},
                {"module", r.module_code},
                {"issued_on", r.issued_on},
                {"content_hash", r.content_hash},
                {"revoked", r.revoked_at.has_value()},
                {"revoked_at", r.revoked_at.value_or("")},
                {"revocation_reason", r.revocation_reason},
                {"prints", r.prints}};
}

// Progress for people at a terminal; nothing when output goes to a file or a program.
void show_progress(std::size_t done, std::size_t total, const std::string& what) {
    if (!::isatty(STDERR_FILENO)) return;
    std::cerr << "\r  " << done << " of " << total << "  " << what << "\033[K" << std::flush;
    if (done == total) std::cerr << '\n';
}

void run_certificate_issue(Context& ctx, const CertificateIssueOptions& options) {
    const std::string kind = options.module.empty() ? "completion" : "module";
    const auto layout = load_template(options.template_file, kind);
    const auto key = signing_key(options.key_file);
    const Date day = options.today.empty() ? today_utc() : date_option("--today", options.today);
    const std::string template_name =
        options.template_file.empty() ? kind : fs::path(options.template_file).filename().string();
    pdf::FontStack fonts;
    const workflow::IssueRequest request{options.cohort, kind, options.module, layout, template_name, day,
                                         options.out_dir};
    const auto written = workflow::issue_certificates(
        ctx.db(), fonts, key, request, [&](std::size_t done, std::size_t total) {
            show_progress(done, total, done * 2 <= total ? "certificates" : "print file");
            return true;
        });
    const auto& result = written;
    const std::string print_file = written.print_file.string();
    json items = json::array();
    std::string text;
    for (std::size_t i = 0; i < result.issued.size(); ++i) {
        const auto& issued = result.issued[i];
        const std::string file = written.files.at(i).string();
        items.push_back({{"ref", issued.record.participant_ref}, {"serial", issued.record.serial},
                         {"file", file}, {"existing", issued.existing}});
        text += (issued.existing ? "  again  " : "  issued ") + issued.record.serial + "  " +
                issued.record.participant_ref + "  " + file + "\n";
    }
    json left = json::array();
    for (const auto& l : result.left_out) {
        left.push_back({{"ref", l.ref}, {"reason", l.reason}});
        text += "  left out  " + l.ref + ": " + l.reason + "\n";
    }
    text += std::to_string(result.issued.size()) + " certificate(s), " + std::to_string(result.left_out.size()) +
            " left out" + (print_file.empty() ? "" : "; print file: " + print_file);
    ctx.print(json{{"certificates", items}, {"left_out", left}, {"print_file", print_file}}, text);
}

void run_certificate_list(Context& ctx, const CertificateListOptions& options) {
    json items = json::array();
    std::vector<std::vector<std::string>> rows{{"SERIAL", "REF", "NAME", "COHORT", "ISSUED", "STATUS"}};
    for (const auto& r : store::CertificateRepo(ctx.db()).list(options.search, options.cohort)) {
        items.push_back(record_json(r));
        rows.push_back({r.serial, r.participant_ref, r.full_name, r.cohort_code, r.issued_on,
                        r.revoked_at ? "revoked" : "valid"});
    }
    ctx.print(items, rows.size() > 1 ? table(rows) : "No certificates found");
}

void run_certificate_show(Context& ctx, const CertificateShowOptions& options) {
    auto r = store::CertificateRepo(ctx.db()).find(options.serial);
    if (!r) bad_option("serial", "no certificate has serial " + options.serial);
    ctx.print(record_json(*r),
              table({{"serial", r->serial},
                     {"holder", r->participant_ref + " " + r->full_name},
                     {"cohort", r->cohort_code},
                     {"kind", r->kind + (r->module_code.empty() ? "" : " " + r->module_code)},
                     {"issued", r->issued_on},
                     {"status", r->revoked_at ? "revoked on " + *r->revoked_at + " by " + r->revoked_by + ": " +
                                                    r->revocation_reason
                                              : "valid"},
                     {"reprints", std::to_string(r->prints)},
                     {"content hash", r->content_hash}}));
}

void run_certificate_verify(Context& ctx, const CertificateVerifyOptions& options) {
    std::string payload = options.qr;
    if (payload.empty() && options.certificate.empty())
        bad_option("certificate", "give a PDF file, a serial, or --qr TEXT");
    const bool offline = !options.public_key.empty();
    if (payload.empty() && fs::is_regular_file(options.certificate)) {
        payload = find_payload(io::read_text_file(options.certificate));
        if (payload.empty()) bad_option("certificate", options.certificate + " holds no Mitra certificate code");
    } else if (payload.empty()) {
        if (!is_valid_serial(options.certificate))
            bad_option("certificate", "'" + options.certificate + "' is neither a file nor a valid serial");
        if (offline) bad_option("certificate", "a serial is checked against the database; drop --public-key");
        auto r = store::CertificateRepo(ctx.db()).find(options.certificate);
        if (!r)
            throw std::runtime_error("NOT VALID: no certificate with serial " +
                                     normalise_serial(options.certificate) + " was issued here");
        if (r->payload.empty()) {  // the holder asked to be forgotten: only the serial's record remains
            const bool valid = !r->revoked_at;
            ctx.print(json{{"valid", valid}, {"genuine", true}, {"revoked", !valid}, {"erased", true},
                           {"serial", r->serial}, {"issued_on", r->issued_on}, {"kind", r->kind}},
                      std::string(valid ? "GENUINE" : "NOT VALID") + ": " + r->serial + ", issued on " +
                          r->issued_on + (valid ? "" : ", revoked: " + r->revocation_reason) +
                          "\n  the holder's details were erased at their request; compare with the "
                          "certificate they show you, whose code verifies offline");
            if (!valid) throw std::runtime_error("the certificate is not valid");
            return;
        }
        payload = r->payload;
    }
    std::vector<SigningKey> keys;
    if (offline) keys.push_back(io::read_public_key(options.public_key));
    else keys = store::CertificateRepo(ctx.db()).trusted_keys();
    const auto check = check_payload(payload, keys);
    if (!check.well_formed) bad_option("--qr", check.problem);
    std::optional<store::CertificateRecord> record;
    if (!offline) record = store::CertificateRepo(ctx.db()).find(check.facts.serial);
    const auto& f = check.facts;
    const bool revoked = record && record->revoked_at;
    // A reprint with a corrected name re-signs the same serial: the older copy no longer counts.
    const bool erased = record && record->payload.empty();
    const bool superseded = record && !revoked && !erased && record->payload != payload;
    // A certificate that shows a certification is good until the certification's last day.
    std::optional<store::CertificationRecord> certification;
    if (record) certification = store::CertificationRepo(ctx.db()).for_serial(record->serial);
    const Date today = options.today.empty() ? today_utc() : date_option("--today", options.today);
    // Offline (or not issued here), the certification's last day is among the signed facts when it was issued
    // with one; certificates signed before then say nothing about expiry.
    const std::optional<Date> signed_expiry =
        f.expires_on.empty() ? std::nullopt : parse_date(f.expires_on);
    const bool expired = certification ? !revoked && certification->expires_on < today
                                       : signed_expiry && *signed_expiry < today;
    const bool valid = check.genuine && !revoked && !superseded && !expired;
    json j{{"valid", valid},         {"genuine", check.genuine}, {"revoked", revoked},
           {"serial", f.serial},     {"full_name", f.full_name}, {"latin_name", f.latin_name},
           {"programme", f.programme}, {"title", f.title},       {"kind", f.kind},
           {"issued_on", f.issued_on}, {"key_id", f.key_id},     {"problem", check.problem}};
    std::string text = valid ? "GENUINE" : expired && check.genuine && !superseded ? "EXPIRED" : "NOT VALID";
    text += ": " + f.serial + "\n" +
            table({{"  name", f.full_name + (f.latin_name.empty() ? "" : " (" + f.latin_name + ")")},
                   {"  programme", f.title + " (" + f.programme + ")"},
                   {"  certifies", f.kind},
                   {"  issued", f.issued_on},
                   {"  signed by key", f.key_id}});
    if (!check.genuine) text += "  " + check.problem + "\n";
    if (superseded)
        text += "  replaced by a later print of the same serial (such as a corrected name); ask for the current "
                "copy\n";
    j["superseded"] = superseded;
    j["erased"] = erased;
    j["expired"] = expired;
    if (certification) {
        j["certification"] = certification->code;
        j["valid_from"] = to_string(certification->valid_from);
        j["expires_on"] = to_string(certification->expires_on);
        j["renewed_by"] = certification->renewed_by_serial;
        j["previous_serial"] = certification->previous_serial;
        text += "  certification " + certification->code + ": issued " + to_string(certification->issued_on) +
                ", valid " + to_string(certification->valid_from) + " to " + to_string(certification->expires_on) +
                "\n";
        if (expired) text += "  expired on " + to_string(certification->expires_on) + "\n";
        if (!certification->previous_serial.empty())
            text += "  renews " + certification->previous_serial + "\n";
        if (!certification->renewed_by_serial.empty())
            text += "  renewed by " + certification->renewed_by_serial + "\n";
    } else if (signed_expiry) {
        j["expires_on"] = to_string(*signed_expiry);
        text += expired ? "  expired on " + to_string(*signed_expiry) + "\n"
                        : "  valid until " + to_string(*signed_expiry) + "\n";
    }
    if (erased) text += "  the holder's details were erased from the database at their request\n";
    if (revoked) {
        text += "  revoked on " + *record->revoked_at + ": " + record->revocation_reason + "\n";
        j["revocation_reason"] = record->revocation_reason;
    }
    if (valid) text += "The certificate must show exactly these facts.";
    else if (offline) text += "";
    if (!record && !offline) text += "(not issued from this database: revocation not checked)";
    ctx.print(j, text);
    if (!valid) throw std::runtime_error("the certificate is not valid");
}

void run_certificate_revoke(Context& ctx, const CertificateRevokeOptions& options) {
    const auto r = store::CertificateRepo(ctx.db()).revoke(options.serial, options.reason);
    ctx.print(record_json(r), "Revoked " + r.serial + ": " + options.reason);
}

void run_certificate_reprint(Context& ctx, const CertificateReprintOptions& options) {
    const auto key = signing_key(options.key_file);
    const auto record = store::CertificateRepo(ctx.db()).find(options.serial);
    if (!record) bad_option("serial", "no certificate has serial " + options.serial);
    // The template is read and the file rendered before anything is recorded: a template that cannot be
    // read, or an image or disk that fails, changes nothing.
    const auto layout = load_template(options.template_file, record->kind);
    pdf::FontStack fonts;
    const fs::path file = fs::path(options.out_dir) / (record->serial + ".pdf");
    const auto again =
        workflow::reprint_certificate(ctx.db(), fonts, key, options.serial, options.reason, layout, file).certificate;
    ctx.print(json{{"serial", again.record.serial}, {"file", file.string()}},
              "Printed " + again.record.serial + " again: " + file.string());
}

}  // namespace

void add_certificate_commands(CLI::App& app, Context& ctx) {
    auto* group = app.add_subcommand("certificate", "Issue, verify and revoke certificates");
    group->require_subcommand(1);

    auto issued = std::make_shared<CertificateIssueOptions>();
    auto* issue = group->add_subcommand("issue", "Issue certificates to everyone eligible in a cohort");
    issue->add_option("cohort", issued->cohort, "The cohort's code")->required();
    issue->add_option("--out", issued->out_dir, "The folder for the PDF files")->required();
    issue->add_option("--template", issued->template_file, "A certificate template (.toml; default: the shipped one)");
    issue->add_option("--module", issued->module, "Issue module participation certificates for this module instead");
    issue->add_option("--key", issued->key_file,
                      "The signing key file (default: the installation's, made on its first use)");
    issue->add_option("--today", issued->today, "The issue date (default: today)");
    issue->callback([&ctx, issued] { run_certificate_issue(ctx, *issued); });

    auto listed = std::make_shared<CertificateListOptions>();
    auto* list = group->add_subcommand("list", "List issued certificates");
    list->add_option("--search", listed->search, "Part of a serial, ref or name");
    list->add_option("--cohort", listed->cohort, "Only this cohort's");
    list->callback([&ctx, listed] { run_certificate_list(ctx, *listed); });

    auto shown = std::make_shared<CertificateShowOptions>();
    auto* show = group->add_subcommand("show", "Show one certificate");
    show->add_option("serial", shown->serial, "The serial")->required();
    show->callback([&ctx, shown] { run_certificate_show(ctx, *shown); });

    auto verified = std::make_shared<CertificateVerifyOptions>();
    auto* verify = group->add_subcommand("verify", "Prove a certificate genuine: from its PDF, its QR text or its serial");
    verify->add_option("certificate", verified->certificate, "A certificate PDF file, or a serial");
    verify->add_option("--today", verified->today, "Judge expiry on this day (default: today)");
    verify->add_option("--qr", verified->qr, "The text read from the certificate's QR code");
    verify->add_option("--public-key", verified->public_key,
                       "Verify offline with only this public key (from key export)");
    verify->callback([&ctx, verified] { run_certificate_verify(ctx, *verified); });

    auto revoked = std::make_shared<CertificateRevokeOptions>();
    auto* revoke = group->add_subcommand("revoke", "Revoke a certificate issued in error");
    revoke->add_option("serial", revoked->serial, "The serial")->required();
    revoke->add_option("--reason", revoked->reason, "Why (recorded with who and when)")->required();
    revoke->callback([&ctx, revoked] { run_certificate_revoke(ctx, *revoked); });

    auto reprinted = std::make_shared<CertificateReprintOptions>();
    auto* reprint = group->add_subcommand("reprint", "Print a certificate again with the same serial");
    reprint->add_option("serial", reprinted->serial, "The serial")->required();
    reprint->add_option("--reason", reprinted->reason, "Why, such as 'lost copy' or 'name corrected'")->required();
    reprint->add_option("--out", reprinted->out_dir, "The folder for the PDF")->required();
    reprint->add_option("--template", reprinted->template_file, "A certificate template (default: the shipped one)");
    reprint->add_option("--key", reprinted->key_file, "The signing key file (default: the installation's)");
    reprint->callback([&ctx, reprinted] { run_certificate_reprint(ctx, *reprinted); });
}

}  // namespace mitra::cli
