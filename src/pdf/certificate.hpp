// Certificates as PDF bytes: a CertificateTemplate laid out with a CertificateContent, one file or a print batch.
//
//   mitra::pdf::FontStack fonts;                       // once per process
//   mitra::pdf::CertificateRenderer renderer(fonts);
//   auto tmpl = mitra::io::read_certificate_template_file("certificates/programme-completion.toml");
//   std::string pdf = renderer.render(tmpl.value, content);
//
// The renderer writes no file: io's durable writer does (workflow/certificates.hpp puts a batch on disk). A
// single certificate carries its qr_text in the PDF Info Keywords, so a verifier can read it without decoding
// the QR image.
#pragma once

#include "core/certificate_template.hpp"
#include "pdf/font_stack.hpp"

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace mitra::pdf {

class ShapeCache;
struct QrMemo;
struct LayerMemo;

class CertificateRenderer {
public:
    explicit CertificateRenderer(FontStack& fonts);

    /// One certificate, one page, as PDF bytes.  Throws std::invalid_argument for content that cannot be
    /// printed (non-ASCII qr_text, a QR payload too long), MissingFontError for a name no Noto font
    /// covers, std::runtime_error when an image or libharu fails.
    std::string render(const CertificateTemplate& tmpl, const CertificateContent& content);

    /// Every certificate as one page of one combined print file (no Keywords).  `progress` is called after
    /// each page with (pages done, total); returning false cancels, and then nothing is returned.  Throws as
    /// render() does.
    std::optional<std::string> render_batch(
        const CertificateTemplate& tmpl, const std::vector<CertificateContent>& contents,
        const std::function<bool(std::size_t done, std::size_t total)>& progress = {});

    /// While a Batch lives, the renderer lays out the template's part of the page once per language (a form
    /// every file of the batch draws) and encodes each QR symbol once for a certificate's file and its page of
    /// the print file.  Nothing of it outlives the Batch, so no one's data stays behind in the renderer.
    class Batch {
    public:
        explicit Batch(CertificateRenderer& renderer);
        ~Batch();
        Batch(const Batch&) = delete;
        Batch& operator=(const Batch&) = delete;

    private:
        CertificateRenderer& renderer_;
        std::unique_ptr<QrMemo> qr_memo_;
        std::unique_ptr<LayerMemo> layer_memo_;
    };

private:
    FontStack& fonts_;
    std::shared_ptr<ShapeCache> shapes_;  // the template's text, shaped once for the whole batch (copies share it)
    QrMemo* qr_memo_ = nullptr;           // a Batch's, while one lives
    LayerMemo* layer_memo_ = nullptr;
};

/// The shipped template (in the certificates/ folder) a certificate of this kind is printed with:
/// "module-participation.toml" for a module's, "programme-completion.toml" for a programme's or a
/// renewed certification's.  The CLI and the desktop program both print through it.
std::string shipped_template_name(const std::string& kind);

}  // namespace mitra::pdf
