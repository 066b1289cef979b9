// Helpers for the certificate tests: the shipped templates and realistic certificate contents.
#pragma once

#include "core/certificate_template.hpp"
#include "io/curriculum_toml.hpp"
#include "io/durable.hpp"
#include "io/template_toml.hpp"
#include "pdf/certificate.hpp"

#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>

namespace mitra::pdf::test {

inline std::filesystem::path source_dir() { return MITRA_SOURCE_DIR; }

inline CertificateTemplate shipped_template(const std::string& name) {
    auto result = io::read_certificate_template_file(source_dir() / "certificates" / name);
    if (!result.ok()) throw std::runtime_error(to_string(result.problems.front()));
    return result.value;
}

inline const Curriculum& foundations() {
    static const Curriculum curriculum = [] {
        auto result = io::read_curriculum_file(source_dir() / "curricula" / "peer-support-foundations.toml");
        if (!result.ok()) throw std::runtime_error(to_string(result.problems.front()));
        return result.value;
    }();
    return curriculum;
}

struct Person {
    const char* name;
    const char* latin;
    const char* name_language;
    const char* cohort_language;
};

/// A completion certificate as issuing would fill it, for a person in a cohort.
inline CertificateContent completion_for(const Person& p, int number = 123) {
    const Curriculum& curriculum = foundations();
    CertificateContent c;
    char serial[48];
    std::snprintf(serial, sizeof serial, "PSF-NP-2026-%06d-K", number);
    c.serial = serial;
    c.kind = "completion";
    c.full_name = p.name;
    c.latin_name = p.latin;
    c.name_language = p.name_language;
    c.language = p.cohort_language;
    c.curriculum_title = curriculum.title;
    for (const auto& m : curriculum.modules) c.modules.push_back({m.code, m.title, m.minutes});
    c.site = "Patan Community Centre";
    c.country = "NP";
    c.start_date = {2026, 1, 5};
    c.end_date = Date{2026, 3, 30};
    c.issued_on = {2026, 4, 2};
    c.trainers = {{"सीता राई", "Sita Rai", "trainer", ""}, {"Maria Santos", "", "co-facilitator", ""}};
    c.qr_text =
        "MITRA1." + c.serial + ".ed25519.Zm9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4cXV1eHF1dXhxdXV4cXV1eHF1dXhxdXV4cXV1eA";
    c.verify_note = "Verify offline: mitra-cli certificate verify --qr <the text of this code>";
    return c;
}

inline CertificateContent module_for(const Person& p) {
    CertificateContent c = completion_for(p, 77);
    c.kind = "module";
    c.modules.resize(1);
    c.end_date.reset();
    c.start_date = {2026, 1, 12};
    return c;
}

// One certificate written as the workflow writes it: the renderer's bytes through io's durable writer.
inline void render_to(CertificateRenderer& renderer, const CertificateTemplate& tmpl, const CertificateContent& content,
                      const std::filesystem::path& pdf) {
    mitra::io::write_file_atomically(pdf, renderer.render(tmpl, content));
}
inline void render_to(CertificateRenderer&& renderer, const CertificateTemplate& tmpl,
                      const CertificateContent& content, const std::filesystem::path& pdf) {
    render_to(renderer, tmpl, content, pdf);
}

// The print file written as the workflow writes it; nothing when `progress` cancels.
inline void render_batch_to(CertificateRenderer& renderer, const CertificateTemplate& tmpl,
                            const std::vector<CertificateContent>& contents, const std::filesystem::path& pdf,
                            const std::function<bool(std::size_t, std::size_t)>& progress) {
    if (auto bytes = renderer.render_batch(tmpl, contents, progress)) mitra::io::write_file_atomically(pdf, *bytes);
}

}  // namespace mitra::pdf::test
