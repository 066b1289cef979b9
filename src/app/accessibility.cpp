// Accessible names for GTK's accessibility bridge (AT-SPI): what a screen reader says for each control.
#include "app/accessibility.hpp"

#include <wx/anybutton.h>
#include <wx/bookctrl.h>
#include <wx/checkbox.h>
#include <wx/config.h>
#include <wx/control.h>
#include <wx/dataview.h>
#include <wx/dialog.h>
#include <wx/listctrl.h>
#include <wx/radiobox.h>
#include <wx/radiobut.h>
#include <wx/eventfilter.h>
#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/statbmp.h>
#include <wx/statbox.h>
#include <wx/statline.h>
#include <wx/stattext.h>
#include <wx/textentry.h>
#include <wx/toplevel.h>
#include <wx/window.h>

#include <gio/gio.h>
#include <gtk/gtk.h>

#include <cstdlib>
#include <set>

namespace mitra::app {
namespace {

// Windows that hold other controls: they are never named after a label, and a name never spreads into them.
bool is_container(const wxWindow* w) {
    return dynamic_cast<const wxPanel*>(w) || dynamic_cast<const wxBookCtrlBase*>(w) ||
           dynamic_cast<const wxSplitterWindow*>(w) || dynamic_cast<const wxTopLevelWindow*>(w) ||
           dynamic_cast<const wxStaticBox*>(w);
}

bool is_decoration(const wxWindow* w) {
    return dynamic_cast<const wxStaticText*>(w) || dynamic_cast<const wxStaticBitmap*>(w) ||
           dynamic_cast<const wxStaticLine*>(w) || dynamic_cast<const wxStaticBox*>(w);
}

// A button, check box or radio button: it says its own words.
bool says_own_words(const wxWindow* w) {
    return dynamic_cast<const wxAnyButton*>(w) || dynamic_cast<const wxCheckBox*>(w) ||
           dynamic_cast<const wxRadioButton*>(w);
}

// A label's words as a name: no mnemonic (nor the "(&S)" a CJK or other non-Latin label carries it in), no closing
// colon.
wxString label_words(const wxString& label) {
    wxString words = label;
    // "(&S)" wherever it stands ("国(&Y) (ISO コード)"): wxStripMenuCodes takes it only at the end.
    for (std::size_t at = words.find("(&"); at != wxString::npos; at = words.find("(&", at)) {
        if (at + 3 < words.length() && words[at + 3] == ')') words.erase(at, 4);
        else at += 2;
    }
    words = wxControl::RemoveMnemonics(words);
    // A label wrapped onto lines (to fit the screen) names its field in one line.
    words.Replace("\n", " ");
    words.Trim(true).Trim(false);
    while (!words.empty() && (words.Last() == ':' || words.Last() == wxUniChar(0xFF1A))) {
        words.RemoveLast();
        words.Trim(true);
    }
    return words;
}

struct Naming {
    const char* name;
    bool replace;               // even where GTK has a name (an explicit one)
    std::set<GtkWidget*> stop;  // the widgets of other wx windows: their names are their own
    GtkWidget* top = nullptr;
    GtkWidget* first_focusable = nullptr;
};

void name_widget(GtkWidget* widget, gpointer data) {
    auto& naming = *static_cast<Naming*>(data);
    if (naming.stop.count(widget)) return;
    AtkObject* accessible = gtk_widget_get_accessible(widget);
    // The control's own widget and the first inside it that takes the keyboard say the name given; the others (a
    // list's column headers) keep theirs.
    const bool own = !naming.top || (gtk_widget_get_can_focus(widget) && !naming.first_focusable);
    if (!naming.top) naming.top = widget;
    if (gtk_widget_get_can_focus(widget) && !naming.first_focusable) naming.first_focusable = widget;
    if (accessible) {
        const char* now = atk_object_get_name(accessible);
        if ((naming.replace && own) || !now || !*now) atk_object_set_name(accessible, naming.name);
    }
    if (G_TYPE_CHECK_INSTANCE_TYPE(widget, gtk_container_get_type()))
        gtk_container_forall(reinterpret_cast<GtkContainer*>(widget), name_widget, data);
}

// Names the control's GTK widget and every widget inside it (the tree view inside a list's scrolled window, the
// entry inside a combo box); returns the first that takes the keyboard.
GtkWidget* name_window(wxWindow* control, const wxString& name, bool replace) {
    GtkWidget* widget = control->GetHandle();
    if (!widget || name.empty()) return nullptr;
    const wxScopedCharBuffer utf8 = name.utf8_str();
    Naming naming{utf8.data(), replace, {}, nullptr, nullptr};
    if (is_container(control))
        for (const wxWindow* child : control->GetChildren()) naming.stop.insert(child->GetHandle());
    name_widget(widget, &naming);
    return naming.first_focusable;
}

// A stock button (Cancel, Close, OK) in the interface's words, not GTK's. wx hands a button whose label is the stock
// label to GTK's stock item, which GTK words from its own catalog: Urdu's has no "_Cancel" and Filipino has none,
// so the button read "Cancel" in a translated dialog. Our catalog has the words; GTK shows them as any label.
void own_words_not_stock(wxWindow* w) {
    auto* button = dynamic_cast<wxAnyButton*>(w);
    GtkWidget* widget = button ? button->GetHandle() : nullptr;
    if (!widget || !GTK_IS_BUTTON(widget)) return;
    G_GNUC_BEGIN_IGNORE_DEPRECATIONS
    if (!gtk_button_get_use_stock(GTK_BUTTON(widget))) return;
    wxString gtk_words;  // "&Cancel" as GTK writes a mnemonic: "_Cancel"
    const wxString label = button->GetLabel();
    for (std::size_t i = 0; i < label.length(); ++i) {
        const wxUniChar c = label[i];
        if (c == '&' && i + 1 < label.length())
            gtk_words << (label[i + 1] == '&' ? "&" : "_"), i += label[i + 1] == '&';
        else if (c == '_') gtk_words << "__";
        else gtk_words << c;
    }
    gtk_button_set_use_stock(GTK_BUTTON(widget), FALSE);
    G_GNUC_END_IGNORE_DEPRECATIONS
    gtk_button_set_use_underline(GTK_BUTTON(widget), TRUE);
    gtk_button_set_label(GTK_BUTTON(widget), gtk_words.utf8_str());
    // Its size was measured with GTK's words ("Cancel"), and its window laid out so: at twice the text size, Urdu's
    // "رہنے دیں(C)" was cut. Laid out again for ours.
    button->InvalidateBestSize();
    if (button->GetBestSize().x > button->GetSize().x && button->GetParent()) button->GetParent()->Layout();
}

// A button's name is its words as GTK shows them: "保存(S)" for "保存(&S)", where a screen reader would say the
// letter in brackets. Such a button is named by its words alone, as a field's label names it.
void name_by_own_words(wxWindow* w) {
    if (says_own_words(w) && w->GetLabel().Contains("(&")) name_window(w, label_words(w->GetLabel()), true);
}

// A radio box's item as GTK shows it, "修了(_P)": named "修了", as its words are said without the mnemonic.
void name_radio_item(GtkWidget* widget, gpointer) {
    if (G_TYPE_CHECK_INSTANCE_TYPE(widget, gtk_radio_button_get_type())) {
        auto* button = reinterpret_cast<GtkButton*>(widget);
        wxString label = wxString::FromUTF8(gtk_button_get_label(button));
        if (!gtk_button_get_use_underline(button) || !label.Contains("(_")) return;
        label.Replace("&", "&&");
        label.Replace("(_", "(&");
        if (AtkObject* accessible = gtk_widget_get_accessible(widget))
            atk_object_set_name(accessible, label_words(label).utf8_str());
    } else if (G_TYPE_CHECK_INSTANCE_TYPE(widget, gtk_container_get_type())) {
        gtk_container_forall(reinterpret_cast<GtkContainer*>(widget), name_radio_item, nullptr);
    }
}

bool has_name(wxWindow* control) {
    GtkWidget* widget = control->GetHandle();
    if (!widget) return true;
    AtkObject* accessible = gtk_widget_get_accessible(widget);
    const char* name = accessible ? atk_object_get_name(accessible) : nullptr;
    return name && *name;
}

// The windows a sizer lays out, in order, each with the title of the box it sits in ("" when none).
void laid_out(wxSizer* sizer, const wxString& box, std::vector<std::pair<wxWindow*, wxString>>& out) {
    wxString title = box;
    if (auto* boxed = dynamic_cast<wxStaticBoxSizer*>(sizer)) title = label_words(boxed->GetStaticBox()->GetLabel());
    for (wxSizerItem* item : sizer->GetChildren()) {
        if (item->IsWindow()) out.emplace_back(item->GetWindow(), title);
        else if (item->IsSizer()) laid_out(item->GetSizer(), title, out);
    }
}

// The title of the book page (a section of the main window, a cohort's tab) the window is on; "" when none.
wxString page_title(wxWindow* w) {
    for (; w && w->GetParent(); w = w->GetParent())
        if (auto* book = dynamic_cast<wxBookCtrlBase*>(w->GetParent()))
            if (const int at = book->FindPage(w); at != wxNOT_FOUND) return book->GetPageText(static_cast<size_t>(at));
    return {};
}

// A name for a control that no label names: its tooltip or hint; a list's column titles; else the page it is on,
// or the dialog's title.
wxString fallback_name(wxWindow* control) {
    if (const wxString tip = control->GetToolTipText(); !tip.empty()) return tip;
    if (auto* entry = dynamic_cast<wxTextEntry*>(control); entry && !entry->GetHint().empty()) return entry->GetHint();
    if (auto* list = dynamic_cast<wxDataViewCtrl*>(control)) {
        wxString titles;
        for (unsigned c = 0; c < list->GetColumnCount(); ++c)
            if (const wxString title = list->GetColumn(c)->GetTitle(); !title.empty())
                titles << (titles.empty() ? "" : ", ") << title;
        if (!titles.empty()) return titles;
    }
    if (auto* list = dynamic_cast<wxListCtrl*>(control); list && list->InReportView()) {
        wxString titles;
        for (int c = 0; c < list->GetColumnCount(); ++c) {
            wxListItem column;
            column.SetMask(wxLIST_MASK_TEXT);
            if (list->GetColumn(c, column) && !column.GetText().empty())
                titles << (titles.empty() ? "" : ", ") << column.GetText();
        }
        if (!titles.empty()) return titles;
    }
    if (const wxString page = page_title(control); !page.empty()) return page;
    // The only pane of a dialog (the help's page): the dialog's title.
    if (auto* dialog = dynamic_cast<wxDialog*>(wxGetTopLevelParent(control))) return dialog->GetTitle();
    return {};
}

void name_in_sizer(wxWindow* holder) {
    if (!holder->GetSizer()) return;
    std::vector<std::pair<wxWindow*, wxString>> windows;
    laid_out(holder->GetSizer(), "", windows);
    wxStaticText* label = nullptr;  // the text before the next control, if any
    wxString words;                 // its words, or a radio button's that chooses the field after it
    for (const auto& [w, box] : windows) {
        if (auto* text = dynamic_cast<wxStaticText*>(w)) {
            words = label_words(text->GetLabel());
            label = words.empty() ? nullptr : text;
            continue;
        }
        if (is_decoration(w) || is_container(w)) {
            label = nullptr;
            words.clear();
            continue;
        }
        wxString name = !words.empty() ? words : box;
        if (name.empty()) name = fallback_name(w);
        // A label beside a field is its name, even where GTK has one (a combo box says its choice); a button or
        // check box says its own words.
        const bool own_words = says_own_words(w);
        if (label || !has_name(w)) {
            GtkWidget* focus = name_window(w, name, label && !own_words);
            // The label points at its field: Orca reads it with the field, and its Alt+letter moves there.
            if (label && focus && G_TYPE_CHECK_INSTANCE_TYPE(label->GetHandle(), gtk_label_get_type()))
                gtk_label_set_mnemonic_widget(reinterpret_cast<GtkLabel*>(label->GetHandle()), focus);
        }
        label = nullptr;
        words.clear();
        // "( ) File [........]": the radio button's words name the field it chooses.
        if (auto* radio = dynamic_cast<wxRadioButton*>(w)) words = label_words(radio->GetLabel());
    }
}

void name_tree(wxWindow* w) {
    name_in_sizer(w);
    for (wxWindow* child : w->GetChildren()) {
        // A control laid out without a sizer (a pane of a splitter) still gets a name; so does a book of tabs, and
        // a pane that takes the keyboard itself (a scrolled details pane, a chart): the page they are on.
        const bool control = !is_container(child) && !is_decoration(child);
        const bool focusable_pane = is_container(child) && !dynamic_cast<wxTopLevelWindow*>(child) &&
                                    (child->AcceptsFocus() || dynamic_cast<wxBookCtrlBase*>(child));
        if ((control || focusable_pane) && !has_name(child)) name_window(child, fallback_name(child), false);
        own_words_not_stock(child);
        name_by_own_words(child);
        if (dynamic_cast<wxRadioBox*>(child)) name_radio_item(child->GetHandle(), nullptr);
        name_tree(child);
    }
}

// Every window, as it is shown: dialogs, pages in a book, the main window; and buttons as they are made.
class NameOnShow : public wxEventFilter {
public:
    int FilterEvent(wxEvent& event) override {
        if (event.GetEventType() == wxEVT_SHOW && static_cast<wxShowEvent&>(event).IsShown())
            if (auto* w = dynamic_cast<wxWindow*>(event.GetEventObject())) name_controls(w);
        // A button made after its window was shown (a person's details, a cohort's actions) is named as GTK
        // realizes it.
        if (event.GetEventType() == wxEVT_CREATE)
            if (auto* w = dynamic_cast<wxWindow*>(event.GetEventObject())) own_words_not_stock(w), name_by_own_words(w);
        return Event_Skip;
    }
};

}  // namespace

void name_controls(wxWindow* top) {
    if (top) name_tree(top);
}

void set_accessible_name(wxWindow* control, const wxString& name) { name_window(control, name, true); }

void say_row_news(wxDataViewCtrl* list, unsigned row, const wxString& words) {
    GtkWidget* view = list->GtkGetTreeView();
    AtkObject* table = view ? gtk_widget_get_accessible(view) : nullptr;
    if (!table || !ATK_IS_TABLE(table)) return;
    AtkObject* cell = atk_table_ref_at(ATK_TABLE(table), static_cast<gint>(row), 0);
    if (!cell) return;
    // ATK announces no first description, so there is always one first. The screen reader takes the words from the
    // event itself; emptied at once, they are not said again (twice) when the keyboard comes back to the row.
    atk_object_set_description(cell, "");
    atk_object_set_description(cell, words.utf8_str());
    atk_object_set_description(cell, "");
    g_object_unref(cell);
}

void install_accessible_names() {
    static NameOnShow* filter = nullptr;
    if (filter) return;
    filter = new NameOnShow;
    wxEvtHandler::AddFilter(filter);
}

bool assistive_technology_running() {
    if (!std::getenv("DBUS_SESSION_BUS_ADDRESS")) return false;  // no session bus: nothing could have said so
    GError* error = nullptr;
    GDBusConnection* bus = g_bus_get_sync(G_BUS_TYPE_SESSION, nullptr, &error);
    if (!bus) {
        g_clear_error(&error);
        return false;
    }
    bool running = false;
    for (const char* property : {"ScreenReaderEnabled", "IsEnabled"}) {
        GVariant* reply =
            g_dbus_connection_call_sync(bus, "org.a11y.Bus", "/org/a11y/bus", "org.freedesktop.DBus.Properties", "Get",
                                        g_variant_new("(ss)", "org.a11y.Status", property), G_VARIANT_TYPE("(v)"),
                                        G_DBUS_CALL_FLAGS_NO_AUTO_START, 500, nullptr, &error);
        if (!reply) {
            g_clear_error(&error);
            break;
        }
        GVariant* value = nullptr;
        g_variant_get(reply, "(v)", &value);
        if (value && g_variant_is_of_type(value, G_VARIANT_TYPE_BOOLEAN) && g_variant_get_boolean(value))
            running = true;
        if (value) g_variant_unref(value);
        g_variant_unref(reply);
        if (running) break;
    }
    g_object_unref(bus);
    return running;
}

bool attendance_list_wanted() { return wxConfigBase::Get()->ReadBool("/Accessibility/AttendanceList", false); }

void want_attendance_list(bool wanted) {
    wxConfigBase::Get()->Write("/Accessibility/AttendanceList", wanted);
    wxConfigBase::Get()->Flush();
}

}  // namespace mitra::app
