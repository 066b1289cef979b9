// What a person's practice amounts to, from the person's details by keyboard (issue 21): "Supervisor's
// verification…" writes the chosen supervisor's verification owner-only (a refusal, told in words, writes nothing),
// and "Practice record…" shows the coordinator's record for an auditor as text and saves it as a PDF owner-only,
// each with the workflow mitra-cli runs.
#include <catch2/catch.hpp>

#include <wx/choice.h>
#include <wx/choicdlg.h>
#include <wx/dataview.h>
#include <wx/listbox.h>
#include <wx/textctrl.h>

#include <filesystem>

#include "app/guard.hpp"
#include "app/i18n.hpp"
#include "app/main_frame.hpp"
#include "app/practice_dialogs.hpp"
#include "app/sections.hpp"
#include "fixture.hpp"
#include "io/catalog.hpp"
#include "io/curriculum_toml.hpp"
#include "store/practice_repo.hpp"
#include "store/repos.hpp"

using namespace mitra;
using namespace mitra::app_test;
namespace fs = std::filesystem;

namespace {

constexpr auto owner_only = fs::perms::owner_read | fs::perms::owner_write;

// PSF with issue 21's rules as a new version, a cohort on it from 2026-02-02 with P-001 enrolled, two supervisors
// (S-LEAD credentialed until 2026-02-15, S-OUT until 2027) and M10's entries: S-LEAD's on 2026-03-01, after their
// credential ended (kept, not counted), then S-OUT's on 2026-03-02 (counted).
Cohort cohort_with_entries(Programme& programme) {
    const Cohort c = programme.add_practice_cohort("PKR-2026-9", Date{2026, 2, 2});
    programme.add_two_supervisors();
    programme.log_late_and_counted_supervision(c.code);
    return c;
}

// The person's details with `cohort` chosen under "Record for cohort".
wxWindow* show_person(Window& frame, const std::string& ref, const std::string& cohort) {
    frame->show_section(app::MainFrame::participants);
    auto* people = frame->section(app::MainFrame::participants);
    people->search_for(ref);
    people->select_row(0);
    pump(100);
    auto* cohorts = dynamic_cast<wxChoice*>(wxWindow::FindWindowByName("record_cohort", people));
    REQUIRE(cohorts);
    REQUIRE(cohorts->SetStringSelection(wxString::FromUTF8(cohort)));
    return people;
}

// Where the save dialog is answered: `file`, with the suggested name kept.
struct SaveAt {
    wxString suggested;
    int asked = 0;
    explicit SaveAt(const fs::path& file) {
        app::set_save_path_sink([this, file](wxWindow*, const wxString& name) {
            suggested = name;
            ++asked;
            return wxString::FromUTF8(file.string());
        });
    }
    ~SaveAt() { app::set_save_path_sink({}); }
};

// The list a wxSingleChoiceDialog offers.
wxListBox* find_list(wxWindow* in) {
    for (wxWindow* child : in->GetChildren())
        if (auto* list = dynamic_cast<wxListBox*>(child)) return list;
    return nullptr;
}

std::string pdf_text(const fs::path& file) { return output_of("pdftotext -layout '" + file.string() + "' - 2>&1"); }

}  // namespace

TEST_CASE("Supervisor's verification: the supervisor chosen by keyboard, their entries written owner-only",
          "[gui][practice_record]") {
    Programme programme;
    const Cohort c = cohort_with_entries(programme);
    Window frame(programme.context);
    auto* people = show_person(frame, "P-001", c.code);
    auto* button = wxWindow::FindWindowByName("save_supervisor_verification", people);
    REQUIRE(button);
    const fs::path file = programme.dir / "verification.pdf";
    SaveAt save(file);
    wxArrayString offered;
    KeyboardAnswer choose("choose_supervisor", [&](wxDialog* d, wxUIActionSimulator& sim) {
        if (auto* list = find_list(d)) offered = list->GetStrings();
        key(sim, WXK_RETURN);  // the first offered: S-LEAD, whose entry came after their credential ended
    });
    click(button);
    pump();
    CHECK(choose.shown == 1);
    CHECK_FALSE(choose.timed_out);
    REQUIRE(offered.size() == 2);  // those with entries for P-001, by their first entry's day
    CHECK(offered[0] == "S-LEAD (Lead supervisor)");
    CHECK(offered[1] == "S-OUT (Outside supervisor)");
    CHECK(save.suggested == "P-001-verification-S-LEAD.pdf");
    INFO(programme.messages.size());
    CHECK(programme.messages.empty());
    REQUIRE(fs::exists(file));
    CHECK((fs::status(file).permissions() & fs::perms::all) == owner_only);
    const std::string text = pdf_text(file);
    INFO(text);
    CHECK(text.find("S-LEAD") != std::string::npos);
    CHECK(text.find("S-OUT") == std::string::npos);  // only the chosen supervisor's own entries
    // P-001 reads Japanese, and the verification is in the person's language: its catalog's "not counted: …".
    const std::string not_counted = io::Catalog("ja").tr("not counted: credential expired on %s");
    REQUIRE(not_counted.find(':') != std::string::npos);
    CHECK(text.find(not_counted.substr(0, not_counted.find(':'))) != std::string::npos);
}

TEST_CASE("Supervisor's verification where no supervisor has an entry says so in words and writes nothing",
          "[gui][practice_record]") {
    Programme programme;
    cohort_with_entries(programme);
    Window frame(programme.context);
    auto* people = show_person(frame, "P-001", programme.cohort);  // KTM-2026-1: no supervision logged there
    const fs::path file = programme.dir / "verification.pdf";
    SaveAt save(file);
    click(wxWindow::FindWindowByName("save_supervisor_verification", people));
    pump();
    CHECK(save.asked == 0);
    CHECK_FALSE(fs::exists(file));
    REQUIRE(programme.messages.size() == 1);
    CHECK(programme.messages[0] ==
          "No supervisor has logged supervised practice of P-001 in KTM-2026-1, so there is nothing to verify. "
          "Nothing was written.");
}

TEST_CASE("Practice record shows the auditor's record as text, and Save as PDF (Alt+P) writes it owner-only",
          "[gui][practice_record]") {
    Programme programme;
    const Cohort c = cohort_with_entries(programme);
    Window frame(programme.context);
    auto* people = show_person(frame, "P-001", c.code);
    auto* button = wxWindow::FindWindowByName("practice_record", people);
    REQUIRE(button);
    const fs::path file = programme.dir / "record.pdf";
    SaveAt save(file);
    wxString shown, names, title;
    KeyboardAnswer answer("PracticeRecordDialog", [&](wxDialog* d, wxUIActionSimulator& sim) {
        title = d->GetTitle();
        shown = static_cast<wxTextCtrl*>(d->FindWindow("record_text"))->GetValue();
        accessible_names(d, names);
        key(sim, 'p', wxMOD_ALT);  // Save as PDF…
        key(sim, WXK_ESCAPE);      // Close
    });
    click(button);
    pump();
    CHECK(answer.shown == 1);
    CHECK_FALSE(answer.timed_out);  // Esc closed it
    CHECK(title == "Practice record of P-001 in PKR-2026-9");
    INFO(shown.utf8_string());
    CHECK(shown.Contains("S-LEAD"));
    CHECK(shown.Contains("S-OUT"));
    // Each entry on a line of its own, its table's headings spoken beside the values.
    CHECK(
        shown.Contains("• Day: 1 March 2026; Supervisor: Lead supervisor (S-LEAD); Credential valid that day: none; "
                       "Format: one-to-one; Minutes: 45; Counts: not counted: credential expired on 15 February "
                       "2026\n"));
    CHECK(
        shown.Contains("Credential valid that day: Registered Peer Supervisor, valid 1 January 2025 to 31 December "
                       "2027; Format: group; Minutes: 90; Counts: counted\n"));
    CHECK(shown.Contains("\nAgreement and attestation\n"));
    CHECK(shown.Contains("The completion window ends on 2 August 2027"));
    INFO(names);
    CHECK_FALSE(names.Contains(": \n"));
    CHECK(names.Contains("record_text: The record, as the PDF says it\n"));
    CHECK(save.suggested == "P-001-practice-record.pdf");
    CHECK(programme.messages.empty());
    REQUIRE(fs::exists(file));
    CHECK((fs::status(file).permissions() & fs::perms::all) == owner_only);
    const std::string text = pdf_text(file);
    INFO(text);
    CHECK(text.find("S-LEAD") != std::string::npos);
    CHECK(text.find("S-OUT") != std::string::npos);
    CHECK(text.find("Registered Peer") != std::string::npos);  // the PDF table wraps the credential
    // The record is in the cohort's language (Nepali for PKR): its catalog's "not counted: …" up to the colon.
    const std::string not_counted = io::Catalog("ne").tr("not counted: credential expired on %s");
    REQUIRE(not_counted.find(':') != std::string::npos);
    CHECK(text.find(not_counted.substr(0, not_counted.find(':'))) != std::string::npos);
}

TEST_CASE(
    "from the Supervisors dialog, Verify a person's practice asks whose and in which cohort, then writes the chosen "
    "supervisor's verification; one without entries there is refused in words",
    "[gui][practice_record]") {
    Programme programme;
    const Cohort c = cohort_with_entries(programme);
    Window frame(programme.context);
    app::SupervisorsDialog dialog(frame.get(), programme.context);
    wxString question;
    app::set_text_sink([&](wxWindow*, const wxString& asked) {
        question = asked;
        return wxString("P-001");
    });
    const fs::path file = programme.dir / "verification.pdf";
    {
        dialog.list()->SelectRow(1);  // S-OUT (the list is by ref)
        SaveAt save(file);
        KeyboardAnswer choose("choose_cohort", [](wxDialog*, wxUIActionSimulator& sim) {
            key(sim, WXK_RETURN);  // offered first: the latest code, PKR-2026-9 (P-001 is in KTM-2026-1 too)
        });
        CHECK(dialog.verify_person());
        CHECK(choose.shown == 1);
        CHECK_FALSE(choose.timed_out);
        CHECK(question == "The ref of the person whose practice S-OUT verifies:");
        CHECK(save.suggested == "P-001-verification-S-OUT.pdf");
        CHECK(programme.messages.empty());
        REQUIRE(fs::exists(file));
        CHECK((fs::status(file).permissions() & fs::perms::all) == owner_only);
        const std::string text = pdf_text(file);
        INFO(text);
        CHECK(text.find("S-OUT") != std::string::npos);
        CHECK(text.find("S-LEAD") == std::string::npos);
        CHECK(text.find(c.code) != std::string::npos);
        fs::remove(file);
    }
    {
        dialog.list()->SelectRow(0);  // S-LEAD, in KTM-2026-1 where no one has logged supervision
        SaveAt save(file);
        KeyboardAnswer choose("choose_cohort", [](wxDialog*, wxUIActionSimulator& sim) {
            key(sim, WXK_UP);
            key(sim, WXK_RETURN);
        });
        CHECK_FALSE(dialog.verify_person());
        CHECK(choose.shown == 1);
        CHECK_FALSE(fs::exists(file));
        REQUIRE(programme.messages.size() == 1);
        INFO(programme.messages[0]);
        CHECK(programme.messages[0].Contains("S-LEAD"));
    }
    app::set_text_sink({});
}

TEST_CASE("the practice record and the person's details pictured in English and Urdu", "[.][practice_record_shots]") {
    for (const char* language : {"en", "ur"}) {
        Programme programme;
        const Cohort c = cohort_with_entries(programme);
        programme.context.set_language(app::set_up_translations(language));
        {
            Window frame(programme.context);
            frame->SetSize(1366, 900);
            auto* people = show_person(frame, "P-001", c.code);
            pump(300);
            CHECK(save_screenshot(frame.get(), std::string(MITRA_SHOTS_DIR) + "/record-details-" + language + ".png"));
            KeyboardAnswer answer("PracticeRecordDialog", [&](wxDialog* d, wxUIActionSimulator& sim) {
                CHECK(save_screenshot(d, std::string(MITRA_SHOTS_DIR) + "/practice-record-" + language + ".png"));
                key(sim, WXK_ESCAPE);
            });
            click(wxWindow::FindWindowByName("practice_record", people));
            pump();
        }
        programme.context.set_language(app::set_up_translations("en"));
    }
}
