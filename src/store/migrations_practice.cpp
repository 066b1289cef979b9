// Migration 11: supervised practice and observed assessment (issue 21) - the curriculum's new rules, supervisors
// and their credentials, supervision entries, observed assessments, attestations, referees, deadline extensions.
#include "store/migrations.hpp"

namespace mitra::store {

Migration practice_migration() {
    return {"supervised practice and observed assessment: rules, supervisors, entries, assessments, deadlines",
            {
                // The programme's rules beside its modules (core ProgrammeRule).
                "ALTER TABLE curricula ADD COLUMN completion_months INTEGER NOT NULL DEFAULT 0",
                "ALTER TABLE curricula ADD COLUMN referees_required INTEGER NOT NULL DEFAULT 0",
                "ALTER TABLE curricula ADD COLUMN supervision_agreement INTEGER NOT NULL DEFAULT 0",
                "ALTER TABLE curricula ADD COLUMN lived_experience_attestation INTEGER NOT NULL DEFAULT 0",
                // A module's session rule ("1,4"; max_missed NULL: no limit), supervision split and rubric (pass
                // level NULL: no rubric; its criteria's keys in order, "listening,reflecting"; their titles and level
                // descriptors in texts, fields "rubric.KEY.title" and "rubric.KEY.level_N").
                "ALTER TABLE modules ADD COLUMN mandatory_sessions TEXT NOT NULL DEFAULT ''",
                "ALTER TABLE modules ADD COLUMN max_missed INTEGER",
                "ALTER TABLE modules ADD COLUMN supervised_one_to_one_minutes INTEGER NOT NULL DEFAULT 0",
                "ALTER TABLE modules ADD COLUMN supervised_group_minutes INTEGER NOT NULL DEFAULT 0",
                "ALTER TABLE modules ADD COLUMN supervised_group_max_minutes INTEGER NOT NULL DEFAULT 0",
                "ALTER TABLE modules ADD COLUMN rubric_pass_level INTEGER",
                "ALTER TABLE modules ADD COLUMN rubric_max_not_observed INTEGER NOT NULL DEFAULT 0",
                "ALTER TABLE modules ADD COLUMN rubric_criteria TEXT NOT NULL DEFAULT ''",

                // Supervisors: a trainer on record or an outside professional; each credential period a row.
                "CREATE TABLE supervisors (uuid TEXT PRIMARY KEY, ref TEXT NOT NULL UNIQUE, name TEXT NOT NULL, "
                "kind TEXT NOT NULL, trainer_uuid TEXT REFERENCES trainers (uuid), " MITRA_AUDIT_COLUMNS ")",
                "CREATE TABLE supervisor_credentials (uuid TEXT PRIMARY KEY, "
                "supervisor_uuid TEXT NOT NULL REFERENCES supervisors (uuid), name TEXT NOT NULL, "
                "valid_from TEXT NOT NULL, expires_on TEXT NOT NULL, " MITRA_AUDIT_COLUMNS ")",
                "CREATE INDEX supervisor_credentials_supervisor ON supervisor_credentials (supervisor_uuid)",

                // Supervised practice: one-to-one or group, minutes, the day and a practical note.
                "CREATE TABLE supervision_entries (uuid TEXT PRIMARY KEY, "
                "participant_uuid TEXT NOT NULL REFERENCES participants (uuid), "
                "cohort_uuid TEXT NOT NULL REFERENCES cohorts (uuid), module_code TEXT NOT NULL, "
                "supervisor_uuid TEXT NOT NULL REFERENCES supervisors (uuid), format TEXT NOT NULL, "
                "minutes INTEGER NOT NULL, practised_on TEXT NOT NULL, note TEXT NOT NULL, " MITRA_AUDIT_COLUMNS ")",
                "CREATE INDEX supervision_entries_participant ON supervision_entries (participant_uuid)",
                "CREATE INDEX supervision_entries_supervisor ON supervision_entries (supervisor_uuid)",

                // Observed assessments (released_on NULL: held back) and their levels (NULL: N/O).
                "CREATE TABLE observed_assessments (uuid TEXT PRIMARY KEY, "
                "participant_uuid TEXT NOT NULL REFERENCES participants (uuid), "
                "cohort_uuid TEXT NOT NULL REFERENCES cohorts (uuid), module_code TEXT NOT NULL, "
                "observed_on TEXT NOT NULL, method TEXT NOT NULL, rater TEXT NOT NULL, second_rater TEXT NOT NULL, "
                "released_on TEXT, " MITRA_AUDIT_COLUMNS ")",
                "CREATE INDEX observed_assessments_participant ON observed_assessments (participant_uuid)",
                "CREATE TABLE observed_ratings (assessment_uuid TEXT NOT NULL REFERENCES observed_assessments (uuid) "
                "ON DELETE CASCADE, criterion TEXT NOT NULL, level INTEGER, second_level INTEGER, "
                "PRIMARY KEY (assessment_uuid, criterion))",

                // Signed yes or no with the day, nothing else.
                "CREATE TABLE attestations (uuid TEXT PRIMARY KEY, "
                "participant_uuid TEXT NOT NULL REFERENCES participants (uuid), kind TEXT NOT NULL, "
                "is_signed INTEGER NOT NULL, signed_on TEXT NOT NULL, " MITRA_AUDIT_COLUMNS ")",
                "CREATE INDEX attestations_participant ON attestations (participant_uuid)",
                "CREATE TABLE referee_questionnaires (uuid TEXT PRIMARY KEY, "
                "participant_uuid TEXT NOT NULL REFERENCES participants (uuid), referee TEXT NOT NULL, "
                "received_on TEXT NOT NULL, " MITRA_AUDIT_COLUMNS ")",
                "CREATE INDEX referee_questionnaires_participant ON referee_questionnaires (participant_uuid)",

                // Extensions of a person's completion deadline in a cohort: granted by created_by, at created_at.
                "CREATE TABLE deadline_extensions (uuid TEXT PRIMARY KEY, "
                "participant_uuid TEXT NOT NULL REFERENCES participants (uuid), "
                "cohort_uuid TEXT NOT NULL REFERENCES cohorts (uuid) ON DELETE CASCADE, new_deadline TEXT NOT NULL, "
                "reason TEXT NOT NULL, " MITRA_AUDIT_COLUMNS ")",
                "CREATE INDEX deadline_extensions_participant ON deadline_extensions (participant_uuid, cohort_uuid)",
            }};
}

}  // namespace mitra::store
