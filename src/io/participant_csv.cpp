// Participants from CSV: the CSV reader, then mitra::normalize and mitra::validate on each row, then duplicate refs;
// all rows at once (read_participant_csv) or one at a time (ParticipantCsvReader, check_participant_csv).
#include "io/participant_csv.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/calendar.hpp"
#include "core/text.hpp"
#include "core/validation.hpp"
#include "io/files.hpp"
#include "io/reason_words.hpp"

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
            problems.push_back(
                field_problem(file_name, row, columns, "consent_date", ProblemCode::not_a_date, {consent}));
    }
    normalize(p);
    for (const auto& error : validate(p)) {
        // Core's kind and value, so each front end words it; core's own English stays the message.
        Problem problem = to_problem(error);
        problem.file = file_name;
        problem.line = row.line;
        problem.column = columns.column(error.field);
        problems.push_back(std::move(problem));
    }
    return p;
}

// Keeps the first `most` problems given, in the order given, and counts the rest.
class CappedProblems {
public:
    explicit CappedProblems(std::size_t most) : most_(most) {}
    void add(Problem problem) {
        if (kept_.size() < most_) kept_.push_back(std::move(problem));
        else ++hidden_;
    }
    void add(const Problems& problems) {
        for (const auto& p : problems) add(p);
    }
    bool empty() const { return kept_.empty(); }
    // In the order a person reads the file, and a last word on those left out.
    Problems sorted(const std::string& file_name) && {
        sort_by_place(kept_);
        if (hidden_ > 0)
            kept_.push_back(
                coded_problem({file_name, 0, 0, "", ""}, ProblemCode::more_problems, {std::to_string(hidden_)}));
        return std::move(kept_);
    }

private:
    std::size_t most_;
    Problems kept_;
    std::size_t hidden_ = 0;
};

Problem duplicate_ref(const std::string& file_name, const ParticipantRow& row, int column, int first_line) {
    return coded_problem({file_name, row.line, column, "ref", ""}, ProblemCode::duplicate_ref,
                         {row.participant.ref, std::to_string(first_line)});
}

}  // namespace

ParticipantCsvReader::ParticipantCsvReader(std::string_view content, const std::string& file_name)
    : file_name_(file_name), csv_(content, file_name), problems_(csv_.problems()) {
    if (csv_.has_header()) columns_ = map_columns(csv_.header(), kRequired, kOptional, file_name, problems_);
}

bool ParticipantCsvReader::next(ParticipantRow& row, Problems& row_problems) {
    row_problems.clear();
    if (!columns_ || !csv_.next(csv_row_, row_problems)) return false;
    row.line = csv_row_.line;
    row.participant =
        row_problems.empty() ? to_participant(csv_row_, *columns_, file_name_, row_problems) : Participant{};
    return true;
}

int ParticipantCsvReader::column(const std::string& name) const { return columns_ ? columns_->column(name) : 0; }

Result<std::vector<ParticipantRow>> read_participant_csv(std::string_view content, const std::string& file_name) {
    ParticipantCsvReader reader(content, file_name);
    CappedProblems problems(CsvLimits{}.max_problems);
    problems.add(reader.problems());
    Result<std::vector<ParticipantRow>> result;
    std::map<std::string, int> first_line_of_ref;
    ParticipantRow row;
    Problems row_problems;
    while (reader.next(row, row_problems)) {
        problems.add(row_problems);
        const auto& ref = row.participant.ref;
        if (ref.empty()) continue;  // a row the CSV reader could not split has none either
        if (auto [it, fresh] = first_line_of_ref.emplace(ref, row.line); !fresh)
            problems.add(duplicate_ref(file_name, row, reader.column("ref"), it->second));
        result.value.push_back(row);
    }
    if (!problems.empty()) result = {{}, std::move(problems).sorted(file_name)};
    return result;
}

Result<std::vector<ParticipantRow>> read_participant_csv_file(const std::filesystem::path& path) {
    auto file = read_input_file(path, CsvLimits{}.max_file_bytes);
    if (!file.ok()) return {{}, std::move(file.problems)};
    return read_participant_csv(file.value, path.string());
}

Result<std::size_t> check_participant_csv(std::string_view content, const std::string& file_name,
                                          const std::function<void(const ParticipantRow&, Problems&)>& check) {
    ParticipantCsvReader reader(content, file_name);
    const std::size_t most = CsvLimits{}.max_problems;
    CappedProblems problems(most), further(most);
    problems.add(reader.problems());
    // Duplicate refs by a hash of each ref (16 bytes a row, where a map of the refs would take about 80); rows
    // whose hashes meet are read again to compare the refs themselves.
    std::vector<std::pair<std::size_t, int>> hashes;  // (hash of the ref, line)
    std::size_t rows = 0;
    ParticipantRow row;
    Problems row_problems;
    while (reader.next(row, row_problems)) {
        ++rows;
        problems.add(row_problems);
        if (row.participant.ref.empty()) continue;
        hashes.emplace_back(std::hash<std::string>{}(row.participant.ref), row.line);
        if (check && row_problems.empty()) {
            Problems more;
            check(row, more);
            further.add(more);
        }
    }
    std::sort(hashes.begin(), hashes.end());
    std::set<int> suspects;  // lines whose ref's hash is another row's too
    for (std::size_t i = 1; i < hashes.size(); ++i)
        if (hashes[i].first == hashes[i - 1].first) suspects.insert({hashes[i - 1].second, hashes[i].second});
    hashes = {};
    if (!suspects.empty()) {
        std::map<std::string, int> first_line_of_ref;
        reader.rewind();
        while (reader.next(row, row_problems))
            if (suspects.count(row.line) && !row.participant.ref.empty())
                if (auto [it, fresh] = first_line_of_ref.emplace(row.participant.ref, row.line); !fresh)
                    problems.add(duplicate_ref(file_name, row, reader.column("ref"), it->second));
    }
    if (problems.empty() && further.empty()) return {rows, {}};
    return {0, problems.empty() ? std::move(further).sorted(file_name) : std::move(problems).sorted(file_name)};
}

}  // namespace mitra::io
