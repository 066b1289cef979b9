// Reports: the programme report for a period and filters, shown on screen (charts and figures) and written as PDF, XLSX or CSV.
#pragma once
#include <wx/panel.h>

#include <string>

#include "app/app_context.hpp"
#include "store/report_queries.hpp"

class wxListCtrl;

namespace mitra::app {

class ReportChartsPanel;

class ReportsPanel : public wxPanel {
public:
    ReportsPanel(wxWindow* parent, AppContext& context);

    // The choices as the form holds them; throws InputError naming each bad field.
    store::ReportFilter filter() const;
    std::string language() const;  // one of io::report_languages()
    std::string format() const;    // "pdf", "xlsx" or "csv"

    // Sets the form's fields as a person would type them (tests, and "this year" on first show).
    void fill(const wxString& from, const wxString& to, const wxString& country, const wxString& curriculum,
              const wxString& cohort, const std::string& language, const std::string& format);
    // Reads the figures, draws the charts and shows every table's rows in the list; false (with the reason shown) on bad input.
    bool show_figures();
    // Writes the report to `path` in the chosen format; then offers to open it. False when refused.
    bool write(const wxString& path);
    wxListCtrl* figures() const;
    ReportChartsPanel* charts() const;

private:
    ReportContent content() const;
    AppContext& context_;
    ReportChartsPanel* charts_ = nullptr;
};

}  // namespace mitra::app
