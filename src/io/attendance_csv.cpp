// Attendance marks from CSV: the CSV reader, then checks on each mark, then marks given twice.
#include "io/attendance_csv.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <utility>

#include "core/text.hpp"
#include "io/columns.hpp"
#include "io/csv.hpp"
#include "io/files.hpp"
#include "io/reason_words.hpp"

namespace mitra::io {
namespace {

const std::vector<std::string> kRequired = {"session", "ref", "status", "minutes"};
const std::vector<std::string> kOptional = {"note"};
constexpr long long kMinutesInADay = 1440;

// Digits only: no sign, no spaces, no decimals.
std::optional<long long> parse_whole_number(std::string_view text) {
    const bool digits = std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (text.empty() || text.size() > 18 || !digits) return std::nullopt;
    long long value = 0;
    std::from_chars(text.data(), text.data() + text.size(), value);
    return value;
}

bool counts_minutes(AttendanceStatus status) {
    return status == AttendanceStatus::late || status == AttendanceStatus::left_early;
}

class RowReader {
public:
    RowReader(const CsvRow& row, const ColumnMap& columns, const std::string& file_name, Problems& problems)
        : row_(row), columns_(columns), file_name_(file_name), problems_(problems) {}

    AttendanceRow read() {
        AttendanceRow mark;
        mark.line = row_.line;
        read_session(mark);
        read_ref(mark);
        const bool status_known = read_status(mark);
        read_minutes(mark, status_known);
        mark.note = columns_.text(row_, "note");
        return mark;
    }

private:
    void problem(const std::string& field, ProblemCode code, std::vector<std::string> values = {}) {
        problems_.push_back(field_problem(file_name_, row_, columns_, field, code, std::move(values)));
    }

    void read_session(AttendanceRow& mark) {
        const auto text = trim(columns_.text(row_, "session"));
        const auto id = parse_whole_number(text);
        if (text.empty()) problem("session", ProblemCode::session_required);
        else if (!id || *id <= 0) problem("session", ProblemCode::not_a_session_number, {text});
        else mark.session_id = *id;
    }

    void read_ref(AttendanceRow& mark) {
        mark.ref = trim(columns_.text(row_, "ref"));
        // Said as core's check of a ref says it (the same words as a participant's ref refused).
        if (mark.ref.empty()) problem("ref", ProblemCode::field_required);
        else if (!is_code(mark.ref)) problem("ref", ProblemCode::field_not_a_code, {mark.ref});
    }

    bool read_status(AttendanceRow& mark) {
        const auto text = trim(columns_.text(row_, "status"));
        const auto status = parse_attendance_status(text);
        if (status) mark.status = *status;
        else if (text.empty()) problem("status", ProblemCode::status_required);
        else problem("status", ProblemCode::not_a_status, {text});
        return status.has_value();
    }

    void read_minutes(AttendanceRow& mark, bool status_known) {
        const auto text = trim(columns_.text(row_, "minutes"));
        const auto minutes = parse_whole_number(text);
        const bool in_range = minutes && *minutes <= kMinutesInADay;
        if (!status_known || counts_minutes(mark.status)) {
            if (text.empty() && status_known)
                problem("minutes", ProblemCode::minutes_required, {to_string(mark.status)});
            else if (!text.empty() && !in_range) problem("minutes", ProblemCode::not_minutes, {text});
            else if (in_range) mark.minutes = static_cast<int>(*minutes);
        } else if (!text.empty() && (mark.status == AttendanceStatus::present || minutes != 0LL)) {
            // "0" for someone absent or excused says the same as nothing; anything else is a mix-up.
            problem("minutes", ProblemCode::minutes_not_for_status, {to_string(mark.status)});
        }
    }

    const CsvRow& row_;
    const ColumnMap& columns_;
    const std::string& file_name_;
    Problems& problems_;
};

}  // namespace

Result<std::vector<AttendanceRow>> read_attendance_csv(std::string_view content, const std::string& file_name) {
    auto table = read_csv(content, file_name);
    Result<std::vector<AttendanceRow>> result{{}, std::move(table.problems)};
    const auto columns = map_columns(table.value, kRequired, kOptional, file_name, result.problems);
    if (!columns) return result;

    std::map<std::pair<long long, std::string>, int> first_line_of_mark;
    for (const auto& row : table.value.rows) {
        AttendanceRow mark = RowReader(row, *columns, file_name, result.problems).read();
        if (mark.session_id > 0 && !mark.ref.empty()) {
            auto [it, fresh] = first_line_of_mark.emplace(std::pair{mark.session_id, mark.ref}, row.line);
            if (!fresh)
                result.problems.push_back(
                    field_problem(file_name, row, *columns, "ref", ProblemCode::marked_twice,
                                  {std::to_string(mark.session_id), mark.ref, std::to_string(it->second)}));
        }
        result.value.push_back(std::move(mark));
    }
    sort_by_place(result.problems);
    if (!result.ok()) result.value.clear();
    return result;
}

Result<std::vector<AttendanceRow>> read_attendance_csv_file(const std::filesystem::path& path) {
    auto file = read_input_file(path, CsvLimits{}.max_file_bytes);
    if (!file.ok()) return {{}, std::move(file.problems)};
    return read_attendance_csv(file.value, path.string());
}

}  // namespace mitra::io
