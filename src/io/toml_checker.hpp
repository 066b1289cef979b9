// What every reader of a TOML file of ours shares: parsing, and checking keys and values one by one while
// collecting each problem with its file, line, column and field. Included only by the TOML readers.
#pragma once
#include <toml++/toml.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/text.hpp"
#include "io/result.hpp"

namespace mitra::io {

// The parsed file, or nullopt with the syntax error added to `problems`.
std::optional<toml::table> parse_toml(std::string_view content, const std::string& file_name, Problems& problems);

// A key's place, for messages: "module[2].title".
std::string child_field(const std::string& path, std::string_view key);
std::string indexed_field(const std::string& path, std::size_t index);

// The longest one-line text a reader takes where no other limit is given (a name, a colour, a choice,
// a file name), in characters (code points). Each reader gives its longer texts their own limits.
constexpr std::size_t kMaxShortText = 200;

class TomlChecker {
public:
    explicit TomlChecker(std::string file_name) : file_name_(std::move(file_name)) {}
    Problems problems;

protected:
    // A problem at `where`, coded: its English message is the code's words (io::problem_phrase).
    void problem(const toml::source_region& where, const std::string& field, ProblemCode code,
                 std::vector<std::string> values = {});
    // `expected` is a type's key for io's words ("table", "text_in_quotes", "[[frame]]": toml_type_words).
    void wrong_type(const toml::node& node, const std::string& field, const std::string& expected);
    // Every key of `table` must be one of `known`.
    void only_keys(const toml::table& table, const std::string& path, std::initializer_list<std::string_view> known);
    // The node at `key`, or nullptr (with a problem when required).
    const toml::node* find(const toml::table& table, std::string_view key, const std::string& path, bool required);
    const toml::table* table_at(const toml::table& parent, std::string_view key, const std::string& path,
                                bool required = true);
    // Text in quotes, refused when longer than `max_chars` characters.
    std::optional<std::string> text(const toml::table& table, std::string_view key, const std::string& path,
                                    bool required, std::size_t max_chars = kMaxShortText);
    std::optional<bool> yes_no(const toml::table& table, std::string_view key, const std::string& path);
    // A text in several languages: { en = "...", ja = "..." }, with English required when `need_english`;
    // each text at most `max_chars` characters.
    LocalizedText localized(const toml::node& node, const std::string& path, bool need_english, std::size_t max_chars);
    const std::string& file_name() const { return file_name_; }

private:
    // True, with a problem, when the text at `node` is longer than `max_chars` characters.
    bool too_long(const toml::node& node, const std::string& field, std::size_t max_chars);

    std::string file_name_;
};

}  // namespace mitra::io
