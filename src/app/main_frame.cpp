// The main window: menus, toolbar, status bar, a sidebar of sections and open cohorts, and their pages.
#include "app/main_frame.hpp"

#include <wx/aboutdlg.h>
#include <wx/artprov.h>
#include <wx/config.h>
#include <wx/dialog.h>
#include <wx/html/htmlwin.h>
#include <wx/infobar.h>
#include <wx/intl.h>
#include <wx/menu.h>
#include <wx/persist/toplevel.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/textdlg.h>
#include <wx/toolbar.h>

#include "app/accessibility.hpp"
#include "app/certification_view.hpp"
#include "app/cohort_pages.hpp"
#include "app/cohort_panel.hpp"
#include "app/dialogs.hpp"
#include "app/guard.hpp"
#include "app/practice_dialogs.hpp"
#include "app/i18n.hpp"
#include "app/recovery.hpp"
#include "app/reports_panel.hpp"
#include "app/sections.hpp"
#include "app/text.hpp"
#include "io/fault_words.hpp"
#include "store/app_queries.hpp"
#include "store/settings.hpp"

namespace mitra::app {
namespace {

constexpr int ID_SECTION_FIRST = wxID_HIGHEST + 1;  // five in a row, one per section

enum {
    ID_NEW_COHORT = ID_SECTION_FIRST + 10,
    ID_OPEN_COHORT,
    ID_CLOSE_COHORT,
    ID_OBSERVE,
    ID_RELEASE,
    ID_SUPERVISE,
    ID_DEADLINES,
    ID_SUPERVISORS,
    ID_REPORTS,
    ID_RENEWALS,
};

}  // namespace

MainFrame::MainFrame(AppContext& context)
    : wxFrame(nullptr, wxID_ANY, _("Mitra"), wxDefaultPosition, wxSize(1200, 780)), context_(context), history_(9) {
    SetName("main");
    install_accessible_names();  // every window from here on: each control's name for a screen reader
    SetIcon(wxArtProvider::GetIcon(wxART_HELP_BOOK, wxART_FRAME_ICON));
    build_menus();
    // The status bar's counts follow the changes made in the window (people added, cohorts made).
    Bind(wxEVT_IDLE, [this](wxIdleEvent& e) {
        e.Skip();
        if (context_.is_open() && context_.db().committed_writes() != status_read_at_) update_status();
    });

    auto* top = new wxBoxSizer(wxVERTICAL);
    notices_ = new wxInfoBar(this);
    notices_->SetName("notices");
    top->Add(notices_, 0, wxEXPAND);
    auto* splitter = new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxSP_LIVE_UPDATE);
    top->Add(splitter, 1, wxEXPAND);
    SetSizer(top);
    sidebar_ = new wxListBox(splitter, wxID_ANY);
    sidebar_->SetName("sidebar");
    set_accessible_name(sidebar_, _("Sections and open cohorts"));
    book_ = new wxSimplebook(splitter, wxID_ANY);
    splitter->SplitVertically(sidebar_, book_, FromDIP(170));
    splitter->SetMinimumPaneSize(FromDIP(120));
    CreateStatusBar(2);
    const int widths[] = {-3, -2};
    GetStatusBar()->SetStatusWidths(2, widths);

    sidebar_->Bind(wxEVT_LISTBOX, [this](wxCommandEvent& e) {
        if (renewals_ && book_->GetPage(static_cast<size_t>(e.GetSelection())) == renewals_) return show_renewals();
        show_page(e.GetSelection());
    });
    build_pages();
    wxPersistentRegisterAndRestore(this, "main");
}

MainFrame::~MainFrame() {
    if (context_.is_open()) context_.db().on_waiting({});  // the database may outlive this window
    remember_open_cohort();
    history_.Save(*wxConfigBase::Get());
    wxConfigBase::Get()->Flush();
}

void MainFrame::build_menus() {
    auto* file = new wxMenu;
    file->Append(wxID_OPEN, _("&Open database…\tCtrl+O"), _("Open another Mitra file, or a regional hub"));
    auto* recent = new wxMenu;
    file->AppendSubMenu(recent, _("Open &recent"));
    file->AppendSeparator();
    file->Append(wxID_PREFERENCES, _("&Preferences…\tCtrl+,"));
    file->AppendSeparator();
    file->Append(wxID_EXIT, _("&Quit\tCtrl+Q"));

    auto* view = new wxMenu;
    view->Append(ID_SECTION_FIRST + curricula, _("&Curricula\tCtrl+1"));
    view->Append(ID_SECTION_FIRST + trainers, _("&Trainers\tCtrl+2"));
    view->Append(ID_SECTION_FIRST + participants, _("&Participants\tCtrl+3"));
    view->Append(ID_SECTION_FIRST + cohorts, _("C&ohorts\tCtrl+4"));
    view->Append(ID_SECTION_FIRST + certificates, _("C&ertificates\tCtrl+5"));
    view->AppendSeparator();
    view->Append(ID_REPORTS, _("&Reports\tCtrl+6"));
    view->Append(ID_RENEWALS, _("Re&newals due\tCtrl+7"));
    view->Append(ID_SUPERVISORS, _("&Supervisors…\tCtrl+8"), _("Supervisors of practice and their credentials"));

    auto* cohort = new wxMenu;
    cohort->Append(ID_NEW_COHORT, _("&New cohort…\tCtrl+N"));
    cohort->Append(ID_OPEN_COHORT, _("&Open cohort…\tCtrl+Shift+O"));
    cohort->Append(ID_CLOSE_COHORT, _("&Close cohort\tCtrl+W"));
    cohort->AppendSeparator();
    cohort->Append(ID_OBSERVE, _("Record an o&bserved assessment…\tCtrl+Shift+B"),
                   _("Rate the chosen person's observed practice on a module's rubric"));
    cohort->Append(ID_RELEASE, _("&Release the held-back results…\tCtrl+Shift+R"),
                   _("Release the chosen person's observed assessment results held back until now"));
    cohort->Append(ID_SUPERVISE, _("&Log supervision…\tCtrl+Shift+L"),
                   _("Log a supervision entry for the chosen person"));
    cohort->Append(ID_DEADLINES, _("Completion &deadlines…\tCtrl+Shift+D"),
                   _("People near or past their completion deadline, and extensions"));

    auto* help = new wxMenu;
    help->Append(wxID_HELP, _("&Help\tF1"));
    help->Append(wxID_ABOUT, _("&About Mitra"));

    auto* bar = new wxMenuBar;
    bar->Append(file, _("&File"));
    bar->Append(view, _("&View"));
    bar->Append(cohort, _("&Cohort"));
    bar->Append(help, _("&Help"));
    SetMenuBar(bar);

    history_.UseMenu(recent);
    history_.Load(*wxConfigBase::Get());

    auto* tools = CreateToolBar(wxTB_HORIZONTAL | wxTB_TEXT | wxTB_HORZ_LAYOUT);
    tools->AddTool(wxID_OPEN, _("Open"), wxArtProvider::GetBitmapBundle(wxART_FILE_OPEN, wxART_TOOLBAR),
                   _("Open another database (Ctrl+O)"));
    tools->AddTool(ID_NEW_COHORT, _("New cohort"), wxArtProvider::GetBitmapBundle(wxART_NEW, wxART_TOOLBAR),
                   _("Create a cohort (Ctrl+N)"));
    tools->AddSeparator();
    tools->AddTool(ID_SECTION_FIRST + participants, _("Participants"),
                   wxArtProvider::GetBitmapBundle(wxART_FIND, wxART_TOOLBAR), _("Find people (Ctrl+3)"));
    tools->AddTool(ID_SECTION_FIRST + cohorts, _("Cohorts"),
                   wxArtProvider::GetBitmapBundle(wxART_LIST_VIEW, wxART_TOOLBAR), _("Cohorts (Ctrl+4)"));
    tools->AddSeparator();
    tools->AddTool(wxID_HELP, _("Help"), wxArtProvider::GetBitmapBundle(wxART_HELP, wxART_TOOLBAR), _("Help (F1)"));
    tools->Realize();

    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { on_open(); }, wxID_OPEN);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { on_preferences(); }, wxID_PREFERENCES);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { Close(); }, wxID_EXIT);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { on_help(); }, wxID_HELP);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { on_about(); }, wxID_ABOUT);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent& e) { show_section(Section(e.GetId() - ID_SECTION_FIRST)); },
        ID_SECTION_FIRST, ID_SECTION_FIRST + certificates);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&) {
            show_section(cohorts);
            static_cast<CohortsPanel*>(section(cohorts))->create_cohort();
        },
        ID_NEW_COHORT);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&) {
            const wxString code = wxGetTextFromUser(_("The cohort's code:"), _("Open cohort"), "", this);
            if (!code.empty()) guarded(this, [&] { open_cohort(utf8(code.Strip(wxString::both))); });
        },
        ID_OPEN_COHORT);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { close_cohort(); }, ID_CLOSE_COHORT);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent& e) {
            // For the person chosen on the shown cohort's Completion page (it is shown, so the choice can be seen).
            const int at = book_->GetSelection() - static_cast<int>(fixed_pages());
            if (at < 0 || at >= static_cast<int>(cohorts_.size()))
                return show_info(this, _("Open a cohort first, then choose a person on its Completion page."));
            auto* panel = cohorts_[static_cast<std::size_t>(at)];
            panel->show_page(CohortPanel::completion_page);
            if (e.GetId() == ID_OBSERVE) panel->completion()->observe_selected();
            else if (e.GetId() == ID_RELEASE) panel->completion()->release_selected();
            else if (e.GetId() == ID_SUPERVISE) panel->completion()->supervise_selected();
            else panel->completion()->deadlines();
        },
        ID_OBSERVE, ID_DEADLINES);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { show_page(static_cast<int>(sections_.size())); }, ID_REPORTS);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { show_renewals(); }, ID_RENEWALS);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { show_supervisors(this, context_); }, ID_SUPERVISORS);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent& e) {
            const wxString target = history_.GetHistoryFile(static_cast<size_t>(e.GetId() - wxID_FILE1));
            use_database(utf8(target));
        },
        wxID_FILE1, wxID_FILE9);
}

void MainFrame::build_pages() {
    Freeze();
    book_->DeleteAllPages();
    sections_.clear();
    cohorts_.clear();
    sidebar_->Clear();
    auto add = [this](BrowsePanel* panel, const wxString& title) {
        sections_.push_back(panel);
        book_->AddPage(panel, title);
        sidebar_->Append(title);
    };
    add(new CurriculaPanel(book_, context_), _("Curricula"));
    add(new TrainersPanel(book_, context_), _("Trainers"));
    add(new ParticipantsPanel(book_, context_), _("Participants"));
    add(new CohortsPanel(book_, context_, [this](const std::string& code) { open_cohort(code); }), _("Cohorts"));
    add(new CertificatesPanel(book_, context_), _("Certificates"));
    // Views that are not lists, after the sections and before the open cohorts.
    views_.clear();
    reports_ = new ReportsPanel(book_, context_);
    views_.push_back(reports_);
    book_->AddPage(reports_, _("Reports"));
    sidebar_->Append(_("Reports"));
    renewals_ = new RenewalsPanel(book_, context_);
    views_.push_back(renewals_);
    book_->AddPage(renewals_, _("Renewals due"));
    sidebar_->Append(_("Renewals due"));
    widen_sidebar();
    Thaw();
    show_section(cohorts);
    update_status();
    show_warnings();
    show_lock_waits();
}

void MainFrame::show_warnings() {
    notice_.clear();
    if (context_.is_open())
        for (const auto& warning : context_.db().warnings())
            notice_ << (notice_.empty() ? "" : "\n") << fault_words(warning);
    // Read-only is not damage: everything can be looked at, nothing changed.
    if (context_.is_open() && context_.db().read_only()) {
        const wxString read_only =
            fault_words(context_.db().read_only_why()) + " " +
            _("You can look, search, print reports and export; changes are refused. To make changes, copy the file "
              "to a place you may write to, or ask whoever owns it.");
        notice_ = notice_.empty() ? read_only : read_only + "\n" + notice_;
    }
    if (notice_.empty()) {
        notices_->Dismiss();
        return;
    }
    notices_->ShowMessage(notice_, context_.db().warnings().empty() ? wxICON_INFORMATION : wxICON_WARNING);
}

void MainFrame::show_lock_waits() {
    if (!context_.is_open()) return;
    // A change waiting for another program says so in the status bar at once (the store asks within about a
    // second); the usual status comes back when the change is through or given up.
    context_.db().on_waiting([this](std::chrono::milliseconds waited, std::chrono::seconds limit) {
        SetStatusText(
            wxString::Format(_("Another program is changing the database; waiting for it to finish "
                               "(%lld of at most %lld s)…"),
                             static_cast<long long>(waited.count() / 1000), static_cast<long long>(limit.count())),
            0);
        GetStatusBar()->Update();
        const int total = static_cast<int>(limit.count());
        const int so_far = std::min(total, static_cast<int>(waited.count() / 1000));
        const wxString message =
            _("Another program is changing the database. Your change waits for it and is "
              "given up by itself if it takes too long; Cancel gives it up now (nothing is "
              "changed).");
        if (!wait_dialog_)
            wait_dialog_ = std::make_unique<wxProgressDialog>(_("Waiting for another program"), message, total, this,
                                                              wxPD_CAN_ABORT | wxPD_APP_MODAL | wxPD_ELAPSED_TIME);
        const bool go_on = wait_dialog_->Update(so_far, message);
        if (!waiting_) {
            waiting_ = true;
            CallAfter([this] {
                waiting_ = false;
                wait_dialog_.reset();
                update_status();
            });
        }
        return go_on;
    });
}

bool MainFrame::use_database(const std::string& target) {
    if (target.empty()) return false;
    if (!open_database(this, context_, target)) return false;
    history_.AddFileToHistory(wx(target));
    history_.Save(*wxConfigBase::Get());
    build_pages();
    return true;
}

void MainFrame::show_page(int index) {
    if (index < 0 || index >= static_cast<int>(book_->GetPageCount())) return;
    if (sidebar_->GetSelection() != index) sidebar_->SetSelection(index);
    book_->ChangeSelection(static_cast<size_t>(index));
    update_status();
}

void MainFrame::show_renewals() {
    renewals_->refresh();  // learning and renewals change it from other pages
    show_page(static_cast<int>(sections_.size()) + 1);
}

void MainFrame::show_section(Section s) { show_page(static_cast<int>(s)); }

BrowsePanel* MainFrame::section(Section s) const { return sections_.at(static_cast<std::size_t>(s)); }

CohortPanel* MainFrame::open_cohort(const std::string& code) {
    for (std::size_t i = 0; i < cohorts_.size(); ++i)
        if (cohorts_[i]->cohort_code() == code) {
            show_page(static_cast<int>(fixed_pages() + i));
            return cohorts_[i];
        }
    if (!store::AppQueries(context_.db()).find_cohort(code))
        throw InputError{{Problem{"", 0, 0, "cohort", utf8(wxString::Format(_("no cohort has code %s"), wx(code)))}}};
    auto* panel = new CohortPanel(book_, context_, code);
    cohorts_.push_back(panel);
    book_->AddPage(panel, wx(code));
    sidebar_->Append(wxString::FromUTF8("▸ ") + wx(code));
    widen_sidebar();
    show_page(static_cast<int>(book_->GetPageCount()) - 1);
    panel->focus_start();  // the sidebar and the book may have taken the keyboard meanwhile
    remember_open_cohort();
    return panel;
}

void MainFrame::open_at_start(const std::string& code) {
    if (!context_.is_open()) return;
    auto* config = wxConfigBase::Get();
    std::string wanted = code;
    if (wanted.empty() && config->Read("/Session/Database", "") == wx(context_.target()))
        wanted = utf8(config->Read("/Session/Cohort", ""));
    if (wanted.empty()) return;
    bool known = false;
    guarded(this, [&] { known = store::AppQueries(context_.db()).find_cohort(wanted).has_value(); });
    if (!known) {
        // A cohort remembered from last time may have gone with a restored backup: only a code asked for is news.
        if (!code.empty())
            show_info(this, wxString::Format(_("There is no cohort with the code %s in this database, so none was "
                                               "opened. The cohorts there are listed under Cohorts."),
                                             wx(code)));
        return;
    }
    guarded(this, [&] { open_cohort(wanted); });
}

void MainFrame::remember_open_cohort() {
    if (!context_.is_open()) return;
    auto* config = wxConfigBase::Get();
    const int at = book_->GetSelection() - static_cast<int>(fixed_pages());
    const CohortPanel* shown = at >= 0 && at < static_cast<int>(cohorts_.size())
                                   ? cohorts_[static_cast<std::size_t>(at)]
                                   : (cohorts_.empty() ? nullptr : cohorts_.back());
    config->Write("/Session/Database", wx(context_.target()));
    config->Write("/Session/Cohort", shown ? wx(shown->cohort_code()) : wxString());
    config->Flush();
}

void MainFrame::close_cohort() {
    const int at = book_->GetSelection() - static_cast<int>(fixed_pages());
    if (at < 0) return;
    cohorts_.erase(cohorts_.begin() + at);
    const int page = book_->GetSelection();
    book_->DeletePage(static_cast<size_t>(page));
    sidebar_->Delete(static_cast<unsigned>(page));
    show_section(cohorts);
    remember_open_cohort();
}

void MainFrame::update_status() {
    SetStatusText(context_.is_open() ? wxString::Format(_("Database: %s"), wx(context_.target()))
                                     : _("No database is open: use File ▸ Open."),
                  0);
    if (!context_.is_open()) return;
    guarded(this, [&] {
        status_read_at_ = context_.db().committed_writes();
        store::AppQueries queries(context_.db());
        const long long people = queries.count_participants(""), cohorts = queries.count_cohorts("");
        SetStatusText(wxString::Format(wxPLURAL("%lld person", "%lld people", people), people) + " · " +
                          wxString::Format(wxPLURAL("%lld cohort", "%lld cohorts", cohorts), cohorts),
                      1);
    });
}

void MainFrame::on_open() {
    OpenDialog dialog(this);
    if (dialog.ShowModal() == wxID_OK) use_database(dialog.target());
}

void MainFrame::on_preferences() {
    wxString verify_url;
    const bool open = context_.is_open();
    if (open) guarded(this, [&] { verify_url = wx(store::SettingsRepo(context_.db()).verify_url()); });
    PreferencesDialog dialog(this, verify_url, open);
    if (dialog.ShowModal() != wxID_OK) return;
    // The address first: a refused one (not https://…) is said, and the dialog's language is still saved.
    if (open && dialog.verify_url() != verify_url && !dialog.verify_url().empty())
        guarded(this,
                [&] { store::SettingsRepo(context_.db()).set(store::kVerifyUrlSetting, utf8(dialog.verify_url())); });
    want_attendance_list(dialog.attendance_list());  // cohorts opened from now on
    const bool language_changed = dialog.language_code() != saved_language();
    save_language(dialog.language_code());
    if (language_changed) show_info(this, _("The new language shows the next time Mitra starts."));
}

void MainFrame::on_help() {
    wxDialog dialog(this, wxID_ANY, _("Mitra help"), wxDefaultPosition, FromDIP(wxSize(640, 520)),
                    wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER);
    auto* html = new wxHtmlWindow(&dialog);
    wxString page;
    page << "<h3>" << _("Working with a cohort") << "</h3><ol>"
         << "<li>" << _("Cohorts (Ctrl+4): choose a cohort and press Enter, or make one with Ctrl+N.") << "</li>"
         << "<li>"
         << _("Enrol: find people and enrol them, add a new person, or import a CSV file. A file with any bad row "
              "changes nothing; every bad row is listed with its line and column.")
         << "</li>"
         << "<li>" << _("Sessions: schedule the whole curriculum at once, then move or add sessions.") << "</li>"
         << "<li>"
         << _("Attendance: P present, L late, F left early, E excused, A absent, Delete clears; Shift+P marks everyone "
              "not yet marked present; Ctrl+Z undoes. Every mark is saved at once.")
         << "</li>"
         << "<li>"
         << _("Completion: who is complete or on track, and what each person still needs. A coordinator can decide a "
              "module, with a written reason.")
         << "</li>"
         << "<li>" << _("Print certificates: preview one, then write everyone's PDFs and one print file.")
         << "</li></ol>"
         << "<h3>" << _("Files") << "</h3><p>"
         << _("People CSV header: ref,full_name,latin_name,country,language,email (phone and consent_date optional).")
         << "</p>";
    html->SetPage(page);
    auto* column = new wxBoxSizer(wxVERTICAL);
    column->Add(html, 1, wxEXPAND | wxALL, 8);
    column->Add(dialog.CreateStdDialogButtonSizer(wxOK), 0, wxEXPAND | wxALL, 8);
    dialog.SetSizer(column);
    dialog.SetEscapeId(wxID_OK);
    dialog.ShowModal();
}

void MainFrame::on_about() {
    wxAboutDialogInfo info;
    info.SetName("Mitra");
    info.SetVersion("0.1.0");
    info.SetDescription(
        _("Curricula, cohorts, attendance and certificates for a regional peer-support training "
          "programme. Works offline on one laptop."));
    wxAboutBox(info, this);
}

void MainFrame::widen_sidebar() {
    // Wide enough for its longest entry: the sash is placed in pixels, and large text (GTK's text scaling) or a
    // longer translation needs more than it gives.
    auto* splitter = static_cast<wxSplitterWindow*>(sidebar_->GetParent());
    const int needed = sidebar_->GetBestSize().GetWidth();
    if (splitter->GetSashPosition() < needed) splitter->SetSashPosition(needed);
}

}  // namespace mitra::app
