// forms/reason_dialog.xrc: a written reason, required before OK is possible; for a revocation, also the category
// the signed revocation list publishes.
#include <wx/button.h>
#include <wx/choice.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/xrc/xmlres.h>

#include "app/dialogs.hpp"
#include "app/text.hpp"
#include "core/revocation_list.hpp"
#include "core/text.hpp"

namespace mitra::app {

ReasonDialog::ReasonDialog(wxWindow* parent, const wxString& title, const wxString& prompt) {
    wxXmlResource::Get()->LoadDialog(this, parent, "ReasonDialog");
    SetTitle(title);
    XRCCTRL(*this, "prompt", wxStaticText)->SetLabel(prompt);
    Bind(
        wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(!reason().empty()); }, wxID_OK);
    SetEscapeId(wxID_CANCEL);
    Fit();
}

void ReasonDialog::offer_revocation_categories() {
    auto* choice = XRCCTRL(*this, "category", wxChoice);
    // In kRevocationCategories' order, after "not said".
    choice->Append(_("not said"));
    choice->Append(_("issued in error"));
    choice->Append(_("replaced"));
    choice->Append(_("withdrawn"));
    choice->SetSelection(0);
    choice->Show();
    XRCCTRL(*this, "category_label", wxStaticText)->Show();
    Fit();
}

std::string ReasonDialog::category() const {
    const auto* choice = XRCCTRL(*this, "category", wxChoice);
    const int at = choice->IsShown() ? choice->GetSelection() : 0;
    if (at <= 0 || at > static_cast<int>(std::size(kRevocationCategories))) return {};
    return std::string(kRevocationCategories[at - 1]);
}

std::string ReasonDialog::reason() const { return trim(utf8(XRCCTRL(*this, "reason", wxTextCtrl)->GetValue())); }

}  // namespace mitra::app
