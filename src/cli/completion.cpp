// mitra-cli completion C, completion override, assessment record, practicum log, ethics acknowledge.
#include "cli/context.hpp"
#include "store/repos.hpp"

namespace mitra::cli {

void add_completion_commands(CLI::App& app, Context& ctx) {
    auto* completion = app.add_subcommand("completion", "Who completed, who is on track, and what each one still needs");
    static std::string cohort, today, language = "en";
    completion->add_option("cohort", cohort, "The cohort's code");
    completion->add_option("--today", today, "Judge 'on track' as of this day (default: today)");
    completion->add_option("--language", language, "The language of module titles (default: en)");

    auto* override_cmd = completion->add_subcommand("override", "A coordinator decides a module's completion");
    static std::string o_cohort, o_ref, o_module, o_reason;
    static bool o_complete = false, o_not_complete = false;
    override_cmd->add_option("cohort", o_cohort, "The cohort's code")->required();
    override_cmd->add_option("ref", o_ref, "The person's ref")->required();
    override_cmd->add_option("module", o_module, "The module's code")->required();
    auto* yes = override_cmd->add_flag("--complete", o_complete, "Count the module as complete");
    auto* no = override_cmd->add_flag("--not-complete", o_not_complete, "Count the module as not complete");
    yes->excludes(no);
    override_cmd->add_option("--reason", o_reason, "Why, in words (recorded with who and when)")->required();
    override_cmd->callback([&ctx] {
        if (!o_complete && !o_not_complete) bad_option("--complete", "say --complete or --not-complete");
        CompletionOverride decision{o_ref, o_module, o_complete, o_reason, ctx.db().actor(), ""};
        store::RecordsRepo(ctx.db()).override_completion(o_cohort, decision);
        ctx.print(json{{"cohort", o_cohort}, {"ref", o_ref}, {"module", o_module}, {"complete", o_complete}},
                  "Recorded: " + o_module + " " + (o_complete ? "complete" : "not complete") + " for " + o_ref);
    });

    completion->callback([&ctx, completion] {
        if (!completion->get_subcommands().empty()) return;  // override, export: not a listing
        if (cohort.empty()) bad_option("cohort", "name the cohort, such as: mitra-cli completion KTM-2026-1");
        const Date day = today.empty() ? today_utc() : date_option("--today", today);
        const auto results = store::cohort_completion(ctx.db(), cohort, day, language);
        json items = json::array();
        std::vector<std::vector<std::string>> rows{{"REF", "STATUS", "WHAT IS MISSING"}};
        int complete = 0;
        for (const auto& r : results) {
            json modules = json::array();
            for (const auto& m : r.modules)
                modules.push_back({{"code", m.code}, {"title", m.title}, {"required", m.required},
                                   {"complete", m.complete}, {"on_track", m.on_track}, {"overridden", m.overridden},
                                   {"attended_minutes", m.attended_minutes}, {"required_minutes", m.required_minutes},
                                   {"scheduled_minutes", m.scheduled_minutes}, {"absences", m.absences},
                                   {"reason", m.reason}});
            items.push_back({{"ref", r.ref}, {"complete", r.complete}, {"on_track", r.on_track},
                             {"reason", r.reason}, {"modules", modules}});
            complete += r.complete;
            rows.push_back({r.ref, r.complete ? "complete" : (r.on_track ? "on track" : "not on track"), r.reason});
        }
        ctx.print(items, table(rows) + std::to_string(complete) + " of " + std::to_string(results.size()) +
                             " complete");
    });

    auto* assessment = app.add_subcommand("assessment", "Assessment results")->require_subcommand(1);
    auto* record = assessment->add_subcommand("record", "Record a pass/fail assessment result");
    static std::string a_cohort, a_ref, a_module, a_on, a_assessor;
    static bool a_passed = false, a_failed = false;
    record->add_option("cohort", a_cohort, "The cohort's code")->required();
    record->add_option("ref", a_ref, "The person's ref")->required();
    record->add_option("module", a_module, "The module's code")->required();
    record->add_flag("--passed", a_passed, "Passed")->excludes(record->add_flag("--failed", a_failed, "Not passed"));
    record->add_option("--on", a_on, "The day of the assessment (default: today)");
    record->add_option("--assessor", a_assessor, "Who assessed");
    record->callback([&ctx] {
        if (!a_passed && !a_failed) bad_option("--passed", "say --passed or --failed");
        const Date day = a_on.empty() ? today_utc() : date_option("--on", a_on);
        store::RecordsRepo(ctx.db()).record_assessment(a_cohort, {a_ref, a_module, a_passed, day, a_assessor});
        ctx.print(json{{"ref", a_ref}, {"module", a_module}, {"passed", a_passed}},
                  "Recorded " + a_module + (a_passed ? " passed" : " not passed") + " for " + a_ref);
    });

    auto* practicum = app.add_subcommand("practicum", "Supervised practice")->require_subcommand(1);
    auto* log = practicum->add_subcommand("log", "Log supervised practice, signed off by a named supervisor");
    static std::string p_cohort, p_ref, p_module, p_supervisor, p_on, p_signed;
    static int p_minutes = 0;
    log->add_option("cohort", p_cohort, "The cohort's code")->required();
    log->add_option("ref", p_ref, "The person's ref")->required();
    log->add_option("module", p_module, "The practicum module's code")->required();
    log->add_option("--minutes", p_minutes, "Minutes of supervised practice")->required();
    log->add_option("--supervisor", p_supervisor, "The supervisor's name")->required();
    log->add_option("--on", p_on, "The day of the practice (default: today)");
    log->add_option("--signed-off", p_signed, "The day the supervisor signed it off (none: not yet)");
    log->callback([&ctx] {
        PracticumLog entry{p_ref, p_module, p_minutes, p_supervisor,
                           p_on.empty() ? today_utc() : date_option("--on", p_on), std::nullopt};
        if (!p_signed.empty()) entry.signed_off_on = date_option("--signed-off", p_signed);
        store::RecordsRepo(ctx.db()).log_practicum(p_cohort, entry);
        ctx.print(json{{"ref", p_ref}, {"module", p_module}, {"minutes", p_minutes}},
                  "Logged " + std::to_string(p_minutes) + " minutes of supervised practice for " + p_ref);
    });

    auto* ethics = app.add_subcommand("ethics", "The programme's code of ethics")->require_subcommand(1);
    auto* ack = ethics->add_subcommand("acknowledge", "Record that a person acknowledged the code of ethics");
    static std::string e_ref, e_version, e_on;
    ack->add_option("ref", e_ref, "The person's ref")->required();
    ack->add_option("--version", e_version, "The code's version, such as 2026.1")->required();
    ack->add_option("--on", e_on, "The day (default: today)");
    ack->callback([&ctx] {
        store::RecordsRepo(ctx.db()).acknowledge_ethics(
            {e_ref, e_version, e_on.empty() ? today_utc() : date_option("--on", e_on)});
        ctx.print(json{{"ref", e_ref}, {"version", e_version}},
                  "Recorded: " + e_ref + " acknowledged the code of ethics " + e_version);
    });
}

}  // namespace mitra::cli
