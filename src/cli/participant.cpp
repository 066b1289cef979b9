// mitra-cli participant add|import|list|show.
#include "cli/context.hpp"
#include "io/participant_csv.hpp"
#include "store/repos.hpp"

namespace mitra::cli {
namespace {

json participant_json(const Participant& p) {
    return json{{"ref", p.ref},
                {"full_name", p.full_name},
                {"latin_name", p.latin_name},
                {"country", p.country},
                {"language", p.language}};
}

}  // namespace

void add_participant_commands(CLI::App& app, Context& ctx) {
    auto* group = app.add_subcommand("participant", "The people in training");
    group->require_subcommand(1);

    auto* add = group->add_subcommand("add", "Add a person");
    static Participant p;
    static std::string consent;
    add->add_option("--ref", p.ref, "The programme's own key for the person")->required();
    add->add_option("--name,--full-name", p.full_name, "The full name exactly as the person writes it")->required();
    add->add_option("--latin-name", p.latin_name, "The name in Latin script (optional)");
    add->add_option("--country", p.country, "ISO 3166-1 country code, such as LK")->required();
    add->add_option("--language", p.language, "BCP 47 language tag, such as si")->required();
    add->add_option("--email", p.email, "E-mail address (optional)");
    add->add_option("--phone", p.phone, "Phone number (optional)");
    add->add_option("--consent", consent, "The date the person consented to their data being kept (YYYY-MM-DD)");
    add->callback([&ctx] {
        if (!consent.empty()) p.consent_date = date_option("--consent", consent);
        normalize(p);
        refuse_if_any(validate(p));
        store::ParticipantRepo(ctx.db()).add(p);
        ctx.print(participant_json(p), "Added " + p.ref);
    });

    auto* import = group->add_subcommand("import", "Import people from a CSV file (all rows or none)");
    static std::string file;
    import->add_option("file", file, "UTF-8 CSV with header ref,full_name,latin_name,country,language,email")
        ->required();
    import->callback([&ctx] {
        auto read = io::read_participant_csv_file(file);
        if (!read.ok()) throw InputError{read.problems};
        std::vector<Participant> people;
        for (auto& row : read.value) people.push_back(std::move(row.participant));
        const auto counts = store::ParticipantRepo(ctx.db()).save_all(people);
        ctx.print(json{{"file", file}, {"created", counts.created}, {"updated", counts.updated},
                       {"unchanged", counts.unchanged}},
                  "Imported " + file + ": " + std::to_string(counts.created) + " added, " +
                      std::to_string(counts.updated) + " updated, " + std::to_string(counts.unchanged) +
                      " unchanged");
    });

    auto* list = group->add_subcommand("list", "List people");
    static store::ParticipantQuery query;
    list->add_option("--cohort", query.cohort_code, "Only those enrolled in this cohort");
    list->add_option("--search", query.search, "Part of a ref or name");
    list->callback([&ctx] {
        json items = json::array();
        std::vector<std::vector<std::string>> rows{{"REF", "FULL NAME", "LATIN NAME", "COUNTRY", "LANGUAGE"}};
        for (const auto& person : store::ParticipantRepo(ctx.db()).list(query)) {
            items.push_back(participant_json(person));
            rows.push_back({person.ref, person.full_name, person.latin_name, person.country, person.language});
        }
        ctx.print(items, rows.size() > 1 ? table(rows) : "No one found");
    });

    auto* show = group->add_subcommand("show", "Show one person");
    static std::string ref;
    show->add_option("ref", ref, "The person's ref")->required();
    show->callback([&ctx] {
        auto person = store::ParticipantRepo(ctx.db()).find(ref);
        if (!person) bad_option("ref", "no participant has ref " + ref);
        json j = participant_json(*person);
        j["email"] = person->email;
        j["phone"] = person->phone;
        j["consent_date"] = person->consent_date ? to_string(*person->consent_date) : "";
        std::string text = table({{"ref", person->ref},
                                  {"full name", person->full_name},
                                  {"latin name", person->latin_name},
                                  {"country", person->country},
                                  {"language", person->language},
                                  {"email", person->email},
                                  {"phone", person->phone},
                                  {"consent", person->consent_date ? to_string(*person->consent_date) : "-"}});
        ctx.print(j, text);
    });
}

}  // namespace mitra::cli
