// forms/override_dialog.xrc: a coordinator decides a module for one person; the reason is required.
#include <wx/choice.h>
#include <wx/radiobox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/xrc/xmlres.h>

#include "app/dialogs.hpp"
#include "app/screen_room.hpp"
#include "app/text.hpp"
#include "core/text.hpp"

namespace mitra::app {

OverrideDialog::OverrideDialog(wxWindow* parent, const wxString& person, const std::vector<CodeAndTitle>& modules)
    : modules_(modules) {
    wxXmlResource::Get()->LoadDialog(this, parent, "OverrideDialog");
    XRCCTRL(*this, "person", wxStaticText)->SetLabel(person);
    auto* choice = XRCCTRL(*this, "module", wxChoice);
    for (const auto& [code, title] : modules_) choice->Append(wx(code + "  " + title));
    if (!modules_.empty()) choice->SetSelection(0);
    Bind(
        wxEVT_UPDATE_UI,
        [this](wxUpdateUIEvent& e) {
            e.Enable(!trim(utf8(XRCCTRL(*this, "reason", wxTextCtrl)->GetValue())).empty() &&
                     XRCCTRL(*this, "module", wxChoice)->GetSelection() != wxNOT_FOUND);
        },
        wxID_OK);
    SetEscapeId(wxID_CANCEL);
    fit_to_screen(this);
}

void OverrideDialog::fill(int module_index, bool complete, const wxString& reason) {
    XRCCTRL(*this, "module", wxChoice)->SetSelection(module_index);
    XRCCTRL(*this, "decision", wxRadioBox)->SetSelection(complete ? 0 : 1);
    XRCCTRL(*this, "reason", wxTextCtrl)->SetValue(reason);
}

CompletionOverride OverrideDialog::decision(const std::string& ref) const {
    CompletionOverride d;
    d.participant_ref = ref;
    const int at = XRCCTRL(*this, "module", wxChoice)->GetSelection();
    if (at != wxNOT_FOUND) d.module_code = modules_[static_cast<std::size_t>(at)].first;
    d.complete = XRCCTRL(*this, "decision", wxRadioBox)->GetSelection() == 0;
    d.reason = trim(utf8(XRCCTRL(*this, "reason", wxTextCtrl)->GetValue()));
    return d;
}

}  // namespace mitra::app
