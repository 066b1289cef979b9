#include "core/translation_drift.hpp"

#include "core/signature.hpp"

#include <set>
#include <stdexcept>

namespace mitra {
namespace {

constexpr std::size_t kFingerprintBytes = 8;

void add(std::string& input, const LocalizedText& text) {
    const auto it = text.by_language.find("en");
    input += it == text.by_language.end() ? std::string() : it->second;
    input += '\x1f';  // unit separator: "ab" + "c" differs from "a" + "bc"
}

std::string fingerprint(const std::string& input) { return blake2b_hex(input, kFingerprintBytes); }

void collect_languages(const LocalizedText& text, std::set<std::string>& languages) {
    for (const auto& [language, body] : text.by_language)
        if (language != "en") languages.insert(language);
}

TranslationCheck check(const std::string& module_code, const std::string& language, const LocalizedText& stamps,
                       const std::string& english) {
    TranslationCheck c{module_code, language, TranslationState::unstamped, english};
    const auto it = stamps.by_language.find(language);
    if (it != stamps.by_language.end())
        c.state = it->second == english ? TranslationState::current : TranslationState::older;
    return c;
}

}  // namespace

std::string english_fingerprint(const Module& module) {
    std::string input = "module\x1f";
    add(input, module.title);
    add(input, module.summary);
    for (const auto& outcome : module.outcomes) add(input, outcome);
    return fingerprint(input);
}

std::string english_fingerprint(const Curriculum& curriculum) {
    std::string input = "curriculum\x1f";
    add(input, curriculum.title);
    if (curriculum.certification) add(input, curriculum.certification->title);
    return fingerprint(input);
}

bool is_fingerprint(std::string_view text) {
    if (text.size() != kFingerprintBytes * 2) return false;
    for (const char c : text)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

std::string to_string(TranslationState state) {
    switch (state) {
        case TranslationState::current: return "current";
        case TranslationState::older: return "older";
        case TranslationState::unstamped: return "unstamped";
    }
    return "unstamped";
}

std::vector<TranslationCheck> check_translations(const Curriculum& curriculum) {
    std::vector<TranslationCheck> out;
    std::set<std::string> languages;
    collect_languages(curriculum.title, languages);
    if (curriculum.certification) collect_languages(curriculum.certification->title, languages);
    const std::string english = english_fingerprint(curriculum);
    for (const auto& language : languages) out.push_back(check("", language, curriculum.translated_from, english));
    for (const auto& module : curriculum.modules) {
        languages.clear();
        collect_languages(module.title, languages);
        collect_languages(module.summary, languages);
        for (const auto& outcome : module.outcomes) collect_languages(outcome, languages);
        const std::string module_english = english_fingerprint(module);
        for (const auto& language : languages)
            out.push_back(check(module.code, language, module.translated_from, module_english));
    }
    return out;
}

}  // namespace mitra
