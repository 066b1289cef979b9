// A migration of its own: the category a revocation is published under (docs/verification.md).
#include "store/migrations.hpp"

namespace mitra::store {

Migration revocation_category_migration() {
    // One of core's kRevocationCategories ("issued-in-error", "replaced", "withdrawn") or empty: the signed
    // revocation list publishes it; the written reason stays in the database.
    return Migration{"certificates: the category a revocation is published under",
                     {"ALTER TABLE certificates ADD COLUMN revocation_category TEXT NOT NULL DEFAULT ''"}};
}

}  // namespace mitra::store
