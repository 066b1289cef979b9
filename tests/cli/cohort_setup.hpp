// A cohort whose people have earned their certificates (or not), shared by the certificate specifications
// (certificate_test.cpp defines these).
#pragma once
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "names.hpp"
#include "run_cli.hpp"

namespace mitra {
// Finds a certificate code in a PDF's raw bytes (a version 1 code, or a version 2 code after '#', which libharu
// writes "\043" in the document information): a test's own look at what a file holds. The product reads PDFs with
// poppler and their QR codes with zbar instead (io/certificate_pdf).
std::string find_payload(std::string_view text);
}  // namespace mitra

namespace mitra::cli_test {

inline const std::string kCohort = "KTM-2026-1";
inline const std::string kToday = "2026-12-31";  // after the whole schedule, so completion is final

std::string read_file(const std::filesystem::path& path);
// Runs another program (pdftotext, qpdf) with this process's environment.
Output tool(const std::string& program, const std::vector<std::string>& args);
std::string pdf_text(const std::filesystem::path& pdf);  // without any whitespace
bool contains(const std::string& haystack, const std::string& needle);

inline const std::string kVerifyUrl = "https://verify.example.org/psf/";

// init, the CSV people, kCohort (PSF at Patan, from 2026-01-05, no trainer) with P-001 and P-002 enrolled on
// 2026-01-01 and its sessions scheduled: a small cohort for refusals to leave as it was.
inline void set_up_scheduled_cohort(const Workspace& ws) {
    ws.ok({"init"});
    ws.ok({"participant", "import", ws.file("people.csv", people_csv())});
    ws.ok({"cohort", "create", "--code", kCohort, "--curriculum", "PSF", "--site", "Patan", "--country", "NP",
           "--language", "ne", "--start", "2026-01-05"});
    ws.ok({"cohort", "enrol", kCohort, "P-001", "P-002", "--on", "2026-01-01"});
    ws.ok({"session", "schedule", kCohort});
}

// init, the verification address (unless `verify_url` is false), a trainer, the CSV people and P-013, a cohort of
// P-001, P-002, P-003 and P-013 with its schedule; P-001 and P-003 complete everything, P-002 all but the code of
// ethics, P-013 nothing.
void set_up_cohort(const Workspace& ws, bool verify_url = true);
// certificate issue for kCohort on kToday into `out`.
nlohmann::json issue(const Workspace& ws, const std::filesystem::path& out);
// The issued certificate of `ref` in issue()'s answer.
const nlohmann::json& item_for(const nlohmann::json& issued, const std::string& ref);

}  // namespace mitra::cli_test
