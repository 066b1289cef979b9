// What completion, a pathway and a renewal still need, in a catalog's language: core gives the parts (kinds,
// numbers, codes, dates), these phrase them once for both front ends (the desktop program passes its interface
// language, mitra-cli the one its environment asks for). Core's own English stays for --json and exports.
//
//   io::completion_phrase(person, io::catalog("ja"))  -> "M03 倫理: 出席 360 分 / 予定 540 分（必要 432 分）; …"
#pragma once
#include <string>
#include <vector>

#include "core/completion.hpp"
#include "core/pathway.hpp"
#include "core/problem.hpp"
#include "core/validation.hpp"
#include "core/verdict.hpp"
#include "io/catalog.hpp"

namespace mitra::io {

// A renewal rule's category key in words where Mitra knows it ("peer_practice": "peer practice"); others as typed.
std::string category_words(const std::string& category, const Catalog& words);
// "12 hours", "1.5 hours".
std::string hours_words(int minutes, const Catalog& words);
// One shortfall of a module or the programme (module and electives need the person: see completion_phrase).
std::string shortfall_phrase(const Shortfall& shortfall, const Catalog& words);
// A module's shortfalls, without its code and title: "attended 60 of 180 minutes, needs 144; ...".
std::string shortfalls_phrase(const ModuleCompletion& module, const Catalog& words);
// With its code and title first, as the person's list shows it.
std::string module_phrase(const ModuleCompletion& module, const std::string& title, const Catalog& words);
// Everything a person still lacks for the programme ("" when complete).
std::string completion_phrase(const ParticipantCompletion& person, const Catalog& words);
// A pathway's requirement, with module titles in `language` (a BCP 47 tag of the curriculum's titles).
std::string requirement_phrase(const Requirement& requirement, const std::string& language, const Catalog& words);
// "in total: 3 hours of 36 hours", "ethics: 1 hour of 3 hours".
std::string renewal_phrase(const RenewalShortfall& shortfall, const Catalog& words);
// All a renewal still needs, joined with "; ".
std::string renewal_phrases(const std::vector<RenewalShortfall>& shortfalls, const Catalog& words);
// One thing missing on the pathway. The certificate not yet issued is said without how to issue it: each front
// end adds its own way ("mitra-cli certificate issue", the cohort's Print certificates page).
std::string gap_phrase(const Pathway& pathway, const PathwayGap& gap, const std::string& language,
                       const Catalog& words);

// A certification's standing code ("valid", "expiring", "expired", "revoked", "superseded", "not certified") in words.
std::string standing_words(const std::string& standing, const Catalog& words);

// An attendance mark's status in words ("left_early": "left early"); --json and CSV keep the code.
std::string attendance_words(AttendanceStatus status, const Catalog& words);

// A certificate's kind with the module or certification it is for ("completion", "module M03").
std::string certificate_kind_words(const std::string& kind, const std::string& module_code, const Catalog& words);
// A verification's verdict as the heading of what it found ("GENUINE", "NOT GENUINE").
std::string verdict_heading(Verdict verdict, const Catalog& words);

// Where a learning ledger's entry comes from ("external", "cohort", "teaching") in words.
std::string learning_source_words(const std::string& source, const Catalog& words);

// What a refusal says, from its code and values (the message itself when it has no code), without its place or
// field and without how to put it right: each front end adds its own way ("mitra-cli curriculum import FILE", the
// Curricula page). The store's English message is this in the English catalog.
std::string problem_phrase(const Problem& problem, const Catalog& words);

// Why someone was given no certificate (store::LeftOut's `why` and `completion`): what they still lack when they
// are not yet complete, otherwise the refusal's words (erased data, a name no shipped font prints).
std::string left_out_phrase(const Problem& why, const ParticipantCompletion& completion, const Catalog& words);

// `place` (file, line, column, field) with `code` and its values, and the code's English words as its message.
Problem coded_problem(Problem place, ProblemCode code, std::vector<std::string> values = {});

// What core found wrong with a field (FieldError's kind and value), without the field's name: "is required",
// "'XX' is not an ISO 3166-1 country code (such as JP, IN, LK)"; a check with no kind as core says it.
std::string field_error_phrase(const FieldError& error, const Catalog& words);

// A whole line for a reader of plain text: the place, then the field and the phrase. A file's place is
// "people.csv:4:2: " (as compilers write it, no words); with no file, "line 4, column 2: " in the catalog's words.
std::string problem_line(const Problem& problem, const Catalog& words);

}  // namespace mitra::io
