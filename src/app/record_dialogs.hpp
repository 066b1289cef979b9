// Recording what completion needs besides attendance (an assessment, supervised practice, the ethics
// acknowledgement) for one person or several of a cohort: the dialog, and the one call both the Completion page
// and a person's details make.
#pragma once
#include <wx/dialog.h>

#include <functional>
#include <string>
#include <vector>

#include "app/app_context.hpp"
#include "core/model.hpp"
#include "core/practice.hpp"
#include "core/problem.hpp"
#include "core/records.hpp"

namespace mitra::app {

class DetailsView;

enum class RecordKind { assessment, practice, ethics };

// What the dialog starts from: the cohort's curriculum and start, today, and the defaults that make the common case
// one Enter (the module still needing it, the cohort's lead trainer as assessor and supervisor).
struct RecordSetting {
    Curriculum curriculum;
    Date cohort_start;
    Date today;
    std::string module;           // the module offered first
    std::string person;           // the assessor or supervisor offered first
    std::string language = "en";  // of the modules' titles
};

// forms/record_dialog.xrc (AssessmentDialog, PracticeDialog, EthicsDialog): one record for the people named.
class RecordDialog : public wxDialog {
public:
    RecordDialog(wxWindow* parent, RecordKind kind, const wxString& people, const RecordSetting& setting);
    RecordKind kind() const { return kind_; }
    // The record typed, for each of `refs`; throws InputError naming every bad field in words.
    std::vector<AssessmentResult> assessments(const std::vector<std::string>& refs) const;
    std::vector<PracticumLog> practice(const std::vector<std::string>& refs) const;
    std::vector<EthicsAcknowledgement> acknowledgements(const std::vector<std::string>& refs) const;

private:
    std::string text(const char* name) const;
    Date day(const char* name, const wxString& field, Problems& problems) const;
    RecordKind kind_;
    RecordSetting setting_;
    std::vector<std::string> modules_;  // the choice's module codes
};

// A fault in the interface's language, with the field named in words.
Problem describe(RecordFault fault);

// Asks for one record of `kind` for `refs` of `cohort_code` and keeps it for each of them, all in one transaction,
// asking again after a refusal (which names the field); true when recorded, false when cancelled.
bool record_for(wxWindow* parent, AppContext& context, RecordKind kind, const std::string& cohort_code,
                const std::vector<std::string>& refs);

// Under a person's details: their progress letter's content in each cohort, a choice of their cohorts and the
// buttons that record for them in it (practice_dialogs.hpp: supervision, signed records, the letter). `changed` runs
// after something was recorded.
void add_record_buttons(DetailsView& details, AppContext& context, const std::string& ref,
                        std::function<void()> changed);

// What a dialog about one person's practice in a cohort starts from (observed assessment, supervision entry).
struct PracticeSetting {
    Curriculum curriculum;
    Date cohort_start;
    Date today;
    std::string module;           // the module offered first
    std::string language = "en";  // of the titles and level descriptors (English when a text has none in it)
};
// Fills `setting` for `ref` in the cohort: its curriculum, start, today, the interface's language, and as the module
// offered first the first module the person has not completed for which `offered` is true. Inside guarded(): throws
// InputError when the cohort is gone. Returns the cohort.
Cohort read_practice_setting(AppContext& context, const std::string& cohort_code, const std::string& ref,
                             const std::function<bool(const Module&)>& offered, PracticeSetting& setting);

// What the observed-assessment dialog starts from: the modules with a rubric, who may rate, and the defaults.
struct ObservationSetting : PracticeSetting {
    std::vector<Trainer> raters;  // the trainers on record
    std::string rater;            // the rater offered first (the cohort's lead trainer's ref)
};

// forms/observation_dialog.xrc: one person's observed practice rated on a module's rubric: a level 0-4 or "No
// opportunity to observe" per criterion (and the second rater's, when there is one), with the chosen level's
// descriptor beside it, the method, the day, and, before anything is kept, the outcome it will record in words ("met"
// or "asked to repeat"). Held back until released unless unticked.
class ObservationDialog : public wxDialog {
public:
    ObservationDialog(wxWindow* parent, const wxString& person, const ObservationSetting& setting);
    // The assessment typed, of `ref`; throws InputError naming every field still wrong in words.
    ObservedAssessment assessment(const std::string& ref) const;
    const wxString& outcome_text() const { return outcome_text_; }  // as shown
    wxString descriptor(std::size_t criterion) const;               // shown for the chosen level ("" none)
    const Rubric* rubric() const;                                   // the chosen module's

private:
    void show_rubric();  // one row per criterion of the chosen module's rubric
    void update();       // the descriptors, the second rater's levels and the outcome, anew from the fields
    std::optional<int> chosen_level(std::size_t criterion, bool second, bool& chosen) const;
    ObservationSetting setting_;
    std::vector<std::string> modules_;  // the module choice's codes
    std::vector<std::string> raters_;   // the rater choice's refs (the second rater's: after "No second rater")
    wxString outcome_text_;
};

// Asks for one observed assessment of `ref` in `cohort_code` and keeps it (PracticeRepo, one transaction), asking
// again after a refusal (which names the field); true when kept, false when cancelled or no module has a rubric.
bool observe_for(wxWindow* parent, AppContext& context, const std::string& cohort_code, const std::string& ref);

}  // namespace mitra::app
