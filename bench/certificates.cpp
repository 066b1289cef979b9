// bench_certificates: renders N completion certificates (names in every script of the region) on one thread, one
// file each as `certificate issue` writes them (workflow::write_certificate_files, no print file), and reports
// certificates per second and bytes per certificate; --emit writes the same texts as JSON for other tools.
//
//   bench_certificates [--count 1000] [--out DIR] [--emit content.json] [--source-dir REPO]
//
// Prints one line per figure as "key value" (machine-readable, for bench/run-certificates).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include <unistd.h>

#include "core/certificate_template.hpp"
#include "core/date_format.hpp"
#include "core/serial.hpp"
#include "core/signature.hpp"
#include "io/curriculum_toml.hpp"
#include "io/template_toml.hpp"
#include "pdf/certificate.hpp"
#include "pdf/font_stack.hpp"
#include "workflow/certificates.hpp"

namespace fs = std::filesystem;
using namespace mitra;

namespace {

struct Name {
    const char* full_name;
    const char* latin_name;
    const char* language;  // the person's, and the cohort's
    const char* script;
};

// Every script the programme meets, hard cases included (IVS-free 髙, a supplementary-plane 𠮷, a Sinhala ZWJ).
const std::vector<Name> kNames = {
    {"Nguyễn Thị Minh Khai", "", "vi", "Latin (Vietnamese diacritics)"},
    {"Đặng Thùy Trâm", "", "vi", "Latin (Vietnamese diacritics)"},
    {"José María Ñúñez-Łukasiewicz", "", "en", "Latin (diacritics)"},
    {"髙橋 𠮷郎", "Takahashi Yoshiro", "ja", "Japanese (髙, 𠮷)"},
    {"山田 花子", "Yamada Hanako", "ja", "Japanese"},
    {"王小明", "Wang Xiaoming", "zh-Hans", "Simplified Chinese"},
    {"陳美麗", "Chan Mei-lai", "zh-Hant", "Traditional Chinese"},
    {"김민준", "Kim Min-jun", "ko", "Korean"},
    {"สมชาย ใจดี", "Somchai Jaidee", "th", "Thai"},
    {"प्रिया शर्मा", "Priya Sharma", "hi", "Devanagari"},
    {"রবীন্দ্রনাথ ঠাকুর", "Rabindranath Thakur", "bn", "Bengali"},
    {"ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ", "Gurpreet Singh", "pa", "Gurmukhi"},
    {"முத்துலட்சுமி ரெட்டி", "Muthulakshmi Reddy", "ta", "Tamil"},
    {"\u0DC1\u0DCA\u200D\u0DBB\u0DD2\u0DBA\u0DCF\u0DB1\u0DD2 \u0DB4\u0DD9\u0DBB\u0DDA\u0DBB\u0DCF", "Sriyani Perera",
     "si", "Sinhala (with ZWJ)"},
    {"عائشہ خان", "Aisha Khan", "ur", "Urdu (Nastaliq)"},
    {"Maria 山田 Santos-عائشہ", "", "en", "mixed"},
};

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
    return text;
}

std::string hours(int minutes) {
    char buf[32];
    if (minutes % 60 == 0) std::snprintf(buf, sizeof buf, "%d", minutes / 60);
    else std::snprintf(buf, sizeof buf, "%.1f", minutes / 60.0);
    return buf;
}

// The lines of text a certificate shows, as the renderer fills them (for the other tools to draw the same).
nlohmann::json texts_of(const CertificateTemplate& tmpl, const CertificateContent& c) {
    const std::string lang = c.language.empty() ? "en" : c.language;
    const bool english = lang.rfind("en", 0) == 0;
    std::string trainers;
    for (const auto& t : c.trainers) trainers += (trainers.empty() ? "" : "  ·  ") + t.name;
    const std::string dates = c.site + ", Nepal  ·  " + format_date_range(c.start_date, c.end_date, lang);
    nlohmann::json lines = nlohmann::json::array();
    std::string previous;
    for (const auto& block : tmpl.texts) {
        const std::string l = block.language == BlockLanguage::english ? "en" : lang;
        std::string text;
        switch (block.field) {
            case TextField::none:
                text = block.text.in(l);
                text = replace_all(text, "{serial}", c.serial);
                text = replace_all(text, "{issued_on}", format_date(c.issued_on, l));
                text = replace_all(text, "{full_name}", c.full_name);
                break;
            case TextField::full_name: text = c.full_name; break;
            case TextField::latin_name: text = c.latin_name; break;
            case TextField::curriculum_title: text = c.curriculum_title.in(l); break;
            case TextField::curriculum_title_en: text = c.curriculum_title.in("en"); break;
            case TextField::site_and_dates: text = dates; break;
            case TextField::trainers: text = trainers; break;
            case TextField::serial: text = c.serial; break;
            case TextField::issued_on: text = format_date(c.issued_on, l); break;
            case TextField::modules:
                for (const auto& m : c.modules)
                    text += (text.empty() ? "" : "\n") + m.title.in(l) + " — " +
                            replace_all(block.hours_format.in(l), "{hours}", hours(m.minutes));
                break;
        }
        const bool repeats = block.only_bilingual && (english || text == previous);
        previous = text;
        if (repeats || text.empty()) continue;
        lines.push_back({{"text", text},
                         {"size_pt", block.size_pt},
                         {"bold", block.bold},
                         {"serif", block.font == "serif"},
                         {"x_mm", block.x_mm},
                         {"y_mm", english && block.y_english_mm ? *block.y_english_mm : block.y_mm},
                         {"width_mm", block.width_mm},
                         {"modules", block.field == TextField::modules}});
    }
    for (std::size_t i = 0; i < c.trainers.size(); ++i) {
        lines.push_back({{"text", c.trainers[i].name},
                         {"size_pt", 9},
                         {"bold", false},
                         {"serif", false},
                         {"x_mm", 40 + 120 * i},
                         {"y_mm", 182},
                         {"width_mm", 90},
                         {"modules", false}});
        if (!c.trainers[i].latin_name.empty())
            lines.push_back({{"text", c.trainers[i].latin_name},
                             {"size_pt", 7},
                             {"bold", false},
                             {"serif", false},
                             {"x_mm", 40 + 120 * i},
                             {"y_mm", 186},
                             {"width_mm", 90},
                             {"modules", false}});
    }
    return {
        {"serial", c.serial}, {"language", lang}, {"lines", lines}, {"qr", c.qr_text}, {"verify_note", c.verify_note}};
}

// Time this process has run on a CPU (user and system): unlike the wall clock, not lengthened by other
// programs taking the core or by waiting for the disk.
double cpu_seconds() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

}  // namespace

int main(int argc, char** argv) {
    int count = 1000;
    fs::path out = fs::temp_directory_path() / "mitra-bench-certificates";
    fs::path emit;
    fs::path source = MITRA_SOURCE_DIR;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i];
        if (a == "--count") count = std::stoi(argv[i + 1]);
        else if (a == "--out") out = argv[i + 1];
        else if (a == "--emit") emit = argv[i + 1];
        else if (a == "--source-dir") source = argv[i + 1];
        else {
            std::cerr << "unknown option " << a << "\n";
            return 2;
        }
    }
    auto curriculum = io::read_curriculum_file(source / "curricula" / "peer-support-foundations.toml");
    auto tmpl = io::read_certificate_template_file(source / "certificates" / "programme-completion.toml");
    if (!curriculum.ok() || !tmpl.ok()) {
        std::cerr << "cannot read the shipped curriculum or template\n";
        return 1;
    }

    // The contents, signed as issuing signs them (so the QR payload has its real length), made before timing.
    const SigningKey key = new_signing_key();
    std::vector<CertificateContent> contents;
    for (int i = 0; i < count; ++i) {
        const Name& n = kNames[static_cast<std::size_t>(i) % kNames.size()];
        CertificateContent c;
        long long number = i + 1;
        std::optional<std::string> serial;
        while (!(serial = make_serial("PSF", "NP", 2026, number))) number += 100000;
        c.serial = *serial;
        c.kind = "completion";
        c.full_name = n.full_name;
        c.latin_name = n.latin_name;
        c.name_language = n.language;
        c.language = n.language;
        c.curriculum_title = curriculum.value.title;
        for (const auto& m : curriculum.value.modules)
            if (m.code != "M09") c.modules.push_back({m.code, m.title, m.minutes});
        c.site = "Patan Community Centre";
        c.country = "NP";
        c.start_date = {2026, 1, 5};
        c.end_date = Date{2026, 7, 27};
        c.issued_on = {2026, 8, 3};
        c.trainers = {{"सीता राई", "Sita Rai", "trainer", ""}, {"Maria Santos", "", "co-facilitator", ""}};
        const CertifiedFacts facts{c.serial,
                                   c.full_name,
                                   c.latin_name,
                                   "PSF 2026.1",
                                   curriculum.value.title.in("en"),
                                   "completion",
                                   "2026-08-03",
                                   key.key_id(),
                                   ""};  // no expiry
        c.qr_text = sign_facts(facts, key);
        c.verify_note = "Verify offline: mitra-cli certificate verify " + c.serial;
        contents.push_back(std::move(c));
    }
    if (!emit.empty()) {
        nlohmann::json all = nlohmann::json::array();
        for (const auto& c : contents) all.push_back(texts_of(tmpl.value, c));
        std::ofstream(emit) << all.dump() << "\n";
    }

    // The last run's files are moved aside and deleted after the timing: issuing writes into a folder, not one
    // just emptied of a thousand files, and ext4 makes new files slower to create there (measured: the same
    // folder emptied and refilled three times took 0.76, 0.85 and 0.96 s; fresh folders 0.76-0.83 s).
    fs::path previous;
    if (fs::exists(out)) {
        previous = out.string() + ".previous-" + std::to_string(getpid());
        fs::rename(out, previous);
    }
    fs::create_directories(out);
    pdf::FontStack fonts;  // one per process, as the CLI has it; its set-up is timed apart
    pdf::CertificateRenderer renderer(fonts);
    const auto warm_start = std::chrono::steady_clock::now();
    (void)renderer.render(tmpl.value, contents[0]);
    const double warm_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - warm_start).count();

    // As `certificate issue` writes them (each file whole on disk before it has its name), without its print file.
    std::vector<workflow::BatchCertificate> batch;
    for (const auto& c : contents) batch.push_back({c, false});
    const auto start = std::chrono::steady_clock::now();
    const double cpu_start = cpu_seconds();
    workflow::write_certificate_files(renderer, tmpl.value, batch, out, "");
    const double cpu = cpu_seconds() - cpu_start;
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    if (!previous.empty()) fs::remove_all(previous);

    std::vector<std::uintmax_t> sizes;
    std::map<std::string, std::uintmax_t> largest_by_script;
    for (std::size_t i = 0; i < contents.size(); ++i) {
        const auto size = fs::file_size(out / (contents[i].serial + ".pdf"));
        sizes.push_back(size);
        auto& largest = largest_by_script[kNames[i % kNames.size()].script];
        largest = std::max(largest, size);
    }
    std::sort(sizes.begin(), sizes.end());
    const auto median = sizes[sizes.size() / 2];
    std::cout << "certificates " << count << "\n"
              << "seconds " << seconds << "\n"
              << "first_certificate_seconds " << warm_s << "\n"
              << "certs_per_second " << count / seconds << "\n"
              << "cpu_seconds " << cpu << "\n"
              << "cpu_certs_per_second " << count / cpu << "\n"
              << "bytes_median " << median << "\n"
              << "bytes_max " << sizes.back() << "\n"
              << "bytes_min " << sizes.front() << "\n";
    for (const auto& [script, size] : largest_by_script)
        std::cout << "# largest " << size << " bytes: " << script << "\n";
    return 0;
}
