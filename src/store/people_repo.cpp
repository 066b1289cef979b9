// Trainers and participants.
#include <soci/soci.h>

#include <set>

#include <algorithm>
#include <map>

#include "core/identity.hpp"
#include "store/app_queries.hpp"
#include "store/name_skeletons.hpp"
#include "store/repos.hpp"
#include "store/rows.hpp"

namespace mitra::store {
namespace {

const char* kParticipantColumns =
    "p.uuid, p.ref, p.full_name, p.latin_name, p.country, p.language, p.email, p.phone, p.consent_date";

Participant participant_from(const soci::row& r) {
    Participant p;
    p.uuid = text(r, 0);
    p.ref = text(r, 1);
    p.full_name = text(r, 2);
    p.latin_name = text(r, 3);
    p.country = text(r, 4);
    p.language = text(r, 5);
    p.email = text(r, 6);
    p.phone = text(r, 7);
    p.consent_date = date(r, 8);
    return p;
}

bool same_person_data(const Participant& a, const Participant& b) {
    return a.full_name == b.full_name && a.latin_name == b.latin_name && a.country == b.country &&
           a.language == b.language && a.email == b.email && a.phone == b.phone && a.consent_date == b.consent_date;
}

std::vector<std::string> module_codes_known(Database& db) {
    std::vector<std::string> codes;
    soci::rowset<soci::row> rows = (db.sql().prepare << "SELECT DISTINCT code FROM modules");
    for (const auto& r : rows) codes.push_back(text(r, 0));
    return codes;
}

// People who asked to be forgotten are never brought back by a spreadsheet that still names them.
std::set<std::string> erased_refs(Database& db) {
    std::set<std::string> erased;
    soci::rowset<soci::row> rows = (db.sql().prepare << "SELECT ref FROM participants WHERE erased_at IS NOT NULL");
    for (const auto& r : rows) erased.insert(text(r, 0));
    return erased;
}

[[noreturn]] void refuse_erased(const std::vector<std::string>& named) {
    refuse("ref", ProblemCode::erasure_asked, {join(named, ", ")});
}

void refuse_erased(Database& db, const Participant& p) {
    if (erased_refs(db).count(p.ref)) refuse_erased({p.ref});
}

void insert_participant(Database& db, Participant& p, const NameSkeletons& keys, const Stamp& stamp) {
    p.uuid = p.uuid.empty() ? new_uuid() : p.uuid;
    const std::string consent = p.consent_date ? to_string(*p.consent_date) : "";
    soci::indicator consent_ind = p.consent_date ? soci::i_ok : soci::i_null;
    db.sql() << "INSERT INTO participants (uuid, ref, full_name, latin_name, country, language, email, phone, "
                "consent_date, created_at, created_by, updated_at, updated_by, name_skeleton, latin_skeleton) VALUES "
                "(:u, :r, :n, :l, :c, :lang, :e, :ph, :cd, :at, :by, :at2, :by2, :ns, :ls)",
        soci::use(p.uuid), soci::use(p.ref), soci::use(p.full_name), soci::use(p.latin_name), soci::use(p.country),
        soci::use(p.language), soci::use(p.email), soci::use(p.phone), soci::use(consent, consent_ind),
        soci::use(stamp.at), soci::use(stamp.by), soci::use(stamp.at), soci::use(stamp.by), soci::use(keys.full),
        soci::use(keys.latin);
}

}  // namespace

void TrainerRepo::add(Trainer& t) {
    db_.write([&] {
        if (find(t.ref)) refuse("ref", ProblemCode::trainer_exists, {t.ref});
        const Stamp stamp{utc_timestamp_now(), db_.actor()};
        t.uuid = new_uuid();
        const std::string languages = join(t.languages, ",");
        db_.sql() << "INSERT INTO trainers (uuid, ref, name, latin_name, country, languages, created_at, created_by, "
                     "updated_at, updated_by) VALUES (:u, :r, :n, :l, :c, :langs, :at, :by, :at2, :by2)",
            soci::use(t.uuid), soci::use(t.ref), soci::use(t.name), soci::use(t.latin_name), soci::use(t.country),
            soci::use(languages), soci::use(stamp.at), soci::use(stamp.by), soci::use(stamp.at), soci::use(stamp.by);
        if (!t.qualified_modules.empty()) qualify(t.ref, t.qualified_modules);
    });
}

void TrainerRepo::qualify(const std::string& ref, const std::vector<std::string>& module_codes) {
    db_.write([&] {
        auto trainer = find(ref);
        if (!trainer) refuse("ref", ProblemCode::no_trainer, {ref});
        if (module_codes.empty()) refuse("qualified", ProblemCode::qualify_needs_module, {ref});
        const auto known = module_codes_known(db_);
        for (const auto& code : module_codes) {
            if (std::find(known.begin(), known.end(), code) == known.end())
                refuse("qualified", ProblemCode::no_imported_module, {code});
            int exists = 0;
            db_.sql() << "SELECT COUNT(*) FROM trainer_modules WHERE trainer_uuid = :t AND module_code = :m",
                soci::into(exists), soci::use(trainer->uuid), soci::use(code);
            if (!exists)
                db_.sql() << "INSERT INTO trainer_modules (trainer_uuid, module_code) VALUES (:t, :m)",
                    soci::use(trainer->uuid), soci::use(code);
        }
    });
}

std::optional<Trainer> TrainerRepo::find(const std::string& ref) {
    soci::rowset<soci::row> rows =
        (db_.sql().prepare << "SELECT uuid, ref, name, latin_name, country, languages FROM trainers WHERE ref = :r",
         soci::use(ref));
    std::optional<Trainer> found;
    for (const auto& r : rows) {
        Trainer t;
        t.uuid = text(r, 0);
        t.ref = text(r, 1);
        t.name = text(r, 2);
        t.latin_name = text(r, 3);
        t.country = text(r, 4);
        t.languages = split_list(text(r, 5));
        found = std::move(t);
    }
    if (!found) return found;
    soci::rowset<soci::row> quals =
        (db_.sql().prepare << "SELECT module_code FROM trainer_modules WHERE trainer_uuid = :t ORDER BY module_code",
         soci::use(found->uuid));
    for (const auto& r : quals) found->qualified_modules.push_back(text(r, 0));
    return found;
}

std::vector<Trainer> TrainerRepo::list() {
    std::vector<Trainer> out;
    soci::rowset<soci::row> rows =
        (db_.sql().prepare << "SELECT uuid, ref, name, latin_name, country, languages FROM trainers ORDER BY ref");
    for (const auto& r : rows) {
        Trainer t;
        t.uuid = text(r, 0);
        t.ref = text(r, 1);
        t.name = text(r, 2);
        t.latin_name = text(r, 3);
        t.country = text(r, 4);
        t.languages = split_list(text(r, 5));
        out.push_back(std::move(t));
    }
    soci::rowset<soci::row> quals =
        (db_.sql().prepare << "SELECT trainer_uuid, module_code FROM trainer_modules ORDER BY module_code");
    for (const auto& r : quals)
        for (auto& t : out)
            if (t.uuid == text(r, 0)) t.qualified_modules.push_back(text(r, 1));
    return out;
}

std::vector<TrainerQualifications> TrainerRepo::qualifications() {
    std::vector<TrainerQualifications> out;
    db_.read([&] {
        out.clear();
        std::map<std::string, std::size_t> at;  // uuid -> index
        soci::rowset<soci::row> rows = (db_.sql().prepare << "SELECT uuid, ref FROM trainers ORDER BY ref");
        for (const auto& r : rows) {
            at[text(r, 0)] = out.size();
            out.push_back({text(r, 1), {}, {}});
        }
        soci::rowset<soci::row> modules = (db_.sql().prepare << "SELECT trainer_uuid, module_code FROM trainer_modules "
                                                                "ORDER BY module_code");
        for (const auto& r : modules)
            if (auto found = at.find(text(r, 0)); found != at.end())
                out[found->second].qualified_modules.push_back(text(r, 1));
        soci::rowset<soci::row> held =
            (db_.sql().prepare << "SELECT trainer_uuid, level, issued_on, expires_on FROM trainer_certifications");
        for (const auto& r : held)
            if (auto found = at.find(text(r, 0)); found != at.end())
                out[found->second].certifications.push_back(
                    {text(r, 1), date(r, 2).value_or(Date{}), date(r, 3).value_or(Date{})});
    });
    return out;
}

void ParticipantRepo::add(Participant& p, Lookalikes lookalikes) {
    const std::vector<NameSkeletons> keys = {name_skeletons(p)};
    db_.write([&] {
        if (find(p.ref)) refuse("ref", ProblemCode::participant_exists, {p.ref});
        refuse_lookalikes(db_, {p}, keys, lookalikes);
        insert_participant(db_, p, keys[0], Stamp{utc_timestamp_now(), db_.actor()});
    });
}

Saved ParticipantRepo::save(Participant& p, Lookalikes lookalikes) {
    Saved outcome = Saved::created;
    const std::vector<NameSkeletons> keys = {name_skeletons(p)};
    db_.write([&] {
        outcome = Saved::created;  // again on a retry
        const Stamp stamp{utc_timestamp_now(), db_.actor()};
        refuse_erased(db_, p);
        refuse_lookalikes(db_, {p}, keys, lookalikes);
        auto existing = find(p.ref);
        if (!existing) {
            insert_participant(db_, p, keys[0], stamp);
            return;
        }
        p.uuid = existing->uuid;
        if (same_person_data(*existing, p)) {
            outcome = Saved::unchanged;
            return;
        }
        outcome = Saved::updated;
        const std::string consent = p.consent_date ? to_string(*p.consent_date) : "";
        soci::indicator consent_ind = p.consent_date ? soci::i_ok : soci::i_null;
        db_.sql() << "UPDATE participants SET full_name = :n, latin_name = :l, country = :c, language = :lang, "
                     "email = :e, phone = :ph, consent_date = :cd, updated_at = :at, updated_by = :by, "
                     "name_skeleton = :ns, latin_skeleton = :ls WHERE uuid = :u",
            soci::use(p.full_name), soci::use(p.latin_name), soci::use(p.country), soci::use(p.language),
            soci::use(p.email), soci::use(p.phone), soci::use(consent, consent_ind), soci::use(stamp.at),
            soci::use(stamp.by), soci::use(keys[0].full), soci::use(keys[0].latin), soci::use(p.uuid);
    });
    return outcome;
}

std::span<Participant> ParticipantVector::next() {
    if (done_) return {};
    done_ = true;
    return people_;
}

ImportCounts ParticipantRepo::save_all(std::vector<Participant>& people, Lookalikes lookalikes) {
    ParticipantVector source(people);
    return save_all(source, lookalikes);
}

ImportCounts ParticipantRepo::save_all(ParticipantSource& source, Lookalikes lookalikes) {
    // Per batch of the source: its look-alikes, then per 500 people one query finds who exists; inserts and
    // updates go through two statements prepared once. Only a batch at a time is held.
    constexpr std::size_t kBatch = 500;
    ImportCounts counts;
    db_.write([&] {
        counts = {};
        source.rewind();
        // SQLite: the search index kept row by row costs more than rebuilding it once after a large import.
        const bool rebuild_search = db_.backend() == Backend::sqlite && source.size() >= 1000 &&
                                    static_cast<long long>(source.size()) * 5 >= count();
        if (rebuild_search) db_.sql() << "INSERT INTO participant_search_paused (paused) VALUES (1)";
        const Stamp stamp{utc_timestamp_now(), db_.actor()};
        Participant row;
        NameSkeletons row_keys;
        std::string consent;
        soci::indicator consent_ind = soci::i_null;
        soci::statement insert =
            (db_.sql().prepare << "INSERT INTO participants (uuid, ref, full_name, latin_name, country, language, "
                                  "email, phone, consent_date, created_at, created_by, updated_at, updated_by, "
                                  "name_skeleton, latin_skeleton) VALUES (:u, :r, :n, :l, :c, :lang, :e, :ph, :cd, "
                                  ":at, :by, :at2, :by2, :ns, :ls)",
             soci::use(row.uuid), soci::use(row.ref), soci::use(row.full_name), soci::use(row.latin_name),
             soci::use(row.country), soci::use(row.language), soci::use(row.email), soci::use(row.phone),
             soci::use(consent, consent_ind), soci::use(stamp.at), soci::use(stamp.by), soci::use(stamp.at),
             soci::use(stamp.by), soci::use(row_keys.full), soci::use(row_keys.latin));
        soci::statement update =
            (db_.sql().prepare << "UPDATE participants SET full_name = :n, latin_name = :l, country = :c, language = "
                                  ":lang, email = :e, phone = :ph, consent_date = :cd, updated_at = :at, updated_by = "
                                  ":by, name_skeleton = :ns, latin_skeleton = :ls WHERE uuid = :u",
             soci::use(row.full_name), soci::use(row.latin_name), soci::use(row.country), soci::use(row.language),
             soci::use(row.email), soci::use(row.phone), soci::use(consent, consent_ind), soci::use(stamp.at),
             soci::use(stamp.by), soci::use(row_keys.full), soci::use(row_keys.latin), soci::use(row.uuid));
        const auto erased = erased_refs(db_);
        std::vector<std::string> erased_named;
        LookalikeError lookalike_error;
        std::vector<NameSkeletons> keys;
        std::map<std::string, Participant> existing;  // by ref, for the 500 at hand
        std::size_t offset = 0;
        for (auto people = source.next(); !people.empty(); offset += people.size(), people = source.next()) {
            for (const auto& p : people)
                if (erased.count(p.ref)) erased_named.push_back(p.ref);
            if (!erased_named.empty()) continue;  // refused below: only the rest of them are looked for
            keys.clear();
            for (const auto& p : people) keys.push_back(name_skeletons(p));
            if (lookalikes == Lookalikes::refuse)
                add_lookalikes(lookalike_error, people, find_lookalikes(db_, people, keys), offset);
            // Written even after a look-alike: the later batches' are found among them, and the write is undone.
            for (std::size_t start = 0; start < people.size(); start += kBatch) {
                const std::size_t end = std::min(people.size(), start + kBatch);
                existing.clear();
                std::string query =
                    std::string("SELECT ") + kParticipantColumns + " FROM participants p WHERE p.ref IN (";
                for (std::size_t i = start; i < end; ++i)
                    query += (i > start ? ", :r" : ":r") + std::to_string(i - start);
                query += ")";
                soci::statement lookup = (db_.sql().prepare << query);
                soci::row found;
                lookup.exchange(soci::into(found));
                for (std::size_t i = start; i < end; ++i) lookup.exchange(soci::use(people[i].ref));
                lookup.define_and_bind();
                lookup.execute();
                while (lookup.fetch()) {
                    auto p = participant_from(found);
                    existing.emplace(p.ref, std::move(p));
                }
                for (std::size_t i = start; i < end; ++i) {
                    auto& p = people[i];
                    auto old = existing.find(p.ref);
                    if (old != existing.end() && same_person_data(old->second, p)) {
                        p.uuid = old->second.uuid;
                        ++counts.unchanged;
                        continue;
                    }
                    if (old != existing.end()) p.uuid = old->second.uuid;
                    else if (p.uuid.empty()) p.uuid = new_uuid();
                    row = p;
                    row_keys = keys[i];
                    consent = p.consent_date ? to_string(*p.consent_date) : "";
                    consent_ind = p.consent_date ? soci::i_ok : soci::i_null;
                    if (old != existing.end()) {
                        update.execute(true);
                        ++counts.updated;
                    } else {
                        insert.execute(true);
                        ++counts.created;
                    }
                    existing[p.ref] = p;  // the same ref again in these 500 is an update of this one
                }
            }
        }
        if (!erased_named.empty()) refuse_erased(erased_named);
        if (!lookalike_error.found.empty()) throw lookalike_error;
        if (rebuild_search) {
            db_.sql() << "DELETE FROM participant_search_paused";
            if (counts.created + counts.updated > 0)
                db_.sql() << "INSERT INTO participant_search (participant_search) VALUES ('rebuild')";
        }
    });
    return counts;
}

std::optional<Participant> ParticipantRepo::find(const std::string& ref) {
    soci::rowset<soci::row> rows =
        (db_.sql().prepare << "SELECT " << kParticipantColumns << " FROM participants p WHERE p.ref = :r",
         soci::use(ref));
    for (const auto& r : rows) return participant_from(r);
    return std::nullopt;
}

std::vector<Participant> ParticipantRepo::list(const ParticipantQuery& q) {
    std::vector<Participant> out;
    const int limit = q.limit > 0 ? q.limit : -1;
    const auto found = participant_search(db_, q.search, q.cohort_code.empty());
    std::string sql = std::string("SELECT ") + kParticipantColumns + " FROM participants p";
    if (!q.cohort_code.empty())
        sql +=
            " JOIN enrolments e ON e.participant_uuid = p.uuid JOIN cohorts c ON c.uuid = e.cohort_uuid "
            "AND c.code = :cohort";
    sql += " WHERE " + found.condition + " ORDER BY p.ref";
    sql += db_.backend() == Backend::sqlite ? " LIMIT :lim OFFSET :off" : " LIMIT NULLIF(:lim, -1) OFFSET :off";
    soci::statement st = (db_.sql().prepare << sql);
    soci::row r;
    st.exchange(soci::into(r));
    if (!q.cohort_code.empty()) st.exchange(soci::use(q.cohort_code));
    for (const auto& value : found.values) st.exchange(soci::use(value));
    st.exchange(soci::use(limit));
    st.exchange(soci::use(q.offset));
    st.define_and_bind();
    st.execute();
    while (st.fetch()) out.push_back(participant_from(r));
    return out;
}

long long ParticipantRepo::count() {
    long long n = 0;
    db_.sql() << "SELECT COUNT(*) FROM participants", soci::into(n);
    return n;
}

}  // namespace mitra::store
