// forms/signed_records_dialog.xrc: a person's supervisory agreement and lived-experience attestation (signed yes or
// no, with the day) and a referee questionnaire received, kept by the PracticeRepo in one transaction.
#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/xrc/xmlres.h>

#include "app/guard.hpp"
#include "app/practice_dialogs.hpp"
#include "app/screen_room.hpp"
#include "app/text.hpp"
#include "core/text.hpp"
#include "store/practice_repo.hpp"
#include "store/repos.hpp"

namespace mitra::app {
namespace {

enum Answer { leave = 0, yes = 1, no = 2 };  // the agreement's and attestation's choice items

Problem problem(const wxString& field, const wxString& message) {
    return Problem{"", 0, 0, utf8(field), utf8(message)};
}

// The latest record of `kind` in words ("signed on 2026-02-10"); the records are oldest first.
wxString standing(const std::vector<Attestation>& all, AttestationKind kind) {
    const Attestation* latest = nullptr;
    for (const auto& a : all)
        if (a.kind == kind) latest = &a;
    if (!latest) return _("not recorded yet");
    return latest->is_signed ? wxString::Format(_("signed on %s"), wx(latest->on))
                             : wxString::Format(_("not signed (recorded on %s)"), wx(latest->on));
}

wxString on_record(const store::SignedRecords& records, int referees_needed) {
    wxString text;
    text << wxString::Format(_("Supervisory agreement: %s."),
                             standing(records.attestations, AttestationKind::supervision_agreement))
         << "\n"
         << wxString::Format(_("Lived-experience attestation: %s."),
                             standing(records.attestations, AttestationKind::lived_experience))
         << "\n";
    const int received = referees_received(records.referees);
    text << (referees_needed > 0 ? wxString::Format(_("Referee questionnaires received: %d of the %d needed."),
                                                    received, referees_needed)
                                 : wxString::Format(_("Referee questionnaires received: %d."), received));
    return text;
}

std::string typed(const wxDialog& dialog, const char* name) {
    return trim(utf8(static_cast<wxTextCtrl*>(dialog.FindWindow(name))->GetValue()));
}

// The day typed in `name`: a date not after today, or a problem naming `field`.
Date day(const wxDialog& dialog, const char* name, const wxString& field, const Date& today, Problems& problems) {
    const std::string text = typed(dialog, name);
    const auto on = parse_date(text);
    if (!on)
        problems.push_back(problem(field, wxString::Format(_("'%s' is not a date in the form YYYY-MM-DD"), wx(text))));
    else if (today < *on) problems.push_back(problem(field, _("the day has not come yet")));
    return on.value_or(Date{});
}

}  // namespace

bool signed_records_for(wxWindow* parent, AppContext& context, const std::string& cohort_code, const std::string& ref) {
    store::SignedRecords records;
    int referees_needed = 0;
    if (!guarded(parent, [&] {
            store::CohortRepo cohorts(context.db());
            if (const auto cohort = cohorts.find(cohort_code))
                referees_needed = cohorts.curriculum_of(*cohort).programme.referees_required;
            records = store::read_signed_records(context.db(), ref);
        }))
        return false;
    const Date today = context.today();
    wxDialog dialog;
    wxXmlResource::Get()->LoadDialog(&dialog, parent, "SignedRecordsDialog");
    XRCCTRL(dialog, "person", wxStaticText)->SetLabel(wx(ref));
    XRCCTRL(dialog, "privacy", wxStaticText)->Wrap(dialog.FromDIP(460));
    XRCCTRL(dialog, "on_record", wxStaticText)->SetLabel(on_record(records, referees_needed));
    for (const char* name : {"agreement_day", "attestation_day", "referee_day"})
        static_cast<wxTextCtrl*>(dialog.FindWindow(name))->ChangeValue(wx(today));
    dialog.SetEscapeId(wxID_CANCEL);
    // Not Fit(): the least size the dialog was loaded with (the privacy note before it was wrapped) kept it as wide
    // as the screen at large text.
    fit_to_screen(&dialog);
    return show_until_kept(dialog, [&] {
        Problems problems;
        std::vector<Attestation> attestations;
        const struct {
            const char* choice;
            const char* day;
            AttestationKind kind;
            wxString field;
        } asked[] = {
            {"agreement", "agreement_day", AttestationKind::supervision_agreement, _("Agreement day")},
            {"attestation", "attestation_day", AttestationKind::lived_experience, _("Attestation day")},
        };
        for (const auto& a : asked) {
            const int answer = static_cast<wxChoice*>(dialog.FindWindow(a.choice))->GetSelection();
            if (answer != yes && answer != no) continue;
            attestations.push_back({ref, a.kind, answer == yes, day(dialog, a.day, a.field, today, problems)});
        }
        std::optional<RefereeQuestionnaire> referee;
        if (const std::string who = typed(dialog, "referee"); !who.empty())
            referee = RefereeQuestionnaire{ref, who, day(dialog, "referee_day", _("Day received"), today, problems)};
        if (attestations.empty() && !referee)
            problems.push_back(problem(_("Supervisory agreement"),
                                       _("nothing to record: choose Signed or Not signed, or name a referee")));
        if (!problems.empty()) throw InputError{problems};
        context.db().write([&] {
            store::PracticeRepo practice(context.db());
            for (const auto& a : attestations) practice.attest(a);
            if (referee) practice.add_referee(*referee);
        });
    });
}

}  // namespace mitra::app
