// Certificates as PDF bytes: one certificate's file, or a batch's print file, each page laid out by
// cert::PageLayout (certificate_layout.cpp).
#include "pdf/certificate.hpp"

#include "pdf/certificate_layout.hpp"
#include "pdf/haru.hpp"
#include "pdf/structure.hpp"
#include "pdf/text_renderer.hpp"

#include <hpdf.h>

#include <memory>
#include <stdexcept>
#include <string>

namespace mitra::pdf {

using cert::PageLayout;

CertificateRenderer::CertificateRenderer(FontStack& fonts)
    : fonts_(fonts), shapes_(std::make_shared<ShapeCache>(fonts)) {}

std::string CertificateRenderer::render(const CertificateTemplate& tmpl, const CertificateContent& content) {
    haru::Document doc;
    TextRenderer text(doc.get(), fonts_);
    Structure tags(doc.get(), content.language);
    PageLayout layout(doc, text, *shapes_, tmpl, qr_memo_, layer_memo_, &tags);
    layout.draw(content);
    doc.set_info("Certificate " + content.serial);
    tags.finish("Certificate " + content.serial);
    if (!content.qr_text.empty()) HPDF_SetInfoAttr(doc.get(), HPDF_INFO_KEYWORDS, content.qr_text.c_str());
    doc.check("cannot set the document information of certificate " + content.serial);
    return doc.bytes("certificate " + content.serial);
}

std::optional<std::string> CertificateRenderer::render_batch(
    const CertificateTemplate& tmpl, const std::vector<CertificateContent>& contents,
    const std::function<bool(std::size_t, std::size_t)>& progress) {
    if (contents.empty()) throw std::invalid_argument("no certificates to print");
    haru::Document doc;
    TextRenderer text(doc.get(), fonts_);
    Structure tags(doc.get(), contents.front().language);
    LayerMemo own_layers;  // the pages of one language share one form's content
    PageLayout layout(doc, text, *shapes_, tmpl, qr_memo_, layer_memo_ ? layer_memo_ : &own_layers, &tags);
    for (std::size_t i = 0; i < contents.size(); ++i) {
        layout.draw(contents[i]);
        if (progress && !progress(i + 1, contents.size())) return std::nullopt;
    }
    doc.set_info("Certificates (" + std::to_string(contents.size()) + ")");
    tags.finish("Certificates (" + std::to_string(contents.size()) + ")");
    doc.check("cannot set the document information of the print file");
    return doc.bytes("the print file");
}

CertificateRenderer::Batch::Batch(CertificateRenderer& renderer)
    : renderer_(renderer), qr_memo_(std::make_unique<QrMemo>()), layer_memo_(std::make_unique<LayerMemo>()) {
    renderer_.qr_memo_ = qr_memo_.get();
    renderer_.layer_memo_ = layer_memo_.get();
}

CertificateRenderer::Batch::~Batch() {
    renderer_.qr_memo_ = nullptr;
    renderer_.layer_memo_ = nullptr;
}

std::string shipped_template_name(const std::string& kind) {
    return kind == "module" ? "module-participation.toml" : "programme-completion.toml";
}

}  // namespace mitra::pdf
