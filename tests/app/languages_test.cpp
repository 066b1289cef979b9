// The cohort cycle's key screens in Japanese, Simplified Chinese and Indonesian (issue 15's "Done when", issue 20's
// Tests): every window shown on the way is read (labels, buttons, boxes, column headers, rows, tabs, menus, the status
// bar, tooltips, what dialogs and message boxes say), and any English word in it fails the test, naming the window.
#include <catch2/catch.hpp>

#include <gtk/gtk.h>
#include <wx/bookctrl.h>
#include <wx/button.h>
#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/ctrlsub.h>
#include <wx/dataview.h>
#include <wx/dialog.h>
#include <wx/grid.h>
#include <wx/html/htmlwin.h>
#include <wx/listctrl.h>
#include <wx/menu.h>
#include <wx/simplebook.h>
#include <wx/spinctrl.h>
#include <wx/srchctrl.h>
#include <wx/statbox.h>
#include <wx/statusbr.h>
#include <wx/stockitem.h>
#include <wx/textctrl.h>
#include <wx/toolbar.h>
#include <wx/utils.h>
#include <wx/xrc/xmlres.h>

#include <fstream>
#include <set>

#include "app/browse_panel.hpp"
#include "app/cohort_pages.hpp"
#include "app/cohort_panel.hpp"
#include "app/dialogs.hpp"
#include "app/guard.hpp"
#include "app/i18n.hpp"
#include "app/main_frame.hpp"
#include "app/sections.hpp"
#include "app/trainer_dialogs.hpp"
#include "fixture.hpp"
#include "store/certificates.hpp"
#include "store/repos.hpp"

using namespace mitra;
using namespace mitra::app_test;
namespace fs = std::filesystem;

namespace {

// Latin words that may stand in any language's interface. Kept tiny: each is a name, an abbreviation or a notation
// the languages' own software writes in Latin letters too.
const std::set<wxString> kAllowed = {
    "Mitra",                                  // the program's name
    "PDF",   "CSV",   "XLSX", "UTF",   "QR",  // file formats, encodings and the code printed on certificates
    "ISO",   "UTC",                           // standards named as such (country codes, the time of changes)
    "OK",                                     // wx's own OK button, "OK (&O)" in its Japanese catalog
    "YYYY",  "MM",    "DD",   "HH",           // how a date or a time is written (2026-04-06, 10:00)
    "Ctrl",  "Shift", "Alt",  "Enter", "Tab", "Esc", "Delete",  // the keys, as printed on the keyboard
};

// The words of a catalog's texts, lower-cased: its msgids (`english` true) or its translations.
std::set<wxString> catalog_words(const std::string& po, bool english) {
    std::set<wxString> out;
    std::ifstream in(po);
    bool in_english = false;
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("msgid", 0) == 0) in_english = true;
        else if (line.rfind("msgstr", 0) == 0) in_english = false;
        else if (line.empty() || line[0] != '"') continue;
        if (in_english != english) continue;
        const auto open = line.find('"');
        if (open == std::string::npos) continue;
        wxString word;
        for (wxUniChar c : wxString::FromUTF8(line.substr(open))) {
            if (wxIsalpha(c) || c.GetValue() > 127) word << c;
            else if (!word.empty()) out.insert(word.Lower()), word.clear();
        }
        if (!word.empty()) out.insert(word.Lower());
    }
    return out;
}

// Finds English in what windows show. Text from the test's own data (names, refs, codes, the site, folders) is
// taken out first: `verbatim` strings wherever they stand, `words` only as whole words.
class EnglishFinder {
public:
    std::vector<wxString> verbatim;
    std::set<wxString> words;
    // Whether a word of Latin letters is English in the language checked: in Japanese and Chinese every one is.
    std::function<bool(const wxString&)> is_english = [](const wxString&) { return true; };
    std::vector<std::string> found;  // "where: the English word in «the text»", once per word and window

    // Checks one text shown at `where`.
    void text(const wxString& where, const wxString& shown) {
        wxString rest = shown;
        for (const auto& s : verbatim)
            if (!s.empty()) rest.Replace(s, " ");
        std::set<wxString> english;
        wxString run;
        auto end_run = [&] {
            int ascii = 0;
            bool digit = false, other = false;
            for (wxUniChar c : run) {
                if (c >= '0' && c <= '9') digit = true;
                else if (c.GetValue() < 128) ++ascii;
                else other = true;
            }
            // A run with a digit in it is a code or a number (M03, 2026); one letter is a mnemonic or a key (P);
            // a letter beyond ASCII makes it no English word (Nguyễn, Thị).
            if (!digit && !other && ascii >= 2 && !kAllowed.count(run) && !words.count(run) && is_english(run))
                english.insert(run);
            run.clear();
        };
        for (wxUniChar c : rest) {
            if ((c >= '0' && c <= '9') || wxIsalpha(c) || (c.GetValue() > 127 && wxIsalnum(c))) run << c;
            else end_run();
        }
        end_run();
        for (const auto& word : english)
            if (seen_.insert(word + "\n" + where).second)
                found.push_back((where + ": " + word + " in \u00AB" + shown + "\u00BB").utf8_string());
    }

    // Every visible window inside `window` (the window itself included), as a person would read it.
    void window(const wxString& where, wxWindow* w) {
        const wxString at = where + " > " + w->GetClassInfo()->GetClassName() + "(" + w->GetName() + ")";
        if (auto* top = dynamic_cast<wxTopLevelWindow*>(w)) text(at + " title", top->GetTitle());
        else if (auto* control = dynamic_cast<wxControl*>(w)) text(at, control->GetLabelText());
        text(at + " tooltip", w->GetToolTipText());
        if (auto* entry = dynamic_cast<wxTextCtrl*>(w)) {
            text(at + " hint", entry->GetHint());
            if (!entry->IsEditable()) text(at + " text", entry->GetValue());
        }
        if (auto* search = dynamic_cast<wxSearchCtrl*>(w)) text(at + " hint", search->GetDescriptiveText());
        if (auto* items = dynamic_cast<wxItemContainerImmutable*>(w))
            for (unsigned i = 0; i < items->GetCount(); ++i) text(at + " item", items->GetString(i));
        if (auto* book = dynamic_cast<wxBookCtrlBase*>(w); book && !dynamic_cast<wxSimplebook*>(w))
            for (std::size_t i = 0; i < book->GetPageCount(); ++i) text(at + " tab", book->GetPageText(i));
        if (auto* view = dynamic_cast<wxDataViewCtrl*>(w)) data_view(at, view);
        if (auto* list = dynamic_cast<wxListCtrl*>(w)) list_ctrl(at, list);
        if (auto* grid = dynamic_cast<wxGrid*>(w)) grid_of(at, grid);
        if (auto* html = dynamic_cast<wxHtmlWindow*>(w)) text(at, html->ToText());
        if (auto* bar = dynamic_cast<wxStatusBar*>(w))
            for (int i = 0; i < bar->GetFieldsCount(); ++i) text(at + " field", bar->GetStatusText(i));
        if (auto* tools = dynamic_cast<wxToolBar*>(w))
            for (int i = 0; i < static_cast<int>(tools->GetToolsCount()); ++i) {
                const wxToolBarToolBase* tool = tools->GetToolByPos(i);
                text(at + " tool", tool->GetLabel());
                text(at + " tool tip", tool->GetShortHelp());
                text(at + " tool help", tool->GetLongHelp());
            }
        if (auto* frame = dynamic_cast<wxFrame*>(w); frame && frame->GetMenuBar()) menus(at, frame->GetMenuBar());
        for (wxWindow* child : w->GetChildren())
            if (child->IsShown() && !child->IsTopLevel()) window(where, child);
    }

    // What the message boxes, questions and text questions said, each checked once.
    void said(const wxString& where, std::vector<wxString>& messages) {
        for (const auto& m : messages) text(where + " message", m);
        messages.clear();
    }

    std::string report() const {
        std::string out;
        for (const auto& f : found) out += "\n  " + f;
        return out;
    }

private:
    std::set<wxString> seen_;
    void menus(const wxString& at, wxMenuBar* bar) {
        for (std::size_t i = 0; i < bar->GetMenuCount(); ++i) {
            text(at + " menu", bar->GetMenuLabelText(i));
            menu(at + " menu " + bar->GetMenuLabelText(i), bar->GetMenu(i));
        }
    }
    void menu(const wxString& at, wxMenu* m) {
        for (wxMenuItem* item : m->GetMenuItems()) {
            if (item->IsSeparator()) continue;
            text(at, item->GetItemLabelText());
            text(at + " help", item->GetHelp());
            if (item->GetSubMenu()) menu(at, item->GetSubMenu());
        }
    }
    void data_view(const wxString& at, wxDataViewCtrl* view) {
        for (unsigned c = 0; c < view->GetColumnCount(); ++c) text(at + " column", view->GetColumn(c)->GetTitle());
        wxDataViewModel* model = view->GetModel();
        if (!model) return;
        wxDataViewItemArray rows;
        if (auto* list = dynamic_cast<wxDataViewIndexListModel*>(model)) {
            for (unsigned r = 0; r < list->GetCount(); ++r) rows.push_back(list->GetItem(r));
        } else if (auto* virtual_list = dynamic_cast<wxDataViewVirtualListModel*>(model)) {
            for (unsigned r = 0; r < virtual_list->GetCount(); ++r) rows.push_back(virtual_list->GetItem(r));
        } else {
            model->GetChildren(wxDataViewItem(nullptr), rows);
        }
        for (std::size_t r = 0; r < rows.size() && r < 60; ++r)
            for (unsigned c = 0; c < view->GetColumnCount(); ++c) {
                wxVariant value;
                model->GetValue(value, rows[r], view->GetColumn(c)->GetModelColumn());
                if (value.GetType() == "string") text(at + " row", value.GetString());
                else if (value.GetType() == "wxDataViewIconText") {
                    wxDataViewIconText icon_text;
                    icon_text << value;
                    text(at + " row", icon_text.GetText());
                }
            }
    }
    void list_ctrl(const wxString& at, wxListCtrl* list) {
        for (int c = 0; c < list->GetColumnCount(); ++c) {
            wxListItem column;
            column.SetMask(wxLIST_MASK_TEXT);
            list->GetColumn(c, column);
            text(at + " column", column.GetText());
        }
        for (long r = 0; r < list->GetItemCount() && r < 60; ++r)
            for (int c = 0; c < std::max(1, list->GetColumnCount()); ++c) text(at + " row", list->GetItemText(r, c));
    }
    void grid_of(const wxString& at, wxGrid* grid) {
        for (int c = 0; c < grid->GetNumberCols(); ++c) text(at + " column", grid->GetColLabelValue(c));
        for (int r = 0; r < grid->GetNumberRows(); ++r) {
            text(at + " row", grid->GetRowLabelValue(r));
            for (int c = 0; c < grid->GetNumberCols(); ++c) text(at + " cell", grid->GetCellValue(r, c));
        }
    }
};

const Date kToday{2026, 8, 3};
const Date kStart{2026, 4, 6};
const std::string kCode = "KTM-2026-4";

// The cycle of cycle_test.cpp, in `language`, with every key screen read by `finder`.
void run_cycle(const wxString& language, EnglishFinder& finder) {
    EmptyProgramme programme(kToday);
    auto& db = programme.db();
    programme.context.set_language(app::set_up_translations(language));
    {
        // wxWidgets' own words (stock buttons, its number and text questions) come from its catalog, wxstd.
        INFO("wxWidgets' catalog (Debian package wx3.2-i18n) did not load for " << language);
        REQUIRE(wxGetStockHelpString(wxID_EXIT) != "Quit this program");  // the Quit menu item's help: wx's alone
    }
    const wxString in = "[" + language + "] ";
    const fs::path folder = programme.dir / "certificates";
    const wxString url = "https://verify.example.org/psf/";
    finder.verbatim = {wxString::FromUTF8((programme.dir / "mitra.db").string()),
                       wxString::FromUTF8(folder.string()),
                       wxString::FromUTF8(programme.dir.string()),
                       url,
                       "Asia/Kathmandu",
                       "Patan Community Centre",
                       wxString::FromUTF8(kCode),
                       "T-NP-07"};
    finder.words = {"PSF", "NP", "ne", "en"};
    for (std::size_t i = 0; i < 12; ++i) {
        for (const auto& word : wxSplit(wxString::FromUTF8(kNames[i].first), ' ')) finder.words.insert(word);
        finder.words.insert(wxString::FromUTF8(kNames[i].second));
    }
    const auto psf = store::CurriculumRepo(db).find("PSF");
    REQUIRE(psf);
    for (const auto& m : psf->modules) finder.verbatim.push_back(m.code);
    // Language tags, country codes and a cohort's code, given as examples.
    finder.words.insert({"zh", "Hans", "Hant", "ja", "id", "ur", "KTM", "JP", "IN", "LK"});
    finder.words.insert(wxGetUserId());  // who made each change, in the history
    // Each language by its own name (English, Bahasa Indonesia, Filipino), where one is chosen, as every program lists them.
    for (const auto& l : app::interface_languages())
        if (!l.code.empty()) finder.verbatim.push_back(l.name);
    if (language == "id") {
        // Indonesian is written in Latin letters too: a word is English when the program's English texts (its
        // catalog's msgids, the curriculum's English titles and wx's own words) have it and its Indonesian texts
        // do not ("Format", "Folder" and "Email" are Indonesian words as well).
        auto english = catalog_words(std::string(MITRA_PO_DIR) + "/mitra.pot", true);
        auto indonesian = catalog_words(std::string(MITRA_PO_DIR) + "/id.po", false);
        for (const char* wx_word : {"cancel", "yes", "no", "close", "browse", "apply", "help", "open", "save"})
            english.insert(wx_word);
        auto words_of = [](const std::string& text, std::set<wxString>& into) {
            for (const auto& w : wxSplit(wxString::FromUTF8(text), ' ')) {
                wxString word;
                for (wxUniChar c : w)
                    if (wxIsalpha(c)) word << c;
                if (!word.empty()) into.insert(word.Lower());
            }
        };
        for (const auto& m : psf->modules) {
            words_of(m.title.in("en"), english);
            words_of(m.summary.in("en"), english);
            // Only what is written in Indonesian: in() would give the English text where there is none.
            if (m.title.has("id")) words_of(m.title.in("id"), indonesian);
            if (m.summary.has("id")) words_of(m.summary.in("id"), indonesian);
        }
        finder.is_english = [english, indonesian](const wxString& word) {
            const wxString lower = word.Lower();
            return english.count(lower) > 0 && indonesian.count(lower) == 0;
        };
    }
    std::vector<wxString> said;
    app::set_message_sink([&](wxWindow*, const wxString&, const wxString& m) { said.push_back(m); });
    auto look = [&](const wxString& screen, wxWindow* window) {
        pump(50);
        finder.window(in + screen, window);
        finder.said(in + screen, said);
    };
    auto press = [&](wxWindow* within, const wxString& english_label) {
        wxButton* b = button_labelled(within, english_label);
        INFO("button " << english_label << " in " << language);
        REQUIRE(b);
        REQUIRE(b->IsEnabled());
        click(b);
        pump(20);
    };
    auto answer = [&](const char* dialog, std::function<void(wxDialog*)> fill) {
        return std::make_unique<DialogAnswer>(dialog, [&, dialog, fill](wxDialog* d) {
            fill(d);
            look(dialog, d);
        });
    };

    Window frame(programme.context);
    frame->SetSize(0, 0, 1024, 600);
    pump(200);
    // The main window, each of its views.
    for (auto section : {app::MainFrame::curricula, app::MainFrame::trainers, app::MainFrame::participants,
                         app::MainFrame::cohorts, app::MainFrame::certificates}) {
        frame->show_section(section);
        look("main window, section " + std::to_string(section), frame.get());
    }
    frame->show_reports();
    look("main window, reports", frame.get());
    frame->show_renewals();
    look("main window, renewals", frame.get());

    // The trainer: added, qualified, certified.
    frame->show_section(app::MainFrame::trainers);
    auto* trainers = static_cast<app::TrainersPanel*>(frame->section(app::MainFrame::trainers));
    {
        auto added = answer("TrainerDialog", [&](wxDialog* d) {
            type_into(d, "ref", "T-NP-07");
            type_into(d, "name", wxString::FromUTF8("सीता राई"));
            type_into(d, "country", "NP");
            type_into(d, "languages", "ne, en");
        });
        press(trainers, "New trainer…");
        REQUIRE(added->shown == 1);
    }
    trainers->select_row(0);
    std::vector<std::string> every;
    for (const auto& m : psf->modules) every.push_back(m.code);
    {
        auto qualified =
            answer("QualifyDialog", [&](wxDialog* d) { static_cast<app::QualifyDialog*>(d)->check(every); });
        press(trainers, "Qualify…");
        REQUIRE(qualified->shown == 1);
    }
    trainers->select_row(0);
    {
        auto certified = answer("TrainerCertificationDialog", [&](wxDialog* d) {
            static_cast<app::TrainerCertificationDialog*>(d)->fill("trainer", "2026-01-05", 36);
        });
        press(trainers, "Certify…");
        REQUIRE(certified->shown == 1);
    }
    look("trainers, one certified", frame.get());

    // The cohort: first with a start that is no date (refused, said in words), then as it should be.
    frame->show_section(app::MainFrame::cohorts);
    auto* cohorts = frame->section(app::MainFrame::cohorts);
    auto fill_cohort = [&](wxDialog* d, const wxString& start) {
        type_into(d, "code", wxString::FromUTF8(kCode));
        type_into(d, "site", "Patan Community Centre");
        type_into(d, "country", "NP");
        type_into(d, "start", start);
    };
    {
        auto refused = answer("CohortDialog", [&](wxDialog* d) { fill_cohort(d, "2026-13-45"); });
        press(cohorts, "New cohort…");
        REQUIRE(refused->shown >= 1);
    }
    REQUIRE(said.size() == 1);  // the refusal
    finder.verbatim.push_back("2026-13-45");
    look("the cohort refused for its start", frame.get());
    REQUIRE_FALSE(store::CohortRepo(db).find(kCode));
    {
        auto created =
            answer("CohortDialog", [&](wxDialog* d) { fill_cohort(d, wxString::FromUTF8(to_string(kStart))); });
        press(cohorts, "New cohort…");
        REQUIRE(created->shown == 1);
    }
    REQUIRE(store::CohortRepo(db).find(kCode));
    auto* panel = frame->open_cohort(kCode);
    REQUIRE(panel);

    // Twelve people, added and enrolled on the start date.
    panel->show_page(app::CohortPanel::enrol_page);
    pump();
    look("Enrol, empty", frame.get());
    panel->enrol()->set_enrol_on(kStart);
    {
        // A person whose country is written out: refused, said in words.
        Participant p;
        p.ref = "C-000";
        p.full_name = kNames[0].first;
        p.language = "ja";
        p.country = "Nepal";
        auto refused =
            answer("ParticipantDialog", [&](wxDialog* d) { static_cast<app::ParticipantDialog*>(d)->fill(p); });
        press(panel->enrol(), "New person…");
        REQUIRE(refused->shown >= 1);
    }
    REQUIRE(said.size() == 1);
    finder.verbatim.push_back("Nepal");
    look("a person refused for their country", frame.get());
    REQUIRE(store::ParticipantRepo(db).list().empty());
    for (std::size_t i = 0; i < 12; ++i) {
        Participant p;
        char ref[16];
        std::snprintf(ref, sizeof ref, "C-%03zu", i + 1);
        p.ref = ref;
        p.full_name = kNames[i].first;
        p.language = kNames[i].second;
        p.country = "NP";
        auto added =
            answer("ParticipantDialog", [&](wxDialog* d) { static_cast<app::ParticipantDialog*>(d)->fill(p); });
        press(panel->enrol(), "New person…");
        REQUIRE(added->shown == 1);
    }
    REQUIRE(store::CohortRepo(db).enrolments(kCode).size() == 12);
    look("Enrol, twelve enrolled", frame.get());

    // Sessions from the curriculum (one dialog), every third day, at the time and with the trainer it offers.
    panel->show_page(app::CohortPanel::sessions_page);
    pump();
    look("Sessions, none", frame.get());
    {
        DialogAnswer asked("ScheduleDialog", [&](wxDialog* d) {
            spin_into(d, "every_days", 3);
            look("the schedule dialog", d);
        });
        press(panel->sessions(), "Schedule from the curriculum…");
        pump(100);
        REQUIRE(asked.shown == 1);
    }
    REQUIRE(store::SessionRepo(db).list(kCode).size() == 30);
    look("Sessions, scheduled", frame.get());

    // Attendance: every session marked present from the keyboard.
    panel->show_page(app::CohortPanel::attendance_page);
    pump();
    auto* cells = panel->attendance()->grid()->GetGridWindow();
    app::set_question_sink([&](wxWindow*, const wxString& q) {
        said.push_back(q);
        return false;
    });
    mitra::app_test::press(cells, WXK_HOME, wxMOD_CONTROL);
    for (int s = 0; s < 30; ++s) {
        mitra::app_test::press(cells, 'P', wxMOD_SHIFT);
        if (s + 1 < 30) mitra::app_test::press(cells, WXK_RIGHT);
    }
    look("Attendance, all present", frame.get());

    // Completion: the three records for everyone.
    panel->show_page(app::CohortPanel::completion_page);
    pump();
    auto* completion = panel->completion();
    look("Completion, nothing recorded", frame.get());
    completion->list()->SetFocus();
    completion->list()->SelectAll();
    for (const auto& [dialog, label] :
         {std::pair{"AssessmentDialog", "Assessment…"}, std::pair{"PracticeDialog", "Supervised practice…"},
          std::pair{"EthicsDialog", "Ethics acknowledged…"}}) {
        auto recorded = answer(dialog, [](wxDialog*) {});
        press(completion, label);
        REQUIRE(recorded->shown == 1);
    }
    for (const auto& p : completion->results()) REQUIRE(p.complete);
    look("Completion, everyone complete", frame.get());

    // The certificates: the address asked, who gets one confirmed, then written.
    panel->show_page(app::CohortPanel::print_page);
    pump();
    auto* print = panel->print();
    print->set_folder(wxString::FromUTF8(folder.string()));
    look("Print, before issuing", frame.get());
    app::set_text_sink([&](wxWindow*, const wxString& question) {
        said.push_back(question);
        return url;
    });
    app::set_question_sink([&](wxWindow*, const wxString& q) {
        said.push_back(q);
        return true;
    });
    press(print, "Issue and write PDFs…");
    pump(100);
    REQUIRE(print->written().size() == 12);
    look("Print, issued", frame.get());

    // The cohort's history, from the Cohorts view.
    frame->show_section(app::MainFrame::cohorts);
    cohorts->refresh();
    cohorts->select_row(0);
    pump();
    look("cohorts, one selected", frame.get());
    {
        auto history = answer("HistoryDialog", [](wxDialog*) {});
        press(cohorts, "History…");
        REQUIRE(history->shown == 1);
    }
    frame->show_section(app::MainFrame::certificates);
    look("certificates, twelve issued", frame.get());
    app::set_question_sink({});
    app::set_text_sink({});
}

}  // namespace

// The interface back in English when a language's run ends, even on a failed check.
struct BackToEnglish {
    ~BackToEnglish() { app::set_up_translations("en"); }
};

TEST_CASE("the cohort cycle's screens speak Japanese, Simplified Chinese and Indonesian, with no English word left",
          "[gui][languages]") {
    for (const char* language : {"ja", "zh_CN", "id"}) {
        DYNAMIC_SECTION("in " << language) {
            EnglishFinder finder;
            {
                BackToEnglish after;
                run_cycle(language, finder);
            }
            INFO("English found on the way, window by window:" << finder.report());
            CHECK(finder.found.empty());
        }
    }
}

// GTK words a stock button (wxID_CANCEL's "&Cancel") from its own catalog, which Urdu's lacks and Filipino's is not
// there at all: the dialog said "Cancel" among Urdu words. The button shows the interface catalog's words instead.
TEST_CASE("a dialog's Cancel button speaks the interface's language, even where GTK's own catalog has no word for it",
          "[gui][languages]") {
    Programme programme;
    Window frame(programme.context);
    for (const char* language : {"ur", "fil", "ja"}) {
        DYNAMIC_SECTION("in " << language) {
            BackToEnglish after;
            app::set_up_translations(language);
            const wxString ours = wxGetTranslation("&Cancel");
            REQUIRE(ours != "&Cancel");  // the catalog has it
            wxDialog dialog;
            REQUIRE(wxXmlResource::Get()->LoadDialog(&dialog, frame.get(), "ReasonDialog"));
            dialog.Show();
            pump(100);
            auto* cancel = dynamic_cast<wxButton*>(dialog.FindWindow(wxID_CANCEL));
            REQUIRE(cancel);
            const char* shown = gtk_button_get_label(GTK_BUTTON(cancel->GetHandle()));
            INFO("GTK shows: " << (shown ? shown : "(nothing)"));
            wxString expected = ours;
            expected.Replace("&", "_");
            CHECK(wxString::FromUTF8(shown ? shown : "") == expected);
            dialog.Hide();
        }
    }
}
