// Assessments, supervised practice and the ethics acknowledgement recorded in the desktop program: from the
// Completion page (for one person or several at once) and from a person's details, checked before anything is kept.
#include <catch2/catch.hpp>

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/modalhook.h>
#include <wx/radiobox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <map>
#include <set>

#include "app/cohort_pages.hpp"
#include "app/cohort_panel.hpp"
#include "app/main_frame.hpp"
#include "app/record_dialogs.hpp"
#include "app/sections.hpp"
#include "fixture.hpp"
#include "store/privacy.hpp"
#include "store/repos.hpp"

using namespace mitra;
using namespace mitra::app_test;

namespace {

// Answers one of the record dialogs as a person would: reads what it offers, types the given values (a text field,
// a choice's line by its start, "passed"/"repeat" for the result, "yes"/"no" for the sign-off) and presses Enter.
// Shown again (after a refusal), it is cancelled.
struct RecordAnswer : wxModalDialogHook {
    std::string form;
    std::map<std::string, wxString> typed;
    std::map<std::string, wxString> offered;  // each field's value as the dialog opened
    int shown = 0;
    RecordAnswer(std::string form_name, std::map<std::string, wxString> values = {})
        : form(std::move(form_name)), typed(std::move(values)) {
        Register();
    }
    ~RecordAnswer() override { Unregister(); }
    int Enter(wxDialog* dialog) override {
        if (dialog->GetName() != form || ++shown > 1) return wxID_CANCEL;
        for (const char* name : {"module", "assessor", "supervisor", "minutes", "day", "signed_on", "version"}) {
            wxWindow* w = dialog->FindWindow(name);
            if (auto* text = dynamic_cast<wxTextCtrl*>(w)) offered[name] = text->GetValue();
            if (auto* choice = dynamic_cast<wxChoice*>(w)) offered[name] = choice->GetStringSelection();
            if (auto* label = dynamic_cast<wxStaticText*>(w)) offered[name] = label->GetLabel();
        }
        for (const auto& [name, value] : typed) {
            wxWindow* w = dialog->FindWindow(name);
            if (auto* text = dynamic_cast<wxTextCtrl*>(w)) text->ChangeValue(value);
            if (auto* result = dynamic_cast<wxRadioBox*>(w)) result->SetSelection(value == "passed" ? 0 : 1);
            if (auto* check = dynamic_cast<wxCheckBox*>(w)) check->SetValue(value == "yes");
            if (auto* choice = dynamic_cast<wxChoice*>(w)) {
                choice->SetSelection(wxNOT_FOUND);
                for (unsigned i = 0; i < choice->GetCount(); ++i)
                    if (!value.empty() && choice->GetString(i).StartsWith(value))
                        choice->SetSelection(static_cast<int>(i));
            }
        }
        return wxID_OK;
    }
    void Exit(wxDialog*) override {}
};

const ParticipantCompletion& person(const app::CompletionPage* page, const std::string& ref) {
    for (const auto& p : page->results())
        if (p.ref == ref) return p;
    throw std::runtime_error("no " + ref);
}

const ModuleCompletion& module_of(const ParticipantCompletion& p, const std::string& code) {
    for (const auto& m : p.modules)
        if (m.code == code) return m;
    throw std::runtime_error("no module " + code);
}

void select(app::CompletionPage* page, const std::vector<std::string>& refs) {
    page->list()->UnselectAll();
    for (std::size_t row = 0; row < page->results().size(); ++row)
        for (const auto& ref : refs)
            if (page->results()[row].ref == ref) page->list()->SelectRow(static_cast<unsigned>(row));
}

void mark_every_session_present(Programme& programme, const std::vector<std::string>& refs) {
    std::vector<store::LocatedMark> marks;
    for (const auto& s : programme.sessions)
        for (const auto& ref : refs) marks.push_back({{s.id, ref, AttendanceStatus::present, {}, ""}, 0});
    store::AttendanceRepo(programme.db()).mark(programme.cohort, marks);
}

// The kinds of history entries kept about a person ("assessment", "practicum", "ethics", ...).
std::multiset<std::string> history_of(Programme& programme, const std::string& ref) {
    std::multiset<std::string> kinds;
    for (const auto& e : store::audit_history(programme.db(), ref, "")) kinds.insert(e.entity);
    return kinds;
}

wxButton* button(wxWindow* in, const char* name) {
    auto* b = dynamic_cast<wxButton*>(wxWindow::FindWindowByName(name, in));
    REQUIRE(b);
    return b;
}

}  // namespace

TEST_CASE(
    "a person reaches complete through the Completion page alone: assessment, practice and ethics, each one Enter",
    "[gui][records]") {
    Programme programme;
    programme.context.set_today([] { return Date{2026, 8, 3}; });  // every session held
    mark_every_session_present(programme, {"P-001"});
    Window frame(programme.context);
    auto* panel = frame->open_cohort(programme.cohort);
    panel->show_page(app::CohortPanel::completion_page);
    pump();
    auto* page = panel->completion();
    select(page, {"P-001"});
    REQUIRE(page->selected_refs() == std::vector<std::string>{"P-001"});
    CHECK_FALSE(person(page, "P-001").complete);
    CHECK_FALSE(module_of(person(page, "P-001"), "M03").complete);  // attended, not yet assessed
    CHECK(button(page, "record_assessment")->GetLabel() == "&Assessment…");
    CHECK(button(page, "record_assessment")->GetToolTipText().Contains("Alt+A"));

    {
        RecordAnswer answer("AssessmentDialog");
        click(button(page, "record_assessment"));
        REQUIRE(answer.shown == 1);
        CHECK(answer.offered["module"].StartsWith("M03"));
        CHECK(answer.offered["assessor"] == wxString::FromUTF8("सीता राई"));  // the cohort's lead trainer
        CHECK(answer.offered["day"] == "2026-08-03");
    }
    CHECK(module_of(person(page, "P-001"), "M03").complete);
    CHECK_FALSE(person(page, "P-001").complete);
    {
        RecordAnswer answer("PracticeDialog");
        click(button(page, "record_practice"));
        REQUIRE(answer.shown == 1);
        CHECK(answer.offered["module"].StartsWith("M10"));
        CHECK(answer.offered["minutes"] == "2400");
        CHECK(answer.offered["signed_on"] == "2026-08-03");
    }
    CHECK(module_of(person(page, "P-001"), "M10").complete);
    CHECK_FALSE(person(page, "P-001").complete);  // the code of ethics is still to acknowledge
    {
        RecordAnswer answer("EthicsDialog");
        click(button(page, "record_ethics"));
        REQUIRE(answer.shown == 1);
        CHECK(answer.offered["version"] == "2026.1");
    }
    CHECK(person(page, "P-001").complete);
    CHECK(person(page, "P-001").reason.empty());
    CHECK(page->list()->GetTextValue(0, 2) == "complete");
    CHECK(page->selected_refs() == std::vector<std::string>{"P-001"});  // the selection stays for the next record
    CHECK(programme.messages.empty());
    const auto kinds = history_of(programme, "P-001");
    CHECK(kinds.count("assessment") == 1);
    CHECK(kinds.count("practicum") == 1);
    CHECK(kinds.count("ethics") == 1);
    frame->SetSize(0, 0, 1024, 600);  // the smallest screen a trainer has
    pump(200);
    REQUIRE(save_screenshot(frame.get(), std::string(MITRA_SHOTS_DIR) + "/records-completion.png"));
}

TEST_CASE("records for several selected people at once: one dialog, everyone recorded", "[gui][records]") {
    Programme programme;
    Window frame(programme.context);
    auto* panel = frame->open_cohort(programme.cohort);
    panel->show_page(app::CohortPanel::completion_page);
    pump();
    auto* page = panel->completion();
    select(page, {"P-003", "P-004", "P-005"});
    REQUIRE(page->selected_refs().size() == 3);
    {
        RecordAnswer answer("EthicsDialog");
        click(button(page, "record_ethics"));
        REQUIRE(answer.shown == 1);
    }
    {
        RecordAnswer answer("AssessmentDialog", {{"result", "repeat"}, {"day", "2026-02-27"}});
        click(button(page, "record_assessment"));
        REQUIRE(answer.shown == 1);
    }
    for (const char* ref : {"P-003", "P-004", "P-005"}) {
        const auto kinds = history_of(programme, ref);
        CHECK(kinds.count("ethics") == 1);
        CHECK(kinds.count("assessment") == 1);
    }
    CHECK(history_of(programme, "P-006").count("ethics") == 0);
    CHECK(programme.messages.empty());
}

TEST_CASE("bad records are refused naming the field in words, and nothing is kept", "[gui][records]") {
    Programme programme;  // today 2026-03-02; the cohort started 2026-02-02
    Window frame(programme.context);
    auto* panel = frame->open_cohort(programme.cohort);
    panel->show_page(app::CohortPanel::completion_page);
    pump();
    auto* page = panel->completion();
    select(page, {"P-002"});

    SECTION("an assessment with no assessor, on a day before the cohort") {
        RecordAnswer answer("AssessmentDialog", {{"assessor", "  "}, {"day", "2026-01-20"}});
        CHECK_FALSE(page->record_selected(app::RecordKind::assessment));
        CHECK(answer.shown == 2);  // shown again after the refusal, then cancelled
        REQUIRE(programme.messages.size() == 1);
        CHECK(programme.messages[0].Contains("Assessor: say who assessed"));
        CHECK(programme.messages[0].Contains("Day: the day is before the cohort started"));
        CHECK(programme.messages[0].Contains("nothing was changed"));
        CHECK(history_of(programme, "P-002").count("assessment") == 0);
    }
    SECTION("supervised practice of 0 minutes, in the future, with no supervisor") {
        RecordAnswer answer("PracticeDialog", {{"minutes", "0"}, {"supervisor", ""}, {"day", "2026-03-20"}});
        CHECK_FALSE(page->record_selected(app::RecordKind::practice));
        REQUIRE(programme.messages.size() == 1);
        CHECK(programme.messages[0].Contains("Minutes: give the minutes of practice"));
        CHECK(programme.messages[0].Contains("Supervisor: say who supervised"));
        CHECK(programme.messages[0].Contains("Day: the day has not come yet"));
        CHECK(history_of(programme, "P-002").count("practicum") == 0);
    }
    SECTION("minutes that are not a number, and a sign-off before the practice") {
        RecordAnswer answer("PracticeDialog",
                            {{"minutes", "two hours"}, {"day", "2026-02-20"}, {"signed_on", "2026-02-10"}});
        CHECK_FALSE(page->record_selected(app::RecordKind::practice));
        REQUIRE(programme.messages.size() == 1);
        CHECK(programme.messages[0].Contains("Minutes: 'two hours' is not a whole number of minutes"));
        CHECK(programme.messages[0].Contains("Signed off on: the sign-off is before the practice itself"));
        CHECK(history_of(programme, "P-002").count("practicum") == 0);
    }
    SECTION("no module chosen") {
        RecordAnswer answer("AssessmentDialog", {{"module", ""}});
        CHECK_FALSE(page->record_selected(app::RecordKind::assessment));
        REQUIRE(programme.messages.size() == 1);
        CHECK(programme.messages[0].Contains("Module: choose one of the curriculum's modules"));
        CHECK(history_of(programme, "P-002").count("assessment") == 0);
    }
    SECTION("an acknowledgement dated in the future, or not a date") {
        {
            RecordAnswer answer("EthicsDialog", {{"day", "2026-03-03"}});
            CHECK_FALSE(page->record_selected(app::RecordKind::ethics));
        }
        {
            RecordAnswer answer("EthicsDialog", {{"day", "3 March"}});
            CHECK_FALSE(page->record_selected(app::RecordKind::ethics));
        }
        REQUIRE(programme.messages.size() == 2);
        CHECK(programme.messages[0].Contains("Day: the day has not come yet"));
        CHECK(programme.messages[1].Contains("Day: '3 March' is not a date in the form YYYY-MM-DD"));
        CHECK(history_of(programme, "P-002").count("ethics") == 0);
    }
    SECTION("nobody selected") {
        page->list()->UnselectAll();
        RecordAnswer answer("EthicsDialog");
        CHECK_FALSE(page->record_selected(app::RecordKind::ethics));
        CHECK(answer.shown == 0);
        REQUIRE(programme.messages.size() == 1);
        CHECK(programme.messages[0].Contains("Choose a person"));
    }
    for (const auto& m : person(page, "P-002").modules) CHECK_FALSE(m.complete);
}

TEST_CASE("a person's details record for a chosen cohort of theirs, and the pathway shows it at once",
          "[gui][records]") {
    Programme programme;
    Window frame(programme.context);
    frame->show_section(app::MainFrame::participants);
    auto* people = frame->section(app::MainFrame::participants);
    people->search_for("P-006");
    people->select_row(0);
    pump(100);
    auto* cohorts = dynamic_cast<wxChoice*>(wxWindow::FindWindowByName("record_cohort", people));
    REQUIRE(cohorts);
    CHECK(cohorts->GetStringSelection() == "KTM-2026-1");
    {
        RecordAnswer answer("EthicsDialog");
        click(button(people, "record_ethics"));
        REQUIRE(answer.shown == 1);
        CHECK(answer.offered["version"] == "2026.1");
    }
    {
        RecordAnswer answer("AssessmentDialog", {{"day", "2026-02-25"}});
        click(button(people, "record_assessment"));
        REQUIRE(answer.shown == 1);
    }
    pump(100);  // the details are shown again once the button is free
    const wxString pathway = all_text(people);
    CHECK(pathway.Contains(wxString::FromUTF8("✓ code of ethics 2026.1 acknowledged")));
    CHECK(pathway.Contains(wxString::FromUTF8("✓ assessment M03: passed on 2026-02-25")));
    CHECK(programme.messages.empty());
    const auto kinds = history_of(programme, "P-006");
    CHECK(kinds.count("ethics") == 1);
    CHECK(kinds.count("assessment") == 1);
    // Completion in the cohort's workspace says so at once.
    auto* panel = frame->open_cohort(programme.cohort);
    panel->show_page(app::CohortPanel::completion_page);
    pump();
    const auto& p6 = person(panel->completion(), "P-006");
    CHECK(p6.reason.find("ethics") == std::string::npos);
    CHECK(module_of(p6, "M03").reason.find("assessment") == std::string::npos);
    // The details show the record buttons again, for the next one.
    frame->show_section(app::MainFrame::participants);
    pump(50);
    CHECK(wxWindow::FindWindowByName("record_practice", people));
    frame->SetSize(0, 0, 1024, 600);  // the smallest screen a trainer has
    pump(200);
    REQUIRE(save_screenshot(frame.get(), std::string(MITRA_SHOTS_DIR) + "/records-details.png"));
}
