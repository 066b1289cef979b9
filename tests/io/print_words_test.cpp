// Issue 20's last English: why someone is given no certificate or one cannot be printed, a backup that cannot be
// restored, a name's characters and a cohort's other fields, an input file that cannot be read. Each is a code
// worded once in io, in English as core and the store said it before, and in every catalog's language.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>
#include <vector>

#include "catalog_languages.hpp"
#include "core/eligibility.hpp"
#include "core/validation.hpp"
#include "io/catalog.hpp"
#include "io/files.hpp"
#include "io/reason_words.hpp"

using namespace mitra;
using namespace mitra::io;
using mitra::io_test::kLanguages;
namespace fs = std::filesystem;

namespace {

Problem with(ProblemCode code, std::vector<std::string> values) {
    Problem p;
    p.code = code;
    p.values = std::move(values);
    return p;
}

// The words in every language: not the English, every value kept, no slot left.
void worded_everywhere(const Problem& p) {
    const std::string english = problem_phrase(p, catalog(""));
    for (const auto& language : kLanguages) {
        INFO(language << ": " << english);
        const std::string shown = problem_phrase(p, catalog(language));
        CHECK(shown != english);
        CHECK(shown.find('%') == std::string::npos);
        for (const auto& value : p.values) CHECK(shown.find(value) != std::string::npos);
    }
}

}  // namespace

TEST_CASE("a name's characters and a cohort's fields each have a kind, worded as core says it and in every language",
          "[catalog][field][language][names]") {
    const std::vector<std::pair<std::string, FieldError::Kind>> names{
        {"A\xC2\x85"
         "B",
         FieldError::Kind::name_control_character},  // U+0085
        {"A\xE2\x80\xA8"
         "B",
         FieldError::Kind::name_line_break},  // U+2028
        {"Ann\xE2\x80\x8D"
         "a",
         FieldError::Kind::name_joiner},  // ZWJ between Latin letters
        {"Ann\xE2\x80\xAE"
         "a",
         FieldError::Kind::name_direction_control},  // U+202E RIGHT-TO-LEFT OVERRIDE
        {"Ann\xEE\x80\x80"
         "a",
         FieldError::Kind::name_private_use},  // U+E000
        {"Ann\xEF\xB7\x90"
         "a",
         FieldError::Kind::name_noncharacter},  // U+FDD0
        {"Ann\xCD\xB8"
         "a",
         FieldError::Kind::name_unassigned},  // U+0378
        {"Ann\xE2\x80\x8B"
         "a",
         FieldError::Kind::name_invisible},                     // U+200B ZERO WIDTH SPACE
        {"Ann\xF0\x9F\x98\x80", FieldError::Kind::name_emoji},  // U+1F600
        {"\xCC\x81"
         "Ann",
         FieldError::Kind::name_starts_with_mark},  // U+0301 first
        {"Ann \xCC\x81"
         "Bo",
         FieldError::Kind::name_mark_after_space},  // U+0301 after a space
        {"12 34", FieldError::Kind::name_no_letter}};
    for (const auto& [name, kind] : names) {
        Participant p;
        p.ref = "P-1";
        p.full_name = name;
        p.country = "JP";
        p.language = "ja";
        const auto errors = validate(p);
        INFO(name);
        REQUIRE(errors.size() == 1);
        CHECK(errors[0].kind == kind);
        const Problem problem = to_problem(errors[0]);
        CHECK(problem.code != ProblemCode::none);
        CHECK(field_error_phrase(errors[0], catalog("")) == errors[0].message);  // the English as it always was
        if (kind != FieldError::Kind::name_no_letter) CHECK(errors[0].value.rfind("U+", 0) == 0);
        worded_everywhere(problem);
    }

    Cohort c;
    c.code = "JP-1";
    c.curriculum_code = "PSF";
    c.site = "Tokyo";
    c.country = "JP";
    c.language = "ja";
    c.time_zone = "Asia/Tokio";
    c.start_date = Date{2026, 5, 1};
    c.end_date = Date{2026, 4, 1};
    c.capacity = -1;
    const auto errors = validate(c);
    REQUIRE(errors.size() == 3);
    CHECK(errors[0].kind == FieldError::Kind::unknown_time_zone);
    CHECK(errors[0].also == "Asia/Tokyo");  // the nearest known zone
    CHECK(errors[1].kind == FieldError::Kind::end_before_start);
    CHECK(errors[2].kind == FieldError::Kind::negative);
    c.time_zone = "Tokyo time";
    const auto zone = validate(c);
    REQUIRE(!zone.empty());
    CHECK(zone[0].kind == FieldError::Kind::not_a_time_zone);
    auto all = errors;
    all.push_back(zone[0]);
    for (const auto& e : all) {
        INFO(e.message);
        CHECK(field_error_phrase(e, catalog("")) == e.message);
        worded_everywhere(to_problem(e));
    }
    FieldError unknown_anywhere{"time_zone", "'Mars/Base' is not in the time zone database",
                                FieldError::Kind::unknown_time_zone, "Mars/Base"};
    CHECK(field_error_phrase(unknown_anywhere, catalog("")) == unknown_anywhere.message);
    worded_everywhere(to_problem(unknown_anywhere));
}

TEST_CASE("why someone is given no certificate is phrased from what they lack, in every language",
          "[catalog][certificate][language]") {
    ParticipantCompletion person;
    person.ref = "P-2";
    Shortfall ethics;
    ethics.kind = Shortfall::Kind::ethics_not_acknowledged;
    ethics.version = "2026.1";
    person.missing = {ethics};
    ModuleCompletion m03;
    m03.code = "M03";
    m03.title = "Ethics";
    Shortfall attendance;
    attendance.kind = Shortfall::Kind::attendance;
    attendance.done = 60;
    attendance.scheduled = 180;
    attendance.needed = 144;
    m03.missing = {attendance};
    person.modules = {m03};
    person.reason = completion_words(person);

    const auto programme = certificate_eligibility(person, "completion", "", false);
    CHECK_FALSE(programme.eligible);
    CHECK(programme.why == ProblemCode::not_yet_complete);
    const auto module = certificate_eligibility(person, "module", "M03", false);
    CHECK(module.why == ProblemCode::module_not_yet_complete);
    CHECK(module.values == std::vector<std::string>{"M03"});
    CHECK(certificate_eligibility(person, "module", "M99", false).why == ProblemCode::module_not_in_curriculum);
    person.complete = true;
    person.missing.clear();
    CHECK(certificate_eligibility(person, "completion", "", true).why == ProblemCode::personal_data_erased);
    person.complete = false;
    person.missing = {ethics};

    const auto why = [](const CertificateEligibility& e) { return with(e.why, e.values); };
    CHECK(left_out_phrase(why(programme), person, catalog("")) == "code of ethics 2026.1 not yet acknowledged");
    CHECK(left_out_phrase(why(module), person, catalog("")) == "attended 60 of 180 minutes, needs 144");
    for (const auto& language : kLanguages) {
        INFO(language);
        const std::string lacking = left_out_phrase(why(programme), person, catalog(language));
        CHECK(lacking.find("2026.1") != std::string::npos);
        CHECK(lacking.find("acknowledged") == std::string::npos);
        const std::string module_lacking = left_out_phrase(why(module), person, catalog(language));
        CHECK(module_lacking.find("144") != std::string::npos);
        CHECK(module_lacking.find("minutes") == std::string::npos);
    }
    for (const auto& p : {with(ProblemCode::not_yet_complete, {}), with(ProblemCode::module_not_yet_complete, {"M03"}),
                          with(ProblemCode::module_not_in_curriculum, {"M99"}),
                          with(ProblemCode::personal_data_erased, {}), with(ProblemCode::name_unprintable, {"U+11F12"}),
                          with(ProblemCode::reprint_unprintable, {"PSF-NP-2026-00001", "U+11F12"}),
                          with(ProblemCode::renewal_unprintable, {"P-1", "U+11F12"})})
        worded_everywhere(p);
    // The English is what the workflow said before.
    CHECK(problem_phrase(with(ProblemCode::name_unprintable, {"U+11F12"}), catalog("")) ==
          "their name has a character (U+11F12) that no font Mitra ships can print; correct the name, then issue "
          "again");
    CHECK(problem_phrase(with(ProblemCode::module_not_in_curriculum, {"M99"}), catalog("")) ==
          "the module M99 is not part of their curriculum");
}

TEST_CASE("a backup that cannot be restored is worded in every language", "[catalog][backup][language]") {
    for (const auto& p :
         {with(ProblemCode::backup_not_a_file, {"b.db"}), with(ProblemCode::backup_damaged, {"b.db"}),
          with(ProblemCode::backup_not_mitra, {"b.db"}), with(ProblemCode::backup_from_newer_mitra, {"b.db", "99"}),
          with(ProblemCode::backup_not_sqlite, {"b.db"})})
        worded_everywhere(p);
    CHECK(problem_phrase(with(ProblemCode::backup_not_mitra, {"b.db"}), catalog("")) == "b.db is not a Mitra database");
    CHECK(problem_phrase(with(ProblemCode::backup_from_newer_mitra, {"b.db", "99"}), catalog("")) ==
          "b.db was made by a newer Mitra (schema version 99)");
}

TEST_CASE("an input file that cannot be read is a coded problem at the file, worded in every language",
          "[catalog][files][language]") {
    const fs::path dir = fs::temp_directory_path() / ("mitra-print-words-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const fs::path big = dir / "big.csv";
    { std::ofstream(big) << std::string(2'000'100, 'x'); }
    const auto too_big = read_input_file(big, 2'000'000);
    REQUIRE(too_big.problems.size() == 1);
    CHECK(too_big.problems[0].file == big.string());
    CHECK(too_big.problems[0].code == ProblemCode::file_too_large);
    CHECK(too_big.problems[0].message == "the file is larger than 2 MB; is it the right file?");
    const auto missing = read_input_file(dir / "nothing.csv", 1000);
    REQUIRE(missing.problems.size() == 1);
    CHECK(missing.problems[0].code == ProblemCode::input_missing);
    CHECK(missing.problems[0].file == (dir / "nothing.csv").string());
    const auto folder = read_input_file(dir, 1000);
    REQUIRE(folder.problems.size() == 1);
    CHECK(folder.problems[0].code == ProblemCode::input_is_folder);
    for (const auto* read : {&too_big, &missing, &folder}) {
        const Problem& p = read->problems[0];
        CHECK(problem_line(p, catalog("")).rfind(p.file + ": ", 0) == 0);
        worded_everywhere(p);
    }
    for (const auto& p : {with(ProblemCode::input_read_denied, {}), with(ProblemCode::input_unreadable, {"EIO"})})
        worded_everywhere(p);
    fs::remove_all(dir);
}
