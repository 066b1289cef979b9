// The programme report's words in each language Mitra ships, and country names from ICU (CLDR).
//
//   io::report_label("people enrolled", "ja")          -> "登録者数"   (English when there is no translation)
//   io::report_label("page {n}", "hi", {{"n", "2"}})   -> "पृष्ठ 2"
//   io::country_name("JP", "ja")                       -> "日本"
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mitra::io {

// The languages the report speaks: those of the shipped curriculum and certificates
// (en, ja, ko, zh-Hans, zh-Hant, th, id, hi, vi, ur).
const std::vector<std::string>& report_languages();

// The shipped language a BCP 47 tag asks for ("zh-CN" -> "zh-Hans", "ja-JP" -> "ja", "EN" -> "en"); empty
// when the report does not speak it.
std::string report_language(std::string_view tag);

// The label whose English text is `english`, in `language`, with {name} placeholders filled in.
// English (the key itself) when the catalog has no translation for the language or the label.
std::string report_label(std::string_view english, std::string_view language,
                         const std::vector<std::pair<std::string, std::string>>& values = {});

// Whether the catalog has `english` in `language` (not falling back); for tests and translators.
bool has_report_label(std::string_view english, std::string_view language);

// Every English key of the catalog.
std::vector<std::string> report_label_keys();

// The country's name in `language`, from ICU's locale data ("NP", "hi" -> "नेपाल"); the code itself when
// ICU knows no such region.
std::string country_name(const std::string& iso_code, std::string_view language);

}  // namespace mitra::io
