// Certificates as PDF: a CertificateTemplate laid out with a CertificateContent, one file or a print batch.
//
//   mitra::pdf::FontStack fonts;                       // once per process
//   mitra::pdf::CertificateRenderer renderer(fonts);
//   auto tmpl = mitra::io::read_certificate_template_file("certificates/programme-completion.toml");
//   renderer.render(tmpl.value, content, "out/PSF-NP-2026-000123-K.pdf");
//
// Every file is written under a temporary name in the target folder, flushed and then renamed, so the
// final name never holds half a file.  A single certificate carries its qr_text in the PDF Info
// Keywords, so a verifier can read it without decoding the QR image.
#pragma once

#include "core/certificate_template.hpp"
#include "pdf/font_stack.hpp"

#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace mitra::pdf {

class ShapeCache;
class BatchWriter;
struct QrMemo;
struct LayerMemo;

class CertificateRenderer {
 public:
  explicit CertificateRenderer(FontStack& fonts);

  /// Write one certificate, one page.  Throws std::invalid_argument for content that cannot be
  /// printed (non-ASCII qr_text, a QR payload too long), MissingFontError for a name no Noto font
  /// covers, std::runtime_error naming the file when writing or an image fails.  On any throw no
  /// file is left under out_pdf (an existing one is left as it was).
  void render(const CertificateTemplate& tmpl, const CertificateContent& content,
              const std::filesystem::path& out_pdf);

  /// Write every certificate as one page of one combined print file (no Keywords).  `progress` is
  /// called after each page with (pages done, total); returning false cancels, and then no file is
  /// written.  Throws as render() does.
  void render_batch(const CertificateTemplate& tmpl, const std::vector<CertificateContent>& contents,
                    const std::filesystem::path& combined_pdf,
                    const std::function<bool(std::size_t done, std::size_t total)>& progress = {});

 private:
  friend class BatchWriter;  // write_certificate_files()'s: flushes its files to disk a group at a time
  /// render(), leaving the file under a temporary name in out_pdf's folder, not yet flushed to disk; returns that name.
  std::filesystem::path render_temporary(const CertificateTemplate& tmpl, const CertificateContent& content,
                                         const std::filesystem::path& out_pdf);

  FontStack& fonts_;
  std::shared_ptr<ShapeCache> shapes_;  // the template's text, shaped once for the whole batch (copies share it)
  // While a BatchWriter lives: each QR symbol encoded once for its file and print page, and the template's
  // part of the page laid out once for all its files.
  QrMemo* qr_memo_ = nullptr;
  LayerMemo* layer_memo_ = nullptr;
};

/// One certificate of a batch: what it says, and whether it was issued before (then a file already
/// written for it is kept as it is).
struct BatchCertificate {
  CertificateContent content;
  bool issued_before = false;
};

struct BatchFiles {
  std::vector<std::filesystem::path> files;  // <folder>/<serial>.pdf, one per certificate written or kept
  std::filesystem::path print_file;          // empty when there was nothing to print, or on cancel
  bool cancelled = false;
};

/// What `certificate issue` and the desktop program's Print both do: each certificate as
/// <folder>/<serial>.pdf, then one combined print file <folder>/<print_name> (none when print_name is
/// empty). `progress(done, total)` counts the certificates and then the print file's pages (total is
/// twice the certificates, or their number without a print file); returning false stops, keeping the
/// files already written (issuing again finishes the job). Files reach the disk a group at a time,
/// each under its name only once it is whole there.
BatchFiles write_certificate_files(CertificateRenderer& renderer, const CertificateTemplate& tmpl,
                                   const std::vector<BatchCertificate>& certificates,
                                   const std::filesystem::path& folder, const std::string& print_name,
                                   const std::function<bool(std::size_t done, std::size_t total)>& progress = {});

/// The shipped template (in the certificates/ folder) a certificate of this kind is printed with:
/// "module-participation.toml" for a module's, "programme-completion.toml" for a programme's or a
/// renewed certification's.  The CLI and the desktop program both print through it.
std::string shipped_template_name(const std::string& kind);

}  // namespace mitra::pdf
