// The programme's signed revocation list, made from the database (docs/verification.md has the format).
#pragma once
#include <string>

#include "core/signature.hpp"
#include "store/database.hpp"

namespace mitra::workflow {

// Every revoked certificate the database knows (serials, days, categories; no names), signed with the key now.
std::string signed_revocation_list(store::Database& db, const SigningKey& key);

}  // namespace mitra::workflow
