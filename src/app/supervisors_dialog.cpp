// forms/supervisors_dialog.xrc: the supervisors on record and their credentials, a new supervisor and a renewal,
// kept by the PracticeRepo (which refuses bad input naming the field).
#include <wx/button.h>
#include <wx/choicdlg.h>
#include <wx/choice.h>
#include <wx/dataview.h>
#include <wx/intl.h>
#include <wx/radiobut.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/xrc/xmlres.h>

#include <algorithm>

#include "app/columns.hpp"
#include "app/guard.hpp"
#include "app/i18n.hpp"
#include "app/practice_dialogs.hpp"
#include "app/text.hpp"
#include "core/text.hpp"
#include "io/practice_words.hpp"
#include "store/practice_repo.hpp"
#include "store/repos.hpp"

namespace mitra::app {
namespace {

Problem problem(const wxString& field, const wxString& message) {
    return Problem{"", 0, 0, utf8(field), utf8(message)};
}

std::string typed(const wxDialog& dialog, const char* name) {
    return trim(utf8(static_cast<wxTextCtrl*>(dialog.FindWindow(name))->GetValue()));
}

// The date typed in `name`, or a problem naming `field`.
Date day(const wxDialog& dialog, const char* name, const wxString& field, Problems& problems) {
    const std::string text = typed(dialog, name);
    if (const auto on = parse_date(text)) return *on;
    problems.push_back(problem(field, wxString::Format(_("'%s' is not a date in the form YYYY-MM-DD"), wx(text))));
    return Date{};
}

// The credential typed (name, valid from, expires); nullopt when every field of it is empty and `optional`.
std::optional<SupervisorCredential> credential_typed(const wxDialog& dialog, bool optional, Problems& problems) {
    SupervisorCredential c;
    c.name = typed(dialog, "credential");
    if (optional && c.name.empty() && typed(dialog, "valid_from").empty() && typed(dialog, "expires").empty())
        return std::nullopt;
    if (c.name.empty()) problems.push_back(problem(_("Credential"), _("type the credential's name")));
    c.valid_from = day(dialog, "valid_from", _("Valid from"), problems);
    c.expires_on = day(dialog, "expires", _("Expires"), problems);
    if (problems.empty() && c.expires_on < c.valid_from)
        problems.push_back(problem(_("Expires"), _("the credential expires before it is valid")));
    return c;
}

wxString kind_words(SupervisorKind kind) {
    return wx(io::supervisor_kind_words(kind, io::catalog(interface_catalog())));
}

}  // namespace

SupervisorsDialog::SupervisorsDialog(wxWindow* parent, AppContext& context) : context_(context) {
    wxXmlResource::Get()->LoadDialog(this, parent, "SupervisorsDialog");
    list_ = new wxDataViewListCtrl(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(760, 260)), wxDV_ROW_LINES);
    list_->SetName("supervisors");
    list_->AppendTextColumn(_("Ref"), wxDATAVIEW_CELL_INERT, column_width(list_, _("Ref"), 80));
    list_->AppendTextColumn(_("Name"), wxDATAVIEW_CELL_INERT, column_width(list_, _("Name"), 170));
    list_->AppendTextColumn(_("Kind"), wxDATAVIEW_CELL_INERT, column_width(list_, _("Kind"), 140));
    list_->AppendTextColumn(_("Credential"), wxDATAVIEW_CELL_INERT, column_width(list_, _("Credential"), 190));
    list_->AppendTextColumn(_("Expires"), wxDATAVIEW_CELL_INERT, column_width(list_, _("Expires"), 100));
    list_->AppendTextColumn(_("Valid today"), wxDATAVIEW_CELL_INERT, column_width(list_, _("Valid today"), 90));
    wxXmlResource::Get()->AttachUnknownControl("supervisors", list_, this);
    XRCCTRL(*this, "add_supervisor", wxButton)->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { add_supervisor(); });
    XRCCTRL(*this, "add_credential", wxButton)->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { add_credential(); });
    XRCCTRL(*this, "verify_person", wxButton)->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { verify_person(); });
    list_->Bind(wxEVT_DATAVIEW_ITEM_ACTIVATED, [this](wxDataViewEvent&) { add_credential(); });
    SetEscapeId(wxID_CANCEL);
    refresh();
    Fit();
}

bool SupervisorsDialog::verify_person() {
    const int row = list_->GetSelectedRow();
    if (row == wxNOT_FOUND) return false;
    const std::string supervisor = supervisors_[static_cast<std::size_t>(row)].ref;
    const wxString ref =
        ask_text(this, _("Supervisor's verification"),
                 wxString::Format(_("The ref of the person whose practice %s verifies:"), wx(supervisor)), "");
    const std::string person = utf8(ref.Strip(wxString::both));
    if (person.empty()) return false;
    // The person's cohort, asked when they are in several; none (a ref not on record): the workflow says so.
    std::vector<std::string> cohorts;
    if (!guarded(this, [&] {
            for (const auto& [code, completion] :
                 store::participant_completion(context_.db(), person, context_.today()))
                cohorts.push_back(code);
        }))
        return false;
    std::string cohort = cohorts.size() == 1 ? cohorts.front() : "";
    if (cohorts.size() > 1) {
        wxArrayString codes;
        for (const auto& code : cohorts) codes.Add(wx(code));
        wxSingleChoiceDialog ask(this, wxString::Format(_("In which cohort is the practice of %s?"), wx(person)),
                                 _("Supervisor's verification"), codes);
        ask.SetName("choose_cohort");
        ask.SetSelection(static_cast<int>(cohorts.size()) - 1);  // the latest code, most often the current one
        if (ask.ShowModal() != wxID_OK || ask.GetSelection() == wxNOT_FOUND) return false;
        cohort = cohorts[static_cast<std::size_t>(ask.GetSelection())];
    }
    return save_verification_by(this, context_, person, cohort, supervisor);
}

void SupervisorsDialog::refresh() {
    const int chosen = list_->GetSelectedRow();
    guarded(this, [&] { supervisors_ = store::PracticeRepo(context_.db()).supervisors(); });
    list_->DeleteAllItems();
    for (const auto& s : supervisors_) {
        // The latest credential: the one that expires last (a renewal may be entered before an older one's end).
        const auto latest = std::max_element(
            s.credentials.begin(), s.credentials.end(),
            [](const SupervisorCredential& a, const SupervisorCredential& b) { return a.expires_on < b.expires_on; });
        wxVector<wxVariant> values;
        values.push_back(wx(s.ref));
        values.push_back(wx(s.name));
        values.push_back(s.kind == SupervisorKind::trainer ? wxString::Format(_("trainer %s"), wx(s.trainer_ref))
                                                           : kind_words(s.kind));
        values.push_back(latest == s.credentials.end() ? _("none") : wx(latest->name));
        values.push_back(latest == s.credentials.end() ? wxString("-") : wx(latest->expires_on));
        values.push_back(credential_valid_on(s, context_.today()) ? _("yes") : _("no"));
        list_->AppendItem(values);
    }
    if (!supervisors_.empty())
        list_->SelectRow(static_cast<unsigned>(std::clamp(chosen, 0, static_cast<int>(supervisors_.size()) - 1)));
}

bool SupervisorsDialog::add_supervisor() {
    std::vector<Trainer> trainers;
    if (!guarded(this, [&] { trainers = store::TrainerRepo(context_.db()).list(); })) return false;
    wxDialog dialog;
    wxXmlResource::Get()->LoadDialog(&dialog, this, "SupervisorDialog");
    auto* trainer = XRCCTRL(dialog, "trainer", wxChoice);
    for (const auto& t : trainers) trainer->Append(wx(t.ref + "  " + t.name));
    auto* is_trainer = XRCCTRL(dialog, "trainer_kind", wxRadioButton);
    trainer->Enable(false);
    auto follow = [trainer, is_trainer](wxCommandEvent&) {
        trainer->Enable(is_trainer->GetValue());
        if (is_trainer->GetValue() && trainer->GetSelection() == wxNOT_FOUND && trainer->GetCount() > 0)
            trainer->SetSelection(0);
    };
    is_trainer->Bind(wxEVT_RADIOBUTTON, follow);
    XRCCTRL(dialog, "outside", wxRadioButton)->Bind(wxEVT_RADIOBUTTON, follow);
    XRCCTRL(dialog, "valid_from", wxTextCtrl)->ChangeValue(wx(context_.today()));
    dialog.SetEscapeId(wxID_CANCEL);
    dialog.Fit();
    if (!show_until_kept(dialog, [&] {
            Problems problems;
            Supervisor s;
            s.ref = typed(dialog, "ref");
            s.name = typed(dialog, "name");
            if (s.ref.empty()) problems.push_back(problem(_("Ref"), _("type a short code, such as S-01")));
            if (s.name.empty()) problems.push_back(problem(_("Name"), _("type the supervisor's name")));
            if (is_trainer->GetValue()) {
                s.kind = SupervisorKind::trainer;
                const int at = trainer->GetSelection();
                if (at == wxNOT_FOUND) problems.push_back(problem(_("Which trainer"), _("choose the trainer")));
                else s.trainer_ref = trainers[static_cast<std::size_t>(at)].ref;
            }
            if (const auto c = credential_typed(dialog, true, problems)) s.credentials.push_back(*c);
            if (!problems.empty()) throw InputError{problems};
            store::PracticeRepo(context_.db()).add_supervisor(s);
        }))
        return false;
    refresh();
    return true;
}

bool SupervisorsDialog::add_credential() {
    const int row = list_->GetSelectedRow();
    if (row == wxNOT_FOUND) return show_info(this, _("Choose a supervisor in the list first.")), false;
    const Supervisor& s = supervisors_[static_cast<std::size_t>(row)];
    wxDialog dialog;
    wxXmlResource::Get()->LoadDialog(&dialog, this, "CredentialDialog");
    XRCCTRL(dialog, "supervisor", wxStaticText)->SetLabel(wxString::Format(_("Supervisor %s"), wx(s.ref)));
    if (!s.credentials.empty()) XRCCTRL(dialog, "credential", wxTextCtrl)->ChangeValue(wx(s.credentials.back().name));
    XRCCTRL(dialog, "valid_from", wxTextCtrl)->ChangeValue(wx(context_.today()));
    dialog.SetEscapeId(wxID_CANCEL);
    dialog.Fit();
    const std::string ref = s.ref;
    if (!show_until_kept(dialog, [&] {
            Problems problems;
            const auto c = credential_typed(dialog, false, problems);
            if (!problems.empty()) throw InputError{problems};
            store::PracticeRepo(context_.db()).add_credential(ref, *c);
        }))
        return false;
    refresh();
    return true;
}

void show_supervisors(wxWindow* parent, AppContext& context) {
    SupervisorsDialog dialog(parent, context);
    dialog.ShowModal();
}

}  // namespace mitra::app
