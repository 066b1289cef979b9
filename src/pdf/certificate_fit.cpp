// A certificate's line too long for its box: set smaller, then on more lines, within the room around it (up to
// half way to its neighbours, short of rules, images, signatures and the QR code).
#include "pdf/certificate_planner.hpp"

#include <algorithm>

namespace mitra::pdf::cert {

// Text that is the same on every certificate of a batch (titles, modules, dates, trainers) is shaped
// once per process; the person's own (name, serial) each time, so a batch's cache holds no one's name.
// A line wider than `width` is set smaller, down to floor_size(); one still too wide, or whose marks
// climb high above it, is laid out by fit_lines() within `room` (asked for only then: a line that fits
// costs one measure, as before).
void Planner::fitted(const std::string& text, bool personal, double left, double baseline, double width, TextStyle st,
                     Align align, double min_size_pt, const std::function<Room()>& room) {
    ShapedLine own;
    auto shape = [&]() -> const ShapedLine& {
        return personal ? (own = shape_line(fonts_, text, st)) : shapes_.shape(text, st);
    };
    const ShapedLine* line = &shape();
    if (too_tall(*line)) {
        st.lang = "ur-Arab";
        line = &shape();
    }
    const double full = line->width(st.size_pt);
    if (!room || (full <= width && !raised_above(*line, kRaisedEm))) {
        add_line(*line, personal, left, baseline, width, st, align, min_size_pt);
        return;
    }
    const double floor = floor_size(st.size_pt, min_size_pt);
    if (full * floor / st.size_pt <= width && !raised_above(*line, kRaisedEm)) {
        add_line(*line, personal, left, baseline, width, st, align, floor);
        return;
    }
    const FittedLines fit = fit_lines(*line, personal, st, width, floor, baseline, room());
    st.size_pt = fit.size;
    for (std::size_t i = 0; i < fit.lines.size(); ++i)
        add_line(fit.lines[i], personal, left, fit.first_baseline - i * fit.leading, width, st, align, fit.size / 2);
}

// The line in the box [left, left + width]: set smaller (down to min_size_pt) when too wide, and aligned in it.
void Planner::add_line(const ShapedLine& line, bool personal, double left, double baseline, double width,
                       const TextStyle& st, Align align, double min_size_pt) {
    const BoxPlace at = place_in_box(line, left, width, st.size_pt, align, min_size_pt);
    PlannedLine l;
    l.part = part_;
    l.personal = personal;
    l.block = block_;
    l.field = field_;
    l.line = line;
    l.style = st;
    l.style.size_pt = at.size_pt;
    l.x = at.left;
    l.baseline = baseline;
    l.box_left = left;
    l.box_width = width;
    l.align = align;
    if (fill_) {
        colour_ = *fill_;
        l.sets_colour = true;
        fill_.reset();
    }
    l.colour = colour_;
    plan_.items.emplace_back(std::move(l));
}

// How small a long line is set before it is broken: 60% of the template's size, not under 9 pt (unless
// the template's own size is); or the template's min_size_pt where that shrinks it less than 60% would.
double Planner::floor_size(double size, double min_size_pt) {
    if (min_size_pt >= 0.6 * size) return std::min(size, min_size_pt);
    return std::max(0.6 * size, std::min(size, 9.0));
}

// The largest size (at most st.size_pt, at least `floor` unless the room is too small for that) at which
// `whole`, broken where break_lines() says, fits `width` and, its lines' ink included, the room.  The
// lines keep the one line's baseline when they are one, else they are centred where it was; in the room.
Planner::FittedLines Planner::fit_lines(const ShapedLine& whole, bool personal, const TextStyle& st, double width,
                                        double floor, double baseline, Room room) {
    FittedLines fit;
    const double one_line = st.size_pt * width / std::max(1e-9, whole.width(st.size_pt)) * 0.999;
    double size = std::min(st.size_pt, std::max(floor, one_line));
    std::vector<InkExtent> ink;
    for (int round = 0;; ++round) {
        fit.lines.clear();
        if (whole.width(size) <= width) {
            fit.lines.push_back(whole);
        } else {
            for (const TextRange& r : break_lines(whole, size, width, st.lang)) {
                const std::string piece = whole.text.substr(r.begin, r.end - r.begin);
                fit.lines.push_back(personal ? shape_line(fonts_, piece, st) : shapes_.shape(piece, st));
            }
        }
        ink.clear();
        for (const auto& l : fit.lines) ink.push_back(ink_extent(l));
        double leading_em = 1.2;  // baseline to baseline, at least enough that no two lines' ink meet
        for (std::size_t i = 0; i + 1 < ink.size(); ++i)
            leading_em = std::max(leading_em, ink[i + 1].top - ink[i].bottom + 0.1);
        const double height_em = (ink.size() - 1) * leading_em + ink.front().top - ink.back().bottom;
        fit.size = size;
        fit.leading = leading_em * size;
        const double room_height = room.top - room.bottom;
        if (height_em * size <= room_height || round >= 16 || size <= 1) break;
        size = std::max(1.0, std::min(size * 0.97, room_height / height_em * 0.999));
    }
    const double top_ink = ink.front().top * size, block = (ink.size() - 1) * fit.leading;
    if (fit.lines.size() == 1) {
        fit.first_baseline = baseline;
    } else {
        const double centre = baseline + 0.35 * st.size_pt;  // about the middle of the one line's letters
        fit.first_baseline = centre + (block + top_ink - ink.back().bottom * size) / 2 - top_ink;
    }
    if (fit.first_baseline + top_ink > room.top) fit.first_baseline = room.top - top_ink;
    if (fit.first_baseline - block + ink.back().bottom * size < room.bottom)
        fit.first_baseline = room.bottom + block - ink.back().bottom * size;
    return fit;
}

// The band a block's lines take at the template's sizes: an em over the first baseline, a third below the last.
Planner::Band Planner::nominal_band(const TextBlock& b, std::size_t module_count) const {
    const double base = english_ && b.y_english_mm ? *b.y_english_mm : b.y_mm, em = pt_to_mm(b.size_pt);
    double below = 0.3 * em;
    if (b.field == TextField::modules) {
        const std::size_t columns = static_cast<std::size_t>(std::max(1, b.columns));
        const double rows = static_cast<double>((module_count + columns - 1) / columns);
        below += b.max_height_mm > 0 ? b.max_height_mm : std::max(0.0, rows - 1) * em * b.line_height;
    }
    return {base - 0.9 * em, base + below, b.x_mm, b.x_mm + b.width_mm, true};
}

// Where a block's lines may go: up to half way to a text line above or below it (whose own lines stop
// there too), and short of the rules, images, signatures, QR code and frame; never less than its one line
// takes.  A personal block's neighbours count whether the person's certificate shows them or not, so the
// template's text, laid out once for a batch, is where it would be on each certificate alone.
Planner::Room Planner::room_for(const Planned& me) const {
    const Band own = nominal_band(*me.block, c_.modules.size());
    const double middle = (own.top + own.bottom) / 2, gap = 1.0;
    double inset = 0;
    for (const auto& f : tmpl_.frame) inset = std::max(inset, f.inset_mm + pt_to_mm(f.width_pt));
    const double page_mm = height_ * 25.4 / 72.0;
    double top = inset + gap, bottom = page_mm - inset - gap;
    auto limit = [&](const Band& o) {
        if (o.right <= own.left || o.left >= own.right) return;
        if ((o.top + o.bottom) / 2 < middle) top = std::max(top, o.text ? (o.bottom + own.top) / 2 : o.bottom + gap);
        else bottom = std::min(bottom, o.text ? (o.top + own.bottom) / 2 : o.top - gap);
    };
    for (const auto& b : blocks_)
        if (&b != &me && (b.shown || b.personal)) limit(nominal_band(*b.block, c_.modules.size()));
    for (const auto& r : tmpl_.rules) {
        const double at = english_ && r.y_english_mm ? *r.y_english_mm : r.y_mm;
        limit({at, at, r.x_mm, r.x_mm + r.width_mm, false});
    }
    for (const auto& im : tmpl_.images)
        if (im.height_mm > 0) limit({im.y_mm, im.y_mm + im.height_mm, im.x_mm, im.x_mm + im.width_mm, false});
    const SignatureBlock& s = tmpl_.signatures;
    if (s.present && !c_.trainers.empty())
        limit({s.y_mm - s.image_height_mm, s.y_mm + pt_to_mm(s.name_size_pt * 1.25 + s.role_size_pt * 3), s.x_mm,
               s.x_mm + s.width_mm, false});
    const QrBlock& q = tmpl_.qr;
    if (q.present) {
        const double note_left = q.note_align == TextAlign::left    ? q.x_mm
                                 : q.note_align == TextAlign::right ? q.x_mm + q.size_mm - q.note_width_mm
                                                                    : q.x_mm + (q.size_mm - q.note_width_mm) / 2;
        limit({q.y_mm, q.y_mm + q.size_mm + pt_to_mm(q.note_size_pt * 4), std::min(q.x_mm, note_left),
               std::max(q.x_mm + q.size_mm, note_left + q.note_width_mm), false});
    }
    top = std::min(top, own.top);
    bottom = std::max(bottom, own.bottom);
    return {y(top), y(bottom)};
}

// Nastaliq's words slant down to the left from high above the line (up to 2.2 em over the baseline),
// where the template spaces its lines for text within about -0.5 to 1.3 em: it would write over the
// lines around it. Such a line is set in Urdu's plain Arabic forms instead (Noto Naskh or Sans
// Arabic, "ur-Arab"); a line that keeps within (most names) stays in Nastaliq.
bool Planner::too_tall(const ShapedLine& line) {
    for (const auto& run : line.runs)
        if (run.face->family == "Noto Nastaliq Urdu") {
            const InkExtent ink = ink_extent(line);
            return ink.top > 1.3 || ink.bottom < -0.5;
        }
    return false;
}

}  // namespace mitra::pdf::cert
