// The schema, as numbered migrations applied in order, each in its own transaction.
#pragma once
#include <string>
#include <vector>

#include "store/database.hpp"

namespace mitra::store {

struct Migration {
    std::string description;
    std::vector<std::string> sql;  // may use {id} for an auto-numbered primary key, {real} for a float

    // The statements for a backend, with the few spellings that differ filled in.
    std::vector<std::string> statements(Backend backend) const;
};

const std::vector<Migration>& migrations();

}  // namespace mitra::store
