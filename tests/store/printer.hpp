// For tests of the store alone (and of views set up through it): certificates "printed" without a renderer,
// every one accepted. What is printed for real is tested through workflow::issue_certificates.
#pragma once
#include <optional>
#include <string>

#include "store/certificates.hpp"

namespace mitra::store_test {

inline store::CertificateRepo::Printer accept_all() {
    return {[](const store::IssuedCertificate&) { return std::optional<Problem>{}; }, {}};
}

inline void printed(const store::IssuedCertificate&) {}

}  // namespace mitra::store_test
