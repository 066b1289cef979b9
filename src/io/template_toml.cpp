// The certificate template file: TOML parsed by toml++, then checked key by key into a CertificateTemplate.
#include "io/template_toml.hpp"

#include <algorithm>
#include <cerrno>
#include <optional>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/identity.hpp"
#include "core/text.hpp"
#include "io/files.hpp"
#include "io/toml_checker.hpp"

namespace mitra::io {
namespace {

namespace fs = std::filesystem;

constexpr double kMaxMm = 1000;  // larger than any page we print

std::uint32_t big_endian(std::string_view bytes, std::size_t at, int count) {
    std::uint32_t value = 0;
    for (int i = 0; i < count; ++i) value = value << 8 | static_cast<unsigned char>(bytes[at + i]);
    return value;
}

ImageHeader png_header(std::string_view b) {
    ImageHeader h{ImageType::png, 0, 0, ProblemCode::none, ""};
    // The signature, then the IHDR chunk: length 13, "IHDR", width, height, depth, colour type,
    // compression, filter, interlace.
    if (b.size() < 33 || big_endian(b, 8, 4) != 13 || b.substr(12, 4) != "IHDR") {
        h.problem = ProblemCode::image_png_no_header;
        return h;
    }
    h.width = big_endian(b, 16, 4);
    h.height = big_endian(b, 20, 4);
    const int depth = static_cast<unsigned char>(b[24]), colour = static_cast<unsigned char>(b[25]);
    const bool depth_ok = colour == 0   ? depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16
                          : colour == 3 ? depth == 1 || depth == 2 || depth == 4 || depth == 8
                          : colour == 2 || colour == 4 || colour == 6 ? depth == 8 || depth == 16
                                                                      : false;
    if (h.width == 0 || h.height == 0 || h.width > 0x7FFF'FFFF || h.height > 0x7FFF'FFFF || !depth_ok || b[26] != 0 ||
        b[27] != 0 || static_cast<unsigned char>(b[28]) > 1)
        h.problem = ProblemCode::image_png_bad_header;
    return h;
}

// Walks the markers as libharu does (each FFxx with a 2-byte length) up to the frame header.
ImageHeader jpeg_header(std::string_view b) {
    ImageHeader h{ImageType::jpeg, 0, 0, ProblemCode::none, ""};
    std::size_t at = 2;  // after the SOI marker
    for (;;) {
        if (at + 4 > b.size()) {
            h.problem = ProblemCode::image_jpeg_cut_short;
            return h;
        }
        const auto marker = static_cast<unsigned char>(b[at + 1]);
        const std::size_t length = big_endian(b, at + 2, 2);
        if (static_cast<unsigned char>(b[at]) != 0xFF || length < 2 || at + 2 + length > b.size() || marker == 0xDA ||
            marker == 0xD9 || marker == 0xD8 || marker == 0xFF) {
            h.problem = ProblemCode::image_jpeg_no_frame;
            h.at_byte = std::to_string(at);
            return h;
        }
        const bool frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (frame && marker > 0xC2) {
            h.problem = ProblemCode::image_jpeg_unusual;
            return h;
        }
        if (frame) {
            const int components = length >= 8 ? static_cast<unsigned char>(b[at + 9]) : 0;
            h.height = length >= 8 ? big_endian(b, at + 5, 2) : 0;
            h.width = length >= 8 ? big_endian(b, at + 7, 2) : 0;
            if (length < 8 || b[at + 4] != 8 || h.width == 0 || h.height == 0 ||
                (components != 1 && components != 3 && components != 4))
                h.problem = ProblemCode::image_jpeg_unreadable;
            return h;
        }
        at += 2 + length;
    }
}

// Checks a template key by key, collecting every problem with its place in the file.
class TemplateReader : public TomlChecker {
public:
    TemplateReader(const std::string& file_name, fs::path base_dir)
        : TomlChecker(file_name), base_(std::move(base_dir)) {}

    CertificateTemplate read(const toml::table& root) {
        CertificateTemplate t;
        t.file = file_name();
        only_keys(root, "", {"template", "page", "frame", "image", "rule", "text", "qr", "signatures"});
        if (const auto* head = table_at(root, "template", "", true)) {
            only_keys(*head, "template", {"name", "kind"});
            t.name = text(*head, "name", "template", true).value_or("");  // at most kMaxShortText
            t.kind = choice(*head, "kind", "template", {"completion", "module"}).value_or("completion");
        }
        if (const auto* page = table_at(root, "page", "", true)) read_page(*page, t);
        for_each_table(root, "frame", [&](const toml::table& tb, const std::string& path) {
            only_keys(tb, path, {"inset_mm", "width_pt", "colour", "corner_mm"});
            FrameLine line;
            line.inset_mm = number(tb, "inset_mm", path, true, 0, kMaxMm).value_or(0);
            line.width_pt = number(tb, "width_pt", path, false, 0.1, 50).value_or(1);
            line.colour = colour(tb, "colour", path).value_or(Colour{});
            line.corner_mm = number(tb, "corner_mm", path, false, 0, 100).value_or(0);
            t.frame.push_back(line);
        });
        for_each_table(root, "image", [&](const toml::table& tb, const std::string& path) {
            only_keys(tb, path, {"file", "x_mm", "y_mm", "width_mm", "height_mm"});
            TemplateImage image = image_file(tb, "file", path, true).value_or(TemplateImage{});
            image.x_mm = number(tb, "x_mm", path, true, 0, kMaxMm).value_or(0);
            image.y_mm = number(tb, "y_mm", path, true, 0, kMaxMm).value_or(0);
            image.width_mm = number(tb, "width_mm", path, true, 1, kMaxMm).value_or(1);
            image.height_mm = number(tb, "height_mm", path, false, 1, kMaxMm).value_or(0);
            t.images.push_back(image);
        });
        for_each_table(root, "rule", [&](const toml::table& tb, const std::string& path) {
            only_keys(tb, path, {"x_mm", "y_mm", "y_english_mm", "width_mm", "width_pt", "colour"});
            Rule rule;
            rule.x_mm = number(tb, "x_mm", path, true, 0, kMaxMm).value_or(0);
            rule.y_mm = number(tb, "y_mm", path, true, 0, kMaxMm).value_or(0);
            rule.y_english_mm = number(tb, "y_english_mm", path, false, 0, kMaxMm);
            rule.width_mm = number(tb, "width_mm", path, true, 1, kMaxMm).value_or(1);
            rule.width_pt = number(tb, "width_pt", path, false, 0.1, 20).value_or(0.5);
            rule.colour = colour(tb, "colour", path).value_or(Colour{});
            t.rules.push_back(rule);
        });
        for_each_table(root, "text",
                       [&](const toml::table& tb, const std::string& path) { t.texts.push_back(read_text(tb, path)); });
        if (const auto* qr = table_at(root, "qr", "", false)) read_qr(*qr, t.qr);
        if (const auto* signatures = table_at(root, "signatures", "", false))
            read_signatures(*signatures, t.signatures);
        return t;
    }

private:
    template <class Each>
    void for_each_table(const toml::table& root, std::string_view key, Each each) {
        const toml::node* node = root.get(key);
        if (!node) return;
        const auto* list = node->as_array();
        if (!list || !list->is_array_of_tables()) {
            wrong_type(*node, std::string(key), "[[" + std::string(key) + "]]");
            return;
        }
        for (std::size_t i = 0; i < list->size(); ++i)
            each(*list->get(i)->as_table(), indexed_field(std::string(key), i));
    }

    std::optional<std::string> choice(const toml::table& tb, std::string_view key, const std::string& path,
                                      std::initializer_list<std::string_view> allowed) {
        auto value = text(tb, key, path, false);
        if (!value) return std::nullopt;
        if (std::find(allowed.begin(), allowed.end(), *value) != allowed.end()) return value;
        std::string list;
        for (auto a : allowed) list += (list.empty() ? "\"" : ", \"") + std::string(a) + "\"";
        problem(tb.get(key)->source(), child_field(path, key), ProblemCode::not_one_of, {*value, list});
        return std::nullopt;
    }

    std::optional<double> number(const toml::table& tb, std::string_view key, const std::string& path, bool required,
                                 double min, double max) {
        const toml::node* node = find(tb, key, path, required);
        if (!node) return std::nullopt;
        if (!node->is_integer() && !node->is_floating_point()) {
            wrong_type(*node, child_field(path, key), "number");
            return std::nullopt;
        }
        const double value = *node->value<double>();
        if (!(value >= min && value <= max)) {
            problem(node->source(), child_field(path, key), ProblemCode::toml_out_of_range,
                    {toml_number(value), toml_number(min), toml_number(max)});
            return std::nullopt;
        }
        return value;
    }

    static std::string toml_number(double value) {
        std::string s = std::to_string(value);
        s.erase(s.find_last_not_of('0') + 1);
        if (s.back() == '.') s.pop_back();
        return s;
    }

    std::optional<Colour> colour(const toml::table& tb, std::string_view key, const std::string& path) {
        auto value = text(tb, key, path, false);
        if (!value) return std::nullopt;
        auto parsed = parse_colour(*value);
        if (!parsed) problem(tb.get(key)->source(), child_field(path, key), ProblemCode::not_a_colour, {*value});
        return parsed;
    }

    // A PNG or JPEG file inside the template's folder, checked from its size and first bytes before
    // anything decodes it; its canonical path and the bytes that were checked (drawn from those, never re-read).
    std::optional<TemplateImage> image_file(const toml::table& tb, std::string_view key, const std::string& path,
                                            bool required) {
        auto value = text(tb, key, path, required);
        if (!value) return std::nullopt;
        const toml::node& node = *tb.get(key);
        auto refuse = [&](ProblemCode code, std::vector<std::string> more = {}) -> std::optional<TemplateImage> {
            more.insert(more.begin(), *value);
            problem(node.source(), child_field(path, key), code, std::move(more));
            return std::nullopt;
        };
        std::string ext = fs::path(*value).extension().string();
        std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
        if (ext != ".png" && ext != ".jpg" && ext != ".jpeg") return refuse(ProblemCode::image_not_png_or_jpeg_name);
        if (std::any_of(value->begin(), value->end(), [](unsigned char c) { return c < 0x20 || c == 0x7F; }))
            return refuse(ProblemCode::image_control_character);
        const fs::path named(*value);
        if (named.has_root_path()) return refuse(ProblemCode::image_absolute);
        if (std::any_of(named.begin(), named.end(), [](const fs::path& part) { return part == ".."; }))
            return refuse(ProblemCode::image_outside_folder);
        std::error_code ec;
        const fs::path folder = fs::canonical(base_.empty() ? fs::path(".") : base_, ec);
        const fs::path resolved = ec ? fs::path() : fs::canonical(folder / named, ec);
        if (ec) return refuse(ProblemCode::image_missing, {(base_ / named).string()});
        if (std::mismatch(folder.begin(), folder.end(), resolved.begin(), resolved.end()).first != folder.end())
            return refuse(ProblemCode::image_link_outside, {resolved.string()});
        std::string bytes;
        std::vector<std::string> why;
        if (const ProblemCode fault = read_image(resolved, bytes, why); fault != ProblemCode::none)
            return refuse(fault, why);
        const ImageHeader header = read_image_header(bytes);
        if (header.problem != ProblemCode::none)
            return refuse(header.problem,
                          header.at_byte.empty() ? std::vector<std::string>{} : std::vector{header.at_byte});
        if ((header.type == ImageType::png) != (ext == ".png"))
            return refuse(ProblemCode::image_misnamed, {header.type == ImageType::png ? "PNG" : "JPEG", ext});
        if (header.width > kMaxImageSide || header.height > kMaxImageSide ||
            std::uint64_t{header.width} * header.height > kMaxImagePixels)
            return refuse(ProblemCode::image_too_large,
                          {std::to_string(header.width), std::to_string(header.height), std::to_string(kMaxImageSide),
                           std::to_string(kMaxImagePixels / 1'000'000)});
        TemplateImage image;
        image.file = resolved.string();
        image.bytes = std::make_shared<const std::string>(std::move(bytes));
        return image;
    }

    // The whole image file into `bytes`, or why not (a code, with its values after the file's name in `values`):
    // only a regular file (a FIFO is not waited on), of at most kMaxImageBytes.
    static ProblemCode read_image(const fs::path& file, std::string& bytes, std::vector<std::string>& values) {
        const int fd = ::open(file.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
        if (fd < 0) return ProblemCode::image_cannot_open;
        struct stat st {};
        ProblemCode why = ProblemCode::none;
        if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) why = ProblemCode::image_not_a_file;
        else if (static_cast<std::uintmax_t>(st.st_size) > kMaxImageBytes) {
            why = ProblemCode::image_too_many_bytes;
            values = {std::to_string((st.st_size + 999'999) / 1'000'000), std::to_string(kMaxImageBytes / 1'000'000)};
        } else {
            bytes.resize(static_cast<std::size_t>(st.st_size));
            std::size_t done = 0;
            while (done < bytes.size()) {
                const ssize_t n = ::read(fd, bytes.data() + done, bytes.size() - done);
                if (n < 0 && errno == EINTR) continue;
                if (n <= 0) break;
                done += static_cast<std::size_t>(n);
            }
            bytes.resize(done);
        }
        ::close(fd);
        return why;
    }

    // Placeholders in literal text must name a one-line field: "{serial}", "{issued_on}".
    void check_placeholders(const toml::table& tb, const LocalizedText& texts, const std::string& path) {
        for (const auto& [tag, value] : texts.by_language) {
            for (std::size_t open = value.find('{'); open != std::string::npos; open = value.find('{', open + 1)) {
                const std::size_t close = value.find('}', open);
                const std::string name = value.substr(open + 1, close == std::string::npos ? 0 : close - open - 1);
                const auto field = parse_text_field(name);
                if (close == std::string::npos || !field || *field == TextField::modules)
                    problem(tb.get(tag)->source(), child_field(path, tag), ProblemCode::not_a_placeholder,
                            {"{" + name + (close == std::string::npos ? "" : "}")});
            }
        }
    }

    void read_page(const toml::table& page, CertificateTemplate& t) {
        only_keys(page, "page", {"size", "orientation", "paper", "background"});
        if (auto size = choice(page, "size", "page", {"A4", "Letter"}))
            t.page_size = *size == "A4" ? PageSize::a4 : PageSize::letter;
        if (auto o = choice(page, "orientation", "page", {"landscape", "portrait"}))
            t.orientation = *o == "landscape" ? Orientation::landscape : Orientation::portrait;
        t.paper = colour(page, "paper", "page");
        if (auto image = image_file(page, "background", "page", false)) t.background = std::move(*image);
    }

    TextBlock read_text(const toml::table& tb, const std::string& path) {
        only_keys(tb, path,
                  {"field", "text", "x_mm", "y_mm", "y_english_mm", "width_mm", "align", "font", "bold", "size_pt",
                   "min_size_pt", "colour", "language", "only_bilingual", "columns", "line_height", "max_height_mm",
                   "hours"});
        TextBlock block;
        if (auto field = text(tb, "field", path, false)) {
            if (auto parsed = parse_text_field(*field)) block.field = *parsed;
            else
                problem(tb.get("field")->source(), child_field(path, "field"), ProblemCode::not_a_text_field, {*field});
        }
        if (const toml::node* literal = tb.get("text")) {
            block.text = localized(*literal, child_field(path, "text"), true, kMaxTemplateTextChars);
            if (literal->is_table()) check_placeholders(*literal->as_table(), block.text, child_field(path, "text"));
        }
        if (tb.contains("field") == tb.contains("text")) problem(tb.source(), path, ProblemCode::field_or_text);
        block.x_mm = number(tb, "x_mm", path, true, 0, kMaxMm).value_or(0);
        block.y_mm = number(tb, "y_mm", path, true, 0, kMaxMm).value_or(0);
        block.y_english_mm = number(tb, "y_english_mm", path, false, 0, kMaxMm);
        block.width_mm = number(tb, "width_mm", path, true, 1, kMaxMm).value_or(1);
        if (auto align = choice(tb, "align", path, {"left", "centre", "right"}))
            block.align = *align == "left" ? TextAlign::left : *align == "right" ? TextAlign::right : TextAlign::centre;
        block.font = choice(tb, "font", path, {"serif", "sans"}).value_or("serif");
        block.bold = yes_no(tb, "bold", path).value_or(false);
        block.size_pt = number(tb, "size_pt", path, true, 2, 200).value_or(12);
        block.min_size_pt = number(tb, "min_size_pt", path, false, 2, 200).value_or(std::min(6.0, block.size_pt));
        block.colour = colour(tb, "colour", path).value_or(Colour{});
        if (auto language = choice(tb, "language", path, {"certificate", "en"}))
            block.language = *language == "en" ? BlockLanguage::english : BlockLanguage::certificate;
        block.only_bilingual = yes_no(tb, "only_bilingual", path).value_or(false);
        for (std::string_view key : {"columns", "line_height", "max_height_mm", "hours"}) {
            if (tb.contains(key) && block.field != TextField::modules)
                problem(tb.get(key)->source(), child_field(path, key), ProblemCode::only_for_modules);
        }
        block.columns = static_cast<int>(number(tb, "columns", path, false, 1, 4).value_or(1));
        block.line_height = number(tb, "line_height", path, false, 0.8, 4).value_or(1.4);
        block.max_height_mm = number(tb, "max_height_mm", path, false, 0, kMaxMm).value_or(0);
        if (const toml::node* hours = tb.get("hours"))
            block.hours_format = localized(*hours, child_field(path, "hours"), true, kMaxTemplateLabelChars);
        if (block.hours_format.empty()) block.hours_format.by_language["en"] = "{hours} hours";
        return block;
    }

    void read_qr(const toml::table& tb, QrBlock& qr) {
        const std::string path = "qr";
        only_keys(tb, path,
                  {"x_mm", "y_mm", "size_mm", "colour", "note_size_pt", "note_width_mm", "note_align", "note_colour"});
        qr.present = true;
        qr.x_mm = number(tb, "x_mm", path, true, 0, kMaxMm).value_or(0);
        qr.y_mm = number(tb, "y_mm", path, true, 0, kMaxMm).value_or(0);
        qr.size_mm = number(tb, "size_mm", path, true, 10, 200).value_or(24);
        qr.colour = colour(tb, "colour", path).value_or(Colour{});
        qr.note_size_pt = number(tb, "note_size_pt", path, false, 3, 20).value_or(5.5);
        qr.note_width_mm = number(tb, "note_width_mm", path, false, 10, kMaxMm).value_or(60);
        qr.note_colour = colour(tb, "note_colour", path).value_or(qr.note_colour);
        if (auto align = choice(tb, "note_align", path, {"left", "centre", "right"}))
            qr.note_align = *align == "left"    ? TextAlign::left
                            : *align == "right" ? TextAlign::right
                                                : TextAlign::centre;
    }

    void read_signatures(const toml::table& tb, SignatureBlock& s) {
        const std::string path = "signatures";
        only_keys(tb, path,
                  {"x_mm", "y_mm", "width_mm", "slot_width_mm", "line_width_pt", "line_colour", "font", "name_size_pt",
                   "role_size_pt", "name_colour", "role_colour", "image_height_mm", "role"});
        s.present = true;
        s.x_mm = number(tb, "x_mm", path, true, 0, kMaxMm).value_or(0);
        s.y_mm = number(tb, "y_mm", path, true, 0, kMaxMm).value_or(0);
        s.width_mm = number(tb, "width_mm", path, true, 10, kMaxMm).value_or(10);
        s.slot_width_mm = number(tb, "slot_width_mm", path, false, 10, kMaxMm).value_or(70);
        s.line_width_pt = number(tb, "line_width_pt", path, false, 0.1, 10).value_or(0.6);
        s.line_colour = colour(tb, "line_colour", path).value_or(s.line_colour);
        s.font = choice(tb, "font", path, {"serif", "sans"}).value_or("sans");
        s.name_size_pt = number(tb, "name_size_pt", path, false, 3, 72).value_or(11);
        s.role_size_pt = number(tb, "role_size_pt", path, false, 3, 72).value_or(8);
        s.name_colour = colour(tb, "name_colour", path).value_or(Colour{});
        s.role_colour = colour(tb, "role_colour", path).value_or(s.role_colour);
        s.image_height_mm = number(tb, "image_height_mm", path, false, 2, 100).value_or(14);
        if (const auto* roles = table_at(tb, "role", path, false)) {
            for (const auto& [key, node] : *roles)
                s.roles.emplace_back(
                    std::string(key.str()),
                    localized(node, child_field(child_field(path, "role"), key.str()), true, kMaxTemplateLabelChars));
        }
    }

    fs::path base_;
};

}  // namespace

ImageHeader read_image_header(std::string_view bytes) {
    if (bytes.substr(0, 8) == std::string_view("\x89PNG\r\n\x1a\n", 8)) return png_header(bytes);
    if (bytes.substr(0, 3) == "\xFF\xD8\xFF") return jpeg_header(bytes);
    return {ImageType::png, 0, 0, ProblemCode::image_neither, ""};
}

Result<CertificateTemplate> read_certificate_template(std::string_view content, const std::string& file_name) {
    Result<CertificateTemplate> result;
    const auto root = parse_toml(content, file_name, result.problems);
    if (!root) return result;
    TemplateReader reader(file_name, fs::path(file_name).parent_path());
    result.value = reader.read(*root);
    result.problems = std::move(reader.problems);
    sort_by_place(result.problems);
    if (!result.ok()) result.value = {};
    return result;
}

Result<CertificateTemplate> read_certificate_template_file(const std::filesystem::path& path) {
    auto file = read_input_file(path, kMaxTemplateBytes);
    if (!file.ok()) return {{}, std::move(file.problems)};
    return read_certificate_template(file.value, path.string());
}

}  // namespace mitra::io
