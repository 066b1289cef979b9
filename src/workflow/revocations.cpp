// The signed revocation list: the store fetches the revocations, core writes and signs the list.
#include "workflow/revocations.hpp"

#include "core/calendar.hpp"
#include "core/revocation_list.hpp"
#include "store/certificates.hpp"

namespace mitra::workflow {

std::string signed_revocation_list(store::Database& db, const SigningKey& key) {
    const std::string now = utc_timestamp_now();  // "YYYY-MM-DDTHH:MM:SS.mmmZ": the list keeps whole seconds
    return make_revocation_list(store::CertificateRepo(db).revocations(), key, now.substr(0, 19) + "Z");
}

}  // namespace mitra::workflow
