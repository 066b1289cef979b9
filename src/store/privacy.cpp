// A person's right to be forgotten, and the audit history of who changed what.
#include "store/privacy.hpp"

#include <soci/soci.h>

#include <set>
#include <utility>
#include <vector>

#include "core/calendar.hpp"
#include "core/signature.hpp"
#include "store/repos.hpp"
#include "store/rows.hpp"

namespace mitra::store {
namespace {

// Every audited row about a person, with what it concerns: attendance, records, certificates.
const char* kPersonEntities =
    "SELECT a.uuid, CAST(s.id AS TEXT) FROM attendance a JOIN sessions s ON s.uuid = a.session_uuid "
    "WHERE a.participant_uuid = :p1 "
    "UNION ALL SELECT uuid, module_code FROM assessments WHERE participant_uuid = :p2 "
    "UNION ALL SELECT uuid, module_code FROM practicum_logs WHERE participant_uuid = :p3 "
    "UNION ALL SELECT uuid, code_version FROM ethics_acknowledgements WHERE participant_uuid = :p4 "
    "UNION ALL SELECT uuid, module_code FROM completion_overrides WHERE participant_uuid = :p5 "
    "UNION ALL SELECT uuid, serial FROM certificates WHERE participant_uuid = :p6";

// An audit entry as audit_history reads it (columns 0-6), qualified so that it may be joined.
const char* kEntryColumns =
    "audit_log.uuid, audit_log.at, audit_log.actor, audit_log.entity, audit_log.action, audit_log.old_value, "
    "audit_log.new_value";

}  // namespace

bool is_erased(Database& db, const std::string& ref) {
    std::string erased;
    soci::indicator ind = soci::i_null;
    db.sql() << "SELECT erased_at FROM participants WHERE ref = :r", soci::into(erased, ind), soci::use(ref);
    return db.sql().got_data() && ind == soci::i_ok;
}

ErasureResult erase_participant(Database& db, const std::string& ref, const std::string& reason) {
    ErasureResult result;
    result.ref = ref;
    db.write([&] {
        std::string person;
        db.sql() << "SELECT uuid FROM participants WHERE ref = :r", soci::into(person), soci::use(ref);
        if (!db.sql().got_data()) refuse("ref", ProblemCode::no_participant, {ref});
        if (is_erased(db, ref)) refuse("ref", ProblemCode::erased_already, {ref});
        if (trim(reason).empty()) refuse("reason", ProblemCode::erasure_needs_reason);
        const std::string now = utc_timestamp_now();

        db.sql() << "SELECT COUNT(*) FROM attendance WHERE participant_uuid = :p AND note <> ''",
            soci::into(result.notes_cleared), soci::use(person);
        // The audit history keeps what changed, but not the words of the notes.
        std::vector<std::string> entities;
        {
            soci::rowset<soci::row> rows = (db.sql().prepare << kPersonEntities, soci::use(person), soci::use(person),
                                            soci::use(person), soci::use(person), soci::use(person), soci::use(person));
            for (const auto& r : rows) entities.push_back(text(r, 0));
        }
        for (const auto& entity : entities)
            db.sql() << "UPDATE audit_log SET old_value = CASE WHEN old_value IS NULL THEN NULL ELSE '(erased)' END, "
                        "new_value = CASE WHEN new_value IS NULL THEN NULL ELSE '(erased)' END "
                        "WHERE entity_uuid = :e AND entity = 'attendance'",
                soci::use(entity);
        db.sql() << "UPDATE audit_log SET old_value = CASE WHEN old_value IS NULL THEN NULL ELSE '(erased)' END, "
                    "new_value = CASE WHEN new_value IS NULL THEN NULL ELSE '(erased)' END "
                    "WHERE participant_uuid = :p AND entity = 'attendance'",
            soci::use(person);  // marks cleared since: their rows are gone, their entries are not
        db.sql() << "UPDATE attendance SET note = '', updated_at = :at, updated_by = :by WHERE participant_uuid = :p",
            soci::use(now), soci::use(db.actor()), soci::use(person);

        // Supervised practice and observed assessment keep what counts (minutes, days, levels, who supervised,
        // how many referees); the words go: supervision notes, the reasons for extensions (often about health),
        // and referees' names, each replaced by a stand-in that keeps two referees two.
        db.sql() << "UPDATE supervision_entries SET note = '', updated_at = :at, updated_by = :by "
                    "WHERE participant_uuid = :p",
            soci::use(now), soci::use(db.actor()), soci::use(person);
        db.sql() << "UPDATE deadline_extensions SET reason = '(erased)', updated_at = :at, updated_by = :by "
                    "WHERE participant_uuid = :p",
            soci::use(now), soci::use(db.actor()), soci::use(person);
        std::vector<std::pair<std::string, std::string>> referees;
        {
            soci::rowset<soci::row> rows =
                (db.sql().prepare << "SELECT uuid, referee FROM referee_questionnaires WHERE participant_uuid = :p",
                 soci::use(person));
            for (const auto& r : rows) referees.emplace_back(text(r, 0), text(r, 1));
        }
        for (const auto& [uuid, referee] : referees) {
            const std::string stand_in = "erased referee " + blake2b_hex(person + '\x1f' + referee, 16).substr(0, 8);
            db.sql() << "UPDATE referee_questionnaires SET referee = :r, updated_at = :at, updated_by = :by "
                        "WHERE uuid = :u",
                soci::use(stand_in), soci::use(now), soci::use(db.actor()), soci::use(uuid);
        }
        db.sql() << "UPDATE audit_log SET old_value = CASE WHEN old_value IS NULL THEN NULL ELSE '(erased)' END, "
                    "new_value = CASE WHEN new_value IS NULL THEN NULL ELSE '(erased)' END "
                    "WHERE participant_uuid = :p AND entity IN ('referee_questionnaire', 'deadline_extension')",
            soci::use(person);

        db.sql() << "SELECT COUNT(*) FROM certificates WHERE participant_uuid = :p",
            soci::into(result.certificates_kept), soci::use(person);
        // The signed payload names the person; the serial, hash and revocation state are what verification needs.
        db.sql()
            << "UPDATE certificates SET payload = '', updated_at = :at, updated_by = :by WHERE participant_uuid = :p",
            soci::use(now), soci::use(db.actor()), soci::use(person);

        db.sql() << "UPDATE participants SET full_name = '', latin_name = '', email = '', phone = '', "
                    "name_skeleton = '', latin_skeleton = '', consent_date = NULL, erased_at = :at, updated_at = :at2, "
                    "updated_by = :by WHERE uuid = :p",
            soci::use(now), soci::use(now), soci::use(db.actor()), soci::use(person);
        record_audit(db, "participant", person, "erase", std::nullopt, "personal data erased: " + reason);
    });
    return result;
}

std::vector<AuditEntry> audit_history(Database& db, const std::string& participant_ref,
                                      const std::string& cohort_code) {
    std::vector<AuditEntry> out;
    db.read([&] {
        std::vector<std::pair<std::string, std::string>> entities;  // uuid, subject
        if (!participant_ref.empty()) {
            std::string person;
            db.sql() << "SELECT uuid FROM participants WHERE ref = :r", soci::into(person), soci::use(participant_ref);
            if (!db.sql().got_data()) refuse("ref", ProblemCode::no_participant, {participant_ref});
            entities.emplace_back(person, participant_ref);
            soci::rowset<soci::row> rows = (db.sql().prepare << kPersonEntities, soci::use(person), soci::use(person),
                                            soci::use(person), soci::use(person), soci::use(person), soci::use(person));
            for (const auto& r : rows) entities.emplace_back(text(r, 0), participant_ref + " " + text(r, 1));
        } else {
            std::string cohort;
            db.sql() << "SELECT uuid FROM cohorts WHERE code = :c", soci::into(cohort), soci::use(cohort_code);
            if (!db.sql().got_data()) refuse("cohort", ProblemCode::no_cohort, {cohort_code});
            soci::rowset<soci::row> rows =
                (db.sql().prepare
                     << "SELECT a.uuid, p.ref || ' session ' || CAST(s.id AS TEXT) FROM attendance a "
                        "JOIN sessions s ON s.uuid = a.session_uuid JOIN participants p ON p.uuid = a.participant_uuid "
                        "WHERE s.cohort_uuid = :c1 "
                        "UNION ALL SELECT s.uuid, 'session ' || CAST(s.id AS TEXT) FROM sessions s WHERE s.cohort_uuid "
                        "= :c2 "
                        "UNION ALL SELECT o.uuid, p.ref || ' ' || o.module_code FROM completion_overrides o "
                        "JOIN participants p ON p.uuid = o.participant_uuid WHERE o.cohort_uuid = :c3 "
                        "UNION ALL SELECT x.uuid, x.serial FROM certificates x WHERE x.cohort_uuid = :c4",
                 soci::use(cohort), soci::use(cohort), soci::use(cohort), soci::use(cohort));
            for (const auto& r : rows) entities.emplace_back(text(r, 0), text(r, 1));
        }
        std::set<std::string> seen;  // audit entries' uuids: one found both ways is shown once
        auto add = [&](const soci::row& r, const std::string& subject) {
            if (!seen.insert(text(r, 0)).second) return;
            AuditEntry e{text(r, 1), text(r, 2), text(r, 3), text(r, 4), subject, std::nullopt, std::nullopt};
            if (r.get_indicator(5) != soci::i_null) e.old_value = text(r, 5);
            if (r.get_indicator(6) != soci::i_null) e.new_value = text(r, 6);
            out.push_back(std::move(e));
        };
        for (const auto& [uuid, subject] : entities) {
            soci::rowset<soci::row> rows =
                (db.sql().prepare << "SELECT " << kEntryColumns << " FROM audit_log WHERE entity_uuid = :u ORDER BY id",
                 soci::use(uuid));
            for (const auto& r : rows) add(r, subject);
        }
        // Changes of marks whose row is gone (cleared marks), found by whom or which session they concern.
        if (!participant_ref.empty()) {
            soci::rowset<soci::row> rows =
                (db.sql().prepare << "SELECT " << kEntryColumns
                                  << ", CAST(s.id AS TEXT) FROM audit_log LEFT JOIN sessions s ON s.uuid = "
                                     "audit_log.session_uuid WHERE audit_log.participant_uuid = :p ORDER BY "
                                     "audit_log.id",
                 soci::use(entities.front().first));
            for (const auto& r : rows) add(r, participant_ref + " " + text(r, 7));
        } else {
            soci::rowset<soci::row> rows =
                (db.sql().prepare << "SELECT " << kEntryColumns
                                  << ", p.ref || ' session ' || CAST(s.id AS TEXT) FROM audit_log JOIN sessions s ON "
                                     "s.uuid = audit_log.session_uuid JOIN cohorts c ON c.uuid = s.cohort_uuid LEFT "
                                     "JOIN participants p ON p.uuid = audit_log.participant_uuid WHERE c.code = :c "
                                     "ORDER BY audit_log.id",
                 soci::use(cohort_code));
            for (const auto& r : rows) add(r, text(r, 7));
        }
    });
    std::stable_sort(out.begin(), out.end(), [](const AuditEntry& a, const AuditEntry& b) { return a.at < b.at; });
    return out;
}

}  // namespace mitra::store
