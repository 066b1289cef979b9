// Supervised practice in the desktop program (issue 21): a supervision entry for one person (the one call the
// person's details and the Cohort menu make), and the supervisors on record with their credentials.
#pragma once
#include <wx/dialog.h>

class wxDataViewListCtrl;

namespace mitra::app {
class DetailsView;
}

#include <string>
#include <vector>

#include "app/app_context.hpp"
#include "app/record_dialogs.hpp"
#include "core/deadline_list.hpp"
#include "core/model.hpp"
#include "core/practice.hpp"

namespace mitra::app {

// What the supervision dialog starts from: the practice modules, the supervisors on record, and the defaults.
struct SupervisionSetting : PracticeSetting {
    std::vector<Supervisor> supervisors;  // on record, each with its credentials
    std::string supervisor;               // the supervisor offered first (the cohort's lead trainer, if one)
};

// forms/supervision_dialog.xrc: one stretch of supervised practice (supervisor, one-to-one or group, minutes, day,
// a practical note), and before it is kept whether it will count: core's credential_valid_on decides.
class SupervisionDialog : public wxDialog {
public:
    SupervisionDialog(wxWindow* parent, const wxString& person, const SupervisionSetting& setting);
    // The entry typed, of `ref`; throws InputError naming every field still wrong in words.
    SupervisionEntry entry(const std::string& ref) const;
    const wxString& counts_text() const { return counts_text_; }  // as shown

private:
    void update();  // whether the entry will count, anew from the supervisor and the day
    SupervisionSetting setting_;
    std::vector<std::string> modules_;  // the module choice's codes
    wxString counts_text_;
};

// Asks for one supervision entry of `ref` in `cohort_code` and keeps it (PracticeRepo), asking again after a refusal
// (which names the field); true when kept, false when cancelled or nothing can be entered.
bool supervise_for(wxWindow* parent, AppContext& context, const std::string& cohort_code, const std::string& ref);

// forms/signed_records_dialog.xrc: `ref`'s supervisory agreement and lived-experience attestation (signed yes or
// no, with the day; what is on record shown first) and a referee questionnaire received, kept in one transaction;
// the words say no diagnosis and no clinical content is kept. `cohort_code` gives how many referees are needed. True
// when kept; a refusal names the field and keeps nothing.
bool signed_records_for(wxWindow* parent, AppContext& context, const std::string& cohort_code, const std::string& ref);

// The progress letter of `ref` in `cohort_code` (workflow/progress_letter) as fields of their details, in the
// interface's language: what is done, what remains, the deadline.
void add_progress_letter(DetailsView& details, AppContext& context, const std::string& ref,
                         const std::string& cohort_code);
// Asks where, then writes the letter in the person's language, owner-only (the call mitra-cli's `progress letter`
// makes); true when written.
bool save_progress_letter(wxWindow* parent, AppContext& context, const std::string& ref,
                          const std::string& cohort_code);

// A supervisor's verification of `ref`'s supervised practice in `cohort_code` (the call mitra-cli's `supervisor
// verify` makes): the supervisor is chosen among those with entries for the person (no choice when one), then where
// to save; written in the person's language, owner-only. None with entries: told in words, nothing written. True
// when written.
bool save_supervisor_verification(wxWindow* parent, AppContext& context, const std::string& ref,
                                  const std::string& cohort_code);
// The same for a supervisor already chosen: asks where, then writes (a refusal, such as no entries by them, told
// in words); true when written.
bool save_verification_by(wxWindow* parent, AppContext& context, const std::string& ref, const std::string& cohort_code,
                          const std::string& supervisor_ref);

// forms/practice_record_dialog.xrc: the coordinator's record of `ref`'s practice in a cohort for an auditor (every
// supervision entry with its supervisor and credential, the observed assessments on their rubric, the signed
// records, the deadline and extensions) as read-only text in the interface's language, and "Save as PDF…" writing
// it owner-only (the call mitra-cli's `practice record` makes).
class PracticeRecordDialog : public wxDialog {
public:
    PracticeRecordDialog(wxWindow* parent, AppContext& context, const std::string& ref, const std::string& cohort_code);
    const wxString& text() const { return text_; }  // as shown
    bool save_pdf();                                // asks where, then writes; true when written

private:
    AppContext& context_;
    std::string ref_, cohort_;
    wxString text_;
};

// The practice record dialog, from the person's details ("Practice record…"); nothing shown after a refusal (told).
void show_practice_record(wxWindow* parent, AppContext& context, const std::string& ref,
                          const std::string& cohort_code);

// forms/supervisors_dialog.xrc: every supervisor on record with kind, latest credential, its expiry and whether one
// is valid today (core's credential_valid_on); "Add supervisor…" and "Add credential…" (a renewal) for the chosen.
class SupervisorsDialog : public wxDialog {
public:
    SupervisorsDialog(wxWindow* parent, AppContext& context);
    bool add_supervisor();  // asks (SupervisorDialog) and keeps; true when kept
    bool add_credential();  // for the chosen supervisor (CredentialDialog); true when kept
    bool verify_person();   // the chosen supervisor's verification of a person asked for by ref; true when written
    wxDataViewListCtrl* list() const { return list_; }

private:
    void refresh();
    AppContext& context_;
    wxDataViewListCtrl* list_;
    std::vector<Supervisor> supervisors_;  // as listed
};

// The supervisors dialog, from the Trainers view's "Supervisors…" and View ▸ Supervisors….
void show_supervisors(wxWindow* parent, AppContext& context);

// forms/deadlines_dialog.xrc: the cohort's people near or past their completion deadline (core's deadline_rows, as
// `cohort deadlines` lists them), everyone with a deadline on request, and "Extend deadline…" for the chosen one.
class DeadlinesDialog : public wxDialog {
public:
    DeadlinesDialog(wxWindow* parent, AppContext& context, const std::string& cohort_code);
    bool extend_selected();  // asks for the new deadline and reason (ExtendDialog) and keeps it; true when kept
    wxDataViewListCtrl* list() const { return list_; }
    const wxString& summary_text() const { return summary_text_; }

private:
    void refresh();
    AppContext& context_;
    std::string cohort_;
    wxDataViewListCtrl* list_;
    std::vector<DeadlineRow> rows_;  // as listed
    wxString summary_text_;
};

// The deadlines dialog of `cohort_code`, from the Completion page's "Deadlines…" and Cohort ▸ Completion deadlines….
void show_deadlines(wxWindow* parent, AppContext& context, const std::string& cohort_code);

}  // namespace mitra::app
