// UTF-8 std::string <-> wxString, so names in every script cross the boundary unchanged.
#pragma once
#include <wx/string.h>

#include <string>

#include "core/calendar.hpp"

namespace mitra::app {

inline wxString wx(const std::string& utf8) { return wxString::FromUTF8(utf8.data(), utf8.size()); }
inline std::string utf8(const wxString& text) { return text.utf8_string(); }
inline wxString wx(const Date& date) { return wx(to_string(date)); }

// A name set apart from the text around it (Unicode isolates), so an Urdu or Arabic name keeps its own
// right-to-left order without turning the whole line around.
inline wxString isolated(const wxString& text) { return wxString(wxUniChar(0x2068)) + text + wxUniChar(0x2069); }

}  // namespace mitra::app
