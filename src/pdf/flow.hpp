// A tagged A4 document written top to bottom, page after page: wrapped headings and paragraphs, bulleted lists and
// simple tables, right to left when its language is written so. The progress letter, the supervisor's
// verification and the practice record are laid out with it.
//
//   Flow flow(doc, text, tags, "ur", true);
//   flow.heading(Role::heading, title, 17);
//   flow.table({"Day", "Minutes"}, rows, {0.5, 0.5});
#pragma once
#include <string>
#include <vector>

#include "pdf/haru.hpp"
#include "pdf/structure.hpp"
#include "pdf/text_renderer.hpp"

namespace mitra::pdf {

class Flow {
public:
    Flow(haru::Document& doc, TextRenderer& text, Structure& tags, std::string language, bool right_to_left);

    void gap(double points) { y_ -= points; }

    // `words` wrapped to the width, as `element`'s content; `indent` from the line's start. A line in a
    // right-to-left script is its own span with its logical order as /ActualText.
    void lines(Structure::Element element, const std::string& words, double size, bool bold = false, double indent = 0,
               const std::string& bullet = {});

    void paragraph(const std::string& words, double size = 11, bool bold = false);
    void heading(Role role, const std::string& words, double size);
    void list(const std::vector<std::string>& items);

    // A table (Table, TR, TH, TD): `shares` of the width for each column, summing to 1. Each cell wraps; a row
    // that does not fit starts a new page, where the header is drawn again as decoration.
    void table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows,
               const std::vector<double>& shares, double size = 9);

    // A line to sign on, with its caption under it ("Signature", "Date").
    void signature_lines(const std::vector<std::string>& captions);

    // Small grey text at the foot of the current page, not part of the content.
    void footer(const std::string& words);

private:
    void room_for(double height);
    double start_x(double offset) const;  // the x a line starts at, `offset` into the text width

    haru::Document& doc_;
    TextRenderer& text_;
    Structure& tags_;
    std::string language_;
    bool rtl_;
    double line_gap_ = 1.4;
    HPDF_Page page_ = nullptr;
    double y_ = 0;
};

}  // namespace mitra::pdf
