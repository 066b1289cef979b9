// Tests that take a database back to an older schema undo migration 11 (issue 21) first: its statements, in one
// place so that each such test need not list them again.
#pragma once

namespace mitra::store_test {

inline constexpr const char* kUndoPracticeMigration[] = {
    "DROP TABLE deadline_extensions",
    "DROP TABLE referee_questionnaires",
    "DROP TABLE attestations",
    "DROP TABLE observed_ratings",
    "DROP TABLE observed_assessments",
    "DROP TABLE supervision_entries",
    "DROP TABLE supervisor_credentials",
    "DROP TABLE supervisors",
    "ALTER TABLE modules DROP COLUMN mandatory_sessions",
    "ALTER TABLE modules DROP COLUMN max_missed",
    "ALTER TABLE modules DROP COLUMN supervised_one_to_one_minutes",
    "ALTER TABLE modules DROP COLUMN supervised_group_minutes",
    "ALTER TABLE modules DROP COLUMN supervised_group_max_minutes",
    "ALTER TABLE modules DROP COLUMN rubric_pass_level",
    "ALTER TABLE modules DROP COLUMN rubric_max_not_observed",
    "ALTER TABLE modules DROP COLUMN rubric_criteria",
    "ALTER TABLE curricula DROP COLUMN completion_months",
    "ALTER TABLE curricula DROP COLUMN referees_required",
    "ALTER TABLE curricula DROP COLUMN supervision_agreement",
    "ALTER TABLE curricula DROP COLUMN lived_experience_attestation",
};

}  // namespace mitra::store_test
