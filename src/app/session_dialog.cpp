// forms/session_dialog.xrc: a new session, or a new date, time, trainer and co-facilitator for one.
#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/spinctrl.h>
#include <wx/textctrl.h>
#include <wx/xrc/xmlres.h>

#include "app/dialogs.hpp"
#include "app/screen_room.hpp"
#include "app/text.hpp"
#include "core/problem.hpp"
#include "core/text.hpp"

namespace mitra::app {

SessionDialog::SessionDialog(wxWindow* parent, const std::vector<CodeAndTitle>& modules,
                             const std::vector<Trainer>& trainers, const Session& initial, bool moving)
    : modules_(modules), trainers_(trainers), initial_(initial) {
    wxXmlResource::Get()->LoadDialog(this, parent, "SessionDialog");
    SetTitle(moving ? _("Move a session") : _("Add a session"));
    auto* module = XRCCTRL(*this, "module", wxChoice);
    for (const auto& [code, title] : modules_) {
        module->Append(wx(code + "  " + title));
        if (code == initial.module_code) module->SetSelection(module->GetCount() - 1);
    }
    if (module->GetSelection() == wxNOT_FOUND && !modules_.empty()) module->SetSelection(0);
    // The store says whether a trainer may teach this module on this day (qualified, certified then), and why not.
    const auto fill = [this](const char* name, const std::string& chosen) {
        auto* choice = XRCCTRL(*this, name, wxChoice);
        choice->Append(_("(none)"));
        choice->SetSelection(0);
        for (const auto& t : trainers_) {
            choice->Append(wx(t.name + (t.latin_name.empty() ? "" : " (" + t.latin_name + ")") + "  " + t.ref));
            if (t.ref == chosen) choice->SetSelection(choice->GetCount() - 1);
        }
    };
    fill("trainer", initial.trainer_ref);
    fill("co_facilitator", initial.co_facilitator_ref);
    XRCCTRL(*this, "date", wxTextCtrl)->SetValue(wx(initial.date));
    XRCCTRL(*this, "time", wxTextCtrl)->SetValue(wx(to_string(initial.start_time)));
    XRCCTRL(*this, "minutes", wxSpinCtrl)->SetValue(initial.minutes);
    module->Enable(!moving);
    XRCCTRL(*this, "minutes", wxSpinCtrl)->Enable(!moving);
    SetEscapeId(wxID_CANCEL);
    fit_to_screen(this);
}

Session SessionDialog::session() const {
    Session s = initial_;
    const int module = XRCCTRL(*this, "module", wxChoice)->GetSelection();
    if (module != wxNOT_FOUND) s.module_code = modules_[static_cast<std::size_t>(module)].first;
    const auto chosen = [this](const char* name) {
        const int at = XRCCTRL(*this, name, wxChoice)->GetSelection();
        return at > 0 ? trainers_[static_cast<std::size_t>(at - 1)].ref : std::string();
    };
    s.trainer_ref = chosen("trainer");
    s.co_facilitator_ref = chosen("co_facilitator");
    s.minutes = XRCCTRL(*this, "minutes", wxSpinCtrl)->GetValue();
    const std::string day = trim(utf8(XRCCTRL(*this, "date", wxTextCtrl)->GetValue()));
    const std::string time = trim(utf8(XRCCTRL(*this, "time", wxTextCtrl)->GetValue()));
    InputError error;
    if (auto d = parse_date(day)) s.date = *d;
    else
        error.problems.push_back(
            {"", 0, 0, "date", utf8(wxString::Format(_("'%s' is not a date in the form YYYY-MM-DD"), wx(day)))});
    if (auto t = parse_time(time)) s.start_time = *t;
    else
        error.problems.push_back(
            {"", 0, 0, "time", utf8(wxString::Format(_("'%s' is not a time in the form HH:MM (24-hour)"), wx(time)))});
    if (!error.problems.empty()) throw error;
    return s;
}

}  // namespace mitra::app
