// A supervisor's verification or a person's practice record as PDF bytes (A4 portrait, tagged): already worded in
// its language by the caller (workflow/practice_record), laid out here with pdf::Flow: a heading, lines about who
// and when, then sections of paragraphs, lists and tables, and lines to sign on. Right to left when the language
// is written so (Urdu).
#pragma once
#include <string>
#include <vector>

#include "pdf/font_stack.hpp"

namespace mitra::pdf {

struct RecordTable {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
    std::vector<double> shares;  // of the width, one per column, summing to 1
};

// A heading, its paragraphs, then a list (`items`) and tables, each when not empty.
struct RecordSection {
    std::string heading;
    std::vector<std::string> paragraphs;
    std::vector<std::string> items;
    std::vector<RecordTable> tables;
};

struct RecordText {
    std::string language;  // BCP 47: /Lang, and the fonts' language
    bool right_to_left = false;
    std::string title;               // "Verification of supervised practice"
    std::vector<std::string> about;  // who and when, one paragraph each
    std::vector<RecordSection> sections;
    std::vector<std::string> signatures;  // captions of the lines to sign on ("Signature", "Date"); none: no lines
    std::string footer;                   // refs, never a name
};

std::string render_practice_record(FontStack& fonts, const RecordText& record);

}  // namespace mitra::pdf
