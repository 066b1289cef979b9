// Field packs: one cohort taken away from the hub in an SQLite file, and what was done with it merged back.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace mitra::store {

struct PackExport {
    std::string file, pack_uuid, cohort_code, exported_at;
    int participants = 0, trainers = 0, sessions = 0, marks = 0, records = 0;
    int trainer_certifications = 0;  // of the trainers in the pack, so the session rule holds in the field
    int learning_entries = 0;        // the continuing education of the pack's people
    // Issue 21: supervision entries, observed assessments, attestations, referee questionnaires and deadline
    // extensions of the cohort's people, and the supervisors (with their credentials) they name.
    int practice_records = 0, supervisors = 0;
};

// Writes `out_file` (refused when it exists): an SQLite database made with the same migrations, holding the
// cohort's curriculum, trainers (lead and co-facilitators) with their certifications, enrolled people, their
// learning ledger, sessions, marks (make-ups elsewhere too) and records (supervision, observed assessments with their
// levels, attestations, referees and deadline extensions too, with the supervisors they name), and what each row
// looked like at export. Written under a temporary name and renamed, so it is whole or absent.
PackExport export_pack(Database& hub, const std::string& cohort_code, const std::string& out_file);

// One record both the hub and the field changed since the pack left (or one the field changed and the hub
// removed): the later change (updated_at) is kept, and the other goes to the hub's audit history.
struct MergeConflict {
    std::string entity;  // table: attendance, participants, sessions, completion_overrides, ...
    std::string uuid;    // the hub's record
    std::string what;    // for people: "P-002 at M01 session of 2026-01-05"
    std::string hub_value, pack_value;
    std::string hub_changed_at, hub_changed_by, pack_changed_at, pack_changed_by;
    std::string kept;  // "hub" or "pack"
};

struct MergeCounts {
    int added = 0, changed = 0, removed = 0;
};

struct MergeReport {
    std::string pack_uuid, cohort_code, exported_at;
    int pack_schema_version = 0;  // before it was migrated for merging
    bool migrated = false;        // the pack was made by an older Mitra and migrated (a copy of it) first
    std::map<std::string, MergeCounts> by_entity;  // only entities with something added, changed or removed
    std::vector<MergeConflict> conflicts;
    std::vector<std::string> not_merged;  // said plainly: what a pack may hold that a merge does not take
    // Trainer certifications recorded in the field, not taken (trainers are certified at the hub): a count, for
    // each front end to say where to record them in its own words.
    int field_trainer_certifications = 0;
    bool changed_anything() const;
};

// Brings the field's work in `pack_file` into `hub`, in one transaction: new and changed marks, sessions
// (their trainer and co-facilitator), people, enrolments, records, learning entries, notes, issue 21's records
// (supervisors and their credentials, supervision, observed assessments with their levels and release, attestations,
// referees, deadline extensions) and the field's audit history. Trainers' certifications stay the hub's: one made in the field is reported in not_merged, as is a
// field change to a person erased at the hub (the erasure stands). Records are matched by UUID (and by
// their natural key — a person and session for a mark — when both sides made one); never by a session's
// local number. Merging the same pack again changes nothing; the pack file itself is never changed.
// A pack from a newer Mitra, or a file that is not a pack, is refused whole (InputError).
MergeReport merge_pack(Database& hub, const std::string& pack_file);

}  // namespace mitra::store
