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
#include "app/reason_words.hpp"
#include "app/text.hpp"
#include "core/audit.hpp"
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
    const std::string key = entity + " " + action;
    if (key == "attendance mark") return _("Attendance marked");
    if (key == "attendance change") return _("Attendance changed");
    if (key == "attendance unmark") return _("Attendance mark cleared");
    if (key == "assessment record") return _("Assessment recorded");
    if (key == "practicum log") return _("Supervised practice logged");
    if (key == "ethics acknowledge") return _("Code of ethics acknowledged");
    if (key == "enrolment redate") return _("Enrolment date changed");
    if (key == "override set") return _("Coordinator's decision on a module");
    if (key == "override change") return _("Coordinator's decision changed");
    if (key == "certificate issue") return _("Certificate issued");
    if (key == "certificate revoke") return _("Certificate revoked");
    if (key == "certificate reprint") return _("Certificate printed again");
    if (key == "session trainer" || key == "session assign") return _("Session's trainer changed");
    if (key == "session move") return _("Session moved");
    if (key == "session remove") return _("Session removed");
    if (key == "certification grant") return _("Certification granted");
    if (key == "certification renew") return _("Certification renewed");
    if (key == "certification revoke") return _("Certification revoked");
    if (key == "certification restore") return _("Certification made current again");
    if (key == "certification supersede") return _("Certification replaced by a renewal");
    if (key == "learning add") return _("Continuing education recorded");
    if (key == "trainer_certification certify") return _("Trainer certified");
    return wx(key);  // a change this version has no words for yet (merge conflicts, future kinds)
}

namespace {

// A recorded value in the interface's language, from the parts core takes it apart into.
wxString value_words(const std::string& entity, const std::string& value) {
    const AuditValue v = parse_audit_value(entity, value);
    const wxString on = v.on ? wx(*v.on) : wxString();
    switch (v.kind) {
        case AuditValue::Kind::text: return wx(v.text);
        case AuditValue::Kind::erased: return _("(erased)");
        case AuditValue::Kind::attendance: {
            wxString out = v.minutes ? wxString::Format(_("%s, %d minutes"), attendance_words(v.status), *v.minutes)
                                     : attendance_words(v.status);
            if (!v.note.empty()) out += " (" + wx(v.note) + ")";
            return out;
        }
        case AuditValue::Kind::assessment:
            return v.passed ? wxString::Format(_("%s passed, %s"), wx(v.module), on)
                            : wxString::Format(_("%s to be repeated, %s"), wx(v.module), on);
        case AuditValue::Kind::practicum:
            return v.signed_off ? wxString::Format(_("%d minutes on %s, signed off"), v.minutes.value_or(0), on)
                                : wxString::Format(_("%d minutes on %s, not signed off"), v.minutes.value_or(0), on);
        case AuditValue::Kind::ethics:
            return wxString::Format(_("code of ethics %s acknowledged on %s"), wx(v.text), on);
        case AuditValue::Kind::decision:
            return wxString::Format(v.complete ? _("complete: %s") : _("not complete: %s"), wx(v.text));
    }
    return wx(value);
}

// What a change is about, in the interface's language: the store names a mark "C-001 session 3" and a session
// "session 3" (as mitra-cli audit prints them); refs, serials and module codes stay as they are.
wxString subject_words(const std::string& subject) {
    const auto at = subject.rfind("session ");
    if (at == std::string::npos || (at > 0 && subject[at - 1] != ' ')) return wx(subject);
    const std::string id = subject.substr(at + 8);
    if (id.empty() || id.find_first_not_of("0123456789") != std::string::npos) return wx(subject);
    const wxString session = wxString::Format(_("session %s"), wx(id));
    return at == 0 ? session : wx(subject.substr(0, at - 1)) + ", " + session;
}

}  // namespace

wxString describe_values(const AuditEntry& e) {
    const wxString arrow = wxString::FromUTF8(" → ");
    if (e.old_value && e.new_value)
        return value_words(e.entity, *e.old_value) + arrow + value_words(e.entity, *e.new_value);
    if (e.new_value) return value_words(e.entity, *e.new_value);
    if (e.old_value)
        return value_words(e.entity, *e.old_value) + arrow + (e.entity == "attendance" ? _("cleared") : _("(none)"));
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
        list->SetItem(row, 3, subject_words(e.subject));
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
