// People's names at the door, decided with ICU's character data (normalisation, properties, scripts, UTS #39).
#include "core/names.hpp"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/uspoof.h>
#include <unicode/utf8.h>

#include <array>
#include <cstdio>
#include <memory>
#include <stdexcept>
#include <vector>

#include "core/text.hpp"

namespace mitra {
namespace {

void throw_if_failed(UErrorCode status, const char* what) {
    if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU failed to ") + what + ": " + u_errorName(status));
}

// Code points of UTF-8 text; a broken sequence reads as U+FFFD.
std::vector<UChar32> code_points(std::string_view text) {
    std::vector<UChar32> out;
    const auto n = static_cast<int32_t>(text.size());
    for (int32_t i = 0; i < n;) {
        UChar32 c;
        U8_NEXT(text.data(), i, n, c);
        out.push_back(c < 0 ? 0xFFFD : c);
    }
    return out;
}

// "U+200B ZERO WIDTH SPACE": the number always, the character's name when Unicode gives it one.
std::string described(UChar32 c) {
    char number[16];
    std::snprintf(number, sizeof number, "U+%04X", static_cast<unsigned>(c));
    char name[128];
    UErrorCode status = U_ZERO_ERROR;
    const auto length = u_charName(c, U_UNICODE_CHAR_NAME, name, sizeof name, &status);
    if (U_FAILURE(status) || length <= 0) return number;
    return std::string(number) + " " + std::string(name, static_cast<std::size_t>(length));
}

// Scripts whose spelling needs ZWJ or ZWNJ inside a word: the Brahmic scripts (a half form or a
// visible virama: Sinhala ශ්‍රී, Devanagari, Bengali, Malayalam chillus) and the Arabic family (a letter
// kept unjoined: Persian and Urdu می‌خواهم).
constexpr std::array kJoinerScripts = {
    USCRIPT_DEVANAGARI, USCRIPT_BENGALI,  USCRIPT_GURMUKHI,  USCRIPT_GUJARATI,  USCRIPT_ORIYA,          USCRIPT_TAMIL,
    USCRIPT_TELUGU,     USCRIPT_KANNADA,  USCRIPT_MALAYALAM, USCRIPT_SINHALA,   USCRIPT_TIBETAN,        USCRIPT_MYANMAR,
    USCRIPT_KHMER,      USCRIPT_BALINESE, USCRIPT_JAVANESE,  USCRIPT_SUNDANESE, USCRIPT_NEWA,           USCRIPT_ARABIC,
    USCRIPT_SYRIAC,     USCRIPT_NKO,      USCRIPT_MONGOLIAN, USCRIPT_MANDAIC,   USCRIPT_HANIFI_ROHINGYA};

// Both characters belong to one script that uses joiners (Script_Extensions counts, so an Arabic
// vowel mark, which is "Inherited", still counts as Arabic).
bool joiner_between(UChar32 before, UChar32 after) {
    for (auto script : kJoinerScripts)
        if (uscript_hasScript(before, script) && uscript_hasScript(after, script)) return true;
    return false;
}

// An invisible selector that chooses a glyph a script really uses: Mongolian free variation selectors
// after a Mongolian letter, ideographic variation selectors after a Han character (Japanese 辻󠄀).
bool needed_selector(UChar32 c, UChar32 before) {
    if ((c >= 0x180B && c <= 0x180D) || c == 0x180F) return uscript_hasScript(before, USCRIPT_MONGOLIAN);
    if (c >= 0xE0100 && c <= 0xE01EF) return uscript_hasScript(before, USCRIPT_HAN);
    return false;
}

bool is_mark(int8_t type) {
    return type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK || type == U_ENCLOSING_MARK;
}

bool is_letter(int8_t type) { return type >= U_UPPERCASE_LETTER && type <= U_OTHER_LETTER; }

// What is wrong with one character where it stands, or nullopt.
std::optional<NameFault> character_problem(UChar32 c, UChar32 before, UChar32 after) {
    using Kind = NameFault::Kind;
    const auto fault = [&](Kind kind, std::string message) {
        return NameFault{kind, described(c), std::move(message)};
    };
    const auto type = u_charType(c);
    if (type == U_CONTROL_CHAR)
        return fault(Kind::control_character,
                     "contains the control character " + described(c) + " (such as a line break or NUL)");
    if (type == U_LINE_SEPARATOR || type == U_PARAGRAPH_SEPARATOR)
        return fault(Kind::line_break, "contains a line break (" + described(c) + ")");
    if (c == 0x200C || c == 0x200D) {
        if (before >= 0 && after >= 0 && joiner_between(before, after)) return std::nullopt;
        // ZWJ after the Malayalam virama at a word's end: the older spelling of a chillu (ന്‍).
        const bool word_end = after < 0 || u_charType(after) == U_SPACE_SEPARATOR;
        if (c == 0x200D && word_end && before == 0x0D4D) return std::nullopt;
        return fault(Kind::joiner, "contains " + described(c) +
                                       ", which is kept only inside a word of a script that needs it (such as "
                                       "Sinhala, Devanagari or Urdu)");
    }
    if (u_hasBinaryProperty(c, UCHAR_BIDI_CONTROL))
        return fault(Kind::direction_control,
                     "contains " + described(c) + ", a direction control that changes how the name is shown");
    if (type == U_SURROGATE)
        return fault(Kind::not_a_character, "contains " + described(c) + ", which is not a character");
    if (type == U_PRIVATE_USE_CHAR)
        return fault(Kind::private_use, "contains " + described(c) + ", a private-use character");
    if (type == U_UNASSIGNED) {
        if (u_hasBinaryProperty(c, UCHAR_NONCHARACTER_CODE_POINT))
            return fault(Kind::noncharacter, "contains " + described(c) + ", a noncharacter");
        return fault(Kind::unassigned, "contains " + described(c) + ", which is not an assigned character");
    }
    if ((type == U_FORMAT_CHAR || u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) &&
        !(before >= 0 && needed_selector(c, before)))
        return fault(Kind::invisible, "contains " + described(c) + ", an invisible character");
    // Digits, '#' and '*' are emoji components too, and stay allowed; their keycap and the rest do not.
    if (u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC) || u_hasBinaryProperty(c, UCHAR_EMOJI_PRESENTATION) ||
        (c >= 0x80 && u_hasBinaryProperty(c, UCHAR_EMOJI_COMPONENT)))
        return fault(Kind::emoji, "contains " + described(c) + ", an emoji or pictograph");
    if (is_mark(type)) {
        if (before < 0) return fault(Kind::starts_with_mark, "starts with a combining mark (" + described(c) + ")");
        if (u_charType(before) == U_SPACE_SEPARATOR)
            return fault(Kind::mark_after_space,
                         "has a combining mark (" + described(c) + ") after a space, with no letter under it");
    }
    return std::nullopt;
}

const USpoofChecker* spoof_checker() {
    static const std::unique_ptr<USpoofChecker, void (*)(USpoofChecker*)> checker = [] {
        UErrorCode status = U_ZERO_ERROR;
        USpoofChecker* opened = uspoof_open(&status);
        throw_if_failed(status, "open its spoof checker");
        return std::unique_ptr<USpoofChecker, void (*)(USpoofChecker*)>(opened, uspoof_close);
    }();
    return checker.get();
}

}  // namespace

std::string normalize_name(std::string_view text) {
    if (invalid_utf8_at(text)) return std::string(text);
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    throw_if_failed(status, "load NFC data");
    std::string composed;
    icu::StringByteSink<std::string> sink(&composed);
    nfc->normalizeUTF8(0, icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), sink, nullptr, status);
    throw_if_failed(status, "normalise a name");

    std::string out;
    bool space_pending = false;
    const auto n = static_cast<int32_t>(composed.size());
    for (int32_t i = 0; i < n;) {
        const int32_t start = i;
        UChar32 c;
        U8_NEXT(composed.data(), i, n, c);
        if (u_charType(c) == U_SPACE_SEPARATOR) {
            space_pending = !out.empty();
            continue;
        }
        if (space_pending) out += ' ';
        space_pending = false;
        out.append(composed, static_cast<std::size_t>(start), static_cast<std::size_t>(i - start));
    }
    return out;
}

std::optional<NameFault> name_fault(std::string_view name) {
    const auto cps = code_points(name);
    bool has_letter = false;
    for (std::size_t i = 0; i < cps.size(); ++i) {
        const UChar32 before = i > 0 ? cps[i - 1] : -1;
        const UChar32 after = i + 1 < cps.size() ? cps[i + 1] : -1;
        if (auto problem = character_problem(cps[i], before, after)) return problem;
        has_letter = has_letter || is_letter(u_charType(cps[i]));
    }
    if (!has_letter) return NameFault{NameFault::Kind::no_letter, "", "has no letter (a name needs at least one)"};
    return std::nullopt;
}

std::optional<std::string> name_problem(std::string_view name) {
    if (auto fault = name_fault(name)) return fault->message;
    return std::nullopt;
}

std::string name_skeleton(std::string_view name) {
    // Invisible characters are dropped first, as later UTS #39 revisions do: ICU 72's skeleton keeps a
    // zero-width space or a left-to-right mark, so "John\u200B Smith" would not meet "John Smith".
    icu::UnicodeString visible;
    for (UChar32 c : code_points(normalize_name(name)))
        if (!u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) visible.append(c);
    visible.foldCase();
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString skeleton;
    uspoof_getSkeletonUnicodeString(spoof_checker(), 0, visible, skeleton, &status);
    throw_if_failed(status, "compute a name's skeleton");
    std::string out;
    skeleton.toUTF8String(out);
    return out;
}

}  // namespace mitra
