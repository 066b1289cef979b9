// The curriculum file: TOML parsed by toml++ (included by this file alone), then checked key by key.
#include "io/curriculum_toml.hpp"

#include <algorithm>
#include <map>
#include <optional>

#include "core/identity.hpp"
#include "core/text.hpp"
#include "core/translation_drift.hpp"
#include "io/files.hpp"
#include "io/reason_words.hpp"
#include "io/toml_checker.hpp"

namespace mitra::io {
namespace {

constexpr long long kMaxMinutes = 100'000;

// Checks the curriculum key by key, collecting every problem with its place in the file.
class CurriculumReader : public TomlChecker {
public:
    explicit CurriculumReader(const std::string& file_name) : TomlChecker(file_name) {}

    Curriculum read(const toml::table& root) {
        Curriculum curriculum;
        only_keys(root, "", {"curriculum", "module", "certification"});
        if (const auto* head = table_at(root, "curriculum", "")) read_head(*head, curriculum);
        read_modules(root, curriculum);
        if (root.contains("certification"))
            if (const auto* table = table_at(root, "certification", "")) read_certification(*table, curriculum);
        check_electives(root, curriculum);
        return curriculum;
    }

private:
    std::optional<std::string> code(const toml::table& table, std::string_view key, const std::string& path,
                                    bool required) {
        auto value = text(table, key, path, required);
        if (value && value->empty()) {
            problem(table.get(key)->source(), child_field(path, key), ProblemCode::toml_empty);
            return std::nullopt;
        }
        if (value && !is_code(*value)) {
            problem(table.get(key)->source(), child_field(path, key), ProblemCode::field_not_a_code, {*value});
            return std::nullopt;
        }
        return value;
    }

    std::optional<int> whole_number(const toml::table& table, std::string_view key, const std::string& path,
                                    bool required, long long min, long long max) {
        const toml::node* node = find(table, key, path, required);
        if (!node) return std::nullopt;
        if (!node->is_integer()) {
            wrong_type(*node, child_field(path, key), "integer");
            return std::nullopt;
        }
        const long long value = node->as_integer()->get();
        if (value < min || value > max) {
            problem(node->source(), child_field(path, key), ProblemCode::toml_out_of_range,
                    {std::to_string(value), std::to_string(min), std::to_string(max)});
            return std::nullopt;
        }
        return static_cast<int>(value);
    }

    std::optional<double> share(const toml::table& table, std::string_view key, const std::string& path) {
        const toml::node* node = find(table, key, path, false);
        if (!node) return std::nullopt;
        const auto value = node->value<double>();  // an integer (1) converts too
        if (!value || !(node->is_floating_point() || node->is_integer())) {
            wrong_type(*node, child_field(path, key), "share");
            return std::nullopt;
        }
        if (!(*value > 0.0 && *value <= 1.0)) {
            problem(node->source(), child_field(path, key), ProblemCode::toml_not_a_share);
            return std::nullopt;
        }
        return *value;
    }

    LocalizedText localized_at(const toml::table& table, std::string_view key, const std::string& path, bool required,
                               std::size_t max_chars) {
        const toml::node* node = find(table, key, path, required);
        return node ? localized(*node, child_field(path, key), required, max_chars) : LocalizedText{};
    }

    // translated_from = { ja = "…" }: per language, the fingerprint of the English texts it was translated from.
    LocalizedText fingerprints_at(const toml::table& table, const std::string& path) {
        const toml::node* node = table.get("translated_from");
        if (!node) return {};
        const std::string field = child_field(path, "translated_from");
        LocalizedText stamps = localized(*node, field, false, 64);
        for (auto it = stamps.by_language.begin(); it != stamps.by_language.end();) {
            if (is_fingerprint(it->second)) {
                ++it;
                continue;
            }
            problem(node->as_table()->get(it->first)->source(), child_field(field, it->first),
                    ProblemCode::toml_not_a_fingerprint);
            it = stamps.by_language.erase(it);
        }
        return stamps;
    }

    void read_head(const toml::table& head, Curriculum& curriculum) {
        const std::string path = "curriculum";
        only_keys(head, path,
                  {"code", "version", "electives_required", "ethics_code", "title", "translated_from",
                   "completion_months", "referees_required", "supervision_agreement", "lived_experience_attestation"});
        curriculum.code = code(head, "code", path, true).value_or("");
        curriculum.version = code(head, "version", path, true).value_or("");
        curriculum.electives_required = whole_number(head, "electives_required", path, false, 0, 1000).value_or(0);
        if (auto ethics = text(head, "ethics_code", path, false, kMaxLabelChars)) {
            if (trim(*ethics).empty())
                problem(head.get("ethics_code")->source(), child_field(path, "ethics_code"),
                        ProblemCode::ethics_code_empty);
            curriculum.ethics_code = *ethics;
        }
        curriculum.title = localized_at(head, "title", path, true, kMaxTitleChars);
        curriculum.translated_from = fingerprints_at(head, path);
        ProgrammeRule& rule = curriculum.programme;
        rule.completion_months = whole_number(head, "completion_months", path, false, 1, 240).value_or(0);
        rule.referees_required = whole_number(head, "referees_required", path, false, 0, 20).value_or(0);
        rule.supervision_agreement = yes_no(head, "supervision_agreement", path).value_or(false);
        rule.lived_experience_attestation = yes_no(head, "lived_experience_attestation", path).value_or(false);
    }

    void read_modules(const toml::table& root, Curriculum& curriculum) {
        const toml::node* node = root.get("module");
        const toml::array* list = node ? node->as_array() : nullptr;
        if (!node || (list && list->empty())) {
            problem(node ? node->source() : root.source(), "module", ProblemCode::curriculum_no_modules);
            return;
        }
        if (!list || !list->is_array_of_tables()) {
            wrong_type(*node, "module", "[[module]]");
            return;
        }
        std::map<std::string, int> first_line_of_code;
        for (std::size_t i = 0; i < list->size(); ++i) {
            const auto& table = *list->get(i)->as_table();
            Module module = read_module(table, indexed_field("module", i));
            if (!module.code.empty()) {
                const toml::node* code_node = table.get("code");
                const int line = static_cast<int>(code_node->source().begin.line);
                if (auto [it, fresh] = first_line_of_code.emplace(module.code, line); !fresh)
                    problem(code_node->source(), indexed_field("module", i) + ".code", ProblemCode::module_code_twice,
                            {module.code, std::to_string(it->second)});
            }
            curriculum.modules.push_back(std::move(module));
        }
    }

    Module read_module(const toml::table& table, const std::string& path) {
        only_keys(
            table, path,
            {"code", "kind", "required", "minutes", "sessions", "attendance_share", "assessment", "supervised_minutes",
             "title", "summary", "outcome", "translated_from", "mandatory_sessions", "max_missed",
             "supervised_one_to_one_minutes", "supervised_group_minutes", "supervised_group_max_minutes", "rubric"});
        Module module;
        module.code = code(table, "code", path, true).value_or("");
        read_kind(table, path, module);
        module.required = yes_no(table, "required", path).value_or(true);
        module.minutes = whole_number(table, "minutes", path, true, 1, kMaxMinutes).value_or(0);
        module.sessions = whole_number(table, "sessions", path, false, 1, 1000).value_or(1);
        module.attendance_share = share(table, "attendance_share", path).value_or(0.8);
        read_assessment(table, path, module);
        module.supervised_minutes = whole_number(table, "supervised_minutes", path, false, 0, kMaxMinutes).value_or(0);
        read_session_rule(table, path, module);
        read_supervision_split(table, path, module);
        if (table.contains("rubric"))
            if (const auto* rubric = table_at(table, "rubric", path))
                read_rubric(*rubric, child_field(path, "rubric"), module);
        module.title = localized_at(table, "title", path, true, kMaxTitleChars);
        module.summary = localized_at(table, "summary", path, false, kMaxSummaryChars);
        read_outcomes(table, path, module);
        module.translated_from = fingerprints_at(table, path);
        return module;
    }

    // mandatory_sessions = [1, 4] (session numbers, 1 to `sessions`), max_missed = 2 (0 to `sessions`).
    void read_session_rule(const toml::table& table, const std::string& path, Module& module) {
        SessionRule& rule = module.session_rule;
        if (const toml::node* node = table.get("mandatory_sessions")) {
            const std::string field = child_field(path, "mandatory_sessions");
            const auto* list = node->as_array();
            if (!list) wrong_type(*node, field, "session_numbers");
            for (std::size_t i = 0; list && i < list->size(); ++i) {
                const toml::node& item = *list->get(i);
                const std::string item_field = indexed_field(field, i);
                const auto number = item.value<long long>();
                if (!item.is_integer() || !number) wrong_type(item, item_field, "session_number");
                else if (*number < 1 || *number > module.sessions)
                    problem(item.source(), item_field, ProblemCode::session_not_in_module,
                            {std::to_string(*number), std::to_string(module.sessions)});
                else if (std::find(rule.mandatory_sessions.begin(), rule.mandatory_sessions.end(), *number) !=
                         rule.mandatory_sessions.end())
                    problem(item.source(), item_field, ProblemCode::session_listed_twice, {std::to_string(*number)});
                else rule.mandatory_sessions.push_back(static_cast<int>(*number));
            }
        }
        rule.max_missed = whole_number(table, "max_missed", path, false, 0, module.sessions);
    }

    // supervised_one_to_one_minutes and supervised_group_minutes (minimums, within supervised_minutes) and
    // supervised_group_max_minutes (at most this much in groups counts toward supervised_minutes).
    void read_supervision_split(const toml::table& table, const std::string& path, Module& module) {
        SupervisionRule& rule = module.supervision;
        const char* keys[] = {"supervised_one_to_one_minutes", "supervised_group_minutes",
                              "supervised_group_max_minutes"};
        int* values[] = {&rule.one_to_one_minutes, &rule.group_minutes, &rule.group_max_minutes};
        for (int i = 0; i < 3; ++i) *values[i] = whole_number(table, keys[i], path, false, 0, kMaxMinutes).value_or(0);
        if (!rule.any()) return;
        auto where = [&](const char* key) {
            const toml::node* node = table.get(key);
            return node ? node->source() : table.source();
        };
        const char* first = table.contains(keys[0]) ? keys[0] : table.contains(keys[1]) ? keys[1] : keys[2];
        if (module.supervised_minutes <= 0)
            problem(where(first), child_field(path, first), ProblemCode::split_without_supervision);
        else if (rule.one_to_one_minutes + rule.group_minutes > module.supervised_minutes)
            problem(where(first), child_field(path, first), ProblemCode::split_over_supervision,
                    {std::to_string(rule.one_to_one_minutes + rule.group_minutes),
                     std::to_string(module.supervised_minutes)});
        if (rule.group_max_minutes > 0 && rule.group_max_minutes < rule.group_minutes)
            problem(where(keys[2]), child_field(path, keys[2]), ProblemCode::group_max_below_minimum,
                    {std::to_string(rule.group_max_minutes), std::to_string(rule.group_minutes)});
    }

    // [module.rubric] pass_level, max_not_observed; [[module.rubric.criterion]] key, title, level_0 .. level_4.
    void read_rubric(const toml::table& table, const std::string& path, Module& module) {
        only_keys(table, path, {"pass_level", "max_not_observed", "criterion"});
        Rubric rubric;
        rubric.pass_level = whole_number(table, "pass_level", path, true, 0, kRubricTopLevel).value_or(2);
        const toml::node* node = find(table, "criterion", path, true);
        const auto* list = node ? node->as_array() : nullptr;
        if (node && (!list || !list->is_array_of_tables() || list->empty())) {
            wrong_type(*node, child_field(path, "criterion"), "criteria");
            list = nullptr;
        }
        std::map<std::string, int> first_line_of_key;
        for (std::size_t i = 0; list && i < list->size(); ++i) {
            const auto& c = *list->get(i)->as_table();
            const std::string field = indexed_field(child_field(path, "criterion"), i);
            only_keys(c, field, {"key", "title", "level_0", "level_1", "level_2", "level_3", "level_4"});
            RubricCriterion criterion;
            criterion.key = code(c, "key", field, true).value_or("");
            if (!criterion.key.empty()) {
                const toml::node* key_node = c.get("key");
                const int line = static_cast<int>(key_node->source().begin.line);
                if (auto [it, fresh] = first_line_of_key.emplace(criterion.key, line); !fresh)
                    problem(key_node->source(), field + ".key", ProblemCode::criterion_twice,
                            {criterion.key, std::to_string(it->second)});
            }
            criterion.title = localized_at(c, "title", field, true, kMaxTitleChars);
            for (int level = 0; level <= kRubricTopLevel; ++level)
                criterion.levels[level] =
                    localized_at(c, "level_" + std::to_string(level), field, true, kMaxOutcomeChars);
            rubric.criteria.push_back(std::move(criterion));
        }
        const int count = static_cast<int>(rubric.criteria.size());
        rubric.max_not_observed = whole_number(table, "max_not_observed", path, false, 0, count).value_or(0);
        module.rubric = std::move(rubric);
    }

    void read_kind(const toml::table& table, const std::string& path, Module& module) {
        const auto kind = text(table, "kind", path, true);
        if (!kind) return;
        if (auto parsed = parse_module_kind(*kind)) module.kind = *parsed;
        else problem(table.get("kind")->source(), child_field(path, "kind"), ProblemCode::not_a_module_kind, {*kind});
    }

    void read_assessment(const toml::table& table, const std::string& path, Module& module) {
        const auto assessment = text(table, "assessment", path, false);
        if (!assessment) return;
        if (*assessment == "pass_fail") module.has_assessment = true;
        else
            problem(table.get("assessment")->source(), child_field(path, "assessment"),
                    ProblemCode::not_an_assessment_kind, {*assessment});
    }

    void read_outcomes(const toml::table& table, const std::string& path, Module& module) {
        const toml::node* node = table.get("outcome");
        if (!node) return;
        const auto* list = node->as_array();
        if (!list || !list->is_array_of_tables()) {
            wrong_type(*node, child_field(path, "outcome"), "[[module.outcome]]");
            return;
        }
        for (std::size_t i = 0; i < list->size(); ++i)
            module.outcomes.push_back(
                localized(*list->get(i), indexed_field(child_field(path, "outcome"), i), false, kMaxOutcomeChars));
    }

    // Hours as a whole or decimal number (36, 1.5), in minutes.
    std::optional<int> hours(const toml::node& node, const std::string& field) {
        const auto value = node.value<double>();
        if (!value || !(node.is_integer() || node.is_floating_point())) {
            wrong_type(node, field, "hours");
            return std::nullopt;
        }
        if (*value < 0 || *value > 10000) {
            problem(node.source(), field, ProblemCode::hours_out_of_range);
            return std::nullopt;
        }
        return static_cast<int>(*value * 60 + 0.5);
    }

    // What the certification a completed curriculum leads to needs over time: validity and renewal.
    void read_certification(const toml::table& table, Curriculum& curriculum) {
        const std::string path = "certification";
        only_keys(table, path, {"code", "title", "valid_months", "for_trainers", "level", "renewal"});
        CertificationDefinition definition;
        definition.code = code(table, "code", path, true).value_or("");
        definition.title = localized_at(table, "title", path, true, kMaxTitleChars);
        definition.curriculum_code = curriculum.code;
        definition.valid_months = whole_number(table, "valid_months", path, true, 1, 240).value_or(24);
        definition.for_trainers = yes_no(table, "for_trainers", path).value_or(false);
        definition.level = text(table, "level", path, false, kMaxLabelChars).value_or("");
        definition.renewal.period_months = definition.valid_months;
        if (table.contains("renewal")) {
            const std::string renewal_path = child_field(path, "renewal");
            if (const auto* renewal = table_at(table, "renewal", path)) {
                only_keys(*renewal, renewal_path, {"total_hours", "minimum_hours"});
                if (const auto* total = find(*renewal, "total_hours", renewal_path, true))
                    definition.renewal.total_minutes =
                        hours(*total, child_field(renewal_path, "total_hours")).value_or(0);
                if (renewal->contains("minimum_hours")) {
                    const std::string minimum_path = child_field(renewal_path, "minimum_hours");
                    if (const auto* minimum = table_at(*renewal, "minimum_hours", renewal_path))
                        for (const auto& [category, value] : *minimum) {
                            const std::string field = child_field(minimum_path, category.str());
                            if (!is_code(category.str()))
                                problem(category.source(), field, ProblemCode::toml_not_a_category);
                            else if (auto minutes = hours(value, field))
                                definition.renewal.minimum_minutes[std::string(category.str())] = *minutes;
                        }
                }
            }
        }
        curriculum.certification = definition;
    }

    void check_electives(const toml::table& root, const Curriculum& curriculum) {
        const auto electives = std::count_if(curriculum.modules.begin(), curriculum.modules.end(),
                                             [](const Module& m) { return !m.required; });
        if (curriculum.electives_required <= electives) return;
        const toml::node* node = root.at_path("curriculum.electives_required").node();
        problem(node ? node->source() : root.source(), "curriculum.electives_required",
                ProblemCode::electives_over_modules,
                {std::to_string(curriculum.electives_required), std::to_string(electives)});
    }
};

}  // namespace

Result<Curriculum> read_curriculum(std::string_view content, const std::string& file_name) {
    Result<Curriculum> result;
    const auto root = parse_toml(content, file_name, result.problems);
    if (!root) return result;
    CurriculumReader reader(file_name);
    result.value = reader.read(*root);
    result.problems = std::move(reader.problems);
    sort_by_place(result.problems);
    if (!result.ok()) result.value = {};
    return result;
}

Result<Curriculum> read_curriculum_file(const std::filesystem::path& path) {
    auto file = read_input_file(path, kMaxCurriculumBytes);
    if (!file.ok()) return {{}, std::move(file.problems)};
    return read_curriculum(file.value, path.string());
}

Result<std::vector<Curriculum>> read_shipped_curricula() {
    Result<std::vector<Curriculum>> result;
    const auto dir = shipped_dir("curricula");
    if (dir.empty()) {
        result.problems.push_back(coded_problem({"curricula", 0, 0, "", ""}, ProblemCode::no_shipped_curricula));
        return result;
    }
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir))
        if (entry.path().extension() == ".toml") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
        auto read = read_curriculum_file(file);
        result.problems.insert(result.problems.end(), read.problems.begin(), read.problems.end());
        if (read.ok()) result.value.push_back(std::move(read.value));
    }
    if (!result.ok()) result.value.clear();
    return result;
}

}  // namespace mitra::io
