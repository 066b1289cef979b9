// A person's progress letter, the one workflow mitra-cli and the desktop program both run: the store judges their
// completion in their own view, core gathers the letter, io's catalog words it in their language, pdf lays it
// out, and io writes it owner-only under a temporary name first.
//
//   workflow::LetterRequest request{"P-0001", "", "", today};
//   const auto letter = workflow::gather_progress_letter(db, request);   // the content (the pathway shows it)
//   workflow::write_progress_letter(db, fonts, request, "letter.pdf");
#pragma once
#include <filesystem>
#include <map>
#include <string>

#include "core/progress_letter.hpp"
#include "io/catalog.hpp"
#include "pdf/font_stack.hpp"
#include "pdf/progress_letter.hpp"
#include "store/database.hpp"

namespace mitra::workflow {

struct LetterRequest {
    std::string ref;
    std::string cohort_code;  // empty: the person's only cohort
    std::string language;     // a catalog or locale name; empty: the person's language, else the cohort's
    Date today;
};

// The cohort a request names, else the person's only one, from their completion by cohort code. Refused
// (InputError) for a cohort the database does not have or the person is not enrolled in, and for a person in no
// cohort or in several without one named.
std::string enrolled_cohort(store::Database& db, const std::map<std::string, ParticipantCompletion>& by_cohort,
                            const std::string& ref, const std::string& requested);

// The catalog the letter is worded in: the request's, else the person's language, else the cohort's, when Mitra has
// a catalog for it; "" for English.
std::string letter_language(const LetterRequest& request, const std::string& person_language,
                            const std::string& cohort_language);

struct GatheredLetter {
    ProgressLetter letter;  // module titles and criteria in the catalog's content language (address.language)
    std::string catalog;    // the catalog to word it in ("" for English)
};

// The letter's content, judged in the person's view (a result held back is a result to come). Refused
// (InputError) for a ref or cohort the database does not have, a person not enrolled in the cohort, or a person in
// several cohorts without one named.
GatheredLetter gather_progress_letter(store::Database& db, const LetterRequest& request);

// The letter in words, in `words`' language: one line for each thing that remains; "asked to repeat", never "failed".
pdf::LetterText word_progress_letter(const ProgressLetter& letter, const io::Catalog& words);

struct LetterOutcome {
    std::filesystem::path file;
    ProgressLetter letter;
    std::string language;  // the catalog's ("" for English)
};

// Gathers, words, renders and writes the letter to `file` (0600, via a temporary name): nothing is written when
// it is refused or cannot be rendered.
LetterOutcome write_progress_letter(store::Database& db, pdf::FontStack& fonts, const LetterRequest& request,
                                    const std::filesystem::path& file);

}  // namespace mitra::workflow
