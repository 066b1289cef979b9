// mitra-cli's help frame and parse errors in the user's language (see help.hpp).
#include "cli/help.hpp"

#include <algorithm>
#include <regex>
#include <sstream>

#include "io/display_width.hpp"

namespace mitra::cli {
namespace {

// CLI11's Formatter with its frame words from the catalog. CLI11 asks get_label for the usage line's words and
// an option's type; the group headings ("Options", "Subcommands", "Positionals") it prints as they are named.
class HelpWords : public CLI::Formatter {
public:
    explicit HelpWords(const io::Catalog& words) : words_(words) {
        // TRANSLATORS: the frame of `mitra-cli ... --help`: "Usage: mitra-cli key new [OPTIONS]".
        label("Usage", words.trc("help", "Usage"));
        // TRANSLATORS: in `--help`'s usage line, standing for the options one may give: [OPTIONS].
        label("OPTIONS", words.trc("help", "OPTIONS"));
        // TRANSLATORS: in `--help`'s usage line, standing for the command to give next: mitra-cli key SUBCOMMAND.
        label("SUBCOMMAND", words.trc("help", "SUBCOMMAND"));
        label("SUBCOMMANDS", words.trc("help", "SUBCOMMAND"));
        // TRANSLATORS: a heading of `--help`: the values given without an option name (a file, a cohort's code).
        label("Positionals", words.trc("help", "Positionals"));
        // TRANSLATORS: after an option in `--help`: it must be given.
        label("REQUIRED", words.trc("help", "REQUIRED"));
        // TRANSLATORS: after an option in `--help`: the environment variable that may give it (Env:MITRA_DB).
        label("Env", words.trc("help", "Env"));
        // TRANSLATORS: after an option in `--help`, before the options it cannot be given with.
        label("Excludes", words.trc("help", "Excludes"));
        // TRANSLATORS: after an option in `--help`, before the options it must be given with.
        label("Needs", words.trc("help", "Needs"));
    }

    std::string make_group(std::string group, bool is_positional, std::vector<const CLI::Option*> opts) const override {
        // TRANSLATORS: a heading of `--help`: the options of a command (--out, --json).
        if (group == "Options") group = words_.trc("help", "Options");
        return CLI::Formatter::make_group(group, is_positional, opts);
    }

    std::string make_subcommands(const CLI::App* app, CLI::AppFormatMode mode) const override {
        std::string out = CLI::Formatter::make_subcommands(app, mode);
        // TRANSLATORS: a heading of `--help`: the commands one may give next (key new, key export).
        const std::string heading = "\n" + words_.trc("help", "Subcommands") + ":\n";
        for (auto at = out.find("\nSubcommands:\n"); at != std::string::npos; at = out.find("\nSubcommands:\n", at))
            out.replace(at, 14, heading), at += heading.size();
        return out;
    }

    std::string make_option_opts(const CLI::Option* opt) const override {
        std::ostringstream out;
        if (!opt->get_option_text().empty()) return " " + opt->get_option_text();
        if (opt->get_type_size() != 0) {
            if (!opt->get_type_name().empty()) out << " " << type_words(opt->get_type_name());
            if (!opt->get_default_str().empty()) out << "=" << opt->get_default_str();
            if (opt->get_expected_max() == CLI::detail::expected_max_vector_size) out << " ...";
            else if (opt->get_expected_min() > 1) out << " x " << opt->get_expected();
            if (opt->get_required()) out << " " << get_label("REQUIRED");
        }
        if (!opt->get_envname().empty()) out << " (" << get_label("Env") << ":" << opt->get_envname() << ")";
        if (!opt->get_needs().empty()) {
            out << " " << get_label("Needs") << ":";
            for (const CLI::Option* other : opt->get_needs()) out << " " << other->get_name();
        }
        if (!opt->get_excludes().empty()) {
            out << " " << get_label("Excludes") << ":";
            for (const CLI::Option* other : opt->get_excludes()) out << " " << other->get_name();
        }
        return out.str();
    }

    // CLI11 pads the left column with setw, by bytes: a translated "TEXT REQUIRED" in Korean or Thai takes fewer
    // columns than bytes, and its description would start too far left. These pad by display width instead.
    std::string make_option(const CLI::Option* opt, bool is_positional) const override {
        return help_line(make_option_name(opt, is_positional) + make_option_opts(opt), make_option_desc(opt));
    }

    std::string make_subcommand(const CLI::App* sub) const override {
        return help_line(sub->get_display_name(true), sub->get_description());
    }

    std::string make_option_desc(const CLI::Option* opt) const override {
        // CLI11's own help flags, which every command has.
        if (opt->get_description() == "Print this help message and exit")
            // TRANSLATORS: `--help`'s description of --help itself.
            return words_.tr("Print this help message and exit");
        return CLI::Formatter::make_option_desc(opt);
    }

private:
    // CLI11's detail::format_help, padded by display width: the name indented two, its description from the
    // column (on the next line when the name reaches it), each further line of the description indented to it.
    std::string help_line(const std::string& name, const std::string& description) const {
        const std::string left = "  " + name;
        const int width = io::display_width(left), column = static_cast<int>(get_column_width());
        std::string out = left + std::string(static_cast<std::size_t>(std::max(0, column - width)), ' ');
        if (!description.empty()) {
            if (width >= column) out += "\n" + std::string(static_cast<std::size_t>(column), ' ');
            for (const char c : description) {
                out += c;
                if (c == '\n') out += std::string(static_cast<std::size_t>(column), ' ');
            }
        }
        return out + "\n";
    }

    // An option's type as CLI11 names it, each part in words: "TEXT", "TEXT:FILE", "INT:INT in [1 - 1000]".
    std::string type_words(const std::string& type) const {
        static const std::regex range(R"(^(\w+) in \[(.+) - (.+)\]$)");
        std::string out;
        std::size_t start = 0;
        while (start <= type.size()) {
            std::size_t end = type.find(':', start);
            if (end == std::string::npos) end = type.size();
            const std::string part = type.substr(start, end - start);
            std::smatch m;
            std::string said = part;
            if (std::regex_match(part, m, range))
                // TRANSLATORS: `--help`'s type of an option taking a number in a range: "INT in [1 - 1000]"; %1$s
                // is the kind of number (already translated), %2$s and %3$s the ends.
                said = io::format(words_.trc("help", "%1$s from %2$s to %3$s"),
                                  {type_word(m[1].str()), m[2].str(), m[3].str()});
            else said = type_word(part);
            out += (out.empty() ? "" : ":") + said;
            start = end + 1;
        }
        return out;
    }

    std::string type_word(const std::string& part) const {
        // TRANSLATORS: `--help`'s type of an option's value: words.
        if (part == "TEXT") return words_.trc("help", "TEXT");
        // TRANSLATORS: `--help`'s type of an option's value: a whole number.
        if (part == "INT" || part == "UINT") return words_.trc("help", "INT");
        // TRANSLATORS: `--help`'s type of an option's value: a number with a fraction.
        if (part == "FLOAT") return words_.trc("help", "FLOAT");
        // TRANSLATORS: `--help`'s type of an option's value: a file that must exist.
        if (part == "FILE") return words_.trc("help", "FILE");
        // TRANSLATORS: `--help`'s type of an option's value: a folder that must exist.
        if (part == "DIR") return words_.trc("help", "DIR");
        return part;
    }

    const io::Catalog& words_;
};

}  // namespace

void use_help_words(CLI::App& app, const io::Catalog& words) { app.formatter(std::make_shared<HelpWords>(words)); }

std::string parse_error_words(const CLI::ParseError& error, const io::Catalog& words) {
    const std::string said = error.what();
    std::smatch m;
    static const std::regex extras(R"(^The following arguments? (?:was|were) not expected: (.*)$)");
    static const std::regex required(R"(^(\S+) is required$)");
    static const std::regex subcommands(R"(^Requires at least (\d+) subcommands$)");
    static const std::regex range(R"(^(\S+): Value (.*) not in range (.*) to (.*)$)");
    static const std::regex member(R"(^(\S+): (.*) not in \{(.*)\}$)");
    static const std::regex no_file(R"(^(\S+): (?:File|Path|Directory) does not exist: (.*)$)");
    static const std::regex not_number(R"(^(?:Could not convert: (\S+) = (.*)|(\S+): Value (.*) could not be .*)$)");
    static const std::regex excludes(R"(^(\S+) excludes (\S+)$)");
    static const std::regex requires_other(R"(^(\S+) requires (\S+)$)");
    static const std::regex count(R"(^Expected (?:exactly|at least) \d+ arguments? to (\S+), got \d+$)");
    if (std::regex_match(said, m, extras))
        // TRANSLATORS: a command line with words mitra-cli does not take; %s is what was given (code).
        return io::format(words.tr("mitra-cli does not take %s here"), {m[1].str()});
    if (said == "A subcommand is required")
        // TRANSLATORS: a command group given without its command (mitra-cli key, without new or export).
        return words.tr("name a command of this group");
    if (std::regex_match(said, m, subcommands)) return words.tr("name a command of this group");
    if (std::regex_match(said, m, required))
        // TRANSLATORS: %s is an option (--out) or a value's name (cohort) that the command needs.
        return io::format(words.tr("%s is required"), {m[1].str()});
    if (std::regex_match(said, m, range))
        // TRANSLATORS: %1$s is an option (--keep), %2$s the number given, %3$s and %4$s the range's ends.
        return io::format(words.tr("%1$s: %2$s is not a number from %3$s to %4$s"),
                          {m[1].str(), m[2].str(), m[3].str(), m[4].str()});
    if (std::regex_match(said, m, member))
        // TRANSLATORS: %1$s is an option (--format), %2$s the value given, %3$s the values it takes (pdf,csv,xlsx).
        return io::format(words.tr("%1$s: %2$s is not one of %3$s"), {m[1].str(), m[2].str(), m[3].str()});
    if (std::regex_match(said, m, no_file))
        // TRANSLATORS: %1$s is an option or a value's name (file), %2$s the path given.
        return io::format(words.tr("%1$s: there is no %2$s"), {m[1].str(), m[2].str()});
    if (std::regex_match(said, m, not_number))
        // TRANSLATORS: %1$s is an option (--keep), %2$s the value given where a number was wanted.
        return io::format(words.tr("%1$s: %2$s is not a number"),
                          {m[1].matched ? m[1].str() : m[3].str(), m[2].matched ? m[2].str() : m[4].str()});
    if (std::regex_match(said, m, excludes))
        // TRANSLATORS: two options (--participant, --cohort) that cannot be given together.
        return io::format(words.tr("%1$s and %2$s cannot be given together"), {m[1].str(), m[2].str()});
    if (std::regex_match(said, m, requires_other))
        // TRANSLATORS: %1$s is an option given, %2$s the option it needs with it.
        return io::format(words.tr("%1$s needs %2$s too"), {m[1].str(), m[2].str()});
    if (std::regex_match(said, m, count))
        // TRANSLATORS: %s is an option given too few or too many values.
        return io::format(words.tr("%s was given the wrong number of values"), {m[1].str()});
    return said;
}

}  // namespace mitra::cli
