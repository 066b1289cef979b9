// forms/qualify_dialog.xrc and forms/trainer_certification_dialog.xrc, and the words for a trainer's bar.
#include "app/trainer_dialogs.hpp"

#include <wx/checklst.h>
#include <wx/combobox.h>
#include <wx/intl.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/xrc/xmlres.h>

#include <algorithm>

#include "app/i18n.hpp"
#include "app/text.hpp"
#include "core/problem.hpp"
#include "core/text.hpp"
#include "io/record_words.hpp"

namespace mitra::app {

QualifyDialog::QualifyDialog(wxWindow* parent, const wxString& trainer, const std::vector<CodeAndTitle>& modules,
                             const std::vector<std::string>& already) {
    wxXmlResource::Get()->LoadDialog(this, parent, "QualifyDialog");
    SetTitle(wxString::Format(_("Qualify %s"), trainer));
    for (const auto& m : modules)
        if (std::find(already.begin(), already.end(), m.first) == already.end()) offered_.push_back(m);
    XRCCTRL(*this, "already", wxStaticText)
        ->SetLabel(already.empty() ? _("Not yet qualified for any module.")
                                   : wxString::Format(_("Already qualified for: %s."), wx(join(already, ", "))));
    auto* list = XRCCTRL(*this, "modules", wxCheckListBox);
    list->SetName(_("Modules to add"));
    for (const auto& [code, title] : offered_) list->Append(wx(code + "  " + title));
    if (!offered_.empty()) list->SetSelection(0);
    list->SetFocus();
    SetEscapeId(wxID_CANCEL);
    Fit();
}

void QualifyDialog::check(const std::vector<std::string>& codes) {
    auto* list = XRCCTRL(*this, "modules", wxCheckListBox);
    for (unsigned i = 0; i < offered_.size(); ++i)
        list->Check(i, std::find(codes.begin(), codes.end(), offered_[i].first) != codes.end());
}

std::vector<std::string> QualifyDialog::chosen() const {
    std::vector<std::string> out;
    auto* list = XRCCTRL(*this, "modules", wxCheckListBox);
    for (unsigned i = 0; i < offered_.size(); ++i)
        if (list->IsChecked(i)) out.push_back(offered_[i].first);
    return out;
}

namespace {

// The levels the shipped curricula's trainer certifications name, as stored.
constexpr const char* kLevels[] = {"trainer", "senior trainer"};

}  // namespace

wxString level_words(const std::string& level) {
    return wx(io::trainer_level_words(level, io::catalog(interface_catalog())));
}

TrainerCertificationDialog::TrainerCertificationDialog(wxWindow* parent, const wxString& trainer,
                                                       const wxString& standing, const Date& today) {
    wxXmlResource::Get()->LoadDialog(this, parent, "TrainerCertificationDialog");
    SetTitle(wxString::Format(_("Trainer certification of %s"), trainer));
    XRCCTRL(*this, "standing", wxStaticText)->SetLabel(standing);
    auto* level = XRCCTRL(*this, "level", wxComboBox);
    // The levels in the interface's language (stored as the curricula's trainer certifications name them); another
    // may be typed.
    for (const char* known : kLevels) level->Append(level_words(known));
    level->SetSelection(0);
    level->SetName(_("Level"));
    XRCCTRL(*this, "issued", wxTextCtrl)->SetName(_("Issued on"));
    XRCCTRL(*this, "issued", wxTextCtrl)->ChangeValue(wx(today));
    XRCCTRL(*this, "months", wxSpinCtrl)->SetName(_("Months valid"));
    level->SetFocus();
    SetEscapeId(wxID_CANCEL);
    Fit();
}

void TrainerCertificationDialog::fill(const wxString& level, const wxString& issued, int months) {
    XRCCTRL(*this, "level", wxComboBox)->SetValue(level);
    XRCCTRL(*this, "issued", wxTextCtrl)->ChangeValue(issued);
    XRCCTRL(*this, "months", wxSpinCtrl)->SetValue(months);
}

TrainerCertificationInput TrainerCertificationDialog::input() const {
    TrainerCertificationInput in;
    in.level = trim(utf8(XRCCTRL(*this, "level", wxComboBox)->GetValue()));
    for (const char* known : kLevels)
        if (wx(in.level) == level_words(known)) in.level = known;  // a level offered: stored as the curriculum names it
    in.months = XRCCTRL(*this, "months", wxSpinCtrl)->GetValue();
    const std::string issued = trim(utf8(XRCCTRL(*this, "issued", wxTextCtrl)->GetValue()));
    if (const auto day = parse_date(issued)) in.issued = *day;
    else
        throw InputError{{{"", 0, 0, utf8(_("Issued on")),
                           utf8(wxString::Format(_("'%s' is not a date in the form YYYY-MM-DD"), wx(issued)))}}};
    return in;
}

wxString standing_text(const std::vector<store::TrainerCertificationRecord>& held, const Date& today) {
    if (held.empty()) return _("Not certified as a trainer.");
    const auto& latest = held.front();  // the store gives the latest expiry first
    if (validity_on(latest.expires_on, today) == Validity::expired)
        return wxString::Format(_("Trainer certification (%s) expired on %s."), level_words(latest.level),
                                wx(latest.expires_on));
    return wxString::Format(_("Certified as %s until %s."), level_words(latest.level), wx(latest.expires_on));
}

wxString describe_bar(const std::string& ref, const TeachingBar& bar) {
    using Reason = TeachingBar::Reason;
    switch (bar.reason) {
        case Reason::none: return {};
        case Reason::not_qualified:
            return ref.empty() ? wxString::Format(_("no trainer is qualified for %s"), wx(bar.module_code))
                               : wxString::Format(_("%s is not qualified for %s"), wx(ref), wx(bar.module_code));
        case Reason::not_certified: return wxString::Format(_("%s holds no trainer certification"), wx(ref));
        case Reason::certified_later:
            return wxString::Format(_("%s's trainer certification starts after %s"), wx(ref), wx(bar.day));
        case Reason::certification_expired:
            return wxString::Format(_("%s's trainer certification expired on %s"), wx(ref), wx(bar.expired_on));
    }
    return {};
}

wxString fix_for(const std::string& ref, const TeachingBar& bar) {
    using Reason = TeachingBar::Reason;
    switch (bar.reason) {
        case Reason::none: return {};
        case Reason::not_qualified:
            return wxString::Format(_("Qualify a trainer for %s in Trainers."), wx(bar.module_code));
        case Reason::not_certified:
        case Reason::certified_later:
            return wxString::Format(_("Record %s's trainer certification in Trainers."), wx(ref));
        case Reason::certification_expired:
            return wxString::Format(_("Record %s's renewed trainer certification in Trainers."), wx(ref));
    }
    return {};
}

wxString session_note(const Session& session, const SessionCover& cover) {
    if (!session.trainer_ref.empty()) return {};
    if (!cover.may_teach.empty())
        return wxString::Format(_("No trainer yet: %s may teach it"), wx(join(cover.may_teach, ", ")));
    return wxString::Format(_("No trainer: %s"), describe_bar(cover.explained_by, cover.bar));
}

}  // namespace mitra::app
