// Small helpers of the certificate template model: colours, field names, page sizes.
#include "core/certificate_template.hpp"

#include <array>
#include <utility>

namespace mitra {
namespace {

constexpr std::array<std::pair<TextField, std::string_view>, 9> kFieldNames = {{
    {TextField::full_name, "full_name"},
    {TextField::latin_name, "latin_name"},
    {TextField::curriculum_title, "curriculum_title"},
    {TextField::curriculum_title_en, "curriculum_title_en"},
    {TextField::modules, "modules"},
    {TextField::site_and_dates, "site_and_dates"},
    {TextField::trainers, "trainers"},
    {TextField::serial, "serial"},
    {TextField::issued_on, "issued_on"},
}};

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

std::optional<Colour> parse_colour(std::string_view text) {
    if (text.size() != 7 && text.size() != 4) return std::nullopt;
    if (text[0] != '#') return std::nullopt;
    const bool short_form = text.size() == 4;
    std::array<int, 3> channel{};
    for (int i = 0; i < 3; ++i) {
        const int hi = hex_digit(text[short_form ? 1 + i : 1 + 2 * i]);
        const int lo = hex_digit(text[short_form ? 1 + i : 2 + 2 * i]);
        if (hi < 0 || lo < 0) return std::nullopt;
        channel[static_cast<std::size_t>(i)] = hi * 16 + lo;
    }
    return Colour{channel[0] / 255.0, channel[1] / 255.0, channel[2] / 255.0};
}

std::optional<TextField> parse_text_field(std::string_view name) {
    for (const auto& [field, text] : kFieldNames)
        if (text == name) return field;
    return std::nullopt;
}

std::string_view field_name(TextField field) {
    for (const auto& [f, text] : kFieldNames)
        if (f == field) return text;
    return "";
}

std::pair<double, double> page_size_pt(const CertificateTemplate& t) {
    // A4 is 210 x 297 mm; Letter 8.5 x 11 inches.
    const double shorter = t.page_size == PageSize::a4 ? mm_to_pt(210) : 612;
    const double longer = t.page_size == PageSize::a4 ? mm_to_pt(297) : 792;
    return t.orientation == Orientation::landscape ? std::pair{longer, shorter} : std::pair{shorter, longer};
}

}  // namespace mitra
