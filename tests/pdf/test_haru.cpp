// The libharu adapter: errors at checkpoints, bytes of a saved document, and no other file in its internals.
#include "pdf/haru.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>

namespace fs = std::filesystem;
using mitra::pdf::haru::Document;

TEST_CASE("a libharu error is thrown at the next checkpoint, naming what was being done, and only once",
          "[pdf][haru]") {
    Document doc;
    doc.check("nothing has failed yet");  // no error: no throw
    HPDF_Page page = HPDF_AddPage(doc.get());
    REQUIRE(page != nullptr);
    HPDF_Page_SetWidth(page, -5);  // libharu refuses a negative width and records the error
    try {
        doc.check("cannot size the page");
        FAIL("no exception");
    } catch (const std::runtime_error& e) {
        const std::string what = e.what();
        CHECK(what.rfind("cannot size the page (libharu error 0x", 0) == 0);
    }
    CHECK_NOTHROW(doc.check("the error was reported already"));
}

TEST_CASE("a document's bytes are the whole PDF, with its title", "[pdf][haru]") {
    Document doc;
    HPDF_AddPage(doc.get());
    doc.set_info("Adapter check");
    const std::string pdf = doc.bytes("the test document");
    CHECK(pdf.rfind("%PDF-", 0) == 0);
    CHECK(pdf.find("(Adapter check)") != std::string::npos);
    CHECK(pdf.find("(Mitra)") != std::string::npos);
    CHECK(pdf.substr(pdf.size() - 6).find("%%EOF") != std::string::npos);
    // A stream's pieces are its bytes in order.
    HPDF_Page page = HPDF_AddPage(doc.get());
    const std::string content(20000, 'x');  // more than one of libharu's blocks
    REQUIRE(mitra::pdf::haru::append(mitra::pdf::haru::page_stream(page), content) == HPDF_OK);
    std::string joined;
    for (auto piece : mitra::pdf::haru::stream_pieces(mitra::pdf::haru::page_stream(page))) joined += piece;
    CHECK(mitra::pdf::haru::stream_pieces(mitra::pdf::haru::page_stream(page)).size() > 1);
    CHECK(joined == content);
}

TEST_CASE("only haru.cpp includes libharu's private headers", "[pdf][haru]") {
    const fs::path pdf_src = fs::path(MITRA_SOURCE_DIR) / "src" / "pdf";
    REQUIRE(fs::is_directory(pdf_src));
    int files = 0;
    std::string found;  // "file:line: text" of each private include outside haru.cpp
    for (const auto& entry : fs::directory_iterator(pdf_src)) {
        const fs::path& path = entry.path();
        if (path.extension() != ".cpp" && path.extension() != ".hpp") continue;
        ++files;
        if (path.filename() == "haru.cpp") continue;
        std::ifstream in(path);
        std::string line;
        for (int number = 1; std::getline(in, line); ++number)
            if (line.rfind("#include", 0) == 0 && line.find("hpdf_") != std::string::npos)
                found += path.filename().string() + ":" + std::to_string(number) + ": " + line + "\n";
    }
    CHECK(files > 10);
    CHECK(found == "");
}
