// mitra-cli certification due|show|grant|renew, learning add|list: certification over time.
#include <cmath>
#include <filesystem>
#include <optional>

#include "cli/context.hpp"
#include "io/keys.hpp"
#include "io/reason_words.hpp"
#include "io/record_words.hpp"
#include "io/template_toml.hpp"
#include "pdf/certificate.hpp"
#include "store/certification_repo.hpp"
#include "workflow/certificates.hpp"

namespace mitra::cli {
namespace {

namespace fs = std::filesystem;

struct CertificationDueOptions {
    std::string within = "90d";
    std::string today;
};

struct CertificationShowOptions {
    std::string ref;
    std::string today;
};

struct CertificationGrantOptions {
    std::string ref;
    std::string code;
    std::string today;
};

struct CertificationRenewOptions {
    std::string ref;
    std::string code;
    std::string today;
    std::string key_file;
    std::string out_dir;
    std::string template_file;
};

struct LearningAddOptions {
    std::string ref;
    std::string title;
    std::string provider;
    std::string date;
    std::string category;
    std::string evidence;
    double hours = 0;
};

struct LearningListOptions {
    std::string ref;
    std::string today;
};

// "90d", "12w" or "90": a number of days.
int days_option(const std::string& option, const std::string& value, const io::Catalog& words) {
    std::string number = value;
    int unit = 1;
    if (!number.empty() && (number.back() == 'd' || number.back() == 'w')) {
        unit = number.back() == 'w' ? 7 : 1;
        number.pop_back();
    }
    if (number.empty() || number.size() > 5 ||
        !std::all_of(number.begin(), number.end(), [](char c) { return c >= '0' && c <= '9'; }))
        // TRANSLATORS: %s is what was typed; 90d and 12w stay as they are (d: days, w: weeks).
        bad_option(option, io::format(words.tr("'%s' is not a number of days such as 90d or 12w"), {value}));
    return std::stoi(number) * unit;
}

Date today_option(const std::string& value) { return value.empty() ? today_utc() : date_option("--today", value); }

json certification_json(const store::CertificationRecord& k, const Date& today) {
    return json{{"uuid", k.uuid},
                {"ref", k.participant_ref},
                {"full_name", k.full_name},
                {"code", k.code},
                {"curriculum", k.curriculum_code},
                {"cohort", k.cohort_code},
                {"serial", k.serial},
                {"issued", to_string(k.issued_on)},
                {"valid_from", to_string(k.valid_from)},
                {"expires", to_string(k.expires_on)},
                {"previous_serial", k.previous_serial},
                {"renewed_by", k.renewed_by_serial},
                {"status", k.status},
                {"validity", store::standing_on(k, today)}};
}

json learning_json(const LearningEntry& e) {
    return json{{"title", e.title},       {"provider", e.provider},    {"date", to_string(e.on)},
                {"minutes", e.minutes},   {"hours", e.minutes / 60.0}, {"category", e.category},
                {"evidence", e.evidence}, {"source", e.source}};
}

void run_certification_due(Context& ctx, const CertificationDueOptions& options) {
    const int days = days_option("--within", options.within, ctx.words());
    const Date today = today_option(options.today);
    const auto items = store::CertificationRepo(ctx.db()).due(today, days);
    json out = json::array();
    const io::Catalog& words = ctx.words();
    std::vector<std::vector<std::string>> rows{{words.trc("column", "REF"), words.trc("column", "NAME"),
                                                words.trc("column", "CERTIFICATION"), words.trc("column", "SERIAL"),
                                                words.trc("column", "EXPIRES"), words.trc("column", "STATE"),
                                                words.trc("column", "STILL NEEDS")}};
    for (const auto& d : items) {
        out.push_back({{"ref", d.ref},
                       {"full_name", d.full_name},
                       {"code", d.code},
                       {"serial", d.serial},
                       {"issued", to_string(d.issued_on)},
                       {"expires", to_string(d.expires_on)},
                       {"validity", d.validity},
                       {"days_left", d.days_left},
                       {"missing", d.missing}});
        rows.push_back(
            {d.ref, d.full_name, d.code, d.serial, to_string(d.expires_on),
             d.validity == "expired" ? words.tr("expired")
                                     : io::format(words.trn("in %d day", "in %d days", d.days_left), {d.days_left}),
             d.shortfalls.empty() ? (d.missing.empty() ? words.tr("nothing: can renew now") : join(d.missing, "; "))
                                  : io::renewal_phrases(d.shortfalls, words)});
    }
    ctx.print(out, items.empty() ? io::format(words.trn("No certification ends within %d day of %s",
                                                        "No certification ends within %d days of %s", days),
                                              {days, to_string(today)})
                                 : table(rows));
}

void run_certification_show(Context& ctx, const CertificationShowOptions& options) {
    const Date today = today_option(options.today);
    store::CertificationRepo repo(ctx.db());
    const auto paths = repo.pathways(options.ref, today);
    const io::Catalog& words = ctx.words();
    const std::string language = io::content_language(words.language());  // of module titles, for people
    json items = json::array();
    std::string text;
    for (const auto& p : paths) {
        json requirements = json::array();
        const std::string title = p.definition.title.in(language);
        text += p.definition.code + " " + (title.empty() ? p.definition.title.in("en") : title) + " (" +
                p.participant_ref + " " + p.full_name + "): " + io::standing_words(p.standing, words) + "\n";
        for (const auto& q : p.requirements) {
            requirements.push_back({{"name", q.name}, {"done", q.done}, {"detail", q.detail}});
            // A whole phrase in the user's language ("supervised practice: 20 hours of 40 hours signed off").
            text += "  " + (q.done ? words.trc("pathway", "done") : words.trc("pathway", "missing")) + "  " +
                    io::requirement_phrase(q, language, words) + "\n";
        }
        json current = nullptr;
        if (p.current) {
            current = certification_json(*p.current, today);
            text += "  " + words.trc("pathway", "held") + "  " +
                    io::format(words.tr("%s, valid %s to %s (%s)"),
                               {p.current->serial, to_string(p.current->valid_from), to_string(p.current->expires_on),
                                io::standing_words(p.standing, words)}) +
                    "\n";
            text += "  " + words.trc("pathway", "learning") + "  " +
                    io::format(words.tr("%s since %s of %s for renewal"),
                               {io::hours_words(p.renewal.total_minutes, words), to_string(p.current->issued_on),
                                io::hours_words(p.definition.renewal.total_minutes, words)}) +
                    "\n";
        }
        for (const auto& gap : p.gaps)
            text += "  " + words.trc("pathway", "due") + "  " + io::gap_phrase(p, gap, language, words) +
                    (gap.kind == PathwayGap::Kind::certificate_not_issued ? " (mitra-cli certificate issue)" : "") +
                    "\n";
        json by_category = json::object();
        for (const auto& [category, minutes] : p.renewal.minutes_by_category) by_category[category] = minutes;
        items.push_back({{"code", p.definition.code},
                         {"title", p.definition.title.in("en")},
                         {"valid_months", p.definition.valid_months},
                         {"requirements", requirements},
                         {"ready", p.ready},
                         {"standing", p.standing},
                         {"current", current},
                         {"renewal",
                          {{"met", p.renewal.met},
                           {"total_minutes", p.renewal.total_minutes},
                           {"minutes_by_category", by_category},
                           {"missing", p.renewal.missing}}},
                         {"missing", p.missing}});
    }
    json history = json::array();
    for (const auto& k : repo.history(options.ref)) history.push_back(certification_json(k, today));
    if (paths.empty())
        text = io::format(words.tr("%s is on no certification pathway (enrolled in no cohort that leads to one)"),
                          {options.ref});
    ctx.print(json{{"ref", options.ref}, {"pathways", items}, {"history", history}}, text);
}

void run_certification_grant(Context& ctx, const CertificationGrantOptions& options) {
    const Date today = today_option(options.today);
    store::CertificationRepo repo(ctx.db());
    // A pathway not ready yet is refused here with what it still needs in the user's words; the store refuses the
    // same (in English) and everything else about certifying.
    std::vector<Pathway> paths;
    for (auto& p : repo.pathways(options.ref, today))
        if (options.code.empty() || p.definition.code == options.code) paths.push_back(std::move(p));
    if (paths.size() == 1 && !paths.front().current && !paths.front().ready)
        throw InputError{
            io::not_ready_problems(paths.front(), io::content_language(ctx.words().language()), ctx.words())};
    const auto k = repo.certify(options.ref, today, options.code);
    // TRANSLATORS: %1$s is a person's ref, %2$s a certification's code, %3$s the certificate's serial, %4$s its last
    // valid day.
    ctx.print(certification_json(k, today),
              io::format(ctx.words().tr("Certified %1$s %2$s with %3$s, valid until %4$s"),
                         {k.participant_ref, k.code, k.serial, to_string(k.expires_on)}));
}

void run_certification_renew(Context& ctx, const CertificationRenewOptions& options) {
    const Date today = today_option(options.today);
    const auto key =
        io::load_or_create_signing_key(options.key_file.empty() ? io::default_key_path() : fs::path(options.key_file));
    workflow::RenewalRequest request{options.ref, options.code, today, std::nullopt, options.out_dir};
    // The template is read before anything is recorded: one that cannot be read changes nothing.
    if (!options.out_dir.empty()) {
        const std::string path = !options.template_file.empty()
                                     ? options.template_file
                                     : shipped_dir("certificates") + "/" + pdf::shipped_template_name("certification");
        auto read = io::read_certificate_template_file(path);
        if (!read.ok()) throw InputError{read.problems};
        request.layout = read.value;
    }
    workflow::RenewalOutcome outcome;
    try {
        pdf::FontStack fonts;
        outcome = workflow::renew_certification(ctx.db(), fonts, key, request);
    } catch (const InputError& e) {
        if (ctx.json_output) {
            json missing = json::array();
            for (const auto& p : e.problems) missing.push_back(p.message);
            ctx.print(json{{"ref", options.ref}, {"renewed", false}, {"missing", missing}}, "");
        }
        throw;
    }
    const std::string file = outcome.file.string();
    const auto& k = outcome.renewed.certification;
    auto j = certification_json(k, today);
    j["renewed"] = true;
    j["file"] = file;
    // TRANSLATORS: %1$s is a person's ref, %2$s a certification's code, %3$s the new certificate's serial, %4$s the
    // serial it replaces, %5$s and %6$s its first and last valid days.
    ctx.print(j, io::format(ctx.words().tr("Renewed %1$s %2$s: %3$s (replaces %4$s), valid %5$s to %6$s"),
                            {k.participant_ref, k.code, k.serial, k.previous_serial, to_string(k.valid_from),
                             to_string(k.expires_on)}) +
                     (file.empty() ? "" : "\n  " + file));
}

void run_learning_add(Context& ctx, const LearningAddOptions& options) {
    LearningEntry e;
    e.title = options.title;
    e.provider = options.provider;
    e.on = date_option("--date", options.date);
    if (!std::isfinite(options.hours) || options.hours <= 0 || options.hours > 1000)
        bad_option("--hours", ctx.words().tr("should be from 0 to 1000 hours"));
    e.minutes = static_cast<int>(std::lround(options.hours * 60));
    e.category = options.category;
    e.evidence = options.evidence;
    e.source = "external";
    store::CertificationRepo(ctx.db()).add_learning(options.ref, e);
    ctx.print(learning_json(e),
              // TRANSLATORS: %1$s is hours (12 hours), %2$s a category of learning (ethics), %3$s a person's ref, %4$s
              // the learning's title as typed.
              io::format(ctx.words().tr("Recorded %1$s of %2$s for %3$s: %4$s"),
                         {io::hours_words(e.minutes, ctx.words()), io::category_words(e.category, ctx.words()),
                          options.ref, e.title}));
}

void run_learning_list(Context& ctx, const LearningListOptions& options) {
    const auto entries = store::CertificationRepo(ctx.db()).ledger(options.ref, today_option(options.today));
    const io::Catalog& words = ctx.words();
    json items = json::array();
    std::vector<std::vector<std::string>> rows{{words.trc("column", "DATE"), words.trc("column", "HOURS"),
                                                words.trc("column", "CATEGORY"), words.trc("column", "SOURCE"),
                                                words.trc("column", "TITLE"), words.trc("column", "PROVIDER")}};
    int total = 0;
    for (const auto& e : entries) {
        items.push_back(learning_json(e));
        rows.push_back({to_string(e.on), io::hours_words(e.minutes, words), io::category_words(e.category, words),
                        io::learning_source_words(e.source, words), e.title, e.provider});
        total += e.minutes;
    }
    // TRANSLATORS: %s is a person's ref.
    ctx.print(items, entries.empty()
                         ? io::format(words.tr("No learning recorded for %s"), {options.ref})
                         // TRANSLATORS: %s is hours (12 hours), under the table of a person's learning.
                         : table(rows) + "\n" + io::format(words.tr("%s in all"), {io::hours_words(total, words)}));
}

}  // namespace

void add_certification_commands(CLI::App& app, Context& ctx) {
    // TRANSLATORS: the --help descriptions of this file's commands and options (mitra-cli COMMAND --help).
    const io::Catalog& help = ctx.words();
    auto* group =
        app.add_subcommand("certification", help.tr("Certifications over time: who must renew, pathways, renewals"));
    group->require_subcommand(1);

    auto due_soon = std::make_shared<CertificationDueOptions>();
    auto* due =
        group->add_subcommand("due", help.tr("Certifications ending soon (or ended), with what each renewal needs"));
    due->add_option("--within", due_soon->within, help.tr("How far ahead, such as 90d or 12w (default: 90d)"));
    due->add_option("--today", due_soon->today, help.tr("Count from this day (default: today)"));
    due->callback([&ctx, due_soon] { run_certification_due(ctx, *due_soon); });

    auto shown = std::make_shared<CertificationShowOptions>();
    auto* show = group->add_subcommand("show", help.tr("A person's pathway: done, missing, due"));
    show->add_option("ref", shown->ref, help.tr("The participant's ref"))->required();
    show->add_option("--today", shown->today, help.tr("Judge on this day (default: today)"));
    show->callback([&ctx, shown] { run_certification_show(ctx, *shown); });

    auto granted = std::make_shared<CertificationGrantOptions>();
    auto* grant = group->add_subcommand(
        "grant",
        help.tr("Record the first certification of someone who completed the programme and holds its certificate"));
    grant->add_option("ref", granted->ref, help.tr("The participant's ref"))->required();
    grant->add_option("--code", granted->code,
                      help.tr("The certification's code, such as PSC (when on several pathways)"));
    grant->add_option("--today", granted->today, help.tr("Judge on this day (default: today)"));
    grant->callback([&ctx, granted] { run_certification_grant(ctx, *granted); });

    auto renewal = std::make_shared<CertificationRenewOptions>();
    auto* renew =
        group->add_subcommand("renew", help.tr("Renew a certification: a new certificate linked to the previous one"));
    renew->add_option("ref", renewal->ref, help.tr("The participant's ref"))->required();
    renew->add_option("--code", renewal->code, help.tr("The certification's code (when the person holds several)"));
    renew->add_option("--today", renewal->today, help.tr("The renewal's date (default: today)"));
    renew->add_option("--key", renewal->key_file,
                      help.tr("The signing key file (default: the installation's own, made on first use)"));
    renew->add_option("--out", renewal->out_dir, help.tr("Write the new certificate's PDF into this folder"));
    renew->add_option("--template", renewal->template_file,
                      help.tr("A certificate template (default: the shipped completion one)"));
    renew->callback([&ctx, renewal] { run_certification_renew(ctx, *renewal); });

    auto* learning = app.add_subcommand("learning", help.tr("A person's continuing education after certification"));
    learning->require_subcommand(1);
    auto learned = std::make_shared<LearningAddOptions>();
    auto* add = learning->add_subcommand("add", help.tr("Record learning from outside Mitra"));
    add->add_option("ref", learned->ref, help.tr("The participant's ref"))->required();
    add->add_option("--title", learned->title, help.tr("What it was"))->required();
    add->add_option("--provider", learned->provider, help.tr("Who ran it"))->required();
    add->add_option("--date", learned->date, help.tr("When, YYYY-MM-DD"))->required();
    add->add_option("--hours", learned->hours, help.tr("How long, in hours (1.5 for an hour and a half)"))->required();
    add->add_option("--category", learned->category, help.tr("Such as ethics, peer_practice, elective"))->required();
    add->add_option("--evidence", learned->evidence,
                    help.tr("What shows it happened (a certificate of attendance, ...)"));
    add->callback([&ctx, learned] { run_learning_add(ctx, *learned); });

    auto listed = std::make_shared<LearningListOptions>();
    auto* list = learning->add_subcommand("list", help.tr("A person's ledger, with Mitra's own sessions and teaching"));
    list->add_option("ref", listed->ref, help.tr("The participant's ref"))->required();
    list->add_option("--today", listed->today, help.tr("Up to this day (default: today)"));
    list->callback([&ctx, listed] { run_learning_list(ctx, *listed); });
}

}  // namespace mitra::cli
