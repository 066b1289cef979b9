// Which faces draw each script in the interface: fontconfig's own fallback order takes Tamil letters from
// Noto Sans Grantha (dotted circles), Sinhala from a serif face, Chinese in Japanese shapes, Urdu from DejaVu Sans.
#pragma once
#include <string>
#include <vector>

namespace mitra::app {

// The families the interface prefers for text its first (Latin) faces cannot draw, in order, for a content
// language such as "ta", "ur" or "zh-Hans": each script's Noto face (its UI cut first), the language's own
// CJK shapes, and Naskh for Arabic script (Urdu included: Nastaliq is cut off in the interface's single lines).
// The Noto names come from the PDF font stack.
std::vector<std::string> preferred_families(const std::string& language);

// Makes GTK (Pango, fontconfig) draw with preferred_families(language) from now on, windows already open
// included; call at start and again when the language changes. False when fontconfig refused the rules.
bool set_up_fonts(const std::string& language);

}  // namespace mitra::app
