// Every refusal in words: io::problem_phrase turns a ProblemCode and its values into a catalog's language (one
// switch over every code, so a code without words is a compiler warning), and the lines built from it.
#include <vector>

#include "io/reason_words.hpp"
#include "io/record_words.hpp"

namespace mitra::io {
namespace {

// A TOML value's type, wanted or found, from its key in a toml_wrong_type problem (toml_checker.cpp gives them);
// "[[frame]]" is a list of [[frame]] tables. A key not known here is shown as it is.
std::string toml_type_words(const std::string& key, const Catalog& words) {
    // TRANSLATORS: the types of value a curriculum or certificate template file (TOML) holds, said in "should be
    // %s, but is %s". "text in quotes" is a value written between double quotes.
    if (key == "text") return words.trc("TOML type", "text");
    if (key == "text_in_quotes") return words.trc("TOML type", "text in quotes");
    if (key == "integer") return words.trc("TOML type", "a whole number");
    if (key == "float") return words.trc("TOML type", "a number with decimals");
    // TRANSLATORS: true and false are written as they are in the file: keep them.
    if (key == "boolean") return words.trc("TOML type", "true or false");
    if (key == "table") return words.trc("TOML type", "a table");
    if (key == "array") return words.trc("TOML type", "a list");
    if (key == "date") return words.trc("TOML type", "a date or time");
    if (key == "nothing") return words.trc("TOML type", "nothing");
    if (key == "number") return words.trc("TOML type", "a number");
    // TRANSLATORS: en = "..." is how the file writes the English text: keep it as it is.
    if (key == "localized") return words.trc("TOML type", "a table of texts by language (en = \"...\")");
    if (key == "share") return words.trc("TOML type", "a number such as 0.8");
    if (key == "session_numbers") return words.trc("TOML type", "a list of session numbers such as [1, 4]");
    if (key == "session_number") return words.trc("TOML type", "a session number");
    if (key == "hours") return words.trc("TOML type", "a number of hours such as 36 or 1.5");
    // TRANSLATORS: [[module.rubric.criterion]] is how the file writes such a table: keep it as it is.
    if (key == "criteria") return words.trc("TOML type", "one or more [[module.rubric.criterion]] tables");
    // TRANSLATORS: %s is how the file writes such a table ([[module]], [[frame]]): it is kept as it is.
    if (key.size() > 4 && key.rfind("[[", 0) == 0) return format(words.trc("TOML type", "a list of %s tables"), {key});
    return key;
}

std::string value_at(const Problem& p, std::size_t i) { return i < p.values.size() ? p.values[i] : std::string(); }

// A renewal shortfall carried by a problem's values from `first` on: category, minutes done, minutes needed.
RenewalShortfall renewal_shortfall_of(const Problem& p, std::size_t first) {
    const auto minutes = [&](std::size_t i) {
        const std::string text = value_at(p, i);
        return !text.empty() && text.find_first_not_of("0123456789") == std::string::npos && text.size() < 9
                   ? std::stoi(text)
                   : 0;
    };
    return RenewalShortfall{value_at(p, first), minutes(first + 1), minutes(first + 2)};
}

}  // namespace

// One switch for every code: a new code gets its words here (tests/io/reason_words_test.cpp walks them all).
std::string problem_phrase(const Problem& p, const Catalog& words) {
    std::vector<FormatArg> v;
    for (const auto& value : p.values) v.emplace_back(value);
    using Code = ProblemCode;
    switch (p.code) {
        case Code::none: return p.message;
        case Code::no_cohort: return format(words.tr("no cohort has code %s"), v);
        case Code::no_participant: return format(words.tr("no participant has ref %s"), v);
        case Code::no_trainer: return format(words.tr("no trainer has ref %s"), v);
        case Code::no_supervisor: return format(words.tr("no supervisor has ref %s"), v);
        case Code::no_session: return format(words.tr("no session has id %s"), v);
        case Code::no_certificate: return format(words.tr("no certificate has serial %s"), v);
        case Code::no_module: return format(words.tr("curriculum %s has no module %s"), v);
        case Code::no_mark: return format(words.tr("%s has no mark for session %s"), v);
        case Code::not_enrolled: return format(words.tr("%s is not enrolled in cohort %s"), v);
        case Code::not_enrolled_in_curriculum:
            return format(words.tr("%s is not enrolled in cohort %s nor in another cohort of curriculum %s"), v);
        case Code::cohort_exists: return format(words.tr("a cohort with code %s exists already"), v);
        case Code::trainer_exists: return format(words.tr("a trainer with ref %s exists already"), v);
        case Code::participant_exists: return format(words.tr("a participant with ref %s exists already"), v);
        case Code::override_needs_reason: return words.tr("an override needs a written reason");
        case Code::revocation_needs_reason: return words.tr("a revocation needs a written reason");
        case Code::reprint_needs_reason: return words.tr("a reprint needs a written reason");
        case Code::no_assessment: return format(words.tr("module %s has no assessment"), v);
        case Code::no_supervised_practice: return format(words.tr("module %s has no supervised practice"), v);
        case Code::practice_needs_minutes: return words.tr("supervised practice needs a positive number of minutes");
        case Code::practice_needs_supervisor: return words.tr("supervised practice needs the supervisor's name");
        case Code::revoked_already: return format(words.tr("%s was revoked already on %s"), v);
        case Code::reprint_of_revoked: return format(words.tr("%s is revoked; issue a new certificate instead"), v);
        case Code::reprint_of_erased:
            return format(words.tr("%s belongs to someone whose personal data was erased; it cannot be printed"), v);
        case Code::not_a_revocation_category:
            // TRANSLATORS: the three categories in brackets are codes: keep them as they are.
            return format(words.tr("'%s' is not a revocation category (issued-in-error, replaced, withdrawn)"), v);
        case Code::date_in_future: return format(words.tr("%s is in the future"), v);
        case Code::cohort_full:
            return format(words.tr("cohort %s holds %s people; enrolling %s more would make %s"), v);
        case Code::mark_before_enrolment:
            return format(words.tr("%s has a mark at session %s (%s, %s), before %s; choose that day or earlier, or "
                                   "clear the mark first"),
                          v);
        case Code::co_facilitator_without_lead:
            return words.tr("a session with a co-facilitator needs a trainer to lead it");
        case Code::co_facilitator_leads:
            return format(words.tr("%s leads the session already; name another trainer"), v);
        case Code::sessions_exist:
            return format(words.tr("cohort %s has %s sessions already; add or move sessions one by one instead"), v);
        case Code::session_negative: return format(words.tr("a session cannot last %s minutes"), v);
        case Code::session_too_long: return words.tr("a session cannot last more than 1440 minutes");
        case Code::session_has_marks:
            return format(words.tr("session %s has %s attendance marks; it cannot be removed (move it instead)"), v);
        case Code::version_in_use:
            return format(words.tr("curriculum %s version %s is used by %s cohort(s) and this file changes its rules "
                                   "(modules, minutes or requirements); give the file a new version"),
                          v);
        case Code::erasure_asked:
            return format(words.tr("%s asked for their personal data to be erased; leave them out"), v);
        case Code::erased: return format(words.tr("%s's personal data was erased at their request"), v);
        case Code::erased_already: return format(words.tr("%s's personal data was erased already"), v);
        case Code::erasure_needs_reason: return words.tr("say on whose request and why (it is recorded)");
        case Code::qualify_needs_module: return format(words.tr("choose at least one module to qualify %s for"), v);
        case Code::no_imported_module: return format(words.tr("no imported curriculum has a module %s"), v);
        case Code::no_pathway:
            return format(
                words.tr(
                    "%s is on no pathway to a certification (enrolled in no cohort of a curriculum that leads to it)"),
                v);
        case Code::no_pathway_to:
            return format(
                words.tr("%s is on no pathway to %s (enrolled in no cohort of a curriculum that leads to it)"), v);
        case Code::several_pathways:
            return format(words.tr("%s is on several pathways; name the certification's code"), v);
        case Code::certified_already:
            return format(words.tr("%s holds %s already (%s, valid until %s); renew it instead"), v);
        case Code::nothing_to_renew: return format(words.tr("%s holds no current certification to renew"), v);
        case Code::nothing_to_renew_of: return format(words.tr("%s holds no current %s certification to renew"), v);
        case Code::trainer_level_needed:
            return words.tr("a trainer certification needs a level, such as trainer or senior trainer");
        case Code::months_out_of_range: return words.tr("should be from 1 to 240");
        case Code::issued_in_future:
            return format(words.tr("%s is after today; record a certification once it is issued"), v);
        case Code::curriculum_not_imported: return format(words.tr("no curriculum %s has been imported"), v);
        case Code::curriculum_version_not_imported:
            return format(words.tr("no curriculum %s version %s has been imported"), v);
        case Code::no_completion_certificate:
            return format(words.tr("%s has completed %s but holds no completion certificate yet"), v);
        case Code::not_a_pack: return format(words.tr("%s is a Mitra database but not a field pack"), v);
        // Core's checks of a field (FieldError), said after the field's name.
        case Code::field_required:
            return p.values.empty() ? words.tr("is required") : format(words.tr("is required (such as %s)"), v);
        case Code::field_not_a_code:
            // TRANSLATORS: keep A-Z, '-', '_' and '.' as they are: they are the characters allowed.
            return format(words.tr("'%s' may hold only letters A-Z, digits, '-', '_' and '.' (at most 64)"), v);
        case Code::field_not_a_country:
            return format(words.tr("'%s' is not an ISO 3166-1 country code (such as JP, IN, LK)"), v);
        case Code::field_not_a_language:
            return format(words.tr("'%s' is not a BCP 47 language tag (such as ja, zh-Hant, ur)"), v);
        case Code::field_too_long:
            return format(words.tr("is longer than %d characters"), {static_cast<int>(kMaxNameLength)});
        case Code::field_not_utf8: return format(words.tr("is not valid UTF-8 (byte %s)"), v);
        case Code::field_blank: return words.tr("is blank");
        case Code::field_not_an_email: return format(words.tr("'%s' is not an e-mail address"), v);
        case Code::field_not_a_phone:
            return format(words.tr("'%s' is not a phone number (digits, spaces, + - ( ) .)"), v);
        // A file refused as a whole, then the CSV reader's problems with a row.
        case Code::file_too_large: return format(words.tr("the file is larger than %s MB; is it the right file?"), v);
        case Code::file_utf16:
            // TRANSLATORS: "CSV UTF-8" is the name of the file type in Excel's Save As: keep it as Excel shows it.
            return words.tr("the file is UTF-16; save the file as UTF-8 (in Excel: \"CSV UTF-8\")");
        case Code::file_empty: return words.tr("the file is empty; its first line should name the columns");
        case Code::csv_stray_quote:
            return words.tr(
                "a quote (\") in the middle of a field; put the whole field in quotes and write each "
                "quote inside it twice (\"\")");
        case Code::csv_unclosed_quote: return words.tr("a quote opened here is never closed");
        case Code::csv_after_quote:
            return words.tr(
                "characters after the closing quote; a quote inside a quoted field is written twice (\"\")");
        case Code::csv_field_too_long:
            return format(words.tr("field of unreasonable length (%s bytes; at most %s)"), v);
        case Code::csv_nul_byte:
            // TRANSLATORS: "CSV UTF-8" is the name of the file type in Excel's Save As: keep it as Excel shows it.
            return words.tr("contains a NUL byte; save the file as UTF-8 (in Excel: \"CSV UTF-8\")");
        case Code::csv_not_utf8:
            // TRANSLATORS: "CSV UTF-8" is the name of the file type in Excel's Save As: keep it as Excel shows it.
            return format(words.tr("line %s is not valid UTF-8 (byte %s of this field); save the file as UTF-8 (in "
                                   "Excel: \"CSV UTF-8\")"),
                          v);
        case Code::csv_too_many_fields:
            return format(words.tr("too many fields: the header has %s columns, this row has %s; is there a comma in "
                                   "a value without quotes?"),
                          v);
        case Code::csv_too_few_fields:
            return format(words.tr("too few fields: the header has %s columns, this row has %s"), v);
        case Code::more_problems: return format(words.tr("and %s more problems not shown"), v);
        case Code::column_unnamed: return words.tr("this column has no name");
        case Code::column_unknown:
            // TRANSLATORS: the column names are codes the file must use: they are not translated.
            return p.values.size() > 2 && !p.values[2].empty()
                       ? format(words.tr("unknown column '%s'; the columns are %s and optionally %s"), v)
                       : format(words.tr("unknown column '%s'; the columns are %s"), v);
        case Code::column_twice: return format(words.tr("column '%s' appears twice (first as column %s)"), v);
        case Code::column_missing: return format(words.tr("the header has no '%s' column"), v);
        case Code::not_a_date: return format(words.tr("'%s' is not a date in the form YYYY-MM-DD"), v);
        case Code::duplicate_ref: return format(words.tr("duplicate ref %s, first on line %s"), v);
        case Code::session_required: return words.tr("is required (the session number)");
        case Code::not_a_session_number:
            return format(words.tr("'%s' is not a session number (a whole number such as 12)"), v);
        case Code::status_required:
            // TRANSLATORS: the statuses are codes the file must use: keep them as they are.
            return words.tr("is required (present, late, left_early, excused or absent)");
        case Code::not_a_status:
            // TRANSLATORS: the statuses and their letters are codes the file must use: keep them as they are.
            return format(words.tr("'%s' is not an attendance status (present, late, left_early, excused, absent, or "
                                   "P, L, E, A)"),
                          v);
        case Code::minutes_required:
            // TRANSLATORS: %s is a status code (late, left_early), kept as it is.
            return format(words.tr("is required when the status is %s: the minutes the person attended"), v);
        case Code::not_minutes: return format(words.tr("'%s' is not a number of minutes from 0 to 1440"), v);
        case Code::minutes_not_for_status:
            // TRANSLATORS: late, left_early and %s are status codes, kept as they are.
            return format(words.tr("minutes only go with late or left_early; leave it empty for %s"), v);
        case Code::marked_twice: return format(words.tr("session %s is marked twice for %s, first on line %s"), v);
        case Code::no_file: return format(words.tr("there is no file %s"), v);
        case Code::pack_into_itself: return words.tr("a pack cannot be merged into itself");
        case Code::not_a_mitra_database: return format(words.tr("%s is not a Mitra database, so not a field pack"), v);
        case Code::not_a_readable_pack:
            return format(words.tr("%s is not a field pack (not an SQLite database Mitra can read)"), v);
        case Code::pack_from_newer_mitra:
            return format(words.tr("%s was made by a newer Mitra (schema version %s, this program knows up to %s); "
                                   "merge it with the newer program. Nothing was merged"),
                          v);
        case Code::pack_from_before_packs:
            return format(
                words.tr("%s is a Mitra database from before field packs (schema version %s), not a field pack"), v);
        case Code::pack_needs_out: return words.tr("name the pack file to write");
        case Code::pack_exists:
            return format(words.tr("%s exists already; choose another name (a pack is never written over)"), v);
        case Code::no_folder: return format(words.tr("the folder %s does not exist"), v);
        case Code::no_setting: return format(words.tr("there is no setting '%s' (there is: %s)"), v);
        case Code::site_folder_empty: return words.tr("the verification site's folder is empty");
        case Code::site_folder_control_character:
            return words.tr("the verification site's folder holds a control character");
        case Code::site_folder_not_absolute:
            return format(words.tr("'%s' is not an absolute folder path (such as /srv/verify)"), v);
        case Code::verify_url_empty: return words.tr("the verification address is empty");
        case Code::verify_url_too_long: return words.tr("the verification address is longer than 200 characters");
        case Code::verify_url_not_ascii:
            // TRANSLATORS: "xn--" is the form of a host name in ASCII (punycode): keep it as it is.
            return words.tr(
                "the verification address must be plain ASCII without spaces (write a non-ASCII host in its xn-- "
                "form)");
        case Code::verify_url_no_scheme:
            return words.tr("the verification address must start with https:// (or http://)");
        case Code::verify_url_no_host: return words.tr("the verification address has no host");
        case Code::verify_url_hash:
            return words.tr("the verification address must not hold '#': the certificate's code goes there");
        case Code::text_needed: return words.tr("is needed");
        case Code::text_too_long: return format(words.tr("is not text of at most %s characters"), v);
        case Code::credential_expires_first: return words.tr("the credential expires before it is valid");
        case Code::not_a_ref: return format(words.tr("'%s' is not a ref (letters, digits, '-', '_', '.')"), v);
        case Code::supervisor_exists: return format(words.tr("a supervisor already has ref %s"), v);
        case Code::supervisor_needs_trainer: return words.tr("a trainer who supervises is named by their trainer ref");
        case Code::supervisor_not_a_trainer: return words.tr("only a supervisor of kind trainer names a trainer");
        case Code::practice_minutes_out_of_range:
            return words.tr("supervised practice is from 1 to 1440 minutes a day");
        case Code::no_rubric: return format(words.tr("module %s has no observed-practice rubric"), v);
        case Code::no_completion_window: return format(words.tr("curriculum %s has no completion window to extend"), v);
        case Code::deadline_not_later:
            return format(words.tr("the new deadline must come after the current one, %s"), v);
        case Code::not_a_certificate_kind:
            // TRANSLATORS: 'completion' and 'module' are codes: keep them as they are.
            return format(words.tr("is 'completion' or 'module', not '%s'"), v);
        case Code::seed_needs_empty_database: return words.tr("the benchmark seed needs a database without people");
        case Code::learning_needs_title: return words.tr("a learning entry needs a title");
        case Code::learning_needs_provider: return words.tr("a learning entry needs a provider (who ran it)");
        case Code::hours_not_positive: return words.tr("should be more than 0");
        case Code::hours_too_many: return words.tr("should be at most 1000 hours for one entry");
        case Code::learning_needs_category:
            return words.tr("a learning entry needs a category, such as ethics or elective");
        case Code::not_a_category:
            return format(words.tr("'%s' is not a category name (lower case letters, digits and _)"), v);
        case Code::not_a_learning_source:
            // TRANSLATORS: external, cohort and teaching are codes: keep them as they are.
            return format(words.tr("is external, cohort or teaching, not '%s'"), v);
        case Code::session_not_in_cohort: return format(words.tr("session %s is not a session of cohort %s"), v);
        case Code::marked_twice_in_batch: return format(words.tr("%s is marked twice for session %s"), v);
        case Code::attended_minutes_needed: return format(words.tr("%s needs the minutes actually attended"), v);
        case Code::minutes_over_session: return format(words.tr("%s minutes is more than the session's %s"), v);
        case Code::minutes_only_when_partial:
            // TRANSLATORS: late and left_early are the attendance file's codes: keep them as they are.
            return words.tr("minutes only go with late or left_early");
        case Code::enrolled_nowhere: return format(words.tr("%s is not enrolled in any cohort"), v);
        case Code::enrolled_in_several: return format(words.tr("%s is enrolled in several cohorts (%s): name one"), v);
        case Code::no_supervision_entry:
            return format(words.tr("supervisor %s has no supervision entry for %s in cohort %s"), v);
        case Code::unprintable_character:
            return format(words.tr("contains %s (%s), which no font Mitra ships can print on a certificate"), v);
        // The curriculum and certificate template files (TOML).
        case Code::toml_not_valid:
            // toml++ says what it found wrong in English only: another language says where instead (the problem's
            // line and column), without it.
            if (words.translated())
                return words.tr(
                    "not valid TOML: a bracket, quote, comma or equals sign is missing or out of place "
                    "at this line and column");
            return format(words.tr("not valid TOML: %s"), v);
        case Code::toml_wrong_type:
            return format(words.tr("should be %s, but is %s"),
                          {toml_type_words(p.values.size() > 0 ? p.values[0] : "", words),
                           toml_type_words(p.values.size() > 1 ? p.values[1] : "", words)});
        case Code::toml_unknown_key:
            // TRANSLATORS: the keys are the file's own names: they are not translated.
            return format(words.tr("unknown key '%s'; the keys here are %s"), v);
        case Code::toml_too_long: return format(words.tr("is %s characters long; the most is %s"), v);
        case Code::toml_not_a_language_tag:
            return format(words.tr("'%s' is not a BCP 47 language tag (such as en, ja, zh-Hant)"), v);
        case Code::toml_empty: return words.tr("is empty");
        case Code::toml_no_texts: return words.tr("has no texts");
        case Code::toml_needs_english:
            // TRANSLATORS: en = "..." is how the file writes the English text: keep it as it is.
            return words.tr("needs an English text (en = \"...\"), the fallback");
        case Code::toml_out_of_range: return format(words.tr("%s is out of range: it should be from %s to %s"), v);
        case Code::toml_not_a_share: return words.tr("should be more than 0 and at most 1 (such as 0.8)");
        case Code::toml_not_a_fingerprint:
            // TRANSLATORS: the fingerprint is a code Mitra prints for a curriculum's English texts.
            return words.tr(
                "is not the fingerprint of English texts (16 digits 0-9 and a-f, as Mitra shows it "
                "with the curriculum)");
        case Code::toml_not_a_category: return words.tr("is not a category name");
        case Code::ethics_code_empty: return words.tr("is empty; leave the key out when no code of ethics applies");
        case Code::curriculum_no_modules:
            // TRANSLATORS: [[module]] is how the file writes a module: keep it as it is.
            return words.tr("the curriculum has no modules; add at least one [[module]]");
        case Code::module_code_twice: return format(words.tr("module code %s is used twice, first on line %s"), v);
        case Code::session_not_in_module:
            // TRANSLATORS: "sessions =" is the file's key for the number of sessions: keep it as it is.
            return format(words.tr("session %s does not exist: the module has %s session(s) (sessions =)"), v);
        case Code::session_listed_twice: return format(words.tr("session %s is listed twice"), v);
        case Code::split_without_supervision:
            // TRANSLATORS: supervised_minutes is a key of the file: keep it as it is.
            return words.tr("splits supervised practice, but the module has none (give supervised_minutes, the total)");
        case Code::split_over_supervision:
            // TRANSLATORS: supervised_minutes is a key of the file: keep it as it is.
            return format(words.tr("one-to-one and group minimums (%s minutes) are more than supervised_minutes (%s)"),
                          v);
        case Code::group_max_below_minimum:
            // TRANSLATORS: supervised_group_minutes is a key of the file: keep it as it is.
            return format(words.tr("%s is less than supervised_group_minutes (%s)"), v);
        case Code::criterion_twice: return format(words.tr("criterion %s is used twice, first on line %s"), v);
        case Code::not_a_module_kind:
            // TRANSLATORS: theory, practice, art_community and practicum are codes the file must use: keep them.
            return format(words.tr("'%s' is not a kind of module (theory, practice, art_community or practicum)"), v);
        case Code::not_an_assessment_kind:
            // TRANSLATORS: "pass_fail" is a code the file must use: keep it as it is.
            return format(words.tr("'%s' is not a kind of assessment; the only one is \"pass_fail\""), v);
        case Code::hours_out_of_range: return words.tr("should be from 0 to 10000 hours");
        case Code::electives_over_modules:
            // TRANSLATORS: "required = false" is how the file marks an elective module: keep it as it is.
            return format(words.tr("%s electives are required, but the curriculum has only %s (modules with "
                                   "required = false)"),
                          v);
        case Code::no_shipped_curricula:
            // TRANSLATORS: MITRA_DATA_DIR is the name of a setting of the environment: keep it as it is.
            return words.tr("cannot find the shipped curricula folder (set MITRA_DATA_DIR)");
        case Code::not_one_of:
            // TRANSLATORS: the second %s lists the codes the file may use ("A4", "Letter"): they are not translated.
            return format(words.tr("'%s' is not one of %s"), v);
        case Code::not_a_colour: return format(words.tr("'%s' is not a colour like \"#1F3A5F\""), v);
        case Code::not_a_placeholder:
            // TRANSLATORS: the names in braces are placeholders the file must use: keep them as they are.
            return format(words.tr("'%s' is not a placeholder; use {full_name}, {latin_name}, {curriculum_title}, "
                                   "{curriculum_title_en}, {site_and_dates}, {trainers}, {serial} or {issued_on}"),
                          v);
        case Code::not_a_text_field:
            // TRANSLATORS: the fields are codes the file must use: keep them as they are.
            return format(words.tr("'%s' is not a field; the fields are full_name, latin_name, curriculum_title, "
                                   "curriculum_title_en, modules, site_and_dates, trainers, serial, issued_on"),
                          v);
        case Code::field_or_text:
            // TRANSLATORS: field = "..." and text = { en = "..." } are written in the file as they are: keep them.
            return words.tr("give either field = \"...\" or text = { en = \"...\" }, one of the two");
        case Code::only_for_modules:
            // TRANSLATORS: field = "modules" is written in the file as it is: keep it.
            return words.tr("is only for a block with field = \"modules\"");
        // A certificate template's image; the first %s is its file name as the template gives it.
        case Code::image_not_png_or_jpeg_name:
            return format(words.tr("image '%s' should be a PNG or JPEG file (.png, .jpg)"), v);
        case Code::image_control_character:
            return format(words.tr("image '%s' has a control character in its name"), v);
        case Code::image_absolute:
            return format(words.tr("image '%s' is an absolute path; name it relative to the template's folder, where "
                                   "it must be"),
                          v);
        case Code::image_outside_folder:
            return format(
                words.tr("image '%s' leads out of the template's folder with '..'; keep images beside the template"),
                v);
        case Code::image_missing: return format(words.tr("image '%s' is not there (looked for %s)"), v);
        case Code::image_link_outside:
            return format(words.tr("image '%s' is a link leading out of the template's folder (to %s)"), v);
        case Code::image_cannot_open: return format(words.tr("image '%s' cannot be opened"), v);
        case Code::image_not_a_file: return format(words.tr("image '%s' is not a file"), v);
        case Code::image_too_many_bytes: return format(words.tr("image '%s' is %s MB; the most is %s MB"), v);
        case Code::image_png_no_header:
            // TRANSLATORS: IHDR is the name of a PNG file's header: keep it as it is.
            return format(words.tr("image '%s' is damaged: a PNG file must begin with its IHDR header"), v);
        case Code::image_png_bad_header:
            // TRANSLATORS: IHDR is the name of a PNG file's header: keep it as it is.
            return format(words.tr("image '%s' is damaged: its PNG header (IHDR) holds impossible values"), v);
        case Code::image_jpeg_cut_short:
            // TRANSLATORS: SOF is the name of a JPEG file's frame header: keep it as it is.
            return format(words.tr("image '%s' is damaged: the JPEG file ends before its frame header (SOF)"), v);
        case Code::image_jpeg_no_frame:
            // TRANSLATORS: SOF is the name of a JPEG file's frame header: keep it as it is.
            return format(words.tr("image '%s' is damaged: no JPEG frame header (SOF) before byte %s"), v);
        case Code::image_jpeg_unusual:
            return format(words.tr("image '%s' is a lossless, hierarchical or arithmetic-coded JPEG, which PDF "
                                   "readers cannot show; save it as an ordinary (baseline) JPEG"),
                          v);
        case Code::image_jpeg_unreadable:
            return format(words.tr("image '%s' is a JPEG that PDF readers cannot show (it should have 8 bits, 1, 3 "
                                   "or 4 colour components and its size in its frame header); save it again as an "
                                   "ordinary JPEG"),
                          v);
        case Code::image_neither:
            return format(words.tr("image '%s' is neither a PNG nor a JPEG file (its first bytes say so)"), v);
        case Code::image_misnamed:
            // TRANSLATORS: %1$s is an image's file name, %2$s PNG or JPEG, %3$s the end of its name (.jpg).
            return format(words.tr("image '%1$s' is a %2$s file, but its name ends in %3$s; rename it"), v);
        case Code::image_too_large:
            // TRANSLATORS: %1$s is an image's file name, %2$s and %3$s its width and height in pixels, %4$s the most
            // pixels a side, %5$s the most millions of pixels in all.
            return format(words.tr("image '%1$s' is %2$s x %3$s pixels; the most is %4$s a side and %5$s million in "
                                   "all (a 300 dpi A4 page is 3508 x 2480)"),
                          v);
        // Why someone is given no certificate, and why one cannot be printed (said by ref, never quoting the name).
        case Code::not_yet_complete: return words.tr("the programme is not yet complete");
        case Code::module_not_yet_complete: return format(words.tr("module %s is not yet complete"), v);
        case Code::module_not_in_curriculum:
            return format(words.tr("the module %s is not part of their curriculum"), v);
        case Code::personal_data_erased: return words.tr("their personal data was erased at their request");
        case Code::name_unprintable:
            // TRANSLATORS: %s is a character's number, such as U+11F12.
            return format(words.tr("their name has a character (%s) that no font Mitra ships can print; correct the "
                                   "name, then issue again"),
                          v);
        case Code::reprint_unprintable:
            // TRANSLATORS: %1$s is a certificate's serial, %2$s a character's number, such as U+11F12.
            return format(words.tr("%1$s cannot be printed: the name has a character (%2$s) that no font Mitra ships "
                                   "can print; correct the name, then reprint it"),
                          v);
        case Code::renewal_unprintable:
            // TRANSLATORS: %1$s is a person's ref, %2$s a character's number, such as U+11F12.
            return format(words.tr("%1$s's renewed certificate cannot be printed: their name has a character (%2$s) "
                                   "that no font Mitra ships can print; correct the name, then renew again"),
                          v);
        // A backup that cannot be restored.
        case Code::backup_not_a_file: return format(words.tr("%s is not a file"), v);
        case Code::backup_damaged: return format(words.tr("%s is damaged (SQLite's integrity check failed)"), v);
        case Code::backup_not_mitra: return format(words.tr("%s is not a Mitra database"), v);
        case Code::backup_from_newer_mitra:
            return format(words.tr("%s was made by a newer Mitra (schema version %s)"), v);
        case Code::backup_not_sqlite: return format(words.tr("%s is not an SQLite database"), v);
        // An input file that cannot be read (the file is the problem's place).
        case Code::input_missing: return words.tr("there is no such file");
        case Code::input_is_folder: return words.tr("this is a folder, not a file");
        case Code::input_read_denied: return words.tr("Mitra is not allowed to read this file");
        case Code::input_unreadable:
            // TRANSLATORS: %s is what the system said, in English.
            return format(words.tr("the file cannot be read (%s)"), v);
        // A name's characters (core's name_fault), said after the field's name; %s is U+XXXX and its Unicode name.
        case Code::name_control_character:
            return format(words.tr("contains the control character %s (such as a line break or NUL)"), v);
        case Code::name_line_break: return format(words.tr("contains a line break (%s)"), v);
        case Code::name_joiner:
            return format(words.tr("contains %s, which is kept only inside a word of a script that needs it (such as "
                                   "Sinhala, Devanagari or Urdu)"),
                          v);
        case Code::name_direction_control:
            return format(words.tr("contains %s, a direction control that changes how the name is shown"), v);
        case Code::name_not_a_character: return format(words.tr("contains %s, which is not a character"), v);
        case Code::name_private_use: return format(words.tr("contains %s, a private-use character"), v);
        case Code::name_noncharacter: return format(words.tr("contains %s, a noncharacter"), v);
        case Code::name_unassigned: return format(words.tr("contains %s, which is not an assigned character"), v);
        case Code::name_invisible: return format(words.tr("contains %s, an invisible character"), v);
        case Code::name_emoji: return format(words.tr("contains %s, an emoji or pictograph"), v);
        case Code::name_starts_with_mark: return format(words.tr("starts with a combining mark (%s)"), v);
        case Code::name_mark_after_space:
            return format(words.tr("has a combining mark (%s) after a space, with no letter under it"), v);
        case Code::name_no_letter: return words.tr("has no letter (a name needs at least one)");
        // A cohort's other fields.
        case Code::not_a_time_zone:
            // TRANSLATORS: IANA is the body that names time zones; Asia/Kolkata is a zone's name: keep both.
            return format(words.tr("'%s' is not an IANA time zone name (such as Asia/Kolkata)"), v);
        case Code::unknown_time_zone:
            return p.values.size() > 1 && !p.values[1].empty()
                       ? format(words.tr("'%s' is not in the time zone database (did you mean %s?)"), v)
                       : format(words.tr("'%s' is not in the time zone database"), v);
        case Code::end_before_start: return format(words.tr("the end date %s is before the start date %s"), v);
        case Code::capacity_negative: return words.tr("cannot be negative");
        case Code::not_ready_to_certify:
            // TRANSLATORS: %1$s is a person's ref, %2$s a certification's code, %3$s what is still needed.
            return format(words.tr("%1$s cannot be certified %2$s yet: %3$s"), v);
        case Code::not_ready_to_renew:
            // TRANSLATORS: %1$s is a person's ref, %2$s a certification's code, %3$s what the renewal still needs
            // (in total: 3 hours of 36 hours).
            return format(words.tr("%1$s cannot renew %2$s yet: %3$s"),
                          {value_at(p, 0), value_at(p, 1), renewal_phrase(renewal_shortfall_of(p, 2), words)});
        case Code::trainer_not_ready_to_renew:
            // TRANSLATORS: %1$s is a trainer's ref, %2$s their level (trainer, senior trainer), %3$s the renewal
            // rule's code, %4$s what the renewal still needs (ethics: 2 hours of 3 hours).
            return format(words.tr("%1$s cannot renew %2$s (%3$s) yet: %4$s"),
                          {value_at(p, 0), trainer_level_words(value_at(p, 1), words), value_at(p, 2),
                           renewal_phrase(renewal_shortfall_of(p, 3), words)});
    }
    return p.message;
}

Problem coded_problem(Problem place, ProblemCode code, std::vector<std::string> values) {
    place.code = code;
    place.values = std::move(values);
    place.message = problem_phrase(place, catalog(""));
    return place;
}

std::string field_error_phrase(const FieldError& error, const Catalog& words) {
    return problem_phrase(to_problem(error), words);
}

std::string problem_line(const Problem& problem, const Catalog& words) {
    Problem shown = problem;
    shown.message = problem_phrase(problem, words);
    if (!shown.file.empty() || shown.line <= 0) return to_string(shown);
    std::string place = shown.column > 0 ? format(words.tr("line %d, column %d"), {shown.line, shown.column})
                                         : format(words.tr("line %d"), {shown.line});
    shown.line = shown.column = 0;
    return place + ": " + to_string(shown);
}

}  // namespace mitra::io
