// The Trainers view's dialogs (forms/qualify_dialog.xrc, forms/trainer_certification_dialog.xrc) and how the
// desktop program words why a trainer may not teach a session.
#pragma once
#include <wx/dialog.h>
#include <wx/string.h>

#include <string>
#include <vector>

#include "app/dialogs.hpp"
#include "core/certification.hpp"
#include "store/certification_repo.hpp"

namespace mitra::app {

// forms/qualify_dialog.xrc: a checklist of the modules the trainer is not yet qualified for.
class QualifyDialog : public wxDialog {
public:
    QualifyDialog(wxWindow* parent, const wxString& trainer, const std::vector<CodeAndTitle>& modules,
                  const std::vector<std::string>& already);
    void check(const std::vector<std::string>& codes);  // ticks these (as a person would)
    std::vector<std::string> chosen() const;            // the ticked modules' codes

private:
    std::vector<CodeAndTitle> offered_;
};

// forms/trainer_certification_dialog.xrc: level, issued day, months valid, under the trainer's current standing.
struct TrainerCertificationInput {
    std::string level;
    Date issued;
    int months = 24;
};

class TrainerCertificationDialog : public wxDialog {
public:
    TrainerCertificationDialog(wxWindow* parent, const wxString& trainer, const wxString& standing, const Date& today);
    void fill(const wxString& level, const wxString& issued, int months);
    TrainerCertificationInput input() const;  // throws InputError for a day that is not a date
};

// "Certified as trainer until 2027-12-31", "Trainer certification expired on …", "Not certified as a trainer".
// A trainer certification's level in the interface's language ("senior trainer" as stored).
wxString level_words(const std::string& level);
wxString standing_text(const std::vector<store::TrainerCertificationRecord>& held, const Date& today);

// "T-1 is not qualified for M03", "T-1 holds no trainer certification", …; with no ref, "no trainer is qualified
// for M03".
wxString describe_bar(const std::string& ref, const TeachingBar& bar);
// What would let them teach, in words (the Trainers view, never a command): "Qualify a trainer for M03 in Trainers."
wxString fix_for(const std::string& ref, const TeachingBar& bar);
// A session's trainer cell when it has none: "No trainer: T-1 is not qualified for M03", or "No trainer yet: T-2
// may teach it"; empty when the session has a trainer.
wxString session_note(const Session& session, const SessionCover& cover);

}  // namespace mitra::app
