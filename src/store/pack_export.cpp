// Field packs, the export: one cohort's rows read from the hub and written to a new SQLite file.
#include <soci/soci.h>

#include <filesystem>
#include <set>

#include "core/calendar.hpp"
#include "core/identity.hpp"
#include "core/problem.hpp"
#include "store/name_skeletons.hpp"
#include "store/pack.hpp"
#include "store/pack_tables.hpp"
#include "store/repos.hpp"
#include "store/rows.hpp"

namespace mitra::store {
namespace fs = std::filesystem;
using namespace pack_detail;
namespace {

struct Snapshot {
    std::map<std::string, std::vector<Row>> rows;  // by table
    std::vector<Row> curricula, modules, definitions, texts, trainer_modules, cohort_trainers, trainer_certifications,
        observed_ratings;
};

std::vector<std::string> values_of(const std::vector<Row>& rows, std::size_t column) {
    std::vector<std::string> out;
    std::set<std::string> seen;
    for (const auto& r : rows)
        if (r[column] && seen.insert(*r[column]).second) out.push_back(*r[column]);
    return out;
}

void add_unique(std::vector<Row>& into, const std::vector<Row>& rows) {
    std::set<std::string> have;
    for (const auto& r : into) have.insert(r[0].value_or(""));
    for (const auto& r : rows)
        if (have.insert(r[0].value_or("")).second) into.push_back(r);
}

Snapshot take_snapshot(soci::session& sql, const std::string& cohort_uuid, const std::string& curriculum_code) {
    Snapshot s;
    auto select = [&](const Table& t, const std::string& alias, const std::string& rest,
                      const std::vector<std::string>& params) {
        return fetch(sql, "SELECT " + column_list(t.columns, alias) + " FROM " + rest, params);
    };
    auto by_uuid = [&](const Table& t, const std::vector<std::string>& uuids) {
        std::vector<Row> out;
        for (const auto& u : uuids) {
            auto rows = select(t, "", t.name + " WHERE uuid = :u", {u});
            out.insert(out.end(), rows.begin(), rows.end());
        }
        return out;
    };
    const Table &cohorts = table("cohorts"), &sessions = table("sessions"), &attendance = table("attendance"),
                &enrolments = table("enrolments");

    auto& cohort_rows = s.rows["cohorts"] = select(cohorts, "", "cohorts WHERE uuid = :c", {cohort_uuid});
    s.rows["enrolments"] = select(enrolments, "", "enrolments WHERE cohort_uuid = :c", {cohort_uuid});
    auto& session_rows = s.rows["sessions"] = select(sessions, "", "sessions WHERE cohort_uuid = :c", {cohort_uuid});
    auto& marks = s.rows["attendance"] =
        select(attendance, "a", "attendance a JOIN sessions s ON s.uuid = a.session_uuid WHERE s.cohort_uuid = :c",
               {cohort_uuid});
    // Make-ups: marks of the cohort's people at other cohorts' sessions of the same curriculum count here too.
    const auto make_ups =
        select(attendance, "a",
               "attendance a JOIN enrolments e ON e.participant_uuid = a.participant_uuid AND e.cohort_uuid = :c1 "
               "JOIN sessions s ON s.uuid = a.session_uuid JOIN cohorts c ON c.uuid = s.cohort_uuid "
               "JOIN curricula k ON k.uuid = c.curriculum_uuid WHERE s.cohort_uuid <> :c2 AND k.code = :code",
               {cohort_uuid, cohort_uuid, curriculum_code});
    add_unique(marks, make_ups);
    add_unique(session_rows, by_uuid(sessions, values_of(make_ups, attendance.at("session_uuid"))));
    add_unique(cohort_rows, by_uuid(cohorts, values_of(session_rows, sessions.at("cohort_uuid"))));

    std::vector<std::string> people = values_of(s.rows["enrolments"], enrolments.at("participant_uuid"));
    for (const auto& u : values_of(marks, attendance.at("participant_uuid")))
        if (std::find(people.begin(), people.end(), u) == people.end()) people.push_back(u);
    s.rows["participants"] = by_uuid(table("participants"), people);

    s.cohort_trainers = fetch(sql,
                              "SELECT " + column_list(kCohortTrainerColumns) +
                                  " FROM cohort_trainers WHERE cohort_uuid = :c ORDER BY position",
                              {cohort_uuid});
    std::vector<std::string> trainers = values_of(s.cohort_trainers, 1);
    for (const char* role : {"trainer_uuid", "co_facilitator_uuid"})
        for (const auto& u : values_of(session_rows, sessions.at(role)))
            if (std::find(trainers.begin(), trainers.end(), u) == trainers.end()) trainers.push_back(u);

    // Issue 21's records completion needs: the cohort's supervision, observed assessments (with their levels)
    // and deadline extensions; its people's attestations and referee questionnaires.
    for (const char* name : {"supervision_entries", "observed_assessments", "deadline_extensions"})
        s.rows[name] = select(table(name), "", std::string(name) + " WHERE cohort_uuid = :c", {cohort_uuid});
    for (const char* name : {"attestations", "referee_questionnaires"})
        s.rows[name] = select(table(name), "x",
                              std::string(name) +
                                  " x JOIN enrolments e ON e.participant_uuid = x.participant_uuid "
                                  "WHERE e.cohort_uuid = :c",
                              {cohort_uuid});
    for (const auto& u : values_of(s.rows["observed_assessments"], 0)) {
        auto rows = fetch(sql,
                          "SELECT " + column_list(kObservedRatingColumns) +
                              " FROM observed_ratings WHERE assessment_uuid = :a ORDER BY criterion",
                          {u});
        s.observed_ratings.insert(s.observed_ratings.end(), rows.begin(), rows.end());
    }
    // The supervisors the entries name, and those who are the pack's trainers (so the field can log their first
    // entry), each with every credential: whether an entry counts depends on them.
    const Table& supervisors = table("supervisors");
    auto supervisor_uuids =
        values_of(s.rows["supervision_entries"], table("supervision_entries").at("supervisor_uuid"));
    for (const auto& t : trainers)
        for (const auto& r : fetch(sql, "SELECT uuid FROM supervisors WHERE trainer_uuid = :t", {t}))
            if (std::find(supervisor_uuids.begin(), supervisor_uuids.end(), r[0].value_or("")) ==
                supervisor_uuids.end())
                supervisor_uuids.push_back(r[0].value_or(""));
    s.rows["supervisors"] = by_uuid(supervisors, supervisor_uuids);
    for (const auto& u : values_of(s.rows["supervisors"], supervisors.at("trainer_uuid")))
        if (std::find(trainers.begin(), trainers.end(), u) == trainers.end()) trainers.push_back(u);
    std::vector<Row> credentials;
    for (const auto& u : supervisor_uuids) {
        auto rows = select(table("supervisor_credentials"), "",
                           "supervisor_credentials WHERE supervisor_uuid = :s ORDER BY valid_from, uuid", {u});
        credentials.insert(credentials.end(), rows.begin(), rows.end());
    }
    s.rows["supervisor_credentials"] = std::move(credentials);

    s.rows["trainers"] = by_uuid(table("trainers"), trainers);
    for (const auto& u : trainers) {
        auto rows = fetch(
            sql, "SELECT " + column_list(kTrainerModuleColumns) + " FROM trainer_modules WHERE trainer_uuid = :t", {u});
        s.trainer_modules.insert(s.trainer_modules.end(), rows.begin(), rows.end());
        auto held = fetch(sql,
                          "SELECT " + column_list(kTrainerCertificationColumns) +
                              " FROM trainer_certifications WHERE trainer_uuid = :t ORDER BY issued_on, uuid",
                          {u});
        s.trainer_certifications.insert(s.trainer_certifications.end(), held.begin(), held.end());
    }

    for (const auto& u : values_of(cohort_rows, cohorts.at("curriculum_uuid"))) {
        auto c = fetch(sql, "SELECT " + column_list(kCurriculumColumns) + " FROM curricula WHERE uuid = :u", {u});
        s.curricula.insert(s.curricula.end(), c.begin(), c.end());
        auto m = fetch(sql, "SELECT " + column_list(kModuleColumns) + " FROM modules WHERE curriculum_uuid = :u", {u});
        s.modules.insert(s.modules.end(), m.begin(), m.end());
        auto d = fetch(sql,
                       "SELECT " + column_list(kCertificationDefinitionColumns) +
                           " FROM certification_definitions WHERE curriculum_uuid = :u",
                       {u});
        s.definitions.insert(s.definitions.end(), d.begin(), d.end());
        auto owners = values_of(m, 0);
        owners.push_back(u);
        for (const auto& owner : owners) {
            auto t = fetch(sql, "SELECT " + column_list(kTextColumns) + " FROM texts WHERE owner_uuid = :o", {owner});
            s.texts.insert(s.texts.end(), t.begin(), t.end());
        }
    }

    // The records completion needs: of the cohort's people, for its curriculum.
    for (const char* name : {"assessments", "practicum_logs"})
        s.rows[name] = select(table(name), "x",
                              std::string(name) +
                                  " x JOIN enrolments e ON e.participant_uuid = x.participant_uuid "
                                  "WHERE e.cohort_uuid = :c AND x.curriculum_code = :code",
                              {cohort_uuid, curriculum_code});
    s.rows["ethics_acknowledgements"] =
        select(table("ethics_acknowledgements"), "x",
               "ethics_acknowledgements x JOIN enrolments e ON e.participant_uuid = x.participant_uuid "
               "WHERE e.cohort_uuid = :c",
               {cohort_uuid});
    s.rows["completion_overrides"] =
        select(table("completion_overrides"), "", "completion_overrides WHERE cohort_uuid = :c", {cohort_uuid});
    std::vector<Row> learning;
    for (const auto& u : people) {
        auto rows = select(table("learning_entries"), "", "learning_entries WHERE participant_uuid = :p", {u});
        learning.insert(learning.end(), rows.begin(), rows.end());
    }
    s.rows["learning_entries"] = std::move(learning);
    return s;
}

}  // namespace

PackExport export_pack(Database& hub, const std::string& cohort_code, const std::string& out_file) {
    if (out_file.empty()) refuse("--out", ProblemCode::pack_needs_out);
    std::error_code ec;
    if (fs::exists(out_file, ec)) refuse("--out", ProblemCode::pack_exists, {out_file});
    const fs::path out(out_file);
    if (out.has_parent_path() && !fs::is_directory(out.parent_path(), ec))
        refuse("--out", ProblemCode::no_folder, {out.parent_path().string()});

    PackExport result;
    result.file = out_file;
    result.cohort_code = cohort_code;
    result.pack_uuid = new_uuid();
    Snapshot snapshot;
    std::string cohort_uuid;
    hub.read([&] {
        result.exported_at = utc_timestamp_now();
        std::string curriculum_code;
        soci::indicator ind = soci::i_null;
        hub.sql() << "SELECT c.uuid, k.code FROM cohorts c JOIN curricula k ON k.uuid = c.curriculum_uuid WHERE "
                     "c.code = :c",
            soci::into(cohort_uuid), soci::into(curriculum_code, ind), soci::use(cohort_code);
        if (!hub.sql().got_data()) refuse("cohort", ProblemCode::no_cohort, {cohort_code});
        snapshot = take_snapshot(hub.sql(), cohort_uuid, curriculum_code);
    });

    const std::string partial = out_file + ".partial-" + new_uuid().substr(24);
    try {
        {
            auto pack = Database::open(partial, hub.actor(), false);
            pack->write([&] {
                auto& sql = pack->sql();
                for (const auto& c : snapshot.curricula) insert(sql, "curricula", kCurriculumColumns, c);
                for (const auto& m : snapshot.modules) insert(sql, "modules", kModuleColumns, m);
                for (const auto& d : snapshot.definitions)
                    insert(sql, "certification_definitions", kCertificationDefinitionColumns, d);
                for (const auto& t : snapshot.texts) insert(sql, "texts", kTextColumns, t);
                for (const auto& t : tables()) {
                    for (const auto& row : snapshot.rows[t.name]) {
                        insert(sql, t.name, t.columns, row);
                        const std::string uuid = row[0].value_or(""), at = row[t.updated_at()].value_or("");
                        sql << "INSERT INTO pack_base (entity, uuid, updated_at) VALUES (:e, :u, :at)",
                            soci::use(t.name), soci::use(uuid), soci::use(at);
                    }
                    if (t.name == "trainers") {
                        for (const auto& r : snapshot.trainer_modules)
                            insert(sql, "trainer_modules", kTrainerModuleColumns, r);
                        for (const auto& r : snapshot.trainer_certifications)
                            insert(sql, "trainer_certifications", kTrainerCertificationColumns, r);
                    }
                    if (t.name == "observed_assessments")
                        for (const auto& r : snapshot.observed_ratings)
                            insert(sql, "observed_ratings", kObservedRatingColumns, r);
                    if (t.name == "cohorts")
                        for (const auto& r : snapshot.cohort_trainers)
                            insert(sql, "cohort_trainers", kCohortTrainerColumns, r);
                }
                fill_name_skeletons(*pack);  // not carried: computed from the names, as the field's program would
                const std::string source = hub.shown_target();
                sql << "INSERT INTO pack_identity (uuid, cohort_uuid, cohort_code, exported_at, exported_by, source) "
                       "VALUES (:u, :c, :code, :at, :by, :src)",
                    soci::use(result.pack_uuid), soci::use(cohort_uuid), soci::use(cohort_code),
                    soci::use(result.exported_at), soci::use(hub.actor()), soci::use(source);
                record_audit(*pack, "pack", result.pack_uuid, "export", std::nullopt,
                             "cohort " + cohort_code + " from " + source);
            });
            pack->sql() << "PRAGMA journal_mode = DELETE";  // one self-contained file to carry
        }
        fs::rename(partial, out_file);
    } catch (...) {
        remove_file_and_journal(partial);
        throw;
    }
    hub.write([&] {
        record_audit(hub, "pack", result.pack_uuid, "export", std::nullopt,
                     "cohort " + cohort_code + " to " + out_file);
    });
    result.participants = static_cast<int>(snapshot.rows["participants"].size());
    result.trainers = static_cast<int>(snapshot.rows["trainers"].size());
    result.trainer_certifications = static_cast<int>(snapshot.trainer_certifications.size());
    result.learning_entries = static_cast<int>(snapshot.rows["learning_entries"].size());
    result.sessions = static_cast<int>(snapshot.rows["sessions"].size());
    result.marks = static_cast<int>(snapshot.rows["attendance"].size());
    result.records = static_cast<int>(snapshot.rows["assessments"].size() + snapshot.rows["practicum_logs"].size() +
                                      snapshot.rows["ethics_acknowledgements"].size() +
                                      snapshot.rows["completion_overrides"].size());
    for (const char* name : {"supervision_entries", "observed_assessments", "attestations", "referee_questionnaires",
                             "deadline_extensions"})
        result.practice_records += static_cast<int>(snapshot.rows[name].size());
    result.supervisors = static_cast<int>(snapshot.rows["supervisors"].size());
    return result;
}

}  // namespace mitra::store
