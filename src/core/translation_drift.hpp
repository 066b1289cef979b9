// Translation drift: a curriculum's translations made from an English text that has changed since.
//
// Each translated module (and the curriculum's own title) records, per language, the fingerprint of the English
// texts it was translated from (`translated_from.ja = "…"` in the TOML file). When the English title, summary or
// outcomes change, the fingerprint no longer matches and the translation is flagged as older than the English.
#pragma once
#include <string>
#include <vector>

#include "core/model.hpp"

namespace mitra {

// 16 hex digits of BLAKE2b over the English texts a translator works from: a module's title, summary and outcomes;
// for the curriculum itself, its title and its certification's title.
std::string english_fingerprint(const Module& module);
std::string english_fingerprint(const Curriculum& curriculum);

// True for 16 lowercase hex digits, the form english_fingerprint() gives.
bool is_fingerprint(std::string_view text);

enum class TranslationState {
    current,    // made from the English text as it is now
    older,      // made from an earlier English text: the translation needs updating
    unstamped,  // no fingerprint recorded: it cannot be told
};
std::string to_string(TranslationState state);

struct TranslationCheck {
    std::string module_code;  // empty: the curriculum's own title
    std::string language;     // BCP 47 tag, such as ja or zh-Hant
    TranslationState state = TranslationState::unstamped;
    std::string english;  // the English texts' fingerprint now, to record once the translation is updated
};

// Every language a module (or the curriculum's title) has a translation in, other than English, with its state;
// in file order, the curriculum first, languages in tag order.
std::vector<TranslationCheck> check_translations(const Curriculum& curriculum);

}  // namespace mitra
