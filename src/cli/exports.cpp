// mitra-cli participant export, cohort export, completion export, certificate badge: data for other programs.
#include <iostream>

#include "cli/context.hpp"
#include "io/export.hpp"
#include "io/files.hpp"
#include "io/open_badges.hpp"
#include "store/certificates.hpp"
#include "store/repos.hpp"

namespace mitra::cli {

void add_export_commands(CLI::App& app, Context& ctx) {
    auto* participants = app.get_subcommand("participant")
                             ->add_subcommand("export", "Export people as CSV with the columns import reads "
                                                        "(personal data: needs --include-personal-data)");
    static std::string p_out, p_cohort;
    static bool personal = false;
    participants->add_option("--out", p_out, "The CSV file to write (readable by its owner only)")->required();
    participants->add_option("--cohort", p_cohort, "Only those enrolled in this cohort");
    participants->add_flag("--include-personal-data", personal,
                           "Say that you mean to write names, emails and phone numbers to a file");
    participants->callback([&ctx] {
        if (!personal)
            bad_option("--include-personal-data",
                       "this export holds personal data (names, emails, phone numbers, consent dates); say so with "
                       "--include-personal-data, and keep the file safe");
        if (!p_cohort.empty() && !store::CohortRepo(ctx.db()).find(p_cohort))
            bad_option("--cohort", "no cohort has code " + p_cohort);
        store::ParticipantQuery query;
        query.cohort_code = p_cohort;
        const auto people = store::ParticipantRepo(ctx.db()).list(query);
        io::write_file_atomically(p_out, io::participants_csv(people), true);
        ctx.print(json{{"file", p_out}, {"people", people.size()}, {"personal_data", true}},
                  "Wrote " + p_out + ": " + std::to_string(people.size()) +
                      " people. It holds personal data: keep it safe and delete it when done.");
    });

    auto* cohorts = app.get_subcommand("cohort")->add_subcommand("export", "Export the cohorts as CSV");
    static std::string c_out;
    cohorts->add_option("--out", c_out, "The CSV file to write")->required();
    cohorts->callback([&ctx] {
        const auto all = store::CohortRepo(ctx.db()).list();
        io::write_file_atomically(c_out, io::cohorts_csv(all));
        ctx.print(json{{"file", c_out}, {"cohorts", all.size()}},
                  "Wrote " + c_out + ": " + std::to_string(all.size()) + " cohort(s)");
    });

    auto* completion_group = app.get_subcommand("completion");
    auto* completions =
        completion_group->add_subcommand("export", "Export a cohort's completion, person by person and module by "
                                                   "module, as CSV (refs only)");
    static std::string k_cohort, k_out, k_today, k_language = "en";
    completions->add_option("cohort", k_cohort, "The cohort's code")->required();
    completions->add_option("--out", k_out, "The CSV file to write (readable by its owner only)")->required();
    completions->add_option("--today", k_today, "Judge 'on track' as of this day (default: today)");
    completions->add_option("--language", k_language, "The language of the reasons' module titles (default: en)");
    completions->callback([&ctx] {
        if (!store::CohortRepo(ctx.db()).find(k_cohort)) bad_option("cohort", "no cohort has code " + k_cohort);
        const Date day = k_today.empty() ? today_utc() : date_option("--today", k_today);
        const auto results = store::cohort_completion(ctx.db(), k_cohort, day, k_language);
        io::write_file_atomically(k_out, io::completions_csv(k_cohort, results), true);
        int complete = 0;
        for (const auto& r : results) complete += r.complete;
        ctx.print(json{{"file", k_out}, {"cohort", k_cohort}, {"people", results.size()}, {"complete", complete}},
                  "Wrote " + k_out + ": " + std::to_string(complete) + " of " + std::to_string(results.size()) +
                      " complete");
    });

    auto* badge = app.get_subcommand("certificate")
                      ->add_subcommand("badge", "An Open Badges 2.0 assertion (JSON) for an issued certificate");
    static std::string serial, b_out;
    badge->add_option("serial", serial, "The certificate's serial")->required();
    badge->add_option("--out", b_out, "The JSON file to write")->required();
    badge->callback([&ctx] {
        auto& db = ctx.db();
        store::CertificateRepo certificates(db);
        const auto record = certificates.find(serial);
        if (!record) bad_option("serial", "no certificate has serial " + serial);
        if (record->revoked_at)
            bad_option("serial", record->serial + " was revoked on " + *record->revoked_at + ": no badge for it");
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
        io::write_file_atomically(b_out, io::open_badge_assertion(in, salt));
        ctx.print(json{{"file", b_out}, {"serial", record->serial}, {"recipient_type", in.recipient_type}},
                  "Wrote " + b_out + ": Open Badges 2.0 assertion for " + record->serial + " (recipient: hashed " +
                      in.recipient_type + ")");
    });
}

}  // namespace mitra::cli
