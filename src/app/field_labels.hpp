// The fields refusals name ("full_name", "time_zone") in words of the interface's language ("Full name").
#pragma once
#include <wx/string.h>

#include <string>

namespace mitra::app {

// One table for the whole desktop program: every place that phrases a refusal or a problem asks it. A field it
// does not know is shown as recorded, its underscores as spaces.
wxString field_label(const std::string& field);

}  // namespace mitra::app
