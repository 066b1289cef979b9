// Curricula: import a file (refused with line and column), and each module's title in every language.
#include <wx/button.h>
#include <wx/dataview.h>
#include <wx/filedlg.h>
#include <wx/intl.h>
#include <wx/sizer.h>

#include <map>
#include <set>

#include "app/columns.hpp"
#include "app/guard.hpp"
#include "app/problems_view.hpp"
#include "app/sections.hpp"
#include "app/text.hpp"
#include "core/translation_drift.hpp"
#include "io/curriculum_toml.hpp"
#include "store/repos.hpp"

namespace mitra::app {
namespace {

wxString kind_name(ModuleKind kind) {
    switch (kind) {
        case ModuleKind::theory: return _("theory");
        case ModuleKind::practice: return _("practice");
        case ModuleKind::art_community: return _("art and community");
        case ModuleKind::practicum: return _("supervised practice");
    }
    return {};
}

// Which translations were made from an English text that has changed since, or cannot be told: what a coordinator
// has to update (mitra-cli curriculum show gives the same, with the fingerprints to record).
wxString translations_state(const Curriculum& c) {
    std::map<std::string, wxString> older, unstamped;  // language -> where
    for (const auto& t : check_translations(c)) {
        if (t.state == TranslationState::current) continue;
        auto& where = t.state == TranslationState::older ? older[t.language] : unstamped[t.language];
        where +=
            (where.empty() ? "" : ", ") + (t.module_code.empty() ? _("the curriculum's title") : wx(t.module_code));
    }
    if (older.empty() && unstamped.empty()) return _("Every translation was made from the English text as it is now.");
    wxString out;
    for (const auto& [language, where] : older)
        out += (out.empty() ? "" : "\n") +
               wxString::Format(_("%s: made from an older English text, to update: %s"), wx(language), where);
    for (const auto& [language, where] : unstamped)
        out += (out.empty() ? "" : "\n") +
               wxString::Format(_("%s: not known which English text it was made from: %s"), wx(language), where);
    return out;
}

}  // namespace

CurriculaPanel::CurriculaPanel(wxWindow* parent, AppContext& context) : BrowsePanel(parent, context, "curricula") {
    build();
}

std::vector<ColumnSpec> CurriculaPanel::columns() const {
    return {{_("Code"), 70}, {_("Version"), 80}, {_("Title"), 280}, {_("Modules"), 70}};
}

std::vector<Curriculum> CurriculaPanel::matching(const std::string& search) {
    std::vector<Curriculum> out;
    for (auto& c : store::CurriculumRepo(context_.db()).list()) {
        bool match = search.empty() || c.code.find(search) != std::string::npos;
        for (const auto& [language, title] : c.title.by_language)
            match = match || title.find(search) != std::string::npos;
        if (match) out.push_back(std::move(c));
    }
    return out;
}

long long CurriculaPanel::count(const std::string& search) { return static_cast<long long>(matching(search).size()); }

std::vector<TextRow> CurriculaPanel::fetch(const std::string& search, int offset, int limit) {
    const std::string language = context_.language();
    return page_of(matching(search), offset, limit, [&](const Curriculum& c) {
        return TextRow{wx(c.code), wx(c.version), wx(c.title.in(language)), wxString::Format("%zu", c.modules.size())};
    });
}

void CurriculaPanel::show_details(const TextRow& row) {
    const auto c = store::CurriculumRepo(context_.db()).find(utf8(row[0]), utf8(row[1]));
    if (!c) return;
    details_->set_heading(wx(c->title.in(context_.language())));
    details_->add_field(_("Code"), wx(c->code + " " + c->version));
    for (const auto& [language, title] : c->title.by_language) details_->add_field(wx(language), wx(title));
    details_->add_field(_("Electives required"), wxString::Format("%d", c->electives_required));
    details_->add_field(_("Code of ethics"), wx(c->ethics_code));
    details_->add_field(_("Translations"), translations_state(*c));

    // One column per language any module has a title in.
    std::set<std::string> languages;
    for (const auto& m : c->modules)
        for (const auto& [language, title] : m.title.by_language) languages.insert(language);
    auto* modules = new wxDataViewListCtrl(details_, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(-1, 320)),
                                           wxDV_ROW_LINES | wxDV_HORIZ_RULES);
    modules->SetName("modules");
    // Thirteen languages' columns are wider than any pane: the list scrolls sideways itself rather than widening the
    // details (whose other values would then run off the window's edge).
    modules->SetMinSize(wxSize(FromDIP(200), FromDIP(320)));
    modules->AppendTextColumn(_("Module"), wxDATAVIEW_CELL_INERT, column_width(modules, _("Module"), 60));
    modules->AppendTextColumn(_("Kind"), wxDATAVIEW_CELL_INERT, column_width(modules, _("Kind"), 110));
    modules->AppendTextColumn(_("Hours"), wxDATAVIEW_CELL_INERT, column_width(modules, _("Hours"), 50));
    modules->AppendTextColumn(_("Required"), wxDATAVIEW_CELL_INERT, column_width(modules, _("Required"), 70));
    for (const auto& language : languages)
        modules->AppendTextColumn(wx(language), wxDATAVIEW_CELL_INERT, column_width(modules, wx(language), 260),
                                  wxALIGN_LEFT, wxDATAVIEW_COL_RESIZABLE);
    for (const auto& m : c->modules) {
        wxVector<wxVariant> values;
        values.push_back(wx(m.code));
        values.push_back(kind_name(m.kind));
        values.push_back(wxString::Format("%g", m.minutes / 60.0));
        values.push_back(m.required ? _("required") : _("elective"));
        for (const auto& language : languages)
            values.push_back(wx(m.title.has(language) ? m.title.by_language.at(language) : ""));
        modules->AppendItem(values);
    }
    details_->add_window(modules);
}

void CurriculaPanel::add_actions(wxWindow* parent, wxBoxSizer* bar) {
    auto* import_command = new wxButton(parent, wxID_ANY, _("&Import curriculum…"));
    bar->Add(import_command, 0, wxBOTTOM, 4);
    import_command->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        wxFileDialog dialog(this, _("Import a curriculum"), "", "", _("Curricula (*.toml)|*.toml|All files|*"),
                            wxFD_OPEN | wxFD_FILE_MUST_EXIST);
        if (dialog.ShowModal() == wxID_OK) import_file(dialog.GetPath());
    });
}

void CurriculaPanel::import_file(const wxString& path) {
    guarded(this, [&] {
        auto read = io::read_curriculum_file(utf8(path));
        if (!read.ok()) {
            show_problems(this, _("The curriculum file has problems, so it was not imported:"), read.problems);
            return;
        }
        const auto saved = store::CurriculumRepo(context_.db()).import(read.value);
        refresh();
        show_info(this, saved == store::Saved::created   ? _("The curriculum was imported.")
                        : saved == store::Saved::updated ? _("The curriculum's texts were updated.")
                                                         : _("This curriculum was imported before; nothing changed."));
    });
}

}  // namespace mitra::app
