// Every problem with an input file in a list: line, column, field, message. Also as a dialog.
#include "app/problems_view.hpp"

#include <wx/dialog.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "app/columns.hpp"
#include "app/field_labels.hpp"
#include "app/guard.hpp"
#include "app/i18n.hpp"
#include "app/text.hpp"
#include "io/catalog.hpp"
#include "io/reason_words.hpp"

namespace mitra::app {

ProblemsView::ProblemsView(wxWindow* parent)
    : wxListView(parent, wxID_ANY, wxDefaultPosition, wxSize(-1, 140), wxLC_REPORT | wxLC_SINGLE_SEL) {
    SetName("problems");
    AppendColumn(_("Line"), wxLIST_FORMAT_RIGHT, column_width(this, _("Line"), 50));
    AppendColumn(_("Column"), wxLIST_FORMAT_RIGHT, column_width(this, _("Column"), 60));
    AppendColumn(_("Field"), wxLIST_FORMAT_LEFT, column_width(this, _("Field"), 110));
    AppendColumn(_("Problem"), wxLIST_FORMAT_LEFT, column_width(this, _("Problem"), 480));
}

void ProblemsView::show(const Problems& problems) {
    DeleteAllItems();
    long row = 0;
    for (const auto& p : problems) {
        InsertItem(row, p.line > 0 ? wxString::Format("%d", p.line) : wxString());
        SetItem(row, 1, p.column > 0 ? wxString::Format("%d", p.column) : wxString());
        SetItem(row, 2, field_label(p.field));
        SetItem(row, 3,
                wx(io::problem_phrase(p, io::catalog(interface_catalog()))));  // coded: in the interface's words
        ++row;
    }
}

void show_problems(wxWindow* parent, const wxString& lead, const Problems& problems) {
    if (has_message_sink()) {
        show_error(parent, lead + "\n\n" + describe_all(problems));
        return;
    }
    wxDialog dialog(parent, wxID_ANY, _("Problems in the file"), wxDefaultPosition, wxDefaultSize,
                    wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER);
    auto* column = new wxBoxSizer(wxVERTICAL);
    column->Add(new wxStaticText(&dialog, wxID_ANY, lead), 0, wxALL, 12);
    auto* list = new ProblemsView(&dialog);
    list->show(problems);
    list->SetMinSize(dialog.FromDIP(wxSize(720, 260)));
    column->Add(list, 1, wxEXPAND | wxLEFT | wxRIGHT, 12);
    column->Add(dialog.CreateStdDialogButtonSizer(wxOK), 0, wxEXPAND | wxALL, 12);
    dialog.SetSizerAndFit(column);
    dialog.SetEscapeId(wxID_OK);
    dialog.ShowModal();
}

}  // namespace mitra::app
