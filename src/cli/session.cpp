// mitra-cli session schedule|add|list|move|remove.
#include <iostream>

#include "cli/context.hpp"
#include "store/repos.hpp"

namespace mitra::cli {
namespace {

json session_json(const Session& s) {
    return json{{"id", s.id},         {"uuid", s.uuid},       {"cohort", s.cohort_code},
                {"module", s.module_code}, {"date", to_string(s.date)}, {"start", to_string(s.start_time)},
                {"minutes", s.minutes}, {"trainer", s.trainer_ref}, {"co_facilitator", s.co_facilitator_ref}};
}

std::string sessions_table(const std::vector<Session>& sessions) {
    std::vector<std::vector<std::string>> rows{{"ID", "MODULE", "DATE", "START", "MINUTES", "TRAINER"}};
    for (const auto& s : sessions)
        rows.push_back({std::to_string(s.id), s.module_code, to_string(s.date), to_string(s.start_time),
                        std::to_string(s.minutes),
                        s.trainer_ref + (s.co_facilitator_ref.empty() ? "" : " + " + s.co_facilitator_ref)});
    return table(rows);
}

}  // namespace

void add_session_commands(CLI::App& app, Context& ctx) {
    auto* group = app.add_subcommand("session", "A cohort's sessions (dates and times are the site's own)");
    group->require_subcommand(1);

    auto* schedule = group->add_subcommand("schedule", "Plan every module's sessions from the cohort's start date");
    static std::string cohort, at = "09:00";
    static int every = 7;
    schedule->add_option("cohort", cohort, "The cohort's code")->required();
    schedule->add_option("--every", every, "Days between sessions (default: 7)")->check(CLI::Range(1, 60));
    schedule->add_option("--at", at, "Start time at the site, HH:MM (default: 09:00)");
    schedule->callback([&ctx] {
        const auto start = time_option("--at", at);
        std::vector<std::string> unassigned;
        const auto plan = store::SessionRepo(ctx.db()).schedule(cohort, every, start, &unassigned);
        json items = json::array();
        for (const auto& s : plan) items.push_back(session_json(s));
        // Sessions left without a trainer are worth a line each on stderr, like any note for people.
        for (const auto& why : unassigned) std::cerr << "mitra-cli: no trainer assigned: " << why << "\n";
        ctx.print(items, "Scheduled " + std::to_string(plan.size()) + " sessions for " + cohort + "\n" +
                             sessions_table(plan));
    });

    auto* add = group->add_subcommand("add", "Add one session");
    static Session s;
    static std::string date, start = "09:00";
    add->add_option("--cohort", s.cohort_code, "The cohort's code")->required();
    add->add_option("--module", s.module_code, "The module's code")->required();
    add->add_option("--date", date, "The day at the site, YYYY-MM-DD")->required();
    add->add_option("--at", start, "Start time at the site, HH:MM (default: 09:00)");
    add->add_option("--minutes", s.minutes, "Length (default: the module's minutes over its sessions)");
    add->add_option("--trainer", s.trainer_ref, "The trainer's ref (qualified and certified on the day)");
    add->add_option("--co-facilitator", s.co_facilitator_ref, "A second trainer's ref (the same rule applies)");
    add->callback([&ctx] {
        s.date = date_option("--date", date);
        s.start_time = time_option("--at", start);
        const auto added = store::SessionRepo(ctx.db()).add(s);
        ctx.print(session_json(added), "Added session " + std::to_string(added.id) + " (" + added.module_code + ", " +
                                           to_string(added.date) + ")");
    });

    auto* assign = group->add_subcommand("assign", "Set a session's trainer and co-facilitator");
    static long long assign_id = 0;
    static std::string assign_trainer, assign_co;
    assign->add_option("session", assign_id, "The session's id")->required();
    assign->add_option("--trainer", assign_trainer, "The trainer's ref (empty: none)")->required();
    assign->add_option("--co-facilitator", assign_co, "A second trainer's ref");
    assign->callback([&ctx] {
        store::SessionRepo repo(ctx.db());
        repo.assign(assign_id, assign_trainer, assign_co);
        const auto s = repo.find(assign_id);
        ctx.print(session_json(*s), "Session " + std::to_string(assign_id) + ": " +
                                        (s->trainer_ref.empty() ? "no trainer" : s->trainer_ref) +
                                        (s->co_facilitator_ref.empty() ? "" : " with " + s->co_facilitator_ref));
    });

    auto* list = group->add_subcommand("list", "List a cohort's sessions");
    static std::string list_cohort;
    list->add_option("cohort", list_cohort, "The cohort's code")->required();
    list->callback([&ctx] {
        if (!store::CohortRepo(ctx.db()).find(list_cohort)) bad_option("cohort", "no cohort has code " + list_cohort);
        const auto sessions = store::SessionRepo(ctx.db()).list(list_cohort);
        json items = json::array();
        for (const auto& x : sessions) items.push_back(session_json(x));
        ctx.print(items, sessions.empty() ? "No sessions yet: mitra-cli session schedule " + list_cohort
                                          : sessions_table(sessions));
    });

    auto* move = group->add_subcommand("move", "Move a session to another day or time");
    static long long move_id = 0;
    static std::string move_date, move_at;
    move->add_option("session", move_id, "The session's id")->required();
    move->add_option("--date", move_date, "The new day, YYYY-MM-DD")->required();
    move->add_option("--at", move_at, "The new start time, HH:MM (default: unchanged)");
    move->callback([&ctx] {
        store::SessionRepo repo(ctx.db());
        auto current = repo.find(move_id);
        if (!current) bad_option("session", "no session has id " + std::to_string(move_id));
        const auto day = date_option("--date", move_date);
        const auto time = move_at.empty() ? current->start_time : time_option("--at", move_at);
        repo.move(move_id, day, time);
        ctx.print(json{{"id", move_id}, {"date", to_string(day)}, {"start", to_string(time)}},
                  "Moved session " + std::to_string(move_id) + " to " + to_string(day) + " " + to_string(time));
    });

    auto* remove = group->add_subcommand("remove", "Remove a session that has no marks");
    static long long remove_id = 0;
    remove->add_option("session", remove_id, "The session's id")->required();
    remove->callback([&ctx] {
        store::SessionRepo(ctx.db()).remove(remove_id);
        ctx.print(json{{"id", remove_id}, {"removed", true}}, "Removed session " + std::to_string(remove_id));
    });
}

}  // namespace mitra::cli
