// How many columns text takes on a terminal, for lining up what mitra-cli prints (tables, --help) in any script.
#pragma once
#include <string_view>

namespace mitra::io {

// Columns `text` takes, by ICU's character data: 0 for combining marks (Mn, Me) and format characters (Cf: ZWJ,
// ZWNJ), 2 for East Asian wide and fullwidth characters, 1 for anything else (a broken byte too).
int display_width(std::string_view text);

}  // namespace mitra::io
