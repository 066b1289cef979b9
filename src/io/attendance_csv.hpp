// Reading attendance marks from a CSV file, all or nothing.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"
#include "io/result.hpp"

namespace mitra::io {

struct AttendanceRow {
    int line = 0;  // where the row starts in the file
    long long session_id = 0;
    std::string ref;
    AttendanceStatus status = AttendanceStatus::present;
    std::optional<int> minutes;  // attended minutes; only for late and left_early
    std::string note;
};

// Columns session, ref, status, minutes (in any order) and optionally note. Status is present,
// late, left_early, excused, absent or P, L, E, A. Minutes (0-1440) are required for late and
// left_early, refused for present, and may be empty or 0 for excused and absent. A session and
// ref marked twice is a problem. Whether the session and the ref exist is for the store to check.
// When there is any problem, `value` is empty.
Result<std::vector<AttendanceRow>> read_attendance_csv(std::string_view content, const std::string& file_name);
Result<std::vector<AttendanceRow>> read_attendance_csv_file(const std::filesystem::path& path);

}  // namespace mitra::io
