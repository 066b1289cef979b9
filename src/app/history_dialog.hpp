// The History dialog's words for a change, and its "Export CSV…": the audit history about a person or a cohort
// written for a spreadsheet.
// (The dialog itself, HistoryDialog, is declared with the other small dialogs in app/dialogs.hpp.)
#pragma once
#include <wx/string.h>
#include <wx/window.h>

#include <functional>
#include <vector>

#include "core/audit.hpp"

namespace mitra::app {

// Where "Export CSV…" writes: a save dialog by default; tests answer through the sink (empty: cancelled).
using SavePathSink = std::function<wxString(wxWindow* parent, const wxString& suggested_name)>;
void set_history_save_sink(SavePathSink sink);

// What a change went from and to, in the interface's language: "late, 150 minutes → cleared".
wxString describe_values(const AuditEntry& entry);

// Writes the entries as io::audit_csv (the columns of `mitra-cli audit --out`) to `path`, atomically and
// readable by its owner only (it holds refs and what changed), then says where. False, with the reason
// shown, when it cannot be written (the old file, if any, is then left as it was).
bool write_history_csv(wxWindow* parent, const std::vector<AuditEntry>& entries, const wxString& path);

}  // namespace mitra::app
