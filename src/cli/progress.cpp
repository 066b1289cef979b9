// mitra-cli progress letter: a person's progress letter in their language, as an owner-only PDF (issue 21).
#include "cli/context.hpp"
#include "workflow/progress_letter.hpp"

namespace mitra::cli {
namespace {

struct LetterOptions {
    std::string ref, out, cohort, language, today;
};

void run_letter(Context& ctx, const LetterOptions& o) {
    workflow::LetterRequest request{o.ref, o.cohort, o.language,
                                    o.today.empty() ? today_utc() : date_option("--today", o.today)};
    if (!o.language.empty() && io::catalog_language(o.language).empty() && o.language.rfind("en", 0) != 0)
        bad_option("--language", io::format(ctx.words().tr("Mitra has no catalog for '%s'"), {o.language}));
    pdf::FontStack fonts;
    const auto made = workflow::write_progress_letter(ctx.db(), fonts, request, o.out);
    const ProgressLetter& l = made.letter;
    ctx.print(json{{"file", o.out},
                   {"ref", l.address.ref},
                   {"cohort", l.address.cohort_code},
                   {"language", made.language.empty() ? "en" : made.language},
                   {"complete", l.complete},
                   {"remaining", l.remaining.size()},
                   {"asked_to_repeat", l.asked_to_repeat},
                   {"deadline", l.deadline ? to_string(l.deadline->due) : ""}},
              // TRANSLATORS: %1$s is the file written, %2$s a person's ref, %3$s a cohort's code, %4$d how many things
              // the person still has to do.
              io::format(ctx.words().trn("Wrote %1$s: the progress letter of %2$s (cohort %3$s), %4$d thing remaining",
                                         "Wrote %1$s: the progress letter of %2$s (cohort %3$s), %4$d things remaining",
                                         static_cast<long long>(l.remaining.size())),
                         {o.out, l.address.ref, l.address.cohort_code, l.remaining.size()}));
}

}  // namespace

void add_progress_commands(CLI::App& app, Context& ctx) {
    const io::Catalog& words = ctx.words();
    // TRANSLATORS: the descriptions of commands and options that --help shows; command and option names
    // and codes in them (one_to_one, --kind trainer) stay as they are.
    auto* progress = app.add_subcommand("progress", words.tr("A person's progress"))->require_subcommand(1);
    auto options = std::make_shared<LetterOptions>();
    auto* letter = progress->add_subcommand(
        "letter",
        words.tr("Write a person's progress letter (PDF, owner-only): done, remaining, deadline, in their language"));
    letter->add_option("ref", options->ref, words.tr("The person's ref"))->required();
    letter->add_option("--out", options->out, words.tr("The PDF file to write"))->required();
    letter->add_option("--cohort", options->cohort, words.tr("The cohort (default: the person's only one)"));
    letter->add_option("--language", options->language,
                       words.tr("The letter's language (default: the person's, else the "
                                "cohort's)"));
    letter->add_option("--today", options->today, words.tr("As of this day (default: today)"));
    letter->callback([&ctx, options] { run_letter(ctx, *options); });
}

}  // namespace mitra::cli
