// What every mitra-cli command shares.
#include "cli/context.hpp"

#include "core/text.hpp"
#include "io/display_width.hpp"
#include "io/fault_words.hpp"
#include "io/files.hpp"
#include "store/repos.hpp"
#include "store/rows.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>

namespace mitra::cli {

store::Database& Context::db() {
    if (!db_) {
        db_ = store::Database::open(target());
        // In English as they always were (their messages); in another language io's words for their kinds.
        const io::Catalog& said = words();
        for (const auto& warning : db_->warnings())
            std::cerr << "mitra-cli: "
                      << (said.translated() ? io::format(said.tr("warning: %s"), {io::fault_phrase(warning, said)})
                                            : "warning: " + warning.message)
                      << '\n';
        // One line, once, so a command that seems stuck says why; the store gives up after the limit.
        db_->on_waiting(
            [this, said = &said, told = false](std::chrono::milliseconds, std::chrono::seconds limit) mutable {
                if (!told)
                    std::cerr << "mitra-cli: "
                              << io::format(said->tr("another program is changing the database %s; waiting for it to "
                                                     "finish (up to %d s)"),
                                            {db_->shown_target(), static_cast<long long>(limit.count())})
                              << '\n';
                told = true;
                return true;
            });
    }
    return *db_;
}

std::string Context::target() const { return db_target.empty() ? store::Database::default_path() : db_target; }

void Context::print(const json& value, const std::string& text) const {
    if (json_output) std::cout << value.dump(2) << '\n';
    else if (!text.empty()) std::cout << text << (text.back() == '\n' ? "" : "\n");
}

const io::Catalog& Context::words() const { return io::catalog(io::environment_language()); }

void bad_option(const std::string& option, const std::string& message) {
    throw InputError{{Problem{"", 0, 0, option, message}}};
}

void bad_option(const std::string& option, ProblemCode code, std::vector<std::string> values) {
    throw InputError{{store::coded(option, code, std::move(values))}};
}

void refuse_if_any(const std::vector<FieldError>& errors) {
    if (errors.empty()) return;
    InputError error;
    for (const auto& e : errors) {
        std::string option = "--" + e.field;
        std::replace(option.begin(), option.end(), '_', '-');
        Problem problem = to_problem(e);  // with its code, so main's catch words it in the user's language
        problem.field = option;
        error.problems.push_back(std::move(problem));
    }
    throw error;
}

std::string teaching_advice(const TeachingBar& bar) {
    if (!bar) return {};
    return bar.reason == TeachingBar::Reason::not_qualified ? " (mitra-cli trainer qualify)"
                                                            : " (mitra-cli trainer certify)";
}

std::string refusal_advice(const InputError& refused) {
    if (const auto* teaching = dynamic_cast<const store::TeachingRefusal*>(&refused))
        return teaching_advice(teaching->bar);
    const auto* refusal = dynamic_cast<const store::Refusal*>(&refused);
    if (!refusal) return {};
    switch (refusal->reason) {
        case store::Refusal::Reason::curriculum_not_imported: return " (mitra-cli curriculum import FILE)";
        case store::Refusal::Reason::no_completion_certificate: return " (mitra-cli certificate issue COHORT)";
        case store::Refusal::Reason::not_a_pack: return " (make one with `mitra-cli pack export COHORT --out FILE`)";
    }
    return {};
}

std::string database_advice(const store::DatabaseError& failure) {
    // English as it always was, after the store's English message; in another language a sentence of its own.
    const io::Catalog& words = io::catalog(io::environment_language());
    const bool english = !words.translated();
    if (const auto* damaged = dynamic_cast<const store::DatabaseDamaged*>(&failure);
        damaged && !damaged->latest_good_backup.empty()) {
        const std::string command =
            "mitra-cli --db '" + damaged->path + "' restore '" + damaged->latest_good_backup + "'";
        if (english) return ": " + command + " moves the damaged file aside and puts a copy of the backup in its place";
        return " " + io::format(words.tr("%s moves the damaged file aside (it is kept) and puts a copy of the backup "
                                         "in its place."),
                                {command});
    }
    if (dynamic_cast<const store::SchemaNeedsOwner*>(&failure)) {
        if (english)
            return "; ask the coordinator, who owns it, to run `mitra-cli --db URL init` with this version of Mitra";
        return " " + io::format(words.tr("Ask the coordinator, who owns it, to run %s with this version of Mitra."),
                                {"mitra-cli --db URL init"});
    }
    return {};
}

Date date_option(const std::string& option, const std::string& value) {
    auto d = parse_date(value);
    // TRANSLATORS: %s is the value given for a date option (--today); YYYY-MM-DD is the form to type, as it is.
    if (!d)
        bad_option(option,
                   io::format(io::catalog(io::environment_language()).tr("'%s' is not a date in the form YYYY-MM-DD"),
                              {value}));
    return *d;
}

LocalTime time_option(const std::string& option, const std::string& value) {
    auto t = parse_time(value);
    // TRANSLATORS: %s is the value given for a time option (--start); HH:MM is the form to type, as it is.
    if (!t)
        bad_option(
            option,
            io::format(io::catalog(io::environment_language()).tr("'%s' is not a time in the form HH:MM (24-hour)"),
                       {value}));
    return *t;
}

std::string shipped_dir(const std::string& name) {
    const auto dir = io::shipped_dir(name);
    if (dir.empty())
        // TRANSLATORS: %s is a folder's name (curricula, certificates); MITRA_DATA_DIR is an environment variable.
        throw std::runtime_error(io::format(
            io::catalog(io::environment_language()).tr("cannot find the programme's %s folder (set MITRA_DATA_DIR)"),
            {name}));
    return dir.string();
}

std::string table(const std::vector<std::vector<std::string>>& rows) {
    std::vector<int> widths;
    for (const auto& row : rows)
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (widths.size() <= i) widths.push_back(0);
            widths[i] = std::max(widths[i], io::display_width(row[i]));
        }
    std::string out;
    for (const auto& row : rows) {
        std::string line;
        for (std::size_t i = 0; i < row.size(); ++i) {
            line += row[i];
            if (i + 1 < row.size()) line += std::string(widths[i] - io::display_width(row[i]) + 2, ' ');
        }
        out += line + '\n';
    }
    return out;
}

}  // namespace mitra::cli
