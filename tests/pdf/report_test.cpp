// The report PDF, its charts and the paper forms, read back with poppler: labels in several scripts, pages, sizes.
#include <catch2/catch.hpp>

#include "io/report_labels.hpp"
#include "pdf/forms.hpp"
#include "pdf/report.hpp"
#include "support.hpp"

#include <fstream>

using namespace mitra::pdf;
using mitra::pdf::test::quote;
using mitra::pdf::test::run;
using mitra::pdf::test::temp_dir;

namespace {

std::filesystem::path save(const std::string& name, const std::string& bytes) {
    const auto path = temp_dir() / name;
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
}

using mitra::ReportBar;
using mitra::ReportContent;
using mitra::ReportTable;

ReportBar bar(const std::string& label, double value) {
    const bool suppressed = value >= 1 && value <= 4;
    return {label, suppressed ? 0 : value, suppressed, suppressed ? "<5" : std::to_string(static_cast<int>(value))};
}

ReportTable table(const std::string& title, std::vector<std::string> header,
                  std::vector<std::vector<std::string>> rows) {
    ReportTable t;
    t.title = title;
    t.header = std::move(header);
    t.rows = std::move(rows);
    return t;
}

}  // namespace

TEST_CASE("the report PDF shows its charts' labels in any script, extractable", "[pdf][report]") {
    ReportContent r;
    r.language = "ja";
    r.subtitle_lines = {"Period 2026-01-01 to 2026-03-31", "ピアサポートの基礎 · Peer Support Foundations"};
    r.key_figures = {{"people enrolled", "22"}, {"people completed", "6"}, {"completion rate", "27%"}};
    r.charts.by_country = {{"enrolled", {bar("नेपाल", 12), bar("日本", 7), bar("India", 3)}},
                           {"completed", {bar("नेपाल", 6), bar("日本", 0), bar("India", 0)}}};
    r.charts.funnel = {"completed", {bar("M01 当事者としての経験と相互性", 17), bar("M02 जिया हुआ अनुभव", 2)}};
    r.charts.over_time = {"attendances", {bar("2026-01", 75), bar("2026-02", 70)}};
    r.tables = {table("By country", {"country", "enrolled"}, {{"नेपाल", "12"}, {"India", "<5"}})};
    const auto pdf = save("report.pdf", render_report_pdf(mitra::pdf::test::fonts(), r));

    const auto info = run("pdfinfo " + quote(pdf.string()));
    REQUIRE(info.status == 0);
    CHECK(info.out.find("Pages:           2") != std::string::npos);  // figures and charts, then funnel and table
    CHECK(info.out.find("(A4)") != std::string::npos);
    const auto text = run("pdftotext " + quote(pdf.string()) + " -").out;
    CHECK(text.find("ピアサポートの基礎") != std::string::npos);
    CHECK(text.find("नेपाल") != std::string::npos);
    CHECK(text.find("日本") != std::string::npos);
    CHECK(text.find("当事者としての経験と相互性") != std::string::npos);
    CHECK(text.find("जिया हुआ अनुभव") != std::string::npos);
    CHECK(text.find("<5") != std::string::npos);
    CHECK(text.find("Attendance over time") != std::string::npos);
}

TEST_CASE("long text wraps at spaces, and between characters where a script writes none", "[pdf][report]") {
    haru::Document doc;
    TextRenderer text(doc.get(), mitra::pdf::test::fonts());
    const TextStyle style{"sans", false, 10, ""};
    const auto english =
        wrap_text(text, "We keep only what the training needs and never ask about diagnosis.", 120, style);
    CHECK(english.size() > 2);
    for (const auto& line : english) CHECK(text.measure(line, style) <= 120.5);
    CHECK(english.front().rfind("We keep", 0) == 0);
    const auto japanese =
        wrap_text(text, "研修に必要なことだけを記録します。診断や健康状態についてお聞きすることはありません。", 100,
                  TextStyle{"sans", false, 10, "ja"});
    CHECK(japanese.size() > 2);
    for (const auto& line : japanese) {
        CHECK(text.measure(line, TextStyle{"sans", false, 10, "ja"}) <= 100.5);
        CHECK(line.rfind("。", 0) != 0);  // a full stop never starts a line
    }
}

TEST_CASE("a sign-in sheet has every name, each ref and the session, in rows that print well", "[pdf][forms]") {
    SignInSheet s;
    s.session_id = 42;
    s.cohort_code = "KTM-2026-1";
    s.curriculum_title = "Peer Support Foundations";
    s.module_code = "M01";
    s.module_title = "जिया हुआ अनुभव और पारस्परिकता";
    s.module_title_en = "Lived Experience and Mutuality";
    s.site = "Patan";
    s.date = "5 January 2026";
    s.iso_date = "2026-01-05";
    s.start_time = "10:00";
    s.end_time = "13:00";
    s.time_zone = "Asia/Kathmandu";
    s.trainer = "सीता राई";
    s.language = "hi";
    const std::vector<std::string> names = {"山田 花子",  "김민준",    "สมชาย ใจดี",
                                            "प्रिया शर्मा", "عائشہ خان", "Nguyễn Thị Minh Khai"};
    for (int page = 0; page < 5; ++page)  // enough people for a second page
        for (std::size_t i = 0; i < names.size(); ++i)
            s.people.push_back({"P-" + std::to_string(page) + std::to_string(i), names[i], "", "", "NP"});
    const auto pdf = save("sheet.pdf", render_sign_in_sheet(mitra::pdf::test::fonts(), s));
    const auto info = run("pdfinfo " + quote(pdf.string())).out;
    CHECK(info.find("Pages:           2") != std::string::npos);
    const auto text = run("pdftotext " + quote(pdf.string()) + " -").out;
    CHECK(text.find("Session 42") != std::string::npos);
    for (const auto& name : names) CHECK(text.find(name) != std::string::npos);
    for (const auto& p : s.people) CHECK(text.find(p.ref) != std::string::npos);
    CHECK(text.find("session,ref,status,minutes") != std::string::npos);
    CHECK(kFormRowMm >= 9);
    CHECK(kFormNameSizePt >= 10);
}

TEST_CASE("the enrolment form speaks the cohort's language and asks nothing about health", "[pdf][forms]") {
    EnrolmentForm f;
    f.language = "ja";
    f.cohort_code = "TKY-2026-1";
    f.curriculum_title = "ピアサポートの基礎";
    f.site = "東京";
    const auto ja = run("pdftotext " +
                        quote(save("form-ja.pdf", render_enrolment_form(mitra::pdf::test::fonts(), f)).string()) + " -")
                        .out;
    CHECK(ja.find("受講申込書") != std::string::npos);
    CHECK(ja.find("署名") != std::string::npos);
    CHECK(ja.find("Signature") != std::string::npos);  // English beside each label
    f.language = "ko";                                 // no translation yet: English
    const auto en = run("pdftotext " +
                        quote(save("form-ko.pdf", render_enrolment_form(mitra::pdf::test::fonts(), f)).string()) + " -")
                        .out;
    CHECK(en.find("Enrolment form") != std::string::npos);
    CHECK(en.find("diagnosis") != std::string::npos);
    CHECK(en.find("Diagnosis:") == std::string::npos);
}

TEST_CASE("the report PDF speaks its language: every label in its script and font, no English left",
          "[pdf][report][language]") {
    struct Case {
        const char* language;
        const char* font;  // in pdffonts' list: the Noto face the font stack picks for the script
    };
    for (const Case c : {Case{"ja", "CJK"}, Case{"th", "Thai"}, Case{"hi", "Devanagari"}, Case{"ur", "Nastaliq"}}) {
        INFO(c.language);
        const std::string lang = c.language;
        auto L = [&](const char* english) { return mitra::io::report_label(english, lang); };
        ReportContent r;
        r.language = lang;
        r.title = L("Programme report");
        r.subtitle_lines = {
            mitra::io::report_label("{label}: {value}", lang, {{"label", L("period")}, {"value", "2026-01"}})};
        r.key_figures = {
            {L("people enrolled"), "22"}, {L("people completed"), "<5"}, {L("completion rate"), L("suppressed")}};
        const std::string japan = mitra::io::country_name("JP", lang), nepal = mitra::io::country_name("NP", lang);
        r.charts.by_country = {{L("enrolled"), {bar(nepal, 12), bar(japan, 7)}},
                               {L("completed"), {bar(nepal, 6), bar(japan, 3)}}};
        r.charts.funnel = {L("people who completed each module"), {bar("M01", 17), bar("M02", 9)}};
        r.charts.over_time = {L("attendances per month"), {bar("2026-01", 75), bar("2026-02", 70)}};
        r.tables = {table(L("By country"), {L("country"), L("enrolled"), L("completed")},
                          {{nepal, "12", "6"}, {japan, "7", "<5"}}),
                    table(L("Attendance over time"), {L("month"), L("attendances")}, {})};
        r.charts.by_country_title = L("People enrolled and completed, by country");
        r.charts.over_time_title = L("Attendance over time: attendances per month");
        r.charts.funnel_title = L("Completion funnel: people who completed each module");
        r.nothing_in_period = L("nothing in this period");
        r.page = L("page {n}");
        r.footer = L("Aggregate figures only");
        const auto pdf =
            save(std::string("report-") + c.language + ".pdf", render_report_pdf(mitra::pdf::test::fonts(), r));

        const auto text = mitra::pdf::test::squeeze(mitra::pdf::test::pdftotext(pdf));
        CHECK(text.find("Completion funnel") == std::string::npos);
        CHECK(text.find("by country") == std::string::npos);
        CHECK(text.find("page") == std::string::npos);
        if (lang != "ur") {  // poppler gives Nastaliq's text back in its own order; its font is checked below
            for (const auto& label : {r.title, r.charts.funnel_title, r.charts.by_country_title, nepal, japan,
                                      r.nothing_in_period, r.tables[0].header[1], L("Aggregate figures only")})
                CHECK_THAT(text, Catch::Contains(mitra::pdf::test::squeeze(label)));
        }
        CHECK(japan != "JP");
        const auto fonts = run("pdffonts " + quote(pdf.string())).out;
        CHECK(fonts.find(c.font) != std::string::npos);
    }
}
