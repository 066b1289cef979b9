// People's names at the door: the one form they are kept in, the characters a name may hold, look-alikes.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace mitra {

// The form a name is kept in: Unicode NFC, every run of spaces of any kind (no-break, ideographic, thin...)
// as one ASCII space, none at either end. Text that is not valid UTF-8 comes back unchanged, for the
// checks to refuse.
std::string normalize_name(std::string_view text);

// Why a name (valid UTF-8, already normalised) cannot be taken, or nullopt when it can. The words show the
// offending character as U+XXXX and never quote the name, since messages name people by ref only.
// Refused: control characters and line breaks; bidi controls and marks; other invisible characters; emoji
// and pictographs (digits, '#' and '*' stay); unassigned, private-use and noncharacter code points; a
// combining mark with nothing under it; a name with no letter. ZWJ and ZWNJ stay only between two
// characters of a script that needs them (Indic scripts, Sinhala, the Arabic family).
std::optional<std::string> name_problem(std::string_view name);

// The same, as a kind and the character (U+XXXX and its Unicode name; empty for no_letter), for a front end to
// word in its user's language (FieldError's kinds name_…); `message` is name_problem's English.
struct NameFault {
    enum class Kind {
        control_character,
        line_break,
        joiner,
        direction_control,
        not_a_character,
        private_use,
        noncharacter,
        unassigned,
        invisible,
        emoji,
        starts_with_mark,
        mark_after_space,
        no_letter
    };
    Kind kind = Kind::no_letter;
    std::string character;
    std::string message;
};
std::optional<NameFault> name_fault(std::string_view name);

// A key under which look-alike names meet (Unicode UTS #39 confusable skeleton, through ICU's spoof
// checker): "John Smith" with a Cyrillic о, a zero-width space or a left-to-right mark has the same
// skeleton as the plain one. It is for comparing only, never for showing or storing. Case is folded
// first, so "JOHN SMITH" meets "John Smith" too.
std::string name_skeleton(std::string_view name);

}  // namespace mitra
