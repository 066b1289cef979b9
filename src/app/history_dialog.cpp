// forms/history_dialog.xrc: who changed what and when about one person or one cohort, from the audit history,
// and its export as CSV.
#include "app/history_dialog.hpp"

#include <wx/button.h>
#include <wx/filedlg.h>
#include <wx/listctrl.h>
#include <wx/stattext.h>
#include <wx/xrc/xmlres.h>

#include "app/columns.hpp"
#include "app/app_context.hpp"
#include "app/dialogs.hpp"
#include "app/guard.hpp"
#include "app/i18n.hpp"
#include "app/text.hpp"
#include "core/audit.hpp"
#include "io/audit_words.hpp"
#include "io/export.hpp"
#include "io/files.hpp"

namespace mitra::app {
namespace {

SavePathSink& save_sink() {
    static SavePathSink sink;
    return sink;
}

wxString ask_save_path(wxWindow* parent, const wxString& suggested_name) {
    if (save_sink()) return save_sink()(parent, suggested_name);
    wxFileDialog dialog(parent, _("Export the history as CSV"), "", suggested_name,
                        _("CSV files (*.csv)|*.csv|All files|*"), wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    return dialog.ShowModal() == wxID_OK ? dialog.GetPath() : wxString();
}

}  // namespace

void set_history_save_sink(SavePathSink sink) { save_sink() = std::move(sink); }

bool write_history_csv(wxWindow* parent, const std::vector<AuditEntry>& entries, const wxString& path) {
    const bool written = guarded(parent, [&] { io::write_file_atomically(utf8(path), io::audit_csv(entries), true); });
    if (written)
        show_info(parent, wxString::Format(_("%zu recorded changes were written to %s. The file holds refs and what "
                                             "changed, and only you can read it: keep it that way."),
                                           entries.size(), path));
    return written;
}

wxString describe_change(const std::string& entity, const std::string& action) {
    return wx(io::change_words(entity, action, io::catalog(interface_catalog())));
}

wxString describe_values(const AuditEntry& e) {
    const io::Catalog& words = io::catalog(interface_catalog());
    const auto value_words = [&](const std::string& value) {
        return wx(io::audit_value_words(e.entity, value, words));
    };
    const wxString arrow = wxString::FromUTF8(" → ");
    if (e.old_value && e.new_value) return value_words(*e.old_value) + arrow + value_words(*e.new_value);
    if (e.new_value) return value_words(*e.new_value);
    if (e.old_value) return value_words(*e.old_value) + arrow + wx(io::removed_value_words(e.entity, words));
    return wxString();
}

HistoryDialog::HistoryDialog(wxWindow* parent, const wxString& about, const std::vector<store::AuditEntry>& entries) {
    wxXmlResource::Get()->LoadDialog(this, parent, "HistoryDialog");
    SetTitle(wxString::Format(_("History of %s"), about));
    XRCCTRL(*this, "intro", wxStaticText)
        ->SetLabel(entries.empty() ? wxString::Format(_("No change about %s has been recorded."), about)
                                   : wxString::Format(_("%zu recorded changes about %s, oldest first. Times are UTC."),
                                                      entries.size(), about));
    auto* list = changes();
    list->AppendColumn(_("When"), wxLIST_FORMAT_LEFT, column_width(list, _("When"), 130));
    list->AppendColumn(_("Who"), wxLIST_FORMAT_LEFT, column_width(list, _("Who"), 90));
    list->AppendColumn(_("What"), wxLIST_FORMAT_LEFT, column_width(list, _("What"), 250));
    list->AppendColumn(_("About"), wxLIST_FORMAT_LEFT, column_width(list, _("About"), 120));
    list->AppendColumn(_("Change"), wxLIST_FORMAT_LEFT, column_width(list, _("Change"), 260));
    long row = 0;
    for (const auto& e : entries) {
        wxString when = wx(e.at.substr(0, 16));
        when.Replace("T", " ");
        const wxString change = describe_values(e);
        list->InsertItem(row, when);
        list->SetItem(row, 1, wx(e.actor));
        list->SetItem(row, 2, describe_change(e.entity, e.action));
        list->SetItem(row, 3, wx(io::audit_subject_words(e.subject, io::catalog(interface_catalog()))));
        list->SetItem(row, 4, change);
        ++row;
    }
    auto* export_button = XRCCTRL(*this, "export", wxButton);
    export_button->Enable(!entries.empty());
    export_button->Bind(wxEVT_BUTTON, [this, entries, about](wxCommandEvent&) {
        wxString name = "history-" + about + ".csv";
        for (const char bad : {'/', '\\', ':', '*', '?', '"', '<', '>', '|'}) name.Replace(wxString(bad), "-");
        wxString path = ask_save_path(this, name);
        if (path.empty()) return;
        if (!path.Lower().EndsWith(".csv")) path += ".csv";
        write_history_csv(this, entries, path);
    });
    SetEscapeId(wxID_CANCEL);
    Fit();
}

wxListCtrl* HistoryDialog::changes() const { return XRCCTRL(*this, "changes", wxListCtrl); }

void show_history(wxWindow* parent, AppContext& context, const std::string& participant_ref,
                  const std::string& cohort_code) {
    std::vector<store::AuditEntry> entries;
    if (!guarded(parent, [&] { entries = store::audit_history(context.db(), participant_ref, cohort_code); })) return;
    HistoryDialog dialog(parent, wx(participant_ref.empty() ? cohort_code : participant_ref), entries);
    dialog.ShowModal();
}

}  // namespace mitra::app
