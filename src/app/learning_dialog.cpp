// forms/learning_dialog.xrc: continuing education from outside Mitra (title, provider, date, hours, category, evidence).
#include <wx/combobox.h>
#include <wx/intl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/xrc/xmlres.h>

#include <cmath>

#include "app/dialogs.hpp"
#include "app/text.hpp"
#include "core/problem.hpp"
#include "core/text.hpp"

namespace mitra::app {

LearningDialog::LearningDialog(wxWindow* parent, const wxString& person, const Date& today) {
    wxXmlResource::Get()->LoadDialog(this, parent, "LearningDialog");
    SetTitle(wxString::Format(_("Continuing education of %s"), person));
    XRCCTRL(*this, "date", wxTextCtrl)->ChangeValue(wx(today));
    // The renewal rules' category keys, as stored (not translated); another category may be typed.
    for (const char* category : {"ethics", "peer_practice", "elective"})
        XRCCTRL(*this, "category", wxComboBox)->Append(category);
    XRCCTRL(*this, "category", wxComboBox)->SetSelection(0);
    SetEscapeId(wxID_CANCEL);
    Fit();
}

void LearningDialog::fill(const wxString& title, const wxString& provider, const wxString& date, const wxString& hours,
                          const wxString& category, const wxString& evidence) {
    XRCCTRL(*this, "title", wxTextCtrl)->ChangeValue(title);
    XRCCTRL(*this, "provider", wxTextCtrl)->ChangeValue(provider);
    XRCCTRL(*this, "date", wxTextCtrl)->ChangeValue(date);
    XRCCTRL(*this, "hours", wxTextCtrl)->ChangeValue(hours);
    XRCCTRL(*this, "category", wxComboBox)->SetValue(category);
    XRCCTRL(*this, "evidence", wxTextCtrl)->ChangeValue(evidence);
}

LearningEntry LearningDialog::entry() const {
    auto text = [this](const char* name) { return trim(utf8(XRCCTRL(*this, name, wxTextCtrl)->GetValue())); };
    Problems problems;
    auto refuse = [&](const wxString& field, const wxString& message) {
        problems.push_back({"", 0, 0, utf8(field), utf8(message)});
    };
    LearningEntry e;
    e.title = text("title");
    e.provider = text("provider");
    e.evidence = text("evidence");
    e.category = trim(utf8(XRCCTRL(*this, "category", wxComboBox)->GetValue()));
    e.source = "external";
    if (e.title.empty()) refuse(_("Title"), _("say what it was"));
    if (e.provider.empty()) refuse(_("Provider"), _("say who ran it"));
    if (e.category.empty()) refuse(_("Category"), _("choose a category, such as ethics"));
    const std::string date = text("date");
    if (const auto on = parse_date(date)) e.on = *on;
    else refuse(_("Date"), wxString::Format(_("'%s' is not a date in the form YYYY-MM-DD"), wx(date)));
    double hours = 0;
    wxString typed = wx(text("hours"));
    typed.Replace(",", ".");
    if (!typed.ToCDouble(&hours) || !std::isfinite(hours) || hours <= 0 || hours > 1000)
        refuse(_("Hours"), wxString::Format(_("'%s' is not a number of hours from 0 to 1000"), wx(text("hours"))));
    e.minutes = static_cast<int>(std::lround(hours * 60));
    if (!problems.empty()) throw InputError{problems};
    return e;
}

}  // namespace mitra::app
