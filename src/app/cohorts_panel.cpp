// Cohorts: every cohort by start date; open one to enrol, schedule, mark attendance and print certificates.
#include <wx/button.h>
#include <wx/intl.h>
#include <wx/sizer.h>

#include "app/dialogs.hpp"
#include "app/guard.hpp"
#include "app/sections.hpp"
#include "app/text.hpp"
#include "store/app_queries.hpp"
#include "store/repos.hpp"

namespace mitra::app {

CohortsPanel::CohortsPanel(wxWindow* parent, AppContext& context, std::function<void(const std::string&)> open_cohort)
    : BrowsePanel(parent, context, "cohorts"), open_cohort_(std::move(open_cohort)) {
    build();
}

std::vector<ColumnSpec> CohortsPanel::columns() const {
    return {{_("Code"), 110},   {_("Curriculum"), 90}, {_("Site"), 200},
            {_("Country"), 60}, {_("Starts"), 90},     {_("People"), 60}};
}

long long CohortsPanel::count(const std::string& search) {
    return store::AppQueries(context_.db()).count_cohorts(search);
}

std::vector<TextRow> CohortsPanel::fetch(const std::string& search, int offset, int limit) {
    std::vector<TextRow> rows;
    for (const auto& c : store::AppQueries(context_.db()).cohorts(search, limit, offset))
        rows.push_back({wx(c.code), wx(c.curriculum_code + " " + c.curriculum_version), wx(c.site), wx(c.country),
                        wx(c.start_date), wxString::Format("%d", c.enrolled)});
    return rows;
}

void CohortsPanel::show_details(const TextRow& row) {
    const auto c = store::AppQueries(context_.db()).find_cohort(utf8(row[0]));
    if (!c) return;
    details_->set_heading(wx(c->code));
    details_->add_field(_("Curriculum"), wx(c->curriculum_code + " " + c->curriculum_version));
    details_->add_field(_("Site"), wx(c->site));
    details_->add_field(_("Country"), wx(c->country));
    details_->add_field(_("Time zone"), wx(c->time_zone));
    details_->add_field(_("Language"), wx(c->language));
    details_->add_field(_("Starts"), wx(c->start_date));
    details_->add_field(_("People"), row[5]);
    std::string trainers;
    for (const auto& ref : c->trainer_refs) {
        const auto t = store::TrainerRepo(context_.db()).find(ref);
        trainers += (trainers.empty() ? "" : "\n") + (t ? t->name + " (" + ref + ")" : ref);
    }
    details_->add_field(_("Trainers"), wx(trainers));
    auto* open = new wxButton(details_, wxID_ANY, _("&Open workspace"));
    const std::string code = c->code;
    open->Bind(wxEVT_BUTTON, [this, code](wxCommandEvent&) { guarded(this, [&] { open_cohort_(code); }); });
    details_->add_window(open, 0);
    auto* history = new wxButton(details_, wxID_ANY, _("Hi&story…"));
    history->SetName("history");
    history->SetToolTip(_("Who changed this cohort's sessions, attendance, decisions and certificates, and when"));
    history->Bind(wxEVT_BUTTON, [this, code](wxCommandEvent&) { show_history(this, context_, "", code); });
    details_->add_window(history, 0);
}

void CohortsPanel::add_actions(wxWindow* parent, wxBoxSizer* bar) {
    auto* add = new wxButton(parent, wxID_ANY, _("&New cohort…"));
    bar->Add(add, 0, wxBOTTOM, 4);
    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { create_cohort(); });
}

void CohortsPanel::activated(const TextRow& row) { open_cohort_(utf8(row[0])); }

void CohortsPanel::create_cohort() {
    std::vector<std::string> curricula;
    std::vector<Trainer> trainers;
    if (!guarded(this, [&] {
            for (const auto& c : store::CurriculumRepo(context_.db()).list()) curricula.push_back(c.code);
            trainers = store::TrainerRepo(context_.db()).list();
        }))
        return;
    CohortDialog dialog(this, curricula, trainers, context_.today());
    while (dialog.ShowModal() == wxID_OK) {
        std::string code;
        if (guarded(&dialog, [&] {
                Cohort c = dialog.cohort();
                store::CohortRepo(context_.db()).create(c);
                code = c.code;
            })) {
            refresh();
            open_cohort_(code);
            return;
        }
    }
}

}  // namespace mitra::app
