// The interface's language: the system's, or the one chosen in Preferences; catalogs from <build>/locale.
#pragma once
#include <wx/defs.h>
#include <wx/string.h>

#include <string>
#include <vector>

namespace mitra::app {

struct InterfaceLanguage {
    wxString code;  // "" for the system's language, else a catalog name: "en", "ja", "zh_CN", "id"
    wxString name;  // in its own language
};
std::vector<InterfaceLanguage> interface_languages();

// Sets up translations for `code` ("" follows the system); returns the BCP 47 tag used for content
// (module titles), such as "ja" or "zh-Hans". Windows made after it are laid out in the language's direction
// (Urdu right to left), and every script is drawn with the faces set_up_fonts() prefers for the language.
std::string set_up_translations(const wxString& code);

// The catalog set_up_translations() loaded for the interface ("ja", "zh_CN"; "" for English): the words below
// the front ends (io::catalog) are read in it too.
std::string interface_catalog();

// The direction of the language set_up_translations() chose: what the program's wxApp::GetLayoutDirection()
// says, since wx asks the C library's locale, which a system without (say) ur_PK.UTF-8 cannot give.
wxLayoutDirection interface_direction();

// `text` as a paragraph read in the interface's direction. Pango takes a line's direction from its first letter,
// so in Urdu a line that begins with a code or a number (M01 …, KTM-2026-1 · …) would be laid out left to right,
// its start at the left and cut off at the right; a right-to-left mark first keeps it right to left.
wxString in_interface_direction(const wxString& text);

// The choice saved in the configuration ("" when none).
wxString saved_language();
void save_language(const wxString& code);

}  // namespace mitra::app
