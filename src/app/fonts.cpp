// Which faces draw each script in the interface: a few fontconfig rules made for the chosen language, given
// to the Pango font map GTK draws with.
#include "app/fonts.hpp"

#include <dlfcn.h>
#include <fontconfig/fontconfig.h>

#include "pdf/font_stack.hpp"

namespace mitra::app {

namespace {

// The region's scripts whose fallback fontconfig gets wrong or leaves to chance; Latin stays the system's.
constexpr hb_script_t kScripts[] = {HB_SCRIPT_TAMIL, HB_SCRIPT_SINHALA, HB_SCRIPT_DEVANAGARI, HB_SCRIPT_THAI};

bool cjk(const std::string& language) {
    return language.rfind("ja", 0) == 0 || language.rfind("ko", 0) == 0 || language.rfind("zh", 0) == 0;
}

// Each family with its UI cut first (tighter line height, made for menus and labels) where one exists.
void add_with_ui_cut(std::vector<std::string>& out, const std::vector<std::string>& families) {
    for (const auto& family : families) {
        out.push_back(family + " UI");
        out.push_back(family);
    }
}

// Naskh (its UI cut first), for Urdu too: Nastaliq, as the certificates print Urdu, is taller than a line of the
// interface gives room for (the status bar and the completion summary cut it off), so "ur-Arab" asks the PDF
// font stack for the plain Arabic faces, and the serif role puts Naskh before Noto Sans Arabic.
std::vector<std::string> arabic_families() {
    std::vector<std::string> out;
    add_with_ui_cut(out, pdf::FontStack::candidate_families(HB_SCRIPT_ARABIC, {"serif", false, "ur-Arab"}, {}));
    return out;
}

std::string edit(const char* mode, const std::vector<std::string>& families) {
    std::string xml = std::string("<edit name=\"family\" mode=\"") + mode + "\">";
    for (const auto& family : families) xml += "<string>" + family + "</string>";
    return xml + "</edit>";
}

// Appended to the generic families (weakly, after the system's Latin faces), so a Latin letter or digit
// keeps its face and a Tamil one no longer falls to whichever face fontconfig sorts first. Arabic goes
// before DejaVu Sans, which has Arabic letters of its own and would otherwise draw Urdu.
std::string rules(const std::string& language) {
    std::string xml = "<?xml version=\"1.0\"?><fontconfig>";
    xml += "<match target=\"pattern\"><test name=\"family\"><string>DejaVu Sans</string></test>" +
           edit("prepend", arabic_families()) + "</match>";
    for (const char* generic : {"sans-serif", "serif", "monospace"})
        xml += std::string("<match target=\"pattern\"><test name=\"family\"><string>") + generic + "</string></test>" +
               edit("append_last", preferred_families(language)) + "</match>";
    return xml + "</fontconfig>";
}

// GTK's Pango, reached by name: the program links it through wxGTK, without its headers.
template <typename Function>
Function* gtk_side(const char* name) {
    return reinterpret_cast<Function*>(dlsym(RTLD_DEFAULT, name));
}

}  // namespace

std::vector<std::string> preferred_families(const std::string& language) {
    std::vector<std::string> out;
    if (cjk(language)) {
        const auto han = pdf::FontStack::candidate_families(HB_SCRIPT_HAN, {"sans", false, language}, {});
        out.insert(out.end(), han.begin(), han.end());
    }
    for (const hb_script_t script : kScripts)
        add_with_ui_cut(out, pdf::FontStack::candidate_families(script, {"sans", false, language}, {}));
    const auto arabic = arabic_families();
    out.insert(out.end(), arabic.begin(), arabic.end());
    return out;
}

bool set_up_fonts(const std::string& language) {
    FcConfig* config = FcInitLoadConfigAndFonts();
    if (!config) return false;
    const std::string xml = rules(language);
    if (!FcConfigParseAndLoadFromMemory(config, reinterpret_cast<const FcChar8*>(xml.c_str()), FcTrue)) {
        FcConfigDestroy(config);
        return false;
    }
    FcConfigSetCurrent(config);
    using GetDefault = void*();
    using SetConfig = void(void*, FcConfig*);
    auto* get_default = gtk_side<GetDefault>("pango_cairo_font_map_get_default");
    auto* set_config = gtk_side<SetConfig>("pango_fc_font_map_set_config");
    // The font map forgets the fonts it chose before (a language changed while the program runs).
    if (get_default && set_config)
        if (void* font_map = get_default()) set_config(font_map, config);
    FcConfigDestroy(config);  // the current configuration and the font map hold it
    return true;
}

}  // namespace mitra::app
