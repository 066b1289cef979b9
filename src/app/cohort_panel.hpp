// A cohort's workspace: who it is, and its pages (Enrol, Sessions, Attendance, Completion, Print).
#pragma once
#include <wx/notebook.h>
#include <wx/panel.h>

#include <string>

#include "app/app_context.hpp"

class wxStaticText;

namespace mitra::app {

class EnrolPage;
class SessionsPage;
class AttendancePage;
class CompletionPage;
class PrintPage;

class CohortPanel : public wxPanel {
public:
    CohortPanel(wxWindow* parent, AppContext& context, const std::string& cohort_code);
    const std::string& cohort_code() const { return cohort_; }

    enum Page { enrol_page, sessions_page, attendance_page, completion_page, print_page };
    void show_page(Page page);
    // Where a trainer starts: on the attendance grid, the session nearest today in view and the keyboard on it.
    void focus_start();
    wxNotebook* notebook() const { return notebook_; }
    EnrolPage* enrol() const { return enrol_; }
    SessionsPage* sessions() const { return sessions_; }
    AttendancePage* attendance() const { return attendance_; }
    CompletionPage* completion() const { return completion_; }
    PrintPage* print() const { return print_; }

private:
    void refresh_header();
    AppContext& context_;
    std::string cohort_;
    wxStaticText* header_;
    unsigned long long header_read_at_ = ~0ULL;  // the database's committed_writes() when the header was read
    wxNotebook* notebook_;
    EnrolPage* enrol_;
    SessionsPage* sessions_;
    AttendancePage* attendance_;
    CompletionPage* completion_;
    PrintPage* print_;
};

}  // namespace mitra::app
