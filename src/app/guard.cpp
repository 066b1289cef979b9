// The top of every event handler: refused input and database failures become one clear message.
#include "app/guard.hpp"

#include <wx/dirdlg.h>
#include <wx/filedlg.h>
#include <wx/intl.h>
#include <wx/msgdlg.h>
#include <wx/textdlg.h>

#include "app/field_labels.hpp"
#include "app/i18n.hpp"
#include "app/text.hpp"
#include "app/trainer_dialogs.hpp"
#include "io/durable.hpp"
#include "io/fault_words.hpp"
#include "io/keys.hpp"
#include "io/reason_words.hpp"
#include "store/repos.hpp"

namespace mitra::app {
namespace {

MessageSink& sink() {
    static MessageSink current;
    return current;
}

void deliver(wxWindow* parent, const wxString& title, const wxString& message, long style) {
    if (sink()) {
        sink()(parent, title, message);
        return;
    }
    wxMessageDialog dialog(parent, message, title, wxOK | style);
    dialog.ShowModal();
}

QuestionSink& question_sink() {
    static QuestionSink current;
    return current;
}

SavePathSink& save_path_sink() {
    static SavePathSink current;
    return current;
}

FolderSink& folder_sink() {
    static FolderSink current;
    return current;
}

}  // namespace

void set_folder_sink(FolderSink s) { folder_sink() = std::move(s); }

namespace {
TextSink& text_sink() {
    static TextSink current;
    return current;
}
}  // namespace

void set_text_sink(TextSink s) { text_sink() = std::move(s); }

wxString ask_text(wxWindow* parent, const wxString& title, const wxString& question, const wxString& initial) {
    if (text_sink()) return text_sink()(parent, question);
    wxTextEntryDialog dialog(parent, question, title, initial);
    return dialog.ShowModal() == wxID_OK ? dialog.GetValue().Trim().Trim(false) : wxString();
}

wxString ask_folder(wxWindow* parent, const wxString& title) {
    if (folder_sink()) return folder_sink()(parent);
    wxDirDialog dialog(parent, title, "", wxDD_DEFAULT_STYLE);
    return dialog.ShowModal() == wxID_OK ? dialog.GetPath() : wxString();
}

void set_save_path_sink(SavePathSink s) { save_path_sink() = std::move(s); }

wxString ask_save_path(wxWindow* parent, const wxString& title, const wxString& suggested_name,
                       const wxString& wildcard) {
    if (save_path_sink()) return save_path_sink()(parent, suggested_name);
    wxFileDialog dialog(parent, title, "", suggested_name, wildcard, wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    return dialog.ShowModal() == wxID_OK ? dialog.GetPath() : wxString();
}

void set_question_sink(QuestionSink s) { question_sink() = std::move(s); }

bool ask_yes_no(wxWindow* parent, const wxString& question, const wxString& yes, const wxString& no) {
    if (question_sink()) return question_sink()(parent, question);
    wxMessageDialog dialog(parent, question, _("Mitra"), wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION);
    dialog.SetYesNoLabels(yes, no);
    return dialog.ShowModal() == wxID_YES;
}

void set_message_sink(MessageSink s) { sink() = std::move(s); }
bool has_message_sink() { return static_cast<bool>(sink()); }

void show_error(wxWindow* parent, const wxString& message) { deliver(parent, _("Mitra"), message, wxICON_ERROR); }
void show_info(wxWindow* parent, const wxString& message) { deliver(parent, _("Mitra"), message, wxICON_INFORMATION); }

bool save_asking_about_lookalikes(wxWindow* parent, const std::function<void(store::Lookalikes)>& save,
                                  const std::function<wxString(const store::Lookalike&)>& who, const wxString& go_on) {
    try {
        save(store::Lookalikes::refuse);
        return true;
    } catch (const store::LookalikeError& e) {
        wxString question =
            _("These names read the same as other people's, once look-alike letters, capitals, spacing "
              "and invisible characters are set aside:");
        question << "\n";
        for (const auto& found : e.found) question << "\n" << who(found);
        question << "\n\n" << _("Are they different people?");
        if (!ask_yes_no(parent, question, go_on, _("Go back"))) return false;
    }
    save(store::Lookalikes::allow);
    return true;
}

namespace {

wxString refs_of(const std::vector<std::string>& refs) {
    wxString out;
    for (const auto& ref : refs) out << (out.empty() ? "" : ", ") << wx(ref);
    return out;
}

// Where in the desktop program a refusal is put right.
wxString remedy_for(const store::Refusal& refused) {
    switch (refused.reason) {
        case store::Refusal::Reason::curriculum_not_imported:
            return _("Import the curriculum first: in Curricula, with Import curriculum…");
        case store::Refusal::Reason::no_completion_certificate:
            return _("Issue the completion certificate first: open the cohort and use its Print certificates page.");
        case store::Refusal::Reason::not_a_pack:
            return _("Choose the field pack made for the cohort, not a whole database.");
    }
    return {};
}

// What was refused, from the refusal's reason and subject: the problem's own words are the store's English.
wxString refused_for(const store::Refusal& refused) {
    const Problem& p = refused.problems.front();
    const wxString field = p.field.empty() ? wxString() : field_label(p.field) + ": ";
    switch (refused.reason) {
        case store::Refusal::Reason::curriculum_not_imported:
            return field + wxString::Format(_("no curriculum %s has been imported"), wx(refused.subject));
        case store::Refusal::Reason::no_completion_certificate:
            return field + wxString::Format(_("%s has no completion certificate yet"), wx(refused.subject));
        case store::Refusal::Reason::not_a_pack:
            return wxString::Format(_("%s is a whole Mitra database, not a field pack"), wx(refused.subject));
    }
    return describe_all(refused.problems);
}

}  // namespace

std::function<wxString(const store::Lookalike&)> lookalike_of(const std::string& ref) {
    return [ref](const store::Lookalike& found) {
        return wxString::Format(_("%s looks like %s."), wx(ref), refs_of(found.refs));
    };
}

std::function<wxString(const store::Lookalike&)> lookalike_in(const std::vector<io::ParticipantRow>& rows) {
    return [&rows](const store::Lookalike& found) {
        const auto& row = rows.at(found.index);
        wxString like = refs_of(found.refs);
        for (std::size_t j : found.earlier)
            like << (like.empty() ? "" : ", ")
                 << wxString::Format(_("%s on line %d"), wx(rows.at(j).participant.ref), rows.at(j).line);
        return wxString::Format(_("Line %d: %s looks like %s."), row.line, wx(row.participant.ref), like);
    };
}

wxString describe(const Problem& p) {
    wxString where;
    if (!p.file.empty()) where << wx(p.file) << ", ";
    if (p.line > 0) where << wxString::Format(_("line %d"), p.line) << ", ";
    if (p.column > 0) where << wxString::Format(_("column %d"), p.column) << ", ";
    if (!p.field.empty()) where << field_label(p.field) << ": ";
    else if (where.EndsWith(", ")) where.RemoveLast(2), where << ": ";
    // A refusal with a code in the interface's words (io's, which mitra-cli prints too); others as they came.
    return where + wx(io::problem_phrase(p, io::catalog(interface_catalog())));
}

wxString fault_words(const Fault& fault) { return wx(io::fault_phrase(fault, io::catalog(interface_catalog()))); }

wxString describe_all(const Problems& problems) {
    wxString out;
    for (const auto& p : problems) out << describe(p) << "\n";
    return out.Trim();
}

bool show_until_kept(wxDialog& dialog, const std::function<void()>& keep) {
    while (dialog.ShowModal() == wxID_OK)
        if (guarded(&dialog, keep)) return true;
    return false;
}

bool guarded(wxWindow* parent, const std::function<void()>& work) {
    try {
        work();
        return true;
    } catch (const store::TeachingRefusal& e) {
        // A trainer who may not teach the session: said in the program's words, with what would let them.
        if (e.bar.module_code.empty()) {  // not about a session (a renewal)
            show_error(parent, _("This was refused, and nothing was changed:") + "\n\n" +
                                   describe_bar(e.trainer_ref, e.bar) + ".\n" + fix_for(e.trainer_ref, e.bar));
            return false;
        }
        const wxString role = e.problems.front().field == "co-facilitator" ? _("Co-facilitator") : _("Trainer");
        show_error(parent,
                   _("This was refused, and nothing was changed:") + "\n\n" + role + ": " +
                       wxString::Format(_("%s cannot teach %s on %s: %s."), wx(e.trainer_ref), wx(e.bar.module_code),
                                        wx(e.bar.day), describe_bar(e.trainer_ref, e.bar)) +
                       "\n" + fix_for(e.trainer_ref, e.bar));
    } catch (const store::Refusal& e) {
        // Something done elsewhere would put it right: said with where, in this program, that is done.
        show_error(parent,
                   _("This was refused, and nothing was changed:") + "\n\n" + refused_for(e) + "\n\n" + remedy_for(e));
    } catch (const InputError& e) {
        const wxString lead = e.problems.size() == 1 ? _("This was refused, and nothing was changed:")
                                                     : _("These were refused, and nothing was changed:");
        show_error(parent, lead + "\n\n" + describe_all(e.problems));
    } catch (const store::DatabaseDamaged& e) {
        // What went wrong in the interface's words (io's, which mitra-cli prints too), then this program's advice.
        wxString message = fault_words(e.fault);
        if (!e.latest_good_backup.empty())
            message << "\n\n"
                    << _("To put the backup in its place, open the database again (File ▸ Open database…) and "
                         "choose Restore the backup.");
        show_error(parent, message);
    } catch (const store::SchemaNeedsOwner& e) {
        show_error(parent, fault_words(e.fault) + "\n\n" +
                               _("Ask the coordinator, who owns the hub's database, to open it once with this "
                                 "version of Mitra: that brings it up to date."));
    } catch (const store::DatabaseError& e) {
        show_error(parent, fault_words(e.fault));
    } catch (const io::FileError& e) {
        show_error(parent, fault_words(e.fault));
    } catch (const io::KeyError& e) {
        show_error(parent, fault_words(e.fault()));
    } catch (const std::exception& e) {
        show_error(parent, wxString::Format(_("Something went wrong: %s."), wx(e.what())));
    }
    return false;
}

}  // namespace mitra::app
