// The small dialogs, each laid out in forms/<name>.xrc and loaded by its own file.
#pragma once
#include <wx/dialog.h>

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/model.hpp"
#include "core/certification.hpp"
#include "core/validation.hpp"
#include "store/privacy.hpp"
#include "store/repos.hpp"

class wxListCtrl;

namespace mitra::app {

using CodeAndTitle = std::pair<std::string, std::string>;

// forms/participant_dialog.xrc: one new person. participant() throws InputError naming bad fields.
class ParticipantDialog : public wxDialog {
public:
    explicit ParticipantDialog(wxWindow* parent);
    void fill(const Participant& p);
    Participant participant() const;
};

// Asks for one new person until they are kept or the dialog is cancelled: each try is checked (every character
// printable by the shipped fonts; a look-alike of someone kept is asked about, "Add anyway") and then kept by `save`
// (which may do more in the same transaction, such as enrol). The new person's ref, or "" when cancelled.
class AppContext;
std::string add_person_with_dialog(wxWindow* parent, AppContext& context,
                                   const std::function<void(Participant&, store::Lookalikes)>& save);

// forms/reason_dialog.xrc: a written reason, required.
class ReasonDialog : public wxDialog {
public:
    ReasonDialog(wxWindow* parent, const wxString& title, const wxString& prompt);
    // Asks also what the signed revocation list publishes: one of kRevocationCategories, or nothing.
    void offer_revocation_categories();
    std::string reason() const;
    std::string category() const;  // empty when none was chosen (or none was offered)
};

// forms/override_dialog.xrc: a coordinator decides a module for one person, with a reason.
class OverrideDialog : public wxDialog {
public:
    OverrideDialog(wxWindow* parent, const wxString& person, const std::vector<CodeAndTitle>& modules);
    CompletionOverride decision(const std::string& ref) const;
    void fill(int module_index, bool complete, const wxString& reason);

private:
    std::vector<CodeAndTitle> modules_;
};

// forms/open_dialog.xrc: a database file or a hub URL.
class OpenDialog : public wxDialog {
public:
    explicit OpenDialog(wxWindow* parent);
    std::string target() const;  // empty when nothing was given
};

// forms/preferences_dialog.xrc: the interface's language, the verification address, the attendance list.
class PreferencesDialog : public wxDialog {
public:
    // `verify_url`: the programme's verification address as the database keeps it ("" when unset or no database).
    PreferencesDialog(wxWindow* parent, const wxString& verify_url, bool database_open);
    wxString language_code() const;
    wxString verify_url() const;
    bool attendance_list() const;  // attendance as a list for a screen reader, even when none is running
};

// forms/trainer_dialog.xrc: a new trainer and the modules they may teach.
class TrainerDialog : public wxDialog {
public:
    TrainerDialog(wxWindow* parent, const std::vector<std::string>& module_codes);
    Trainer trainer() const;

private:
    std::vector<std::string> module_codes_;
};

// forms/session_dialog.xrc: a new session, or (moving) a new date, time and trainer for one.
class SessionDialog : public wxDialog {
public:
    SessionDialog(wxWindow* parent, const std::vector<CodeAndTitle>& modules, const std::vector<Trainer>& trainers,
                  const Session& initial, bool moving);
    Session session() const;  // throws InputError for a bad date or time

private:
    std::vector<CodeAndTitle> modules_;
    std::vector<Trainer> trainers_;
    Session initial_;
};

// forms/schedule_dialog.xrc: the whole curriculum planned from the cohort's start (core's plan_schedule), shown
// before anything is kept: how many sessions, the first and last days, and the trainer put on them (one of those who
// may teach some of them, or none, with why in words). Enter schedules, Esc cancels.
struct ScheduleChoice {
    int every_days = 7;
    LocalTime start{10, 0};
    std::string trainer_ref;  // "" for sessions without a trainer
};

class ScheduleDialog : public wxDialog {
public:
    ScheduleDialog(wxWindow* parent, const Curriculum& curriculum, const Cohort& cohort,
                   const std::vector<Trainer>& trainers, const std::vector<TrainerQualifications>& qualifications);
    ScheduleChoice choice() const;  // throws InputError naming the start time when it is not HH:MM
    const wxString& plan_text() const { return plan_text_; }     // what will be scheduled, as shown
    const wxString& trainer_note() const { return note_text_; }  // sessions left without a trainer, why ("" none)

private:
    void update();  // the plan, the trainers offered for it and the note, anew from the fields
    Curriculum curriculum_;
    Cohort cohort_;
    std::vector<Trainer> trainers_;
    std::vector<TrainerQualifications> qualifications_;
    std::vector<std::string> offered_;  // the trainer choice's refs, after "No trainer"
    wxString plan_text_, note_text_;    // as said, before wrapping
};

// forms/cohort_dialog.xrc: a new cohort.
class CohortDialog : public wxDialog {
public:
    CohortDialog(wxWindow* parent, const std::vector<std::string>& curricula, const std::vector<Trainer>& trainers,
                 const Date& today);
    Cohort cohort() const;

private:
    std::vector<std::string> curricula_;
    std::vector<Trainer> trainers_;
};

// forms/history_dialog.xrc: the audit history about one person or cohort (who, what, when, old -> new).
class HistoryDialog : public wxDialog {
public:
    HistoryDialog(wxWindow* parent, const wxString& about, const std::vector<store::AuditEntry>& entries);
    wxListCtrl* changes() const;
};
// An audit entry's entity and action in words ("Attendance changed").
wxString describe_change(const std::string& entity, const std::string& action);
class AppContext;
// Reads the history about a person (by ref) or else a cohort (by code) and shows it.
void show_history(wxWindow* parent, AppContext& context, const std::string& participant_ref,
                  const std::string& cohort_code);

// forms/learning_dialog.xrc: continuing education from outside Mitra, entered by the coordinator.
class LearningDialog : public wxDialog {
public:
    LearningDialog(wxWindow* parent, const wxString& person, const Date& today);
    void fill(const wxString& title, const wxString& provider, const wxString& date, const wxString& hours,
              const wxString& category, const wxString& evidence);
    LearningEntry entry() const;  // throws InputError naming every bad field
};

// Field errors from core's validation as one refusal naming the fields.
void refuse_if_any(const std::vector<FieldError>& errors);

}  // namespace mitra::app
