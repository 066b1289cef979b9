// Every refusal code the store gives is worded once (io::problem_phrase), for the desktop program and mitra-cli: in
// every catalog's language, without English left over and without a command name.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "catalog_languages.hpp"
#include "io/catalog.hpp"
#include "core/certificate_code.hpp"
#include "io/reason_words.hpp"

using namespace mitra;
using namespace mitra::io;
using mitra::io_test::kLanguages;

namespace {

std::vector<Problem> every_code() {
    std::vector<Problem> all;
    for (int c = 1; c <= static_cast<int>(ProblemCode::last); ++c) {
        Problem p{"", 0, 0, "ref", "UNWORDED"};
        p.code = static_cast<ProblemCode>(c);
        p.values = {"V-1", "V-2", "V-3", "V-4", "V-5"};
        all.push_back(p);
    }
    return all;
}

}  // namespace

TEST_CASE("every refusal code has its English words, which are the store's message", "[catalog][refusal]") {
    for (const auto& p : every_code()) {
        INFO("code " << static_cast<int>(p.code));
        const std::string english = problem_phrase(p, catalog(""));
        CHECK(!english.empty());
        CHECK(english != "UNWORDED");  // not left to the message: the switch words it
        CHECK(english.find("mitra-cli") == std::string::npos);
        CHECK(english.find('%') == std::string::npos);  // every slot filled
    }
    Problem plain{"", 0, 0, "", "said only in its message"};
    CHECK(problem_phrase(plain, catalog("ja")) == "said only in its message");
    Problem cohort{"", 0, 0, "cohort", ""};
    cohort.code = ProblemCode::no_cohort;
    cohort.values = {"JP-2026-01"};
    CHECK(problem_phrase(cohort, catalog("")) == "no cohort has code JP-2026-01");
}

TEST_CASE("every refusal code is worded in every catalog's language, with no English msgid left and no command",
          "[catalog][refusal][language]") {
    for (const auto& language : kLanguages) {
        const Catalog& words = catalog(language);
        REQUIRE(words.translated());
        for (const auto& p : every_code()) {
            const std::string english = problem_phrase(p, catalog(""));
            const std::string shown = problem_phrase(p, words);
            INFO(language << ": " << english);
            CHECK(shown != english);
            CHECK(shown.find("mitra-cli") == std::string::npos);
            // Every value said, but toml++'s English description, which another language leaves out.
            CHECK((shown.find("V-1") != std::string::npos || english.find("V-1") == std::string::npos ||
                   p.code == ProblemCode::toml_not_valid));
        }
    }
}

TEST_CASE("the store's and the workflows' later codes say in English what their messages said before",
          "[catalog][refusal]") {
    struct Case {
        ProblemCode code;
        std::vector<std::string> values;
        std::string before;  // the message the store or workflow gave as a plain string
    };
    using C = ProblemCode;
    const std::vector<Case> cases{
        {C::no_file, {"f.db"}, "there is no file f.db"},
        {C::pack_into_itself, {}, "a pack cannot be merged into itself"},
        {C::not_a_mitra_database, {"f.db"}, "f.db is not a Mitra database, so not a field pack"},
        {C::not_a_readable_pack, {"f.db"}, "f.db is not a field pack (not an SQLite database Mitra can read)"},
        {C::pack_from_newer_mitra,
         {"f.db", "40", "31"},
         "f.db was made by a newer Mitra (schema version 40, this program knows up to 31); merge it with the newer "
         "program. Nothing was merged"},
        {C::pack_from_before_packs,
         {"f.db", "2"},
         "f.db is a Mitra database from before field packs (schema version 2), not a field pack"},
        {C::pack_needs_out, {}, "name the pack file to write"},
        {C::pack_exists, {"p.db"}, "p.db exists already; choose another name (a pack is never written over)"},
        {C::no_folder, {"/no/such"}, "the folder /no/such does not exist"},
        {C::no_setting,
         {"colour", "verify_url, verifier_site"},
         "there is no setting 'colour' (there is: verify_url, verifier_site)"},
        {C::site_folder_empty, {}, "the verification site's folder is empty"},
        {C::site_folder_control_character, {}, "the verification site's folder holds a control character"},
        {C::site_folder_not_absolute, {"site"}, "'site' is not an absolute folder path (such as /srv/verify)"},
        {C::text_needed, {}, "is needed"},
        {C::text_too_long, {"2000"}, "is not text of at most 2000 characters"},
        {C::credential_expires_first, {}, "the credential expires before it is valid"},
        {C::not_a_ref, {"a b"}, "'a b' is not a ref (letters, digits, '-', '_', '.')"},
        {C::supervisor_exists, {"S-1"}, "a supervisor already has ref S-1"},
        {C::supervisor_needs_trainer, {}, "a trainer who supervises is named by their trainer ref"},
        {C::supervisor_not_a_trainer, {}, "only a supervisor of kind trainer names a trainer"},
        {C::practice_minutes_out_of_range, {}, "supervised practice is from 1 to 1440 minutes a day"},
        {C::no_rubric, {"M03"}, "module M03 has no observed-practice rubric"},
        {C::no_completion_window, {"PSF"}, "curriculum PSF has no completion window to extend"},
        {C::deadline_not_later, {"2027-01-31"}, "the new deadline must come after the current one, 2027-01-31"},
        {C::not_a_certificate_kind, {"x"}, "is 'completion' or 'module', not 'x'"},
        {C::seed_needs_empty_database, {}, "the benchmark seed needs a database without people"},
        {C::learning_needs_title, {}, "a learning entry needs a title"},
        {C::learning_needs_provider, {}, "a learning entry needs a provider (who ran it)"},
        {C::hours_not_positive, {}, "should be more than 0"},
        {C::hours_too_many, {}, "should be at most 1000 hours for one entry"},
        {C::learning_needs_category, {}, "a learning entry needs a category, such as ethics or elective"},
        {C::not_a_category, {"Ethics"}, "'Ethics' is not a category name (lower case letters, digits and _)"},
        {C::not_a_learning_source, {"x"}, "is external, cohort or teaching, not 'x'"},
        {C::session_not_in_cohort, {"7", "KTM-1"}, "session 7 is not a session of cohort KTM-1"},
        {C::marked_twice_in_batch, {"P-1", "7"}, "P-1 is marked twice for session 7"},
        {C::attended_minutes_needed, {"late"}, "late needs the minutes actually attended"},
        {C::minutes_over_session, {"200", "180"}, "200 minutes is more than the session's 180"},
        {C::minutes_only_when_partial, {}, "minutes only go with late or left_early"},
        {C::enrolled_nowhere, {"P-1"}, "P-1 is not enrolled in any cohort"},
        {C::enrolled_in_several, {"P-1", "A, B"}, "P-1 is enrolled in several cohorts (A, B): name one"},
        {C::no_supervision_entry,
         {"S-1", "P-1", "KTM-1"},
         "supervisor S-1 has no supervision entry for P-1 in cohort KTM-1"},
        {C::unprintable_character,
         {"U+1200", "Ethiopic"},
         "contains U+1200 (Ethiopic), which no font Mitra ships can print on a certificate"},
    };
    for (const auto& c : cases) {
        Problem p{"", 0, 0, "field", ""};
        p.code = c.code;
        p.values = c.values;
        CHECK(problem_phrase(p, catalog("")) == c.before);
    }
    // The verification address's faults are core's (verify_url_fault), in the words mitra-cli gave --verify-url.
    const std::vector<std::pair<std::string, std::string>> addresses{
        {"", "the verification address is empty"},
        {"verify.example.org", "the verification address must start with https:// (or http://)"},
        {"https://", "the verification address has no host"},
        {"https://example.org/#x", "the verification address must not hold '#': the certificate's code goes there"},
        {"https://exämple.org/",
         "the verification address must be plain ASCII without spaces (write a non-ASCII "
         "host in its xn-- form)"},
        {"https://example.org/a b",
         "the verification address must be plain ASCII without spaces (write a "
         "non-ASCII host in its xn-- form)"}};
    for (const auto& [url, before] : addresses) {
        INFO(url);
        Problem p{"", 0, 0, "verify_url", ""};
        p.code = verify_url_fault(url);
        CHECK(problem_phrase(p, catalog("")) == before);
    }
    Problem long_url{"", 0, 0, "verify_url", ""};
    long_url.code = verify_url_fault("https://example.org/" + std::string(200, 'a'));
    CHECK(problem_phrase(long_url, catalog("")) == "the verification address is longer than 200 characters");
    CHECK(verify_url_fault("https://verify.example.org/psf/") == ProblemCode::none);
}
