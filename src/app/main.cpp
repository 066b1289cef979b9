// mitra [--db PATH|URL] [--cohort CODE]: the desktop program.
#include <wx/cmdline.h>
#include <wx/config.h>
#include <wx/fileconf.h>
#include <wx/filename.h>
#include <wx/intl.h>
#include <wx/msgdlg.h>
#include <wx/stdpaths.h>

#include <cstdlib>
#include <exception>

#include "app/forms.hpp"
#include "app/guard.hpp"
#include "app/i18n.hpp"
#include "app/main_frame.hpp"
#include "app/recovery.hpp"
#include "app/mitra_app.hpp"
#include "app/text.hpp"

namespace mitra::app {

bool MitraApp::OnInit() {
    if (!wxApp::OnInit()) return false;
    wxString problem;
    if (!set_up_environment(problem)) {
        wxMessageBox(problem, _("Mitra"), wxICON_ERROR);
        return false;
    }
    context_ = std::make_unique<AppContext>();
    context_->set_language(set_up_translations(saved_language()));
    std::string target = utf8(db_target_);
    if (target.empty())
        if (const char* env = std::getenv("MITRA_DB"); env && *env) target = env;
    if (target.empty()) target = store::Database::default_path();
    open_database(nullptr, *context_, target);
    auto* frame = new MainFrame(*context_);
    frame->Show();
    frame->open_at_start(utf8(cohort_));
    return true;
}

void MitraApp::OnInitCmdLine(wxCmdLineParser& parser) {
    wxApp::OnInitCmdLine(parser);
    parser.AddOption("", "db", _("the database: a file path or a postgresql:// URL"), wxCMD_LINE_VAL_STRING);
    parser.AddOption("", "cohort", _("a cohort's code: open it at once (a desktop shortcut per cohort)"),
                     wxCMD_LINE_VAL_STRING);
}

bool MitraApp::OnCmdLineParsed(wxCmdLineParser& parser) {
    parser.Found("db", &db_target_);
    parser.Found("cohort", &cohort_);
    return wxApp::OnCmdLineParsed(parser);
}

bool MitraApp::OnExceptionInMainLoop() {
    // Said as guarded() says it: a refusal, or a failure of the database, the disk or a key file in the interface's
    // words; anything else as it came.
    const std::exception_ptr failure = std::current_exception();
    try {
        guarded(nullptr, [&] { std::rethrow_exception(failure); });
    } catch (...) {
        show_error(nullptr, _("Something went wrong."));
    }
    return true;  // keep working: the change was rolled back
}

wxLayoutDirection MitraApp::GetLayoutDirection() const { return interface_direction(); }

int MitraApp::OnExit() {
    delete wxConfigBase::Set(nullptr);
    return wxApp::OnExit();
}

}  // namespace mitra::app

wxIMPLEMENT_APP(mitra::app::MitraApp);
