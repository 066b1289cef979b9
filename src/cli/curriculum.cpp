// mitra-cli init, curriculum import|list|show.
#include <filesystem>
#include <map>
#include <set>

#include "cli/context.hpp"
#include "core/translation_drift.hpp"
#include "io/curriculum_toml.hpp"
#include "store/repos.hpp"

namespace mitra::cli {
namespace {

struct CurriculumImportOptions {
    std::string file;
};

struct CurriculumShowOptions {
    std::string code;
    std::string version;
    std::string language;  // of the titles; none: the interface's (English in --json)
};

json module_json(const Module& m, const std::string& language) {
    json titles = json::object();
    for (const auto& [lang, text] : m.title.by_language) titles[lang] = text;
    return json{{"code", m.code},
                {"title", m.title.in(language)},
                {"titles", titles},
                {"kind", to_string(m.kind)},
                {"minutes", m.minutes},
                {"sessions", m.sessions},
                {"required", m.required},
                {"attendance_share", m.attendance_share},
                {"assessment", m.has_assessment},
                {"supervised_minutes", m.supervised_minutes}};
}

std::string describe_import(store::Saved outcome, const Curriculum& curriculum, const io::Catalog& words) {
    const long long modules = static_cast<long long>(curriculum.modules.size());
    const std::vector<io::FormatArg> args{curriculum.code, curriculum.version, modules};
    switch (outcome) {
        case store::Saved::created:
            // TRANSLATORS: %1$s is a curriculum's code (PSF), %2$s its version (2026.1), %3$d its modules.
            return io::format(words.trn("Imported curriculum %1$s %2$s (%3$d module)",
                                        "Imported curriculum %1$s %2$s (%3$d modules)", modules),
                              args);
        case store::Saved::updated:
            // TRANSLATORS: %1$s is a curriculum's code (PSF), %2$s its version (2026.1), %3$d its modules.
            return io::format(words.trn("Updated curriculum %1$s %2$s (%3$d module)",
                                        "Updated curriculum %1$s %2$s (%3$d modules)", modules),
                              args);
        case store::Saved::unchanged:
            // TRANSLATORS: %1$s is a curriculum's code (PSF), %2$s its version (2026.1), %3$d its modules.
            return io::format(words.trn("Already up to date: curriculum %1$s %2$s (%3$d module)",
                                        "Already up to date: curriculum %1$s %2$s (%3$d modules)", modules),
                              args);
    }
    return curriculum.code + " " + curriculum.version;
}

void run_curriculum_import(Context& ctx, const CurriculumImportOptions& options) {
    auto read = io::read_curriculum_file(options.file);
    if (!read.ok()) throw InputError{read.problems};
    const auto outcome = store::CurriculumRepo(ctx.db()).import(read.value);
    ctx.print(json{{"file", options.file}}, describe_import(outcome, read.value, ctx.words()));
}

// Which translations were made from an older English text, or cannot be told, in words and as JSON.
std::string describe_translations(const std::vector<TranslationCheck>& checks, json& out, const io::Catalog& words) {
    out = json::array();
    std::map<std::string, std::vector<std::string>> older, unstamped;  // language -> where
    std::set<std::string> languages;
    std::vector<std::string> fixes;
    for (const auto& c : checks) {
        // TRANSLATORS: where a translation is, in a list of module codes (M01, M02): the curriculum's own title.
        const std::string where = c.module_code.empty() ? words.tr("[curriculum]") : c.module_code;
        out.push_back(json{{"module", c.module_code},
                           {"language", c.language},
                           {"state", to_string(c.state)},
                           {"english_fingerprint", c.english}});
        languages.insert(c.language);
        if (c.state == TranslationState::older) {
            older[c.language].push_back(where);
            fixes.push_back("  " + where + ": translated_from." + c.language + " = \"" + c.english + "\"");
        } else if (c.state == TranslationState::unstamped) {
            unstamped[c.language].push_back(where);
        }
    }
    if (languages.empty()) return words.tr("No translations.");
    if (older.empty() && unstamped.empty())
        // TRANSLATORS: %s lists language codes (ja, ko, th) of a curriculum's translations.
        return io::format(words.tr("Translations: %s, all made from the English text as it is now."),
                          {join({languages.begin(), languages.end()}, ", ")});
    std::vector<std::string> lines;
    if (!older.empty()) {
        lines.push_back(
            words.tr("Translated from an older English text (update these, then record the new fingerprint):"));
        for (const auto& [language, where] : older) lines.push_back("  " + language + ": " + join(where, ", "));
        lines.push_back(words.tr("The fingerprints to record once updated, in the curriculum's file:"));
        lines.insert(lines.end(), fixes.begin(), fixes.end());
    }
    if (!unstamped.empty()) {
        // TRANSLATORS: translated_from is a key of the curriculum's TOML file, as it is.
        lines.push_back(words.tr("Without a fingerprint, so their age cannot be told (add translated_from):"));
        for (const auto& [language, where] : unstamped) lines.push_back("  " + language + ": " + join(where, ", "));
    }
    return join(lines, "\n");
}

void run_curriculum_show(Context& ctx, const CurriculumShowOptions& options) {
    const io::Catalog& words = ctx.words();
    auto c = store::CurriculumRepo(ctx.db()).find(options.code, options.version);
    if (!c)
        bad_option("code",
                   options.version.empty()
                       // TRANSLATORS: %s is a curriculum's code (PSF).
                       ? io::format(words.tr("no curriculum %s"), {options.code})
                       // TRANSLATORS: %1$s is a curriculum's code (PSF), %2$s a version (2026.1).
                       : io::format(words.tr("no curriculum %1$s version %2$s"), {options.code, options.version}));
    // The titles a person reads in the interface's language unless --language asks for another; --json's in
    // English unless asked, whatever the interface speaks.
    const std::string shown = options.language.empty() ? io::content_language(words.language()) : options.language;
    const std::string data = options.language.empty() ? "en" : options.language;
    json modules = json::array();
    std::vector<std::vector<std::string>> rows{
        {words.trc("column", "MODULE"), words.trc("column", "MINUTES"), "", words.trc("column", "TITLE")}};
    for (const auto& m : c->modules) {
        modules.push_back(module_json(m, data));
        rows.push_back({m.code, std::to_string(m.minutes), m.required ? words.tr("required") : words.tr("elective"),
                        m.title.in(shown)});
    }
    json titles = json::object();
    for (const auto& [lang, text] : c->title.by_language) titles[lang] = text;
    json translations;
    const std::string drift = describe_translations(check_translations(*c), translations, words);
    ctx.print(json{{"code", c->code},
                   {"version", c->version},
                   {"title", c->title.in(data)},
                   {"titles", titles},
                   {"electives_required", c->electives_required},
                   {"ethics_code", c->ethics_code},
                   {"modules", modules},
                   {"translations", translations}},
              c->code + " " + c->version + ": " + c->title.in(shown) + "\n" +
                  // TRANSLATORS: how many elective modules a person must complete, under a curriculum's title.
                  io::format(words.trn("%d elective required", "%d electives required", c->electives_required),
                             {c->electives_required}) +
                  "\n\n" + table(rows) + "\n" + drift);
}

}  // namespace

void add_init_commands(CLI::App& app, Context& ctx) {
    const io::Catalog& words = ctx.words();
    // TRANSLATORS: the descriptions of commands and options that `mitra-cli ... --help` shows.
    auto* init =
        app.add_subcommand("init", words.tr("Create the database (or bring it up to date) with the shipped curricula"));
    init->callback([&ctx] {
        auto& db = ctx.db();
        const io::Catalog& words = ctx.words();
        // TRANSLATORS: %1$s is the database (a file path or a postgresql:// URL), %2$d its schema's version.
        std::vector<std::string> lines{
            io::format(words.tr("Database %1$s is ready (schema version %2$d)"), {ctx.target(), db.schema_version()})};
        json imported = json::array();
        auto shipped = io::read_shipped_curricula();
        if (!shipped.ok()) throw InputError{shipped.problems};
        for (auto& curriculum : shipped.value) {
            lines.push_back(describe_import(store::CurriculumRepo(db).import(curriculum), curriculum, words));
            imported.push_back(curriculum.code + " " + curriculum.version);
        }
        ctx.print(json{{"database", ctx.target()}, {"schema_version", db.schema_version()}, {"curricula", imported}},
                  join(lines, "\n"));
    });
}

void add_curriculum_commands(CLI::App& app, Context& ctx) {
    const io::Catalog& words = ctx.words();
    auto* group = app.add_subcommand("curriculum", words.tr("The programme's curricula and their modules"));
    group->require_subcommand(1);

    auto imported = std::make_shared<CurriculumImportOptions>();
    auto* import_command = group->add_subcommand("import", words.tr("Import or update a curriculum from a TOML file"));
    import_command->add_option("file", imported->file, words.tr("The curriculum file (.toml)"))->required();
    import_command->callback([&ctx, imported] { run_curriculum_import(ctx, *imported); });

    auto* list = group->add_subcommand("list", words.tr("List the curricula"));
    list->callback([&ctx] {
        const io::Catalog& words = ctx.words();
        const std::string language = io::content_language(words.language());
        json items = json::array();
        std::vector<std::vector<std::string>> rows{{words.trc("column", "CODE"), words.trc("column", "VERSION"),
                                                    words.trc("column", "MODULES"), words.trc("column", "TITLE")}};
        for (const auto& c : store::CurriculumRepo(ctx.db()).list()) {
            items.push_back(
                {{"code", c.code}, {"version", c.version}, {"title", c.title.in("en")}, {"modules", c.modules.size()}});
            rows.push_back({c.code, c.version, std::to_string(c.modules.size()), c.title.in(language)});
        }
        ctx.print(items,
                  rows.size() > 1 ? table(rows) : words.tr("No curricula yet: mitra-cli curriculum import FILE"));
    });

    auto shown = std::make_shared<CurriculumShowOptions>();
    auto* show = group->add_subcommand("show", words.tr("Show a curriculum with its modules"));
    show->add_option("code", shown->code, words.tr("The curriculum's code"))->required();
    show->add_option("--version", shown->version, words.tr("A version (default: the latest)"));
    show->add_option("--language", shown->language,
                     words.tr("The language of the titles (default: the interface's; en in --json)"));
    show->callback([&ctx, shown] { run_curriculum_show(ctx, *shown); });
}

}  // namespace mitra::cli
