// The flowing document's layout: lines wrapped to the width, marked as their elements' content, new pages as needed.
#include "pdf/flow.hpp"

#include <algorithm>

#include "pdf/report.hpp"

namespace mitra::pdf {
namespace {

constexpr double kMargin = 56;  // about 20 mm
constexpr double kWidth = kA4Width - 2 * kMargin;

}  // namespace

Flow::Flow(haru::Document& doc, TextRenderer& text, Structure& tags, std::string language, bool right_to_left)
    : doc_(doc), text_(text), tags_(tags), language_(std::move(language)), rtl_(right_to_left) {
    line_gap_ = language_.rfind("ur", 0) == 0 ? 1.9 : (language_ == "en" ? 1.35 : 1.55);
    page_ = add_a4_page(doc_);
    y_ = kA4Height - kMargin;
}

void Flow::room_for(double height) {
    if (y_ - height >= kMargin + 30) return;
    page_ = add_a4_page(doc_);
    y_ = kA4Height - kMargin;
}

double Flow::start_x(double offset) const { return rtl_ ? kA4Width - kMargin - offset : kMargin + offset; }

void Flow::lines(Structure::Element element, const std::string& words, double size, bool bold, double indent,
                 const std::string& bullet) {
    const TextStyle style{"sans", bold, size, language_};
    bool first = true;
    for (const auto& line : wrap_text(text_, words, kWidth - indent, style)) {
        room_for(size * line_gap_);
        y_ -= size * line_gap_;
        const Align align = rtl_ ? Align::right : Align::left;
        if (first && !bullet.empty())
            Structure::artifact(page_, [&] { text_.draw(page_, bullet, start_x(0), y_, style, align); });
        auto draw = [&] { text_.draw(page_, in_line_direction(line, language_), start_x(indent), y_, style, align); };
        if (has_rtl(line)) tags_.mark(page_, tags_.add(element, Role::span, {}, {}, line), draw);
        else tags_.mark(page_, element, draw);
        first = false;
    }
}

void Flow::paragraph(const std::string& words, double size, bool bold) {
    if (words.empty()) return;
    lines(tags_.add(tags_.document(), Role::paragraph), words, size, bold);
}

void Flow::heading(Role role, const std::string& words, double size) {
    if (words.empty()) return;
    lines(tags_.add(tags_.document(), role), words, size, true);
}

void Flow::list(const std::vector<std::string>& items) {
    if (items.empty()) return;
    const auto l = tags_.add(tags_.document(), Role::list);
    for (const auto& item : items) {
        const auto li = tags_.add(l, Role::list_item);
        lines(tags_.add(li, Role::list_body), item, 11, false, 16, "•");
        gap(2);
    }
}

void Flow::table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows,
                 const std::vector<double>& shares, double size) {
    const double pad = 3, line_h = size * line_gap_;
    const Align align = rtl_ ? Align::right : Align::left;
    const auto grid = tags_.add(tags_.document(), Role::table);
    // Each cell's lines, wrapped to its column.
    auto wrapped = [&](const std::vector<std::string>& cells, bool bold) {
        std::vector<std::vector<std::string>> out;
        for (std::size_t c = 0; c < shares.size(); ++c)
            out.push_back(
                c < cells.size() && !cells[c].empty()
                    ? wrap_text(text_, cells[c], kWidth * shares[c] - 2 * pad, TextStyle{"sans", bold, size, language_})
                    : std::vector<std::string>{});
        return out;
    };
    auto height = [&](const std::vector<std::vector<std::string>>& cells) {
        std::size_t n = 1;
        for (const auto& c : cells) n = std::max(n, c.size());
        return static_cast<double>(n) * line_h + 2 * pad;
    };
    auto rule = [&] {
        Structure::artifact(page_, [&] {
            HPDF_Page_SetRGBStroke(page_, 0.7, 0.7, 0.7);
            HPDF_Page_SetLineWidth(page_, 0.5);
            HPDF_Page_MoveTo(page_, kMargin, y_);
            HPDF_Page_LineTo(page_, kA4Width - kMargin, y_);
            HPDF_Page_Stroke(page_);
        });
    };
    // One row: `row` null draws it as decoration (the header again on a new page).
    auto draw_row = [&](const std::vector<std::vector<std::string>>& cells, Structure::Element row, bool bold) {
        const TextStyle style{"sans", bold, size, language_};
        // Chrome reads the row's cells as one line, in the order given here (TextRenderer::set_in_row()).
        std::vector<std::string> reading;
        for (const auto& c : cells) {
            std::string words;
            for (const auto& l : c) words += (words.empty() ? "" : " ") + l;
            reading.push_back(words);
        }
        const bool whole = TextRenderer::gives_row(reading);
        bool row_given = false;
        double offset = 0;
        for (std::size_t c = 0; c < cells.size(); ++c) {
            const double x = start_x(offset + pad);
            auto draw = [&] {
                if (whole && !row_given) {
                    text_.row_text(page_, reading, kMargin, y_ - pad - line_h + size * 0.3, kWidth, size);
                    row_given = true;
                }
                text_.set_in_row(whole);
                double y = y_ - pad;
                for (const auto& line : cells[c]) {
                    y -= line_h;
                    text_.draw(page_, in_line_direction(line, language_), x, y + size * 0.3, style, align);
                }
                text_.set_in_row(false);
            };
            if (!row) Structure::artifact(page_, draw);
            else {
                const std::string& words = reading[c];
                const auto cell = tags_.add(row, bold ? Role::header_cell : Role::cell, {}, {},
                                            has_rtl(words) ? words : std::string());
                if (!cells[c].empty()) tags_.mark(page_, cell, draw);
            }
            offset += kWidth * shares[c];
        }
        y_ -= height(cells);
        rule();
    };
    const auto head = wrapped(header, true);
    room_for(height(head) + line_h * 2);
    draw_row(head, tags_.add(grid, Role::row), true);
    for (const auto& r : rows) {
        const auto cells = wrapped(r, false);
        if (y_ - height(cells) < kMargin + 30) {
            room_for(kA4Height);  // a new page
            draw_row(head, nullptr, true);
        }
        draw_row(cells, tags_.add(grid, Role::row), false);
    }
}

void Flow::signature_lines(const std::vector<std::string>& captions) {
    const double size = 9, each = kWidth / static_cast<double>(std::max<std::size_t>(1, captions.size()));
    room_for(60);
    y_ -= 36;
    const auto p = tags_.add(tags_.document(), Role::paragraph);
    for (std::size_t i = 0; i < captions.size(); ++i) {
        const double from = static_cast<double>(i) * each;
        Structure::artifact(page_, [&] {
            HPDF_Page_SetRGBStroke(page_, 0.2, 0.2, 0.2);
            HPDF_Page_SetLineWidth(page_, 0.6);
            const double a = start_x(from), b = start_x(from + each - 24);
            HPDF_Page_MoveTo(page_, std::min(a, b), y_);
            HPDF_Page_LineTo(page_, std::max(a, b), y_);
            HPDF_Page_Stroke(page_);
        });
        const TextStyle style{"sans", false, size, language_};
        auto draw = [&] {
            text_.draw(page_, captions[i], start_x(from), y_ - size * 1.4, style, rtl_ ? Align::right : Align::left);
        };
        if (has_rtl(captions[i])) tags_.mark(page_, tags_.add(p, Role::span, {}, {}, captions[i]), draw);
        else tags_.mark(page_, p, draw);
    }
    y_ -= size * 2;
}

void Flow::footer(const std::string& words) {
    Structure::artifact(page_, [&] {
        HPDF_Page_SetRGBFill(page_, 0.4, 0.4, 0.4);
        text_.draw(page_, words, kA4Width / 2, kMargin - 20, TextStyle{"sans", false, 8, language_}, Align::centre);
        HPDF_Page_SetRGBFill(page_, 0.1, 0.1, 0.1);
    });
}

}  // namespace mitra::pdf
