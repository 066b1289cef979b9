// Migration 5: certification over time (certifications, the learning ledger, trainers' certifications).
#include "store/migrations.hpp"

namespace mitra::store {

Migration certification_migration() {
    return {"certification over time: certifications, learning ledger, trainer certifications", {}};
}

}  // namespace mitra::store
