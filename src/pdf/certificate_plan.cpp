// A certificate template laid out as data: paper, background, frame, images, rules, text blocks, signatures, QR
// code and its note, in painting order, each marked as the batch's shared part or the person's own.
#include "pdf/certificate_planner.hpp"

#include "core/identity.hpp"
#include "core/serial.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <tuple>
#include <utility>

namespace mitra::pdf::cert {
namespace {

Align to_align(TextAlign a) {
    return a == TextAlign::left ? Align::left : a == TextAlign::right ? Align::right : Align::centre;
}

PathStep step(PathStep::Op op, std::initializer_list<double> values) {
    PathStep s;
    s.op = op;
    std::copy(values.begin(), values.end(), s.v);
    return s;
}

}  // namespace

Part part_of(const PlanItem& item) {
    return std::visit(
        [](const auto& i) {
            using T = std::decay_t<decltype(i)>;
            if constexpr (std::is_same_v<T, PlannedPaper> || std::is_same_v<T, PlannedQr>) return Part::personal;
            else return i.part;
        },
        item);
}

CertificatePlan plan_certificate(const CertificateTemplate& tmpl, const CertificateContent& c, FontStack& fonts,
                                 ShapeCache& shapes, QrMemo* qr_memo, PlanParts parts) {
    return Planner(tmpl, c, fonts, shapes, qr_memo, parts).run();
}

Planner::Planner(const CertificateTemplate& tmpl, const CertificateContent& c, FontStack& fonts, ShapeCache& shapes,
                 QrMemo* qr_memo, PlanParts parts)
    : tmpl_(tmpl), c_(c), fonts_(fonts), shapes_(shapes), qr_memo_(qr_memo), parts_(parts) {
    std::tie(width_, height_) = page_size_pt(tmpl);
    language_ = c.language.empty() ? "en" : c.language;
    english_ = is_english(language_);
}

bool Planner::wanted(Part part) const {
    return parts_ == PlanParts::all || (parts_ == PlanParts::fixed) == (part == Part::fixed);
}

// The painting order: paper, background image, frame, images, rules, text, signatures, QR code.  The shared part
// holds the rules, the template's text and the signature lines and names, and the frame too when there are no
// images (the frame lies under them); it is painted after the images.  The blocks in the name's font, the
// signature images and the QR code come after the shared part's text.
CertificatePlan Planner::run() {
    check_printable(c_);
    plan_.width = width_;
    plan_.height = height_;
    blocks_ = plan_blocks();
    plan_.layer_key = layer_key();
    part_ = Part::personal;
    if (wanted(Part::personal)) {
        if (tmpl_.paper) plan_.items.emplace_back(PlannedPaper{*tmpl_.paper, width_, height_});
        if (tmpl_.background) {
            PlannedImage im;
            im.what = PlannedImage::What::background;
            im.file = tmpl_.background->file;
            im.bytes = tmpl_.background->bytes;
            im.width = width_;
            im.height = height_;
            plan_.items.emplace_back(std::move(im));
        }
    }
    part_ = tmpl_.images.empty() ? Part::fixed : Part::personal;
    if (wanted(part_))
        for (const auto& line : tmpl_.frame) frame_line(line);
    part_ = Part::personal;
    if (wanted(Part::personal))
        for (const auto& image : tmpl_.images) template_image(image);
    plan_.layer_at = plan_.items.size();
    part_ = Part::fixed;
    if (wanted(Part::fixed))
        for (const auto& r : tmpl_.rules) rule(r);
    for (const auto& b : blocks_) {
        part_ = b.on_page ? Part::personal : Part::fixed;
        if (wanted(part_)) text_block(b);
    }
    if (tmpl_.signatures.present) signatures(wanted(Part::fixed), wanted(Part::personal));
    part_ = Part::personal;
    if (wanted(Part::personal) && tmpl_.qr.present && !c_.qr_text.empty()) qr_block();
    if (parts_ != PlanParts::personal) plan_.layer_words = layer_words();
    return std::move(plan_);
}

std::vector<Planner::Planned> Planner::plan_blocks() const {
    std::vector<Planned> out;
    std::string previous;
    const TextBlock* name = nullptr;
    for (const auto& block : tmpl_.texts)
        if (block.field == TextField::full_name) name = &block;
    int index = 0;
    for (const auto& block : tmpl_.texts) {
        std::string language = block.language == BlockLanguage::english ? "en" : language_;
        std::string text = block.field == TextField::modules ? join(module_lines(block, c_, language), "\n")
                                                             : block_text(block, c_, language);
        // The English line under a translated one: left out for an English cohort, and when it would
        // repeat the line before it (no translation in the cohort's language).
        const bool repeats = block.only_bilingual && (english_ || text == previous);
        previous = text;
        const bool personal = block.field != TextField::modules && is_personal(block, language);
        const bool shown = !repeats && !text.empty();
        const bool name_font = name && block.font == name->font && block.bold == name->bold;
        out.push_back({&block, index++, std::move(text), std::move(language), shown, personal, personal || name_font});
    }
    return out;
}

// Everything the fixed part shows depends on: the language, the template's texts as filled, the trainers,
// and the verify note's words (whose glyphs the shared fonts also take).
std::string Planner::layer_key() const {
    std::string key;
    auto add = [&](const std::string& part) {
        key += std::to_string(part.size());
        key += ':';
        key += part;
    };
    add(std::to_string(reinterpret_cast<std::uintptr_t>(&tmpl_)));  // the memo lives through one call, one template
    add(language_);
    for (const auto& b : blocks_) {
        if (!b.on_page) add((b.shown ? "+" : "-") + b.text);
        else if (b.personal) add("*" + block_words(*b.block, c_, b.language));  // shown or not: see layer_words()
    }
    for (const auto& t : c_.trainers) {
        add(t.name);
        add(t.latin_name);
        add(t.role);
    }
    add(note_words());
    return key;
}

std::string Planner::note_words() const {
    return c_.serial.empty() ? c_.verify_note : replace_all(c_.verify_note, c_.serial, " ");
}

// The shared fonts also take the glyphs of what each certificate writes in them (the verify note and serial), so
// those need no font of their own; shown on this certificate or not (an empty Latin name), so that one shared
// part serves the whole batch.
std::vector<LayerWords> Planner::layer_words() const {
    std::vector<LayerWords> out;
    for (const auto& b : blocks_) {
        if (!b.personal) continue;
        const TextStyle st = style(*b.block, b.block->field == TextField::latin_name ? "" : b.language);
        if (b.block->field == TextField::latin_name) {
            out.push_back({std::string(kLatinNameCharacters), st});  // a Latin name rarely needs a font of its own
        } else if (b.block->field != TextField::full_name) {
            out.push_back({block_words(*b.block, c_, b.language), st});
            if (shows_serial(*b.block, b.language)) out.push_back({std::string(kSerialCharacters), st});
        }
    }
    if (tmpl_.qr.present && !c_.qr_text.empty()) {
        out.push_back({note_words(), note_style()});
        out.push_back({std::string(kSerialCharacters), note_style()});
    }
    return out;
}

void Planner::template_image(const TemplateImage& im) {
    PlannedImage p;
    p.file = im.file;
    p.bytes = im.bytes;
    p.width = mm_to_pt(im.width_mm);
    p.x = x(im.x_mm);
    if (im.height_mm > 0) {
        p.height = mm_to_pt(im.height_mm);
        p.y = y(im.y_mm) - p.height;
    } else {
        p.fit = PlannedImage::Fit::width;
        p.y = y(im.y_mm);
    }
    plan_.items.emplace_back(std::move(p));
}

void Planner::frame_line(const FrameLine& line) {
    using Op = PathStep::Op;
    PlannedPath p{part_, PlannedPath::What::frame, line.colour, line.width_pt, {}};
    const double i = mm_to_pt(line.inset_mm), c = mm_to_pt(line.corner_mm);
    const double x0 = i, y0 = i, x1 = width_ - i, y1 = height_ - i;
    if (c <= 0) {
        p.steps.push_back(step(Op::rectangle, {x0, y0, x1 - x0, y1 - y0}));
    } else {
        // Concave quarter-circle corners (centred on each corner point), as on engraved certificates.
        const double k = 0.5523 * c;
        p.steps = {step(Op::move, {x0 + c, y0}),
                   step(Op::line, {x1 - c, y0}),
                   step(Op::curve, {x1 - c, y0 + k, x1 - k, y0 + c, x1, y0 + c}),
                   step(Op::line, {x1, y1 - c}),
                   step(Op::curve, {x1 - k, y1 - c, x1 - c, y1 - k, x1 - c, y1}),
                   step(Op::line, {x0 + c, y1}),
                   step(Op::curve, {x0 + c, y1 - k, x0 + k, y1 - c, x0, y1 - c}),
                   step(Op::line, {x0, y0 + c}),
                   step(Op::curve, {x0 + k, y0 + c, x0 + c, y0 + k, x0 + c, y0}),
                   step(Op::close, {})};
    }
    plan_.items.emplace_back(std::move(p));
}

void Planner::rule(const Rule& rule) {
    const double at = y(english_ && rule.y_english_mm ? *rule.y_english_mm : rule.y_mm);
    PlannedPath p{part_, PlannedPath::What::rule, rule.colour, rule.width_pt, {}};
    p.steps = {step(PathStep::Op::move, {x(rule.x_mm), at}),
               step(PathStep::Op::line, {x(rule.x_mm + rule.width_mm), at})};
    plan_.items.emplace_back(std::move(p));
}

bool Planner::is_personal(const TextBlock& block, const std::string& language) {
    if (block.field == TextField::none) {
        const std::string& text = block.text.in(language);
        return std::any_of(std::begin(kPersonalFields), std::end(kPersonalFields),
                           [&](TextField f) { return text.find(placeholder(f)) != std::string::npos; });
    }
    return is_personal_field(block.field);
}

TextStyle Planner::style(const TextBlock& block, const std::string& lang) const {
    TextStyle s;
    s.role = block.font;
    s.bold = block.bold;
    s.size_pt = block.size_pt;
    s.lang = lang;
    return s;
}

void Planner::text_block(const Planned& planned) {
    if (!planned.shown) return;
    const TextBlock& block = *planned.block;
    block_ = planned.index;
    field_ = block.field;
    fill_ = block.colour;
    if (block.field == TextField::modules) {
        modules(planned);
    } else {
        const double baseline = y(english_ && block.y_english_mm ? *block.y_english_mm : block.y_mm);
        const bool is_name = block.field == TextField::full_name;
        const std::string lang = is_name                                ? c_.name_language
                                 : block.field == TextField::latin_name ? ""
                                                                        : planned.language;
        // A name reads in its own direction; the rest in that of the certificate's language.
        const bool own_direction = is_name || block.field == TextField::latin_name;
        fitted(own_direction ? planned.text : in_line_direction(planned.text, planned.language), planned.personal,
               x(block.x_mm), baseline, mm_to_pt(block.width_mm), style(block, lang), to_align(block.align),
               block.min_size_pt, [&] { return room_for(planned); });
    }
    block_ = -1;
    field_ = TextField::none;
}

void Planner::modules(const Planned& planned) {
    const TextBlock& block = *planned.block;
    const std::vector<std::string> lines = module_lines(block, c_, planned.language);
    if (lines.empty()) return;
    const int columns = std::max(1, std::min<int>(block.columns, static_cast<int>(lines.size())));
    const double gutter = columns > 1 ? mm_to_pt(8) : 0;
    const double column_width = (mm_to_pt(block.width_mm) - gutter * (columns - 1)) / columns;
    TextStyle st = style(block, planned.language);
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
    // In a right-to-left language the columns fill from the right, and a line starts at its column's right edge.
    const bool rtl = is_right_to_left(planned.language);
    const Align align = rtl && block.align == TextAlign::left ? Align::right : to_align(block.align);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const int column_at = rtl ? columns - 1 - at[i].first : at[i].first;
        const double left = x(block.x_mm) + column_at * (column_width + gutter);
        for (std::size_t k = 0; k < pieces[i].size(); ++k)
            fitted(in_line_direction(pieces[i][k], planned.language), false, left,
                   first - (at[i].second + static_cast<int>(k)) * size * block.line_height, column_width, st, align,
                   block.min_size_pt);
    }
}

std::string Planner::role_label(const std::string& role, const std::string& language) const {
    for (const auto& [name, label] : tmpl_.signatures.roles)
        if (name == role) return label.in(language);
    return role;
}

// Signature images (`images`, personal), and the lines with names and roles under them (`lines`, fixed).
void Planner::signatures(bool lines, bool images) {
    const SignatureBlock& s = tmpl_.signatures;
    if (c_.trainers.empty()) return;
    const double n = static_cast<double>(c_.trainers.size());
    const double slot = mm_to_pt(s.width_mm) / n;
    const double line_len = std::min(mm_to_pt(s.slot_width_mm), slot - mm_to_pt(8));
    const double line_y = y(s.y_mm);
    for (std::size_t i = 0; i < c_.trainers.size(); ++i) {
        const CertificatePerson& person = c_.trainers[i];
        const double centre = x(s.x_mm) + slot * (static_cast<double>(i) + 0.5);
        if (images && !person.signature_image.empty()) {
            PlannedImage im;
            im.what = PlannedImage::What::signature;
            im.file = person.signature_image;
            im.alt = "Signature: " + person.name;
            im.fit = PlannedImage::Fit::within;
            im.x = centre;
            im.y = line_y + 1;
            im.width = line_len;
            im.height = mm_to_pt(s.image_height_mm);
            plan_.items.emplace_back(std::move(im));
        }
        if (!lines) continue;
        part_ = Part::fixed;
        PlannedPath p{part_, PlannedPath::What::signature_line, s.line_colour, s.line_width_pt, {}};
        p.steps = {step(PathStep::Op::move, {centre - line_len / 2, line_y}),
                   step(PathStep::Op::line, {centre + line_len / 2, line_y})};
        plan_.items.emplace_back(std::move(p));

        double baseline = line_y - s.name_size_pt * 1.25;
        fill_ = s.name_colour;
        TextStyle name_style{s.font, false, s.name_size_pt, ""};
        fitted(person.name, false, centre - line_len / 2, baseline, line_len, name_style, Align::centre,
               std::min(6.0, s.name_size_pt));
        fill_ = s.role_colour;
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
std::vector<std::string> Planner::wrap(const std::string& text, double width, const TextStyle& st,
                                       const std::string& personal) {
    auto measure = [&](const std::string& piece) {
        if (!personal.empty() && piece.find(personal) != std::string::npos)
            return shape_line(fonts_, piece, st).width(st.size_pt);
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

void Planner::qr_block() {
    PlannedQr qr;
    qr.matrix = qr_memo_ ? qr_memo_->get(c_.qr_text) : encode_qr(c_.qr_text);
    const QrBlock q = qr_box(tmpl_.qr, qr.matrix);
    const double side = mm_to_pt(q.size_mm);
    qr.colour = q.colour;
    qr.x = x(q.x_mm);
    qr.y = y(q.y_mm) - side;
    qr.side = side;
    plan_.items.emplace_back(std::move(qr));
    if (c_.verify_note.empty()) return;
    fill_ = q.note_colour;
    const TextStyle st = note_style();
    const double width = mm_to_pt(q.note_width_mm);
    const double left = q.note_align == TextAlign::left    ? x(q.x_mm)
                        : q.note_align == TextAlign::right ? x(q.x_mm) + side - width
                                                           : x(q.x_mm) + (side - width) / 2;
    double baseline = y(q.y_mm) - side - q.note_size_pt * 0.6;
    for (const auto& line : wrap(c_.verify_note, width, st, c_.serial)) {
        fitted(line, line.find(c_.serial) != std::string::npos, left, baseline, width, st, to_align(q.note_align), 3);
        baseline -= q.note_size_pt * 1.25;
    }
}

}  // namespace mitra::pdf::cert
