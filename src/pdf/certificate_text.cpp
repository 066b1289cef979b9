// What a certificate's text blocks say, in a language: its fields (names, curriculum, site and dates, trainers,
// serial), a template's {field} placeholders filled, the modules' lines.
#include "pdf/certificate_plan.hpp"

#include "core/country.hpp"
#include "core/date_format.hpp"
#include "core/identity.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace mitra::pdf::cert {
namespace {

std::string hours_text(int minutes) {
    if (minutes % 60 == 0) return std::to_string(minutes / 60);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", minutes / 60.0);
    return buf;
}

// A date in a right-to-left language's cohort, kept whole and in its own order inside a line that may start
// left to right (the site's name, "Issued on"): without the isolate an Urdu date's numbers and words are
// reordered with the line's. First-strong, as only some such languages have their own month names (the others
// print the English date, which stays left to right).
std::string isolated(const std::string& date, const std::string& language) {
    return is_right_to_left(language) ? "\u2068" + date + "\u2069" : date;
}

std::string field_text(TextField field, const CertificateContent& c, const std::string& language) {
    switch (field) {
        case TextField::full_name: return c.full_name;
        case TextField::latin_name: return c.latin_name == c.full_name ? "" : c.latin_name;
        case TextField::curriculum_title: return c.curriculum_title.in(language);
        case TextField::curriculum_title_en: return c.curriculum_title.in("en");
        case TextField::site_and_dates: {
            std::string place = c.site;
            const std::string country = country_name(c.country, language);  // ネパール on a Japanese line
            // Urdu's comma between the site and its country, as in its dates.
            const char* comma = language.substr(0, 2) == "ur" ? "، " : ", ";
            if (!country.empty()) place += (place.empty() ? "" : comma) + country;
            const std::string dates = isolated(format_date_range(c.start_date, c.end_date, language), language);
            return place.empty() ? dates : place + "  ·  " + dates;
        }
        case TextField::trainers: {
            std::string names;
            for (const auto& t : c.trainers) names += (names.empty() ? "" : "  ·  ") + t.name;
            return names;
        }
        case TextField::serial: return c.serial;
        case TextField::issued_on: return isolated(format_date(c.issued_on, language), language);
        case TextField::modules:
        case TextField::none: return "";
    }
    return "";
}

// The template's text with each {field} replaced by its value, in one pass (a value is never read for fields);
// with `personal` false, the person's own fields by a space.
std::string fill_placeholders(const std::string& text, const CertificateContent& c, const std::string& language,
                              bool personal = true) {
    if (text.find('{') == std::string::npos) return text;
    static constexpr TextField kFields[] = {
        TextField::full_name,      TextField::latin_name, TextField::curriculum_title, TextField::curriculum_title_en,
        TextField::site_and_dates, TextField::trainers,   TextField::serial,           TextField::issued_on};
    std::string out;
    for (std::size_t at = 0; at < text.size();) {
        std::optional<TextField> field;
        std::size_t length = 0;
        if (text[at] == '{')
            for (TextField f : kFields)
                if (const std::string p = placeholder(f); text.compare(at, p.size(), p) == 0)
                    field = f, length = p.size();
        if (!field) {
            out += text[at++];
            continue;
        }
        out += personal || !is_personal_field(*field) ? field_text(*field, c, language) : " ";
        at += length;
    }
    return out;
}

}  // namespace

bool is_english(const std::string& language) { return language.empty() || language.substr(0, 2) == "en"; }

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
    return text;
}

bool is_personal_field(TextField f) {
    return std::find(std::begin(kPersonalFields), std::end(kPersonalFields), f) != std::end(kPersonalFields);
}

std::string placeholder(TextField f) { return "{" + std::string(field_name(f)) + "}"; }

std::string block_text(const TextBlock& block, const CertificateContent& c, const std::string& language) {
    if (block.field != TextField::none) return field_text(block.field, c, language);
    return fill_placeholders(block.text.in(language), c, language);
}

// What a block shows around the person's own fields (nothing for a block that is one of them).
std::string block_words(const TextBlock& block, const CertificateContent& c, const std::string& language) {
    if (block.field != TextField::none) return "";
    return fill_placeholders(block.text.in(language), c, language, false);
}

bool shows_serial(const TextBlock& block, const std::string& language) {
    if (block.field != TextField::none) return block.field == TextField::serial;
    return block.text.in(language).find(placeholder(TextField::serial)) != std::string::npos;
}

// "title — 6 hours", one per module, in the block's language.
std::vector<std::string> module_lines(const TextBlock& block, const CertificateContent& c,
                                      const std::string& language) {
    std::vector<std::string> lines;
    for (const auto& m : c.modules) {
        const std::string hours = replace_all(block.hours_format.in(language), "{hours}", hours_text(m.minutes));
        lines.push_back(m.title.in(language) + " — " + hours);
    }
    return lines;
}

void check_printable(const CertificateContent& c) {
    for (const std::string* ascii : {&c.qr_text, &c.verify_note, &c.serial})
        for (unsigned char ch : *ascii)
            if (ch < 0x20 || ch > 0x7E)
                throw std::invalid_argument("certificate " + c.serial +
                                            ": the serial, QR text and verify note must be printable ASCII");
}

}  // namespace mitra::pdf::cert
