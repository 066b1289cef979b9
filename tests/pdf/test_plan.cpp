// A certificate's plan read as data, no PDF made: long names shrunk and wrapped within their boxes, the Nastaliq
// line that would climb over its neighbours set in Naskh, marks kept out of the title's band, what is the batch's
// shared part and what the person's own, where the frame and the QR box go.
#include "certificate_support.hpp"
#include "support.hpp"
#include "pdf/certificate_plan.hpp"
#include "pdf/shaping.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

using namespace mitra;
using namespace mitra::pdf;
using namespace mitra::pdf::cert;
using namespace mitra::pdf::test;

namespace {

CertificatePlan plan_for(const CertificateTemplate& tmpl, const CertificateContent& c,
                         PlanParts parts = PlanParts::all) {
    ShapeCache shapes(fonts());
    return plan_certificate(tmpl, c, fonts(), shapes, nullptr, parts);
}

// `count` characters of `words`, repeated.
std::string repeated(const std::string& words, std::size_t count) {
    std::vector<std::uint32_t> at;
    const std::size_t n = decode_utf8(words, &at).size();
    std::string out;
    for (std::size_t i = 0; i < count; ++i) out += words.substr(at[i % n], at[i % n + 1] - at[i % n]);
    return out;
}

template <class T>
std::vector<const T*> items_of(const CertificatePlan& plan) {
    std::vector<const T*> out;
    for (const auto& item : plan.items)
        if (const T* t = std::get_if<T>(&item)) out.push_back(t);
    return out;
}

std::vector<const PlannedLine*> lines_of(const CertificatePlan& plan, TextField field) {
    std::vector<const PlannedLine*> out;
    for (const PlannedLine* l : items_of<PlannedLine>(plan))
        if (l->field == field) out.push_back(l);
    return out;
}

std::vector<const PlannedLine*> lines_of_block(const CertificatePlan& plan, int block) {
    std::vector<const PlannedLine*> out;
    for (const PlannedLine* l : items_of<PlannedLine>(plan))
        if (l->block == block) out.push_back(l);
    return out;
}

// Each line's glyphs within the box it was fitted to (a hundredth of a point for rounding).
void check_in_box(const std::vector<const PlannedLine*>& lines) {
    for (const PlannedLine* l : lines) {
        INFO(l->line.text << " at " << l->x << ", size " << l->style.size_pt);
        CHECK(l->x >= l->box_left - 0.01);
        CHECK(l->x + l->line.width(l->style.size_pt) <= l->box_left + l->box_width + 0.01);
    }
}

// Where the lines' ink reaches, in points from the bottom of the page.
double ink_top(const PlannedLine& l) { return l.baseline + ink_extent(l.line).top * l.style.size_pt; }
double ink_bottom(const PlannedLine& l) { return l.baseline + ink_extent(l.line).bottom * l.style.size_pt; }

bool uses_family(const ShapedLine& line, const std::string& family) {
    return std::any_of(line.runs.begin(), line.runs.end(),
                       [&](const GlyphRun& r) { return r.face && r.face->family == family; });
}

// The text's lines put back together, without the spaces they were broken at.
std::string joined(const std::vector<const PlannedLine*>& lines) {
    std::string out;
    for (const PlannedLine* l : lines) out += l->line.text;
    out.erase(std::remove(out.begin(), out.end(), ' '), out.end());
    return out;
}

std::string without_spaces(std::string text) {
    text.erase(std::remove(text.begin(), text.end(), ' '), text.end());
    return text;
}

// The inner frame of the completion template: 10 mm in.
constexpr double kInnerFramePt = 10 * 72 / 25.4;

}  // namespace

TEST_CASE("a 200-character Latin name is set at its floor size, then wrapped within its box", "[plan]") {
    const CertificateTemplate tmpl = shipped_template("programme-completion.toml");
    const std::string name = repeated("Maximiliana Bartholomea Castellanos-Villanueva de la Fuente ", 200);
    const CertificatePlan plan = plan_for(tmpl, completion_for({name.c_str(), "", "en", "en"}));
    const auto lines = lines_of(plan, TextField::full_name);
    REQUIRE(lines.size() >= 2);
    CHECK(joined(lines) == without_spaces(name));
    // The template sets it at 36 pt, never under 14: 60% of 36 (21.6 pt) is where it starts to wrap, and smaller
    // still only as far as the room between the rule and the Latin name's line asks.
    for (const PlannedLine* l : lines) {
        CHECK(l->style.size_pt <= 0.6 * 36 + 1e-9);
        CHECK(l->style.size_pt == lines.front()->style.size_pt);
    }
    CHECK(lines.front()->style.size_pt >= 14);
    check_in_box(lines);
    // Its lines one under the other, their ink clear of each other, below the rule under the title.
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) CHECK(ink_bottom(*lines[i]) > ink_top(*lines[i + 1]));
    const double rule_y = items_of<PlannedPath>(plan).at(2)->steps.front().v[1];  // two frame lines, then the rule
    CHECK(ink_top(*lines.front()) < rule_y);
}

TEST_CASE("42 CJK characters wrap inside the frame", "[plan]") {
    const CertificateTemplate tmpl = shipped_template("programme-completion.toml");
    const std::string name = repeated("山田花子髙橋美智子佐藤健太郎鈴木一郎渡辺直美伊藤博文中村真理子小林", 42);
    const CertificatePlan plan = plan_for(tmpl, completion_for({name.c_str(), "Yamada Hanako", "ja", "ja"}));
    const auto lines = lines_of(plan, TextField::full_name);
    REQUIRE(lines.size() >= 2);
    CHECK(joined(lines) == name);
    check_in_box(lines);
    for (const PlannedLine* l : items_of<PlannedLine>(plan)) {
        INFO(l->line.text);
        CHECK(l->x >= kInnerFramePt);
        CHECK(l->x + l->line.width(l->style.size_pt) <= plan.width - kInnerFramePt);
        CHECK(ink_top(*l) <= plan.height - kInnerFramePt);
        CHECK(ink_bottom(*l) >= kInnerFramePt);
    }
}

TEST_CASE("an Urdu line that Nastaliq would raise over its neighbours is set in Naskh; a name with room keeps Nastaliq",
          "[plan]") {
    const CertificateTemplate tmpl = shipped_template("programme-completion.toml");
    const CertificatePlan plan = plan_for(tmpl, completion_for({"عائشہ خان", "Aisha Khan", "ur", "ur"}));
    const auto name = lines_of(plan, TextField::full_name);
    REQUIRE(name.size() == 1);
    CHECK(uses_family(name.front()->line, "Noto Nastaliq Urdu"));
    CHECK(name.front()->style.lang == "ur");

    // The title "تکمیل کی سند" in Nastaliq reaches over 1.3 em above its baseline, into "M I T R A".
    const auto title = lines_of_block(plan, 1);
    REQUIRE(title.size() == 1);
    TextStyle nastaliq = title.front()->style;
    nastaliq.lang = "ur";
    const ShapedLine tall = shape_line(fonts(), title.front()->line.text, nastaliq);
    REQUIRE(uses_family(tall, "Noto Nastaliq Urdu"));
    CHECK(ink_extent(tall).top > 1.3);
    // So it is set in Urdu's plain Arabic forms.
    CHECK(title.front()->style.lang == "ur-Arab");
    CHECK_FALSE(uses_family(title.front()->line, "Noto Nastaliq Urdu"));
    CHECK(uses_family(title.front()->line, "Noto Naskh Arabic"));
    CHECK(ink_extent(title.front()->line).top <= 1.3);
}

TEST_CASE("a name of combining marks only keeps its ink out of the title's band", "[plan]") {
    std::string marks;
    for (int i = 0; i < 40; ++i) marks += "\u0301";
    const CertificateTemplate tmpl = shipped_template("programme-completion.toml");
    const CertificatePlan plan = plan_for(tmpl, completion_for({marks.c_str(), "", "en", "en"}));
    const auto name = lines_of(plan, TextField::full_name);
    REQUIRE(!name.empty());
    // English: the title's baseline 42 mm from the top, the rule under it at 50 mm.
    const auto title = lines_of_block(plan, 1);
    REQUIRE(title.size() == 1);
    const double rule_y = plan.height - mm_to_pt(50);
    CHECK(ink_bottom(*title.front()) > rule_y);
    for (const PlannedLine* l : name) {
        INFO("ink " << ink_bottom(*l) << " to " << ink_top(*l) << ", the rule at " << rule_y);
        CHECK(ink_top(*l) < rule_y);
        CHECK(ink_top(*l) > ink_bottom(*l));  // the marks are there
    }
}

TEST_CASE("the person's own lines are planned as personal, the template's as the batch's shared part", "[plan]") {
    const CertificateTemplate tmpl = shipped_template("programme-completion.toml");
    const CertificateContent c = completion_for({"Priya Sharma", "", "en", "en"});
    const CertificatePlan plan = plan_for(tmpl, c);
    const auto name = lines_of(plan, TextField::full_name);
    REQUIRE(name.size() == 1);
    CHECK(name.front()->part == Part::personal);
    CHECK(name.front()->personal);
    const auto programme = lines_of(plan, TextField::curriculum_title);
    REQUIRE(!programme.empty());
    for (const PlannedLine* l : programme) {
        CHECK(l->part == Part::fixed);
        CHECK_FALSE(l->personal);
    }
    // "Certificate of Completion" is the template's own, but in the name's font (serif bold): painted on each page,
    // so that one font holds both.
    const auto title = lines_of_block(plan, 1);
    REQUIRE(title.size() == 1);
    CHECK(title.front()->part == Part::personal);
    CHECK_FALSE(title.front()->personal);
    for (const PlannedPath* p : items_of<PlannedPath>(plan)) CHECK(p->part == Part::fixed);  // no images: all shared
    REQUIRE(items_of<PlannedQr>(plan).size() == 1);
    CHECK(part_of(PlanItem{*items_of<PlannedQr>(plan).front()}) == Part::personal);
    // The verify note holds the serial on one of its lines: that line is personal, shaped for this page alone.
    bool serial_line = false;
    for (const PlannedLine* l : items_of<PlannedLine>(plan))
        if (l->line.text.find(c.serial) != std::string::npos) serial_line = l->personal && l->part == Part::personal;
    CHECK(serial_line);

    // A page over a batch's shared form plans only its personal part, the shared form only the fixed.
    const CertificatePlan page = plan_for(tmpl, c, PlanParts::personal);
    const CertificatePlan layer = plan_for(tmpl, c, PlanParts::fixed);
    for (const auto& item : page.items) CHECK(part_of(item) == Part::personal);
    for (const auto& item : layer.items) CHECK(part_of(item) == Part::fixed);
    CHECK(page.items.size() + layer.items.size() == plan.items.size());
    CHECK(lines_of(page, TextField::curriculum_title).empty());
    CHECK(lines_of(layer, TextField::full_name).empty());
    // Another person's page shares the same fixed part.
    CHECK(plan_for(tmpl, completion_for({"Kim Minjun", "", "en", "en"}, 9)).layer_key == plan.layer_key);
}

TEST_CASE("the frame lies where the template puts it and the QR box on its grid inside it", "[plan]") {
    const CertificateTemplate tmpl = shipped_template("programme-completion.toml");
    const CertificateContent c = completion_for({"Priya Sharma", "", "en", "en"});
    const CertificatePlan plan = plan_for(tmpl, c);
    CHECK(plan.width == Approx(mm_to_pt(297)));
    CHECK(plan.height == Approx(mm_to_pt(210)));
    std::vector<const PlannedPath*> frame;
    for (const PlannedPath* p : items_of<PlannedPath>(plan))
        if (p->what == PlannedPath::What::frame) frame.push_back(p);
    REQUIRE(frame.size() == 2);
    // Each frame line's points span the page less its inset on every side: 7 mm, then 10 mm with rounded corners.
    const double insets[] = {7, 10};
    for (std::size_t i = 0; i < 2; ++i) {
        double x0 = 1e9, y0 = 1e9, x1 = -1e9, y1 = -1e9;
        for (const PathStep& s : frame[i]->steps) {
            const int points = s.op == PathStep::Op::curve ? 3 : s.op == PathStep::Op::close ? 0 : 1;
            for (int k = 0; k < points; ++k) {
                x0 = std::min(x0, s.v[2 * k]), x1 = std::max(x1, s.v[2 * k]);
                y0 = std::min(y0, s.v[2 * k + 1]), y1 = std::max(y1, s.v[2 * k + 1]);
            }
            if (s.op == PathStep::Op::rectangle) x1 = s.v[0] + s.v[2], y1 = s.v[1] + s.v[3];
        }
        const double in = mm_to_pt(insets[i]);
        CHECK(x0 == Approx(in));
        CHECK(y0 == Approx(in));
        CHECK(x1 == Approx(plan.width - in));
        CHECK(y1 == Approx(plan.height - in));
    }
    CHECK(frame[1]->steps.front().op == PathStep::Op::move);  // corner_mm = 7: curves, not a rectangle

    const auto qrs = items_of<PlannedQr>(plan);
    REQUIRE(qrs.size() == 1);
    const PlannedQr& qr = *qrs.front();
    const QrBlock box = qr_box(tmpl.qr, encode_qr(c.qr_text));
    CHECK(qr.x == Approx(mm_to_pt(box.x_mm)));
    CHECK(qr.y + qr.side == Approx(plan.height - mm_to_pt(box.y_mm)));
    CHECK(qr.side == Approx(mm_to_pt(box.size_mm)));
    // Whole modules of the 1/100 inch grid, no smaller than two steps of it.
    const double module_mm = box.size_mm / (qr.matrix.size + 2 * kQrQuietModules);
    CHECK(module_mm >= kQrMinModuleMm - 1e-9);
    CHECK(std::abs(module_mm / kQrGridMm - std::round(module_mm / kQrGridMm)) < 1e-6);
    CHECK(qr.x >= kInnerFramePt);
    CHECK(qr.x + qr.side <= plan.width - kInnerFramePt);
    CHECK(qr.y >= kInnerFramePt);
    // Its note under it, right-aligned to its right edge, inside the frame.
    bool note = false;
    for (const PlannedLine* l : items_of<PlannedLine>(plan))
        if (l->block == -1 && c.verify_note.find(l->line.text) != std::string::npos) {
            note = true;
            CHECK(l->baseline < qr.y);
            CHECK(l->x + l->line.width(l->style.size_pt) == Approx(qr.x + qr.side));
            CHECK(ink_bottom(*l) >= kInnerFramePt);
        }
    CHECK(note);
}
