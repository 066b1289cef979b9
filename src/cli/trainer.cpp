// mitra-cli trainer add|list|qualify|certify|show.
#include "cli/context.hpp"
#include "store/certification_repo.hpp"
#include "store/repos.hpp"

namespace mitra::cli {
namespace {

struct TrainerAddOptions {
    Trainer trainer;
    std::string languages;
    std::string qualified;
};

struct TrainerQualifyOptions {
    std::string ref;
    std::string modules;
};

struct TrainerCertifyOptions {
    std::string ref;
    std::string level;
    std::string issued;
    int months = 24;
};

struct TrainerShowOptions {
    std::string ref;
    std::string today;
};

struct TrainerRenewOptions {
    std::string ref;
    std::string today;
};

void run_trainer_add(Context& ctx, const TrainerAddOptions& options) {
    Trainer t = options.trainer;
    t.languages = split_list(options.languages);
    t.qualified_modules = split_list(options.qualified);
    normalize(t);
    refuse_if_any(validate(t));
    store::TrainerRepo(ctx.db()).add(t);
    ctx.print(json{{"ref", t.ref}, {"uuid", t.uuid}}, "Added trainer " + t.ref);
}

void run_trainer_qualify(Context& ctx, const TrainerQualifyOptions& options) {
    store::TrainerRepo(ctx.db()).qualify(options.ref, split_list(options.modules));
    ctx.print(json{{"ref", options.ref}, {"qualified", split_list(options.modules)}},
              "Qualified " + options.ref + " for " + options.modules);
}

void run_trainer_certify(Context& ctx, const TrainerCertifyOptions& options) {
    const auto c = store::CertificationRepo(ctx.db()).certify_trainer(
        options.ref, options.level, date_option("--issued", options.issued), options.months);
    ctx.print(json{{"ref", c.trainer_ref},
                   {"uuid", c.uuid},
                   {"level", c.level},
                   {"issued", to_string(c.issued_on)},
                   {"expires", to_string(c.expires_on)}},
              "Certified " + c.trainer_ref + " as " + c.level + " from " + to_string(c.issued_on) + " to " +
                  to_string(c.expires_on));
}

void run_trainer_show(Context& ctx, const TrainerShowOptions& options) {
    const Date today = options.today.empty() ? today_utc() : date_option("--today", options.today);
    const auto st = store::CertificationRepo(ctx.db()).trainer_standing(options.ref, today);
    json certifications = json::array();
    std::string text = st.trainer_ref + " " + st.name + ": " + st.standing + "\n";
    for (const auto& c : st.certifications) {
        certifications.push_back({{"level", c.level},
                                  {"issued", to_string(c.issued_on)},
                                  {"expires", to_string(c.expires_on)},
                                  {"validity", to_string(validity_on(c.expires_on, today))}});
        text += "  " + c.level + " " + to_string(c.issued_on) + " to " + to_string(c.expires_on) + "\n";
    }
    text += "  taught " + std::to_string(st.teaching.sessions) + " sessions, " + hours_text(st.teaching.minutes) +
            (st.teaching.cohorts.empty() ? "" : ", cohorts " + join(st.teaching.cohorts, ", "));
    json renewal = nullptr;
    if (!st.certifications.empty()) {
        const auto r = store::CertificationRepo(ctx.db()).trainer_renewal(options.ref, today);
        renewal = {{"code", r.rule.code},
                   {"met", r.check.met},
                   {"missing", r.check.missing},
                   {"counted_minutes", r.check.total_minutes},
                   {"default_rule", r.default_rule}};
        text += "\n  renewal (" + r.rule.code +
                "): " + (r.check.met ? std::string("can renew now") : "still needs " + join(r.check.missing, "; "));
    }
    ctx.print(
        json{
            {"ref", st.trainer_ref},
            {"renewal", renewal},
            {"name", st.name},
            {"standing", st.standing},
            {"certifications", certifications},
            {"teaching",
             {{"sessions", st.teaching.sessions}, {"minutes", st.teaching.minutes}, {"cohorts", st.teaching.cohorts}}}},
        text);
}

void run_trainer_renew(Context& ctx, const TrainerRenewOptions& options) {
    const Date today = options.today.empty() ? today_utc() : date_option("--today", options.today);
    store::CertificationRepo repo(ctx.db());
    const auto state = repo.trainer_renewal(options.ref, today);
    const auto c = repo.renew_trainer(options.ref, today);
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
}

}  // namespace

void add_trainer_commands(CLI::App& app, Context& ctx) {
    auto* group = app.add_subcommand("trainer", "Trainers and the modules they are qualified to teach");
    group->require_subcommand(1);

    auto added = std::make_shared<TrainerAddOptions>();
    auto* add = group->add_subcommand("add", "Add a trainer");
    add->add_option("--ref", added->trainer.ref, "The trainer's ref")->required();
    add->add_option("--name", added->trainer.name, "Name in the trainer's own script")->required();
    add->add_option("--latin-name", added->trainer.latin_name, "Name in Latin script (optional)");
    add->add_option("--country", added->trainer.country, "ISO 3166-1 country code, such as NP")->required();
    add->add_option("--languages", added->languages, "Languages taught in, such as ne,en")->required();
    add->add_option("--qualified", added->qualified, "Module codes the trainer may teach, such as M01,M02");
    add->callback([&ctx, added] { run_trainer_add(ctx, *added); });

    auto qualification = std::make_shared<TrainerQualifyOptions>();
    auto* qualify = group->add_subcommand("qualify", "Qualify a trainer for more modules");
    qualify->add_option("ref", qualification->ref, "The trainer's ref")->required();
    qualify->add_option("modules", qualification->modules, "Module codes, such as M03,M04")->required();
    qualify->callback([&ctx, qualification] { run_trainer_qualify(ctx, *qualification); });

    auto certified = std::make_shared<TrainerCertifyOptions>();
    auto* certify = group->add_subcommand("certify", "Record a trainer's own certification (training of trainers)");
    certify->add_option("ref", certified->ref, "The trainer's ref")->required();
    certify->add_option("--level", certified->level, "Such as trainer or senior-trainer")->required();
    certify->add_option("--issued", certified->issued, "The day it was issued, YYYY-MM-DD")->required();
    certify->add_option("--months", certified->months, "How long it is valid (default: 24)");
    certify->callback([&ctx, certified] { run_trainer_certify(ctx, *certified); });

    auto shown = std::make_shared<TrainerShowOptions>();
    auto* show = group->add_subcommand("show", "A trainer's certifications and teaching since the latest");
    show->add_option("ref", shown->ref, "The trainer's ref")->required();
    show->add_option("--today", shown->today, "Judge on this day (default: today)");
    show->callback([&ctx, shown] { run_trainer_show(ctx, *shown); });

    auto renewed = std::make_shared<TrainerRenewOptions>();
    auto* renew = group->add_subcommand(
        "renew", "Renew a trainer's own certification when their teaching and learning meet its rule");
    renew->add_option("ref", renewed->ref, "The trainer's ref")->required();
    renew->add_option("--today", renewed->today, "The renewal's date (default: today)");
    renew->callback([&ctx, renewed] { run_trainer_renew(ctx, *renewed); });

    auto* list = group->add_subcommand("list", "List the trainers");
    list->callback([&ctx] {
        json items = json::array();
        std::vector<std::vector<std::string>> rows{{"REF", "NAME", "LATIN NAME", "COUNTRY", "QUALIFIED"}};
        for (const auto& tr : store::TrainerRepo(ctx.db()).list()) {
            items.push_back({{"ref", tr.ref},
                             {"name", tr.name},
                             {"latin_name", tr.latin_name},
                             {"country", tr.country},
                             {"languages", tr.languages},
                             {"qualified", tr.qualified_modules}});
            rows.push_back({tr.ref, tr.name, tr.latin_name, tr.country, join(tr.qualified_modules, ",")});
        }
        ctx.print(items, rows.size() > 1 ? table(rows) : "No trainers yet");
    });
}

}  // namespace mitra::cli
