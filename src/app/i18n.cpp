// The interface's language: the system's, or the one chosen in Preferences; catalogs from <build>/locale.
#include "app/i18n.hpp"

#include <wx/config.h>
#include <wx/filename.h>
#include <wx/intl.h>
#include <wx/log.h>
#include <wx/stdpaths.h>
#include <wx/translation.h>

#include <dlfcn.h>

#include <clocale>
#include <filesystem>
#include <memory>

#include "app/app_context.hpp"
#include "app/fonts.hpp"
#include "app/text.hpp"

namespace mitra::app {

std::vector<InterfaceLanguage> interface_languages() {
    return {
        {"", _("System language")},
        {"en", "English"},
        {"ja", wxString::FromUTF8("日本語")},
        {"zh_CN", wxString::FromUTF8("简体中文")},
        {"zh_TW", wxString::FromUTF8("繁體中文")},
        {"ko", wxString::FromUTF8("한국어")},
        {"th", wxString::FromUTF8("ไทย")},
        {"id", "Bahasa Indonesia"},
        {"fil", "Filipino"},
        {"hi", wxString::FromUTF8("हिन्दी")},
        {"ne", wxString::FromUTF8("नेपाली")},
        {"ur", wxString::FromUTF8("اردو")},
        {"si", wxString::FromUTF8("සිංහල")},
        {"ta", wxString::FromUTF8("தமிழ்")},
    };
}

namespace {

void add_lookup_paths() {
    namespace fs = std::filesystem;
    std::error_code ec;
    const auto exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec)
        wxFileTranslationsLoader::AddCatalogLookupPathPrefix(wx((exe.parent_path().parent_path() / "locale").string()));
    const auto data = shipped_dir("locale");
    if (!data.empty()) wxFileTranslationsLoader::AddCatalogLookupPathPrefix(wx(data.string()));
    wxFileTranslationsLoader::AddCatalogLookupPathPrefix("/usr/share/locale");
}

std::string content_tag(const wxString& catalog) {
    if (catalog.StartsWith("zh_CN") || catalog.StartsWith("zh_SG")) return "zh-Hans";
    if (catalog.StartsWith("zh")) return "zh-Hant";
    const wxString base = catalog.BeforeFirst('_');
    return base.empty() ? "en" : utf8(base);
}

// GTK lays out every widget made from now on right to left (or back): wx's windows take their direction
// from GTK's default when they are made, and GTK only guesses it from its own catalog at start.
wxLayoutDirection direction_ = wxLayout_LeftToRight;
std::string catalog_;

void set_default_direction(wxLayoutDirection direction) {
    direction_ = direction;
    using SetDirection = void(int);  // GtkTextDirection: 1 left to right, 2 right to left
    if (auto* set = reinterpret_cast<SetDirection*>(dlsym(RTLD_DEFAULT, "gtk_widget_set_default_direction")))
        set(direction == wxLayout_RightToLeft ? 2 : 1);
}

}  // namespace

std::string set_up_translations(const wxString& code) {
    static std::unique_ptr<wxLocale> locale;
    add_lookup_paths();
    int language = wxLANGUAGE_DEFAULT;
    if (!code.empty()) {
        if (const wxLanguageInfo* info = wxLocale::FindLanguageInfo(code)) language = info->Language;
    }
    // The C library's locale may be missing on a bare system; the catalogs load regardless.
    locale.reset();
    wxLog::EnableLogging(false);
    locale = std::make_unique<wxLocale>();
    const bool has_locale = locale->Init(language, wxLOCALE_DONT_LOAD_DEFAULT);
    wxLog::EnableLogging(true);
    // Without the language's C locale, text still has to be UTF-8: the interface's strings are.
    if (!has_locale || !wxLocale::IsAvailable(language)) std::setlocale(LC_CTYPE, "C.UTF-8");
    auto* translations = new wxTranslations;
    wxTranslations::Set(translations);
    if (!code.empty()) translations->SetLanguage(code);
    translations->AddStdCatalog();
    translations->AddCatalog("mitra");
    catalog_ = utf8(translations->GetBestTranslation("mitra"));
    const wxLanguageInfo* info =
        code.empty() ? wxLocale::GetLanguageInfo(wxLocale::GetSystemLanguage()) : wxLocale::FindLanguageInfo(code);
    const wxString chosen = !code.empty() ? code : info ? info->CanonicalName : wxString("en");
    // Urdu (any language its description calls right to left) mirrors the windows made after this.
    set_default_direction(info ? info->LayoutDirection : wxLayout_LeftToRight);
    const std::string tag = content_tag(chosen);
    set_up_fonts(tag);
    return tag;
}

std::string interface_catalog() { return catalog_; }

wxLayoutDirection interface_direction() { return direction_; }

wxString in_interface_direction(const wxString& text) {
    if (direction_ != wxLayout_RightToLeft || text.empty() || text[0] == wxUniChar(0x200F)) return text;
    return wxString(wxUniChar(0x200F)) + text;
}

wxString saved_language() { return wxConfigBase::Get()->Read("/Interface/Language", ""); }

void save_language(const wxString& code) {
    wxConfigBase::Get()->Write("/Interface/Language", code);
    wxConfigBase::Get()->Flush();
}

}  // namespace mitra::app
