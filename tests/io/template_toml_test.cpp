// Certificate templates: the shipped ones read whole, broken ones refused with every problem located.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

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
        CHECK(std::any_of(t.texts.begin(), t.texts.end(), [](const TextBlock& b) { return b.field == TextField::full_name; }));
        CHECK(std::any_of(t.texts.begin(), t.texts.end(), [](const TextBlock& b) { return b.field == TextField::modules; }));
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
        const auto result = read_certificate_template(with_line(kGood, "size_pt = 36\n", "colur = \"#000000\"\n"), file);
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

TEST_CASE("images are found next to the template", "[io][template]") {
    const fs::path dir = fs::temp_directory_path() / "mitra-template-test";
    fs::create_directories(dir);
    { std::ofstream(dir / "logo.png") << "not checked here"; }
    const std::string text = kGood + "\n[[image]]\nfile = \"logo.png\"\nx_mm = 10\ny_mm = 10\nwidth_mm = 20\n";
    const auto result = read_certificate_template(text, (dir / "t.toml").string());
    INFO(listed(result.problems));
    REQUIRE(result.ok());
    CHECK(result.value.images.at(0).file == (dir / "logo.png").string());
    fs::remove_all(dir);
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
