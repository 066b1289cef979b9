// Trainers: add one, qualify them for more modules, record their own certification, see their standing.
#include <wx/button.h>
#include <wx/intl.h>
#include <wx/sizer.h>

#include <map>
#include <set>

#include "app/dialogs.hpp"
#include "app/guard.hpp"
#include "app/practice_dialogs.hpp"
#include "app/sections.hpp"
#include "app/text.hpp"
#include "app/trainer_dialogs.hpp"
#include "core/text.hpp"
#include "store/certification_repo.hpp"
#include "store/repos.hpp"

namespace mitra::app {
namespace {

std::vector<std::string> all_module_codes(store::Database& db) {
    std::set<std::string> codes;
    for (const auto& c : store::CurriculumRepo(db).list())
        for (const auto& m : c.modules) codes.insert(m.code);
    return {codes.begin(), codes.end()};
}

// Every curriculum's modules, once each by code, with the title in the interface's language.
std::vector<CodeAndTitle> all_modules(store::Database& db, const std::string& language) {
    std::map<std::string, std::string> titles;
    for (const auto& c : store::CurriculumRepo(db).list())
        for (const auto& m : c.modules) titles.emplace(m.code, m.title.in(language));
    return {titles.begin(), titles.end()};
}

// The store names its fields as kept ("months"); a trainer reads the dialog's labels.
void in_dialog_words(InputError& e) {
    const std::map<std::string, wxString> labels{{"level", _("Level")},
                                                 {"issued", _("Issued on")},
                                                 {"months", _("Months valid")},
                                                 {"qualified", _("Modules to add")}};
    for (auto& p : e.problems)
        if (auto found = labels.find(p.field); found != labels.end()) p.field = utf8(found->second);
}

}  // namespace

TrainersPanel::TrainersPanel(wxWindow* parent, AppContext& context) : BrowsePanel(parent, context, "trainers") {
    build();
}

std::vector<ColumnSpec> TrainersPanel::columns() const {
    return {{_("Ref"), 90},     {_("Name"), 200},          {_("Latin name"), 150},
            {_("Country"), 60}, {_("Qualified for"), 200}, {_("Trainer certification"), 220}};
}

std::vector<Trainer> TrainersPanel::matching(const std::string& search) {
    std::vector<Trainer> out;
    for (auto& t : store::TrainerRepo(context_.db()).list())
        if (search.empty() || t.ref.find(search) != std::string::npos || t.name.find(search) != std::string::npos ||
            t.latin_name.find(search) != std::string::npos)
            out.push_back(std::move(t));
    return out;
}

long long TrainersPanel::count(const std::string& search) { return static_cast<long long>(matching(search).size()); }

std::vector<TextRow> TrainersPanel::fetch(const std::string& search, int offset, int limit) {
    store::CertificationRepo certifications(context_.db());
    const Date today = context_.today();
    return page_of(matching(search), offset, limit, [&](const Trainer& t) {
        return TextRow{wx(t.ref),
                       wx(t.name),
                       wx(t.latin_name),
                       wx(t.country),
                       wx(join(t.qualified_modules, ", ")),
                       standing_text(certifications.trainer_certifications(t.ref), today)};
    });
}

void TrainersPanel::show_details(const TextRow& row) {
    const auto t = store::TrainerRepo(context_.db()).find(utf8(row[0]));
    if (!t) return;
    details_->set_heading(wx(t->name));
    details_->add_field(_("Ref"), wx(t->ref));
    details_->add_field(_("Latin name"), wx(t->latin_name));
    details_->add_field(_("Country"), wx(t->country));
    details_->add_field(_("Languages"), wx(join(t->languages, ", ")));
    details_->add_field(_("Qualified for"), wx(join(t->qualified_modules, ", ")));
    details_->add_field(
        _("Trainer certification"),
        standing_text(store::CertificationRepo(context_.db()).trainer_certifications(t->ref), context_.today()));
}

void TrainersPanel::add_actions(wxWindow* parent, wxBoxSizer* bar) {
    auto* add = new wxButton(parent, wxID_ANY, _("&New trainer…"));
    auto* qualify = new wxButton(parent, wxID_ANY, _("&Qualify…"));
    auto* certify = new wxButton(parent, wxID_ANY, _("Cer&tify…"));
    add->SetName("new_trainer");
    qualify->SetName("qualify");
    certify->SetName("certify");
    qualify->SetToolTip(_("Qualify the chosen trainer for more modules (Alt+Q)"));
    certify->SetToolTip(_("Record the chosen trainer's own certification: level, issued, months valid (Alt+T)"));
    bar->Add(add, 0, wxRIGHT | wxBOTTOM, 4);
    bar->Add(qualify, 0, wxRIGHT | wxBOTTOM, 4);
    bar->Add(certify, 0, wxRIGHT | wxBOTTOM, 4);
    // Supervisors of practice (issue 21): trainers or outside professionals, each with their own credential.
    auto* supervisors = new wxButton(parent, wxID_ANY, _("&Supervisors…"));
    supervisors->SetName("supervisors");
    supervisors->SetToolTip(_("Supervisors of practice and their credentials (Alt+S, Ctrl+8)"));
    bar->Add(supervisors, 0, wxBOTTOM, 4);
    supervisors->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { show_supervisors(this, context_); });
    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { add_trainer(); });
    qualify->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { qualify_selected(); });
    certify->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { certify_selected(); });
}

void TrainersPanel::add_trainer() {
    std::vector<std::string> codes;
    if (!guarded(this, [&] { codes = all_module_codes(context_.db()); })) return;
    TrainerDialog dialog(this, codes);
    while (dialog.ShowModal() == wxID_OK) {
        if (guarded(&dialog, [&] {
                Trainer t = dialog.trainer();
                store::TrainerRepo(context_.db()).add(t);
            })) {
            refresh();
            return;
        }
    }
}

namespace {

// The selected row's ref and its index, to choose it again once the list is read anew.
std::optional<std::pair<std::string, unsigned>> chosen_row(wxDataViewCtrl* list, PagedListModel* model,
                                                           const TextRow* row) {
    if (!row) return std::nullopt;
    return std::make_pair(utf8((*row)[0]), model->GetRow(list->GetSelection()));
}

}  // namespace

void TrainersPanel::qualify_selected() {
    const auto chosen = chosen_row(list(), model(), selected());
    if (!chosen) return show_info(this, _("Choose a trainer in the list first."));
    const auto& [ref, row] = *chosen;
    std::vector<CodeAndTitle> modules;
    std::optional<Trainer> trainer;
    if (!guarded(this,
                 [&] {
                     modules = all_modules(context_.db(), context_.language());
                     trainer = store::TrainerRepo(context_.db()).find(ref);
                 }) ||
        !trainer)
        return;
    QualifyDialog dialog(this, wx(ref), modules, trainer->qualified_modules);
    while (dialog.ShowModal() == wxID_OK) {
        if (guarded(&dialog, [&] {
                try {
                    store::TrainerRepo(context_.db()).qualify(ref, dialog.chosen());
                } catch (InputError& e) {
                    in_dialog_words(e);
                    throw;
                }
            })) {
            refresh();
            select_row(row);
            return;
        }
    }
}

void TrainersPanel::certify_selected() {
    const auto chosen = chosen_row(list(), model(), selected());
    if (!chosen) return show_info(this, _("Choose a trainer in the list first."));
    const auto& [ref, row] = *chosen;
    wxString standing;
    if (!guarded(this, [&] {
            standing =
                standing_text(store::CertificationRepo(context_.db()).trainer_certifications(ref), context_.today());
        }))
        return;
    TrainerCertificationDialog dialog(this, wx(ref), standing, context_.today());
    while (dialog.ShowModal() == wxID_OK) {
        if (guarded(&dialog, [&] {
                const auto in = dialog.input();
                try {
                    store::CertificationRepo(context_.db()).certify_trainer(ref, in.level, in.issued, in.months);
                } catch (InputError& e) {
                    in_dialog_words(e);
                    throw;
                }
            })) {
            refresh();
            select_row(row);
            return;
        }
    }
}

}  // namespace mitra::app
