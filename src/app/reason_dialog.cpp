// forms/reason_dialog.xrc: a written reason, required before OK is possible.
#include <wx/button.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/xrc/xmlres.h>

#include "app/dialogs.hpp"
#include "app/text.hpp"
#include "core/text.hpp"

namespace mitra::app {

ReasonDialog::ReasonDialog(wxWindow* parent, const wxString& title, const wxString& prompt) {
    wxXmlResource::Get()->LoadDialog(this, parent, "ReasonDialog");
    SetTitle(title);
    XRCCTRL(*this, "prompt", wxStaticText)->SetLabel(prompt);
    Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(!reason().empty()); }, wxID_OK);
    SetEscapeId(wxID_CANCEL);
    Fit();
}

std::string ReasonDialog::reason() const { return trim(utf8(XRCCTRL(*this, "reason", wxTextCtrl)->GetValue())); }

}  // namespace mitra::app
