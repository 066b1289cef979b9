// A cohort's workspace: who it is, and its pages (Enrol, Sessions, Attendance, Completion, Print).
#include "app/cohort_panel.hpp"

#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "app/cohort_pages.hpp"
#include "app/guard.hpp"
#include "app/i18n.hpp"
#include "app/text.hpp"
#include "store/app_queries.hpp"
#include "store/repos.hpp"

namespace mitra::app {

CohortPage::CohortPage(wxWindow* parent, AppContext& context, const std::string& cohort_code, const wxString& name)
    : wxPanel(parent, wxID_ANY), context_(context), cohort_(cohort_code) {
    SetName(name);
}

CohortPanel::CohortPanel(wxWindow* parent, AppContext& context, const std::string& cohort_code)
    : wxPanel(parent, wxID_ANY), context_(context), cohort_(cohort_code) {
    SetName("cohort_" + wx(cohort_code));
    auto* column = new wxBoxSizer(wxVERTICAL);
    // One line: ended with "…" when the window is narrow, the whole of it in the tooltip.
    header_ = new wxStaticText(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, wxST_ELLIPSIZE_END);
    column->Add(header_, 0, wxEXPAND | wxALL, 8);
    notebook_ = new wxNotebook(this, wxID_ANY);
    enrol_ = new EnrolPage(notebook_, context_, cohort_);
    sessions_ = new SessionsPage(notebook_, context_, cohort_);
    attendance_ = new AttendancePage(notebook_, context_, cohort_);
    completion_ = new CompletionPage(notebook_, context_, cohort_);
    print_ = new PrintPage(notebook_, context_, cohort_);
    notebook_->AddPage(enrol_, _("Enrol"));
    notebook_->AddPage(sessions_, _("Sessions"));
    notebook_->AddPage(attendance_, _("Attendance"));
    notebook_->AddPage(completion_, _("Completion"));
    notebook_->AddPage(print_, _("Print certificates"));
    column->Add(notebook_, 1, wxEXPAND);
    SetSizer(column);

    // Pages read the database when shown, so each shows what the others changed.
    notebook_->Bind(wxEVT_NOTEBOOK_PAGE_CHANGED, [this](wxBookCtrlEvent& e) {
        if (e.GetEventObject() != notebook_) return e.Skip();
        if (auto* page = dynamic_cast<CohortPage*>(notebook_->GetPage(static_cast<size_t>(e.GetSelection())))) {
            page->refresh();
            if (page == attendance_) attendance_->focus_marks();
        }
        refresh_header();
    });
    // The header counts people as the cohort has them: read again after any change made in the window.
    Bind(wxEVT_IDLE, [this](wxIdleEvent& e) {
        e.Skip();
        if (context_.is_open() && context_.db().committed_writes() != header_read_at_ && IsShownOnScreen())
            refresh_header();
    });
    // A cohort with people and sessions opens where trainers spend their time: the attendance grid.
    attendance_->refresh();
    const bool ready = !attendance_->sheet().people.empty() && !attendance_->sheet().sessions.empty();
    if (ready) {
        notebook_->ChangeSelection(attendance_page);
        refresh_header();
        focus_start();
        CallAfter([this] { focus_start(); });  // again once laid out: only then can the grid scroll to the cell
    } else {
        show_page(enrol_page);
    }
}

void CohortPanel::focus_start() {
    if (notebook_->GetSelection() == attendance_page) attendance_->focus_nearest_session();
}

void CohortPanel::show_page(Page page) {
    auto* target = dynamic_cast<CohortPage*>(notebook_->GetPage(static_cast<size_t>(page)));
    if (notebook_->GetSelection() == static_cast<int>(page)) target->refresh();
    else notebook_->ChangeSelection(static_cast<size_t>(page)), target->refresh();
    if (page == attendance_page) attendance_->focus_marks();
    refresh_header();
}

void CohortPanel::refresh_header() {
    guarded(this, [&] {
        header_read_at_ = context_.db().committed_writes();
        const auto cohort = store::AppQueries(context_.db()).find_cohort(cohort_);
        if (!cohort) return;
        const auto curriculum =
            store::CurriculumRepo(context_.db()).find(cohort->curriculum_code, cohort->curriculum_version);
        std::string trainers;
        for (const auto& ref : cohort->trainer_refs) {
            const auto t = store::TrainerRepo(context_.db()).find(ref);
            trainers += (trainers.empty() ? "" : ", ") + (t ? "\u2068" + t->name + "\u2069" : ref);
        }
        const std::size_t people = store::CohortRepo(context_.db()).enrolments(cohort_).size();
        header_->SetLabel(in_interface_direction(wxString::Format(
            _("%s · %s · %s, %s · from %s · trainers: %s · %s"), isolated(wx(cohort->code)),
            isolated(wx(curriculum ? curriculum->title.in(context_.language()) : cohort->curriculum_code)),
            isolated(wx(cohort->site)), wx(cohort->country), isolated(wx(cohort->start_date)), wx(trainers),
            wxString::Format(wxPLURAL("%zu person", "%zu people", people), people))));
        header_->SetToolTip(header_->GetLabel());
        header_->SetFont(header_->GetFont().Bold());
    });
}

}  // namespace mitra::app
