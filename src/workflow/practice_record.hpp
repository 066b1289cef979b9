// What a person's supervised practice and observed assessments amount to, for those who must vouch for it: a
// supervisor's signed verification of their own entries and running total, and the coordinator's record for an
// auditor (every entry with its supervisor's credential, every observed assessment on its rubric, the agreement,
// the referees and the deadline). One workflow mitra-cli and the desktop program both run: the store fetches, core
// accounts for each entry, io's catalog words it, pdf lays it out, io writes it owner-only via a temporary name.
//
//   workflow::PracticeRequest request{"P-0001", "", "", today};
//   workflow::write_supervisor_verification(db, fonts, request, "S-01", "verification.pdf");
//   workflow::write_practice_record(db, fonts, request, "record.pdf");
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/completion.hpp"
#include "core/practice_record.hpp"
#include "io/catalog.hpp"
#include "pdf/font_stack.hpp"
#include "pdf/practice_record.hpp"
#include "store/database.hpp"

namespace mitra::workflow {

struct PracticeRequest {
    std::string ref;
    std::string cohort_code;  // empty: the person's only cohort
    std::string language;     // a catalog or locale name; empty: see each writer
    Date today;
};

// One module's supervised practice: what it asks and each entry accounted for.
struct ModulePractice {
    std::string code, title;
    int supervised_minutes = 0;  // the total it asks
    SupervisionRule rule;
    std::vector<AccountedEntry> entries;  // by day
};

// One observed assessment as judged on its module's rubric.
struct ObservationRecord {
    ObservedAssessment assessment;
    std::string module_title;
    std::vector<std::string> criterion_titles;  // in the rubric's order, as judgement.criteria
    int pass_level = 0;
    ObservationJudgement judgement;
};

// Everything about one person's practice in one cohort, in the coordinator's view (results held back included).
struct GatheredPractice {
    Participant person;
    Cohort cohort;
    std::string curriculum_title;
    std::string catalog;   // the catalog to word it in ("" for English)
    std::string language;  // the content's language (titles, dates)
    Date today;
    std::vector<Supervisor> supervisors;
    std::vector<ModulePractice> modules;          // those asking for supervised practice or with entries
    std::vector<ObservationRecord> observations;  // oldest first
    ProgrammeRule programme;
    std::vector<Attestation> attestations;  // oldest first
    std::vector<RefereeQuestionnaire> referees;
    std::optional<Deadline> deadline;
    std::vector<DeadlineExtension> extensions;  // oldest first

    const Supervisor* supervisor(const std::string& ref) const;
};

enum class Reader { person, coordinator };

// Refused (InputError) for a ref or cohort the database does not have, a person not enrolled in the cohort, or a
// person in several cohorts without one named. Worded in the request's language, else the person's (Reader::person:
// the supervisor's verification, which the person may read) or the cohort's (the coordinator's record).
GatheredPractice gather_practice(store::Database& db, const PracticeRequest& request, Reader reader);

// A supervisor's verification in words: their credentials, their entries for the person (counted or not, and why),
// their running total beside the module's rules, and lines for their signature and the date. Refused when the
// supervisor is not on record or has no entry for the person in the cohort.
pdf::RecordText word_supervisor_verification(const GatheredPractice& practice, const std::string& supervisor_ref,
                                             const io::Catalog& words);

// The auditor's record in words.
pdf::RecordText word_practice_record(const GatheredPractice& practice, const io::Catalog& words);

struct PracticeOutcome {
    std::filesystem::path file;
    GatheredPractice practice;
};

// Gathers, words, renders and writes to `file` (0600, via a temporary name): nothing is written when refused.
PracticeOutcome write_supervisor_verification(store::Database& db, pdf::FontStack& fonts,
                                              const PracticeRequest& request, const std::string& supervisor_ref,
                                              const std::filesystem::path& file);
PracticeOutcome write_practice_record(store::Database& db, pdf::FontStack& fonts, const PracticeRequest& request,
                                      const std::filesystem::path& file);

}  // namespace mitra::workflow
