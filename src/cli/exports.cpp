// mitra-cli participant export, cohort export, completion export, certificate badge: data for other programs.
#include <iostream>

#include "cli/context.hpp"
#include "io/export.hpp"
#include "io/files.hpp"
#include "io/open_badges.hpp"
#include "store/certificates.hpp"
#include "store/repos.hpp"

namespace mitra::cli {
namespace {

struct ParticipantExportOptions {
    std::string out;
    std::string cohort;
    bool personal = false;
};

struct CohortExportOptions {
    std::string out;
};

struct CompletionExportOptions {
    std::string cohort;
    std::string out;
    std::string today;
    std::string language = "en";
};

struct CertificateBadgeOptions {
    std::string serial;
    std::string out;
};

void run_participant_export(Context& ctx, const ParticipantExportOptions& options) {
    if (!options.personal)
        bad_option("--include-personal-data",
                   ctx.words().tr("this export holds personal data (names, emails, phone numbers, consent dates); "
                                  "say so with --include-personal-data, and keep the file safe"));
    if (!options.cohort.empty() && !store::CohortRepo(ctx.db()).find(options.cohort))
        bad_option("--cohort", ProblemCode::no_cohort, {options.cohort});
    store::ParticipantQuery query;
    query.cohort_code = options.cohort;
    const auto people = store::ParticipantRepo(ctx.db()).list(query);
    io::write_file_atomically(options.out, io::participants_csv(people), true);
    ctx.print(json{{"file", options.out}, {"people", people.size()}, {"personal_data", true}},
              // TRANSLATORS: %1$s is the CSV file written, %2$d the people in it.
              io::format(ctx.words().trn("Wrote %1$s: %2$d person. It holds personal data: keep it safe and "
                                         "delete it when done.",
                                         "Wrote %1$s: %2$d people. It holds personal data: keep it safe and "
                                         "delete it when done.",
                                         static_cast<long long>(people.size())),
                         {options.out, people.size()}));
}

void run_cohort_export(Context& ctx, const CohortExportOptions& options) {
    const auto all = store::CohortRepo(ctx.db()).list();
    io::write_file_atomically(options.out, io::cohorts_csv(all));
    ctx.print(json{{"file", options.out}, {"cohorts", all.size()}},
              // TRANSLATORS: %1$s is the CSV file written, %2$d the cohorts in it.
              io::format(ctx.words().trn("Wrote %1$s: %2$d cohort", "Wrote %1$s: %2$d cohorts",
                                         static_cast<long long>(all.size())),
                         {options.out, all.size()}));
}

void run_completion_export(Context& ctx, const CompletionExportOptions& options) {
    if (!store::CohortRepo(ctx.db()).find(options.cohort))
        bad_option("cohort", ProblemCode::no_cohort, {options.cohort});
    const Date day = options.today.empty() ? today_utc() : date_option("--today", options.today);
    const auto results = store::cohort_completion(ctx.db(), options.cohort, day, options.language);
    io::write_file_atomically(options.out, io::completions_csv(options.cohort, results), true);
    int complete = 0;
    for (const auto& r : results) complete += r.complete;
    ctx.print(
        json{{"file", options.out}, {"cohort", options.cohort}, {"people", results.size()}, {"complete", complete}},
        // TRANSLATORS: %1$s is the CSV file written; %2$d of %3$d people have completed the programme.
        io::format(ctx.words().trn("Wrote %1$s: %2$d of %3$d person complete",
                                   "Wrote %1$s: %2$d of %3$d people complete", static_cast<long long>(results.size())),
                   {options.out, complete, results.size()}));
}

// What was written, saying how the recipient is named in it (hashed): by email, telephone or name.
std::string badge_words(const std::string& file, const std::string& serial, const std::string& recipient,
                        const io::Catalog& words) {
    // TRANSLATORS: %1$s is the JSON file written, %2$s the certificate's serial; Open Badges 2.0 is a standard's
    // name. The recipient is in the file as a hash of their email address, telephone number or name.
    if (recipient == "email")
        return io::format(words.tr("Wrote %1$s: Open Badges 2.0 assertion for %2$s (recipient: hashed email address)"),
                          {file, serial});
    if (recipient == "telephone")
        return io::format(
            words.tr("Wrote %1$s: Open Badges 2.0 assertion for %2$s (recipient: hashed telephone number)"),
            {file, serial});
    return io::format(words.tr("Wrote %1$s: Open Badges 2.0 assertion for %2$s (recipient: hashed name)"),
                      {file, serial});
}

void run_certificate_badge(Context& ctx, const CertificateBadgeOptions& options) {
    auto& db = ctx.db();
    store::CertificateRepo certificates(db);
    const auto record = certificates.find(options.serial);
    if (!record) bad_option("serial", ProblemCode::no_certificate, {options.serial});
    if (record->revoked_at)
        // TRANSLATORS: %1$s is a certificate's serial, %2$s when it was revoked.
        bad_option("serial", io::format(ctx.words().tr("%1$s was revoked on %2$s: no badge for it"),
                                        {record->serial, *record->revoked_at}));
    const auto cohort = store::CohortRepo(db).find(record->cohort_code);
    if (!cohort) throw std::runtime_error("certificate " + record->serial + " names a cohort that is gone");
    const Curriculum curriculum = store::CohortRepo(db).curriculum_of(*cohort);
    const auto person = store::ParticipantRepo(db).find(record->participant_ref);
    if (!person) throw std::runtime_error("certificate " + record->serial + " names a person who is gone");

    io::BadgeInput in;
    in.certificate_uuid = record->uuid;
    in.serial = record->serial;
    in.kind = record->kind;
    in.module_code = record->module_code;
    in.curriculum = &curriculum;
    in.issued_on = record->issued_on.substr(0, 10);
    if (!person->email.empty()) in.recipient_type = "email", in.recipient_identity = person->email;
    else if (!person->phone.empty()) in.recipient_type = "telephone", in.recipient_identity = person->phone;
    else in.recipient_type = "name", in.recipient_identity = person->full_name;
    in.key_id = record->key_id;
    for (const auto& k : certificates.trusted_keys())
        if (k.key_id() == record->key_id) in.public_key = k.public_key;
    in.qr_payload = record->payload;
    in.content_hash = record->content_hash;
    const std::string salt = io::new_badge_salt();
    io::write_file_atomically(options.out, io::open_badge_assertion(in, salt));
    ctx.print(json{{"file", options.out}, {"serial", record->serial}, {"recipient_type", in.recipient_type}},
              badge_words(options.out, record->serial, in.recipient_type, ctx.words()));
}

}  // namespace

void add_export_commands(CLI::App& app, Context& ctx) {
    const io::Catalog& words = ctx.words();
    // TRANSLATORS: the descriptions of commands and options that `mitra-cli ... --help` shows.
    auto people_export = std::make_shared<ParticipantExportOptions>();
    auto* participants = app.get_subcommand("participant")
                             ->add_subcommand("export", words.tr("Export people as CSV with the columns import reads "
                                                                 "(personal data: needs --include-personal-data)"));
    participants
        ->add_option("--out", people_export->out, words.tr("The CSV file to write (readable by its owner only)"))
        ->required();
    participants->add_option("--cohort", people_export->cohort, words.tr("Only those enrolled in this cohort"));
    participants->add_flag("--include-personal-data", people_export->personal,
                           words.tr("Say that you mean to write names, emails and phone numbers to a file"));
    participants->callback([&ctx, people_export] { run_participant_export(ctx, *people_export); });

    auto cohort_export = std::make_shared<CohortExportOptions>();
    auto* cohorts = app.get_subcommand("cohort")->add_subcommand("export", words.tr("Export the cohorts as CSV"));
    cohorts->add_option("--out", cohort_export->out, words.tr("The CSV file to write"))->required();
    cohorts->callback([&ctx, cohort_export] { run_cohort_export(ctx, *cohort_export); });

    auto* completion_group = app.get_subcommand("completion");
    auto completion_export = std::make_shared<CompletionExportOptions>();
    auto* completions = completion_group->add_subcommand(
        "export", words.tr("Export a cohort's completion, person by person and module by "
                           "module, as CSV (refs only)"));
    completions->add_option("cohort", completion_export->cohort, words.tr("The cohort's code"))->required();
    completions
        ->add_option("--out", completion_export->out, words.tr("The CSV file to write (readable by its owner only)"))
        ->required();
    completions->add_option("--today", completion_export->today,
                            words.tr("Judge 'on track' as of this day (default: today)"));
    completions->add_option("--language", completion_export->language,
                            words.tr("The language of the reasons' module titles (default: en)"));
    completions->callback([&ctx, completion_export] { run_completion_export(ctx, *completion_export); });

    auto badge_export = std::make_shared<CertificateBadgeOptions>();
    auto* badge =
        app.get_subcommand("certificate")
            ->add_subcommand("badge", words.tr("An Open Badges 2.0 assertion (JSON) for an issued certificate"));
    badge->add_option("serial", badge_export->serial, words.tr("The certificate's serial"))->required();
    badge->add_option("--out", badge_export->out, words.tr("The JSON file to write"))->required();
    badge->callback([&ctx, badge_export] { run_certificate_badge(ctx, *badge_export); });
}

}  // namespace mitra::cli
