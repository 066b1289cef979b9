// Reading a certificate PDF as a PDF (poppler), for verifying it: the code in its metadata, the code in its QR
// symbol (the page rendered in memory and decoded with zbar), and the page's text (where the serial is printed).
#pragma once
#include <filesystem>
#include <string>
#include <vector>

namespace mitra::io {

// What a certificate file holds. Nothing is judged here beyond "can it be read as a whole one-page PDF":
// the workflow compares the parts and checks the code.
struct CertificatePdf {
    std::string problem;  // why it is not a readable certificate PDF (not a PDF, cut short, …); empty when read
    std::vector<std::string> qr_texts;  // what each QR symbol on the page holds (one, on a certificate)
    std::string metadata_text;  // the document information's Keywords (where Mitra writes the code); may be empty
    std::string page_text;      // the page's text, UTF-8
};

// Reads at most 20 MB. Never throws for a bad file: its problem says what is wrong (the file is named by the
// caller); a file that cannot be opened at all is a problem too.
CertificatePdf read_certificate_pdf(const std::filesystem::path& path);

}  // namespace mitra::io
