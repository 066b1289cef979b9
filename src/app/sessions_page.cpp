// Sessions: plan the whole curriculum, add, move or remove one, with its trainer and co-facilitator.
#include <wx/button.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "app/columns.hpp"
#include "app/cohort_pages.hpp"
#include "app/dialogs.hpp"
#include "app/guard.hpp"
#include "app/text.hpp"
#include "app/trainer_dialogs.hpp"
#include "core/text.hpp"
#include "store/repos.hpp"

namespace mitra::app {
namespace {

std::vector<CodeAndTitle> module_choices(AppContext& context, const std::string& cohort_code,
                                         Curriculum* out = nullptr) {
    std::vector<CodeAndTitle> modules;
    const auto cohort = store::AppQueries(context.db()).find_cohort(cohort_code);
    if (!cohort) return modules;
    const auto curriculum = store::CohortRepo(context.db()).curriculum_of(*cohort);
    for (const auto& m : curriculum.modules) modules.emplace_back(m.code, m.title.in(context.language()));
    if (out) *out = curriculum;
    return modules;
}

}  // namespace

SessionsPage::SessionsPage(wxWindow* parent, AppContext& context, const std::string& cohort_code)
    : CohortPage(parent, context, cohort_code, "sessions") {
    auto* column = new wxBoxSizer(wxVERTICAL);
    auto* bar = new wxBoxSizer(wxHORIZONTAL);
    auto* plan = new wxButton(this, wxID_ANY, _("&Schedule from the curriculum…"));
    auto* add = new wxButton(this, wxID_ANY, _("&Add…"));
    auto* move = new wxButton(this, wxID_ANY, _("&Move or change trainer…"));
    auto* remove = new wxButton(this, wxID_ANY, _("&Remove"));
    for (auto* b : {plan, add, move, remove}) bar->Add(b, 0, wxRIGHT, 4);
    column->Add(bar, 0, wxALL, 8);
    summary_ = new wxStaticText(this, wxID_ANY, "");
    summary_->SetName("sessions_summary");
    column->Add(summary_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 8);
    list_ = new wxDataViewListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxDV_ROW_LINES);
    list_->SetName("sessions");
    list_->AppendTextColumn(_("No."), wxDATAVIEW_CELL_INERT, column_width(list_, _("No."), 50));
    list_->AppendTextColumn(_("Module"), wxDATAVIEW_CELL_INERT, column_width(list_, _("Module"), 60));
    // A long title ends in "…" in its column; the whole of it shows on hover and in the details line below.
    list_->AppendTextColumn(_("Title"), wxDATAVIEW_CELL_INERT, column_width(list_, _("Title"), 200))
        ->GetRenderer()
        ->EnableEllipsize(wxELLIPSIZE_END);
    list_->AppendTextColumn(_("Date"), wxDATAVIEW_CELL_INERT, column_width(list_, _("Date"), 95));
    list_->AppendTextColumn(_("Starts"), wxDATAVIEW_CELL_INERT, column_width(list_, _("Starts"), 60));
    list_->AppendTextColumn(_("Minutes"), wxDATAVIEW_CELL_INERT, column_width(list_, _("Minutes"), 65));
    list_->AppendTextColumn(_("Trainer"), wxDATAVIEW_CELL_INERT, column_width(list_, _("Trainer"), 270));
    list_->AppendTextColumn(_("Co-facilitator"), wxDATAVIEW_CELL_INERT, column_width(list_, _("Co-facilitator"), 150));
    column->Add(list_, 1, wxEXPAND | wxLEFT | wxRIGHT, 8);
    // The chosen session in full (the Title and Trainer columns may cut it), with what would fix a missing trainer.
    details_line_ = new wxStaticText(this, wxID_ANY, "");
    details_line_->SetName("session_details");
    column->Add(details_line_, 0, wxEXPAND | wxALL, 8);
    SetSizer(column);
    list_->Bind(wxEVT_DATAVIEW_SELECTION_CHANGED, [this](wxDataViewEvent&) { show_selected_note(); });
    // The session under the mouse, in full, as a tooltip (wx reports the motion where each port chooses: the
    // pointer's screen position, taken to the list's client area, is what HitTest reads everywhere).
    list_->GetMainWindow()->Bind(wxEVT_MOTION, [this](wxMouseEvent& e) {
        e.Skip();
        wxDataViewItem item;
        wxDataViewColumn* column = nullptr;
        list_->HitTest(list_->ScreenToClient(wxGetMousePosition()), item, column);
        const wxString tip = item.IsOk() ? session_text(list_->ItemToRow(item)) : wxString();
        wxWindow* shown = list_->GetMainWindow();
        if (shown->GetToolTipText() != tip) shown->SetToolTip(tip);
    });
    Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        e.Skip();
        CallAfter([this] { wrap_notes(); });
    });

    plan->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { plan_from_curriculum(); });
    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { add_session(); });
    move->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { move_selected(); });
    list_->Bind(wxEVT_DATAVIEW_ITEM_ACTIVATED, [this](wxDataViewEvent&) { move_selected(); });
    remove->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { remove_selected(); });
}

void SessionsPage::refresh() {
    guarded(this, [&] {
        Curriculum curriculum;
        module_choices(context_, cohort_, &curriculum);
        std::map<std::string, std::string> trainer_names;
        for (const auto& t : store::TrainerRepo(context_.db()).list()) trainer_names[t.ref] = t.name;
        sessions_ = store::SessionRepo(context_.db()).list(cohort_);
        // Core judges who may teach each session; the cohort's trainers explain a session nobody may teach.
        const auto trainers = store::TrainerRepo(context_.db()).qualifications();
        const auto cohort = store::AppQueries(context_.db()).find_cohort(cohort_);
        const std::vector<std::string> preferred = cohort ? cohort->trainer_refs : std::vector<std::string>{};
        covers_.clear();
        int without = 0, nobody = 0;
        for (const auto& s : sessions_) {
            covers_.push_back(cover_session(s.module_code, s.date, trainers, preferred));
            without += s.trainer_ref.empty();
            nobody += s.trainer_ref.empty() && covers_.back().may_teach.empty();
        }
        wxString summary;
        if (without > 0)
            summary =
                wxString::Format(_("%d of %d sessions have no trainer, and for %d of those no trainer is qualified "
                                   "and certified yet. Choose a session to see why."),
                                 without, static_cast<int>(sessions_.size()), nobody);
        summary_text_ = summary;
        list_->DeleteAllItems();
        titles_.clear();
        for (std::size_t i = 0; i < sessions_.size(); ++i) {
            const Session& s = sessions_[i];
            const Module* m = curriculum.module(s.module_code);
            titles_.push_back(wx(m ? m->title.in(context_.language()) : ""));
            wxVector<wxVariant> values;
            values.push_back(wxString::Format("%lld", s.id));
            values.push_back(wx(s.module_code));
            values.push_back(titles_.back());
            values.push_back(wx(s.date));
            values.push_back(wx(to_string(s.start_time)));
            values.push_back(wxString::Format("%d", s.minutes));
            const auto named = [&](const std::string& ref) {
                return wx(ref.empty() ? "" : trainer_names[ref] + " (" + ref + ")");
            };
            values.push_back(s.trainer_ref.empty() ? session_note(s, covers_[i]) : named(s.trainer_ref));
            values.push_back(named(s.co_facilitator_ref));
            list_->AppendItem(values);
        }
        show_selected_note();
    });
}

wxString SessionsPage::session_text(int row) const {
    if (row < 0 || row >= static_cast<int>(sessions_.size())) return {};
    const Session& s = sessions_[static_cast<std::size_t>(row)];
    return wxString::Format(_("Session %lld, %s: %s. %s at %s, %d minutes."), s.id, wx(s.module_code),
                            titles_[static_cast<std::size_t>(row)], wx(s.date), wx(to_string(s.start_time)), s.minutes);
}

void SessionsPage::show_selected_note() {
    const int row = list_->GetSelectedRow();
    wxString line;
    if (row != wxNOT_FOUND && row < static_cast<int>(sessions_.size())) {
        const Session& s = sessions_[static_cast<std::size_t>(row)];
        const SessionCover& cover = covers_[static_cast<std::size_t>(row)];
        line = session_text(row);
        if (s.trainer_ref.empty() && !cover.may_teach.empty())
            line << "\n" << session_note(s, cover) << ". " << _("Choose one with Move or change trainer (Alt+M).");
        else if (s.trainer_ref.empty())
            line << "\n" << session_note(s, cover) << ". " << fix_for(cover.explained_by, cover.bar);
    }
    details_text_ = line;
    wrap_notes();
}

void SessionsPage::wrap_notes() {
    const int width = std::max(100, GetClientSize().GetWidth() - FromDIP(16));
    // Each line takes room only when it says something: no blank line when every session has a trainer.
    summary_->SetLabel(summary_text_);
    summary_->Wrap(width);
    summary_->Show(!summary_text_.empty());
    details_line_->SetLabel(details_text_);
    details_line_->Wrap(width);
    details_line_->Show(!details_text_.empty());
    Layout();
}

bool SessionsPage::plan_from_curriculum() {
    std::optional<Cohort> cohort;
    Curriculum curriculum;
    std::vector<Trainer> trainers;
    std::vector<TrainerQualifications> qualifications;
    std::size_t existing = 0;
    if (!guarded(this,
                 [&] {
                     cohort = store::AppQueries(context_.db()).find_cohort(cohort_);
                     if (!cohort) return;
                     curriculum = store::CohortRepo(context_.db()).curriculum_of(*cohort);
                     trainers = store::TrainerRepo(context_.db()).list();
                     qualifications = store::TrainerRepo(context_.db()).qualifications();
                     existing = store::SessionRepo(context_.db()).list(cohort_).size();
                 }) ||
        !cohort)
        return false;
    if (existing > 0) {
        show_info(this, wxString::Format(wxPLURAL("This cohort has %zu session already: add, move or remove sessions "
                                                  "one by one.",
                                                  "This cohort has %zu sessions already: add, move or remove sessions "
                                                  "one by one.",
                                                  existing),
                                         existing));
        return false;
    }
    ScheduleDialog dialog(this, curriculum, *cohort, trainers, qualifications);
    while (dialog.ShowModal() == wxID_OK) {
        std::optional<ScheduleChoice> chosen;
        if (!guarded(&dialog, [&] { chosen = dialog.choice(); })) continue;
        if (schedule(*chosen)) return true;
    }
    return false;
}

bool SessionsPage::schedule(const ScheduleChoice& choice) {
    // One transaction in the store: every session or none. What was left without a trainer, and why, the
    // dialog said before; the page says it again above the list and on each session.
    if (!guarded(this, [&] {
            store::SessionRepo(context_.db())
                .schedule(cohort_, choice.every_days, choice.start, nullptr, choice.trainer_ref);
        }))
        return false;
    refresh();
    return true;
}

std::optional<Session> SessionsPage::selected() const {
    const int row = list_->GetSelectedRow();
    if (row == wxNOT_FOUND || row >= static_cast<int>(sessions_.size())) return std::nullopt;
    return sessions_[static_cast<std::size_t>(row)];
}

void SessionsPage::add_session() {
    std::vector<CodeAndTitle> modules;
    std::vector<Trainer> trainers;
    Session initial;
    if (!guarded(this, [&] {
            modules = module_choices(context_, cohort_);
            trainers = store::TrainerRepo(context_.db()).list();
            const auto cohort = store::AppQueries(context_.db()).find_cohort(cohort_);
            if (cohort && !cohort->trainer_refs.empty()) initial.trainer_ref = cohort->trainer_refs.front();
        }))
        return;
    initial.cohort_code = cohort_;
    initial.date = context_.today();
    initial.start_time = LocalTime{10, 0};
    SessionDialog dialog(this, modules, trainers, initial, false);
    while (dialog.ShowModal() == wxID_OK)
        if (guarded(&dialog, [&] { store::SessionRepo(context_.db()).add(dialog.session()); })) return refresh();
}

void SessionsPage::move_selected() {
    const auto session = selected();
    if (!session) return show_info(this, _("Choose a session in the list first."));
    std::vector<CodeAndTitle> modules;
    std::vector<Trainer> trainers;
    if (!guarded(this, [&] {
            modules = module_choices(context_, cohort_);
            trainers = store::TrainerRepo(context_.db()).list();
        }))
        return;
    SessionDialog dialog(this, modules, trainers, *session, true);
    while (dialog.ShowModal() == wxID_OK) {
        if (guarded(&dialog, [&] {
                const Session changed = dialog.session();
                const bool when = changed.date != session->date || changed.start_time != session->start_time;
                const bool who = changed.trainer_ref != session->trainer_ref ||
                                 changed.co_facilitator_ref != session->co_facilitator_ref;
                // One change: the store checks that each trainer may teach the module on the (new) day.
                context_.db().write([&] {
                    store::SessionRepo sessions(context_.db());
                    // The old trainers may not teach on the new day: let go first, then moved, then the new ones.
                    if (when && who) sessions.assign(session->id, "", "");
                    if (when) sessions.move(session->id, changed.date, changed.start_time);
                    if (who) sessions.assign(session->id, changed.trainer_ref, changed.co_facilitator_ref);
                });
            }))
            return refresh();
    }
}

void SessionsPage::remove_selected() {
    const auto session = selected();
    if (!session) return show_info(this, _("Choose a session in the list first."));
    if (guarded(this, [&] { store::SessionRepo(context_.db()).remove(session->id); })) refresh();
}

}  // namespace mitra::app
