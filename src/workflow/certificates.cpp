// Issuing, reprinting and renewing certificates: sign, render, write, and only then record.
#include "workflow/certificates.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <stdexcept>
#include <system_error>

#include "io/durable.hpp"
#include "io/reason_words.hpp"
#include "pdf/font_stack.hpp"
#include "store/repos.hpp"

namespace mitra::workflow {
namespace fs = std::filesystem;
namespace {

// Thrown through the store's transaction when `progress` says stop: it rolls everything back.
struct Stopped : std::exception {
    const char* what() const noexcept override { return "stopped"; }
};

std::string code_point(char32_t cp) {
    char text[16];
    std::snprintf(text, sizeof text, "U+%04X", static_cast<unsigned>(cp));
    return text;
}

}  // namespace

std::string print_file_name(const std::string& cohort_code, const std::string& kind, const std::string& module_code) {
    return cohort_code + (kind == "module" ? "-" + module_code : "") + "-print.pdf";
}

std::optional<Problem> render_or_reason(pdf::CertificateRenderer& renderer, const CertificateTemplate& layout,
                                        const CertificateContent& content, std::string& pdf) {
    try {
        pdf = renderer.render(layout, content);
        return std::nullopt;
    } catch (const pdf::MissingFontError& e) {
        return io::coded_problem({}, ProblemCode::name_unprintable, {code_point(e.codepoint())});
    }
}

void retitle_left_out(store::Database& db, const std::string& cohort_code, const Date& today,
                      const std::string& language, std::vector<store::LeftOut>& left_out) {
    const auto lacking = [](const store::LeftOut& l) {
        return l.why.code == ProblemCode::not_yet_complete || l.why.code == ProblemCode::module_not_yet_complete;
    };
    if (language == "en" || std::none_of(left_out.begin(), left_out.end(), lacking)) return;
    std::map<std::string, std::map<std::string, std::string>> titles;  // ref -> module code -> title
    for (const auto& person : store::cohort_completion(db, cohort_code, today, language))
        for (const auto& m : person.modules) titles[person.ref][m.code] = m.title;
    for (auto& l : left_out) {
        if (!lacking(l)) continue;
        const auto found = titles.find(l.ref);
        if (found == titles.end()) continue;
        for (auto& m : l.completion.modules)
            if (const auto title = found->second.find(m.code); title != found->second.end()) m.title = title->second;
    }
}

IssueOutcome issue_certificates(store::Database& db, pdf::FontStack& fonts, const SigningKey& key,
                                const IssueRequest& request, const Progress& progress) {
    IssueOutcome out;
    store::CertificateRepo repo(db);
    pdf::CertificateRenderer renderer(fonts);
    pdf::CertificateRenderer::Batch batch_scope(renderer);
    const auto plan = repo.plan_for_cohort(request.cohort_code, request.kind, request.module_code, request.today);

    if (request.preview) {
        out.left_out = plan.left_out;
        for (const auto& candidate : plan.issued) {
            CertificateContent content = candidate.content;
            if (!candidate.existing) {  // not signed: marked as a preview wherever the serial and code go
                content.serial = "PREVIEW";
                content.qr_text = "MITRA-PREVIEW";
                content.verify_note = "Serial PREVIEW";
            }
            std::string pdf;
            if (auto why = render_or_reason(renderer, request.layout, content, pdf)) {
                out.left_out.push_back({candidate.record.participant_ref, why->message, *why});
                continue;
            }
            if (out.preview_pdf.empty()) out.preview_pdf = std::move(pdf);
            out.issued.push_back(candidate);
        }
        return out;
    }
    if (plan.issued.empty()) {  // no one to print for: nothing to sign or write
        out.left_out = plan.left_out;
        return out;
    }

    io::create_private_folders(request.folder);
    const std::string print_name =
        request.print_file ? print_file_name(request.cohort_code, request.kind, request.module_code) : "";
    const std::size_t expected = plan.issued.size();
    const std::size_t total = expected * (print_name.empty() ? 1 : 2);

    std::unique_ptr<io::FileBatch> files;
    std::vector<fs::path> new_files;  // files of certificates not recorded before: removed unless recorded
    std::vector<CertificateContent> pages;
    fs::path print_file;
    const auto remove_new_files = [&] {
        files.reset();  // a group not yet flushed is removed with it
        for (const auto& file : new_files) {
            std::error_code ignored;
            fs::remove(file, ignored);
        }
        new_files.clear();
        if (!print_file.empty()) {
            std::error_code ignored;
            fs::remove(print_file, ignored);
            print_file.clear();
        }
    };

    store::CertificateRepo::Printer printer;
    printer.print = [&](const store::IssuedCertificate& c) -> std::optional<Problem> {
        const fs::path file = request.folder / (c.record.serial + ".pdf");
        std::error_code ec;
        if (!c.existing || !fs::exists(file, ec)) {
            std::string pdf;
            if (auto why = render_or_reason(renderer, request.layout, c.content, pdf)) return why;
            if (!c.existing) new_files.push_back(file);
            files->add(file, pdf);
        }
        out.files.push_back(file);
        pages.push_back(c.content);
        if (progress && !progress(std::min(out.files.size(), expected), total)) throw Stopped{};
        return std::nullopt;
    };
    printer.finish = [&](const std::vector<store::IssuedCertificate>&) {
        files->flush();
        if (print_name.empty() || pages.empty()) return;
        const std::size_t before = expected;
        auto bytes = renderer.render_batch(request.layout, pages, [&](std::size_t done, std::size_t) {
            return !progress || progress(before + std::min(done, expected), total);
        });
        if (!bytes) throw Stopped{};
        print_file = request.folder / print_name;
        io::write_file_atomically(print_file, *bytes, io::Access::owner_only);
    };

    store::CohortIssue result;
    try {
        db.write([&] {
            remove_new_files();  // what an earlier attempt of this transaction wrote
            files = std::make_unique<io::FileBatch>(request.folder, io::Access::owner_only);
            out.files.clear();
            pages.clear();
            result = repo.issue_for_cohort(request.cohort_code, request.kind, request.module_code,
                                           request.template_name, key, request.today, printer);
        });
    } catch (const Stopped&) {
        remove_new_files();
        out.files.clear();
        out.cancelled = true;
        out.left_out = plan.left_out;
        return out;
    } catch (...) {
        remove_new_files();
        throw;
    }
    out.issued = std::move(result.issued);
    out.left_out = std::move(result.left_out);
    out.print_file = print_file;
    return out;
}

ReprintOutcome reprint_certificate(store::Database& db, pdf::FontStack& fonts, const SigningKey& key,
                                   const std::string& serial, const std::string& reason,
                                   const CertificateTemplate& layout, const fs::path& file) {
    ReprintOutcome out;
    out.file = file;
    pdf::CertificateRenderer renderer(fonts);
    if (file.has_parent_path()) io::create_private_folders(file.parent_path());
    std::optional<io::TemporaryFile> written;
    out.certificate = store::CertificateRepo(db).reprint(serial, reason, key, [&](const store::IssuedCertificate& c) {
        std::string pdf;
        if (auto why = render_or_reason(renderer, layout, c.content, pdf))  // the store rolls the reprint back
            throw InputError{
                {io::coded_problem({}, ProblemCode::reprint_unprintable, {c.record.serial, why->values.at(0)})}};
        written.reset();
        written.emplace(file, io::Access::owner_only);
        written->write(pdf);
        written->close();
    });
    // Recorded: the copy takes its name (it was written out whole before the record was made).
    written->publish();
    io::sync_folder(file.has_parent_path() ? file.parent_path() : fs::path("."));
    return out;
}

RenewalOutcome renew_certification(store::Database& db, pdf::FontStack& fonts, const SigningKey& key,
                                   const RenewalRequest& request) {
    RenewalOutcome out;
    store::CertificationRepo repo(db);
    if (!request.layout) {
        out.renewed = repo.renew(request.ref, request.today, key, request.code);
        return out;
    }
    pdf::CertificateRenderer renderer(fonts);
    std::optional<io::TemporaryFile> written;
    out.renewed = repo.renew(request.ref, request.today, key, request.code, [&](const store::IssuedCertificate& c) {
        std::optional<std::string> why;
        try {
            std::string pdf;
            // A name no shipped font prints: a refusal (InputError is no runtime_error), rolled back the same way.
            if (auto unprintable = render_or_reason(renderer, *request.layout, c.content, pdf))
                throw InputError{{io::coded_problem({}, ProblemCode::renewal_unprintable,
                                                    {c.record.participant_ref, unprintable->values.at(0)})}};
            io::create_private_folders(request.folder);  // only for a certificate that printed
            out.file = request.folder / (c.record.serial + ".pdf");
            written.reset();  // what an earlier attempt of the transaction wrote
            written.emplace(out.file, io::Access::owner_only);
            written->write(pdf);
            written->close();
        } catch (const std::runtime_error& e) {  // an image the PDF library cannot read, a disk that refuses
            why = e.what();
        }
        if (why)  // thrown through the store's transaction: the renewal is rolled back
            throw std::runtime_error(c.record.participant_ref + "'s renewed certificate cannot be printed: " + *why +
                                     " (nothing was changed)");
    });
    // Recorded: the file takes its name (it was written out whole before the record was made).
    written->publish();
    io::sync_folder(request.folder);
    return out;
}

BatchFiles write_certificate_files(pdf::CertificateRenderer& renderer, const CertificateTemplate& layout,
                                   const std::vector<BatchCertificate>& certificates, const fs::path& folder,
                                   const std::string& print_name, const Progress& progress) {
    BatchFiles out;
    const std::size_t total = certificates.size() * (print_name.empty() ? 1 : 2);
    io::create_private_folders(folder);
    pdf::CertificateRenderer::Batch scope(renderer);
    io::FileBatch files(folder, io::Access::owner_only);
    std::vector<CertificateContent> pages;
    try {
        for (std::size_t i = 0; i < certificates.size(); ++i) {
            const auto& c = certificates[i];
            const fs::path file = folder / (c.content.serial + ".pdf");
            std::error_code ec;
            if (!c.issued_before || !fs::exists(file, ec)) files.add(file, renderer.render(layout, c.content));
            out.files.push_back(file);
            if (!print_name.empty()) pages.push_back(c.content);
            if (progress && !progress(i + 1, total)) {
                files.flush();
                out.cancelled = true;
                return out;
            }
        }
        files.flush();
    } catch (...) {
        // The files written before the one that failed are kept.
        try {
            files.flush();
        } catch (...) {}
        throw;
    }
    if (pages.empty()) return out;
    const std::size_t before = certificates.size();
    auto bytes = renderer.render_batch(
        layout, pages, [&](std::size_t done, std::size_t) { return !progress || progress(before + done, total); });
    if (!bytes) {
        out.cancelled = true;
        return out;
    }
    out.print_file = folder / print_name;
    io::write_file_atomically(out.print_file, *bytes, io::Access::owner_only);
    return out;
}

}  // namespace mitra::workflow
