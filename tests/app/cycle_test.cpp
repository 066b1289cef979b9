// A whole cohort in the desktop program, from an empty database to printed certificates, through the real frames,
// dialogs and keys only (issue 15's Tests): the store is read to check what was recorded, never to set anything up.
#include <catch2/catch.hpp>

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/modalhook.h>
#include <wx/radiobox.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/xrc/xmlres.h>

#include <cstdlib>
#include <functional>
#include <map>

#include "app/cohort_pages.hpp"
#include "app/cohort_panel.hpp"
#include "app/dialogs.hpp"
#include "app/guard.hpp"
#include "app/main_frame.hpp"
#include "app/sections.hpp"
#include "app/trainer_dialogs.hpp"
#include "fixture.hpp"
#include "store/app_queries.hpp"
#include "store/certificates.hpp"
#include "store/certification_repo.hpp"
#include "store/repos.hpp"

using namespace mitra;
using namespace mitra::app_test;
namespace fs = std::filesystem;

namespace {

// What a trainer does, counted: keys pressed (each character typed in a field counts one, as does Tab between
// fields and Enter or a click to finish), and the buttons and dialogs on the way.
struct Tally {
    int keys = 0;
    int clicks = 0;
    int dialogs = 0;
    void typed(const wxString& text) { keys += static_cast<int>(text.length()) + 1; }  // the text, then Tab
};

// Answers every dialog named `name` with `fill`, then OK (as Enter does); counts them.
struct Answer : DialogAnswer {
    Answer(std::string dialog_name, std::function<void(wxDialog*)> filling)
        : DialogAnswer(std::move(dialog_name), std::move(filling), true) {}
};

void type(wxDialog* dialog, const char* field, const wxString& text, Tally& tally) {
    auto* control = dynamic_cast<wxTextCtrl*>(dialog->FindWindow(field));
    REQUIRE(control);
    control->ChangeValue(text);
    tally.typed(text);
}

void press_button(wxWindow* in, const wxString& label, Tally& tally) {
    wxButton* b = button_labelled(in, label);
    INFO("button " << label);
    REQUIRE(b);
    REQUIRE(b->IsEnabled());
    ++tally.clicks;
    click(b);
    pump(20);
}

// The text with its white space taken out, as pdftotext may break or space a line differently.
std::string squeeze(const std::string& text) {
    std::string out;
    for (char c : text)
        if (c != ' ' && c != '\n' && c != '\t' && c != '\f' && c != '\r') out += c;
    return out;
}

// The same text with its code points in reverse order (how a right-to-left line may be extracted).
std::string reversed(const std::string& text) {
    std::vector<std::string> points;
    for (std::size_t i = 0; i < text.size();) {
        std::size_t n = 1;
        const auto lead = static_cast<unsigned char>(text[i]);
        if (lead >= 0xF0) n = 4;
        else if (lead >= 0xE0) n = 3;
        else if (lead >= 0xC0) n = 2;
        points.push_back(text.substr(i, n));
        i += n;
    }
    std::string out;
    for (auto it = points.rbegin(); it != points.rend(); ++it) out += *it;
    return out;
}

// The cohort's header: the line above its pages, naming the cohort, its trainers and how many people.
wxString header_of(wxWindow* panel) {
    for (wxWindow* child : panel->GetChildren())
        if (auto* label = dynamic_cast<wxStaticText*>(child); label && label->GetLabelText().Contains("trainers:"))
            return label->GetLabelText();
    return "";
}

int pages_of(const fs::path& pdf) {
    const std::string info = output_of("pdfinfo '" + pdf.string() + "' 2>&1");
    const auto at = info.find("Pages:");
    return at == std::string::npos ? 0 : std::atoi(info.c_str() + at + 6);
}

const Date kToday{2026, 8, 3};
const Date kStart{2026, 4, 6};  // about four months before: every session every third day has been held
const std::string kCode = "KTM-2026-4";

}  // namespace

TEST_CASE("a 12-person cohort is run from an empty database to printed certificates in the desktop program alone",
          "[gui][cycle]") {
    EmptyProgramme programme(kToday);
    auto& db = programme.db();
    REQUIRE(store::TrainerRepo(db).list().empty());
    REQUIRE(store::ParticipantRepo(db).list().empty());
    // PSF 2026.1, imported by the fixture before the program first opens the database (so it imports nothing
    // more), not the shipped 2026.2 the program would import: see open_on_psf_2026_1 in fixture.cpp.
    REQUIRE(store::CurriculumRepo(db).find("PSF"));
    REQUIRE(store::CurriculumRepo(db).find("PSF")->version == "2026.1");
    fs::create_directories(MITRA_SHOTS_DIR);
    const std::string shots = std::string(MITRA_SHOTS_DIR) + "/cycle-";
    Tally tally;
    std::map<std::string, Tally> by_step;
    auto step_done = [&](const std::string& step) {
        Tally before;
        for (const auto& [_, t] : by_step) {
            before.keys += t.keys;
            before.clicks += t.clicks;
            before.dialogs += t.dialogs;
        }
        by_step[step] = {tally.keys - before.keys, tally.clicks - before.clicks, tally.dialogs - before.dialogs};
    };

    Window frame(programme.context);
    frame->SetSize(0, 0, 1024, 600);  // the smallest screen a trainer has
    pump(200);

    // 1. The trainer: added, qualified for every module, certified as a trainer.
    frame->show_section(app::MainFrame::trainers);
    auto* trainers = static_cast<app::TrainersPanel*>(frame->section(app::MainFrame::trainers));
    ++tally.clicks;  // the Trainers section in the sidebar
    {
        Answer added("TrainerDialog", [&](wxDialog* d) {
            type(d, "ref", "T-NP-07", tally);
            type(d, "name", wxString::FromUTF8("सीता राई"), tally);
            type(d, "country", "NP", tally);
            type(d, "languages", "ne, en", tally);
        });
        press_button(trainers, "New trainer…", tally);
        REQUIRE(added.shown == 1);
        ++tally.dialogs;
    }
    REQUIRE(store::TrainerRepo(db).find("T-NP-07"));
    REQUIRE(trainers->row_count() == 1);
    trainers->select_row(0);
    ++tally.clicks;
    const std::vector<std::string> every = module_codes(db, "PSF");
    {
        Answer qualified("QualifyDialog", [&](wxDialog* d) {
            auto* modules = dynamic_cast<wxCheckListBox*>(d->FindWindow(XRCID("modules")));
            REQUIRE(modules);
            REQUIRE(modules->GetCount() == every.size());
            static_cast<app::QualifyDialog*>(d)->check(every);
            tally.keys += 2 * static_cast<int>(every.size());  // Space and Down for each module
        });
        press_button(trainers, "Qualify…", tally);
        REQUIRE(qualified.shown == 1);
        ++tally.dialogs;
        ++tally.keys;  // Enter
    }
    CHECK(store::TrainerRepo(db).find("T-NP-07")->qualified_modules == every);
    trainers->select_row(0);
    {
        Answer certified("TrainerCertificationDialog", [&](wxDialog* d) {
            static_cast<app::TrainerCertificationDialog*>(d)->fill("trainer", "2026-01-05", 36);
            tally.keys += 10 + 1 + 2 + 1;  // the day, Tab, the months, Enter (the level is offered)
        });
        press_button(trainers, "Certify…", tally);
        REQUIRE(certified.shown == 1);
        ++tally.dialogs;
    }
    REQUIRE(store::CertificationRepo(db).trainer_certifications("T-NP-07").size() == 1);
    REQUIRE(save_screenshot(frame.get(), shots + "1-trainer.png"));
    step_done("trainer");

    // 2. The cohort, with the trainer as its lead; the program opens its workspace.
    frame->show_section(app::MainFrame::cohorts);
    ++tally.clicks;
    auto* cohorts = frame->section(app::MainFrame::cohorts);
    {
        Answer created("CohortDialog", [&](wxDialog* d) {
            auto* trainer = dynamic_cast<wxChoice*>(d->FindWindow("trainer"));
            REQUIRE(trainer);
            CHECK(trainer->GetStringSelection().EndsWith("T-NP-07"));  // offered: the only trainer
            type(d, "code", wxString::FromUTF8(kCode), tally);
            type(d, "site", "Patan Community Centre", tally);
            type(d, "country", "NP", tally);
            type(d, "start", wxString::FromUTF8(to_string(kStart)), tally);
            ++tally.keys;  // Enter (the time zone and language are offered)
        });
        press_button(cohorts, "New cohort…", tally);
        REQUIRE(created.shown == 1);
        ++tally.dialogs;
    }
    const auto cohort = store::CohortRepo(db).find(kCode);
    REQUIRE(cohort);
    CHECK(cohort->start_date == kStart);
    CHECK(cohort->trainer_refs == std::vector<std::string>{"T-NP-07"});
    auto* panel = frame->open_cohort(kCode);  // already open: the one the dialog opened
    REQUIRE(panel);
    pump();
    step_done("cohort");

    // 3. Twelve people, each added in place and enrolled on the start date (the date control moved back first).
    panel->show_page(app::CohortPanel::enrol_page);
    pump();
    auto* enrol = panel->enrol();
    INFO("the Enrol page offered " << to_string(enrol->enrol_on()));
    CHECK(enrol->enrol_on() == kToday);  // the cohort began months ago: today, until the trainer picks its start
    enrol->set_enrol_on(kStart);
    tally.keys += 1 + 10;  // Ctrl+A, then the date typed as YYYY-MM-DD
    std::vector<Participant> people;
    for (std::size_t i = 0; i < 12; ++i) {
        char ref[16];
        std::snprintf(ref, sizeof ref, "C-%03zu", i + 1);
        Participant p;
        p.ref = ref;
        p.full_name = kNames[i].first;
        p.language = kNames[i].second;
        p.country = "NP";
        people.push_back(p);
        Answer added("ParticipantDialog", [&](wxDialog* d) {
            static_cast<app::ParticipantDialog*>(d)->fill(p);
            for (const auto& text : {p.ref, p.full_name, p.country, p.language}) tally.typed(wxString::FromUTF8(text));
        });
        press_button(enrol, "New person…", tally);
        REQUIRE(added.shown == 1);
        ++tally.dialogs;
    }
    CHECK(programme.messages.empty());
    const auto enrolments = store::CohortRepo(db).enrolments(kCode);
    REQUIRE(enrolments.size() == 12);
    for (const auto& e : enrolments) CHECK(e.enrolled_on == kStart);
    CHECK(enrol->enrolled()->GetItemCount() == 12);
    // The counts around the page say so at once: the cohort's header and the status bar.
    pump();
    CHECK(header_of(panel).EndsWith(wxString::FromUTF8(" · 12 people")));
    CHECK(frame->GetStatusBar()->GetStatusText(1) == wxString::FromUTF8("12 people · 1 cohort"));
    REQUIRE(save_screenshot(frame.get(), shots + "2-enrolled.png"));
    step_done("people");

    // 4. The sessions, from the curriculum, every third day at 10:00, each with the cohort's trainer.
    panel->show_page(app::CohortPanel::sessions_page);
    ++tally.clicks;
    pump();
    {
        // One dialog: the days typed in its spin box (the plan shown anew), the time and trainer as offered.
        Answer asked("ScheduleDialog", [](wxDialog* d) {
            spin_into(d, "every_days", 3);
            CHECK(static_cast<app::ScheduleDialog*>(d)->plan_text().Contains("First: "));
            CHECK(static_cast<app::ScheduleDialog*>(d)->trainer_note().empty());  // T-NP-07 may teach them all
        });
        press_button(panel->sessions(), "Schedule from the curriculum…", tally);
        pump(100);
        CHECK(asked.shown == 1);
        tally.keys += 2 + 1;  // Ctrl+A and 3 in the days box, Enter: the start time and trainer are offered
        ++tally.dialogs;
    }
    const auto sessions = store::SessionRepo(db).list(kCode);
    REQUIRE(sessions.size() == 30);
    for (const auto& s : sessions) {
        INFO("session " << s.id << " " << s.module_code);
        CHECK(s.trainer_ref == "T-NP-07");
        CHECK(s.date < kToday);
    }
    CHECK(sessions.front().date == kStart);
    CHECK_FALSE(panel->sessions()->summary()->GetLabelText().Contains("no trainer"));
    REQUIRE(save_screenshot(frame.get(), shots + "3-sessions.png"));
    step_done("sessions");

    // 5. Every session marked from the keyboard: Ctrl+Home to the first session, then Shift+P and Right for each.
    panel->show_page(app::CohortPanel::attendance_page);
    ++tally.clicks;
    pump();
    auto* attendance = panel->attendance();
    auto* cells = attendance->grid()->GetGridWindow();
    app::set_question_sink([&](wxWindow*, const wxString& q) {
        programme.questions.push_back(q);
        return false;  // nothing is ahead of today: any question is a defect
    });
    CHECK(attendance->grid()->GetGridCursorCol() == 29);  // the nearest session to today: the last
    auto key = [&](int code, int modifiers = 0) {
        press(cells, code, modifiers);
        ++tally.keys;
    };
    key(WXK_HOME, wxMOD_CONTROL);
    REQUIRE(attendance->grid()->GetGridCursorCol() == 0);
    for (std::size_t s = 0; s < sessions.size(); ++s) {
        key('P', wxMOD_SHIFT);
        if (s + 1 < sessions.size()) key(WXK_RIGHT);
    }
    CHECK(programme.questions.empty());
    const auto sheet = store::AppQueries(db).attendance_sheet(kCode);
    CHECK(sheet.marks.size() == 12 * 30);
    for (const auto& m : sheet.marks) CHECK(m.status == AttendanceStatus::present);
    REQUIRE(save_screenshot(frame.get(), shots + "4-attendance.png"));
    step_done("attendance");

    // 6. Completion: everyone selected (Ctrl+A), then one dialog each for the assessment, practice and ethics.
    panel->show_page(app::CohortPanel::completion_page);
    ++tally.clicks;
    pump();
    auto* completion = panel->completion();
    REQUIRE(completion->results().size() == 12);
    for (const auto& p : completion->results()) CHECK_FALSE(p.complete);
    completion->list()->SetFocus();
    completion->list()->SelectAll();
    ++tally.keys;  // Ctrl+A
    REQUIRE(completion->selected_refs().size() == 12);
    std::map<std::string, wxString> offered;
    auto record = [&](const char* dialog, const wxString& label) {
        Answer answer(dialog, [&](wxDialog* d) {
            for (const char* name : {"module", "assessor", "supervisor", "minutes"}) {
                wxWindow* w = d->FindWindow(name);
                if (auto* text = dynamic_cast<wxTextCtrl*>(w)) offered[name] = text->GetValue();
                if (auto* choice = dynamic_cast<wxChoice*>(w)) offered[name] = choice->GetStringSelection();
            }
            ++tally.keys;  // Enter: everything it needs is offered
        });
        press_button(completion, label, tally);
        CHECK(answer.shown == 1);
        ++tally.dialogs;
    };
    record("AssessmentDialog", "Assessment…");
    CHECK(offered["module"].StartsWith("M03"));
    CHECK(offered["assessor"] == wxString::FromUTF8("सीता राई"));
    offered.clear();
    record("PracticeDialog", "Supervised practice…");
    CHECK(offered["module"].StartsWith("M10"));
    CHECK(offered["minutes"] == "2400");
    CHECK(offered["supervisor"] == wxString::FromUTF8("सीता राई"));
    record("EthicsDialog", "Ethics acknowledged…");
    CHECK(programme.messages.empty());
    REQUIRE(completion->results().size() == 12);
    for (std::size_t row = 0; row < completion->results().size(); ++row) {
        const auto& p = completion->results()[row];
        INFO(p.ref << ": " << p.reason);
        CHECK(p.complete);
        CHECK(completion->list()->GetTextValue(static_cast<unsigned>(row), 2) == "complete");
    }
    REQUIRE(save_screenshot(frame.get(), shots + "5-completion.png"));
    step_done("records");

    // 7. The certificates: the verification address asked once, who gets one shown and confirmed, then written.
    panel->show_page(app::CohortPanel::print_page);
    ++tally.clicks;
    pump();
    auto* print = panel->print();
    const fs::path folder = programme.dir / "certificates";
    print->set_folder(wxString::FromUTF8(folder.string()));
    tally.typed(wxString::FromUTF8(folder.string()));
    app::set_text_sink([&](wxWindow*, const wxString&) {
        const wxString url = "https://verify.example.org/psf/";
        tally.typed(url);
        ++tally.dialogs;
        return url;
    });
    app::set_question_sink([&](wxWindow*, const wxString& q) {
        programme.questions.push_back(q);
        ++tally.dialogs;
        ++tally.keys;  // Enter on Issue
        return true;
    });
    press_button(print, "Issue and write PDFs…", tally);
    pump(100);
    REQUIRE(programme.questions.size() == 1);
    CHECK(programme.questions[0].StartsWith("12 people will be given a certificate and 0 will not"));
    CHECK(programme.messages.empty());
    REQUIRE(print->written().size() == 12);
    CHECK(store::CertificateRepo(db).list().size() == 12);
    std::map<std::string, fs::path> file_of;
    for (const auto& c : store::CertificateRepo(db).list()) {
        CHECK(c.kind == "completion");
        for (const auto& f : print->written())
            if (f.filename() == c.serial + ".pdf") file_of[c.participant_ref] = f;
    }
    for (const auto& p : people) {
        INFO(p.ref << " " << p.full_name);
        REQUIRE(file_of.count(p.ref));
        const fs::path& file = file_of[p.ref];
        CHECK(pages_of(file) == 1);
        const std::string text = squeeze(output_of("pdftotext '" + file.string() + "' - 2>&1"));
        INFO("pdftotext: " << text);
        const std::string name = squeeze(p.full_name);
        CHECK((text.find(name) != std::string::npos || text.find(reversed(name)) != std::string::npos));
    }
    CHECK(pages_of(print->print_file()) == 12);
    REQUIRE(save_screenshot(frame.get(), shots + "6-printed.png"));
    step_done("certificates");

    std::string counts;
    for (const auto& step : {"trainer", "cohort", "people", "sessions", "attendance", "records", "certificates"})
        counts += std::string("\n  ") + step + ": " + std::to_string(by_step[step].keys) + " keys, " +
                  std::to_string(by_step[step].clicks) + " clicks, " + std::to_string(by_step[step].dialogs) +
                  " dialogs";
    WARN("a 12-person cohort, start to printed certificates: " << tally.keys << " keys, " << tally.clicks << " clicks, "
                                                               << tally.dialogs << " dialogs" << counts);
}
