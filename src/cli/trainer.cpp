// mitra-cli trainer add|list|qualify|certify|show.
#include "cli/context.hpp"
#include "store/certification_repo.hpp"
#include "store/repos.hpp"

namespace mitra::cli {

void add_trainer_commands(CLI::App& app, Context& ctx) {
    auto* group = app.add_subcommand("trainer", "Trainers and the modules they are qualified to teach");
    group->require_subcommand(1);

    auto* add = group->add_subcommand("add", "Add a trainer");
    static Trainer t;
    static std::string languages, qualified;
    add->add_option("--ref", t.ref, "The trainer's ref")->required();
    add->add_option("--name", t.name, "Name in the trainer's own script")->required();
    add->add_option("--latin-name", t.latin_name, "Name in Latin script (optional)");
    add->add_option("--country", t.country, "ISO 3166-1 country code, such as NP")->required();
    add->add_option("--languages", languages, "Languages taught in, such as ne,en")->required();
    add->add_option("--qualified", qualified, "Module codes the trainer may teach, such as M01,M02");
    add->callback([&ctx] {
        t.languages = split_list(languages);
        t.qualified_modules = split_list(qualified);
        normalize(t);
        refuse_if_any(validate(t));
        store::TrainerRepo(ctx.db()).add(t);
        ctx.print(json{{"ref", t.ref}, {"uuid", t.uuid}}, "Added trainer " + t.ref);
    });

    auto* qualify = group->add_subcommand("qualify", "Qualify a trainer for more modules");
    static std::string ref, modules;
    qualify->add_option("ref", ref, "The trainer's ref")->required();
    qualify->add_option("modules", modules, "Module codes, such as M03,M04")->required();
    qualify->callback([&ctx] {
        store::TrainerRepo(ctx.db()).qualify(ref, split_list(modules));
        ctx.print(json{{"ref", ref}, {"qualified", split_list(modules)}}, "Qualified " + ref + " for " + modules);
    });

    auto* certify = group->add_subcommand("certify", "Record a trainer's own certification (training of trainers)");
    static std::string certify_ref, level, issued;
    static int months = 24;
    certify->add_option("ref", certify_ref, "The trainer's ref")->required();
    certify->add_option("--level", level, "Such as trainer or senior-trainer")->required();
    certify->add_option("--issued", issued, "The day it was issued, YYYY-MM-DD")->required();
    certify->add_option("--months", months, "How long it is valid (default: 24)");
    certify->callback([&ctx] {
        const auto c = store::CertificationRepo(ctx.db()).certify_trainer(certify_ref, level,
                                                                          date_option("--issued", issued), months);
        ctx.print(json{{"ref", c.trainer_ref}, {"uuid", c.uuid}, {"level", c.level}, {"issued", to_string(c.issued_on)},
                       {"expires", to_string(c.expires_on)}},
                  "Certified " + c.trainer_ref + " as " + c.level + " from " + to_string(c.issued_on) + " to " +
                      to_string(c.expires_on));
    });

    auto* show = group->add_subcommand("show", "A trainer's certifications and teaching since the latest");
    static std::string show_ref, show_today;
    show->add_option("ref", show_ref, "The trainer's ref")->required();
    show->add_option("--today", show_today, "Judge on this day (default: today)");
    show->callback([&ctx] {
        const Date today = show_today.empty() ? today_utc() : date_option("--today", show_today);
        const auto st = store::CertificationRepo(ctx.db()).trainer_standing(show_ref, today);
        json certifications = json::array();
        std::string text = st.trainer_ref + " " + st.name + ": " + st.standing + "\n";
        for (const auto& c : st.certifications) {
            certifications.push_back({{"level", c.level}, {"issued", to_string(c.issued_on)},
                                      {"expires", to_string(c.expires_on)},
                                      {"validity", to_string(validity_on(c.expires_on, today))}});
            text += "  " + c.level + " " + to_string(c.issued_on) + " to " + to_string(c.expires_on) + "\n";
        }
        text += "  taught " + std::to_string(st.teaching.sessions) + " sessions, " + hours_text(st.teaching.minutes) +
                (st.teaching.cohorts.empty() ? "" : ", cohorts " + join(st.teaching.cohorts, ", "));
        json renewal = nullptr;
        if (!st.certifications.empty()) {
            const auto r = store::CertificationRepo(ctx.db()).trainer_renewal(show_ref, today);
            renewal = {{"code", r.rule.code}, {"met", r.check.met}, {"missing", r.check.missing},
                       {"counted_minutes", r.check.total_minutes}, {"default_rule", r.default_rule}};
            text += "\n  renewal (" + r.rule.code + "): " +
                    (r.check.met ? std::string("can renew now") : "still needs " + join(r.check.missing, "; "));
        }
        ctx.print(json{{"ref", st.trainer_ref},
                       {"renewal", renewal},
                       {"name", st.name},
                       {"standing", st.standing},
                       {"certifications", certifications},
                       {"teaching",
                        {{"sessions", st.teaching.sessions},
                         {"minutes", st.teaching.minutes},
                         {"cohorts", st.teaching.cohorts}}}},
                  text);
    });

    auto* renew = group->add_subcommand(
        "renew", "Renew a trainer's own certification when their teaching and learning meet its rule");
    static std::string renew_ref, renew_today;
    renew->add_option("ref", renew_ref, "The trainer's ref")->required();
    renew->add_option("--today", renew_today, "The renewal's date (default: today)");
    renew->callback([&ctx] {
        const Date today = renew_today.empty() ? today_utc() : date_option("--today", renew_today);
        store::CertificationRepo repo(ctx.db());
        const auto state = repo.trainer_renewal(renew_ref, today);
        const auto c = repo.renew_trainer(renew_ref, today);
        ctx.print(json{{"ref", c.trainer_ref},
                       {"uuid", c.uuid},
                       {"level", c.level},
                       {"code", state.rule.code},
                       {"default_rule", state.default_rule},
                       {"issued", to_string(c.issued_on)},
                       {"expires", to_string(c.expires_on)},
                       {"previous_expires", to_string(state.held.expires_on)},
                       {"counted_minutes", state.check.total_minutes},
                       {"minutes_by_category", state.check.minutes_by_category}},
                  "Renewed " + c.trainer_ref + " as " + c.level + " (" + state.rule.code + ") until " +
                      to_string(c.expires_on) + ": " + hours_text(state.check.total_minutes) +
                      " of teaching and learning counted since " + to_string(state.held.issued_on));
    });

    auto* list = group->add_subcommand("list", "List the trainers");
    list->callback([&ctx] {
        json items = json::array();
        std::vector<std::vector<std::string>> rows{{"REF", "NAME", "LATIN NAME", "COUNTRY", "QUALIFIED"}};
        for (const auto& tr : store::TrainerRepo(ctx.db()).list()) {
            items.push_back({{"ref", tr.ref}, {"name", tr.name}, {"latin_name", tr.latin_name},
                             {"country", tr.country}, {"languages", tr.languages},
                             {"qualified", tr.qualified_modules}});
            rows.push_back({tr.ref, tr.name, tr.latin_name, tr.country, join(tr.qualified_modules, ",")});
        }
        ctx.print(items, rows.size() > 1 ? table(rows) : "No trainers yet");
    });
}

}  // namespace mitra::cli
