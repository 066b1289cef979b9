// mitra-cli trainer add|list|qualify.
#include "cli/context.hpp"
#include "store/repos.hpp"

namespace mitra::cli {

void add_trainer_commands(CLI::App& app, Context& ctx) {
    auto* group = app.add_subcommand("trainer", "Trainers and the modules they are qualified to teach");
    group->require_subcommand(1);

    auto* add = group->add_subcommand("add", "Add a trainer");
    static Trainer t;
    static std::string languages, qualified;
    add->add_option("--ref", t.ref, "The trainer's ref")->required();
    add->add_option("--name", t.name, "Name in the trainer's own script")->required();
    add->add_option("--latin-name", t.latin_name, "Name in Latin script (optional)");
    add->add_option("--country", t.country, "ISO 3166-1 country code, such as NP")->required();
    add->add_option("--languages", languages, "Languages taught in, such as ne,en")->required();
    add->add_option("--qualified", qualified, "Module codes the trainer may teach, such as M01,M02");
    add->callback([&ctx] {
        t.languages = split_list(languages);
        t.qualified_modules = split_list(qualified);
        refuse_if_any(validate(t));
        store::TrainerRepo(ctx.db()).add(t);
        ctx.print(json{{"ref", t.ref}, {"uuid", t.uuid}}, "Added trainer " + t.ref);
    });

    auto* qualify = group->add_subcommand("qualify", "Qualify a trainer for more modules");
    static std::string ref, modules;
    qualify->add_option("ref", ref, "The trainer's ref")->required();
    qualify->add_option("modules", modules, "Module codes, such as M03,M04")->required();
    qualify->callback([&ctx] {
        store::TrainerRepo(ctx.db()).qualify(ref, split_list(modules));
        ctx.print(json{{"ref", ref}, {"qualified", split_list(modules)}}, "Qualified " + ref + " for " + modules);
    });

    auto* list = group->add_subcommand("list", "List the trainers");
    list->callback([&ctx] {
        json items = json::array();
        std::vector<std::vector<std::string>> rows{{"REF", "NAME", "LATIN NAME", "COUNTRY", "QUALIFIED"}};
        for (const auto& tr : store::TrainerRepo(ctx.db()).list()) {
            items.push_back({{"ref", tr.ref}, {"name", tr.name}, {"latin_name", tr.latin_name},
                             {"country", tr.country}, {"languages", tr.languages},
                             {"qualified", tr.qualified_modules}});
            rows.push_back({tr.ref, tr.name, tr.latin_name, tr.country, join(tr.qualified_modules, ",")});
        }
        ctx.print(items, rows.size() > 1 ? table(rows) : "No trainers yet");
    });
}

}  // namespace mitra::cli
