// mitra-cli certificate issue|list|show|verify|revoke|revocations|reprint.
#include <unistd.h>

#include <filesystem>
#include <iostream>

#include "cli/context.hpp"
#include "core/serial.hpp"
#include "io/files.hpp"
#include "io/keys.hpp"
#include "io/reason_words.hpp"
#include "io/template_toml.hpp"
#include "pdf/certificate.hpp"
#include "core/verdict.hpp"
#include "workflow/certificates.hpp"
#include "workflow/revocations.hpp"
#include "workflow/verifier_site.hpp"
#include "workflow/verify.hpp"
#include "store/certificates.hpp"
#include "store/certification_repo.hpp"
#include "store/settings.hpp"
#include "core/certificate_code.hpp"

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
    std::string verify_url;     // --verify-url; given: saved as the programme's verification address
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
    std::vector<std::string> public_keys;  // --public-key, any number; given: offline
    std::string revocations;               // --revocations: the signed revocation list, offline
    std::string site;                      // --site: a verification site's folder (keys.txt, revocations.txt)
    std::string today;                     // --today; empty: today
};

struct CertificateRevokeOptions {
    std::string serial;
    std::string reason;
    std::string category;  // --category; empty: none given
    std::string key_file;  // --key: signs the rewritten site's revocation list; empty: the installation's
};

struct CertificateRevocationsOptions {
    std::string out;       // --out
    std::string key_file;  // --key; empty: the installation's own
};

struct CertificateReprintOptions {
    std::string serial;
    std::string reason;
    std::string out_dir;        // --out
    std::string template_file;  // --template; empty: the shipped one
    std::string key_file;       // --key; empty: the installation's own
    std::string verify_url;     // --verify-url; given: saved as the programme's verification address
};

CertificateTemplate load_template(const std::string& file, const std::string& kind) {
    const std::string path =
        !file.empty() ? file : shipped_dir("certificates") + "/" + pdf::shipped_template_name(kind);
    auto read = io::read_certificate_template_file(path);
    if (!read.ok()) throw InputError{read.problems};
    return read.value;
}

SigningKey signing_key(const std::string& key_file) {
    return io::load_or_create_signing_key(key_file.empty() ? io::default_key_path() : fs::path(key_file));
}

// The programme's verification address, which a certificate's QR code links to: `given` is checked and saved
// first; without one set, nothing is issued and the message says how to set it.
void require_verify_url(Context& ctx, const std::string& given) {
    store::SettingsRepo settings(ctx.db());
    if (!given.empty()) {
        if (const ProblemCode fault = verify_url_fault(given); fault != ProblemCode::none)
            bad_option("--verify-url", fault, {});
        settings.set(store::kVerifyUrlSetting, given);
    }
    if (settings.verify_url().empty())
        // TRANSLATORS: the command and --verify-url stay as they are.
        bad_option("--verify-url", ctx.words().tr("the programme has no verification address for the certificates' "
                                                  "QR codes yet; set it once with: mitra-cli settings set verify-url "
                                                  "https://... (or give --verify-url)"));
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
                {"revocation_category", r.revocation_category},
                {"prints", r.prints}};
}

// Progress for people at a terminal; nothing when output goes to a file or a program.
void show_progress(std::size_t done, std::size_t total, const std::string& what, const io::Catalog& words) {
    if (!::isatty(STDERR_FILENO)) return;
    // TRANSLATORS: progress while certificates are written; %3$s is "certificates" or "print file".
    std::cerr << "\r  " << io::format(words.tr("%1$d of %2$d  %3$s"), {done, total, what}) << "\033[K" << std::flush;
    if (done == total) std::cerr << '\n';
}

void run_certificate_issue(Context& ctx, const CertificateIssueOptions& options) {
    const std::string kind = options.module.empty() ? "completion" : "module";
    const auto layout = load_template(options.template_file, kind);
    const auto key = signing_key(options.key_file);
    require_verify_url(ctx, options.verify_url);
    const Date day = options.today.empty() ? today_utc() : date_option("--today", options.today);
    const std::string template_name =
        options.template_file.empty() ? kind : fs::path(options.template_file).filename().string();
    pdf::FontStack fonts;
    const workflow::IssueRequest request{options.cohort, kind, options.module, layout,
                                         template_name,  day,  options.out_dir};
    auto written =
        workflow::issue_certificates(ctx.db(), fonts, key, request, [&](std::size_t done, std::size_t total) {
            show_progress(done, total,
                          // TRANSLATORS: what is being written, in a progress line (5 of 20  certificates).
                          done * 2 <= total ? ctx.words().trc("progress", "certificates")
                                            : ctx.words().trc("progress", "print file"),
                          ctx.words());
            return true;
        });
    // What those not yet complete lack, with module titles in the user's language.
    workflow::retitle_left_out(ctx.db(), options.cohort, day, io::content_language(ctx.words().language()),
                               written.left_out);
    const auto& result = written;
    const std::string print_file = written.print_file.string();
    const io::Catalog& words = ctx.words();
    json items = json::array();
    std::string text;
    for (std::size_t i = 0; i < result.issued.size(); ++i) {
        const auto& issued = result.issued[i];
        const std::string file = written.files.at(i).string();
        items.push_back({{"ref", issued.record.participant_ref},
                         {"serial", issued.record.serial},
                         {"file", file},
                         {"existing", issued.existing}});
        // TRANSLATORS: one line a certificate: %1$s its serial, %2$s the holder's ref, %3$s its file; "again" when it
        // was issued before and written again.
        text += "  " +
                io::format(issued.existing ? words.tr("again  %1$s  %2$s  %3$s") : words.tr("issued  %1$s  %2$s  %3$s"),
                           {issued.record.serial, issued.record.participant_ref, file}) +
                "\n";
    }
    json left = json::array();
    for (const auto& l : result.left_out) {
        left.push_back({{"ref", l.ref}, {"reason", l.reason}});
        // TRANSLATORS: %1$s is a person's ref, %2$s why they were given no certificate.
        text += "  " +
                io::format(words.tr("left out  %1$s: %2$s"), {l.ref, io::left_out_phrase(l.why, l.completion, words)}) +
                "\n";
    }
    const long long issued_count = static_cast<long long>(result.issued.size());
    // TRANSLATORS: %2$d is how many people were left out; %3$s the file to print.
    text +=
        print_file.empty()
            ? io::format(words.trn("%1$d certificate, %2$d left out", "%1$d certificates, %2$d left out", issued_count),
                         {issued_count, result.left_out.size()})
            : io::format(words.trn("%1$d certificate, %2$d left out; print file: %3$s",
                                   "%1$d certificates, %2$d left out; print file: %3$s", issued_count),
                         {issued_count, result.left_out.size(), print_file});
    ctx.print(json{{"certificates", items}, {"left_out", left}, {"print_file", print_file}}, text);
}

void run_certificate_list(Context& ctx, const CertificateListOptions& options) {
    const io::Catalog& words = ctx.words();
    json items = json::array();
    std::vector<std::vector<std::string>> rows{{words.trc("column", "SERIAL"), words.trc("column", "REF"),
                                                words.trc("column", "NAME"), words.trc("column", "COHORT"),
                                                words.trc("column", "ISSUED"), words.trc("column", "STATUS")}};
    for (const auto& r : store::CertificateRepo(ctx.db()).list(options.search, options.cohort)) {
        items.push_back(record_json(r));
        rows.push_back({r.serial, r.participant_ref, r.full_name, r.cohort_code, r.issued_on,
                        io::standing_words(r.revoked_at ? "revoked" : "valid", words)});
    }
    ctx.print(items, rows.size() > 1 ? table(rows) : words.tr("No certificates found"));
}

void run_certificate_show(Context& ctx, const CertificateShowOptions& options) {
    auto r = store::CertificateRepo(ctx.db()).find(options.serial);
    if (!r) bad_option("serial", ProblemCode::no_certificate, {options.serial});
    const io::Catalog& words = ctx.words();
    // TRANSLATORS: the labels of a certificate's details, one a line in a terminal, lower case.
    ctx.print(record_json(*r),
              table({{words.trc("label", "serial"), r->serial},
                     {words.trc("label", "holder"), r->participant_ref + " " + r->full_name},
                     {words.trc("label", "cohort"), r->cohort_code},
                     {words.trc("label", "kind"), io::certificate_kind_words(r->kind, r->module_code, words)},
                     {words.trc("label", "issued"), r->issued_on},
                     {words.trc("label", "status"),
                      r->revoked_at
                          // TRANSLATORS: %1$s is a date, %2$s who revoked the certificate (a user name), %3$s why.
                          ? io::format(words.tr("revoked on %s by %s: %s"),
                                       {*r->revoked_at, r->revoked_by, r->revocation_reason})
                          : io::standing_words("valid", words)},
                     {words.trc("label", "reprints"), std::to_string(r->prints)},
                     {words.trc("label", "content hash"), r->content_hash}}));
}

// The keys and revocation list an offline check trusts: --public-key files (one key a line), or a verification
// site's keys.txt; the list from --revocations or the site's revocations.txt, refused unless it verifies.
workflow::Verifier offline_verifier(const CertificateVerifyOptions& options, const io::Catalog& words) {
    std::vector<SigningKey> keys;
    for (const auto& file : options.public_keys)
        for (auto& key : io::read_public_keys(file)) keys.push_back(std::move(key));
    const fs::path site = options.site;
    if (keys.empty() && !site.empty()) keys = io::read_public_keys(site / "keys.txt");
    std::string list_file = options.revocations;
    if (list_file.empty() && !site.empty()) list_file = (site / "revocations.txt").string();
    std::optional<RevocationListCheck> revocations;
    if (!list_file.empty()) {
        const std::string option = options.revocations.empty() ? "--site" : "--revocations";
        auto text = io::read_input_file(list_file, 16u << 20);
        if (!text.ok()) bad_option(option, text.problems.front().message);
        auto list = read_revocation_list(text.value, keys);
        if (!list.genuine)
            // TRANSLATORS: %1$s is a file, %2$s why its signature does not hold.
            bad_option(option, io::format(words.tr("the revocation list %1$s cannot be trusted: %2$s"),
                                          {list_file, shown_text(list.problem)}));
        revocations = std::move(list);
    }
    return workflow::Verifier(std::move(keys), std::move(revocations));
}

// What a verification says, for people and for programs. The facts appear only when the signature verified,
// and every one is escaped for the terminal (shown_text); JSON carries them as data.
void print_verification(Context& ctx, const workflow::Verification& v, bool offline) {
    const auto& o = v.outcome;
    json j{{"verdict", verdict_name(o.verdict)},
           {"valid", is_valid(o.verdict)},
           {"genuine", o.facts.has_value()},
           {"revocation_checked", o.revocation_checked}};
    const io::Catalog& words = ctx.words();
    const std::string heading = io::verdict_heading(o.verdict, words);
    std::string text;
    if (!o.facts) {  // forged, unknown key, damaged: nothing the code claims is shown
        j["problem"] = o.problem;
        if (!o.key_id.empty()) j["key_id"] = o.key_id;
        // TRANSLATORS: %1$s is a verification's heading (NOT GENUINE), %2$s what is wrong.
        ctx.print(j, io::format(words.tr("%1$s: %2$s"), {heading, o.problem}));
        throw std::runtime_error(words.tr("the certificate is not valid"));
    }
    const auto& f = *o.facts;
    if (o.revocation_checked) j["revoked"] = o.revoked_on.has_value();
    j.update({{"serial", f.serial},
              {"full_name", f.full_name},
              {"latin_name", f.latin_name},
              {"programme", f.programme},
              {"title", f.title},
              {"kind", f.kind},
              {"issued_on", f.issued_on},
              {"language", f.language},
              {"key_id", f.key_id},
              {"problem", o.problem},
              {"superseded", o.verdict == Verdict::superseded},
              {"erased", o.erased},
              {"expired", o.verdict == Verdict::expired}});
    // TRANSLATORS: %1$s is a verification's heading (GENUINE), %2$s the certificate's serial.
    text += io::format(words.tr("%1$s: %2$s"), {heading, shown_text(f.serial)}) + "\n";
    const std::string kind = io::certificate_kind_words(f.kind, "", words);
    if (o.erased && f.full_name.empty()) {
        // TRANSLATORS: %1$s is a date, %2$s the certificate's kind (completion).
        text += "  " + io::format(words.tr("issued %1$s, %2$s"), {shown_text(f.issued_on), shown_text(kind)}) + "\n";
    } else {
        const std::string programme =
            f.title.empty() ? shown_text(f.programme) : shown_text(f.title) + " (" + shown_text(f.programme) + ")";
        // TRANSLATORS: the labels of what a verified certificate says, one a line in a terminal, lower case.
        text += table({{"  " + words.trc("label", "name"),
                        shown_text(f.full_name) + (f.latin_name.empty() ? "" : " (" + shown_text(f.latin_name) + ")")},
                       {"  " + words.trc("label", "programme"), programme},
                       {"  " + words.trc("label", "certifies"), shown_text(kind)},
                       {"  " + words.trc("label", "issued"), shown_text(f.issued_on)},
                       {"  " + words.trc("label", "signed by key"), shown_text(f.key_id)}});
    }
    if (o.verdict == Verdict::superseded)
        text += "  " +
                words.tr(
                    "replaced by a later print of the same serial (such as a corrected name); ask for the "
                    "current copy") +
                "\n";
    if (const auto& c = v.certification) {
        j["certification"] = c->code;
        j["valid_from"] = to_string(c->valid_from);
        j["expires_on"] = to_string(c->expires_on);
        j["renewed_by"] = c->renewed_by_serial;
        j["previous_serial"] = c->previous_serial;
        // TRANSLATORS: %1$s is a certification's code, %2$s the day it was issued, %3$s and %4$s its first and
        // last valid days.
        text += "  " +
                io::format(words.tr("certification %1$s: issued %2$s, valid %3$s to %4$s"),
                           {c->code, to_string(c->issued_on), to_string(c->valid_from), to_string(c->expires_on)}) +
                "\n";
        // TRANSLATORS: %s is a date.
        if (o.verdict == Verdict::expired)
            text += "  " + io::format(words.tr("expired on %s"), {to_string(c->expires_on)}) + "\n";
        // TRANSLATORS: %s is the serial of the certificate this one renews.
        if (!c->previous_serial.empty()) text += "  " + io::format(words.tr("renews %s"), {c->previous_serial}) + "\n";
        // TRANSLATORS: %s is the serial of the certificate that renewed this one.
        if (!c->renewed_by_serial.empty())
            text += "  " + io::format(words.tr("renewed by %s"), {c->renewed_by_serial}) + "\n";
    } else if (o.expires_on) {
        j["expires_on"] = to_string(*o.expires_on);
        // TRANSLATORS: %s is a date.
        text += "  " +
                io::format(o.verdict == Verdict::expired ? words.tr("expired on %s") : words.tr("valid until %s"),
                           {to_string(*o.expires_on)}) +
                "\n";
    }
    if (o.erased) text += "  " + words.tr("the holder's details were erased from the database at their request") + "\n";
    if (o.revoked_on) {
        j["revoked_on"] = *o.revoked_on;
        j["revocation_category"] = o.revocation_category;
        // TRANSLATORS: %1$s is a date, %2$s the revocation's category (issued-in-error, replaced, withdrawn), %3$s
        // why, as recorded.
        const std::string why = shown_text(o.revocation_reason);
        text +=
            "  " +
            (o.revocation_category.empty()
                 ? (why.empty() ? io::format(words.tr("revoked on %1$s"), {*o.revoked_on})
                                : io::format(words.tr("revoked on %1$s: %2$s"), {*o.revoked_on, why}))
                 : (why.empty() ? io::format(words.tr("revoked on %1$s (%2$s)"), {*o.revoked_on, o.revocation_category})
                                : io::format(words.tr("revoked on %1$s (%2$s): %3$s"),
                                             {*o.revoked_on, o.revocation_category, why}))) +
            "\n";
        if (!offline) j["revocation_reason"] = o.revocation_reason;
    }
    if (!o.revocation_checked)
        text += "  " +
                (offline ? words.tr("revocation not checked: give the programme's signed list with --revocations or "
                                    "--site")
                         : words.tr("not issued from this database: revocation not checked")) +
                "\n";
    if (is_valid(o.verdict)) text += words.tr("The certificate must show exactly these facts.");
    else if (!text.empty() && text.back() == '\n') text.pop_back();
    ctx.print(j, text);
    if (!is_valid(o.verdict)) throw std::runtime_error(words.tr("the certificate is not valid"));
}

void run_certificate_verify(Context& ctx, const CertificateVerifyOptions& options) {
    if (options.qr.empty() && options.certificate.empty())
        bad_option("certificate", ctx.words().tr("give a PDF file, a serial, or --qr TEXT"));
    const bool offline = !options.public_keys.empty() || !options.site.empty();
    if (!offline && !options.revocations.empty())
        bad_option("--revocations",
                   ctx.words().tr("the database knows its own revocations; --revocations goes with --public-key"));
    if (!options.revocations.empty() && !options.site.empty())
        bad_option("--revocations", ctx.words().tr("give the revocation list with --revocations or --site, not both"));
    const Date today = options.today.empty() ? today_utc() : date_option("--today", options.today);
    if (!options.qr.empty() && !options.certificate.empty())
        bad_option("--qr", ctx.words().tr("give a PDF file, a serial, or --qr TEXT: one of them"));
    std::optional<workflow::Verifier> verifier;
    if (offline) verifier.emplace(offline_verifier(options, ctx.words()));
    else verifier.emplace(ctx.db());
    workflow::Verification v;
    if (!options.qr.empty()) {
        v = verifier->code(options.qr, today);
    } else if (fs::is_regular_file(options.certificate)) {
        v = verifier->file(options.certificate, today);
        if (!v.outcome.facts) v.outcome.problem = shown_text(options.certificate) + ": " + v.outcome.problem;
    } else {
        if (!is_valid_serial(options.certificate))
            // TRANSLATORS: %s is what was typed.
            bad_option("certificate", io::format(ctx.words().tr("'%s' is neither a file nor a valid serial"),
                                                 {shown_text(options.certificate)}));
        if (offline)
            bad_option("certificate", ctx.words().tr("a serial is checked against the database; drop --public-key"));
        auto found = verifier->serial(options.certificate, today);
        if (!found)
            throw std::runtime_error(
                io::format(ctx.words().tr("NOT VALID: no certificate with serial %s was issued here."),
                           {normalise_serial(options.certificate)}));
        v = std::move(*found);
    }
    print_verification(ctx, v, offline);
}

void run_certificate_revoke(Context& ctx, const CertificateRevokeOptions& options) {
    if (!options.category.empty() && !is_revocation_category(options.category))
        // TRANSLATORS: %s is what was typed; the three categories stay as they are.
        bad_option("--category", io::format(ctx.words().tr("'%s' is not one of issued-in-error, replaced, withdrawn"),
                                            {shown_text(options.category)}));
    const auto r = store::CertificateRepo(ctx.db()).revoke(options.serial, options.reason, options.category);
    // The revocation is recorded; the site last written is then written again so its list carries it. A site that
    // cannot be written is a warning and exit 0: the revocation stands, and a failure status would say it did not.
    const auto refresh = workflow::refresh_verifier_site(
        ctx.db(), options.key_file.empty() ? io::default_key_path() : fs::path(options.key_file));
    const std::string folder = refresh.folder.string();
    json j = record_json(r);
    j["site"] = refresh.folder.empty()
                    ? json(nullptr)
                    : json{{"folder", folder}, {"written", refresh.written}, {"problem", refresh.problem}};
    const io::Catalog& words = ctx.words();
    // TRANSLATORS: %1$s is the certificate's serial, %2$s the revocation's category (issued-in-error, replaced,
    // withdrawn), %3$s why, as typed.
    std::string text = options.category.empty() ? io::format(words.tr("Revoked %1$s: %2$s"), {r.serial, options.reason})
                                                : io::format(words.tr("Revoked %1$s (%2$s): %3$s"),
                                                             {r.serial, options.category, options.reason});
    if (refresh.written)
        // TRANSLATORS: %1$s is a folder; %2$d how many certificates its list names as revoked.
        text += "\n  " + io::format(words.trn("the verification site in %1$s was written again with it (%2$d revoked): "
                                              "copy the folder's files to the web host at the verification address",
                                              "the verification site in %1$s was written again with it (%2$d revoked): "
                                              "copy the folder's files to the web host at the verification address",
                                              static_cast<long long>(refresh.site.revocations)),
                                    {folder, refresh.site.revocations});
    else if (refresh.folder.empty())
        // TRANSLATORS: the command stays as it is.
        text += "\n  " + words.tr(
                             "no verification site was written from here yet: mitra-cli verifier site --out DIR "
                             "writes one that lists it");
    else
        // TRANSLATORS: %1$s is a folder, %2$s why it could not be written; the command stays as it is.
        std::cerr << "mitra-cli: "
                  << io::format(words.tr("warning: the revocation stands, but the verification site in %1$s was not "
                                         "updated: %2$s\n  write it again with: mitra-cli verifier site --out %1$s "
                                         "(then copy the folder's files to the web host)"),
                                {folder, refresh.problem})
                  << "\n";
    ctx.print(j, text);
}

// The signed revocation list (serials, days, categories; no names), for a verification site or an offline check.
void run_certificate_revocations(Context& ctx, const CertificateRevocationsOptions& options) {
    const auto key = signing_key(options.key_file);
    const std::string list = workflow::signed_revocation_list(ctx.db(), key);
    io::write_file_atomically(options.out, list, io::Access::everyone);
    const auto count = store::CertificateRepo(ctx.db()).revocations().size();
    ctx.print(json{{"file", options.out}, {"revoked", count}, {"key_id", key.key_id()}},
              // TRANSLATORS: %1$d is how many certificates are revoked, %2$s a key's id, %3$s the file written.
              io::format(ctx.words().trn("Wrote the revocation list (%1$d revoked, signed by key %2$s) to %3$s",
                                         "Wrote the revocation list (%1$d revoked, signed by key %2$s) to %3$s",
                                         static_cast<long long>(count)),
                         {count, key.key_id(), options.out}));
}

void run_certificate_reprint(Context& ctx, const CertificateReprintOptions& options) {
    const auto key = signing_key(options.key_file);
    const auto record = store::CertificateRepo(ctx.db()).find(options.serial);
    if (!record) bad_option("serial", ProblemCode::no_certificate, {options.serial});
    require_verify_url(ctx, options.verify_url);
    // The template is read and the file rendered before anything is recorded: a template that cannot be
    // read, or an image or disk that fails, changes nothing.
    const auto layout = load_template(options.template_file, record->kind);
    pdf::FontStack fonts;
    const fs::path file = fs::path(options.out_dir) / (record->serial + ".pdf");
    const auto again =
        workflow::reprint_certificate(ctx.db(), fonts, key, options.serial, options.reason, layout, file).certificate;
    ctx.print(json{{"serial", again.record.serial}, {"file", file.string()}},
              // TRANSLATORS: %1$s is a certificate's serial, %2$s the file written.
              io::format(ctx.words().tr("Printed %1$s again: %2$s"), {again.record.serial, file.string()}));
}

}  // namespace

void add_certificate_commands(CLI::App& app, Context& ctx) {
    // TRANSLATORS: the --help descriptions of this file's commands and options (mitra-cli COMMAND --help).
    const io::Catalog& help = ctx.words();
    auto* group = app.add_subcommand("certificate", help.tr("Issue, verify and revoke certificates"));
    group->require_subcommand(1);

    auto issued = std::make_shared<CertificateIssueOptions>();
    auto* issue = group->add_subcommand("issue", help.tr("Issue certificates to everyone eligible in a cohort"));
    issue->add_option("cohort", issued->cohort, help.tr("The cohort's code"))->required();
    issue->add_option("--out", issued->out_dir, help.tr("The folder for the PDF files"))->required();
    issue->add_option("--template", issued->template_file,
                      help.tr("A certificate template (.toml; default: the shipped one)"));
    issue->add_option("--module", issued->module,
                      help.tr("Issue module participation certificates for this module instead"));
    issue->add_option("--key", issued->key_file,
                      help.tr("The signing key file (default: the installation's, made on its first use)"));
    issue->add_option("--today", issued->today, help.tr("The issue date (default: today)"));
    issue->add_option("--verify-url", issued->verify_url,
                      help.tr("The verification page the QR codes open (https://...; saved for the programme, as "
                              "'settings set verify-url' does)"));
    issue->callback([&ctx, issued] { run_certificate_issue(ctx, *issued); });

    auto listed = std::make_shared<CertificateListOptions>();
    auto* list = group->add_subcommand("list", help.tr("List issued certificates"));
    list->add_option("--search", listed->search, help.tr("Part of a serial, ref or name"));
    list->add_option("--cohort", listed->cohort, help.tr("Only this cohort's"));
    list->callback([&ctx, listed] { run_certificate_list(ctx, *listed); });

    auto shown = std::make_shared<CertificateShowOptions>();
    auto* show = group->add_subcommand("show", help.tr("Show one certificate"));
    show->add_option("serial", shown->serial, help.tr("The serial"))->required();
    show->callback([&ctx, shown] { run_certificate_show(ctx, *shown); });

    auto verified = std::make_shared<CertificateVerifyOptions>();
    auto* verify = group->add_subcommand(
        "verify", help.tr("Prove a certificate genuine: from its PDF, its QR text or its serial"));
    verify->add_option("certificate", verified->certificate, help.tr("A certificate PDF file, or a serial"));
    verify->add_option("--today", verified->today, help.tr("Judge expiry on this day (default: today)"));
    verify->add_option("--qr", verified->qr, help.tr("The text read from the certificate's QR code"));
    verify
        ->add_option("--public-key", verified->public_keys,
                     help.tr("Verify offline with only these public keys (files from key export, one key a line); "
                             "may be given more than once"))
        ->allow_extra_args(false);
    verify->add_option("--revocations", verified->revocations,
                       help.tr("Offline: the programme's signed revocation list (from certificate revocations)"));
    verify->add_option("--site", verified->site,
                       help.tr("Offline: a verification site's folder; its revocations.txt, and its keys.txt unless "
                               "--public-key is given"));
    verify->callback([&ctx, verified] { run_certificate_verify(ctx, *verified); });

    auto revoked = std::make_shared<CertificateRevokeOptions>();
    auto* revoke = group->add_subcommand("revoke", help.tr("Revoke a certificate issued in error"));
    revoke->add_option("serial", revoked->serial, help.tr("The serial"))->required();
    revoke->add_option("--reason", revoked->reason, help.tr("Why (recorded with who and when)"))->required();
    revoke->add_option("--category", revoked->category,
                       help.tr("What the signed revocation list says: issued-in-error, replaced or withdrawn"));
    revoke->add_option(
        "--key", revoked->key_file,
        help.tr("The signing key the rewritten verification site's revocation list is signed with (default: "
                "the installation's)"));
    revoke->callback([&ctx, revoked] { run_certificate_revoke(ctx, *revoked); });

    auto listed_revocations = std::make_shared<CertificateRevocationsOptions>();
    auto* revocations = group->add_subcommand("revocations", help.tr("Write the signed list of revoked certificates"));
    revocations->add_option("--out", listed_revocations->out, help.tr("The file to write"))->required();
    revocations->add_option("--key", listed_revocations->key_file,
                            help.tr("The signing key file (default: the installation's)"));
    revocations->callback([&ctx, listed_revocations] { run_certificate_revocations(ctx, *listed_revocations); });

    auto reprinted = std::make_shared<CertificateReprintOptions>();
    auto* reprint = group->add_subcommand("reprint", help.tr("Print a certificate again with the same serial"));
    reprint->add_option("serial", reprinted->serial, help.tr("The serial"))->required();
    reprint->add_option("--reason", reprinted->reason, help.tr("Why, such as 'lost copy' or 'name corrected'"))
        ->required();
    reprint->add_option("--out", reprinted->out_dir, help.tr("The folder for the PDF"))->required();
    reprint->add_option("--template", reprinted->template_file,
                        help.tr("A certificate template (default: the shipped one)"));
    reprint->add_option("--key", reprinted->key_file, help.tr("The signing key file (default: the installation's)"));
    reprint->add_option("--verify-url", reprinted->verify_url,
                        help.tr("The verification page the QR code opens (https://...; saved for the programme)"));
    reprint->callback([&ctx, reprinted] { run_certificate_reprint(ctx, *reprinted); });
}

}  // namespace mitra::cli
