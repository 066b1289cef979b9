// The progress letter's layout: wrapped paragraphs and lists on A4 pages, tagged H1, P, H2, L/LI/LBody.
#include "pdf/progress_letter.hpp"

#include "pdf/report.hpp"
#include "pdf/structure.hpp"
#include "pdf/text_renderer.hpp"

namespace mitra::pdf {
namespace {

constexpr double kMargin = 56;  // about 20 mm

// Lays out the letter's lines top to bottom, page after page; each line marked as its element's content. A line in
// a right-to-left language is its own span with its logical order as /ActualText.
class Writer {
public:
    Writer(haru::Document& doc, TextRenderer& text, Structure& tags, const LetterText& letter)
        : doc_(doc), text_(text), tags_(tags), letter_(letter), rtl_(letter.right_to_left) {
        const auto& l = letter.language;
        line_gap_ = l.rfind("ur", 0) == 0 ? 1.9 : (l == "en" ? 1.35 : 1.55);
        page_ = add_a4_page(doc_);
    }

    void gap(double points) { y_ -= points; }

    // `words` wrapped to the width, as `element`'s content; `indent` from the line's start.
    void lines(Structure::Element element, const std::string& words, double size, bool bold = false, double indent = 0,
               const std::string& bullet = {}) {
        const TextStyle style{"sans", bold, size, letter_.language};
        const double width = kA4Width - 2 * kMargin - indent;
        bool first = true;
        for (const auto& line : wrap_text(text_, words, width, style)) {
            if (y_ - size * line_gap_ < kMargin + 30) {
                page_ = add_a4_page(doc_);
                y_ = kA4Height - kMargin;
            }
            y_ -= size * line_gap_;
            const double x = rtl_ ? kA4Width - kMargin - indent : kMargin + indent;
            const Align align = rtl_ ? Align::right : Align::left;
            if (first && !bullet.empty())
                Structure::artifact(
                    page_, [&] { text_.draw(page_, bullet, rtl_ ? kA4Width - kMargin : kMargin, y_, style, align); });
            auto draw = [&] { text_.draw(page_, line, x, y_, style, align); };
            if (has_rtl(line)) tags_.mark(page_, tags_.add(element, Role::span, {}, {}, line), draw);
            else tags_.mark(page_, element, draw);
            first = false;
        }
    }

    void paragraph(const std::string& words, double size = 11, bool bold = false) {
        if (words.empty()) return;
        lines(tags_.add(tags_.document(), Role::paragraph), words, size, bold);
    }

    void heading(Role role, const std::string& words, double size) {
        if (words.empty()) return;
        lines(tags_.add(tags_.document(), role), words, size, true);
    }

    void list(const std::vector<std::string>& items) {
        if (items.empty()) return;
        const auto l = tags_.add(tags_.document(), Role::list);
        for (const auto& item : items) {
            const auto li = tags_.add(l, Role::list_item);
            lines(tags_.add(li, Role::list_body), item, 11, false, 16, "•");
            gap(2);
        }
    }

    void footer(const std::string& words) {
        Structure::artifact(page_, [&] {
            HPDF_Page_SetRGBFill(page_, 0.4, 0.4, 0.4);
            text_.draw(page_, words, kA4Width / 2, kMargin - 20, TextStyle{"sans", false, 8, letter_.language},
                       Align::centre);
            HPDF_Page_SetRGBFill(page_, 0.1, 0.1, 0.1);
        });
    }

private:
    haru::Document& doc_;
    TextRenderer& text_;
    Structure& tags_;
    const LetterText& letter_;
    bool rtl_;
    double line_gap_ = 1.4;
    HPDF_Page page_ = nullptr;
    double y_ = kA4Height - kMargin;
};

}  // namespace

std::string render_progress_letter(FontStack& fonts, const LetterText& letter) {
    haru::Document doc;
    doc.set_info(letter.title);
    TextRenderer text(doc.get(), fonts);
    Structure tags(doc.get(), letter.language);
    Writer w(doc, text, tags, letter);
    w.heading(Role::heading, letter.title, 17);
    w.gap(4);
    w.paragraph(letter.date_line, 10);
    w.gap(10);
    w.paragraph(letter.greeting);
    w.gap(4);
    w.paragraph(letter.opening);
    for (const auto& s : letter.sections) {
        w.gap(12);
        w.heading(Role::heading2, s.heading, 12.5);
        w.gap(2);
        w.paragraph(s.lead);
        w.list(s.items);
    }
    w.gap(16);
    w.paragraph(letter.closing);
    w.paragraph(letter.signature);
    w.footer(letter.footer);
    tags.finish(letter.title);
    return doc.bytes("the progress letter");
}

}  // namespace mitra::pdf
