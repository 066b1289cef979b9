// What the program and the GUI tests set up before any window: configuration, image handlers, forms.
#include <wx/config.h>
#include <wx/fileconf.h>
#include <wx/filename.h>
#include <wx/image.h>

#include <cstdlib>

#include "app/forms.hpp"
#include "app/mitra_app.hpp"

namespace mitra::app {

bool set_up_environment(wxString& problem) {
    wxString dir;
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg) dir = wxString::FromUTF8(xdg);
    else dir = wxFileName::GetHomeDir() + "/.config";
    dir += "/mitra";
    wxFileName::Mkdir(dir, 0700, wxPATH_MKDIR_FULL);
    if (!wxConfigBase::Get(false))
        wxConfigBase::Set(new wxFileConfig("mitra", "", dir + "/mitra.conf", "", wxCONFIG_USE_LOCAL_FILE));
    wxInitAllImageHandlers();
    return load_forms(problem);
}

}  // namespace mitra::app
