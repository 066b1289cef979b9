// A person's progress letter in the desktop program (issue 21): its content (done, remaining, deadline) on the
// person's pathway in the interface's language, and "Save progress letter…", the workflow mitra-cli runs too.
#include <wx/intl.h>

#include "app/details_view.hpp"
#include "app/guard.hpp"
#include "app/practice_dialogs.hpp"
#include "app/text.hpp"
#include "workflow/progress_letter.hpp"

namespace mitra::app {

void add_progress_letter(DetailsView& details, AppContext& context, const std::string& ref,
                         const std::string& cohort_code) {
    pdf::LetterText words;
    const bool gathered = guarded(&details, [&] {
        const auto letter = workflow::gather_progress_letter(
            context.db(), workflow::LetterRequest{ref, cohort_code, context.language(), context.today()});
        words = workflow::word_progress_letter(letter.letter, io::catalog(letter.catalog));
    });
    if (!gathered) return;
    // What is done, what remains and the deadline: the letter's own sections, but for who to contact (the last).
    for (std::size_t i = 0; i + 1 < words.sections.size(); ++i) {
        const auto& section = words.sections[i];
        wxString text = wx(section.lead);
        for (const auto& item : section.items) text << (text.empty() ? "" : "\n") << "• " << wx(item);
        details.add_field(wxString::Format(_("%s (%s)"), wx(section.heading), wx(cohort_code)), text);
    }
}

bool save_progress_letter(wxWindow* parent, AppContext& context, const std::string& ref,
                          const std::string& cohort_code) {
    const wxString path = ask_save_path(parent, wxString::Format(_("Save the progress letter of %s"), wx(ref)),
                                        wx(ref + "-progress.pdf"), _("PDF files (*.pdf)|*.pdf"));
    if (path.empty()) return false;
    // The person's language, else the cohort's (as mitra-cli's default): the letter is theirs to read.
    return guarded(parent, [&] {
        workflow::write_progress_letter(context.db(), context.fonts(),
                                        workflow::LetterRequest{ref, cohort_code, "", context.today()}, utf8(path));
    });
}

}  // namespace mitra::app
