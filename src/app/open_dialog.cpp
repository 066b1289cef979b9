// forms/open_dialog.xrc: another database, a file on this computer or a hub's URL.
#include <wx/filepicker.h>
#include <wx/radiobut.h>
#include <wx/textctrl.h>
#include <wx/xrc/xmlres.h>

#include "app/dialogs.hpp"
#include "app/text.hpp"
#include "core/text.hpp"

namespace mitra::app {

OpenDialog::OpenDialog(wxWindow* parent) {
    wxXmlResource::Get()->LoadDialog(this, parent, "OpenDialog");
    auto* url = XRCCTRL(*this, "url", wxTextCtrl);
    url->Bind(wxEVT_TEXT, [this](wxCommandEvent& e) {
        XRCCTRL(*this, "use_url", wxRadioButton)->SetValue(true);
        e.Skip();
    });
    auto* file = XRCCTRL(*this, "file", wxFilePickerCtrl);
    // The file's field as tall as its Browse button: wx's own height for it is too short for large text.
    file->SetTextCtrlGrowable();
    file->Bind(wxEVT_FILEPICKER_CHANGED, [this](wxFileDirPickerEvent& e) {
        XRCCTRL(*this, "use_file", wxRadioButton)->SetValue(true);
        e.Skip();
    });
    SetEscapeId(wxID_CANCEL);
    Fit();
}

std::string OpenDialog::target() const {
    if (XRCCTRL(*this, "use_url", wxRadioButton)->GetValue())
        return trim(utf8(XRCCTRL(*this, "url", wxTextCtrl)->GetValue()));
    return utf8(XRCCTRL(*this, "file", wxFilePickerCtrl)->GetPath());
}

}  // namespace mitra::app
