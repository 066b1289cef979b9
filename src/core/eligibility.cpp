// Who may be given a certificate.
#include "core/eligibility.hpp"

namespace mitra {

CertificateEligibility certificate_eligibility(const ParticipantCompletion& completion, const std::string& kind,
                                               const std::string& module_code, bool erased) {
    CertificateEligibility out;
    if (kind == "module") {
        out.reason = "the module " + module_code + " is not part of their curriculum";
        out.why = ProblemCode::module_not_in_curriculum;
        out.values = {module_code};
        for (const auto& m : completion.modules)
            if (m.code == module_code) {
                out.eligible = m.complete;
                out.reason = m.reason;
                out.why = ProblemCode::module_not_yet_complete;
                if (m.complete) out.modules.push_back(m.code);
            }
    } else {
        out.eligible = completion.complete;
        out.reason = completion.reason;
        out.why = ProblemCode::not_yet_complete;
        for (const auto& m : completion.modules)
            if (m.complete) out.modules.push_back(m.code);
    }
    if (out.eligible && erased) {
        out.eligible = false;
        out.reason = "their personal data was erased at their request";
        out.why = ProblemCode::personal_data_erased;
        out.values.clear();
    }
    if (out.eligible) {
        out.reason.clear();
        out.why = ProblemCode::none;
        out.values.clear();
    }
    return out;
}

}  // namespace mitra
