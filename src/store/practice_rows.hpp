// Issue 21's curriculum rules as the store keeps them (migration 11): read in three queries for a whole curriculum.
#pragma once
#include <string>
#include <vector>

#include "core/model.hpp"

namespace mitra::store {

class Database;

// Fills the programme's rules and each module's session rule, supervision split and rubric (with its texts);
// `module_uuids` in the order of `curriculum.modules`.
void read_practice_rules(Database& db, Curriculum& curriculum, const std::vector<std::string>& module_uuids);

}  // namespace mitra::store
