// Enrol: find people and enrol them, add a new person in place, or import a CSV file (all or nothing).
#include <wx/button.h>
#include <wx/filedlg.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/wrapsizer.h>

#include <algorithm>

#include "app/columns.hpp"
#include "app/cohort_pages.hpp"
#include "app/dialogs.hpp"
#include "app/guard.hpp"
#include "app/problems_view.hpp"
#include "app/text.hpp"
#include "core/attendance_dates.hpp"
#include "core/problem.hpp"
#include "core/text.hpp"
#include "io/participant_csv.hpp"
#include "store/repos.hpp"
#include "workflow/door.hpp"

namespace mitra::app {
namespace {

// A date field of the page: typed as every date in Mitra (YYYY-MM-DD), Up and Down a day later or earlier.
wxTextCtrl* date_field(wxWindow* parent, const char* name, const wxString& tip) {
    auto* field = new wxTextCtrl(parent, wxID_ANY, "");
    // Room for a whole date in the field's own font (large text included).
    field->SetInitialSize(wxSize(std::max(parent->FromDIP(110), field->GetSizeFromText("0000-00-00").x), -1));
    field->SetName(name);
    field->SetHint("YYYY-MM-DD");
    field->SetToolTip(tip);
    field->Bind(wxEVT_KEY_DOWN, [field](wxKeyEvent& e) {
        const int step = e.GetKeyCode() == WXK_UP ? 1 : e.GetKeyCode() == WXK_DOWN ? -1 : 0;
        const auto day = parse_date(trim(utf8(field->GetValue())));
        if (step == 0 || !day || e.HasAnyModifiers()) return e.Skip();
        field->SetValue(wx(add_days(*day, step)));  // as typed: the page hears of it
        field->SetInsertionPointEnd();
    });
    return field;
}

// The date in `field`, or a refusal naming the field by `label` and quoting what was typed.
Date typed_date(const wxTextCtrl* field, const wxString& label) {
    const wxString typed = field->GetValue();
    if (const auto day = parse_date(trim(utf8(typed)))) return *day;
    InputError error;
    error.problems.push_back(
        {"", 0, 0, utf8(label), utf8(wxString::Format(_("'%s' is not a date in the form YYYY-MM-DD"), typed))});
    throw error;
}

}  // namespace

EnrolPage::EnrolPage(wxWindow* parent, AppContext& context, const std::string& cohort_code)
    : CohortPage(parent, context, cohort_code, "enrol") {
    auto* row = new wxBoxSizer(wxHORIZONTAL);

    auto* left = new wxBoxSizer(wxVERTICAL);
    left->Add(new wxStaticText(this, wxID_ANY, _("Find &people to enrol (select several with Ctrl or Shift):")), 0,
              wxBOTTOM, 4);
    search_ = new wxSearchCtrl(this, wxID_ANY);
    search_->SetDescriptiveText(_("Ref or name"));
    left->Add(search_, 0, wxEXPAND | wxBOTTOM, 4);
    found_ = new wxDataViewCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxDV_MULTIPLE | wxDV_ROW_LINES);
    found_->SetName("people_to_enrol");
    found_model_ = new PagedListModel(3);
    found_->AssociateModel(found_model_.get());
    found_->AppendTextColumn(_("Ref"), 0, wxDATAVIEW_CELL_INERT, column_width(found_, _("Ref"), 80));
    found_->AppendTextColumn(_("Name"), 1, wxDATAVIEW_CELL_INERT, column_width(found_, _("Name"), 180));
    found_->AppendTextColumn(_("Latin name"), 2, wxDATAVIEW_CELL_INERT, column_width(found_, _("Latin name"), 140));
    left->Add(found_, 1, wxEXPAND | wxBOTTOM, 4);
    auto* when = new wxBoxSizer(wxHORIZONTAL);
    auto* enrol_on_label = new wxStaticText(this, wxID_ANY, _("Enrol fro&m:"));
    when->Add(enrol_on_label, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
    enrol_on_ = date_field(this, "enrol_from",
                           _("The day the enrolment starts, YYYY-MM-DD (Up and Down: a day later or earlier). "
                             "Sessions before it are not counted as absences. "
                             "It starts as the cohort's first day until a week after it, then as today."));
    // As tall as its row: wx's own height for a field of a set width is too short for large text (GDK_DPI_SCALE).
    when->Add(enrol_on_, 0, wxEXPAND);
    left->Add(when, 0, wxBOTTOM, 4);
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    auto* enrol_button = new wxButton(this, wxID_ANY, _("&Enrol selected"));
    auto* add_button = new wxButton(this, wxID_ANY, _("&New person…"));
    auto* import_button = new wxButton(this, wxID_ANY, _("&Import CSV…"));
    buttons->Add(enrol_button, 0, wxRIGHT, 4);
    buttons->Add(add_button, 0, wxRIGHT, 4);
    buttons->Add(import_button, 0);
    left->Add(buttons, 0);
    row->Add(left, 1, wxEXPAND | wxALL, 8);

    auto* right = new wxBoxSizer(wxVERTICAL);
    right->Add(new wxStaticText(this, wxID_ANY, _("En&rolled in this cohort:")), 0, wxBOTTOM, 4);
    enrolled_ = new wxDataViewListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxDV_ROW_LINES);
    enrolled_->SetName("enrolled");
    // Narrower than the search list's, so the enrolment date stays in view at 1024x600.
    enrolled_->AppendTextColumn(_("Ref"), wxDATAVIEW_CELL_INERT, column_width(enrolled_, _("Ref"), 70));
    enrolled_->AppendTextColumn(_("Name"), wxDATAVIEW_CELL_INERT, column_width(enrolled_, _("Name"), 140));
    enrolled_->AppendTextColumn(_("Latin name"), wxDATAVIEW_CELL_INERT, column_width(enrolled_, _("Latin name"), 100));
    enrolled_->AppendTextColumn(_("Enrolled on"), wxDATAVIEW_CELL_INERT, column_width(enrolled_, _("Enrolled on"), 90));
    right->Add(enrolled_, 1, wxEXPAND | wxBOTTOM, 4);
    // The date and its button go under the words when the column is narrow or the text large.
    auto* redate = new wxWrapSizer(wxHORIZONTAL);
    redate->Add(new wxStaticText(this, wxID_ANY, _("&Selected person enrolled from:")), 0,
                wxALIGN_CENTER_VERTICAL | wxRIGHT | wxBOTTOM, 4);
    enrolled_on_ = date_field(this, "enrolled_from",
                              _("The enrolment date of the person selected in the list above, YYYY-MM-DD (Up and "
                                "Down: a day later or earlier); Change date saves it"));
    auto* date_and_button = new wxBoxSizer(wxHORIZONTAL);
    date_and_button->Add(enrolled_on_, 0, wxEXPAND | wxRIGHT, 4);
    change_date_ = new wxButton(this, wxID_ANY, _("Change &date"));
    change_date_->SetToolTip(_("Save this enrolment date for the selected person (Alt+D)"));
    date_and_button->Add(change_date_, 0);
    redate->Add(date_and_button, 0, wxBOTTOM, 4);
    right->Add(redate, 0, wxEXPAND);
    row->Add(right, 1, wxEXPAND | wxALL, 8);

    auto* column = new wxBoxSizer(wxVERTICAL);
    column->Add(row, 1, wxEXPAND);
    outcome_ = new wxStaticText(this, wxID_ANY, "");
    column->Add(outcome_, 0, wxEXPAND | wxLEFT | wxRIGHT, 8);
    problems_label_ = new wxStaticText(this, wxID_ANY, "");
    problems_label_->SetForegroundColour(*wxRED);
    column->Add(problems_label_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 8);
    problems_ = new ProblemsView(this);
    column->Add(problems_, 0, wxEXPAND | wxALL, 8);
    problems_->Hide();
    SetSizer(column);

    search_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { search_for(search_->GetValue()); });
    found_->Bind(wxEVT_DATAVIEW_ITEM_ACTIVATED, [this](wxDataViewEvent&) { enrol_selected(); });
    enrol_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { enrol_selected(); });
    add_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { add_person(); });
    enrol_on_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { enrol_on_chosen_ = true; });
    enrolled_->Bind(wxEVT_DATAVIEW_SELECTION_CHANGED, [this](wxDataViewEvent&) { show_selected_date(); });
    change_date_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { change_selected_enrolment_date(); });
    enrolled_on_->Enable(false);
    change_date_->Enable(false);
    import_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        wxFileDialog dialog(this, _("Enrol people from a CSV file"), "", "", _("CSV files (*.csv)|*.csv|All files|*"),
                            wxFD_OPEN | wxFD_FILE_MUST_EXIST);
        if (dialog.ShowModal() == wxID_OK) import_csv(dialog.GetPath());
    });
    offer_enrol_date();  // the page may be used before it is first shown (a cohort opens on its attendance)
}

void EnrolPage::search_for(const wxString& text) {
    if (search_->GetValue() != text) search_->ChangeValue(text);
    guarded(this, [&] {
        const std::string search = utf8(text.Strip(wxString::both));
        auto read = [this, search](int offset, int limit) {
            std::vector<TextRow> rows;
            guarded(this, [&] {
                store::ParticipantQuery query;
                query.search = search;
                query.limit = limit;
                query.offset = offset;
                for (const auto& p : store::ParticipantRepo(context_.db()).list(query))
                    rows.push_back({wx(p.ref), wx(p.full_name), wx(p.latin_name)});
            });
            return rows;
        };
        show_search_result(this, *found_model_, read, counter_, context_.db().target(), participant_count(search),
                           [this, search] { return store::AppQueries(context_.db()).count_participants(search); });
    });
}

void EnrolPage::refresh() {
    search_for(search_->GetValue());
    offer_enrol_date();
    guarded(this, [&] {
        enrolled_->DeleteAllItems();
        store::ParticipantQuery query;
        query.cohort_code = cohort_;
        std::map<std::string, Participant> people;
        for (auto& p : store::ParticipantRepo(context_.db()).list(query)) people[p.ref] = p;
        for (const auto& e : store::CohortRepo(context_.db()).enrolments(cohort_)) {
            const auto& p = people[e.participant_ref];
            wxVector<wxVariant> values;
            values.push_back(wx(e.participant_ref));
            values.push_back(wx(p.full_name));
            values.push_back(wx(p.latin_name));
            values.push_back(wx(e.enrolled_on));
            enrolled_->AppendItem(values);
        }
    });
    show_selected_date();
}

void EnrolPage::offer_enrol_date() {
    if (enrol_on_chosen_) return;
    guarded(this, [&] {
        if (const auto cohort = store::AppQueries(context_.db()).find_cohort(cohort_))
            enrol_on_->ChangeValue(
                wx(default_enrolment_date(cohort->start_date, context_.today_at(cohort->time_zone))));
    });
}

Date EnrolPage::enrol_on() const { return typed_date(enrol_on_, _("Enrol from")); }

void EnrolPage::set_enrol_on(const Date& on) {
    enrol_on_->ChangeValue(wx(on));
    enrol_on_chosen_ = true;
}

void EnrolPage::select_enrolled(const std::string& ref) {
    for (int row = 0; row < enrolled_->GetItemCount(); ++row)
        if (enrolled_->GetTextValue(static_cast<unsigned>(row), 0) == wx(ref))
            enrolled_->SelectRow(static_cast<unsigned>(row));
    show_selected_date();
}

void EnrolPage::set_enrolled_on(const Date& on) { enrolled_on_->ChangeValue(wx(on)); }

void EnrolPage::show_selected_date() {
    const int row = enrolled_->GetSelectedRow();
    const bool chosen = row != wxNOT_FOUND;
    enrolled_on_->Enable(chosen);
    change_date_->Enable(chosen);
    if (!chosen) return;
    enrolled_on_->ChangeValue(enrolled_->GetTextValue(static_cast<unsigned>(row), 3));
}

bool EnrolPage::change_selected_enrolment_date() {
    const int row = enrolled_->GetSelectedRow();
    if (row == wxNOT_FOUND) {
        show_info(this, _("Choose a person in the Enrolled list first."));
        return false;
    }
    const std::string ref = utf8(enrolled_->GetTextValue(static_cast<unsigned>(row), 0));
    Date on;
    const bool saved = guarded(this, [&] {
        on = typed_date(enrolled_on_, _("Enrolled on"));
        store::CohortRepo(context_.db()).change_enrolment_date(cohort_, ref, on);
    });
    if (!saved) return false;
    outcome_->SetLabel(wxString::Format(_("%s is now enrolled from %s."), wx(ref), wx(on)));
    refresh();
    select_enrolled(ref);
    return true;
}

void EnrolPage::select_rows(const std::vector<unsigned>& rows) {
    wxDataViewItemArray items;
    for (unsigned r : rows) {
        found_model_->grow_to(r + 1);  // a long result is shown a step at a time: the row may not be there yet
        items.push_back(found_model_->GetItem(r));
    }
    found_->SetSelections(items);
}

void EnrolPage::enrol_selected() {
    wxDataViewItemArray items;
    found_->GetSelections(items);
    std::vector<std::string> refs;
    for (const auto& item : items)
        if (const TextRow* r = found_model_->row(found_model_->GetRow(item))) refs.push_back(utf8((*r)[0]));
    if (refs.empty()) {
        show_info(this, _("Choose people in the list first."));
        return;
    }
    enrol(refs);
}

void EnrolPage::enrol(const std::vector<std::string>& refs) {
    guarded(this, [&] {
        const auto result = store::CohortRepo(context_.db()).enrol(cohort_, refs, enrol_on());
        outcome_->SetLabel(wxString::Format(_("%zu enrolled, %zu were enrolled already."), result.enrolled.size(),
                                            result.already.size()));
        refresh();
    });
}

void EnrolPage::add_person() {
    Date on;
    if (!guarded(this, [&] { on = enrol_on(); })) return;  // a wrong date said before the person is typed in
    const std::string ref = add_person_with_dialog(this, context_, [&](Participant& p, store::Lookalikes lookalikes) {
        context_.db().write([&] {
            store::ParticipantRepo(context_.db()).add(p, lookalikes);
            store::CohortRepo(context_.db()).enrol(cohort_, {p.ref}, on);
        });
    });
    if (ref.empty()) return;
    outcome_->SetLabel(wxString::Format(_("%s was added and enrolled."), wx(ref)));
    refresh();
}

bool EnrolPage::import_csv(const wxString& path) {
    bool ok = false;
    guarded(this, [&] {
        const Date on = enrol_on();  // a wrong date refused before the file is read
        auto read = workflow::read_participant_csv_file(context_.fonts(), utf8(path));
        problems_->show(read.problems);
        problems_->Show(!read.ok());
        if (!read.ok()) {
            problems_label_->SetLabel(wxString::Format(
                wxPLURAL("%zu problem in the file, so no one was enrolled or changed. Fix it and import again:",
                         "%zu problems in the file, so no one was enrolled or changed. Fix them and import again:",
                         read.problems.size()),
                read.problems.size()));
            outcome_->SetLabel("");
            Layout();
            return;
        }
        problems_label_->SetLabel("");
        std::vector<Participant> people;
        std::vector<std::string> refs;
        for (auto& row : read.value) {
            people.push_back(row.participant);
            refs.push_back(row.participant.ref);
        }
        store::ImportCounts counts;
        store::EnrolResult result;
        const bool saved = save_asking_about_lookalikes(
            this,
            [&](store::Lookalikes lookalikes) {
                context_.db().write([&] {  // the people and their enrolment: all or nothing
                    counts = store::ParticipantRepo(context_.db()).save_all(people, lookalikes);
                    result = store::CohortRepo(context_.db()).enrol(cohort_, refs, on);
                });
            },
            lookalike_in(read.value), _("Import anyway"));
        if (!saved) {
            outcome_->SetLabel(_("No one was imported or enrolled: some names look like other people's."));
            Layout();
            return;
        }
        outcome_->SetLabel(
            wxString::Format(_("From the file: %d new people, %d updated; %zu enrolled, %zu already were."),
                             counts.created, counts.updated, result.enrolled.size(), result.already.size()));
        Layout();
        refresh();
        ok = true;
    });
    return ok;
}

}  // namespace mitra::app
