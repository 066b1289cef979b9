// The dialogs' layouts: forms/*.xrc, loaded once at start from the shipped forms folder.
#include "app/forms.hpp"

#include <wx/intl.h>
#include <wx/xrc/xmlres.h>

#include "app/app_context.hpp"
#include "app/text.hpp"

namespace mitra::app {

bool load_forms(wxString& problem) {
    static bool loaded = false;
    if (loaded) return true;
    const auto dir = shipped_dir("forms");
    if (dir.empty()) {
        problem = _("The forms folder was not found (set MITRA_DATA_DIR to the folder that holds forms/).");
        return false;
    }
    wxXmlResource::Get()->InitAllHandlers();
    for (const char* name : {"participant_dialog",    "override_dialog",
                             "reason_dialog",         "open_dialog",
                             "preferences_dialog",    "trainer_dialog",
                             "session_dialog",        "cohort_dialog",
                             "history_dialog",        "reports_panel",
                             "learning_dialog",       "record_dialog",
                             "qualify_dialog",        "trainer_certification_dialog",
                             "schedule_dialog",       "observation_dialog",
                             "supervision_dialog",    "supervisors_dialog",
                             "deadlines_dialog",      "signed_records_dialog",
                             "practice_record_dialog"}) {
        const auto file = dir / (std::string(name) + ".xrc");
        if (!wxXmlResource::Get()->Load(wx(file.string()))) {
            problem = wxString::Format(_("The form %s could not be read."), wx(file.string()));
            return false;
        }
    }
    loaded = true;
    return true;
}

}  // namespace mitra::app
