// mitra-cli supervisor add|list|show, supervision log, assessment observe|release, referee add, attest,
// deadline extend, cohort deadlines (issue 21).
#include "cli/context.hpp"
#include "core/deadline_list.hpp"
#include "core/text.hpp"
#include "io/practice_words.hpp"
#include "store/practice_repo.hpp"
#include "store/repos.hpp"

namespace mitra::cli {
namespace {

struct SupervisorAddOptions {
    std::string ref, name, kind = "outside_professional", trainer, credential, valid_from, expires;
};
struct SupervisorShowOptions {
    std::string ref;
};
struct SupervisionLogOptions {
    std::string cohort, ref, module, supervisor, format, on, note;
    int minutes = 0;
};
struct ObserveOptions {
    std::string cohort, ref, module, method = "direct_observation", rater, second_rater, on, released;
    std::vector<std::string> levels;  // criterion=level or criterion=level/level, level 0-4 or NO
};
struct ReleaseOptions {
    std::string cohort, ref, module, on;
};
struct RefereeOptions {
    std::string ref, referee, on;
};
struct AttestOptions {
    std::string ref, kind, on;
    bool is_signed = false, not_signed = false;
};
struct ExtendOptions {
    std::string cohort, ref, until, reason;
};
struct DeadlinesOptions {
    std::string cohort, today;
    int warn_days = 60;
};

Date day_or_today(const std::string& option, const std::string& value) {
    return value.empty() ? today_utc() : date_option(option, value);
}

json supervisor_json(const Supervisor& s) {
    json credentials = json::array();
    for (const auto& c : s.credentials)
        credentials.push_back(
            {{"name", c.name}, {"valid_from", to_string(c.valid_from)}, {"expires_on", to_string(c.expires_on)}});
    return {{"ref", s.ref}, {"kind", to_string(s.kind)}, {"trainer", s.trainer_ref}, {"credentials", credentials}};
}

void run_supervisor_add(Context& ctx, const SupervisorAddOptions& o) {
    Supervisor s;
    s.ref = o.ref;
    s.name = o.name;
    const auto kind = parse_supervisor_kind(o.kind);
    if (!kind)
        bad_option("--kind", io::format(ctx.words().tr("'%s' is not trainer or outside_professional"), {o.kind}));
    s.kind = *kind;
    s.trainer_ref = o.trainer;
    if (!o.credential.empty())
        s.credentials.push_back(
            {o.credential, date_option("--valid-from", o.valid_from), date_option("--expires", o.expires)});
    store::PracticeRepo(ctx.db()).add_supervisor(s);
    ctx.print(supervisor_json(s), io::format(ctx.words().tr("Added supervisor %s"), {s.ref}));
}

void run_supervisor_list(Context& ctx) {
    const auto all = store::PracticeRepo(ctx.db()).supervisors();
    const io::Catalog& words = ctx.words();
    json items = json::array();
    std::vector<std::vector<std::string>> rows{
        // TRANSLATORS: a table's column headings on a terminal, in capitals where the script has them.
        {words.trc("column", "REF"), words.trc("column", "KIND"), words.trc("column", "CREDENTIAL VALID UNTIL")}};
    for (const auto& s : all) {
        items.push_back(supervisor_json(s));
        rows.push_back({s.ref, io::supervisor_kind_words(s.kind, words),
                        s.credentials.empty() ? "-" : to_string(s.credentials.back().expires_on)});
    }
    ctx.print(items, table(rows));
}

void run_supervisor_show(Context& ctx, const SupervisorShowOptions& o) {
    const auto s = store::PracticeRepo(ctx.db()).supervisor(o.ref);
    const io::Catalog& words = ctx.words();
    if (!s) bad_option("ref", io::format(words.tr("no supervisor has ref %s"), {o.ref}));
    std::vector<std::vector<std::string>> rows{
        // TRANSLATORS: a table's column headings on a terminal, in capitals where the script has them.
        {words.trc("column", "CREDENTIAL"), words.trc("column", "VALID FROM"), words.trc("column", "EXPIRES")}};
    for (const auto& c : s->credentials) rows.push_back({c.name, to_string(c.valid_from), to_string(c.expires_on)});
    ctx.print(supervisor_json(*s),
              // TRANSLATORS: a supervisor's ref and their kind ("outside professional"), above their credentials.
              io::format(words.tr("Supervisor %1$s (%2$s)"), {s->ref, io::supervisor_kind_words(s->kind, words)}) +
                  "\n" + table(rows));
}

void run_supervision_log(Context& ctx, const SupervisionLogOptions& o) {
    const auto format = parse_supervision_format(o.format);
    const io::Catalog& words = ctx.words();
    if (!format) bad_option("--format", io::format(words.tr("'%s' is not one_to_one or group"), {o.format}));
    SupervisionEntry e{"", o.ref, o.module, o.supervisor, *format, o.minutes, day_or_today("--on", o.on), o.note};
    store::PracticeRepo(ctx.db()).log_supervision(o.cohort, e);
    const std::string logged = *format == SupervisionFormat::one_to_one
                                   // TRANSLATORS: %1$d is the minutes, %2$s a person's ref.
                                   ? words.trn("Logged %1$d minute of one-to-one supervision for %2$s",
                                               "Logged %1$d minutes of one-to-one supervision for %2$s", o.minutes)
                                   // TRANSLATORS: %1$d is the minutes, %2$s a person's ref.
                                   : words.trn("Logged %1$d minute of group supervision for %2$s",
                                               "Logged %1$d minutes of group supervision for %2$s", o.minutes);
    ctx.print(json{{"ref", o.ref}, {"module", o.module}, {"minutes", o.minutes}, {"format", o.format}},
              io::format(logged, {o.minutes, o.ref}));
}

std::optional<int> level_option(const io::Catalog& words, const std::string& text, const std::string& item) {
    if (text == "NO" || text == "N/O" || text == "no") return std::nullopt;
    if (text.size() == 1 && text[0] >= '0' && text[0] <= '4') return text[0] - '0';
    // TRANSLATORS: %s is what was typed after --level, such as listening=5; NO stays as it is (typed so).
    bad_option("--level", io::format(words.tr("'%s': a level is 0 to 4, or NO (not observed)"), {item}));
}

void run_observe(Context& ctx, const ObserveOptions& o) {
    const io::Catalog& words = ctx.words();
    const auto method = parse_observation_method(o.method);
    if (!method)
        bad_option("--method",
                   io::format(words.tr("'%s' is not direct_observation, video, role_play or feedback_from_others"),
                              {o.method}));
    ObservedAssessment a;
    a.participant_ref = o.ref;
    a.module_code = o.module;
    a.observed_on = day_or_today("--on", o.on);
    a.method = *method;
    a.rater = o.rater;
    a.second_rater = o.second_rater;
    if (!o.released.empty()) a.released_on = date_option("--released", o.released);
    for (const auto& item : o.levels) {
        const auto eq = item.find('=');
        if (eq == std::string::npos) bad_option("--level", io::format(words.tr("'%s' is not criterion=level"), {item}));
        const std::string levels = item.substr(eq + 1);
        const auto slash = levels.find('/');
        CriterionRating r{item.substr(0, eq), level_option(words, levels.substr(0, slash), item), std::nullopt};
        if (slash != std::string::npos) r.second = level_option(words, levels.substr(slash + 1), item);
        a.ratings.push_back(r);
    }
    store::PracticeRepo(ctx.db()).observe(o.cohort, a);
    ctx.print(json{{"uuid", a.uuid}, {"ref", o.ref}, {"module", o.module}, {"released", a.released_on.has_value()}},
              // TRANSLATORS: %1$s is a person's ref, %2$s a module's code.
              io::format(a.released_on ? words.tr("Recorded the observed assessment of %1$s in %2$s")
                                       : words.tr("Recorded the observed assessment of %1$s in %2$s (held back "
                                                  "until released)"),
                         {o.ref, o.module}));
}

void run_release(Context& ctx, const ReleaseOptions& o) {
    const int n = store::PracticeRepo(ctx.db()).release(o.cohort, o.ref, o.module, day_or_today("--on", o.on));
    // TRANSLATORS: %2$s is a module's code, %3$s a person's ref.
    ctx.print(json{{"released", n}}, io::format(ctx.words().trn("Released %1$d result of %2$s to %3$s",
                                                                "Released %1$d results of %2$s to %3$s", n),
                                                {n, o.module, o.ref}));
}

void run_referee(Context& ctx, const RefereeOptions& o) {
    store::PracticeRepo(ctx.db()).add_referee({o.ref, o.referee, day_or_today("--on", o.on)});
    // TRANSLATORS: %1$s is the referee as typed (a label or ref), %2$s the ref of the person they answered about.
    ctx.print(json{{"ref", o.ref}, {"referee", o.referee}},
              io::format(ctx.words().tr("Recorded the questionnaire of referee %1$s about %2$s"), {o.referee, o.ref}));
}

void run_attest(Context& ctx, const AttestOptions& o) {
    const auto kind = parse_attestation_kind(o.kind);
    const io::Catalog& words = ctx.words();
    if (!kind)
        bad_option("kind", io::format(words.tr("'%s' is not supervision_agreement or lived_experience"), {o.kind}));
    if (!o.is_signed && !o.not_signed) bad_option("--signed", words.tr("say --signed or --not-signed"));
    store::PracticeRepo(ctx.db()).attest({o.ref, *kind, o.is_signed, day_or_today("--on", o.on)});
    ctx.print(json{{"ref", o.ref}, {"kind", o.kind}, {"signed", o.is_signed}},
              io::format(*kind == AttestationKind::supervision_agreement
                             // TRANSLATORS: %s is a person's ref; the agreement between them and their supervisor.
                             ? (o.is_signed ? words.tr("Recorded the supervisory agreement of %s: signed")
                                            : words.tr("Recorded the supervisory agreement of %s: not signed"))
                             // TRANSLATORS: %s is a person's ref; their signed attestation of lived experience.
                             : (o.is_signed ? words.tr("Recorded the attestation of lived experience of %s: signed")
                                            : words.tr("Recorded the attestation of lived experience of %s: not "
                                                       "signed")),
                         {o.ref}));
}

void run_extend(Context& ctx, const ExtendOptions& o) {
    DeadlineExtension x{o.ref, o.cohort, date_option("--until", o.until), o.reason, "", ""};
    store::PracticeRepo(ctx.db()).extend_deadline(o.cohort, x);
    ctx.print(json{{"ref", o.ref}, {"cohort", o.cohort}, {"deadline", o.until}},
              // TRANSLATORS: %1$s is a person's ref, %2$s the new deadline (YYYY-MM-DD).
              io::format(ctx.words().tr("Extended the deadline of %1$s to %2$s"), {o.ref, o.until}));
}

void run_deadlines(Context& ctx, const DeadlinesOptions& o) {
    const Date today = day_or_today("--today", o.today);
    const io::Catalog& words = ctx.words();
    json items = json::array();
    std::vector<std::vector<std::string>> rows{
        // TRANSLATORS: a table's column headings on a terminal, in capitals where the script has them.
        {words.trc("column", "REF"), words.trc("column", "DEADLINE"), words.trc("column", "STANDING"),
         words.trc("column", "EXTENDED BY")}};
    for (const auto& r : deadline_rows(store::cohort_completion(ctx.db(), o.cohort, today), today, o.warn_days)) {
        const auto standing = to_string(r.standing);
        const std::string by = r.deadline.extension ? r.deadline.extension->granted_by : "";
        items.push_back({{"ref", r.ref},
                         {"deadline", to_string(r.deadline.due)},
                         {"standing", standing},
                         {"window_end", to_string(r.deadline.window_end)},
                         {"extended_by", by},
                         {"reason", r.deadline.extension ? r.deadline.extension->reason : ""}});
        if (r.standing != DeadlineStanding::open)
            rows.push_back({r.ref, to_string(r.deadline.due), io::deadline_standing_words(r.standing, words),
                            by.empty() ? "-" : by});
    }
    ctx.print(items, table(rows));
}

}  // namespace

void add_practice_commands(CLI::App& app, Context& ctx) {
    const io::Catalog& words = ctx.words();
    // TRANSLATORS: the descriptions of commands and options that --help shows; command and option names
    // and codes in them (one_to_one, --kind trainer) stay as they are.
    auto* supervisor = app.add_subcommand("supervisor", words.tr("Supervisors of practice and their credentials"))
                           ->require_subcommand(1);
    auto added = std::make_shared<SupervisorAddOptions>();
    auto* add = supervisor->add_subcommand("add", words.tr("Add a supervisor, with a credential"));
    add->add_option("ref", added->ref, words.tr("The supervisor's ref"))->required();
    add->add_option("--name", added->name, words.tr("The supervisor's name"))->required();
    add->add_option("--kind", added->kind, words.tr("trainer or outside_professional (default)"));
    add->add_option("--trainer", added->trainer, words.tr("With --kind trainer: the trainer's ref"));
    add->add_option("--credential", added->credential, words.tr("The credential's name"));
    add->add_option("--valid-from", added->valid_from, words.tr("The credential's first day"));
    add->add_option("--expires", added->expires, words.tr("The credential's last day"));
    add->callback([&ctx, added] { run_supervisor_add(ctx, *added); });
    supervisor->add_subcommand("list", words.tr("Every supervisor"))->callback([&ctx] { run_supervisor_list(ctx); });
    auto shown = std::make_shared<SupervisorShowOptions>();
    auto* show = supervisor->add_subcommand("show", words.tr("A supervisor and their credentials"));
    show->add_option("ref", shown->ref, words.tr("The supervisor's ref"))->required();
    show->callback([&ctx, shown] { run_supervisor_show(ctx, *shown); });

    auto* supervision =
        app.add_subcommand("supervision", words.tr("Supervised practice by format"))->require_subcommand(1);
    auto logged = std::make_shared<SupervisionLogOptions>();
    auto* log = supervision->add_subcommand("log", words.tr("Log supervised practice, one-to-one or in a group"));
    log->add_option("cohort", logged->cohort, words.tr("The cohort's code"))->required();
    log->add_option("ref", logged->ref, words.tr("The person's ref"))->required();
    log->add_option("module", logged->module, words.tr("The module's code"))->required();
    log->add_option("--supervisor", logged->supervisor, words.tr("The supervisor's ref"))->required();
    log->add_option("--format", logged->format, words.tr("one_to_one or group"))->required();
    log->add_option("--minutes", logged->minutes, words.tr("Minutes"))->required();
    log->add_option("--on", logged->on, words.tr("The day (default: today)"));
    log->add_option("--note", logged->note, words.tr("A practical note, never clinical content"));
    log->callback([&ctx, logged] { run_supervision_log(ctx, *logged); });

    if (auto* assessment = app.get_subcommand("assessment")) {
        auto observed = std::make_shared<ObserveOptions>();
        auto* observe =
            assessment->add_subcommand("observe", words.tr("Record an observed assessment on the module's rubric"));
        observe->add_option("cohort", observed->cohort, words.tr("The cohort's code"))->required();
        observe->add_option("ref", observed->ref, words.tr("The person's ref"))->required();
        observe->add_option("module", observed->module, words.tr("The module's code"))->required();
        observe
            ->add_option("--level", observed->levels, words.tr("criterion=level (0-4 or NO), or level/second rater's"))
            ->required();
        observe->add_option("--method", observed->method,
                            words.tr("direct_observation (default), video, role_play or feedback_from_others"));
        observe->add_option("--rater", observed->rater, words.tr("Who rated"))->required();
        observe->add_option("--second-rater", observed->second_rater, words.tr("A second rater"));
        observe->add_option("--on", observed->on, words.tr("The day (default: today)"));
        observe->add_option("--released", observed->released, words.tr("Released on this day (default: held back)"));
        observe->callback([&ctx, observed] { run_observe(ctx, *observed); });
        auto released = std::make_shared<ReleaseOptions>();
        auto* release =
            assessment->add_subcommand("release", words.tr("Release held-back results of a module to the person"));
        release->add_option("cohort", released->cohort, words.tr("The cohort's code"))->required();
        release->add_option("ref", released->ref, words.tr("The person's ref"))->required();
        release->add_option("module", released->module, words.tr("The module's code"))->required();
        release->add_option("--on", released->on, words.tr("The day (default: today)"));
        release->callback([&ctx, released] { run_release(ctx, *released); });
    }

    auto* referee = app.add_subcommand("referee", words.tr("Referee questionnaires received"))->require_subcommand(1);
    auto refereed = std::make_shared<RefereeOptions>();
    auto* referee_add = referee->add_subcommand("add", words.tr("Record a referee's questionnaire, received"));
    referee_add->add_option("ref", refereed->ref, words.tr("The person's ref"))->required();
    referee_add->add_option("--referee", refereed->referee, words.tr("Who answered (a label or ref)"))->required();
    referee_add->add_option("--on", refereed->on, words.tr("The day it was received (default: today)"));
    referee_add->callback([&ctx, refereed] { run_referee(ctx, *refereed); });

    auto attested = std::make_shared<AttestOptions>();
    auto* attest =
        app.add_subcommand("attest", words.tr("Record a signed yes or no: supervision_agreement or lived_experience"));
    attest->add_option("ref", attested->ref, words.tr("The person's ref"))->required();
    attest->add_option("kind", attested->kind, words.tr("supervision_agreement or lived_experience"))->required();
    attest->add_flag("--signed", attested->is_signed, words.tr("Signed"))
        ->excludes(attest->add_flag("--not-signed", attested->not_signed, words.tr("Not signed")));
    attest->add_option("--on", attested->on, words.tr("The day (default: today)"));
    attest->callback([&ctx, attested] { run_attest(ctx, *attested); });

    auto* deadline = app.add_subcommand("deadline", words.tr("Completion deadlines"))->require_subcommand(1);
    auto extended = std::make_shared<ExtendOptions>();
    auto* extend =
        deadline->add_subcommand("extend", words.tr("Extend a person's completion deadline, with the reason"));
    extend->add_option("cohort", extended->cohort, words.tr("The cohort's code"))->required();
    extend->add_option("ref", extended->ref, words.tr("The person's ref"))->required();
    extend->add_option("--until", extended->until, words.tr("The new deadline"))->required();
    extend->add_option("--reason", extended->reason, words.tr("Why (recorded with who and when)"))->required();
    extend->callback([&ctx, extended] { run_extend(ctx, *extended); });

    if (auto* cohort = app.get_subcommand("cohort")) {
        auto listed = std::make_shared<DeadlinesOptions>();
        auto* deadlines =
            cohort->add_subcommand("deadlines", words.tr("People not complete near or past their deadline"));
        deadlines->add_option("cohort", listed->cohort, words.tr("The cohort's code"))->required();
        deadlines->add_option("--today", listed->today, words.tr("As of this day (default: today)"));
        deadlines->add_option("--warn-days", listed->warn_days, words.tr("Near: within this many days (default 60)"));
        deadlines->callback([&ctx, listed] { run_deadlines(ctx, *listed); });
    }
}

}  // namespace mitra::cli
