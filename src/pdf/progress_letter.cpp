// The progress letter's layout: wrapped paragraphs and lists on A4 pages (pdf::Flow), tagged H1, P, H2, L/LI/LBody.
#include "pdf/progress_letter.hpp"

#include "pdf/flow.hpp"

namespace mitra::pdf {

std::string render_progress_letter(FontStack& fonts, const LetterText& letter) {
    haru::Document doc;
    doc.set_info(letter.title);
    TextRenderer text(doc.get(), fonts);
    Structure tags(doc.get(), letter.language);
    Flow w(doc, text, tags, letter.language, letter.right_to_left);
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
