// forms/participant_dialog.xrc: one new person, named exactly as they write their name.
#include <wx/textctrl.h>
#include <wx/xrc/xmlres.h>

#include "app/app_context.hpp"
#include "app/dialogs.hpp"
#include "app/guard.hpp"
#include "app/i18n.hpp"
#include "app/text.hpp"
#include "core/problem.hpp"
#include "core/text.hpp"
#include "core/validation.hpp"
#include "io/catalog.hpp"
#include "io/reason_words.hpp"
#include "workflow/door.hpp"

namespace mitra::app {

void refuse_if_any(const std::vector<FieldError>& errors) {
    if (errors.empty()) return;
    InputError error;
    // In the interface's words (io::field_error_phrase), the code kept so describe() words it the same way.
    for (const auto& e : errors) {
        Problem problem = to_problem(e);
        problem.message = io::field_error_phrase(e, io::catalog(interface_catalog()));
        error.problems.push_back(std::move(problem));
    }
    throw error;
}

ParticipantDialog::ParticipantDialog(wxWindow* parent) {
    wxXmlResource::Get()->LoadDialog(this, parent, "ParticipantDialog");
    SetEscapeId(wxID_CANCEL);
}

void ParticipantDialog::fill(const Participant& p) {
    XRCCTRL(*this, "ref", wxTextCtrl)->SetValue(wx(p.ref));
    XRCCTRL(*this, "full_name", wxTextCtrl)->SetValue(wx(p.full_name));
    XRCCTRL(*this, "latin_name", wxTextCtrl)->SetValue(wx(p.latin_name));
    XRCCTRL(*this, "country", wxTextCtrl)->SetValue(wx(p.country));
    XRCCTRL(*this, "language", wxTextCtrl)->SetValue(wx(p.language));
    XRCCTRL(*this, "email", wxTextCtrl)->SetValue(wx(p.email));
    XRCCTRL(*this, "phone", wxTextCtrl)->SetValue(wx(p.phone));
}

Participant ParticipantDialog::participant() const {
    Participant p;
    p.ref = trim(utf8(XRCCTRL(*this, "ref", wxTextCtrl)->GetValue()));
    p.full_name = utf8(XRCCTRL(*this, "full_name", wxTextCtrl)->GetValue());  // in its own script; normalised below
    p.latin_name = utf8(XRCCTRL(*this, "latin_name", wxTextCtrl)->GetValue());
    p.country = trim(utf8(XRCCTRL(*this, "country", wxTextCtrl)->GetValue()));
    p.language = trim(utf8(XRCCTRL(*this, "language", wxTextCtrl)->GetValue()));
    p.email = trim(utf8(XRCCTRL(*this, "email", wxTextCtrl)->GetValue()));
    p.phone = trim(utf8(XRCCTRL(*this, "phone", wxTextCtrl)->GetValue()));
    normalize(p);  // NFC, one space between words (core/names)
    refuse_if_any(validate(p));
    return p;
}

std::string add_person_with_dialog(wxWindow* parent, AppContext& context,
                                   const std::function<void(Participant&, store::Lookalikes)>& save) {
    ParticipantDialog dialog(parent);
    while (dialog.ShowModal() == wxID_OK) {
        std::string ref;
        bool added = false;
        guarded(&dialog, [&] {
            Participant p = dialog.participant();
            workflow::refuse_unprintable(context.fonts(), p, "full_name", "latin_name");
            added = save_asking_about_lookalikes(
                &dialog, [&](store::Lookalikes lookalikes) { save(p, lookalikes); }, lookalike_of(p.ref),
                _("Add anyway"));
            ref = p.ref;
        });
        if (added) return ref;
    }
    return {};
}

}  // namespace mitra::app
