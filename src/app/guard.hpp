// The top of every event handler: refused input and database failures become one clear message.
#pragma once
#include <wx/string.h>
#include <wx/window.h>

#include <exception>
#include <functional>

#include "core/problem.hpp"
#include "store/database.hpp"

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
wxString ask_save_path(wxWindow* parent, const wxString& title, const wxString& suggested_name, const wxString& wildcard);

// "line 3, column 12, email: the address has no @", in the interface's language.
wxString describe(const Problem& problem);
wxString describe_all(const Problems& problems);

// Runs `work`; on mitra::InputError, store::DatabaseError or another failure, tells the user and returns false.
bool guarded(wxWindow* parent, const std::function<void()>& work);

}  // namespace mitra::app
