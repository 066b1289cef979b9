// Completion: who is complete, on track or not, what each still needs in words, and a coordinator's override.
#include <wx/button.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/wrapsizer.h>

#include <algorithm>

#include "app/columns.hpp"
#include "app/cohort_pages.hpp"
#include "app/dialogs.hpp"
#include "app/guard.hpp"
#include "app/i18n.hpp"
#include "app/practice_dialogs.hpp"
#include "app/reason_words.hpp"
#include "app/record_dialogs.hpp"
#include "app/text.hpp"
#include "store/practice_repo.hpp"
#include "store/repos.hpp"

namespace mitra::app {
namespace {

wxString status_of(bool complete, bool on_track) {
    return complete ? _("complete") : on_track ? _("on track") : _("not on track");
}

}  // namespace

CompletionPage::CompletionPage(wxWindow* parent, AppContext& context, const std::string& cohort_code)
    : CohortPage(parent, context, cohort_code, "completion") {
    auto* column = new wxBoxSizer(wxVERTICAL);
    // The buttons go on a second line when large text or a narrow window leaves no room for one.
    auto* bar = new wxWrapSizer(wxHORIZONTAL);
    auto* override_button = new wxButton(this, wxID_ANY, _("&Override a module…"));
    override_button->SetToolTip(_("Decide a module for the selected person, with a reason (Alt+O)"));
    // What completion needs besides attendance, for everyone selected at once (Ctrl+A selects the whole cohort).
    auto* assessment = new wxButton(this, wxID_ANY, _("&Assessment…"));
    assessment->SetName("record_assessment");
    assessment->SetToolTip(_("Record an assessment result for the selected people (Alt+A)"));
    auto* practice = new wxButton(this, wxID_ANY, _("Supervised &practice…"));
    practice->SetName("record_practice");
    practice->SetToolTip(_("Log supervised practice for the selected people (Alt+P)"));
    auto* ethics = new wxButton(this, wxID_ANY, _("&Ethics acknowledged…"));
    ethics->SetName("record_ethics");
    ethics->SetToolTip(_("Record that the selected people acknowledged the code of ethics (Alt+E)"));
    bar->Add(assessment, 0, wxRIGHT | wxBOTTOM, 4);
    bar->Add(practice, 0, wxRIGHT | wxBOTTOM, 4);
    // Observed practice rated on the module's rubric, for the chosen person.
    auto* observed = new wxButton(this, wxID_ANY, _("Observe&d assessment…"));
    observed->SetName("record_observation");
    observed->SetToolTip(_("Rate the chosen person's observed practice on the module's rubric (Alt+D)"));
    bar->Add(ethics, 0, wxRIGHT | wxBOTTOM, 4);
    bar->Add(observed, 0, wxRIGHT | wxBOTTOM, 4);
    // Completion deadlines (issue 21): who is near or past theirs, and extensions.
    auto* deadlines_button = new wxButton(this, wxID_ANY, _("Dead&lines…"));
    deadlines_button->SetName("deadlines");
    deadlines_button->SetToolTip(_("People near or past their completion deadline, and extensions (Alt+L)"));
    bar->Add(deadlines_button, 0, wxRIGHT | wxBOTTOM, 4);
    bar->Add(override_button, 0, wxBOTTOM, 4);
    override_button->MoveAfterInTabOrder(deadlines_button);  // made first, shown last: Tab follows what is shown
    column->Add(bar, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 8);
    totals_ = new wxStaticText(this, wxID_ANY, "");  // a line of its own: the buttons leave it no room at 1024 wide
    totals_->SetName("totals");
    column->Add(totals_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 8);

    auto* splitter = new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxSP_LIVE_UPDATE);
    list_ =
        new wxDataViewListCtrl(splitter, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxDV_ROW_LINES | wxDV_MULTIPLE);
    list_->SetName("completion");
    list_->AppendTextColumn(_("Ref"), wxDATAVIEW_CELL_INERT, column_width(list_, _("Ref"), 80));
    list_->AppendTextColumn(_("Name"), wxDATAVIEW_CELL_INERT, column_width(list_, _("Name"), 180));
    list_->AppendTextColumn(_("Status"), wxDATAVIEW_CELL_INERT, column_width(list_, _("Status"), 100));
    list_->AppendTextColumn(_("What is still needed"), wxDATAVIEW_CELL_INERT,
                            column_width(list_, _("What is still needed"), 600), wxALIGN_LEFT,
                            wxDATAVIEW_COL_RESIZABLE);
    modules_ = new wxDataViewListCtrl(splitter, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxDV_ROW_LINES);
    modules_->SetName("completion_modules");
    modules_->AppendTextColumn(_("Module"), wxDATAVIEW_CELL_INERT, column_width(modules_, _("Module"), 60));
    modules_->AppendTextColumn(_("Title"), wxDATAVIEW_CELL_INERT, column_width(modules_, _("Title"), 260));
    modules_->AppendTextColumn(_("Status"), wxDATAVIEW_CELL_INERT, column_width(modules_, _("Status"), 100));
    modules_->AppendTextColumn(_("Minutes attended / needed"), wxDATAVIEW_CELL_INERT,
                               column_width(modules_, _("Minutes attended / needed"), 200));
    modules_->AppendTextColumn(_("Why not yet"), wxDATAVIEW_CELL_INERT, column_width(modules_, _("Why not yet"), 420),
                               wxALIGN_LEFT, wxDATAVIEW_COL_RESIZABLE);
    splitter->SplitHorizontally(list_, modules_, FromDIP(300));
    splitter->SetSashGravity(0.6);
    splitter->SetMinimumPaneSize(FromDIP(110));  // each list keeps a few rows on a small screen
    column->Add(splitter, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 8);
    auto* reason_row = new wxBoxSizer(wxHORIZONTAL);
    auto* reason_label = new wxStaticText(this, wxID_ANY, _("S&till needed:"));
    reason_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(-1, FromDIP(54)),
                             wxTE_MULTILINE | wxTE_READONLY | wxTE_WORDWRAP);
    reason_->SetName(_("Still needed"));
    reason_->SetToolTip(_("Everything the chosen person still needs, in full"));
    reason_row->Add(reason_label, 0, wxRIGHT, 8);
    reason_row->Add(reason_, 1, wxEXPAND);
    column->Add(reason_row, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 8);
    SetSizer(column);

    list_->Bind(wxEVT_DATAVIEW_SELECTION_CHANGED, [this](wxDataViewEvent&) { show_modules(list_->GetSelectedRow()); });
    list_->Bind(wxEVT_DATAVIEW_ITEM_ACTIVATED, [this](wxDataViewEvent&) { override_selected(); });
    override_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { override_selected(); });
    assessment->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { record_selected(RecordKind::assessment); });
    practice->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { record_selected(RecordKind::practice); });
    ethics->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { record_selected(RecordKind::ethics); });
    observed->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { observe_selected(); });
    deadlines_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { deadlines(); });
}

void CompletionPage::refresh() {
    const auto selected = selected_refs();
    guarded(this, [&] {
        results_ = store::cohort_completion(context_.db(), cohort_, context_.today(), context_.language());
        store::ParticipantQuery query;
        query.cohort_code = cohort_;
        names_.clear();
        for (const auto& p : store::ParticipantRepo(context_.db()).list(query)) names_[p.ref] = p.full_name;
    });
    list_->DeleteAllItems();
    int complete = 0, on_track = 0;
    for (const auto& r : results_) {
        complete += r.complete ? 1 : 0;
        on_track += !r.complete && r.on_track ? 1 : 0;
        wxVector<wxVariant> values;
        values.push_back(wx(r.ref));
        values.push_back(wx(names_[r.ref]));
        values.push_back(status_of(r.complete, r.on_track));
        values.push_back(in_interface_direction(completion_phrase(r)));
        list_->AppendItem(values);
    }
    totals_->SetLabel(wxString::Format(_("%d complete, %d on track, %d not on track, of %zu people."), complete,
                                       on_track, static_cast<int>(results_.size()) - complete - on_track,
                                       results_.size()));
    for (std::size_t row = 0; row < results_.size(); ++row)
        if (std::find(selected.begin(), selected.end(), results_[row].ref) != selected.end())
            list_->SelectRow(static_cast<unsigned>(row));
    show_modules(list_->GetSelectedRow());
}

void CompletionPage::show_modules(int row) {
    modules_->DeleteAllItems();
    reason_->Clear();
    if (row == wxNOT_FOUND || row >= static_cast<int>(results_.size())) return;
    const auto& person = results_[static_cast<std::size_t>(row)];
    reason_->ChangeValue(person.complete ? _("Nothing: complete.") : in_interface_direction(completion_phrase(person)));
    for (const auto& m : results_[static_cast<std::size_t>(row)].modules) {
        wxVector<wxVariant> values;
        values.push_back(wx(m.code));
        values.push_back(wx(m.title) + (m.required ? wxString() : " " + _("(elective)")));
        values.push_back(m.overridden ? status_of(m.complete, m.on_track) + " " + _("(override)")
                                      : status_of(m.complete, m.on_track));
        values.push_back(wxString::Format("%d / %d", m.attended_minutes, m.required_minutes));
        values.push_back(shortfalls_phrase(m));  // the code and title have columns of their own
        modules_->AppendItem(values);
    }
}

void CompletionPage::override_selected() {
    const int row = list_->GetSelectedRow();
    if (row == wxNOT_FOUND) return show_info(this, _("Choose a person in the list first."));
    const auto& person = results_[static_cast<std::size_t>(row)];
    std::vector<CodeAndTitle> modules;
    for (const auto& m : person.modules) modules.emplace_back(m.code, m.title);
    OverrideDialog dialog(this, wx(names_[person.ref] + "  (" + person.ref + ")"), modules);
    while (dialog.ShowModal() == wxID_OK)
        if (apply_override(dialog.decision(person.ref))) return;
}

std::vector<std::string> CompletionPage::selected_refs() const {
    std::vector<std::string> refs;
    wxDataViewItemArray items;
    list_->GetSelections(items);
    for (const auto& item : items) {
        const int row = list_->ItemToRow(item);
        if (row != wxNOT_FOUND && row < static_cast<int>(results_.size()))
            refs.push_back(results_[static_cast<std::size_t>(row)].ref);
    }
    std::sort(refs.begin(), refs.end());
    return refs;
}

bool CompletionPage::record_selected(RecordKind kind) {
    if (!record_for(this, context_, kind, cohort_, selected_refs())) return false;
    refresh();
    return true;
}

bool CompletionPage::observe_selected() {
    const int row = list_->GetSelectedRow();
    const std::string ref = row == wxNOT_FOUND ? "" : results_[static_cast<std::size_t>(row)].ref;
    if (!observe_for(this, context_, cohort_, ref)) return false;
    refresh();
    return true;
}

bool CompletionPage::supervise_selected() {
    const int row = list_->GetSelectedRow();
    const std::string ref = row == wxNOT_FOUND ? "" : results_[static_cast<std::size_t>(row)].ref;
    if (!supervise_for(this, context_, cohort_, ref)) return false;
    refresh();
    return true;
}

void CompletionPage::deadlines() {
    show_deadlines(this, context_, cohort_);
    refresh();
}

bool CompletionPage::release_selected() {
    const int row = list_->GetSelectedRow();
    if (row == wxNOT_FOUND) return show_info(this, _("Choose a person in the list first.")), false;
    const std::string ref = results_[static_cast<std::size_t>(row)].ref;
    std::vector<std::string> held;  // modules of this cohort with results held back
    guarded(this, [&] {
        for (const auto& a : store::PracticeRepo(context_.db()).observations(ref))
            if (!a.released_on && std::find(held.begin(), held.end(), a.module_code) == held.end())
                for (const auto& m : results_[static_cast<std::size_t>(row)].modules)
                    if (m.code == a.module_code) held.push_back(a.module_code);
    });
    if (held.empty()) return show_info(this, wxString::Format(_("No result is held back for %s."), wx(ref))), false;
    wxString modules;
    for (const auto& code : held) modules << (modules.empty() ? "" : ", ") << wx(code);
    if (!ask_yes_no(this,
                    wxString::Format(_("Release the held-back observed assessment results of %s in %s to them now?"),
                                     wx(ref), modules),
                    _("Release"), _("Keep held back")))
        return false;
    const bool released = guarded(this, [&] {
        store::PracticeRepo practice(context_.db());
        for (const auto& code : held) practice.release(cohort_, ref, code, context_.today());
    });
    refresh();
    return released;
}

bool CompletionPage::apply_override(const CompletionOverride& decision) {
    if (!guarded(this, [&] { store::RecordsRepo(context_.db()).override_completion(cohort_, decision); })) return false;
    refresh();
    return true;
}

}  // namespace mitra::app
