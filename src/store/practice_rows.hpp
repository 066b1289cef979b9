// Issue 21's rows as the store keeps them (migration 11): a curriculum's rules, read in three queries for a whole
// curriculum, and an observed assessment's levels.
#pragma once
#include <string>
#include <vector>

#include "core/model.hpp"
#include "core/practice.hpp"

namespace soci {
class row;
}

namespace mitra::store {

class Database;

// An observed assessment's level for one criterion from `row`: criterion, level, second level (NULL: N/O, none)
// from column `first` on.
CriterionRating rating_from(const soci::row& row, std::size_t first);
// An observed assessment without its levels nor whose it is, from `row`: uuid, module_code, observed_on, method,
// rater, second_rater, released_on from column `first` on.
ObservedAssessment observation_from(const soci::row& row, std::size_t first);

// Fills the programme's rules and each module's session rule, supervision split and rubric (with its texts);
// `module_uuids` in the order of `curriculum.modules`.
void read_practice_rules(Database& db, Curriculum& curriculum, const std::vector<std::string>& module_uuids);

}  // namespace mitra::store
