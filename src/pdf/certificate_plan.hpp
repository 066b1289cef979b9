// A certificate's page as data (the layout stage): what template + content + shaping put where, each item marked
// as the batch's shared part or the person's own, in painting order. No libharu here: certificate_layout.cpp
// paints a plan; tests read one. Also what the content says in a language (certificate_text.cpp) and the QR box.
#pragma once

#include "core/certificate_template.hpp"
#include "pdf/qr.hpp"
#include "pdf/shaping.hpp"

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>
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

namespace cert {

// ---- the plan ---------------------------------------------------------------------------------------------
// Points, from the page's bottom-left corner (y up), as a PDF page measures.

// fixed: the same on every certificate of the batch in one language (a StaticLayer holds it); personal: the rest,
// painted on each page.
enum class Part { fixed, personal };

// The paper's colour over the whole page.
struct PlannedPaper {
    Colour colour;
    double width = 0, height = 0;
};

struct PlannedImage {
    enum class Fit {
        box,     // (x, y) its bottom-left corner, width x height
        width,   // (x, y) its top-left corner, `width` wide, as tall as its aspect makes it
        within,  // x the centre of its bottom edge, y that edge; `height` tall, but at most `width` wide (aspect kept)
    };
    enum class What { background, image, signature };
    Part part = Part::personal;
    What what = What::image;
    std::string file;
    std::shared_ptr<const std::string> bytes;  // what the template check read; null: read `file`
    Fit fit = Fit::box;
    double x = 0, y = 0, width = 0, height = 0;
    std::string alt;  // its text alternative in a tagged PDF ("Signature: <the trainer's name>"); "" for none given
};

// A stroked path.
struct PathStep {
    enum class Op { move, line, curve, rectangle, close };
    Op op = Op::move;
    double v[6] = {};  // move, line: x y; curve: x1 y1 x2 y2 x3 y3; rectangle: x y width height
};

struct PlannedPath {
    enum class What { frame, rule, signature_line };
    Part part = Part::fixed;
    What what = What::frame;
    Colour colour;
    double width_pt = 0;
    std::vector<PathStep> steps;
};

// One line of text, shaped, at its size and place.
struct PlannedLine {
    Part part = Part::fixed;
    bool personal = false;  // shows the person's own fields: shaped for this certificate alone, never cached
    int block = -1;         // its template text block (tmpl.texts' index); -1 for signatures and the QR note
    TextField field = TextField::none;  // that block's field
    ShapedLine line;
    TextStyle style;  // as shaped; size_pt the size it is set at
    double x = 0;     // the left edge of its glyphs
    double baseline = 0;
    double box_left = 0, box_width = 0;  // the box it was fitted to
    Align align = Align::left;
    Colour colour;
    bool sets_colour = false;  // the painter sets the fill colour before it (the first line of a block)
};

// The QR symbol with its quiet zone, in the square [x, x + side] x [y, y + side].
struct PlannedQr {
    QrMatrix matrix;
    Colour colour;
    double x = 0, y = 0, side = 0;
};

using PlanItem = std::variant<PlannedPaper, PlannedImage, PlannedPath, PlannedLine, PlannedQr>;

Part part_of(const PlanItem& item);

// Words a batch's shared fonts take besides the shared part's own text: what each certificate writes in them.
struct LayerWords {
    std::string words;
    TextStyle style;
};

struct CertificatePlan {
    double width = 0, height = 0;         // the page, points
    std::vector<PlanItem> items;          // in painting order
    std::size_t layer_at = 0;             // a batch's shared part (painted as one form) goes before items[layer_at]
    std::string layer_key;                // what the shared part depends on: equal keys, equal shared parts
    std::vector<LayerWords> layer_words;  // with the fixed part only
};

// Which parts to lay out: a page painted over a batch's shared form needs only its personal part.
enum class PlanParts { all, fixed, personal };

// The certificate `c` laid out on `tmpl`'s page: fitting, fallbacks and places decided, nothing drawn. The
// person's own text is shaped with `fonts`, the rest through `shapes` (shared by a batch); QR symbols through
// `qr_memo` when given. Throws std::invalid_argument for a serial, QR text or verify note that is not printable
// ASCII, MissingFontError for text no Noto font covers.
CertificatePlan plan_certificate(const CertificateTemplate& tmpl, const CertificateContent& c, FontStack& fonts,
                                 ShapeCache& shapes, QrMemo* qr_memo = nullptr, PlanParts parts = PlanParts::all);

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

}  // namespace cert
}  // namespace mitra::pdf
