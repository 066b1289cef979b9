// Text helpers for names and codes.
#include "core/text.hpp"

#include <cstdio>
#include <stdexcept>

namespace mitra {

std::optional<CodePointAt> code_point_at(std::string_view s, std::size_t at) {
    if (at >= s.size()) return std::nullopt;
    const auto c = static_cast<unsigned char>(s[at]);
    if (c < 0x80) return CodePointAt{c, 1};
    std::size_t length = 0;
    char32_t cp = 0;
    if ((c & 0xE0) == 0xC0) {
        length = 2;
        cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
        length = 3;
        cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
        length = 4;
        cp = c & 0x07;
    } else return std::nullopt;
    if (at + length > s.size()) return std::nullopt;
    for (std::size_t k = 1; k < length; ++k) {
        const auto cc = static_cast<unsigned char>(s[at + k]);
        if ((cc & 0xC0) != 0x80) return std::nullopt;
        cp = (cp << 6) | (cc & 0x3F);
    }
    const bool overlong = (length == 2 && cp < 0x80) || (length == 3 && cp < 0x800) || (length == 4 && cp < 0x10000);
    if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return std::nullopt;
    return CodePointAt{cp, length};
}

std::u32string decode_utf8(std::string_view s, std::vector<std::uint32_t>* offsets) {
    std::u32string out;
    out.reserve(s.size());
    if (offsets) offsets->clear();
    for (std::size_t i = 0; i < s.size();) {
        const auto step = code_point_at(s, i);
        if (!step) throw std::invalid_argument("invalid UTF-8 at byte " + std::to_string(i));
        if (offsets) offsets->push_back(static_cast<std::uint32_t>(i));
        out.push_back(step->cp);
        i += step->length;
    }
    if (offsets) offsets->push_back(static_cast<std::uint32_t>(s.size()));
    return out;
}

std::optional<std::size_t> invalid_utf8_at(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const auto step = code_point_at(s, i);
        if (!step) return i;
        i += step->length;
    }
    return std::nullopt;
}

std::size_t utf8_length(std::string_view s) {
    std::size_t count = 0;
    for (char ch : s)
        if ((static_cast<unsigned char>(ch) & 0xC0) != 0x80) ++count;
    return count;
}

std::string trim(std::string_view s) {
    auto is_blank = [](char c) { return c == ' ' || c == '\t'; };
    while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
    return std::string(s);
}

std::vector<std::string> split_list(std::string_view s, char separator) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= s.size()) {
        auto end = s.find(separator, start);
        if (end == std::string_view::npos) end = s.size();
        auto part = trim(s.substr(start, end - start));
        if (!part.empty()) parts.push_back(std::move(part));
        start = end + 1;
    }
    return parts;
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i) out += separator;
        out += parts[i];
    }
    return out;
}

std::string hours_text(int minutes) {
    char buf[32];
    if (minutes % 60 == 0) std::snprintf(buf, sizeof buf, "%d hour%s", minutes / 60, minutes == 60 ? "" : "s");
    else std::snprintf(buf, sizeof buf, "%.1f hours", minutes / 60.0);
    return buf;
}

bool is_code(std::string_view s) {
    if (s.empty() || s.size() > 64) return false;
    for (char c : s) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                        c == '_' || c == '.';
        if (!ok) return false;
    }
    return true;
}

std::string LocalizedText::in(std::string_view language) const {
    if (auto it = by_language.find(std::string(language)); it != by_language.end()) return it->second;
    // "zh-Hant-TW" -> "zh-Hant" -> "zh"
    std::string tag(language);
    while (true) {
        auto dash = tag.rfind('-');
        if (dash == std::string::npos) break;
        tag.resize(dash);
        if (auto it = by_language.find(tag); it != by_language.end()) return it->second;
    }
    if (auto it = by_language.find("en"); it != by_language.end()) return it->second;
    return by_language.empty() ? std::string() : by_language.begin()->second;
}

}  // namespace mitra
