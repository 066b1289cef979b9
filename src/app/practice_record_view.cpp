// What a person's practice amounts to for those who vouch for it, in the desktop program (issue 21): a supervisor's
// verification of their own entries saved as a PDF, and the coordinator's record for an auditor read on screen and
// saved as a PDF. Both are workflow/practice_record's, the calls mitra-cli makes.
#include <wx/button.h>
#include <wx/choicdlg.h>
#include <wx/intl.h>
#include <wx/textctrl.h>
#include <wx/xrc/xmlres.h>

#include <algorithm>
#include <memory>

#include "app/guard.hpp"
#include "app/practice_dialogs.hpp"
#include "app/screen_room.hpp"
#include "app/text.hpp"
#include "io/catalog.hpp"
#include "workflow/practice_record.hpp"

namespace mitra::app {
namespace {

// The record as lines a screen reader reads one by one: the title, who and when, each section's heading, its
// paragraphs, its list and each table row as "heading: value" pairs, then the footer.
wxString record_lines(const pdf::RecordText& record) {
    wxString text = wx(record.title) + "\n";
    for (const auto& line : record.about) text << wx(line) << "\n";
    for (const auto& section : record.sections) {
        text << "\n" << wx(section.heading) << "\n";
        for (const auto& paragraph : section.paragraphs) text << wx(paragraph) << "\n";
        for (const auto& item : section.items) text << "• " << wx(item) << "\n";
        for (const auto& table : section.tables) {
            for (const auto& row : table.rows) {
                wxString line;
                for (std::size_t i = 0; i < row.size(); ++i) {
                    if (row[i].empty()) continue;
                    if (!line.empty()) line << "; ";
                    if (i < table.header.size() && !table.header[i].empty()) line << wx(table.header[i]) << ": ";
                    line << wx(row[i]);
                }
                text << "• " << line << "\n";
            }
        }
    }
    if (!record.footer.empty()) text << "\n" << wx(record.footer) << "\n";
    return text;
}

// The coordinator's record in the interface's language; gather_practice refuses (InputError) an unknown ref or
// cohort, before any window is made.
wxString practice_record_text(AppContext& context, const std::string& ref, const std::string& cohort_code) {
    const auto practice = workflow::gather_practice(
        context.db(), workflow::PracticeRequest{ref, cohort_code, context.language(), context.today()},
        workflow::Reader::coordinator);
    return record_lines(workflow::word_practice_record(practice, io::catalog(practice.catalog)));
}

}  // namespace

bool save_supervisor_verification(wxWindow* parent, AppContext& context, const std::string& ref,
                                  const std::string& cohort_code) {
    // Who has entries for the person in the cohort, in the order first met (the modules' entries by day).
    std::vector<std::string> refs;
    wxArrayString shown;
    const bool gathered = guarded(parent, [&] {
        const auto practice = workflow::gather_practice(
            context.db(), workflow::PracticeRequest{ref, cohort_code, context.language(), context.today()},
            workflow::Reader::coordinator);
        for (const auto& module : practice.modules)
            for (const auto& accounted : module.entries) {
                const std::string& who = accounted.entry.supervisor_ref;
                if (std::find(refs.begin(), refs.end(), who) != refs.end()) continue;
                refs.push_back(who);
                const Supervisor* supervisor = practice.supervisor(who);
                shown.Add(supervisor ? wxString::Format(_("%s (%s)"), wx(who), wx(supervisor->name)) : wx(who));
            }
    });
    if (!gathered) return false;
    if (refs.empty()) {
        show_info(parent, wxString::Format(_("No supervisor has logged supervised practice of %s in %s, so there "
                                             "is nothing to verify. Nothing was written."),
                                           wx(ref), wx(cohort_code)));
        return false;
    }
    std::string chosen = refs.front();
    if (refs.size() > 1) {
        wxSingleChoiceDialog ask(parent,
                                 wxString::Format(_("Whose verification of %s's supervised practice?"), wx(ref)),
                                 _("Supervisor's verification"), shown);
        ask.SetName("choose_supervisor");
        if (ask.ShowModal() != wxID_OK || ask.GetSelection() == wxNOT_FOUND) return false;
        chosen = refs[static_cast<std::size_t>(ask.GetSelection())];
    }
    return save_verification_by(parent, context, ref, cohort_code, chosen);
}

bool save_verification_by(wxWindow* parent, AppContext& context, const std::string& ref, const std::string& cohort_code,
                          const std::string& supervisor_ref) {
    const wxString path = ask_save_path(
        parent, wxString::Format(_("Save %s's verification of the practice of %s"), wx(supervisor_ref), wx(ref)),
        wx(ref + "-verification-" + supervisor_ref + ".pdf"), _("PDF files (*.pdf)|*.pdf"));
    if (path.empty()) return false;
    // The person's language, else the cohort's (as mitra-cli's default): the person may read it too.
    return guarded(parent, [&] {
        workflow::write_supervisor_verification(context.db(), context.fonts(),
                                                workflow::PracticeRequest{ref, cohort_code, "", context.today()},
                                                supervisor_ref, utf8(path));
    });
}

PracticeRecordDialog::PracticeRecordDialog(wxWindow* parent, AppContext& context, const std::string& ref,
                                           const std::string& cohort_code)
    : context_(context), ref_(ref), cohort_(cohort_code), text_(practice_record_text(context, ref, cohort_code)) {
    wxXmlResource::Get()->LoadDialog(this, parent, "PracticeRecordDialog");
    SetTitle(wxString::Format(_("Practice record of %s in %s"), wx(ref), wx(cohort_code)));
    auto* view = XRCCTRL(*this, "record_text", wxTextCtrl);
    view->ChangeValue(text_);
    view->SetInsertionPoint(0);
    XRCCTRL(*this, "save_pdf", wxButton)->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { save_pdf(); });
    SetEscapeId(wxID_CANCEL);
    view->SetFocus();
    fit_to_screen(this);
}

bool PracticeRecordDialog::save_pdf() {
    const wxString path = ask_save_path(this, wxString::Format(_("Save the practice record of %s"), wx(ref_)),
                                        wx(ref_ + "-practice-record.pdf"), _("PDF files (*.pdf)|*.pdf"));
    if (path.empty()) return false;
    // The cohort's language (as mitra-cli's default): the coordinator's document, for an auditor.
    return guarded(this, [&] {
        workflow::write_practice_record(context_.db(), context_.fonts(),
                                        workflow::PracticeRequest{ref_, cohort_, "", context_.today()}, utf8(path));
    });
}

void show_practice_record(wxWindow* parent, AppContext& context, const std::string& ref,
                          const std::string& cohort_code) {
    std::unique_ptr<PracticeRecordDialog> dialog;
    if (!guarded(parent, [&] { dialog = std::make_unique<PracticeRecordDialog>(parent, context, ref, cohort_code); }))
        return;
    dialog->ShowModal();
}

}  // namespace mitra::app
