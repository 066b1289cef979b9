// Every failure the store and io report (the database, the disk, a lock, a key file) is worded once
// (io::fault_phrase), for the desktop program and mitra-cli: in every catalog's language, with its file kept, without
// English left over and without a command name.
#include <catch2/catch.hpp>

#include <cerrno>
#include <string>
#include <vector>

#include "catalog_languages.hpp"
#include "io/catalog.hpp"
#include "io/files.hpp"
#include "io/fault_words.hpp"

using namespace mitra;
using namespace mitra::io;
using mitra::io_test::kLanguages;

namespace {

std::vector<Fault> every_code() {
    std::vector<Fault> all;
    for (int c = 1; c <= static_cast<int>(FaultCode::last); ++c)
        all.push_back(Fault{static_cast<FaultCode>(c), {"/V1/a.db", "V-2", "V-3"}, "UNWORDED"});
    return all;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("every failure has its English words, naming its file, with every slot filled", "[catalog][faults]") {
    for (const auto& fault : every_code()) {
        INFO("code " << static_cast<int>(fault.code));
        const std::string english = fault_phrase(fault, catalog(""));
        CHECK(english != "UNWORDED");  // not left to the message: the switch words it
        CHECK(!contains(english, "mitra-cli"));
        CHECK(!contains(english, "%"));
    }
    CHECK(fault_phrase(Fault{FaultCode::none, {}, "said only in its message"}, catalog("ja")) ==
          "said only in its message");
    CHECK(fault_phrase(Fault{FaultCode::disk_full, {"/x/cert.pdf"}, ""}, catalog("")) ==
          "There is no room left on the disk for /x/cert.pdf. Nothing was written; make room and try again.");
}

TEST_CASE("every failure is worded in every catalog's language, with its file and no English msgid left",
          "[catalog][faults][language]") {
    for (const auto& language : kLanguages) {
        const Catalog& words = catalog(language);
        REQUIRE(words.translated());
        for (const auto& fault : every_code()) {
            const std::string english = fault_phrase(fault, catalog(""));
            const std::string shown = fault_phrase(fault, words);
            INFO(language << ": " << english << " -> " << shown);
            CHECK(shown != english);
            CHECK(!contains(shown, "mitra-cli"));
            CHECK(!contains(shown, "%"));
            // Each value the English names is named in the translation too (a slot not lost).
            for (const auto& value : fault.values)
                if (contains(english, value)) CHECK(contains(shown, value));
        }
    }
}

TEST_CASE("a system error's kind is kept for the words: a full disk, a read-only disk, a refused write",
          "[files][faults]") {
    CHECK(file_fault("cannot write", "/x/a.pdf", ENOSPC, true).code == FaultCode::disk_full);
    CHECK(file_fault("cannot write", "/x/a.pdf", EROFS, true).code == FaultCode::file_read_only_disk);
    CHECK(file_fault("cannot write", "/x/a.pdf", EACCES, true).code == FaultCode::file_write_denied);
    CHECK(file_fault("cannot open", "/x/a.pdf", EACCES, false).code == FaultCode::file_read_denied);
    CHECK(file_fault("cannot open", "/x/a.pdf", ENOENT, false).code == FaultCode::file_missing);
    const Fault full = file_fault("cannot write", "/x/a.pdf", ENOSPC, true);
    CHECK(full.values == std::vector<std::string>{"/x/a.pdf"});
    CHECK(full.message == "cannot write '/x/a.pdf': No space left on device");  // the English, as before
    // A folder where a file is to be read: FileError, its kind kept.
    try {
        (void)read_text_file(".");
        FAIL("a folder was read");
    } catch (const FileError& e) {
        CHECK(e.fault.code == FaultCode::file_is_folder);
    }
}
