// A person's right to be forgotten, and the audit history of who changed what.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/audit.hpp"
#include "store/database.hpp"

namespace mitra::store {

struct ErasureResult {
    std::string ref;
    int certificates_kept = 0;  // still verifiable by serial, without the holder's details
    int notes_cleared = 0;
};

// Removes a person's personal data on request: name, Latin name, e-mail, phone, consent date, and
// the notes on their attendance (also in the audit history). Keeps the ref, enrolments and marks
// (so counts and completion stay true) and, for certificates already issued, only the serial, the
// content hash and the revocation state: verifying one still works and says the details were erased.
ErasureResult erase_participant(Database& db, const std::string& ref, const std::string& reason);

bool is_erased(Database& db, const std::string& ref);

using AuditEntry = mitra::AuditEntry;  // core/audit.hpp; the name here for code that says store::AuditEntry

// The history of changes about one person (by ref) or one cohort (by code), oldest first.
std::vector<AuditEntry> audit_history(Database& db, const std::string& participant_ref, const std::string& cohort_code);

}  // namespace mitra::store
