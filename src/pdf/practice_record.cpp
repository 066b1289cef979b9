// The supervisor's verification and the practice record laid out: H1, P, H2, L/LI/LBody and Table/TR/TH/TD.
#include "pdf/practice_record.hpp"

#include "pdf/flow.hpp"

namespace mitra::pdf {

std::string render_practice_record(FontStack& fonts, const RecordText& record) {
    haru::Document doc;
    doc.set_info(record.title);
    TextRenderer text(doc.get(), fonts);
    Structure tags(doc.get(), record.language);
    Flow w(doc, text, tags, record.language, record.right_to_left);
    w.heading(Role::heading, record.title, 16);
    w.gap(4);
    for (const auto& line : record.about) w.paragraph(line, 10);
    for (const auto& s : record.sections) {
        w.gap(12);
        w.heading(Role::heading2, s.heading, 12.5);
        w.gap(2);
        for (const auto& p : s.paragraphs) w.paragraph(p, 10);
        w.list(s.items);
        for (const auto& t : s.tables) {
            w.gap(4);
            w.table(t.header, t.rows, t.shares);
        }
    }
    if (!record.signatures.empty()) {
        w.gap(18);
        w.signature_lines(record.signatures);
    }
    w.footer(record.footer);
    tags.finish(record.title);
    return doc.bytes("the practice record");
}

}  // namespace mitra::pdf
