// mitra-cli participant erase, audit: a person's right to be forgotten, and who changed what.
#include "cli/context.hpp"
#include "io/export.hpp"
#include "io/files.hpp"
#include "store/privacy.hpp"

namespace mitra::cli {

void add_privacy_commands(CLI::App& app, Context& ctx) {
    auto* erase = app.get_subcommand("participant")->add_subcommand(
        "erase", "Erase a person's personal data on request (certificates stay verifiable by serial)");
    static std::string ref, reason;
    erase->add_option("ref", ref, "The person's ref")->required();
    erase->add_option("--reason", reason, "On whose request and why (recorded)")->required();
    erase->callback([&ctx] {
        const auto result = store::erase_participant(ctx.db(), ref, reason);
        ctx.print(json{{"ref", result.ref}, {"erased", true}, {"certificates_kept", result.certificates_kept},
                       {"notes_cleared", result.notes_cleared}},
                  "Erased the personal data of " + result.ref + "; " + std::to_string(result.certificates_kept) +
                      " certificate(s) stay verifiable by serial");
    });

    auto* audit = app.add_subcommand("audit", "The history of changes about a person or a cohort: what, by whom, when");
    static std::string participant, cohort, out;
    auto* by_person = audit->add_option("--participant", participant, "A person's ref");
    auto* by_cohort = audit->add_option("--cohort", cohort, "A cohort's code");
    by_person->excludes(by_cohort);
    audit->add_option("--out", out, "Write it as CSV to this file (UTF-8 with byte-order mark)");
    audit->callback([&ctx] {
        if (participant.empty() && cohort.empty()) bad_option("--participant", "name a person or a cohort (--cohort)");
        const auto entries = store::audit_history(ctx.db(), participant, cohort);
        json items = json::array();
        std::vector<std::vector<std::string>> rows{{"WHEN", "WHO", "WHAT", "ABOUT", "FROM", "TO"}};
        for (const auto& e : entries) {
            items.push_back({{"at", e.at}, {"actor", e.actor}, {"entity", e.entity}, {"action", e.action},
                             {"subject", e.subject}, {"old_value", e.old_value ? json(*e.old_value) : json(nullptr)},
                             {"new_value", e.new_value ? json(*e.new_value) : json(nullptr)}});
            rows.push_back({e.at.substr(0, 19), e.actor, e.entity + " " + e.action, e.subject,
                            e.old_value.value_or("-"), e.new_value.value_or("-")});
        }
        if (!out.empty()) {
            io::write_file_atomically(out, io::audit_csv(entries), true);  // refs and notes: owner only
            ctx.print(items, "Wrote " + std::to_string(entries.size()) + " change(s) to " + out);
        } else {
            ctx.print(items, rows.size() > 1 ? table(rows) : "No changes recorded");
        }
    });
}

}  // namespace mitra::cli
