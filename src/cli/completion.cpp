// mitra-cli completion C, completion override, assessment record, practicum log, ethics acknowledge.
#include "cli/context.hpp"
#include "core/records.hpp"
#include "io/reason_words.hpp"
#include "io/record_words.hpp"
#include "store/app_queries.hpp"
#include "store/repos.hpp"

namespace mitra::cli {
namespace {

// completion C: a cohort's completion, person by person.
struct CompletionOptions {
    std::string cohort;
    std::string today;     // --today; empty: today
    std::string language;  // --language; empty: the user's (the environment's)
};

struct CompletionOverrideOptions {
    std::string cohort;
    std::string ref;
    std::string module;
    std::string reason;
    bool complete = false;
    bool not_complete = false;
};

struct AssessmentRecordOptions {
    std::string cohort;
    std::string ref;
    std::string module;
    std::string on;
    std::string assessor;
    bool passed = false;
    bool failed = false;
};

struct PracticumLogOptions {
    std::string cohort;
    std::string ref;
    std::string module;
    std::string supervisor;
    std::string on;
    std::string signed_off;
    int minutes = 0;
};

struct EthicsAcknowledgeOptions {
    std::string ref;
    std::string version;
    std::string on;
};

void run_completion(Context& ctx, const CompletionOptions& options) {
    if (options.cohort.empty())
        // TRANSLATORS: the command stays as it is.
        bad_option("cohort", ctx.words().tr("name the cohort, such as: mitra-cli completion KTM-2026-1"));
    const Date day = options.today.empty() ? today_utc() : date_option("--today", options.today);
    const io::Catalog& words = ctx.words();
    // Module titles in the user's language for people; --json keeps English unless --language says otherwise.
    const std::string language = !options.language.empty() ? options.language
                                 : ctx.json_output         ? "en"
                                                           : io::content_language(words.language());
    const auto results = store::cohort_completion(ctx.db(), options.cohort, day, language);
    json items = json::array();
    // TRANSLATORS: a table's column headings on a terminal, in capitals where the script has them.
    std::vector<std::vector<std::string>> rows{
        {words.trc("column", "REF"), words.trc("column", "STATUS"), words.trc("column", "WHAT IS MISSING")}};
    int complete = 0;
    for (const auto& r : results) {
        json modules = json::array();
        for (const auto& m : r.modules)
            modules.push_back({{"code", m.code},
                               {"title", m.title},
                               {"required", m.required},
                               {"complete", m.complete},
                               {"on_track", m.on_track},
                               {"overridden", m.overridden},
                               {"attended_minutes", m.attended_minutes},
                               {"required_minutes", m.required_minutes},
                               {"scheduled_minutes", m.scheduled_minutes},
                               {"absences", m.absences},
                               {"reason", m.reason}});
        items.push_back({{"ref", r.ref},
                         {"complete", r.complete},
                         {"on_track", r.on_track},
                         {"reason", r.reason},
                         {"modules", modules}});
        complete += r.complete;
        rows.push_back({r.ref,
                        r.complete   ? words.tr("complete")
                        : r.on_track ? words.tr("on track")
                                     : words.tr("not on track"),
                        io::completion_phrase(r, words)});
    }
    ctx.print(items, table(rows) + io::format(words.trn("%d of %d complete", "%d of %d complete",
                                                        static_cast<long long>(results.size())),
                                              {complete, static_cast<long long>(results.size())}));
}

void run_completion_override(Context& ctx, const CompletionOverrideOptions& options) {
    if (!options.complete && !options.not_complete)
        bad_option("--complete", ctx.words().tr("say --complete or --not-complete"));
    CompletionOverride decision{options.ref, options.module, options.complete, options.reason, ctx.db().actor(), ""};
    store::RecordsRepo(ctx.db()).override_completion(options.cohort, decision);
    ctx.print(json{{"cohort", options.cohort},
                   {"ref", options.ref},
                   {"module", options.module},
                   {"complete", options.complete}},
              // TRANSLATORS: %1$s is a module's code, %2$s a person's ref: a coordinator's decision was recorded.
              io::format(options.complete ? ctx.words().tr("Recorded: %1$s complete for %2$s")
                                          : ctx.words().tr("Recorded: %1$s not complete for %2$s"),
                         {options.module, options.ref}));
}

// The rules the desktop program checks too (core/records.hpp), said with this command's option names; a cohort
// the store does not know is left to the store to refuse.
template <class Check>
void refuse_faults(Context& ctx, const std::string& cohort_code, const std::string& module, const Check& check) {
    const auto cohort = store::AppQueries(ctx.db()).find_cohort(cohort_code);
    if (!cohort) return;
    const auto curriculum = store::CurriculumRepo(ctx.db()).find(cohort->curriculum_code, cohort->curriculum_version);
    if (!curriculum) return;
    std::vector<Problem> problems;
    for (const RecordFault fault : check(*curriculum, cohort->start_date)) {
        const std::string field = field_of(fault);
        problems.push_back(Problem{"", 0, 0,
                                   field == "module"       ? "MODULE"  // the argument, named as --help names it
                                   : field == "day"        ? "--on"
                                   : field == "signed_off" ? "--signed-off"
                                                           : "--" + field,
                                   io::record_fault_phrase(fault, ctx.words(), module)});
    }
    if (!problems.empty()) throw InputError{problems};
}

void run_assessment_record(Context& ctx, const AssessmentRecordOptions& options) {
    if (!options.passed && !options.failed) bad_option("--passed", ctx.words().tr("say --passed or --failed"));
    const Date day = options.on.empty() ? today_utc() : date_option("--on", options.on);
    const AssessmentResult result{options.ref, options.module, options.passed, day, options.assessor};
    refuse_faults(ctx, options.cohort, options.module, [&](const Curriculum& curriculum, const Date& start) {
        return check_assessment(result, curriculum, start, today_utc());
    });
    store::RecordsRepo(ctx.db()).record_assessment(options.cohort, result);
    ctx.print(json{{"ref", options.ref}, {"module", options.module}, {"passed", options.passed}},
              // TRANSLATORS: %1$s is a module's code, %2$s a person's ref: an assessment's result was recorded.
              io::format(options.passed ? ctx.words().tr("Recorded %1$s passed for %2$s")
                                        : ctx.words().tr("Recorded %1$s not passed for %2$s"),
                         {options.module, options.ref}));
}

void run_practicum_log(Context& ctx, const PracticumLogOptions& options) {
    PracticumLog entry{options.ref,
                       options.module,
                       options.minutes,
                       options.supervisor,
                       options.on.empty() ? today_utc() : date_option("--on", options.on),
                       std::nullopt};
    if (!options.signed_off.empty()) entry.signed_off_on = date_option("--signed-off", options.signed_off);
    refuse_faults(ctx, options.cohort, options.module, [&](const Curriculum& curriculum, const Date& start) {
        return check_practicum(entry, curriculum, start, today_utc());
    });
    store::RecordsRepo(ctx.db()).log_practicum(options.cohort, entry);
    ctx.print(json{{"ref", options.ref}, {"module", options.module}, {"minutes", options.minutes}},
              // TRANSLATORS: %2$s is a person's ref.
              io::format(ctx.words().trn("Logged %1$d minute of supervised practice for %2$s",
                                         "Logged %1$d minutes of supervised practice for %2$s", options.minutes),
                         {options.minutes, options.ref}));
}

void run_ethics_acknowledge(Context& ctx, const EthicsAcknowledgeOptions& options) {
    store::RecordsRepo(ctx.db()).acknowledge_ethics(
        {options.ref, options.version, options.on.empty() ? today_utc() : date_option("--on", options.on)});
    ctx.print(json{{"ref", options.ref}, {"version", options.version}},
              // TRANSLATORS: %1$s is a person's ref, %2$s the code of ethics' version (2026.1).
              io::format(ctx.words().tr("Recorded: %1$s acknowledged the code of ethics %2$s"),
                         {options.ref, options.version}));
}

}  // namespace

void add_completion_commands(CLI::App& app, Context& ctx) {
    // TRANSLATORS: the --help descriptions of this file's commands and options (mitra-cli COMMAND --help).
    const io::Catalog& help = ctx.words();
    auto* completion =
        app.add_subcommand("completion", help.tr("Who completed, who is on track, and what each one still needs"));
    auto listed = std::make_shared<CompletionOptions>();
    completion->add_option("cohort", listed->cohort, help.tr("The cohort's code"));
    completion->add_option("--today", listed->today, help.tr("Judge 'on track' as of this day (default: today)"));
    completion->add_option(
        "--language", listed->language,
        help.tr("The language of module titles (default: the user's, as LANGUAGE or LANG say; else en)"));

    auto overridden = std::make_shared<CompletionOverrideOptions>();
    auto* override_cmd = completion->add_subcommand("override", help.tr("A coordinator decides a module's completion"));
    override_cmd->add_option("cohort", overridden->cohort, help.tr("The cohort's code"))->required();
    override_cmd->add_option("ref", overridden->ref, help.tr("The person's ref"))->required();
    override_cmd->add_option("module", overridden->module, help.tr("The module's code"))->required();
    auto* yes = override_cmd->add_flag("--complete", overridden->complete, help.tr("Count the module as complete"));
    auto* no =
        override_cmd->add_flag("--not-complete", overridden->not_complete, help.tr("Count the module as not complete"));
    yes->excludes(no);
    override_cmd->add_option("--reason", overridden->reason, help.tr("Why, in words (recorded with who and when)"))
        ->required();
    override_cmd->callback([&ctx, overridden] { run_completion_override(ctx, *overridden); });

    completion->callback([&ctx, completion, listed] {
        if (!completion->get_subcommands().empty()) return;  // override, export: not a listing
        run_completion(ctx, *listed);
    });

    auto* assessment = app.add_subcommand("assessment", help.tr("Assessment results"))->require_subcommand(1);
    auto recorded = std::make_shared<AssessmentRecordOptions>();
    auto* record = assessment->add_subcommand("record", help.tr("Record a pass/fail assessment result"));
    record->add_option("cohort", recorded->cohort, help.tr("The cohort's code"))->required();
    record->add_option("ref", recorded->ref, help.tr("The person's ref"))->required();
    record->add_option("module", recorded->module, help.tr("The module's code"))->required();
    record->add_flag("--passed", recorded->passed, help.tr("Passed"))
        ->excludes(record->add_flag("--failed", recorded->failed, help.tr("Not passed")));
    record->add_option("--on", recorded->on, help.tr("The day of the assessment (default: today)"));
    record->add_option("--assessor", recorded->assessor, help.tr("Who assessed"));
    record->callback([&ctx, recorded] { run_assessment_record(ctx, *recorded); });

    auto* practicum = app.add_subcommand("practicum", help.tr("Supervised practice"))->require_subcommand(1);
    auto logged = std::make_shared<PracticumLogOptions>();
    auto* log = practicum->add_subcommand("log", help.tr("Log supervised practice, signed off by a named supervisor"));
    log->add_option("cohort", logged->cohort, help.tr("The cohort's code"))->required();
    log->add_option("ref", logged->ref, help.tr("The person's ref"))->required();
    log->add_option("module", logged->module, help.tr("The practicum module's code"))->required();
    log->add_option("--minutes", logged->minutes, help.tr("Minutes of supervised practice"))->required();
    log->add_option("--supervisor", logged->supervisor, help.tr("The supervisor's name"))->required();
    log->add_option("--on", logged->on, help.tr("The day of the practice (default: today)"));
    log->add_option("--signed-off", logged->signed_off,
                    help.tr("The day the supervisor signed it off (none: not yet)"));
    log->callback([&ctx, logged] { run_practicum_log(ctx, *logged); });

    auto* ethics = app.add_subcommand("ethics", help.tr("The programme's code of ethics"))->require_subcommand(1);
    auto acknowledged = std::make_shared<EthicsAcknowledgeOptions>();
    auto* ack = ethics->add_subcommand("acknowledge", help.tr("Record that a person acknowledged the code of ethics"));
    ack->add_option("ref", acknowledged->ref, help.tr("The person's ref"))->required();
    ack->add_option("--version", acknowledged->version, help.tr("The code's version, such as 2026.1"))->required();
    ack->add_option("--on", acknowledged->on, help.tr("The day (default: today)"));
    ack->callback([&ctx, acknowledged] { run_ethics_acknowledge(ctx, *acknowledged); });
}

}  // namespace mitra::cli
