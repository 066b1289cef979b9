// The RFC 4180 reader: a scanner that splits records and fields, then checks on each field and row.
#include "io/csv.hpp"

#include <algorithm>

#include "core/text.hpp"
#include "io/reason_words.hpp"

namespace mitra::io {
namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

struct RawField {
    std::string text;
    int line = 0;  // where the field starts
    bool quoted = false;
};

struct RawRecord {
    int line = 0;
    std::vector<RawField> fields;
    Problems problems;

    // Nothing but separators and spaces: an empty line, or ",,,," as Excel writes a blank row.
    bool blank() const {
        return problems.empty() && std::all_of(fields.begin(), fields.end(),
                                               [](const RawField& f) { return !f.quoted && trim(f.text).empty(); });
    }
};

// Splits the text into records and fields, noting broken quotes where they are.
class Scanner {
public:
    Scanner(std::string_view text, const std::string& file, std::size_t pos = 0, int line = 1)
        : text_(text), file_(file), pos_(pos), line_(line) {}

    bool done() const { return pos_ >= text_.size(); }
    std::size_t pos() const { return pos_; }
    int line() const { return line_; }

    RawRecord next_record() {
        RawRecord record;
        record.line = line_;
        while (true) {
            record.fields.push_back(next_field(record, static_cast<int>(record.fields.size()) + 1));
            if (peek() == ',') {
                ++pos_;
                continue;
            }
            consume_record_end();
            return record;
        }
    }

private:
    char peek(std::size_t ahead = 0) const { return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0'; }
    bool at_end() const { return pos_ >= text_.size(); }
    bool at_record_end() const { return at_end() || peek() == '\n' || (peek() == '\r' && peek(1) == '\n'); }
    bool at_field_end() const { return at_record_end() || peek() == ','; }

    void consume_record_end() {
        if (peek() == '\r') ++pos_;
        if (peek() == '\n') {
            ++pos_;
            ++line_;
        }
    }

    void note(RawRecord& record, int line, int column, ProblemCode code) {
        record.problems.push_back(coded_problem({file_, line, column, "", ""}, code));
    }

    RawField next_field(RawRecord& record, int column) {
        RawField field{"", line_, false};
        if (peek() == '"') read_quoted(field, record, column);
        else read_unquoted(field, record, column);
        return field;
    }

    void read_unquoted(RawField& field, RawRecord& record, int column) {
        bool stray_quote = false;
        while (!at_field_end()) {
            stray_quote = stray_quote || peek() == '"';
            field.text += text_[pos_++];
        }
        if (stray_quote) note(record, field.line, column, ProblemCode::csv_stray_quote);
    }

    void read_quoted(RawField& field, RawRecord& record, int column) {
        field.quoted = true;
        ++pos_;
        while (true) {
            if (at_end()) {
                note(record, field.line, column, ProblemCode::csv_unclosed_quote);
                return;
            }
            const char c = text_[pos_];
            if (c == '"' && peek(1) == '"') {
                field.text += '"';
                pos_ += 2;
                continue;
            }
            ++pos_;
            if (c == '"') break;
            if (c == '\n') ++line_;
            field.text += c;
        }
        if (at_field_end()) return;
        note(record, line_, column, ProblemCode::csv_after_quote);
        while (!at_field_end()) ++pos_;
    }

    std::string_view text_;
    const std::string& file_;
    std::size_t pos_ = 0;
    int line_ = 1;
};

int line_of_offset(const RawField& field, std::size_t offset) {
    return field.line + static_cast<int>(std::count(field.text.begin(), field.text.begin() + offset, '\n'));
}

// Length, NUL and UTF-8 checks on one field; at most one problem per field.
void check_field(RawRecord& record, const RawField& field, int column, const std::string& file,
                 const CsvLimits& limits) {
    auto report = [&](int line, ProblemCode code, std::vector<std::string> values = {}) {
        record.problems.push_back(coded_problem({file, line, column, "", ""}, code, std::move(values)));
    };
    if (field.text.size() > limits.max_field_bytes) {
        report(field.line, ProblemCode::csv_field_too_long,
               {std::to_string(field.text.size()), std::to_string(limits.max_field_bytes)});
    } else if (auto nul = field.text.find('\0'); nul != std::string::npos) {
        report(line_of_offset(field, nul), ProblemCode::csv_nul_byte);
    } else if (auto bad = invalid_utf8_at(field.text)) {
        const int line = line_of_offset(field, *bad);
        report(line, ProblemCode::csv_not_utf8, {std::to_string(line), std::to_string(*bad + 1)});
    }
}

void check_fields(RawRecord& record, const std::string& file, const CsvLimits& limits) {
    for (std::size_t i = 0; i < record.fields.size(); ++i)
        check_field(record, record.fields[i], static_cast<int>(i) + 1, file, limits);
}

void check_field_count(RawRecord& record, const std::vector<CsvField>& header, const std::string& file) {
    const auto expected = header.size(), found = record.fields.size();
    const std::vector<std::string> counts{std::to_string(expected), std::to_string(found)};
    if (found > expected)
        record.problems.push_back(coded_problem({file, record.line, static_cast<int>(expected) + 1, "", ""},
                                                ProblemCode::csv_too_many_fields, counts));
    else if (found < expected)
        record.problems.push_back(
            coded_problem({file, record.line, static_cast<int>(found) + 1, trim(header[found].text), ""},
                          ProblemCode::csv_too_few_fields, counts));
}

// Names the column of each row problem after the header, where the header has that column.
void name_fields(Problems& problems, const std::vector<CsvField>& header) {
    for (auto& p : problems)
        if (p.field.empty() && p.column >= 1 && p.column <= static_cast<int>(header.size()))
            p.field = trim(header[p.column - 1].text);
}

std::vector<CsvField> to_fields(std::vector<RawField>& raw) {
    std::vector<CsvField> fields;
    for (std::size_t i = 0; i < raw.size(); ++i)
        fields.push_back({unguard_formula(raw[i].text), static_cast<int>(i) + 1});
    return fields;
}

void cap_problems(Problems& problems, const std::string& file, std::size_t max_problems) {
    if (problems.size() <= max_problems) return;
    const auto hidden = problems.size() - max_problems;
    problems.resize(max_problems);
    problems.push_back(coded_problem({file, 0, 0, "", ""}, ProblemCode::more_problems, {std::to_string(hidden)}));
}

bool looks_like_utf16(std::string_view content) {
    return content.starts_with("\xFF\xFE") || content.starts_with("\xFE\xFF");
}

// Where a text's first character after its leading quotes is one a spreadsheet starts a formula with; npos
// when it is not such a text (see guard_formula).
std::size_t formula_start(std::string_view text) {
    const auto at = text.find_first_not_of('\'');
    if (at == std::string_view::npos) return std::string_view::npos;
    return std::string_view("=+-@\t\r").find(text[at]) != std::string_view::npos ? at : std::string_view::npos;
}

}  // namespace

std::string guard_formula(std::string_view text) {
    if (formula_start(text) == std::string_view::npos) return std::string(text);
    return "'" + std::string(text);
}

std::string unguard_formula(std::string_view text) {
    const auto at = formula_start(text);
    if (at == std::string_view::npos || at == 0) return std::string(text);
    return std::string(text.substr(1));
}

CsvReader::CsvReader(std::string_view content, const std::string& file_name, const CsvLimits& limits)
    : content_(content), file_name_(file_name), limits_(limits) {
    auto refuse = [&](ProblemCode code, std::vector<std::string> values = {}) {
        problems_.push_back(coded_problem({file_name, 0, 0, "", ""}, code, std::move(values)));
    };
    if (content_.size() > limits_.max_file_bytes) {
        refuse(ProblemCode::file_too_large, {std::to_string(limits_.max_file_bytes / 1'000'000)});
        return;
    }
    if (looks_like_utf16(content_)) {
        refuse(ProblemCode::file_utf16);
        return;
    }
    if (content_.starts_with(kByteOrderMark)) content_.remove_prefix(kByteOrderMark.size());

    Scanner scanner(content_, file_name_);
    while (!scanner.done()) {
        RawRecord record = scanner.next_record();
        if (record.blank()) continue;
        check_fields(record, file_name_, limits_);
        have_header_ = true;
        header_.header_line = record.line;
        header_.header = to_fields(record.fields);
        problems_ = std::move(record.problems);
        break;
    }
    if (!have_header_) {
        refuse(ProblemCode::file_empty);
        return;
    }
    rows_start_ = scanner.pos();
    rows_line_ = scanner.line();
    rewind();
}

void CsvReader::rewind() {
    pos_ = rows_start_;
    line_ = rows_line_;
}

bool CsvReader::next(CsvRow& row, Problems& row_problems) {
    if (!have_header_) return false;
    Scanner scanner(content_, file_name_, pos_, line_);
    while (!scanner.done()) {
        RawRecord record = scanner.next_record();
        if (record.blank()) continue;
        check_fields(record, file_name_, limits_);
        check_field_count(record, header_.header, file_name_);
        name_fields(record.problems, header_.header);
        row.line = record.line;
        row.fields.clear();
        if (record.problems.empty()) row.fields = to_fields(record.fields);
        row_problems = std::move(record.problems);
        pos_ = scanner.pos();
        line_ = scanner.line();
        return true;
    }
    pos_ = scanner.pos();
    line_ = scanner.line();
    return false;
}

Result<CsvTable> read_csv(std::string_view content, const std::string& file_name, const CsvLimits& limits) {
    CsvReader reader(content, file_name, limits);
    Result<CsvTable> result{reader.header(), reader.problems()};
    if (!reader.has_header()) return result;
    CsvRow row;
    Problems row_problems;
    while (reader.next(row, row_problems)) {
        if (row_problems.empty()) result.value.rows.push_back(std::move(row));
        result.problems.insert(result.problems.end(), row_problems.begin(), row_problems.end());
    }
    cap_problems(result.problems, file_name, limits.max_problems);
    return result;
}

}  // namespace mitra::io
