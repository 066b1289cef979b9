// The main window: menus, toolbar, status bar, a sidebar of sections and open cohorts, and their pages.
#pragma once
#include <wx/filehistory.h>
#include <wx/frame.h>
#include <wx/listbox.h>
#include <wx/progdlg.h>
#include <wx/simplebook.h>

#include <memory>
#include <string>
#include <vector>

#include "app/app_context.hpp"

class wxInfoBar;

namespace mitra::app {

class BrowsePanel;
class CohortPanel;
class ParticipantsPanel;
class ReportsPanel;
class RenewalsPanel;

class MainFrame : public wxFrame {
public:
    explicit MainFrame(AppContext& context);
    ~MainFrame() override;

    // Opens another database; on failure the current one stays open and the reason is shown.
    bool use_database(const std::string& target);
    CohortPanel* open_cohort(const std::string& code);
    // At start: the cohort `code` (from `mitra --cohort CODE`), or with none the cohort that was open when the
    // program last closed on this database. An unknown code is said in words, and the program opens as usual.
    void open_at_start(const std::string& code);

    enum Section { curricula, trainers, participants, cohorts, certificates };
    void show_section(Section section);
    BrowsePanel* section(Section section) const;
    wxListBox* sidebar() const { return sidebar_; }
    ReportsPanel* reports() const { return reports_; }
    void show_reports() { show_page(static_cast<int>(sections_.size())); }
    RenewalsPanel* renewals() const { return renewals_; }
    void show_renewals();
    // What the bar above the pages says (warnings from opening the database); empty when it is hidden.
    const wxString& notice() const { return notice_; }

private:
    unsigned long long status_read_at_ = ~0ULL;  // the database's committed_writes() when the status bar was read
    void build_menus();
    void build_pages();
    void show_page(int index);
    void update_status();
    void widen_sidebar();
    void show_warnings();
    void show_lock_waits();
    // The sections and the views after them: the open cohorts' pages come next.
    std::size_t fixed_pages() const { return sections_.size() + views_.size(); }
    void on_open();
    void on_preferences();
    void on_help();
    void on_about();
    void close_cohort();
    void remember_open_cohort();  // for open_at_start next time

    AppContext& context_;
    wxInfoBar* notices_;
    wxString notice_;
    bool waiting_ = false;  // the status bar says a change waits for another program
    // While a change waits for another program: a small window with Cancel (it takes the keyboard; nothing else
    // can be pressed meanwhile, so nothing else runs inside the waiting change).
    std::unique_ptr<wxProgressDialog> wait_dialog_;
    wxListBox* sidebar_;
    wxSimplebook* book_;
    std::vector<BrowsePanel*> sections_;
    std::vector<wxWindow*> views_;
    ReportsPanel* reports_ = nullptr;
    RenewalsPanel* renewals_ = nullptr;
    std::vector<CohortPanel*> cohorts_;
    wxFileHistory history_;
};

}  // namespace mitra::app
