// forms/preferences_dialog.xrc: the interface's language, saved for the next start, the programme's verification
// address, kept in the database, and whether attendance is shown as a list for a screen reader.
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/textctrl.h>
#include <wx/xrc/xmlres.h>

#include "app/accessibility.hpp"
#include "app/dialogs.hpp"
#include "app/i18n.hpp"

namespace mitra::app {

PreferencesDialog::PreferencesDialog(wxWindow* parent, const wxString& verify_url, bool database_open) {
    wxXmlResource::Get()->LoadDialog(this, parent, "PreferencesDialog");
    auto* address = XRCCTRL(*this, "verify_url", wxTextCtrl);
    address->SetValue(verify_url);
    address->Enable(database_open);
    auto* choice = XRCCTRL(*this, "language", wxChoice);
    const wxString saved = saved_language();
    for (const auto& language : interface_languages()) {
        choice->Append(language.name);
        if (language.code == saved) choice->SetSelection(choice->GetCount() - 1);
    }
    if (choice->GetSelection() == wxNOT_FOUND) choice->SetSelection(0);
    XRCCTRL(*this, "attendance_list", wxCheckBox)->SetValue(attendance_list_wanted());
    SetEscapeId(wxID_CANCEL);
    Fit();
}

wxString PreferencesDialog::verify_url() const {
    return XRCCTRL(*this, "verify_url", wxTextCtrl)->GetValue().Trim().Trim(false);
}

bool PreferencesDialog::attendance_list() const { return XRCCTRL(*this, "attendance_list", wxCheckBox)->GetValue(); }

wxString PreferencesDialog::language_code() const {
    const int at = XRCCTRL(*this, "language", wxChoice)->GetSelection();
    const auto languages = interface_languages();
    return at == wxNOT_FOUND ? wxString() : languages[static_cast<std::size_t>(at)].code;
}

}  // namespace mitra::app
