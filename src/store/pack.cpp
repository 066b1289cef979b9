// Field packs, the merge: the field's work in a pack file brought back into the hub.
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
#include "store/name_skeletons.hpp"
#include "store/pack_tables.hpp"
#include "store/repos.hpp"
#include "store/rows.hpp"

namespace mitra::store {
namespace fs = std::filesystem;
using namespace pack_detail;
namespace {

// The schema version from which sessions have a co-facilitator and people a learning ledger (migration 5).
constexpr int kCoFacilitatorSchema = 5;

struct Seen {
    std::string pack_updated_at, hub_updated_at;
};

struct PackContents {
    std::string uuid, cohort_uuid, cohort_code, exported_at;
    int schema_version = 0;
    std::map<std::pair<std::string, std::string>, std::string> base;  // (table, uuid) -> updated_at at export
    std::map<std::string, std::vector<Row>> rows;
    std::vector<Row> curricula, modules, definitions, texts, trainer_modules, cohort_trainers, trainer_certifications,
        observed_ratings, audit;
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
        const Table &p = table("participants"), &s = table("sessions"), &v = table("supervisors");
        for (const auto& r : pack.rows.at("participants")) refs_[r[0].value_or("")] = r[p.at("ref")].value_or("?");
        for (const auto& r : pack.rows.at("supervisors"))
            supervisors_[r[0].value_or("")] = r[v.at("ref")].value_or("?");
        for (const auto& r : pack.rows.at("sessions"))
            sessions_[r[0].value_or("")] =
                r[s.at("module_code")].value_or("?") + " session of " + r[s.at("session_date")].value_or("?");
    }
    std::string operator()(const Table& t, const Row& row) const {
        auto ref = [&](const std::string& column) { return lookup(refs_, row[t.at(column)]); };
        if (t.name == "participants" || t.name == "trainers" || t.name == "supervisors")
            return row[t.at("ref")].value_or("?");
        if (t.name == "supervisor_credentials")
            return "supervisor " + lookup(supervisors_, row[t.at("supervisor_uuid")]) + " credential " +
                   row[t.at("name")].value_or("?");
        if (t.name == "supervision_entries")
            return ref("participant_uuid") + " " + row[t.at("module_code")].value_or("?") + " supervision on " +
                   row[t.at("practised_on")].value_or("?") + " with " +
                   lookup(supervisors_, row[t.at("supervisor_uuid")]);
        if (t.name == "observed_assessments")
            return ref("participant_uuid") + " " + row[t.at("module_code")].value_or("?") + " observed on " +
                   row[t.at("observed_on")].value_or("?");
        if (t.name == "attestations") return ref("participant_uuid") + " " + row[t.at("kind")].value_or("?");
        if (t.name == "referee_questionnaires") return ref("participant_uuid") + " referee questionnaire";
        if (t.name == "deadline_extensions") return ref("participant_uuid") + " deadline extension";
        if (t.name == "cohorts") return row[t.at("code")].value_or("?");
        if (t.name == "sessions")
            return row[t.at("module_code")].value_or("?") + " session of " + row[t.at("session_date")].value_or("?");
        if (t.name == "attendance")
            return ref("participant_uuid") + " at " + lookup(sessions_, row[t.at("session_uuid")]);
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
    std::map<std::string, std::string> refs_, sessions_, supervisors_;
};

PackContents read_pack(Database& pack) {
    PackContents c;
    auto& sql = pack.sql();
    auto identity = fetch(sql, "SELECT uuid, cohort_uuid, cohort_code, exported_at FROM pack_identity");
    if (identity.size() != 1)
        throw Refusal(Refusal::Reason::not_a_pack, pack.shown_target(),
                      coded("pack", ProblemCode::not_a_pack, {pack.shown_target()}));
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
    c.definitions =
        fetch(sql, "SELECT " + column_list(kCertificationDefinitionColumns) + " FROM certification_definitions");
    c.texts = fetch(sql, "SELECT " + column_list(kTextColumns) + " FROM texts");
    c.trainer_modules = fetch(sql, "SELECT " + column_list(kTrainerModuleColumns) + " FROM trainer_modules");
    c.cohort_trainers = fetch(sql, "SELECT " + column_list(kCohortTrainerColumns) + " FROM cohort_trainers");
    c.trainer_certifications =
        fetch(sql, "SELECT " + column_list(kTrainerCertificationColumns) + " FROM trainer_certifications");
    c.observed_ratings = fetch(sql, "SELECT " + column_list(kObservedRatingColumns) + " FROM observed_ratings");
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
        for (const auto& r : fetch(sql_,
                                   "SELECT entity, uuid, pack_updated_at, hub_updated_at FROM pack_seen WHERE "
                                   "pack_uuid = :p",
                                   {pack_.uuid}))
            seen_[{r[0].value_or(""), r[1].value_or("")}] = Seen{r[2].value_or(""), r[3].value_or("")};
        // Only the hub a pack came from can have removed what the pack holds; any other hub takes it all.
        exported_here_ = !fetch(sql_,
                                "SELECT uuid FROM audit_log WHERE entity = 'pack' AND entity_uuid = :p AND "
                                "action = 'export'",
                                {pack_.uuid})
                              .empty();
        merge_curricula();
        for (const auto& t : tables()) {
            merge_rows(t);
            if (t.name == "trainers") merge_links("trainer_modules", kTrainerModuleColumns, pack_.trainer_modules, 2);
            if (t.name == "cohorts") merge_links("cohort_trainers", kCohortTrainerColumns, pack_.cohort_trainers, 2);
            if (t.name == "observed_assessments") merge_ratings();
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
            for (const auto& d : pack_.definitions)
                if (d[0] == uuid) insert(sql_, "certification_definitions", kCertificationDefinitionColumns, d);
            for (const auto& text : pack_.texts)
                if (owners.count(text[0].value_or(""))) insert(sql_, "texts", kTextColumns, text);
            ++report_.by_entity["curricula"].added;
        }
    }

    void note_seen(const Table& t, const std::string& pack_uuid, const std::string& pack_at,
                   const std::string& hub_at) {
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
        const std::string lost =
            pack_kept ? c.hub_value + " (hub, " + c.hub_changed_at + " by " + c.hub_changed_by + ")"
                      : c.pack_value + " (field pack, " + c.pack_changed_at + " by " + c.pack_changed_by + ")";
        const std::string kept =
            pack_kept ? c.pack_value + " (field pack, " + c.pack_changed_at + " by " + c.pack_changed_by + ")"
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
                if (t.name == "participants") refresh_name_skeletons(hub_, uuid);  // the hub's own keys
                ++report_.by_entity[t.name].added;
                if (pack_base && exported_here_)
                    conflict(t, row, std::nullopt, true);  // removed at the hub, changed in the field
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
            // An erasure at the hub is final: what the field changed about the person is not taken (not even
            // into the audit history, which would bring their data back).
            if (t.name == "participants" && hub_row->at(t.at("erased_at")) && !row[t.at("erased_at")]) {
                if (pack_changed) {
                    report_.not_merged.push_back(row[t.at("ref")].value_or("?") +
                                                 ": changed in the field, but their personal data was erased at the "
                                                 "hub; the erasure stands");
                    note_seen(t, uuid, pack_at, hub_row->at(t.updated_at()).value_or(""));
                }
                continue;
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
                if (t.name == "participants") refresh_name_skeletons(hub_, hub_uuid);
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

    // An observed assessment's levels come with it (they are never changed after): those of an assessment the hub
    // holds and has no levels of yet.
    void merge_ratings() {
        std::set<std::string> done;
        for (const auto& row : pack_.observed_ratings) {
            const std::string assessment = row[0].value_or("");
            if (done.count(assessment)) continue;
            done.insert(assessment);
            if (fetch(sql_, "SELECT uuid FROM observed_assessments WHERE uuid = :a", {assessment}).empty()) continue;
            if (!fetch(sql_, "SELECT criterion FROM observed_ratings WHERE assessment_uuid = :a", {assessment}).empty())
                continue;
            for (const auto& r : pack_.observed_ratings)
                if (r[0] == row[0]) {
                    insert(sql_, "observed_ratings", kObservedRatingColumns, r);
                    ++report_.by_entity["observed_ratings"].added;
                }
        }
    }

    // Trainers' certifications are recorded at the hub: one made in the field is reported, not taken.
    void note_trainer_certifications() {
        int field_made = 0;
        for (const auto& row : pack_.trainer_certifications)
            if (fetch(sql_, "SELECT uuid FROM trainer_certifications WHERE uuid = :u", {row[0].value_or("")}).empty())
                ++field_made;
        report_.field_trainer_certifications = field_made;
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

MergeReport merge_pack(Database& hub, const std::string& pack_file) {
    std::error_code ec;
    if (!fs::is_regular_file(pack_file, ec)) refuse("FILE", ProblemCode::no_file, {pack_file});
    if (pack_file == hub.target()) refuse("FILE", ProblemCode::pack_into_itself);
    MergeReport report;
    const int latest = static_cast<int>(migrations().size());

    // Merge from a private copy, never the field's file: it may need migrating, and stays as it was.
    const std::string copy = (fs::temp_directory_path() / ("mitra-merge-" + new_uuid().substr(24) + ".db")).string();
    PackContents pack;
    try {
        {
            std::unique_ptr<soci::session> file;
            int version = 0;
            try {
                file = std::make_unique<soci::session>(*soci::factory_sqlite3(), "db=\"" + pack_file + "\" timeout=10");
                int tables = 0;
                *file << "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'",
                    soci::into(tables);
                if (!tables) refuse("FILE", ProblemCode::not_a_mitra_database, {pack_file});
                soci::indicator ind = soci::i_null;
                *file << "SELECT MAX(version) FROM schema_migrations", soci::into(version, ind);
            } catch (const soci::soci_error&) {
                refuse("FILE", ProblemCode::not_a_readable_pack, {pack_file});
            }
            report.pack_schema_version = version;
            if (version > latest)
                refuse("FILE", ProblemCode::pack_from_newer_mitra,
                       {pack_file, std::to_string(version), std::to_string(latest)});
            if (version < 3) refuse("FILE", ProblemCode::pack_from_before_packs, {pack_file, std::to_string(version)});
            create_owner_only(copy);                        // the copy holds people's names: never readable by others
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
