// Inside the certificate renderer (certificate*.cpp only): the memos a batch shares, what a template's blocks
// say in a language (certificate_text.cpp), and the page layout (certificate_layout.cpp, its line fitting in
// certificate_fit.cpp).
#pragma once

#include "core/certificate_template.hpp"
#include "pdf/font_embed.hpp"
#include "pdf/haru.hpp"
#include "pdf/qr.hpp"
#include "pdf/shaping.hpp"
#include "pdf/text_renderer.hpp"

#include <hpdf.h>

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace mitra::pdf {

// The QR symbols of one write_certificate_files() call: a certificate's file and its page of the print file
// show the same symbol, and encoding one (its mask chosen) is worth doing once. Lives only as
// long as the call, so no one's data stays behind in the renderer.
struct QrMemo {
    std::unordered_map<std::string, QrMatrix> matrices;
    const QrMatrix& get(const std::string& text) {
        auto it = matrices.find(text);
        if (it == matrices.end()) it = matrices.emplace(text, encode_qr(text)).first;
        return it->second;
    }
};

// What every certificate of a batch in one language shows alike (frame, rules, the template's text, the
// curriculum, site and dates, the trainers), laid out once as a Form XObject's content with its fonts frozen:
// each certificate embeds them as they are and draws only its own part (name, serial, QR code) itself, in
// those fonts where they have the glyphs.  Holds no participant's data.
struct StaticLayer {
    std::string content_deflated;  // the form's content stream, deflated
    std::vector<std::pair<std::string, std::shared_ptr<const FrozenFont>>> fonts;  // its /Font resources by name
};

// The layers of one write_certificate_files() or render_batch() call (the template stays the same through
// it), by what they show.  A null layer: that text needs what a font cannot take to another document
// (outlines), so each certificate lays its page out whole.
struct LayerMemo {
    static constexpr std::size_t kCapacity = 64;  // languages and trainer lists; starts again empty when full
    std::unordered_map<std::string, std::shared_ptr<const StaticLayer>> layers;
    template <class Build>
    std::shared_ptr<const StaticLayer> get(std::string key, Build build) {
        auto it = layers.find(key);
        if (it != layers.end()) return it->second;
        auto made = build();
        if (layers.size() >= kCapacity) layers.clear();
        return layers.emplace(std::move(key), std::move(made)).first->second;
    }
};

namespace cert {

// ---- what the content says, in a language (certificate_text.cpp) --------------------------------------

bool is_english(const std::string& language);

std::string replace_all(std::string text, const std::string& from, const std::string& to);

// The fields that are the person's own: never laid out for a whole batch, nor kept in a cache.
inline constexpr TextField kPersonalFields[] = {TextField::full_name, TextField::latin_name, TextField::serial};

// What a name in Latin letters is mostly written with.
inline constexpr std::string_view kLatinNameCharacters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-'.";

bool is_personal_field(TextField f);

// "{field}", as a template's text names a field.
std::string placeholder(TextField f);

// A block's text for this certificate, each {field} filled.
std::string block_text(const TextBlock& block, const CertificateContent& c, const std::string& language);

std::string block_words(const TextBlock& block, const CertificateContent& c, const std::string& language);

bool shows_serial(const TextBlock& block, const std::string& language);

std::vector<std::string> module_lines(const TextBlock& block, const CertificateContent& c, const std::string& language);

// Throws std::invalid_argument unless the serial, QR text and verify note are printable ASCII.
void check_printable(const CertificateContent& c);

// The QR block a symbol is drawn in: modules of whole steps of kQrGridMm, as many as the template's size_mm
// (quiet zone included) holds, but never under kQrMinModuleMm; so a symbol too large for the template's box grows
// it. The box changes size about its bottom edge and the side its note is aligned to (its right edge for a note
// aligned right, its left for left, its middle for centre), so the note under it stays where the template put it;
// its top-left corner is then put on the grid.
QrBlock qr_box(const QrBlock& block, const QrMatrix& matrix);

// ---- one page (certificate_layout.cpp, certificate_fit.cpp) ---------------------------------------------

// Lays a template out on pages of one document, one certificate a page; with a LayerMemo, the template's
// part of the page is laid out once (build_layer()) and each page paints it as a form.
class PageLayout {
public:
    PageLayout(haru::Document& doc, TextRenderer& text, ShapeCache& shapes, const CertificateTemplate& tmpl,
               QrMemo* qr_memo, LayerMemo* layers);
    void draw(const CertificateContent& c);

private:
    enum class Part { whole, fixed, personal };  // fixed: what a StaticLayer holds; personal: the rest

    // A text block as this certificate shows it.
    struct Planned {
        const TextBlock* block;
        std::string text, language;
        bool shown;
        bool personal;  // shows the person's own fields
        bool on_page;  // drawn on each page, not in the layer: personal, or in the name's font (one font then has both)
    };

    void start_page(const CertificateContent& c);
    std::vector<Planned> plan(const CertificateContent& c) const;
    void draw_part(const CertificateContent& c, const std::vector<Planned>& blocks, Part part,
                   const std::shared_ptr<const StaticLayer>& layer);

    // The template's part of the page, laid out once for a batch.
    std::string layer_key(const CertificateContent& c, const std::vector<Planned>& blocks) const;
    static std::string note_words(const CertificateContent& c);
    TextStyle note_style() const { return {"sans", false, tmpl_.qr.note_size_pt, "en"}; }
    std::shared_ptr<const StaticLayer> build_layer(const CertificateContent& c, const std::vector<Planned>& blocks);
    void place(const std::shared_ptr<const StaticLayer>& layer);

    // Points from the left, and from the bottom for a distance in mm from the top.
    double x(double mm) const { return mm_to_pt(mm); }
    double y(double mm_from_top) const { return height_ - mm_to_pt(mm_from_top); }
    static double pt_to_mm(double pt) { return pt * 25.4 / 72.0; }

    // The image of `file`, decoded once per document: from `bytes` (what the template check read) when given.
    HPDF_Image image(const std::string& file, const std::shared_ptr<const std::string>& bytes = nullptr);
    void draw_image(HPDF_Image img, double left, double bottom, double w, double h);
    void draw_template_image(const TemplateImage& im);
    void draw_frame_line(const FrameLine& line);
    void draw_rule(const Rule& rule);

    static bool is_personal(const TextBlock& block, const std::string& language);
    TextStyle style(const TextBlock& block, const std::string& lang) const;
    void draw_block(const Planned& planned, const std::vector<Planned>& blocks, const CertificateContent& c);
    void draw_modules(const TextBlock& block, const CertificateContent& c, const std::string& language);
    std::string role_label(const std::string& role, const std::string& language) const;
    void draw_signatures(const CertificateContent& c, bool lines, bool images);
    std::vector<std::string> wrap(const std::string& text, double width, const TextStyle& st,
                                  const std::string& personal);
    void draw_qr_block(const CertificateContent& c);

    // ---- certificate_fit.cpp: a line too long for its box, set smaller or on more lines, within its room ----

    // Points (page coordinates, y up) between which a block's lines may lie.
    struct Room {
        double top, bottom;
    };

    // A band of the page, in mm from the top, and the span of it an element takes across.
    struct Band {
        double top, bottom, left, right;
        bool text;  // a line of text (whose own room ends half way to its neighbour's), or a fixed shape
    };

    struct FittedLines {
        double size = 0, first_baseline = 0, leading = 0;
        std::vector<ShapedLine> lines;
    };

    // A glyph raised more than this over its base (marks on marks) has its ink measured against the room.
    static constexpr double kRaisedEm = 0.6;

    void fitted(const std::string& text, bool personal, double left, double baseline, double width, TextStyle st,
                Align align, double min_size_pt, const std::function<Room()>& room = {});
    static double floor_size(double size, double min_size_pt);
    FittedLines fit_lines(const ShapedLine& whole, bool personal, const TextStyle& st, double width, double floor,
                          double baseline, Room room);
    Band nominal_band(const TextBlock& b, std::size_t module_count) const;
    Room room_for(const Planned& me, const std::vector<Planned>& blocks, const CertificateContent& c) const;
    static bool too_tall(const ShapedLine& line);

    haru::Document& doc_;
    TextRenderer& text_;
    ShapeCache& shapes_;
    const CertificateTemplate& tmpl_;
    QrMemo* qr_memo_;
    LayerMemo* layers_;
    std::map<std::shared_ptr<const StaticLayer>, HPDF_Dict> forms_;  // this document's form of each layer
    double width_ = 0, height_ = 0;
    HPDF_Page page_ = nullptr;
    std::string language_;
    bool english_ = true;  // an English certificate: only_bilingual lines out, y_english_mm in
    std::map<std::string, HPDF_Image> images_;
};

}  // namespace cert
}  // namespace mitra::pdf
