// Reading a certificate template (certificates/*.toml), all or nothing.
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "core/certificate_template.hpp"
#include "io/result.hpp"

namespace mitra::io {

constexpr std::size_t kMaxTemplateBytes = 1'000'000;

// The longest texts a template may hold, in characters (code points), in every language: a line of
// literal text (the shipped templates' longest is 46), an hours format or a role label (19), and
// every other text (the name, a file name: io::kMaxShortText, 200).
constexpr std::size_t kMaxTemplateTextChars = 500;
constexpr std::size_t kMaxTemplateLabelChars = 100;

// The largest image a template may name, checked from the file's size and header before anything
// decodes it (libharu decodes a PNG whole: 20000 x 20000 pixels took 18 GB). A 300 dpi A4 page is
// 3508 x 2480 pixels (8.7 million), a 300 dpi Letter page 3300 x 2550.
constexpr std::uintmax_t kMaxImageBytes = 8'000'000;
constexpr std::uint32_t kMaxImageSide = 6000;
constexpr std::uint64_t kMaxImagePixels = 25'000'000;

enum class ImageType { png, jpeg };

// What an image file's first bytes say it is, and its size in pixels, read without decoding it: a
// PNG's signature and IHDR chunk; a JPEG's SOI and then its markers up to the frame header. Only the
// frames libharu embeds and PDF readers show are taken: baseline, extended and progressive DCT
// (SOF0-SOF2), 8 bits, 1, 3 or 4 components. `problem` says why not (an image_ code whose first value is the
// file's name, its second `at_byte` when given), and is none when read.
struct ImageHeader {
    ImageType type = ImageType::png;
    std::uint32_t width = 0, height = 0;
    ProblemCode problem = ProblemCode::none;
    std::string at_byte{};
};
ImageHeader read_image_header(std::string_view bytes);

// The schema (documented for designers at the top of certificates/programme-completion.toml):
//   [template]   name (text), kind ("completion" | "module")
//   [page]       size ("A4" | "Letter"), orientation ("landscape" | "portrait"), paper ("#RRGGBB"),
//                background (image file)
//   [[frame]]    inset_mm, width_pt, colour, corner_mm           - nested border lines, outermost first
//   [[image]]    file, x_mm, y_mm, width_mm, height_mm           - logos and seals (PNG or JPEG)
//   [[rule]]     x_mm, y_mm, y_english_mm, width_mm, width_pt, colour - thin horizontal lines
//   [[text]]     field = "full_name" | ... or text = { en = "...", ja = "..." } (one of the two);
//                x_mm, y_mm (baseline), y_english_mm (baseline on an English certificate), width_mm, align ("left" | "centre" | "right"), font ("serif" | "sans"),
//                bold, size_pt, min_size_pt, colour, language ("certificate" | "en"), only_bilingual;
//                for field = "modules": columns, line_height, max_height_mm, hours = { en = "{hours} hours" }
//   [qr]         x_mm, y_mm, size_mm, colour, note_size_pt, note_width_mm,
//                note_align ("left" | "centre" | "right"), note_colour
//   [signatures] x_mm, y_mm, width_mm, slot_width_mm, line_width_pt, line_colour, font, name_size_pt,
//                role_size_pt, name_colour, role_colour, image_height_mm; [signatures.role.<role>] texts
// Each text has a length limit (above). An image file is named relative to the template's folder and
// must stay in it (no "..", no absolute path, no link leading out); it must be a PNG or JPEG whose
// first bytes match its name's extension, of at most kMaxImageBytes, kMaxImageSide pixels a side and
// kMaxImagePixels pixels; its resolved (canonical) path is kept. Problems carry the line and
// column of the key or value and its path as the field, such as "text[3].align" (counted from 1).
Result<CertificateTemplate> read_certificate_template(std::string_view content, const std::string& file_name);
Result<CertificateTemplate> read_certificate_template_file(const std::filesystem::path& path);

}  // namespace mitra::io
