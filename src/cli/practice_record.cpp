// mitra-cli supervisor verify, practice record: a supervisor's signed verification of a person's supervised practice,
// and the coordinator's record of it for an auditor (issue 21), both through workflow/practice_record.
#include <algorithm>

#include "cli/context.hpp"
#include "workflow/practice_record.hpp"

namespace mitra::cli {
namespace {

struct VerifyOptions {
    std::string supervisor, ref, out, cohort, language, today;
};
struct RecordOptions {
    std::string ref, out, cohort, language, today;
};

workflow::PracticeRequest request_of(const io::Catalog& words, const std::string& ref, const std::string& cohort,
                                     const std::string& language, const std::string& today) {
    if (!language.empty() && io::catalog_language(language).empty() && language.rfind("en", 0) != 0)
        bad_option("--language", io::format(words.tr("Mitra has no catalog for '%s'"), {language}));
    return {ref, cohort, language, today.empty() ? today_utc() : date_option("--today", today)};
}

json credential_json(const std::optional<SupervisorCredential>& c) {
    if (!c) return nullptr;
    return {{"name", c->name}, {"valid_from", to_string(c->valid_from)}, {"expires_on", to_string(c->expires_on)}};
}

// One entry; its note stays out, as in the PDFs.
json entry_json(const AccountedEntry& a) {
    return {{"day", to_string(a.entry.day)},        {"module", a.entry.module_code},
            {"supervisor", a.entry.supervisor_ref}, {"format", to_string(a.entry.format)},
            {"minutes", a.entry.minutes},           {"counted_minutes", a.counted_minutes},
            {"standing", to_string(a.standing)},    {"credential", credential_json(a.credential)}};
}

json minutes_json(const CountedMinutes& m) {
    return {{"one_to_one", m.one_to_one}, {"group", m.group}, {"total", m.total}};
}

json module_json(const workflow::ModulePractice& m, const std::string& supervisor_ref) {
    json entries = json::array();
    for (const auto& a : m.entries)
        if (supervisor_ref.empty() || a.entry.supervisor_ref == supervisor_ref) entries.push_back(entry_json(a));
    json out{{"module", m.code},
             {"asked",
              {{"total", m.supervised_minutes},
               {"one_to_one", m.rule.one_to_one_minutes},
               {"group", m.rule.group_minutes},
               {"group_max", m.rule.group_max_minutes}}},
             {"counted", minutes_json(counted_minutes(m.entries))},
             {"entries", entries}};
    if (!supervisor_ref.empty())
        out["counted_with_supervisor"] = minutes_json(counted_minutes(m.entries, supervisor_ref));
    return out;
}

// The worded document as plain text, for a terminal.
std::string record_text(const pdf::RecordText& t) {
    std::string out = t.title + "\n";
    for (const auto& line : t.about) out += line + "\n";
    for (const auto& s : t.sections) {
        out += "\n" + s.heading + "\n";
        for (const auto& p : s.paragraphs) out += p + "\n";
        for (const auto& i : s.items) out += "  - " + i + "\n";
        for (const auto& table_of : s.tables) {
            std::vector<std::vector<std::string>> rows{table_of.header};
            rows.insert(rows.end(), table_of.rows.begin(), table_of.rows.end());
            out += cli::table(rows);
        }
    }
    return out;
}

void run_verify(Context& ctx, const VerifyOptions& o) {
    const auto request = request_of(ctx.words(), o.ref, o.cohort, o.language, o.today);
    pdf::FontStack fonts;
    const auto made = workflow::write_supervisor_verification(ctx.db(), fonts, request, o.supervisor, o.out);
    const auto& p = made.practice;
    json modules = json::array();
    for (const auto& m : p.modules)
        if (std::any_of(m.entries.begin(), m.entries.end(),
                        [&](const AccountedEntry& a) { return a.entry.supervisor_ref == o.supervisor; }))
            modules.push_back(module_json(m, o.supervisor));
    ctx.print(json{{"file", o.out},
                   {"supervisor", o.supervisor},
                   {"ref", p.person.ref},
                   {"cohort", p.cohort.code},
                   {"language", p.catalog.empty() ? "en" : p.catalog},
                   {"modules", modules}},
              // TRANSLATORS: %1$s is the file written, %2$s a supervisor's ref, %3$s a person's ref, %4$s a cohort's
              // code.
              io::format(ctx.words().tr("Wrote %1$s: the verification by %2$s of the supervised practice of %3$s "
                                        "(cohort %4$s)"),
                         {o.out, o.supervisor, p.person.ref, p.cohort.code}));
}

void run_record(Context& ctx, const RecordOptions& o) {
    const auto request = request_of(ctx.words(), o.ref, o.cohort, o.language, o.today);
    pdf::FontStack fonts;
    const auto p = o.out.empty() ? workflow::gather_practice(ctx.db(), request, workflow::Reader::coordinator)
                                 : workflow::write_practice_record(ctx.db(), fonts, request, o.out).practice;
    json modules = json::array(), observations = json::array(), attestations = json::array(), referees = json::array(),
         extensions = json::array();
    for (const auto& m : p.modules) modules.push_back(module_json(m, ""));
    for (const auto& o : p.observations) {
        const auto& a = o.assessment;
        json criteria = json::array();
        for (std::size_t i = 0; i < o.judgement.criteria.size(); ++i) {
            const auto& c = o.judgement.criteria[i];
            auto level = [](const std::optional<int>& l) { return l ? json(*l) : json("N/O"); };
            criteria.push_back({{"number", c.number},
                                {"key", c.key},
                                {"title", i < o.criterion_titles.size() ? o.criterion_titles[i] : c.key},
                                {"level", level(c.first)},
                                {"second_level", a.second_rater.empty() ? json(nullptr) : level(c.second)},
                                {"counts", level(c.level)},
                                {"below", c.below}});
        }
        observations.push_back({{"module", a.module_code},
                                {"day", to_string(a.observed_on)},
                                {"method", to_string(a.method)},
                                {"rater", a.rater},
                                {"second_rater", a.second_rater},
                                {"outcome", to_string(o.judgement.outcome)},
                                {"released_on", a.released_on ? json(to_string(*a.released_on)) : json(nullptr)},
                                {"criteria", criteria}});
    }
    for (const auto& a : p.attestations)
        attestations.push_back({{"kind", to_string(a.kind)}, {"signed", a.is_signed}, {"on", to_string(a.on)}});
    for (const auto& r : p.referees)
        referees.push_back({{"referee", r.referee}, {"received_on", to_string(r.received_on)}});
    for (const auto& x : p.extensions)
        extensions.push_back({{"new_deadline", to_string(x.new_deadline)},
                              {"reason", x.reason},
                              {"granted_by", x.granted_by},
                              {"granted_at", x.granted_at}});
    json deadline = nullptr;
    if (p.deadline)
        deadline = {{"window_end", to_string(p.deadline->window_end)},
                    {"due", to_string(p.deadline->due)},
                    {"extensions", extensions}};
    json out{{"ref", p.person.ref},
             {"cohort", p.cohort.code},
             {"supervision", modules},
             {"observations", observations},
             {"attestations", attestations},
             {"referees", referees},
             {"referees_required", p.programme.referees_required},
             {"deadline", deadline}};
    if (!o.out.empty()) out["file"] = o.out;
    ctx.print(out, o.out.empty() ? record_text(workflow::word_practice_record(p, io::catalog(p.catalog)))
                                 // TRANSLATORS: %1$s is the file written, %2$s a person's ref, %3$s a cohort's code.
                                 : io::format(ctx.words().tr("Wrote %1$s: the practice record of %2$s (cohort %3$s), "
                                                             "readable by its owner only"),
                                              {o.out, p.person.ref, p.cohort.code}));
}

}  // namespace

void add_practice_record_commands(CLI::App& app, Context& ctx) {
    const io::Catalog& words = ctx.words();
    if (auto* supervisor = app.get_subcommand("supervisor")) {
        auto options = std::make_shared<VerifyOptions>();
        auto* verify = supervisor->add_subcommand(
            "verify",
            // TRANSLATORS: the descriptions of commands and options that --help shows; command and option names
            // stay as they are.
            words.tr("Write a supervisor's verification of a person's supervised practice (PDF, owner-only)"));
        verify->add_option("supervisor", options->supervisor, words.tr("The supervisor's ref"))->required();
        verify->add_option("--ref", options->ref, words.tr("The person's ref"))->required();
        verify->add_option("--out", options->out, words.tr("The PDF file to write"))->required();
        verify->add_option("--cohort", options->cohort, words.tr("The cohort (default: the person's only one)"));
        verify->add_option("--language", options->language,
                           words.tr("The language (default: the person's, else the cohort's)"));
        verify->add_option("--today", options->today, words.tr("As of this day (default: today)"));
        verify->callback([&ctx, options] { run_verify(ctx, *options); });
    }
    auto* practice = app.add_subcommand("practice", words.tr("A person's supervised practice and observed assessment"))
                         ->require_subcommand(1);
    auto options = std::make_shared<RecordOptions>();
    auto* record = practice->add_subcommand(
        "record",
        words.tr("For an auditor: every supervision entry with its supervisor's credential, every observed "
                 "assessment on its rubric, agreement, referees, deadline (coordinator only; --out: PDF, owner-only)"));
    record->add_option("ref", options->ref, words.tr("The person's ref"))->required();
    record->add_option("--out", options->out, words.tr("A PDF file to write (owner-only)"));
    record->add_option("--cohort", options->cohort, words.tr("The cohort (default: the person's only one)"));
    record->add_option("--language", options->language, words.tr("The language (default: the cohort's)"));
    record->add_option("--today", options->today, words.tr("As of this day (default: today)"));
    record->callback([&ctx, options] { run_record(ctx, *options); });
}

}  // namespace mitra::cli
