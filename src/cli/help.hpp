// mitra-cli's help and its parse errors in the user's language: CLI11's frame words (Usage, OPTIONS, REQUIRED,
// TEXT...) through the catalog, and CLI11's complaints about a command line said as sentences of the catalog.
#pragma once
#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "io/catalog.hpp"

namespace mitra::cli {

// A formatter for `app` and every subcommand added after it (CLI11 hands the formatter down when a subcommand is
// added): install it before the command groups.
void use_help_words(CLI::App& app, const io::Catalog& words);

// A CLI11 parse error for people, in `words`' language: "--out is required" -> "--out を指定してください". Kinds
// without a wording of their own keep CLI11's English.
std::string parse_error_words(const CLI::ParseError& error, const io::Catalog& words);

}  // namespace mitra::cli
