// Long dates per language, from CLDR's long date patterns and month names (checked against ICU 72).
#include "core/date_format.hpp"

#include <array>
#include <string_view>

namespace mitra {
namespace {

using Months = std::array<std::string_view, 12>;

enum class Order {
    day_month_year,        // 5 January 2026
    day_month_comma_year,  // 5 tháng 1, 2026 (the comma is the language's own)
    month_day_comma_year,  // Enero 5, 2026
    year_month_day,        // 2026 ජනවාරි 5
    cjk,                   // 2026年1月5日 / 2026년 1월 5일 (numeric months, unit characters)
};

struct Style {
    Order order;
    const Months* months = nullptr;
    std::string_view zero_digit = "0";  // the language's own digits, as the UTF-8 of zero
    std::string_view comma = ",";
    int year_offset = 0;    // Thai Buddhist era: +543
    bool collapse = false;  // "5–9 January 2026" rather than two whole dates
    std::string_view year_unit = "", month_unit = "", day_unit = "", unit_gap = "";  // cjk only
    std::string_view range_sep = " – ";
};

constexpr Months kEnglish = {"January", "February", "March",     "April",   "May",      "June",
                             "July",    "August",   "September", "October", "November", "December"};
constexpr Months kThai = {"มกราคม",  "กุมภาพันธ์", "มีนาคม",  "เมษายน", "พฤษภาคม",  "มิถุนายน",
                          "กรกฎาคม", "สิงหาคม",  "กันยายน", "ตุลาคม",  "พฤศจิกายน", "ธันวาคม"};
constexpr Months kIndonesian = {"Januari", "Februari", "Maret",     "April",   "Mei",      "Juni",
                                "Juli",    "Agustus",  "September", "Oktober", "November", "Desember"};
constexpr Months kMalay = {"Januari", "Februari", "Mac",       "April",   "Mei",      "Jun",
                           "Julai",   "Ogos",     "September", "Oktober", "November", "Disember"};
constexpr Months kHindi = {"जनवरी", "फ़रवरी", "मार्च",  "अप्रैल",  "मई",   "जून",
                           "जुलाई",  "अगस्त",  "सितंबर", "अक्तूबर", "नवंबर", "दिसंबर"};
constexpr Months kNepali = {"जनवरी", "फेब्रुअरी", "मार्च",   "अप्रिल",  "मे",      "जुन",
                            "जुलाई",  "अगस्ट",   "सेप्टेम्बर", "अक्टोबर", "नोभेम्बर", "डिसेम्बर"};
constexpr Months kBengali = {"জানুয়ারী", "ফেব্রুয়ারী", "মার্চ",     "এপ্রিল",  "মে",     "জুন",
                             "জুলাই",    "আগস্ট",     "সেপ্টেম্বর", "অক্টোবর", "নভেম্বর", "ডিসেম্বর"};
constexpr Months kTamil = {"ஜனவரி", "பிப்ரவரி", "மார்ச்",    "ஏப்ரல்",   "மே",    "ஜூன்",
                           "ஜூலை",  "ஆகஸ்ட்",    "செப்டம்பர்", "அக்டோபர்", "நவம்பர்", "டிசம்பர்"};
constexpr Months kSinhala = {"ජනවාරි",    "පෙබරවාරි", "මාර්තු",    "අප්‍රේල්",
                             "මැයි",      "ජූනි",      "ජූලි",      "අගෝස්තු",
                             "සැප්තැම්බර්", "ඔක්තෝබර්",  "නොවැම්බර්", "දෙසැම්බර්"};
constexpr Months kUrdu = {"جنوری",  "فروری", "مارچ",  "اپریل",  "مئی",   "جون",
                          "جولائی", "اگست",  "ستمبر", "اکتوبر", "نومبر", "دسمبر"};
constexpr Months kVietnamese = {"tháng 1", "tháng 2", "tháng 3", "tháng 4",  "tháng 5",  "tháng 6",
                                "tháng 7", "tháng 8", "tháng 9", "tháng 10", "tháng 11", "tháng 12"};
constexpr Months kFilipino = {"Enero", "Pebrero", "Marso",     "Abril",   "Mayo",      "Hunyo",
                              "Hulyo", "Agosto",  "Setyembre", "Oktubre", "Nobyembre", "Disyembre"};

Style style_for(const std::string& language) {
    const std::string primary = language.substr(0, language.find_first_of("-_"));
    using O = Order;
    if (primary == "ja")
        return {.order = O::cjk, .year_unit = "年", .month_unit = "月", .day_unit = "日", .range_sep = "～"};
    if (primary == "zh")
        return {.order = O::cjk, .year_unit = "年", .month_unit = "月", .day_unit = "日", .range_sep = "至"};
    if (primary == "ko")
        return {.order = O::cjk,
                .year_unit = "년",
                .month_unit = "월",
                .day_unit = "일",
                .unit_gap = " ",
                .range_sep = " ~ "};
    if (primary == "th") return {.order = O::day_month_year, .months = &kThai, .year_offset = 543, .collapse = true};
    if (primary == "id") return {.order = O::day_month_year, .months = &kIndonesian, .collapse = true};
    if (primary == "ms") return {.order = O::day_month_year, .months = &kMalay, .collapse = true};
    if (primary == "hi") return {.order = O::day_month_year, .months = &kHindi, .collapse = true};
    if (primary == "ne") return {.order = O::year_month_day, .months = &kNepali, .zero_digit = "०"};
    if (primary == "bn") return {.order = O::day_month_comma_year, .months = &kBengali, .zero_digit = "০"};
    if (primary == "ta") return {.order = O::day_month_comma_year, .months = &kTamil};
    if (primary == "si") return {.order = O::year_month_day, .months = &kSinhala};
    if (primary == "ur") return {.order = O::day_month_comma_year, .months = &kUrdu, .comma = "،"};
    if (primary == "vi") return {.order = O::day_month_comma_year, .months = &kVietnamese};
    if (primary == "fil" || primary == "tl") return {.order = O::month_day_comma_year, .months = &kFilipino};
    return {.order = O::day_month_year, .months = &kEnglish, .collapse = true};
}

// Decimal digits in the language's own digits (all of ours are one contiguous block of ten).
std::string number(long value, std::string_view zero_digit) {
    std::string ascii = std::to_string(value);
    if (zero_digit == "0") return ascii;
    std::string out;
    for (char c : ascii) {
        if (c < '0' || c > '9') {
            out += c;
            continue;
        }
        // Three-byte UTF-8 zeros (U+0966, U+09E6): add the digit to the code point's last byte.
        std::string digit(zero_digit);
        digit.back() = static_cast<char>(static_cast<unsigned char>(digit.back()) + (c - '0'));
        out += digit;
    }
    return out;
}

struct Parts {
    bool day = true, month = true, year = true;
};

std::string format(const Date& date, const Style& s, Parts parts) {
    const std::string d = number(date.day, s.zero_digit), y = number(date.year + s.year_offset, s.zero_digit);
    const std::string m = s.months ? std::string((*s.months)[static_cast<std::size_t>(date.month - 1)]) : "";
    std::string out;
    auto add = [&](const std::string& piece, std::string_view before = " ") {
        if (!out.empty()) out += before;
        out += piece;
    };
    switch (s.order) {
        case Order::day_month_year:
            if (parts.day) add(d);
            if (parts.month) add(m);
            if (parts.year) add(y);
            break;
        case Order::day_month_comma_year:
            if (parts.day) add(d);
            if (parts.month) add(m);
            if (parts.year) out += std::string(s.comma) + " " + y;
            break;
        case Order::month_day_comma_year:
            if (parts.month) add(m);
            if (parts.day) add(d);
            if (parts.year) out += std::string(s.comma) + " " + y;
            break;
        case Order::year_month_day:
            if (parts.year) add(y);
            if (parts.month) add(m);
            if (parts.day) add(d);
            break;
        case Order::cjk:
            if (parts.year) add(y + std::string(s.year_unit), s.unit_gap);
            if (parts.month) add(number(date.month, s.zero_digit) + std::string(s.month_unit), s.unit_gap);
            if (parts.day) add(d + std::string(s.day_unit), s.unit_gap);
            break;
    }
    return out;
}

}  // namespace

std::string format_date(const Date& date, const std::string& language) { return format(date, style_for(language), {}); }

std::string format_date_range(const Date& start, const std::optional<Date>& end, const std::string& language) {
    const Style s = style_for(language);
    if (!end || *end == start) return format(start, s, {});
    const bool same_year = end->year == start.year, same_month = same_year && end->month == start.month;
    if (s.order == Order::cjk && same_year)
        return format(start, s, {}) + std::string(s.range_sep) + format(*end, s, {.year = false});
    if (s.collapse && same_month) return format(start, s, {.month = false, .year = false}) + "–" + format(*end, s, {});
    if (s.collapse && same_year)
        return format(start, s, {.year = false}) + std::string(s.range_sep) + format(*end, s, {});
    return format(start, s, {}) + std::string(s.range_sep) + format(*end, s, {});
}

}  // namespace mitra
