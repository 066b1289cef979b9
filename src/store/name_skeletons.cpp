// Look-alike keys of people's names: computed by core, stored and compared here.
#include "store/name_skeletons.hpp"

#include <soci/soci.h>

#include <algorithm>
#include <map>
#include <set>

#include "core/names.hpp"
#include "store/rows.hpp"

namespace mitra::store {
namespace {

constexpr std::size_t kBatch = 400;  // people per query: two keys each, bound twice, well under SQLite's limit

std::string placeholders(const std::string& name, std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += (i ? ", :" : ":") + name + std::to_string(i);
    return out;
}

// Runs `query` (whose parameters are `values`, in order) and calls `each` with every row.
template <typename Each>
void each_row(Database& db, const std::string& query, const std::vector<std::string>& values, Each each) {
    soci::statement st = (db.sql().prepare << query);
    soci::row r;
    st.exchange(soci::into(r));
    for (const auto& value : values) st.exchange(soci::use(value));
    st.define_and_bind();
    st.execute();
    while (st.fetch()) each(r);
}

std::string joined(const std::vector<std::string>& refs) {
    std::string out;
    for (const auto& ref : refs) out += (out.empty() ? "" : ", ") + ref;
    return out;
}

}  // namespace

NameSkeletons name_skeletons(const Participant& person) {
    return {name_skeleton(person.full_name), person.latin_name.empty() ? "" : name_skeleton(person.latin_name)};
}

void fill_name_skeletons(Database& db) {
    std::vector<std::pair<std::string, NameSkeletons>> missing;
    each_row(db, "SELECT uuid, full_name, latin_name FROM participants WHERE name_skeleton IS NULL", {},
             [&](const soci::row& r) {
                 Participant p;
                 p.full_name = text(r, 1);
                 p.latin_name = text(r, 2);
                 missing.emplace_back(text(r, 0), name_skeletons(p));
             });
    if (missing.empty()) return;
    std::string uuid;
    NameSkeletons keys;
    soci::statement update = (db.sql().prepare << "UPDATE participants SET name_skeleton = :n, latin_skeleton = :l "
                                                  "WHERE uuid = :u",
                              soci::use(keys.full), soci::use(keys.latin), soci::use(uuid));
    for (const auto& [u, k] : missing) {
        uuid = u;
        keys = k;
        update.execute(true);
    }
}

void refresh_name_skeletons(Database& db, const std::string& uuid) {
    db.sql() << "UPDATE participants SET name_skeleton = NULL WHERE uuid = :u", soci::use(uuid);
    fill_name_skeletons(db);
}

std::vector<Lookalike> find_lookalikes(Database& db, std::span<const Participant> people,
                                       const std::vector<NameSkeletons>& keys) {
    // The keys kept now for these refs: a person whose keys stay the same is not asked about again.
    std::map<std::string, NameSkeletons> stored;
    for (std::size_t start = 0; start < people.size(); start += kBatch) {
        const std::size_t end = std::min(people.size(), start + kBatch);
        std::vector<std::string> refs;
        for (std::size_t i = start; i < end; ++i) refs.push_back(people[i].ref);
        each_row(db,
                 "SELECT ref, name_skeleton, latin_skeleton FROM participants WHERE name_skeleton IS NOT NULL AND "
                 "ref IN (" +
                     placeholders("r", refs.size()) + ")",
                 refs, [&](const soci::row& r) {
                     stored[text(r, 0)] = NameSkeletons{text(r, 1), text(r, 2)};
                 });
    }
    std::vector<std::size_t> asked;
    for (std::size_t i = 0; i < people.size(); ++i) {
        const auto kept = stored.find(people[i].ref);
        if (kept == stored.end() || !(kept->second == keys[i])) asked.push_back(i);
    }

    // Who is kept under each key asked about (erased people have no names, so no keys, and are left out).
    std::map<std::string, std::set<std::string>> kept_under;
    for (std::size_t start = 0; start < asked.size(); start += kBatch) {
        const std::size_t end = std::min(asked.size(), start + kBatch);
        std::vector<std::string> wanted;
        for (std::size_t a = start; a < end; ++a) {
            wanted.push_back(keys[asked[a]].full);
            if (!keys[asked[a]].latin.empty()) wanted.push_back(keys[asked[a]].latin);
        }
        std::vector<std::string> values = wanted;
        values.insert(values.end(), wanted.begin(), wanted.end());
        each_row(db,
                 "SELECT ref, name_skeleton, latin_skeleton FROM participants WHERE erased_at IS NULL AND "
                 "(name_skeleton IN (" +
                     placeholders("n", wanted.size()) + ") OR latin_skeleton IN (" + placeholders("l", wanted.size()) +
                     "))",
                 values, [&](const soci::row& r) {
                     for (std::size_t column : {1, 2})
                         if (const auto key = text(r, column); !key.empty()) kept_under[key].insert(text(r, 0));
                 });
    }

    std::vector<Lookalike> out;
    std::map<std::string, std::vector<std::size_t>> earlier_under;  // people of this batch asked about, by key
    for (std::size_t i : asked) {
        Lookalike found;
        found.index = i;
        std::set<std::string> refs;
        std::set<std::size_t> earlier;
        for (const auto* key : {&keys[i].full, &keys[i].latin}) {
            if (key->empty()) continue;
            const std::size_t before = refs.size() + earlier.size();
            if (const auto kept = kept_under.find(*key); kept != kept_under.end())
                for (const auto& ref : kept->second)
                    if (ref != people[i].ref) refs.insert(ref);
            for (std::size_t j : earlier_under[*key])
                if (people[j].ref != people[i].ref) earlier.insert(j);
            if (found.field.empty() && refs.size() + earlier.size() > before)
                found.field = key == &keys[i].full ? "full_name" : "latin_name";
        }
        earlier_under[keys[i].full].push_back(i);
        if (!keys[i].latin.empty() && keys[i].latin != keys[i].full) earlier_under[keys[i].latin].push_back(i);
        if (refs.empty() && earlier.empty()) continue;
        found.refs.assign(refs.begin(), refs.end());
        found.earlier.assign(earlier.begin(), earlier.end());
        out.push_back(std::move(found));
    }
    return out;
}

void add_lookalikes(LookalikeError& error, std::span<const Participant> people, std::vector<Lookalike> found,
                    std::size_t offset) {
    for (auto& f : found) {
        std::vector<std::string> refs = f.refs;
        for (std::size_t j : f.earlier) refs.push_back(people[j].ref);
        error.problems.push_back(Problem{"", 0, 0, f.field,
                                         people[f.index].ref + " looks like " + joined(refs) +
                                             ": the name reads the same (look-alike letters, case, spacing or "
                                             "invisible characters aside)"});
        f.index += offset;
        for (auto& j : f.earlier) j += offset;
        error.found.push_back(std::move(f));
    }
}

void refuse_lookalikes(Database& db, const std::vector<Participant>& people, const std::vector<NameSkeletons>& keys,
                       Lookalikes lookalikes) {
    if (lookalikes == Lookalikes::allow) return;
    auto found = find_lookalikes(db, people, keys);
    if (found.empty()) return;
    LookalikeError error;
    add_lookalikes(error, people, std::move(found));
    throw error;
}

}  // namespace mitra::store
