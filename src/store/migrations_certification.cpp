// Migration 5: certification over time (certifications, the learning ledger, trainers' certifications).
#include "store/migrations.hpp"

namespace mitra::store {

Migration certification_migration() {
    return {"certification over time: certifications, learning ledger, trainer certifications",
            {
                // What a curriculum's certification needs over time (its title lives in texts, field
                // "certification.title"); minimum_minutes is "ethics=180,peer_practice=600".
                "CREATE TABLE certification_definitions (curriculum_uuid TEXT PRIMARY KEY REFERENCES curricula (uuid) "
                "ON DELETE CASCADE, code TEXT NOT NULL, level TEXT NOT NULL, for_trainers INTEGER NOT NULL, "
                "valid_months INTEGER NOT NULL, period_months INTEGER NOT NULL, total_minutes INTEGER NOT NULL, "
                "minimum_minutes TEXT NOT NULL)",
                "CREATE INDEX certification_definitions_code ON certification_definitions (code)",

                // Certifications people hold; a renewal is a new row pointing at the one it replaced.
                "CREATE TABLE certifications (uuid TEXT PRIMARY KEY, "
                "participant_uuid TEXT NOT NULL REFERENCES participants (uuid), definition_code TEXT NOT NULL, "
                "curriculum_uuid TEXT NOT NULL REFERENCES curricula (uuid), "
                "cohort_uuid TEXT NOT NULL REFERENCES cohorts (uuid), "
                "certificate_uuid TEXT NOT NULL REFERENCES certificates (uuid), serial TEXT NOT NULL, "
                "issued_on TEXT NOT NULL, valid_from TEXT NOT NULL, expires_on TEXT NOT NULL, "
                "previous_uuid TEXT REFERENCES certifications (uuid), status TEXT NOT NULL, " MITRA_AUDIT_COLUMNS ")",
                "CREATE INDEX certifications_participant ON certifications (participant_uuid)",
                "CREATE INDEX certifications_expiry ON certifications (status, expires_on)",
                "CREATE UNIQUE INDEX certifications_serial ON certifications (serial)",
                // At most one live certification of a kind per person.
                "CREATE UNIQUE INDEX certifications_current ON certifications (participant_uuid, definition_code) "
                "WHERE status = 'current'",

                // Continuing education after certification, entered by the coordinator.
                "CREATE TABLE learning_entries (uuid TEXT PRIMARY KEY, "
                "participant_uuid TEXT NOT NULL REFERENCES participants (uuid), title TEXT NOT NULL, "
                "provider TEXT NOT NULL, learned_on TEXT NOT NULL, minutes INTEGER NOT NULL, category TEXT NOT NULL, "
                "evidence TEXT NOT NULL, source TEXT NOT NULL, " MITRA_AUDIT_COLUMNS ")",
                "CREATE INDEX learning_participant ON learning_entries (participant_uuid, learned_on)",

                // Trainers' own certification (training of trainers), with its level.
                "CREATE TABLE trainer_certifications (uuid TEXT PRIMARY KEY, "
                "trainer_uuid TEXT NOT NULL REFERENCES trainers (uuid) ON DELETE CASCADE, level TEXT NOT NULL, "
                "issued_on TEXT NOT NULL, expires_on TEXT NOT NULL, " MITRA_AUDIT_COLUMNS ")",
                "CREATE INDEX trainer_certifications_trainer ON trainer_certifications (trainer_uuid, expires_on)",

                // A second trainer at a session, held to the same rule as the first.
                "ALTER TABLE sessions ADD COLUMN co_facilitator_uuid TEXT REFERENCES trainers (uuid)",

                // A renewal's certificate shares person, cohort and kind with the one it renews: only
                // completion and module certificates stay one live per person, cohort and kind.
                "DROP INDEX certificates_live",
                "CREATE UNIQUE INDEX certificates_live ON certificates (participant_uuid, cohort_uuid, kind, "
                "module_code) WHERE revoked_at IS NULL AND kind <> 'certification'",
            }};
}

}  // namespace mitra::store
