// mitra-cli participant add|import|list|show.
#include <map>
#include <set>

#include "cli/context.hpp"
#include "pdf/font_stack.hpp"
#include "workflow/door.hpp"
#include "io/csv.hpp"
#include "io/files.hpp"
#include "io/participant_csv.hpp"
#include "core/text.hpp"
#include "store/repos.hpp"

namespace mitra::cli {
namespace {

struct ParticipantAddOptions {
    Participant participant;
    std::string consent;
    bool allow_lookalike = false;
};

struct ParticipantImportOptions {
    std::string file;
    bool allow_lookalike = false;
};

store::Lookalikes lookalikes(bool allowed) { return allowed ? store::Lookalikes::allow : store::Lookalikes::refuse; }

// The store's refusal in the options' words, with the way to go on.
[[noreturn]] void refuse_lookalike_options(const store::LookalikeError& e, const io::Catalog& words) {
    InputError error;
    for (const auto& found : e.found)
        error.problems.push_back(Problem{
            "", 0, 0, found.field == "latin_name" ? "--latin-name" : "--full-name",
            // TRANSLATORS: said of the name given with --full-name or --latin-name; %s is the refs of people kept.
            io::format(words.tr("looks like %s (the name reads the same: look-alike letters, case, spacing or "
                                "invisible characters aside); if they are different people, run it again with "
                                "--allow-lookalike"),
                       {join(found.refs, ", ")})});
    throw error;
}

// The same for an import: where each look-alike is in the file, and who it looks like there and already. The
// file is read again for the lines (the import held a batch at a time): a ref of the file above the row is given
// with its line, whether the store found it earlier in the row's batch or kept from an earlier batch.
[[noreturn]] void refuse_lookalike_rows(const store::LookalikeError& e, const std::string& file,
                                        std::string_view content, const io::Catalog& words) {
    std::set<std::size_t> indexes;
    std::set<std::string> refs;
    for (const auto& found : e.found) {
        indexes.insert(found.index);
        indexes.insert(found.earlier.begin(), found.earlier.end());
        refs.insert(found.refs.begin(), found.refs.end());
    }
    std::map<std::size_t, io::ParticipantRow> by_index;  // only the rows named
    std::map<std::string, std::size_t> index_of_ref;
    io::ParticipantCsvReader reader(content, file);
    io::ParticipantRow row;
    Problems problems;
    for (std::size_t i = 0; reader.next(row, problems); ++i)
        if (indexes.count(i) || refs.count(row.participant.ref)) {
            index_of_ref.emplace(row.participant.ref, i);
            by_index.emplace(i, row);
        }
    auto with_line = [&](std::size_t i) {
        const auto& r = by_index.at(i);
        // TRANSLATORS: %1$s is a person's ref, %2$d the line of the file it is on.
        return io::format(words.tr("%1$s (line %2$d)"), {r.participant.ref, static_cast<long long>(r.line)});
    };
    InputError error;
    for (std::size_t k = 0; k < e.found.size(); ++k) {
        const auto& found = e.found[k];
        std::vector<std::string> like;
        std::set<std::size_t> earlier(found.earlier.begin(), found.earlier.end());
        for (const auto& ref : found.refs) {
            const auto in_file = index_of_ref.find(ref);
            if (in_file != index_of_ref.end() && in_file->second < found.index) earlier.insert(in_file->second);
            else like.push_back(ref);
        }
        for (std::size_t j : earlier) like.push_back(with_line(j));
        const auto& self = by_index.at(found.index);
        // The last one says how to go on.
        const bool last = k + 1 == e.found.size();
        // TRANSLATORS: %1$s is a person's ref in the file, %2$s the refs (with lines) of those it looks like.
        const std::string pattern =
            last ? words.tr(
                       "%1$s looks like %2$s (the name reads the same: look-alike letters, case, spacing or "
                       "invisible characters aside); if they are different people, run it again with "
                       "--allow-lookalike")
                 : words.tr(
                       "%1$s looks like %2$s (the name reads the same: look-alike letters, case, spacing or "
                       "invisible characters aside)");
        error.problems.push_back(
            Problem{file, self.line, 0, found.field, io::format(pattern, {self.participant.ref, join(like, ", ")})});
    }
    throw error;
}

struct ParticipantListOptions {
    store::ParticipantQuery query;
};

struct ParticipantShowOptions {
    std::string ref;
};

json participant_json(const Participant& p) {
    return json{{"ref", p.ref},
                {"full_name", p.full_name},
                {"latin_name", p.latin_name},
                {"country", p.country},
                {"language", p.language}};
}

void run_participant_add(Context& ctx, const ParticipantAddOptions& options) {
    Participant p = options.participant;
    if (!options.consent.empty()) p.consent_date = date_option("--consent", options.consent);
    normalize(p);
    refuse_if_any(validate(p));
    pdf::FontStack fonts;  // every character must be printable on a certificate
    workflow::refuse_unprintable(fonts, p, "--full-name", "--latin-name");
    try {
        store::ParticipantRepo(ctx.db()).add(p, lookalikes(options.allow_lookalike));
    } catch (const store::LookalikeError& e) {
        refuse_lookalike_options(e, ctx.words());
    }
    // TRANSLATORS: %s is the new person's ref.
    ctx.print(participant_json(p), io::format(ctx.words().tr("Added %s"), {p.ref}));
}

void run_participant_import(Context& ctx, const ParticipantImportOptions& options) {
    pdf::FontStack fonts;  // every character must be printable on a certificate
    // The whole file is checked first, keeping no rows; then it is read again a batch at a time into one write,
    // so a million people take the file's size in memory and a batch, not a record each.
    const auto file = io::read_input_file(options.file, io::CsvLimits{}.max_file_bytes);
    if (!file.ok()) throw InputError{file.problems};
    const auto checked = workflow::check_participant_csv(fonts, file.value, options.file);
    if (!checked.ok()) throw InputError{checked.problems};
    workflow::ParticipantCsvSource people(file.value, options.file, checked.value);
    store::ImportCounts counts;
    try {
        counts = store::ParticipantRepo(ctx.db()).save_all(people, lookalikes(options.allow_lookalike));
    } catch (const store::LookalikeError& e) {
        refuse_lookalike_rows(e, options.file, file.value, ctx.words());
    }
    ctx.print(json{{"file", options.file},
                   {"created", counts.created},
                   {"updated", counts.updated},
                   {"unchanged", counts.unchanged}},
              // TRANSLATORS: %1$s is a file; then how many people were new, changed and the same as before.
              io::format(ctx.words().tr("Imported %1$s: %2$d added, %3$d updated, %4$d unchanged"),
                         {options.file, counts.created, counts.updated, counts.unchanged}));
}

void run_participant_list(Context& ctx, const ParticipantListOptions& options) {
    json items = json::array();
    const io::Catalog& words = ctx.words();
    std::vector<std::vector<std::string>> rows{{words.trc("column", "REF"), words.trc("column", "FULL NAME"),
                                                words.trc("column", "LATIN NAME"), words.trc("column", "COUNTRY"),
                                                words.trc("column", "LANGUAGE")}};
    for (const auto& person : store::ParticipantRepo(ctx.db()).list(options.query)) {
        items.push_back(participant_json(person));
        rows.push_back({person.ref, person.full_name, person.latin_name, person.country, person.language});
    }
    ctx.print(items, rows.size() > 1 ? table(rows) : words.tr("No one found"));
}

void run_participant_show(Context& ctx, const ParticipantShowOptions& options) {
    auto person = store::ParticipantRepo(ctx.db()).find(options.ref);
    if (!person) bad_option("ref", ProblemCode::no_participant, {options.ref});
    json j = participant_json(*person);
    j["email"] = person->email;
    j["phone"] = person->phone;
    j["consent_date"] = person->consent_date ? to_string(*person->consent_date) : "";
    const io::Catalog& words = ctx.words();
    // TRANSLATORS: the labels of a person's details, one a line in a terminal, lower case.
    std::string text =
        table({{words.trc("label", "ref"), person->ref},
               {words.trc("label", "full name"), person->full_name},
               {words.trc("label", "latin name"), person->latin_name},
               {words.trc("label", "country"), person->country},
               {words.trc("label", "language"), person->language},
               {words.trc("label", "email"), person->email},
               {words.trc("label", "phone"), person->phone},
               {words.trc("label", "consent"), person->consent_date ? to_string(*person->consent_date) : "-"}});
    ctx.print(j, text);
}

}  // namespace

void add_participant_commands(CLI::App& app, Context& ctx) {
    // TRANSLATORS: the --help descriptions of this file's commands and options (mitra-cli COMMAND --help).
    const io::Catalog& help = ctx.words();
    auto* group = app.add_subcommand("participant", help.tr("The people in training"));
    group->require_subcommand(1);

    auto added = std::make_shared<ParticipantAddOptions>();
    auto* add = group->add_subcommand("add", help.tr("Add a person"));
    add->add_option("--ref", added->participant.ref, help.tr("The programme's own key for the person"))->required();
    add->add_option("--name,--full-name", added->participant.full_name,
                    help.tr("The full name exactly as the person writes it"))
        ->required();
    add->add_option("--latin-name", added->participant.latin_name, help.tr("The name in Latin script (optional)"));
    add->add_option("--country", added->participant.country, help.tr("ISO 3166-1 country code, such as LK"))
        ->required();
    add->add_option("--language", added->participant.language, help.tr("BCP 47 language tag, such as si"))->required();
    add->add_option("--email", added->participant.email, help.tr("E-mail address (optional)"));
    add->add_option("--phone", added->participant.phone, help.tr("Phone number (optional)"));
    add->add_option("--consent", added->consent,
                    help.tr("The date the person consented to their data being kept (YYYY-MM-DD)"));
    add->add_flag(
        "--allow-lookalike", added->allow_lookalike,
        help.tr("Add the person even though their name looks like someone's already kept (different people)"));
    add->callback([&ctx, added] { run_participant_add(ctx, *added); });

    auto imported = std::make_shared<ParticipantImportOptions>();
    auto* import_command = group->add_subcommand("import", help.tr("Import people from a CSV file (all rows or none)"));
    import_command
        ->add_option("file", imported->file,
                     help.tr("UTF-8 CSV with header ref,full_name,latin_name,country,language,email"))
        ->required();
    import_command->add_flag(
        "--allow-lookalike", imported->allow_lookalike,
        help.tr("Import people whose names look like someone's (in the file or already kept): different people"));
    import_command->callback([&ctx, imported] { run_participant_import(ctx, *imported); });

    auto listed = std::make_shared<ParticipantListOptions>();
    auto* list = group->add_subcommand("list", help.tr("List people"));
    list->add_option("--cohort", listed->query.cohort_code, help.tr("Only those enrolled in this cohort"));
    list->add_option("--search", listed->query.search, help.tr("Part of a ref or name"));
    list->callback([&ctx, listed] { run_participant_list(ctx, *listed); });

    auto shown = std::make_shared<ParticipantShowOptions>();
    auto* show = group->add_subcommand("show", help.tr("Show one person"));
    show->add_option("ref", shown->ref, help.tr("The person's ref"))->required();
    show->callback([&ctx, shown] { run_participant_show(ctx, *shown); });
}

}  // namespace mitra::cli
