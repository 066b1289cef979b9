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
              // TRANSLATORS: %1$s is the pack file written, %2$s the cohort's code; then how many people,
              // trainers, sessions, attendance marks, records, supervision and assessment records, supervisors and
              // learning entries it holds. The last line's commands are code, as they are.
              io::format(ctx.words().tr("Wrote %1$s: cohort %2$s with people: %3$d, trainers: %4$d, sessions: %5$d, "
                                        "marks: %6$d, records: %7$d, supervision and assessment records: %8$d, "
                                        "supervisors: %9$d, learning entries: %10$d.\n"
                                        "In the field: mitra-cli --db %1$s ...; back at the hub: mitra-cli pack merge "
                                        "%1$s"),
                         {done.file, done.cohort_code, static_cast<long long>(done.participants),
                          static_cast<long long>(done.trainers), static_cast<long long>(done.sessions),
                          static_cast<long long>(done.marks), static_cast<long long>(done.records),
                          static_cast<long long>(done.practice_records), static_cast<long long>(done.supervisors),
                          static_cast<long long>(done.learning_entries)}));
}

void run_pack_merge(Context& ctx, const PackMergeOptions& options) {
    const auto report = store::merge_pack(ctx.db(), options.file);
    const io::Catalog& words = ctx.words();
    json entities = json::object();
    std::string text;
    for (const auto& [entity, n] : report.by_entity) {
        entities[entity] = {{"added", n.added}, {"changed", n.changed}, {"removed", n.removed}};
        // TRANSLATORS: %1$s is a table's name (participants, attendance), as it is; then rows added, changed, removed.
        text += "  " +
                io::format(words.tr("%1$s: %2$d added, %3$d changed, %4$d removed"),
                           {entity, static_cast<long long>(n.added), static_cast<long long>(n.changed),
                            static_cast<long long>(n.removed)}) +
                "\n";
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
        // TRANSLATORS: two changes of one record, in the field and at the hub: %1$s is what was changed, %2$s its
        // table's name; %3$s the value kept, %4$s when and %5$s by whom it was set; %6$s the value not kept.
        text +=
            "  " +
            io::format(c.kept == "pack" ? words.tr("conflict: %1$s (%2$s): kept the field's %3$s (%4$s, "
                                                   "%5$s) over the hub's %6$s; the other is in the audit "
                                                   "history")
                                        : words.tr("conflict: %1$s (%2$s): kept the hub's %3$s (%4$s, "
                                                   "%5$s) over the field's %6$s; the other is in the audit "
                                                   "history"),
                       c.kept == "pack" ? std::vector<io::FormatArg>{c.what, c.entity, c.pack_value, c.pack_changed_at,
                                                                     c.pack_changed_by, c.hub_value}
                                        : std::vector<io::FormatArg>{c.what, c.entity, c.hub_value, c.hub_changed_at,
                                                                     c.hub_changed_by, c.pack_value}) +
            "\n";
    }
    // --json keeps the English it always had; the text says it in the user's language.
    auto not_merged = report.not_merged;
    auto not_merged_said = report.not_merged;
    if (report.field_trainer_certifications) {
        not_merged.push_back(std::to_string(report.field_trainer_certifications) +
                             " trainer certification(s) recorded in the field: trainers are certified at the hub, so "
                             "record them there (mitra-cli trainer certify)");
        not_merged_said.push_back(io::format(
            words.trn("%d trainer certification recorded in the field: trainers are certified at the hub, so record "
                      "it there (mitra-cli trainer certify)",
                      "%d trainer certifications recorded in the field: trainers are certified at the hub, so record "
                      "them there (mitra-cli trainer certify)",
                      report.field_trainer_certifications),
            {report.field_trainer_certifications}));
    }
    // TRANSLATORS: %s is something a pack held that a merge does not take (said by the store).
    for (const auto& n : not_merged_said) text += "  " + io::format(words.tr("not merged: %s"), {n}) + "\n";
    const long long conflict_count = static_cast<long long>(report.conflicts.size());
    const std::string head =
        !report.changed_anything()
            // TRANSLATORS: %1$s is a pack's id, %2$s its cohort's code.
            ? io::format(words.tr("Nothing new in pack %1$s (cohort %2$s): this database has all of it already"),
                         {report.pack_uuid, report.cohort_code})
            : report.migrated
                  // TRANSLATORS: %1$s is a pack's id, %2$s its cohort's code, %3$s when it was exported, %4$d the schema
                  // version of the Mitra that wrote it, %5$d the conflicts found.
                  ? io::format(
                        words.trn("Merged pack %1$s (cohort %2$s, exported %3$s, migrated from schema version %4$d): "
                                  "%5$d conflict",
                                  "Merged pack %1$s (cohort %2$s, exported %3$s, migrated from schema version %4$d): "
                                  "%5$d conflicts",
                                  conflict_count),
                        {report.pack_uuid, report.cohort_code, report.exported_at, report.pack_schema_version,
                         conflict_count})
                  // TRANSLATORS: %1$s is a pack's id, %2$s its cohort's code, %3$s when it was exported, %4$d the conflicts.
                  : io::format(
                        words.trn("Merged pack %1$s (cohort %2$s, exported %3$s): %4$d conflict",
                                  "Merged pack %1$s (cohort %2$s, exported %3$s): %4$d conflicts", conflict_count),
                        {report.pack_uuid, report.cohort_code, report.exported_at, conflict_count});
    ctx.print(json{{"pack", report.pack_uuid},
                   {"cohort", report.cohort_code},
                   {"exported_at", report.exported_at},
                   {"pack_schema_version", report.pack_schema_version},
                   {"migrated", report.migrated},
                   {"changed", report.changed_anything()},
                   {"entities", entities},
                   {"conflicts", conflicts},
                   {"not_merged", not_merged}},
              head + "\n" + text);
}

}  // namespace

void add_pack_commands(CLI::App& app, Context& ctx) {
    const io::Catalog& words = ctx.words();
    // TRANSLATORS: the descriptions of commands and options that `mitra-cli ... --help` shows.
    auto* pack =
        app.add_subcommand("pack", words.tr("Field packs: a cohort taken offline in one file, and merged back"))
            ->require_subcommand(1);

    auto exported = std::make_shared<PackExportOptions>();
    auto* exp =
        pack->add_subcommand("export", words.tr("Write one cohort, with all it needs, to a pack file for the field"));
    exp->add_option("cohort", exported->cohort, words.tr("The cohort's code"))->required();
    exp->add_option("--out", exported->out, words.tr("The pack file to write (an SQLite database; never written over)"))
        ->required();
    exp->callback([&ctx, exported] { run_pack_export(ctx, *exported); });

    auto merged = std::make_shared<PackMergeOptions>();
    auto* merge =
        pack->add_subcommand("merge", words.tr("Bring a field pack's work into this database, in one transaction"));
    merge->add_option("file", merged->file, words.tr("The pack file"))->required();
    merge->callback([&ctx, merged] { run_pack_merge(ctx, *merged); });
}

}  // namespace mitra::cli
