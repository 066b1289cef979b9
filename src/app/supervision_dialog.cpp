// forms/supervision_dialog.xrc: a supervision entry of one person in a practice module, kept by the PracticeRepo;
// whether it will count is core's answer (credential_valid_on), shown before anything is kept.
#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/radiobut.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/xrc/xmlres.h>

#include <algorithm>

#include "app/guard.hpp"
#include "app/practice_dialogs.hpp"
#include "app/text.hpp"
#include "core/text.hpp"
#include "store/practice_repo.hpp"
#include "store/repos.hpp"

namespace mitra::app {
namespace {

Problem problem(const wxString& field, const wxString& message) {
    return Problem{"", 0, 0, utf8(field), utf8(message)};
}

bool has_practice(const Module& m) { return m.supervised_minutes > 0 || m.supervision.any(); }

}  // namespace

SupervisionDialog::SupervisionDialog(wxWindow* parent, const wxString& person, const SupervisionSetting& setting)
    : setting_(setting) {
    wxXmlResource::Get()->LoadDialog(this, parent, "SupervisionDialog");
    XRCCTRL(*this, "person", wxStaticText)->SetLabel(person);
    XRCCTRL(*this, "day", wxTextCtrl)->ChangeValue(wx(setting.today));
    auto* modules = XRCCTRL(*this, "module", wxChoice);
    for (const auto& m : setting.curriculum.modules) {
        if (!has_practice(m)) continue;
        modules_.push_back(m.code);
        modules->Append(wx(m.code + "  " + m.title.in(setting.language)));
        if (m.code == setting.module) modules->SetSelection(static_cast<int>(modules_.size()) - 1);
    }
    if (modules->GetSelection() == wxNOT_FOUND && !modules_.empty()) modules->SetSelection(0);
    auto* supervisor = XRCCTRL(*this, "supervisor", wxChoice);
    for (std::size_t i = 0; i < setting.supervisors.size(); ++i) {
        const auto& s = setting.supervisors[i];
        supervisor->Append(wx(s.ref + "  " + s.name));
        if (s.ref == setting.supervisor) supervisor->SetSelection(static_cast<int>(i));
    }
    if (supervisor->GetSelection() == wxNOT_FOUND && !setting.supervisors.empty()) supervisor->SetSelection(0);
    XRCCTRL(*this, "note_words", wxStaticText)->Wrap(FromDIP(420));
    supervisor->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { update(); });
    XRCCTRL(*this, "day", wxTextCtrl)->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { update(); });
    SetEscapeId(wxID_CANCEL);
    update();
}

void SupervisionDialog::update() {
    const int at = XRCCTRL(*this, "supervisor", wxChoice)->GetSelection();
    const auto day = parse_date(trim(utf8(XRCCTRL(*this, "day", wxTextCtrl)->GetValue())));
    if (at == wxNOT_FOUND) {
        counts_text_ = _("Choose a supervisor to see whether the entry will count.");
    } else if (!day) {
        counts_text_ = _("Type the day as YYYY-MM-DD to see whether the entry will count.");
    } else {
        const Supervisor& s = setting_.supervisors[static_cast<std::size_t>(at)];
        counts_text_ =
            credential_valid_on(s, *day)
                ? wxString::Format(_("This entry will count: %s's credential is valid on %s."), wx(s.ref), wx(*day))
                : wxString::Format(_("This entry will be kept but will not count: %s has no credential "
                                     "valid on %s."),
                                   wx(s.ref), wx(*day));
    }
    auto* counts = XRCCTRL(*this, "counts", wxStaticText);
    counts->SetLabel(counts_text_);
    counts->Wrap(FromDIP(480));
    Layout();
    Fit();
}

SupervisionEntry SupervisionDialog::entry(const std::string& ref) const {
    Problems problems;
    SupervisionEntry e;
    e.participant_ref = ref;
    const int module = XRCCTRL(*this, "module", wxChoice)->GetSelection();
    if (module == wxNOT_FOUND) problems.push_back(problem(_("Module"), _("choose a practice module")));
    else e.module_code = modules_[static_cast<std::size_t>(module)];
    const int supervisor = XRCCTRL(*this, "supervisor", wxChoice)->GetSelection();
    if (supervisor == wxNOT_FOUND) problems.push_back(problem(_("Supervisor"), _("choose a supervisor on record")));
    else e.supervisor_ref = setting_.supervisors[static_cast<std::size_t>(supervisor)].ref;
    e.format =
        XRCCTRL(*this, "group", wxRadioButton)->GetValue() ? SupervisionFormat::group : SupervisionFormat::one_to_one;
    const std::string minutes = trim(utf8(XRCCTRL(*this, "minutes", wxTextCtrl)->GetValue()));
    long value = 0;
    if (!wx(minutes).ToLong(&value) || value < 1 || value > 24 * 60)
        problems.push_back(
            problem(_("Minutes"), wxString::Format(_("'%s' is not a number of minutes from 1 to 1440"), wx(minutes))));
    else e.minutes = static_cast<int>(value);
    const std::string typed = trim(utf8(XRCCTRL(*this, "day", wxTextCtrl)->GetValue()));
    if (const auto on = parse_date(typed)) {
        e.day = *on;
        if (setting_.today < *on) problems.push_back(problem(_("Day"), _("the day has not come yet")));
        else if (*on < setting_.cohort_start)
            problems.push_back(problem(_("Day"), _("the day is before the cohort started")));
    } else {
        problems.push_back(
            problem(_("Day"), wxString::Format(_("'%s' is not a date in the form YYYY-MM-DD"), wx(typed))));
    }
    e.note = trim(utf8(XRCCTRL(*this, "note", wxTextCtrl)->GetValue()));
    if (!problems.empty()) throw InputError{problems};
    return e;
}

bool supervise_for(wxWindow* parent, AppContext& context, const std::string& cohort_code, const std::string& ref) {
    if (ref.empty()) {
        show_info(parent, _("Choose a person in the list first."));
        return false;
    }
    SupervisionSetting setting;
    if (!guarded(parent, [&] {
            // The module offered first: the first practice module the person has not completed.
            const Cohort cohort = read_practice_setting(context, cohort_code, ref, has_practice, setting);
            setting.supervisors = store::PracticeRepo(context.db()).supervisors();
            // The supervisor offered first: the cohort's lead trainer when they supervise.
            if (!cohort.trainer_refs.empty())
                for (const auto& s : setting.supervisors)
                    if (s.kind == SupervisorKind::trainer && s.trainer_ref == cohort.trainer_refs.front())
                        setting.supervisor = s.ref;
        }))
        return false;
    if (std::none_of(setting.curriculum.modules.begin(), setting.curriculum.modules.end(), has_practice)) {
        show_info(parent, _("This cohort's curriculum has no module with supervised practice."));
        return false;
    }
    if (setting.supervisors.empty()) {
        show_info(parent, _("No supervisor is on record yet: add one first with Supervisors… in the Trainers view."));
        return false;
    }
    SupervisionDialog dialog(parent, wx(ref), setting);
    return show_until_kept(dialog, [&] {
        auto e = dialog.entry(ref);
        store::PracticeRepo(context.db()).log_supervision(cohort_code, e);
    });
}

}  // namespace mitra::app
