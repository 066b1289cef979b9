// Attendance: people down, sessions across, marked from the keyboard; every mark is saved at once.
#include <wx/button.h>
#include <wx/choice.h>
#include <wx/dataview.h>
#include <wx/dcclient.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/wrapsizer.h>
#include <wx/textdlg.h>

#include <algorithm>

#include "app/accessibility.hpp"
#include "app/attendance_list.hpp"
#include "app/columns.hpp"
#include "app/cohort_pages.hpp"
#include "app/guard.hpp"
#include "app/i18n.hpp"
#include "app/text.hpp"
#include "core/attendance_dates.hpp"
#include "store/repos.hpp"

namespace mitra::app {
namespace {

wxString cell_text(const Attendance& a) {
    switch (a.status) {
        case AttendanceStatus::present: return "P";
        case AttendanceStatus::late: return wxString::Format("L %d", a.minutes.value_or(0));
        case AttendanceStatus::left_early: return wxString::Format("F %d", a.minutes.value_or(0));
        case AttendanceStatus::excused: return "E";
        case AttendanceStatus::absent: return "A";
    }
    return {};
}

wxColour cell_colour(AttendanceStatus status) {
    switch (status) {
        case AttendanceStatus::present: return wxColour(214, 240, 214);
        case AttendanceStatus::late:
        case AttendanceStatus::left_early: return wxColour(255, 236, 190);
        case AttendanceStatus::excused: return wxColour(214, 228, 248);
        case AttendanceStatus::absent: return wxColour(248, 212, 212);
    }
    return *wxWHITE;
}

std::optional<int> ask_minutes_in_dialog(wxWindow* parent, const wxString& person, const Session& session) {
    wxTextEntryDialog dialog(
        parent, wxString::Format(_("Minutes %s attended of this %d-minute session:"), person, session.minutes),
        _("Minutes attended"), wxString::Format("%d", session.minutes));
    if (dialog.ShowModal() != wxID_OK) return std::nullopt;
    long minutes = 0;
    if (!dialog.GetValue().Strip(wxString::both).ToLong(&minutes)) {
        show_error(parent, wxString::Format(_("'%s' is not a number of minutes."), dialog.GetValue()));
        return std::nullopt;
    }
    return static_cast<int>(minutes);
}

}  // namespace

// What the grid shows, read on demand from the page's sheet and marks: nothing is set up per cell, so a
// cohort opens in the time it takes to draw the visible cells. Colours are a few shared attributes.
class AttendanceTable : public wxGridTableBase {
public:
    explicit AttendanceTable(AttendancePage& page) : page_(page) {
        for (auto status : {AttendanceStatus::present, AttendanceStatus::late, AttendanceStatus::left_early,
                            AttendanceStatus::excused, AttendanceStatus::absent})
            by_status_[static_cast<int>(status)] = make(cell_colour(status));
        before_enrolment_ = make(wxColour(238, 238, 238));
        to_come_ = make(wxColour(246, 246, 246));
    }
    ~AttendanceTable() override {
        for (auto* a : by_status_) a->DecRef();
        before_enrolment_->DecRef();
        to_come_->DecRef();
    }

    int GetNumberRows() override { return static_cast<int>(page_.sheet_.people.size()); }
    int GetNumberCols() override { return static_cast<int>(page_.sheet_.sessions.size()); }
    wxString GetValue(int row, int col) override {
        if (const Attendance* a = mark(row, col)) return cell_text(*a);
        return counts_here(row, col) ? wxString() : wxString::FromUTF8("—");  // before enrolment: not an absence
    }
    void SetValue(int, int, const wxString&) override {}  // marks are saved through the page, never typed in
    bool IsEmptyCell(int row, int col) override { return GetValue(row, col).empty(); }
    wxString GetRowLabelValue(int row) override {
        return row >= 0 && row < static_cast<int>(labels_.size()) ? labels_[static_cast<std::size_t>(row)] : wxString();
    }
    wxString GetColLabelValue(int col) override {
        const auto& s = page_.sheet_.sessions.at(static_cast<std::size_t>(col));
        return wx(s.module_code) + "\n" + wx(s.date);
    }
    bool CanHaveAttributes() override { return true; }
    wxGridCellAttr* GetAttr(int row, int col, wxGridCellAttr::wxAttrKind) override {
        if (row < 0 || col < 0 || row >= GetNumberRows() || col >= GetNumberCols()) return nullptr;
        wxGridCellAttr* attr = nullptr;
        if (const Attendance* a = mark(row, col)) attr = by_status_[static_cast<int>(a->status)];
        else if (!counts_here(row, col)) attr = before_enrolment_;
        else if (is_future_session(session(col).date, page_.today_)) attr = to_come_;
        if (attr) attr->IncRef();
        return attr;
    }

    // The row labels, measured once per sheet: returns the width they need.
    int set_labels(wxGrid& grid) {
        labels_.clear();
        int width = grid.FromDIP(120);
        wxClientDC dc(&grid);
        dc.SetFont(grid.GetLabelFont());
        for (const auto& p : page_.sheet_.people) {
            // The left-to-right mark keeps the line in reading order; the isolate keeps an Urdu name intact.
            wxString label = wxString(wxUniChar(0x200E)) + isolated(wx(p.full_name)) + "   " + wx(p.ref);
            if (!p.enrolled_on) label += " " + _("(make-up)");
            width = std::max(width, dc.GetTextExtent(label).x + grid.FromDIP(16));
            labels_.push_back(label);
        }
        return width;
    }

private:
    static wxGridCellAttr* make(const wxColour& background) {
        auto* attr = new wxGridCellAttr;
        attr->SetBackgroundColour(background);
        // The ink is the cell's own, not the theme's: a dark theme's light text on these light cells would not read.
        // Near-black on each of them is well above WCAG's 4.5:1 (tests/app/attendance_test.cpp measures it).
        attr->SetTextColour(wxColour(26, 26, 26));
        return attr;
    }
    const Session& session(int col) const { return page_.sheet_.sessions[static_cast<std::size_t>(col)]; }
    bool counts_here(int row, int col) const {
        return page_.counts_here(page_.sheet_.people[static_cast<std::size_t>(row)], session(col));
    }
    const Attendance* mark(int row, int col) const {
        const auto found = page_.marks_.find({session(col).id, page_.sheet_.people[static_cast<std::size_t>(row)].ref});
        return found == page_.marks_.end() ? nullptr : &found->second;
    }

    AttendancePage& page_;
    wxGridCellAttr* by_status_[5];
    wxGridCellAttr* before_enrolment_;
    wxGridCellAttr* to_come_;
    std::vector<wxString> labels_;
};

AttendancePage::AttendancePage(wxWindow* parent, AppContext& context, const std::string& cohort_code)
    : CohortPage(parent, context, cohort_code, "attendance") {
    auto* column = new wxBoxSizer(wxVERTICAL);
    // The key hint goes under the buttons when the window is too narrow for one line.
    auto* bar = new wxWrapSizer(wxHORIZONTAL);
    auto* everyone = new wxButton(this, wxID_ANY, _("&Everyone present (Shift+P)"));
    auto* undo_button = new wxButton(this, wxID_UNDO, _("&Undo (Ctrl+Z)"));
    bar->Add(everyone, 0, wxRIGHT | wxBOTTOM, 4);
    bar->Add(undo_button, 0, wxRIGHT | wxBOTTOM, 12);
    bar->Add(new wxStaticText(this, wxID_ANY,
                              _("Keys: P present · L late · F left early · E excused · A absent · Delete clears · "
                                "arrows move")),
             0, wxALIGN_CENTER_VERTICAL | wxBOTTOM, 4);
    column->Add(bar, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 8);
    summary_ = new wxStaticText(this, wxID_ANY, "");
    summary_->SetName("summary");
    column->Add(summary_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 8);
    Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        e.Skip();
        CallAfter([this] { set_summary(summary_text_); });
    });
    grid_ = new wxGrid(this, wxID_ANY);
    grid_->SetName("attendance_grid");
    table_ = new AttendanceTable(*this);
    grid_->SetTable(table_, true);
    grid_->EnableEditing(false);
    grid_->EnableDragRowSize(false);
    {
        // A session's label is two lines, its module and its date: the columns as wide, and the labels as high, as
        // they need in the label font at the text's size (GTK's text scaling included).
        wxClientDC dc(grid_);
        dc.SetFont(grid_->GetLabelFont());
        const wxSize date = dc.GetTextExtent("2026-12-31");
        grid_->SetColLabelSize(std::max(FromDIP(40), 2 * date.y + FromDIP(12)));
        grid_->SetDefaultColSize(std::max(column_width(grid_, "", 78), date.x + FromDIP(16)));
    }
    grid_->SetDefaultCellAlignment(wxALIGN_CENTRE, wxALIGN_CENTRE);
    grid_->SetRowLabelAlignment(wxALIGN_LEFT, wxALIGN_CENTRE);
    grid_->SetCellHighlightPenWidth(3);
    column->Add(grid_, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 8);
    set_accessible_name(grid_, _("Attendance"));
    SetSizer(column);
    AttendanceList::add_if_wanted(*this);

    ask_minutes_ = [this](const wxString& person, const Session& s) { return ask_minutes_in_dialog(this, person, s); };
    grid_->Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& e) {
        if (!handle_key(e.GetKeyCode(), e.GetModifiers())) e.Skip();
    });
    grid_->Bind(wxEVT_GRID_SELECT_CELL, [this](wxGridEvent& e) {
        e.Skip();
        CallAfter([this] { show_summary(); });
    });
    everyone->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        everyone_present();
        focus_marks();
    });
    undo_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        undo();
        focus_marks();
    });
    undo_button->Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(can_undo()); });
}

bool AttendancePage::counts_here(const store::SheetPerson& person, const Session& session) const {
    return counts_at_session(person.enrolled_on, session.date);
}

void AttendancePage::refresh() {
    AttendanceList::add_if_wanted(*this);  // a screen reader started since
    const int old_row = grid_->GetGridCursorRow(), old_col = grid_->GetGridCursorCol();
    const std::string old_ref = old_row >= 0 && old_row < static_cast<int>(sheet_.people.size())
                                    ? sheet_.people[static_cast<std::size_t>(old_row)].ref
                                    : "";
    const long long old_session = old_col >= 0 && old_col < static_cast<int>(sheet_.sessions.size())
                                      ? sheet_.sessions[static_cast<std::size_t>(old_col)].id
                                      : 0;
    if (!guarded(this, [&] {
            store::AppQueries queries(context_.db());
            sheet_ = queries.attendance_sheet(cohort_);
            if (const auto cohort = queries.find_cohort(cohort_)) time_zone_ = cohort->time_zone;
        }))
        return;
    today_ = context_.today_at(time_zone_);
    marks_.clear();
    for (const auto& m : sheet_.marks) marks_[{m.session_id, m.participant_ref}] = m;

    grid_->BeginBatch();
    const int label_width = table_->set_labels(*grid_);
    // Tell the grid how many rows and columns the table has now; it asks for the cells it draws.
    const int rows = table_->GetNumberRows(), cols = table_->GetNumberCols();
    const int old_rows = grid_->GetNumberRows(), old_cols = grid_->GetNumberCols();
    if (old_rows > 0) {
        wxGridTableMessage gone(table_, wxGRIDTABLE_NOTIFY_ROWS_DELETED, 0, old_rows);
        grid_->ProcessTableMessage(gone);
    }
    if (old_cols > 0) {
        wxGridTableMessage gone(table_, wxGRIDTABLE_NOTIFY_COLS_DELETED, 0, old_cols);
        grid_->ProcessTableMessage(gone);
    }
    if (cols > 0) {
        wxGridTableMessage added(table_, wxGRIDTABLE_NOTIFY_COLS_APPENDED, cols);
        grid_->ProcessTableMessage(added);
    }
    if (rows > 0) {
        wxGridTableMessage added(table_, wxGRIDTABLE_NOTIFY_ROWS_APPENDED, rows);
        grid_->ProcessTableMessage(added);
    }
    // At most 360 DIPs of the usual text (grown with the text's scale): a longer name leaves room for the marks.
    grid_->SetRowLabelSize(std::min(label_width, column_width(grid_, "", 360)));
    grid_->EndBatch();

    int row = std::max(0, row_of(old_ref)), col = old_session ? column_of(old_session) : -1;
    if (col < 0) col = std::max(0, nearest_column());
    if (grid_->GetNumberRows() > 0 && grid_->GetNumberCols() > 0) {
        grid_->GoToCell(std::min(row, grid_->GetNumberRows() - 1), std::min(col, grid_->GetNumberCols() - 1));
    }
    show_summary();
}

void AttendancePage::show_cell(int row, int column) {
    grid_->RefreshAttr(row, column);  // the table decides the colour; forget the one the grid kept
    grid_->RefreshBlock(row, column, row, column);
}

int AttendancePage::column_of(long long session_id) const {
    for (std::size_t c = 0; c < sheet_.sessions.size(); ++c)
        if (sheet_.sessions[c].id == session_id) return static_cast<int>(c);
    return -1;
}

int AttendancePage::row_of(const std::string& ref) const {
    for (std::size_t r = 0; r < sheet_.people.size(); ++r)
        if (sheet_.people[r].ref == ref) return static_cast<int>(r);
    return -1;
}

int AttendancePage::nearest_column() const {
    std::vector<Date> dates;
    for (const auto& s : sheet_.sessions) dates.push_back(s.date);
    const auto nearest = nearest_session(dates, today_);
    return nearest ? static_cast<int>(*nearest) : -1;
}

void AttendancePage::focus_nearest_session() {
    const int col = nearest_column();
    if (col >= 0 && grid_->GetNumberRows() > 0) {
        const int row = std::max(0, grid_->GetGridCursorRow());
        grid_->GoToCell(row, col);  // moves the cursor and scrolls the cell into view
        grid_->MakeCellVisible(row, col);
    }
    focus_marks();
    show_summary();
}

void AttendancePage::focus_marks() {
    if (list_) list_->people()->SetFocus();
    else grid_->SetFocus();
}

bool AttendancePage::may_mark(const Session& session) {
    today_ = context_.today_at(time_zone_);
    if (!is_future_session(session.date, today_)) return true;
    return ask_yes_no(this,
                      wxString::Format(_("Session %lld (%s) is on %s, which has not come yet at the site (today "
                                         "there is %s). Record the marks anyway?"),
                                       session.id, wx(session.module_code), wx(session.date), wx(today_)),
                      _("Record the marks"), _("Don't record"));
}

bool AttendancePage::handle_key(int key, int modifiers) {
    if (modifiers == wxMOD_SHIFT && key == 'P') return everyone_present(), true;
    if (modifiers == wxMOD_CONTROL && key == 'Z') return undo(), true;
    if (modifiers != wxMOD_NONE) return false;
    switch (key) {
        case 'P': mark_current(AttendanceStatus::present); return true;
        case 'L': mark_current(AttendanceStatus::late); return true;
        case 'F': mark_current(AttendanceStatus::left_early); return true;
        case 'E': mark_current(AttendanceStatus::excused); return true;
        case 'A': mark_current(AttendanceStatus::absent); return true;
        case WXK_DELETE:
        case WXK_BACK: clear_current(); return true;
        default: return false;
    }
}

void AttendancePage::mark_current(AttendanceStatus status) {
    const int row = grid_->GetGridCursorRow(), col = grid_->GetGridCursorCol();
    if (row < 0 || col < 0) return;
    const auto& person = sheet_.people[static_cast<std::size_t>(row)];
    const auto& session = sheet_.sessions[static_cast<std::size_t>(col)];
    if (!may_mark(session)) return;
    Attendance a{session.id, person.ref, status, std::nullopt, ""};
    if (auto found = marks_.find({session.id, person.ref}); found != marks_.end()) a.note = found->second.note;
    if (status == AttendanceStatus::late || status == AttendanceStatus::left_early) {
        const auto minutes = ask_minutes_(wx(person.full_name), session);
        if (!minutes) return;
        a.minutes = *minutes;
    }
    const std::size_t before = undo_.size();
    save({a});
    if (undo_.size() > before && row + 1 < grid_->GetNumberRows()) grid_->MoveCursorDown(false);
}

void AttendancePage::clear_current() {
    const int row = grid_->GetGridCursorRow(), col = grid_->GetGridCursorCol();
    if (row < 0 || col < 0) return;
    const auto& person = sheet_.people[static_cast<std::size_t>(row)];
    const auto& session = sheet_.sessions[static_cast<std::size_t>(col)];
    const auto found = marks_.find({session.id, person.ref});
    if (found == marks_.end()) return;
    const Attendance before = found->second;
    if (!guarded(this, [&] { store::AppQueries(context_.db()).unmark(session.id, person.ref); })) return;
    marks_.erase(found);
    undo_.push_back({{session.id, person.ref, before}});
    show_cell(row, col);
    show_summary();
}

void AttendancePage::everyone_present() {
    const int col = grid_->GetGridCursorCol();
    if (col < 0 && !sheet_.sessions.empty() && sheet_.people.empty()) {  // no rows, so no cursor
        set_summary(_("No one to mark: no one is enrolled in this cohort yet (enrol people on the Enrol page)."));
        return;
    }
    if (col < 0) return;
    const auto& session = sheet_.sessions[static_cast<std::size_t>(col)];
    std::vector<Attendance> marks;
    std::vector<std::optional<Date>> enrolled_on;
    std::vector<bool> marked;
    for (const auto& p : sheet_.people) {
        enrolled_on.push_back(p.enrolled_on);
        marked.push_back(marks_.count({session.id, p.ref}) > 0);
        if (counts_here(p, session) && !marked.back())
            marks.push_back(Attendance{session.id, p.ref, AttendanceStatus::present, std::nullopt, ""});
    }
    if (const auto why = nobody_to_mark(enrolled_on, marked, session.date)) {
        switch (*why) {
            case NobodyToMark::nobody_enrolled:
                set_summary(
                    _("No one to mark: no one is enrolled in this cohort yet (enrol people on the "
                      "Enrol page)."));
                break;
            case NobodyToMark::enrolled_later:
                set_summary(wxString::Format(
                    _("No one to mark: everyone here was enrolled after this session (%s). If they were there, "
                      "change their enrolment date on the Enrol page."),
                    wx(session.date)));
                break;
            case NobodyToMark::all_marked:
                set_summary(
                    _("Everyone enrolled by this session is marked already: no one is left to mark "
                      "present."));
                break;
        }
        return;
    }
    if (!may_mark(session)) return;
    save(marks);
}

void AttendancePage::save(const std::vector<Attendance>& marks) {
    std::vector<UndoEntry> group;
    std::vector<store::LocatedMark> located;
    for (const auto& a : marks) {
        const auto found = marks_.find({a.session_id, a.participant_ref});
        group.push_back({a.session_id, a.participant_ref,
                         found == marks_.end() ? std::nullopt : std::optional<Attendance>(found->second)});
        located.push_back({a, 0});
    }
    if (!guarded(this, [&] { store::AttendanceRepo(context_.db()).mark(cohort_, located); })) return;
    for (const auto& a : marks) {
        marks_[{a.session_id, a.participant_ref}] = a;
        const int r = row_of(a.participant_ref), c = column_of(a.session_id);
        if (r >= 0 && c >= 0) show_cell(r, c);
    }
    undo_.push_back(std::move(group));
    show_summary();
}

void AttendancePage::undo() {
    if (undo_.empty()) return;
    const auto group = undo_.back();
    const bool done = guarded(this, [&] {
        context_.db().write([&] {  // the whole step is undone, or none of it
            std::vector<store::LocatedMark> again;
            for (const auto& e : group) {
                if (e.before) again.push_back({*e.before, 0});
                else if (marks_.count({e.session_id, e.ref}))
                    store::AppQueries(context_.db()).unmark(e.session_id, e.ref);
            }
            if (!again.empty()) store::AttendanceRepo(context_.db()).mark(cohort_, again);
        });
    });
    if (!done) return;
    undo_.pop_back();
    for (const auto& e : group) {
        if (e.before) marks_[{e.session_id, e.ref}] = *e.before;
        else marks_.erase({e.session_id, e.ref});
        const int r = row_of(e.ref), c = column_of(e.session_id);
        if (r >= 0 && c >= 0) show_cell(r, c);
    }
    if (!group.empty()) {
        const int r = row_of(group.front().ref), c = column_of(group.front().session_id);
        if (r >= 0 && c >= 0) grid_->GoToCell(r, c);
    }
    show_summary();
}

wxString AttendancePage::summary() const { return summary_text_; }

void AttendancePage::set_summary(const wxString& text) {
    summary_text_ = text;
    summary_->SetLabel(text);
    summary_->Wrap(std::max(100, GetClientSize().GetWidth() - FromDIP(16)));
    Layout();
}

void AttendancePage::show_summary() {
    if (list_) list_->show();
    const int col = grid_->GetGridCursorCol();
    if (col < 0 || col >= static_cast<int>(sheet_.sessions.size())) {
        set_summary(sheet_.sessions.empty() ? _("No sessions yet: schedule them on the Sessions page.") : wxString());
        return;
    }
    const auto& s = sheet_.sessions[static_cast<std::size_t>(col)];
    int present = 0, late = 0, early = 0, excused = 0, absent = 0, unmarked = 0;
    for (const auto& p : sheet_.people) {
        const auto found = marks_.find({s.id, p.ref});
        if (found == marks_.end()) {
            unmarked += counts_here(p, s) ? 1 : 0;
            continue;
        }
        switch (found->second.status) {
            case AttendanceStatus::present: ++present; break;
            case AttendanceStatus::late: ++late; break;
            case AttendanceStatus::left_early: ++early; break;
            case AttendanceStatus::excused: ++excused; break;
            case AttendanceStatus::absent: ++absent; break;
        }
    }
    set_summary(in_interface_direction(
        wxString::Format(_("Session %lld · %s · %s %s · %d minutes — %d present, %d late, %d left "
                           "early, %d excused, %d absent, %d not marked"),
                         s.id, isolated(wx(s.module_code)), isolated(wx(s.date)), isolated(wx(to_string(s.start_time))),
                         s.minutes, present, late, early, excused, absent, unmarked)));
}

}  // namespace mitra::app
