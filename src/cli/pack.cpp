// mitra-cli pack export C --out FILE, pack merge FILE: a cohort taken to the field offline, and brought back.
#include "cli/context.hpp"
#include "store/pack.hpp"

namespace mitra::cli {
namespace {

struct PackExportOptions {
    std::string cohort;
    std::string out;
};

struct PackMergeOptions {
    std::string file;
};

void run_pack_export(Context& ctx, const PackExportOptions& options) {
    const auto done = store::export_pack(ctx.db(), options.cohort, options.out);
    ctx.print(json{{"file", done.file},
                   {"pack", done.pack_uuid},
                   {"cohort", done.cohort_code},
                   {"exported_at", done.exported_at},
                   {"participants", done.participants},
                   {"trainers", done.trainers},
                   {"trainer_certifications", done.trainer_certifications},
                   {"learning_entries", done.learning_entries},
                   {"supervisors", done.supervisors},
                   {"practice_records", done.practice_records},
                   {"sessions", done.sessions},
                   {"marks", done.marks},
                   {"records", done.records}},
              "Wrote " + done.file + ": cohort " + done.cohort_code + " with " + std::to_string(done.participants) +
                  " people, " + std::to_string(done.trainers) + " trainer(s), " + std::to_string(done.sessions) +
                  " sessions, " + std::to_string(done.marks) + " marks, " + std::to_string(done.records) +
                  " records, " + std::to_string(done.practice_records) + " supervision and assessment records (" +
                  std::to_string(done.supervisors) + " supervisor(s)) and " + std::to_string(done.learning_entries) +
                  " learning entries.\nIn the field: mitra-cli --db " + done.file +
                  " ...; back at the hub: mitra-cli pack merge " + done.file);
}

void run_pack_merge(Context& ctx, const PackMergeOptions& options) {
    const auto report = store::merge_pack(ctx.db(), options.file);
    json entities = json::object();
    std::string text;
    for (const auto& [entity, n] : report.by_entity) {
        entities[entity] = {{"added", n.added}, {"changed", n.changed}, {"removed", n.removed}};
        text += "  " + entity + ": " + std::to_string(n.added) + " added, " + std::to_string(n.changed) + " changed, " +
                std::to_string(n.removed) + " removed\n";
    }
    json conflicts = json::array();
    for (const auto& c : report.conflicts) {
        conflicts.push_back(
            {{"entity", c.entity},
             {"uuid", c.uuid},
             {"what", c.what},
             {"hub", {{"value", c.hub_value}, {"changed_at", c.hub_changed_at}, {"changed_by", c.hub_changed_by}}},
             {"pack", {{"value", c.pack_value}, {"changed_at", c.pack_changed_at}, {"changed_by", c.pack_changed_by}}},
             {"kept", c.kept}});
        text += "  conflict: " + c.what + " (" + c.entity + "): kept the " +
                (c.kept == "pack" ? "field's " + c.pack_value + " (" + c.pack_changed_at + ", " + c.pack_changed_by +
                                        ") over the hub's " + c.hub_value
                                  : "hub's " + c.hub_value + " (" + c.hub_changed_at + ", " + c.hub_changed_by +
                                        ") over the field's " + c.pack_value) +
                "; the other is in the audit history\n";
    }
    auto not_merged = report.not_merged;
    if (report.field_trainer_certifications)
        not_merged.push_back(std::to_string(report.field_trainer_certifications) +
                             " trainer certification(s) recorded in the field: trainers are certified at the hub, so "
                             "record them there (mitra-cli trainer certify)");
    for (const auto& n : not_merged) text += "  not merged: " + n + "\n";
    const std::string head =
        report.changed_anything()
            ? "Merged pack " + report.pack_uuid + " (cohort " + report.cohort_code + ", exported " +
                  report.exported_at +
                  (report.migrated ? ", migrated from schema version " + std::to_string(report.pack_schema_version)
                                   : "") +
                  "): " + std::to_string(report.conflicts.size()) + " conflict(s)\n"
            : "Nothing new in pack " + report.pack_uuid + " (cohort " + report.cohort_code +
                  "): this database has all of it already\n";
    ctx.print(json{{"pack", report.pack_uuid},
                   {"cohort", report.cohort_code},
                   {"exported_at", report.exported_at},
                   {"pack_schema_version", report.pack_schema_version},
                   {"migrated", report.migrated},
                   {"changed", report.changed_anything()},
                   {"entities", entities},
                   {"conflicts", conflicts},
                   {"not_merged", not_merged}},
              head + text);
}

}  // namespace

void add_pack_commands(CLI::App& app, Context& ctx) {
    auto* pack = app.add_subcommand("pack", "Field packs: a cohort taken offline in one file, and merged back")
                     ->require_subcommand(1);

    auto exported = std::make_shared<PackExportOptions>();
    auto* exp = pack->add_subcommand("export", "Write one cohort, with all it needs, to a pack file for the field");
    exp->add_option("cohort", exported->cohort, "The cohort's code")->required();
    exp->add_option("--out", exported->out, "The pack file to write (an SQLite database; never written over)")
        ->required();
    exp->callback([&ctx, exported] { run_pack_export(ctx, *exported); });

    auto merged = std::make_shared<PackMergeOptions>();
    auto* merge = pack->add_subcommand("merge", "Bring a field pack's work into this database, in one transaction");
    merge->add_option("file", merged->file, "The pack file")->required();
    merge->callback([&ctx, merged] { run_pack_merge(ctx, *merged); });
}

}  // namespace mitra::cli
