// The program: command line, configuration, language, forms, the database, and the main window.
#pragma once
#include <wx/app.h>

#include <memory>

#include "app/app_context.hpp"

namespace mitra::app {

// Configuration in $XDG_CONFIG_HOME/mitra/mitra.conf, translations, forms: what the program and tests share.
bool set_up_environment(wxString& problem);

class MitraApp : public wxApp {
public:
    bool OnInit() override;
    void OnInitCmdLine(wxCmdLineParser& parser) override;
    bool OnCmdLineParsed(wxCmdLineParser& parser) override;
    bool OnExceptionInMainLoop() override;
    int OnExit() override;
    // The chosen language's direction (Urdu mirrors the windows), whichever C locales the system has.
    wxLayoutDirection GetLayoutDirection() const override;

private:
    wxString db_target_;
    wxString cohort_;  // --cohort CODE: the cohort to open at start
    std::unique_ptr<AppContext> context_;
};

}  // namespace mitra::app
