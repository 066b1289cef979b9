// The pages of a cohort's workspace: Enrol, Sessions, Attendance, Completion, Print certificates.
#pragma once
#include <wx/dataview.h>
#include <wx/grid.h>
#include <wx/panel.h>
#include <wx/srchctrl.h>

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/app_context.hpp"
#include "app/background_count.hpp"
#include "app/paged_list_model.hpp"
#include "core/certification.hpp"
#include "core/completion.hpp"
#include "core/model.hpp"
#include "store/app_queries.hpp"

namespace mitra::workflow {
struct IssueRequest;
struct IssueOutcome;
}  // namespace mitra::workflow

class wxStaticText;
class wxStaticBitmap;
class wxChoice;
class wxTextCtrl;
class wxButton;

namespace mitra::app {

class ProblemsView;
class AttendanceTable;
struct ScheduleChoice;
class AttendanceList;
enum class RecordKind;

class CohortPage : public wxPanel {
public:
    CohortPage(wxWindow* parent, AppContext& context, const std::string& cohort_code, const wxString& name);
    virtual void refresh() = 0;  // reads the cohort again (the page is shown, or something changed)
    const std::string& cohort_code() const { return cohort_; }

protected:
    AppContext& context_;
    std::string cohort_;
};

// Enrol: find people and enrol them, add a new person in place, or import a CSV file (all or nothing).
class EnrolPage : public CohortPage {
public:
    EnrolPage(wxWindow* parent, AppContext& context, const std::string& cohort_code);
    void refresh() override;

    void search_for(const wxString& text);
    void select_rows(const std::vector<unsigned>& rows);
    void enrol_selected();
    void add_person();
    // Checks every row first: any bad row is listed (line, column, field, message) and nothing changes.
    bool import_csv(const wxString& path);

    // The day new enrolments start, typed YYYY-MM-DD: offered by core's default_enrolment_date (the cohort's start
    // in its first week, else today at the site) until the trainer types another. Throws InputError naming the
    // field when what is typed is not a date.
    Date enrol_on() const;
    void set_enrol_on(const Date& on);
    // Moves the enrolment of the person selected in the Enrolled list to the date typed beside it (a date that is
    // not one is refused naming the field; the store refuses a date after one of their marks, saying which).
    bool change_selected_enrolment_date();
    void select_enrolled(const std::string& ref);
    void set_enrolled_on(const Date& on);

    ProblemsView* problems() const { return problems_; }
    wxDataViewListCtrl* enrolled() const { return enrolled_; }
    wxTextCtrl* enrol_from() const { return enrol_on_; }
    wxTextCtrl* enrolled_from() const { return enrolled_on_; }
    unsigned found_count() const { return found_model_->count(); }
    bool counting() const { return counter_.pending(); }  // found_count() is a guess until the count comes

private:
    void enrol(const std::vector<std::string>& refs);
    void show_selected_date();
    void offer_enrol_date();  // core's default_enrolment_date in the field, until the trainer types a day
    wxSearchCtrl* search_;
    wxTextCtrl* enrol_on_;
    bool enrol_on_chosen_ = false;  // the trainer typed the day: a refresh keeps it
    wxTextCtrl* enrolled_on_;
    wxButton* change_date_;
    wxDataViewCtrl* found_;
    wxObjectDataPtr<PagedListModel> found_model_;
    BackgroundCount counter_;  // after the model it answers to, so it goes first
    wxDataViewListCtrl* enrolled_;
    ProblemsView* problems_;
    wxStaticText* problems_label_;
    wxStaticText* outcome_;
};

// Sessions: plan the whole curriculum, add, move or remove one, with its trainer.
class SessionsPage : public CohortPage {
public:
    SessionsPage(wxWindow* parent, AppContext& context, const std::string& cohort_code);
    void refresh() override;
    // "Schedule from the curriculum…": the plan shown in forms/schedule_dialog.xrc, then kept; true when kept.
    bool plan_from_curriculum();
    // Plans every session of the curriculum (the store, in one transaction) with the chosen trainer; true when kept.
    bool schedule(const ScheduleChoice& choice);
    void add_session();
    void move_selected();
    void remove_selected();
    wxDataViewListCtrl* list() const { return list_; }
    // Above the list, only when some session has no trainer: how many; below it: the chosen session in full, and
    // when it has no trainer, why and what would fix it.
    wxStaticText* summary() const { return summary_; }
    wxStaticText* details_line() const { return details_line_; }
    // A session in full, as its tooltip and the details line say it: number, module, whole title, day, time, minutes.
    wxString session_text(int row) const;

private:
    std::optional<Session> selected() const;
    void show_selected_note();
    void wrap_notes();  // the summary and details line, wrapped anew to the page's width
    wxDataViewListCtrl* list_;
    wxStaticText* summary_;
    wxStaticText* details_line_;
    wxString summary_text_, details_text_;  // as said, before wrapping
    std::vector<Session> sessions_;
    std::vector<wxString> titles_;      // each session's module title, in sessions_ order
    std::vector<SessionCover> covers_;  // who may teach each session, in sessions_ order
};

// Attendance: people down, sessions across; P L F E A mark the current cell and move down, Shift+P marks
// everyone enrolled by the current session and not yet marked present, Delete clears a mark, Ctrl+Z undoes.
// A mark at a session still to come at the site is saved only when the trainer says so.
class AttendancePage : public CohortPage {
public:
    AttendancePage(wxWindow* parent, AppContext& context, const std::string& cohort_code);
    void refresh() override;

    wxGrid* grid() const { return grid_; }
    // Handles one key as the grid would receive it; true when it was an attendance key.
    bool handle_key(int key_code, int modifiers);
    void mark_current(AttendanceStatus status);
    void clear_current();
    void everyone_present();
    void undo();
    bool can_undo() const { return !undo_.empty(); }
    // The cursor on the session nearest today at the site, scrolled into view, and the keyboard on the grid.
    void focus_nearest_session();
    // The keyboard on the grid, or on the list that stands for it when a screen reader runs.
    void focus_marks();

    // Asks the minutes attended by a late or early-leaving person (a dialog; tests answer themselves).
    using AskMinutes = std::function<std::optional<int>(const wxString& person, const Session& session)>;
    void set_ask_minutes(AskMinutes ask) { ask_minutes_ = std::move(ask); }

    int column_of(long long session_id) const;
    int row_of(const std::string& ref) const;
    // The session nearest today at the cohort's site (see core nearest_session); -1 without sessions.
    int nearest_column() const;
    const store::AttendanceSheet& sheet() const { return sheet_; }
    wxString summary() const;  // the line above the grid: the session's counts, or why nothing was marked

private:
    struct UndoEntry {
        long long session_id;
        std::string ref;
        std::optional<Attendance> before;
    };
    friend class AttendanceTable;
    friend class AttendanceList;
    void save(const std::vector<Attendance>& marks);
    void show_cell(int row, int column);
    void show_summary();
    // The line above the grid says `text`, wrapped to the page's width (large text makes it longer than a line).
    void set_summary(const wxString& text);
    bool counts_here(const store::SheetPerson& person, const Session& session) const;
    // True when the session has been held (or is today) at the site, or the trainer agrees to mark it ahead.
    bool may_mark(const Session& session);

    wxGrid* grid_;
    AttendanceTable* table_;          // virtual: the grid asks it for what a visible cell shows
    AttendanceList* list_ = nullptr;  // for a screen reader, instead of the grid (accessibility.hpp)
    wxStaticText* summary_;
    wxString summary_text_;  // as said, before wrapping
    store::AttendanceSheet sheet_;
    std::string time_zone_ = "UTC";  // the cohort's, for today at its site
    Date today_;                     // at the site, as of the last refresh: what the colours show
    std::map<std::pair<long long, std::string>, Attendance> marks_;
    std::vector<std::vector<UndoEntry>> undo_;
    AskMinutes ask_minutes_;
};

// Completion: who is complete, on track or not, why not in words, and a coordinator's override.
class CompletionPage : public CohortPage {
public:
    CompletionPage(wxWindow* parent, AppContext& context, const std::string& cohort_code);
    void refresh() override;
    void override_selected();
    // Records a coordinator's decision (the store refuses it without a reason) and shows the result.
    bool apply_override(const CompletionOverride& decision);
    // Records an assessment, supervised practice or the ethics acknowledgement for everyone selected (a dialog:
    // record_dialogs.hpp), all or none, and shows the result; true when recorded.
    bool record_selected(RecordKind kind);
    // Records an observed assessment of the chosen person on a module's rubric (ObservationDialog) and shows the
    // result; true when recorded.
    bool observe_selected();
    // Releases the chosen person's held-back observed assessment results in this cohort, after asking; true when
    // released.
    bool release_selected();
    // Logs a supervision entry of the chosen person (SupervisionDialog) and shows the result; true when kept.
    bool supervise_selected();
    // The cohort's completion deadlines (DeadlinesDialog), then the page anew.
    void deadlines();
    std::vector<std::string> selected_refs() const;
    const std::vector<ParticipantCompletion>& results() const { return results_; }
    wxDataViewListCtrl* list() const { return list_; }
    wxTextCtrl* still_needed() const { return reason_; }

private:
    void show_modules(int row);
    wxDataViewListCtrl* list_;
    wxDataViewListCtrl* modules_;
    wxStaticText* totals_;
    wxTextCtrl* reason_;  // the chosen person's whole "what is still needed", wrapped: the list's column cuts it
    std::vector<ParticipantCompletion> results_;
    std::map<std::string, std::string> names_;
};

// Print certificates: a preview of one, then everyone eligible in one batch, then the folder or print file.
class PrintPage : public CohortPage {
public:
    PrintPage(wxWindow* parent, AppContext& context, const std::string& cohort_code);
    void refresh() override;

    // Renders the first eligible person's certificate to a temporary PDF and shows it; nothing is recorded.
    bool preview();
    // True when the programme's verification address is kept, else asks for it (and keeps it); false if cancelled.
    bool verify_url_known();
    // Shows who will be given a certificate and who not (and why), and asks before anything is recorded.
    bool confirm_issue();
    // Issues to everyone eligible and writes their PDFs and the print file into `folder`, with progress; the
    // serials are recorded only once the files are written.
    bool issue(const std::filesystem::path& folder);
    const std::filesystem::path& preview_pdf() const { return preview_pdf_; }
    const std::filesystem::path& print_file() const { return print_file_; }
    const std::vector<std::filesystem::path>& written() const { return written_; }
    void set_folder(const wxString& folder);

private:
    std::string kind() const;
    std::string module_code() const;
    workflow::IssueRequest request(const std::filesystem::path& folder, bool preview) const;
    void show_outcome(const workflow::IssueOutcome& outcome, bool planned);
    wxChoice* kind_;
    wxChoice* module_;
    wxTextCtrl* folder_;
    wxStaticBitmap* picture_;
    wxDataViewListCtrl* outcome_;
    wxButton* open_folder_;
    wxButton* open_print_;
    std::vector<std::string> module_codes_;
    std::filesystem::path preview_pdf_, print_file_, last_folder_;
    std::vector<std::filesystem::path> written_;
};

}  // namespace mitra::app
