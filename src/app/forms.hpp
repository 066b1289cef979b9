// The dialogs' layouts: forms/*.xrc, loaded once at start from the shipped forms folder.
#pragma once
#include <wx/string.h>

namespace mitra::app {

// Loads every forms/*.xrc; false (with the reason in `problem`) when the folder or a file is missing.
bool load_forms(wxString& problem);

}  // namespace mitra::app
