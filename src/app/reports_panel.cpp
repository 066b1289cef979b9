// Reports: the programme report for a period and filters, shown on screen (charts and figures) and written as PDF, XLSX or CSV.
#include "app/reports_panel.hpp"

#include <algorithm>

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/filepicker.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/utils.h>
#include <wx/xrc/xmlres.h>

#include "app/columns.hpp"
#include "app/guard.hpp"
#include "app/i18n.hpp"
#include "app/report_charts.hpp"
#include "app/text.hpp"
#include "core/problem.hpp"
#include "core/text.hpp"
#include "io/export.hpp"
#include "io/files.hpp"
#include "io/report_labels.hpp"
#include "pdf/report.hpp"
#include "store/repos.hpp"

namespace mitra::app {
namespace {

// A report language by its own name, as the Preferences list the interface's ("日本語", not "ja"); the report
// speaks Vietnamese too, which the interface does not.
wxString language_name(const std::string& code) {
    if (code == "zh-Hans") return wxString::FromUTF8("简体中文");
    if (code == "zh-Hant") return wxString::FromUTF8("繁體中文");
    if (code == "vi") return wxString::FromUTF8("Tiếng Việt");
    for (const auto& l : interface_languages())
        if (utf8(l.code) == code) return l.name;
    return wx(code);
}

// The report formats this view writes, in the order the Format choice lists them.
const std::vector<std::string> kFormats = {"pdf", "xlsx", "csv"};

std::string field(const wxWindow& panel, const char* name) {
    return trim(utf8(XRCCTRL(panel, name, wxTextCtrl)->GetValue()));
}

}  // namespace

ReportsPanel::ReportsPanel(wxWindow* parent, AppContext& context) : context_(context) {
    wxXmlResource::Get()->LoadPanel(this, parent, "ReportsPanel");
    SetName("reports");
    // The introduction wraps to the view's width instead of running past its edge (large text, a narrow window).
    auto* intro = XRCCTRL(*this, "intro", wxStaticText);
    Bind(wxEVT_SIZE, [this, intro, words = intro->GetLabel(), wrapped_at = 0](wxSizeEvent& e) mutable {
        e.Skip();
        const int width = GetClientSize().x - FromDIP(24);
        if (width < FromDIP(100) || width == wrapped_at) return;
        wrapped_at = width;
        CallAfter([this, intro, words, width] {
            intro->SetLabel(words);
            intro->Wrap(width);
            Layout();
        });
    });
    auto* curriculum = XRCCTRL(*this, "curriculum", wxChoice);
    curriculum->Append(_("All curricula"));
    guarded(this, [&] {
        for (const auto& c : store::CurriculumRepo(context_.db()).list()) curriculum->Append(wx(c.code));
    });
    curriculum->SetSelection(0);
    auto* language = XRCCTRL(*this, "language", wxChoice);
    const std::string spoken = io::report_language(context_.language());
    for (const auto& l : io::report_languages()) {
        language->Append(language_name(l));
        if (l == (spoken.empty() ? "en" : spoken)) language->SetSelection(language->GetCount() - 1);
    }
    auto* formats = XRCCTRL(*this, "format", wxChoice);
    formats->Append(_("PDF with charts"));
    formats->Append(_("Spreadsheet (XLSX)"));
    formats->Append(_("CSV, UTF-8"));
    formats->SetSelection(0);
    const Date today = context_.today();
    XRCCTRL(*this, "from", wxTextCtrl)->ChangeValue(wx(Date{today.year, 1, 1}));
    XRCCTRL(*this, "to", wxTextCtrl)->ChangeValue(wx(today));
    // The file's field as tall as its Browse button: wx's own height for it is too short for large text.
    XRCCTRL(*this, "file", wxFilePickerCtrl)->SetTextCtrlGrowable();
    charts_ = new ReportChartsPanel(this);
    wxXmlResource::Get()->AttachUnknownControl("charts", charts_, this);
    auto* list = figures();
    list->AppendColumn(_("Table"), wxLIST_FORMAT_LEFT, column_width(list, _("Table"), 150));
    list->AppendColumn(_("Item"), wxLIST_FORMAT_LEFT, column_width(list, _("Item"), 240));
    list->AppendColumn(_("Figures"), wxLIST_FORMAT_LEFT, column_width(list, _("Figures"), 520));

    XRCCTRL(*this, "show", wxButton)->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { show_figures(); });
    XRCCTRL(*this, "write", wxButton)->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        wxString path = XRCCTRL(*this, "file", wxFilePickerCtrl)->GetPath();
        if (path.empty()) return show_error(this, _("Choose the file to write the report to."));
        const wxString ext = "." + wx(format());
        if (!path.Lower().EndsWith(ext)) path += ext;
        write(path);
    });
}

wxListCtrl* ReportsPanel::figures() const { return XRCCTRL(*this, "figures", wxListCtrl); }

ReportChartsPanel* ReportsPanel::charts() const { return charts_; }

void ReportsPanel::fill(const wxString& from, const wxString& to, const wxString& country, const wxString& curriculum,
                        const wxString& cohort, const std::string& language, const std::string& format) {
    XRCCTRL(*this, "from", wxTextCtrl)->ChangeValue(from);
    XRCCTRL(*this, "to", wxTextCtrl)->ChangeValue(to);
    XRCCTRL(*this, "country", wxTextCtrl)->ChangeValue(country);
    XRCCTRL(*this, "cohort", wxTextCtrl)->ChangeValue(cohort);
    auto* choice = XRCCTRL(*this, "curriculum", wxChoice);
    choice->SetSelection(curriculum.empty() ? 0 : std::max(0, choice->FindString(curriculum)));
    const auto& languages = io::report_languages();
    const auto at = std::find(languages.begin(), languages.end(), language);
    if (at != languages.end()) XRCCTRL(*this, "language", wxChoice)->SetSelection(int(at - languages.begin()));
    for (std::size_t i = 0; i < kFormats.size(); ++i)
        if (kFormats[i] == format) XRCCTRL(*this, "format", wxChoice)->SetSelection(static_cast<int>(i));
}

store::ReportFilter ReportsPanel::filter() const {
    Problems problems;
    store::ReportFilter f;
    const std::string from = field(*this, "from"), to = field(*this, "to");
    const auto first = parse_date(from), last = parse_date(to);
    if (!first)
        problems.push_back(
            {"", 0, 0, utf8(_("From")), "'" + from + "' " + utf8(_("is not a date in the form YYYY-MM-DD"))});
    if (!last)
        problems.push_back(
            {"", 0, 0, utf8(_("To")), "'" + to + "' " + utf8(_("is not a date in the form YYYY-MM-DD"))});
    if (first && last && *last < *first)
        problems.push_back({"", 0, 0, utf8(_("To")), utf8(_("the period ends before it starts"))});
    if (first) f.from = *first;
    if (last) f.to = *last;
    for (char c : field(*this, "country")) f.country += static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    const int curriculum = XRCCTRL(*this, "curriculum", wxChoice)->GetSelection();
    if (curriculum > 0) f.curriculum = utf8(XRCCTRL(*this, "curriculum", wxChoice)->GetString(curriculum));
    f.cohort = field(*this, "cohort");
    if (!f.cohort.empty() && !store::CohortRepo(context_.db()).find(f.cohort))
        problems.push_back(
            {"", 0, 0, utf8(_("Cohort")), utf8(wxString::Format(_("no cohort has code %s"), wx(f.cohort)))});
    if (!problems.empty()) throw InputError{problems};
    return f;
}

std::string ReportsPanel::language() const {
    const int at = XRCCTRL(*this, "language", wxChoice)->GetSelection();
    const auto& languages = io::report_languages();
    return at < 0 || std::size_t(at) >= languages.size() ? "en" : languages[std::size_t(at)];
}

std::string ReportsPanel::format() const {
    const int at = XRCCTRL(*this, "format", wxChoice)->GetSelection();
    return kFormats.at(static_cast<std::size_t>(std::max(0, at)));
}

ReportContent ReportsPanel::content() const {
    // The whole programme is read (on a hub, a second or two): say so with the pointer.
    wxBusyCursor busy;
    const store::ReportWords words{language(), &io::report_label, &io::country_name};
    return store::report_content(store::programme_figures(context_.db(), filter()), words);
}

bool ReportsPanel::show_figures() {
    return guarded(this, [&] {
        const auto report = content();
        charts_->set_charts(report.charts, report.nothing_to_show);
        auto* list = figures();
        list->Freeze();
        list->DeleteAllItems();
        long row = 0;
        for (const auto& table : report.tables) {
            for (const auto& cells : table.rows) {
                wxString rest;
                for (std::size_t c = 1; c < cells.size(); ++c)
                    rest << (c > 1 ? "   ·   " : "")
                         << (cells.size() > 2 && c < table.header.size() ? wx(table.header[c]) + ": " : "")
                         << wx(cells[c]);
                list->InsertItem(row, wx(table.title));
                list->SetItem(row, 1, cells.empty() ? wxString() : wx(cells[0]));
                list->SetItem(row, 2, rest);
                ++row;
            }
        }
        list->Thaw();
    });
}

bool ReportsPanel::write(const wxString& path) {
    const std::string out = utf8(path), kind = format();
    const bool written = guarded(this, [&] {
        const auto report = content();
        if (kind == "csv") io::write_file_atomically(out, io::tables_csv(report.tables, report.csv_header));
        else if (kind == "xlsx") io::write_xlsx(out, report.tables, report.file_title);
        else io::write_file_atomically(out, pdf::render_report_pdf(context_.fonts(), report));
    });
    if (!written) return false;
    if (ask_yes_no(this, wxString::Format(_("The report was written to %s. Open it now?"), path), _("Open it"),
                   _("Not now")))
        wxLaunchDefaultApplication(path);
    return true;
}

}  // namespace mitra::app
