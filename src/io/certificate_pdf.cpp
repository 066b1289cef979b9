// A certificate PDF read through poppler: metadata, page text, and the QR symbol decoded (zbar) from the page
// rendered in memory. zbar, because it is the decoder the QR tests measure with (zbarimg): what they prove
// decodes is what verify decodes.
#include "io/certificate_pdf.hpp"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>
#include <zbar.h>

#include <memory>
#include <string_view>
#include <vector>

#include "io/files.hpp"

namespace mitra::io {
namespace {

constexpr std::size_t kMaxPdfBytes = 20u << 20;

void quiet(const std::string&, void*) {}  // poppler's complaints about a broken file: the problem says it

std::string utf8(const poppler::ustring& text) {
    const auto bytes = text.to_utf8();
    return std::string(bytes.begin(), bytes.end());
}

// Every QR symbol zbar finds in a grey image.
std::vector<std::string> decode_qr(const poppler::image& image) {
    const int width = image.width(), height = image.height();
    std::vector<unsigned char> grey(static_cast<std::size_t>(width) * height);
    for (int y = 0; y < height; ++y) {
        const auto* row = reinterpret_cast<const unsigned char*>(image.const_data()) +
                          static_cast<std::size_t>(y) * image.bytes_per_row();
        std::copy(row, row + width, grey.begin() + static_cast<std::ptrdiff_t>(y) * width);
    }
    std::unique_ptr<zbar::zbar_image_scanner_t, void (*)(zbar::zbar_image_scanner_t*)> scanner(
        zbar::zbar_image_scanner_create(), zbar::zbar_image_scanner_destroy);
    zbar::zbar_image_scanner_set_config(scanner.get(), zbar::ZBAR_NONE, zbar::ZBAR_CFG_ENABLE, 0);
    zbar::zbar_image_scanner_set_config(scanner.get(), zbar::ZBAR_QRCODE, zbar::ZBAR_CFG_ENABLE, 1);
    // The bytes as they are: no guessing of a character set (codes and links are ASCII).
    zbar::zbar_image_scanner_set_config(scanner.get(), zbar::ZBAR_QRCODE, zbar::ZBAR_CFG_BINARY, 1);
    std::unique_ptr<zbar::zbar_image_t, void (*)(zbar::zbar_image_t*)> frame(zbar::zbar_image_create(),
                                                                             zbar::zbar_image_destroy);
    zbar::zbar_image_set_format(frame.get(), zbar_fourcc('Y', '8', '0', '0'));
    zbar::zbar_image_set_size(frame.get(), static_cast<unsigned>(width), static_cast<unsigned>(height));
    zbar::zbar_image_set_data(frame.get(), grey.data(), grey.size(), nullptr);
    std::vector<std::string> found;
    if (zbar::zbar_scan_image(scanner.get(), frame.get()) > 0)
        for (auto* symbol = zbar::zbar_image_first_symbol(frame.get()); symbol; symbol = zbar::zbar_symbol_next(symbol))
            found.emplace_back(zbar::zbar_symbol_get_data(symbol), zbar::zbar_symbol_get_data_length(symbol));
    return found;
}

}  // namespace

CertificatePdf read_certificate_pdf(const std::filesystem::path& path) {
    CertificatePdf out;
    auto read = read_input_file(path, kMaxPdfBytes);
    if (!read.ok()) {
        out.problem = read.problems.front().message;
        return out;
    }
    const std::string& bytes = read.value;
    const std::string_view head = std::string_view(bytes).substr(0, 1024);
    if (head.find("%PDF-") == std::string_view::npos) {
        out.problem = "it is not a PDF file";
        return out;
    }
    // A PDF ends with "%%EOF"; one cut short (a half-finished download or copy) does not, and poppler would
    // otherwise rebuild what it can of it.
    const std::string_view tail = std::string_view(bytes).substr(bytes.size() > 1024 ? bytes.size() - 1024 : 0);
    if (tail.find("%%EOF") == std::string_view::npos) {
        out.problem = "the PDF is cut short: its end is missing";
        return out;
    }
    poppler::set_debug_error_function(quiet, nullptr);
    std::unique_ptr<poppler::document> document(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    if (!document) {
        out.problem = "the PDF is damaged and cannot be read";
        return out;
    }
    if (document->is_locked()) {
        out.problem = "the PDF is encrypted";
        return out;
    }
    if (document->pages() != 1) {
        out.problem = "a certificate is one page; this PDF has " + std::to_string(document->pages());
        return out;
    }
    out.metadata_text = utf8(document->info_key("Keywords"));
    std::unique_ptr<poppler::page> page(document->create_page(0));
    if (!page) {
        out.problem = "the PDF's page cannot be read";
        return out;
    }
    out.page_text = utf8(page->text());
    poppler::page_renderer renderer;
    renderer.set_image_format(poppler::image::format_gray8);
    // 300 dpi reads the densest version 1 symbol; 200 and 450 for files scaled by whatever re-saved them.
    for (const double dpi : {300.0, 200.0, 450.0}) {
        const auto image = renderer.render_page(page.get(), dpi, dpi);
        if (!image.is_valid()) {
            out.problem = "the PDF's page cannot be drawn";
            return out;
        }
        out.qr_texts = decode_qr(image);
        if (!out.qr_texts.empty()) break;
    }
    return out;
}

}  // namespace mitra::io
