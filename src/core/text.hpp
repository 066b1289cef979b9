// Text helpers for names and codes: UTF-8 validity, trimming, localized strings.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mitra {

// The one UTF-8 decoder: the code point that starts at byte `at` and its length in bytes, or nullopt where the bytes
// there are not well-formed UTF-8 (a stray continuation byte, a sequence cut short, an overlong form, a surrogate, a
// code point past U+10FFFF). Every reader of UTF-8 in core, io, pdf and the CLI steps through text with it.
struct CodePointAt {
    char32_t cp = 0;
    std::size_t length = 0;
};
std::optional<CodePointAt> code_point_at(std::string_view text, std::size_t at);

// The code points of well-formed UTF-8, each with the byte offset it starts at when `offsets` is given (plus one
// last offset, the text's size); std::invalid_argument naming the byte offset where the text is not well-formed.
std::u32string decode_utf8(std::string_view text, std::vector<std::uint32_t>* offsets = nullptr);

// Offset of the first byte that is not well-formed UTF-8 (overlongs, surrogates and
// code points past U+10FFFF count as broken), or nullopt when the text is valid.
std::optional<std::size_t> invalid_utf8_at(std::string_view text);

// Number of code points in valid UTF-8.
std::size_t utf8_length(std::string_view text);

// Removes ASCII spaces and tabs at both ends; nothing else is touched (a name is kept as written).
std::string trim(std::string_view text);

// Splits on a separator, trimming each part and dropping empty parts ("a, b,,c" -> a b c).
std::vector<std::string> split_list(std::string_view text, char separator = ',');
std::string join(const std::vector<std::string>& parts, std::string_view separator);

// Minutes as people say them: "6 hours", "7.5 hours", "1 hour".
std::string hours_text(int minutes);

// A code such as a curriculum, module, cohort or ref: ASCII letters, digits, '-', '_', '.'; 1-64 long.
bool is_code(std::string_view text);

// Text in several languages, keyed by BCP 47 tag ("en", "ja", "zh-Hans").
struct LocalizedText {
    std::map<std::string, std::string> by_language;

    // The text in `language`, else in its base language ("zh" for "zh-Hans-CN"), else English,
    // else any; empty when there is none.
    std::string in(std::string_view language) const;
    bool has(std::string_view language) const { return by_language.count(std::string(language)) > 0; }
    bool empty() const { return by_language.empty(); }
    bool operator==(const LocalizedText&) const = default;
};

}  // namespace mitra
