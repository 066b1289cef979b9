// forms/cohort_dialog.xrc: a new cohort of a curriculum, at a site, with its lead trainer.
#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/textctrl.h>
#include <wx/xrc/xmlres.h>

#include "app/dialogs.hpp"
#include "app/screen_room.hpp"
#include "app/text.hpp"
#include "core/problem.hpp"
#include "core/text.hpp"
#include "core/time_zone.hpp"
#include "core/validation.hpp"

namespace mitra::app {

CohortDialog::CohortDialog(wxWindow* parent, const std::vector<std::string>& curricula,
                           const std::vector<Trainer>& trainers, const Date& today)
    : curricula_(curricula), trainers_(trainers) {
    wxXmlResource::Get()->LoadDialog(this, parent, "CohortDialog");
    auto* curriculum = XRCCTRL(*this, "curriculum", wxChoice);
    for (const auto& c : curricula_) curriculum->Append(wx(c));
    if (!curricula_.empty()) curriculum->SetSelection(0);
    auto* trainer = XRCCTRL(*this, "trainer", wxChoice);
    trainer->Append(_("(none)"));
    for (const auto& t : trainers_) trainer->Append(wx(t.name + "  " + t.ref));
    trainer->SetSelection(trainers_.empty() ? 0 : 1);
    XRCCTRL(*this, "start", wxTextCtrl)->SetValue(wx(today));
    XRCCTRL(*this, "time_zone", wxTextCtrl)->SetValue("Asia/Kathmandu");
    XRCCTRL(*this, "language", wxTextCtrl)->SetValue("en");
    SetEscapeId(wxID_CANCEL);
    fit_to_screen(this);
}

Cohort CohortDialog::cohort() const {
    Cohort c;
    c.code = trim(utf8(XRCCTRL(*this, "code", wxTextCtrl)->GetValue()));
    const int curriculum = XRCCTRL(*this, "curriculum", wxChoice)->GetSelection();
    if (curriculum != wxNOT_FOUND) c.curriculum_code = curricula_[static_cast<std::size_t>(curriculum)];
    c.site = utf8(XRCCTRL(*this, "site", wxTextCtrl)->GetValue());
    c.country = trim(utf8(XRCCTRL(*this, "country", wxTextCtrl)->GetValue()));
    c.time_zone = trim(utf8(XRCCTRL(*this, "time_zone", wxTextCtrl)->GetValue()));
    c.language = trim(utf8(XRCCTRL(*this, "language", wxTextCtrl)->GetValue()));
    const std::string start = trim(utf8(XRCCTRL(*this, "start", wxTextCtrl)->GetValue()));
    const int trainer = XRCCTRL(*this, "trainer", wxChoice)->GetSelection();
    if (trainer > 0) c.trainer_refs.push_back(trainers_[static_cast<std::size_t>(trainer - 1)].ref);
    normalize(c);
    auto errors = validate(c);
    for (auto& e : errors) {  // core's check, said in the interface's language with its suggestion
        if (e.field != "time_zone" || !looks_like_time_zone(c.time_zone)) continue;
        const auto near = nearest_time_zone(c.time_zone);
        e.message = utf8(near ? wxString::Format(_("%s is not in the time zone database. Did you mean %s?"),
                                                 wx(c.time_zone), wx(*near))
                              : wxString::Format(_("%s is not in the time zone database (a time zone is written "
                                                   "like Asia/Kolkata)."),
                                                 wx(c.time_zone)));
    }
    if (auto d = parse_date(start)) c.start_date = *d;
    else errors.push_back({"start", utf8(wxString::Format(_("'%s' is not a date in the form YYYY-MM-DD"), wx(start)))});
    refuse_if_any(errors);
    return c;
}

}  // namespace mitra::app
