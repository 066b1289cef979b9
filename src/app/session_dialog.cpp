// forms/session_dialog.xrc: a new session, or a new date, time and trainer for one.
#include <wx/choice.h>
#include <wx/spinctrl.h>
#include <wx/textctrl.h>
#include <wx/xrc/xmlres.h>

#include "app/dialogs.hpp"
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
    auto* trainer = XRCCTRL(*this, "trainer", wxChoice);
    trainer->Append(_("(none)"));
    trainer->SetSelection(0);
    for (const auto& t : trainers_) {
        trainer->Append(wx(t.name + (t.latin_name.empty() ? "" : " (" + t.latin_name + ")") + "  " + t.ref));
        if (t.ref == initial.trainer_ref) trainer->SetSelection(trainer->GetCount() - 1);
    }
    XRCCTRL(*this, "date", wxTextCtrl)->SetValue(wx(initial.date));
    XRCCTRL(*this, "time", wxTextCtrl)->SetValue(wx(to_string(initial.start_time)));
    XRCCTRL(*this, "minutes", wxSpinCtrl)->SetValue(initial.minutes);
    module->Enable(!moving);
    XRCCTRL(*this, "minutes", wxSpinCtrl)->Enable(!moving);
    SetEscapeId(wxID_CANCEL);
    Fit();
}

Session SessionDialog::session() const {
    Session s = initial_;
    const int module = XRCCTRL(*this, "module", wxChoice)->GetSelection();
    if (module != wxNOT_FOUND) s.module_code = modules_[static_cast<std::size_t>(module)].first;
    const int trainer = XRCCTRL(*this, "trainer", wxChoice)->GetSelection();
    s.trainer_ref = trainer > 0 ? trainers_[static_cast<std::size_t>(trainer - 1)].ref : "";
    s.minutes = XRCCTRL(*this, "minutes", wxSpinCtrl)->GetValue();
    const std::string day = trim(utf8(XRCCTRL(*this, "date", wxTextCtrl)->GetValue()));
    const std::string time = trim(utf8(XRCCTRL(*this, "time", wxTextCtrl)->GetValue()));
    InputError error;
    if (auto d = parse_date(day)) s.date = *d;
    else error.problems.push_back({"", 0, 0, "date", "'" + day + "' is not a date in the form YYYY-MM-DD"});
    if (auto t = parse_time(time)) s.start_time = *t;
    else error.problems.push_back({"", 0, 0, "time", "'" + time + "' is not a time in the form HH:MM (24-hour)"});
    if (!error.problems.empty()) throw error;
    return s;
}

}  // namespace mitra::app
