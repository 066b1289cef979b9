// Participants: 100,000 people stay instant, because the list reads only the page on screen.
#include <wx/button.h>
#include <wx/filedlg.h>
#include <wx/intl.h>
#include <wx/sizer.h>

#include "app/certification_view.hpp"
#include "app/dialogs.hpp"
#include "app/guard.hpp"
#include "app/problems_view.hpp"
#include "app/sections.hpp"
#include "app/text.hpp"
#include "io/participant_csv.hpp"
#include "store/app_queries.hpp"
#include "store/repos.hpp"
#include "workflow/door.hpp"

namespace mitra::app {

ParticipantsPanel::ParticipantsPanel(wxWindow* parent, AppContext& context)
    : BrowsePanel(parent, context, "participants") {
    build();
}

std::vector<ColumnSpec> ParticipantsPanel::columns() const {
    return {{_("Ref"), 90}, {_("Name"), 200}, {_("Latin name"), 160}, {_("Country"), 60}, {_("Language"), 70}};
}

long long ParticipantsPanel::count(const std::string& search) {
    return store::AppQueries(context_.db()).count_participants(search);
}

BackgroundCount::Count ParticipantsPanel::count_elsewhere(const std::string& search) {
    return participant_count(search);
}

std::vector<TextRow> ParticipantsPanel::fetch(const std::string& search, int offset, int limit) {
    store::ParticipantQuery query;
    query.search = search;
    query.limit = limit;
    query.offset = offset;
    std::vector<TextRow> rows;
    for (const auto& p : store::ParticipantRepo(context_.db()).list(query))
        rows.push_back({wx(p.ref), wx(p.full_name), wx(p.latin_name), wx(p.country), wx(p.language)});
    return rows;
}

void ParticipantsPanel::show_details(const TextRow& row) {
    const auto p = store::ParticipantRepo(context_.db()).find(utf8(row[0]));
    if (!p) return;
    details_->set_heading(wx(p->full_name));
    details_->add_field(_("Ref"), wx(p->ref));
    details_->add_field(_("Latin name"), wx(p->latin_name));
    details_->add_field(_("Country"), wx(p->country));
    details_->add_field(_("Language"), wx(p->language));
    details_->add_field(_("Email"), wx(p->email));
    details_->add_field(_("Phone"), wx(p->phone));
    details_->add_field(_("Consented on"), p->consent_date ? wx(*p->consent_date) : wxString());
    // After recording or renewing, the details are shown again (later: the button that asked is still busy).
    add_pathways(*details_, context_, p->ref, [this, ref = p->ref] {
        CallAfter([this, ref] {
            details_->Freeze();
            details_->clear();
            guarded(this, [&] { show_details({wx(ref)}); });
            details_->done();
            details_->Thaw();
        });
    });
    auto* history = new wxButton(details_, wxID_ANY, _("Hi&story…"));
    history->SetName("history");
    history->SetToolTip(_("Who changed this person's records, what and when"));
    const std::string ref = p->ref;
    history->Bind(wxEVT_BUTTON, [this, ref](wxCommandEvent&) { show_history(this, context_, ref, ""); });
    details_->add_window(history, 0);
}

void ParticipantsPanel::add_actions(wxWindow* parent, wxBoxSizer* bar) {
    auto* add = new wxButton(parent, wxID_ANY, _("&New person…"));
    auto* import_command = new wxButton(parent, wxID_ANY, _("&Import CSV…"));
    bar->Add(add, 0, wxRIGHT | wxBOTTOM, 4);
    bar->Add(import_command, 0, wxBOTTOM, 4);
    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { add_person(); });
    import_command->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        wxFileDialog dialog(this, _("Import people from a CSV file"), "", "", _("CSV files (*.csv)|*.csv|All files|*"),
                            wxFD_OPEN | wxFD_FILE_MUST_EXIST);
        if (dialog.ShowModal() == wxID_OK) import_csv(dialog.GetPath());
    });
}

void ParticipantsPanel::add_person() {
    const std::string ref = add_person_with_dialog(this, context_, [&](Participant& p, store::Lookalikes lookalikes) {
        store::ParticipantRepo(context_.db()).add(p, lookalikes);
    });
    if (!ref.empty()) refresh();
}

void ParticipantsPanel::import_csv(const wxString& path) {
    guarded(this, [&] {
        auto read = workflow::read_participant_csv_file(context_.fonts(), utf8(path));
        if (!read.ok()) {
            show_problems(this, _("The file has problems, so no one was imported. Fix these rows and try again:"),
                          read.problems);
            return;
        }
        std::vector<Participant> people;
        for (auto& row : read.value) people.push_back(row.participant);
        store::ImportCounts counts;
        const bool saved = save_asking_about_lookalikes(
            this,
            [&](store::Lookalikes lookalikes) {
                counts = store::ParticipantRepo(context_.db()).save_all(people, lookalikes);
            },
            lookalike_in(read.value), _("Import anyway"));
        if (!saved) return;
        refresh();
        show_info(this, wxString::Format(_("%d added, %d updated, %d unchanged."), counts.created, counts.updated,
                                         counts.unchanged));
    });
}

}  // namespace mitra::app
