// forms/deadlines_dialog.xrc: a cohort's completion deadlines as core's deadline_rows judges them (the list
// `mitra-cli cohort deadlines` prints), and an extension with its reason, granted by the database's actor.
#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/dataview.h>
#include <wx/intl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/xrc/xmlres.h>

#include <algorithm>
#include <map>

#include "app/columns.hpp"
#include "app/guard.hpp"
#include "app/i18n.hpp"
#include "app/practice_dialogs.hpp"
#include "app/screen_room.hpp"
#include "app/text.hpp"
#include "core/text.hpp"
#include "io/practice_words.hpp"
#include "store/practice_repo.hpp"
#include "store/repos.hpp"

namespace mitra::app {
namespace {

Problem problem(const wxString& field, const wxString& message) {
    return Problem{"", 0, 0, utf8(field), utf8(message)};
}

wxString standing_words(DeadlineStanding standing) {
    return wx(io::deadline_standing_words(standing, io::catalog(interface_catalog())));
}

}  // namespace

DeadlinesDialog::DeadlinesDialog(wxWindow* parent, AppContext& context, const std::string& cohort_code)
    : context_(context), cohort_(cohort_code) {
    wxXmlResource::Get()->LoadDialog(this, parent, "DeadlinesDialog");
    SetTitle(wxString::Format(_("Completion deadlines of %s"), wx(cohort_code)));
    list_ = new wxDataViewListCtrl(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(760, 240)), wxDV_ROW_LINES);
    list_->SetName("deadlines");
    list_->AppendTextColumn(_("Ref"), wxDATAVIEW_CELL_INERT, column_width(list_, _("Ref"), 80));
    list_->AppendTextColumn(_("Deadline"), wxDATAVIEW_CELL_INERT, column_width(list_, _("Deadline"), 100));
    list_->AppendTextColumn(_("Standing"), wxDATAVIEW_CELL_INERT, column_width(list_, _("Standing"), 140));
    list_->AppendTextColumn(_("Window ends"), wxDATAVIEW_CELL_INERT, column_width(list_, _("Window ends"), 100));
    list_->AppendTextColumn(_("Extended by"), wxDATAVIEW_CELL_INERT, column_width(list_, _("Extended by"), 100));
    list_->AppendTextColumn(_("Reason"), wxDATAVIEW_CELL_INERT, column_width(list_, _("Reason"), 220), wxALIGN_LEFT,
                            wxDATAVIEW_COL_RESIZABLE);
    wxXmlResource::Get()->AttachUnknownControl("deadlines", list_, this);
    XRCCTRL(*this, "extend", wxButton)->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { extend_selected(); });
    XRCCTRL(*this, "everyone", wxCheckBox)->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { refresh(); });
    list_->Bind(wxEVT_DATAVIEW_ITEM_ACTIVATED, [this](wxDataViewEvent&) { extend_selected(); });
    SetEscapeId(wxID_CANCEL);
    refresh();
    Fit();
}

void DeadlinesDialog::refresh() {
    const int chosen = list_->GetSelectedRow();
    const Date today = context_.today();
    std::vector<DeadlineRow> all;
    guarded(this, [&] { all = deadline_rows(store::cohort_completion(context_.db(), cohort_, today), today); });
    const bool everyone = XRCCTRL(*this, "everyone", wxCheckBox)->GetValue();
    rows_.clear();
    int near = 0, passed = 0;
    for (const auto& r : all) {
        near += r.standing == DeadlineStanding::near ? 1 : 0;
        passed += r.standing == DeadlineStanding::passed ? 1 : 0;
        if (everyone || r.standing != DeadlineStanding::open) rows_.push_back(r);
    }
    list_->DeleteAllItems();
    for (const auto& r : rows_) {
        const auto& x = r.deadline.extension;
        wxVector<wxVariant> values;
        values.push_back(wx(r.ref));
        values.push_back(wx(r.deadline.due));
        values.push_back(standing_words(r.standing));
        values.push_back(wx(r.deadline.window_end));
        values.push_back(x ? wx(x->granted_by) : wxString("-"));
        values.push_back(x ? wx(x->reason) : wxString());
        list_->AppendItem(values);
    }
    if (!rows_.empty())
        list_->SelectRow(static_cast<unsigned>(std::clamp(chosen, 0, static_cast<int>(rows_.size()) - 1)));
    summary_text_ = wxString::Format(_("As of %s: %d near their deadline, %d past it, of %zu not yet complete with a "
                                       "deadline."),
                                     wx(today), near, passed, all.size());
    auto* summary = XRCCTRL(*this, "summary", wxStaticText);
    summary->SetLabel(summary_text_);
    summary->Wrap(FromDIP(720));
    Layout();
}

bool DeadlinesDialog::extend_selected() {
    const int row = list_->GetSelectedRow();
    if (row == wxNOT_FOUND) return show_info(this, _("Choose a person in the list first.")), false;
    const DeadlineRow r = rows_[static_cast<std::size_t>(row)];
    wxDialog dialog;
    wxXmlResource::Get()->LoadDialog(&dialog, this, "ExtendDialog");
    XRCCTRL(dialog, "person", wxStaticText)
        ->SetLabel(wxString::Format(_("%s: the deadline now is %s."), wx(r.ref), wx(r.deadline.due)));
    XRCCTRL(dialog, "granted", wxStaticText)->Wrap(FromDIP(420));
    dialog.SetEscapeId(wxID_CANCEL);
    fit_to_screen(&dialog);
    if (!show_until_kept(dialog, [&] {
            Problems problems;
            DeadlineExtension x;
            x.participant_ref = r.ref;
            const std::string until = trim(utf8(XRCCTRL(dialog, "until", wxTextCtrl)->GetValue()));
            if (const auto on = parse_date(until)) {
                x.new_deadline = *on;
                if (!(r.deadline.due < *on))
                    problems.push_back(
                        problem(_("New deadline"),
                                wxString::Format(_("the new deadline must come after %s"), wx(r.deadline.due))));
            } else {
                problems.push_back(problem(
                    _("New deadline"), wxString::Format(_("'%s' is not a date in the form YYYY-MM-DD"), wx(until))));
            }
            x.reason = trim(utf8(XRCCTRL(dialog, "reason", wxTextCtrl)->GetValue()));
            if (x.reason.empty()) problems.push_back(problem(_("Reason"), _("say why the deadline moves")));
            if (!problems.empty()) throw InputError{problems};
            store::PracticeRepo(context_.db()).extend_deadline(cohort_, x);
        }))
        return false;
    refresh();
    return true;
}

void show_deadlines(wxWindow* parent, AppContext& context, const std::string& cohort_code) {
    DeadlinesDialog dialog(parent, context, cohort_code);
    dialog.ShowModal();
}

}  // namespace mitra::app
