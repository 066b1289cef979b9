// forms/participant_dialog.xrc: one new person, named exactly as they write their name.
#include <wx/textctrl.h>
#include <wx/xrc/xmlres.h>

#include "app/app_context.hpp"
#include "app/dialogs.hpp"
#include "app/guard.hpp"
#include "app/text.hpp"
#include "core/problem.hpp"
#include "core/text.hpp"
#include "core/validation.hpp"
#include "workflow/door.hpp"

namespace mitra::app {

namespace {

// What core found wrong with a field, in the interface's language (the field's own label is put before it).
wxString field_error_words(const FieldError& e) {
    using Kind = FieldError::Kind;
    switch (e.kind) {
        case Kind::required: return _("is required");
        case Kind::not_a_code:
            return wxString::Format(_("'%s' may hold only letters A-Z, digits, '-', '_' and '.' (at most 64)"),
                                    wx(e.value));
        case Kind::not_a_country:
            return wxString::Format(_("'%s' is not a country code of two letters (such as JP, IN, LK)"), wx(e.value));
        case Kind::not_a_language:
            return wxString::Format(_("'%s' is not a language code (such as ja, zh-Hant, ur)"), wx(e.value));
        case Kind::too_long:
            return wxString::Format(_("is longer than %d characters"), static_cast<int>(kMaxNameLength));
        case Kind::not_utf8: return _("has bytes that are no text (not UTF-8)");
        case Kind::blank: return _("is blank");
        case Kind::not_an_email: return wxString::Format(_("'%s' is not an e-mail address"), wx(e.value));
        case Kind::not_a_phone:
            return wxString::Format(_("'%s' is not a phone number (digits, spaces, + - ( ) .)"), wx(e.value));
        case Kind::other: break;
    }
    return wx(e.message);  // a check with no words here yet (a name's own problem), as core says it
}

}  // namespace

void refuse_if_any(const std::vector<FieldError>& errors) {
    if (errors.empty()) return;
    InputError error;
    for (const auto& e : errors) error.problems.push_back(Problem{"", 0, 0, e.field, utf8(field_error_words(e))});
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
