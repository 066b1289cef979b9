// What a certificate shows (CertificateContent) and how a template lays it out on the page (CertificateTemplate).
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar.hpp"
#include "core/text.hpp"

namespace mitra {

// ---- The content: filled by issuing, drawn by a template --------------------------------------

struct CertificateModuleLine {
    std::string code;
    LocalizedText title;
    int minutes = 0;
};

struct CertificatePerson {
    std::string name;
    std::string latin_name;
    std::string role;             // "trainer", "co-facilitator"
    std::string signature_image;  // path of a PNG or JPEG, or empty
};

struct CertificateContent {
    std::string serial;                 // e.g. "PSF-NP-2026-000123-K"
    std::string kind;                   // "completion" or "module"
    std::string full_name, latin_name;  // exactly as written; latin_name may be empty
    std::string name_language;          // the participant's BCP 47 language (helps pick ja vs zh faces for Han)
    std::string language;  // the certificate's language (the cohort's); English is the fallback/second language
    LocalizedText curriculum_title;
    std::vector<CertificateModuleLine> modules;  // completed modules, with minutes
    std::string site, country;
    Date start_date;
    std::optional<Date> end_date;
    Date issued_on;
    std::vector<CertificatePerson> trainers;
    std::string qr_text;      // the signed payload (ASCII); drawn as a QR code
    std::string verify_note;  // ASCII line printed small under the QR
};

// ---- The template: read from certificates/*.toml by io/template_toml ---------------------------

enum class PageSize { a4, letter };
enum class Orientation { portrait, landscape };
enum class TextAlign { left, centre, right };

struct Colour {
    double r = 0, g = 0, b = 0;  // 0..1
    bool operator==(const Colour&) const = default;
};

// Parses "#RRGGBB" (or "#RGB").
std::optional<Colour> parse_colour(std::string_view text);

// What a text block shows when it is bound to the content rather than holding literal text.
enum class TextField {
    none,  // literal text (TextBlock::text)
    full_name,
    latin_name,           // drawn only when present and different from full_name
    curriculum_title,     // in the block's language
    curriculum_title_en,  // always English
    modules,              // one line per module: "title — 6 hours"
    site_and_dates,       // "Patan Community Centre, Nepal · 5 January – 30 March 2026"
    trainers,             // names joined with " · "
    serial,
    issued_on,  // the issue date in the block's language
};

std::optional<TextField> parse_text_field(std::string_view name);
std::string_view field_name(TextField field);

// Which language a block is written in.
enum class BlockLanguage {
    certificate,  // the certificate's language (content.language), English where no translation exists
    english,
};

struct TextBlock {
    double x_mm = 0, y_mm = 0;  // left edge of the box; y is the first BASELINE, from the top of the page
    // The baseline on an English certificate, where the only_bilingual lines are left out (closes their gaps).
    std::optional<double> y_english_mm;
    double width_mm = 0;  // the box; text shrinks to fit it (never below min_size_pt)
    TextAlign align = TextAlign::centre;
    std::string font = "serif";  // "serif" or "sans"
    bool bold = false;
    double size_pt = 12, min_size_pt = 6;
    Colour colour;
    TextField field = TextField::none;
    LocalizedText text;  // literal text, may hold {serial}, {full_name}, {issued_on}, {site_and_dates} ...
    BlockLanguage language = BlockLanguage::certificate;
    // The English line under a translated one: drawn only when the certificate's language is not
    // English and its text differs from the text block just before it (so no line shows twice).
    bool only_bilingual = false;
    // `modules` only: lines per column, columns, line height as a multiple of the size.
    int columns = 1;
    double line_height = 1.4;
    double max_height_mm = 0;    // 0: no limit; else the size shrinks until every line fits
    LocalizedText hours_format;  // "{hours} hours"; {hours} is 6 or 7.5
};

struct FrameLine {
    double inset_mm = 10;  // from the page edge
    double width_pt = 1;
    Colour colour;
    double corner_mm = 0;  // > 0: the corners are cut inwards (a notched, engraved-looking frame)
};

struct TemplateImage {
    std::string file;  // resolved path (the template gives it relative to its own file)
    double x_mm = 0, y_mm = 0, width_mm = 0, height_mm = 0;  // top-left corner; height 0 keeps the aspect
    // The file's bytes as they were checked when the template was read; drawn from these, so a file swapped on disk
    // after the check is never decoded. Null for an image made in code (tests), which is read from `file`.
    std::shared_ptr<const std::string> bytes;
};

struct Rule {
    double x_mm = 0, y_mm = 0, width_mm = 0;
    std::optional<double> y_english_mm;  // as TextBlock::y_english_mm
    double width_pt = 0.5;
    Colour colour;
};

struct QrBlock {
    bool present = false;
    double x_mm = 0, y_mm = 0, size_mm = 24;  // top-left; size includes the quiet zone
    double note_size_pt = 5.5;
    double note_width_mm = 60;                 // the verify note wraps inside this box, under the code:
    TextAlign note_align = TextAlign::centre;  // left: box starts at the code's left edge; right: ends at its right
    Colour colour;                             // modules' colour
    Colour note_colour{0.35, 0.35, 0.35};
};

struct SignatureBlock {
    bool present = false;
    double x_mm = 0, y_mm = 0, width_mm = 0;  // the signature LINE: trainers share the width evenly
    double slot_width_mm = 70;                // the longest a line gets
    double line_width_pt = 0.6;
    Colour line_colour{0.3, 0.3, 0.3};
    double name_size_pt = 11, role_size_pt = 8;
    std::string font = "sans";
    Colour name_colour, role_colour{0.35, 0.35, 0.35};
    double image_height_mm = 14;  // a signature image sits on the line, at most this tall
    // Role labels by role ("trainer", "co-facilitator"), each a localized text; English shows under
    // the certificate language's label when they differ.
    std::vector<std::pair<std::string, LocalizedText>> roles;
};

struct CertificateTemplate {
    std::string file;  // where it was read from
    std::string name;  // [template] name, for menus
    std::string kind;  // "completion" or "module": which certificates it is meant for
    PageSize page_size = PageSize::a4;
    Orientation orientation = Orientation::landscape;
    std::optional<Colour> paper;              // a tint over the whole page; none = white
    std::optional<TemplateImage> background;  // drawn first, over the whole page
    std::vector<FrameLine> frame;
    std::vector<TemplateImage> images;  // logos, seals
    std::vector<Rule> rules;
    std::vector<TextBlock> texts;
    QrBlock qr;
    SignatureBlock signatures;
};

// Page size in points (1/72 inch), width first, orientation applied.
std::pair<double, double> page_size_pt(const CertificateTemplate& t);

// Millimetres to points.
constexpr double mm_to_pt(double mm) { return mm * 72.0 / 25.4; }

}  // namespace mitra
