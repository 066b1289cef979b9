// mitra-cli participant erase, audit: a person's right to be forgotten, and who changed what.
#include "cli/context.hpp"
#include "core/audit.hpp"
#include "io/audit_words.hpp"
#include "io/export.hpp"
#include "io/files.hpp"
#include "store/privacy.hpp"

namespace mitra::cli {
namespace {

struct ParticipantEraseOptions {
    std::string ref;
    std::string reason;
};

struct AuditOptions {
    std::string participant;
    std::string cohort;
    std::string out;
};

// What the change went from and to, in words: a mark that is gone was cleared, anything else removed.
std::pair<std::string, std::string> change_words(const AuditEntry& e, const io::Catalog& words) {
    const std::string from = e.old_value ? io::audit_value_words(e.entity, *e.old_value, words) : "-";
    std::string to = e.new_value ? io::audit_value_words(e.entity, *e.new_value, words) : "-";
    if (!e.new_value && e.old_value) to = io::removed_value_words(e.entity, words);
    return {from, to};
}

void run_participant_erase(Context& ctx, const ParticipantEraseOptions& options) {
    const auto result = store::erase_participant(ctx.db(), options.ref, options.reason);
    ctx.print(json{{"ref", result.ref},
                   {"erased", true},
                   {"certificates_kept", result.certificates_kept},
                   {"notes_cleared", result.notes_cleared}},
              // TRANSLATORS: %1$s is the person's ref, %2$d their certificates, which stay verifiable by serial.
              io::format(ctx.words().trn("Erased the personal data of %1$s; %2$d certificate stays verifiable by "
                                         "serial",
                                         "Erased the personal data of %1$s; %2$d certificates stay verifiable by "
                                         "serial",
                                         result.certificates_kept),
                         {result.ref, result.certificates_kept}));
}

void run_audit(Context& ctx, const AuditOptions& options) {
    if (options.participant.empty() && options.cohort.empty())
        bad_option("--participant", ctx.words().tr("name a person or a cohort (--cohort)"));
    const auto entries = store::audit_history(ctx.db(), options.participant, options.cohort);
    const io::Catalog& words = ctx.words();
    json items = json::array();
    std::vector<std::vector<std::string>> rows{{words.trc("column", "WHEN"), words.trc("column", "WHO"),
                                                words.trc("column", "WHAT"), words.trc("column", "ABOUT"),
                                                words.trc("column", "FROM"), words.trc("column", "TO")}};
    for (const auto& e : entries) {
        items.push_back({{"at", e.at},
                         {"actor", e.actor},
                         {"entity", e.entity},
                         {"action", e.action},
                         {"subject", e.subject},
                         {"old_value", e.old_value ? json(*e.old_value) : json(nullptr)},
                         {"new_value", e.new_value ? json(*e.new_value) : json(nullptr)}});
        const auto [from, to] = change_words(e, words);
        rows.push_back({e.at.substr(0, 19), e.actor, io::change_words(e.entity, e.action, words),
                        io::audit_subject_words(e.subject, words), from, to});
    }
    if (!options.out.empty()) {
        io::write_file_atomically(options.out, io::audit_csv(entries), true);  // refs and notes: owner only
        // TRANSLATORS: %1$d is how many changes were written, %2$s the CSV file.
        ctx.print(items, io::format(words.trn("Wrote %1$d change to %2$s", "Wrote %1$d changes to %2$s",
                                              static_cast<long long>(entries.size())),
                                    {entries.size(), options.out}));
    } else {
        ctx.print(items, rows.size() > 1 ? table(rows) : words.tr("No changes recorded"));
    }
}

}  // namespace

void add_privacy_commands(CLI::App& app, Context& ctx) {
    const io::Catalog& words = ctx.words();
    // TRANSLATORS: the descriptions of commands and options that `mitra-cli ... --help` shows.
    auto erased = std::make_shared<ParticipantEraseOptions>();
    auto* erase =
        app.get_subcommand("participant")
            ->add_subcommand(
                "erase",
                words.tr("Erase a person's personal data on request (certificates stay verifiable by serial)"));
    erase->add_option("ref", erased->ref, words.tr("The person's ref"))->required();
    erase->add_option("--reason", erased->reason, words.tr("On whose request and why (recorded)"))->required();
    erase->callback([&ctx, erased] { run_participant_erase(ctx, *erased); });

    auto audited = std::make_shared<AuditOptions>();
    auto* audit =
        app.add_subcommand("audit", words.tr("The history of changes about a person or a cohort: what, by whom, when"));
    auto* by_person = audit->add_option("--participant", audited->participant, words.tr("A person's ref"));
    auto* by_cohort = audit->add_option("--cohort", audited->cohort, words.tr("A cohort's code"));
    by_person->excludes(by_cohort);
    audit->add_option("--out", audited->out, words.tr("Write it as CSV to this file (UTF-8 with byte-order mark)"));
    audit->callback([&ctx, audited] { run_audit(ctx, *audited); });
}

}  // namespace mitra::cli
