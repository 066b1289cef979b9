// Columns text takes on a terminal, from ICU's character data.
#include "io/display_width.hpp"

#include <unicode/uchar.h>

#include "core/text.hpp"

namespace mitra::io {

int display_width(std::string_view text) {
    int width = 0;
    for (std::size_t i = 0; i < text.size();) {
        const auto step = code_point_at(text, i).value_or(CodePointAt{0xFFFD, 1});  // a broken byte: one column
        const auto cp = static_cast<UChar32>(step.cp);
        i += step.length;
        const auto type = u_charType(cp);
        const auto east_asian = u_getIntPropertyValue(cp, UCHAR_EAST_ASIAN_WIDTH);
        if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_FORMAT_CHAR) continue;
        width += (east_asian == U_EA_WIDE || east_asian == U_EA_FULLWIDTH) ? 2 : 1;
    }
    return width;
}

}  // namespace mitra::io
