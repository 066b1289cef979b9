// Inside plan_certificate() (certificate_plan.cpp, its line fitting in certificate_fit.cpp): the planner that
// walks a template in painting order and appends each item to a CertificatePlan.
#pragma once

#include "pdf/certificate_plan.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace mitra::pdf::cert {

class Planner {
public:
    Planner(const CertificateTemplate& tmpl, const CertificateContent& c, FontStack& fonts, ShapeCache& shapes,
            QrMemo* qr_memo, PlanParts parts);
    CertificatePlan run();

private:
    // A text block as this certificate shows it.
    struct Planned {
        const TextBlock* block;
        int index;
        std::string text, language;
        bool shown;
        bool personal;  // shows the person's own fields
        bool on_page;  // drawn on each page, not in the layer: personal, or in the name's font (one font then has both)
    };

    std::vector<Planned> plan_blocks() const;
    bool wanted(Part part) const;
    std::string layer_key() const;
    std::string note_words() const;
    TextStyle note_style() const { return {"sans", false, tmpl_.qr.note_size_pt, "en"}; }
    std::vector<LayerWords> layer_words() const;

    // Points from the left, and from the bottom for a distance in mm from the top.
    double x(double mm) const { return mm_to_pt(mm); }
    double y(double mm_from_top) const { return height_ - mm_to_pt(mm_from_top); }
    static double pt_to_mm(double pt) { return pt * 25.4 / 72.0; }

    void frame_line(const FrameLine& line);
    void rule(const Rule& rule);
    void template_image(const TemplateImage& im);
    static bool is_personal(const TextBlock& block, const std::string& language);
    TextStyle style(const TextBlock& block, const std::string& lang) const;
    void text_block(const Planned& planned);
    void modules(const Planned& planned);
    std::string role_label(const std::string& role, const std::string& language) const;
    void signatures(bool lines, bool images);
    std::vector<std::string> wrap(const std::string& text, double width, const TextStyle& st,
                                  const std::string& personal);
    void qr_block();

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
    void add_line(const ShapedLine& line, bool personal, double left, double baseline, double width,
                  const TextStyle& st, Align align, double min_size_pt);
    static double floor_size(double size, double min_size_pt);
    FittedLines fit_lines(const ShapedLine& whole, bool personal, const TextStyle& st, double width, double floor,
                          double baseline, Room room);
    Band nominal_band(const TextBlock& b, std::size_t module_count) const;
    Room room_for(const Planned& me) const;
    static bool too_tall(const ShapedLine& line);

    const CertificateTemplate& tmpl_;
    const CertificateContent& c_;
    FontStack& fonts_;
    ShapeCache& shapes_;
    QrMemo* qr_memo_;
    PlanParts parts_;
    double width_ = 0, height_ = 0;
    std::string language_;
    bool english_ = true;  // an English certificate: only_bilingual lines out, y_english_mm in
    std::vector<Planned> blocks_;
    CertificatePlan plan_;
    // What the next lines added are: their part, their block, and the fill colour the first of them sets.
    Part part_ = Part::fixed;
    int block_ = -1;
    TextField field_ = TextField::none;
    std::optional<Colour> fill_;
    Colour colour_;
};

}  // namespace mitra::pdf::cert
