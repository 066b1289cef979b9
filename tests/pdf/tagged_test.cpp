// Tagged PDF (issue 19): every kind of PDF Mitra writes has a structure tree a screen reader walks, its language and
// a title shown as the window's; and the tree gives back each name the programme prints, in every script, as it is
// stored and with its language. The tree is read as poppler reads it (pdfinfo -struct-text) and as the file holds it
// (qpdf's JSON of its objects), walked in the same order.
#include <catch2/catch.hpp>

#include "certificate_support.hpp"
#include "core/names.hpp"
#include "pdf/forms.hpp"
#include "pdf/report.hpp"
#include "pdf/structure.hpp"
#include "support.hpp"

#include <nlohmann/json.hpp>

#include <fstream>
#include <map>
#include <set>

using namespace mitra;
using namespace mitra::pdf;
using namespace mitra::pdf::test;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

fs::path saved(const std::string& name, const std::string& bytes) {
    const fs::path dir = temp_dir() / "tagged";
    fs::create_directories(dir);
    std::ofstream(dir / name, std::ios::binary) << bytes;
    return dir / name;
}

// One structure element, in the order a reader walks the tree (depth first).
struct Element {
    std::string role;  // its /S
    std::string lang;  // its /Lang, else its nearest ancestor's, else the catalog's
    std::string alt;
    std::string actual;  // its /ActualText
    std::string text;    // the text of its own marked content, as poppler extracts it (pieces joined)
    std::string scope;   // a table header cell's /Scope
    std::string id;      // its object ("12 0 R")
    int depth = 0;
};

// The file's objects, as qpdf gives them: "12 0 R" -> value.
struct Objects {
    json all;
    explicit Objects(const fs::path& pdf) {
        const CmdResult r = run("qpdf --json=2 --json-key=qpdf " + quote(pdf.string()));
        REQUIRE(r.status == 0);
        all = json::parse(r.out)["qpdf"][1];
    }
    static bool is_ref(const json& v) {
        return v.is_string() && v.get<std::string>().size() > 2 && v.get<std::string>().ends_with(" R");
    }
    const json& get(const json& v) const {
        static const json none;
        if (!is_ref(v)) return v;
        const auto it = all.find("obj:" + v.get<std::string>());
        return it == all.end() || !it->contains("value") ? none : (*it)["value"];
    }
    const json& trailer() const { return all["trailer"]["value"]; }
    const json& catalog() const { return get(trailer()["/Root"]); }
};

// A text string as qpdf writes it ("u:..." once decoded).
std::string text_of(const json& v) {
    if (!v.is_string()) return "";
    const std::string s = v.get<std::string>();
    return s.rfind("u:", 0) == 0 ? s.substr(2) : s;
}

// The elements, in tree order, with their languages (from the file) and texts (from poppler).
std::vector<Element> structure_of(const fs::path& pdf) {
    const Objects objects(pdf);
    const json& catalog = objects.catalog();
    REQUIRE(catalog.contains("/StructTreeRoot"));
    std::vector<Element> out;
    std::function<void(const json&, const std::string&, int)> walk = [&](const json& kid, const std::string& lang,
                                                                         int depth) {
        if (kid.is_array()) {
            for (const json& k : kid) walk(k, lang, depth);
            return;
        }
        const json& e = objects.get(kid);
        if (!e.is_object() || !e.contains("/S")) return;  // an MCID or a marked-content reference
        Element el;
        el.role = e["/S"].get<std::string>().substr(1);
        el.lang = e.contains("/Lang") ? text_of(e["/Lang"]) : lang;
        el.alt = e.contains("/Alt") ? text_of(e["/Alt"]) : "";
        el.actual = e.contains("/ActualText") ? text_of(e["/ActualText"]) : "";
        if (e.contains("/A") && e["/A"].is_object() && e["/A"].contains("/Scope"))
            el.scope = e["/A"]["/Scope"].get<std::string>().substr(1);
        el.id = kid.is_string() ? kid.get<std::string>() : "";
        el.depth = depth;
        out.push_back(el);
        if (e.contains("/K")) walk(e["/K"], el.lang, depth + 1);
    };
    walk(objects.get(catalog["/StructTreeRoot"])["/K"], text_of(catalog["/Lang"]), 0);

    // pdfinfo -struct-text: an element a line (its type first), its content's text quoted on lines under it.
    const CmdResult r = run("pdfinfo -struct-text " + quote(pdf.string()));
    REQUIRE(r.status == 0);
    std::istringstream lines(r.out);
    std::string line;
    std::size_t at = 0;
    while (std::getline(lines, line)) {
        const std::size_t indent = line.find_first_not_of(' ');
        if (indent == std::string::npos || line[indent] == '/') continue;  // an attribute of the element above
        if (line[indent] == '"') {
            // A text holding a line break goes on over the lines after it, to its closing quote.
            std::string quoted = line.substr(indent + 1);
            for (std::string more; (quoted.empty() || quoted.back() != '"') && std::getline(lines, more);)
                quoted += "\n" + more;
            REQUIRE(at > 0);
            out[at - 1].text += quoted.substr(0, quoted.size() - 1);
            continue;
        }
        const std::string role = line.substr(indent, line.find_first_of(" :", indent) - indent);
        REQUIRE(at < out.size());
        INFO("element " << at << " of " << pdf.filename());
        CHECK(out[at].role == role);  // the two walks go in step
        CHECK(static_cast<std::size_t>(out[at].depth) == indent / 2);
        ++at;
    }
    CHECK(at == out.size());
    return out;
}

std::string primary(const std::string& lang) { return lang.substr(0, lang.find('-')); }

// How many operators of a content stream paint (fill or stroke a path, show text, paint a shading) outside any
// marked-content sequence; throws when BDC/BMC and EMC do not pair up.
std::size_t unmarked_painting(const std::string& content) {
    static const std::set<std::string> painting = {"f", "F",  "f*", "S",  "s", "B",  "B*",
                                                   "b", "b*", "Tj", "TJ", "'", "\"", "sh"};
    std::size_t unmarked = 0;
    int depth = 0;
    std::string token;
    auto done = [&] {
        if (token == "BDC" || token == "BMC") ++depth;
        else if (token == "EMC" && --depth < 0) throw std::runtime_error("EMC without its BDC");
        else if (depth == 0 && painting.count(token)) ++unmarked;
        token.clear();
    };
    for (std::size_t i = 0; i < content.size(); ++i) {
        const char ch = content[i];
        if (ch == '(') {  // a literal string, its parentheses balanced or escaped
            int open = 0;
            for (; i < content.size(); ++i) {
                if (content[i] == '\\') ++i;
                else if (content[i] == '(') ++open;
                else if (content[i] == ')' && --open == 0) break;
            }
            token.clear();
        } else if (ch == '<' || ch == '>' || ch == '[' || ch == ']' || ch == '/' ||
                   std::isspace(static_cast<unsigned char>(ch))) {
            done();
            if (ch == '/') token = "/";  // a name is one token
        } else {
            token += ch;
        }
    }
    done();
    if (depth != 0) throw std::runtime_error("a marked-content sequence left open");
    return unmarked;
}

// What a reader checks first: poppler calls it tagged, the catalog has the language, MarkInfo, the structure tree
// with its parent tree and the title shown as the window's title, and every MCID a page's elements name leads back
// to that element through the parent tree.
void check_tagged(const fs::path& pdf, const std::string& title, const std::string& lang) {
    INFO(pdf.filename());
    const std::string info = run("pdfinfo " + quote(pdf.string())).out;
    CHECK_THAT(info, Catch::Contains("Tagged:          yes"));
    CHECK_THAT(info, Catch::Contains("Title:           " + title));
    CHECK_THAT(info, Catch::Contains("Metadata Stream: yes"));

    const Objects objects(pdf);
    const json& catalog = objects.catalog();
    CHECK(text_of(catalog["/Lang"]) == lang);
    CHECK(catalog["/MarkInfo"]["/Marked"] == true);
    CHECK(catalog["/ViewerPreferences"]["/DisplayDocTitle"] == true);
    const json& root = objects.get(catalog["/StructTreeRoot"]);
    CHECK(root["/Type"] == "/StructTreeRoot");
    REQUIRE(root.contains("/ParentTree"));
    CHECK(text_of(objects.get(objects.trailer()["/Info"])["/Title"]) == title);

    // The parent tree: key -> the elements by MCID.
    std::map<long, json> parents;
    const json& nums = objects.get(root["/ParentTree"])["/Nums"];
    for (std::size_t i = 0; i + 1 < nums.size(); i += 2) parents[nums[i].get<long>()] = objects.get(nums[i + 1]);
    std::size_t checked = 0;
    for (const auto& [key, value] : objects.all.items()) {
        if (!value.contains("value") || !value["value"].is_object()) continue;
        const json& e = value["value"];
        if (e.value("/Type", "") != "/StructElem" || !e.contains("/K") || !e.contains("/Pg")) continue;
        const std::string self = key.substr(4);  // "obj:12 0 R"
        const json& page = objects.get(e["/Pg"]);
        const json kids = e["/K"].is_array() ? e["/K"] : json::array({e["/K"]});
        for (const json& k : kids) {
            if (k.is_number_integer()) {
                REQUIRE(page.contains("/StructParents"));
                const json& list = parents[page["/StructParents"].get<long>()];
                REQUIRE(k.get<std::size_t>() < list.size());
                CHECK(list[k.get<std::size_t>()] == self);
                ++checked;
            } else if (k.is_object() && k.contains("/Stm")) {
                // Content in a form: its entry names an element of the same kind (a print file's form, shared by
                // its pages, names the first page's).
                const json& form = objects.all["obj:" + k["/Stm"].get<std::string>()]["stream"]["dict"];
                REQUIRE(form.contains("/StructParents"));
                const json& list = parents[form["/StructParents"].get<long>()];
                REQUIRE(k["/MCID"].get<std::size_t>() < list.size());
                CHECK(objects.get(list[k["/MCID"].get<std::size_t>()])["/S"] == e["/S"]);
                ++checked;
            }
        }
    }
    CHECK(checked > 0);

    // Everything painted on a page or in a form with marks of its own is marked: tagged content or an artifact, none
    // left outside.
    std::size_t streams = 0;
    for (const auto& [key, value] : objects.all.items()) {
        std::string content;
        if (value.contains("value") && value["value"].is_object() && value["value"].value("/Type", "") == "/Page")
            content = value["value"]["/Contents"].get<std::string>();
        else if (value.contains("stream") && value["stream"]["dict"].value("/Subtype", "") == "/Form" &&
                 value["stream"]["dict"].contains("/StructParents"))
            content = key.substr(4);  // a form with marks of its own (a glyph's form is painted inside a page's)
        if (content.empty()) continue;
        const CmdResult data =
            run("qpdf --show-object=" + quote(content) + " --filtered-stream-data " + quote(pdf.string()));
        REQUIRE(data.status == 0);
        INFO("stream " << content);
        CHECK(unmarked_painting(data.out) == 0);
        ++streams;
    }
    CHECK(streams > 0);
}

const Element* find_text(const std::vector<Element>& tree, const std::string& text) {
    for (const Element& e : tree)
        if (e.text == text) return &e;
    return nullptr;
}

// The element showing `text`: poppler's text of its content is `text`; or, for right-to-left script, whose glyphs the
// content holds in visual order (poppler's structure text reads them so, backwards), its /ActualText is, which
// screen readers take instead of the content.
const Element* find_shown(const std::vector<Element>& tree, const std::string& text) {
    if (const Element* e = find_text(tree, text)) return e;
    if (has_rtl(text))
        for (const Element& e : tree)
            if (e.actual == text && !e.text.empty()) return &e;
    return nullptr;
}

// The certificate bench's names (bench/certificates.cpp): every script the programme meets, and its hard cases.
struct Name {
    const char* full_name;
    const char* latin_name;
    const char* language;
};
const Name kNames[] = {
    {"\u0DC1\u0DCA\u200D\u0DBB\u0DD2\u0DBA\u0DCF\u0DB1\u0DD2 \u0DB4\u0DD9\u0DBB\u0DDA\u0DBB\u0DCF", "Sriyani Perera",
     "si"},
    {"عائشہ خان", "Aisha Khan", "ur"},
    {"Nguyễn Thị Minh Khai", "", "vi"},
    {"Đặng Thùy Trâm", "", "vi"},
    {"José María Ñúñez-Łukasiewicz", "", "en"},
    {"髙橋 𠮷郎", "Takahashi Yoshiro", "ja"},
    {"山田 花子", "Yamada Hanako", "ja"},
    {"王小明", "Wang Xiaoming", "zh-Hans"},
    {"陳美麗", "Chan Mei-lai", "zh-Hant"},
    {"김민준", "Kim Min-jun", "ko"},
    {"สมชาย ใจดี", "Somchai Jaidee", "th"},
    {"प्रिया शर्मा", "Priya Sharma", "hi"},
    {"রবীন্দ্রনাথ ঠাকুর", "Rabindranath Thakur", "bn"},
    {"ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ", "Gurpreet Singh", "pa"},
    {"முத்துலட்சுமி ரெட்டி", "Muthulakshmi Reddy", "ta"},
    {"Maria 山田 Santos-عائشہ", "", "en"},
    // Beyond the bench: a mixed Latin and Arabic name in an Urdu cohort, whose titles and dates are in Urdu.
    {"Aisha عائشہ خان", "Aisha Khan", "ur"},
};

CertificateContent certificate_for(const Name& n, int number) {
    CertificateContent c = completion_for({n.full_name, n.latin_name, n.language, n.language}, number);
    c.full_name = normalize_name(c.full_name);  // as the store keeps it
    return c;
}

}  // namespace

TEST_CASE("certificates, reports, rosters, sign-in sheets and enrolment forms are tagged, titled and in a language",
          "[tagged]") {
    CertificateRenderer renderer(fonts());
    const CertificateTemplate tmpl = shipped_template("programme-completion.toml");
    const CertificateContent cert = completion_for({"प्रिया शर्मा", "Priya Sharma", "hi", "ja"}, 5);
    const fs::path single = saved("certificate.pdf", renderer.render(tmpl, cert));
    check_tagged(single, "Certificate " + cert.serial, "ja");
    const auto tree = structure_of(single);
    std::multiset<std::string> roles;
    for (const Element& e : tree) roles.insert(e.role);
    CHECK(roles.count("Document") == 1);
    CHECK(roles.count("H1") == 1);  // the template's title
    CHECK(roles.count("P") > 10);
    REQUIRE(roles.count("Figure") == 1);  // the QR code
    // Reading order: the title, the name's Latin letters, the programme, then the QR code with its note under it.
    auto at = [&](const std::string& text) {
        for (std::size_t i = 0; i < tree.size(); ++i)
            if (tree[i].text.rfind(text, 0) == 0) return i;
        FAIL("no element reads " << text);
        return tree.size();
    };
    CHECK(at("修了証") < at("Priya Sharma"));
    CHECK(at("Priya Sharma") < at("ピアサポートの基礎"));
    for (std::size_t i = 0; i < tree.size(); ++i)
        if (tree[i].role == "Figure") {
            CHECK_THAT(tree[i].alt, Catch::Contains("QR code"));
            REQUIRE(i + 1 < tree.size());
            CHECK_THAT(tree[i + 1].text, Catch::StartsWith("Verify offline"));
        }
    // Decorations are artifacts: the frame, rules and paper are marked so in the page's content.
    const fs::path plain = temp_dir() / "tagged" / "certificate-qdf.pdf";
    REQUIRE(run("qpdf --qdf --object-streams=disable " + quote(single.string()) + " " + quote(plain.string())).status ==
            0);
    std::ifstream in(plain, std::ios::binary);
    const std::string qdf((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK_THAT(qdf, Catch::Contains("/Artifact BMC"));

    // A template image and a signature image are figures with text alternatives (a PNG made by pdftoppm).
    const fs::path png = temp_dir() / "tagged" / "ngo-logo";
    REQUIRE(run("pdftoppm -png -r 5 -singlefile " + quote(single.string()) + " " + quote(png.string())).status == 0);
    CertificateTemplate with_images = tmpl;
    with_images.images.push_back({png.string() + ".png", 20, 20, 30, 0, nullptr});
    CertificateContent signed_cert = cert;
    signed_cert.trainers.front().signature_image = png.string() + ".png";
    std::set<std::string> alts;
    for (const Element& e : structure_of(saved("images.pdf", renderer.render(with_images, signed_cert))))
        if (e.role == "Figure") alts.insert(e.alt);
    CHECK(alts.count("Image: ngo logo"));
    CHECK(alts.count("Signature: सीता राई"));
    CHECK(alts.size() == 3);  // and the QR code

    // A batch's print file: the template's part is one form a language, its text still in each page's tree.
    std::vector<CertificateContent> batch = {certificate_for(kNames[6], 11), certificate_for(kNames[9], 12),
                                             certificate_for(kNames[4], 13)};
    for (auto& c : batch) c.language = "ja";
    const fs::path print = saved("print.pdf", *renderer.render_batch(tmpl, batch));
    check_tagged(print, "Certificates (3)", "ja");
    const auto pages = structure_of(print);
    std::size_t parts = 0, headings = 0;
    for (const Element& e : pages) {
        parts += e.role == "Part";
        headings += e.role == "H1" && e.text == "修了証";
    }
    CHECK(parts == 3);
    CHECK(headings == 3);

    ReportContent report;
    report.language = "ja";
    report.title = "プログラム報告";
    report.key_figures = {{"people enrolled", "22"}};
    report.charts.by_country = {{"enrolled", {{"日本", 7, false, "7"}, {"India", 0, true, "<5"}}}};
    ReportTable table;
    table.title = "By country";
    table.header = {"country", "enrolled"};
    table.rows = {{"日本", "7"}, {"India", "<5"}};
    report.tables = {table};
    const fs::path report_pdf = saved("report.pdf", render_report_pdf(fonts(), report));
    check_tagged(report_pdf, "プログラム報告", "ja");
    const auto report_tree = structure_of(report_pdf);
    std::set<std::string> report_roles;
    for (const Element& e : report_tree) report_roles.insert(e.role);
    for (const char* role : {"H1", "H2", "P", "Figure", "Table", "TR", "TH", "TD"}) CHECK(report_roles.count(role));
    bool chart_described = false;
    for (const Element& e : report_tree)
        chart_described =
            chart_described || (e.role == "Figure" && e.alt.find("日本 7, India <5") != std::string::npos);
    CHECK(chart_described);
    REQUIRE(find_text(report_tree, "<5"));
    CHECK(find_text(report_tree, "<5")->role == "TD");
    // An Urdu report: its right-to-left title and table cells read in logical order.
    report.language = "ur";
    report.title = "پروگرام رپورٹ";
    report.tables.front().rows.front().front() = "پاکستان";
    const auto urdu_tree = structure_of(saved("report-ur.pdf", render_report_pdf(fonts(), report)));
    REQUIRE(find_shown(urdu_tree, "پروگرام رپورٹ"));
    CHECK(find_shown(urdu_tree, "پروگرام رپورٹ")->role == "H1");
    REQUIRE(find_shown(urdu_tree, "پاکستان"));
    CHECK(find_shown(urdu_tree, "پاکستان")->role == "TD");

    Roster roster;
    roster.cohort_code = "KTM-2026-1";
    roster.curriculum_title = "ہم مرتبہ معاونت کی بنیادیں";  // an Urdu cohort: its words right to left, in ur
    roster.language = "ur";
    roster.people = {{"P-001", "प्रिया शर्मा", "Priya Sharma", "hi", "NP"}};
    const fs::path roster_pdf = saved("roster.pdf", render_roster(fonts(), roster));
    check_tagged(roster_pdf, "Cohort roster KTM-2026-1", "en");
    const auto roster_tree = structure_of(roster_pdf);
    REQUIRE(find_text(roster_tree, "P-001"));
    CHECK(find_text(roster_tree, "P-001")->role == "TD");
    REQUIRE(find_text(roster_tree, "Full name"));
    CHECK(find_text(roster_tree, "Full name")->role == "TH");
    CHECK(find_text(roster_tree, "Full name")->scope == "Column");
    REQUIRE(find_shown(roster_tree, roster.curriculum_title));
    CHECK(find_shown(roster_tree, roster.curriculum_title)->lang == "ur");

    SignInSheet sheet;
    sheet.session_id = 42;
    sheet.cohort_code = "KTM-2026-1";
    sheet.module_code = "M01";
    sheet.module_title = "Lived Experience and Mutuality";
    sheet.language = "en";
    sheet.people = roster.people;
    const fs::path sheet_pdf = saved("sheet.pdf", render_sign_in_sheet(fonts(), sheet));
    check_tagged(sheet_pdf, "Sign-in sheet, session 42", "en");
    const auto sheet_tree = structure_of(sheet_pdf);
    REQUIRE(find_text(sheet_tree, "Sign-in sheet"));
    CHECK(find_text(sheet_tree, "Sign-in sheet")->role == "H1");

    EnrolmentForm form;
    form.language = "ja";
    form.cohort_code = "TKY-2026-1";
    const fs::path form_pdf = saved("form.pdf", render_enrolment_form(fonts(), form));
    check_tagged(form_pdf, "Enrolment form TKY-2026-1", "ja");
    const auto form_tree = structure_of(form_pdf);
    REQUIRE(find_text(form_tree, "受講申込書"));
    CHECK(find_text(form_tree, "受講申込書")->role == "H1");
    REQUIRE(find_text(form_tree, "Enrolment form"));
    CHECK(find_text(form_tree, "Enrolment form")->lang == "en");
}

TEST_CASE("every name comes back from the structure tree as it is stored, with its language", "[tagged]") {
    CertificateRenderer renderer(fonts());
    const CertificateTemplate tmpl = shipped_template("programme-completion.toml");
    std::vector<CertificateContent> contents;
    int number = 100;
    for (const Name& n : kNames) contents.push_back(certificate_for(n, ++number));

    Roster roster;
    roster.cohort_code = "KTM-2026-1";
    roster.curriculum_title = "Peer Support Foundations";
    roster.language = "en";
    SignInSheet sheet;
    sheet.session_id = 7;
    sheet.cohort_code = roster.cohort_code;
    sheet.language = "en";
    for (const CertificateContent& c : contents) {
        const FormPerson p{"P-" + std::to_string(roster.people.size() + 1), c.full_name, c.latin_name, c.name_language,
                           "NP"};
        roster.people.push_back(p);
        sheet.people.push_back(p);
    }
    const auto roster_tree = structure_of(saved("names-roster.pdf", render_roster(fonts(), roster)));
    const auto sheet_tree = structure_of(saved("names-sheet.pdf", render_sign_in_sheet(fonts(), sheet)));

    // Each certificate alone (its page drawn whole), and in a batch (the template's part a form, the name drawn
    // on the page).
    std::vector<std::vector<Element>> alone, in_batch;
    for (const CertificateContent& c : contents)
        alone.push_back(structure_of(saved("name-" + c.serial + ".pdf", renderer.render(tmpl, c))));
    {
        CertificateRenderer::Batch memo(renderer);
        for (const CertificateContent& c : contents)
            in_batch.push_back(structure_of(saved("batch-" + c.serial + ".pdf", renderer.render(tmpl, c))));
        if (default_glyph_mode() == GlyphMode::subset_fonts)  // outlines cannot be shared: no form then
            CHECK(run("grep -c '/Subtype /Form' " +
                      quote((temp_dir() / "tagged" / ("batch-" + contents[0].serial + ".pdf")).string()))
                      .out == "1\n");
    }
    for (std::size_t i = 0; i < contents.size(); ++i) {
        const CertificateContent& c = contents[i];
        INFO(c.full_name << " (" << c.name_language << ")");
        const std::string name = normalize_name(c.full_name);
        for (const std::vector<Element>* tree :
             std::initializer_list<const std::vector<Element>*>{&alone[i], &in_batch[i], &roster_tree, &sheet_tree}) {
            const Element* found = find_shown(*tree, name);
            CHECK(found != nullptr);
            if (found) CHECK(primary(found->lang) == primary(c.name_language));
        }
    }

    // An Urdu cohort's certificate: its title in Urdu, an H1 in ur.
    const CertificateContent urdu = contents[1];
    REQUIRE(urdu.language == "ur");
    const auto tree = structure_of(saved("urdu.pdf", renderer.render(tmpl, urdu)));
    const Element* title = find_shown(tree, "تکمیل کی سند");
    REQUIRE(title);
    CHECK(title->role == "H1");
    CHECK(title->lang == "ur");
}

TEST_CASE("text in no given language is tagged with the language its script suggests", "[tagged]") {
    CHECK(script_language("सीता राई") == "hi");
    CHECK(script_language("Sita सीता") == "hi");  // the first letter not Latin decides
    CHECK(script_language("ਗੁਰਪ੍ਰੀਤ") == "pa");
    CHECK(script_language("ශ්‍රියානි") == "si");
    CHECK(script_language("عائشہ خان") == "ur");  // ہ is Urdu's
    CHECK(script_language("محمد علي") == "ar");
    CHECK(script_language("やまだ 花子") == "ja");
    CHECK(script_language("山田花子") == "zh");  // Han alone: Chinese unless kana says Japanese
    CHECK(script_language("𠮷") == "zh");
    CHECK(script_language("김민준") == "ko");
    CHECK(script_language("Nguyễn Thị Minh Khai") == "");
    CHECK(script_language("") == "");
}
