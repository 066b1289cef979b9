// forms/preferences_dialog.xrc: the interface's language, saved for the next start, and the programme's
// verification address, kept in the database.
#include <wx/choice.h>
#include <wx/textctrl.h>
#include <wx/xrc/xmlres.h>

#include "app/dialogs.hpp"
#include "app/i18n.hpp"

namespace mitra::app {

PreferencesDialog::PreferencesDialog(wxWindow* parent, const wxString& verify_url, bool database_open) {
    wxXmlResource::Get()->LoadDialog(this, parent, "PreferencesDialog");
    auto* address = XRCCTRL(*this, "verify_url", wxTextCtrl);
    address->SetValue(verify_url);
    // The window name; GTK does not yet tie the label beside it to the field for a screen reader (issue 19), the
    // tooltip (forms/preferences_dialog.xrc) is its accessible description meanwhile.
    address->SetName(_("Verification address"));
    address->Enable(database_open);
    auto* choice = XRCCTRL(*this, "language", wxChoice);
    const wxString saved = saved_language();
    for (const auto& language : interface_languages()) {
        choice->Append(language.name);
        if (language.code == saved) choice->SetSelection(choice->GetCount() - 1);
    }
    if (choice->GetSelection() == wxNOT_FOUND) choice->SetSelection(0);
    SetEscapeId(wxID_CANCEL);
    Fit();
}

wxString PreferencesDialog::verify_url() const {
    return XRCCTRL(*this, "verify_url", wxTextCtrl)->GetValue().Trim().Trim(false);
}

wxString PreferencesDialog::language_code() const {
    const int at = XRCCTRL(*this, "language", wxChoice)->GetSelection();
    const auto languages = interface_languages();
    return at == wxNOT_FOUND ? wxString() : languages[static_cast<std::size_t>(at)].code;
}

}  // namespace mitra::app
