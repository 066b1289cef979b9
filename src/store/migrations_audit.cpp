// Migration 10: which person and session a change of a mark concerns, kept on the audit entry itself.
#include "store/migrations.hpp"

namespace mitra::store {

Migration audit_subject_migration() {
    // Clearing a mark deletes its row, and the history found an attendance entry only through that row: a cleared
    // mark (and every change before it) vanished from the person's and the cohort's history. The entry now says
    // whom and which session it is about; entries whose mark still exists learn it from the mark.
    return Migration{
        "audit history: the person and session a change of a mark concerns",
        {
            "ALTER TABLE audit_log ADD COLUMN participant_uuid TEXT",
            "ALTER TABLE audit_log ADD COLUMN session_uuid TEXT",
            "UPDATE audit_log SET participant_uuid = (SELECT t.participant_uuid FROM attendance t WHERE t.uuid = "
            "audit_log.entity_uuid), session_uuid = (SELECT t.session_uuid FROM attendance t WHERE t.uuid = "
            "audit_log.entity_uuid) WHERE entity = 'attendance'",
            "CREATE INDEX audit_participant ON audit_log (participant_uuid)",
            "CREATE INDEX audit_session ON audit_log (session_uuid)",
        }};
}

}  // namespace mitra::store
