// Certificate templates: the shipped ones read whole, broken ones refused with every problem located.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include <sys/stat.h>
#include <unistd.h>

#include "io/template_toml.hpp"
#include "problems.hpp"

using namespace mitra;
using namespace mitra::io;
using mitra::io::testing::has_problem;
using mitra::io::testing::listed;
namespace fs = std::filesystem;

namespace {

const fs::path kCertificates = fs::path(MITRA_SOURCE_DIR) / "certificates";

// A small good template; line numbers below are counted in this text.
const std::string kGood = R"([template]
name = "Small"
kind = "completion"

[page]
size = "A4"
orientation = "landscape"

[[text]]
field = "full_name"
x_mm = 20
y_mm = 70
width_mm = 250
align = "centre"
size_pt = 36

[[text]]
text = { en = "Certificate of Completion", ja = "修了証" }
x_mm = 20
y_mm = 40
width_mm = 250
size_pt = 30
)";

std::string with_line(std::string text, const std::string& after, const std::string& line) {
    const auto at = text.find(after);
    REQUIRE(at != std::string::npos);
    return text.insert(at + after.size(), line);
}

bool has_field(const Problems& problems, int line, int column, const std::string& field) {
    return std::any_of(problems.begin(), problems.end(), [&](const Problem& p) {
        return p.line == line && p.column == column && p.field == field && p.file == "certificates/t.toml";
    });
}

}  // namespace

TEST_CASE("the shipped certificate templates load", "[io][template]") {
    for (const char* name : {"programme-completion.toml", "module-participation.toml"}) {
        INFO(name);
        const auto result = read_certificate_template_file(kCertificates / name);
        INFO(listed(result.problems));
        REQUIRE(result.ok());
        const CertificateTemplate& t = result.value;
        CHECK(t.page_size == PageSize::a4);
        CHECK(t.qr.present);
        CHECK(t.signatures.present);
        CHECK(std::any_of(t.texts.begin(), t.texts.end(),
                          [](const TextBlock& b) { return b.field == TextField::full_name; }));
        CHECK(std::any_of(t.texts.begin(), t.texts.end(),
                          [](const TextBlock& b) { return b.field == TextField::modules; }));
    }
    CHECK(read_certificate_template_file(kCertificates / "programme-completion.toml").value.orientation ==
          Orientation::landscape);
    CHECK(read_certificate_template_file(kCertificates / "module-participation.toml").value.orientation ==
          Orientation::portrait);
}

TEST_CASE("a small template is read key by key", "[io][template]") {
    const auto result = read_certificate_template(kGood, "certificates/t.toml");
    INFO(listed(result.problems));
    REQUIRE(result.ok());
    REQUIRE(result.value.texts.size() == 2);
    const TextBlock& name = result.value.texts[0];
    CHECK(name.field == TextField::full_name);
    CHECK(name.align == TextAlign::centre);
    CHECK(name.size_pt == 36);
    CHECK(result.value.texts[1].text.in("ja") == "修了証");
    CHECK(result.value.texts[1].text.in("ko") == "Certificate of Completion");
}

TEST_CASE("a broken template is refused with file, line, column and field", "[io][template]") {
    const std::string file = "certificates/t.toml";
    SECTION("an unknown key") {
        const auto result =
            read_certificate_template(with_line(kGood, "size_pt = 36\n", "colur = \"#000000\"\n"), file);
        INFO(listed(result.problems));
        REQUIRE_FALSE(result.ok());
        CHECK(has_field(result.problems, 16, 1, "text[1].colur"));
        CHECK(has_problem(result.problems, 16, 1, "unknown key 'colur'"));
        CHECK(result.value.texts.empty());
    }
    SECTION("a wrong type") {
        const auto result = read_certificate_template(with_line(kGood, "size_pt = 30\n", "bold = \"yes\"\n"), file);
        INFO(listed(result.problems));
        CHECK(has_field(result.problems, 23, 8, "text[2].bold"));
        CHECK(has_problem(result.problems, 23, 8, "should be true or false"));
    }
    SECTION("a bad alignment") {
        std::string text = kGood;
        text.replace(text.find("\"centre\""), 8, "\"center\"");
        const auto result = read_certificate_template(text, file);
        INFO(listed(result.problems));
        CHECK(has_field(result.problems, 14, 9, "text[1].align"));
        CHECK(has_problem(result.problems, 14, 9, "'center' is not one of \"left\", \"centre\", \"right\""));
    }
    SECTION("a missing image") {
        const auto result = read_certificate_template(
            kGood + "\n[[image]]\nfile = \"no-such-logo.png\"\nx_mm = 10\ny_mm = 10\nwidth_mm = 20\n", file);
        INFO(listed(result.problems));
        CHECK(has_field(result.problems, 25, 8, "image[1].file"));
        CHECK(has_problem(result.problems, 25, 8, "is not there"));
    }
    SECTION("an unknown field and a placeholder that is no field") {
        std::string text = kGood;
        text.replace(text.find("\"full_name\""), 11, "\"fullname\"");
        text.replace(text.find("ja = \"修了証\""), 16, "ja = \"{name}\"");
        const auto result = read_certificate_template(text, file);
        INFO(listed(result.problems));
        CHECK(has_field(result.problems, 10, 9, "text[1].field"));
        CHECK(has_problem(result.problems, 18, 49, "'{name}' is not a placeholder"));
    }
    SECTION("a colour, a page size and a missing English text") {
        std::string text = kGood;
        text.replace(text.find("size = \"A4\""), 11, "size = \"A5\"");
        text.replace(text.find("{ en = \"Certificate of Completion\", ja"), 38, "{ ja");
        text = with_line(text, "size_pt = 36\n", "colour = \"navy\"\n");
        const auto result = read_certificate_template(text, file);
        INFO(listed(result.problems));
        CHECK(has_field(result.problems, 6, 8, "page.size"));
        CHECK(has_field(result.problems, 16, 10, "text[1].colour"));
        CHECK(has_problem(result.problems, 19, 8, "needs an English text"));
    }
    SECTION("not TOML at all") {
        const auto result = read_certificate_template("[page\nsize = 1", file);
        REQUIRE(result.problems.size() == 1);
        CHECK(result.problems[0].line == 1);
        CHECK(result.problems[0].file == file);
    }
}

namespace {

// A folder of its own for one test, removed afterwards.
struct TempDir {
    fs::path path = fs::temp_directory_path() / ("mitra-template-test-" + std::to_string(::getpid()));
    TempDir() {
        fs::remove_all(path);
        fs::create_directories(path / "template");
        fs::create_directories(path / "outside");
    }
    ~TempDir() { fs::remove_all(path); }
    fs::path folder() const { return path / "template"; }
};

void write(const fs::path& file, const std::string& bytes) { std::ofstream(file, std::ios::binary) << bytes; }

std::string be32(std::uint32_t v) {
    return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8), static_cast<char>(v)};
}

// Only the signature and the IHDR chunk: enough for the header, nothing any decoder could draw.
std::string png(std::uint32_t width, std::uint32_t height) {
    return std::string("\x89PNG\r\n\x1a\n", 8) + be32(13) + "IHDR" + be32(width) + be32(height) +
           std::string("\x08\x06\x00\x00\x00", 5) + be32(0);
}

// SOI, a JFIF APP0 segment, then a frame header of the given kind (0xC0 baseline, 0xC2 progressive),
// and nothing after: no pixels to decode.
std::string jpeg(std::uint16_t width, std::uint16_t height, unsigned char frame = 0xC0) {
    std::string b("\xFF\xD8", 2);
    b += std::string("\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00", 18);
    b += std::string("\xFF", 1) + static_cast<char>(frame) + std::string("\x00\x11\x08", 3);
    b += static_cast<char>(height >> 8);
    b += static_cast<char>(height & 0xFF);
    b += static_cast<char>(width >> 8);
    b += static_cast<char>(width & 0xFF);
    b += std::string("\x03\x01\x22\x00\x02\x11\x01\x03\x11\x01", 10);
    return b;
}

// kGood with one [[image]] naming `file` (its `file` value on line 25, column 8).
std::string with_image(const std::string& file) {
    return kGood + "\n[[image]]\nfile = \"" + file + "\"\nx_mm = 10\ny_mm = 10\nwidth_mm = 20\n";
}

}  // namespace

TEST_CASE("images are found next to the template", "[io][template]") {
    TempDir dir;
    write(dir.folder() / "logo.png", png(400, 300));
    fs::create_directories(dir.folder() / "seals");
    write(dir.folder() / "seals" / "seal.jpg", jpeg(3508, 2480));
    write(dir.folder() / "seals" / "progressive.jpeg", jpeg(600, 600, 0xC2));
    write(dir.folder() / "paper.png", png(3508, 2480));
    const std::string text = with_image("logo.png") +
                             "\n[[image]]\nfile = \"seals/seal.jpg\"\nx_mm = 1\ny_mm = 1\n"
                             "width_mm = 20\n\n[[image]]\nfile = \"seals/progressive.jpeg\"\nx_mm = 1\ny_mm = 1\n"
                             "width_mm = 20\n";
    const auto result =
        read_certificate_template(with_line(text, "orientation = \"landscape\"\n", "background = \"paper.png\"\n"),
                                  (dir.folder() / "t.toml").string());
    INFO(listed(result.problems));
    REQUIRE(result.ok());
    const fs::path folder = fs::canonical(dir.folder());
    CHECK(result.value.images.at(0).file == (folder / "logo.png").string());
    REQUIRE(result.value.images.at(0).bytes);  // what was checked is what will be drawn
    CHECK(*result.value.images.at(0).bytes == png(400, 300));
    CHECK(result.value.images.at(1).file == (folder / "seals" / "seal.jpg").string());
    CHECK(result.value.images.at(2).file == (folder / "seals" / "progressive.jpeg").string());
    REQUIRE(result.value.background);
    CHECK(result.value.background->file == (folder / "paper.png").string());
}

TEST_CASE("a template's images are checked at the door, before anything decodes them", "[io][template]") {
    TempDir dir;
    const std::string file = (dir.folder() / "t.toml").string();
    write(dir.path / "outside" / "logo.png", png(100, 100));
    // One refusal, of image[1].file at line 25, column 8, whose message holds `words`.
    auto refused = [&](const std::string& text, const std::string& words, const std::string& field = "image[1].file") {
        const auto result = read_certificate_template(text, file);
        INFO(listed(result.problems));
        REQUIRE(result.problems.size() == 1);
        const Problem& p = result.problems[0];
        CHECK(p.file == file);
        CHECK(p.field == field);
        CHECK(p.message.find(words) != std::string::npos);
        CHECK(result.value.images.empty());
        return p.line;
    };
    SECTION("a PNG claiming 20000 x 20000 pixels (33 bytes, no pixel data)") {
        write(dir.folder() / "huge.png", png(20000, 20000));
        CHECK(refused(with_image("huge.png"), "is 20000 x 20000 pixels; the most is 6000 a side") == 25);
    }
    SECTION("a PNG of 5500 x 5000 pixels: each side allowed, the pixels in all not") {
        write(dir.folder() / "wide.png", png(5500, 5000));
        refused(with_image("wide.png"), "is 5500 x 5000 pixels");
    }
    SECTION("a JPEG whose frame header claims 60000 x 60000 pixels") {
        write(dir.folder() / "huge.jpg", jpeg(60000, 60000));
        refused(with_image("huge.jpg"), "is 60000 x 60000 pixels");
    }
    SECTION("a background too large is named as the page's") {
        write(dir.folder() / "paper.png", png(20000, 20000));
        const auto text = with_line(kGood, "orientation = \"landscape\"\n", "background = \"paper.png\"\n");
        CHECK(refused(text, "is 20000 x 20000 pixels", "page.background") == 8);
    }
    SECTION("a path out through ..") {
        CHECK(fs::exists(dir.folder() / "../outside/logo.png"));
        refused(with_image("../outside/logo.png"), "leads out of the template's folder with '..'");
        refused(with_image("sub/../../outside/logo.png"), "leads out of the template's folder with '..'");
    }
    SECTION("an absolute path") {
        refused(with_image((dir.path / "outside" / "logo.png").string()), "is an absolute path");
    }
    SECTION("a link leading out") {
        fs::create_symlink(dir.path / "outside" / "logo.png", dir.folder() / "logo.png");
        refused(with_image("logo.png"), "is a link leading out of the template's folder");
        fs::create_directory_symlink(dir.path / "outside", dir.folder() / "assets");
        refused(with_image("assets/logo.png"), "is a link leading out of the template's folder");
    }
    SECTION("a .png that is really a JPEG, and a .jpg that is really a PNG") {
        write(dir.folder() / "logo.png", jpeg(100, 100));
        refused(with_image("logo.png"), "is a JPEG file, but its name ends in .png");
        write(dir.folder() / "seal.jpg", png(100, 100));
        refused(with_image("seal.jpg"), "is a PNG file, but its name ends in .jpg");
    }
    SECTION("neither PNG nor JPEG, whatever its name") {
        write(dir.folder() / "logo.png", "GIF89a and more");
        refused(with_image("logo.png"), "is neither a PNG nor a JPEG file");
    }
    SECTION("a damaged PNG header and a JPEG with no frame header") {
        write(dir.folder() / "logo.png", png(100, 100).substr(0, 20));
        refused(with_image("logo.png"), "is damaged");
        std::string no_frame = jpeg(100, 100);
        no_frame[21] = '\xDA';  // the frame header's marker becomes start-of-scan
        write(dir.folder() / "seal.jpg", no_frame);
        refused(with_image("seal.jpg"), "no JPEG frame header (SOF)");
    }
    SECTION("a lossless or arithmetic-coded JPEG, which PDF readers cannot show") {
        write(dir.folder() / "seal.jpg", jpeg(100, 100, 0xC3));
        refused(with_image("seal.jpg"), "save it as an ordinary (baseline) JPEG");
        write(dir.folder() / "seal.jpg", jpeg(100, 100, 0xC9));
        refused(with_image("seal.jpg"), "save it as an ordinary (baseline) JPEG");
    }
    SECTION("a file over 8 MB (sparse: its header is a small PNG)") {
        write(dir.folder() / "big.png", png(100, 100));
        fs::resize_file(dir.folder() / "big.png", 8'000'001);
        refused(with_image("big.png"), "is 9 MB; the most is 8 MB");
    }
    SECTION("a folder or a FIFO with an image's name (the FIFO is not waited on)") {
        fs::create_directory(dir.folder() / "logo.png");
        refused(with_image("logo.png"), "is not a file");
        REQUIRE(::mkfifo((dir.folder() / "seal.jpg").c_str(), 0600) == 0);
        refused(with_image("seal.jpg"), "is not a file");
    }
    SECTION("a missing image names where it was looked for") {
        refused(with_image("no-such-logo.png"),
                "is not there (looked for " + (dir.folder() / "no-such-logo.png").string());
    }
}

TEST_CASE("template texts longer than their limits are refused where they are", "[io][template]") {
    const std::string file = "certificates/t.toml";
    std::string text = kGood;
    text.replace(text.find("\"Small\""), 7, "\"" + std::string(201, 'n') + "\"");
    text.replace(text.find("\"Certificate of Completion\""), 27, "\"" + std::string(5000, 'c') + "\"");
    text += "\n[signatures]\nx_mm = 10\ny_mm = 10\nwidth_mm = 100\n[signatures.role.trainer]\nen = \"" +
            std::string(101, 'r') + "\"\n";
    const auto result = read_certificate_template(text, file);
    INFO(listed(result.problems));
    CHECK(result.problems.size() == 3);
    CHECK(has_field(result.problems, 2, 8, "template.name"));
    CHECK(has_problem(result.problems, 2, 8, "is 201 characters long; the most is 200"));
    CHECK(has_field(result.problems, 18, 15, "text[2].text.en"));
    CHECK(has_problem(result.problems, 18, 15, "is 5000 characters long; the most is 500"));
    CHECK(has_field(result.problems, 29, 6, "signatures.role.trainer.en"));
    CHECK(has_problem(result.problems, 29, 6, "the most is 100"));
    CHECK(result.value.texts.empty());
}
