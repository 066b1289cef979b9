// A person's signed records in the desktop program by keyboard (issue 21): the details' "Signed records…" shows what
// is on record and says no diagnosis or clinical content is kept; the supervisory agreement and lived-experience
// attestation are a signed yes or no with the day, and a referee questionnaire received is named with its day.
#include <catch2/catch.hpp>

#include <wx/choice.h>
#include <wx/stattext.h>

#include "app/main_frame.hpp"
#include "app/practice_dialogs.hpp"
#include "app/sections.hpp"
#include "fixture.hpp"
#include "io/curriculum_toml.hpp"
#include "store/practice_repo.hpp"
#include "store/repos.hpp"

using namespace mitra;
using namespace mitra::app_test;

namespace {

Cohort cohort_with_rules(Programme& programme) {
    const Cohort c = programme.add_practice_cohort("PKR-2026-9", Date{2026, 2, 2});
    return c;
}

// P-001's details in the Participants section, recording for `cohort`: the button named `name`.
wxWindow* details_button(Window& frame, const std::string& cohort, const char* name) {
    frame->show_section(app::MainFrame::participants);
    auto* people = frame->section(app::MainFrame::participants);
    people->search_for("P-001");
    people->select_row(0);
    pump(100);
    auto* cohorts = dynamic_cast<wxChoice*>(wxWindow::FindWindowByName("record_cohort", people));
    REQUIRE(cohorts);
    REQUIRE(cohorts->SetStringSelection(wxString::FromUTF8(cohort)));
    return wxWindow::FindWindowByName(name, people);
}

}  // namespace

TEST_CASE("the agreement, the attestation and a referee are recorded by keyboard from the person's details",
          "[gui][signed]") {
    Programme programme;
    const Cohort c = cohort_with_rules(programme);
    Window frame(programme.context);
    auto* button = details_button(frame, c.code, "record_signed");
    REQUIRE(button);

    wxString before, privacy, names;
    KeyboardAnswer answer("SignedRecordsDialog", [&](wxDialog* d, wxUIActionSimulator& sim) {
        before = static_cast<wxStaticText*>(d->FindWindow("on_record"))->GetLabel();
        privacy = static_cast<wxStaticText*>(d->FindWindow("privacy"))->GetLabelText();
        privacy.Replace("\n", " ");  // wrapped to the dialog's width
        accessible_names(d, names);
        key(sim, 'a', wxMOD_ALT);  // the agreement: Signed
        key(sim, WXK_DOWN);
        type_at(sim, 'd', "2026-02-10");
        key(sim, 'l', wxMOD_ALT);  // the attestation: Not signed, today
        key(sim, WXK_DOWN);
        key(sim, WXK_DOWN);
        type_at(sim, 'f', "R-1");
        type_at(sim, 'r', "2026-02-20");
        key(sim, WXK_RETURN);
    });
    click(button);
    pump();
    CHECK(answer.shown == 1);
    CHECK_FALSE(answer.timed_out);

    CHECK(before ==
          "Supervisory agreement: not recorded yet.\nLived-experience attestation: not recorded yet.\n"
          "Referee questionnaires received: 0.");
    CHECK(privacy.Contains("no diagnosis and no clinical content is recorded"));
    INFO(names);
    CHECK_FALSE(names.Contains(": \n"));
    CHECK(names.Contains("agreement: Supervisory agreement\n"));
    CHECK(names.Contains("attestation_day: Attestation day (YYYY-MM-DD)\n"));
    CHECK(names.Contains("referee: Referee questionnaire from (optional)\n"));

    const auto kept = store::read_signed_records(programme.db(), "P-001");
    REQUIRE(kept.attestations.size() == 2);
    CHECK(kept.attestations[0].kind == AttestationKind::supervision_agreement);
    CHECK(kept.attestations[0].is_signed);
    CHECK(kept.attestations[0].on == Date{2026, 2, 10});
    CHECK(kept.attestations[1].kind == AttestationKind::lived_experience);
    CHECK_FALSE(kept.attestations[1].is_signed);
    CHECK(kept.attestations[1].on == Date{2026, 3, 2});
    REQUIRE(kept.referees.size() == 1);
    CHECK(kept.referees[0].referee == "R-1");
    CHECK(kept.referees[0].received_on == Date{2026, 2, 20});

    // Shown again, the dialog says what is on record now.
    wxString after;
    DialogAnswer again("SignedRecordsDialog", [&](wxDialog* d) {
        after = static_cast<wxStaticText*>(d->FindWindow("on_record"))->GetLabel();
    });
    CHECK_FALSE(app::signed_records_for(frame.get(), programme.context, c.code, "P-001"));  // nothing chosen
    CHECK(after ==
          "Supervisory agreement: signed on 2026-02-10.\nLived-experience attestation: not signed (recorded "
          "on 2026-03-02).\nReferee questionnaires received: 1.");
}

TEST_CASE("signed records with nothing chosen, or a day to come, are refused naming the field, and nothing is kept",
          "[gui][signed]") {
    Programme programme;
    const Cohort c = cohort_with_rules(programme);
    Window frame(programme.context);
    DialogAnswer nothing("SignedRecordsDialog", [](wxDialog*) {});
    CHECK_FALSE(app::signed_records_for(frame.get(), programme.context, c.code, "P-001"));
    REQUIRE(programme.messages.size() == 1);
    CHECK(programme.messages[0].Contains("Supervisory agreement"));
    CHECK(programme.messages[0].Contains("nothing to record"));

    programme.messages.clear();
    DialogAnswer future("SignedRecordsDialog", [](wxDialog* d) {
        static_cast<wxChoice*>(d->FindWindow("agreement"))->SetSelection(1);
        type_into(d, "agreement_day", "2026-04-01");
        type_into(d, "referee", "R-2");
    });
    CHECK_FALSE(app::signed_records_for(frame.get(), programme.context, c.code, "P-001"));
    REQUIRE(programme.messages.size() == 1);
    INFO(programme.messages[0]);
    CHECK(programme.messages[0].Contains("Agreement day"));
    CHECK(programme.messages[0].Contains("the day has not come yet"));
    const auto kept = store::read_signed_records(programme.db(), "P-001");
    CHECK(kept.attestations.empty());
    CHECK(kept.referees.empty());  // the referee typed beside the refused day is not kept either
}
