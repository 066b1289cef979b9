// A located problem with outside input: which file, line, column and field, and what is wrong.
#pragma once
#include <exception>
#include <string>
#include <utility>
#include <vector>

namespace mitra {

// What a refusal is, for each front end to word in its user's language (io::problem_phrase) and to add its own
// way of putting it right; `none` for a problem said only in its message (a reader's, a validation's).
enum class ProblemCode {
    none,
    no_cohort,                        // values: cohort code
    no_participant,                   // ref
    no_trainer,                       // ref
    no_supervisor,                    // ref
    no_session,                       // session id
    no_certificate,                   // serial
    no_module,                        // curriculum (code, or code and version), module code
    no_mark,                          // ref, session id
    not_enrolled,                     // ref, cohort code
    not_enrolled_in_curriculum,       // ref, cohort code, curriculum code
    cohort_exists,                    // cohort code
    trainer_exists,                   // ref
    participant_exists,               // ref
    override_needs_reason,            // -
    revocation_needs_reason,          // -
    reprint_needs_reason,             // -
    no_assessment,                    // module code
    no_supervised_practice,           // module code
    practice_needs_minutes,           // -
    practice_needs_supervisor,        // -
    revoked_already,                  // serial, when
    reprint_of_revoked,               // serial
    reprint_of_erased,                // serial
    not_a_revocation_category,        // what was given
    date_in_future,                   // date
    cohort_full,                      // cohort code, capacity, people added, people in all
    mark_before_enrolment,            // ref, session id, module code, session date, new enrolment date
    co_facilitator_without_lead,      // -
    co_facilitator_leads,             // ref
    sessions_exist,                   // cohort code, sessions
    session_negative,                 // minutes
    session_too_long,                 // -
    session_has_marks,                // session id, marks
    version_in_use,                   // curriculum code, version, cohorts
    erasure_asked,                    // refs
    erased,                           // ref
    erased_already,                   // ref
    erasure_needs_reason,             // -
    qualify_needs_module,             // ref
    no_imported_module,               // module code
    no_pathway,                       // ref
    no_pathway_to,                    // ref, certification code
    several_pathways,                 // ref
    certified_already,                // ref, certification code, serial, valid until
    nothing_to_renew,                 // ref
    nothing_to_renew_of,              // ref, certification code
    trainer_level_needed,             // -
    months_out_of_range,              // -
    issued_in_future,                 // date
    curriculum_not_imported,          // curriculum code
    curriculum_version_not_imported,  // curriculum code, version
    no_completion_certificate,        // ref, curriculum code
    not_a_pack,                       // file
    // import and field errors (issue 20, stop 28)
    field_required,          // -, or an example (FieldError::Kind::required; the field is the problem's)
    field_not_a_code,        // value
    field_not_a_country,     // value
    field_not_a_language,    // value
    field_too_long,          // -
    field_not_utf8,          // the first bad byte's number
    field_blank,             // -
    field_not_an_email,      // value
    field_not_a_phone,       // value
    file_too_large,          // megabytes
    file_utf16,              // -
    file_empty,              // -
    csv_stray_quote,         // -
    csv_unclosed_quote,      // -
    csv_after_quote,         // -
    csv_field_too_long,      // bytes, most bytes
    csv_nul_byte,            // -
    csv_not_utf8,            // line, byte
    csv_too_many_fields,     // columns in the header, fields in the row
    csv_too_few_fields,      // columns in the header, fields in the row
    more_problems,           // how many
    column_unnamed,          // -
    column_unknown,          // column, required columns, optional columns ("" when none)
    column_twice,            // column, first column number
    column_missing,          // column
    not_a_date,              // value
    duplicate_ref,           // ref, first line
    session_required,        // -
    not_a_session_number,    // value
    status_required,         // -
    not_a_status,            // value
    minutes_required,        // status
    not_minutes,             // value
    minutes_not_for_status,  // status
    marked_twice,            // session id, ref, first line
    // store and workflow refusals (issue 20, stop 28)
    no_file,                        // file
    pack_into_itself,               // -
    not_a_mitra_database,           // file
    not_a_readable_pack,            // file
    pack_from_newer_mitra,          // file, its schema version, the newest this program knows
    pack_from_before_packs,         // file, its schema version
    pack_needs_out,                 // -
    pack_exists,                    // file
    no_folder,                      // folder
    no_setting,                     // setting name, the names there are
    site_folder_empty,              // -
    site_folder_control_character,  // -
    site_folder_not_absolute,       // what was given
    verify_url_empty,               // -
    verify_url_too_long,            // -
    verify_url_not_ascii,           // -
    verify_url_no_scheme,           // -
    verify_url_no_host,             // -
    verify_url_hash,                // -
    text_needed,                    // -
    text_too_long,                  // most characters
    credential_expires_first,       // -
    not_a_ref,                      // what was given
    supervisor_exists,              // ref
    supervisor_needs_trainer,       // -
    supervisor_not_a_trainer,       // -
    practice_minutes_out_of_range,  // -
    no_rubric,                      // module code
    no_completion_window,           // curriculum code
    deadline_not_later,             // current deadline
    not_a_certificate_kind,         // what was given
    seed_needs_empty_database,      // -
    learning_needs_title,           // -
    learning_needs_provider,        // -
    hours_not_positive,             // -
    hours_too_many,                 // -
    learning_needs_category,        // -
    not_a_category,                 // what was given
    not_a_learning_source,          // what was given
    session_not_in_cohort,          // session id, cohort code
    marked_twice_in_batch,          // ref, session id
    attended_minutes_needed,        // status (late, left_early)
    minutes_over_session,           // minutes, the session's minutes
    minutes_only_when_partial,      // -
    enrolled_nowhere,               // ref
    enrolled_in_several,            // ref, cohort codes
    no_supervision_entry,           // supervisor ref, participant ref, cohort code
    unprintable_character,          // code point (U+0000), script
    // the curriculum and certificate template files (TOML), issue 20
    toml_not_valid,              // toml++'s own description (English)
    toml_wrong_type,             // the type wanted, the type found (keys of io::toml_type_words: "text", "[[frame]]")
    toml_unknown_key,            // key, the keys there are
    toml_too_long,               // characters, most characters
    toml_not_a_language_tag,     // key
    toml_empty,                  // -
    toml_no_texts,               // -
    toml_needs_english,          // -
    toml_out_of_range,           // value, least, most
    toml_not_a_share,            // -
    toml_not_a_fingerprint,      // -
    toml_not_a_category,         // -
    ethics_code_empty,           // -
    curriculum_no_modules,       // -
    module_code_twice,           // module code, first line
    session_not_in_module,       // session number, the module's sessions
    session_listed_twice,        // session number
    split_without_supervision,   // -
    split_over_supervision,      // the minimums' minutes, supervised_minutes
    group_max_below_minimum,     // supervised_group_max_minutes, supervised_group_minutes
    criterion_twice,             // criterion key, first line
    not_a_module_kind,           // what was given
    not_an_assessment_kind,      // what was given
    hours_out_of_range,          // -
    electives_over_modules,      // electives required, electives there are
    no_shipped_curricula,        // -
    not_one_of,                  // what was given, the choices ("A4", "Letter")
    not_a_colour,                // what was given
    not_a_placeholder,           // the placeholder as written
    not_a_text_field,            // what was given
    field_or_text,               // -
    only_for_modules,            // -
    image_not_png_or_jpeg_name,  // image file
    image_control_character,     // image file
    image_absolute,              // image file
    image_outside_folder,        // image file
    image_missing,               // image file, where it was looked for
    image_link_outside,          // image file, where the link leads
    image_cannot_open,           // image file
    image_not_a_file,            // image file
    image_too_many_bytes,        // image file, megabytes, most megabytes
    image_png_no_header,         // image file
    image_png_bad_header,        // image file
    image_jpeg_cut_short,        // image file
    image_jpeg_no_frame,         // image file, byte
    image_jpeg_unusual,          // image file
    image_jpeg_unreadable,       // image file
    image_neither,               // image file
    image_misnamed,              // image file, PNG or JPEG, the name's ending (.jpg)
    image_too_large,             // image file, width, height, most pixels a side, most million pixels
    // printing, backups, names and input files (issue 20)
    not_yet_complete,          // - (what they still lack is phrased from their completion: io::left_out_phrase)
    module_not_yet_complete,   // module code (the same)
    module_not_in_curriculum,  // module code
    personal_data_erased,      // -
    name_unprintable,          // code point (U+0000); retried by issuing again
    reprint_unprintable,       // serial, code point
    renewal_unprintable,       // ref, code point
    backup_not_a_file,         // file
    backup_damaged,            // file (SQLite's integrity check failed)
    backup_not_mitra,          // file
    backup_from_newer_mitra,   // file, its schema version
    backup_not_sqlite,         // file
    input_missing,             // - (the problem's file)
    input_is_folder,           // -
    input_read_denied,         // -
    input_unreadable,          // what the system said (English)
    name_control_character,    // code point and its Unicode name
    name_line_break,           // code point and name
    name_joiner,               // code point and name
    name_direction_control,    // code point and name
    name_not_a_character,      // code point and name
    name_private_use,          // code point and name
    name_noncharacter,         // code point and name
    name_unassigned,           // code point and name
    name_invisible,            // code point and name
    name_emoji,                // code point and name
    name_starts_with_mark,     // code point and name
    name_mark_after_space,     // code point and name
    name_no_letter,            // -
    not_a_time_zone,           // what was given
    unknown_time_zone,         // what was given, the nearest known zone ("" when none)
    end_before_start,          // end date, start date
    capacity_negative,         // -
    // certification not ready (issue 20): what is still needed, worded in the user's language
    not_ready_to_certify,        // ref, certification code, the requirement not met in words (io::not_ready_problems)
    not_ready_to_renew,          // ref, certification code, category ("" for the total), minutes done, minutes needed
    trainer_not_ready_to_renew,  // trainer ref, level, rule code, category ("" for the total), minutes done, needed
    last = trainer_not_ready_to_renew,  // for walking every code
};

struct Problem {
    std::string file;     // empty when the input was not a file (a command-line option)
    int line = 0;         // 1-based; 0 when unknown
    int column = 0;       // 1-based; 0 when unknown
    std::string field;    // the column, key or option concerned; may be empty
    std::string message;  // what is wrong, in words a trainer understands (English)
    ProblemCode code = ProblemCode::none;
    std::vector<std::string> values{};  // the code's values, in the order its comment gives
};

// "file:line:column: field: message", leaving out the parts that are unknown.
std::string to_string(const Problem& problem);

using Problems = std::vector<Problem>;

// Thrown by the layers below the CLI and GUI when input is refused as a whole;
// carries every problem found, so the user can fix them all at once. what() is summary().
struct InputError : std::exception {
    InputError() = default;
    explicit InputError(Problems found) : problems(std::move(found)) {}
    Problems problems;
    std::string summary() const;  // one problem per line
    const char* what() const noexcept override;

private:
    mutable std::string what_;  // summary() as of the last what()
};

}  // namespace mitra
