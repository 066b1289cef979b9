// forms/record_dialog.xrc: an assessment, supervised practice or the ethics acknowledgement, for one person or
// several of a cohort, checked by core's rules before the store keeps it.
#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/radiobox.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/wrapsizer.h>
#include <wx/xrc/xmlres.h>

#include <algorithm>

#include "app/details_view.hpp"
#include "app/guard.hpp"
#include "app/i18n.hpp"
#include "app/practice_dialogs.hpp"
#include "app/record_dialogs.hpp"
#include "app/text.hpp"
#include "core/text.hpp"
#include "io/record_words.hpp"
#include "store/repos.hpp"

namespace mitra::app {
namespace {

const char* form_of(RecordKind kind) {
    switch (kind) {
        case RecordKind::assessment: return "AssessmentDialog";
        case RecordKind::practice: return "PracticeDialog";
        case RecordKind::ethics: return "EthicsDialog";
    }
    return "";
}

bool offered(RecordKind kind, const Module& m) {
    return kind == RecordKind::assessment ? m.has_assessment : kind == RecordKind::practice && m.supervised_minutes > 0;
}

void refuse_faults(const std::vector<RecordFault>& faults, Problems problems) {
    for (RecordFault f : faults) problems.push_back(describe(f));
    if (!problems.empty()) throw InputError{problems};
}

wxString people_label(const std::vector<std::string>& refs) {
    wxString list;
    for (const auto& ref : refs) list << (list.empty() ? "" : ", ") << wx(ref);
    if (refs.size() == 1) return list;
    return wxString::Format(wxPLURAL("%d person: %s", "%d people: %s", static_cast<int>(refs.size())),
                            static_cast<int>(refs.size()), list);
}

}  // namespace

Problem describe(RecordFault fault) {
    const io::Catalog& words = io::catalog(interface_catalog());
    return Problem{"", 0, 0, io::record_field_words(fault, words), io::record_fault_phrase(fault, words)};
}

RecordDialog::RecordDialog(wxWindow* parent, RecordKind kind, const wxString& people, const RecordSetting& setting)
    : kind_(kind), setting_(setting) {
    wxXmlResource::Get()->LoadDialog(this, parent, form_of(kind));
    XRCCTRL(*this, "people", wxStaticText)->SetLabel(people);
    XRCCTRL(*this, "day", wxTextCtrl)->ChangeValue(wx(setting.today));
    if (kind == RecordKind::ethics) {
        XRCCTRL(*this, "version", wxStaticText)
            ->SetLabel(setting.curriculum.ethics_code.empty() ? _("none: this curriculum asks for none")
                                                              : wx(setting.curriculum.ethics_code));
    } else {
        auto* choice = XRCCTRL(*this, "module", wxChoice);
        for (const auto& m : setting.curriculum.modules) {
            if (!offered(kind, m)) continue;
            modules_.push_back(m.code);
            choice->Append(wx(m.code + "  " + m.title.in(setting.language)));
            if (m.code == setting.module) choice->SetSelection(static_cast<int>(modules_.size()) - 1);
        }
        if (choice->GetSelection() == wxNOT_FOUND && !modules_.empty()) choice->SetSelection(0);
    }
    if (kind == RecordKind::assessment) XRCCTRL(*this, "assessor", wxTextCtrl)->ChangeValue(wx(setting.person));
    if (kind == RecordKind::practice) {
        XRCCTRL(*this, "supervisor", wxTextCtrl)->ChangeValue(wx(setting.person));
        XRCCTRL(*this, "signed_on", wxTextCtrl)->ChangeValue(wx(setting.today));
        int minutes = 0;
        if (const Module* m = setting.curriculum.module(setting.module)) minutes = m->supervised_minutes;
        if (minutes > 0) XRCCTRL(*this, "minutes", wxTextCtrl)->ChangeValue(wxString::Format("%d", minutes));
        Bind(
            wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(XRCCTRL(*this, "signed", wxCheckBox)->GetValue()); },
            XRCID("signed_on"));
    }
    SetEscapeId(wxID_CANCEL);
    Fit();
    SetMinSize(GetSize());
}

std::string RecordDialog::text(const char* name) const {
    return trim(utf8(XRCCTRL(*this, name, wxTextCtrl)->GetValue()));
}

Date RecordDialog::day(const char* name, const wxString& field, Problems& problems) const {
    const std::string typed = text(name);
    if (const auto on = parse_date(typed)) return *on;
    problems.push_back(
        {"", 0, 0, utf8(field), utf8(wxString::Format(_("'%s' is not a date in the form YYYY-MM-DD"), wx(typed)))});
    return setting_.today;
}

std::vector<AssessmentResult> RecordDialog::assessments(const std::vector<std::string>& refs) const {
    Problems problems;
    AssessmentResult r;
    const int at = XRCCTRL(*this, "module", wxChoice)->GetSelection();
    if (at != wxNOT_FOUND) r.module_code = modules_[static_cast<std::size_t>(at)];
    r.passed = XRCCTRL(*this, "result", wxRadioBox)->GetSelection() == 0;
    r.assessor = text("assessor");
    r.assessed_on = day("day", _("Day"), problems);
    refuse_faults(check_assessment(r, setting_.curriculum, setting_.cohort_start, setting_.today), problems);
    std::vector<AssessmentResult> out;
    for (const auto& ref : refs) out.push_back(r), out.back().participant_ref = ref;
    return out;
}

std::vector<PracticumLog> RecordDialog::practice(const std::vector<std::string>& refs) const {
    Problems problems;
    PracticumLog log;
    const int at = XRCCTRL(*this, "module", wxChoice)->GetSelection();
    if (at != wxNOT_FOUND) log.module_code = modules_[static_cast<std::size_t>(at)];
    const std::string minutes = text("minutes");
    long value = 0;
    const bool number = minutes.empty() || (wx(minutes).ToLong(&value) && value >= 0 && value < 1000000);
    if (number) log.minutes = static_cast<int>(value);
    else
        problems.push_back({"", 0, 0, utf8(_("Minutes")),
                            utf8(wxString::Format(_("'%s' is not a whole number of minutes"), wx(minutes)))});
    log.supervisor = text("supervisor");
    log.practised_on = day("day", _("Day"), problems);
    if (XRCCTRL(*this, "signed", wxCheckBox)->GetValue())
        log.signed_off_on = day("signed_on", _("Signed off on"), problems);
    auto faults = check_practicum(log, setting_.curriculum, setting_.cohort_start, setting_.today);
    if (!number) std::erase(faults, RecordFault::no_minutes);  // said already, in the words it was typed
    refuse_faults(faults, problems);
    std::vector<PracticumLog> out;
    for (const auto& ref : refs) out.push_back(log), out.back().participant_ref = ref;
    return out;
}

std::vector<EthicsAcknowledgement> RecordDialog::acknowledgements(const std::vector<std::string>& refs) const {
    Problems problems;
    EthicsAcknowledgement ack;
    ack.code_version = setting_.curriculum.ethics_code;
    ack.acknowledged_on = day("day", _("Day"), problems);
    refuse_faults(check_acknowledgement(ack, setting_.curriculum, setting_.today), problems);
    std::vector<EthicsAcknowledgement> out;
    for (const auto& ref : refs) out.push_back(ack), out.back().participant_ref = ref;
    return out;
}

bool record_for(wxWindow* parent, AppContext& context, RecordKind kind, const std::string& cohort_code,
                const std::vector<std::string>& refs) {
    if (refs.empty()) {
        show_info(parent, _("Choose a person in the list first."));
        return false;
    }
    RecordSetting setting;
    if (!guarded(parent, [&] {
            store::CohortRepo cohorts(context.db());
            const auto cohort = cohorts.find(cohort_code);
            if (!cohort) throw InputError{{{"", 0, 0, utf8(_("Cohort")), utf8(_("this cohort no longer exists"))}}};
            setting.curriculum = cohorts.curriculum_of(*cohort);
            setting.cohort_start = cohort->start_date;
            setting.today = context.today();
            setting.language = context.language();
            if (!cohort->trainer_refs.empty())
                if (const auto lead = store::TrainerRepo(context.db()).find(cohort->trainer_refs.front()))
                    setting.person = lead->name;
            // The module offered first: the first one of its kind that one of these people has not completed.
            const auto completion = store::cohort_completion(context.db(), cohort_code, setting.today);
            for (const auto& m : setting.curriculum.modules) {
                if (!offered(kind, m)) continue;
                if (setting.module.empty()) setting.module = m.code;
                bool needed = false;
                for (const auto& p : completion)
                    if (std::find(refs.begin(), refs.end(), p.ref) != refs.end())
                        for (const auto& mc : p.modules) needed = needed || (mc.code == m.code && !mc.complete);
                if (needed) {
                    setting.module = m.code;
                    break;
                }
            }
        }))
        return false;
    RecordDialog dialog(parent, kind, people_label(refs), setting);
    return show_until_kept(dialog, [&] {
        store::RecordsRepo records(context.db());
        switch (kind) {
            case RecordKind::assessment: {
                const auto all = dialog.assessments(refs);
                context.db().write([&] {
                    for (const auto& r : all) records.record_assessment(cohort_code, r);
                });
                break;
            }
            case RecordKind::practice: {
                const auto all = dialog.practice(refs);
                context.db().write([&] {
                    for (const auto& log : all) records.log_practicum(cohort_code, log);
                });
                break;
            }
            case RecordKind::ethics: {
                const auto all = dialog.acknowledgements(refs);
                context.db().write([&] {
                    for (const auto& ack : all) records.acknowledge_ethics(ack);
                });
                break;
            }
        }
    });
}

void add_record_buttons(DetailsView& details, AppContext& context, const std::string& ref,
                        std::function<void()> changed) {
    std::vector<std::string> cohorts;
    guarded(&details, [&] {
        for (const auto& [code, completion] : store::participant_completion(context.db(), ref, context.today()))
            cohorts.push_back(code);
    });
    if (cohorts.empty()) return;
    for (const auto& code : cohorts) add_progress_letter(details, context, ref, code);
    auto* row = new wxPanel(&details);
    row->SetName("record_for_cohort");
    auto* bar = new wxBoxSizer(wxHORIZONTAL);
    auto* label = new wxStaticText(row, wxID_ANY, _("Record for coh&ort"));
    auto* choice = new wxChoice(row, wxID_ANY);
    choice->SetName("record_cohort");
    choice->SetToolTip(_("The cohort the assessment, practice or acknowledgement belongs to"));
    for (const auto& code : cohorts) choice->Append(wx(code));
    choice->SetSelection(static_cast<int>(cohorts.size()) - 1);  // the latest code, most often the current one
    bar->Add(label, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    bar->Add(choice, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    const struct {
        RecordKind kind;
        const char* name;
        wxString label, tip;
    } buttons[] = {
        {RecordKind::assessment, "record_assessment", _("&Assessment…"), _("Record an assessment result")},
        {RecordKind::practice, "record_practice", _("&Practice…"), _("Log supervised practice")},
        {RecordKind::ethics, "record_ethics", _("&Ethics…"), _("Record the code of ethics acknowledgement")},
    };
    auto* column = new wxBoxSizer(wxVERTICAL);
    column->Add(bar, 0, wxBOTTOM, 4);
    // The buttons go on a second line when the details pane is narrow (1024x600, large text, long translations).
    auto* actions = new wxWrapSizer(wxHORIZONTAL);
    for (const auto& b : buttons) {
        auto* button = new wxButton(row, wxID_ANY, b.label);
        button->SetName(b.name);
        button->SetToolTip(b.tip);
        actions->Add(button, 0, wxRIGHT | wxBOTTOM, 4);
        const RecordKind kind = b.kind;
        button->Bind(wxEVT_BUTTON, [&context, ref, cohorts, choice, kind, changed, row](wxCommandEvent&) {
            const int at = choice->GetSelection();
            if (at == wxNOT_FOUND) return;
            if (record_for(row, context, kind, cohorts[static_cast<std::size_t>(at)], {ref}) && changed) changed();
        });
    }
    // Observed practice on a module's rubric: one person at a time, as a rater watches one.
    auto* observed = new wxButton(row, wxID_ANY, _("Observe&d assessment…"));
    observed->SetName("record_observation");
    observed->SetToolTip(_("Rate this person's observed practice on a module's rubric"));
    actions->Add(observed, 0, wxRIGHT | wxBOTTOM, 4);
    observed->Bind(wxEVT_BUTTON, [&context, ref, cohorts, choice, changed, row](wxCommandEvent&) {
        const int at = choice->GetSelection();
        if (at == wxNOT_FOUND) return;
        if (observe_for(row, context, cohorts[static_cast<std::size_t>(at)], ref) && changed) changed();
    });
    // Supervised practice with a supervisor on record, one-to-one or in a group (issue 21).
    auto* supervision = new wxButton(row, wxID_ANY, _("S&upervision entry…"));
    supervision->SetName("record_supervision");
    supervision->SetToolTip(_("Log supervised practice with a supervisor on record, one-to-one or in a group"));
    actions->Add(supervision, 0, wxRIGHT | wxBOTTOM, 4);
    supervision->Bind(wxEVT_BUTTON, [&context, ref, cohorts, choice, changed, row](wxCommandEvent&) {
        const int at = choice->GetSelection();
        if (at == wxNOT_FOUND) return;
        if (supervise_for(row, context, cohorts[static_cast<std::size_t>(at)], ref) && changed) changed();
    });
    // The supervisory agreement, lived-experience attestation and referees: signed yes or no with the day.
    auto* signed_records = new wxButton(row, wxID_ANY, _("Si&gned records…"));
    signed_records->SetName("record_signed");
    signed_records->SetToolTip(_("Supervisory agreement, lived-experience attestation and referee questionnaires"));
    actions->Add(signed_records, 0, wxRIGHT | wxBOTTOM, 4);
    signed_records->Bind(wxEVT_BUTTON, [&context, ref, cohorts, choice, changed, row](wxCommandEvent&) {
        const int at = choice->GetSelection();
        if (at == wxNOT_FOUND) return;
        if (signed_records_for(row, context, cohorts[static_cast<std::size_t>(at)], ref) && changed) changed();
    });
    // The progress letter: what is done, what remains and by when, in the person's language (PDF, owner-only).
    auto* letter = new wxButton(row, wxID_ANY, _("Save progress &letter…"));
    letter->SetName("save_progress_letter");
    letter->SetToolTip(_("Write this person's progress letter in their language as a PDF only you can read"));
    actions->Add(letter, 0, wxRIGHT | wxBOTTOM, 4);
    letter->Bind(wxEVT_BUTTON, [&context, ref, cohorts, choice, row](wxCommandEvent&) {
        const int at = choice->GetSelection();
        if (at != wxNOT_FOUND) save_progress_letter(row, context, ref, cohorts[static_cast<std::size_t>(at)]);
    });
    // What a supervisor signs for their own entries, and the coordinator's record for an auditor (issue 21).
    auto* verification = new wxButton(row, wxID_ANY, _("Verification &by a supervisor…"));
    verification->SetName("save_supervisor_verification");
    verification->SetToolTip(
        _("Write a supervisor's verification of this person's supervised practice as a PDF only "
          "you can read"));
    actions->Add(verification, 0, wxRIGHT | wxBOTTOM, 4);
    verification->Bind(wxEVT_BUTTON, [&context, ref, cohorts, choice, row](wxCommandEvent&) {
        const int at = choice->GetSelection();
        if (at != wxNOT_FOUND) save_supervisor_verification(row, context, ref, cohorts[static_cast<std::size_t>(at)]);
    });
    auto* record = new wxButton(row, wxID_ANY, _("Prac&tice record…"));
    record->SetName("practice_record");
    record->SetToolTip(
        _("Every supervision entry, observed assessment and signed record of this person, for an "
          "auditor"));
    actions->Add(record, 0, wxRIGHT | wxBOTTOM, 4);
    record->Bind(wxEVT_BUTTON, [&context, ref, cohorts, choice, row](wxCommandEvent&) {
        const int at = choice->GetSelection();
        if (at != wxNOT_FOUND) show_practice_record(row, context, ref, cohorts[static_cast<std::size_t>(at)]);
    });
    column->Add(actions, 0, wxEXPAND);
    row->SetSizer(column);
    details.add_window(row, 0);
}

}  // namespace mitra::app
