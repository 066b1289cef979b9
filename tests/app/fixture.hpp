// A temporary programme for the GUI tests: its own database, data folder and configuration, people in many scripts.
#pragma once
#include <wx/button.h>
#include <wx/colour.h>
#include <wx/dialog.h>
#include <wx/modalhook.h>
#include <wx/string.h>
#include <wx/timer.h>
#include <wx/uiaction.h>
#include <wx/window.h>

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "app/app_context.hpp"
#include "app/browse_panel.hpp"
#include "app/main_frame.hpp"
#include "core/model.hpp"

namespace mitra::app_test {

extern const std::vector<std::pair<std::string, std::string>> kNames;  // full name, language

struct Programme {
    Programme();
    ~Programme();

    std::filesystem::path dir;
    app::AppContext context;
    std::vector<wxString> messages;  // what would have been shown in message boxes
    std::string cohort = "KTM-2026-1";
    std::vector<std::string> refs;  // enrolled, in ref order
    std::vector<Session> sessions;

    store::Database& db() { return context.db(); }
    // Makes everyone in `refs` complete every module (overrides with a reason), acknowledge the ethics code and sign
    // the supervisory agreement and attestation of lived experience.
    void make_complete(const std::vector<std::string>& people);
    // Everyone enrolled marked present at the cohort's first session.
    void mark_first_session_present();
    // Another cohort (of PSF unless told), at Pokhara in Nepali, led by `lead`, with no one enrolled and no sessions.
    Cohort add_cohort(const std::string& code, const Date& start, const std::string& lead = "T-NP-01",
                      const std::string& curriculum = "PSF");
    // PSF with issue 21's rules (tests/data/psf-practice.toml) imported as a version of its own, 2026.2 (the
    // fixture's cohort stays on 2026.1), and a cohort on it from `start` with `refs` enrolled that day.
    Cohort add_practice_cohort(const std::string& code, const Date& start,
                               const std::vector<std::string>& refs = {"P-001"});
    // Two supervisors: S-LEAD (kind trainer, T-NP-01) credentialed from 2024-02-16 until 2026-02-15, and S-OUT (an
    // outside professional) from 2025-01-01 until 2027-12-31.
    void add_two_supervisors();
    // P-001's M10 entries in `cohort`: S-LEAD's 45 minutes one-to-one on 2026-03-01, after their credential ended
    // (kept, not counted), and S-OUT's 90 minutes in a group on 2026-03-02 (counted).
    void log_late_and_counted_supervision(const std::string& cohort);
    // `ref` certified twice: PSC through the fixture's cohort, and PSB through a cohort of PSF-B (a copy of PSF
    // that leads to a certification of that code), each with its completion certificate.
    void certify_twice(const std::string& ref);
};

// A programme as the program makes it on first start: an empty database with the shipped curriculum, nothing else.
struct EmptyProgramme {
    std::filesystem::path dir;
    app::AppContext context;
    std::vector<wxString> messages;   // what would have been shown in message boxes
    std::vector<wxString> questions;  // what a question sink the test sets was asked
    store::Database& db() { return context.db(); }
    explicit EmptyProgramme(const Date& today);
    ~EmptyProgramme();
};

// `count` people in Nepal: refs `prefix`00001 ..., named "`name` 1" ... (no Latin name, English).
std::vector<Participant> numbered_people(const std::string& prefix, const std::string& name, unsigned count);

// The main window for one test, closed (before the programme it shows goes) even when a check fails.
class Window {
public:
    explicit Window(app::AppContext& context);
    ~Window();
    app::MainFrame* operator->() const { return frame_; }
    app::MainFrame* get() const { return frame_; }

private:
    app::MainFrame* frame_;
};

// The Participants view with `ref` found and chosen: their details shown beside the list.
app::BrowsePanel* show_details_of(Window& frame, const std::string& ref);

// Lets the windows draw and handle queued events for about `ms` milliseconds.
void pump(int ms = 100);
// Lets `window` be shown and laid out: pumps until it is on screen and every list in it has its columns sized by
// GTK (a busy machine may take longer than a fixed pump), for at most 3 s, then `ms` more.
void pump_until_laid_out(wxWindow* window, int ms = 60);

// Every label's text under a window, one a line: what a person reads there.
wxString all_text(wxWindow* window);

// The module codes of a curriculum in the database, in its order.
std::vector<std::string> module_codes(store::Database& db, const std::string& curriculum);
// A key as the keyboard sends it, to a window (the grid's cell area, a list).
void press(wxWindow* window, int key_code, int modifiers = 0);
// The window's pixels as they are on the screen, saved as PNG; false when nothing could be read.
bool save_screenshot(wxWindow* window, const std::string& png);
// A button pressed, as a click sends it.
void click(wxWindow* button);
// A file's bytes, whole ("" when it cannot be read).
std::string bytes_of(const std::filesystem::path& file);
// What a command prints (pdftotext, pdfinfo).
std::string output_of(const std::string& command);

// Answers the modal dialog named `name` as a person would: `fill` types into it, then OK (as Enter does); any other
// dialog is cancelled. `every_time` false: only its first showing is answered so, a later one (after a refusal)
// is cancelled. `shown` counts its showings.
struct DialogAnswer : wxModalDialogHook {
    std::string name;
    std::function<void(wxDialog*)> fill;
    bool every_time = false;
    int shown = 0;
    DialogAnswer(std::string dialog_name, std::function<void(wxDialog*)> filling, bool answer_every_time = false)
        : name(std::move(dialog_name)), fill(std::move(filling)), every_time(answer_every_time) {
        Register();
    }
    ~DialogAnswer() override { Unregister(); }
    int Enter(wxDialog* dialog) override {
        if (dialog->GetName() != name) return wxID_CANCEL;
        if (++shown > 1 && !every_time) return wxID_CANCEL;
        fill(dialog);
        return wxID_OK;
    }
    void Exit(wxDialog*) override {}
};

// Answers the modal dialog named `name` by keys as the X server delivers them: `typing` gets the dialog and the
// keyboard once it is shown and focused (the pointer over it, where Xvfb sends keys). Any other dialog is cancelled;
// `every_time` false: only its first showing is answered, a later one (after a refusal) is cancelled. A dialog still
// open after fifteen seconds is cancelled (`timed_out`), so a key that went astray fails the test instead of hanging it.
struct KeyboardAnswer : wxModalDialogHook {
    std::string name;
    std::function<void(wxDialog*, wxUIActionSimulator&)> keys;
    bool every_time = false;
    int shown = 0;
    bool timed_out = false;
    wxDialog* open = nullptr;
    wxTimer watchdog;
    KeyboardAnswer(std::string dialog_name, std::function<void(wxDialog*, wxUIActionSimulator&)> typing,
                   bool answer_every_time = false);
    ~KeyboardAnswer() override { Unregister(); }
    int Enter(wxDialog* dialog) override;
    void Exit(wxDialog*) override;
};

// A key as the keyboard types it (with `modifiers` held), and a moment for the program to take it.
void key(wxUIActionSimulator& sim, int code, int modifiers = wxMOD_NONE);

// Alt+`mnemonic` to a field, everything in it selected and `text` typed over it.
void type_at(wxUIActionSimulator& sim, char mnemonic, const char* text);

// Each field and button under `w` with the name a screen reader says for it (ATK), one a line; "" for none.
void accessible_names(wxWindow* w, wxString& out);

// The button whose label reads `label` or its translation in the interface's language (its mnemonic left out)
// anywhere inside `in`; null when there is none.
wxButton* button_labelled(wxWindow* in, const wxString& label);

// Types `text` into the dialog's text field named `field` (a failed check when there is none).
void type_into(wxDialog* dialog, const char* field, const wxString& text);

// Types `value` into the dialog's spin box named `field`, telling the dialog as typing does (a failed check when
// there is none).
void spin_into(wxDialog* dialog, const char* field, int value);

// WCAG 2.2's contrast ratio of two sRGB colours (1 to 21; text needs 4.5, graphics 3).
double wcag_contrast(const wxColour& a, const wxColour& b);

}  // namespace mitra::app_test
