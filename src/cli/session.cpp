// mitra-cli session schedule|add|list|move|remove.
#include <iostream>

#include "cli/context.hpp"
#include "io/reason_words.hpp"
#include "store/repos.hpp"

namespace mitra::cli {
namespace {

struct SessionScheduleOptions {
    std::string cohort;
    std::string at = "09:00";
    int every = 7;
};

struct SessionAddOptions {
    Session session;
    std::string date;
    std::string start = "09:00";
};

struct SessionAssignOptions {
    long long session = 0;
    std::string trainer;
    std::string co_facilitator;
};

struct SessionListOptions {
    std::string cohort;
};

struct SessionMoveOptions {
    long long session = 0;
    std::string date;
    std::string at;
};

struct SessionRemoveOptions {
    long long session = 0;
};

json session_json(const Session& s) {
    return json{{"id", s.id},
                {"uuid", s.uuid},
                {"cohort", s.cohort_code},
                {"module", s.module_code},
                {"date", to_string(s.date)},
                {"start", to_string(s.start_time)},
                {"minutes", s.minutes},
                {"trainer", s.trainer_ref},
                {"co_facilitator", s.co_facilitator_ref}};
}

std::string sessions_table(const std::vector<Session>& sessions, const io::Catalog& words) {
    std::vector<std::vector<std::string>> rows{{words.trc("column", "ID"), words.trc("column", "MODULE"),
                                                words.trc("column", "DATE"), words.trc("column", "START"),
                                                words.trc("column", "MINUTES"), words.trc("column", "TRAINER")}};
    for (const auto& s : sessions)
        rows.push_back({std::to_string(s.id), s.module_code, to_string(s.date), to_string(s.start_time),
                        std::to_string(s.minutes),
                        s.trainer_ref + (s.co_facilitator_ref.empty() ? "" : " + " + s.co_facilitator_ref)});
    return table(rows);
}

void run_session_schedule(Context& ctx, const SessionScheduleOptions& options) {
    const auto start = time_option("--at", options.at);
    std::vector<store::TeachingRefusal> unassigned;
    const auto plan = store::SessionRepo(ctx.db()).schedule(options.cohort, options.every, start, &unassigned);
    const io::Catalog& words = ctx.words();
    json items = json::array();
    for (const auto& s : plan) items.push_back(session_json(s));
    // Sessions left without a trainer are worth a line each on stderr, like any note for people.
    for (const auto& why : unassigned)
        // TRANSLATORS: %s says why no trainer could teach the session.
        std::cerr << "mitra-cli: "
                  << io::format(words.tr("no trainer assigned: %s"), {io::problem_phrase(why.problems.front(), words)})
                  << teaching_advice(why.bar) << "\n";
    // TRANSLATORS: %2$s is a cohort's code; a table of its sessions follows.
    ctx.print(items, io::format(words.trn("Scheduled %1$d session for %2$s", "Scheduled %1$d sessions for %2$s",
                                          static_cast<long>(plan.size())),
                                {plan.size(), options.cohort}) +
                         "\n" + sessions_table(plan, words));
}

void run_session_add(Context& ctx, const SessionAddOptions& options) {
    Session s = options.session;
    s.date = date_option("--date", options.date);
    s.start_time = time_option("--at", options.start);
    const auto added = store::SessionRepo(ctx.db()).add(s);
    // TRANSLATORS: %1$d is the new session's id, %2$s a module code, %3$s the session's date.
    ctx.print(session_json(added), io::format(ctx.words().tr("Added session %1$d (%2$s, %3$s)"),
                                              {added.id, added.module_code, to_string(added.date)}));
}

void run_session_assign(Context& ctx, const SessionAssignOptions& options) {
    store::SessionRepo repo(ctx.db());
    repo.assign(options.session, options.trainer, options.co_facilitator);
    const auto s = repo.find(options.session);
    const io::Catalog& words = ctx.words();
    // TRANSLATORS: %1$d is a session's id; %2$s and %3$s are trainers' refs.
    ctx.print(session_json(*s), s->trainer_ref.empty()
                                    ? io::format(words.tr("Session %1$d: no trainer"), {options.session})
                                : s->co_facilitator_ref.empty()
                                    ? io::format(words.tr("Session %1$d: %2$s"), {options.session, s->trainer_ref})
                                    : io::format(words.tr("Session %1$d: %2$s with %3$s"),
                                                 {options.session, s->trainer_ref, s->co_facilitator_ref}));
}

void run_session_list(Context& ctx, const SessionListOptions& options) {
    if (!store::CohortRepo(ctx.db()).find(options.cohort))
        bad_option("cohort", ProblemCode::no_cohort, {options.cohort});
    const auto sessions = store::SessionRepo(ctx.db()).list(options.cohort);
    json items = json::array();
    for (const auto& x : sessions) items.push_back(session_json(x));
    // TRANSLATORS: %s is a command to run as it is (mitra-cli session schedule COHORT).
    ctx.print(items, sessions.empty() ? io::format(ctx.words().tr("No sessions yet: %s"),
                                                   {"mitra-cli session schedule " + options.cohort})
                                      : sessions_table(sessions, ctx.words()));
}

void run_session_move(Context& ctx, const SessionMoveOptions& options) {
    store::SessionRepo repo(ctx.db());
    auto current = repo.find(options.session);
    if (!current) bad_option("session", ProblemCode::no_session, {std::to_string(options.session)});
    const auto day = date_option("--date", options.date);
    const auto time = options.at.empty() ? current->start_time : time_option("--at", options.at);
    repo.move(options.session, day, time);
    ctx.print(json{{"id", options.session}, {"date", to_string(day)}, {"start", to_string(time)}},
              // TRANSLATORS: %1$d is a session's id, %2$s its new date, %3$s its new start time.
              io::format(ctx.words().tr("Moved session %1$d to %2$s %3$s"),
                         {options.session, to_string(day), to_string(time)}));
}

void run_session_remove(Context& ctx, const SessionRemoveOptions& options) {
    store::SessionRepo(ctx.db()).remove(options.session);
    ctx.print(json{{"id", options.session}, {"removed", true}},
              io::format(ctx.words().tr("Removed session %d"), {options.session}));
}

}  // namespace

void add_session_commands(CLI::App& app, Context& ctx) {
    // TRANSLATORS: the --help descriptions of this file's commands and options (mitra-cli COMMAND --help).
    const io::Catalog& help = ctx.words();
    auto* group = app.add_subcommand("session", help.tr("A cohort's sessions (dates and times are the site's own)"));
    group->require_subcommand(1);

    auto scheduled = std::make_shared<SessionScheduleOptions>();
    auto* schedule =
        group->add_subcommand("schedule", help.tr("Plan every module's sessions from the cohort's start date"));
    schedule->add_option("cohort", scheduled->cohort, help.tr("The cohort's code"))->required();
    schedule->add_option("--every", scheduled->every, help.tr("Days between sessions (default: 7)"))
        ->check(CLI::Range(1, 60));
    schedule->add_option("--at", scheduled->at, help.tr("Start time at the site, HH:MM (default: 09:00)"));
    schedule->callback([&ctx, scheduled] { run_session_schedule(ctx, *scheduled); });

    auto added = std::make_shared<SessionAddOptions>();
    auto* add = group->add_subcommand("add", help.tr("Add one session"));
    add->add_option("--cohort", added->session.cohort_code, help.tr("The cohort's code"))->required();
    add->add_option("--module", added->session.module_code, help.tr("The module's code"))->required();
    add->add_option("--date", added->date, help.tr("The day at the site, YYYY-MM-DD"))->required();
    add->add_option("--at", added->start, help.tr("Start time at the site, HH:MM (default: 09:00)"));
    add->add_option("--minutes", added->session.minutes,
                    help.tr("Length (default: the module's minutes over its sessions)"));
    add->add_option("--trainer", added->session.trainer_ref,
                    help.tr("The trainer's ref (qualified and certified on the day)"));
    add->add_option("--co-facilitator", added->session.co_facilitator_ref,
                    help.tr("A second trainer's ref (the same rule applies)"));
    add->callback([&ctx, added] { run_session_add(ctx, *added); });

    auto assigned = std::make_shared<SessionAssignOptions>();
    auto* assign = group->add_subcommand("assign", help.tr("Set a session's trainer and co-facilitator"));
    assign->add_option("session", assigned->session, help.tr("The session's id"))->required();
    assign->add_option("--trainer", assigned->trainer, help.tr("The trainer's ref (empty: none)"))->required();
    assign->add_option("--co-facilitator", assigned->co_facilitator, help.tr("A second trainer's ref"));
    assign->callback([&ctx, assigned] { run_session_assign(ctx, *assigned); });

    auto listed = std::make_shared<SessionListOptions>();
    auto* list = group->add_subcommand("list", help.tr("List a cohort's sessions"));
    list->add_option("cohort", listed->cohort, help.tr("The cohort's code"))->required();
    list->callback([&ctx, listed] { run_session_list(ctx, *listed); });

    auto moved = std::make_shared<SessionMoveOptions>();
    auto* move = group->add_subcommand("move", help.tr("Move a session to another day or time"));
    move->add_option("session", moved->session, help.tr("The session's id"))->required();
    move->add_option("--date", moved->date, help.tr("The new day, YYYY-MM-DD"))->required();
    move->add_option("--at", moved->at, help.tr("The new start time, HH:MM (default: unchanged)"));
    move->callback([&ctx, moved] { run_session_move(ctx, *moved); });

    auto removed = std::make_shared<SessionRemoveOptions>();
    auto* remove = group->add_subcommand("remove", help.tr("Remove a session that has no marks"));
    remove->add_option("session", removed->session, help.tr("The session's id"))->required();
    remove->callback([&ctx, removed] { run_session_remove(ctx, *removed); });
}

}  // namespace mitra::cli
