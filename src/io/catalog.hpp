// A language's gettext catalog (po/<lang>.po compiled to locale/<lang>/LC_MESSAGES/mitra.mo, the desktop program's
// own), read in-process for any language at once: the words below the front ends (reasons, report labels) come
// from it, whatever the process's locale.
#pragma once
#include <cstddef>
#include <filesystem>
#include <functional>
#include <locale>
#include <string>
#include <string_view>
#include <vector>

namespace mitra::io {

// A value for format(): a whole number, a number with a fraction, or words.
struct FormatArg {
    FormatArg(int v) : whole(v) {}
    FormatArg(long v) : whole(v) {}
    FormatArg(long long v) : whole(v) {}
    FormatArg(unsigned long v) : whole(static_cast<long long>(v)) {}
    FormatArg(double v) : fraction(v), is_fraction(true) {}
    FormatArg(std::string v) : words(std::move(v)), is_words(true) {}
    FormatArg(const char* v) : words(v), is_words(true) {}
    long long whole = 0;
    double fraction = 0;
    std::string words;
    bool is_fraction = false, is_words = false;
};

// printf's patterns as the catalogs hold them (%s, %d, %zu, %.1f, and %2$s where a translation reorders them; %%
// for a per cent sign), filled from `args`. A pattern asking for more than it is given leaves the rest out.
std::string format(std::string_view pattern, const std::vector<FormatArg>& args);

// One language's catalog. The marked calls (tr, trn, trc) are what xgettext extracts into po/mitra.pot.
class Catalog {
public:
    explicit Catalog(std::string language);  // "" or a language without a catalog: English, the msgids as they are
    const std::string& language() const { return language_; }
    bool translated() const { return loaded_; }

    std::string tr(const char* msgid) const;
    std::string trn(const char* singular, const char* plural, long long n) const;
    std::string trc(const char* context, const char* msgid) const;
    // Whether the catalog translates `msgid` (in `context`, or none when null), rather than falling back.
    bool has(const char* context, const char* msgid) const;

private:
    std::string language_;
    std::locale locale_;  // owns the catalog's facet
    bool loaded_ = false;
};

// The catalog of `language` (a catalog name "ja", "zh_CN", or a locale name "ja_JP.UTF-8"; see
// catalog_language), read once and kept for the process; English when there is none.
const Catalog& catalog(const std::string& language);

// Where the compiled catalogs are: <data>/locale as shipped_dir finds it (MITRA_DATA_DIR, an installed
// <prefix>/share/mitra), else <build>/locale beside the program or the build it came from. Empty when none.
std::filesystem::path catalog_dir();

// The catalog a language or locale name asks for ("ja_JP.UTF-8" -> "ja", "zh_HK" -> "zh_TW", "zh" -> "zh_CN"),
// among those in catalog_dir(); "" for English, C, POSIX or a language without a catalog.
std::string catalog_language(std::string_view name);

// The BCP 47 tag of content (module titles) in a catalog's language: "zh_CN" -> "zh-Hans", "zh_TW" -> "zh-Hant",
// "ja" -> "ja"; "en" for English ("").
std::string content_language(const std::string& catalog_language);

// The catalog the environment asks for, as gettext reads it: each entry of LANGUAGE (a colon-separated list)
// first, even when the locale is C, then the first set of LC_ALL, LC_MESSAGES and LANG; "" for English.
std::string environment_language(const std::function<const char*(const char*)>& getenv);
std::string environment_language();

}  // namespace mitra::io
