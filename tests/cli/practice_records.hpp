// What the shipped curriculum (PSF 2026.2) asks beside attendance, assessments and practicum lines, recorded through
// mitra-cli for fixtures whose people complete: supervision by format, observed practice met, the signed agreement
// and attestation.
#pragma once
#include <string>

#include "run_cli.hpp"

namespace mitra::cli_test {

// The fixtures' supervisor, an outside professional whose credential covers every day the fixtures use.
inline const std::string kPracticeSupervisor = "S-PSF";

// For `ref` in `cohort`, on `on`: M10's supervision (20 hours one-to-one and 20 in groups, the most groups count),
// M04's and M06's observed practice met and released, the supervisory agreement and the attestation of lived
// experience signed. Adds the supervisor first when the database has none by that ref.
inline void record_practice(const Workspace& ws, const std::string& cohort, const std::string& ref,
                            const std::string& on = "2026-07-01") {
    if (ws.run({"supervisor", "show", kPracticeSupervisor}).status != 0)
        ws.ok({"supervisor", "add", kPracticeSupervisor, "--name", "Practice supervisor", "--credential",
               "Certified Peer Supervisor", "--valid-from", "2020-01-01", "--expires", "2035-12-31"});
    for (const char* format : {"one_to_one", "group"})
        ws.ok({"supervision", "log", cohort, ref, "M10", "--supervisor", kPracticeSupervisor, "--format", format,
               "--minutes", "1200", "--on", on});
    ws.ok({"assessment", "observe", cohort, ref, "M04", "--rater", kPracticeSupervisor, "--on", on, "--released", on,
           "--level", "following=2", "--level", "listening=2", "--level", "reflecting=2", "--level", "uncertainty=2"});
    ws.ok({"assessment", "observe", cohort, ref, "M06", "--rater", kPracticeSupervisor, "--on", on, "--released", on,
           "--level", "presence=2", "--level", "choice=2", "--level", "alternatives=2", "--level", "safety=2"});
    for (const char* kind : {"supervision_agreement", "lived_experience"})
        ws.ok({"attest", ref, kind, "--signed", "--on", on});
}

}  // namespace mitra::cli_test
