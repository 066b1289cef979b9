// Everything by keyboard: every button and field label has a mnemonic (Alt+letter) of its own in its window.
#include <catch2/catch.hpp>

#include <wx/anybutton.h>
#include <wx/bookctrl.h>
#include <wx/checkbox.h>
#include <wx/choicdlg.h>
#include <wx/frame.h>
#include <wx/listbox.h>
#include <wx/menu.h>
#include <wx/pickerbase.h>
#include <wx/radiobox.h>
#include <wx/radiobut.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/statbmp.h>
#include <wx/statbox.h>
#include <wx/statline.h>
#include <wx/stattext.h>

#include <gtk/gtk.h>

#include <map>
#include <vector>

#include "app/guard.hpp"
#include "app/i18n.hpp"
#include "fixture.hpp"
#include "screens.hpp"

using namespace mitra;
using namespace mitra::app_test;

namespace {

bool is_container(const wxWindow* w) {
    return dynamic_cast<const wxPanel*>(w) || dynamic_cast<const wxBookCtrlBase*>(w) ||
           dynamic_cast<const wxTopLevelWindow*>(w) || dynamic_cast<const wxStaticBox*>(w);
}

bool is_decoration(const wxWindow* w) {
    return dynamic_cast<const wxStaticText*>(w) || dynamic_cast<const wxStaticBitmap*>(w) ||
           dynamic_cast<const wxStaticLine*>(w) || dynamic_cast<const wxStaticBox*>(w);
}

// A button-like control: its own words are what Alt+letter presses.
bool is_button(const wxWindow* w) {
    return dynamic_cast<const wxAnyButton*>(w) || dynamic_cast<const wxCheckBox*>(w) ||
           dynamic_cast<const wxRadioButton*>(w) || dynamic_cast<const wxRadioBox*>(w);
}

// One label a person can reach by Alt+letter: its words and what it is ("button", "label of a field").
struct Labelled {
    wxString label;
    std::string kind;
    wxWindow* field = nullptr;  // the field a label names, or the button itself
    bool by_tab = false;        // a label after a field in its row: Tab goes on to its field from the row's first
};

// A line that tells rather than names a field (a page's summary above its list, a dialog's introduction).
bool tells(const wxStaticText* text) {
    const wxString name = text->GetName();
    return name == "intro" || name == "summary" || name == "totals";
}

// A GTK radio button's label as wx writes labels ("_Passed" is "&Passed").
void radio_labels(GtkWidget* widget, gpointer data) {
    if (!GTK_IS_RADIO_BUTTON(widget)) return;
    wxString label = wxString::FromUTF8(gtk_button_get_label(GTK_BUTTON(widget)));
    if (gtk_button_get_use_underline(GTK_BUTTON(widget))) {
        label.Replace("&", "&&");
        for (std::size_t i = 0; i < label.length(); ++i)
            if (label[i] == '_') {
                if (i + 1 < label.length() && label[i + 1] == '_') label.replace(i++, 2, "_");
                else label[i] = '&';
            }
    }
    static_cast<std::vector<Labelled>*>(data)->push_back({label, "choice"});
}

// The first window an item lays out (the item's own, or the first in its sizer); null when none is shown.
wxWindow* first_window(wxSizerItem* item) {
    if (!item->IsShown()) return nullptr;
    if (item->IsWindow()) return item->GetWindow();
    if (item->IsSizer())
        for (wxSizerItem* inner : item->GetSizer()->GetChildren())
            if (wxWindow* w = first_window(inner)) return w;
    return nullptr;
}

bool is_field(const wxWindow* w) {
    return w && w->IsShownOnScreen() && !is_decoration(w) && !is_container(w) && !is_button(w);
}

// The texts that label a field: a text followed in its own sizer by a field (or a row that starts with one).
// One after a field in a row of its own ("&1. Listening [level] Second rater's level (1) [level]") is reached by
// Tab from the row's first field, which its row's label's mnemonic reaches.
void field_labels(wxSizer* sizer, std::vector<Labelled>& out) {
    const auto& items = sizer->GetChildren();
    auto* box = dynamic_cast<wxBoxSizer*>(sizer);
    const bool row = box && box->GetOrientation() == wxHORIZONTAL;
    for (auto it = items.begin(); it != items.end(); ++it) {
        if ((*it)->IsSizer()) field_labels((*it)->GetSizer(), out);
        auto* text = (*it)->IsShown() ? dynamic_cast<wxStaticText*>((*it)->GetWindow()) : nullptr;
        auto next = std::next(it);
        if (!text || next == items.end() || text->GetLabel().empty() || tells(text)) continue;
        wxWindow* field = first_window(*next);
        const bool after_field = row && it != items.begin() && is_field(first_window(*std::prev(it)));
        if (is_field(field)) out.push_back({text->GetLabel(), "label of a field", field, after_field});
    }
}

// The buttons (their words; a radio box's items) and the labels of fields (the text before a field in its sizer,
// as accessibility.cpp pairs them, in a row of their own) shown under `w`.
void labels_under(wxWindow* w, std::vector<Labelled>& out) {
    if (!w->IsShownOnScreen()) return;
    if (w->GetSizer()) field_labels(w->GetSizer(), out);
    if (dynamic_cast<wxRadioBox*>(w)) {
        // wx gives a radio box's items without their mnemonics: read what GTK shows.
        gtk_container_forall(GTK_CONTAINER(w->GetHandle()), radio_labels, &out);
    } else if (is_button(w)) {
        const wxString label = w->GetLabel();
        if (!label.empty()) out.push_back({label, "button", w});
    }
    // A file picker's own Browse button is wxWidgets' (reached by Tab after its field, which the label's key focuses).
    if (dynamic_cast<wxPickerBase*>(w)) return;
    for (wxWindow* child : w->GetChildren())
        if (!dynamic_cast<wxTopLevelWindow*>(child)) labels_under(child, out);
}

// The letter Alt presses for `label` ("&Add" a, "追加(&A)" a), or 0 when it has none.
wxUniChar mnemonic_of(const wxString& label) {
    wxString words;
    const int at = wxControl::FindAccelIndex(label, &words);
    if (at < 0 || static_cast<std::size_t>(at) >= words.length()) return 0;
    return wxString(words[static_cast<std::size_t>(at)]).Lower()[0];
}

// What is wrong with the screen's mnemonics, one problem a line ("" when nothing).
wxString mnemonic_problems(const Screen& screen) {
    std::vector<Labelled> labels;
    auto* frame = dynamic_cast<wxFrame*>(screen.top);
    if (auto* bar = frame ? frame->GetMenuBar() : nullptr)
        for (std::size_t i = 0; i < bar->GetMenuCount(); ++i) labels.push_back({bar->GetMenuLabel(i), "menu"});
    labels_under(screen.top, labels);
    wxString problems;
    std::map<wxUniChar, std::vector<wxString>> taken;
    for (const auto& l : labels) {
        const wxUniChar key = mnemonic_of(l.label);
        if (key == 0 && !l.by_tab)
            problems << screen.what << ": " << l.kind << " \"" << l.label << "\" has no mnemonic\n";
        else if (key == 0) continue;
        else taken[key].push_back(l.label);
    }
    for (const auto& [key, holders] : taken) {
        if (holders.size() < 2) continue;
        problems << screen.what << ": Alt+" << wxString(key) << " is taken by";
        for (const auto& h : holders) problems << " \"" << h << "\"";
        problems << "\n";
    }
    return problems;
}

}  // namespace

TEST_CASE("every button and field label has a mnemonic of its own in its window, on every view, page and dialog",
          "[gui][keys]") {
    Programme programme;
    const wxString problems = problems_on_every_screen(programme, mnemonic_problems);
    INFO(problems.utf8_string());
    CHECK(problems.empty());
}

TEST_CASE(
    "in every language of the interface, each button and field label keeps a mnemonic of its own, and a "
    "field's or button's accessible name leaves it out",
    "[gui][keys]") {
    struct BackToEnglish {
        ~BackToEnglish() { app::set_up_translations("en"); }
    } back;
    for (const char* language : {"ja", "zh_CN", "zh_TW", "ko", "th", "id", "fil", "hi", "ne", "ur", "si", "ta"}) {
        Programme programme;
        programme.context.set_language(app::set_up_translations(language));
        const wxString problems = problems_on_every_screen(programme, [](const Screen& screen) {
            wxString problems = mnemonic_problems(screen);
            // A field's or button's accessible name is its label's words without the mnemonic: "セッション(&S):"
            // says "セッション", not "セッション(S)".
            std::vector<Labelled> labels;
            labels_under(screen.top, labels);
            for (const auto& l : labels) {
                const int at = l.label.Find("(&");
                if (!l.field || at == wxNOT_FOUND) continue;
                AtkObject* accessible = gtk_widget_get_accessible(l.field->GetHandle());
                const wxString name = wxString::FromUTF8(accessible ? atk_object_get_name(accessible) : "");
                if (name.Contains("(" + l.label.Mid(static_cast<std::size_t>(at) + 2, 1) + ")"))
                    problems << screen.what << ": the " << l.kind << " \"" << l.label << "\" is named \"" << name
                             << "\"\n";
            }
            return problems;
        });
        INFO(language << "\n" << problems.utf8_string());
        CHECK(problems.empty());
    }
}

namespace {

bool is_container_of_stops(const wxWindow* w) {
    return dynamic_cast<const wxPanel*>(w) || dynamic_cast<const wxSplitterWindow*>(w) ||
           dynamic_cast<const wxTopLevelWindow*>(w) || dynamic_cast<const wxBookCtrlBase*>(w);
}

// Where a window is on the screen, as GTK put it (right to left included): in its top-level window's pixels.
wxRect placed(wxWindow* w) {
    GtkWidget* widget = w->GetHandle();
    GtkWidget* top = gtk_widget_get_toplevel(widget);
    int x = 0, y = 0;
    gtk_widget_translate_coordinates(widget, top, 0, 0, &x, &y);
    GtkAllocation a;
    gtk_widget_get_allocation(widget, &a);
    return {x, y, a.width, a.height};
}

struct Stop {
    wxWindow* window;
    wxRect at;
};

// The controls Tab visits under `w`, in the order it visits them: wxGTK makes each container's GTK focus chain
// from its children's order (wxWindow::RealizeTabOrder), so that order is the keyboard's. A book's own tabs come
// before its page; what is hidden or disabled is skipped, as GTK skips it. `stuck` gets what a person needs but
// cannot reach: a shown, enabled control that does not take the keyboard.
void tab_stops(wxWindow* w, std::vector<Stop>& out, std::vector<wxWindow*>& stuck) {
    for (wxWindow* child : w->GetChildren()) {
        if (dynamic_cast<wxTopLevelWindow*>(child) || !child->IsShownOnScreen() || !child->IsEnabled()) continue;
        if (is_container_of_stops(child)) {
            if (dynamic_cast<wxBookCtrlBase*>(child)) out.push_back({child, placed(child)});
            tab_stops(child, out, stuck);
            continue;
        }
        if (is_decoration(child)) continue;
        if (child->AcceptsFocusFromKeyboard()) out.push_back({child, placed(child)});
        else stuck.push_back(child);
    }
}

wxString described(wxWindow* w) {
    wxString words = w->GetLabel();
    if (words.empty()) words = w->GetName();
    return wxString(w->GetClassInfo()->GetClassName()) + " \"" + wxControl::RemoveMnemonics(words) + "\"";
}

// What is wrong with the order Tab visits a screen's controls in: a step back up the screen (unless into a column
// further along the line), or back along a row; `rtl` reads rows from the right.
wxString order_problems(const Screen& screen, bool rtl) {
    std::vector<Stop> stops;
    std::vector<wxWindow*> stuck;
    tab_stops(screen.area, stops, stuck);
    wxString problems;
    for (wxWindow* w : stuck) problems << screen.what << ": Tab never reaches " << described(w) << "\n";
    // Along the line: positive when `b` is further along than `a` (right, or left in a right-to-left language).
    auto along = [rtl](const wxRect& a, const wxRect& b) {
        return rtl ? (a.GetLeft() - b.GetRight()) : (b.GetLeft() - a.GetRight());
    };
    const int slack = 4;  // pixels: sizer borders and rounding
    for (std::size_t i = 1; i < stops.size(); ++i) {
        const wxRect& a = stops[i - 1].at;
        const wxRect& b = stops[i].at;
        const bool above = b.GetBottom() < a.GetTop() + slack;
        const bool same_row = !above && b.GetTop() < a.GetBottom() - slack;
        const bool back_up = above && along(a, b) < -slack;
        const bool back_along = same_row && along(a, b) < -slack && along(b, a) > -slack;
        if (back_up || back_along)
            problems << screen.what << ": Tab goes from " << described(stops[i - 1].window) << " back "
                     << (back_up ? "up" : "along the row") << " to " << described(stops[i].window) << "\n";
    }
    return problems;
}

}  // namespace

TEST_CASE("Tab visits every control of each view, dialog and cohort page in reading order, mirrored in Urdu",
          "[gui][keys]") {
    struct BackToEnglish {
        ~BackToEnglish() { app::set_up_translations("en"); }
    } back;
    for (const char* language : {"en", "ur"}) {
        Programme programme;
        programme.context.set_language(app::set_up_translations(language));
        const bool rtl = std::string(language) == "ur";
        const wxString problems =
            problems_on_every_screen(programme, [rtl](const Screen& screen) { return order_problems(screen, rtl); });
        INFO(language << "\n" << problems.utf8_string());
        CHECK(problems.empty());
    }
}

TEST_CASE(
    "a person holding two certifications has one Record learning… and one Renew… in their details, each with a "
    "mnemonic of its own, and Renew asks which",
    "[gui][keys]") {
    Programme programme;
    programme.certify_twice("P-001");
    Window frame(programme.context);
    frame->SetSize(0, 0, 1360, 900);
    frame->Show();
    auto* people = show_details_of(frame, "P-001");
    const wxString shown = all_text(people);
    INFO(shown.utf8_string());
    REQUIRE(shown.Contains("(PSC)"));
    REQUIRE(shown.Contains("(PSB)"));
    const wxString problems = mnemonic_problems(Screen{"view Participants", frame.get(), people});
    INFO(problems.utf8_string());
    CHECK(problems.empty());

    // Renew asks which certification; the second chosen, the renewal's question names it (and is answered no).
    std::vector<wxString> questions;
    app::set_question_sink([&](wxWindow*, const wxString& q) {
        questions.push_back(q);
        return false;
    });
    wxArrayString offered;
    DialogAnswer which("RenewWhichDialog", [&](wxDialog* d) {
        for (wxWindow* child : d->GetChildren())
            if (auto* list = dynamic_cast<wxListBox*>(child))
                for (unsigned i = 0; i < list->GetCount(); ++i) offered.Add(list->GetString(i));
        static_cast<wxSingleChoiceDialog*>(d)->SetSelection(1);
    });
    auto* renew = wxWindow::FindWindowByName("renew", people);
    REQUIRE(renew);
    click(renew);
    app::set_question_sink({});
    CHECK(which.shown == 1);
    REQUIRE(offered.size() == 2);
    CHECK(offered[0].Contains("(PSC)"));
    CHECK(offered[1].Contains("(PSB)"));
    REQUIRE(questions.size() == 1);
    CHECK(questions[0].Contains("certification PSB?"));
}
