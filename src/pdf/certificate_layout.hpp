// Inside the certificate renderer (certificate*.cpp only): the memos a batch shares, and the painter that puts a
// certificate's plan (certificate_plan.hpp) on libharu pages.
#pragma once

#include "pdf/certificate_plan.hpp"
#include "pdf/font_embed.hpp"
#include "pdf/haru.hpp"
#include "pdf/structure.hpp"
#include "pdf/text_renderer.hpp"

#include <hpdf.h>

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace mitra::pdf {

namespace cert {

// A marked-content sequence of a certificate's page (or of its StaticLayer's form): what it is, and where it starts,
// for reading order (top to bottom, then left to right).
struct Mark {
    Role role = Role::paragraph;
    std::string lang, alt;
    std::string text;   // a line's text (for the /ActualText of right-to-left text)
    int block = -1;     // the template text block it shows (its lines are one element); -1: an element of its own
    std::string group;  // read together, in painting order ("qr": the QR code and its note); "" for the usual
    int mcid = 0;
    double top = 0, left = 0, width = 0;
};

}  // namespace cert

// What every certificate of a batch in one language shows alike (frame, rules, the template's text, the
// curriculum, site and dates, the trainers), laid out once as a Form XObject's content with its fonts frozen:
// each certificate embeds them as they are and draws only its own part (name, serial, QR code) itself, in
// those fonts where they have the glyphs.  Holds no participant's data.
struct StaticLayer {
    std::string content_deflated;  // the form's content stream, deflated
    std::vector<std::pair<std::string, std::shared_ptr<const FrozenFont>>> fonts;  // its /Font resources by name
    std::vector<cert::Mark> marks;  // its text's marked content, by MCID (the rest of it is /Artifact)
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

// Paints certificates on pages of one document, one a page, each from its plan; with a LayerMemo, the plan's fixed
// part is painted once for a batch (build_layer()) and each page paints it as a form. With a Structure, each page's
// text, images and QR code are tagged (a Part per page, its elements in reading order) and the rest is /Artifact.
class PageLayout {
public:
    PageLayout(haru::Document& doc, TextRenderer& text, ShapeCache& shapes, const CertificateTemplate& tmpl,
               QrMemo* qr_memo, LayerMemo* layers, Structure* tags = nullptr);
    void draw(const CertificateContent& c);

    // Paints on a new page the plan's items of `parts` (all, or only its fixed or personal part), with `layer` (the
    // fixed part as a form) before items[plan.layer_at].
    void paint(const CertificatePlan& plan, PlanParts parts, const std::shared_ptr<const StaticLayer>& layer);

private:
    void start_page();
    // Marks what `paint` draws as `mark` says (its MCID taken here), or as /Artifact when `mark` is null.
    template <class Paint>
    void marked(const Mark* mark, Paint paint);
    Mark mark_of(const PlanItem& item) const;
    // The page's elements, in reading order, under a Part of the document.
    void tag_page(HPDF_Dict form, const std::shared_ptr<const StaticLayer>& layer);
    CertificatePlan plan(const CertificateContent& c, PlanParts parts);
    std::shared_ptr<const StaticLayer> build_layer(const CertificatePlan& fixed);
    HPDF_Dict place(const std::shared_ptr<const StaticLayer>& layer);

    // The image of `file`, decoded once per document: from `bytes` (what the template check read) when given.
    HPDF_Image image(const std::string& file, const std::shared_ptr<const std::string>& bytes = nullptr);
    void paint_item(const PlannedPaper& paper);
    void paint_item(const PlannedImage& im);
    void paint_item(const PlannedPath& path);
    void paint_item(const PlannedLine& line);
    void paint_item(const PlannedQr& qr);

    haru::Document& doc_;
    TextRenderer& text_;
    ShapeCache& shapes_;
    const CertificateTemplate& tmpl_;
    QrMemo* qr_memo_;
    LayerMemo* layers_;
    std::map<std::shared_ptr<const StaticLayer>, HPDF_Dict> forms_;  // this document's form of each layer
    double width_ = 0, height_ = 0;
    HPDF_Page page_ = nullptr;
    std::map<std::string, HPDF_Image> images_;
    Structure* tags_ = nullptr;
    bool marking_ = false;     // marked content written (a tagged document's pages, or a layer's form)
    std::vector<Mark> marks_;  // the page's own, as painted
    int heading_block_ = -1;   // the template's title: its largest literal text
    std::string language_;     // of the certificate being painted
};

}  // namespace cert
}  // namespace mitra::pdf
