// Lays a certificate template out on libharu pages: frame, images, text blocks, signatures, QR code; and the
// template's part of the page laid out once for a batch (a StaticLayer) and painted as a form.
#include "pdf/certificate_layout.hpp"

#include "core/serial.hpp"
#include "core/text.hpp"
#include "pdf/stream_deflate.hpp"

#include <algorithm>
#include <cmath>
#include <cctype>
#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <tuple>
#include <vector>

#include <png.h>

namespace mitra::pdf::cert {
namespace {

// Whether libpng reads the whole image (its simplified API returns an error instead of jumping out or aborting).
// The template check bounds it to 25 million pixels: at most 25 MB as grey.
bool png_decodes(const std::string& bytes) {
    png_image image{};
    image.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_memory(&image, bytes.data(), bytes.size())) return false;
    image.format = PNG_FORMAT_GRAY;
    std::vector<png_byte> pixels(PNG_IMAGE_SIZE(image));
    const bool read = png_image_finish_read(&image, nullptr, pixels.data(), 0, nullptr) != 0;
    png_image_free(&image);
    return read;
}

namespace fs = std::filesystem;

Align to_align(TextAlign a) {
    return a == TextAlign::left ? Align::left : a == TextAlign::right ? Align::right : Align::centre;
}

void set_fill(HPDF_Page page, const Colour& c) {
    HPDF_Page_SetRGBFill(page, static_cast<HPDF_REAL>(c.r), static_cast<HPDF_REAL>(c.g), static_cast<HPDF_REAL>(c.b));
}

void set_stroke(HPDF_Page page, const Colour& c) {
    HPDF_Page_SetRGBStroke(page, static_cast<HPDF_REAL>(c.r), static_cast<HPDF_REAL>(c.g), static_cast<HPDF_REAL>(c.b));
}

}  // namespace

PageLayout::PageLayout(haru::Document& doc, TextRenderer& text, ShapeCache& shapes, const CertificateTemplate& tmpl,
                       QrMemo* qr_memo, LayerMemo* layers)
    : doc_(doc), text_(text), shapes_(shapes), tmpl_(tmpl), qr_memo_(qr_memo), layers_(layers) {
    std::tie(width_, height_) = page_size_pt(tmpl);
}

void PageLayout::draw(const CertificateContent& c) {
    check_printable(c);
    start_page(c);
    const std::vector<Planned> blocks = plan(c);
    std::shared_ptr<const StaticLayer> layer;
    if (layers_ && text_.embedded_fonts())
        layer = layers_->get(layer_key(c, blocks), [&] { return build_layer(c, blocks); });
    draw_part(c, blocks, layer ? Part::personal : Part::whole, layer);
    doc_.check("cannot draw the certificate for " + c.serial);
}

void PageLayout::start_page(const CertificateContent& c) {
    page_ = HPDF_AddPage(doc_.get());
    doc_.check("cannot add a page");
    HPDF_Page_SetWidth(page_, static_cast<HPDF_REAL>(width_));
    HPDF_Page_SetHeight(page_, static_cast<HPDF_REAL>(height_));
    language_ = c.language.empty() ? "en" : c.language;
    english_ = is_english(language_);
}

std::vector<PageLayout::Planned> PageLayout::plan(const CertificateContent& c) const {
    std::vector<Planned> out;
    std::string previous;
    const TextBlock* name = nullptr;
    for (const auto& block : tmpl_.texts)
        if (block.field == TextField::full_name) name = &block;
    for (const auto& block : tmpl_.texts) {
        std::string language = block.language == BlockLanguage::english ? "en" : language_;
        std::string text = block.field == TextField::modules ? join(module_lines(block, c, language), "\n")
                                                             : block_text(block, c, language);
        // The English line under a translated one: left out for an English cohort, and when it would
        // repeat the line before it (no translation in the cohort's language).
        const bool repeats = block.only_bilingual && (english_ || text == previous);
        previous = text;
        const bool personal = block.field != TextField::modules && is_personal(block, language);
        const bool shown = !repeats && !text.empty();
        const bool name_font = name && block.font == name->font && block.bold == name->bold;
        out.push_back({&block, std::move(text), std::move(language), shown, personal, personal || name_font});
    }
    return out;
}

// The painting order: paper, background image, frame, images, rules, text, signatures, QR code.  A layer
// holds the rules, the template's text and the signature lines and names, and the frame too when there are
// no images (the frame lies under them); it is painted after the images.  The blocks in the name's font, the
// signature images and the QR code come after the layer's text.
void PageLayout::draw_part(const CertificateContent& c, const std::vector<Planned>& blocks, Part part,
                           const std::shared_ptr<const StaticLayer>& layer) {
    const bool fixed = part != Part::personal, personal = part != Part::fixed;
    const bool frame_shared = tmpl_.images.empty();
    if (personal) {
        if (tmpl_.paper) {
            set_fill(page_, *tmpl_.paper);
            HPDF_Page_Rectangle(page_, 0, 0, static_cast<HPDF_REAL>(width_), static_cast<HPDF_REAL>(height_));
            HPDF_Page_Fill(page_);
        }
        if (tmpl_.background) draw_image(image(tmpl_.background->file, tmpl_.background->bytes), 0, 0, width_, height_);
    }
    if (frame_shared ? fixed : personal)
        for (const auto& line : tmpl_.frame) draw_frame_line(line);
    if (personal)
        for (const auto& image : tmpl_.images) draw_template_image(image);
    if (layer) place(layer);
    if (fixed)
        for (const auto& rule : tmpl_.rules) draw_rule(rule);
    for (const auto& b : blocks)
        if (b.on_page ? personal : fixed) draw_block(b, blocks, c);
    if (tmpl_.signatures.present) draw_signatures(c, fixed, personal);
    if (personal && tmpl_.qr.present && !c.qr_text.empty()) draw_qr_block(c);
}

// Everything the fixed part draws depends on: the language, the template's texts as filled, the trainers,
// and the verify note's words (whose glyphs the layer's fonts also take).
std::string PageLayout::layer_key(const CertificateContent& c, const std::vector<Planned>& blocks) const {
    std::string key;
    auto add = [&](const std::string& part) {
        key += std::to_string(part.size());
        key += ':';
        key += part;
    };
    add(std::to_string(reinterpret_cast<std::uintptr_t>(&tmpl_)));  // the memo lives through one call, one template
    add(language_);
    for (const auto& b : blocks) {
        if (!b.on_page) add((b.shown ? "+" : "-") + b.text);
        else if (b.personal) add("*" + block_words(*b.block, c, b.language));  // shown or not: see build_layer()
    }
    for (const auto& t : c.trainers) {
        add(t.name);
        add(t.latin_name);
        add(t.role);
    }
    add(note_words(c));
    return key;
}

std::string PageLayout::note_words(const CertificateContent& c) {
    return c.serial.empty() ? c.verify_note : replace_all(c.verify_note, c.serial, " ");
}

// Lays the fixed part out on a page of a document of its own and keeps what another document needs of it.
// `blocks`: this page's plan(c), which the scratch page (same template and language) shares.
std::shared_ptr<const StaticLayer> PageLayout::build_layer(const CertificateContent& c,
                                                           const std::vector<Planned>& blocks) {
    haru::Document scratch;
    TextRenderer text(scratch.get(), text_.fonts());
    PageLayout layout(scratch, text, shapes_, tmpl_, nullptr, nullptr);
    layout.start_page(c);
    layout.draw_part(c, blocks, Part::fixed, nullptr);
    // The layer's fonts also take the glyphs of what each certificate writes in them (the verify note and
    // serial), so those need no font of their own.
    auto reserve = [&](const std::string& words, const TextStyle& st) {
        if (!words.empty()) text.reserve(shapes_.shape(words, st));
    };
    // Shown on this certificate or not (an empty Latin name), so that one layer serves the whole batch.
    for (const auto& b : blocks) {
        if (!b.personal) continue;
        const TextStyle st = style(*b.block, b.block->field == TextField::latin_name ? "" : b.language);
        if (b.block->field == TextField::latin_name) {
            reserve(std::string(kLatinNameCharacters), st);  // a Latin name rarely needs a font of its own then
        } else if (b.block->field != TextField::full_name) {
            reserve(block_words(*b.block, c, b.language), st);
            if (shows_serial(*b.block, b.language)) reserve(std::string(kSerialCharacters), st);
        }
    }
    if (tmpl_.qr.present && !c.qr_text.empty()) {
        reserve(note_words(c), note_style());
        reserve(std::string(kSerialCharacters), note_style());
    }
    scratch.check("cannot lay out the certificate's template text");
    FontEmbedder* fonts = text.embedded_fonts();
    if (!fonts || !text.only_fonts()) return nullptr;
    fonts->finish();
    const HPDF_Dict contents = haru::page_contents(layout.page_);
    fonts->patch(contents);
    auto layer = std::make_shared<StaticLayer>();
    layer->content_deflated = deflate_bytes(haru::stream_bytes(haru::stream_of(contents)));
    for (auto& [font, frozen] : fonts->freeze())
        layer->fonts.emplace_back(fonts->name_on(layout.page_, *font), std::move(frozen));
    scratch.check("cannot lay out the certificate's template text");
    return layer;
}

// Paints the layer, made a Form XObject of this document (with its fonts) the first time.
void PageLayout::place(const std::shared_ptr<const StaticLayer>& layer) {
    HPDF_Dict& form = forms_[layer];
    if (!form) {
        HPDF_MMgr mm = haru::mmgr(doc_.get());
        form = HPDF_DictStream_New(mm, haru::xref(doc_.get()));
        doc_.check("cannot make the certificate's template form");
        haru::mark_xobject(form);
        HPDF_Dict_AddName(form, "Type", "XObject");
        HPDF_Dict_AddName(form, "Subtype", "Form");
        HPDF_Array box = HPDF_Array_New(mm);
        HPDF_Dict_Add(form, "BBox", box);
        for (double v : {0.0, 0.0, width_, height_}) HPDF_Array_AddReal(box, static_cast<HPDF_REAL>(v));
        HPDF_Dict resources = HPDF_Dict_New(mm);
        HPDF_Dict_Add(form, "Resources", resources);
        HPDF_Dict font_names = HPDF_Dict_New(mm);
        HPDF_Dict_Add(resources, "Font", font_names);
        doc_.check("cannot make the certificate's template form");
        for (const auto& [name, frozen] : layer->fonts)
            HPDF_Dict_Add(font_names, name.c_str(), FontEmbedder::object(*text_.embedded_fonts()->adopt(frozen)));
        store_deflated(form, layer->content_deflated);
        doc_.check("cannot make the certificate's template form");
    }
    HPDF_Page_GSave(page_);
    HPDF_Page_ExecuteXObject(page_, form);
    HPDF_Page_GRestore(page_);
}

HPDF_Image PageLayout::image(const std::string& file, const std::shared_ptr<const std::string>& bytes) {
    auto it = images_.find(file);
    if (it != images_.end()) return it->second;
    std::string ext = fs::path(file).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char ch) { return std::tolower(ch); });
    const bool png = ext == ".png";
    HPDF_Image img = nullptr;
    if (bytes) {
        // libharu decodes a PNG given in memory at once and has libpng abort the process on damaged pixel data: the
        // bytes are decoded once here first, with libpng's own error-returning reader.
        if (png && !png_decodes(*bytes))
            throw std::runtime_error("cannot read the image " + file + " (its pixel data is damaged)");
        const auto* data = reinterpret_cast<const HPDF_BYTE*>(bytes->data());
        const auto size = static_cast<HPDF_UINT>(bytes->size());
        img =
            png ? HPDF_LoadPngImageFromMem(doc_.get(), data, size) : HPDF_LoadJpegImageFromMem(doc_.get(), data, size);
    } else {
        std::error_code ec;
        if (!fs::is_regular_file(file, ec)) throw std::runtime_error("image " + file + " is not there");
        img = png ? HPDF_LoadPngImageFromFile(doc_.get(), file.c_str())
                  : HPDF_LoadJpegImageFromFile(doc_.get(), file.c_str());
    }
    doc_.check("cannot read the image " + file + " (PNG or baseline JPEG expected)");
    if (!img) throw std::runtime_error("cannot read the image " + file);
    return images_[file] = img;
}

// (left, bottom) in points; height 0 keeps the image's aspect.
void PageLayout::draw_image(HPDF_Image img, double left, double bottom, double w, double h) {
    if (h <= 0) h = w * HPDF_Image_GetHeight(img) / std::max<HPDF_UINT>(1, HPDF_Image_GetWidth(img));
    HPDF_Page_DrawImage(page_, img, static_cast<HPDF_REAL>(left), static_cast<HPDF_REAL>(bottom),
                        static_cast<HPDF_REAL>(w), static_cast<HPDF_REAL>(h));
}

void PageLayout::draw_template_image(const TemplateImage& im) {
    HPDF_Image img = image(im.file, im.bytes);
    const double w = mm_to_pt(im.width_mm);
    const double h = im.height_mm > 0
                         ? mm_to_pt(im.height_mm)
                         : w * HPDF_Image_GetHeight(img) / std::max<HPDF_UINT>(1, HPDF_Image_GetWidth(img));
    draw_image(img, x(im.x_mm), y(im.y_mm) - h, w, h);
}

void PageLayout::draw_frame_line(const FrameLine& line) {
    const double i = mm_to_pt(line.inset_mm), c = mm_to_pt(line.corner_mm);
    const double x0 = i, y0 = i, x1 = width_ - i, y1 = height_ - i;
    set_stroke(page_, line.colour);
    HPDF_Page_SetLineWidth(page_, static_cast<HPDF_REAL>(line.width_pt));
    auto f = [](double v) { return static_cast<HPDF_REAL>(v); };
    if (c <= 0) {
        HPDF_Page_Rectangle(page_, f(x0), f(y0), f(x1 - x0), f(y1 - y0));
    } else {
        // Concave quarter-circle corners (centred on each corner point), as on engraved certificates.
        const double k = 0.5523 * c;
        HPDF_Page_MoveTo(page_, f(x0 + c), f(y0));
        HPDF_Page_LineTo(page_, f(x1 - c), f(y0));
        HPDF_Page_CurveTo(page_, f(x1 - c), f(y0 + k), f(x1 - k), f(y0 + c), f(x1), f(y0 + c));
        HPDF_Page_LineTo(page_, f(x1), f(y1 - c));
        HPDF_Page_CurveTo(page_, f(x1 - k), f(y1 - c), f(x1 - c), f(y1 - k), f(x1 - c), f(y1));
        HPDF_Page_LineTo(page_, f(x0 + c), f(y1));
        HPDF_Page_CurveTo(page_, f(x0 + c), f(y1 - k), f(x0 + k), f(y1 - c), f(x0), f(y1 - c));
        HPDF_Page_LineTo(page_, f(x0), f(y0 + c));
        HPDF_Page_CurveTo(page_, f(x0 + k), f(y0 + c), f(x0 + c), f(y0 + k), f(x0 + c), f(y0));
        HPDF_Page_ClosePath(page_);
    }
    HPDF_Page_Stroke(page_);
}

void PageLayout::draw_rule(const Rule& rule) {
    set_stroke(page_, rule.colour);
    HPDF_Page_SetLineWidth(page_, static_cast<HPDF_REAL>(rule.width_pt));
    const double at = y(english_ && rule.y_english_mm ? *rule.y_english_mm : rule.y_mm);
    HPDF_Page_MoveTo(page_, static_cast<HPDF_REAL>(x(rule.x_mm)), static_cast<HPDF_REAL>(at));
    HPDF_Page_LineTo(page_, static_cast<HPDF_REAL>(x(rule.x_mm + rule.width_mm)), static_cast<HPDF_REAL>(at));
    HPDF_Page_Stroke(page_);
}

bool PageLayout::is_personal(const TextBlock& block, const std::string& language) {
    if (block.field == TextField::none) {
        const std::string& text = block.text.in(language);
        return std::any_of(std::begin(kPersonalFields), std::end(kPersonalFields),
                           [&](TextField f) { return text.find(placeholder(f)) != std::string::npos; });
    }
    return is_personal_field(block.field);
}

TextStyle PageLayout::style(const TextBlock& block, const std::string& lang) const {
    TextStyle s;
    s.role = block.font;
    s.bold = block.bold;
    s.size_pt = block.size_pt;
    s.lang = lang;
    return s;
}

void PageLayout::draw_block(const Planned& planned, const std::vector<Planned>& blocks, const CertificateContent& c) {
    if (!planned.shown) return;
    const TextBlock& block = *planned.block;
    set_fill(page_, block.colour);
    if (block.field == TextField::modules) {
        draw_modules(block, c, planned.language);
        return;
    }
    const double baseline = y(english_ && block.y_english_mm ? *block.y_english_mm : block.y_mm);
    const bool is_name = block.field == TextField::full_name;
    const std::string lang = is_name ? c.name_language : block.field == TextField::latin_name ? "" : planned.language;
    fitted(planned.text, planned.personal, x(block.x_mm), baseline, mm_to_pt(block.width_mm), style(block, lang),
           to_align(block.align), block.min_size_pt, [&] { return room_for(planned, blocks, c); });
}

void PageLayout::draw_modules(const TextBlock& block, const CertificateContent& c, const std::string& language) {
    const std::vector<std::string> lines = module_lines(block, c, language);
    if (lines.empty()) return;
    const int columns = std::max(1, std::min<int>(block.columns, static_cast<int>(lines.size())));
    const double gutter = columns > 1 ? mm_to_pt(8) : 0;
    const double column_width = (mm_to_pt(block.width_mm) - gutter * (columns - 1)) / columns;
    TextStyle st = style(block, language);
    // A module line too wide for its column even at the floor size is broken onto rows of its own, and the
    // modules are dealt to the columns whole.  `pieces`: each module's rows; `at`: its column and first row.
    const double floor = floor_size(block.size_pt, block.min_size_pt);
    std::vector<std::vector<std::string>> pieces(lines.size());
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const ShapedLine& shaped = shapes_.shape(lines[i], st);
        if (shaped.width(floor) <= column_width) {
            pieces[i] = {lines[i]};
            continue;
        }
        for (const TextRange& r : break_lines(shaped, floor, column_width, st.lang))
            pieces[i].push_back(lines[i].substr(r.begin, r.end - r.begin));
    }
    std::size_t total = 0;
    for (const auto& p : pieces) total += p.size();
    const int per_column = static_cast<int>((total + columns - 1) / columns);
    std::vector<std::pair<int, int>> at(lines.size());
    int column = 0, row = 0, rows = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const int taken = static_cast<int>(pieces[i].size());
        if (row > 0 && row + taken > per_column && column + 1 < columns) ++column, row = 0;
        at[i] = {column, row};
        row += taken;
        rows = std::max(rows, row);
    }
    double size = block.size_pt;
    if (block.max_height_mm > 0) {
        // The first baseline sits at y_mm; the rest follow line_height apart, within max_height_mm.
        const double room = mm_to_pt(block.max_height_mm);
        if ((rows - 1) * size * block.line_height > room)
            size = std::max(block.min_size_pt, room / std::max(1, rows - 1) / block.line_height);
    }
    st.size_pt = size;
    const double first = y(english_ && block.y_english_mm ? *block.y_english_mm : block.y_mm);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const double left = x(block.x_mm) + at[i].first * (column_width + gutter);
        for (std::size_t k = 0; k < pieces[i].size(); ++k)
            fitted(pieces[i][k], false, left, first - (at[i].second + static_cast<int>(k)) * size * block.line_height,
                   column_width, st, to_align(block.align), block.min_size_pt);
    }
}

std::string PageLayout::role_label(const std::string& role, const std::string& language) const {
    for (const auto& [name, label] : tmpl_.signatures.roles)
        if (name == role) return label.in(language);
    return role;
}

// Signature images (`images`), and the lines with names and roles under them (`lines`).
void PageLayout::draw_signatures(const CertificateContent& c, bool lines, bool images) {
    const SignatureBlock& s = tmpl_.signatures;
    if (c.trainers.empty()) return;
    const double n = static_cast<double>(c.trainers.size());
    const double slot = mm_to_pt(s.width_mm) / n;
    const double line_len = std::min(mm_to_pt(s.slot_width_mm), slot - mm_to_pt(8));
    const double line_y = y(s.y_mm);
    for (std::size_t i = 0; i < c.trainers.size(); ++i) {
        const CertificatePerson& person = c.trainers[i];
        const double centre = x(s.x_mm) + slot * (static_cast<double>(i) + 0.5);
        if (images && !person.signature_image.empty()) {
            HPDF_Image img = image(person.signature_image);
            const double iw = HPDF_Image_GetWidth(img), ih = std::max<double>(1, HPDF_Image_GetHeight(img));
            double h = mm_to_pt(s.image_height_mm), w = h * iw / ih;
            if (w > line_len) w = line_len, h = w * ih / iw;
            draw_image(img, centre - w / 2, line_y + 1, w, h);
        }
        if (!lines) continue;
        set_stroke(page_, s.line_colour);
        HPDF_Page_SetLineWidth(page_, static_cast<HPDF_REAL>(s.line_width_pt));
        HPDF_Page_MoveTo(page_, static_cast<HPDF_REAL>(centre - line_len / 2), static_cast<HPDF_REAL>(line_y));
        HPDF_Page_LineTo(page_, static_cast<HPDF_REAL>(centre + line_len / 2), static_cast<HPDF_REAL>(line_y));
        HPDF_Page_Stroke(page_);

        double baseline = line_y - s.name_size_pt * 1.25;
        set_fill(page_, s.name_colour);
        TextStyle name_style{s.font, false, s.name_size_pt, ""};
        fitted(person.name, false, centre - line_len / 2, baseline, line_len, name_style, Align::centre,
               std::min(6.0, s.name_size_pt));
        set_fill(page_, s.role_colour);
        TextStyle small{s.font, false, s.role_size_pt, ""};
        if (!person.latin_name.empty() && person.latin_name != person.name) {
            baseline -= s.role_size_pt * 1.35;
            fitted(person.latin_name, false, centre - line_len / 2, baseline, line_len, small, Align::centre,
                   std::min(5.0, s.role_size_pt));
        }
        std::string role = role_label(person.role, language_);
        const std::string role_en = role_label(person.role, "en");
        if (role != role_en) role += "  ·  " + role_en;
        if (!role.empty()) {
            baseline -= s.role_size_pt * 1.35;
            small.lang = language_;
            fitted(role, false, centre - line_len / 2, baseline, line_len, small, Align::centre,
                   std::min(5.0, s.role_size_pt));
        }
    }
}

// Greedy word wrap of ASCII text into lines no wider than `width`; over-long words are cut.  Pieces
// holding `personal` (the serial) are measured afresh, the rest are shaped once for the batch.
std::vector<std::string> PageLayout::wrap(const std::string& text, double width, const TextStyle& st,
                                          const std::string& personal) {
    auto measure = [&](const std::string& piece) {
        if (!personal.empty() && piece.find(personal) != std::string::npos) return text_.measure(piece, st);
        return shapes_.shape(piece, st).width(st.size_pt);
    };
    std::vector<std::string> lines;
    std::string line;
    std::size_t at = 0;
    while (at < text.size()) {
        std::size_t end = text.find(' ', at);
        if (end == std::string::npos) end = text.size();
        std::string word = text.substr(at, end - at);
        at = end + 1;
        if (word.empty()) continue;
        const std::string candidate = line.empty() ? word : line + " " + word;
        if (measure(candidate) <= width) {
            line = candidate;
            continue;
        }
        if (!line.empty()) lines.push_back(line);
        line.clear();
        while (measure(word) > width && word.size() > 1) {
            std::size_t cut = word.size() - 1;
            while (cut > 1 && measure(word.substr(0, cut)) > width) --cut;
            lines.push_back(word.substr(0, cut));
            word.erase(0, cut);
        }
        line = word;
    }
    if (!line.empty()) lines.push_back(line);
    return lines;
}

QrBlock qr_box(const QrBlock& block, const QrMatrix& matrix) {
    QrBlock q = block;
    const int total = matrix.size + 2 * kQrQuietModules;
    // Whole steps of the grid: the template's box, rounded down, but never under the least module.
    const double module = std::max(kQrMinModuleMm, std::floor(block.size_mm / total / kQrGridMm) * kQrGridMm);
    q.size_mm = module * total;
    // Grown (or shrunk by the rounding) about the bottom edge and the note's side, then put on the grid.
    const double change = q.size_mm - block.size_mm;
    q.y_mm -= change;
    if (q.note_align == TextAlign::right) q.x_mm -= change;
    else if (q.note_align == TextAlign::centre) q.x_mm -= change / 2;
    q.x_mm = std::round(q.x_mm / kQrGridMm) * kQrGridMm;
    q.y_mm = std::round(q.y_mm / kQrGridMm) * kQrGridMm;
    return q;
}

void PageLayout::draw_qr_block(const CertificateContent& c) {
    QrMatrix encoded;
    const QrMatrix& matrix = qr_memo_ ? qr_memo_->get(c.qr_text) : (encoded = encode_qr(c.qr_text));
    const QrBlock q = qr_box(tmpl_.qr, matrix);
    const double side = mm_to_pt(q.size_mm);
    set_fill(page_, q.colour);
    draw_qr(page_, matrix, x(q.x_mm), y(q.y_mm) - side, side);
    if (c.verify_note.empty()) return;
    set_fill(page_, q.note_colour);
    const TextStyle st = note_style();
    const double width = mm_to_pt(q.note_width_mm);
    const double left = q.note_align == TextAlign::left    ? x(q.x_mm)
                        : q.note_align == TextAlign::right ? x(q.x_mm) + side - width
                                                           : x(q.x_mm) + (side - width) / 2;
    double baseline = y(q.y_mm) - side - q.note_size_pt * 0.6;
    for (const auto& line : wrap(c.verify_note, width, st, c.serial)) {
        fitted(line, line.find(c.serial) != std::string::npos, left, baseline, width, st, to_align(q.note_align), 3);
        baseline -= q.note_size_pt * 1.25;
    }
}

}  // namespace mitra::pdf::cert
