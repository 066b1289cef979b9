// forms/trainer_dialog.xrc: a new trainer and the modules they are qualified to teach.
#include <wx/checklst.h>
#include <wx/textctrl.h>
#include <wx/xrc/xmlres.h>

#include "app/dialogs.hpp"
#include "app/screen_room.hpp"
#include "app/text.hpp"
#include "core/text.hpp"
#include "core/validation.hpp"

namespace mitra::app {

TrainerDialog::TrainerDialog(wxWindow* parent, const std::vector<std::string>& module_codes)
    : module_codes_(module_codes) {
    wxXmlResource::Get()->LoadDialog(this, parent, "TrainerDialog");
    auto* modules = XRCCTRL(*this, "modules", wxCheckListBox);
    for (const auto& code : module_codes_) modules->Append(wx(code));
    SetEscapeId(wxID_CANCEL);
    fit_to_screen(this);
}

Trainer TrainerDialog::trainer() const {
    Trainer t;
    t.ref = trim(utf8(XRCCTRL(*this, "ref", wxTextCtrl)->GetValue()));
    t.name = utf8(XRCCTRL(*this, "name", wxTextCtrl)->GetValue());
    t.latin_name = utf8(XRCCTRL(*this, "latin_name", wxTextCtrl)->GetValue());
    t.country = trim(utf8(XRCCTRL(*this, "country", wxTextCtrl)->GetValue()));
    t.languages = split_list(utf8(XRCCTRL(*this, "languages", wxTextCtrl)->GetValue()));
    auto* modules = XRCCTRL(*this, "modules", wxCheckListBox);
    for (unsigned i = 0; i < modules->GetCount(); ++i)
        if (modules->IsChecked(i)) t.qualified_modules.push_back(module_codes_[i]);
    normalize(t);
    refuse_if_any(validate(t));
    return t;
}

}  // namespace mitra::app
