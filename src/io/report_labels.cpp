// The programme report's words: labels keyed by their English text, in each language from the gettext catalogs
// (context "report", read per language by io::catalog), and country names from ICU (CLDR).
#include "io/report_labels.hpp"

#include "core/country.hpp"
#include "io/catalog.hpp"

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <array>
#include <cctype>

namespace mitra::io {
namespace {

// The languages the report speaks besides English, as BCP 47 tags.
constexpr std::array<std::string_view, 13> kLanguages = {"ja", "ko", "zh-Hans", "zh-Hant", "th", "id", "fil",
                                                         "hi", "ne", "si",      "ta",      "vi", "ur"};

// Every label, its English text the key; the words of each language are the catalogs' (po/<lang>.po, context
// "report"). REPORT_LABEL marks them for xgettext (po/CMakeLists.txt) and leaves the English.
#define REPORT_LABEL(context, english) english
// clang-format off
constexpr std::string_view kLabels[] = {
    // Titles of the report, its tables (also XLSX sheet names) and charts.
    REPORT_LABEL("report", "Programme report"),
    REPORT_LABEL("report", "Summary"),
    REPORT_LABEL("report", "Programme summary"),
    REPORT_LABEL("report", "Countries"),
    REPORT_LABEL("report", "By country"),
    REPORT_LABEL("report", "Modules"),
    REPORT_LABEL("report", "By module: attendance, completion and drop-out"),
    REPORT_LABEL("report", "Months"),
    REPORT_LABEL("report", "Attendance over time"),
    REPORT_LABEL("report", "People enrolled and completed, by country"),
    REPORT_LABEL("report", "Attendance over time: attendances per month"),
    REPORT_LABEL("report", "Completion funnel: people who completed each module"),
    REPORT_LABEL("report", "people who completed each module"),
    REPORT_LABEL("report", "attendances per month"),
    REPORT_LABEL("report", "Practice"),
    REPORT_LABEL("report", "Supervised practice and observed assessment, by country"),

    // Column headings and figure names.
    REPORT_LABEL("report", "figure"),
    REPORT_LABEL("report", "value"),
    REPORT_LABEL("report", "period"),
    REPORT_LABEL("report", "country"),
    REPORT_LABEL("report", "curriculum"),
    REPORT_LABEL("report", "curriculum title"),
    REPORT_LABEL("report", "cohort"),
    REPORT_LABEL("report", "cohorts"),
    REPORT_LABEL("report", "people enrolled"),
    REPORT_LABEL("report", "people completed"),
    REPORT_LABEL("report", "completion rate"),
    REPORT_LABEL("report", "sessions held"),
    REPORT_LABEL("report", "sessions without attendance recorded"),
    REPORT_LABEL("report", "session hours delivered"),
    REPORT_LABEL("report", "participant hours attended"),
    REPORT_LABEL("report", "enrolled but never attended"),
    REPORT_LABEL("report", "certificates issued"),
    REPORT_LABEL("report", "certificates revoked"),
    REPORT_LABEL("report", "trainers active"),
    REPORT_LABEL("report", "observed practice met"),
    REPORT_LABEL("report", "asked to repeat"),
    REPORT_LABEL("report", "result not yet released"),
    REPORT_LABEL("report", "supervision hours, one-to-one"),
    REPORT_LABEL("report", "supervision hours, group"),
    REPORT_LABEL("report", "past their deadline"),
    REPORT_LABEL("report", "note"),
    REPORT_LABEL("report", "enrolled"),
    REPORT_LABEL("report", "completed"),
    REPORT_LABEL("report", "session hours"),
    REPORT_LABEL("report", "module"),
    REPORT_LABEL("report", "attendances"),
    REPORT_LABEL("report", "attendance rate"),
    REPORT_LABEL("report", "people attending"),
    REPORT_LABEL("report", "dropped out after"),
    REPORT_LABEL("report", "month"),

    // Values and sentences.
    REPORT_LABEL("report", "all"),
    REPORT_LABEL("report", "suppressed"),
    REPORT_LABEL("report", "{from} to {to}"),
    REPORT_LABEL("report", "{label}: {value}"),
    REPORT_LABEL("report", "{cohorts} cohort(s), {sessions} session(s) held"),
    REPORT_LABEL("report", "counts from 1 to 4 are shown as <5; rates from them, and other cells from which one could be worked out, are suppressed"),
    REPORT_LABEL("report", "Aggregate figures only"),
    REPORT_LABEL("report", "Nothing to show for this period"),
    REPORT_LABEL("report", "nothing in this period"),
    REPORT_LABEL("report", "page {n}"),

    // The CSV's columns (table,item,measure,value).
    REPORT_LABEL("report", "table"),
    REPORT_LABEL("report", "item"),
    REPORT_LABEL("report", "measure"),
};
// clang-format on
#undef REPORT_LABEL

bool is_label(std::string_view english) {
    for (const auto l : kLabels)
        if (l == english) return true;
    return false;
}

// The catalog holding a report language's words ("zh-Hans" -> zh_CN); English ("") for English.
const Catalog& catalog_of(const std::string& shipped) {
    if (shipped == "zh-Hans") return catalog("zh_CN");
    if (shipped == "zh-Hant") return catalog("zh_TW");
    return catalog(shipped == "en" ? "" : shipped);
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

}  // namespace

const std::vector<std::string>& report_languages() {
    static const std::vector<std::string> all = [] {
        std::vector<std::string> v{"en"};
        for (auto l : kLanguages) v.emplace_back(l);
        return v;
    }();
    return all;
}

std::string report_language(std::string_view tag) {
    std::string t = lower(tag);
    for (char& c : t)
        if (c == '_') c = '-';
    const std::string primary = t.substr(0, t.find('-'));
    if (primary == "zh") {
        // Traditional for Taiwan, Hong Kong and Macau or an explicit Hant; Simplified otherwise.
        for (const char* traditional : {"-hant", "-tw", "-hk", "-mo"})
            if (t.find(traditional) != std::string::npos) return "zh-Hant";
        return "zh-Hans";
    }
    for (const auto& l : report_languages())
        if (l == primary) return l;
    return "";
}

std::string report_label(std::string_view english, std::string_view language,
                         const std::vector<std::pair<std::string, std::string>>& values) {
    const std::string key(english);
    const std::string shipped = report_language(language);
    std::string text = key;
    if (!shipped.empty() && is_label(key)) text = catalog_of(shipped).trc("report", key.c_str());
    for (const auto& [name, value] : values) {
        const std::string slot = "{" + name + "}";
        for (std::size_t at = text.find(slot); at != std::string::npos; at = text.find(slot, at + value.size()))
            text.replace(at, slot.size(), value);
    }
    return text;
}

bool has_report_label(std::string_view english, std::string_view language) {
    const std::string key(english);
    if (!is_label(key)) return false;
    const std::string shipped = report_language(language);
    if (shipped == "en") return true;
    return !shipped.empty() && catalog_of(shipped).has("report", key.c_str());
}

std::vector<std::string> report_label_keys() {
    std::vector<std::string> keys;
    for (const auto l : kLabels) keys.emplace_back(l);
    return keys;
}

std::string country_name(const std::string& iso_code, std::string_view language) {
    std::string shipped = report_language(language);
    if (shipped.empty()) shipped = std::string(language);
    return mitra::country_name(iso_code, shipped);
}

}  // namespace mitra::io
