// The top of every event handler: refused input and database failures become one clear message.
#pragma once
#include <wx/dialog.h>
#include <wx/string.h>
#include <wx/window.h>

#include <exception>
#include <functional>

#include "core/fault.hpp"
#include "core/problem.hpp"
#include "io/participant_csv.hpp"
#include "store/database.hpp"
#include "store/repos.hpp"

namespace mitra::app {

// Where messages go: a dialog by default; tests capture them instead of blocking on a modal window.
using MessageSink = std::function<void(wxWindow* parent, const wxString& title, const wxString& message)>;
void set_message_sink(MessageSink sink);
bool has_message_sink();
void show_error(wxWindow* parent, const wxString& message);
void show_info(wxWindow* parent, const wxString& message);

// A yes-or-no question (a dialog by default; tests answer it through the question sink).
using QuestionSink = std::function<bool(wxWindow* parent, const wxString& question)>;
void set_question_sink(QuestionSink sink);
bool ask_yes_no(wxWindow* parent, const wxString& question, const wxString& yes, const wxString& no);

// Where a file the user names is saved: a save dialog by default; tests answer through the sink (an empty
// answer: cancelled).  The same type as history_dialog.hpp's, whose sink serves only the History export.
using SavePathSink = std::function<wxString(wxWindow* parent, const wxString& suggested_name)>;
void set_save_path_sink(SavePathSink sink);
wxString ask_save_path(wxWindow* parent, const wxString& title, const wxString& suggested_name,
                       const wxString& wildcard);

// A folder the user chooses: a folder dialog by default; tests answer through the sink (empty: cancelled). A native
// folder dialog gives its path only when the person presses OK in it, so tests cannot answer it as a modal.
using FolderSink = std::function<wxString(wxWindow* parent)>;
void set_folder_sink(FolderSink sink);
wxString ask_folder(wxWindow* parent, const wxString& title);

// A line of text the user types (a labelled text entry dialog by default); tests answer through the sink (empty:
// cancelled).
using TextSink = std::function<wxString(wxWindow* parent, const wxString& question)>;
void set_text_sink(TextSink sink);
wxString ask_text(wxWindow* parent, const wxString& title, const wxString& question, const wxString& initial);

// "line 3, column 12, email: the address has no @", in the interface's language.
wxString describe(const Problem& problem);
wxString describe_all(const Problems& problems);
// A failure of the database, the disk or a key file (core/fault.hpp) in the interface's words, as mitra-cli says it.
wxString fault_words(const Fault& fault);

// Runs `save` refusing look-alikes; when the store finds some (store::LookalikeError), asks whether they are
// different people, listing each as `who` words it (by ref, never by name), with `go_on` and "Go back" as the
// answers, and runs `save` again allowing them when the user goes on. False when the user went back (nothing was
// saved). Other failures are thrown, for guarded().
bool save_asking_about_lookalikes(wxWindow* parent, const std::function<void(store::Lookalikes)>& save,
                                  const std::function<wxString(const store::Lookalike&)>& who, const wxString& go_on);
// `who` for one person typed in ("P-0040 looks like P-0012, P-0031."), and for the people of an imported file
// ("Line 5: P-0040 looks like P-0012, and P-0033 on line 3.").
std::function<wxString(const store::Lookalike&)> lookalike_of(const std::string& ref);
std::function<wxString(const store::Lookalike&)> lookalike_in(const std::vector<io::ParticipantRow>& rows);

// Runs `work`; on mitra::InputError, store::DatabaseError or another failure, tells the user and returns false.
bool guarded(wxWindow* parent, const std::function<void()>& work);
// Shows the modal `dialog` until `keep` runs without a refusal (each told over the dialog by guarded(), the dialog
// coming back with what was typed): true when kept, false when the user cancels.
bool show_until_kept(wxDialog& dialog, const std::function<void()>& keep);

}  // namespace mitra::app
