// The programme report PDF: a page of key figures and people by country, a page of module and monthly
// charts, then the tables; and the document, page and wrapping helpers that forms share.
#include "pdf/report.hpp"

#include "core/text.hpp"
#include "pdf/structure.hpp"

#include <algorithm>
#include <cstdio>
#include <stdexcept>

namespace mitra::pdf {

// ---- add_a4_page ----------------------------------------------------------------------------------

HPDF_Page add_a4_page(haru::Document& doc, bool landscape) {
    HPDF_Page page = HPDF_AddPage(doc.get());
    HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, landscape ? HPDF_PAGE_LANDSCAPE : HPDF_PAGE_PORTRAIT);
    doc.check("cannot add a page");
    return page;
}

// ---- wrap_text ------------------------------------------------------------------------------------

namespace {

struct CodePoint {
    char32_t cp;
    std::size_t at, length;
};

std::vector<CodePoint> decode(const std::string& s) {
    std::vector<CodePoint> out;
    for (std::size_t i = 0; i < s.size();) {
        const auto step = code_point_at(s, i).value_or(CodePointAt{0xFFFD, 1});  // a broken byte stands alone
        out.push_back({step.cp, i, step.length});
        i += step.length;
    }
    return out;
}

// Characters after which a line may break although no space follows (CJK ideographs, kana, Hangul syllables
// are written with spaces in Korean, so they are not here).
bool breaks_after(char32_t cp) {
    return (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF);
}

// Punctuation that must not start a line (it stays with the character before it).
bool no_break_before(char32_t cp) {
    return cp == 0x3001 || cp == 0x3002 || cp == 0xFF0C || cp == 0xFF0E || cp == 0xFF09 || cp == 0x300D ||
           cp == 0x300F || cp == 0xFF1A || cp == 0xFF1B || cp == 0x30FC || cp == ',' || cp == '.' || cp == ')' ||
           cp == 0x0964;
}

// Marks that belong to the character before them (never split off).
bool is_mark(char32_t cp) {
    return (cp >= 0x0300 && cp <= 0x036F) || cp == 0x200C || cp == 0x200D ||
           (cp >= 0x0900 && cp <= 0x0DFF &&
            ((cp & 0x7F) <= 0x03 || ((cp & 0x7F) >= 0x3A && (cp & 0x7F) <= 0x57) || (cp & 0x7F) == 0x62 ||
             (cp & 0x7F) == 0x63)) ||
           cp == 0x0E31 || (cp >= 0x0E34 && cp <= 0x0E3A) || (cp >= 0x0E47 && cp <= 0x0E4E);
}

std::string trim_spaces(std::string s) {
    while (!s.empty() && s.back() == ' ') s.pop_back();
    std::size_t start = 0;
    while (start < s.size() && s[start] == ' ') ++start;
    return s.substr(start);
}

}  // namespace

std::vector<std::string> wrap_text(TextRenderer& text, const std::string& utf8, double width, const TextStyle& style) {
    std::vector<std::string> lines;
    // Paragraphs first: an explicit line break always breaks.
    std::size_t start = 0;
    while (start <= utf8.size()) {
        const std::size_t end = std::min(utf8.find('\n', start), utf8.size());
        const std::string paragraph = utf8.substr(start, end - start);
        start = end + 1;

        // Tokens end where a line may break.
        std::vector<std::string> tokens;
        const auto cps = decode(paragraph);
        std::string token;
        for (std::size_t i = 0; i < cps.size(); ++i) {
            token += paragraph.substr(cps[i].at, cps[i].length);
            const bool last = i + 1 == cps.size();
            const char32_t next = last ? 0 : cps[i + 1].cp;
            const bool can_break = cps[i].cp == ' ' ? next != ' ' : (breaks_after(cps[i].cp) || breaks_after(next));
            if (last || (can_break && !no_break_before(next) && !is_mark(next))) {
                tokens.push_back(token);
                token.clear();
            }
        }

        std::string line;
        auto fits = [&](const std::string& candidate) { return text.measure(trim_spaces(candidate), style) <= width; };
        for (const auto& t : tokens) {
            if (fits(line + t)) {
                line += t;
                continue;
            }
            if (!trim_spaces(line).empty()) lines.push_back(trim_spaces(line));
            line.clear();
            if (fits(t)) {
                line = t;
                continue;
            }
            // A word wider than a line: break it between characters (never before a mark).
            const auto parts = decode(t);
            std::string piece;
            for (std::size_t i = 0; i < parts.size(); ++i) {
                const std::string cp = t.substr(parts[i].at, parts[i].length);
                if (!piece.empty() && !is_mark(parts[i].cp) && !fits(piece + cp)) {
                    lines.push_back(trim_spaces(piece));
                    piece.clear();
                }
                piece += cp;
            }
            line = piece;
        }
        if (!trim_spaces(line).empty() || paragraph.empty()) lines.push_back(trim_spaces(line));
        if (end == utf8.size()) break;
    }
    return lines;
}

// ---- the report -------------------------------------------------------------------------------------

namespace {

constexpr double kMargin = 42;

struct Writer {
    haru::Document& doc;
    TextRenderer& text;
    const ReportContent& report;
    Structure& tags;
    int page_number = 0;

    // `text` drawn by `draw` as a new element of `role` (under the document, or `parent`), in the report's language;
    // right-to-left text with its logical order as /ActualText.
    template <class Draw>
    Structure::Element tagged(Role role, const std::string& text, Draw draw, Structure::Element parent = nullptr) {
        const Structure::Element e = tags.add(parent ? parent : tags.document(), role, report.language, {},
                                              has_rtl(text) ? text : std::string());
        tags.mark(current, e, draw);
        return e;
    }
    template <class Draw>
    void artifact(Draw draw) {
        Structure::artifact(current, draw);
    }

    TextStyle sans(double size, bool bold = false) const { return TextStyle{"sans", bold, size, report.language}; }

    void ink(double grey = 0.15) { HPDF_Page_SetRGBFill(current, grey, grey, grey); }

    HPDF_Page current = nullptr;
    HPDF_Page new_page() {
        current = add_a4_page(doc);
        ++page_number;
        ink(0.45);
        // The footer and page number repeat on every page: pagination artifacts (the footer is read once, at the
        // end of the report).
        artifact([&] {
            const auto footer = wrap_text(text, report.footer, kA4Width - 2 * kMargin - 50, sans(7));
            double y = 28;
            for (auto it = footer.rbegin(); it != footer.rend(); ++it, y += 9)
                text.draw(current, *it, kMargin, y, sans(7));
            std::string page = report.page;
            if (const auto at = page.find("{n}"); at != std::string::npos)
                page.replace(at, 3, std::to_string(page_number));
            text.draw(current, page, kA4Width - kMargin, 28, sans(7), Align::right);
        });
        ink();
        return current;
    }

    // The header of the first page: title, what it covers, key figures. Returns the y below it.
    double header() {
        // Nastaliq reaches far above and below its baseline: Urdu lines need more room.
        const double leading = report.language.rfind("ur", 0) == 0 ? 1.5 : 1.0;
        double y = kA4Height - kMargin - 16;
        ink();
        tagged(Role::heading, report.title,
               [&] { text.draw_fitted(current, report.title, kMargin, y, kA4Width - 2 * kMargin, sans(18, true)); });
        y -= 18 * leading;
        ink(0.3);
        for (const auto& line : report.subtitle_lines) {
            tagged(Role::paragraph, line,
                   [&] { text.draw_fitted(current, line, kMargin, y, kA4Width - 2 * kMargin, sans(10)); });
            y -= 13 * leading;
        }
        y -= 8;
        const int per_row = 3;
        const double gap = 8, tile_w = (kA4Width - 2 * kMargin - gap * (per_row - 1)) / per_row, tile_h = 46;
        for (std::size_t i = 0; i < report.key_figures.size(); ++i) {
            const double x = kMargin + static_cast<double>(i % per_row) * (tile_w + gap);
            const double top = y - static_cast<double>(i / per_row) * (tile_h + gap);
            artifact([&] {
                HPDF_Page_SetRGBFill(current, 0.94, 0.96, 0.98);
                HPDF_Page_Rectangle(current, x, top - tile_h, tile_w, tile_h);
                HPDF_Page_Fill(current);
            });
            ink();
            // One paragraph a tile: the figure, then what it counts ("22 people enrolled").
            const auto& [label, figure] = report.key_figures[i];
            const Structure::Element tile = tagged(Role::paragraph, figure + " " + label, [&] {
                text.draw_fitted(current, report.key_figures[i].second, x + 8, top - 24, tile_w - 16, sans(18, true));
            });
            ink(0.35);
            tags.mark(current, tile, [&] {
                text.draw_fitted(current, report.key_figures[i].first, x + 8, top - 38, tile_w - 16, sans(8.5));
            });
        }
        const std::size_t rows = (report.key_figures.size() + per_row - 1) / per_row;
        return y - static_cast<double>(rows) * (tile_h + gap) - 6;
    }

    // From `y` on the current page (or a new page when there is none or too little room).
    void tables(double y) {
        const double row_h = 14, width = kA4Width - 2 * kMargin;
        for (const auto& table : report.tables) {
            if (table.header.empty()) continue;
            const std::size_t columns = table.header.size();
            const double first_w = columns > 4 ? width * 0.3 : columns > 2 ? width * 0.34 : width * 0.5;
            const double other_w = (width - first_w) / static_cast<double>(std::max<std::size_t>(1, columns - 1));
            auto column_x = [&](std::size_t c) { return c == 0 ? kMargin : kMargin + first_w + other_w * (c - 1); };
            auto column_w = [&](std::size_t c) { return c == 0 ? first_w : other_w; };
            // Column titles wrap onto a second line rather than shrink out of reading.
            std::vector<std::vector<std::string>> titles;
            std::size_t title_lines = 1;
            for (std::size_t c = 0; c < columns; ++c) {
                titles.push_back(wrap_text(text, table.header[c], column_w(c) - 6, sans(7, true)));
                if (titles.back().size() > 2) titles.back().resize(2);
                title_lines = std::max(title_lines, titles.back().size());
            }
            const double head_h = row_h + 9 * static_cast<double>(title_lines - 1);
            // A table: its title a heading, its column titles a row of header cells; both drawn again at the top
            // of a page the table goes on to, and there artifacts.
            Structure::Element grid = nullptr;
            auto draw_header = [&] {
                const bool again = grid != nullptr;
                ink();
                auto title = [&] { text.draw_fitted(current, table.title, kMargin, y, width, sans(12, true)); };
                if (again) artifact(title);
                else tagged(Role::heading2, table.title, title);
                y -= 16;
                artifact([&] {
                    HPDF_Page_SetRGBFill(current, 0.90, 0.93, 0.96);
                    HPDF_Page_Rectangle(current, kMargin, y - 4 - (head_h - row_h), width, head_h);
                    HPDF_Page_Fill(current);
                });
                ink();
                if (!again) grid = tags.add(tags.document(), Role::table, report.language);
                const Structure::Element row = again ? nullptr : tags.add(grid, Role::row);
                for (std::size_t c = 0; c < columns; ++c) {
                    auto cell = [&] {
                        for (std::size_t l = 0; l < titles[c].size(); ++l)
                            text.draw_fitted(current, titles[c][l], column_x(c) + 3, y - 9 * static_cast<double>(l),
                                             column_w(c) - 6, sans(7, true), c == 0 ? Align::left : Align::right, 5);
                    };
                    std::string words;
                    for (const auto& l : titles[c]) words += (words.empty() ? "" : " ") + l;
                    if (again) artifact(cell);
                    else tagged(Role::header_cell, words, cell, row);
                }
                y -= head_h;
            };
            if (!current || y < kMargin + 60 + row_h * 3) {
                new_page();
                y = kA4Height - kMargin - 12;
            }
            draw_header();
            if (table.rows.empty()) {
                ink(0.45);
                tagged(Role::paragraph, report.nothing_in_period,
                       [&] { text.draw(current, report.nothing_in_period, kMargin + 3, y, sans(8)); });
                y -= row_h;
            }
            for (std::size_t r = 0; r < table.rows.size(); ++r) {
                if (y < kMargin + 30) {
                    new_page();
                    y = kA4Height - kMargin - 12;
                    draw_header();
                }
                if (r % 2 == 1) {
                    artifact([&] {
                        HPDF_Page_SetRGBFill(current, 0.97, 0.97, 0.97);
                        HPDF_Page_Rectangle(current, kMargin, y - 4, width, row_h);
                        HPDF_Page_Fill(current);
                    });
                }
                ink();
                const auto& row = table.rows[r];
                const Structure::Element tr = tags.add(grid, Role::row);
                const bool whole = TextRenderer::gives_row(row);
                for (std::size_t c = 0; c < columns; ++c) {
                    const std::string& shown = c < row.size() ? row[c] : std::string();
                    const Structure::Element td =
                        tags.add(tr, Role::cell, report.language, {}, has_rtl(shown) ? shown : std::string());
                    if (c < row.size())
                        tags.mark(current, td, [&] {
                            // Chrome reads the row as one line, its cells in order (TextRenderer::set_in_row()).
                            if (whole && c == 0) text.row_text(current, row, kMargin, y, width, 8);
                            text.set_in_row(whole);
                            text.draw_fitted(current, row[c], column_x(c) + 3, y, column_w(c) - 6, sans(8),
                                             c == 0 ? Align::left : Align::right, 5);
                            text.set_in_row(false);
                        });
                }
                y -= row_h;
            }
            y -= 18;
        }
    }
};

}  // namespace

std::string render_report_pdf(FontStack& fonts, const ReportContent& report) {
    haru::Document doc;
    doc.set_info(report.title);
    TextRenderer text(doc.get(), fonts);
    Structure tags(doc.get(), report.language);
    Writer w{doc, text, report, tags};

    w.new_page();
    const double below_header = w.header();
    const double width = kA4Width - 2 * kMargin;
    const double chart_gap = 28, bottom = 64;
    const double country_h = std::min(270.0, (below_header - bottom - chart_gap) * 0.55);
    // Each chart a figure, its alternative text the figures it draws.
    auto figure = [&](const std::string& title, const std::vector<ReportSeries>& series, auto draw) {
        tags.mark(w.current,
                  tags.add(tags.document(), Role::figure, report.language,
                           chart_description(title, series, report.nothing_to_show)),
                  draw);
    };
    figure(report.charts.by_country_title, report.charts.by_country, [&] {
        draw_column_chart(w.current, text, {kMargin, below_header - country_h, width, country_h},
                          report.charts.by_country_title, report.charts.by_country, report.language,
                          report.nothing_to_show);
    });
    const double time_top = below_header - country_h - chart_gap;
    figure(report.charts.over_time_title, {report.charts.over_time}, [&] {
        draw_column_chart(w.current, text, {kMargin, bottom, width, time_top - bottom}, report.charts.over_time_title,
                          {report.charts.over_time}, report.language, report.nothing_to_show);
    });
    doc.check("cannot draw the report's first page");

    w.new_page();
    const double funnel_h =
        std::clamp(50.0 + 22.0 * static_cast<double>(report.charts.funnel.bars.size()), 180.0, 700.0);
    const double funnel_top = kA4Height - kMargin;
    figure(report.charts.funnel_title, {report.charts.funnel}, [&] {
        draw_bar_chart(w.current, text, {kMargin, funnel_top - funnel_h, width, funnel_h}, report.charts.funnel_title,
                       report.charts.funnel, report.language, report.nothing_to_show);
    });
    doc.check("cannot draw the report's funnel");
    w.tables(funnel_top - funnel_h - 36);
    doc.check("cannot draw the report's tables");
    tags.finish(report.title);
    return doc.bytes("the report");
}

}  // namespace mitra::pdf
