// Field packs: exporting one cohort to an SQLite file, and merging the field's work back into the hub.
#include "store/pack.hpp"

#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <set>

#include "core/calendar.hpp"
#include "core/identity.hpp"
#include "core/problem.hpp"
#include "core/text.hpp"
#include "store/migrations.hpp"
#include "store/repos.hpp"
#include "store/rows.hpp"

namespace mitra::store {
namespace fs = std::filesystem;
namespace {

using Cell = std::optional<std::string>;
using Row = std::vector<Cell>;

const std::vector<std::string> kStamps = {"created_at", "created_by", "updated_at", "updated_by"};
// The schema version from which sessions have a co-facilitator and people a learning ledger (migration 5).
constexpr int kCoFacilitatorSchema = 5;

// A table whose rows carry a uuid and their stamps; what a merge compares, matches and remaps.
struct Table {
    std::string name;
    std::vector<std::string> columns;     // uuid first, the stamps last; never a local integer id
    std::vector<std::string> natural;     // the other unique key, when both sides may have made the same record
    std::vector<std::string> references;  // columns naming another row's uuid
    bool removable = false;               // removed in the field -> removed at the hub (when unchanged there)

    std::size_t at(const std::string& column) const {
        return static_cast<std::size_t>(std::find(columns.begin(), columns.end(), column) - columns.begin());
    }
    std::size_t updated_at() const { return columns.size() - 2; }
    std::size_t updated_by() const { return columns.size() - 1; }
    bool is_data(std::size_t i) const { return i > 0 && i + 4 < columns.size(); }
};

Table stamped(std::string name, std::vector<std::string> own, std::vector<std::string> natural,
              std::vector<std::string> references, bool removable = false) {
    own.insert(own.begin(), "uuid");
    own.insert(own.end(), kStamps.begin(), kStamps.end());
    return Table{std::move(name), std::move(own), std::move(natural), std::move(references), removable};
}

// In the order a merge applies them: whatever a row refers to comes before it.
const std::vector<Table>& tables() {
    static const std::vector<Table> all = {
        stamped("trainers", {"ref", "name", "latin_name", "country", "languages"}, {"ref"}, {}),
        stamped("participants",
                {"ref", "full_name", "latin_name", "country", "language", "email", "phone", "consent_date"}, {"ref"},
                {}),
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
    };
    return all;
}

const Table& table(const std::string& name) {
    for (const auto& t : tables())
        if (t.name == name) return t;
    throw std::logic_error("no table " + name);
}

// Tables without stamps, copied whole with their curriculum or added when missing.
const std::vector<std::string> kCurriculumColumns = {"uuid", "code", "version", "electives_required", "ethics_code",
                                                     "created_at", "created_by", "updated_at", "updated_by"};
const std::vector<std::string> kModuleColumns = {"uuid", "curriculum_uuid", "position", "code", "kind", "required",
                                                 "minutes", "sessions", "attendance_share", "has_assessment",
                                                 "supervised_minutes"};
const std::vector<std::string> kTextColumns = {"owner_uuid", "field", "language", "body"};
const std::vector<std::string> kTrainerModuleColumns = {"trainer_uuid", "module_code"};
const std::vector<std::string> kCohortTrainerColumns = {"cohort_uuid", "trainer_uuid", "position"};
// Trainers' own certifications, so the session rule (qualified and certified) holds in the field; the hub
// records them, so a merge never brings them back.
const std::vector<std::string> kTrainerCertificationColumns = {"uuid",       "trainer_uuid", "level",
                                                               "issued_on",  "expires_on",   "created_at",
                                                               "created_by", "updated_at",   "updated_by"};
const std::vector<std::string> kAuditColumns = {"uuid", "at", "actor", "entity", "entity_uuid", "action", "old_value",
                                                "new_value"};

std::string column_list(const std::vector<std::string>& columns, const std::string& alias = "") {
    std::string out;
    for (const auto& c : columns) out += (out.empty() ? "" : ", ") + (alias.empty() ? c : alias + "." + c);
    return out;
}

std::vector<Row> fetch(soci::session& sql, const std::string& query, const std::vector<std::string>& params = {}) {
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

// Sets every data column and the stamps of the hub's row `uuid` to the pack's.
void update(soci::session& sql, const Table& t, const std::string& uuid, const Row& row) {
    std::string query = "UPDATE " + t.name + " SET ";
    std::vector<std::size_t> set;
    for (std::size_t i = 1; i < t.columns.size(); ++i)
        if (t.columns[i] != "created_at" && t.columns[i] != "created_by") set.push_back(i);
    for (std::size_t k = 0; k < set.size(); ++k) query += (k ? ", " : "") + t.columns[set[k]] + " = :p" + std::to_string(k);
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
    for (std::size_t i = 0; i < columns.size(); ++i) query += (i ? " AND " : "") + columns[i] + " = :k" + std::to_string(i);
    auto rows = fetch(sql, query, values);
    if (rows.empty()) return std::nullopt;
    return rows.front();
}

// ---- export ----

struct Snapshot {
    std::map<std::string, std::vector<Row>> rows;  // by table
    std::vector<Row> curricula, modules, texts, trainer_modules, cohort_trainers, trainer_certifications;
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

    s.cohort_trainers = fetch(sql, "SELECT " + column_list(kCohortTrainerColumns) +
                                       " FROM cohort_trainers WHERE cohort_uuid = :c ORDER BY position",
                              {cohort_uuid});
    std::vector<std::string> trainers = values_of(s.cohort_trainers, 1);
    for (const char* role : {"trainer_uuid", "co_facilitator_uuid"})
        for (const auto& u : values_of(session_rows, sessions.at(role)))
            if (std::find(trainers.begin(), trainers.end(), u) == trainers.end()) trainers.push_back(u);
    s.rows["trainers"] = by_uuid(table("trainers"), trainers);
    for (const auto& u : trainers) {
        auto rows = fetch(sql, "SELECT " + column_list(kTrainerModuleColumns) +
                                   " FROM trainer_modules WHERE trainer_uuid = :t", {u});
        s.trainer_modules.insert(s.trainer_modules.end(), rows.begin(), rows.end());
        auto held = fetch(sql, "SELECT " + column_list(kTrainerCertificationColumns) +
                                   " FROM trainer_certifications WHERE trainer_uuid = :t ORDER BY issued_on, uuid",
                          {u});
        s.trainer_certifications.insert(s.trainer_certifications.end(), held.begin(), held.end());
    }

    for (const auto& u : values_of(cohort_rows, cohorts.at("curriculum_uuid"))) {
        auto c = fetch(sql, "SELECT " + column_list(kCurriculumColumns) + " FROM curricula WHERE uuid = :u", {u});
        s.curricula.insert(s.curricula.end(), c.begin(), c.end());
        auto m = fetch(sql, "SELECT " + column_list(kModuleColumns) + " FROM modules WHERE curriculum_uuid = :u", {u});
        s.modules.insert(s.modules.end(), m.begin(), m.end());
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
                              std::string(name) + " x JOIN enrolments e ON e.participant_uuid = x.participant_uuid "
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

void remove_file_and_journal(const std::string& file) {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(file + suffix, ec);
}

// ---- merge ----

struct Seen {
    std::string pack_updated_at, hub_updated_at;
};

struct PackContents {
    std::string uuid, cohort_uuid, cohort_code, exported_at;
    int schema_version = 0;
    std::map<std::pair<std::string, std::string>, std::string> base;  // (table, uuid) -> updated_at at export
    std::map<std::string, std::vector<Row>> rows;
    std::vector<Row> curricula, modules, texts, trainer_modules, cohort_trainers, trainer_certifications, audit;
    long long certificates = 0;
};

std::string describe(const Table& t, const Row& row) {
    std::string out;
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
        if (!t.is_data(i)) continue;
        if (std::find(t.references.begin(), t.references.end(), t.columns[i]) != t.references.end()) continue;
        out += (out.empty() ? "" : ", ") + t.columns[i] + "=" + row[i].value_or("(none)");
    }
    return out;
}

// Says which record a conflict is about in the programme's own words (refs, codes, dates).
class Labels {
public:
    explicit Labels(const PackContents& pack) {
        const Table &p = table("participants"), &s = table("sessions");
        for (const auto& r : pack.rows.at("participants")) refs_[r[0].value_or("")] = r[p.at("ref")].value_or("?");
        for (const auto& r : pack.rows.at("sessions"))
            sessions_[r[0].value_or("")] =
                r[s.at("module_code")].value_or("?") + " session of " + r[s.at("session_date")].value_or("?");
    }
    std::string operator()(const Table& t, const Row& row) const {
        auto ref = [&](const std::string& column) { return lookup(refs_, row[t.at(column)]); };
        if (t.name == "participants" || t.name == "trainers") return row[t.at("ref")].value_or("?");
        if (t.name == "cohorts") return row[t.at("code")].value_or("?");
        if (t.name == "sessions")
            return row[t.at("module_code")].value_or("?") + " session of " + row[t.at("session_date")].value_or("?");
        if (t.name == "attendance") return ref("participant_uuid") + " at " + lookup(sessions_, row[t.at("session_uuid")]);
        if (t.name == "enrolments") return ref("participant_uuid") + " enrolled";
        if (t.name == "ethics_acknowledgements") return ref("participant_uuid") + " code of ethics";
        if (t.name == "learning_entries")
            return ref("participant_uuid") + " learning: " + row[t.at("title")].value_or("?") + " on " +
                   row[t.at("learned_on")].value_or("?");
        return ref("participant_uuid") + " " + row[t.at("module_code")].value_or("");
    }

private:
    static std::string lookup(const std::map<std::string, std::string>& in, const Cell& key) {
        auto at = in.find(key.value_or(""));
        return at == in.end() ? key.value_or("?") : at->second;
    }
    std::map<std::string, std::string> refs_, sessions_;
};

PackContents read_pack(Database& pack) {
    PackContents c;
    auto& sql = pack.sql();
    auto identity = fetch(sql, "SELECT uuid, cohort_uuid, cohort_code, exported_at FROM pack_identity");
    if (identity.size() != 1)
        refuse("pack", pack.shown_target() + " is a Mitra database but not a field pack (make one with "
                                             "`mitra-cli pack export COHORT --out FILE`)");
    c.uuid = identity[0][0].value_or("");
    c.cohort_uuid = identity[0][1].value_or("");
    c.cohort_code = identity[0][2].value_or("");
    c.exported_at = identity[0][3].value_or("");
    for (const auto& r : fetch(sql, "SELECT entity, uuid, updated_at FROM pack_base"))
        c.base[{r[0].value_or(""), r[1].value_or("")}] = r[2].value_or("");
    for (const auto& t : tables())
        c.rows[t.name] = fetch(sql, "SELECT " + column_list(t.columns) + " FROM " + t.name + " ORDER BY uuid");
    c.curricula = fetch(sql, "SELECT " + column_list(kCurriculumColumns) + " FROM curricula");
    c.modules = fetch(sql, "SELECT " + column_list(kModuleColumns) + " FROM modules");
    c.texts = fetch(sql, "SELECT " + column_list(kTextColumns) + " FROM texts");
    c.trainer_modules = fetch(sql, "SELECT " + column_list(kTrainerModuleColumns) + " FROM trainer_modules");
    c.cohort_trainers = fetch(sql, "SELECT " + column_list(kCohortTrainerColumns) + " FROM cohort_trainers");
    c.trainer_certifications =
        fetch(sql, "SELECT " + column_list(kTrainerCertificationColumns) + " FROM trainer_certifications");
    c.audit = fetch(sql, "SELECT " + column_list(kAuditColumns) + " FROM audit_log WHERE uuid IS NOT NULL ORDER BY id");
    sql << "SELECT COUNT(*) FROM certificates", soci::into(c.certificates);
    return c;
}

// The later change wins; equal times are settled by who and what, so every hub settles them alike.
bool pack_wins(const Table& t, const Row& pack, const Row& hub) {
    const auto key = [&](const Row& r) {
        return std::tuple(r[t.updated_at()].value_or(""), r[t.updated_by()].value_or(""), describe(t, r));
    };
    return key(pack) > key(hub);
}

class Merger {
public:
    Merger(Database& hub, const PackContents& pack, MergeReport& report)
        : hub_(hub), sql_(hub.sql()), pack_(pack), report_(report), label_(pack) {}

    void run() {
        for (const auto& r : fetch(sql_, "SELECT entity, uuid, pack_updated_at, hub_updated_at FROM pack_seen WHERE "
                                         "pack_uuid = :p",
                                   {pack_.uuid}))
            seen_[{r[0].value_or(""), r[1].value_or("")}] = Seen{r[2].value_or(""), r[3].value_or("")};
        // Only the hub a pack came from can have removed what the pack holds; any other hub takes it all.
        exported_here_ = !fetch(sql_, "SELECT uuid FROM audit_log WHERE entity = 'pack' AND entity_uuid = :p AND "
                                      "action = 'export'",
                                {pack_.uuid})
                              .empty();
        merge_curricula();
        for (const auto& t : tables()) {
            merge_rows(t);
            if (t.name == "trainers") merge_links("trainer_modules", kTrainerModuleColumns, pack_.trainer_modules, 2);
            if (t.name == "cohorts") merge_links("cohort_trainers", kCohortTrainerColumns, pack_.cohort_trainers, 2);
        }
        for (auto t = tables().rbegin(); t != tables().rend() && exported_here_; ++t)  // marks before sessions
            if (t->removable) merge_removals(*t);
        merge_audit();
        note_trainer_certifications();
        if (report_.changed_anything()) {
            std::string summary;
            for (const auto& [entity, n] : report_.by_entity)
                summary += (summary.empty() ? "" : "; ") + entity + ": " + std::to_string(n.added) + " added, " +
                           std::to_string(n.changed) + " changed, " + std::to_string(n.removed) + " removed";
            summary += "; " + std::to_string(report_.conflicts.size()) + " conflict(s)";
            const std::string uuid = new_uuid(), now = utc_timestamp_now();
            sql_ << "INSERT INTO pack_merges (uuid, pack_uuid, cohort_uuid, merged_at, merged_by, summary) VALUES "
                    "(:u, :p, :c, :at, :by, :s)",
                soci::use(uuid), soci::use(pack_.uuid), soci::use(pack_.cohort_uuid), soci::use(now),
                soci::use(hub_.actor()), soci::use(summary);
            record_audit(hub_, "pack", pack_.uuid, "merge", std::nullopt, summary);
        }
    }

private:
    void remap(const Table& t, Row& row) const {
        for (const auto& column : t.references) {
            auto& cell = row[t.at(column)];
            if (!cell) continue;
            if (auto to = remap_.find(*cell); to != remap_.end()) cell = to->second;
        }
    }

    void merge_curricula() {
        for (const auto& c : pack_.curricula) {
            const std::string uuid = c[0].value_or("");
            if (!fetch(sql_, "SELECT uuid FROM curricula WHERE uuid = :u", {uuid}).empty()) continue;
            auto same = fetch(sql_, "SELECT uuid FROM curricula WHERE code = :c AND version = :v",
                              {c[1].value_or(""), c[2].value_or("")});
            if (!same.empty()) {
                remap_[uuid] = same[0][0].value_or("");
                continue;
            }
            insert(sql_, "curricula", kCurriculumColumns, c);
            std::set<std::string> owners{uuid};
            for (const auto& m : pack_.modules)
                if (m[1] == uuid) {
                    insert(sql_, "modules", kModuleColumns, m);
                    owners.insert(m[0].value_or(""));
                }
            for (const auto& text : pack_.texts)
                if (owners.count(text[0].value_or(""))) insert(sql_, "texts", kTextColumns, text);
            ++report_.by_entity["curricula"].added;
        }
    }

    void note_seen(const Table& t, const std::string& pack_uuid, const std::string& pack_at, const std::string& hub_at) {
        const auto key = std::pair(t.name, pack_uuid);
        if (seen_.count(key))
            sql_ << "UPDATE pack_seen SET pack_updated_at = :p, hub_updated_at = :h WHERE pack_uuid = :k AND entity = "
                    ":e AND uuid = :u",
                soci::use(pack_at), soci::use(hub_at), soci::use(pack_.uuid), soci::use(t.name), soci::use(pack_uuid);
        else
            sql_ << "INSERT INTO pack_seen (pack_uuid, entity, uuid, pack_updated_at, hub_updated_at) VALUES (:k, :e, "
                    ":u, :p, :h)",
                soci::use(pack_.uuid), soci::use(t.name), soci::use(pack_uuid), soci::use(pack_at), soci::use(hub_at);
        seen_[key] = Seen{pack_at, hub_at};
    }

    void conflict(const Table& t, const Row& pack_row, const std::optional<Row>& hub_row, bool pack_kept) {
        MergeConflict c;
        c.entity = t.name;
        c.uuid = hub_row ? hub_row->at(0).value_or("") : pack_row[0].value_or("");
        c.what = label_(t, pack_row);
        c.pack_value = describe(t, pack_row);
        c.pack_changed_at = pack_row[t.updated_at()].value_or("");
        c.pack_changed_by = pack_row[t.updated_by()].value_or("");
        if (hub_row) {
            c.hub_value = describe(t, *hub_row);
            c.hub_changed_at = hub_row->at(t.updated_at()).value_or("");
            c.hub_changed_by = hub_row->at(t.updated_by()).value_or("");
        } else {
            c.hub_value = "(removed at the hub)";
        }
        c.kept = pack_kept ? "pack" : "hub";
        // The version set aside stays in the hub's history.
        const std::string lost = pack_kept ? c.hub_value + " (hub, " + c.hub_changed_at + " by " + c.hub_changed_by + ")"
                                           : c.pack_value + " (field pack, " + c.pack_changed_at + " by " +
                                                 c.pack_changed_by + ")";
        const std::string kept = pack_kept ? c.pack_value + " (field pack, " + c.pack_changed_at + " by " +
                                                 c.pack_changed_by + ")"
                                           : c.hub_value + " (hub, " + c.hub_changed_at + " by " + c.hub_changed_by + ")";
        record_audit(hub_, t.name, c.uuid, "merge conflict: " + c.what, lost, kept);
        report_.conflicts.push_back(std::move(c));
    }

    void merge_rows(const Table& t) {
        for (Row row : pack_.rows.at(t.name)) {
            remap(t, row);
            const std::string uuid = row[0].value_or(""), pack_at = row[t.updated_at()].value_or("");
            auto hub_row = find_by(sql_, t, {"uuid"}, {uuid});
            if (!hub_row && !t.natural.empty()) {
                std::vector<std::string> key;
                for (const auto& column : t.natural) key.push_back(row[t.at(column)].value_or(""));
                hub_row = find_by(sql_, t, t.natural, key);
                if (hub_row) remap_[uuid] = hub_row->at(0).value_or("");
            }
            const auto seen = seen_.find({t.name, uuid});
            const auto base = pack_.base.find({t.name, uuid});
            std::optional<std::string> pack_base, hub_base;
            if (seen != seen_.end()) {
                pack_base = seen->second.pack_updated_at;
                hub_base = seen->second.hub_updated_at;
            } else if (base != pack_.base.end()) {
                pack_base = hub_base = base->second;
            }
            const bool pack_changed = !pack_base || *pack_base != pack_at;
            if (!hub_row) {
                if (!pack_changed && exported_here_) continue;  // removed at the hub, untouched in the field
                insert(sql_, t.name, t.columns, row);
                ++report_.by_entity[t.name].added;
                if (pack_base && exported_here_) conflict(t, row, std::nullopt, true);  // removed at the hub, changed in the field
                note_seen(t, uuid, pack_at, pack_at);
                continue;
            }
            // A pack made before sessions had a co-facilitator says nothing about one: the hub's stands, as long
            // as the session keeps a lead who is someone else (a co-facilitator never runs a session alone).
            if (t.name == "sessions" && report_.pack_schema_version < kCoFacilitatorSchema) {
                auto& co = row[t.at("co_facilitator_uuid")];
                co = hub_row->at(t.at("co_facilitator_uuid"));
                const auto& lead = row[t.at("trainer_uuid")];
                if (!lead || lead == co) co.reset();
            }
            bool same = true;
            for (std::size_t i = 0; i < t.columns.size(); ++i)
                if (t.is_data(i) && row[i] != hub_row->at(i)) same = false;
            if (same || !pack_changed) continue;
            const std::string hub_uuid = hub_row->at(0).value_or(""), hub_at = hub_row->at(t.updated_at()).value_or("");
            const bool hub_changed = !hub_base || *hub_base != hub_at;
            const bool take_pack = !hub_changed || pack_wins(t, row, *hub_row);
            if (take_pack) {
                update(sql_, t, hub_uuid, row);
                ++report_.by_entity[t.name].changed;
            }
            if (hub_changed) conflict(t, row, hub_row, take_pack);
            note_seen(t, uuid, pack_at, take_pack ? pack_at : hub_at);
        }
    }

    // Marks and sessions removed in the field go from the hub too, unless the hub changed them meanwhile.
    void merge_removals(const Table& t) {
        std::set<std::string> in_pack;
        for (const auto& r : pack_.rows.at(t.name)) in_pack.insert(r[0].value_or(""));
        for (const auto& [key, base_at] : pack_.base) {
            if (key.first != t.name || in_pack.count(key.second)) continue;
            const auto seen = seen_.find(key);
            if (seen != seen_.end() && seen->second.pack_updated_at == "removed") continue;
            auto hub_row = find_by(sql_, t, {"uuid"}, {key.second});
            if (!hub_row) continue;
            const std::string hub_at = hub_row->at(t.updated_at()).value_or("");
            long long marks = 0;
            if (t.name == "sessions")
                sql_ << "SELECT COUNT(*) FROM attendance WHERE session_uuid = :u", soci::into(marks),
                    soci::use(key.second);
            if (hub_at != base_at || marks > 0) {
                MergeConflict c;
                c.entity = t.name;
                c.uuid = key.second;
                c.what = label_(t, *hub_row);
                c.hub_value = describe(t, *hub_row);
                c.hub_changed_at = hub_at;
                c.hub_changed_by = hub_row->at(t.updated_by()).value_or("");
                c.pack_value = "(removed in the field)";
                c.kept = "hub";
                record_audit(hub_, t.name, c.uuid, "merge conflict: " + c.what, "removed in field pack " + pack_.uuid,
                             c.hub_value);
                report_.conflicts.push_back(std::move(c));
            } else {
                sql_ << "DELETE FROM " + t.name + " WHERE uuid = :u", soci::use(key.second);
                ++report_.by_entity[t.name].removed;
            }
            note_seen(t, key.second, "removed", hub_at);
        }
    }

    void merge_links(const std::string& name, const std::vector<std::string>& columns, const std::vector<Row>& rows,
                     std::size_t key_columns) {
        for (Row row : rows) {
            for (std::size_t i = 0; i < key_columns; ++i)
                if (row[i])
                    if (auto to = remap_.find(*row[i]); to != remap_.end()) row[i] = to->second;
            std::vector<std::string> key;
            std::string query = "SELECT COUNT(*) FROM " + name + " WHERE ";
            for (std::size_t i = 0; i < key_columns; ++i) {
                query += (i ? " AND " : "") + columns[i] + " = :k" + std::to_string(i);
                key.push_back(row[i].value_or(""));
            }
            const auto count = fetch(sql_, query, key);
            if (count.empty() || count[0][0].value_or("0") == "0") {
                insert(sql_, name, columns, row);
                ++report_.by_entity[name].added;
            }
        }
    }

    // Trainers' certifications are recorded at the hub: one made in the field is reported, not taken.
    void note_trainer_certifications() {
        int field_made = 0;
        for (const auto& row : pack_.trainer_certifications)
            if (fetch(sql_, "SELECT uuid FROM trainer_certifications WHERE uuid = :u", {row[0].value_or("")}).empty())
                ++field_made;
        if (field_made)
            report_.not_merged.push_back(std::to_string(field_made) +
                                         " trainer certification(s) recorded in the field: trainers are certified "
                                         "at the hub, so record them there (mitra-cli trainer certify)");
    }

    void merge_audit() {
        for (Row row : pack_.audit) {
            if (!fetch(sql_, "SELECT uuid FROM audit_log WHERE uuid = :u", {row[0].value_or("")}).empty()) continue;
            if (row[4])
                if (auto to = remap_.find(*row[4]); to != remap_.end()) row[4] = to->second;
            insert(sql_, "audit_log", kAuditColumns, row);
            ++report_.by_entity["audit_log"].added;
        }
    }

    Database& hub_;
    soci::session& sql_;
    const PackContents& pack_;
    MergeReport& report_;
    Labels label_;
    std::map<std::string, std::string> remap_;  // pack uuid -> hub uuid, for records both sides made
    std::map<std::pair<std::string, std::string>, Seen> seen_;
    bool exported_here_ = false;
};

}  // namespace

bool MergeReport::changed_anything() const {
    for (const auto& [entity, n] : by_entity)
        if (n.added || n.changed || n.removed) return true;
    return !conflicts.empty();
}

PackExport export_pack(Database& hub, const std::string& cohort_code, const std::string& out_file) {
    if (out_file.empty()) refuse("--out", "name the pack file to write");
    std::error_code ec;
    if (fs::exists(out_file, ec))
        refuse("--out", out_file + " exists already; choose another name (a pack is never written over)");
    const fs::path out(out_file);
    if (out.has_parent_path() && !fs::is_directory(out.parent_path(), ec))
        refuse("--out", "the folder " + out.parent_path().string() + " does not exist");

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
        if (!hub.sql().got_data()) refuse("cohort", "no cohort has code " + cohort_code);
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
                    if (t.name == "cohorts")
                        for (const auto& r : snapshot.cohort_trainers)
                            insert(sql, "cohort_trainers", kCohortTrainerColumns, r);
                }
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
        record_audit(hub, "pack", result.pack_uuid, "export", std::nullopt, "cohort " + cohort_code + " to " + out_file);
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
    return result;
}

MergeReport merge_pack(Database& hub, const std::string& pack_file) {
    std::error_code ec;
    if (!fs::is_regular_file(pack_file, ec)) refuse("FILE", "there is no file " + pack_file);
    if (pack_file == hub.target()) refuse("FILE", "a pack cannot be merged into itself");
    MergeReport report;
    const int latest = static_cast<int>(migrations().size());

    // Merge from a private copy, never the field's file: it may need migrating, and stays as it was.
    const std::string copy =
        (fs::temp_directory_path() / ("mitra-merge-" + new_uuid().substr(24) + ".db")).string();
    PackContents pack;
    try {
        {
            std::unique_ptr<soci::session> file;
            int version = 0;
            try {
                file = std::make_unique<soci::session>(*soci::factory_sqlite3(),
                                                       "db=\"" + pack_file + "\" timeout=10");
                int tables = 0;
                *file << "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'",
                    soci::into(tables);
                if (!tables) refuse("FILE", pack_file + " is not a Mitra database, so not a field pack");
                soci::indicator ind = soci::i_null;
                *file << "SELECT MAX(version) FROM schema_migrations", soci::into(version, ind);
            } catch (const soci::soci_error&) {
                refuse("FILE", pack_file + " is not a field pack (not an SQLite database Mitra can read)");
            }
            report.pack_schema_version = version;
            if (version > latest)
                refuse("FILE", pack_file + " was made by a newer Mitra (schema version " + std::to_string(version) +
                                   ", this program knows up to " + std::to_string(latest) +
                                   "); merge it with the newer program. Nothing was merged");
            if (version < 3)
                refuse("FILE", pack_file + " is a Mitra database from before field packs (schema version " +
                                   std::to_string(version) + "), not a field pack");
            create_owner_only(copy);  // the copy holds people's names: never readable by others
            *file << "VACUUM INTO :copy", soci::use(copy);  // reads through the write-ahead log too
        }
        auto opened = Database::open(copy, hub.actor(), false);  // migrates an older pack's copy
        report.migrated = report.pack_schema_version < latest;
        pack = read_pack(*opened);
    } catch (...) {
        remove_file_and_journal(copy);
        throw;
    }
    remove_file_and_journal(copy);
    report.pack_uuid = pack.uuid;
    report.cohort_code = pack.cohort_code;
    report.exported_at = pack.exported_at;
    if (pack.certificates > 0)
        report.not_merged.push_back(std::to_string(pack.certificates) +
                                    " certificate(s) issued in the field: certificates are issued at the hub, so "
                                    "issue them there (the field's serials are not taken)");

    hub.write([&] {
        const int schema = report.pack_schema_version;
        const bool migrated = report.migrated;
        auto not_merged = report.not_merged;
        report = MergeReport{};  // again on a retry
        report.pack_uuid = pack.uuid;
        report.cohort_code = pack.cohort_code;
        report.exported_at = pack.exported_at;
        report.pack_schema_version = schema;
        report.migrated = migrated;
        report.not_merged = not_merged;
        Merger(hub, pack, report).run();
    });
    return report;
}

}  // namespace mitra::store
