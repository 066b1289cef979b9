// Per-language gettext catalogs through Boost.Locale's reader of .mo files (not glibc's gettext, which follows the
// one process-wide locale), printf-style patterns filled, and the language the environment asks for.
#include "io/catalog.hpp"

#include <boost/locale/gnu_gettext.hpp>
#include <boost/locale/message.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <mutex>

#include "io/files.hpp"

namespace mitra::io {
namespace fs = std::filesystem;

namespace {

using Messages = boost::locale::message_format<char>;

// One conversion of a pattern: "%2$.1f" -> position 2, flags ".1", conversion 'f'.
std::string converted(const std::string& spec, char conversion, const FormatArg& arg) {
    if (conversion == 's')
        return arg.is_words ? arg.words : arg.is_fraction ? std::to_string(arg.fraction) : std::to_string(arg.whole);
    char out[64];
    if (conversion == 'f' || conversion == 'g' || conversion == 'e') {
        const double value = arg.is_fraction ? arg.fraction : static_cast<double>(arg.whole);
        std::snprintf(out, sizeof out, ("%" + spec + conversion).c_str(), value);
        return out;
    }
    const long long value = arg.is_fraction ? static_cast<long long>(arg.fraction) : arg.whole;
    std::snprintf(out, sizeof out, ("%" + spec + "ll" + (conversion == 'u' ? 'u' : 'd')).c_str(), value);
    return out;
}

bool has_catalog(const fs::path& dir, const std::string& name) {
    std::error_code ec;
    return !dir.empty() && !name.empty() && fs::is_regular_file(dir / name / "LC_MESSAGES" / "mitra.mo", ec);
}

}  // namespace

std::string format(std::string_view pattern, const std::vector<FormatArg>& args) {
    std::string out;
    std::size_t next = 0;  // the argument an unnumbered conversion takes
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] != '%') {
            out += pattern[i];
            continue;
        }
        if (i + 1 < pattern.size() && pattern[i + 1] == '%') {
            out += '%';
            ++i;
            continue;
        }
        std::size_t j = i + 1, position = 0;
        while (j < pattern.size() && pattern[j] >= '0' && pattern[j] <= '9')
            position = position * 10 + (pattern[j++] - '0');
        std::string spec;
        if (j < pattern.size() && pattern[j] == '$' && position > 0) {
            ++j;
        } else {
            spec = std::string(pattern.substr(i + 1, j - i - 1));  // digits were a width, not a position
            position = 0;
        }
        while (j < pattern.size() && std::string_view("-+ #0123456789.").find(pattern[j]) != std::string_view::npos)
            spec += pattern[j++];
        while (j < pattern.size() && std::string_view("hlLqjzt").find(pattern[j]) != std::string_view::npos) ++j;
        if (j >= pattern.size()) break;
        const std::size_t index = position > 0 ? position - 1 : next++;
        if (index < args.size()) out += converted(spec, pattern[j], args[index]);
        i = j;
    }
    return out;
}

Catalog::Catalog(std::string language) : language_(std::move(language)) {
    const fs::path dir = catalog_dir();
    if (!has_catalog(dir, language_)) return;
    boost::locale::gnu_gettext::messages_info info;
    info.language = language_;  // the folder's name as it is ("zh_CN"): no country to split off
    info.encoding = "UTF-8";
    info.domains.push_back(boost::locale::gnu_gettext::messages_info::domain("mitra"));
    info.paths.push_back(dir.string());
    if (Messages* messages = boost::locale::gnu_gettext::create_messages_facet<char>(info)) {
        locale_ = std::locale(std::locale::classic(), messages);  // the locale owns and deletes the facet
        loaded_ = true;
    }
}

std::string Catalog::tr(const char* msgid) const { return trc(nullptr, msgid); }

std::string Catalog::trc(const char* context, const char* msgid) const {
    if (loaded_) {
        if (const char* found = std::use_facet<Messages>(locale_).get(0, context, msgid)) return found;
    }
    return msgid;
}

bool Catalog::has(const char* context, const char* msgid) const {
    return loaded_ && std::use_facet<Messages>(locale_).get(0, context, msgid) != nullptr;
}

std::string Catalog::trn(const char* singular, const char* plural, long long n) const {
    if (loaded_) {
        const int count = static_cast<int>(std::min<long long>(n < 0 ? -n : n, 1000000000));  // Boost counts in int
        if (const char* found = std::use_facet<Messages>(locale_).get(0, nullptr, singular, count)) return found;
    }
    return n == 1 ? singular : plural;
}

const Catalog& catalog(const std::string& language) {
    static std::mutex mutex;
    static std::map<std::string, std::unique_ptr<Catalog>> loaded;
    const std::string name = catalog_language(language);
    std::lock_guard lock(mutex);
    auto& slot = loaded[name];
    if (!slot) slot = std::make_unique<Catalog>(name);
    return *slot;
}

fs::path catalog_dir() {
    if (auto shipped = shipped_dir("locale"); !shipped.empty()) return shipped;
    std::error_code ec;
    const auto exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        // <build>/bin/mitra-cli -> <build>/locale; a test in <build>/tests/... finds the build it came from below.
        if (const auto beside = exe.parent_path().parent_path() / "locale"; fs::is_directory(beside, ec)) return beside;
    }
    const fs::path built = fs::path(MITRA_BINARY_DIR) / "locale";
    return fs::is_directory(built, ec) ? built : fs::path();
}

std::string catalog_language(std::string_view name) {
    std::string base(name.substr(0, name.find_first_of(".@")));  // "ja_JP.UTF-8@x" -> "ja_JP"
    for (auto& c : base)
        if (c == '-') c = '_';  // a BCP 47 tag: "zh-Hant" -> "zh_Hant"
    const std::string language = base.substr(0, base.find('_'));
    if (language.empty() || language == "en" || base == "C" || base == "POSIX") return "";
    const fs::path dir = catalog_dir();
    if (has_catalog(dir, base)) return base;
    if (language == "zh") {
        const std::string rest = base.size() > 3 ? base.substr(3) : "";
        const bool traditional = rest == "TW" || rest == "HK" || rest == "MO" || rest == "Hant";
        return has_catalog(dir, traditional ? "zh_TW" : "zh_CN") ? (traditional ? "zh_TW" : "zh_CN") : "";
    }
    return has_catalog(dir, language) ? language : "";
}

std::string content_language(const std::string& catalog_language) {
    if (catalog_language.empty()) return "en";
    if (catalog_language == "zh_CN") return "zh-Hans";
    if (catalog_language == "zh_TW") return "zh-Hant";
    return catalog_language.substr(0, catalog_language.find('_'));
}

std::string environment_language(const std::function<const char*(const char*)>& getenv) {
    const auto value = [&](const char* name) {
        const char* v = getenv(name);
        return std::string(v ? v : "");
    };
    const std::string list = value("LANGUAGE");
    for (std::size_t start = 0; start < list.size();) {
        const std::size_t end = std::min(list.find(':', start), list.size());
        const std::string entry = list.substr(start, end - start);
        start = end + 1;
        if (entry.empty()) continue;
        const std::string language = entry.substr(0, entry.find_first_of("_.@-"));
        if (language == "en" || entry == "C" || entry == "POSIX") return "";  // English asked for first
        if (auto found = catalog_language(entry); !found.empty()) return found;
    }
    for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        if (const std::string v = value(name); !v.empty()) return catalog_language(v);
    }
    return "";
}

std::string environment_language() {
    return environment_language([](const char* name) -> const char* { return std::getenv(name); });
}

}  // namespace mitra::io
