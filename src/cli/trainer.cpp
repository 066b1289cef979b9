// mitra-cli trainer add|list|qualify|certify|show.
#include "cli/context.hpp"
#include "io/reason_words.hpp"
#include "io/record_words.hpp"
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
    ctx.print(json{{"ref", t.ref}, {"uuid", t.uuid}},
              // TRANSLATORS: %s is the new trainer's ref.
              io::format(ctx.words().tr("Added trainer %s"), {t.ref}));
}

void run_trainer_qualify(Context& ctx, const TrainerQualifyOptions& options) {
    store::TrainerRepo(ctx.db()).qualify(options.ref, split_list(options.modules));
    ctx.print(json{{"ref", options.ref}, {"qualified", split_list(options.modules)}},
              // TRANSLATORS: %1$s is a trainer's ref, %2$s module codes (M03,M04).
              io::format(ctx.words().tr("Qualified %1$s for %2$s"), {options.ref, options.modules}));
}

void run_trainer_certify(Context& ctx, const TrainerCertifyOptions& options) {
    const auto c = store::CertificationRepo(ctx.db()).certify_trainer(
        options.ref, options.level, date_option("--issued", options.issued), options.months);
    ctx.print(json{{"ref", c.trainer_ref},
                   {"uuid", c.uuid},
                   {"level", c.level},
                   {"issued", to_string(c.issued_on)},
                   {"expires", to_string(c.expires_on)}},
              // TRANSLATORS: %1$s is a trainer's ref, %2$s the level (trainer, senior trainer), %3$s and %4$s the
              // first and last days it is valid.
              io::format(ctx.words().tr("Certified %1$s as %2$s from %3$s to %4$s"),
                         {c.trainer_ref, io::trainer_level_words(c.level, ctx.words()), to_string(c.issued_on),
                          to_string(c.expires_on)}));
}

void run_trainer_show(Context& ctx, const TrainerShowOptions& options) {
    const Date today = options.today.empty() ? today_utc() : date_option("--today", options.today);
    const auto st = store::CertificationRepo(ctx.db()).trainer_standing(options.ref, today);
    const io::Catalog& words = ctx.words();
    json certifications = json::array();
    // TRANSLATORS: %1$s is a trainer's ref, %2$s their name, %3$s their standing (valid, expired, not certified yet).
    std::string text =
        io::format(words.tr("%1$s %2$s: %3$s"), {st.trainer_ref, st.name, io::standing_words(st.standing, words)}) +
        "\n";
    for (const auto& c : st.certifications) {
        certifications.push_back({{"level", c.level},
                                  {"issued", to_string(c.issued_on)},
                                  {"expires", to_string(c.expires_on)},
                                  {"validity", to_string(validity_on(c.expires_on, today))}});
        // TRANSLATORS: %1$s is a trainer's certification level, %2$s and %3$s the first and last days it is valid.
        text += "  " +
                io::format(words.tr("%1$s %2$s to %3$s"),
                           {io::trainer_level_words(c.level, words), to_string(c.issued_on), to_string(c.expires_on)}) +
                "\n";
    }
    const long long taught = st.teaching.sessions;
    const std::string hours = io::hours_words(st.teaching.minutes, words);
    // TRANSLATORS: %2$s is hours taught (12 hours), %3$s the cohorts' codes.
    text += "  " + (st.teaching.cohorts.empty()
                        ? io::format(words.trn("taught %1$d session, %2$s", "taught %1$d sessions, %2$s", taught),
                                     {taught, hours})
                        : io::format(words.trn("taught %1$d session, %2$s, cohorts %3$s",
                                               "taught %1$d sessions, %2$s, cohorts %3$s", taught),
                                     {taught, hours, join(st.teaching.cohorts, ", ")}));
    json renewal = nullptr;
    if (!st.certifications.empty()) {
        const auto r = store::CertificationRepo(ctx.db()).trainer_renewal(options.ref, today);
        renewal = {{"code", r.rule.code},
                   {"met", r.check.met},
                   {"missing", r.check.missing},
                   {"counted_minutes", r.check.total_minutes},
                   {"default_rule", r.default_rule}};
        // TRANSLATORS: %1$s is a renewal rule's code; %2$s what the renewal still needs (in total: 3 hours of 36
        // hours; ethics: ...).
        text += "\n  " + (r.check.met ? io::format(words.tr("renewal (%1$s): can renew now"), {r.rule.code})
                                      : io::format(words.tr("renewal (%1$s): still needs %2$s"),
                                                   {r.rule.code, io::renewal_phrases(r.check.shortfalls, words)}));
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
              // TRANSLATORS: %1$s is a trainer's ref, %2$s their level, %3$s the renewal rule's code, %4$s the new last
              // day, %5$s hours (12 hours), %6$s the day the previous certification was issued.
              io::format(ctx.words().tr("Renewed %1$s as %2$s (%3$s) until %4$s: %5$s of teaching and learning "
                                        "counted since %6$s"),
                         {c.trainer_ref, io::trainer_level_words(c.level, ctx.words()), state.rule.code,
                          to_string(c.expires_on), io::hours_words(state.check.total_minutes, ctx.words()),
                          to_string(state.held.issued_on)}));
}

}  // namespace

void add_trainer_commands(CLI::App& app, Context& ctx) {
    // TRANSLATORS: the --help descriptions of this file's commands and options (mitra-cli COMMAND --help).
    const io::Catalog& help = ctx.words();
    auto* group = app.add_subcommand("trainer", help.tr("Trainers and the modules they are qualified to teach"));
    group->require_subcommand(1);

    auto added = std::make_shared<TrainerAddOptions>();
    auto* add = group->add_subcommand("add", help.tr("Add a trainer"));
    add->add_option("--ref", added->trainer.ref, help.tr("The trainer's ref"))->required();
    add->add_option("--name", added->trainer.name, help.tr("Name in the trainer's own script"))->required();
    add->add_option("--latin-name", added->trainer.latin_name, help.tr("Name in Latin script (optional)"));
    add->add_option("--country", added->trainer.country, help.tr("ISO 3166-1 country code, such as NP"))->required();
    add->add_option("--languages", added->languages, help.tr("Languages taught in, such as ne,en"))->required();
    add->add_option("--qualified", added->qualified, help.tr("Module codes the trainer may teach, such as M01,M02"));
    add->callback([&ctx, added] { run_trainer_add(ctx, *added); });

    auto qualification = std::make_shared<TrainerQualifyOptions>();
    auto* qualify = group->add_subcommand("qualify", help.tr("Qualify a trainer for more modules"));
    qualify->add_option("ref", qualification->ref, help.tr("The trainer's ref"))->required();
    qualify->add_option("modules", qualification->modules, help.tr("Module codes, such as M03,M04"))->required();
    qualify->callback([&ctx, qualification] { run_trainer_qualify(ctx, *qualification); });

    auto certified = std::make_shared<TrainerCertifyOptions>();
    auto* certify =
        group->add_subcommand("certify", help.tr("Record a trainer's own certification (training of trainers)"));
    certify->add_option("ref", certified->ref, help.tr("The trainer's ref"))->required();
    certify->add_option("--level", certified->level, help.tr("Such as trainer or senior-trainer"))->required();
    certify->add_option("--issued", certified->issued, help.tr("The day it was issued, YYYY-MM-DD"))->required();
    certify->add_option("--months", certified->months, help.tr("How long it is valid (default: 24)"));
    certify->callback([&ctx, certified] { run_trainer_certify(ctx, *certified); });

    auto shown = std::make_shared<TrainerShowOptions>();
    auto* show = group->add_subcommand("show", help.tr("A trainer's certifications and teaching since the latest"));
    show->add_option("ref", shown->ref, help.tr("The trainer's ref"))->required();
    show->add_option("--today", shown->today, help.tr("Judge on this day (default: today)"));
    show->callback([&ctx, shown] { run_trainer_show(ctx, *shown); });

    auto renewed = std::make_shared<TrainerRenewOptions>();
    auto* renew = group->add_subcommand(
        "renew", help.tr("Renew a trainer's own certification when their teaching and learning meet its rule"));
    renew->add_option("ref", renewed->ref, help.tr("The trainer's ref"))->required();
    renew->add_option("--today", renewed->today, help.tr("The renewal's date (default: today)"));
    renew->callback([&ctx, renewed] { run_trainer_renew(ctx, *renewed); });

    auto* list = group->add_subcommand("list", help.tr("List the trainers"));
    list->callback([&ctx] {
        json items = json::array();
        const io::Catalog& words = ctx.words();
        std::vector<std::vector<std::string>> rows{{words.trc("column", "REF"), words.trc("column", "NAME"),
                                                    words.trc("column", "LATIN NAME"), words.trc("column", "COUNTRY"),
                                                    words.trc("column", "QUALIFIED"), words.trc("column", "LEVEL")}};
        store::CertificationRepo certifications(ctx.db());
        for (const auto& tr : store::TrainerRepo(ctx.db()).list()) {
            // The level of the latest trainer certification: its code in --json, its words in the table.
            const auto held = certifications.trainer_certifications(tr.ref);
            const std::string level = held.empty() ? std::string() : held.front().level;
            items.push_back({{"ref", tr.ref},
                             {"name", tr.name},
                             {"latin_name", tr.latin_name},
                             {"country", tr.country},
                             {"languages", tr.languages},
                             {"qualified", tr.qualified_modules},
                             {"level", held.empty() ? json(nullptr) : json(level)}});
            rows.push_back({tr.ref, tr.name, tr.latin_name, tr.country, join(tr.qualified_modules, ","),
                            io::trainer_level_words(level, words)});
        }
        ctx.print(items, rows.size() > 1 ? table(rows) : words.tr("No trainers yet"));
    });
}

}  // namespace mitra::cli
