// Time zones checked against ICU's copy of the IANA database (libicudata: no file is read here).
#include "core/time_zone.hpp"

#include <unicode/strenum.h>
#include <unicode/timezone.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <memory>
#include <vector>

#include "core/calendar.hpp"

namespace mitra {
namespace {

// ICU keeps Java's three-letter names beside IANA's; these few are IANA's own.
constexpr std::array kIanaThreeLetters = {"CET", "EET", "EST", "GMT", "HST", "MET", "MST", "UCT", "UTC", "WET"};

bool ianas_name(std::string_view name) {
    if (name.rfind("SystemV/", 0) == 0) return false;
    const bool three_capitals =
        name.size() == 3 && std::all_of(name.begin(), name.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    return !three_capitals ||
           std::find(kIanaThreeLetters.begin(), kIanaThreeLetters.end(), name) != kIanaThreeLetters.end();
}

bool icu_system_zone(std::string_view name) {
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString canonical;
    UBool system = false;
    icu::TimeZone::getCanonicalID(icu::UnicodeString::fromUTF8(icu::StringPiece(name.data(), name.size())), canonical,
                                  system, status);
    return U_SUCCESS(status) && system;
}

// Every zone name ICU knows that IANA has too, read once.
const std::vector<std::string>& known_zones() {
    static const std::vector<std::string> zones = [] {
        std::vector<std::string> out;
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::StringEnumeration> all(
            icu::TimeZone::createTimeZoneIDEnumeration(UCAL_ZONE_TYPE_ANY, nullptr, nullptr, status));
        if (U_FAILURE(status) || !all) return out;
        while (const char* id = all->next(nullptr, status)) {
            if (U_FAILURE(status)) break;
            if (ianas_name(id)) out.emplace_back(id);
        }
        return out;
    }();
    return zones;
}

// Edits (insert, delete, replace, swap two neighbours) from a to b, letters compared case aside; stops counting
// past `limit`.
std::size_t slips(std::string_view a, std::string_view b, std::size_t limit) {
    if ((a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) > limit) return limit + 1;
    auto same = [](char x, char y) {
        return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
    };
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i)
        for (std::size_t j = 1; j <= b.size(); ++j) {
            d[i][j] =
                std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (same(a[i - 1], b[j - 1]) ? 0 : 1)});
            if (i > 1 && j > 1 && same(a[i - 1], b[j - 2]) && same(a[i - 2], b[j - 1]))
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    return d[a.size()][b.size()];
}

}  // namespace

bool time_zone_known(std::string_view name) {
    return looks_like_time_zone(name) && ianas_name(name) && icu_system_zone(name);
}

std::optional<std::string> nearest_time_zone(std::string_view name) {
    constexpr std::size_t kLimit = 2;
    std::optional<std::string> best;
    std::size_t best_slips = kLimit + 1;
    for (const auto& zone : known_zones()) {
        const std::size_t n = slips(name, zone, kLimit);
        if (n < best_slips) best_slips = n, best = zone;
    }
    return best;
}

}  // namespace mitra
