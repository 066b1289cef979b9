// Records, certification readiness and trainers' levels in a catalog's language, worded once for both front ends:
// what core found wrong with a record (RecordFault) and the field it is about, why a pathway cannot be certified
// yet, and a trainer certification's level. The codes stay as they are for --json.
//
//   io::record_fault_phrase(RecordFault::no_assessor, io::catalog("ja"))  -> "誰が評価したかを書いてください"
#pragma once
#include <string>

#include "core/pathway.hpp"
#include "core/problem.hpp"
#include "core/records.hpp"
#include "io/catalog.hpp"

namespace mitra::io {

// What is wrong with a record, without its field: "say who assessed". Given the module's code, a fault about the
// module names it ("module M03 has no assessment"); without, it says "this module".
std::string record_fault_phrase(RecordFault fault, const Catalog& words, const std::string& module = "");
// The field a fault is about, by the name the desktop program labels it with ("Assessor", "Signed off on").
std::string record_field_words(RecordFault fault, const Catalog& words);

// A trainer certification's level ("trainer", "senior trainer", also typed "senior-trainer") in words; a level a
// curriculum names itself stays as typed.
std::string trainer_level_words(const std::string& level, const Catalog& words);

// Why `pathway` cannot be certified yet: one problem (ProblemCode::not_ready_to_certify, field "ref") per
// requirement not met, the requirement worded in `words` with module titles in `language`, the message in the same
// words. The store refuses with these in English; a front end that asks the pathway first says them in its own.
Problems not_ready_problems(const Pathway& pathway, const std::string& language, const Catalog& words);

}  // namespace mitra::io
