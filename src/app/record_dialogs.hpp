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

// Under a person's details: a choice of their cohorts and the three buttons that record for them in it. `changed`
// runs after something was recorded.
void add_record_buttons(DetailsView& details, AppContext& context, const std::string& ref,
                        std::function<void()> changed);

}  // namespace mitra::app
