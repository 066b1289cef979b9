// A dialog shown for real and answered by keys as the X server delivers them (wxUIActionSimulator under xvfb): a
// dialog still open after fifteen seconds is cancelled, so a key that went astray fails the test instead of hanging it.
#pragma once
#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/dialog.h>
#include <wx/modalhook.h>
#include <wx/radiobut.h>
#include <wx/textctrl.h>
#include <wx/timer.h>
#include <wx/uiaction.h>

#include <gtk/gtk.h>

#include <functional>
#include <string>

#include "fixture.hpp"

namespace mitra::app_test {

struct KeyboardAnswer : wxModalDialogHook {
    std::string name;  // the dialog answered; any other is cancelled
    std::function<void(wxDialog*, wxUIActionSimulator&)> keys;
    int shown = 0;
    bool timed_out = false;
    wxDialog* open = nullptr;
    wxTimer watchdog;
    KeyboardAnswer(std::string dialog_name, std::function<void(wxDialog*, wxUIActionSimulator&)> typing)
        : name(std::move(dialog_name)), keys(std::move(typing)) {
        watchdog.Bind(wxEVT_TIMER, [this](wxTimerEvent&) {
            if (!open || !open->IsModal()) return;
            timed_out = true;
            open->EndModal(wxID_CANCEL);
        });
        Register();
    }
    ~KeyboardAnswer() override { Unregister(); }
    int Enter(wxDialog* dialog) override {
        if (dialog->GetName() != name) return wxID_CANCEL;
        if (++shown > 1) return wxID_CANCEL;  // shown again after a refusal: the keys did not make a good one
        open = dialog;
        watchdog.StartOnce(15000);
        dialog->CallAfter([this, dialog] {
            pump(200);
            wxUIActionSimulator sim;
            const wxRect at = dialog->GetScreenRect();
            sim.MouseMove(at.GetLeft() + at.GetWidth() / 2, at.GetTop() + 8);  // keys go where the pointer is
            pump(50);
            keys(dialog, sim);
        });
        return wxID_NONE;
    }
    void Exit(wxDialog*) override {
        watchdog.Stop();
        open = nullptr;
    }
};

inline void key(wxUIActionSimulator& sim, int code, int modifiers = wxMOD_NONE) {
    sim.Char(code, modifiers);
    pump(150);
}

// Alt+`mnemonic` to a field, everything in it selected and `text` typed over it.
inline void type_at(wxUIActionSimulator& sim, char mnemonic, const char* text) {
    key(sim, mnemonic, wxMOD_ALT);
    key(sim, 'a', wxMOD_CONTROL);
    sim.Text(text);
    pump(50);
}

// Each field and button under `w` with the name a screen reader says for it (ATK), one a line; "" for none.
inline void accessible_names(wxWindow* w, wxString& out) {
    for (wxWindow* child : w->GetChildren()) {
        if (dynamic_cast<wxChoice*>(child) || dynamic_cast<wxTextCtrl*>(child) || dynamic_cast<wxCheckBox*>(child) ||
            dynamic_cast<wxRadioButton*>(child) || dynamic_cast<wxButton*>(child)) {
            AtkObject* accessible = gtk_widget_get_accessible(child->GetHandle());
            const char* name = accessible ? atk_object_get_name(accessible) : nullptr;
            out << child->GetName() << ": " << wxString::FromUTF8(name ? name : "") << "\n";
        }
        accessible_names(child, out);
    }
}

}  // namespace mitra::app_test
