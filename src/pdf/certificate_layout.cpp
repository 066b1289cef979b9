// Paints certificate plans on libharu pages: paper, images, paths, shaped lines, QR symbols; and a batch's fixed
// part painted once (a StaticLayer) and placed as a form.
#include "pdf/certificate_layout.hpp"

#include "pdf/stream_deflate.hpp"

#include <algorithm>
#include <cmath>
#include <cctype>
#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <tuple>
#include <variant>
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

void set_fill(HPDF_Page page, const Colour& c) {
    HPDF_Page_SetRGBFill(page, static_cast<HPDF_REAL>(c.r), static_cast<HPDF_REAL>(c.g), static_cast<HPDF_REAL>(c.b));
}

void set_stroke(HPDF_Page page, const Colour& c) {
    HPDF_Page_SetRGBStroke(page, static_cast<HPDF_REAL>(c.r), static_cast<HPDF_REAL>(c.g), static_cast<HPDF_REAL>(c.b));
}

}  // namespace

PageLayout::PageLayout(haru::Document& doc, TextRenderer& text, ShapeCache& shapes, const CertificateTemplate& tmpl,
                       QrMemo* qr_memo, LayerMemo* layers, Structure* tags)
    : doc_(doc),
      text_(text),
      shapes_(shapes),
      tmpl_(tmpl),
      qr_memo_(qr_memo),
      layers_(layers),
      tags_(tags),
      marking_(tags != nullptr) {
    std::tie(width_, height_) = page_size_pt(tmpl);
    double largest = 0;
    for (std::size_t i = 0; i < tmpl.texts.size(); ++i)
        if (tmpl.texts[i].field == TextField::none && tmpl.texts[i].size_pt > largest) {
            largest = tmpl.texts[i].size_pt;
            heading_block_ = static_cast<int>(i);
        }
}

CertificatePlan PageLayout::plan(const CertificateContent& c, PlanParts parts) {
    return plan_certificate(tmpl_, c, text_.fonts(), shapes_, qr_memo_, parts);
}

// With a memo, a page needs only its personal part planned, the fixed part being painted once for the batch; unless
// the fixed part cannot be shared (its text painted as outlines), and then the page is planned whole.
void PageLayout::draw(const CertificateContent& c) {
    language_ = c.language.empty() ? "en" : c.language;
    const bool shared = layers_ && text_.embedded_fonts();
    CertificatePlan page = plan(c, shared ? PlanParts::personal : PlanParts::all);
    std::shared_ptr<const StaticLayer> layer;
    if (shared) layer = layers_->get(page.layer_key, [&] { return build_layer(plan(c, PlanParts::fixed)); });
    if (shared && !layer) page = plan(c, PlanParts::all);
    paint(page, layer ? PlanParts::personal : PlanParts::all, layer);
    doc_.check("cannot draw the certificate for " + c.serial);
}

void PageLayout::start_page() {
    page_ = HPDF_AddPage(doc_.get());
    doc_.check("cannot add a page");
    HPDF_Page_SetWidth(page_, static_cast<HPDF_REAL>(width_));
    HPDF_Page_SetHeight(page_, static_cast<HPDF_REAL>(height_));
}

void PageLayout::paint(const CertificatePlan& plan, PlanParts parts, const std::shared_ptr<const StaticLayer>& layer) {
    start_page();
    marks_.clear();
    HPDF_Dict form = nullptr;
    bool after_qr = false;
    for (std::size_t i = 0; i <= plan.items.size(); ++i) {
        if (i == plan.layer_at && layer) form = place(layer);
        if (i == plan.items.size()) break;
        const PlanItem& item = plan.items[i];
        if (parts != PlanParts::all && (parts == PlanParts::fixed) != (part_of(item) == Part::fixed)) continue;
        Mark mark = mark_of(item);
        // The QR code's note (the lines painted right after it) is read right after it.
        const auto* line = std::get_if<PlannedLine>(&item);
        after_qr = std::holds_alternative<PlannedQr>(item) || (after_qr && line && line->block < 0);
        if (after_qr) mark.group = "qr";
        marked(mark.role == Role::part ? nullptr : &mark,
               [&] { std::visit([this](const auto& it) { paint_item(it); }, item); });
    }
    if (tags_) tag_page(form, layer);
}

// Text is a heading (the template's title) or a paragraph in its own language; the QR code and images other than
// the background are figures; paper, background, frame, rules and signature lines are decoration (role `part`).
Mark PageLayout::mark_of(const PlanItem& item) const {
    Mark m;
    m.role = Role::part;
    if (const auto* line = std::get_if<PlannedLine>(&item)) {
        m.role = line->block >= 0 && line->block == heading_block_ ? Role::heading : Role::paragraph;
        m.lang = line->style.lang.empty() ? script_language(line->line.text) : line->style.lang;
        m.text = line->line.text;
        m.block = line->block;
        m.top = line->baseline;
        m.left = line->box_left;
        m.width = line->box_width;
    } else if (const auto* qr = std::get_if<PlannedQr>(&item)) {
        m.role = Role::figure;
        m.alt = "QR code: this certificate's signed record, for checking that it is genuine";
        m.top = qr->y + qr->side;
        m.left = qr->x;
    } else if (const auto* im = std::get_if<PlannedImage>(&item); im && im->what != PlannedImage::What::background) {
        m.role = Role::figure;
        if (!im->alt.empty()) {
            m.alt = im->alt;
        } else if (im->what == PlannedImage::What::signature) {
            m.alt = "Signature";
        } else {  // the template gives none: its file's name
            std::string stem = fs::path(im->file).stem().string();
            std::replace_if(
                stem.begin(), stem.end(), [](char ch) { return ch == '-' || ch == '_'; }, ' ');
            m.alt = "Image: " + stem;
        }
        m.top = im->fit == PlannedImage::Fit::box ? im->y + im->height : im->y;
        m.left = im->fit == PlannedImage::Fit::within ? im->x - im->width / 2 : im->x;
    }
    return m;
}

template <class Paint>
void PageLayout::marked(const Mark* mark, Paint paint) {
    if (!marking_) return paint();
    if (!mark) {
        begin_artifact(page_);
        paint();
        end_marked(page_);
        return;
    }
    Mark m = *mark;
    m.mcid = tags_ ? tags_->reserve(page_) : static_cast<int>(marks_.size());
    begin_marked(page_, m.role, m.mcid);
    paint();
    end_marked(page_);
    marks_.push_back(std::move(m));
}

// Reading order: groups top to bottom (tops within a point are one row), then left to right. A group is a text block's
// lines (one element), the lines of one box outside the blocks (a signature's name, Latin name and role), each an
// element, a figure, or the QR code and its note; inside a group, the order it was painted in.
void PageLayout::tag_page(HPDF_Dict form, const std::shared_ptr<const StaticLayer>& layer) {
    struct Item {
        const Mark* mark;
        bool in_form;
    };
    struct Group {
        std::vector<Item> items;
        double top = -1e9, left = 1e9;
        bool one_element = false;
    };
    std::vector<Group> groups;
    std::map<std::string, std::size_t> by_key;
    auto add = [&](const Mark& m, bool in_form) {
        std::string key = m.group;
        if (key.empty() && m.block >= 0) key = "b" + std::to_string(m.block);
        if (key.empty() && (m.role == Role::paragraph || m.role == Role::heading))
            key = "s" + std::to_string(std::lround(m.left * 10)) + "," + std::to_string(std::lround(m.width * 10));
        if (key.empty()) key = "u" + std::to_string(groups.size());
        auto [it, made] = by_key.emplace(key, groups.size());
        if (made) groups.push_back({});
        Group& g = groups[it->second];
        g.items.push_back({&m, in_form});
        g.top = std::max(g.top, m.top);
        g.left = std::min(g.left, m.left);
        g.one_element = m.block >= 0;
    };
    if (form)
        for (const Mark& m : layer->marks) add(m, true);
    for (const Mark& m : marks_) add(m, false);
    std::stable_sort(groups.begin(), groups.end(), [](const Group& a, const Group& b) {
        const long ta = std::lround(a.top), tb = std::lround(b.top);
        if (ta != tb) return ta > tb;
        return a.left < b.left;
    });
    const Structure::Element part = tags_->add(tags_->document(), Role::part, language_);
    for (const Group& g : groups) {
        Structure::Element e = nullptr;
        for (const Item& item : g.items) {
            const Mark& m = *item.mark;
            if (!e || !g.one_element) {
                // Right-to-left text gets its logical order as /ActualText (a block's lines joined: one element).
                std::string actual = g.one_element ? std::string() : m.text;
                if (g.one_element)
                    for (const Item& line : g.items) actual += (actual.empty() ? "" : " ") + line.mark->text;
                if (!has_rtl(actual)) actual.clear();
                e = tags_->add(part, m.role, m.lang.empty() ? language_ : m.lang, m.alt, actual);
            }
            if (item.in_form) tags_->add_form_content(e, page_, form, m.mcid);
            else tags_->attach(e, page_, m.mcid);
        }
    }
}

// Paints the fixed part on a page of a document of its own and keeps what another document needs of it.
std::shared_ptr<const StaticLayer> PageLayout::build_layer(const CertificatePlan& fixed) {
    haru::Document scratch;
    TextRenderer text(scratch.get(), text_.fonts());
    PageLayout layout(scratch, text, shapes_, tmpl_, nullptr, nullptr);
    layout.marking_ = marking_;
    layout.paint(fixed, PlanParts::fixed, nullptr);
    for (const LayerWords& w : fixed.layer_words)
        if (!w.words.empty()) text.reserve(shapes_.shape(w.words, w.style));
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
    layer->marks = std::move(layout.marks_);
    scratch.check("cannot lay out the certificate's template text");
    return layer;
}

// Paints the layer, made a Form XObject of this document (with its fonts) the first time.
HPDF_Dict PageLayout::place(const std::shared_ptr<const StaticLayer>& layer) {
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
    text_.note_text_on(page_);
    return form;
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

void PageLayout::paint_item(const PlannedPaper& paper) {
    set_fill(page_, paper.colour);
    HPDF_Page_Rectangle(page_, 0, 0, static_cast<HPDF_REAL>(paper.width), static_cast<HPDF_REAL>(paper.height));
    HPDF_Page_Fill(page_);
}

void PageLayout::paint_item(const PlannedImage& im) {
    HPDF_Image img = image(im.file, im.bytes);
    double left = im.x, bottom = im.y, w = im.width, h = im.height;
    if (im.fit == PlannedImage::Fit::width) {
        h = w * HPDF_Image_GetHeight(img) / std::max<HPDF_UINT>(1, HPDF_Image_GetWidth(img));
        bottom = im.y - h;
    } else if (im.fit == PlannedImage::Fit::within) {
        const double iw = HPDF_Image_GetWidth(img), ih = std::max<double>(1, HPDF_Image_GetHeight(img));
        w = h * iw / ih;
        if (w > im.width) w = im.width, h = w * ih / iw;
        left = im.x - w / 2;
    }
    HPDF_Page_DrawImage(page_, img, static_cast<HPDF_REAL>(left), static_cast<HPDF_REAL>(bottom),
                        static_cast<HPDF_REAL>(w), static_cast<HPDF_REAL>(h));
}

void PageLayout::paint_item(const PlannedPath& path) {
    set_stroke(page_, path.colour);
    HPDF_Page_SetLineWidth(page_, static_cast<HPDF_REAL>(path.width_pt));
    for (const PathStep& s : path.steps) {
        HPDF_REAL v[6];
        for (int k = 0; k < 6; ++k) v[k] = static_cast<HPDF_REAL>(s.v[k]);
        switch (s.op) {
            case PathStep::Op::move: HPDF_Page_MoveTo(page_, v[0], v[1]); break;
            case PathStep::Op::line: HPDF_Page_LineTo(page_, v[0], v[1]); break;
            case PathStep::Op::curve: HPDF_Page_CurveTo(page_, v[0], v[1], v[2], v[3], v[4], v[5]); break;
            case PathStep::Op::rectangle: HPDF_Page_Rectangle(page_, v[0], v[1], v[2], v[3]); break;
            case PathStep::Op::close: HPDF_Page_ClosePath(page_); break;
        }
    }
    HPDF_Page_Stroke(page_);
}

void PageLayout::paint_item(const PlannedLine& line) {
    if (line.sets_colour) set_fill(page_, line.colour);
    text_.draw_shaped(page_, line.line, line.x, line.baseline, line.style.size_pt);
}

void PageLayout::paint_item(const PlannedQr& qr) {
    set_fill(page_, qr.colour);
    draw_qr(page_, qr.matrix, qr.x, qr.y, qr.side);
}

}  // namespace mitra::pdf::cert
