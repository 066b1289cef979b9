// Each supervision entry of a person accounted for, one by one: what of it counts toward the module's supervised
// practice, and why the rest does not (the supervisor's verification and the auditor's record print this).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/practice.hpp"

namespace mitra {

struct Module;

enum class EntryStanding {
    counted,                   // all its minutes count
    over_group_maximum,        // group minutes past the rule's group maximum: some or none count toward the total
    credential_expired,        // the supervisor's credential had lapsed that day
    credential_not_yet_valid,  // the supervisor's credential began after that day
    no_credential,             // the supervisor is not on record or holds no credential
};
std::string to_string(EntryStanding standing);  // "counted", "over_group_maximum", "credential_expired", ...

struct AccountedEntry {
    SupervisionEntry entry;
    int counted_minutes = 0;  // of entry.minutes, what counts toward the module's total
    EntryStanding standing = EntryStanding::counted;
    // The credential valid on the day; when none was, the one that lapsed last before it (credential_expired) or
    // the first to begin after it (credential_not_yet_valid).
    std::optional<SupervisorCredential> credential;
};

// The module's entries by day (the given order within a day), accounted as tally_supervision counts them: an entry
// counts while its supervisor's credential is valid on its day; group minutes count toward the total until the
// rule's group maximum is reached, the earliest first. The counted minutes add up to the tally's one_to_one +
// group_counted.
std::vector<AccountedEntry> account_supervision(const Module& module, const std::vector<SupervisionEntry>& entries,
                                                const std::vector<Supervisor>& supervisors);

// Minutes of the accounted entries, as they count toward the rules: one-to-one, in groups (all of them, toward the
// group minimum), and toward the total.
struct CountedMinutes {
    int one_to_one = 0;
    int group = 0;
    int total = 0;
};
CountedMinutes counted_minutes(const std::vector<AccountedEntry>& entries, const std::string& supervisor_ref = "");

}  // namespace mitra
