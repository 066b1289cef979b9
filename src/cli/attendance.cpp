// mitra-cli attendance mark|import|list.
#include <set>

#include "cli/context.hpp"
#include "io/attendance_csv.hpp"
#include "store/repos.hpp"

namespace mitra::cli {
namespace {

struct MarkOptions {
    long long session = 0;
    std::vector<std::string> present, absent, excused, late, left_early;
    bool everyone_present = false;
};

// "R1,R2" for a status; "R1:95,R2:120" for late and left early.
void add_marks(std::vector<store::LocatedMark>& out, long long session, const std::vector<std::string>& values,
               AttendanceStatus status, const std::string& option) {
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
                if (minutes.empty() || minutes.size() > 4 || minutes.find_first_not_of("0123456789") != std::string::npos)
                    bad_option(option, "'" + item + "' should be REF:MINUTES, the minutes actually attended");
                a.participant_ref = item.substr(0, colon);
                a.minutes = std::stoi(minutes);
            }
            out.push_back({a, 0});
        }
}

}  // namespace

void add_attendance_commands(CLI::App& app, Context& ctx) {
    auto* group = app.add_subcommand("attendance", "Who attended which session");
    group->require_subcommand(1);

    auto* mark = group->add_subcommand("mark", "Mark a session's attendance");
    static MarkOptions o;
    mark->add_option("session", o.session, "The session's id (see session list)")->required();
    mark->add_option("--present", o.present, "Refs of people present, such as P1,P2");
    mark->add_option("--absent", o.absent, "Refs of people absent");
    mark->add_option("--excused", o.excused, "Refs of people excused");
    mark->add_option("--late", o.late, "REF:MINUTES attended, for people who came late");
    mark->add_option("--left-early", o.left_early, "REF:MINUTES attended, for people who left early");
    mark->add_flag("--everyone-present", o.everyone_present, "Everyone enrolled and not named otherwise was present");
    mark->callback([&ctx] {
        auto session = store::SessionRepo(ctx.db()).find(o.session);
        if (!session) bad_option("session", "no session has id " + std::to_string(o.session));
        std::vector<store::LocatedMark> marks;
        add_marks(marks, o.session, o.present, AttendanceStatus::present, "--present");
        add_marks(marks, o.session, o.absent, AttendanceStatus::absent, "--absent");
        add_marks(marks, o.session, o.excused, AttendanceStatus::excused, "--excused");
        add_marks(marks, o.session, o.late, AttendanceStatus::late, "--late");
        add_marks(marks, o.session, o.left_early, AttendanceStatus::left_early, "--left-early");
        if (o.everyone_present) {
            // Those named here, already marked (a late arrival marked earlier stays late) or not yet enrolled
            // on the day are left out.
            std::set<std::string> named;
            for (const auto& m : marks) named.insert(m.mark.participant_ref);
            for (const auto& a : store::AttendanceRepo(ctx.db()).for_session(o.session)) named.insert(a.participant_ref);
            for (const auto& e : store::CohortRepo(ctx.db()).enrolments(session->cohort_code))
                if (!named.count(e.participant_ref) && !(session->date < e.enrolled_on))
                    marks.push_back({Attendance{o.session, e.participant_ref, AttendanceStatus::present, {}, ""}, 0});
        }
        if (marks.empty() && !o.everyone_present)
            bad_option("--present", "name at least one person (or --everyone-present)");
        const auto counts = store::AttendanceRepo(ctx.db()).mark(session->cohort_code, marks);
        ctx.print(json{{"session", o.session}, {"marked", counts.created}, {"changed", counts.changed},
                       {"unchanged", counts.unchanged}},
                  "Session " + std::to_string(o.session) + " (" + session->module_code + ", " +
                      to_string(session->date) + "): " + std::to_string(counts.created) + " marked, " +
                      std::to_string(counts.changed) + " changed, " + std::to_string(counts.unchanged) +
                      " unchanged");
    });

    auto* import = group->add_subcommand("import", "Import a cohort's attendance from CSV (all rows or none)");
    static std::string cohort, file;
    import->add_option("cohort", cohort, "The cohort's code")->required();
    import->add_option("file", file, "UTF-8 CSV with header session,ref,status,minutes")->required();
    import->callback([&ctx] {
        auto read = io::read_attendance_csv_file(file);
        if (!read.ok()) throw InputError{read.problems};
        std::vector<store::LocatedMark> marks;
        for (const auto& row : read.value)
            marks.push_back({Attendance{row.session_id, row.ref, row.status, row.minutes, row.note}, row.line});
        const auto counts = store::AttendanceRepo(ctx.db()).mark(cohort, marks, file);
        ctx.print(json{{"file", file}, {"marked", counts.created}, {"changed", counts.changed},
                       {"unchanged", counts.unchanged}},
                  "Imported " + file + ": " + std::to_string(counts.created) + " marked, " +
                      std::to_string(counts.changed) + " changed, " + std::to_string(counts.unchanged) +
                      " unchanged");
    });

    auto* list = group->add_subcommand("list", "Show a session's marks");
    static long long session_id = 0;
    list->add_option("session", session_id, "The session's id")->required();
    list->callback([&ctx] {
        if (!store::SessionRepo(ctx.db()).find(session_id))
            bad_option("session", "no session has id " + std::to_string(session_id));
        json items = json::array();
        std::vector<std::vector<std::string>> rows{{"REF", "STATUS", "MINUTES", "NOTE"}};
        for (const auto& a : store::AttendanceRepo(ctx.db()).for_session(session_id)) {
            items.push_back({{"ref", a.participant_ref}, {"status", to_string(a.status)},
                             {"minutes", a.minutes ? json(*a.minutes) : json(nullptr)}, {"note", a.note}});
            rows.push_back({a.participant_ref, to_string(a.status), a.minutes ? std::to_string(*a.minutes) : "",
                            a.note});
        }
        ctx.print(items, rows.size() > 1 ? table(rows) : "No marks yet");
    });
}

}  // namespace mitra::cli
