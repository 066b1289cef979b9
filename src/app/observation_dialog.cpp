// forms/observation_dialog.xrc: one person's observed practice rated on a module's rubric, checked by core's rules
// and kept by the PracticeRepo; the criteria's rows are made here, as many as the chosen module's rubric has.
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/scrolwin.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/xrc/xmlres.h>

#include <algorithm>

#include "app/accessibility.hpp"
#include "app/guard.hpp"
#include "app/record_dialogs.hpp"
#include "app/screen_room.hpp"
#include "app/text.hpp"
#include "core/text.hpp"
#include "store/practice_repo.hpp"
#include "store/repos.hpp"

namespace mitra::app {
namespace {

constexpr int kNotObserved = kRubricTopLevel + 1;  // the level choices' last item: "No opportunity to observe"

wxString level_choice_name(std::size_t criterion, bool second) {
    return wxString::Format(second ? "second_level_%zu" : "level_%zu", criterion + 1);
}

void fill_levels(wxChoice* choice) {
    for (int level = 0; level <= kRubricTopLevel; ++level) choice->Append(wxString::Format("%d", level));
    choice->Append(_("No opportunity to observe"));
}

void at_least_a_line(wxWindow* choice) {
    const int high = choice->GetCharHeight() + choice->FromDIP(10);
    choice->SetMinSize(wxSize(-1, std::max(choice->GetBestSize().y, high)));
}

wxString outcome_words(ObservedOutcome outcome) {
    return outcome == ObservedOutcome::met ? _("met") : _("asked to repeat");
}

Problem problem(const wxString& field, const wxString& message) {
    return Problem{"", 0, 0, utf8(field), utf8(message)};
}

}  // namespace

ObservationDialog::ObservationDialog(wxWindow* parent, const wxString& person, const ObservationSetting& setting)
    : setting_(setting) {
    wxXmlResource::Get()->LoadDialog(this, parent, "ObservationDialog");
    XRCCTRL(*this, "person", wxStaticText)->SetLabel(person);
    XRCCTRL(*this, "day", wxTextCtrl)->ChangeValue(wx(setting.today));
    auto* modules = XRCCTRL(*this, "module", wxChoice);
    for (const auto& m : setting.curriculum.modules) {
        if (!m.rubric) continue;
        modules_.push_back(m.code);
        modules->Append(wx(m.code + "  " + m.title.in(setting.language)));
        if (m.code == setting.module) modules->SetSelection(static_cast<int>(modules_.size()) - 1);
    }
    if (modules->GetSelection() == wxNOT_FOUND && !modules_.empty()) modules->SetSelection(0);
    auto* rater = XRCCTRL(*this, "rater", wxChoice);
    auto* second = XRCCTRL(*this, "second_rater", wxChoice);
    second->Append(_("No second rater"));
    second->SetSelection(0);
    for (const auto& t : setting.raters) {
        raters_.push_back(t.ref);
        rater->Append(wx(t.ref + "  " + t.name));
        second->Append(wx(t.ref + "  " + t.name));
        if (t.ref == setting.rater) rater->SetSelection(static_cast<int>(raters_.size()) - 1);
    }
    modules->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { show_rubric(); });
    second->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { update(); });
    XRCCTRL(*this, "held_back", wxCheckBox)->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { update(); });
    SetEscapeId(wxID_CANCEL);
    show_rubric();
}

const Rubric* ObservationDialog::rubric() const {
    const int at = XRCCTRL(*this, "module", wxChoice)->GetSelection();
    if (at == wxNOT_FOUND) return nullptr;
    const Module* m = setting_.curriculum.module(modules_[static_cast<std::size_t>(at)]);
    return m && m->rubric ? &*m->rubric : nullptr;
}

void ObservationDialog::show_rubric() {
    auto* panel = XRCCTRL(*this, "criteria", wxScrolledWindow);
    panel->SetScrollRate(0, panel->GetCharHeight());
    panel->DestroyChildren();
    auto* column = new wxBoxSizer(wxVERTICAL);
    if (const Rubric* r = rubric()) {
        for (std::size_t i = 0; i < r->criteria.size(); ++i) {
            // Made in reading order, so Tab goes criterion, its level, the second rater's level, the next criterion.
            // The criterion's number is its mnemonic (Alt+1 ...): unique in the dialog, whatever the language.
            const wxString title =
                wxString::Format(_("&%zu. %s"), i + 1, wx(r->criteria[i].title.in(setting_.language)));
            // Wrapped, so a long title leaves the row room on the screen for its choices.
            auto* titled = new wxStaticText(panel, wxID_ANY, title);
            titled->Wrap(wrap_width(this, 280));
            auto* level = new wxChoice(panel, wxID_ANY);
            level->SetName(level_choice_name(i, false));
            fill_levels(level);
            level->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { update(); });
            // As high as a line of its words (GTK's choice is shorter than a line of large text), and no higher
            // when the criterion's title beside it wraps onto more lines.
            at_least_a_line(level);
            // The label names the choice for a screen reader: with the criterion's number, as every row has one.
            auto* second_label =
                new wxStaticText(panel, wxID_ANY, wxString::Format(_("Second rater's level (%zu)"), i + 1));
            auto* second = new wxChoice(panel, wxID_ANY);
            second->SetName(level_choice_name(i, true));
            fill_levels(second);
            second->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { update(); });
            at_least_a_line(second);
            // One row: the title, its level, the second rater's label and level. Where the screen has no room for
            // that (large text), the title goes on a line of its own above the rest: the same order either way, for
            // Tab and for the labels that name the choices.
            const int one_line = titled->GetBestSize().x + level->GetBestSize().x + second_label->GetBestSize().x +
                                 second->GetBestSize().x + 24;
            auto* row = new wxBoxSizer(wxHORIZONTAL);
            // The dialog's borders and the criteria's scroll bar beside the row.
            if (one_line + FromDIP(80) <= screen_room(this).width) {
                row->Add(titled, 1, wxALIGN_CENTER_VERTICAL | wxRIGHT, 8);
            } else {
                column->Add(titled, 0, wxEXPAND | wxTOP, 8);
            }
            row->Add(level, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 8);
            row->Add(second_label, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 8);
            row->Add(second, 0, wxALIGN_CENTER_VERTICAL);
            column->Add(row, 0, wxEXPAND | wxTOP, 8);
            auto* words = new wxStaticText(panel, wxID_ANY, "");
            words->SetName(wxString::Format("descriptor_%zu", i + 1));
            column->Add(words, 0, wxEXPAND | wxLEFT | wxTOP, 4);
        }
    }
    panel->SetSizer(column, true);
    update();
    if (IsShown()) name_controls(this);  // rows made for another module after the naming pass ran on showing
}

std::optional<int> ObservationDialog::chosen_level(std::size_t criterion, bool second, bool& chosen) const {
    auto* choice = dynamic_cast<wxChoice*>(FindWindow(level_choice_name(criterion, second)));
    const int at = choice ? choice->GetSelection() : wxNOT_FOUND;
    chosen = at != wxNOT_FOUND;
    if (!chosen || at == kNotObserved) return std::nullopt;
    return at;
}

wxString ObservationDialog::descriptor(std::size_t criterion) const {
    auto* words = FindWindow(wxString::Format("descriptor_%zu", criterion + 1));
    if (!words) return {};
    // Its words as one line, as they were before wrapping to the screen's width put line ends between them.
    wxString text = static_cast<wxStaticText*>(words)->GetLabel();
    text.Replace("\n", " ");
    return text;
}

void ObservationDialog::update() {
    const Rubric* r = rubric();
    const bool has_second = XRCCTRL(*this, "second_rater", wxChoice)->GetSelection() > 0;
    bool all_rated = r != nullptr;
    ObservedAssessment a;
    if (r) {
        const int width = wrap_width(this, 560);
        for (std::size_t i = 0; i < r->criteria.size(); ++i) {
            bool chosen = false;
            const auto level = chosen_level(i, false, chosen);
            wxString text;
            if (chosen)
                text = level ? wx(r->criteria[i].levels[static_cast<std::size_t>(*level)].in(setting_.language))
                             : _("No opportunity to observe this criterion.");
            auto* words = static_cast<wxStaticText*>(FindWindow(wxString::Format("descriptor_%zu", i + 1)));
            words->SetLabel(text);
            words->Wrap(width);
            FindWindow(level_choice_name(i, true))->Enable(has_second);
            bool second_chosen = false;
            const auto second = chosen_level(i, true, second_chosen);
            all_rated = all_rated && chosen && (!has_second || second_chosen);
            a.ratings.push_back({r->criteria[i].key, level, has_second ? second : std::nullopt});
        }
    }
    if (!all_rated) {
        outcome_text_ = has_second ? _("Choose both raters' level for every criterion to see the outcome.")
                                   : _("Choose a level for every criterion to see the outcome.");
    } else {
        const auto judged = judge_observation(*r, a);
        outcome_text_ = XRCCTRL(*this, "held_back", wxCheckBox)->GetValue()
                            ? wxString::Format(_("Saving records the outcome \"%s\", held back until released."),
                                               outcome_words(judged.outcome))
                            : wxString::Format(_("Saving records the outcome \"%s\", shown to the person now."),
                                               outcome_words(judged.outcome));
    }
    auto* outcome = XRCCTRL(*this, "outcome", wxStaticText);
    outcome->SetLabel(outcome_text_);
    outcome->Wrap(wrap_width(this, 560));
    // As tall as the screen has room for: the criteria scroll beyond that, the buttons stay on the screen.
    fit_to_screen(this, XRCCTRL(*this, "criteria", wxScrolledWindow));
}

ObservedAssessment ObservationDialog::assessment(const std::string& ref) const {
    Problems problems;
    ObservedAssessment a;
    a.participant_ref = ref;
    const int at = XRCCTRL(*this, "module", wxChoice)->GetSelection();
    if (at == wxNOT_FOUND) problems.push_back(problem(_("Module"), _("choose a module with a rubric")));
    else a.module_code = modules_[static_cast<std::size_t>(at)];
    a.method = static_cast<ObservationMethod>(std::max(0, XRCCTRL(*this, "method", wxChoice)->GetSelection()));
    const std::string typed = trim(utf8(XRCCTRL(*this, "day", wxTextCtrl)->GetValue()));
    if (const auto on = parse_date(typed)) {
        a.observed_on = *on;
        if (setting_.today < *on) problems.push_back(problem(_("Day"), _("the day has not come yet")));
        else if (*on < setting_.cohort_start)
            problems.push_back(problem(_("Day"), _("the day is before the cohort started")));
    } else {
        problems.push_back(
            problem(_("Day"), wxString::Format(_("'%s' is not a date in the form YYYY-MM-DD"), wx(typed))));
    }
    const int rater = XRCCTRL(*this, "rater", wxChoice)->GetSelection();
    if (rater == wxNOT_FOUND) problems.push_back(problem(_("Rater"), _("say who rated")));
    else a.rater = raters_[static_cast<std::size_t>(rater)];
    const int second = XRCCTRL(*this, "second_rater", wxChoice)->GetSelection();
    if (second > 0) a.second_rater = raters_[static_cast<std::size_t>(second - 1)];
    if (!a.second_rater.empty() && a.second_rater == a.rater)
        problems.push_back(problem(_("Second rater"), _("the second rater must be someone other than the rater")));
    if (const Rubric* r = rubric()) {
        for (std::size_t i = 0; i < r->criteria.size(); ++i) {
            const wxString field =
                wxString::Format(_("Criterion %zu, %s"), i + 1, wx(r->criteria[i].title.in(setting_.language)));
            bool chosen = false, second_chosen = false;
            const auto level = chosen_level(i, false, chosen);
            const auto second_level = chosen_level(i, true, second_chosen);
            if (!chosen) problems.push_back(problem(field, _("choose a level, or No opportunity to observe")));
            if (!a.second_rater.empty() && !second_chosen)
                problems.push_back(problem(field, _("choose the second rater's level too")));
            a.ratings.push_back({r->criteria[i].key, level, a.second_rater.empty() ? std::nullopt : second_level});
        }
    }
    if (!XRCCTRL(*this, "held_back", wxCheckBox)->GetValue()) a.released_on = setting_.today;
    if (!problems.empty()) throw InputError{problems};
    return a;
}

Cohort read_practice_setting(AppContext& context, const std::string& cohort_code, const std::string& ref,
                             const std::function<bool(const Module&)>& offered, PracticeSetting& setting) {
    store::CohortRepo cohorts(context.db());
    const auto cohort = cohorts.find(cohort_code);
    if (!cohort) throw InputError{{problem(_("Cohort"), _("this cohort no longer exists"))}};
    setting.curriculum = cohorts.curriculum_of(*cohort);
    setting.cohort_start = cohort->start_date;
    setting.today = context.today();
    setting.language = context.language();
    for (const auto& p : store::cohort_completion(context.db(), cohort_code, setting.today))
        if (p.ref == ref)
            for (const auto& mc : p.modules) {
                const Module* m = setting.curriculum.module(mc.code);
                if (setting.module.empty() && m && offered(*m) && !mc.complete) setting.module = mc.code;
            }
    return *cohort;
}

bool observe_for(wxWindow* parent, AppContext& context, const std::string& cohort_code, const std::string& ref) {
    if (ref.empty()) {
        show_info(parent, _("Choose a person in the list first."));
        return false;
    }
    ObservationSetting setting;
    if (!guarded(parent, [&] {
            const Cohort cohort = read_practice_setting(
                context, cohort_code, ref, [](const Module& m) { return m.rubric.has_value(); }, setting);
            setting.raters = store::TrainerRepo(context.db()).list();
            if (!cohort.trainer_refs.empty()) setting.rater = cohort.trainer_refs.front();
        }))
        return false;
    const bool any_rubric = std::any_of(setting.curriculum.modules.begin(), setting.curriculum.modules.end(),
                                        [](const Module& m) { return m.rubric.has_value(); });
    if (!any_rubric) {
        show_info(parent, _("This cohort's curriculum has no module assessed by observation on a rubric."));
        return false;
    }
    ObservationDialog dialog(parent, wx(ref), setting);
    return show_until_kept(dialog, [&] {
        auto a = dialog.assessment(ref);
        store::PracticeRepo(context.db()).observe(cohort_code, a);
    });
}

}  // namespace mitra::app
