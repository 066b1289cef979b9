// mitra-cli attendance mark|import|list.
#include <set>

#include "cli/context.hpp"
#include "core/attendance_dates.hpp"
#include "io/attendance_csv.hpp"
#include "io/reason_words.hpp"
#include "store/repos.hpp"

namespace mitra::cli {
namespace {

struct AttendanceMarkOptions {
    long long session = 0;
    std::vector<std::string> present, absent, excused, late, left_early;
    bool everyone_present = false;
    bool allow_future = false;
};

struct AttendanceImportOptions {
    std::string cohort;
    std::string file;
    bool allow_future = false;
};

struct AttendanceListOptions {
    long long session = 0;
};

// Why a mark at `session` would be refused as one for a session still to come (today at the cohort's site is
// before its day); empty when the session has been held or is today.
std::string still_to_come(Context& ctx, const Session& session) {
    const auto cohort = store::CohortRepo(ctx.db()).find(session.cohort_code);
    const Date today = today_in(cohort ? cohort->time_zone : "UTC");
    if (!is_future_session(session.date, today)) return "";
    // TRANSLATORS: %1$d is a session's id, %2$s a module code, %3$s the session's date, %4$s today's date, %5$s a
    // cohort's code.
    return io::format(
        ctx.words().tr("session %1$d (%2$s, %3$s) has not happened yet (today is %4$s in %5$s's time "
                       "zone); nothing was recorded. Add --allow-future to record marks ahead of the day"),
        {session.id, session.module_code, to_string(session.date), to_string(today), session.cohort_code});
}

// "R1,R2" for a status; "R1:95,R2:120" for late and left early.
void add_marks(std::vector<store::LocatedMark>& out, long long session, const std::vector<std::string>& values,
               AttendanceStatus status, const std::string& option, const io::Catalog& words) {
    const bool with_minutes = status == AttendanceStatus::late || status == AttendanceStatus::left_early;
    for (const auto& value : values)
        for (const auto& item : split_list(value)) {
            Attendance a;
            a.session_id = session;
            a.status = status;
            a.participant_ref = item;
            if (with_minutes) {
                const auto colon = item.find(':');
                const std::string minutes = colon == std::string::npos ? "" : item.substr(colon + 1);
                if (minutes.empty() || minutes.size() > 4 ||
                    minutes.find_first_not_of("0123456789") != std::string::npos)
                    // TRANSLATORS: %s is what was typed after --late or --left-early; REF:MINUTES stays as it is.
                    bad_option(option, io::format(words.tr("'%s' should be REF:MINUTES, the minutes actually attended"),
                                                  {item}));
                a.participant_ref = item.substr(0, colon);
                a.minutes = std::stoi(minutes);
            }
            out.push_back({a, 0});
        }
}

void run_attendance_mark(Context& ctx, const AttendanceMarkOptions& options) {
    auto session = store::SessionRepo(ctx.db()).find(options.session);
    if (!session) bad_option("session", ProblemCode::no_session, {std::to_string(options.session)});
    if (!options.allow_future)
        if (const auto why = still_to_come(ctx, *session); !why.empty()) bad_option("session", why);
    std::vector<store::LocatedMark> marks;
    add_marks(marks, options.session, options.present, AttendanceStatus::present, "--present", ctx.words());
    add_marks(marks, options.session, options.absent, AttendanceStatus::absent, "--absent", ctx.words());
    add_marks(marks, options.session, options.excused, AttendanceStatus::excused, "--excused", ctx.words());
    add_marks(marks, options.session, options.late, AttendanceStatus::late, "--late", ctx.words());
    add_marks(marks, options.session, options.left_early, AttendanceStatus::left_early, "--left-early", ctx.words());
    if (options.everyone_present) {
        // Those named here, already marked (a late arrival marked earlier stays late) or not yet enrolled
        // on the day are left out.
        std::set<std::string> named;
        for (const auto& m : marks) named.insert(m.mark.participant_ref);
        for (const auto& a : store::AttendanceRepo(ctx.db()).for_session(options.session))
            named.insert(a.participant_ref);
        for (const auto& e : store::CohortRepo(ctx.db()).enrolments(session->cohort_code))
            if (!named.count(e.participant_ref) && counts_at_session(e.enrolled_on, session->date))
                marks.push_back({Attendance{options.session, e.participant_ref, AttendanceStatus::present, {}, ""}, 0});
    }
    if (marks.empty() && !options.everyone_present)
        bad_option("--present", ctx.words().tr("name at least one person (or --everyone-present)"));
    const auto counts = store::AttendanceRepo(ctx.db()).mark(session->cohort_code, marks);
    ctx.print(json{{"session", options.session},
                   {"marked", counts.created},
                   {"changed", counts.changed},
                   {"unchanged", counts.unchanged}},
              // TRANSLATORS: %1$d is a session's id, %2$s a module code, %3$s its date; then how many marks were
              // new, changed and the same as before.
              io::format(ctx.words().tr("Session %1$d (%2$s, %3$s): %4$d marked, %5$d changed, %6$d unchanged"),
                         {options.session, session->module_code, to_string(session->date), counts.created,
                          counts.changed, counts.unchanged}));
}

void run_attendance_import(Context& ctx, const AttendanceImportOptions& options) {
    auto read = io::read_attendance_csv_file(options.file);
    if (!read.ok()) throw InputError{read.problems};
    if (!options.allow_future) {
        // Every row at a session still to come is named (file, line, field); then nothing is recorded.
        Problems future;
        std::map<long long, std::string> why_by_session;
        store::SessionRepo sessions(ctx.db());
        for (const auto& row : read.value) {
            auto known = why_by_session.find(row.session_id);
            if (known == why_by_session.end()) {
                const auto session = sessions.find(row.session_id);
                known = why_by_session.emplace(row.session_id, session ? still_to_come(ctx, *session) : "").first;
            }
            if (!known->second.empty()) future.push_back({options.file, row.line, 0, "session", known->second});
        }
        if (!future.empty()) throw InputError{future};
    }
    std::vector<store::LocatedMark> marks;
    for (const auto& row : read.value)
        marks.push_back({Attendance{row.session_id, row.ref, row.status, row.minutes, row.note}, row.line});
    const auto counts = store::AttendanceRepo(ctx.db()).mark(options.cohort, marks, options.file);
    ctx.print(json{{"file", options.file},
                   {"marked", counts.created},
                   {"changed", counts.changed},
                   {"unchanged", counts.unchanged}},
              // TRANSLATORS: %1$s is a file; then how many marks were new, changed and the same as before.
              io::format(ctx.words().tr("Imported %1$s: %2$d marked, %3$d changed, %4$d unchanged"),
                         {options.file, counts.created, counts.changed, counts.unchanged}));
}

void run_attendance_list(Context& ctx, const AttendanceListOptions& options) {
    if (!store::SessionRepo(ctx.db()).find(options.session))
        bad_option("session", ProblemCode::no_session, {std::to_string(options.session)});
    const io::Catalog& words = ctx.words();
    json items = json::array();
    std::vector<std::vector<std::string>> rows{{words.trc("column", "REF"), words.trc("column", "STATUS"),
                                                words.trc("column", "MINUTES"), words.trc("column", "NOTE")}};
    for (const auto& a : store::AttendanceRepo(ctx.db()).for_session(options.session)) {
        items.push_back({{"ref", a.participant_ref},
                         {"status", to_string(a.status)},
                         {"minutes", a.minutes ? json(*a.minutes) : json(nullptr)},
                         {"note", a.note}});
        rows.push_back({a.participant_ref, io::attendance_words(a.status, words),
                        a.minutes ? std::to_string(*a.minutes) : "", a.note});
    }
    ctx.print(items, rows.size() > 1 ? table(rows) : words.tr("No marks yet"));
}

}  // namespace

void add_attendance_commands(CLI::App& app, Context& ctx) {
    // TRANSLATORS: the --help descriptions of this file's commands and options (mitra-cli COMMAND --help).
    const io::Catalog& help = ctx.words();
    auto* group = app.add_subcommand("attendance", help.tr("Who attended which session"));
    group->require_subcommand(1);

    auto marked = std::make_shared<AttendanceMarkOptions>();
    auto* mark = group->add_subcommand("mark", help.tr("Mark a session's attendance"));
    mark->add_option("session", marked->session, help.tr("The session's id (see session list)"))->required();
    mark->add_option("--present", marked->present, help.tr("Refs of people present, such as P1,P2"));
    mark->add_option("--absent", marked->absent, help.tr("Refs of people absent"));
    mark->add_option("--excused", marked->excused, help.tr("Refs of people excused"));
    mark->add_option("--late", marked->late, help.tr("REF:MINUTES attended, for people who came late"));
    mark->add_option("--left-early", marked->left_early, help.tr("REF:MINUTES attended, for people who left early"));
    mark->add_flag("--everyone-present", marked->everyone_present,
                   help.tr("Everyone enrolled and not named otherwise was present"));
    mark->add_flag("--allow-future", marked->allow_future,
                   help.tr("Record marks at a session whose day has not come yet at the cohort's site"));
    mark->callback([&ctx, marked] { run_attendance_mark(ctx, *marked); });

    auto imported = std::make_shared<AttendanceImportOptions>();
    auto* import_command =
        group->add_subcommand("import", help.tr("Import a cohort's attendance from CSV (all rows or none)"));
    import_command->add_option("cohort", imported->cohort, help.tr("The cohort's code"))->required();
    import_command->add_option("file", imported->file, help.tr("UTF-8 CSV with header session,ref,status,minutes"))
        ->required();
    import_command->add_flag("--allow-future", imported->allow_future,
                             help.tr("Record rows at sessions whose day has not come yet at the cohort's site"));
    import_command->callback([&ctx, imported] { run_attendance_import(ctx, *imported); });

    auto listed = std::make_shared<AttendanceListOptions>();
    auto* list = group->add_subcommand("list", help.tr("Show a session's marks"));
    list->add_option("session", listed->session, help.tr("The session's id"))->required();
    list->callback([&ctx, listed] { run_attendance_list(ctx, *listed); });
}

}  // namespace mitra::cli
