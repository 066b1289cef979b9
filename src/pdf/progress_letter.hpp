// A person's progress letter as PDF bytes (A4 portrait, tagged): already worded in the person's language by the
// caller (io::progress_letter_text), laid out here: a heading, the greeting, what is done, what remains (one line
// each), the deadline and who to contact. Right to left when the language is written so (Urdu).
#pragma once
#include <string>
#include <vector>

#include "pdf/font_stack.hpp"

namespace mitra::pdf {

// A heading and its lines: a paragraph when `items` is empty, else a list of them under `lead`.
struct LetterSection {
    std::string heading;
    std::string lead;
    std::vector<std::string> items;
};

struct LetterText {
    std::string language;  // BCP 47: /Lang, and the fonts' language
    bool right_to_left = false;
    std::string title;      // "Your progress in Peer support (C1)"
    std::string date_line;  // "30 June 2026"
    std::string greeting;   // "Dear Asha,"
    std::string opening;    // a kind paragraph
    std::vector<LetterSection> sections;
    std::string closing;    // "With best wishes,"
    std::string signature;  // who it comes from
    std::string footer;     // "P1 · C1": the person's ref, never their name
};

std::string render_progress_letter(FontStack& fonts, const LetterText& letter);

}  // namespace mitra::pdf
