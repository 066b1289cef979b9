// mitra_pdf_sample [out.pdf]: writes the all-scripts sample page (default /tmp/pdf-sample.pdf).
#include "support.hpp"

#include <iostream>

int main(int argc, char** argv) {
    try {
        mitra::pdf::FontStack fonts;
        const std::string out = argc > 1 ? argv[1] : "/tmp/pdf-sample.pdf";
        mitra::pdf::test::write_sample_page(fonts, out);
        std::cout << out << " " << std::filesystem::file_size(out) << " bytes\n";
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 1;
    }
}
