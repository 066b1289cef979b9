// Look-alike keys of people's names (core's UTS #39 skeletons), kept in participants beside the names, and
// the people a new or renamed person looks like.
#pragma once
#include <span>
#include <string>
#include <vector>

#include "core/model.hpp"
#include "store/database.hpp"
#include "store/repos.hpp"

namespace mitra::store {

// A person's two keys: their full name's skeleton and their Latin name's ('' when they have none).
struct NameSkeletons {
    std::string full, latin;
    bool operator==(const NameSkeletons& other) const { return full == other.full && latin == other.latin; }
};
NameSkeletons name_skeletons(const Participant& person);

// Fills the keys of every participant who has none yet (rows from before migration 7, rows a field pack copied
// in). Call within a write.
void fill_name_skeletons(Database& db);

// Computes one person's keys again from the names stored now (a merge changed them). Call within a write.
void refresh_name_skeletons(Database& db, const std::string& uuid);

// The people of `people` (keys[i] are people[i]'s) who look like someone: a person kept (not erased, under another
// ref) or an earlier one of `people`. Only people whose keys are new are asked about: someone added before, or
// whose name did not change, is not asked about again.
std::vector<Lookalike> find_lookalikes(Database& db, std::span<const Participant> people,
                                       const std::vector<NameSkeletons>& keys);

// Adds find_lookalikes' answer for `people` to `error` (a problem naming each by ref, and `found`), its indexes
// counted from `offset` (`people` is a batch that far into an import).
void add_lookalikes(LookalikeError& error, std::span<const Participant> people, std::vector<Lookalike> found,
                    std::size_t offset = 0);

// Throws LookalikeError when find_lookalikes finds anyone, unless `lookalikes` allows them.
void refuse_lookalikes(Database& db, const std::vector<Participant>& people, const std::vector<NameSkeletons>& keys,
                       Lookalikes lookalikes);

}  // namespace mitra::store
