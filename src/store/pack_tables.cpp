// The field-pack copier's tables and column lists, and the row helpers that export and merge share.
#include "store/pack_tables.hpp"

#include <filesystem>

#include "store/rows.hpp"

namespace mitra::store::pack_detail {
namespace {

const std::vector<std::string> kStamps = {"created_at", "created_by", "updated_at", "updated_by"};

Table stamped(std::string name, std::vector<std::string> own, std::vector<std::string> natural,
              std::vector<std::string> references, bool removable = false) {
    own.insert(own.begin(), "uuid");
    own.insert(own.end(), kStamps.begin(), kStamps.end());
    return Table{std::move(name), std::move(own), std::move(natural), std::move(references), removable};
}

}  // namespace

const std::vector<Table>& tables() {
    static const std::vector<Table> all = {
        stamped("trainers", {"ref", "name", "latin_name", "country", "languages"}, {"ref"}, {}),
        // erased_at travels too: a person erased at the hub stays refused in the field, and one erased in the
        // field comes back erased.
        stamped(
            "participants",
            {"ref", "full_name", "latin_name", "country", "language", "email", "phone", "consent_date", "erased_at"},
            {"ref"}, {}),
        stamped("cohorts",
                {"code", "curriculum_uuid", "site", "country", "time_zone", "language", "start_date", "end_date",
                 "capacity"},
                {"code"}, {"curriculum_uuid"}),
        stamped("enrolments", {"cohort_uuid", "participant_uuid", "enrolled_on"}, {"cohort_uuid", "participant_uuid"},
                {"cohort_uuid", "participant_uuid"}),
        stamped("sessions",
                {"cohort_uuid", "module_code", "session_date", "start_time", "minutes", "trainer_uuid",
                 "co_facilitator_uuid"},
                {}, {"cohort_uuid", "trainer_uuid", "co_facilitator_uuid"}, true),
        stamped("attendance", {"session_uuid", "participant_uuid", "status", "minutes", "note"},
                {"session_uuid", "participant_uuid"}, {"session_uuid", "participant_uuid"}, true),
        stamped("assessments",
                {"participant_uuid", "curriculum_code", "module_code", "passed", "assessed_on", "assessor"}, {},
                {"participant_uuid"}),
        stamped("practicum_logs",
                {"participant_uuid", "curriculum_code", "module_code", "minutes", "supervisor", "practised_on",
                 "signed_off_on"},
                {}, {"participant_uuid"}),
        stamped("ethics_acknowledgements", {"participant_uuid", "code_version", "acknowledged_on"},
                {"participant_uuid", "code_version"}, {"participant_uuid"}),
        stamped("completion_overrides", {"participant_uuid", "cohort_uuid", "module_code", "complete", "reason"},
                {"participant_uuid", "cohort_uuid", "module_code"}, {"participant_uuid", "cohort_uuid"}),
        // Continuing education of the cohort's people: a trainer in the field may record it too.
        stamped("learning_entries",
                {"participant_uuid", "title", "provider", "learned_on", "minutes", "category", "evidence", "source"},
                {}, {"participant_uuid"}),
        // Issue 21's records of the cohort's people, and the supervisors (with their credentials) they name: a
        // supervisor is a trainer on record or an outside professional, matched by ref when both sides made one.
        stamped("supervisors", {"ref", "name", "kind", "trainer_uuid"}, {"ref"}, {"trainer_uuid"}),
        stamped("supervisor_credentials", {"supervisor_uuid", "name", "valid_from", "expires_on"}, {},
                {"supervisor_uuid"}),
        stamped("supervision_entries",
                {"participant_uuid", "cohort_uuid", "module_code", "supervisor_uuid", "format", "minutes",
                 "practised_on", "note"},
                {}, {"participant_uuid", "cohort_uuid", "supervisor_uuid"}),
        // Its levels (observed_ratings) travel beside it: written once with the assessment, never changed.
        stamped("observed_assessments",
                {"participant_uuid", "cohort_uuid", "module_code", "observed_on", "method", "rater", "second_rater",
                 "released_on"},
                {}, {"participant_uuid", "cohort_uuid"}),
        stamped("attestations", {"participant_uuid", "kind", "is_signed", "signed_on"}, {}, {"participant_uuid"}),
        stamped("referee_questionnaires", {"participant_uuid", "referee", "received_on"}, {}, {"participant_uuid"}),
        stamped("deadline_extensions", {"participant_uuid", "cohort_uuid", "new_deadline", "reason"}, {},
                {"participant_uuid", "cohort_uuid"}),
    };
    return all;
}

const Table& table(const std::string& name) {
    for (const auto& t : tables())
        if (t.name == name) return t;
    throw std::logic_error("no table " + name);
}

const std::vector<std::string> kCurriculumColumns = {"uuid",
                                                     "code",
                                                     "version",
                                                     "electives_required",
                                                     "ethics_code",
                                                     "created_at",
                                                     "created_by",
                                                     "updated_at",
                                                     "updated_by",
                                                     "completion_months",
                                                     "referees_required",
                                                     "supervision_agreement",
                                                     "lived_experience_attestation"};
const std::vector<std::string> kModuleColumns = {"uuid",
                                                 "curriculum_uuid",
                                                 "position",
                                                 "code",
                                                 "kind",
                                                 "required",
                                                 "minutes",
                                                 "sessions",
                                                 "attendance_share",
                                                 "has_assessment",
                                                 "supervised_minutes",
                                                 "mandatory_sessions",
                                                 "max_missed",
                                                 "supervised_one_to_one_minutes",
                                                 "supervised_group_minutes",
                                                 "supervised_group_max_minutes",
                                                 "rubric_pass_level",
                                                 "rubric_max_not_observed",
                                                 "rubric_criteria"};
const std::vector<std::string> kCertificationDefinitionColumns = {"curriculum_uuid", "code",           "level",
                                                                  "for_trainers",    "valid_months",   "period_months",
                                                                  "total_minutes",   "minimum_minutes"};
const std::vector<std::string> kTextColumns = {"owner_uuid", "field", "language", "body"};
const std::vector<std::string> kTrainerModuleColumns = {"trainer_uuid", "module_code"};
const std::vector<std::string> kCohortTrainerColumns = {"cohort_uuid", "trainer_uuid", "position"};
const std::vector<std::string> kTrainerCertificationColumns = {
    "uuid", "trainer_uuid", "level", "issued_on", "expires_on", "created_at", "created_by", "updated_at", "updated_by"};
const std::vector<std::string> kObservedRatingColumns = {"assessment_uuid", "criterion", "level", "second_level"};
const std::vector<std::string> kAuditColumns = {"uuid",   "at",        "actor",     "entity",           "entity_uuid",
                                                "action", "old_value", "new_value", "participant_uuid", "session_uuid"};

std::map<std::string, std::vector<std::string>> carried_columns() {
    std::map<std::string, std::vector<std::string>> out;
    for (const auto& t : tables()) out[t.name] = t.columns;
    out["curricula"] = kCurriculumColumns;
    out["modules"] = kModuleColumns;
    out["certification_definitions"] = kCertificationDefinitionColumns;
    out["texts"] = kTextColumns;
    out["trainer_modules"] = kTrainerModuleColumns;
    out["cohort_trainers"] = kCohortTrainerColumns;
    out["trainer_certifications"] = kTrainerCertificationColumns;
    out["observed_ratings"] = kObservedRatingColumns;
    out["audit_log"] = kAuditColumns;
    return out;
}

std::string column_list(const std::vector<std::string>& columns, const std::string& alias) {
    std::string out;
    for (const auto& c : columns) out += (out.empty() ? "" : ", ") + (alias.empty() ? c : alias + "." + c);
    return out;
}

std::vector<Row> fetch(soci::session& sql, const std::string& query, const std::vector<std::string>& params) {
    soci::row r;
    soci::statement st = (sql.prepare << query);
    st.exchange(soci::into(r));
    for (const auto& p : params) st.exchange(soci::use(p));
    st.define_and_bind();
    std::vector<Row> out;
    if (!st.execute(true)) return out;
    do {
        Row row;
        for (std::size_t i = 0; i < r.size(); ++i) row.push_back(cell_text(r, i));
        out.push_back(std::move(row));
    } while (st.fetch());
    return out;
}

void insert(soci::session& sql, const std::string& name, const std::vector<std::string>& columns, const Row& row) {
    std::string query = "INSERT INTO " + name + " (" + column_list(columns) + ") VALUES (";
    for (std::size_t i = 0; i < columns.size(); ++i) query += (i ? ", :p" : ":p") + std::to_string(i);
    query += ")";
    std::vector<std::string> values(row.size());
    std::vector<soci::indicator> indicators(row.size());
    soci::statement st = (sql.prepare << query);
    for (std::size_t i = 0; i < row.size(); ++i) {
        values[i] = row[i].value_or("");
        indicators[i] = row[i] ? soci::i_ok : soci::i_null;
        st.exchange(soci::use(values[i], indicators[i]));
    }
    st.define_and_bind();
    st.execute(true);
}

void update(soci::session& sql, const Table& t, const std::string& uuid, const Row& row) {
    std::string query = "UPDATE " + t.name + " SET ";
    std::vector<std::size_t> set;
    for (std::size_t i = 1; i < t.columns.size(); ++i)
        if (t.columns[i] != "created_at" && t.columns[i] != "created_by") set.push_back(i);
    for (std::size_t k = 0; k < set.size(); ++k)
        query += (k ? ", " : "") + t.columns[set[k]] + " = :p" + std::to_string(k);
    query += " WHERE uuid = :id";
    std::vector<std::string> values(set.size());
    std::vector<soci::indicator> indicators(set.size());
    soci::statement st = (sql.prepare << query);
    for (std::size_t k = 0; k < set.size(); ++k) {
        values[k] = row[set[k]].value_or("");
        indicators[k] = row[set[k]] ? soci::i_ok : soci::i_null;
        st.exchange(soci::use(values[k], indicators[k]));
    }
    st.exchange(soci::use(uuid));
    st.define_and_bind();
    st.execute(true);
}

std::optional<Row> find_by(soci::session& sql, const Table& t, const std::vector<std::string>& columns,
                           const std::vector<std::string>& values) {
    std::string query = "SELECT " + column_list(t.columns) + " FROM " + t.name + " WHERE ";
    for (std::size_t i = 0; i < columns.size(); ++i)
        query += (i ? " AND " : "") + columns[i] + " = :k" + std::to_string(i);
    auto rows = fetch(sql, query, values);
    if (rows.empty()) return std::nullopt;
    return rows.front();
}

void remove_file_and_journal(const std::string& file) {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::filesystem::remove(file + suffix, ec);
}

}  // namespace mitra::store::pack_detail
