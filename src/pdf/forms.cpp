// Sign-in sheets, rosters and enrolment forms: ruled tables and labelled boxes, names in every script.
#include "pdf/forms.hpp"

#include "pdf/report.hpp"
#include "pdf/structure.hpp"
#include "pdf/text_renderer.hpp"

#include <algorithm>
#include <map>

namespace mitra::pdf {
namespace {

constexpr double kMargin = 34;  // 12 mm

TextStyle sans(double size, const std::string& lang = "", bool bold = false) {
    return TextStyle{"sans", bold, size, lang};
}

void grey(HPDF_Page page, double g) { HPDF_Page_SetRGBFill(page, g, g, g); }

// Boxes and rules are decoration (/Artifact): what they hold or divide is tagged text.
void box(HPDF_Page page, double x, double y, double w, double h, double line = 0.6, double g = 0.2) {
    begin_artifact(page);
    HPDF_Page_SetRGBStroke(page, g, g, g);
    HPDF_Page_SetLineWidth(page, line);
    HPDF_Page_Rectangle(page, x, y, w, h);
    HPDF_Page_Stroke(page);
    end_marked(page);
}

void hline(HPDF_Page page, double x0, double x1, double y, double line = 0.5, double g = 0.35) {
    begin_artifact(page);
    HPDF_Page_SetRGBStroke(page, g, g, g);
    HPDF_Page_SetLineWidth(page, line);
    HPDF_Page_MoveTo(page, x0, y);
    HPDF_Page_LineTo(page, x1, y);
    HPDF_Page_Stroke(page);
    end_marked(page);
}

void vline(HPDF_Page page, double x, double y0, double y1, double line = 0.5, double g = 0.35) {
    begin_artifact(page);
    HPDF_Page_SetRGBStroke(page, g, g, g);
    HPDF_Page_SetLineWidth(page, line);
    HPDF_Page_MoveTo(page, x, y0);
    HPDF_Page_LineTo(page, x, y1);
    HPDF_Page_Stroke(page);
    end_marked(page);
}

// A name's language: the person's, or the one its script suggests.
std::string name_language(const std::string& language, const std::string& name) {
    return language.empty() ? script_language(name) : language;
}

// A form's tags: text drawn as a new element (of the document, or of `parent`), or as an artifact where it is
// repeated (a later page's header and footer).
struct Tags {
    Structure& s;
    template <class Draw>
    Structure::Element text(HPDF_Page page, bool repeat, Role role, const std::string& lang, Draw draw,
                            Structure::Element parent = nullptr) {
        if (repeat) {
            Structure::artifact(page, draw);
            return nullptr;
        }
        const Structure::Element e = s.add(parent ? parent : s.document(), role, lang);
        s.mark(page, e, draw);
        return e;
    }
    // `words` in a line of the cohort's language, drawn by `draw(words)` and tagged as text() does; right-to-left
    // words with their logical order as /ActualText.
    template <class Draw>
    Structure::Element line(HPDF_Page page, bool repeat, Role role, const std::string& lang, const std::string& words,
                            Draw draw) {
        auto paint = [&] { draw(words); };
        if (repeat) {
            Structure::artifact(page, paint);
            return nullptr;
        }
        const Structure::Element e = s.add(s.document(), role, lang, {}, has_rtl(words) ? words : std::string());
        s.mark(page, e, paint);
        return e;
    }
    // A table cell of `row`, with `draw`'s text, or empty.
    template <class Draw>
    void cell(HPDF_Page page, Structure::Element row, const std::string& lang, Draw draw) {
        s.mark(page, s.add(row, Role::cell, lang), draw);
    }
    // A person's name, its element's /ActualText the name in logical order when it holds right-to-left script.
    template <class Draw>
    void name(HPDF_Page page, Structure::Element parent, Role role, const FormPerson& p, Draw draw) {
        const std::string actual = has_rtl(p.full_name) ? p.full_name : "";
        s.mark(page, s.add(parent, role, name_language(p.language, p.full_name), {}, actual), draw);
    }
    void empty_cell(Structure::Element row) { s.add(row, Role::cell); }
};

struct Column {
    std::string title;
    double width_mm;
};

// A ruled table of people, page after page, with a header block drawn by `header` on each page. The table is one
// element: its column titles a row of header cells (artifacts where repeated on a later page), each person a row
// (`row` gets its TR element).
template <class Header, class Row, class Footer>
void people_pages(haru::Document& doc, TextRenderer& text, Tags& tags, std::size_t rows,
                  const std::vector<Column>& columns, Header header, Row row, Footer footer) {
    const double row_h = mm(kFormRowMm), head_h = mm(7);
    std::size_t done = 0;
    int page_number = 0;
    Structure::Element table = nullptr;
    const double bottom = kMargin + mm(22);
    do {
        HPDF_Page page = add_a4_page(doc);
        ++page_number;
        double y = header(page, page_number);
        // Column titles.
        double x = kMargin;
        Structure::artifact(page, [&] {
            HPDF_Page_SetRGBFill(page, 0.9, 0.9, 0.9);
            HPDF_Page_Rectangle(page, kMargin, y - head_h, kA4Width - 2 * kMargin, head_h);
            HPDF_Page_Fill(page);
        });
        grey(page, 0.1);
        const bool repeat = page_number > 1;
        if (!repeat) table = tags.s.add(tags.s.document(), Role::table);
        const Structure::Element titles = repeat ? nullptr : tags.s.add(table, Role::row);
        for (const auto& c : columns) {
            tags.text(
                page, repeat, Role::header_cell, "",
                [&] {
                    text.draw_fitted(page, c.title, x + 3, y - head_h + 6, mm(c.width_mm) - 6, sans(8, "", true),
                                     Align::left, 5);
                },
                titles);
            x += mm(c.width_mm);
        }
        const double table_top = y;
        y -= head_h;
        while (done < rows && y - row_h >= bottom) {
            row(page, done, y - row_h, row_h, tags.s.add(table, Role::row));
            text.set_in_row(false);  // a row may have given PDFium its text whole
            y -= row_h;
            hline(page, kMargin, kA4Width - kMargin, y);
            ++done;
        }
        x = kMargin;
        for (std::size_t i = 0; i <= columns.size(); ++i) {
            vline(page, x, y, table_top);
            if (i < columns.size()) x += mm(columns[i].width_mm);
        }
        box(page, kMargin, y, kA4Width - 2 * kMargin, table_top - y, 0.8);
        footer(page, page_number);
        doc.check("cannot draw a form page");
    } while (done < rows);
}

}  // namespace

std::string render_sign_in_sheet(FontStack& fonts, const SignInSheet& s) {
    haru::Document doc;
    doc.set_info("Sign-in sheet, session " + std::to_string(s.session_id));
    TextRenderer text(doc.get(), fonts);
    Structure structure(doc.get(), "en");  // its labels are English; the cohort's words say their language
    Tags tags{structure};
    const std::string lang = s.language;
    const std::vector<Column> columns = {{"#", 8}, {"Ref", 26}, {"Name", 62}, {"Signature", 42}, {"P", 8},
                                         {"L", 8}, {"E", 8},    {"A", 8},     {"Minutes", 16}};
    const std::size_t rows = s.people.size() + static_cast<std::size_t>(std::max(0, s.blank_rows));
    const std::string id = std::to_string(s.session_id);

    auto header = [&](HPDF_Page page, int page_number) {
        const bool repeat = page_number > 1;
        double y = kA4Height - kMargin - 14;
        grey(page, 0.1);
        tags.text(page, repeat, Role::heading, "",
                  [&] { text.draw(page, "Sign-in sheet", kMargin, y, sans(16, "", true)); });
        // The session number, big and boxed: the first column of every typed-in row.
        const double id_w = std::max(mm(42), text.measure("Session " + id, sans(16, "", true)) + 16);
        box(page, kA4Width - kMargin - id_w, y - 8, id_w, 28, 1.2, 0.1);
        tags.text(page, repeat, Role::paragraph, "", [&] {
            text.draw(page, "Session " + id, kA4Width - kMargin - id_w / 2, y, sans(16, "", true), Align::centre);
        });
        y -= 22;
        const double width = kA4Width - 2 * kMargin - id_w - 8;
        tags.line(page, repeat, Role::paragraph, lang, s.curriculum_title + "  ·  " + s.cohort_code,
                  [&](const std::string& w) { text.draw_fitted(page, w, kMargin, y, width, sans(11, lang)); });
        y -= 16;
        std::string module = s.module_code + "  " + s.module_title;
        tags.line(page, repeat, Role::heading2, lang, module, [&](const std::string& w) {
            text.draw_fitted(page, w, kMargin, y, kA4Width - 2 * kMargin, sans(12, lang, true));
        });
        if (!s.module_title_en.empty() && s.module_title_en != s.module_title) {
            y -= 12;
            grey(page, 0.35);
            tags.text(page, repeat, Role::paragraph, "en",
                      [&] { text.draw_fitted(page, s.module_title_en, kMargin, y, kA4Width - 2 * kMargin, sans(9)); });
            grey(page, 0.1);
        }
        y -= 15;
        tags.line(page, repeat, Role::paragraph, lang,
                  s.date + "  (" + s.iso_date + ")  " + s.start_time + "–" + s.end_time + "  at the site (" +
                      s.time_zone + ")",
                  [&](const std::string& w) {
                      text.draw_fitted(page, w, kMargin, y, kA4Width - 2 * kMargin, sans(10, lang));
                  });
        y -= 14;
        tags.line(page, repeat, Role::paragraph, lang,
                  "Site: " + s.site + "     Trainer: " + (s.trainer.empty() ? "________________" : s.trainer),
                  [&](const std::string& w) {
                      text.draw_fitted(page, w, kMargin, y, kA4Width - 2 * kMargin, sans(10, lang));
                  });
        y -= 8;
        if (page_number > 1) {
            grey(page, 0.35);
            Structure::artifact(
                page, [&] { text.draw(page, "(continued)", kA4Width - kMargin, y + 22, sans(8), Align::right); });
            grey(page, 0.1);
        }
        return y;
    };

    // A row's cells: #, ref, the name (the full name and the Latin name each a span in its own language), then the
    // signature, P, L, E, A and minutes, empty to write in.
    auto row = [&](HPDF_Page page, std::size_t i, double y, double h, Structure::Element tr) {
        const double base = y + h / 2 - 3.5;
        double x = kMargin;
        grey(page, 0.35);
        // Chrome reads a row with right-to-left letters as one line, its cells in order (TextRenderer::set_in_row()).
        std::vector<std::string> reading{std::to_string(i + 1)};
        if (i < s.people.size()) {
            const FormPerson& p = s.people[i];
            reading.insert(reading.end(), {p.ref, p.full_name});
            if (!p.latin_name.empty() && p.latin_name != p.full_name) reading.push_back(p.latin_name);
        }
        const bool whole = TextRenderer::gives_row(reading);
        tags.cell(page, tr, "", [&] {
            if (whole) text.row_text(page, reading, kMargin, base, kA4Width - 2 * kMargin, 10);
            text.set_in_row(whole);
            text.draw(page, std::to_string(i + 1), x + mm(8) - 3, base, sans(8), Align::right);
        });
        x += mm(8);
        if (i < s.people.size()) {
            const FormPerson& p = s.people[i];
            grey(page, 0.1);
            tags.cell(page, tr, "", [&] {
                text.draw_fitted(page, p.ref, x + 3, base, mm(26) - 6, sans(10, "", true), Align::left, 7);
            });
            x += mm(26);
            const Structure::Element name = structure.add(tr, Role::cell);
            if (p.latin_name.empty() || p.latin_name == p.full_name) {
                tags.name(page, name, Role::span, p, [&] {
                    text.draw_fitted(page, p.full_name, x + 3, base, mm(62) - 6, sans(kFormNameSizePt, p.language),
                                     Align::left, 10);
                });
            } else {
                tags.name(page, name, Role::span, p, [&] {
                    text.draw_fitted(page, p.full_name, x + 3, y + h - 12.5, mm(62) - 6,
                                     sans(kFormNameSizePt, p.language), Align::left, 10);
                });
                grey(page, 0.4);
                tags.text(
                    page, false, Role::span, "en",
                    [&] { text.draw_fitted(page, p.latin_name, x + 3, y + 4, mm(62) - 6, sans(7), Align::left, 6); },
                    name);
            }
        } else {
            grey(page, 0.55);
            tags.empty_cell(tr);
            tags.cell(page, tr, "",
                      [&] { text.draw(page, "make-up: ref and name", x + mm(26) + 3, y + 4, sans(6.5)); });
        }
        for (int k = 0; k < 6; ++k) tags.empty_cell(tr);
        // Status boxes: one square to tick in each of P, L, E, A.
        x = kMargin + mm(8 + 26 + 62 + 42);
        for (int k = 0; k < 4; ++k, x += mm(8)) box(page, x + mm(1.5), y + (h - mm(5)) / 2, mm(5), mm(5), 0.7, 0.25);
    };

    auto footer = [&](HPDF_Page page, int page_number) {
        const bool repeat = page_number > 1;
        double y = kMargin + mm(22) - 12;
        grey(page, 0.15);
        tags.text(page, repeat, Role::paragraph, "", [&] {
            text.draw(
                page,
                "P present   L late or left early: write the minutes attended   E excused   A absent   (tick one box)",
                kMargin, y, sans(8.5, "", true));
        });
        y -= 11;
        grey(page, 0.3);
        // The three lines on typing it in: one paragraph.
        const Structure::Element typing = tags.text(page, repeat, Role::paragraph, "", [&] {
            text.draw(page,
                      "To type it in: a CSV file with the header  session,ref,status,minutes  and one line per person,",
                      kMargin, y, sans(8));
        });
        y -= 10;
        const std::string first = s.people.empty() ? std::string("P-001") : s.people[0].ref;
        const std::string second = s.people.size() < 2 ? first : s.people[1].ref;
        auto example = [&] {
            text.draw_fitted(page,
                             "such as   " + id + "," + first + ",P,     " + id + "," + second +
                                 ",L,95     then:  mitra-cli "
                                 "attendance import " +
                                 s.cohort_code + " FILE",
                             kMargin, y, kA4Width - 2 * kMargin, sans(8), Align::left, 6);
        };
        if (repeat) Structure::artifact(page, example);
        else structure.mark(page, typing, example);
        y -= 11;
        tags.text(page, repeat, Role::paragraph, "", [&] {
            text.draw_fitted(
                page,
                "This sheet holds personal data: keep it safe, and destroy it once it has been typed in and checked.",
                kMargin, y, kA4Width - 2 * kMargin - 60, sans(7.5), Align::left, 5);
        });
        Structure::artifact(page, [&] {
            text.draw(page, "session " + id + " · page " + std::to_string(page_number), kA4Width - kMargin, y,
                      sans(7.5), Align::right);
        });
    };

    people_pages(doc, text, tags, rows, columns, header, row, footer);
    structure.finish("Sign-in sheet, session " + id);
    return doc.bytes("the sign-in sheet");
}

std::string render_roster(FontStack& fonts, const Roster& r) {
    haru::Document doc;
    doc.set_info("Cohort roster " + r.cohort_code);
    TextRenderer text(doc.get(), fonts);
    Structure structure(doc.get(), "en");  // its labels are English; the cohort's words say their language
    Tags tags{structure};
    const std::vector<Column> columns = {{"#", 9},           {"Ref", 28},      {"Full name", 70},
                                         {"Latin name", 45}, {"Language", 18}, {"Country", 16}};
    auto header = [&](HPDF_Page page, int page_number) {
        const bool repeat = page_number > 1;
        double y = kA4Height - kMargin - 14;
        grey(page, 0.1);
        tags.text(page, repeat, Role::heading, "",
                  [&] { text.draw(page, "Cohort roster  ·  " + r.cohort_code, kMargin, y, sans(16, "", true)); });
        if (repeat)
            Structure::artifact(page,
                                [&] { text.draw(page, "(continued)", kA4Width - kMargin, y, sans(8), Align::right); });
        y -= 18;
        tags.line(page, repeat, Role::paragraph, r.language, r.curriculum_title, [&](const std::string& w) {
            text.draw_fitted(page, w, kMargin, y, kA4Width - 2 * kMargin, sans(12, r.language));
        });
        y -= 15;
        tags.line(page, repeat, Role::paragraph, r.language,
                  r.site + " (" + r.country + ", " + r.time_zone + ")  ·  " + r.dates, [&](const std::string& w) {
                      text.draw_fitted(page, w, kMargin, y, kA4Width - 2 * kMargin, sans(10, r.language));
                  });
        y -= 14;
        std::string trainers;
        for (const auto& t : r.trainers) trainers += (trainers.empty() ? "" : " · ") + t;
        tags.line(page, repeat, Role::paragraph, r.language,
                  "Trainers: " + (trainers.empty() ? std::string("-") : trainers) +
                      "     People: " + std::to_string(r.people.size()),
                  [&](const std::string& w) {
                      text.draw_fitted(page, w, kMargin, y, kA4Width - 2 * kMargin, sans(10, r.language));
                  });
        return y - 8;
    };
    auto row = [&](HPDF_Page page, std::size_t i, double y, double h, Structure::Element tr) {
        const FormPerson& p = r.people[i];
        const double base = y + h / 2 - 3.5;
        double x = kMargin;
        grey(page, 0.35);
        // Chrome reads a row with right-to-left letters as one line, its cells in order (TextRenderer::set_in_row()).
        const std::vector<std::string> reading{std::to_string(i + 1), p.ref,      p.full_name,
                                               p.latin_name,          p.language, p.country};
        const bool whole = TextRenderer::gives_row(reading);
        tags.cell(page, tr, "", [&] {
            if (whole) text.row_text(page, reading, kMargin, base, kA4Width - 2 * kMargin, 10);
            text.set_in_row(whole);
            text.draw(page, std::to_string(i + 1), x + mm(9) - 3, base, sans(8), Align::right);
        });
        x += mm(9);
        grey(page, 0.1);
        tags.cell(page, tr, "",
                  [&] { text.draw_fitted(page, p.ref, x + 3, base, mm(28) - 6, sans(10, "", true), Align::left, 7); });
        x += mm(28);
        tags.name(page, tr, Role::cell, p, [&] {
            text.draw_fitted(page, p.full_name, x + 3, base, mm(70) - 6, sans(kFormNameSizePt, p.language), Align::left,
                             10);
        });
        x += mm(70);
        tags.cell(page, tr, "",
                  [&] { text.draw_fitted(page, p.latin_name, x + 3, base, mm(45) - 6, sans(10), Align::left, 7); });
        x += mm(45);
        tags.cell(page, tr, "", [&] { text.draw(page, p.language, x + 3, base, sans(10)); });
        x += mm(18);
        tags.cell(page, tr, "", [&] { text.draw(page, p.country, x + 3, base, sans(10)); });
    };
    auto footer = [&](HPDF_Page page, int page_number) {
        grey(page, 0.3);
        const double y = kMargin + mm(22) - 14;
        tags.text(page, page_number > 1, Role::paragraph, "", [&] {
            text.draw(page, "This roster holds personal data: keep it safe and do not leave it at the site.", kMargin,
                      y, sans(8));
        });
        Structure::artifact(page, [&] {
            text.draw(page, r.cohort_code + " · page " + std::to_string(page_number), kA4Width - kMargin, y, sans(8),
                      Align::right);
        });
    };
    people_pages(doc, text, tags, r.people.size(), columns, header, row, footer);
    structure.finish("Cohort roster " + r.cohort_code);
    return doc.bytes("the roster");
}

// ---- the enrolment form ------------------------------------------------------------------------------

namespace {

struct FormTexts {
    std::string title, full_name, latin_name, country, language, email, phone, why_title, why, consent, date, signature;
};

const std::map<std::string, FormTexts>& form_texts() {
    static const std::map<std::string, FormTexts> texts = {
        {"en",
         {"Enrolment form", "Full name, as you write it in your own script", "Name in Latin letters (optional)",
          "Country", "Language you prefer", "Email (optional)", "Phone (optional)", "What we collect and why",
          "We keep only what the training needs: your name, country and language, and an email or phone number if you "
          "choose to give one. We use them to record your attendance and to issue your certificate. We never ask about "
          "diagnosis or health. Reports to funders hold numbers only, never names. You can ask to see or correct your "
          "details at any time.",
          "I agree that Mitra keeps these details for the training.", "Date", "Signature"}},
        {"ja",
         {"受講申込書", "氏名（ご自身がふだん書く文字で）", "ローマ字表記の氏名（任意）", "国", "希望する言語",
          "メールアドレス（任意）", "電話番号（任意）", "収集する情報とその理由",
          "研修に必要なことだけを記録します。氏名、国、言語、そして希望される場合のみメールアドレスまたは電話番号です。"
          "出席の記録と修了証の発行に使います。診断や健康状態についてお聞きすることはありません。"
          "助成団体への報告には数字だけを載せ、名前は載せません。ご自身の情報はいつでも確認・訂正を求めることができます"
          "。",
          "研修のために、Mitraがこれらの情報を保管することに同意します。", "日付", "署名"}},
        {"hi",
         {"नामांकन फ़ॉर्म", "पूरा नाम (जैसे आप अपनी लिपि में लिखते हैं)", "नाम लैटिन (रोमन) अक्षरों में (वैकल्पिक)", "देश",
          "आपकी पसंदीदा भाषा", "ईमेल (वैकल्पिक)", "फ़ोन (वैकल्पिक)", "हम क्या जानकारी लेते हैं और क्यों",
          "हम केवल वही जानकारी रखते हैं जो प्रशिक्षण के लिए ज़रूरी है: आपका नाम, देश और भाषा, और अगर आप देना चाहें तो "
          "ईमेल या फ़ोन नंबर। इनका उपयोग आपकी उपस्थिति दर्ज करने और आपका प्रमाणपत्र जारी करने के लिए होता है। हम कभी "
          "भी निदान या स्वास्थ्य के बारे में नहीं पूछते। दानदाताओं को भेजी जाने वाली रिपोर्ट में केवल संख्याएँ होती हैं, "
          "नाम कभी नहीं। आप कभी भी अपनी जानकारी देखने या सुधारने के लिए कह सकते हैं।",
          "मैं सहमत हूँ कि प्रशिक्षण के लिए Mitra यह जानकारी रखे।", "तारीख़", "हस्ताक्षर"}},
        {"ne",
         {"भर्ना फाराम", "पूरा नाम (तपाईं आफ्नै लिपिमा जसरी लेख्नुहुन्छ)", "नाम रोमन अक्षरमा (ऐच्छिक)", "देश", "तपाईंले रोजेको भाषा",
          "इमेल (ऐच्छिक)", "फोन (ऐच्छिक)", "हामी के जानकारी लिन्छौं र किन",
          "हामी तालिमका लागि चाहिने जानकारी मात्र राख्छौं: तपाईंको नाम, देश र भाषा, र तपाईं दिन चाहनुहुन्छ भने इमेल वा "
          "फोन नम्बर। यिनलाई तपाईंको उपस्थिति अभिलेख राख्न र प्रमाणपत्र दिन प्रयोग गरिन्छ। हामी कहिल्यै निदान वा "
          "स्वास्थ्यबारे सोध्दैनौं। दातालाई पठाइने प्रतिवेदनमा सङ्ख्या मात्र हुन्छ, नाम कहिल्यै हुँदैन। तपाईं जुनसुकै "
          "बेला आफ्नो जानकारी हेर्न वा सच्याउन अनुरोध गर्न सक्नुहुन्छ।",
          "तालिमका लागि Mitra ले यो जानकारी राख्न म सहमत छु।", "मिति", "हस्ताक्षर"}},
        {"id",
         {"Formulir Pendaftaran", "Nama lengkap, seperti Anda menuliskannya dalam aksara Anda sendiri",
          "Nama dalam huruf Latin (tidak wajib)", "Negara", "Bahasa yang Anda pilih", "Email (tidak wajib)",
          "Telepon (tidak wajib)", "Apa yang kami kumpulkan dan mengapa",
          "Kami hanya menyimpan yang diperlukan untuk pelatihan: nama, negara, dan bahasa Anda, serta email atau nomor "
          "telepon jika Anda memilih untuk memberikannya. Data ini dipakai untuk mencatat kehadiran dan menerbitkan "
          "sertifikat Anda. Kami tidak pernah menanyakan diagnosis atau kesehatan. Laporan kepada penyandang dana "
          "hanya "
          "berisi angka, tidak pernah nama. Anda dapat meminta untuk melihat atau memperbaiki data Anda kapan saja.",
          "Saya setuju Mitra menyimpan data ini untuk keperluan pelatihan.", "Tanggal", "Tanda tangan"}},
    };
    return texts;
}

std::string primary(const std::string& language) { return language.substr(0, language.find('-')); }

}  // namespace

std::vector<std::string> enrolment_form_languages() {
    std::vector<std::string> out;
    for (const auto& [lang, t] : form_texts()) out.push_back(lang);
    return out;
}

std::string render_enrolment_form(FontStack& fonts, const EnrolmentForm& f) {
    const auto& all = form_texts();
    const auto found = all.find(primary(f.language));
    const FormTexts& en = all.at("en");
    const FormTexts& t = found == all.end() ? en : found->second;
    const std::string lang = found == all.end() ? "en" : found->first;
    const bool bilingual = lang != "en";

    haru::Document doc;
    doc.set_info("Enrolment form " + f.cohort_code);
    TextRenderer text(doc.get(), fonts);
    Structure structure(doc.get(), lang);
    Tags tags{structure};
    HPDF_Page page = add_a4_page(doc);
    // Text of its own element, in `in` (the form's language, or English beside it).
    auto say = [&](Role role, const std::string& in, auto draw) { return tags.text(page, false, role, in, draw); };
    const double width = kA4Width - 2 * kMargin;
    double y = kA4Height - kMargin - 16;
    grey(page, 0.1);
    say(Role::heading, lang, [&] { text.draw(page, t.title, kMargin, y, sans(18, lang, true)); });
    if (bilingual)
        say(Role::paragraph, "en", [&] { text.draw(page, en.title, kA4Width - kMargin, y, sans(10), Align::right); });
    y -= 20;
    tags.line(page, false, Role::paragraph, lang, f.curriculum_title + "  ·  " + f.cohort_code,
              [&](const std::string& w) { text.draw_fitted(page, w, kMargin, y, width, sans(11, lang)); });
    y -= 14;
    grey(page, 0.3);
    tags.line(page, false, Role::paragraph, lang, f.site + (f.country.empty() ? "" : " (" + f.country + ")"),
              [&](const std::string& w) { text.draw_fitted(page, w, kMargin, y, width, sans(10, lang)); });
    y -= 14;

    // A labelled box to write in: the label in the cohort's language, English beside it.
    auto field = [&](const std::string& label, const std::string& label_en, double x, double w, double h) {
        grey(page, 0.1);
        say(Role::paragraph, lang,
            [&] { text.draw_fitted(page, label, x, y, w, sans(10, lang, true), Align::left, 7); });
        double top = y - 4;
        if (bilingual) {
            grey(page, 0.4);
            say(Role::paragraph, "en",
                [&] { text.draw_fitted(page, label_en, x, y - 11, w, sans(7.5), Align::left, 6); });
            top -= 9;
        }
        box(page, x, top - h, w, h, 0.8, 0.25);
        return top - h;
    };
    auto full_row = [&](const std::string& label, const std::string& label_en, double h) {
        y = field(label, label_en, kMargin, width, h) - 14;
    };
    full_row(t.full_name, en.full_name, mm(16));
    full_row(t.latin_name, en.latin_name, mm(11));
    const double half = (width - 12) / 2;
    double low = field(t.country, en.country, kMargin, half, mm(10));
    low = std::min(low, field(t.language, en.language, kMargin + half + 12, half, mm(10)));
    y = low - 14;
    low = field(t.email, en.email, kMargin, half, mm(10));
    low = std::min(low, field(t.phone, en.phone, kMargin + half + 12, half, mm(10)));
    y = low - 22;

    // What is collected and why, in plain words: a heading, and a paragraph of the lines it wraps to.
    grey(page, 0.1);
    say(Role::heading2, lang, [&] { text.draw(page, t.why_title, kMargin, y, sans(11, lang, true)); });
    y -= 15;
    const double line_h = lang == "en" || lang == "id" ? 13 : 15;
    const Structure::Element why = structure.add(structure.document(), Role::paragraph, lang);
    for (const auto& line : wrap_text(text, t.why, width, sans(10, lang))) {
        structure.mark(page, why, [&] { text.draw(page, line, kMargin, y, sans(10, lang)); });
        y -= line_h;
    }
    if (bilingual) {
        y -= 3;
        grey(page, 0.4);
        const Structure::Element why_en = structure.add(structure.document(), Role::paragraph, "en");
        for (const auto& line : wrap_text(text, en.why, width, sans(7.5))) {
            structure.mark(page, why_en, [&] { text.draw(page, line, kMargin, y, sans(7.5)); });
            y -= 9.5;
        }
    }
    y -= 14;

    // Consent: a box to tick, a date and a signature.
    box(page, kMargin, y - 3, 12, 12, 1, 0.2);
    grey(page, 0.1);
    const auto consent_lines = wrap_text(text, t.consent, width - 22, sans(10.5, lang, true));
    const Structure::Element consent = structure.add(structure.document(), Role::paragraph, lang);
    for (const auto& line : consent_lines) {
        structure.mark(page, consent, [&] { text.draw(page, line, kMargin + 20, y, sans(10.5, lang, true)); });
        y -= 14;
    }
    if (bilingual) {
        grey(page, 0.4);
        say(Role::paragraph, "en",
            [&] { text.draw_fitted(page, en.consent, kMargin + 20, y + 2, width - 20, sans(7.5)); });
        y -= 10;
    }
    y -= 14;
    low = field(t.date, en.date, kMargin, half * 0.6, mm(11));
    low = std::min(low, field(t.signature, en.signature, kMargin + half * 0.6 + 12, width - half * 0.6 - 12, mm(11)));
    y = low - 24;

    hline(page, kMargin, kA4Width - kMargin, y + 10, 0.4, 0.6);
    grey(page, 0.4);
    say(Role::paragraph, "en", [&] {
        text.draw(page, "For the trainer:   ref ______________    entered on ____________    by ______________",
                  kMargin, y - 4, sans(8.5));
    });
    Structure::artifact(
        page, [&] { text.draw(page, "Mitra · " + f.cohort_code, kA4Width - kMargin, kMargin, sans(7), Align::right); });
    doc.check("cannot draw the enrolment form");
    structure.finish("Enrolment form " + f.cohort_code);
    return doc.bytes("the enrolment form");
}

}  // namespace mitra::pdf
