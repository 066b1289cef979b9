// forms/schedule_dialog.xrc: the whole curriculum planned from the cohort's start, shown before anything is kept.
#include <wx/button.h>
#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/xrc/xmlres.h>

#include <algorithm>
#include <map>
#include <optional>

#include "app/dialogs.hpp"
#include "app/text.hpp"
#include "app/trainer_dialogs.hpp"
#include "core/certification.hpp"
#include "core/problem.hpp"
#include "core/schedule.hpp"
#include "core/text.hpp"

namespace mitra::app {
namespace {

// "Thursday 2026-06-04": the day as every date in Mitra, with its weekday in the interface's language (from the
// catalogs, not the system's locale, which may not be installed).
wxString day_with_weekday(const Date& day) {
    const wxString names[] = {_("Monday"), _("Tuesday"),  _("Wednesday"), _("Thursday"),
                              _("Friday"), _("Saturday"), _("Sunday")};
    return names[weekday(day)] + " " + wx(day);  // core: Monday 0 ... Sunday 6
}

bool may_teach(const TrainerQualifications& q, const Session& s) {
    return !teaching_bar(q.qualified_modules, q.certifications, s.module_code, s.date);
}

const TrainerQualifications* qualifications_of(const std::vector<TrainerQualifications>& all, const std::string& ref) {
    for (const auto& q : all)
        if (q.ref == ref) return &q;
    return nullptr;
}

// The sessions `lead` ("" for none) will not be on, grouped by why no one may teach them (core's cover_session,
// explained by the lead or else by the cohort's trainers), each with what would fix it, as the Trainers view does.
wxString without_trainer_note(const std::vector<Session>& plan, const std::string& lead,
                              const std::vector<TrainerQualifications>& trainers,
                              const std::vector<std::string>& cohort_trainers) {
    struct Reason {
        TeachingBar bar;  // the first session's, its module_code then standing for all of them
        std::vector<std::string> modules;
    };
    std::map<std::pair<std::string, TeachingBar::Reason>, Reason> reasons;
    const TrainerQualifications* chosen = qualifications_of(trainers, lead);
    const std::vector<std::string> preferred = lead.empty() ? cohort_trainers : std::vector<std::string>{lead};
    int without = 0, could = 0;
    for (const auto& s : plan) {
        if (chosen && may_teach(*chosen, s)) continue;
        ++without;
        const SessionCover cover = cover_session(s.module_code, s.date, trainers, preferred);
        if (!cover.may_teach.empty()) {
            ++could;
            continue;
        }
        auto [at, added] = reasons.try_emplace({cover.explained_by, cover.bar.reason}, Reason{cover.bar, {}});
        auto& modules = at->second.modules;
        if (std::find(modules.begin(), modules.end(), s.module_code) == modules.end()) modules.push_back(s.module_code);
    }
    if (without == 0) return {};
    const int total = static_cast<int>(plan.size());
    wxString note = wxString::Format(
        wxPLURAL("%d of the %d sessions will have no trainer:", "%d of the %d sessions will have no trainer:", without),
        without, total);
    for (auto& [who, reason] : reasons) {
        reason.bar.module_code = join(reason.modules, ", ");
        note << "\n• " << describe_bar(who.first, reason.bar) << ". " << fix_for(who.first, reason.bar);
    }
    if (could > 0)
        note << "\n• "
             << wxString::Format(
                    wxPLURAL("%d could have a trainer: choose one above, or later with Move or change trainer.",
                             "%d could have a trainer: choose one above, or later with Move or change trainer.", could),
                    could);
    return note;
}

}  // namespace

ScheduleDialog::ScheduleDialog(wxWindow* parent, const Curriculum& curriculum, const Cohort& cohort,
                               const std::vector<Trainer>& trainers,
                               const std::vector<TrainerQualifications>& qualifications)
    : curriculum_(curriculum), cohort_(cohort), trainers_(trainers), qualifications_(qualifications) {
    wxXmlResource::Get()->LoadDialog(this, parent, "ScheduleDialog");
    SetTitle(wxString::Format(_("Schedule %s from the curriculum"), wx(cohort.code)));
    XRCCTRL(*this, "every_days", wxSpinCtrl)->Bind(wxEVT_SPINCTRL, [this](wxSpinEvent&) { update(); });
    XRCCTRL(*this, "every_days", wxSpinCtrl)->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { update(); });
    XRCCTRL(*this, "start_time", wxTextCtrl)->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { update(); });
    XRCCTRL(*this, "trainer", wxChoice)->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { update(); });
    SetEscapeId(wxID_CANCEL);
    // Enter schedules from any field: in the trainer list too, where the toolkit would open the list instead.
    // A focused button keeps its own Enter (Cancel cancels).
    Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& e) {
        const bool enter = e.GetKeyCode() == WXK_RETURN || e.GetKeyCode() == WXK_NUMPAD_ENTER;
        if (!enter || e.HasAnyModifiers() || dynamic_cast<wxButton*>(FindFocus())) return e.Skip();
        wxWindow* ok = FindWindow(wxID_OK);
        if (!ok->IsEnabled()) return;
        wxCommandEvent pressed(wxEVT_BUTTON, wxID_OK);
        pressed.SetEventObject(ok);
        ok->ProcessWindowEvent(pressed);
    });
    update();
    XRCCTRL(*this, "every_days", wxSpinCtrl)->SetFocus();
}

void ScheduleDialog::update() {
    const int every = XRCCTRL(*this, "every_days", wxSpinCtrl)->GetValue();
    const auto start = parse_time(trim(utf8(XRCCTRL(*this, "start_time", wxTextCtrl)->GetValue())));
    const std::vector<Session> plan = plan_schedule(curriculum_, cohort_, every, start.value_or(LocalTime{}));
    const int total = static_cast<int>(plan.size());

    // The trainers who may teach some of these sessions (the days decide whose certification holds), the one
    // chosen kept, else the cohort's lead, else whoever may teach the most.
    auto* trainer = XRCCTRL(*this, "trainer", wxChoice);
    const int at = trainer->GetSelection();
    std::optional<std::string> chosen;  // none until the choice is first filled
    if (at == 0) chosen = "";
    else if (at > 0) chosen = offered_[static_cast<std::size_t>(at - 1)];
    std::vector<std::string> refs;
    wxArrayString labels;
    labels.push_back(_("No trainer"));
    std::string most;
    int most_count = 0;
    for (const auto& t : trainers_) {
        const TrainerQualifications* q = qualifications_of(qualifications_, t.ref);
        if (!q) continue;
        const int count = static_cast<int>(
            std::count_if(plan.begin(), plan.end(), [&](const Session& s) { return may_teach(*q, s); }));
        if (count == 0) continue;
        const wxString sessions = count == total
                                      ? wxString::Format(wxPLURAL("the %d session", "all %d sessions", total), total)
                                      : wxString::Format(_("%d of the %d sessions"), count, total);
        labels.push_back(wx(t.name + (t.latin_name.empty() ? "" : " (" + t.latin_name + ")") + "  " + t.ref) + " — " +
                         sessions);
        refs.push_back(t.ref);
        if (count > most_count) most = t.ref, most_count = count;
    }
    if (labels != trainer->GetStrings()) {  // the list itself changes only when the days change who may teach
        trainer->Set(labels);
        offered_ = refs;
    }
    const auto offered = [this](const std::string& ref) {
        return std::find(offered_.begin(), offered_.end(), ref) != offered_.end();
    };
    if (!chosen || (!chosen->empty() && !offered(*chosen))) {
        const std::string lead = cohort_.trainer_refs.empty() ? std::string() : cohort_.trainer_refs.front();
        chosen = offered(lead) ? lead : most;
    }
    const auto found = std::find(offered_.begin(), offered_.end(), *chosen);
    const int selection = found == offered_.end() ? 0 : static_cast<int>(found - offered_.begin()) + 1;
    if (trainer->GetSelection() != selection) trainer->SetSelection(selection);

    const int width = FromDIP(460);
    note_text_ = without_trainer_note(plan, *chosen, qualifications_, cohort_.trainer_refs);
    auto* note = XRCCTRL(*this, "trainer_note", wxStaticText);
    note->SetLabel(note_text_);
    note->Wrap(width);
    note->Show(!note_text_.empty());

    wxString& text = plan_text_;
    text.clear();
    if (plan.empty()) text = _("The curriculum has no modules, so there is nothing to schedule.");
    else {
        const int modules = static_cast<int>(curriculum_.modules.size());
        text = start ? wxString::Format(wxPLURAL("%d session for %d modules, each starting at %s.",
                                                 "%d sessions for %d modules, each starting at %s.", total),
                                        total, modules, wx(to_string(*start)))
                     : wxString::Format(wxPLURAL("%d session for %d modules.", "%d sessions for %d modules.", total),
                                        total, modules);
        text << "\n" << wxString::Format(_("First: %s"), day_with_weekday(plan.front().date));
        text << "\n" << wxString::Format(_("Last: %s"), day_with_weekday(plan.back().date));
    }
    auto* shown = XRCCTRL(*this, "plan", wxStaticText);
    shown->SetLabel(text);
    shown->Wrap(width);
    FindWindow(wxID_OK)->Enable(!plan.empty());
    Layout();
    Fit();
}

ScheduleChoice ScheduleDialog::choice() const {
    ScheduleChoice c;
    c.every_days = XRCCTRL(*this, "every_days", wxSpinCtrl)->GetValue();
    const wxString typed = XRCCTRL(*this, "start_time", wxTextCtrl)->GetValue();
    const auto start = parse_time(trim(utf8(typed)));
    if (!start) {
        InputError error;
        error.problems.push_back({"", 0, 0, utf8(_("Sessions start at")),
                                  utf8(wxString::Format(_("'%s' is not a time in the form HH:MM (24-hour)"), typed))});
        throw error;
    }
    c.start = *start;
    const int at = XRCCTRL(*this, "trainer", wxChoice)->GetSelection();
    if (at > 0) c.trainer_ref = offered_[static_cast<std::size_t>(at - 1)];
    return c;
}

}  // namespace mitra::app
