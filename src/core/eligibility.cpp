// Who may be given a certificate.
#include "core/eligibility.hpp"

namespace mitra {

CertificateEligibility certificate_eligibility(const ParticipantCompletion& completion, const std::string& kind,
                                               const std::string& module_code, bool erased) {
    CertificateEligibility out;
    if (kind == "module") {
        out.reason = "the module " + module_code + " is not part of their curriculum";
        for (const auto& m : completion.modules)
            if (m.code == module_code) {
                out.eligible = m.complete;
                out.reason = m.reason;
                if (m.complete) out.modules.push_back(m.code);
            }
    } else {
        out.eligible = completion.complete;
        out.reason = completion.reason;
        for (const auto& m : completion.modules)
            if (m.complete) out.modules.push_back(m.code);
    }
    if (out.eligible && erased) {
        out.eligible = false;
        out.reason = "their personal data was erased at their request";
    }
    if (out.eligible) out.reason.clear();
    return out;
}

}  // namespace mitra
