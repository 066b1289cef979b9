// Parsing and key-by-key checking shared by the curriculum and certificate template readers.
#include "io/toml_checker.hpp"

#include <algorithm>

#include "core/identity.hpp"
#include "io/reason_words.hpp"

namespace mitra::io {
namespace {

// A node's type as a key of io::toml_type_words (reason_words.cpp), which words it.
std::string type_name(const toml::node& node) {
    switch (node.type()) {
        case toml::node_type::string: return "text";
        case toml::node_type::integer: return "integer";
        case toml::node_type::floating_point: return "float";
        case toml::node_type::boolean: return "boolean";
        case toml::node_type::table: return "table";
        case toml::node_type::array: return "array";
        case toml::node_type::date:
        case toml::node_type::time:
        case toml::node_type::date_time: return "date";
        default: return "nothing";
    }
}

// A key as a message quotes it: cut after 40 bytes (at a character's start), so a huge key is not
// copied back into every problem.
std::string shown(std::string_view key) {
    if (key.size() <= 40) return std::string(key);
    std::size_t cut = 40;
    while (cut > 0 && (static_cast<unsigned char>(key[cut]) & 0xC0) == 0x80) --cut;
    return std::string(key.substr(0, cut)) + "...";
}

}  // namespace

std::optional<toml::table> parse_toml(std::string_view content, const std::string& file_name, Problems& problems) {
    try {
        return toml::parse(content, file_name);
    } catch (const toml::parse_error& error) {
        const auto& where = error.source().begin;
        problems.push_back(
            coded_problem({file_name, static_cast<int>(where.line), static_cast<int>(where.column), "", ""},
                          ProblemCode::toml_not_valid, {std::string(error.description())}));
        return std::nullopt;
    }
}

std::string child_field(const std::string& path, std::string_view key) {
    return path.empty() ? std::string(key) : path + "." + std::string(key);
}

std::string indexed_field(const std::string& path, std::size_t index) {
    return path + "[" + std::to_string(index + 1) + "]";
}

void TomlChecker::problem(const toml::source_region& where, const std::string& field, ProblemCode code,
                          std::vector<std::string> values) {
    problems.push_back(
        coded_problem({file_name_, static_cast<int>(where.begin.line), static_cast<int>(where.begin.column), field, ""},
                      code, std::move(values)));
}

void TomlChecker::wrong_type(const toml::node& node, const std::string& field, const std::string& expected) {
    problem(node.source(), field, ProblemCode::toml_wrong_type, {expected, type_name(node)});
}

void TomlChecker::only_keys(const toml::table& table, const std::string& path,
                            std::initializer_list<std::string_view> known) {
    for (const auto& [key, node] : table) {
        if (std::find(known.begin(), known.end(), key.str()) != known.end()) continue;
        std::string list;
        for (auto k : known) list += (list.empty() ? "" : ", ") + std::string(k);
        problem(key.source(), child_field(path, shown(key.str())), ProblemCode::toml_unknown_key,
                {shown(key.str()), list});
    }
}

const toml::node* TomlChecker::find(const toml::table& table, std::string_view key, const std::string& path,
                                    bool required) {
    const toml::node* node = table.get(key);
    if (!node && required) problem(table.source(), child_field(path, key), ProblemCode::field_required);
    return node;
}

const toml::table* TomlChecker::table_at(const toml::table& parent, std::string_view key, const std::string& path,
                                         bool required) {
    const toml::node* node = find(parent, key, path, required);
    if (node && !node->is_table()) wrong_type(*node, child_field(path, key), "table");
    return node ? node->as_table() : nullptr;
}

std::optional<std::string> TomlChecker::text(const toml::table& table, std::string_view key, const std::string& path,
                                             bool required, std::size_t max_chars) {
    const toml::node* node = find(table, key, path, required);
    if (!node) return std::nullopt;
    if (!node->is_string()) {
        wrong_type(*node, child_field(path, key), "text_in_quotes");
        return std::nullopt;
    }
    if (too_long(*node, child_field(path, key), max_chars)) return std::nullopt;
    return node->as_string()->get();
}

std::optional<bool> TomlChecker::yes_no(const toml::table& table, std::string_view key, const std::string& path) {
    const toml::node* node = find(table, key, path, false);
    if (!node) return std::nullopt;
    if (!node->is_boolean()) {
        wrong_type(*node, child_field(path, key), "boolean");
        return std::nullopt;
    }
    return node->as_boolean()->get();
}

bool TomlChecker::too_long(const toml::node& node, const std::string& field, std::size_t max_chars) {
    const std::size_t length = utf8_length(node.as_string()->get());  // toml++ has checked the UTF-8
    if (length <= max_chars) return false;
    problem(node.source(), field, ProblemCode::toml_too_long, {std::to_string(length), std::to_string(max_chars)});
    return true;
}

LocalizedText TomlChecker::localized(const toml::node& node, const std::string& path, bool need_english,
                                     std::size_t max_chars) {
    LocalizedText result;
    const auto* table = node.as_table();
    if (!table) {
        wrong_type(node, path, "localized");
        return result;
    }
    for (const auto& [key, value] : *table) {
        const std::string tag(key.str()), field = child_field(path, shown(tag));
        if (!is_language_tag(tag)) problem(key.source(), field, ProblemCode::toml_not_a_language_tag, {shown(tag)});
        else if (!value.is_string()) wrong_type(value, field, "text_in_quotes");
        else if (trim(value.as_string()->get()).empty()) problem(value.source(), field, ProblemCode::toml_empty);
        else if (too_long(value, field, max_chars)) continue;
        else result.by_language[tag] = value.as_string()->get();
    }
    if (table->empty()) problem(table->source(), path, ProblemCode::toml_no_texts);
    else if (need_english && !table->contains("en")) problem(table->source(), path, ProblemCode::toml_needs_english);
    return result;
}

}  // namespace mitra::io
