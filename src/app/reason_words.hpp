// What completion, a pathway and a renewal still need, in the interface's language: the words are io's
// (io/reason_words.hpp, which mitra-cli prints too), read from the interface language's catalog.
#pragma once
#include <wx/string.h>

#include <string>

#include "core/completion.hpp"
#include "core/pathway.hpp"
#include "core/verdict.hpp"

namespace mitra::app {

// A renewal rule's category key in words where Mitra knows it ("peer_practice": "peer practice"); others as typed.
wxString category_words(const std::string& category);
// "12 hours", "1.5 hours".
wxString hours_words(int minutes);
// A module's shortfalls, without its code and title: "attended 60 of 180 minutes, needs 144; ...".
wxString shortfalls_phrase(const ModuleCompletion& module);
// With its code and title first, as the person's list shows it.
wxString module_phrase(const ModuleCompletion& module, const wxString& title);
// Everything a person still lacks for the programme ("" when complete).
wxString completion_phrase(const ParticipantCompletion& person);
// A pathway's requirement, with module titles in `language`.
wxString requirement_phrase(const Requirement& requirement, const std::string& language);
// "in total: 3 hours of 36 hours", "ethics: 1 hour of 3 hours".
wxString renewal_phrase(const RenewalShortfall& shortfall);
// An attendance mark's status ("left early").
wxString attendance_words(AttendanceStatus status);
// A certificate's kind with the module or certification it is for ("module M03").
wxString certificate_kind_words(const std::string& kind, const std::string& module_code);
// A verification's verdict as a heading ("NOT GENUINE").
wxString verdict_heading(Verdict verdict);
// One thing missing on the pathway.
wxString gap_phrase(const Pathway& pathway, const PathwayGap& gap, const std::string& language);

}  // namespace mitra::app
