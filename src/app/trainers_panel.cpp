// Trainers: add one, and say which modules they are qualified to teach.
#include <wx/button.h>
#include <wx/choicdlg.h>
#include <wx/intl.h>
#include <wx/sizer.h>

#include <set>

#include "app/dialogs.hpp"
#include "app/guard.hpp"
#include "app/sections.hpp"
#include "app/text.hpp"
#include "core/text.hpp"
#include "store/repos.hpp"

namespace mitra::app {
namespace {

std::vector<std::string> all_module_codes(store::Database& db) {
    std::set<std::string> codes;
    for (const auto& c : store::CurriculumRepo(db).list())
        for (const auto& m : c.modules) codes.insert(m.code);
    return {codes.begin(), codes.end()};
}

}  // namespace

TrainersPanel::TrainersPanel(wxWindow* parent, AppContext& context) : BrowsePanel(parent, context, "trainers") {
    build();
}

std::vector<ColumnSpec> TrainersPanel::columns() const {
    return {{_("Ref"), 90}, {_("Name"), 200}, {_("Latin name"), 150}, {_("Country"), 60}, {_("Qualified for"), 220}};
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
    return page_of(matching(search), offset, limit, [](const Trainer& t) {
        return TextRow{wx(t.ref), wx(t.name), wx(t.latin_name), wx(t.country), wx(join(t.qualified_modules, ", "))};
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
}

void TrainersPanel::add_actions(wxWindow* parent, wxBoxSizer* bar) {
    auto* add = new wxButton(parent, wxID_ANY, _("New trainer…"));
    auto* qualify = new wxButton(parent, wxID_ANY, _("Qualify…"));
    bar->Add(add, 0, wxRIGHT, 4);
    bar->Add(qualify, 0);
    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { add_trainer(); });
    qualify->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { qualify_selected(); });
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

void TrainersPanel::qualify_selected() {
    const TextRow* row = selected();
    if (!row) {
        show_info(this, _("Choose a trainer in the list first."));
        return;
    }
    const std::string ref = utf8((*row)[0]);
    guarded(this, [&] {
        const auto codes = all_module_codes(context_.db());
        const auto trainer = store::TrainerRepo(context_.db()).find(ref);
        wxArrayString choices;
        wxArrayInt chosen;
        for (std::size_t i = 0; i < codes.size(); ++i) {
            choices.Add(wx(codes[i]));
            if (trainer && std::count(trainer->qualified_modules.begin(), trainer->qualified_modules.end(), codes[i]))
                chosen.Add(static_cast<int>(i));
        }
        wxMultiChoiceDialog dialog(this, _("Modules this trainer is qualified to teach:"), _("Qualify"), choices);
        dialog.SetSelections(chosen);
        if (dialog.ShowModal() != wxID_OK) return;
        std::vector<std::string> picked;
        for (int i : dialog.GetSelections()) picked.push_back(codes[static_cast<std::size_t>(i)]);
        store::TrainerRepo(context_.db()).qualify(ref, picked);
        refresh();
    });
}

}  // namespace mitra::app
