// Participants from CSV: the CSV reader, then mitra::normalize and mitra::validate on each row, then duplicate refs.
#include "io/participant_csv.hpp"

#include <map>

#include "core/calendar.hpp"
#include "core/text.hpp"
#include "core/validation.hpp"
#include "io/columns.hpp"
#include "io/csv.hpp"
#include "io/files.hpp"

namespace mitra::io {
namespace {

const std::vector<std::string> kRequired = {"ref", "full_name", "latin_name", "country", "language", "email"};
const std::vector<std::string> kOptional = {"phone", "consent_date"};

std::string upper_ascii(std::string text) {
    for (char& c : text)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return text;
}

// Problems go to `problems`; the participant is built as far as the row allows.
Participant to_participant(const CsvRow& row, const ColumnMap& columns, const std::string& file_name,
                           Problems& problems) {
    Participant p;
    p.ref = trim(columns.text(row, "ref"));
    p.full_name = columns.text(row, "full_name");
    p.latin_name = columns.text(row, "latin_name");
    // ISO codes are upper case, but people type "jp": accept either and keep the upper case.
    p.country = upper_ascii(trim(columns.text(row, "country")));
    p.language = trim(columns.text(row, "language"));
    p.email = columns.text(row, "email");
    p.phone = columns.text(row, "phone");
    if (const auto consent = columns.text(row, "consent_date"); !consent.empty()) {
        p.consent_date = parse_date(consent);
        if (!p.consent_date)
            problems.push_back(field_problem(file_name, row, columns, "consent_date",
                                             "'" + consent + "' is not a date in the form YYYY-MM-DD"));
    }
    normalize(p);
    for (const auto& error : validate(p))
        problems.push_back(field_problem(file_name, row, columns, error.field, error.message));
    return p;
}

}  // namespace

Result<std::vector<ParticipantRow>> read_participant_csv(std::string_view content, const std::string& file_name) {
    auto table = read_csv(content, file_name);
    Result<std::vector<ParticipantRow>> result{{}, std::move(table.problems)};
    const auto columns = map_columns(table.value, kRequired, kOptional, file_name, result.problems);
    if (!columns) return result;

    std::map<std::string, int> first_line_of_ref;
    for (const auto& row : table.value.rows) {
        ParticipantRow read{row.line, to_participant(row, *columns, file_name, result.problems)};
        const auto& ref = read.participant.ref;
        if (ref.empty()) continue;
        if (auto [it, fresh] = first_line_of_ref.emplace(ref, row.line); !fresh)
            result.problems.push_back(field_problem(file_name, row, *columns, "ref",
                                                    "duplicate ref " + ref + ", first on line " +
                                                        std::to_string(it->second)));
        result.value.push_back(std::move(read));
    }
    sort_by_place(result.problems);
    if (!result.ok()) result.value.clear();
    return result;
}

Result<std::vector<ParticipantRow>> read_participant_csv_file(const std::filesystem::path& path) {
    auto file = read_input_file(path, CsvLimits{}.max_file_bytes);
    if (!file.ok()) return {{}, std::move(file.problems)};
    return read_participant_csv(file.value, path.string());
}

}  // namespace mitra::io
