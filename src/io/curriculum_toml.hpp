// Reading a curriculum from its TOML file, all or nothing.
#pragma once
#include <filesystem>
#include <vector>
#include <string>
#include <string_view>

#include "core/model.hpp"
#include "io/result.hpp"

namespace mitra::io {

constexpr std::size_t kMaxCurriculumBytes = 5'000'000;

// The longest texts a curriculum may hold, in characters (code points), in every language. A title
// is printed on certificates (the shipped curriculum's longest is 88); summaries (longest 420) and
// outcomes (197) are shown on screen and in reports. Labels: ethics_code and certification.level.
constexpr std::size_t kMaxTitleChars = 200;
constexpr std::size_t kMaxSummaryChars = 2000;
constexpr std::size_t kMaxOutcomeChars = 500;
constexpr std::size_t kMaxLabelChars = 64;

// The schema, every key checked (an unknown key is refused where it is, so typos show):
//   [curriculum]  code, version (required codes); electives_required (>= 0, at most the number of
//                 electives; default 0); ethics_code (optional text); completion_months (1-240, from
//                 enrolment; default none); referees_required (0-20); supervision_agreement and
//                 lived_experience_attestation (true/false, default false)
//   [curriculum.title]  BCP 47 tag = text; "en" required
//   [[module]]    at least one; code (required, unique), kind (theory | practice | art_community |
//                 practicum), minutes (1-100000), required (default true), sessions (>= 1, default 1),
//                 attendance_share (0 < share <= 1, default 0.8), assessment ("pass_fail"),
//                 supervised_minutes (>= 0, the total); supervised_one_to_one_minutes and
//                 supervised_group_minutes (minimums, together at most the total, which must be given);
//                 supervised_group_max_minutes (at least the group minimum; group minutes past it do not count);
//                 mandatory_sessions (a list of session numbers 1..sessions, each once); max_missed (0..sessions)
//   [module.rubric]  pass_level (0-4, required), max_not_observed (0..criteria, default 0)
//   [[module.rubric.criterion]]  at least one; key (a code, unique in the module), title and level_0 ..
//                 level_4 (language-keyed texts, "en" required)
//   [module.title] ("en" required), [module.summary], [[module.outcome]]: language-keyed texts
//   Each text has a length limit (above); a longer one is refused where it is.
// Problems carry the line and column of the key or value and its path as the field, such as
// "module[3].minutes" (modules counted from 1). Every problem is reported, except that a TOML
// syntax error is reported alone. When there is any problem, `value` is empty.
Result<Curriculum> read_curriculum(std::string_view content, const std::string& file_name);
Result<Curriculum> read_curriculum_file(const std::filesystem::path& path);

// Every curriculum shipped in curricula/*.toml (see shipped_dir), in file-name order; a broken one
// makes the whole result refused, with its problems.
Result<std::vector<Curriculum>> read_shipped_curricula();

}  // namespace mitra::io
