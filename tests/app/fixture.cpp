// A temporary programme for the GUI tests: its own database, data folder and configuration, people in many scripts.
#include "fixture.hpp"

#include <catch2/catch.hpp>

#include <wx/checkbox.h>
#include <wx/dataview.h>
#include <wx/choice.h>
#include <wx/numdlg.h>
#include <wx/radiobut.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/textdlg.h>
#include <wx/translation.h>

#include <wx/app.h>
#include <wx/bitmap.h>
#include <wx/dcmemory.h>
#include <wx/dcscreen.h>
#include <wx/evtloop.h>
#include <wx/image.h>
#include <wx/menuitem.h>
#include <wx/utils.h>

#include <gtk/gtk.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <random>

#include "app/guard.hpp"
#include "io/curriculum_toml.hpp"
#include "io/keys.hpp"
#include "printer.hpp"
#include "store/certificates.hpp"
#include "store/certification_repo.hpp"
#include "store/practice_repo.hpp"
#include "store/repos.hpp"

namespace mitra::app_test {

namespace fs = std::filesystem;

const std::vector<std::pair<std::string, std::string>> kNames = {
    {"山田 花子", "ja"},
    {"김민준", "ko"},
    {"สมชาย ใจดี", "th"},
    {"प्रिया शर्मा", "hi"},
    {"\u0DC1\u0DCA\u200D\u0DBB\u0DD2\u0DBA\u0DCF\u0DB1\u0DD2", "si"},  // ශ්‍රියානි, with its ZWJ
    {"عائشہ خان", "ur"},
    {"Nguyễn Thị Minh Khai", "vi"},
    {"Sukarno", "id"},
    {"陳志明", "zh-Hant"},
    {"अर्जुन त्रिपाठी", "ne"},
    {"王芳", "zh-Hans"},
    {"রহিম উদ্দিন", "bn"},
    {"முருகன் செல்வம்", "ta"},
    {"សុខ ចាន់ធី", "km"},
    {"အောင်ကျော်", "my"},
    {"Maria Clara Santos", "fil"},
};

// The GUI tests' programmes are on PSF 2026.1 (tests/data/psf-2026.1.toml), imported before the program first opens
// the database, so it imports nothing more. The shipped 2026.2 asks for supervision by format, observed assessments
// in M04 and M06 and a signed agreement and attestation; the desktop program records them now (issue 21's dialogs),
// but the cycle test does not yet record them through those dialogs, so it stays on 2026.1 until it does. The other
// GUI tests stay on 2026.1 because they test something other than issue 21's records, and their expected counts,
// completion and certificates were written for 2026.1's rules; the issue 21 tests (observation, supervision,
// deadlines, signed records, practice record) and the screen walks import tests/data/psf-practice.toml as 2026.2.
static void open_on_psf_2026_1(app::AppContext& context, const fs::path& file) {
    {
        auto db = store::Database::open(file.string());
        auto read = io::read_curriculum_file(std::string(MITRA_SOURCE_DIR) + "/tests/data/psf-2026.1.toml");
        REQUIRE(read.ok());
        store::CurriculumRepo(*db).import(read.value);
    }
    context.open(file.string());
}

Programme::Programme() {
    std::random_device random;
    dir = fs::temp_directory_path() / ("mitra-gui-test-" + std::to_string(random()));
    fs::create_directories(dir);
    ::setenv("XDG_DATA_HOME", (dir / "data").c_str(), 1);  // the signing key lives here
    app::set_message_sink([this](wxWindow*, const wxString&, const wxString& message) { messages.push_back(message); });
    context.set_today([] { return Date{2026, 3, 2}; });
    open_on_psf_2026_1(context, dir / "mitra.db");

    auto& db = context.db();
    const auto curriculum = store::CurriculumRepo(db).find("PSF");
    std::vector<std::string> modules;
    for (const auto& m : curriculum->modules) modules.push_back(m.code);
    Trainer sita{"", "T-NP-01", "सीता राई", "Sita Rai", "NP", {"ne", "en"}, modules};
    store::TrainerRepo(db).add(sita);
    store::CertificationRepo(db).certify_trainer("T-NP-01", "trainer", Date{2025, 1, 1}, 36);  // may teach every module

    // Forty people: the first sixteen in their own scripts, the rest "Peer NN".
    std::vector<Participant> people;
    for (int i = 1; i <= 40; ++i) {
        char ref[16];
        std::snprintf(ref, sizeof ref, "P-%03d", i);
        Participant p;
        p.ref = ref;
        if (i <= static_cast<int>(kNames.size())) {
            p.full_name = kNames[static_cast<std::size_t>(i - 1)].first;
            p.language = kNames[static_cast<std::size_t>(i - 1)].second;
        } else {
            p.full_name = "Peer " + std::to_string(i);
            p.language = "en";
        }
        p.country = "NP";
        people.push_back(p);
        refs.push_back(p.ref);
    }
    store::ParticipantRepo(db).save_all(people);
    Cohort c;
    c.code = cohort;
    c.curriculum_code = "PSF";
    c.site = "Patan Community Centre";
    c.country = "NP";
    c.time_zone = "Asia/Kathmandu";
    c.language = "en";
    c.start_date = Date{2026, 2, 2};
    c.trainer_refs = {"T-NP-01"};
    store::CohortRepo(db).create(c);
    store::CohortRepo(db).enrol(cohort, refs, c.start_date);
    sessions = store::SessionRepo(db).schedule(cohort, 3, LocalTime{10, 0});
}

Programme::~Programme() {
    app::set_message_sink({});
    std::error_code ec;
    fs::remove_all(dir, ec);
}

void Programme::mark_first_session_present() {
    std::vector<store::LocatedMark> marks;
    for (const auto& ref : refs) marks.push_back({{sessions.front().id, ref, AttendanceStatus::present, {}, ""}, 0});
    store::AttendanceRepo(db()).mark(cohort, marks);
}

Cohort Programme::add_practice_cohort(const std::string& code, const Date& start,
                                      const std::vector<std::string>& refs) {
    auto read = io::read_curriculum_file(std::string(MITRA_SOURCE_DIR) + "/tests/data/psf-practice.toml");
    REQUIRE(read.ok());
    read.value.version = "2026.2";
    store::CurriculumRepo(db()).import(read.value);
    const Cohort c = add_cohort(code, start);
    store::CohortRepo(db()).enrol(c.code, refs, c.start_date);
    return c;
}

void Programme::add_two_supervisors() {
    store::PracticeRepo practice(db());
    Supervisor lead{"",
                    "S-LEAD",
                    "Lead supervisor",
                    SupervisorKind::trainer,
                    "T-NP-01",
                    {{"Certified Peer Supervisor", Date{2024, 2, 16}, Date{2026, 2, 15}}}};
    practice.add_supervisor(lead);
    Supervisor outside{"",
                       "S-OUT",
                       "Outside supervisor",
                       SupervisorKind::outside_professional,
                       "",
                       {{"Registered Peer Supervisor", Date{2025, 1, 1}, Date{2027, 12, 31}}}};
    practice.add_supervisor(outside);
}

void Programme::log_late_and_counted_supervision(const std::string& cohort) {
    store::PracticeRepo practice(db());
    SupervisionEntry late{"", "P-001", "M10", "S-LEAD", SupervisionFormat::one_to_one, 45, Date{2026, 3, 1}, ""};
    practice.log_supervision(cohort, late);
    SupervisionEntry counted{"", "P-001", "M10", "S-OUT", SupervisionFormat::group, 90, Date{2026, 3, 2}, ""};
    practice.log_supervision(cohort, counted);
}

Cohort Programme::add_cohort(const std::string& code, const Date& start, const std::string& lead,
                             const std::string& curriculum) {
    Cohort c;
    c.code = code;
    c.curriculum_code = curriculum;
    c.site = "Pokhara";
    c.country = "NP";
    c.time_zone = "Asia/Kathmandu";
    c.language = "ne";
    c.start_date = start;
    c.trainer_refs = {lead};
    store::CohortRepo(db()).create(c);
    return c;
}

void Programme::make_complete(const std::vector<std::string>& people) {
    auto& db = context.db();
    const auto curriculum = store::CurriculumRepo(db).find("PSF");
    for (const auto& ref : people) {
        for (const auto& m : curriculum->modules)
            store::RecordsRepo(db).override_completion(cohort,
                                                       {ref, m.code, true, "completed at the Pokhara site", "", ""});
        store::RecordsRepo(db).acknowledge_ethics({ref, curriculum->ethics_code, Date{2026, 2, 2}});
        // What the shipped curriculum (2026.2) asks beside its modules: the agreement and attestation, signed.
        store::PracticeRepo(db).attest({ref, AttestationKind::supervision_agreement, true, Date{2026, 2, 2}});
        store::PracticeRepo(db).attest({ref, AttestationKind::lived_experience, true, Date{2026, 2, 2}});
    }
}

void Programme::certify_twice(const std::string& ref) {
    auto& db = context.db();
    const auto key = io::load_or_create_signing_key(io::default_key_path());
    const Date on{2026, 3, 2};
    make_complete({ref});
    store::CertificateRepo(db).issue_for_cohort(cohort, "completion", "", "completion", key, on,
                                                store_test::accept_all());
    auto other = *store::CurriculumRepo(db).find("PSF");
    other.code = "PSF-B";
    other.certification->code = "PSB";
    store::CurriculumRepo(db).import(other);
    const Cohort c = add_cohort("PKR-2026-B", Date{2026, 2, 2}, "T-NP-01", other.code);
    store::CohortRepo(db).enrol(c.code, {ref}, c.start_date);
    for (const auto& m : other.modules)
        store::RecordsRepo(db).override_completion(c.code,
                                                   {ref, m.code, true, "completed at the Pokhara site", "", ""});
    store::CertificateRepo(db).issue_for_cohort(c.code, "completion", "", "completion", key, on,
                                                store_test::accept_all());
}

KeyboardAnswer::KeyboardAnswer(std::string dialog_name, std::function<void(wxDialog*, wxUIActionSimulator&)> typing,
                               bool answer_every_time)
    : name(std::move(dialog_name)), keys(std::move(typing)), every_time(answer_every_time) {
    watchdog.Bind(wxEVT_TIMER, [this](wxTimerEvent&) {
        if (!open || !open->IsModal()) return;
        timed_out = true;
        open->EndModal(wxID_CANCEL);
    });
    Register();
}

int KeyboardAnswer::Enter(wxDialog* dialog) {
    if (dialog->GetName() != name) return wxID_CANCEL;
    if (++shown > 1 && !every_time) return wxID_CANCEL;
    open = dialog;
    watchdog.StartOnce(15000);
    dialog->CallAfter([this, dialog] {
        pump(200);  // shown and focused
        wxUIActionSimulator sim;
        const wxRect at = dialog->GetScreenRect();
        sim.MouseMove(at.GetLeft() + at.GetWidth() / 2, at.GetTop() + 8);  // keys go where the pointer is
        pump(50);
        keys(dialog, sim);
    });
    return wxID_NONE;
}

void KeyboardAnswer::Exit(wxDialog*) {
    watchdog.Stop();
    open = nullptr;
}

void key(wxUIActionSimulator& sim, int code, int modifiers) {
    sim.Char(code, modifiers);
    pump(150);
}

app::BrowsePanel* show_details_of(Window& frame, const std::string& ref) {
    frame->show_section(app::MainFrame::participants);
    auto* people = frame->section(app::MainFrame::participants);
    people->search_for(wxString::FromUTF8(ref));
    people->select_row(0);
    pump(100);
    return people;
}

void type_at(wxUIActionSimulator& sim, char mnemonic, const char* text) {
    key(sim, mnemonic, wxMOD_ALT);
    key(sim, 'a', wxMOD_CONTROL);
    sim.Text(text);
    pump(50);
}

void accessible_names(wxWindow* w, wxString& out) {
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

EmptyProgramme::EmptyProgramme(const Date& today) {
    std::random_device random;
    dir = fs::temp_directory_path() / ("mitra-cycle-test-" + std::to_string(random()));
    fs::create_directories(dir);
    ::setenv("XDG_DATA_HOME", (dir / "data").c_str(), 1);  // the signing key is made here
    app::set_message_sink([this](wxWindow*, const wxString&, const wxString& m) { messages.push_back(m); });
    context.set_today([today] { return today; });
    open_on_psf_2026_1(context, dir / "mitra.db");
}

EmptyProgramme::~EmptyProgramme() {
    app::set_message_sink({});
    app::set_question_sink({});
    app::set_text_sink({});
    std::error_code ec;
    fs::remove_all(dir, ec);
}

std::vector<Participant> numbered_people(const std::string& prefix, const std::string& name, unsigned count) {
    std::vector<Participant> people;
    for (unsigned i = 1; i <= count; ++i) {
        char number[16];
        std::snprintf(number, sizeof number, "%05u", i);
        Participant p;
        p.ref = prefix + number;
        p.full_name = name + " " + std::to_string(i);
        p.country = "NP";
        p.language = "en";
        people.push_back(p);
    }
    return people;
}

Window::Window(app::AppContext& context) : frame_(new app::MainFrame(context)) { frame_->Show(); }

Window::~Window() {
    frame_->Destroy();
    pump(20);
}

void pump(int ms) {
    const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
    do {
        while (wxTheApp->Pending()) wxTheApp->Dispatch();
        wxTheApp->ProcessPendingEvents();
        wxTheApp->ProcessIdle();
        wxMilliSleep(5);
    } while (std::chrono::steady_clock::now() < end);
}

namespace {
// Whether a list below `w` has a shown column GTK has not sized yet (width 0 until the view is allocated).
bool has_unsized_column(wxWindow* w) {
    if (auto* list = dynamic_cast<wxDataViewCtrl*>(w); list && list->IsShownOnScreen())
        for (unsigned c = 0; c < list->GetColumnCount(); ++c)
            if (!list->GetColumn(c)->IsHidden() && list->GetColumn(c)->GetWidth() <= 0) return true;
    for (wxWindow* child : w->GetChildren())
        if (has_unsized_column(child)) return true;
    return false;
}
}  // namespace

void pump_until_laid_out(wxWindow* window, int ms) {
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(3);
    do pump(20);
    while ((!window->IsShownOnScreen() || has_unsized_column(window)) && std::chrono::steady_clock::now() < give_up);
    pump(ms);
}

void press(wxWindow* window, int key_code, int modifiers) {
    wxKeyEvent event(wxEVT_KEY_DOWN);
    event.m_keyCode = key_code;
    event.SetShiftDown((modifiers & wxMOD_SHIFT) != 0);
    event.SetControlDown((modifiers & wxMOD_CONTROL) != 0);
    event.SetAltDown((modifiers & wxMOD_ALT) != 0);
    event.SetEventObject(window);
    event.SetId(window->GetId());
    window->GetEventHandler()->ProcessEvent(event);
    pump(5);
}

bool save_screenshot(wxWindow* window, const std::string& png) {
    window->Raise();
    window->Refresh();
    window->Update();
    pump(400);
    const wxRect rect = window->GetScreenRect();
    // What the X server shows (ImageMagick reads the display), so the picture is what a person would see.
    const std::string command = "import -window root -crop " + std::to_string(rect.GetWidth()) + "x" +
                                std::to_string(rect.GetHeight()) + "+" + std::to_string(rect.GetX()) + "+" +
                                std::to_string(rect.GetY()) + " +repage '" + png + "' 2>/dev/null";
    if (std::system(command.c_str()) == 0) return true;
    wxBitmap bitmap(rect.GetWidth(), rect.GetHeight(), 24);
    {
        wxScreenDC screen;
        wxMemoryDC memory(bitmap);
        memory.Blit(0, 0, rect.GetWidth(), rect.GetHeight(), &screen, rect.GetX(), rect.GetY());
    }
    return bitmap.SaveFile(wxString::FromUTF8(png), wxBITMAP_TYPE_PNG);
}

void click(wxWindow* button) {
    wxCommandEvent event(wxEVT_BUTTON, button->GetId());
    event.SetEventObject(button);
    button->GetEventHandler()->ProcessEvent(event);
}

std::string bytes_of(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

std::string output_of(const std::string& command) {
    std::string out;
    if (FILE* pipe = popen(command.c_str(), "r")) {
        char buffer[4096];
        for (std::size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, n);
        pclose(pipe);
    }
    return out;
}

namespace {

// A label as read, without its mnemonic: "&New" and the CJK "新規(&N)" both lose it.
wxString without_mnemonic(const wxString& label) {
    return wxStripMenuCodes(label, wxStrip_Mnemonics | wxStrip_CJKMnemonics);
}

// `label` in the interface's language: its catalog entry is written with the mnemonic's & before one letter.
std::vector<wxString> translations_of(const wxString& label) {
    std::vector<wxString> out{label};
    for (std::size_t at = 0; at <= label.length(); ++at) {
        const wxString marked = label.Left(at) + "&" + label.Mid(at);
        const wxString translated = wxGetTranslation(marked);
        if (translated != marked) out.push_back(without_mnemonic(translated));
    }
    if (wxGetTranslation(label) != label) out.push_back(without_mnemonic(wxGetTranslation(label)));
    return out;
}

wxButton* button_among(wxWindow* in, const std::vector<wxString>& labels) {
    for (wxWindow* child : in->GetChildren()) {
        if (auto* b = dynamic_cast<wxButton*>(child)) {
            const wxString shown = without_mnemonic(b->GetLabel());
            for (const auto& label : labels)
                if (shown == label) return b;
        }
        if (auto* found = button_among(child, labels)) return found;
    }
    return nullptr;
}

}  // namespace

wxButton* button_labelled(wxWindow* in, const wxString& label) { return button_among(in, translations_of(label)); }

wxString all_text(wxWindow* window) {
    wxString out;
    for (wxWindow* child : window->GetChildren()) {
        if (auto* label = dynamic_cast<wxStaticText*>(child)) out << label->GetLabel() << "\n";
        out << all_text(child);
    }
    return out;
}

std::vector<std::string> module_codes(store::Database& db, const std::string& curriculum) {
    std::vector<std::string> codes;
    const auto found = store::CurriculumRepo(db).find(curriculum);
    REQUIRE(found);
    for (const auto& m : found->modules) codes.push_back(m.code);
    return codes;
}

void spin_into(wxDialog* dialog, const char* field, int value) {
    auto* spin = dynamic_cast<wxSpinCtrl*>(dialog->FindWindow(field));
    REQUIRE(spin);
    spin->SetValue(value);
    wxSpinEvent typed(wxEVT_SPINCTRL, spin->GetId());
    typed.SetEventObject(spin);
    typed.SetPosition(value);
    spin->ProcessWindowEvent(typed);
}

void type_into(wxDialog* dialog, const char* field, const wxString& text) {
    auto* control = dynamic_cast<wxTextCtrl*>(dialog->FindWindow(field));
    REQUIRE(control);
    control->ChangeValue(text);
}

double wcag_contrast(const wxColour& a, const wxColour& b) {
    auto luminance = [](const wxColour& c) {
        auto channel = [](unsigned char v) {
            const double x = v / 255.0;
            return x <= 0.04045 ? x / 12.92 : std::pow((x + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * channel(c.Red()) + 0.7152 * channel(c.Green()) + 0.0722 * channel(c.Blue());
    };
    const double x = luminance(a), y = luminance(b);
    return (std::max(x, y) + 0.05) / (std::min(x, y) + 0.05);
}

}  // namespace mitra::app_test
