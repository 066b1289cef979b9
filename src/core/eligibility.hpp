// Who may be given a certificate: decided from a person's completion, without the store.
#pragma once
#include <string>
#include <vector>

#include "core/completion.hpp"
#include "core/problem.hpp"

namespace mitra {

struct CertificateEligibility {
    bool eligible = false;
    std::string reason;                   // why not, in words; empty when eligible
    ProblemCode why = ProblemCode::none;  // why not, for a front end to word (not_yet_complete, ...)
    std::vector<std::string> values;      // its values (a module's code)
    std::vector<std::string> modules;     // the modules the certificate certifies as completed
};

// A programme certificate (kind "completion") needs the whole programme complete; a module certificate
// (kind "module") that module. Someone whose personal data was erased at their request gets none.
CertificateEligibility certificate_eligibility(const ParticipantCompletion& completion, const std::string& kind,
                                               const std::string& module_code, bool erased);

}  // namespace mitra
